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
 */
import { tCritical, tTwoSidedP } from './distributions.js';

export interface Group {
  values: readonly number[];
  /** +1 or −1 */
  sign: number;
}

export interface ContrastResult {
  /** The contrast of log means (e.g. log(cur/base) of geometric means). */
  estimate: number;
  low: number;
  high: number;
  p: number;
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
  let estimate = 0;
  let se2 = 0;
  let dfDen = 0;
  for (const g of groups) {
    if (g.values.length < 2) throw new RangeError('each group needs at least 2 values');
    const m = logMoments(g.values);
    estimate += g.sign * m.mean;
    const w = m.variance / m.n;
    se2 += w;
    dfDen += (w * w) / (m.n - 1);
  }
  if (se2 === 0) {
    // Every group is constant: the difference is exact.
    return { estimate, low: estimate, high: estimate, p: estimate === 0 ? 1 : 0, df: Infinity };
  }
  const se = Math.sqrt(se2);
  const df = (se2 * se2) / dfDen;
  const t = estimate / se;
  const p = tTwoSidedP(t, df);
  const half = tCritical(alpha, df) * se;
  return { estimate, low: estimate - half, high: estimate + half, p, df };
}

/** Log contrast → direction-aware relative degradation (> 0 worse), as the paper's overhead. */
export function degradationFromLog(logRatio: number, better: 'higher' | 'lower'): number {
  return better === 'lower' ? Math.expm1(logRatio) : -Math.expm1(logRatio);
}
