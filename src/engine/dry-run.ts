/**
 * `probe` / `run --dry-run`: everything a run checks before it measures — the config, the
 * plan, the board (reached and fingerprinted) — and the cells it would run with a nominal
 * estimate of their time. Nothing is measured, no environment is prepared, no lock is taken:
 * a probe may run while another job drives the board.
 */
import type { Config } from '../config/schema.js';
import { bootModeOf, collectFingerprint } from '../environments/fingerprint.js';
import type { BootMode, Fingerprint, SuiteId } from '../results/schema.js';
import { refusal } from '../board/errors.js';
import { isConfigFailure, type Transport } from '../transport/types.js';
import { nominalCellSeconds } from './estimate.js';
import { groupByBootMode } from './plan.js';
import { resolveRun, type RunOptions } from './run.js';
import { plannedCells } from './sessions.js';

export interface DryRunSuite {
  suite: SuiteId;
  cells: string[];
  runs: number;
  /** Nominal seconds of all its cell runs. */
  seconds: number;
}

export interface DryRunEnvironment {
  id: string;
  kind: string;
  bootMode: BootMode;
  suites: DryRunSuite[];
}

export interface DryRun {
  preset: string;
  board: { name: string; via: string; fingerprint?: Fingerprint; mode?: BootMode; error?: string };
  groups: { bootMode: BootMode; environments: DryRunEnvironment[] }[];
  /** Boot switches the run would make (there and back), and their expected seconds each. */
  switches: number;
  switchSeconds: number;
  /** Environments the run would skip (no way to reach their boot mode). */
  unreachable: { id: string; reason: string }[];
  cellRuns: number;
  seconds: number;
}

export async function dryRun(
  config: Config,
  options: Pick<RunOptions, 'envs' | 'preset' | 'signal'> & {
    board: Transport;
    /** The board can switch boot modes (board.switch over ssh). */
    canSwitch: boolean;
  },
): Promise<DryRun> {
  const plan = resolveRun(config, options);
  const board: DryRun['board'] = { name: config.board.name, via: options.board.description };
  try {
    const fp = await collectFingerprint(options.board, { signal: options.signal });
    board.fingerprint = fp;
    board.mode = bootModeOf(fp);
  } catch (err) {
    if (isConfigFailure(err)) throw refusal(config.board.name, err);
    board.error = (err as Error).message;
  }
  const current = board.mode ?? config.board.defaultBootMode;
  const groups = groupByBootMode(
    plan.configured.map((c) => ({ id: c.env.id, kind: c.env.kind, bootMode: c.env.bootMode })),
  );
  const unreachable: DryRun['unreachable'] = [];
  let switches = 0;
  let at = current;
  const out: DryRun['groups'] = [];
  let cellRuns = 0;
  let seconds = 0;
  for (const g of groups) {
    if (g.bootMode !== at) {
      if (!options.canSwitch) {
        for (const e of g.envs)
          unreachable.push({
            id: e.id,
            reason: `needs the board in ${g.bootMode} mode; it is in ${at} mode and no boot switch is configured (board.switch over ssh)`,
          });
        continue;
      }
      switches += 1;
      at = g.bootMode;
    }
    out.push({
      bootMode: g.bootMode,
      environments: g.envs.map((e) => ({
        ...e,
        suites: plan.enabled.map((suite) => {
          const cells = plannedCells(suite, plan.suites);
          const runs = plan.runsFor(suite);
          const s = cells.reduce((t, c) => t + nominalCellSeconds(c, plan.suites), 0) * runs;
          cellRuns += cells.length * runs;
          seconds += s;
          return { suite, cells: cells.map((c) => c.key), runs, seconds: s };
        }),
      })),
    });
  }
  if (options.canSwitch && at !== config.board.defaultBootMode) switches += 1;
  const switchSeconds = config.board.expectedSwitchSeconds;
  return {
    preset: plan.presetName,
    board,
    groups: out,
    switches,
    switchSeconds,
    unreachable,
    cellRuns,
    seconds: seconds + switches * switchSeconds,
  };
}
