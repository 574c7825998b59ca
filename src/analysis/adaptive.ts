/**
 * Adaptive rounds, the pure half: after the preset's rounds, which cells get extra rounds, and
 * how many rounds fit in the time budget. The engine runs them (interleaved, as every round);
 * the analysis tests them with the two-look design of sequential.ts.
 *
 * A test is **suggestive** when its first-look comparison points the worse way with p below
 * `suggestiveP` (0.05, uncorrected) and it is **not decided**: its corrected p, after the first
 * look's share γ of α, is not below α. A suggestive cell extends the engine cells behind it
 * (an overhead test also its host's cell, an aggregate every cell of its suite in that
 * environment and on the host): one engine cell is one tool run and yields several metric
 * cells (one IOzone run: every operation × record size).
 *
 * How many rounds: every chosen engine cell gets the same number k of extra rounds, the most
 * the budget allows up to the cap (maxRuns); when the budget cannot give every suggestive cell
 * `minExtraRounds`, the least suggestive ones are left out. The choice is made once, from the
 * first look; no cell is stopped early because of what its extra rounds show (the condition of
 * the design, see sequential.ts).
 */
import type { Results } from '../results/schema.js';
import { cellKey } from './cells.js';
import { analyze } from './index.js';
import { metricKeyOf } from './labels.js';
import type { AnalyzeOptions } from './types.js';

export interface ExtraRoundsPolicy {
  /** Rounds a cell may reach with its extra rounds. */
  maxRuns: number;
  /** Share of α spent at the first look (sequential.ts). */
  alphaFirstLook: number;
  /** Uncorrected first-look p below which a worse-pointing test is suggestive. */
  suggestiveP: number;
  /** Fewer extra rounds than this are not worth a look: leave cells out instead. */
  minExtraRounds: number;
}

export interface ExtraRoundsCandidate {
  /** Engine cell id: `env/suite/key` (the log ref without its `.rN`). */
  cell: string;
  /** The smallest first-look p of the tests that chose it (lower = more promising). */
  priority: number;
  /** The test that chose it first, for the log. */
  why: string;
}

/** The engine cell of a sample: its log ref `env/suite/key.rN` without the round. */
export function engineCellOf(logRef: string): string {
  return logRef.replace(/\.r\d+$/, '');
}

/**
 * The suggestive, undecided tests of a first look, as engine cells to extend, most promising
 * first. `current` holds the first-look rounds only (its `run.adaptive` is ignored).
 */
export function selectExtraRounds(
  current: Results,
  options: AnalyzeOptions & { baseline: Results },
  policy: Pick<ExtraRoundsPolicy, 'alphaFirstLook' | 'suggestiveP'>,
): ExtraRoundsCandidate[] {
  const { adaptive: _ignored, ...run } = current.run;
  const a = analyze({ ...current, run }, { ...options, bootstrap: 0 });
  const alpha = a.options.alpha;
  const hostEnv = a.options.hostEnv;
  // Metric cell (env × metric key) → its engine cells, and env × suite → its engine cells,
  // from the samples' log refs.
  const engineCells = new Map<string, Set<string>>();
  const bySuite = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, cell: string) => {
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(cell);
  };
  for (const s of current.samples) {
    const cell = engineCellOf(s.log);
    add(engineCells, cellKey(s.env, metricKeyOf(s.metric, s.params)), cell);
    add(bySuite, `${s.env}\u0000${s.suite}`, cell);
  }
  const out = new Map<string, ExtraRoundsCandidate>();
  const choose = (cells: Iterable<string>, p: number, why: string) => {
    for (const cell of cells) {
      const prev = out.get(cell);
      if (!prev || p < prev.priority) out.set(cell, { cell, priority: p, why });
    }
  };
  const suggestive = (t: {
    verdict: string;
    change: number | null;
    p: number | null;
    pAdjusted: number | null;
  }) =>
    t.change !== null &&
    t.change > 0 &&
    t.p !== null &&
    t.pAdjusted !== null &&
    t.verdict !== 'erratic' &&
    t.p < policy.suggestiveP &&
    !(t.pAdjusted / policy.alphaFirstLook < alpha);
  const cellsOf = (env: string, metricKey: string) =>
    engineCells.get(cellKey(env, metricKey)) ?? new Set<string>();
  for (const t of a.comparisons) {
    if (suggestive(t)) choose(cellsOf(t.env, t.metricKey), t.p!, `${t.env} ${t.label}`);
  }
  for (const t of a.overheadComparisons) {
    if (!suggestive(t)) continue;
    choose(
      [...cellsOf(t.env, t.metricKey), ...cellsOf(t.hostEnv, t.metricKey)],
      t.p!,
      `${t.env} ${t.label} overhead`,
    );
  }
  for (const t of a.aggregates) {
    if (!suggestive(t)) continue;
    const cells = [
      ...(bySuite.get(`${t.env}\u0000${t.suite}`) ?? []),
      ...(hostEnv !== null ? (bySuite.get(`${hostEnv}\u0000${t.suite}`) ?? []) : []),
    ];
    choose(cells, t.p!, `${t.label} overhead (suite)`);
  }
  return [...out.values()].sort((x, y) => x.priority - y.priority || (x.cell < y.cell ? -1 : 1));
}

export interface ExtraRoundsPlan {
  /** Engine cells to extend, in priority order. */
  cells: string[];
  /** Extra rounds each of them gets. */
  rounds: number;
  /** Suggestive cells left out because the budget could not give them minExtraRounds. */
  leftOut: number;
}

/**
 * The most extra rounds the budget gives the chosen cells: the largest prefix of the candidates
 * (most promising first) that still gets `minExtraRounds`, each of them `rounds` more rounds.
 * `cost(cell)` is the measured seconds of one run of the cell; `firstLook` its rounds so far.
 */
export function planExtraRounds(
  candidates: readonly ExtraRoundsCandidate[],
  cost: (cell: string) => number,
  firstLook: number,
  budgetSeconds: number,
  policy: Pick<ExtraRoundsPolicy, 'maxRuns' | 'minExtraRounds'>,
): ExtraRoundsPlan {
  const cap = policy.maxRuns - firstLook;
  const none = { cells: [], rounds: 0, leftOut: candidates.length };
  if (cap < 1 || candidates.length === 0 || !(budgetSeconds > 0)) return none;
  const need = Math.min(policy.minExtraRounds, cap);
  let best: ExtraRoundsPlan = none;
  let sum = 0;
  for (let m = 1; m <= candidates.length; m++) {
    sum += Math.max(0, cost(candidates[m - 1]!.cell));
    const rounds = sum > 0 ? Math.min(cap, Math.floor(budgetSeconds / sum)) : cap;
    if (rounds < need) break;
    best = { cells: candidates.slice(0, m).map((c) => c.cell), rounds, leftOut: candidates.length - m };
  }
  return best;
}
