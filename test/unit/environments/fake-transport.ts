/**
 * A recording fake Transport for environment logic that needs a machine this project
 * cannot have (a Xen Dom0, an ARM board's kernel). Each call is recorded; the answer comes
 * from the first rule whose `match` accepts the argv (replaying real-format output).
 * An argv no rule knows is answered with exit 127, like a missing command.
 */
import type { ExecOptions, ExecResult, Transport } from '../../../src/transport/types.js';

export interface Rule {
  match: (argv: readonly string[]) => boolean;
  reply: (argv: readonly string[], options: ExecOptions) => { exitCode: number | null; output: string };
}

export class FakeTransport implements Transport {
  readonly calls: { argv: string[]; stdin?: string }[] = [];
  closed = 0;
  constructor(
    readonly description: string,
    readonly rules: Rule[],
  ) {}

  async exec(argv: readonly string[], options: ExecOptions): Promise<ExecResult> {
    this.calls.push({ argv: [...argv], ...(options.stdin !== undefined ? { stdin: options.stdin } : {}) });
    const rule = this.rules.find((r) => r.match(argv));
    const r = rule ? rule.reply(argv, options) : { exitCode: 127, output: `${argv[0]}: not found\n` };
    return { ...r, timedOut: false, cancelled: false, durationMs: 1 };
  }

  async copyTo(): Promise<void> {
    throw new Error('copyTo is not used here');
  }

  async close(): Promise<void> {
    this.closed++;
  }

  /** argv of every call, joined by spaces, for assertions. */
  commands(): string[] {
    return this.calls.map((c) => c.argv.join(' '));
  }
}

export const argvIs =
  (...expected: string[]) =>
  (argv: readonly string[]): boolean =>
    argv.length === expected.length && argv.every((a, i) => a === expected[i]);

/** `sh -c SCRIPT ...` whose script contains `needle`. */
export const shScript =
  (needle: string) =>
  (argv: readonly string[]): boolean =>
    argv[0] === 'sh' && argv[1] === '-c' && (argv[2] ?? '').includes(needle);
