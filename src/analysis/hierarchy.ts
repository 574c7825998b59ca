/**
 * The correction of a report: suite-level aggregates first, cells as the drill-down.
 *
 * `holm` (default): a weighted Holm procedure with recycling — a sequentially rejective
 * graphical procedure (Bretz, Maurer, Brannath & Posch 2009). The family-wise error over
 * every test of the report (aggregates and cells) is at most α under any dependence between
 * the tests, by the sequential rejection principle (Goeman & Solari 2010): for every set R of
 * hypotheses not yet rejected, the local levels α_i(R) sum to at most α (a Bonferroni test of
 * R), and they never shrink as R shrinks. The levels, for R:
 *   - each aggregate still in R:  a = share · α / (aggregates)
 *   - each cell still in R:       F(R) / (cells in R)
 *       + a / (its aggregate's cells in R)          when its aggregate is rejected (drill-down)
 *   where the pool F(R) = (1 − share) · α, plus `a` for every rejected aggregate none of whose
 *   cells is left; and when no cell is left, F(R) is split among the aggregates still in R.
 * A rejected aggregate passes its level to its own cells, so a suite found worse is searched
 * for the cells that moved at a higher level; a rejected cell passes its level to the other
 * cells (Holm). The adjusted p-value of a test is the smallest α at which it is rejected:
 * reject the smallest p_i / w_i(R) in turn, keeping the running maximum (Bretz et al.'s
 * algorithm for adjusted p-values), with w = α_i(R) / α.
 *
 * `bh`: Benjamini-Hochberg inside each level, at share · α (aggregates) and (1 − share) · α
 * (cells), no drill-down; the false-discovery rate of each level is bounded (independent or
 * positively dependent tests), and a report with nothing changed raises an alarm with
 * probability ≤ α, as with Holm.
 */
import { benjaminiHochberg } from './correction.js';

export interface HierarchyTest {
  p: number;
  level: 'aggregate' | 'cell';
  /** Index (into the tests) of the aggregate this cell belongs to, or null. */
  parent: number | null;
}

export interface HierarchyResult {
  /** Adjusted p-values (compare with α). */
  adjusted: number[];
  /**
   * Each test's local level as a fraction of α once the procedure has stopped at `alpha`: a test
   * not rejected was last tested at α · weight (what its minimum detectable effect is computed at).
   */
  weights: number[];
}

export function hierarchicalAdjust(
  tests: readonly HierarchyTest[],
  method: 'holm' | 'bh',
  share: number,
  alpha: number,
): HierarchyResult {
  const aggs = tests.flatMap((t, i) => (t.level === 'aggregate' ? [i] : []));
  const cells = tests.flatMap((t, i) => (t.level === 'cell' ? [i] : []));
  // Without aggregates every cell gets the whole α.
  const aggShare = aggs.length > 0 ? (cells.length > 0 ? share : 1) : 0;
  return method === 'bh'
    ? benjaminiHochbergLevels(tests, aggs, cells, aggShare, alpha)
    : weightedHolm(tests, aggs, cells, aggShare, alpha);
}

function benjaminiHochbergLevels(
  tests: readonly HierarchyTest[],
  aggs: number[],
  cells: number[],
  aggShare: number,
  alpha: number,
): HierarchyResult {
  const adjusted = new Array<number>(tests.length).fill(1);
  const weights = new Array<number>(tests.length).fill(0);
  for (const [members, w] of [
    [aggs, aggShare],
    [cells, 1 - aggShare],
  ] as const) {
    if (members.length === 0 || w <= 0) continue;
    const adj = benjaminiHochberg(members.map((i) => tests[i]!.p));
    let rejected = 0;
    members.forEach((i, k) => {
      adjusted[i] = Math.min(1, adj[k]! / w);
      if (adjusted[i]! <= alpha) rejected++;
    });
    // The level the next rejection would have needed: (rejected + 1) / m of the level's share.
    const next = (w * Math.min(members.length, rejected + 1)) / members.length;
    for (const i of members) weights[i] = next;
  }
  return { adjusted, weights };
}

/** Indices sorted by p (ascending), with a cursor that skips removed ones. */
class Queue {
  private readonly order: number[];
  private at = 0;
  constructor(
    members: number[],
    private readonly p: (i: number) => number,
    private readonly removed: Uint8Array,
  ) {
    this.order = [...members].sort((a, b) => p(a) - p(b));
  }
  peek(skip?: (i: number) => boolean): number | undefined {
    while (this.at < this.order.length && this.removed[this.order[this.at]!]) this.at++;
    if (!skip) return this.order[this.at];
    for (let k = this.at; k < this.order.length; k++) {
      const i = this.order[k]!;
      if (!this.removed[i] && !skip(i)) return i;
    }
    return undefined;
  }
}

function weightedHolm(
  tests: readonly HierarchyTest[],
  aggs: number[],
  cells: number[],
  aggShare: number,
  alpha: number,
): HierarchyResult {
  const n = tests.length;
  const adjusted = new Array<number>(n).fill(1);
  const weights = new Array<number>(n).fill(0);
  if (n === 0) return { adjusted, weights };
  const p = (i: number) => tests[i]!.p;
  const removed = new Uint8Array(n);
  const a = aggs.length > 0 ? aggShare / aggs.length : 0;
  // Children of each aggregate, by p.
  const children = new Map<number, number[]>();
  for (const i of cells) {
    const parent = tests[i]!.parent;
    if (parent !== null && tests[parent]?.level === 'aggregate') {
      let list = children.get(parent);
      if (!list) children.set(parent, (list = []));
      list.push(i);
    }
  }
  const childQueues = new Map([...children].map(([k, list]) => [k, new Queue(list, p, removed)]));
  const childLeft = new Map([...children].map(([k, list]) => [k, list.length]));
  const released = new Set<number>(); // rejected aggregates whose cells inherit their level
  const aggQueue = new Queue(aggs, p, removed);
  const cellQueue = new Queue(cells, p, removed);
  let aggsLeft = aggs.length;
  let cellsLeft = cells.length;
  let pool = 1 - aggShare;
  const releasedParentOf = (i: number): number | null => {
    const parent = tests[i]!.parent;
    return parent !== null && released.has(parent) ? parent : null;
  };
  const cellWeight = (i: number): number => {
    const parent = releasedParentOf(i);
    return pool / cellsLeft + (parent !== null ? a / childLeft.get(parent)! : 0);
  };
  const aggWeight = (): number => a + (cellsLeft === 0 ? pool / aggsLeft : 0);

  let running = 0;
  let stoppedAt: number | null = null; // the running max passed alpha: weights frozen there
  const snapshot = () => {
    for (const i of aggs) if (!removed[i]) weights[i] = aggWeight();
    for (const i of cells) if (!removed[i]) weights[i] = cellWeight(i);
  };
  for (let step = 0; step < n; step++) {
    // The candidate with the smallest p / w: the best aggregate, the best plain cell, and the
    // best cell of every released aggregate (their weights differ from the plain cells').
    let best = -1;
    let bestRatio = Infinity;
    let bestWeight = 0;
    const consider = (i: number | undefined, w: number) => {
      if (i === undefined || !(w > 0)) return;
      const r = p(i) / w;
      if (r < bestRatio || best < 0) {
        bestRatio = r;
        best = i;
        bestWeight = w;
      }
    };
    if (aggsLeft > 0) consider(aggQueue.peek(), aggWeight());
    if (cellsLeft > 0) {
      consider(
        cellQueue.peek((i) => releasedParentOf(i) !== null),
        pool / cellsLeft,
      );
      for (const parent of released) {
        if (childLeft.get(parent)! > 0) {
          const i = childQueues.get(parent)!.peek();
          if (i !== undefined) consider(i, cellWeight(i));
        }
      }
    }
    if (best < 0) break;
    const next = Math.max(running, Math.min(1, bestRatio));
    if (stoppedAt === null && next > alpha) {
      stoppedAt = step;
      snapshot();
    }
    running = next;
    adjusted[best] = running;
    if (stoppedAt === null) weights[best] = bestWeight; // rejected at alpha, at this level
    if (running >= 1) break; // everything left adjusts to 1
    removed[best] = 1;
    if (tests[best]!.level === 'aggregate') {
      aggsLeft--;
      if ((childLeft.get(best) ?? 0) > 0) released.add(best);
      else pool += a;
    } else {
      cellsLeft--;
      const parent = tests[best]!.parent;
      if (parent !== null && childLeft.has(parent)) {
        const left = childLeft.get(parent)! - 1;
        childLeft.set(parent, left);
        // The last cell of a released aggregate gives its inherited level back to the pool.
        if (left === 0 && released.has(parent)) {
          released.delete(parent);
          pool += a;
        }
      }
    }
  }
  if (stoppedAt === null) snapshot();
  return { adjusted, weights };
}
