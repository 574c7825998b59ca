/**
 * The per-cell test: Welch's t on log values (a contrast of group means of logs).
 *
 * Why not Mann-Whitney U: with exact p its smallest attainable two-sided p is 2/C(2n, n)
 * (n = 5: 0.0079; n = 10: 1.1e-5). After a family-wise correction over hundreds of cells
 * (Holm's first threshold is alpha/m: 0.05/750 = 6.7e-5) a quick preset with n = 5 could never
 * flag anything, and n = 10 only barely. Welch on logs keeps power at small n, does not assume
 * equal variances (an environment change often changes the noise too), and works on the scale
 * that matters: a difference of log means is a ratio of geometric means, i.e. "5% slower".
 * Benchmark values are positive and roughly log-normal (times, rates). Outlier sensitivity is
 * handled by the `erratic` verdict (CV above a limit) instead of by rank statistics.
 *
 * The same contrast with four groups tests an overhead change:
 * (log env_cur − log host_cur) − (log env_base − log host_base), Welch-Satterthwaite df.
 *
 * Unequal runs (a current run with adaptive extra rounds against a baseline without): Welch's
 * approximation is then too liberal in the far tail a corrected report tests in — measured
 * (bench/analysis-power.bench.ts, `welch` table): with 10 runs against 3 at equal noise,
 * P(p < 10⁻⁴) = 7.6·10⁻⁴, because the small side's variance is the one estimated worst and a
 * chance low estimate both shrinks the standard error and raises the degrees of freedom. So a
 * group with fewer runs than its partner (the same cell on the other side) uses the larger of
 * the two variances (with the degrees of freedom of the one it uses), and the degrees of
 * freedom are capped at what the groups that kept their own variance can give (Σ (n − 1)).
 * With equal noise and two groups the test is then never more liberal than the exact t-test
 * that uses the larger side's variance for both (t with n_large − 1 df): when that variance is
 * the larger it is that test, otherwise its statistic is smaller and its critical value larger.
 * With equal runs nothing changes.
 */
import { tCritical, tTwoSidedP } from './distributions.js';

export interface Group {
  values: readonly number[];
  /** The group's weight in the contrast: +1 or −1, or ±1/K in a mean over K cells. */
  sign: number;
  /** Index of the group that measured the same cell on the other side (variance floor). */
  partner?: number;
}

export interface ContrastResult {
  /** The contrast of log means (e.g. log(cur/base) of geometric means). */
  estimate: number;
  low: number;
  high: number;
  p: number;
  /** Standard error of the estimate (0 when every group is constant). */
  se: number;
  df: number;
}

function logMoments(values: readonly number[]): { mean: number; variance: number; n: number } {
  const n = values.length;
  let s = 0;
  for (const v of values) s += Math.log(v);
  const mean = s / n;
  let ss = 0;
  for (const v of values) {
    const d = Math.log(v) - mean;
    ss += d * d;
  }
  return { mean, variance: n > 1 ? ss / (n - 1) : 0, n };
}

/** Welch-Satterthwaite test of a ± contrast of log means. Every group needs n ≥ 2 and values > 0. */
export function logContrast(groups: readonly Group[], alpha: number): ContrastResult {
  const moments = groups.map((g) => {
    if (g.values.length < 2) throw new RangeError('each group needs at least 2 values');
    return logMoments(g.values);
  });
  let estimate = 0;
  let se2 = 0;
  let dfDen = 0;
  let dfCap = 0;
  groups.forEach((g, i) => {
    const m = moments[i]!;
    const partner = g.partner !== undefined ? moments[g.partner] : undefined;
    const floored = partner !== undefined && m.n < partner.n;
    // A borrowed variance brings its own degrees of freedom (the partner's n − 1).
    const borrowed = floored && partner.variance > m.variance;
    const variance = borrowed ? partner.variance : m.variance;
    if (!floored) dfCap += m.n - 1;
    estimate += g.sign * m.mean;
    const w = (g.sign * g.sign * variance) / m.n;
    se2 += w;
    dfDen += (w * w) / ((borrowed ? partner.n : m.n) - 1);
  });
  if (se2 === 0) {
    // Every group is constant: the difference is exact.
    return { estimate, low: estimate, high: estimate, p: estimate === 0 ? 1 : 0, se: 0, df: Infinity };
  }
  const se = Math.sqrt(se2);
  const df = Math.min((se2 * se2) / dfDen, dfCap);
  const t = estimate / se;
  const p = tTwoSidedP(t, df);
  const half = tCritical(alpha, df) * se;
  return { estimate, low: estimate - half, high: estimate + half, p, se, df };
}

/** Log contrast → direction-aware relative degradation (> 0 worse), as the paper's overhead. */
export function degradationFromLog(logRatio: number, better: 'higher' | 'lower'): number {
  return better === 'lower' ? Math.expm1(logRatio) : -Math.expm1(logRatio);
}
