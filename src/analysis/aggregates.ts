/**
 * Suite-level overheads: per environment × suite, the geometric mean over the suite's cells of
 * env/host (as UnixBench's index is a geometric mean of ratios), its interval, and the test of
 * its change against the baseline.
 *
 * On the log scale the aggregate of one run is G = mean over cells of
 * o_c · (mean log env_c − mean log host_c), with o_c = +1 for lower-is-better cells and −1 for
 * higher-is-better ones, so G > 0 means the environment is worse than the host. Its variance
 * uses every cell's runs with the **rounds as clusters** (a cluster-robust "CR1" sandwich):
 * each round contributes U_r = Σ_c o_c (Σ_{env values of c in round r} (log v − mean)/(K n_env)
 * − Σ_{host values of c in round r} (log v − mean)/(K n_host)), and Var(G) = C/(C − 1) · Σ_r U_r²
 * with C rounds, C − 1 degrees of freedom. Why clusters: the cells of one environment in one
 * round run back to back, so what slows the machine for a while (another job, the thermal
 * state, a page-cache flush) moves them together; treating the cells as independent would
 * understate the variance of their mean. When every cell has every round this is exactly the
 * t statistic on the per-round aggregates; it also handles cells with extra rounds.
 * The change between baseline and current is D = G_cur − G_base, a Welch contrast of the two
 * sides with Satterthwaite's degrees of freedom.
 *
 * With few rounds (3 on each side: 2 + 2 degrees of freedom) that clustered variance is
 * itself very uncertain, and a t with ~4 df at a corrected level asks for a huge t statistic
 * (measured: a 5% slowdown of every hackbench cell found in 23% of quick reports). So the test
 * uses the model that treats every cell's runs as independent — the Welch contrast of all 4K
 * groups (env and host, current and baseline), each weighted ±1/K, Satterthwaite df ≈ 4K(n − 1)
 * — **inflated by the environment's design effect** when the rounds do move together:
 * φ = Σ clustered variances / Σ model variances over every suite and both sides of that
 * environment (a ratio of sums, so with 4 suites × 2 sides × (rounds − 1) degrees of freedom
 * it is stable where one suite's clustered variance is not). With φ ≤ 1 (no sign of drift) the
 * model's standard error and df are used; with φ > 1 the standard error grows by √φ and the
 * df are capped at φ's. A quasi-likelihood dispersion factor, in effect, estimated per
 * environment because drift hits environments differently (a container shares the host's
 * load; a guest's clock may not).
 */
import type { Better, SuiteId } from '../results/schema.js';
import { tCritical, tTwoSidedP } from './distributions.js';
import type { RawCell } from './cells.js';
import { logContrast, type Group } from './tests.js';

export interface CellPair {
  env: RawCell;
  host: RawCell;
}

export interface ClusteredMean {
  /** G, the oriented mean of log(env/host) over the cells (> 0: env worse than host). */
  estimate: number;
  /** Var(G); NaN with fewer than two rounds. */
  variance: number;
  /** Rounds (clusters) with data. */
  rounds: number;
  cells: number;
}

const orient = (better: Better) => (better === 'lower' ? 1 : -1);

/**
 * Metrics that restate another metric of the same run: UnixBench's index values are its scores
 * divided by a fixed baseline (and their geometric mean). An aggregate counts each run once, by
 * its score; the index cells are still shown and tested on their own.
 */
export function restatesAnotherMetric(metric: string): boolean {
  return metric === 'unixbench.index' || metric.startsWith('unixbench.index.');
}

function meanLog(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += Math.log(v);
  return s / values.length;
}

/** G and its round-clustered variance for one side. Every cell needs values > 0 on both sides. */
export function clusteredMean(pairs: readonly CellPair[]): ClusteredMean {
  const k = pairs.length;
  const u = new Map<number, number>();
  let estimate = 0;
  for (const { env, host } of pairs) {
    const o = orient(env.better);
    const me = meanLog(env.values);
    const mh = meanLog(host.values);
    estimate += (o * (me - mh)) / k;
    env.values.forEach((v, i) => {
      const r = env.rounds[i]!;
      u.set(r, (u.get(r) ?? 0) + (o * (Math.log(v) - me)) / (k * env.values.length));
    });
    host.values.forEach((v, i) => {
      const r = host.rounds[i]!;
      u.set(r, (u.get(r) ?? 0) - (o * (Math.log(v) - mh)) / (k * host.values.length));
    });
  }
  const c = u.size;
  let ss = 0;
  for (const x of u.values()) ss += x * x;
  return { estimate, variance: c > 1 ? (c / (c - 1)) * ss : NaN, rounds: c, cells: k };
}

/** The suite's direction for reporting: the cells' common one, or lower-is-better when mixed. */
export function suiteBetter(pairs: readonly CellPair[]): Better {
  const first = pairs[0]?.env.better ?? 'lower';
  return pairs.every((p) => p.env.better === first) ? first : 'lower';
}

/** The oriented log G as the paper's overhead of the geometric-mean ratio. */
export function overheadOfLog(g: number, better: Better): number {
  // better = lower: ratio env/host = e^G, overhead = ratio − 1; higher: ratio = e^−G, overhead = 1 − ratio.
  return better === 'lower' ? Math.expm1(g) : -Math.expm1(-g);
}

export interface AggregateContrast {
  /** D = G_cur − G_base (> 0: the overhead grew). */
  estimate: number;
  low: number;
  high: number;
  p: number;
  se: number;
  df: number;
}

/** The per-cell model's variance of one side's G: (1/K²) Σ_c (s²_env/n_env + s²_host/n_host). */
export function modelVariance(pairs: readonly CellPair[]): number {
  const k = pairs.length;
  let v = 0;
  for (const { env, host } of pairs)
    v += logVariance(env.values) / env.values.length + logVariance(host.values) / host.values.length;
  return v / (k * k);
}

function logVariance(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  const m = meanLog(values);
  let ss = 0;
  for (const v of values) ss += (Math.log(v) - m) ** 2;
  return ss / (n - 1);
}

/** An environment's design effect: how much more its rounds vary than its cells' runs say. */
export interface DesignEffect {
  phi: number;
  /** Degrees of freedom of φ: Σ (rounds − 1) over the parts. */
  df: number;
}

export function designEffect(parts: readonly { clustered: ClusteredMean; model: number }[]): DesignEffect {
  let cl = 0;
  let model = 0;
  let df = 0;
  for (const p of parts) {
    if (!(p.clustered.rounds > 1) || !Number.isFinite(p.clustered.variance) || !(p.model > 0)) continue;
    cl += p.clustered.variance;
    model += p.model;
    df += p.clustered.rounds - 1;
  }
  return { phi: model > 0 ? cl / model : 1, df };
}

/**
 * The aggregate's change: the Welch contrast of every cell's four groups (env and host, current
 * and baseline), each weighted ±1/K, inflated by the design effect when φ > 1.
 */
export function aggregateContrast(
  cur: readonly CellPair[],
  base: readonly CellPair[],
  effect: DesignEffect,
  alpha: number,
): AggregateContrast {
  const k = cur.length;
  const groups: Group[] = [];
  cur.forEach((c, i) => {
    const b = base[i]!;
    const o = orient(c.env.better) / k;
    const at = groups.length;
    groups.push(
      { values: c.env.values, sign: o, partner: at + 2 },
      { values: c.host.values, sign: -o, partner: at + 3 },
      { values: b.env.values, sign: -o, partner: at },
      { values: b.host.values, sign: o, partner: at + 1 },
    );
  });
  const r = logContrast(groups, alpha);
  if (!(effect.phi > 1) || r.se === 0)
    return { estimate: r.estimate, low: r.low, high: r.high, p: r.p, se: r.se, df: r.df };
  const se = r.se * Math.sqrt(effect.phi);
  const df = Math.max(1, Math.min(r.df, effect.df));
  const half = tCritical(alpha, df) * se;
  return {
    estimate: r.estimate,
    low: r.estimate - half,
    high: r.estimate + half,
    p: tTwoSidedP(r.estimate / se, df),
    se,
    df,
  };
}

/**
 * The interval of one run's aggregate overhead: the model's variance inflated by the design
 * effect (as the test), t with the model's Satterthwaite df (capped by φ's when φ > 1).
 */
export function aggregateInterval(
  pairs: readonly CellPair[],
  m: ClusteredMean,
  effect: DesignEffect,
  better: Better,
  confidence: number,
): { overhead: number; low: number | null; high: number | null } {
  const overhead = overheadOfLog(m.estimate, better);
  const groups: Group[] = pairs.flatMap(({ env, host }) => [
    { values: env.values, sign: 1 / pairs.length },
    { values: host.values, sign: -1 / pairs.length },
  ]);
  if (groups.some((g) => g.values.length < 2)) return { overhead, low: null, high: null };
  const r = logContrast(groups, 1 - confidence);
  const inflate = effect.phi > 1 ? Math.sqrt(effect.phi) : 1;
  const df = effect.phi > 1 ? Math.max(1, Math.min(r.df, effect.df)) : r.df;
  if (!Number.isFinite(df) || r.se === 0) return { overhead, low: overhead, high: overhead };
  const half = tCritical(1 - confidence, df) * r.se * inflate;
  // overheadOfLog is increasing in G for both directions.
  return {
    overhead,
    low: overheadOfLog(m.estimate - half, better),
    high: overheadOfLog(m.estimate + half, better),
  };
}

export const SUITE_LABELS: Record<SuiteId, string> = {
  hackbench: 'hackbench',
  unixbench: 'UnixBench',
  iozone: 'IOzone',
  netperf: 'netperf',
};
