/**
 * Commands in a container: `docker exec [-e K=V] [-w DIR] CONTAINER argv...`, run through
 * the board's transport (docker runs on the board, reached locally or over ssh).
 *
 * The command runs in its own session inside the container (CONTAINER_RUN_SCRIPT); on a
 * timeout or abort its process group is killed by a second `docker exec` (killing the
 * docker client alone would leave the process running in the container), then the client.
 * A non-zero status is checked against the in-container record, so "the command exited 1"
 * and "docker exec failed" (no such container, daemon gone) are told apart.
 */
import { randomBytes } from 'node:crypto';
import { posix } from 'node:path';
import { CONTAINER_RUN_SCRIPT, CONTROL_SCRIPT, REMOTE_PATH } from './remote-scripts.js';
import { TransportError, type ExecOptions, type ExecResult, type Transport } from './types.js';

export interface DockerExecOptions {
  /** Board transport that can run the docker CLI. */
  board: Transport;
  container: string;
  /** The docker CLI argv prefix, e.g. ['docker'] or ['docker', '-H', 'unix:///run/x.sock']. */
  docker?: readonly string[];
  /** Environment for the docker CLI itself on the board (e.g. DOCKER_HOST). */
  dockerEnv?: Record<string, string>;
  killGraceMs?: number;
}

const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

export class DockerExecTransport implements Transport {
  readonly description: string;
  private readonly docker: readonly string[];
  private readonly grace: number;

  constructor(private readonly options: DockerExecOptions) {
    this.docker = options.docker ?? ['docker'];
    this.grace = options.killGraceMs ?? 2000;
    this.description = `docker exec ${options.container} on ${options.board.description}`;
  }

  private boardExec(argv: string[], o: Partial<ExecOptions> & { timeoutMs: number }): Promise<ExecResult> {
    return this.options.board.exec([...this.docker, ...argv], { ...o, env: this.options.dockerEnv });
  }

  async exec(argv: readonly string[], options: ExecOptions): Promise<ExecResult> {
    if (argv.length === 0) throw new Error('docker exec: empty argv');
    const env = { PATH: REMOTE_PATH, LANG: 'C', LC_ALL: 'C', ...(options.env ?? {}) };
    const flags: string[] = [];
    for (const [k, v] of Object.entries(env)) {
      if (!ENV_KEY.test(k))
        throw new Error(`docker exec: ${JSON.stringify(k)} is not an environment variable name`);
      flags.push('-e', `${k}=${v}`);
    }
    if (options.cwd !== undefined) flags.push('-w', options.cwd);
    if (options.stdin !== undefined) flags.push('-i');
    const id = randomBytes(8).toString('hex');

    // Our own timer and abort: the in-container kill has to happen before the client dies.
    const inner = new AbortController();
    let timedOut = false;
    let cancelled = false;
    let killing: Promise<void> | undefined;
    const stop = (why: 'timeout' | 'abort'): void => {
      if (killing) return;
      if (why === 'timeout') timedOut = true;
      else cancelled = true;
      killing = this.control('kill', id)
        .catch(() => undefined)
        .then(() => inner.abort());
    };
    const timer = setTimeout(() => stop('timeout'), options.timeoutMs);
    const onAbort = (): void => stop('abort');
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort, { once: true });

    let r: ExecResult;
    try {
      r = await this.boardExec(
        ['exec', ...flags, this.options.container, 'sh', '-c', CONTAINER_RUN_SCRIPT, 'avb-run', id, ...argv],
        {
          // The board-side limit is only a backstop behind our own timer.
          timeoutMs: options.timeoutMs + 4 * this.grace + 30_000,
          logPath: options.logPath,
          signal: inner.signal,
          stdin: options.stdin,
        },
      );
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    }
    await killing;
    if (timedOut || cancelled) return { ...r, exitCode: null, timedOut, cancelled };
    if (r.timedOut || r.cancelled) {
      throw new TransportError(
        `${this.description}: docker exec did not end after the command was killed`,
        this.description,
      );
    }
    if (r.exitCode === 0) return r;
    // Non-zero: the command's status (recorded inside) or docker failing?
    const status = await this.control('status', id).catch(() => undefined);
    const recorded = status?.exitCode === 0 ? status.output.trim().split('\n')[0] : undefined;
    if (recorded !== undefined && recorded === String(r.exitCode)) return r;
    const tail = r.output.trim().split('\n').slice(-3).join(' ');
    throw new TransportError(
      `${this.description}: docker exec failed (exit ${r.exitCode}): ${tail}`,
      this.description,
    );
  }

  private async control(action: 'kill' | 'status', id: string): Promise<ExecResult> {
    const tenths = String(Math.max(1, Math.round(this.grace / 100)));
    return this.boardExec(
      ['exec', this.options.container, 'sh', '-c', CONTROL_SCRIPT, 'avb-ctl', action, id, tenths],
      { timeoutMs: 30_000 + this.grace },
    );
  }

  /**
   * Copies a local (controller) file or directory into the container: first to a temp
   * dir on the board through the board transport, then `docker cp` (a directory's
   * contents land in remotePath, like `cp -r`).
   */
  async copyTo(localPath: string, remotePath: string, options: { timeoutMs?: number } = {}): Promise<void> {
    const timeoutMs = options.timeoutMs ?? 600_000;
    const board = this.options.board;
    const tmp = await board.exec(['mktemp', '-d', '/tmp/avb-cp.XXXXXXXX'], { timeoutMs: 30_000 });
    const dir = tmp.output.trim();
    if (tmp.exitCode !== 0 || !dir.startsWith('/tmp/avb-cp.')) {
      throw new Error(`copy to ${this.description}: mktemp on the board failed: ${tmp.output.trim()}`);
    }
    try {
      const staged = posix.join(dir, 'payload');
      await board.copyTo(localPath, staged, { timeoutMs });
      const isDir = await board.exec(['test', '-d', staged], { timeoutMs: 30_000 });
      const parent = posix.dirname(remotePath);
      const mk = await this.exec(['mkdir', '-p', isDir.exitCode === 0 ? remotePath : parent], {
        timeoutMs: 30_000,
      });
      if (mk.exitCode !== 0)
        throw new Error(`copy to ${this.description}: mkdir failed: ${mk.output.trim()}`);
      const src = isDir.exitCode === 0 ? `${staged}/.` : staged;
      const cp = await this.boardExec(['cp', src, `${this.options.container}:${remotePath}`], { timeoutMs });
      if (cp.exitCode !== 0 || cp.timedOut) {
        throw new TransportError(
          `${this.description}: docker cp failed: ${cp.output.trim()}`,
          this.description,
        );
      }
    } finally {
      await board.exec(['rm', '-rf', dir], { timeoutMs: 30_000 }).catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    // The container belongs to the environment; the board transport to the board.
  }
}
