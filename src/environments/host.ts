/**
 * `host`: the bare-metal board itself, reached through the board's own transport (local
 * or SSH). IOzone writes in `scratchDir` on the board's own storage. Its benchmark processes
 * are held to `resources` (the paper: 1 CPU, 1 GiB) by a cgroup the environment makes on the
 * board (resources/host-limit.ts) and removes on teardown — unless `resources.host` is `boot`
 * (the board's kernel arguments already limit it). The fingerprint is read through the same
 * limits, so it shows what the benchmarks got.
 */
import { z } from 'zod';
import { DEFAULT_RESOURCES, type Resources } from '../config/resources.js';
import type { Fingerprint } from '../results/schema.js';
import type { Transport } from '../transport/types.js';
import { collectFingerprint } from './fingerprint.js';
import { boardIo, BoardScratch, type EnvironmentIo } from './io-paths.js';
import { HostLimit } from './resources/host-limit.js';
import type { BenchEnvironment, EnvironmentContext } from './types.js';

/** The host's own settings (besides the common `id` and `env`): where IOzone writes. */
export const HostEnvironmentConfig = z.object({ ...BoardScratch }).strict();
export type HostEnvironmentConfig = z.infer<typeof HostEnvironmentConfig>;

export interface HostEnvironmentOptions {
  /** CPUs and memory for the benchmark processes (default: the paper's 1 CPU, 1 GiB). */
  resources?: Resources;
}

export class HostEnvironment implements BenchEnvironment {
  readonly kind = 'host' as const;
  readonly bootMode = 'linux' as const;
  private board: Transport | undefined;
  private limited: Transport | undefined;
  private limit: HostLimit | undefined;
  private signal: AbortSignal | undefined;
  private log: ((line: string) => void) | undefined;
  readonly resources: Resources;

  private readonly config: HostEnvironmentConfig;

  constructor(
    readonly id: string = 'host',
    config: z.input<typeof HostEnvironmentConfig> = {},
    options: HostEnvironmentOptions = {},
  ) {
    this.config = HostEnvironmentConfig.parse(config);
    this.resources = options.resources ?? DEFAULT_RESOURCES;
  }

  io(): EnvironmentIo {
    return boardIo(this.config.scratchDir, this.config.allowRamScratch);
  }

  async prepare(ctx: EnvironmentContext): Promise<void> {
    this.board = ctx.board;
    this.signal = ctx.signal;
    this.log = ctx.log;
    if (this.resources.host === 'cgroup') {
      this.limit = await HostLimit.apply(ctx.board, this.resources, this.id, ctx.signal);
      this.limited = this.limit.transport();
      ctx.log(`benchmark processes ${this.limit.summary}`);
    } else {
      ctx.log(
        'resources.host is boot: the board is used as it booted (its limits are checked in the fingerprint)',
      );
    }
  }

  fingerprint(): Promise<Fingerprint> {
    return collectFingerprint(this.transport(), { signal: this.signal });
  }

  transport(): Transport {
    if (!this.board) throw new Error(`environment ${this.id}: transport() before prepare()`);
    return this.limited ?? this.board;
  }

  async teardown(): Promise<void> {
    const limit = this.limit;
    this.limit = undefined;
    this.limited = undefined;
    this.board = undefined;
    if (limit) {
      const left = await limit.remove();
      if (left.length > 0) this.log?.(`WARNING: could not remove the cgroup ${left.join(' ')}`);
    }
  }
}
