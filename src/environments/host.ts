/**
 * `host`: the bare-metal board itself, reached through the board's own transport (local
 * or SSH). Nothing to start or stop; the fingerprint is the board's.
 */
import { z } from 'zod';
import type { Fingerprint } from '../results/schema.js';
import type { Transport } from '../transport/types.js';
import { collectFingerprint } from './fingerprint.js';
import type { BenchEnvironment, EnvironmentContext } from './types.js';

/** The host has no settings of its own (only the common `id` and `env`). */
export const HostEnvironmentConfig = z.object({}).strict();
export type HostEnvironmentConfig = z.infer<typeof HostEnvironmentConfig>;

export class HostEnvironment implements BenchEnvironment {
  readonly kind = 'host' as const;
  readonly bootMode = 'linux' as const;
  private board: Transport | undefined;
  private signal: AbortSignal | undefined;

  constructor(readonly id: string = 'host') {}

  async prepare(ctx: EnvironmentContext): Promise<void> {
    this.board = ctx.board;
    this.signal = ctx.signal;
  }

  fingerprint(): Promise<Fingerprint> {
    return collectFingerprint(this.transport(), { signal: this.signal });
  }

  transport(): Transport {
    if (!this.board) throw new Error(`environment ${this.id}: transport() before prepare()`);
    return this.board;
  }

  async teardown(): Promise<void> {
    this.board = undefined;
  }
}
