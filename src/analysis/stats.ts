/** Per-cell descriptive statistics with a t-based confidence interval of the mean. */
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
  const half = tCritical(1 - confidence, n - 1) * (sd / Math.sqrt(n));
  return {
    n,
    mean,
    median,
    sd,
    cv: mean !== 0 ? sd / Math.abs(mean) : null,
    ciLow: mean - half,
    ciHigh: mean + half,
    min,
    max,
  };
}
