/**
 * A run that cannot start as asked: nothing to measure, an unknown environment, a plan over
 * the cap. Thrown before anything runs (no output folder, no board contact); the CLI exits 2
 * with the message, the action fails the step with it.
 */
export class PlanError extends Error {
  override readonly name = 'PlanError';
}
