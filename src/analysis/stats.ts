/**
 * Per-cell descriptive statistics with a 95% interval of the mean that never leaves the
 * possible range: every metric is a time, a rate or a throughput (> 0), so the interval is
 * built on the log scale — mean · exp(± t · sd(log x) / √n) — and stays positive however few
 * or spread the runs are (a plain t-interval of [1, 100] gives a negative throughput). Cells
 * with a value ≤ 0 (possible only in hand-made files) get the t-interval, floored at 0.
 */
import { mean as ssMean, median as ssMedian, sampleStandardDeviation } from 'simple-statistics';
import { tCritical } from './distributions.js';

export interface Descriptive {
  n: number;
  mean: number;
  median: number;
  sd: number | null;
  cv: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  min: number;
  max: number;
}

export function describe(values: readonly number[], confidence = 0.95): Descriptive {
  const n = values.length;
  if (n === 0) throw new RangeError('describe() needs at least one value');
  const arr = values as number[];
  const mean = ssMean(arr);
  const median = ssMedian(arr);
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (n < 2) return { n, mean, median, sd: null, cv: null, ciLow: null, ciHigh: null, min, max };
  const sd = sampleStandardDeviation(arr);
  const t = tCritical(1 - confidence, n - 1);
  let ciLow: number;
  let ciHigh: number;
  if (min > 0) {
    const factor = Math.exp((t * sampleStandardDeviation(arr.map(Math.log))) / Math.sqrt(n));
    ciLow = mean / factor;
    ciHigh = mean * factor;
  } else {
    const half = t * (sd / Math.sqrt(n));
    ciLow = Math.max(0, mean - half);
    ciHigh = mean + half;
  }
  return {
    n,
    mean,
    median,
    sd,
    cv: mean !== 0 ? sd / Math.abs(mean) : null,
    ciLow,
    ciHigh,
    min,
    max,
  };
}
