/**
 * The plan (pure): environments grouped by boot mode — linux first, then xen — so a full
 * run costs at most two boot switches, and within a group rounds interleaved across
 * environments: round 0 of every environment, then round 1, ... so drift over time hits
 * every environment alike.
 */
import type { BootMode } from '../results/schema.js';
import type { CellSpec } from '../suites/command.js';
import { PlanError } from './errors.js';

export const BOOT_MODE_ORDER: readonly BootMode[] = ['linux', 'xen'];

export interface PlanEnv {
  id: string;
  bootMode: BootMode;
}

export interface BootGroup<E extends PlanEnv> {
  bootMode: BootMode;
  envs: E[];
}

/** Groups in BOOT_MODE_ORDER, config order kept inside a group; empty groups dropped. */
export function groupByBootMode<E extends PlanEnv>(envs: readonly E[]): BootGroup<E>[] {
  return BOOT_MODE_ORDER.map((bootMode) => ({
    bootMode,
    envs: envs.filter((e) => e.bootMode === bootMode),
  })).filter((g) => g.envs.length > 0);
}

export interface PlannedCell {
  env: string;
  cell: CellSpec;
  /** Runs of this cell (its suite's runs). */
  runs: number;
}

export interface ScheduledCell extends PlannedCell {
  round: number;
}

/** Rounds interleaved across environments: for each round, every environment's cells in order. */
export function schedule(cells: readonly PlannedCell[]): ScheduledCell[] {
  const maxRuns = cells.reduce((m, c) => Math.max(m, c.runs), 0);
  const envOrder = [...new Set(cells.map((c) => c.env))];
  const out: ScheduledCell[] = [];
  for (let round = 0; round < maxRuns; round++) {
    for (const env of envOrder) {
      for (const c of cells) if (c.env === env && round < c.runs) out.push({ ...c, round });
    }
  }
  return out;
}

/** Stable id of a cell across rounds (for ETA and logs). */
export function cellId(env: string, cell: Pick<CellSpec, 'suite' | 'key'>): string {
  return `${env}/${cell.suite}/${cell.key}`;
}

/**
 * Cell runs one run may plan at most. The schema bounds every list and `runs`; this cap bounds
 * their product, checked before the schedule is built (a plan of 10^9 entries would exhaust
 * the heap before anything was written). 100,000 cell runs are weeks of measuring.
 */
export const MAX_PLANNED_CELL_RUNS = 100_000;

/** Refuses a plan that measures nothing or exceeds the cap; counts without building it. */
export function checkPlan(
  envs: readonly string[],
  suites: readonly { suite: string; cells: number; runs: number }[],
  why: { noEnvironments: string; noSuites: string },
): number {
  if (envs.length === 0) throw new PlanError(`nothing to measure: ${why.noEnvironments}`);
  if (suites.length === 0) throw new PlanError(`nothing to measure: ${why.noSuites}`);
  const perEnv = suites.reduce((n, s) => n + s.cells * s.runs, 0);
  const total = perEnv * envs.length;
  if (total > MAX_PLANNED_CELL_RUNS) {
    const biggest = [...suites].sort((a, b) => b.cells * b.runs - a.cells * a.runs)[0]!;
    throw new PlanError(
      `the plan has ${total.toLocaleString('en-US')} cell runs (${envs.length} environment(s) × ${perEnv.toLocaleString('en-US')}), over the cap of ${MAX_PLANNED_CELL_RUNS.toLocaleString('en-US')}; ` +
        `the largest part is ${biggest.suite}: ${biggest.cells} cells × ${biggest.runs} runs — lower runs or shorten the suite's lists`,
    );
  }
  return total;
}
