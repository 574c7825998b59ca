/**
 * Runs one local child process the way every transport needs it: argv only (no shell),
 * in its own process group so a timeout or an abort kills the whole tree (SIGTERM, then
 * SIGKILL after a grace), stdout+stderr streamed to the raw log as they arrive, and an
 * environment built only from what the caller passes (never the controller's own).
 */
import { spawn } from 'node:child_process';
import { closeSync, createWriteStream, mkdirSync, openSync, type WriteStream } from 'node:fs';
import { homedir } from 'node:os';
import { dirname } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { ExecResult } from './types.js';

/** PATH given to every command unless the caller sets its own. */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** Keep at most this much output in memory; the raw log file always gets all of it. */
const MAX_OUTPUT_CHARS = 32 * 1024 * 1024;

/**
 * The environment a command gets: a minimal PATH/LANG/HOME plus the caller's variables.
 * LANG=C keeps number formats stable for the parsers. Nothing comes from process.env,
 * so tokens held by the controller (GITHUB_TOKEN, ...) never reach benchmark processes.
 */
export function minimalEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: DEFAULT_PATH,
    LANG: 'C',
    LC_ALL: 'C',
    HOME: homedir(),
    ...(runLabel !== undefined ? { [RUN_LABEL_VAR]: runLabel } : {}),
    ...extra,
  };
}

/**
 * The run every process started from now on belongs to: its id goes into each one's
 * environment as AVB_RUN (also on the board, see ssh.ts), so that the next run on the board
 * can find and remove what a crashed run left (src/engine/leftovers.ts). One run per
 * process at a time; the engine sets it for the length of a run.
 */
export const RUN_LABEL_VAR = 'AVB_RUN';
let runLabel: string | undefined;

export function setRunLabel(runId: string | undefined): void {
  runLabel = runId;
}

export function currentRunLabel(): string | undefined {
  return runLabel;
}

export interface RunOptions {
  timeoutMs: number;
  /** The complete environment of the child (see minimalEnv). */
  env: Record<string, string>;
  cwd?: string;
  stdin?: string;
  /** A file whose content is the command's stdin (for large data, e.g. a tar stream). */
  stdinFile?: string;
  logPath?: string;
  signal?: AbortSignal;
  /** Time between SIGTERM and SIGKILL of the group. */
  killGraceMs?: number;
  /**
   * Called once when the command times out or is aborted, before the local group is
   * signalled (the ssh transport kills the remote group through it). Errors are ignored.
   */
  beforeKill?: () => Promise<void>;
}

export interface RunResult extends Omit<ExecResult, 'signal'> {
  /** Set when the child exited because of a signal. */
  signal: NodeJS.Signals | null;
  /** Set when the program could not be started at all (ENOENT, EACCES, ...). */
  spawnError?: NodeJS.ErrnoException;
}

function openLog(path: string): WriteStream {
  mkdirSync(dirname(path), { recursive: true });
  return createWriteStream(path, { flags: 'a' });
}

function closeLog(log: WriteStream | undefined): Promise<void> {
  if (!log) return Promise.resolve();
  return new Promise((resolve) => {
    log.end(() => resolve());
    log.once('error', () => resolve());
  });
}

function killGroup(pid: number | undefined, sig: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, sig);
  } catch {
    // The group is already gone.
  }
}

export function runProcess(argv: readonly string[], options: RunOptions): Promise<RunResult> {
  const [program, ...args] = argv;
  if (program === undefined) return Promise.reject(new Error('empty argv'));
  const started = performance.now();
  const grace = options.killGraceMs ?? 2000;
  const log = options.logPath ? openLog(options.logPath) : undefined;

  return new Promise<RunResult>((resolve) => {
    let output = '';
    let truncated = false;
    let timedOut = false;
    let cancelled = false;
    let settled = false;
    let killTimer: NodeJS.Timeout | undefined;
    let exitTimer: NodeJS.Timeout | undefined;
    const decoder = new StringDecoder('utf8');

    const stdinFd = options.stdinFile === undefined ? undefined : openSync(options.stdinFile, 'r');
    const child = spawn(program, args, {
      cwd: options.cwd,
      env: options.env,
      detached: true, // own process group: -pid addresses the whole tree
      stdio: [stdinFd ?? (options.stdin === undefined ? 'ignore' : 'pipe'), 'pipe', 'pipe'],
      windowsHide: true,
    });
    if (stdinFd !== undefined) closeSync(stdinFd); // the child holds its own copy

    const onData = (chunk: Buffer): void => {
      log?.write(chunk);
      if (truncated) return;
      output += decoder.write(chunk);
      if (output.length > MAX_OUTPUT_CHARS) {
        truncated = true;
        output = output.slice(0, MAX_OUTPUT_CHARS) + '\n[output truncated in memory; see the raw log]\n';
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);

    if (options.stdin !== undefined && child.stdin) {
      child.stdin.on('error', () => {
        // The command did not read its stdin: not an error of ours.
      });
      child.stdin.end(options.stdin);
    }

    const stop = (why: 'timeout' | 'abort'): void => {
      if (settled || timedOut || cancelled) return;
      if (why === 'timeout') timedOut = true;
      else cancelled = true;
      const before = options.beforeKill ? options.beforeKill().catch(() => undefined) : Promise.resolve();
      // Do not let a hung remote kill delay the local kill for long.
      void Promise.race([before, new Promise((r) => setTimeout(r, grace))]).then(() => {
        killGroup(child.pid, 'SIGTERM');
        killTimer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), grace);
        killTimer.unref();
      });
    };

    const timer = setTimeout(() => stop('timeout'), options.timeoutMs);
    const onAbort = (): void => stop('abort');
    if (options.signal?.aborted) queueMicrotask(onAbort);
    else options.signal?.addEventListener('abort', onAbort, { once: true });

    const finish = (result: Omit<RunResult, 'output' | 'durationMs' | 'timedOut' | 'cancelled'>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(exitTimer);
      clearTimeout(killTimer);
      // Whatever is left of the group dies with the command: a child that ignored the SIGTERM
      // and let go of the output pipes would otherwise outlive its timeout (its pipes no longer
      // hold 'close' back, and the SIGKILL timer was just cleared), and a background child of a
      // command that exited normally would outlive its cell.
      if (result.spawnError === undefined) killGroup(child.pid, 'SIGKILL');
      options.signal?.removeEventListener('abort', onAbort);
      if (!truncated) output += decoder.end();
      const durationMs = performance.now() - started;
      void closeLog(log).then(() =>
        resolve({
          ...result,
          exitCode: timedOut || cancelled ? null : result.exitCode,
          output,
          durationMs,
          timedOut,
          cancelled,
        }),
      );
    };

    child.once('error', (err: NodeJS.ErrnoException) => {
      // Only a failed spawn lands here in practice; report it like a shell would (127/126).
      const where = options.cwd === undefined ? '' : ` in ${options.cwd}`;
      const message = `cannot run ${JSON.stringify(program)}${where}: ${err.code ?? err.message}\n`;
      onData(Buffer.from(message));
      finish({ exitCode: err.code === 'EACCES' ? 126 : 127, signal: null, spawnError: err });
    });

    child.once('exit', () => {
      // Output pipes may still be held by children the command left behind; give them a
      // moment to drain, then kill whatever remains of the group so nothing outlives a cell.
      exitTimer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 1000);
      exitTimer.unref();
    });
    child.once('close', (code, sig) => finish({ exitCode: code, signal: sig }));
  });
}
