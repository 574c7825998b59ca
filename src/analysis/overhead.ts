/**
 * Overhead against the host, as Raho et al. (2015) define it: the percentage degradation
 * relative to native.
 *   lower is better (time):        overhead = (env − host) / host  = r − 1
 *   higher is better (throughput): overhead = (host − env) / host  = 1 − r
 * with r = mean(env) / mean(host). Positive = the environment is worse than the host.
 * The interval is a percentile bootstrap of r (both sides resampled independently) with a
 * seeded RNG whose seed is the cell's key: the same results always give the same report.
 */
import type { Better } from '../results/schema.js';
import { hashString } from './rng.js';

let buffer = new Float64Array(0);
/** One reusable buffer for the resampled ratios (a report computes thousands of intervals). */
function drawBuffer(size: number): Float64Array {
  if (buffer.length !== size) buffer = new Float64Array(size);
  return buffer;
}

export function overheadFromRatio(ratio: number, better: Better): number {
  return better === 'lower' ? ratio - 1 : 1 - ratio;
}

function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

export interface RatioInterval {
  ratio: number;
  low: number;
  high: number;
}

/** Bootstrap percentile interval of mean(env)/mean(host). */
export function bootstrapRatio(
  env: readonly number[],
  host: readonly number[],
  seedKey: string,
  resamples: number,
  confidence = 0.95,
): RatioInterval {
  const ne = env.length;
  const nh = host.length;
  const ratio = sum(env) / ne / (sum(host) / nh);
  if ((ne < 2 && nh < 2) || resamples === 0) return { ratio, low: ratio, high: ratio };
  // mulberry32 inlined (this loop is the hot spot of a report): each 32-bit draw gives two
  // 16-bit indices, (u16 · n) >>> 16, whose bias (n / 65536) is far below bootstrap noise.
  let state = hashString(seedKey);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const draws = drawBuffer(resamples);
  for (let b = 0; b < resamples; b++) {
    let se = 0;
    for (let i = 0; i < ne; i += 2) {
      const r = next();
      se += env[((r & 0xffff) * ne) >>> 16]!;
      if (i + 1 < ne) se += env[((r >>> 16) * ne) >>> 16]!;
    }
    let sh = 0;
    for (let i = 0; i < nh; i += 2) {
      const r = next();
      sh += host[((r & 0xffff) * nh) >>> 16]!;
      if (i + 1 < nh) sh += host[((r >>> 16) * nh) >>> 16]!;
    }
    draws[b] = se / ne / (sh / nh);
  }
  draws.sort();
  const tail = (1 - confidence) / 2;
  const at = (q: number) => draws[Math.min(resamples - 1, Math.max(0, Math.round(q * (resamples - 1))))]!;
  return { ratio, low: at(tail), high: at(1 - tail) };
}

/** Overhead and its interval (the interval flips for higher-is-better: overhead falls as r rises). */
export function overheadInterval(
  env: readonly number[],
  host: readonly number[],
  better: Better,
  seedKey: string,
  resamples: number,
  confidence = 0.95,
): { overhead: number; low: number; high: number } {
  const r = bootstrapRatio(env, host, seedKey, resamples, confidence);
  const a = overheadFromRatio(r.low, better);
  const b = overheadFromRatio(r.high, better);
  return { overhead: overheadFromRatio(r.ratio, better), low: Math.min(a, b), high: Math.max(a, b) };
}
