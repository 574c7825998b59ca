/**
 * analyze(): results (and optionally a baseline) → a typed, JSON-serialisable Analysis.
 * Pure: no fs, no processes, no GitHub. Every interval is 95%; every bootstrap is seeded.
 */
import type { Results } from '../results/schema.js';
import { cellKey, groupCells, type RawCell } from './cells.js';
import { adjust } from './correction.js';
import { diffRuns, incomparableReason } from './fingerprint.js';
import { envLabel } from './labels.js';
import { overheadInterval } from './overhead.js';
import { describe } from './stats.js';
import { degradationFromLog, logContrast, type Group } from './tests.js';
import {
  ANALYSIS_SCHEMA_ID,
  type Analysis,
  type AnalyzeOptions,
  type CellStats,
  type Comparison,
  type EnvironmentSummary,
  type FailureGroup,
  type FingerprintDifference,
  type Overhead,
  type OverheadComparison,
  type ResolvedOptions,
  type RunSummary,
  type SideSummary,
  type Verdict,
  type VerdictCounts,
} from './types.js';

export * from './types.js';
export { envLabel, metricLabel, metricKeyOf, paramsKey } from './labels.js';
export { overheadFromRatio } from './overhead.js';

export const DEFAULTS = {
  minEffect: 0.05,
  alpha: 0.05,
  correction: 'holm',
  maxCv: 0.25,
  bootstrap: 1000,
} as const;

export function pct(x: number, digits = 1): string {
  return `${(x * 100).toFixed(digits)}%`;
}

function resolve(current: Results, options: AnalyzeOptions): ResolvedOptions {
  const minEffect = options.minEffect ?? DEFAULTS.minEffect;
  const alpha = options.alpha ?? DEFAULTS.alpha;
  const maxCv = options.maxCv ?? DEFAULTS.maxCv;
  const bootstrap = options.bootstrap ?? DEFAULTS.bootstrap;
  const correction = options.correction ?? DEFAULTS.correction;
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

function kindOf(results: Results, env: string) {
  return results.environments.find((e) => e.id === env)?.kind;
}

function toStats(cell: RawCell): CellStats {
  const { values: _values, conflicts: _conflicts, ...ref } = cell;
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
    const { values: _v, conflicts: _c, warnings: _w, ...ref } = cell;
    out.push({
      ...ref,
      hostEnv,
      overhead: o.overhead,
      ciLow: o.low,
      ciHigh: o.high,
      nEnv: cell.values.length,
      nHost: host.values.length,
      envMean,
      hostMean,
      sentence: `${envLabel(cell.env, kindOf(results, cell.env))} ${cell.label} overhead ${pct(o.overhead)} ± ${pct(half)} (${n})`,
    });
  }
  return out;
}

/** A mean that can be the denominator (host) or numerator (environment) of an overhead. */
function overheadDefined(values: readonly number[]): boolean {
  const m = values.reduce((a, b) => a + b, 0) / values.length;
  return Number.isFinite(m) && m > 0;
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

interface Pending {
  target: Comparison | OverheadComparison;
  contrast: ReturnType<typeof logContrast>;
}

export function analyze(current: Results, options: AnalyzeOptions = {}): Analysis {
  const opts = resolve(current, options);
  const baseline = options.baseline;
  const curCells = groupCells(current);
  const baseCells = baseline ? groupCells(baseline) : new Map<string, RawCell>();
  const baseHost = baseline
    ? opts.hostEnv !== null && baseline.environments.some((e) => e.id === opts.hostEnv)
      ? opts.hostEnv
      : (baseline.environments.find((e) => e.kind === 'host')?.id ?? null)
    : null;
  const notes: string[] = [];
  if (opts.hostEnv === null)
    notes.push('No host environment in these results: overheads cannot be computed.');

  const cells = [...curCells.values()].filter((c) => c.values.length > 0).map(toStats);
  const baselineCells = [...baseCells.values()].filter((c) => c.values.length > 0).map(toStats);
  const overheads = computeOverheads(current, curCells, opts.hostEnv, opts, 'current');
  // The baseline's overheads are point estimates only (no report shows their intervals; the
  // comparison has its own test): this halves the bootstrap work of a compare.
  const baselineOverheads = baseline
    ? computeOverheads(baseline, baseCells, baseHost, { ...opts, bootstrap: 0 }, 'baseline')
    : [];

  const diffs: FingerprintDifference[] = baseline ? diffRuns(baseline, current, opts.expectChanges) : [];
  for (const d of diffs.filter((x) => x.expected)) {
    notes.push(`Expected change on ${d.env}: ${d.key} ${d.baseline} → ${d.current}.`);
  }
  const comparisons: Comparison[] = [];
  const overheadComparisons: OverheadComparison[] = [];
  const pending: Pending[] = [];

  if (baseline) {
    // Absolute comparisons: every cell on either side.
    const keys = new Set<string>([...baseCells.keys(), ...curCells.keys()]);
    for (const key of keys) {
      const b = baseCells.get(key);
      const c = curCells.get(key);
      const ref = (c ?? b)!;
      const { values: _v, conflicts: _c, warnings: _w, ...cellRef } = ref;
      const cmp: Comparison = {
        ...cellRef,
        verdict: 'unchanged',
        change: null,
        ciLow: null,
        ciHigh: null,
        p: null,
        pAdjusted: null,
        reason: null,
        baseline: side(b),
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
      const why = fp ?? untestable([b, c], b);
      if (why) {
        cmp.verdict = 'incomparable';
        cmp.reason = why;
        continue;
      }
      const contrast = logContrast(
        [
          { values: c.values, sign: 1 },
          { values: b.values, sign: -1 },
        ],
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
      if (erratic) {
        cmp.verdict = 'erratic';
        cmp.reason = erratic;
        continue;
      }
      pending.push({ target: cmp, contrast });
    }

    // Overhead comparisons: each non-host environment against its host, baseline vs current.
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
          envBase: baseCells.get(key),
          hostBase: baseCells.get(cellKey(baseHost, c.metricKey)),
        };
        const { values: _v, conflicts: _c, warnings: _w, ...cellRef } = c;
        const curO = curOverheadByKey.get(key);
        const baseO = baseOverheadByKey.get(key);
        const label = `${envLabel(c.env, kindOf(current, c.env) ?? kindOf(baseline, c.env))} ${c.label}`;
        const oc: OverheadComparison = {
          ...cellRef,
          hostEnv: opts.hostEnv,
          verdict: 'unchanged',
          change: null,
          ciLow: null,
          ciHigh: null,
          p: null,
          pAdjusted: null,
          reason: null,
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
        const all = [groups.envCur!, groups.hostCur!, groups.envBase!, groups.hostBase!];
        const fp =
          incomparableReason(diffs, c.env, c.suite) ??
          incomparableReason(diffs, opts.hostEnv, c.suite) ??
          (baseHost !== opts.hostEnv ? `host environment changed: ${baseHost} → ${opts.hostEnv}` : null);
        const why = fp ?? untestable(all, groups.envCur!);
        if (why) {
          oc.verdict = 'incomparable';
          oc.reason = why;
          oc.sentence = `${label} overhead not comparable: ${why}`;
          continue;
        }
        const gs: Group[] = [
          { values: groups.envCur!.values, sign: 1 },
          { values: groups.hostCur!.values, sign: -1 },
          { values: groups.envBase!.values, sign: -1 },
          { values: groups.hostBase!.values, sign: 1 },
        ];
        const contrast = logContrast(gs, opts.alpha);
        setChange(oc, contrast, c.better);
        const erratic = erraticReason(
          [
            { cell: groups.envCur!, role: `${c.env} current` },
            { cell: groups.hostCur!, role: `${opts.hostEnv} current` },
            { cell: groups.envBase!, role: `${c.env} baseline` },
            { cell: groups.hostBase!, role: `${baseHost} baseline` },
          ],
          opts.maxCv,
        );
        if (erratic) {
          oc.verdict = 'erratic';
          oc.reason = erratic;
          oc.sentence = `${label} overhead too noisy to judge: ${erratic}`;
          continue;
        }
        pending.push({ target: oc, contrast });
      }
    }

    // One correction family per report: absolute and overhead tests together.
    const adjusted = adjust(
      pending.map((x) => x.contrast.p),
      opts.correction,
    );
    pending.forEach((x, i) => {
      const t = x.target;
      t.pAdjusted = adjusted[i]!;
      t.verdict = decide(t.change!, t.ciLow!, t.ciHigh!, t.pAdjusted, opts);
      if (t.verdict === 'unchanged' && t.pAdjusted < opts.alpha) {
        t.reason = `significant but within the minimum effect (${pct(opts.minEffect, 0)})`;
      }
    });
    for (const oc of overheadComparisons) {
      if (oc.sentence === '') oc.sentence = overheadSentence(oc, current, baseline);
    }
  }

  const drift = hostDriftNote(comparisons, opts.hostEnv);
  if (drift) notes.push(drift);

  const overheadRegressions = overheadComparisons
    .filter((o) => o.verdict === 'regression')
    .sort((a, b) => b.change! - a.change!);
  const regressions = comparisons
    .filter((o) => o.verdict === 'regression')
    .sort((a, b) => b.change! - a.change!);
  const count = (list: { verdict: Verdict }[]) => {
    const c = emptyCounts();
    for (const x of list) c[x.verdict]++;
    return c;
  };

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
    comparisons,
    overheadComparisons,
    headline: {
      status: !baseline
        ? 'no-baseline'
        : overheadRegressions.length + regressions.length > 0
          ? 'regression'
          : 'ok',
      overheadRegressions,
      regressions,
      overheadCounts: count(overheadComparisons),
      absoluteCounts: count(comparisons),
      tests: pending.length,
    },
    failures: groupFailures(current),
    fingerprintDifferences: diffs,
    notes,
  };
}

/**
 * When the host's own cells moved between the runs, every absolute verdict of the other
 * environments carries that move too (a changed host kernel or firmware, or a machine shared
 * with other load, as on CI runners). The overhead verdicts compare each environment with the
 * host of its own run, interleaved round by round, so they do not: the note says which to trust.
 */
function hostDriftNote(comparisons: Comparison[], hostEnv: string | null): string | null {
  // A run of the host alone has no other verdicts for the move to explain.
  if (hostEnv === null || comparisons.every((c) => c.env === hostEnv)) return null;
  const host = comparisons.filter((c) => c.env === hostEnv && c.change !== null);
  const moved = host.filter((c) => c.verdict === 'regression' || c.verdict === 'improvement');
  if (moved.length === 0) return null;
  const shown = moved
    .slice(0, 2)
    .map((c) => `${c.label} ${pct(Math.abs(c.change!))} ${c.change! > 0 ? 'worse' : 'better'}`)
    .join('; ');
  const more = moved.length > 2 ? `; ${moved.length - 2} more` : '';
  return (
    `The host itself changed between the two runs in ${moved.length} of ${host.length} cells (${shown}${more}): ` +
    "the absolute verdicts of the other environments include that change of the host or of the machine's load; " +
    'the overhead verdicts compare each environment with the host of its own run and do not.'
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

function overheadSentence(oc: OverheadComparison, current: Results, baseline: Results): string {
  const label = `${envLabel(oc.env, kindOf(current, oc.env) ?? kindOf(baseline, oc.env))} ${oc.label}`;
  const from = oc.baselineOverhead !== null ? pct(oc.baselineOverhead) : '?';
  const to = oc.currentOverhead !== null ? pct(oc.currentOverhead) : '?';
  const pp =
    oc.baselineOverhead !== null && oc.currentOverhead !== null
      ? ` (${oc.currentOverhead >= oc.baselineOverhead ? '+' : ''}${((oc.currentOverhead - oc.baselineOverhead) * 100).toFixed(1)} pp)`
      : '';
  const verb =
    oc.verdict === 'regression' ? 'grew' : oc.verdict === 'improvement' ? 'shrank' : 'is unchanged,';
  const rel =
    oc.change !== null
      ? `; relative to the host ${oc.change >= 0 ? pct(oc.change) + ' worse' : pct(-oc.change) + ' better'} (95% CI ${pct(oc.ciLow!)} to ${pct(oc.ciHigh!)}, adjusted p=${formatP(oc.pAdjusted)})`
      : '';
  return `${label} overhead ${verb} from ${from} to ${to}${pp}${rel}`;
}

export function formatP(p: number | null): string {
  if (p === null) return '–';
  if (p < 0.0001) return p.toExponential(1);
  return p.toFixed(4);
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
