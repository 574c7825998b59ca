/** Deploy failures: the code under test did not reach the board, or did not boot. */
import type { BootStage } from './console-stage.js';

export class DeployError extends Error {
  override readonly name: string = 'DeployError';
  /** The failure kind recorded in results.json. */
  readonly kind = 'deploy' as const;
  constructor(
    message: string,
    readonly details: {
      /** `ref` of the log that tells the story (registered in results.json logs[]). */
      logRef?: string;
      /** Other files kept (board.log, console.log). */
      logs?: string[];
    } = {},
  ) {
    super(message);
  }
}

/** A trial boot of the under-test slot did not come up: the board fell back (or is gone). */
export class DidNotBootError extends DeployError {
  override readonly name = 'DidNotBootError';
  constructor(
    message: string,
    readonly stage: BootStage | undefined,
    readonly fellBack: boolean,
    details: { logRef?: string; logs?: string[] } = {},
  ) {
    super(message, details);
  }
}

/** A workspace file named by the deploy section is missing or unreadable (nothing touched the board). */
export class DeployInputError extends Error {
  override readonly name = 'DeployInputError';
}

/** The failure kind and log of an error thrown by a boot switch or a deployment ('boot-switch' otherwise). */
export function failureOf(err: unknown): { kind: string; log?: string } {
  if (err instanceof DeployError)
    return { kind: err.kind, ...(err.details.logRef ? { log: err.details.logRef } : {}) };
  return { kind: 'boot-switch' };
}
