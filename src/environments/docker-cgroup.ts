/**
 * The container's own view of its cgroup limits, for the fingerprint. A fixed script
 * prints `path=value` for the files that exist (cgroup v2 at /sys/fs/cgroup, or v1
 * controllers, including hybrid hosts where v1 controllers sit next to an empty
 * /sys/fs/cgroup/unified); the pure parser below turns that into comparable facts.
 * Inside a `--cpus 1` container `nproc` still prints the host's count: the limit shows
 * only as the CFS quota (v1 `cpu.cfs_quota_us`, v2 `cpu.max`).
 */

/** Args: none. Prints `path=value` for each readable limit file. */
export const CGROUP_VIEW_SCRIPT = `for f in /sys/fs/cgroup/cgroup.controllers /sys/fs/cgroup/cpu.max /sys/fs/cgroup/memory.max \\
  /sys/fs/cgroup/cpuset.cpus.effective /sys/fs/cgroup/cpu/cpu.cfs_quota_us /sys/fs/cgroup/cpu/cpu.cfs_period_us \\
  /sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us /sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us \\
  /sys/fs/cgroup/memory/memory.limit_in_bytes /sys/fs/cgroup/cpuset/cpuset.cpus; do
  [ -r "$f" ] && printf '%s=%s\\n' "$f" "$(cat "$f" 2>/dev/null | head -n 1)"
done
exit 0
`;

export interface CgroupView {
  version: 'v1' | 'v2';
  /** v2 `cpu.max` format for both versions: "QUOTA PERIOD" or "max PERIOD". */
  cpuMax?: string;
  /** quota / period, absent when unlimited. */
  cpuLimit?: number;
  /** Bytes as a decimal string, or "max". */
  memoryMax?: string;
  cpuset?: string;
}

/** v1 reports "no limit" as a huge page-aligned number (e.g. 9223372036854771712). */
const V1_UNLIMITED = 2n ** 62n;

export function parseCgroupView(text: string): CgroupView {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) values.set(line.slice(0, eq), line.slice(eq + 1).trim());
  }
  const get = (...keys: string[]): string | undefined => {
    for (const k of keys) {
      const v = values.get(k);
      if (v !== undefined && v !== '') return v;
    }
    return undefined;
  };
  const v2 = values.has('/sys/fs/cgroup/cgroup.controllers') || values.has('/sys/fs/cgroup/cpu.max');
  const view: CgroupView = { version: v2 ? 'v2' : 'v1' };
  if (v2) {
    view.cpuMax = get('/sys/fs/cgroup/cpu.max');
    view.memoryMax = get('/sys/fs/cgroup/memory.max');
    view.cpuset = get('/sys/fs/cgroup/cpuset.cpus.effective');
  } else {
    const quota = get('/sys/fs/cgroup/cpu/cpu.cfs_quota_us', '/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us');
    const period = get(
      '/sys/fs/cgroup/cpu/cpu.cfs_period_us',
      '/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us',
    );
    if (quota !== undefined && period !== undefined)
      view.cpuMax = `${quota === '-1' ? 'max' : quota} ${period}`;
    const mem = get('/sys/fs/cgroup/memory/memory.limit_in_bytes');
    if (mem !== undefined && /^\d+$/.test(mem)) view.memoryMax = BigInt(mem) >= V1_UNLIMITED ? 'max' : mem;
    view.cpuset = get('/sys/fs/cgroup/cpuset/cpuset.cpus');
  }
  const m = view.cpuMax ? /^(\d+) (\d+)$/.exec(view.cpuMax) : null;
  if (m && Number(m[2]) > 0) view.cpuLimit = Number(m[1]) / Number(m[2]);
  return view;
}
