/**
 * `resources`: the CPUs and memory every environment gets — the paper's protocol gives the
 * host, the container and the guests the same (1 CPU, 1 GiB), so that an overhead is the
 * cost of the virtualization layer and not of a bigger or smaller machine. How each
 * environment is held to them is in src/environments/resources/; what each really got is
 * read from inside it (fingerprint `cpusAvailable`, `cpuList`, `memoryLimitBytes`), and the
 * analysis marks overheads between unequal environments as incomparable.
 */
import { z } from 'zod';
import { parseCpuList } from '../environments/resources/cpus.js';

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 };

/** `1g`, `512m`, `1536M`, `1GiB`, `1073741824` → bytes (binary units, as docker's --memory). */
export function parseMemorySize(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?$/i.exec(text.trim());
  if (!m) return undefined;
  const bytes = Math.round(Number(m[1]) * UNITS[(m[2] ?? '').toLowerCase()]!);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}

/** Bytes as a short binary size: 1073741824 → "1 GiB", 805306368 → "768 MiB". */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  const digits = Number.isInteger(v) || v >= 100 ? 0 : 1;
  return `${v.toFixed(digits).replace(/\.0$/, '')} ${units[i]}`;
}

const MemorySize = z.string().superRefine((s, ctx) => {
  const bytes = parseMemorySize(s);
  if (bytes === undefined) ctx.addIssue({ code: 'custom', message: 'a size like 1g, 512m or 1536MiB' });
  else if (bytes < 64 * 1024 ** 2) ctx.addIssue({ code: 'custom', message: 'at least 64m' });
});

const CpuList = z
  .string()
  .refine((s) => parseCpuList(s) !== undefined, 'a CPU list like "1", "2-3" or "0,2"');

export const ResourcesSettings = z
  .object({
    /** CPUs every environment gets (paper: 1); `all`: no CPU limit. */
    cpus: z.union([z.number().int().positive(), z.literal('all')]).default(1),
    /** Memory every environment gets (paper: 1 GiB); `all`: no memory limit. */
    memory: z.union([MemorySize, z.literal('all')]).default('1g'),
    /**
     * Which of the board's CPUs (Linux numbering), e.g. "1" or "2-3"; default: the last
     * `cpus` online CPUs (CPU 0 usually takes most interrupts).
     */
    cpuList: CpuList.optional(),
    /**
     * How the host is held to them: `cgroup` (the engine makes a cgroup with a cpuset and a
     * memory limit for the host's benchmark processes, and removes it afterwards) or `boot`
     * (the board's own kernel arguments already do, e.g. maxcpus=1 mem=1G: checked, not applied).
     */
    host: z.enum(['cgroup', 'boot']).default('cgroup'),
    /**
     * Measure environments with CPUs or memory unlike the host's on purpose: their overheads
     * are then not marked "unequal resources".
     */
    allowUnequal: z.boolean().default(false),
  })
  .strict()
  .superRefine((r, ctx) => {
    const listed = r.cpuList === undefined ? undefined : parseCpuList(r.cpuList);
    if (listed === undefined) return; // absent, or already reported as not a CPU list
    const n = listed.length;
    if (r.cpus === 'all') {
      ctx.addIssue({ code: 'custom', path: ['cpuList'], message: 'cpuList needs cpus to be a number' });
    } else if (n !== r.cpus) {
      ctx.addIssue({
        code: 'custom',
        path: ['cpuList'],
        message: `names ${n} CPU${n === 1 ? '' : 's'}, but cpus is ${r.cpus}`,
      });
    }
  });
export type ResourcesSettings = z.infer<typeof ResourcesSettings>;

/** The settings as numbers (what environments apply and results record). */
export interface Resources {
  /** CPUs per environment, or null for no CPU limit. */
  cpus: number | null;
  /** Memory per environment in bytes, or null for no limit. */
  memoryBytes: number | null;
  /** The CPU list asked for (board numbering), or null for "the last `cpus` online CPUs". */
  cpuList: string | null;
  host: 'cgroup' | 'boot';
  allowUnequal: boolean;
}

export function resolveResources(r: ResourcesSettings): Resources {
  return {
    cpus: r.cpus === 'all' ? null : r.cpus,
    memoryBytes: r.memory === 'all' ? null : parseMemorySize(r.memory)!,
    cpuList: r.cpuList ?? null,
    host: r.host,
    allowUnequal: r.allowUnequal,
  };
}

/** The paper's setting, used when a config says nothing. */
export const DEFAULT_RESOURCES: Resources = resolveResources(ResourcesSettings.parse({}));
