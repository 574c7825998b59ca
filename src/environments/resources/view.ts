/**
 * What an environment really got, read from INSIDE it (DESIGN.md, "Measurement paths"):
 * - `cpusAvailable`: CPUs its processes may run on (the shell's affinity, Cpus_allowed_list,
 *   that are online — a cpuset, taskset, a guest's vCPUs or Dom0's vCPUs all show here);
 * - `cpuList`: those CPUs as a list (physical numbering on the host and in containers; the
 *   guests replace it with their pinning as the board sees it, where known);
 * - `memoryLimitBytes`: the least of the memory the kernel has (MemTotal) and every memory
 *   cgroup limit above the shell (v2 memory.max up the tree; v1 hierarchical_memory_limit),
 *   so a container, a cgroup-held host and a guest with 1 GiB all read about 1 GiB.
 * A fixed script prints `@@avb:` sections (spliced into the fingerprint script, and run on
 * its own where an environment collects its fingerprint differently); the parser is pure.
 */

import { effectiveCpus, formatCpuList } from './cpus.js';

export const RESOURCE_VIEW_SECTIONS = `sec cpus_allowed; sed -n 's/^Cpus_allowed_list:[[:space:]]*//p' /proc/self/status 2>/dev/null
sec cpus_online; cat /sys/devices/system/cpu/online 2>/dev/null
sec mem_total; sed -n 's/^MemTotal:[[:space:]]*//p' /proc/meminfo 2>/dev/null
sec memory_limits
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
  p=$(sed -n 's/^0:://p' /proc/self/cgroup 2>/dev/null)
  while :; do
    f="/sys/fs/cgroup\${p%/}/memory.max"
    [ -r "$f" ] && echo "v2 $f $(cat "$f" 2>/dev/null)"
    case $p in ''|/) break ;; esac
    p=\${p%/*}
  done
fi
m=$(sed -n 's/^[0-9]*:\\([^:]*,\\)\\{0,1\\}memory\\(,[^:]*\\)\\{0,1\\}:\\(.*\\)$/\\3/p' /proc/self/cgroup 2>/dev/null)
for d in "/sys/fs/cgroup/memory\${m%/}" /sys/fs/cgroup/memory; do
  if [ -r "$d/memory.stat" ]; then
    echo "v1 $d $(sed -n 's/^hierarchical_memory_limit //p' "$d/memory.stat")"
    break
  fi
done`;

/** The sections on their own (for environments that do not run the fingerprint script). */
export const RESOURCE_VIEW_SCRIPT = `sec() { printf '\\n@@avb:%s\\n' "$1"; }
${RESOURCE_VIEW_SECTIONS}
sec end
`;

export interface ResourceView {
  cpusAvailable?: number;
  cpuList?: string;
  memoryLimitBytes?: number;
  /** Where the memory limit came from: "MemTotal" or the cgroup file. */
  memoryLimitSource?: string;
}

/** Limits of 2^62 and more are v1's "no limit". */
const UNLIMITED = 2 ** 62;

export function parseResourceView(s: Record<string, string>): ResourceView {
  const view: ResourceView = {};
  const cpus = effectiveCpus(s.cpus_allowed?.trim() || undefined, s.cpus_online?.trim() || undefined);
  if (cpus && cpus.length > 0) {
    view.cpusAvailable = cpus.length;
    view.cpuList = formatCpuList(cpus);
  }
  const candidates: { bytes: number; source: string }[] = [];
  const kb = /^(\d+)\s*kB/i.exec(s.mem_total?.trim() ?? '');
  if (kb) candidates.push({ bytes: Number(kb[1]) * 1024, source: 'MemTotal' });
  for (const line of (s.memory_limits ?? '').split('\n')) {
    const m = /^(v1|v2) (\S+) (\d+)\s*$/.exec(line.trim());
    if (!m) continue; // "max", or no value
    const bytes = Number(m[3]);
    if (Number.isFinite(bytes) && bytes > 0 && bytes < UNLIMITED) candidates.push({ bytes, source: m[2]! });
  }
  if (candidates.length > 0) {
    const least = candidates.reduce((a, b) => (b.bytes < a.bytes ? b : a));
    view.memoryLimitBytes = least.bytes;
    view.memoryLimitSource = least.source;
  }
  return view;
}
