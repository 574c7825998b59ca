/**
 * The plan (pure): environments grouped by boot mode — linux first, then xen — so a full
 * run costs at most two boot switches, and within a group rounds interleaved across
 * environments: round 0 of every environment, then round 1, ... so drift over time hits
 * every environment alike.
 */
import type { BootMode } from '../results/schema.js';
import type { CellSpec } from '../suites/command.js';

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
