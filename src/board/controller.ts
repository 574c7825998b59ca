/**
 * Drives one board from the controller: lock it, learn its boot mode, switch modes
 * (strategy steps → reboot → wait for SSH to go down and come back with a new boot id →
 * detect and verify the mode), recover a board that does not come back (power-cycle,
 * wait again, then a clear failure) and leave it in its default mode.
 *
 * `switchBootMode` is the engine's hook; `withBoard` guarantees `restoreDefault` and the
 * lock release at the end of a run, also after a failure or a cancel.
 */
import { appendFile, mkdir, open, stat } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { BoardConfig, SwitchStrategy } from '../config/board.js';
import type { BootMode, Fingerprint } from '../results/schema.js';
import { isConfigFailure, type Transport } from '../transport/types.js';
import {
  BoardCancelledError,
  BoardConfigError,
  BoardError,
  BoardUnreachableError,
  BootSwitchError,
  refusal,
} from './errors.js';
import {
  acquireBoardLock,
  acquireLocalLock,
  refreshBoardLock,
  releaseBoardLock,
  type BoardLockOptions,
} from './lock.js';
import {
  assertBootMode,
  detectBootMode,
  parseProbe,
  probeFingerprint,
  PROBE_SCRIPT,
  type BootProbe,
  type ModeDetection,
} from './probe.js';
import { planSwitch, type Step } from './strategies.js';

export interface BoardControllerOptions {
  config: BoardConfig;
  /**
   * Opens a connection to the board. Called again after every reboot: a connection
   * multiplexed over a master from the previous boot must not be reused.
   */
  connect: () => Transport;
  /** Runs controller-side commands (power-cycle, console capture); a LocalTransport. */
  controller: Transport;
  /** All board-control logs go here (board.log, probes, reboots, power-cycles, console). */
  logDir: string;
  log?: (line: string) => void;
  /** What board control is doing now (for a cancel message); not printed. */
  activity?: (what: string) => void;
  signal?: AbortSignal;
  /** Identifies this job in the locks; default host:pid:time. */
  owner?: string;
}

export interface BootState {
  probe: BootProbe;
  detection: ModeDetection;
  fingerprint: Fingerprint;
}

export class BoardController {
  private board: Transport;
  private releaseLocal: (() => Promise<void>) | undefined;
  private lockOpts: BoardLockOptions | undefined;
  private consoleAbort: AbortController | undefined;
  private consoleDone: Promise<unknown> | undefined;
  private seq = 0;
  /** The last wait ended on a console failure pattern (not on its timeout). */
  private consoleFailed = false;
  private signal: AbortSignal | undefined;
  private readonly owner: string;
  private readonly cfg: BoardConfig;
  /** consoleFailurePatterns, compiled once (the config schema checked that they compile). */
  private readonly failurePatterns: RegExp[];
  /** The last verified state per mode. */
  readonly fingerprints: Partial<Record<BootMode, Fingerprint>> = {};
  /** The latest probe, whatever the mode. */
  current: BootState | undefined;
  /** How many power-cycles this controller performed (for logs and tests). */
  powerCycles = 0;
  /** The last reason the board did not answer (repeated in every final failure). */
  private lastError: string | undefined;
  private closed = false;

  constructor(private readonly o: BoardControllerOptions) {
    this.cfg = o.config;
    this.failurePatterns = this.cfg.consoleFailurePatterns.map((p) => new RegExp(p));
    this.signal = o.signal;
    this.board = o.connect();
    this.owner = o.owner ?? `${hostname()}:${process.pid}:${new Date().toISOString()}`;
  }

  /** From now on the cancel signal is ignored (used for the final restore). */
  ignoreCancel(): void {
    this.signal = undefined;
  }

  /** The current board transport (replaced after each reboot). */
  transport(): Transport {
    return this.board;
  }

  get logFile(): string {
    return join(this.o.logDir, 'board.log');
  }

  /** One line in board.log (and the progress log). */
  async note(line: string): Promise<void> {
    const stamped = `${new Date().toISOString()} ${line}\n`;
    await appendFile(this.logFile, stamped).catch(() => undefined);
    this.o.log?.(`board ${this.cfg.name}: ${line}`);
  }

  /** A new numbered log file in the board log folder. */
  logPath(what: string): string {
    this.seq += 1;
    return join(this.o.logDir, `${String(this.seq).padStart(2, '0')}-${what}.log`);
  }

  private ms(seconds: number): number {
    return Math.round(seconds * 1000);
  }

  private keptLogs(): string[] {
    const l = [this.logFile];
    if (this.cfg.consoleCommand) l.push(this.consoleLog);
    return l;
  }

  private get consoleLog(): string {
    return join(this.o.logDir, 'console.log');
  }

  /** Whether a serial console is captured (board.consoleCommand). */
  get hasConsole(): boolean {
    return this.cfg.consoleCommand !== undefined;
  }

  /** The console log's current size (a mark to read from later); undefined without a console. */
  async consoleOffset(): Promise<number | undefined> {
    if (!this.hasConsole) return undefined;
    return stat(this.consoleLog).then(
      (s) => s.size,
      () => 0,
    );
  }

  /** What the console printed since `offset`. */
  async consoleSince(offset: number): Promise<string> {
    return readFileFrom(this.consoleLog, offset);
  }

  /** Refreshes the board lock after a boot (the lock directory survives reboots). */
  async refreshLock(): Promise<void> {
    if (this.lockOpts) await refreshBoardLock(this.board, this.lockOpts);
  }

  /** Where the console capture has got to: failure patterns are looked for after this. */
  private async consoleMark(): Promise<number> {
    if (this.failurePatterns.length === 0) return 0;
    return stat(this.consoleLog).then(
      (s) => s.size,
      () => 0,
    );
  }

  /** The first console line since `mark` that matches a failure pattern. */
  private async consoleFailure(mark: number): Promise<string | undefined> {
    if (this.failurePatterns.length === 0) return undefined;
    // Only what the console printed since the mark: a board's console log can grow large.
    const text = await readFileFrom(this.consoleLog, mark);
    return text.split(/\r?\n/).find((line) => this.failurePatterns.some((re) => re.test(line)));
  }

  /** Locks, starts the console capture, makes sure the board answers, and probes it. */
  async open(): Promise<BootState> {
    this.closed = false;
    try {
      return await this.openInner();
    } catch (e) {
      // Nothing half-taken stays behind: console stopped, controller lock released.
      await this.close();
      throw e;
    }
  }

  private async openInner(): Promise<BootState> {
    await mkdir(this.o.logDir, { recursive: true });
    await this.note(`open (owner ${this.owner}, via ${this.board.description})`);
    if (this.cfg.lock.enabled) {
      const local =
        this.cfg.lock.localPath ??
        join(tmpdir(), `arm-virt-bench-${this.cfg.name.replace(/[^A-Za-z0-9_.-]/g, '_')}.lock`);
      this.releaseLocal = await acquireLocalLock(local, this.cfg.name);
      await this.note(`controller lock ${local} taken`);
    }
    this.startConsole();
    const state = await this.probeOrRecover();
    if (this.cfg.lock.enabled) {
      this.lockOpts = {
        path: this.cfg.lock.boardPath,
        owner: this.owner,
        staleSeconds: this.cfg.lock.staleSeconds,
        timeoutMs: this.ms(this.cfg.timeouts.commandSeconds),
        logPath: join(this.o.logDir, 'lock.log'),
      };
      const got = await acquireBoardLock(this.board, this.lockOpts);
      await this.note(
        got.tookOverFrom
          ? `board lock ${this.lockOpts.path} taken over from stale ${got.tookOverFrom}`
          : `board lock ${this.lockOpts.path} taken`,
      );
    }
    return state;
  }

  private startConsole(): void {
    const argv = this.cfg.consoleCommand;
    if (!argv) return;
    this.consoleAbort = new AbortController();
    const logPath = join(this.o.logDir, 'console.log');
    void this.note(`console capture: ${argv.join(' ')} → ${logPath}`);
    this.consoleDone = this.o.controller
      .exec(argv, { timeoutMs: 7 * 24 * 3600 * 1000, logPath, signal: this.consoleAbort.signal })
      .catch((e: unknown) => this.note(`console capture failed: ${String(e)}`));
  }

  /** Probes the board once; throws when it does not answer. */
  async probe(label: string): Promise<BootState> {
    const logPath = this.logPath(`probe-${label}`);
    let r;
    try {
      r = await this.board.exec(['sh', '-c', PROBE_SCRIPT], {
        timeoutMs: this.ms(this.cfg.timeouts.commandSeconds),
        logPath,
      });
    } catch (e) {
      throw this.refusal(e) ?? e;
    }
    if (r.exitCode !== 0 && !r.output.includes('@@end')) {
      throw new BoardError(`probe failed (exit ${String(r.exitCode)}${r.timedOut ? ', timed out' : ''})`, [
        logPath,
      ]);
    }
    const probe = parseProbe(r.output);
    const detection = detectBootMode(probe);
    const fingerprint = probeFingerprint(probe, detection);
    this.current = { probe, detection, fingerprint };
    await this.note(
      `detected ${detection.mode}${detection.xenRole ? `/${detection.xenRole}` : ''} (boot ${probe.bootId}): ${detection.evidence.join('; ')}`,
    );
    return this.current;
  }

  /** Verifies the board is in `mode` (as Dom0 for xen) before measuring; refuses otherwise. */
  async verifyMode(mode: BootMode): Promise<BootState> {
    const s = await this.probe(`verify-${mode}`);
    assertBootMode(mode, s.detection);
    this.fingerprints[mode] = s.fingerprint;
    return s;
  }

  /**
   * A host-key mismatch or a refused key: a configuration error (no wait, no power-cycle can
   * fix it), with the transport's own reason last. Undefined for any other error.
   */
  private refusal(e: unknown): BoardConfigError | undefined {
    if (e instanceof BoardConfigError) return e;
    return isConfigFailure(e) ? refusal(this.cfg.name, e) : undefined;
  }

  private errorText(e: unknown): string {
    return e instanceof Error ? e.message : String(e);
  }

  /** " Last error: …" for final failures. */
  private lastErrorText(): string {
    return this.lastError ? ` Last error: ${this.lastError}` : '';
  }

  private async probeOrRecover(): Promise<BootState> {
    this.o.activity?.(`connecting to board ${this.cfg.name} (${this.board.description})`);
    try {
      return await this.probe('initial');
    } catch (e) {
      const refused = this.refusal(e);
      if (refused) {
        await this.note(refused.message);
        throw refused;
      }
      this.lastError = this.errorText(e);
      await this.note(`board does not answer at start: ${String(e)}`);
    }
    // It may still be booting (a previous job's reboot, a board just powered on).
    const wait = this.cfg.timeouts.startSeconds;
    this.o.activity?.(
      `waiting up to ${wait}s for board ${this.cfg.name} to answer (timeouts.startSeconds; it may be booting)`,
    );
    if (wait > 0 && (await this.waitFor(wait, (id) => id !== undefined))) {
      await this.note('answers now');
      return this.probe('initial-after-wait');
    }
    await this.note(`no answer within ${wait}s`);
    await this.recover(undefined);
    return this.probe('after-recovery');
  }

  /**
   * The engine's hook: make the board run `mode`, verified. A no-op (beyond the check)
   * when it already does.
   */
  async switchBootMode(mode: BootMode): Promise<BootState> {
    this.signal?.throwIfAborted();
    const now = this.current ?? (await this.probeOrRecover());
    if (now.detection.mode === mode) return this.verifyMode(mode);
    const strategy = this.cfg.switch;
    if (!strategy) {
      throw new BootSwitchError(
        `the board is in the ${now.detection.mode} boot and ${mode} was asked for, but board.switch is not configured`,
        this.keptLogs(),
      );
    }
    await this.note(`switch ${now.detection.mode} → ${mode} (${strategy.type})`);
    const plan = planSwitch(strategy, mode, this.cfg.defaultBootMode);
    for (const step of plan.steps) await this.runStep(step);
    for (const check of plan.checks) {
      const logPath = this.logPath('check');
      const r = await this.board.exec(check.argv, {
        timeoutMs: this.ms(this.cfg.timeouts.commandSeconds),
        logPath,
        ...(check.env ? { env: check.env } : {}),
      });
      const got = r.output.trim();
      if (r.exitCode !== 0 || got !== check.expect) {
        throw new BootSwitchError(
          `${check.what}: expected ${JSON.stringify(check.expect)}, got ${JSON.stringify(got)} (exit ${String(r.exitCode)})`,
          [...this.keptLogs(), logPath],
        );
      }
    }
    await this.reboot();
    const after = await this.probe(`after-switch-${mode}`);
    if (after.detection.mode !== mode) {
      throw new BootSwitchError(
        `asked for the ${mode} boot but the board came back in ${after.detection.mode}${fallbackHint(strategy, mode)}`,
        this.keptLogs(),
      );
    }
    for (const step of plan.confirm) await this.runStep(step);
    if (this.lockOpts) await refreshBoardLock(this.board, this.lockOpts);
    return this.verifyMode(mode);
  }

  /** Puts the board back in its default mode (called at the end of every run). */
  async restoreDefault(): Promise<BootState> {
    const mode = this.cfg.defaultBootMode;
    await this.note(`restore default mode ${mode}`);
    let state: BootState;
    try {
      state = await this.probe('before-restore');
    } catch (e) {
      await this.note(`board does not answer before restore: ${String(e)}`);
      await this.recover(undefined);
      state = await this.probe('before-restore-recovered');
    }
    // A recovered board may have fallen back to the default already; otherwise switch.
    if (state.detection.mode === mode) {
      // Clear left-over trial-boot state so the next reset stays in the default mode.
      if (this.cfg.switch?.type === 'uboot-env' && this.cfg.switch.oneShot) {
        const plan = planSwitch(this.cfg.switch, mode, mode);
        for (const step of plan.steps) await this.runStep(step);
      }
      return this.verifyMode(mode);
    }
    return this.switchBootMode(mode);
  }

  /** Runs one strategy step (on the board or the controller); a failure is a BootSwitchError. */
  async runStep(step: Step): Promise<void> {
    const logPath = this.logPath(step.on === 'board' ? 'switch-step' : 'switch-step-controller');
    await this.note(
      `step (${step.on}): ${step.what}: ${step.argv.map((a) => (a.includes('\n') ? '<script>' : a)).join(' ')}`,
    );
    const t = step.on === 'board' ? this.board : this.o.controller;
    const r = await t.exec(step.argv, {
      timeoutMs: this.ms(this.cfg.timeouts.commandSeconds),
      logPath,
      env: step.env,
      signal: this.signal,
    });
    if (r.exitCode !== 0) {
      throw new BootSwitchError(
        `${step.what} failed (exit ${String(r.exitCode)}${r.timedOut ? ', timed out' : ''}): ${r.output.trim().slice(-300)}`,
        [...this.keptLogs(), logPath],
      );
    }
  }

  /** One SSH poll: the boot id when the board answers, undefined when it does not. */
  private async poll(): Promise<string | undefined> {
    try {
      const r = await this.board.exec(['cat', '/proc/sys/kernel/random/boot_id'], {
        timeoutMs: this.ms(this.cfg.timeouts.pollSeconds),
        signal: this.signal,
      });
      const id = r.output.trim();
      if (r.exitCode === 0 && /^[0-9a-f-]{36}$/.test(id)) return id;
      if (!r.cancelled)
        this.lastError = r.timedOut
          ? `no answer within ${this.cfg.timeouts.pollSeconds}s (timeouts.pollSeconds)`
          : `boot id probe exit ${String(r.exitCode)}: ${r.output.trim().slice(-200)}`;
      return undefined;
    } catch (e) {
      // A refusal ends every wait at once: the board is up, and waiting will not change its key.
      const refused = this.refusal(e);
      if (refused) throw refused;
      this.lastError = this.errorText(e);
      return undefined;
    }
  }

  private async reconnect(): Promise<void> {
    await this.board.close().catch(() => undefined);
    this.board = this.o.connect();
  }

  /**
   * Polls until `done(bootId)` or the deadline; returns whether it got there. With a console
   * mark, a console line matching a failure pattern (after the mark) ends the wait early.
   */
  private async waitFor(
    seconds: number,
    done: (id: string | undefined) => boolean,
    consoleMark?: number,
  ): Promise<boolean> {
    try {
      return await this.waitLoop(seconds, done, consoleMark);
    } catch (e) {
      if (this.signal?.aborted && !(e instanceof BoardError)) {
        throw new BoardCancelledError(
          `cancelled while waiting for board ${this.cfg.name} to answer (${((Date.now() - (this.waitStarted ?? Date.now())) / 1000).toFixed(0)}s of up to ${seconds}s)`,
          this.keptLogs(),
        );
      }
      throw e;
    }
  }

  private waitStarted: number | undefined;

  private async waitLoop(
    seconds: number,
    done: (id: string | undefined) => boolean,
    consoleMark?: number,
  ): Promise<boolean> {
    const deadline = Date.now() + this.ms(seconds);
    const t0 = Date.now();
    this.waitStarted = t0;
    this.consoleFailed = false;
    for (;;) {
      this.signal?.throwIfAborted();
      const id = await this.poll();
      if (done(id)) return true;
      if (id === undefined) await this.reconnect();
      if (consoleMark !== undefined) {
        const line = await this.consoleFailure(consoleMark);
        if (line !== undefined) {
          await this.note(
            `console shows a failed boot after ${((Date.now() - t0) / 1000).toFixed(1)}s: ${line.trim().slice(0, 200)}`,
          );
          this.consoleFailed = true;
          return false;
        }
      }
      if (Date.now() >= deadline) return false;
      await delay(
        Math.min(this.ms(this.cfg.timeouts.pollIntervalSeconds), Math.max(0, deadline - Date.now())),
        undefined,
        {
          signal: this.signal,
        },
      );
    }
  }

  /** Reboots the board and waits for it to come back with a new boot id (or recovers it). */
  async reboot(): Promise<void> {
    const before = this.current?.probe.bootId ?? (await this.poll());
    const logPath = this.logPath('reboot');
    const mark = await this.consoleMark();
    await this.note(`reboot: ${this.cfg.rebootCommand.join(' ')} (boot ${before ?? 'unknown'})`);
    this.o.activity?.(`rebooting board ${this.cfg.name}`);
    const t0 = Date.now();
    try {
      const r = await this.board.exec(this.cfg.rebootCommand, {
        timeoutMs: this.ms(this.cfg.timeouts.commandSeconds),
        logPath,
      });
      if (r.exitCode !== 0 && r.exitCode !== null)
        await this.note(`reboot command exit ${r.exitCode} (the connection may drop while it runs)`);
    } catch (e) {
      // The connection dropping under a reboot is the expected outcome.
      await this.note(`reboot command: ${e instanceof Error ? e.message : String(e)}`);
    }
    const down = await this.waitFor(
      this.cfg.timeouts.shutdownSeconds,
      (id) => id === undefined || id !== before,
    );
    if (!down) {
      await this.note(
        `still up with boot ${before ?? '?'} after ${this.cfg.timeouts.shutdownSeconds}s: the reboot did not happen`,
      );
      await this.recover(before);
      return;
    }
    await this.note(`down after ${((Date.now() - t0) / 1000).toFixed(1)}s`);
    await this.reconnect();
    const up = await this.waitFor(
      this.cfg.timeouts.bootSeconds,
      (id) => id !== undefined && id !== before,
      mark,
    );
    if (!up) {
      if (!this.consoleFailed) await this.note(`not back within ${this.cfg.timeouts.bootSeconds}s`);
      await this.recover(before);
      return;
    }
    await this.note(`back after ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  }

  /** Power-cycle → wait; repeated `powerCycleAttempts` times; then a clear failure. */
  async recover(oldBootId: string | undefined): Promise<void> {
    const argv = this.cfg.powerCycleCommand;
    if (!argv || this.cfg.powerCycleAttempts === 0) {
      throw new BoardUnreachableError(
        `board ${this.cfg.name} is not reachable and no powerCycleCommand is configured: it needs a hand.${this.lastErrorText()}`,
        this.keptLogs(),
      );
    }
    const logs = this.keptLogs();
    for (let attempt = 1; attempt <= this.cfg.powerCycleAttempts; attempt++) {
      const logPath = this.logPath(`power-cycle-${attempt}`);
      logs.push(logPath);
      const mark = await this.consoleMark();
      await this.note(`power-cycle ${attempt}/${this.cfg.powerCycleAttempts}: ${argv.join(' ')}`);
      this.o.activity?.(`power-cycling board ${this.cfg.name} (${attempt}/${this.cfg.powerCycleAttempts})`);
      this.powerCycles += 1;
      const r = await this.o.controller.exec(argv, {
        timeoutMs: this.ms(this.cfg.timeouts.powerCycleSeconds),
        logPath,
        signal: this.signal,
      });
      if (r.exitCode !== 0) {
        this.lastError = `power-cycle command failed (exit ${String(r.exitCode)}${r.timedOut ? ', timed out' : ''}): ${r.output.trim().slice(-200)}`;
        await this.note(this.lastError);
        continue;
      }
      await this.reconnect();
      const t0 = Date.now();
      const up = await this.waitFor(
        this.cfg.timeouts.bootSeconds,
        (id) => id !== undefined && id !== oldBootId,
        mark,
      );
      if (up) {
        await this.note(`back ${((Date.now() - t0) / 1000).toFixed(1)}s after power-cycle ${attempt}`);
        return;
      }
      if (!this.consoleFailed)
        await this.note(`not back ${this.cfg.timeouts.bootSeconds}s after power-cycle ${attempt}`);
    }
    throw new BoardUnreachableError(
      (this.consoleFailed
        ? `board ${this.cfg.name} did not come back: the console showed a failed boot after ${this.cfg.powerCycleAttempts} power-cycle(s).`
        : `board ${this.cfg.name} did not come back: no SSH within ${this.cfg.timeouts.bootSeconds}s after ${this.cfg.powerCycleAttempts} power-cycle(s).`) +
        this.lastErrorText(),
      logs,
    );
  }

  /** Releases the locks and stops the console capture. Never throws; a second call does nothing. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.lockOpts) {
      await releaseBoardLock(this.board, this.lockOpts).catch((e: unknown) =>
        this.note(`board lock release failed: ${String(e)}`),
      );
      await this.note('board lock released');
      this.lockOpts = undefined;
    }
    // A fresh (lazy) transport: the controller can be opened again.
    await this.reconnect();
    if (this.consoleAbort) {
      this.consoleAbort.abort();
      await this.consoleDone;
      this.consoleAbort = undefined;
    }
    if (this.releaseLocal) {
      await this.releaseLocal();
      this.releaseLocal = undefined;
    }
    await this.note('closed');
  }
}

function fallbackHint(strategy: SwitchStrategy, mode: BootMode): string {
  if (strategy.type === 'uboot-env' && strategy.oneShot) {
    return ` — the trial boot of ${mode} failed and U-Boot fell back via altbootcmd (bootcount > bootlimit ${strategy.oneShot.bootlimit}); see the console log`;
  }
  return '';
}

/**
 * Runs `fn` with an open controller and always puts the board back in its default mode
 * and releases it afterwards — after success, failure or cancel. An error from `fn` wins
 * over one from the restore (which is logged). A board that could not be opened (e.g.
 * locked by another job) is not touched.
 */
export async function withBoard<T>(
  opts: BoardControllerOptions,
  fn: (c: BoardController) => Promise<T>,
  /** How the board is put back at the end (default: restoreDefault); e.g. back on the known-good slot after a deploy. */
  restore: (c: BoardController) => Promise<unknown> = (c) => c.restoreDefault(),
): Promise<T> {
  const c = new BoardController(opts);
  try {
    await c.open();
  } catch (e) {
    await c.close();
    throw e;
  }
  let outcome: { ok: true; value: T } | { ok: false; error: unknown };
  try {
    outcome = { ok: true, value: await fn(c) };
  } catch (e) {
    outcome = { ok: false, error: e };
  }
  let restoreError: unknown;
  try {
    // A cancelled run still leaves the board in its default mode.
    c.ignoreCancel();
    await restore(c);
  } catch (e) {
    restoreError = e;
    await appendFile(c.logFile, `${new Date().toISOString()} restoreDefault failed: ${String(e)}\n`).catch(
      () => undefined,
    );
  }
  await c.close();
  if (!outcome.ok) throw outcome.error;
  if (restoreError !== undefined) throw restoreError;
  return outcome.value;
}

/** The text of `path` from byte `offset` on ('' when the file is missing or shorter). */
async function readFileFrom(path: string, offset: number): Promise<string> {
  const fh = await open(path, 'r').catch(() => undefined);
  if (!fh) return '';
  try {
    const size = (await fh.stat()).size;
    if (size <= offset) return '';
    const buf = Buffer.alloc(size - offset);
    const { bytesRead } = await fh.read(buf, 0, buf.length, offset);
    return buf.subarray(0, bytesRead).toString('utf8');
  } finally {
    await fh.close();
  }
}
