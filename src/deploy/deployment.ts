/**
 * A deployment of the code under test, from the controller's workspace to the board, for one
 * run (the engine's EngineDeployment):
 *   prepare (hash the workspace files, plan the slot) → deploy (in a known-good boot: copy,
 *   check, install, after-copy commands) → per boot mode, `enter`: a trial boot of the
 *   under-test slot (or the known-good when nothing of that mode is under test), recognised by
 *   its slot marker; a boot that falls back is a `deploy` failure naming where the console
 *   stopped → at the end, `restore`: the board back on the known-good in its default mode.
 * The under-test slot stays on the board until the next deployment (for inspection).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { BoardController, BootState } from '../board/controller.js';
import { BootSwitchError } from '../board/errors.js';
import type { DeployConfig } from '../config/deploy.js';
import type { Config } from '../config/schema.js';
import type { DockerEnvironmentConfig } from '../environments/docker.js';
import { logFileFor } from '../results/store.js';
import type { BootMode, Deploy, DeployBoot } from '../results/schema.js';
import type { Transport } from '../transport/types.js';
import { describeStop, whereConsoleStopped } from './console-stage.js';
import { applyDeployment } from './environments.js';
import { DeployError, DidNotBootError } from './errors.js';
import { hashSources, install, runDeployCommands } from './install.js';
import { deploySources, planDeployment, type DeployPlan } from './plan.js';
import { changeOf, deployFacts } from './provenance.js';
import { knownGoodSteps, planSlotBoot, SLOT_MARKER, slotMarkerOf } from './slot-steps.js';
import type { EngineDeployment } from './types.js';

export interface DeploymentOptions {
  config: Config & { deploy: DeployConfig };
  /** Where workspace paths are relative to (the workflow's workspace; default the current directory). */
  workspace: string;
  /** The commit the files were built from (deploy.commit wins). */
  commit?: string;
  /** A name for the change (deploy.label wins), e.g. `PR #42`. */
  label?: string;
  outDir: string;
  /** The board's transport, without board control (with it, the controller's current one). */
  board?: () => Transport;
  log?: (line: string) => void;
}

/** Hashes the workspace files and plans the slot; throws DeployInputError before touching the board. */
export async function prepareDeployment(o: DeploymentOptions): Promise<Deployment> {
  const d = o.config.deploy;
  const sources = await hashSources(deploySources(d, o.workspace));
  const commit = d.commit ?? o.commit;
  const label = d.label ?? o.label;
  const plan = planDeployment(d, sources, { ...(commit ? { commit } : {}), ...(label ? { label } : {}) });
  return new Deployment(o, plan);
}

export class Deployment implements EngineDeployment {
  readonly record: Deploy;
  private pending: string[] = [];
  private readonly d: DeployConfig;
  private control: BoardController | undefined;

  constructor(
    private readonly o: DeploymentOptions,
    readonly plan: DeployPlan,
  ) {
    this.d = o.config.deploy;
    this.record = {
      id: plan.id,
      ...(plan.commit ? { commit: plan.commit } : {}),
      ...(plan.label ? { label: plan.label } : {}),
      slot: { boot: plan.slot.bootDir, dir: plan.slot.dir },
      files: plan.files.map((f) => ({
        role: f.role,
        scope: f.scope,
        source: f.source,
        target: f.target,
        sha256: f.sha256,
        bytes: f.bytes,
      })),
      args: plan.args,
      commands: [],
      modes: [],
      boots: [],
      status: 'in-progress',
    };
  }

  /** Board control: the deployment boots the under-test slot through it. */
  attach(controller: BoardController): this {
    this.control = controller;
    return this;
  }

  /** The board's transport now (under board control it is replaced after each reboot). */
  private board = (): Transport => {
    if (this.control) return this.control.transport();
    if (this.o.board) return this.o.board();
    throw new Error('deploy: no board transport');
  };

  /** The config with the environments pointed at their deployed files. */
  applyTo(config: Config): Config {
    return applyDeployment(config, this.d, this.plan);
  }

  private log(line: string): void {
    this.o.log?.(`deploy: ${line}`);
  }

  private logFile = (ref: string): string => logFileFor(this.o.outDir, ref);

  takeLogs(): string[] {
    const l = this.pending;
    this.pending = [];
    return [...new Set(l)];
  }

  needsBoot(mode: BootMode): boolean {
    return this.plan.boots[mode] !== undefined;
  }

  facts(target: { mode: BootMode; envId?: string }): Record<string, unknown> {
    return deployFacts(this.record, target);
  }

  async deploy(signal?: AbortSignal): Promise<void> {
    const c = this.control;
    try {
      // Copy only in a known-good boot (a crashed run may have left the board in an under-test one).
      if (c?.current && slotMarkerOf(c.current.probe.cmdline) !== undefined) {
        this.log('the board runs an under-test boot of an earlier run: back to the known-good first');
        await this.bootKnownGood(c.current.detection.mode);
      }
      const uname = await this.board().exec(['uname', '-r'], { timeoutMs: 30_000, signal });
      const installed = await install({
        board: this.board,
        plan: this.plan,
        config: this.d,
        knownGoodRelease: uname.output.trim(),
        docker: (envId) => {
          const e = this.o.config.environments.find((x) => x.id === envId);
          const s = e?.settings as Partial<DockerEnvironmentConfig> | undefined;
          return {
            argv: s?.docker ?? ['docker'],
            ...(s?.dockerHost ? { env: { DOCKER_HOST: s.dockerHost } } : {}),
          };
        },
        logFile: this.logFile,
        wrote: (ref) => this.pending.push(ref),
        log: (l) => this.log(l),
        signal,
        timeoutMs: this.d.copyTimeoutSeconds * 1000,
      });
      this.record.commands.push(...installed.commands);
      this.pending.push('deploy/manifest');
      if (Object.keys(this.plan.boots).length === 0) this.record.status = 'deployed';
      this.log(
        `${changeOf(this.record)} is on the board (deployment ${this.plan.id}, ${this.plan.copies.length} file(s))`,
      );
    } catch (err) {
      this.record.status = 'failed';
      this.record.message = (err as Error).message;
      throw err instanceof DeployError ? err : new DeployError(`deploy: ${(err as Error).message}`);
    }
  }

  /** The engine's boot hook: the under-test slot of `mode` when something of it is under test, else the known-good. */
  async enter(mode: BootMode): Promise<void> {
    if (this.plan.boots[mode]) await this.trialBoot(mode);
    else await this.bootKnownGood(mode);
  }

  private controller(): BoardController {
    const c = this.control;
    if (!c)
      throw new DeployError(
        'deploy: booting the under-test slot needs board control (connection: ssh and board.switch)',
      );
    return c;
  }

  private async checks(
    c: BoardController,
    checks: { argv: string[]; expect: string; what: string }[],
  ): Promise<void> {
    for (const check of checks) {
      const r = await c.transport().exec(check.argv, { timeoutMs: 60_000 });
      const got = r.output.trim();
      if (r.exitCode !== 0 || got !== check.expect) {
        throw new DeployError(
          `deploy: arming the trial boot: ${check.what}: expected ${JSON.stringify(check.expect)}, got ${JSON.stringify(got)} (exit ${String(r.exitCode)})`,
        );
      }
    }
  }

  /** A trial boot of the under-test slot in `mode`; throws DidNotBootError when it falls back. */
  private async trialBoot(mode: BootMode): Promise<void> {
    const c = this.controller();
    const boot = this.plan.boots[mode]!;
    const id = this.plan.id;
    const now = c.current ?? (await c.probe('before-trial'));
    if (now.detection.mode === mode && slotMarkerOf(now.probe.cmdline) === id) {
      await c.verifyMode(mode);
      return;
    }
    const board = this.o.config.board;
    const plan = planSlotBoot(board, this.d.slot, mode, boot, id);
    const who = changeOf(this.record);
    await c.note(
      `trial boot of the under-test ${mode} slot: ${who}, deployment ${id} (${board.switch?.type ?? 'no switch'})`,
    );
    this.log(`trial boot of the under-test ${mode} slot (${who})`);
    for (const step of plan.steps) await c.runStep(step);
    await this.checks(c, plan.checks);
    const mark = await c.consoleOffset();
    const cyclesBefore = c.powerCycles;
    let unreachable: unknown;
    try {
      await c.reboot();
    } catch (err) {
      unreachable = err;
    }
    let after: BootState | undefined;
    if (unreachable === undefined) {
      after = await c.probe(`after-trial-${mode}`).catch((err: unknown) => {
        unreachable = err;
        return undefined;
      });
    }
    // Whatever that boot did, the board's default boot is the known-good again.
    if (after) for (const step of plan.disarm) await c.runStep(step);
    const booted =
      after !== undefined && after.detection.mode === mode && slotMarkerOf(after.probe.cmdline) === id;
    const entry: DeployBoot = {
      mode,
      outcome: booted ? 'booted' : after ? 'fell-back' : 'unreachable',
      ...(after ? { bootId: after.probe.bootId, kernel: after.probe.kernel } : {}),
    };
    this.record.boots.push(entry);
    if (booted) {
      await c.note(
        `under-test ${mode} boot is up (kernel ${after!.probe.kernel}, ${SLOT_MARKER}=${id}); default boot back on the known-good`,
      );
      await c.refreshLock();
      await c.verifyMode(mode);
      this.record.modes.push(mode);
      const cmds = this.d.commands.filter(
        (x) => x.when === 'after-boot' && (x.mode === undefined || x.mode === mode),
      );
      if (cmds.length > 0) {
        try {
          this.record.commands.push(
            ...(await runDeployCommands(
              {
                board: this.board,
                plan: this.plan,
                logFile: this.logFile,
                wrote: (r) => this.pending.push(r),
                log: (l) => this.log(l),
              },
              cmds,
              `after-boot-${mode}`,
            )),
          );
        } catch (err) {
          this.record.status = 'failed';
          this.record.message = (err as Error).message;
          throw err;
        }
      }
      if (
        this.record.status === 'in-progress' &&
        Object.keys(this.plan.boots).every((m) => this.record.modes.includes(m as BootMode))
      ) {
        this.record.status = 'deployed';
      }
      return;
    }
    // It did not come up: where did the console stop?
    const text = mark !== undefined ? await c.consoleSince(mark) : '';
    const stop = whereConsoleStopped(text);
    const where = describeStop(stop, c.hasConsole);
    const ref = `deploy/console-${mode}`;
    const path = this.logFile(ref);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text || '(no console output captured: configure board.consoleCommand)\n');
    this.pending.push(ref);
    const cycles = c.powerCycles - cyclesBefore;
    const how = cycles > 0 ? `after ${cycles} power-cycle(s)` : 'by itself';
    const back = after
      ? `the board fell back to its known-good ${how} (${after.detection.mode}, kernel ${after.probe.kernel})`
      : `and the board did not come back on its known-good either: it needs a hand (${(unreachable as Error).message.split('\n')[0]})`;
    const message = `the change did not boot: the under-test ${mode} boot of ${who} stopped in ${where}; ${back}. Console: logs/${ref}.log`;
    entry.stage = stop.stage ?? 'unknown';
    entry.message = message;
    entry.log = ref;
    this.record.status = 'did-not-boot';
    await c.note(message);
    throw new DidNotBootError(message, stop.stage, after !== undefined, { logRef: ref });
  }

  /** The known-good boot of `mode` (a reboot when the board runs the under-test slot of that mode). */
  async bootKnownGood(mode: BootMode): Promise<void> {
    const c = this.controller();
    const now = c.current ?? (await c.probe('before-known-good'));
    const underTest = slotMarkerOf(now.probe.cmdline) !== undefined;
    if (!underTest && now.detection.mode === mode) {
      await c.verifyMode(mode);
      return;
    }
    for (const step of knownGoodSteps(this.o.config.board, this.d.slot)) await c.runStep(step);
    if (now.detection.mode !== mode) {
      await c.switchBootMode(mode);
      return;
    }
    await c.note(`back to the known-good ${mode} boot`);
    await c.reboot();
    const after = await c.probe(`after-known-good-${mode}`);
    if (after.detection.mode !== mode || slotMarkerOf(after.probe.cmdline) !== undefined) {
      throw new BootSwitchError(
        `asked for the known-good ${mode} boot but the board came back in ${after.detection.mode}${slotMarkerOf(after.probe.cmdline) ? ' from the under-test slot' : ''}`,
      );
    }
    await c.refreshLock();
    await c.verifyMode(mode);
  }

  /** withBoard's restore: the known-good, in the default mode, trial state cleared. */
  async restore(c: BoardController): Promise<void> {
    const home = this.o.config.board.defaultBootMode;
    let state: BootState;
    try {
      state = await c.probe('before-restore');
    } catch (err) {
      await c.note(`board does not answer before restore: ${String(err)}`);
      await c.recover(undefined);
      state = await c.probe('before-restore-recovered');
    }
    if (slotMarkerOf(state.probe.cmdline) !== undefined || state.detection.mode !== home) {
      await c.note(`restore: back to the known-good ${home} boot`);
      await this.bootKnownGood(home);
    } else {
      for (const step of knownGoodSteps(this.o.config.board, this.d.slot)) await c.runStep(step);
    }
    await c.restoreDefault();
  }
}
