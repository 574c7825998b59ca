/**
 * Tests that stay valid when a run added rounds after looking at its data (adaptive rounds).
 *
 * The design: two looks with the α spent between them (an α-spending design with a
 * Bonferroni bound across the looks). Look 1 is at the preset's rounds, look 2 after the extra
 * rounds of the cells that were selected at look 1. Each test's p-value is
 *   p = min(1, p₁ / γ, p₂ / (1 − γ))        (p₂ only for cells that got extra rounds)
 * where p₁ is the test on the first-look rounds, p₂ the same test on every round, and γ the
 * share of α spent at look 1 (`alphaFirstLook`, 0.1 by default: like a Haybittle-Peto
 * boundary, only very clear effects are decided at the preset's rounds). Under no change,
 * P(p ≤ x) ≤ P(p₁ ≤ γx) + P(p₂ ≤ (1 − γ)x) ≤ x, whatever rule chose the cells to extend and
 * however the two looks are correlated; so p is a valid p-value and the correction of the
 * report works on it unchanged. Why this bound and not an exact group-sequential boundary
 * (Pocock, O'Brien-Fleming): those need the joint distribution of the two looks, which depends
 * on the Welch variances and on a baseline that does not grow, and at the levels a corrected
 * report tests at (10⁻³ … 10⁻⁵ per test) the exact boundary is within a few percent of the
 * Bonferroni one, so the bound costs almost nothing.
 * What it assumes: the number of extra rounds does not depend on the values of the cell being
 * tested. The engine fixes the selection at look 1 and then runs extra rounds until the cap or
 * the time budget, never stopping a cell because its own result looks decided.
 * The baseline's own extra rounds (if it was an adaptive run) are not used: they were chosen
 * by its comparison with an older run, and their mean is biased by that choice. Its
 * first-look rounds are.
 */
import type { AdaptiveRounds, Results, SuiteId } from '../results/schema.js';
import { firstRounds, type RawCell } from './cells.js';

export const DEFAULT_ALPHA_FIRST_LOOK = 0.1;

/** The two-look p-value; `p2` is null for a test whose cells got no extra rounds. */
export function sequentialP(p1: number, p2: number | null, gamma: number | null): number {
  if (gamma === null) return p1;
  const first = p1 / gamma;
  const second = p2 === null ? Infinity : p2 / (1 - gamma);
  return Math.min(1, first, second);
}

/** The first-look rounds of a suite in an adaptive run, or null (one look). */
export function firstLookOf(design: AdaptiveRounds | undefined, suite: SuiteId): number | null {
  return design?.firstLook[suite] ?? null;
}

/** Rounds of a cell at or after its suite's first look (its extra rounds). */
export function extraRoundsOf(cell: RawCell, design: AdaptiveRounds | undefined): number {
  const first = firstLookOf(design, cell.suite);
  if (first === null) return 0;
  return new Set(cell.rounds.filter((r) => r >= first)).size;
}

/** The cell as look 1 saw it (unchanged when the run was not adaptive). */
export function atFirstLook(cell: RawCell, design: AdaptiveRounds | undefined): RawCell {
  const first = firstLookOf(design, cell.suite);
  return first === null ? cell : firstRounds(cell, first);
}

/** The baseline's cells restricted to its first look (its extra rounds are selected data). */
export function baselineForTests(baseline: Results, cells: Map<string, RawCell>): Map<string, RawCell> {
  const design = baseline.run.adaptive;
  if (!design) return cells;
  return new Map([...cells].map(([k, c]) => [k, atFirstLook(c, design)]));
}
