/**
 * The public engine API: `runBench(config, options) → Results`.
 *
 * config → environments (registry) → plan (boot groups, interleaved rounds) → for each
 * boot group: switch boot mode if needed, prepare + fingerprint each environment, open
 * the suites, run the cells round by round, close the suites, tear down (always) →
 * results.json (rewritten atomically after every cell) → reports.
 */
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { configDigest } from '../config/load.js';
import { PRESETS, resolveSuites, roundPolicyFor, type PresetName } from '../config/presets.js';
import { resolveResources } from '../config/resources.js';
import type { Config } from '../config/schema.js';
import { peerSpec, type SuiteSettings } from '../config/suites.js';
import { bootModeOf, collectFingerprint } from '../environments/fingerprint.js';
import { factoryFor } from '../environments/registry.js';
import { boardIo } from '../environments/io-paths.js';
import type { BenchEnvironment } from '../environments/types.js';
import { ResultsStore } from '../results/store.js';
import { RESULTS_SCHEMA_ID, SUITES, type BootMode, type Results, type SuiteId } from '../results/schema.js';
import { BoardConfigError, refusal } from '../board/errors.js';
import { LocalTransport } from '../transport/local.js';
import { setRunLabel } from '../transport/process.js';
import { SshTransport, sshHostFromConfig } from '../transport/ssh.js';
import { isConfigFailure, type Transport } from '../transport/types.js';
import { TOOL_VERSION } from '../version.js';
import { boardDeps, createBoardTransport } from './board.js';
import { runCell } from './cell.js';
import { EtaEstimator } from './eta.js';
import { nominalCellSeconds } from './estimate.js';
import { PlanError } from './errors.js';
import { RunLedger, type RunRecord } from './leftovers.js';
import { cellId, checkPlan, groupByBootMode, schedule, type PlannedCell } from './plan.js';
import { silentReporter, type Reporter } from './reporter.js';
import { counterDelta, readCounters, type CounterPlan } from './io-counters.js';
import { NetserverPool, type NetserverHost } from './netserver.js';
import { controllerView, peerTarget, type ControllerView } from './peers.js';
import { openSuite, plannedCells, type SuiteSession } from './sessions.js';
import { withEnv } from './env-transport.js';
import { writeRunReports } from './reports.js';
import { adaptiveRecord, withExtraRounds, type ExtraRoundsContext } from './adaptive.js';
import type { AnalyzeOptions } from '../analysis/types.js';
import { ensureBoardUnixbench, type BoardUnixbench } from './unixbench.js';
import type { EngineDeployment } from '../deploy/types.js';
import { failureOf } from '../deploy/errors.js';

export interface RunOptions {
  /** Environment ids to run (default: all in the config). */
  envs?: readonly string[];
  /** Overrides config.preset. */
  preset?: PresetName;
  outDir: string;
  signal?: AbortSignal;
  reporter?: Reporter;
  /**
   * Reboots the board into `mode` and resolves once it answers again (board control).
   * Without it, environments of a boot mode other than the board's current one are skipped.
   */
  switchBootMode?: (mode: BootMode) => Promise<void>;
  /**
   * Switch back to config.board.defaultBootMode at the end (default true when
   * switchBootMode is given). Off when the caller restores it itself (withBoard).
   */
  restoreBootMode?: boolean;
  /**
   * The board's transport (default: from config.board.connection). A function when the
   * connection is replaced after each reboot (board control).
   */
  board?: Transport | (() => Transport);
  /** Ready-made environments instead of building them from config.environments (embedding, tests). */
  environments?: readonly ConfiguredEnvironment[];
  /** Write report.md/report.html at the end (default true). */
  reports?: boolean;
  /** A previous run to compare with in the report (and, with a round policy, for adaptive rounds). */
  baseline?: Results;
  /** How to compare with the baseline (added to the config's `analysis`). */
  analysis?: AnalyzeOptions;
  /** Git sha recorded in run info. */
  gitSha?: string;
  /**
   * The code under test (src/deploy): put on the board before the first group, booted from the
   * under-test slot per mode (through switchBootMode), recorded as results.deploy and in the
   * fingerprints. A deployment that fails leaves every environment unmeasured.
   */
  deployment?: EngineDeployment;
}

export interface ConfiguredEnvironment {
  env: BenchEnvironment;
  /** Extra environment variables for benchmark commands in this environment. */
  vars?: Record<string, string>;
}

interface EnvState {
  id: string;
  env: BenchEnvironment;
  vars: Record<string, string>;
  prepared: boolean;
  transport?: Transport;
  sessions: SuiteSession[];
}

/** What a run will do, resolved from the config and the options before anything runs. */
export interface ResolvedRun {
  presetName: PresetName;
  suites: SuiteSettings;
  /** Suites switched on, in SUITES order. */
  enabled: SuiteId[];
  runsFor(suite: SuiteId): number;
  configured: ConfiguredEnvironment[];
  /** Cell runs planned in all (checked against the cap). */
  cellRuns: number;
}

/**
 * Resolves preset, suites and environments, and refuses (PlanError) a run that would measure
 * nothing or that is too large to plan — before anything runs. Shared by `run` and `probe`.
 */
export function resolveRun(
  config: Config,
  options: Pick<RunOptions, 'envs' | 'preset' | 'environments'>,
): ResolvedRun {
  const presetName = options.preset ?? config.preset;
  const preset = PRESETS[presetName];
  const suites = resolveSuites(preset, config.suites);
  const runsFor = (suite: SuiteId): number => suites[suite].runs ?? config.runs ?? preset.runs;
  const enabled = SUITES.filter((s) => suites[s].enabled);
  const resources = resolveResources(config.resources);
  let configured: ConfiguredEnvironment[];
  if (options.environments) configured = [...options.environments];
  else {
    configured = config.environments.map((e) => ({
      env: factoryFor(e.kind).create(e.id, e.settings, { ...boardDeps(config.board), resources }),
      vars: e.env,
    }));
  }
  if (options.envs) {
    const known = new Set(configured.map((c) => c.env.id));
    const unknown = options.envs.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new PlanError(
        `--env: no environment named ${unknown.join(', ')} (configured: ${[...known].join(', ')})`,
      );
    }
    configured = configured.filter((c) => options.envs!.includes(c.env.id));
  }
  const cellRuns = checkPlan(
    configured.map((c) => c.env.id),
    enabled.map((suite) => ({ suite, cells: plannedCells(suite, suites).length, runs: runsFor(suite) })),
    {
      noEnvironments: options.envs
        ? `--env selected no environment (configured: ${config.environments.map((e) => e.id).join(', ') || 'none'})`
        : 'no environment is configured',
      noSuites: `every suite is disabled in preset ${presetName} with this config (${SUITES.map((x) => `suites.${x}.enabled: ${String(suites[x].enabled)}`).join(', ')})`,
    },
  );
  return { presetName, suites, enabled, runsFor, configured, cellRuns };
}

export async function runBench(config: Config, options: RunOptions): Promise<Results> {
  const reporter = options.reporter ?? silentReporter;
  // Before anything runs: a run that would measure nothing, or one too large to plan, is refused.
  const { presetName, suites, enabled, runsFor, configured } = resolveRun(config, options);

  let ownBoard: Transport | undefined;
  const boardOf = (): Transport =>
    typeof options.board === 'function' ? options.board() : (options.board ?? ownBoard!);

  const runId = `${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}-${randomBytes(3).toString('hex')}`;
  const results: Results = {
    schema: RESULTS_SCHEMA_ID,
    run: {
      id: runId,
      toolVersion: TOOL_VERSION,
      started: new Date().toISOString(),
      preset: presetName,
      configDigest: configDigest({ config, preset: presetName, envs: configured.map((c) => c.env.id) }),
      ...(options.gitSha ? { gitSha: options.gitSha } : {}),
      status: 'in-progress',
      resources: resolveResources(config.resources),
    },
    board: { name: config.board.name, fingerprints: {} },
    environments: configured.map((c) => ({
      id: c.env.id,
      kind: c.env.kind,
      bootMode: c.env.bootMode,
      fingerprint: {},
    })),
    samples: [],
    failures: [],
    logs: [],
    ioCounters: [],
  };
  // The comparison with the baseline: the config's analysis settings plus the caller's.
  const analysisOptions: AnalyzeOptions = {
    ...options.analysis,
    expectChanges: [...config.analysis.expectChange, ...(options.analysis?.expectChanges ?? [])],
    expectSame: [...config.analysis.expectSame, ...(options.analysis?.expectSame ?? [])],
  };
  // Adaptive rounds need a baseline to look at; the design goes into results.json up front.
  const policy = options.baseline
    ? roundPolicyFor(PRESETS[presetName], config.adaptive, Math.max(...enabled.map(runsFor)))
    : undefined;
  if (policy) results.run.adaptive = adaptiveRecord(policy, enabled, runsFor);
  await mkdir(options.outDir, { recursive: true });
  // Opened only once the selection is valid, and closed in the finally below.
  if (options.board === undefined) {
    try {
      ownBoard = await createBoardTransport(config.board);
    } catch (err) {
      throw new BoardConfigError(`board ${config.board.name}: ${(err as Error).message}`);
    }
  }
  const store = new ResultsStore(options.outDir, results);

  const signal = options.signal;
  const cancelled = (): boolean => signal?.aborted === true;

  // netperf's peer: one kind for the run; where its netservers run (the controller is this machine).
  const peer = peerSpec(suites.netperf.peer, config.board.connection.type);
  const controllerTransport = new LocalTransport();
  let controller: Promise<ControllerView> | undefined;
  const controllerOf = (): Promise<ControllerView> | undefined => {
    const c = config.board.connection;
    if (c.type !== 'ssh' || peer.kind !== 'controller') return undefined;
    controller ??= controllerView(boardOf(), c, signal);
    return controller;
  };
  let external: SshTransport | undefined;
  const netserverHost = (site: 'board' | 'controller' | 'external'): NetserverHost => {
    if (site === 'board') return { id: 'board', name: 'board', transport: boardOf() };
    if (site === 'controller')
      return { id: 'controller', name: 'controller', transport: controllerTransport };
    if (peer.kind !== 'external' || !peer.ssh) throw new Error('no SSH target for the external netserver');
    external ??= new SshTransport(sshHostFromConfig(peer.ssh));
    return { id: `external:${peer.address}`, name: 'external', transport: external };
  };
  const started = performance.now();
  const activity = (what: string): void => reporter.activity?.(what);

  // Cells of every environment, for the progress total and the ETA (refined as we go).
  const allPlanned: PlannedCell[] = configured.flatMap((c) =>
    enabled.flatMap((suite) =>
      plannedCells(suite, suites).map((cell) => ({ env: c.env.id, cell, runs: runsFor(suite) })),
    ),
  );
  const eta = new EtaEstimator(
    config.board.expectedSwitchSeconds * 1000,
    new Map(
      allPlanned.map((p) => [
        cellId(p.env, p.cell),
        { ms: nominalCellSeconds(p.cell, suites) * 1000, group: `${p.env}/${p.cell.suite}` },
      ]),
    ),
  );
  let remaining = schedule(allPlanned).map((s) => cellId(s.env, s.cell));
  let total = remaining.length;
  let index = 0;
  const dropRemaining = (envId: string): void => {
    remaining = remaining.filter((id) => !id.startsWith(`${envId}/`));
  };

  // Boot switches still to come (for the ETA): one per boot group not in the board's current
  // mode, plus the way back to the default mode at the end.
  let switchesLeft = 0;
  const countSwitches = (from: BootMode, groups: readonly BootMode[]): number => {
    if (!options.switchBootMode) return 0;
    let n = 0;
    let at = from;
    for (const g of groups) {
      if (g !== at || options.deployment?.needsBoot(g)) n += 1;
      at = g;
    }
    return n + (at !== config.board.defaultBootMode ? 1 : 0);
  };

  const markSkipped = (id: string, reason: string): void => {
    const e = results.environments.find((x) => x.id === id)!;
    e.skipped = reason;
    dropRemaining(id);
    reporter.info(`skipped ${id}: ${reason}`);
  };

  // Every process this run starts carries its id (AVB_RUN), every container its label.
  setRunLabel(runId);
  const ledger = new RunLedger({
    runId,
    environments: config.environments
      .filter((e) => configured.some((c) => c.env.id === e.id))
      .map((e) => recordOf(e)),
    places: [
      { name: `board ${config.board.name}`, transport: boardOf },
      ...(config.board.connection.type === 'ssh'
        ? [{ name: 'the controller', transport: () => controllerTransport }]
        : []),
    ],
    staleSeconds: config.board.lock.staleSeconds,
    log: (line) => reporter.info(line),
    warn: (line) => reporter.warn(line),
  });
  /** The board's built UnixBench tree (made sure of once, before any environment). */
  let unixbench: BoardUnixbench | undefined;
  const boardUnixbench = async (): Promise<BoardUnixbench | undefined> => {
    if (!enabled.includes('unixbench') || cancelled()) return undefined;
    activity(`UnixBench: looking for a built tree on the board (${boardOf().description})`);
    try {
      return await ensureBoardUnixbench(boardOf(), suites.unixbench, {
        logFile: (ref) => store.logFile(ref),
        registerLog: async (ref) => {
          await store.registerLog(ref);
        },
        info: (line) => reporter.info(line),
        signal,
      });
    } catch (err) {
      return { unavailable: { kind: 'setup', message: `unixbench: ${(err as Error).message}` } };
    }
  };

  try {
    await store.flush();
    // Which mode is the board in now? The board's own fingerprint says.
    let current: BootMode = 'linux';
    activity(`fingerprinting the board (${boardOf().description})`);
    try {
      const fp = await collectFingerprint(boardOf(), { signal });
      current = bootModeOf(fp);
      results.board.fingerprints[current] = fp;
    } catch (err) {
      // A refused host key or ssh key ends the run here: nothing else could reach the board.
      if (isConfigFailure(err)) {
        const refused = refusal(config.board.name, err);
        const message = refused.message;
        results.failures.push({
          env: config.board.name,
          suite: 'board',
          params: {},
          round: 0,
          message,
          kind: err.failure,
        });
        throw refused;
      }
      reporter.warn(`board fingerprint failed: ${(err as Error).message}`);
    }
    await store.flush();
    // Before anything of this run starts: what dead runs left on the board (and on the
    // controller) goes, and this run's record marks what it starts as its own.
    activity('removing what crashed runs left on the board');
    await ledger.open(signal);
    unixbench = await boardUnixbench();
    const deployment = options.deployment;
    const registerDeployLogs = async (): Promise<void> => {
      for (const ref of deployment?.takeLogs() ?? []) await store.registerLog(ref).catch(() => undefined);
    };
    if (deployment && !cancelled()) {
      results.deploy = deployment.record;
      reporter.groupStart('deploy the code under test');
      activity('deploying the code under test');
      try {
        await deployment.deploy(signal);
      } catch (err) {
        const f = failureOf(err);
        const message = (err as Error).message;
        results.failures.push({
          env: config.board.name,
          suite: 'board',
          params: {},
          round: 0,
          message,
          kind: f.kind,
          ...(f.log ? { log: f.log } : {}),
        });
        // Measuring the known-good and calling it the change would be a wrong result.
        for (const e of results.environments) markSkipped(e.id, `not measured: ${message}`);
      } finally {
        await registerDeployLogs();
        reporter.groupEnd();
      }
      await store.flush();
    }

    const groups = groupByBootMode(configured.map((c) => ({ ...c, id: c.env.id, bootMode: c.env.bootMode })));
    switchesLeft = countSwitches(
      current,
      groups.map((g) => g.bootMode),
    );
    for (const group of groups) {
      if (cancelled()) break;
      // Environments already marked unmeasured (a failed deployment) need no boot.
      if (group.envs.every((e) => results.environments.find((x) => x.id === e.id)?.skipped)) continue;
      if (group.bootMode !== current || deployment?.needsBoot(group.bootMode)) {
        if (!options.switchBootMode) {
          const why =
            config.board.connection.type === 'local'
              ? `needs the board in ${group.bootMode} mode, but it is in ${current} mode and connection: local cannot reboot it (run it from a controller over ssh, or use the two-job pattern)`
              : `needs the board in ${group.bootMode} mode, but it is in ${current} mode and no boot switch strategy is configured`;
          for (const e of group.envs) markSkipped(e.id, why);
          await store.flush();
          continue;
        }
        reporter.groupStart(`boot switch: ${current} → ${group.bootMode}`);
        activity(`boot switch ${current} → ${group.bootMode}`);
        const t0 = performance.now();
        try {
          await options.switchBootMode(group.bootMode);
          eta.recordSwitch(performance.now() - t0);
          switchesLeft = Math.max(0, switchesLeft - 1);
          const fp = await collectFingerprint(boardOf(), { signal });
          results.board.fingerprints[bootModeOf(fp)] = {
            ...fp,
            ...deployment?.facts({ mode: bootModeOf(fp) }),
          };
          if (bootModeOf(fp) !== group.bootMode) {
            throw new Error(`the board came back in ${bootModeOf(fp)} mode, not ${group.bootMode}`);
          }
          current = group.bootMode;
          await registerDeployLogs();
        } catch (err) {
          const f = failureOf(err);
          // A deployment's failure says it all ("the change did not boot: ..."); a switch's gets the context.
          const why =
            f.kind === 'deploy'
              ? (err as Error).message
              : `boot switch to ${group.bootMode} failed: ${(err as Error).message}`;
          results.failures.push({
            env: config.board.name,
            suite: 'board',
            params: { bootMode: group.bootMode },
            round: 0,
            message: why,
            kind: f.kind,
            ...(f.log ? { log: f.log } : {}),
          });
          for (const e of group.envs) markSkipped(e.id, f.kind === 'deploy' ? `not measured: ${why}` : why);
          await registerDeployLogs();
          reporter.groupEnd();
          await store.flush();
          continue;
        } finally {
          reporter.groupEnd();
        }
      }
      await runGroup(group.envs);
    }

    // Also after a cancel: the board is left in its default mode.
    if (options.switchBootMode && options.restoreBootMode !== false) {
      const home = config.board.defaultBootMode;
      if (current !== home) {
        reporter.groupStart(`boot switch back: ${current} → ${home}`);
        activity(`boot switch back ${current} → ${home}`);
        try {
          await options.switchBootMode(home);
        } catch (err) {
          results.failures.push({
            env: config.board.name,
            suite: 'board',
            params: { bootMode: home },
            round: 0,
            message: `switch back to ${home} failed: ${(err as Error).message}`,
            kind: 'boot-switch',
          });
        }
        reporter.groupEnd();
      }
    }
  } finally {
    results.run.finished = new Date().toISOString();
    results.run.status = cancelled()
      ? 'cancelled'
      : results.failures.length > 0 || results.environments.some((e) => e.skipped)
        ? 'partial'
        : 'complete';
    await store.flush();
    // Teardown has run: nothing of this run is left to find (a cancel included).
    await ledger.close();
    setRunLabel(undefined);
    if (ownBoard) await ownBoard.close().catch(() => undefined);
    if (external) await external.close().catch(() => undefined);
  }

  if (options.reports !== false) {
    try {
      await writeRunReports(results, options.outDir, {
        analysis: analysisOptions,
        ...(options.baseline ? { baseline: options.baseline } : {}),
        warn: (l) => reporter.warn(l),
      });
    } catch (err) {
      reporter.warn(`report: ${(err as Error).message}`);
    }
  }
  reporter.info(
    `results: ${store.file} (${results.samples.length} samples, ${results.failures.length} failures, status ${results.run.status})`,
  );
  return results;

  async function runGroup(group: (ConfiguredEnvironment & { id: string })[]): Promise<void> {
    const states: EnvState[] = group.map((c) => ({
      id: c.id,
      env: c.env,
      vars: c.vars ?? {},
      prepared: false,
      sessions: [],
    }));
    const netservers = new NetserverPool({
      logFile: (ref) => store.logFile(ref),
      registerLog: async (ref) => {
        await store.registerLog(ref);
      },
      signal,
      info: (line) => reporter.info(line),
    });
    // Which counters prove each cell's path (from its suite's session).
    const countersOf = new Map<string, CounterPlan>();
    try {
      for (const st of states) {
        if (cancelled()) return;
        reporter.groupStart(`prepare ${st.id} (${st.env.kind})`);
        activity(`preparing ${st.id} (${st.env.kind})`);
        try {
          await prepareEnv(st);
        } catch (err) {
          const message = `${st.id}: prepare failed: ${(err as Error).message}`;
          store.addFailure({
            env: st.id,
            suite: 'environment',
            params: {},
            round: 0,
            message,
            kind: 'setup',
          });
          markSkipped(st.id, message);
        }
        reporter.groupEnd();
        await store.flush();
      }
      const planned: PlannedCell[] = [];
      const unavailable = new Map<string, { kind: string; message: string }>();
      for (const st of states.filter((s) => s.prepared)) {
        for (const session of st.sessions) {
          for (const cell of session.cells) {
            planned.push({ env: st.id, cell, runs: runsFor(session.suite) });
            if (session.unavailable) unavailable.set(cellId(st.id, cell), session.unavailable);
            else if (session.counters) countersOf.set(cellId(st.id, cell), session.counters);
          }
        }
      }
      const byEnv = new Map(states.map((s) => [s.id, s]));
      let round = -1;
      const extra: ExtraRoundsContext | undefined =
        policy && options.baseline
          ? {
              policy,
              baseline: options.baseline,
              analysis: analysisOptions,
              results,
              cost: (id) => (eta.estimate([id]) ?? 0) / 1000,
              info: (line) => reporter.info(line),
              onPlan: (items) => {
                remaining.push(...items.map((i) => cellId(i.env, i.cell)));
                total += items.length;
              },
            }
          : undefined;
      for (const item of withExtraRounds(planned, extra)) {
        if (cancelled()) break;
        if (item.round !== round) {
          round = item.round;
          reporter.groupStart(
            `round ${round + 1}: ${states
              .filter((s) => s.prepared)
              .map((s) => s.id)
              .join(', ')}`,
          );
        }
        const id = cellId(item.env, item.cell);
        const at = remaining.indexOf(id);
        if (at >= 0) remaining.splice(at, 1);
        index += 1;
        const why = unavailable.get(id);
        const st = byEnv.get(item.env)!;
        const t0 = performance.now();
        activity(`${item.env} ${item.cell.suite} ${item.cell.key} run ${item.round + 1}/${item.runs}`);
        let status: 'ok' | 'failed' | 'cancelled';
        let message: string | undefined;
        let samples = 0;
        if (why) {
          // A suite that cannot run here: one failure per cell and round, nothing executed.
          store.addFailure({
            env: item.env,
            suite: item.cell.suite,
            params: item.cell.params,
            round: item.round,
            message: why.message,
            kind: why.kind,
          });
          status = 'failed';
          message = why.message;
        } else {
          const plan = countersOf.get(id);
          const before = plan ? await readCounters(plan, st.transport!, boardOf(), signal) : undefined;
          const r = await runCell({
            store,
            envId: item.env,
            transport: st.transport!,
            cell: item.cell,
            round: item.round,
            timeoutMs: suites[item.cell.suite].timeoutSeconds * 1000,
            signal,
          });
          if (plan && before && r.status === 'ok') {
            const after = await readCounters(plan, st.transport!, boardOf(), signal);
            results.ioCounters!.push({
              env: item.env,
              suite: item.cell.suite,
              params: item.cell.params,
              round: item.round,
              ...counterDelta(plan, before, after),
            });
          }
          status = r.status;
          message = r.message;
          samples = r.samples;
          eta.record(id, r.durationMs);
          await ledger.heartbeat();
        }
        await store.flush();
        reporter.cell({
          index,
          total,
          env: item.env,
          suite: item.cell.suite,
          key: item.cell.key,
          round: item.round,
          runs: item.runs,
          status,
          message,
          samples,
          durationMs: performance.now() - t0,
          elapsedMs: performance.now() - started,
          etaMs: eta.estimate(remaining, switchesLeft),
        });
      }
      if (round >= 0) reporter.groupEnd();
    } finally {
      reporter.groupStart(`teardown ${states.map((s) => s.id).join(', ')}`);
      activity(`tearing down ${states.map((s) => s.id).join(', ')}`);
      for (const st of states) {
        for (const session of st.sessions) {
          await session
            .close()
            .catch((err: unknown) =>
              reporter.warn(`${st.id} ${session.suite}: cleanup failed: ${(err as Error).message}`),
            );
        }
      }
      await netservers.stop();
      // Teardown always runs, also after a failed prepare or a cancel.
      for (const st of states) {
        try {
          await st.env.teardown();
        } catch (err) {
          reporter.warn(`${st.id}: teardown failed: ${(err as Error).message}`);
        }
      }
      reporter.groupEnd();
      await store.flush();
    }

    async function prepareEnv(st: EnvState): Promise<void> {
      const logDir = join(options.outDir, 'logs', st.id, 'environment');
      await mkdir(logDir, { recursive: true });
      await st.env.prepare({
        board: boardOf(),
        logDir,
        signal,
        log: (line) => reporter.info(`${st.id}: ${line}`),
        runId,
        track: (item) => ledger.track(item),
        ...(unixbench?.path ? { unixbenchTree: unixbench.path } : {}),
      });
      const fp = await st.env.fingerprint();
      const entry = results.environments.find((e) => e.id === st.id)!;
      // What the run deployed for this environment (provenance), beside what it read inside.
      entry.fingerprint = { ...fp, ...options.deployment?.facts({ mode: st.env.bootMode, envId: st.id }) };
      // Refuse to measure in the wrong mode: Dom0 must prove Xen, the host must not be under Xen's Dom0.
      const proven = bootModeOf(fp);
      if ((st.env.kind === 'xen-dom0' || st.env.kind === 'host') && proven !== st.env.bootMode) {
        throw new Error(
          `fingerprint shows the board in ${proven} mode, but ${st.env.kind} needs ${st.env.bootMode}`,
        );
      }
      st.transport = withEnv(st.env.transport(), st.vars);
      st.prepared = true;
      const io = st.env.io?.() ?? boardIo(undefined, false);
      for (const suite of enabled) {
        if (cancelled()) break;
        try {
          const session = await openSuite(suite, suites, {
            envId: st.id,
            runId,
            transport: st.transport,
            logFile: (ref) => store.logFile(ref),
            registerLog: async (ref) => {
              await store.registerLog(ref);
            },
            io,
            board: boardOf(),
            peer: async () => peerTarget(peer, io.net, config.board.connection.type, await controllerOf()),
            netservers,
            netserverHost,
            signal,
            info: (line) => reporter.info(line),
            ...(unixbench ? { unixbench } : {}),
          });
          st.sessions.push(session);
          // What the session read from inside belongs to the environment's fingerprint.
          Object.assign(entry.fingerprint, session.facts ?? {});
        } catch (err) {
          st.sessions.push({
            suite,
            cells: plannedCells(suite, suites),
            unavailable: {
              kind: 'setup',
              message: `${suite}: setup in '${st.id}' failed: ${(err as Error).message}`,
            },
            close: async () => undefined,
          });
        }
      }
    }
  }
}

export type { SuiteSettings };

/** What a run record says about an environment: enough to remove what it may leave. */
function recordOf(e: Config['environments'][number]): RunRecord['environments'][number] {
  const s = e.settings as { name?: unknown; docker?: unknown; dockerHost?: unknown };
  return {
    id: e.id,
    kind: e.kind,
    ...(e.kind === 'xen-domu' && typeof s.name === 'string' ? { domain: s.name } : {}),
    ...(e.kind === 'docker' && Array.isArray(s.docker) ? { docker: s.docker.map(String) } : {}),
    ...(e.kind === 'docker' && typeof s.dockerHost === 'string' ? { dockerHost: s.dockerHost } : {}),
  };
}
