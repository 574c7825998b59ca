/** What the engine needs from a deployment (src/deploy/deployment.ts implements it). */
import type { BootMode, Deploy } from '../results/schema.js';

export interface EngineDeployment {
  /** The live provenance record: the engine stores it as results.deploy. */
  readonly record: Deploy;
  /**
   * Puts everything under test on the board (known-good boot): slot emptied, files copied and
   * checked, modules and images installed, after-copy commands run. Throws a DeployError.
   */
  deploy(signal?: AbortSignal): Promise<void>;
  /** A group of this mode needs a boot even when the board runs that mode already (the under-test slot). */
  needsBoot(mode: BootMode): boolean;
  /** Facts for a fingerprint: the board's in `mode`, or an environment's. */
  facts(target: { mode: BootMode; envId?: string }): Record<string, unknown>;
  /** Log refs written since the last call (to register in results.json logs[]). */
  takeLogs(): string[];
}
