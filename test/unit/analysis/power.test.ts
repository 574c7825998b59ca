// Minimum detectable effects (src/analysis/power.ts), the two-look p-values of adaptive rounds
// (src/analysis/sequential.ts) and the variance floor of unequal runs (src/analysis/tests.ts).
import { describe, expect, it } from 'vitest';
import { mde, mdeLog, worseBy } from '../../../src/analysis/power.js';
import { mulberry32, normalSource } from '../../../src/analysis/rng.js';
import { sequentialP } from '../../../src/analysis/sequential.js';
import { logContrast } from '../../../src/analysis/tests.js';

function draw(z: () => number, n: number, sd: number, shift = 0): number[] {
  return Array.from({ length: n }, () => Math.exp(shift + sd * z()));
}

describe('minimum detectable effect', () => {
  it('at the MDE a test of the same n and noise rejects about 80% of the time', () => {
    const z = normalSource(mulberry32(9));
    const n = 6;
    const sd = 0.02;
    const level = 0.001;
    // The expected standard error of this contrast, and the MDE at the Welch df of equal groups.
    const se = sd * Math.sqrt(2 / n);
    const shift = mdeLog(se, 2 * (n - 1), level);
    let hits = 0;
    const trials = 4000;
    for (let t = 0; t < trials; t++) {
      const c = logContrast(
        [
          { values: draw(z, n, sd, shift), sign: 1 },
          { values: draw(z, n, sd), sign: -1 },
        ],
        level,
      );
      if (c.p < level) hits++;
    }
    // The formula uses the expected se; the sample SD varies: 80% ± a few points.
    expect(hits / trials).toBeGreaterThan(0.72);
    expect(hits / trials).toBeLessThan(0.88);
  });

  it('is said on the degradation scale of the metric’s direction', () => {
    expect(worseBy(Math.log(1.1), 'lower')).toBeCloseTo(0.1, 12);
    expect(worseBy(-Math.log(0.9), 'higher')).toBeCloseTo(0.1, 12);
    expect(mde(0, 10, 0.01, 'lower')).toBe(0);
    expect(mde(0.01, 0, 0.01, 'lower')).toBeNull();
  });
});

describe('two looks (adaptive rounds)', () => {
  it('spends γ of α at the first look and 1 − γ at the last', () => {
    expect(sequentialP(0.01, null, null)).toBe(0.01);
    expect(sequentialP(0.001, null, 0.1)).toBeCloseTo(0.01, 12);
    expect(sequentialP(0.05, 0.0009, 0.1)).toBeCloseTo(0.001, 12);
    expect(sequentialP(0.5, 0.9, 0.1)).toBe(1);
  });

  it('unequal runs: Welch alone is too liberal in the far tail; the variance floor is not', () => {
    const z = normalSource(mulberry32(7));
    const trials = 60_000;
    let welch = 0;
    let floored = 0;
    for (let t = 0; t < trials; t++) {
      const cur = draw(z, 10, 0.02);
      const base = draw(z, 3, 0.02);
      if (
        logContrast(
          [
            { values: cur, sign: 1 },
            { values: base, sign: -1 },
          ],
          0.05,
        ).p < 0.01
      )
        welch++;
      const g = [
        { values: cur, sign: 1, partner: 1 },
        { values: base, sign: -1, partner: 0 },
      ];
      if (logContrast(g, 0.05).p < 0.01) floored++;
    }
    // Measured with 400,000 draws: Welch 0.0198 (twice the level), floored 0.0034.
    expect(welch / trials).toBeGreaterThan(0.015);
    expect(floored / trials).toBeLessThan(0.01);
  });

  it('the floor changes nothing when both sides have the same runs', () => {
    const z = normalSource(mulberry32(3));
    const a = draw(z, 5, 0.02);
    const b = draw(z, 5, 0.03);
    const plain = logContrast(
      [
        { values: a, sign: 1 },
        { values: b, sign: -1 },
      ],
      0.05,
    );
    const paired = logContrast(
      [
        { values: a, sign: 1, partner: 1 },
        { values: b, sign: -1, partner: 0 },
      ],
      0.05,
    );
    expect(paired).toEqual(plain);
  });
});
