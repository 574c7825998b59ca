/**
 * The CLI's entry: `arm-virt-bench <command> [options]`. Each command lives in
 * src/cli/<name>.ts with its option table (spec.ts), from which its parser and its `--help`
 * are made; `invoke` (command.ts) gives every command the same error prefix and exit statuses.
 */
import { TOOL_VERSION } from '../version.js';
import { invoke, PROGRAM, type Command } from './command.js';
import { compare } from './compare.js';
import { EXIT } from './exit.js';
import { parse } from './parse.js';
import { probe } from './probe.js';
import { report } from './report.js';
import { run } from './run.js';
import { synopsis } from './spec.js';

export const COMMANDS: Command[] = [run, probe, compare, report, parse];

export function topUsage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.spec.name.length)) + 2;
  return [
    `${PROGRAM} ${TOOL_VERSION} — the overhead of virtualization (Xen Dom0/DomU, KVM, Docker) on ARM boards`,
    '',
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.spec.name.padEnd(width)}${c.spec.brief}`),
    '',
    'Synopsis:',
    ...COMMANDS.map((c) => `  ${synopsis(PROGRAM, c.spec)}`),
    '',
    `'${PROGRAM} <command> --help' shows a command's options. '${PROGRAM} --version' prints the version.`,
    'Exit status: 0 done, 1 partial (something was not measured), 2 usage or configuration error, 3 regression (compare --fail-on-regression), 130 cancelled.',
    '',
  ].join('\n');
}

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V') {
    process.stdout.write(`${TOOL_VERSION}\n`);
    return EXIT.ok;
  }
  if (name === '--help' || name === '-h') {
    process.stdout.write(topUsage());
    return EXIT.ok;
  }
  if (name === 'help') {
    const target = COMMANDS.find((c) => c.spec.name === rest[0]);
    if (rest[0] !== undefined && !target) {
      process.stderr.write(
        `${PROGRAM}: no command '${rest[0]}' (commands: ${COMMANDS.map((c) => c.spec.name).join(', ')})\n`,
      );
      return EXIT.usage;
    }
    return target ? invoke(target, ['--help']) : (process.stdout.write(topUsage()), EXIT.ok);
  }
  if (name === undefined) {
    process.stderr.write(`${PROGRAM}: a command is needed\n\n${topUsage()}`);
    return EXIT.usage;
  }
  const command = COMMANDS.find((c) => c.spec.name === name);
  if (!command) {
    process.stderr.write(
      `${PROGRAM}: unknown command '${name}' (commands: ${COMMANDS.map((c) => c.spec.name).join(', ')}); '${PROGRAM} --help' lists them\n`,
    );
    return EXIT.usage;
  }
  return invoke(command, rest);
}
