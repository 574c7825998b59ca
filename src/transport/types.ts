/**
 * A transport runs argv arrays (never shell strings built from config or output) in one
 * place: the local machine, a board over SSH, a container via `docker exec`, a guest via
 * SSH through the board. Output is streamed to the raw log as it is produced.
 */
export interface ExecOptions {
  /** Hard limit: on expiry the whole (remote) process tree is killed. */
  timeoutMs: number;
  /** Raw log file: stdout and stderr are appended here as they arrive. */
  logPath?: string;
  /** Cancels the command (the tree is killed) when aborted. */
  signal?: AbortSignal;
  /**
   * Environment variables for the command. Benchmark processes never inherit the
   * controller's environment (tokens, secrets): only these plus a minimal PATH/LANG.
   */
  env?: Record<string, string>;
  /** Working directory on the target. */
  cwd?: string;
  /** Text written to the command's stdin (then closed). */
  stdin?: string;
}

export interface ExecResult {
  /** Exit status, or null when the command was killed. */
  exitCode: number | null;
  timedOut: boolean;
  cancelled: boolean;
  /** Combined stdout+stderr as text (also in logPath when given). */
  output: string;
  durationMs: number;
  /** The signal that ended the command when it died of one by itself (e.g. SIGSEGV). */
  signal?: string;
}

export interface Transport {
  /** For logs and reports, e.g. `ssh root@board:22`, `docker exec avb-bench`. */
  readonly description: string;
  exec(argv: readonly string[], options: ExecOptions): Promise<ExecResult>;
  /** Copy a local file or directory to the target (scp / docker cp / cp). */
  copyTo(localPath: string, remotePath: string, options?: { timeoutMs?: number }): Promise<void>;
  /** Release connections (ControlMaster, etc.). Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Why a connection failed, where the transport can tell: `host-key` (unknown or changed key)
 * and `auth` (our key refused, or none) are configuration errors no wait can fix;
 * `unreachable` (refused, timed out, no route) may pass when a booting target comes up.
 */
export type TransportFailure = 'host-key' | 'auth' | 'unreachable' | 'lost' | 'other';

/** A transport failure that is not the command's own exit status (connection lost, etc.). */
export class TransportError extends Error {
  override readonly name = 'TransportError';
  constructor(
    message: string,
    readonly transport: string,
    readonly failure: TransportFailure = 'other',
  ) {
    super(message);
  }
}

/** A failure that waiting, rebooting or power-cycling cannot fix. */
export function isConfigFailure(err: unknown): err is TransportError {
  return err instanceof TransportError && (err.failure === 'host-key' || err.failure === 'auth');
}
