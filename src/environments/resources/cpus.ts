/**
 * Linux CPU lists ("0-3,6", as in /sys/devices/system/cpu/online, Cpus_allowed_list and
 * cpuset.cpus): parse, format, and pick the CPUs an environment is given. Pure.
 */

/** "0-3,6" → [0, 1, 2, 3, 6] (sorted, distinct); undefined when not a CPU list. */
export function parseCpuList(text: string): number[] | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const out = new Set<number>();
  for (const part of t.split(',')) {
    const m = /^\s*(\d+)(?:\s*-\s*(\d+))?\s*$/.exec(part);
    if (!m) return undefined;
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (b < a || b - a > 4096) return undefined;
    for (let i = a; i <= b; i++) out.add(i);
  }
  return [...out].sort((x, y) => x - y);
}

/** [0, 1, 2, 3, 6] → "0-3,6". */
export function formatCpuList(cpus: readonly number[]): string {
  const sorted = [...new Set(cpus)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/**
 * The CPUs an environment gets: the asked-for list (all of it must be online), else the
 * last `count` online CPUs (CPU 0 usually takes most interrupts and the harness's own
 * work). Throws with the reason when the board has too few.
 */
export function pickCpus(online: readonly number[], count: number, asked?: string | null): number[] {
  if (asked) {
    const want = parseCpuList(asked) ?? [];
    const off = want.filter((c) => !online.includes(c));
    if (off.length > 0) {
      throw new Error(
        `resources.cpuList ${asked}: CPU ${formatCpuList(off)} is not online (online: ${formatCpuList(online)})`,
      );
    }
    return want;
  }
  if (count > online.length) {
    throw new Error(
      `resources.cpus is ${count}, but the board has ${online.length} online CPU${online.length === 1 ? '' : 's'} (${formatCpuList(online)})`,
    );
  }
  return [...online].sort((a, b) => a - b).slice(online.length - count);
}

/** The CPUs of `allowed` that are online (Cpus_allowed_list may name possible, not online, CPUs). */
export function effectiveCpus(allowed: string | undefined, online: string | undefined): number[] | undefined {
  const a = allowed === undefined ? undefined : parseCpuList(allowed);
  if (!a) return undefined;
  const o = online === undefined ? undefined : parseCpuList(online);
  return o ? a.filter((c) => o.includes(c)) : a;
}
