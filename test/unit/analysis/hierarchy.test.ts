// The report's correction (src/analysis/hierarchy.ts): aggregates first, cells as the drill-down.
import { describe, expect, it } from 'vitest';
import { holm } from '../../../src/analysis/correction.js';
import { hierarchicalAdjust, type HierarchyTest } from '../../../src/analysis/hierarchy.js';
import { mulberry32 } from '../../../src/analysis/rng.js';

const cell = (p: number, parent: number | null = null): HierarchyTest => ({ p, level: 'cell', parent });
const agg = (p: number): HierarchyTest => ({ p, level: 'aggregate', parent: null });

describe('hierarchicalAdjust', () => {
  it('without aggregates it is Holm over the cells', () => {
    const p = [0.0001, 0.02, 0.003, 0.5, 0.04, 0.0002];
    const r = hierarchicalAdjust(
      p.map((x) => cell(x)),
      'holm',
      0.5,
      0.05,
    );
    expect(r.adjusted.map((x) => x.toFixed(10))).toEqual(holm(p).map((x) => x.toFixed(10)));
  });

  it('aggregates get their share of α (Bonferroni), cells the rest (Holm)', () => {
    // 2 aggregates, 4 cells, share 0.5: an aggregate is tested at α/4, a cell first at α/8.
    const tests = [agg(0.012), agg(0.9), cell(0.9), cell(0.9), cell(0.9), cell(0.9)];
    const r = hierarchicalAdjust(tests, 'holm', 0.5, 0.05);
    expect(r.adjusted[0]).toBeCloseTo(0.048, 10); // 0.012 / (0.5 / 2)
    expect(r.adjusted[0]!).toBeLessThan(0.05);
    const cellsOnly = hierarchicalAdjust(
      [agg(0.9), agg(0.9), cell(0.006), cell(0.9), cell(0.9), cell(0.9)],
      'holm',
      0.5,
      0.05,
    );
    expect(cellsOnly.adjusted[2]).toBeCloseTo(0.048, 10); // 0.006 / (0.5 / 4)
  });

  it('a rejected aggregate passes its level to its own cells (the drill-down)', () => {
    // Aggregate 0 (cells 2, 3) is rejected at α/4 = 0.0125; its level then goes to cells 2 and 3
    // on top of their share of the pool: 0.025/4 + 0.0125/2 = 0.0125. Cell 2 at p = 0.01 passes
    // only thanks to it (the pool alone gives 0.00625).
    const tests = [agg(0.001), agg(0.9), cell(0.01, 0), cell(0.9, 0), cell(0.9, 1), cell(0.9, 1)];
    const r = hierarchicalAdjust(tests, 'holm', 0.5, 0.05);
    expect(r.adjusted[0]).toBeCloseTo(0.004, 10);
    expect(r.adjusted[2]!).toBeLessThan(0.05);
    expect(r.adjusted[2]).toBeCloseTo(0.04, 10); // 0.01 / (0.5/4 + 0.25/2)
    // The same cell under an aggregate that was not rejected: not flagged.
    const other = hierarchicalAdjust(
      [agg(0.9), agg(0.001), cell(0.01, 0), cell(0.9, 0), cell(0.9, 1), cell(0.9, 1)],
      'holm',
      0.5,
      0.05,
    );
    expect(other.adjusted[2]!).toBeGreaterThan(0.05);
  });

  it('reports the level each test not rejected was last tested at (for its MDE)', () => {
    const tests = [agg(0.001), agg(0.9), cell(0.9, 0), cell(0.9, 0), cell(0.9, 1), cell(0.9, 1)];
    const r = hierarchicalAdjust(tests, 'holm', 0.5, 0.05);
    // Aggregate 0 rejected: its cells get 0.5/4 + 0.25/2 = 0.25 of α, the others 0.125.
    expect(r.weights.slice(1)).toEqual([0.25, 0.25, 0.25, 0.125, 0.125]);
  });

  it('keeps the family-wise error at α when nothing changed (uniform p-values, 4,000 families)', () => {
    const rng = mulberry32(42);
    for (const method of ['holm', 'bh'] as const) {
      let any = 0;
      const families = 4000;
      for (let f = 0; f < families; f++) {
        const tests: HierarchyTest[] = [];
        for (let a = 0; a < 8; a++) tests.push(agg(rng()));
        for (let c = 0; c < 80; c++) tests.push(cell(rng(), c % 10 < 8 ? c % 8 : null));
        if (hierarchicalAdjust(tests, method, 0.5, 0.05).adjusted.some((x) => x <= 0.05)) any++;
      }
      // Binomial(4000, 0.05) has sd 0.0034: the bound plus 3 sd.
      expect(any / families).toBeLessThanOrEqual(0.06);
      expect(any / families).toBeGreaterThan(0.02);
    }
  });

  it('with every test rejected, adjusted p-values stay monotone in the order of rejection and ≤ 1', () => {
    const tests = [agg(1e-8), agg(1e-7), cell(1e-9, 0), cell(1e-6, 0), cell(1e-5, 1), cell(0.5, 1)];
    const r = hierarchicalAdjust(tests, 'holm', 0.5, 0.05);
    expect(r.adjusted.every((x) => x >= 0 && x <= 1)).toBe(true);
    expect(r.adjusted[5]).toBe(0.5); // the last test left holds the whole α
  });
});
