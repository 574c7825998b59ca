import { parseCommand } from './parse.js';
import { runCommand } from './run.js';
import { compareCommand } from './compare.js';
import { reportCommand } from './report.js';
import { TOOL_VERSION } from '../version.js';

const USAGE = `arm-virt-bench ${TOOL_VERSION} — virtualization overhead on ARM boards

Usage:
  arm-virt-bench parse --suite <hackbench|unixbench|iozone|netperf> [--ipc socket|pipe|inet] [--test NETPERF_TEST] FILE
  arm-virt-bench run [--config FILE] [--env LIST] [--preset quick|paper] [--out DIR]
  arm-virt-bench compare --baseline A.json --current B.json [--out DIR]
  arm-virt-bench report RESULTS.json [--out DIR]
`;

export type Command = (args: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  parse: parseCommand,
  run: runCommand,
  compare: compareCommand,
  report: reportCommand,
};

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V') {
    process.stdout.write(`${TOOL_VERSION}\n`);
    return 0;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`arm-virt-bench: unknown command '${name}'\n${USAGE}`);
    return 2;
  }
  try {
    return await command(rest);
  } catch (err) {
    process.stderr.write(`arm-virt-bench ${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
