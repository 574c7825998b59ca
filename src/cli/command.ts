/**
 * Running one command: parse its arguments from its table, print its help (stdout, exit 0)
 * when asked, and turn every error into one line on stderr with one prefix —
 * `arm-virt-bench <command>: <reason>` — and its exit status (2 for usage and configuration
 * errors, 1 otherwise).
 */
import { EXIT, isUsageError } from './exit.js';
import { parseCommand, usage, type CommandSpec, type Parsed } from './spec.js';

export const PROGRAM = 'arm-virt-bench';

export interface Command {
  spec: CommandSpec;
  run(parsed: Parsed): Promise<number>;
}

export function fail(command: string, message: string): void {
  const lines = message.split('\n').filter((l) => l.trim() !== '');
  process.stderr.write(lines.map((l) => `${PROGRAM} ${command}: ${l}\n`).join(''));
}

export async function invoke(cmd: Command, args: readonly string[]): Promise<number> {
  const name = cmd.spec.name;
  try {
    const parsed = parseCommand(cmd.spec, args);
    if (parsed.help) {
      process.stdout.write(usage(PROGRAM, cmd.spec));
      return EXIT.ok;
    }
    return await cmd.run(parsed);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    fail(name, message);
    if (isUsageError(err)) {
      if ((err as Error).name === 'UsageError')
        process.stderr.write(`Try '${PROGRAM} ${name} --help' for the options.\n`);
      return EXIT.usage;
    }
    return EXIT.partial;
  }
}
