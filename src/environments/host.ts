/**
 * `host`: the bare-metal board itself, reached through the board's own transport (local
 * or SSH). Nothing to start or stop; the fingerprint is the board's. IOzone writes in
 * `scratchDir` on the board's own storage.
 */
import { z } from 'zod';
import type { Fingerprint } from '../results/schema.js';
import type { Transport } from '../transport/types.js';
import { collectFingerprint } from './fingerprint.js';
import { boardIo, BoardScratch, type EnvironmentIo } from './io-paths.js';
import type { BenchEnvironment, EnvironmentContext } from './types.js';

/** The host's own settings (besides the common `id` and `env`): where IOzone writes. */
export const HostEnvironmentConfig = z.object({ ...BoardScratch }).strict();
export type HostEnvironmentConfig = z.infer<typeof HostEnvironmentConfig>;

export class HostEnvironment implements BenchEnvironment {
  readonly kind = 'host' as const;
  readonly bootMode = 'linux' as const;
  private board: Transport | undefined;
  private signal: AbortSignal | undefined;

  private readonly config: HostEnvironmentConfig;

  constructor(
    readonly id: string = 'host',
    config: z.input<typeof HostEnvironmentConfig> = {},
  ) {
    this.config = HostEnvironmentConfig.parse(config);
  }

  io(): EnvironmentIo {
    return boardIo(this.config.scratchDir, this.config.allowRamScratch);
  }

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
