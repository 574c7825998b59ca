// Reference values: R 4.x (qt, pt, qnorm, p.adjust) and textbook tables, typed in by hand.
import { describe, expect, it } from 'vitest';
import { adjust, benjaminiHochberg, holm } from '../../../src/analysis/correction.js';
import { probit, tCdf, tQuantile, tTwoSidedP } from '../../../src/analysis/distributions.js';
import { overheadFromRatio, overheadInterval } from '../../../src/analysis/overhead.js';
import { describe as describeValues } from '../../../src/analysis/stats.js';
import { degradationFromLog, logContrast } from '../../../src/analysis/tests.js';

describe('Student t', () => {
  it.each([
    [0.975, 9, 2.262157],
    [0.975, 18, 2.100922],
    [0.975, 30, 2.042272],
    [0.975, 4, 2.776445],
    [0.995, 4, 4.604095],
    [0.95, 1, 6.313752],
    [0.025, 10, -2.228139],
  ])('qt(%f, %f) = %f', (p, df, q) => {
    expect(tQuantile(p, df)).toBeCloseTo(q, 5);
    expect(tCdf(q, df)).toBeCloseTo(p, 6);
  });
  it('two-sided p of t = 2.228139 with 10 df is 0.05; qnorm(0.975) = 1.959964', () => {
    expect(tTwoSidedP(2.228139, 10)).toBeCloseTo(0.05, 6);
    expect(tTwoSidedP(-2.228139, 10)).toBeCloseTo(0.05, 6);
    expect(probit(0.975)).toBeCloseTo(1.959964, 6);
    expect(tTwoSidedP(0, 5)).toBe(1);
  });
});

describe('corrections', () => {
  const p = [0.01, 0.04, 0.03, 0.005];
  it('Holm (p.adjust "holm")', () => {
    const out = holm(p);
    [0.03, 0.06, 0.06, 0.02].forEach((v, i) => expect(out[i]).toBeCloseTo(v, 12));
  });
  it('Benjamini-Hochberg (p.adjust "BH")', () => {
    const out = benjaminiHochberg(p);
    [0.02, 0.04, 0.04, 0.02].forEach((v, i) => expect(out[i]).toBeCloseTo(v, 12));
    expect(adjust([0.9, 0.8], 'bh')).toEqual([0.9, 0.9]);
  });
});

describe('cell statistics', () => {
  it('n, mean, median, sd (n−1), CV and the log-scale interval of 1..5', () => {
    const d = describeValues([3, 1, 5, 2, 4]);
    expect(d).toMatchObject({ n: 5, mean: 3, median: 3, min: 1, max: 5 });
    expect(d.sd).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(d.cv).toBeCloseTo(Math.sqrt(2.5) / 3, 12);
    // sd(ln x) = 0.632834; 3 ·/÷ exp(2.776445 · 0.632834 / √5) = 3 ·/÷ 2.201390
    expect(d.ciLow).toBeCloseTo(1.362775, 5);
    expect(d.ciHigh).toBeCloseTo(6.604171, 5);
  });
  it('the interval never leaves the possible range (a t-interval of these goes below 0)', () => {
    // Two IOzone runs of very different throughput: mean ± t·sd/√n was -105.6M … 170.5M kB/s.
    for (const values of [
      [2_000_000, 60_000_000],
      [1, 100, 1],
      [0.001, 0.5, 0.002, 0.9],
    ]) {
      const d = describeValues(values);
      expect(d.ciLow!, values.join(',')).toBeGreaterThan(0);
      expect(d.ciLow!).toBeLessThan(d.mean);
      expect(d.ciHigh!).toBeGreaterThan(d.mean);
    }
    // A value of 0 (hand-made files only: the parsers refuse it) cannot go on the log scale.
    expect(describeValues([0, 10, 0]).ciLow).toBe(0);
  });
  it('a single value has no spread and no interval', () => {
    expect(describeValues([7])).toMatchObject({
      n: 1,
      mean: 7,
      sd: null,
      cv: null,
      ciLow: null,
      ciHigh: null,
    });
  });
});

describe('overhead (paper definition)', () => {
  it('times: (env − host)/host; throughputs: (host − env)/host', () => {
    expect(overheadFromRatio(1.1, 'lower')).toBeCloseTo(0.1, 12); // 1.1 s vs 1.0 s
    expect(overheadFromRatio(0.9, 'higher')).toBeCloseTo(0.1, 12); // 90 vs 100 MB/s
    expect(overheadFromRatio(1.05, 'higher')).toBeCloseTo(-0.05, 12); // faster than the host
  });
  it('bootstrap interval: contains the estimate, is reproducible, depends on the seed key', () => {
    const env = [66, 68, 67.5, 69, 66.5, 67, 68.2, 67.7, 66.9, 68.1];
    const host = [100, 99, 101, 100.5, 99.5, 100.2, 99.8, 100.1, 100.4, 99.6];
    const a = overheadInterval(env, host, 'higher', 'k1', 1000);
    expect(a.overhead).toBeCloseTo(1 - 67.49 / 100.01, 10);
    expect(a.low).toBeLessThan(a.overhead);
    expect(a.high).toBeGreaterThan(a.overhead);
    expect(a.high - a.low).toBeLessThan(0.02);
    expect(overheadInterval(env, host, 'higher', 'k1', 1000)).toEqual(a);
    expect(overheadInterval(env, host, 'higher', 'k2', 1000)).not.toEqual(a);
  });
});

describe('Welch t on logs', () => {
  it('matches a hand computation and maps to a direction-aware degradation', () => {
    // log values: a = ln(1), ln(e^0.02), ..., simple symmetric data.
    const base = [1, 1.02, 0.98, 1.01, 0.99];
    const cur = base.map((v) => v * 1.1);
    const r = logContrast(
      [
        { values: cur, sign: 1 },
        { values: base, sign: -1 },
      ],
      0.05,
    );
    expect(r.estimate).toBeCloseTo(Math.log(1.1), 12);
    expect(r.df).toBeCloseTo(8, 10); // equal variances and n: df = 2(n − 1)
    expect(r.p).toBeLessThan(1e-4);
    expect(degradationFromLog(r.estimate, 'lower')).toBeCloseTo(0.1, 12); // 10% slower
    expect(degradationFromLog(r.estimate, 'higher')).toBeCloseTo(-0.1, 12); // 10% more throughput
  });
  it('constant groups: exact difference', () => {
    const r = logContrast(
      [
        { values: [2, 2], sign: 1 },
        { values: [2, 2], sign: -1 },
      ],
      0.05,
    );
    expect(r.p).toBe(1);
  });
});
