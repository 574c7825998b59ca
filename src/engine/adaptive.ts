/**
 * Adaptive rounds in the engine: a boot group's schedule (rounds interleaved across its
 * environments), then — with a baseline and a round policy — extra rounds for the cells whose
 * comparison is suggestive but not decided. Which cells and how many rounds is decided once,
 * after the group's first rounds, by the pure half in src/analysis/adaptive.ts; the extra
 * rounds are interleaved like every round. The statistics of the design are in
 * src/analysis/sequential.ts and docs/analysis.md ("Adaptive rounds").
 */
import { planExtraRounds, selectExtraRounds } from '../analysis/adaptive.js';
import type { AnalyzeOptions } from '../analysis/types.js';
import type { RoundPolicy } from '../config/presets.js';
import type { AdaptiveRounds, Results, SuiteId } from '../results/schema.js';
import { cellId, schedule, type PlannedCell, type ScheduledCell } from './plan.js';

export interface ExtraRoundsContext {
  policy: RoundPolicy;
  baseline: Results;
  /** Options of the comparison (expectChanges, min effect, …); the baseline is added here. */
  analysis: AnalyzeOptions;
  /** The run's live results: the first look reads them, the design is recorded in them. */
  results: Results;
  /** Seconds one run of a cell is expected to take (as measured so far). */
  cost(cellId: string): number;
  info(line: string): void;
  /** The extra items, once planned (for the progress total and the ETA). */
  onPlan(items: readonly ScheduledCell[]): void;
}

/** The design recorded in results.json before the first cell: every run with a look at its data says so. */
export function adaptiveRecord(
  policy: RoundPolicy,
  enabled: readonly SuiteId[],
  runsFor: (suite: SuiteId) => number,
): AdaptiveRounds {
  return {
    firstLook: Object.fromEntries(enabled.map((s) => [s, runsFor(s)])),
    maxRuns: policy.maxRuns,
    alphaFirstLook: policy.alphaFirstLook,
    extended: [],
    extraRounds: 0,
  };
}

/**
 * The group's rounds, then its extra rounds. A generator: the loop that runs the cells pulls
 * the next item only after the previous one ran, so the first look happens when the group's
 * first rounds are done, with their results in `ctx.results`.
 */
export function* withExtraRounds(
  planned: readonly PlannedCell[],
  ctx: ExtraRoundsContext | undefined,
): Generator<ScheduledCell> {
  yield* schedule(planned);
  if (!ctx || planned.length === 0) return;
  // The time the group's first rounds took, from the measured duration of each cell.
  const firstLookSeconds = planned.reduce((s, p) => s + ctx.cost(cellId(p.env, p.cell)) * p.runs, 0);
  const design = ctx.results.run.adaptive;
  if (!design) return;
  const ids = new Map(planned.map((p) => [cellId(p.env, p.cell), p]));
  // Cells of other boot groups (the host's, for a Xen guest's overhead) cannot be run here.
  const candidates = selectExtraRounds(
    ctx.results,
    { ...ctx.analysis, baseline: ctx.baseline },
    ctx.policy,
  ).filter((c) => ids.has(c.cell));
  if (candidates.length === 0) {
    ctx.info('adaptive rounds: no suggestive, undecided comparison in this boot group');
    return;
  }
  const first = Math.min(...planned.map((p) => p.runs));
  const budget = ctx.policy.extraTime * firstLookSeconds;
  const plan = planExtraRounds(candidates, (id) => ctx.cost(id), first, budget, ctx.policy);
  if (plan.rounds === 0) {
    ctx.info(
      `adaptive rounds: ${candidates.length} suggestive cell(s), but the budget (${Math.round(budget)} s) does not fit ${ctx.policy.minExtraRounds} extra rounds of the most suggestive one`,
    );
    design.stopped = 'budget';
    return;
  }
  const chosen = plan.cells.map((id) => ids.get(id)!);
  const items: ScheduledCell[] = [];
  for (let k = 0; k < plan.rounds; k++) {
    for (const p of chosen) {
      const total = Math.min(ctx.policy.maxRuns, p.runs + plan.rounds);
      if (p.runs + k < total) items.push({ ...p, runs: total, round: p.runs + k });
    }
  }
  // Interleaved as every round: round by round, environments in their order.
  const envOrder = [...new Set(planned.map((p) => p.env))];
  items.sort((a, b) => a.round - b.round || envOrder.indexOf(a.env) - envOrder.indexOf(b.env));
  design.extended.push(...plan.cells);
  design.extraRounds = Math.max(design.extraRounds ?? 0, plan.rounds);
  ctx.info(
    `adaptive rounds: ${plan.rounds} extra round(s) of ${plan.cells.length} cell(s) (${plan.cells.join(', ')})` +
      (plan.leftOut > 0 ? `; ${plan.leftOut} less suggestive cell(s) left out by the time budget` : '') +
      `; first chosen for ${candidates[0]!.why}`,
  );
  ctx.onPlan(items);
  yield* items;
}
