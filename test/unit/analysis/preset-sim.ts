/**
 * SYNTHETIC runs of a preset's real cell list (the engine's own plan: src/engine/sessions.ts'
 * plannedCells over the preset's resolved suites) and of its round policy, adaptive rounds
 * included: the simulations behind docs/analysis.md and the README's table. Nothing here was
 * measured. Values are log-normal around paper-shaped host values (synthetic.ts); durations
 * follow a model (below), not a board.
 */
import { selectExtraRounds, planExtraRounds } from '../../../src/analysis/adaptive.js';
import { analyze, type Analysis, type AnalyzeOptions } from '../../../src/analysis/index.js';
import { PRESETS, resolveSuites, type PresetName, type RoundPolicy } from '../../../src/config/presets.js';
import { plannedCells } from '../../../src/engine/sessions.js';
import type { SuiteOverrides } from '../../../src/config/suites.js';
import type { EnvironmentKind, Results, SuiteId } from '../../../src/results/schema.js';
import type { CellSpec } from '../../../src/suites/command.js';
import { ENV_KINDS, simulate, type SimMetric } from './synthetic.js';

type Ov = Partial<Record<EnvironmentKind, number>>;

const IOZONE_OPS: Record<string, string[]> = {
  'write-rewrite': ['write', 'rewrite'],
  'read-reread': ['read', 'reread'],
  'random-read-write': ['random_read', 'random_write'],
  'backwards-read': ['bkwd_read'],
  'record-rewrite': ['record_rewrite'],
  'stride-read': ['stride_read'],
  'fwrite-frewrite': ['fwrite', 'frewrite'],
  'fread-freread': ['fread', 'freread'],
};

const UNIXBENCH: Record<string, { unit: string; base: number; seconds: number; overhead: Ov }> = {
  dhry2reg: {
    unit: 'lps',
    base: 6.21e6,
    seconds: 10,
    overhead: { kvm: 0.01, 'xen-dom0': 0.02, 'xen-domu': 0.02 },
  },
  'whetstone-double': { unit: 'MWIPS', base: 1452, seconds: 10, overhead: { kvm: 0.005, 'xen-domu': 0.01 } },
  execl: {
    unit: 'lps',
    base: 912,
    seconds: 30,
    overhead: { kvm: 0.25, docker: 0.03, 'xen-dom0': 0.3, 'xen-domu': 0.28 },
  },
  pipe: {
    unit: 'lps',
    base: 418_000,
    seconds: 10,
    overhead: { kvm: 0.05, docker: 0.01, 'xen-dom0': 0.06, 'xen-domu': 0.07 },
  },
  context1: {
    unit: 'lps',
    base: 95_300,
    seconds: 10,
    overhead: { kvm: 0.15, docker: 0.02, 'xen-dom0': 0.18, 'xen-domu': 0.2 },
  },
  spawn: {
    unit: 'lps',
    base: 2104,
    seconds: 30,
    overhead: { kvm: 0.35, docker: 0.05, 'xen-dom0': 0.4, 'xen-domu': 0.38 },
  },
  shell1: {
    unit: 'lpm',
    base: 1812,
    seconds: 60,
    overhead: { kvm: 0.2, docker: 0.04, 'xen-dom0': 0.22, 'xen-domu': 0.24 },
  },
  shell8: {
    unit: 'lpm',
    base: 481,
    seconds: 60,
    overhead: { kvm: 0.22, docker: 0.05, 'xen-dom0': 0.25, 'xen-domu': 0.27 },
  },
  syscall: {
    unit: 'lps',
    base: 851_000,
    seconds: 10,
    overhead: { kvm: 0.02, docker: 0.01, 'xen-dom0': 0.08, 'xen-domu': 0.1 },
  },
};

/** A preset's engine cells, each with the metric cells it yields and a modelled duration. */
export interface SimCell {
  spec: CellSpec;
  /** Seconds of one run on a Cortex-A15-class board (model: see durationOf). */
  seconds: number;
  metrics: SimMetric[];
}

/**
 * The duration model (seconds per run, host; the same in every environment): netperf runs for
 * its `-l` seconds + 0.5 s; UnixBench for its test's fixed time (10/30/60 s, as the real logs
 * say) + 2 s of Run's start-up; hackbench the paper's host times scaled by tasks and loops +
 * 0.3 s of process start over SSH; IOzone ~2 ms per operation × record size per MB of file
 * + 0.5 s.
 */
function cellsOf(suite: SuiteId, spec: CellSpec, preset: ReturnType<typeof resolveSuites>): SimCell {
  const metrics: SimMetric[] = [];
  let seconds = 0;
  const ov = (kvm: number, docker: number, dom0: number, domu: number): Ov => ({
    kvm,
    docker,
    'xen-dom0': dom0,
    'xen-domu': domu,
  });
  if (suite === 'hackbench') {
    const tasks = Number(spec.params['tasks']);
    const loops = Number(spec.params['loops']);
    const host = 0.118 * (tasks / 40) * (loops / 1000);
    seconds = host + 0.3;
    const f = Math.min(1, Math.log2(tasks / 40) / 4);
    metrics.push({
      suite,
      metric: 'hackbench.time',
      params: spec.params,
      unit: 's',
      better: 'lower',
      base: host,
      overhead: ov(0.06 + 0.09 * f, 0.02, 0.04, 0.08 + 0.12 * f),
    });
  } else if (suite === 'unixbench') {
    const test = String(spec.params['test']);
    const copies = Number(spec.params['copies']);
    const u = UNIXBENCH[test] ?? { unit: 'lps', base: 1000, seconds: 10, overhead: {} };
    seconds = u.seconds + 2;
    metrics.push(
      {
        suite,
        metric: `unixbench.${test}`,
        params: { copies },
        unit: u.unit,
        better: 'higher',
        base: u.base,
        overhead: u.overhead,
      },
      {
        suite,
        metric: `unixbench.index.${test}`,
        params: { copies },
        unit: 'index',
        better: 'higher',
        base: u.base / 1000,
        overhead: u.overhead,
      },
      {
        suite,
        metric: 'unixbench.index',
        params: { copies, partial: 1, tests: test },
        unit: 'index',
        better: 'higher',
        base: u.base / 1000,
        overhead: u.overhead,
      },
    );
  } else if (suite === 'iozone') {
    const fileKb = Number(spec.params['file_kb']);
    const s = preset.iozone;
    const maxRec = Math.min(s.maxRecordKb ?? fileKb, fileKb);
    const records: number[] = [];
    for (let r = Math.min(s.minRecordKb, maxRec); r <= maxRec; r *= 2) records.push(r);
    const ops = s.tests.flatMap((t) => IOZONE_OPS[t] ?? []);
    seconds = 0.5 + 0.002 * ops.length * records.length * Math.max(1, fileKb / 1024);
    for (const rec of records) {
      for (const op of ops) {
        const writes = op.includes('write');
        metrics.push({
          suite,
          metric: `iozone.${op}`,
          params: { file_kb: fileKb, reclen_kb: rec },
          unit: 'kB/s',
          better: 'higher',
          base: (writes ? 800_000 : 1_700_000) * (rec >= 64 ? 1.1 : 1),
          overhead: writes ? ov(0.15, 0.01, 0.02, 0.2) : ov(0.05, 0.01, 0.02, 0.08),
        });
      }
    }
  } else {
    seconds = preset.netperf.lengthSeconds + 0.5;
    const m = spec.params['message_bytes'];
    if (m !== undefined) {
      const f = Math.min(1, Math.log2(Number(m)) / 12);
      metrics.push({
        suite,
        metric: 'netperf.tcp_stream.throughput',
        params: { message_bytes: Number(m) },
        unit: '10^6bits/s',
        better: 'higher',
        base: 6 + 935 * f,
        overhead: ov(0.45 - 0.4 * f, 0.15 - 0.13 * f, 0.05, 0.55 - 0.45 * f),
      });
    } else {
      const test = spec.key.split('-')[0]!;
      metrics.push({
        suite,
        metric: `netperf.${test}.rate`,
        params: spec.params,
        unit: 'trans/s',
        better: 'higher',
        base: test === 'udp_rr' ? 10_520 : 9_810,
        overhead: ov(0.32, 0.12, 0.05, 0.42),
      });
    }
  }
  for (const m of metrics) m.cell = spec.key;
  return { spec, seconds, metrics };
}

export interface SimPreset {
  name: PresetName;
  cells: SimCell[];
  metrics: SimMetric[];
  /** First-look rounds per suite. */
  runs: Record<SuiteId, number>;
  rounds: RoundPolicy | undefined;
  enabled: SuiteId[];
}

/**
 * The preset's real cell list. `unixbench: false` leaves UnixBench out (it is not packaged:
 * boards without a tree skip it); `policy` replaces the preset's round policy (to compare the
 * old fixed rounds with the adaptive ones).
 */
export function simPreset(
  name: PresetName,
  opts: {
    cv?: number;
    unixbench?: boolean;
    runs?: number;
    rounds?: RoundPolicy | null;
    suites?: SuiteOverrides;
  } = {},
): SimPreset {
  const preset = PRESETS[name];
  const suites = resolveSuites(preset, opts.suites);
  const enabled = (['hackbench', 'unixbench', 'iozone', 'netperf'] as const).filter(
    (s) => suites[s].enabled && (s !== 'unixbench' || opts.unixbench !== false),
  );
  const cells = enabled.flatMap((suite) =>
    plannedCells(suite, suites).map((spec) => cellsOf(suite, spec, suites)),
  );
  const metrics = cells.flatMap((c) => c.metrics.map((m) => ({ ...m, cv: opts.cv ?? 0.02 })));
  const runs = Object.fromEntries(
    enabled.map((s) => [s, opts.runs ?? suites[s].runs ?? preset.runs]),
  ) as Record<SuiteId, number>;
  return {
    name,
    cells,
    metrics,
    runs,
    rounds: opts.rounds === null ? undefined : (opts.rounds ?? preset.rounds),
    enabled,
  };
}

/** Modelled wall time of one environment's cells over the first-look rounds and `extra` rounds of `extended`. */
export function wallSeconds(
  p: SimPreset,
  extended: ReadonlySet<string> = new Set(),
  extra = 0,
  env = 'kvm',
): number {
  let total = 0;
  for (const c of p.cells) {
    total += c.seconds * p.runs[c.spec.suite];
    if (extended.has(`${env}/${c.spec.suite}/${c.spec.key}`)) total += c.seconds * extra;
  }
  return total;
}

export interface TrialOptions {
  preset: SimPreset;
  seed: number;
  /** `${env}|${metric index}` → fraction worse. */
  shifts?: Map<string, number>;
  analysis?: AnalyzeOptions;
  roundCv?: number;
  envs?: EnvironmentKind[];
}

export interface Trial {
  analysis: Analysis;
  baseline: Results;
  current: Results;
  extendedCells: number;
  extraRounds: number;
  /** Modelled seconds of the extra rounds, over all environments. */
  extraSeconds: number;
}

const BOOT_GROUPS: EnvironmentKind[][] = [
  ['host', 'kvm', 'docker'],
  ['xen-dom0', 'xen-domu'],
];

/**
 * One PR check: a baseline (the preset's first-look rounds, as the baseline's extra rounds are
 * not used), a current run, its adaptive rounds as the engine plans them per boot group, and
 * the final analysis.
 */
export function trial(o: TrialOptions): Trial {
  const { preset } = o;
  const envs = o.envs ?? ENV_KINDS;
  const n = Math.max(...Object.values(preset.runs));
  const common = {
    metrics: preset.metrics,
    envs,
    preset: preset.name,
    ...(o.roundCv ? { roundCv: o.roundCv } : {}),
  };
  const baseline = simulate({ ...common, seed: o.seed * 3 + 1, n });
  baseline.samples = baseline.samples.filter((s) => s.round < preset.runs[s.suite]);
  const current = simulate({ ...common, seed: o.seed * 3 + 2, n, ...(o.shifts ? { shifts: o.shifts } : {}) });
  current.samples = current.samples.filter((s) => s.round < preset.runs[s.suite]);
  const options: AnalyzeOptions = { bootstrap: 0, ...o.analysis };
  let extendedCells = 0;
  let extraRounds = 0;
  let extraSeconds = 0;
  const policy = preset.rounds;
  if (policy) {
    const candidates = selectExtraRounds(current, { ...options, baseline }, policy);
    const seconds = new Map(preset.cells.map((c) => [`${c.spec.suite}/${c.spec.key}`, c.seconds]));
    const cost = (id: string) => seconds.get(id.split('/').slice(1).join('/')) ?? 0;
    const extended: string[] = [];
    const first = Math.min(...Object.values(preset.runs));
    for (const group of BOOT_GROUPS) {
      const inGroup = group.filter((e) => envs.includes(e));
      const groupCandidates = candidates.filter((c) =>
        inGroup.includes(c.cell.split('/')[0] as EnvironmentKind),
      );
      const firstLookSeconds = inGroup.length * wallSeconds(preset);
      const plan = planExtraRounds(groupCandidates, cost, first, policy.extraTime * firstLookSeconds, policy);
      if (plan.rounds === 0) continue;
      const chosen = new Set(plan.cells);
      const extra = simulate({
        ...common,
        seed: o.seed * 3 + 3 + 7919 * BOOT_GROUPS.indexOf(group),
        n,
        ...(o.shifts ? { shifts: o.shifts } : {}),
        rounds: Array.from({ length: plan.rounds }, (_, k) => n + k),
        include: (env, i) => chosen.has(`${env}/${preset.metrics[i]!.suite}/${preset.metrics[i]!.cell}`),
      });
      current.samples.push(...extra.samples);
      extended.push(...plan.cells);
      extendedCells += plan.cells.length;
      extraRounds = Math.max(extraRounds, plan.rounds);
      extraSeconds += plan.cells.reduce((s, c) => s + cost(c), 0) * plan.rounds;
    }
    current.run.adaptive = {
      firstLook: preset.runs,
      maxRuns: policy.maxRuns,
      alphaFirstLook: policy.alphaFirstLook,
      extended,
      extraRounds,
    };
  }
  return {
    analysis: analyze(current, { ...options, baseline }),
    baseline,
    current,
    extendedCells,
    extraRounds,
    extraSeconds,
  };
}
