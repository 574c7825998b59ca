/**
 * Upper limits every config schema applies, each with its reason in the error. Without them a
 * valid-looking config could crash the process before anything was written (`runs:
 * 9007199254740991` built a plan the heap could not hold) or break it silently
 * (`timeoutSeconds: 3000000` overflowed Node's timers, which then fired at once and killed
 * every cell).
 */
import { z } from 'zod';

/** Node's timers hold at most 2^31 − 1 ms; a longer delay fires immediately. */
export const MAX_TIMER_MS = 2 ** 31 - 1;
/** The longest timeout in seconds that still fits a timer after conversion to ms (24.8 days). */
export const MAX_TIMEOUT_SECONDS = Math.floor(MAX_TIMER_MS / 1000);

const TIMER_REASON = `at most ${MAX_TIMEOUT_SECONDS} s (24.8 days): Node's timers hold 2^31 ms, a longer timeout would fire at once`;

/** A timeout in seconds (> 0 unless `zero` allows 0), within what a timer can hold. */
export function timeoutSeconds(options: { zero?: boolean } = {}) {
  const base = options.zero ? z.number().nonnegative() : z.number().positive();
  return base.max(MAX_TIMEOUT_SECONDS, TIMER_REASON);
}

/** Runs per cell: the paper used 10; 1000 already makes a run of days. */
export const MAX_RUNS = 1000;
export const Runs = z
  .number()
  .int()
  .positive()
  .max(
    MAX_RUNS,
    `at most ${MAX_RUNS} runs per cell (the paper used 10; more would take days per cell and environment)`,
  );

/** Values in one list of a suite (each value is a cell per environment and round). */
export const MAX_LIST = 64;
