/**
 * What the engine runs for a suite: one cell = one argv run once per round. Builders in
 * src/suites/<suite>/command.ts are pure (settings → cells); the engine adds the log,
 * the timeout and the parsing.
 */
import type { Params, SuiteId } from '../results/schema.js';
import type { ParseHints } from './types.js';

export interface CellSpec {
  suite: SuiteId;
  /** Unique within the suite and safe in a file name, e.g. `process-socket-g1`. */
  key: string;
  /** The cell's parameters (names as in the metric table), for failures and progress. */
  params: Params;
  argv: string[];
  /** What the parser cannot read from the output (e.g. hackbench's socket vs pipe). */
  hints?: ParseHints;
  /** Working directory on the target. */
  cwd?: string;
  /** Extra environment variables for this cell's command. */
  env?: Record<string, string>;
}

/** Programs a suite needs on the target, checked before its first cell. */
export type RequiredTools = readonly string[];
