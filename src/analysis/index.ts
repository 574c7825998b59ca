/**
 * analyze(): results (and optionally a baseline) → a typed, JSON-serialisable Analysis.
 * Pure: no fs, no processes, no GitHub. Every interval is 95%; every bootstrap is seeded.
 */
import type { Results, SuiteId } from '../results/schema.js';
import { designEffect, restatesAnotherMetric, type DesignEffect } from './aggregates.js';
import { cellKey, groupCells, type RawCell } from './cells.js';
import { diffRuns, incomparableReason } from './fingerprint.js';
import { hierarchicalAdjust } from './hierarchy.js';
import {
  changeNotes,
  hostDriftNote,
  incomparableHeadline,
  kindOf,
  overheadSentence,
  aggregateSentence,
  pct,
} from './sentences.js';
import {
  aggregateComparison,
  computeSuiteOverheads,
  prepareAggregate,
  type OverheadGroups,
} from './suites.js';
import { envLabel } from './labels.js';
import { overheadInterval } from './overhead.js';
import { mde } from './power.js';
import { atFirstLook, baselineForTests, extraRoundsOf, sequentialP } from './sequential.js';
import { unequalResourceNotes, unequalResources } from './resources.js';
import { describe } from './stats.js';
import { degradationFromLog, logContrast, type Group } from './tests.js';
import {
  ANALYSIS_SCHEMA_ID,
  type AggregateComparison,
  type Analysis,
  type AnalyzeOptions,
  type CellRef,
  type CellStats,
  type Comparison,
  type EnvironmentSummary,
  type FailureGroup,
  type FingerprintDifference,
  type HeadlineStatus,
  type Overhead,
  type OverheadComparison,
  type ResolvedOptions,
  type RunSummary,
  type SideSummary,
  type Underpowered,
  type Verdict,
  type VerdictCounts,
} from './types.js';

export * from './types.js';
export { formatP, pct } from './sentences.js';
export { envLabel, metricLabel, metricKeyOf, paramsKey } from './labels.js';
export { overheadFromRatio } from './overhead.js';
export { classOf, FINGERPRINT_RULES } from './fingerprint.js';
export { DEFAULT_ALPHA_FIRST_LOOK } from './sequential.js';

export const DEFAULTS = {
  minEffect: 0.05,
  alpha: 0.05,
  correction: 'holm',
  maxCv: 0.25,
  bootstrap: 1000,
  aggregateShare: 0.5,
  power: 0.8,
} as const;

function resolve(current: Results, options: AnalyzeOptions): ResolvedOptions {
  const minEffect = options.minEffect ?? DEFAULTS.minEffect;
  const alpha = options.alpha ?? DEFAULTS.alpha;
  const maxCv = options.maxCv ?? DEFAULTS.maxCv;
  const bootstrap = options.bootstrap ?? DEFAULTS.bootstrap;
  const correction = options.correction ?? DEFAULTS.correction;
  const aggregateShare = options.aggregateShare ?? DEFAULTS.aggregateShare;
  if (!(aggregateShare > 0 && aggregateShare < 1))
    throw new RangeError(`aggregateShare must be in (0, 1) (got ${aggregateShare})`);
  if (!(minEffect >= 0 && minEffect < 1))
    throw new RangeError(`minEffect must be in [0, 1) (got ${minEffect})`);
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must be in (0, 1) (got ${alpha})`);
  if (!(maxCv > 0)) throw new RangeError(`maxCv must be > 0 (got ${maxCv})`);
  if (!(Number.isInteger(bootstrap) && (bootstrap === 0 || bootstrap >= 100))) {
    throw new RangeError(`bootstrap must be 0 (no intervals) or an integer ≥ 100 (got ${bootstrap})`);
  }
  if (correction !== 'holm' && correction !== 'bh') throw new RangeError(`correction must be holm or bh`);
  let hostEnv: string | null = options.hostEnv ?? null;
  if (hostEnv !== null && !current.environments.some((e) => e.id === hostEnv)) {
    throw new RangeError(`hostEnv '${hostEnv}' is not an environment of the current results`);
  }
  hostEnv ??= current.environments.find((e) => e.kind === 'host')?.id ?? null;
  return {
    minEffect,
    alpha,
    correction,
    maxCv,
    hostEnv,
    expectChanges: [...(options.expectChanges ?? [])],
    expectSame: [...(options.expectSame ?? [])],
    aggregateShare,
    power: DEFAULTS.power,
    bootstrap,
    confidence: 0.95,
  };
}

function runSummary(r: Results): RunSummary {
  return {
    id: r.run.id,
    preset: r.run.preset,
    started: r.run.started,
    finished: r.run.finished ?? null,
    status: r.run.status ?? null,
    gitSha: r.run.gitSha ?? null,
    board: r.board.name,
    toolVersion: r.run.toolVersion,
  };
}

function toStats(cell: RawCell): CellStats {
  const { values: _values, rounds: _rounds, conflicts: _conflicts, ...ref } = cell;
  return { ...ref, ...describeCell(cell) };
}

function computeOverheads(
  results: Results,
  cells: Map<string, RawCell>,
  hostEnv: string | null,
  opts: ResolvedOptions,
  side: string,
): Overhead[] {
  if (hostEnv === null) return [];
  const out: Overhead[] = [];
  for (const cell of cells.values()) {
    if (cell.env === hostEnv || cell.values.length === 0) continue;
    const host = cells.get(cellKey(hostEnv, cell.metricKey));
    if (!host || host.values.length === 0 || host.unit !== cell.unit || host.better !== cell.better) continue;
    // A ratio against a host mean of 0 (or a non-finite one) is no overhead: the report says
    // "incomparable" with the reason instead of Infinity or NaN.
    if (!(overheadDefined(host.values) && overheadDefined(cell.values))) continue;
    const o = overheadInterval(
      cell.values,
      host.values,
      cell.better,
      `${side}\u0000${cell.env}\u0000${cell.metricKey}`,
      opts.bootstrap,
      opts.confidence,
    );
    const half = (o.high - o.low) / 2;
    const n =
      cell.values.length === host.values.length
        ? `n=${cell.values.length}`
        : `n=${cell.values.length}/${host.values.length}`;
    const envMean = cell.values.reduce((a, b) => a + b, 0) / cell.values.length;
    const hostMean = host.values.reduce((a, b) => a + b, 0) / host.values.length;
    out.push({
      ...cellRefOf(cell),
      hostEnv,
      overhead: o.overhead,
      ciLow: o.low,
      ciHigh: o.high,
      nEnv: cell.values.length,
      nHost: host.values.length,
      envMean,
      hostMean,
      sentence: `${envLabel(cell.env, kindOf(results, cell.env))} ${cell.label} overhead ${pct(o.overhead)} ± ${pct(half)} (${n})`,
      ...unequalVerdict(results, cell.env, hostEnv),
    });
  }
  return out;
}

/** A mean that can be the denominator (host) or numerator (environment) of an overhead. */
function overheadDefined(values: readonly number[]): boolean {
  const m = values.reduce((a, b) => a + b, 0) / values.length;
  return Number.isFinite(m) && m > 0;
}

/** An overhead between unequal environments: incomparable, with the reason (analysis/resources.ts). */
function unequalVerdict(results: Results, env: string, hostEnv: string): Partial<Overhead> {
  const why = unequalResources(results, env, hostEnv);
  return why ? { verdict: 'incomparable', reason: why } : {};
}

const described = new WeakMap<RawCell, ReturnType<typeof describe>>();

function describeCell(cell: RawCell) {
  let d = described.get(cell);
  if (!d) {
    d = describe(cell.values);
    described.set(cell, d);
  }
  return d;
}

function side(cell: RawCell | undefined): SideSummary | null {
  if (!cell || cell.values.length === 0) return null;
  const d = describeCell(cell);
  return { n: d.n, mean: d.mean, cv: d.cv };
}

function cvOf(cell: RawCell): number | null {
  return cell.values.length < 2 ? null : describeCell(cell).cv;
}

/** Why a set of cells cannot be tested, or null when they can. */
function untestable(cells: readonly RawCell[], first: RawCell): string | null {
  for (const c of cells) {
    if (c.unit !== first.unit || c.better !== first.better) {
      return `unit or direction changed: ${first.unit}/${first.better} vs ${c.unit}/${c.better}`;
    }
  }
  for (const c of cells)
    if (c.values.length < 2) return `too few samples (n=${c.values.length} for ${c.env})`;
  for (const c of cells)
    if (c.values.some((v) => !(v > 0))) return `non-positive values for ${c.env}: a ratio is undefined`;
  return null;
}

function erraticReason(cells: readonly { cell: RawCell; role: string }[], maxCv: number): string | null {
  const bad = cells
    .map(({ cell, role }) => ({ role, cv: cvOf(cell) }))
    .filter((x) => x.cv !== null && x.cv > maxCv);
  if (bad.length === 0) return null;
  return bad.map((b) => `CV ${pct(b.cv!)} > ${pct(maxCv, 0)} (${b.role})`).join('; ');
}

function matchFailure(
  results: Results,
  cell: { env: string; suite: string; params: Record<string, unknown> },
): string | null {
  const env = results.environments.find((e) => e.id === cell.env);
  if (!env) return `environment ${cell.env} is not in this run`;
  if (env.skipped) return `environment skipped: ${env.skipped}`;
  const hits = results.failures.filter(
    (f) =>
      f.env === cell.env &&
      (f.suite === cell.suite || f.suite === 'environment' || f.suite === 'board') &&
      Object.entries(f.params).every(([k, v]) => cell.params[k] === undefined || cell.params[k] === v),
  );
  if (hits.length > 0) {
    const first = hits[0]!;
    return `failed in ${hits.length} run(s)${first.kind ? ` (${first.kind})` : ''}: ${first.message}`;
  }
  return null;
}

function emptyCounts(): VerdictCounts {
  return { regression: 0, improvement: 0, unchanged: 0, incomparable: 0, erratic: 0, missing: 0 };
}

/** One test of the report's family, before the correction. */
interface Pending {
  target: Comparison | OverheadComparison | AggregateComparison;
  p: number;
  se: number;
  df: number;
  better: 'higher' | 'lower';
  level: 'aggregate' | 'cell';
  /** Aggregate key (env|suite) an overhead cell belongs to. */
  aggregateKey: string | null;
}

type Contrast = ReturnType<typeof logContrast>;

/**
 * A test on the current run's first-look rounds and, when the cells got extra rounds, on every
 * round: the final contrast (for the change and its interval) and the two-look p-value.
 */
function twoLook(
  build: (look: 'first' | 'all') => readonly Group[],
  extended: boolean,
  gamma: number | null,
  alpha: number,
): { contrast: Contrast; p: number } {
  const first = logContrast(build('first'), alpha);
  if (!extended) return { contrast: first, p: sequentialP(first.p, null, gamma) };
  const all = logContrast(build('all'), alpha);
  return { contrast: all, p: sequentialP(first.p, all.p, gamma) };
}

export function analyze(current: Results, options: AnalyzeOptions = {}): Analysis {
  const opts = resolve(current, options);
  const baseline = options.baseline;
  const design = current.run.adaptive;
  const gamma = design ? design.alphaFirstLook : null;
  const curCells = groupCells(current);
  const baseCells = baseline ? groupCells(baseline) : new Map<string, RawCell>();
  // The baseline's extra rounds (adaptive baseline) are not tested: see sequential.ts.
  const baseTest = baseline ? baselineForTests(baseline, baseCells) : baseCells;
  const baseHost = baseline
    ? opts.hostEnv !== null && baseline.environments.some((e) => e.id === opts.hostEnv)
      ? opts.hostEnv
      : (baseline.environments.find((e) => e.kind === 'host')?.id ?? null)
    : null;
  const notes: string[] = [];
  if (opts.hostEnv === null)
    notes.push('No host environment in these results: overheads cannot be computed.');
  notes.push(...unequalResourceNotes(current, opts.hostEnv));

  const cells = [...curCells.values()].filter((c) => c.values.length > 0).map(toStats);
  const baselineCells = [...baseCells.values()].filter((c) => c.values.length > 0).map(toStats);
  const overheads = computeOverheads(current, curCells, opts.hostEnv, opts, 'current');
  // The baseline's overheads are point estimates only (no report shows their intervals; the
  // comparison has its own test): this halves the bootstrap work of a compare.
  const baselineOverheads = baseline
    ? computeOverheads(baseline, baseCells, baseHost, { ...opts, bootstrap: 0 }, 'baseline')
    : [];
  const suiteOverheads = computeSuiteOverheads(current, curCells, opts.hostEnv, opts);

  const diffs: FingerprintDifference[] = baseline ? diffRuns(baseline, current, opts) : [];
  notes.push(...changeNotes(diffs, current));
  const comparisons: Comparison[] = [];
  const overheadComparisons: OverheadComparison[] = [];
  const aggregates: AggregateComparison[] = [];
  const pending: Pending[] = [];
  const extraOf = (c: RawCell | undefined) => (c ? extraRoundsOf(c, design) : 0);
  const view = (c: RawCell, look: 'first' | 'all') => (look === 'first' ? atFirstLook(c, design) : c);

  if (baseline) {
    // Absolute comparisons: every cell on either side.
    const keys = new Set<string>([...baseCells.keys(), ...curCells.keys()]);
    for (const key of keys) {
      const b = baseTest.get(key);
      const c = curCells.get(key);
      const ref = (c ?? b)!;
      const cmp: Comparison = {
        ...cellRefOf(ref),
        verdict: 'unchanged',
        change: null,
        ciLow: null,
        ciHigh: null,
        p: null,
        pAdjusted: null,
        reason: null,
        mde: null,
        extraRounds: extraOf(c),
        baseline: side(baseCells.get(key)),
        current: side(c),
      };
      comparisons.push(cmp);
      if (!c || c.values.length === 0) {
        cmp.verdict = 'missing';
        cmp.reason = matchFailure(current, ref) ?? 'not measured in this run';
        continue;
      }
      if (!b || b.values.length === 0) {
        cmp.verdict = 'missing';
        cmp.reason = 'not in the baseline (new cell)';
        continue;
      }
      const fp = incomparableReason(diffs, ref.env, ref.suite);
      const why = fp ?? untestable([b, c, view(c, 'first')], b);
      if (why) {
        cmp.verdict = 'incomparable';
        cmp.reason = why;
        continue;
      }
      const { contrast, p } = twoLook(
        (look) => [
          { values: view(c, look).values, sign: 1, partner: 1 },
          { values: b.values, sign: -1, partner: 0 },
        ],
        cmp.extraRounds > 0,
        gamma,
        opts.alpha,
      );
      const erratic = erraticReason(
        [
          { cell: b, role: 'baseline' },
          { cell: c, role: 'current' },
        ],
        opts.maxCv,
      );
      setChange(cmp, contrast, ref.better);
      cmp.p = p;
      if (erratic) {
        cmp.verdict = 'erratic';
        cmp.reason = erratic;
        continue;
      }
      pending.push({
        target: cmp,
        p,
        ...seDf(contrast),
        better: ref.better,
        level: 'cell',
        aggregateKey: null,
      });
    }

    // Overhead comparisons: each non-host environment against its host, baseline vs current.
    const aggregateMembers = new Map<string, { oc: OverheadComparison; groups: OverheadGroups }[]>();
    if (opts.hostEnv !== null && baseHost !== null) {
      const curOverheadByKey = new Map(overheads.map((o) => [cellKey(o.env, o.metricKey), o]));
      const baseOverheadByKey = new Map(baselineOverheads.map((o) => [cellKey(o.env, o.metricKey), o]));
      const seen = new Set<string>();
      for (const c of [...curCells.values(), ...baseCells.values()]) {
        if (c.env === opts.hostEnv || c.env === baseHost) continue;
        const key = cellKey(c.env, c.metricKey);
        if (seen.has(key)) continue;
        seen.add(key);
        const groups = {
          envCur: curCells.get(key),
          hostCur: curCells.get(cellKey(opts.hostEnv, c.metricKey)),
          envBase: baseTest.get(key),
          hostBase: baseTest.get(cellKey(baseHost, c.metricKey)),
        };
        const curO = curOverheadByKey.get(key);
        const baseO = baseOverheadByKey.get(key);
        const label = `${envLabel(c.env, kindOf(current, c.env) ?? kindOf(baseline, c.env))} ${c.label}`;
        const oc: OverheadComparison = {
          ...cellRefOf(c),
          hostEnv: opts.hostEnv,
          verdict: 'unchanged',
          change: null,
          ciLow: null,
          ciHigh: null,
          p: null,
          pAdjusted: null,
          reason: null,
          mde: null,
          extraRounds: Math.max(extraOf(groups.envCur), extraOf(groups.hostCur)),
          baselineOverhead: baseO?.overhead ?? null,
          currentOverhead: curO?.overhead ?? null,
          sentence: '',
        };
        overheadComparisons.push(oc);
        const absent = (Object.entries(groups) as [string, RawCell | undefined][]).filter(
          ([, g]) => !g || g.values.length === 0,
        );
        if (absent.length > 0) {
          oc.verdict = 'missing';
          const [role] = absent[0]!;
          const results = role.endsWith('Cur') ? current : baseline;
          const env = role.startsWith('host') ? (role.endsWith('Cur') ? opts.hostEnv : baseHost) : c.env;
          const where = role.endsWith('Cur') ? 'this run' : 'the baseline';
          oc.reason =
            (role.endsWith('Cur') ? matchFailure(results, { ...c, env }) : null) ??
            `${env} not measured in ${where}`;
          oc.sentence = `${label} overhead: ${oc.reason}`;
          continue;
        }
        const g = groups as OverheadGroups;
        const all = [
          g.envCur,
          g.hostCur,
          g.envBase,
          g.hostBase,
          view(g.envCur, 'first'),
          view(g.hostCur, 'first'),
        ];
        const fp =
          overheadIncomparable(diffs, c.env, opts.hostEnv, baseHost, c.suite) ??
          unequalResources(current, c.env, opts.hostEnv) ??
          unequalResources(baseline, c.env, baseHost);
        const why = fp ?? untestable(all, g.envCur);
        if (why) {
          oc.verdict = 'incomparable';
          oc.reason = why;
          oc.sentence = `${label} overhead not comparable: ${why}`;
          continue;
        }
        const { contrast, p } = twoLook(
          (look) => [
            { values: view(g.envCur, look).values, sign: 1, partner: 2 },
            { values: view(g.hostCur, look).values, sign: -1, partner: 3 },
            { values: g.envBase.values, sign: -1, partner: 0 },
            { values: g.hostBase.values, sign: 1, partner: 1 },
          ],
          oc.extraRounds > 0,
          gamma,
          opts.alpha,
        );
        setChange(oc, contrast, c.better);
        oc.p = p;
        // Erratic cells are not tested one by one, but their runs still count in the aggregate
        // (its variance carries their noise).
        const aggKey = `${c.env}\u0000${c.suite}`;
        if (!restatesAnotherMetric(c.metric)) {
          let members = aggregateMembers.get(aggKey);
          if (!members) aggregateMembers.set(aggKey, (members = []));
          members.push({ oc, groups: g });
        }
        const erratic = erraticReason(
          [
            { cell: g.envCur, role: `${c.env} current` },
            { cell: g.hostCur, role: `${opts.hostEnv} current` },
            { cell: g.envBase, role: `${c.env} baseline` },
            { cell: g.hostBase, role: `${baseHost} baseline` },
          ],
          opts.maxCv,
        );
        if (erratic) {
          oc.verdict = 'erratic';
          oc.reason = erratic;
          oc.sentence = `${label} overhead too noisy to judge: ${erratic}`;
          continue;
        }
        pending.push({
          target: oc,
          p,
          ...seDf(contrast),
          better: c.better,
          level: 'cell',
          aggregateKey: aggKey,
        });
      }

      // Suite-level aggregates: every env × suite with an overhead comparison.
      const bySuite = new Map<string, OverheadComparison[]>();
      for (const oc of overheadComparisons) {
        const k = `${oc.env}\u0000${oc.suite}`;
        let list = bySuite.get(k);
        if (!list) bySuite.set(k, (list = []));
        list.push(oc);
      }
      const prepared = [...bySuite].map(([aggKey, list]) =>
        prepareAggregate(aggKey, list, aggregateMembers.get(aggKey) ?? [], design),
      );
      // Each environment's design effect, from the first looks of all its suites, both sides.
      const effects = new Map<string, DesignEffect>();
      for (const env of new Set(prepared.map((x) => x.env))) {
        effects.set(env, designEffect(prepared.filter((x) => x.env === env).flatMap((x) => x.effectParts)));
      }
      for (const x of prepared) {
        const agg = aggregateComparison(current, baseline, x, opts, effects.get(x.env)!, gamma);
        aggregates.push(agg.target);
        if (agg.pending) pending.push({ ...agg.pending, aggregateKey: x.key });
      }
    }

    // The correction: aggregates first, cells as the drill-down (hierarchy.ts).
    const aggIndex = new Map<string, number>();
    pending.forEach((x, i) => {
      if (x.level === 'aggregate') aggIndex.set(x.aggregateKey!, i);
    });
    const { adjusted, weights } = hierarchicalAdjust(
      pending.map((x) => ({
        p: x.p,
        level: x.level,
        parent: x.level === 'cell' && x.aggregateKey !== null ? (aggIndex.get(x.aggregateKey) ?? null) : null,
      })),
      opts.correction,
      opts.aggregateShare,
      opts.alpha,
    );
    pending.forEach((x, i) => {
      const t = x.target;
      t.pAdjusted = adjusted[i]!;
      t.verdict = decide(t.change!, t.ciLow!, t.ciHigh!, t.pAdjusted, opts);
      if (t.verdict === 'unchanged' && t.pAdjusted < opts.alpha) {
        t.reason = `significant but within the minimum effect (${pct(opts.minEffect, 0)})`;
      }
      // The level this test was (last) tested at; with adaptive rounds, the final look's share.
      const level = opts.alpha * weights[i]! * (gamma === null ? 1 : 1 - gamma);
      t.mde = level > 0 ? mde(x.se, x.df, level, x.better, opts.power) : null;
    });
    for (const oc of overheadComparisons) {
      if (oc.sentence === '') oc.sentence = overheadSentence(oc, current, baseline);
    }
    for (const agg of aggregates) {
      if (agg.sentence === '') agg.sentence = aggregateSentence(agg);
    }
  }

  const drift = hostDriftNote(comparisons, opts.hostEnv);
  if (drift) notes.push(drift);

  const byChange = <T extends { change: number | null }>(list: T[]) =>
    list.sort((a, b) => b.change! - a.change!);
  const aggregateRegressions = byChange(aggregates.filter((o) => o.verdict === 'regression'));
  const overheadRegressions = byChange(overheadComparisons.filter((o) => o.verdict === 'regression'));
  const regressions = byChange(comparisons.filter((o) => o.verdict === 'regression'));
  const count = (list: { verdict: Verdict }[]) => {
    const c = emptyCounts();
    for (const x of list) c[x.verdict]++;
    return c;
  };
  const underpowered = underpoweredTests(aggregates, overheadComparisons, comparisons, opts.minEffect);
  const status: HeadlineStatus = !baseline
    ? 'no-baseline'
    : aggregateRegressions.length + overheadRegressions.length + regressions.length > 0
      ? 'regression'
      : pending.length === 0
        ? 'incomparable'
        : 'ok';
  return {
    schema: ANALYSIS_SCHEMA_ID,
    options: opts,
    current: runSummary(current),
    baseline: baseline ? runSummary(baseline) : null,
    environments: environmentSummaries(current, curCells, opts.hostEnv),
    cells,
    baselineCells,
    overheads,
    baselineOverheads,
    suiteOverheads,
    aggregates,
    comparisons,
    overheadComparisons,
    headline: {
      status,
      reason: status === 'incomparable' ? incomparableHeadline(comparisons, diffs) : null,
      aggregateRegressions,
      overheadRegressions,
      regressions,
      aggregateCounts: count(aggregates),
      overheadCounts: count(overheadComparisons),
      absoluteCounts: count(comparisons),
      tests: pending.length,
      underpowered: underpowered.length,
    },
    design: {
      correction: opts.correction,
      aggregateTests: pending.filter((x) => x.level === 'aggregate').length,
      cellTests: pending.filter((x) => x.level === 'cell').length,
      alphaFirstLook: gamma,
      extendedCells: design?.extended.length ?? 0,
      extraRounds: design?.extraRounds ?? 0,
    },
    underpowered,
    failures: groupFailures(current),
    fingerprintDifferences: diffs,
    notes,
  };
}

function cellRefOf(cell: RawCell): CellRef {
  const { values: _v, rounds: _r, conflicts: _c, warnings: _w, ...ref } = cell;
  return ref;
}

function seDf(c: Contrast): { se: number; df: number } {
  return { se: c.se, df: c.df };
}

function overheadIncomparable(
  diffs: readonly FingerprintDifference[],
  env: string,
  hostEnv: string,
  baseHost: string,
  suite: SuiteId,
): string | null {
  return (
    incomparableReason(diffs, env, suite) ??
    incomparableReason(diffs, hostEnv, suite) ??
    (baseHost !== hostEnv ? `host environment changed: ${baseHost} → ${hostEnv}` : null)
  );
}

/** Map the log contrast to a direction-aware degradation and its interval. */
function setChange(
  t: { change: number | null; ciLow: number | null; ciHigh: number | null; p: number | null },
  contrast: ReturnType<typeof logContrast>,
  better: 'higher' | 'lower',
) {
  const a = degradationFromLog(contrast.low, better);
  const b = degradationFromLog(contrast.high, better);
  t.change = degradationFromLog(contrast.estimate, better);
  t.ciLow = Math.min(a, b);
  t.ciHigh = Math.max(a, b);
  t.p = contrast.p;
}

/**
 * A regression needs (1) significance after correction and (2) an effect that can reach the
 * minimum: the interval's worse end is ≥ minEffect. (2) drops changes shown to be smaller than
 * the minimum (a precise 1% shift) without halving the power at exactly the minimum, which a
 * rule on the point estimate would do.
 */
function decide(change: number, low: number, high: number, pAdj: number, opts: ResolvedOptions): Verdict {
  if (!(pAdj < opts.alpha)) return 'unchanged';
  if (change > 0 && high >= opts.minEffect) return 'regression';
  if (change < 0 && low <= -opts.minEffect) return 'improvement';
  return 'unchanged';
}

function environmentSummaries(
  results: Results,
  cells: Map<string, RawCell>,
  hostEnv: string | null,
): EnvironmentSummary[] {
  const perEnv = new Map<string, number>();
  for (const c of cells.values()) if (c.values.length > 0) perEnv.set(c.env, (perEnv.get(c.env) ?? 0) + 1);
  return results.environments.map((e) => {
    const { scratch, netperfPeer } = e.fingerprint;
    return {
      id: e.id,
      kind: e.kind,
      bootMode: e.bootMode,
      label: envLabel(e.id, e.kind),
      isHost: e.id === hostEnv,
      skipped: e.skipped ?? null,
      cells: perEnv.get(e.id) ?? 0,
      failures: results.failures.filter((f) => f.env === e.id).length,
      ...(scratch || netperfPeer
        ? {
            paths: {
              ...(scratch
                ? { scratch: { path: scratch.path, source: scratch.source, fstype: scratch.fstype } }
                : {}),
              ...(netperfPeer ? { netperfPeer: { ...netperfPeer } } : {}),
            },
          }
        : {}),
    };
  });
}

function groupFailures(results: Results): FailureGroup[] {
  const groups = new Map<string, FailureGroup>();
  for (const f of results.failures) {
    const key = `${f.env}\u0000${f.suite}\u0000${JSON.stringify(Object.entries(f.params).sort())}`;
    let g = groups.get(key);
    if (!g) {
      g = { env: f.env, suite: f.suite, params: f.params, kinds: [], rounds: [], message: f.message };
      groups.set(key, g);
    }
    if (f.kind && !g.kinds.includes(f.kind)) g.kinds.push(f.kind);
    g.rounds.push(f.round);
  }
  return [...groups.values()];
}

/** Unchanged tests whose minimum detectable effect is above the minimum effect, largest first. */
function underpoweredTests(
  aggregates: readonly AggregateComparison[],
  overheads: readonly OverheadComparison[],
  absolute: readonly Comparison[],
  minEffect: number,
): Underpowered[] {
  const out: Underpowered[] = [];
  const add = (
    test: Underpowered['test'],
    list: readonly (AggregateComparison | OverheadComparison | Comparison)[],
  ) => {
    for (const t of list) {
      if (t.verdict !== 'unchanged' || t.mde === null || !(t.mde > minEffect)) continue;
      out.push({ test, env: t.env, suite: t.suite, label: t.label, mde: t.mde });
    }
  };
  add('aggregate', aggregates);
  add('overhead', overheads);
  add('absolute', absolute);
  return out.sort((a, b) => b.mde - a.mde);
}
