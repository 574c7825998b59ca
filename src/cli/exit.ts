/**
 * Exit statuses, one meaning each across commands (documented in every `--help`):
 *   0 done (run: complete), 1 partial (run: something was not measured; parse: no result in
 *   the log), 2 usage or configuration error (nothing was measured), 3 regression (compare
 *   --fail-on-regression), 130 cancelled (SIGINT/SIGTERM, as shells report 128 + 2).
 */
import { ConfigError } from '../config/load.js';
import { BoardConfigError } from '../board/errors.js';
import { PlanError } from '../engine/errors.js';
import { DeployInputError } from '../deploy/errors.js';
import { ResultsFileError } from '../report/write.js';
import { InputError, UsageError } from './spec.js';

export const EXIT = { ok: 0, partial: 1, usage: 2, regression: 3, cancelled: 130 } as const;

export const EXIT_NOTE =
  'Exit status: 0 done, 1 partial (something was not measured), 2 usage or configuration error, 130 cancelled.';

/** Errors that mean "fix how it was called or configured": exit 2. */
export function isUsageError(err: unknown): boolean {
  return (
    err instanceof UsageError ||
    err instanceof InputError ||
    err instanceof ConfigError ||
    err instanceof PlanError ||
    err instanceof BoardConfigError ||
    err instanceof ResultsFileError ||
    // A build output the deploy section names is missing: nothing touched the board.
    err instanceof DeployInputError
  );
}
