/**
 * Fingerprint of an environment: the facts that decide whether two measurements are
 * comparable. Collected with ONE fixed shell script (no value from config or output is
 * ever spliced into it) run through the environment's transport, which prints sections
 * `@@avb:NAME`; the sections are then parsed by the pure functions below (tested on real
 * captures in test/fixtures/meta/).
 */
import type { BootMode, Fingerprint } from '../results/schema.js';
import type { Transport } from '../transport/types.js';
import { parseResourceView, RESOURCE_VIEW_SECTIONS } from './resources/view.js';

/**
 * Each command's stderr is dropped: a missing file or tool just leaves its section empty
 * (busybox containers and minimal guests lack some of them).
 */
export const FINGERPRINT_SCRIPT = `
sec() { printf '\\n@@avb:%s\\n' "$1"; }
have() { command -v "$1" >/dev/null 2>&1; }
lim() { if have timeout; then timeout 10 "$@"; else "$@"; fi; }
sec uname; uname -a 2>/dev/null
sec kernel; uname -r 2>/dev/null
sec arch; uname -m 2>/dev/null
sec cmdline; cat /proc/cmdline 2>/dev/null
sec hypervisor_type; cat /sys/hypervisor/type 2>/dev/null
sec hypervisor_version; cat /sys/hypervisor/version/major /sys/hypervisor/version/minor /sys/hypervisor/version/extra 2>/dev/null
sec xen_capabilities; cat /proc/xen/capabilities 2>/dev/null
sec dmesg; dmesg 2>/dev/null | grep -iE 'kvm|hyp|xen' 2>/dev/null | head -n 40
sec dev_kvm; if [ -e /dev/kvm ]; then echo present; else echo absent; fi
sec qemu; for q in qemu-system-aarch64 qemu-system-arm qemu-system-x86_64; do if have "$q"; then lim "$q" --version 2>/dev/null | head -n 1; fi; done
sec docker; if have docker; then lim docker version --format '{{json .}}' 2>/dev/null; fi
sec xl_info; if have xl; then lim xl info 2>/dev/null; fi
sec lscpu; lscpu 2>/dev/null
sec cpuinfo; head -n 60 /proc/cpuinfo 2>/dev/null
sec nproc; nproc 2>/dev/null
sec governor; cat /sys/devices/system/cpu/cpu0/cpufreq/scaling_governor 2>/dev/null
sec cur_freq; cat /sys/devices/system/cpu/cpu0/cpufreq/scaling_cur_freq 2>/dev/null
sec meminfo; head -n 3 /proc/meminfo 2>/dev/null
sec cgroup_v2_cpu_max; cat /sys/fs/cgroup/cpu.max 2>/dev/null
sec cgroup_v2_memory_max; cat /sys/fs/cgroup/memory.max 2>/dev/null
sec cgroup_v1_cpu; cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us /sys/fs/cgroup/cpu/cpu.cfs_period_us 2>/dev/null
sec cgroup_v1_memory; cat /sys/fs/cgroup/memory/memory.limit_in_bytes 2>/dev/null
sec hackbench; if have hackbench; then hackbench --help 2>&1 | head -n 1; fi
sec netperf; if have netperf; then netperf -V 2>&1; fi
sec iozone; if have iozone; then iozone -v 2>&1 | grep Revision; fi
${RESOURCE_VIEW_SECTIONS}
sec end
`;

/** Runs the fixed script through `transport` and parses what came back. */
export async function collectFingerprint(
  transport: Transport,
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<Fingerprint> {
  const r = await transport.exec(['sh', '-c', FINGERPRINT_SCRIPT], {
    timeoutMs: options.timeoutMs ?? 60_000,
    signal: options.signal,
  });
  if (r.timedOut) throw new Error(`fingerprint timed out on ${transport.description}`);
  if (r.cancelled) throw new Error('fingerprint cancelled');
  const sections = splitSections(r.output);
  if (!('end' in sections)) {
    throw new Error(
      `fingerprint script did not complete on ${transport.description} (exit ${r.exitCode}): ${r.output.trim().slice(0, 300)}`,
    );
  }
  return parseFingerprint(sections);
}

/** `@@avb:NAME` sections → trimmed text by name. */
export function splitSections(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let current: string | undefined;
  let lines: string[] = [];
  const flush = (): void => {
    if (current !== undefined) out[current] = lines.join('\n').trim();
  };
  for (const line of text.split(/\r?\n/)) {
    const m = /^@@avb:([a-z0-9_]+)$/.exec(line);
    if (m) {
      flush();
      current = m[1];
      lines = [];
    } else if (current !== undefined) lines.push(line);
  }
  flush();
  return out;
}

const nonEmpty = (s: string | undefined): string | undefined => (s && s.trim() !== '' ? s.trim() : undefined);

/** `lscpu`: model name (or ARM's "Model name" per cluster) and CPU count. */
export function parseLscpu(text: string): { cpuModel?: string; cpus?: number; cpuMHz?: number } {
  const field = (name: string): string | undefined => {
    const m = new RegExp(`^${name}:\\s*(.+)$`, 'm').exec(text);
    return m?.[1]?.trim();
  };
  const cpus = Number(field('CPU\\(s\\)'));
  const mhz = Number(field('CPU max MHz') ?? field('CPU MHz'));
  return {
    ...(field('Model name') ? { cpuModel: field('Model name') } : {}),
    ...(Number.isInteger(cpus) && cpus > 0 ? { cpus } : {}),
    ...(Number.isFinite(mhz) && mhz > 0 ? { cpuMHz: mhz } : {}),
  };
}

/**
 * `/proc/cpuinfo`: x86 has "model name" and "cpu MHz"; ARM has no model name but
 * "CPU implementer"/"CPU part" (0x41/0xc0f = Cortex-A15), which we keep as is.
 */
export function parseCpuinfo(text: string): { cpuModel?: string; cpuMHz?: number; cpus?: number } {
  const first = (re: RegExp): string | undefined => re.exec(text)?.[1]?.trim();
  const model = first(/^model name\s*:\s*(.+)$/m) ?? first(/^Hardware\s*:\s*(.+)$/m);
  const implementer = first(/^CPU implementer\s*:\s*(\S+)/m);
  const part = first(/^CPU part\s*:\s*(\S+)/m);
  const mhz = Number(first(/^cpu MHz\s*:\s*([\d.]+)/m));
  const cpus = (text.match(/^processor\s*:/gm) ?? []).length;
  const cpuModel = model ?? (implementer && part ? `implementer ${implementer} part ${part}` : undefined);
  return {
    ...(cpuModel ? { cpuModel } : {}),
    ...(Number.isFinite(mhz) && mhz > 0 ? { cpuMHz: mhz } : {}),
    ...(cpus > 0 ? { cpus } : {}),
  };
}

/** `/proc/meminfo` MemTotal (kB) → bytes. */
export function parseMeminfo(text: string): number | undefined {
  const m = /^MemTotal:\s+(\d+)\s*kB/m.exec(text);
  return m ? Number(m[1]) * 1024 : undefined;
}

/** `qemu-system-* --version` first line → "7.2.22". */
export function parseQemuVersion(text: string): string | undefined {
  return /QEMU emulator version (\S+)/.exec(text)?.[1];
}

/** `docker version --format '{{json .}}'` → the server (engine) version. */
export function parseDockerVersionJson(text: string): string | undefined {
  const line = text.split('\n').find((l) => l.trim().startsWith('{'));
  if (!line) return undefined;
  try {
    const v = JSON.parse(line) as { Server?: { Version?: unknown } | null };
    return typeof v.Server?.Version === 'string' ? v.Server.Version : undefined;
  } catch {
    return undefined;
  }
}

/** A v1 memory limit of ~2^63 (page-rounded) means "no limit". */
const V1_UNLIMITED = 2n ** 62n;

/** cgroup v1 `cfs_quota_us` + `cfs_period_us` (two lines) → "max" or "quota/period" (CPUs = quota/period). */
export function parseCgroupV1Cpu(text: string): string | undefined {
  const [quota, period] = text.split(/\s+/).filter(Boolean);
  if (quota === undefined || period === undefined) return undefined;
  if (quota === '-1') return 'max';
  return `${quota}/${period}`;
}

/** cgroup v2 `cpu.max` ("max 100000" or "100000 100000") → "max" or "quota/period". */
export function parseCgroupV2Cpu(text: string): string | undefined {
  const [quota, period] = text.split(/\s+/).filter(Boolean);
  if (quota === undefined) return undefined;
  if (quota === 'max') return 'max';
  return period ? `${quota}/${period}` : quota;
}

/** A memory limit in bytes, or "max" when unlimited (v2 "max", v1 ~2^63). */
export function parseMemoryLimit(text: string): string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (t === 'max') return 'max';
  if (!/^\d+$/.test(t)) return undefined;
  return BigInt(t) >= V1_UNLIMITED ? 'max' : t;
}

/** Tool versions from `hackbench --help`, `netperf -V`, `iozone -v`. */
export function parseToolVersions(sections: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  const hb = /hackbench V (\S+)/.exec(sections.hackbench ?? '')?.[1];
  if (hb) out.hackbench = hb;
  const np = /Netperf version (\S+)/.exec(sections.netperf ?? '')?.[1];
  if (np) out.netperf = np;
  const io = /\$Revision: (\S+) \$/.exec(sections.iozone ?? '')?.[1];
  if (io) out.iozone = io;
  return out;
}

/** `xl info` → the Xen version ("4.17.5"). */
export function parseXlInfoVersion(text: string): string | undefined {
  const major = /^xen_major\s*:\s*(\d+)/m.exec(text)?.[1];
  const minor = /^xen_minor\s*:\s*(\d+)/m.exec(text)?.[1];
  const extra = /^xen_extra\s*:\s*(\S+)/m.exec(text)?.[1] ?? '';
  return major && minor ? `${major}.${minor}${extra}` : undefined;
}

/** The whole fingerprint from the script's sections. */
export function parseFingerprint(s: Record<string, string>): Fingerprint {
  const lscpu = parseLscpu(s.lscpu ?? '');
  const cpuinfo = parseCpuinfo(s.cpuinfo ?? '');
  const nproc = Number(s.nproc);
  const kvmLines = (s.dmesg ?? '')
    .split('\n')
    .filter((l) => /kvm|hyp/i.test(l))
    .map((l) => l.replace(/^\[\s*[\d.]+\]\s*/, '').trim());
  const devKvm = s.dev_kvm === 'present';
  const kvm = [
    devKvm ? '/dev/kvm present' : s.dev_kvm === 'absent' ? '/dev/kvm absent' : undefined,
    ...kvmLines,
  ]
    .filter((x): x is string => x !== undefined)
    .join('; ');
  const hvVersion = (s.hypervisor_version ?? '').split('\n').map((l) => l.trim());
  const curKHz = Number(s.cur_freq);
  const toolVersions = parseToolVersions(s);
  const cgroupCpu = nonEmpty(s.cgroup_v2_cpu_max)
    ? parseCgroupV2Cpu(s.cgroup_v2_cpu_max!)
    : parseCgroupV1Cpu(s.cgroup_v1_cpu ?? '');
  const cgroupMem = parseMemoryLimit(s.cgroup_v2_memory_max || s.cgroup_v1_memory || '');
  const fp: Fingerprint = {
    kernel: nonEmpty(s.kernel),
    cmdline: nonEmpty(s.cmdline),
    arch: nonEmpty(s.arch),
    hypervisor: nonEmpty(s.hypervisor_type),
    hypervisorVersion:
      parseXlInfoVersion(s.xl_info ?? '') ??
      (hvVersion[0] && hvVersion[1] ? `${hvVersion[0]}.${hvVersion[1]}${hvVersion[2] ?? ''}` : undefined),
    xenCapabilities: nonEmpty(s.xen_capabilities),
    kvm: kvm || undefined,
    qemuVersion: parseQemuVersion(s.qemu ?? ''),
    dockerVersion: parseDockerVersionJson(s.docker ?? ''),
    cpuModel: lscpu.cpuModel ?? cpuinfo.cpuModel,
    cpus: Number.isInteger(nproc) && nproc > 0 ? nproc : (lscpu.cpus ?? cpuinfo.cpus),
    governor: nonEmpty(s.governor),
    cpuMHz: Number.isFinite(curKHz) && curKHz > 0 ? curKHz / 1000 : (cpuinfo.cpuMHz ?? lscpu.cpuMHz),
    memoryBytes: parseMeminfo(s.meminfo ?? ''),
    cgroupCpuLimit: cgroupCpu,
    cgroupMemoryLimit: cgroupMem,
    toolVersions: Object.keys(toolVersions).length > 0 ? toolVersions : undefined,
    // What the environment's processes may use, read from inside (see resources/view.ts).
    ...resourceFacts(s),
  };
  return Object.fromEntries(Object.entries(fp).filter(([, v]) => v !== undefined)) as Fingerprint;
}

/** The fingerprint keys `cpusAvailable`, `cpuList`, `memoryLimitBytes` from the sections. */
export function resourceFacts(s: Record<string, string>): Partial<Fingerprint> {
  const v = parseResourceView(s);
  return {
    cpusAvailable: v.cpusAvailable,
    cpuList: v.cpuList,
    memoryLimitBytes: v.memoryLimitBytes,
  };
}

/**
 * The boot mode a fingerprint proves: Xen with the control domain's capabilities
 * (`control_d`) is Dom0, i.e. the board booted into Xen; anything else is linux.
 */
export function bootModeOf(fp: Fingerprint): BootMode {
  return fp.hypervisor === 'xen' && /control_d/.test(fp.xenCapabilities ?? '') ? 'xen' : 'linux';
}
