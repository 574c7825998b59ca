/**
 * `xen-dom0`: commands run on the board itself, like `host`, but only when Xen's control
 * domain is underneath: prepare reads /sys/hypervisor/type (= xen), /proc/xen/capabilities
 * (control_d) and `xl info` (answers) and refuses otherwise with the reason. The
 * fingerprint adds Xen's own facts (version, caps, scheduler, free memory, CPUs) and
 * Dom0's vCPUs and memory from `xl list`.
 */
import { z } from 'zod';
import { DEFAULT_RESOURCES, type Resources } from '../config/resources.js';
import type { Fingerprint } from '../results/schema.js';
import type { Transport } from '../transport/types.js';
import { collectFingerprint } from './fingerprint.js';
import { boardIo, BoardScratch, type EnvironmentIo } from './io-paths.js';
import type { BenchEnvironment, EnvironmentContext } from './types.js';
import { DOM0_PROBE_SCRIPT, parseDom0Probe, type Dom0Probe } from './xen/probe.js';
import { dom0Fingerprint, dom0Refusal } from './xen/xl.js';

/**
 * Why Dom0's vCPUs or memory (Xen's `xl list` view) are not what `resources` asks for, with
 * the Xen arguments that would fix it; undefined when they match (memory within 10%).
 */
export function dom0ResourceMismatch(
  facts: Record<string, string | number>,
  resources: Resources,
): string | undefined {
  const vcpus = typeof facts.dom0Vcpus === 'number' ? facts.dom0Vcpus : undefined;
  const memMiB = typeof facts.dom0MemMiB === 'number' ? facts.dom0MemMiB : undefined;
  const wantMiB = resources.memoryBytes !== null ? Math.round(resources.memoryBytes / 2 ** 20) : null;
  const problems: string[] = [];
  const fixes: string[] = [];
  if (resources.cpus !== null && vcpus !== undefined && vcpus !== resources.cpus) {
    problems.push(`${vcpus} vCPU${vcpus === 1 ? '' : 's'} (resources.cpus: ${resources.cpus})`);
    fixes.push(`dom0_max_vcpus=${resources.cpus}`);
  }
  if (wantMiB !== null && memMiB !== undefined && Math.abs(memMiB - wantMiB) > 0.1 * wantMiB) {
    problems.push(`${memMiB} MiB (resources.memory: ${wantMiB} MiB)`);
    fixes.push(`dom0_mem=${wantMiB}M,max:${wantMiB}M`);
  }
  if (problems.length === 0) return undefined;
  return `Dom0 has ${problems.join(' and ')}: Xen's boot arguments decide it (${fixes.join(' ')}); its overheads will be marked unequal resources`;
}

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
  readonly resources: Resources;

  constructor(
    readonly id: string = 'xen-dom0',
    config: z.input<typeof XenDom0EnvironmentConfig> = {},
    options: { resources?: Resources } = {},
  ) {
    this.config = XenDom0EnvironmentConfig.parse(config);
    this.resources = options.resources ?? DEFAULT_RESOURCES;
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
    // Dom0's CPUs and memory come from Xen's boot arguments (dom0_max_vcpus, dom0_mem):
    // checked against `resources`, never assumed (the fingerprint reads them from inside).
    const mismatch = dom0ResourceMismatch(
      dom0Fingerprint(probe.facts.xlInfoOutput, probe.xlList),
      this.resources,
    );
    if (mismatch) ctx.log(`WARNING: ${mismatch}`);
  }

  async fingerprint(): Promise<Fingerprint> {
    const board = this.transport();
    const base = await collectFingerprint(board, { signal: this.signal });
    // Fresh numbers (free memory changes as domains come and go).
    const probe = await probeDom0(board, this.signal).catch(() => this.probe as Dom0Probe);
    // Dom0's own CPU list numbers its vCPUs, not the board's CPUs: not kept.
    const { cpuList: _vcpus, ...inside } = base;
    return {
      ...inside,
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
