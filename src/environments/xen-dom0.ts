/**
 * `xen-dom0`: commands run on the board itself, like `host`, but only when Xen's control
 * domain is underneath: prepare reads /sys/hypervisor/type (= xen), /proc/xen/capabilities
 * (control_d) and `xl info` (answers) and refuses otherwise with the reason. The
 * fingerprint adds Xen's own facts (version, caps, scheduler, free memory, CPUs) and
 * Dom0's vCPUs and memory from `xl list`.
 */
import { z } from 'zod';
import type { Fingerprint } from '../results/schema.js';
import type { Transport } from '../transport/types.js';
import { collectFingerprint } from './fingerprint.js';
import { boardIo, BoardScratch, type EnvironmentIo } from './io-paths.js';
import type { BenchEnvironment, EnvironmentContext } from './types.js';
import { DOM0_PROBE_SCRIPT, parseDom0Probe, type Dom0Probe } from './xen/probe.js';
import { dom0Fingerprint, dom0Refusal } from './xen/xl.js';

/** Dom0's own settings (besides the common `id` and `env`): where IOzone writes. */
export const XenDom0EnvironmentConfig = z.object({ ...BoardScratch }).strict();
export type XenDom0EnvironmentConfig = z.infer<typeof XenDom0EnvironmentConfig>;

export async function probeDom0(board: Transport, signal?: AbortSignal): Promise<Dom0Probe> {
  const r = await board.exec(['sh', '-c', DOM0_PROBE_SCRIPT], { timeoutMs: 60_000, signal });
  if (r.timedOut) throw new Error(`Dom0 probe timed out on ${board.description}`);
  return parseDom0Probe(r.output);
}

export class XenDom0Environment implements BenchEnvironment {
  readonly kind = 'xen-dom0' as const;
  readonly bootMode = 'xen' as const;
  private board: Transport | undefined;
  private signal: AbortSignal | undefined;
  private probe: Dom0Probe | undefined;

  private readonly config: XenDom0EnvironmentConfig;

  constructor(
    readonly id: string = 'xen-dom0',
    config: z.input<typeof XenDom0EnvironmentConfig> = {},
  ) {
    this.config = XenDom0EnvironmentConfig.parse(config);
  }

  io(): EnvironmentIo {
    return boardIo(this.config.scratchDir, this.config.allowRamScratch);
  }

  async prepare(ctx: EnvironmentContext): Promise<void> {
    const probe = await probeDom0(ctx.board, ctx.signal);
    const refusal = dom0Refusal(probe.facts);
    if (refusal)
      throw new Error(`xen-dom0 ${this.id}: refusing to measure on ${ctx.board.description}: ${refusal}`);
    this.board = ctx.board;
    this.signal = ctx.signal;
    this.probe = probe;
    ctx.log(`Xen Dom0 confirmed on ${ctx.board.description}`);
  }

  async fingerprint(): Promise<Fingerprint> {
    const board = this.transport();
    const base = await collectFingerprint(board, { signal: this.signal });
    // Fresh numbers (free memory changes as domains come and go).
    const probe = await probeDom0(board, this.signal).catch(() => this.probe as Dom0Probe);
    return {
      ...base,
      hypervisor: 'xen',
      xenCapabilities: probe.facts.capabilities ?? base.xenCapabilities,
      ...dom0Fingerprint(probe.facts.xlInfoOutput, probe.xlList),
    };
  }

  transport(): Transport {
    if (!this.board) throw new Error(`environment ${this.id}: transport() before prepare()`);
    return this.board;
  }

  async teardown(): Promise<void> {
    this.board = undefined;
  }
}
