/**
 * `connection: local`: commands run on the controller's own machine. Same guarantees as
 * every transport: argv only, whole tree killed on timeout/abort, output streamed to the
 * raw log, and an environment that does not inherit the controller's.
 */
import { cp } from 'node:fs/promises';
import { minimalEnv, runProcess } from './process.js';
import type { ExecOptions, ExecResult, Transport } from './types.js';

export interface LocalTransportOptions {
  /** Time between SIGTERM and SIGKILL when a command is killed. */
  killGraceMs?: number;
}

export class LocalTransport implements Transport {
  readonly description = 'local';

  constructor(private readonly options: LocalTransportOptions = {}) {}

  async exec(argv: readonly string[], options: ExecOptions): Promise<ExecResult> {
    if (argv.length === 0) throw new Error('local exec: empty argv');
    const r = await runProcess(argv, {
      timeoutMs: options.timeoutMs,
      env: minimalEnv(options.env),
      cwd: options.cwd,
      stdin: options.stdin,
      logPath: options.logPath,
      signal: options.signal,
      killGraceMs: this.options.killGraceMs,
    });
    return {
      exitCode: r.exitCode,
      timedOut: r.timedOut,
      cancelled: r.cancelled,
      output: r.output,
      durationMs: r.durationMs,
      ...(r.signal && !r.timedOut && !r.cancelled ? { signal: r.signal } : {}),
    };
  }

  /** Recursive copy; a directory's contents land at remotePath (like `cp -r SRC DST`). */
  async copyTo(localPath: string, remotePath: string): Promise<void> {
    await cp(localPath, remotePath, { recursive: true, force: true, preserveTimestamps: true });
  }

  async close(): Promise<void> {
    // Nothing to release.
  }
}
