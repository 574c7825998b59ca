/**
 * Which fingerprint differences make a baseline and a current run incomparable.
 * Compared (both sides must have the fact; a fact one side did not collect is not a change):
 * kernel, arch, hypervisor + version, Xen capabilities, KVM (as the stable facts `kvmFacts` reads
 * from the line, see there), QEMU and Docker versions,
 * CPU model, CPU count, governor, memory, cgroup CPU/memory limits, and tool versions (a tool
 * version only affects its own suite). Not compared: cmdline (root=UUIDs and console= differ
 * between identical setups), cpuMHz (a reading, not a setting), and unknown extra keys.
 */
import type { Fingerprint, Results, SuiteId } from '../results/schema.js';
import { kvmModeOf } from '../board/kvm-log.js';
import type { FingerprintDifference } from './types.js';

export const COMPARED_KEYS = [
  'kernel',
  'arch',
  'hypervisor',
  'hypervisorVersion',
  'xenCapabilities',
  'kvm',
  'qemuVersion',
  'dockerVersion',
  'cpuModel',
  'cpus',
  'governor',
  'memoryBytes',
  'cgroupCpuLimit',
  'cgroupMemoryLimit',
] as const;

const TOOL_SUITES: Record<string, SuiteId> = {
  hackbench: 'hackbench',
  'rt-tests': 'hackbench',
  netperf: 'netperf',
  netserver: 'netperf',
  iozone: 'iozone',
  unixbench: 'unixbench',
  'byte-unixbench': 'unixbench',
};

function suiteOfTool(name: string): SuiteId | null {
  const lower = name.toLowerCase();
  if (TOOL_SUITES[lower]) return TOOL_SUITES[lower]!;
  for (const [tool, suite] of Object.entries(TOOL_SUITES)) if (lower.includes(tool)) return suite;
  return null;
}

/**
 * The comparable facts of a fingerprint's `kvm` line: whether /dev/kvm exists and, when the
 * kernel log still says so, the mode KVM initialised in. The line itself is not compared: it
 * carries dmesg lines, and the kernel's ring buffer is a window that moves (a busy machine
 * rotates the boot lines out; running guests add lines such as "kvm [812]: Unsupported guest
 * sys_reg access"), so two runs of one setup gave different lines (seen in CI: the second run
 * had lost "Hypervisor detected: KVM"). A fact one side no longer shows is not a change.
 */
export function kvmFacts(line: string): { device?: string; mode?: string } {
  const device = /\/dev\/kvm (present|absent)/.exec(line)?.[0];
  const mode = kvmModeOf(line);
  return { ...(device ? { device } : {}), ...(mode ? { mode } : {}) };
}

/** The two `kvm` lines as facts, or null when no fact both sides show differs. */
function diffKvm(a: string, b: string): { baseline: string; current: string } | null {
  const fa = kvmFacts(a);
  const fb = kvmFacts(b);
  const differs = (k: 'device' | 'mode') => fa[k] !== undefined && fb[k] !== undefined && fa[k] !== fb[k];
  if (!differs('device') && !differs('mode')) return null;
  const asText = (f: { device?: string; mode?: string }) => [f.device, f.mode].filter(Boolean).join('; ');
  return { baseline: asText(fa), current: asText(fb) };
}

function show(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function diffFingerprints(
  env: string,
  base: Fingerprint,
  cur: Fingerprint,
  expectChanges: readonly string[],
): FingerprintDifference[] {
  const out: FingerprintDifference[] = [];
  const expected = (key: string) => expectChanges.includes(key) || expectChanges.includes(key.split('.')[0]!);
  for (const key of COMPARED_KEYS) {
    const a = base[key];
    const b = cur[key];
    if (a === undefined || b === undefined) continue;
    if (key === 'kvm') {
      const d = diffKvm(show(a), show(b));
      if (d) out.push({ env, key, ...d, expected: expected(key), suite: null });
    } else if (show(a) !== show(b)) {
      out.push({ env, key, baseline: show(a), current: show(b), expected: expected(key), suite: null });
    }
  }
  const ta = base.toolVersions ?? {};
  const tb = cur.toolVersions ?? {};
  for (const tool of Object.keys(ta).sort()) {
    const a = ta[tool];
    const b = tb[tool];
    if (a === undefined || b === undefined || a === b) continue;
    const key = `toolVersions.${tool}`;
    out.push({ env, key, baseline: a, current: b, expected: expected(key), suite: suiteOfTool(tool) });
  }
  return out;
}

/** Differences for every environment present on both sides, plus the board name. */
export function diffRuns(
  baseline: Results,
  current: Results,
  expectChanges: readonly string[],
): FingerprintDifference[] {
  const out: FingerprintDifference[] = [];
  if (baseline.board.name !== current.board.name) {
    out.push({
      env: '*',
      key: 'board',
      baseline: baseline.board.name,
      current: current.board.name,
      expected: expectChanges.includes('board'),
      suite: null,
    });
  }
  const baseEnvs = new Map(baseline.environments.map((e) => [e.id, e]));
  for (const env of current.environments) {
    const b = baseEnvs.get(env.id);
    if (!b) continue;
    if (b.kind !== env.kind) {
      out.push({
        env: env.id,
        key: 'kind',
        baseline: b.kind,
        current: env.kind,
        expected: false,
        suite: null,
      });
    }
    out.push(...diffFingerprints(env.id, b.fingerprint, env.fingerprint, expectChanges));
  }
  return out;
}

/** The reason a cell of `env`/`suite` is incomparable, or null. */
export function incomparableReason(
  diffs: readonly FingerprintDifference[],
  env: string,
  suite: SuiteId,
): string | null {
  const hits = diffs.filter(
    (d) => !d.expected && (d.env === env || d.env === '*') && (d.suite === null || d.suite === suite),
  );
  if (hits.length === 0) return null;
  return hits.map((d) => `${d.key}: ${d.baseline} → ${d.current}`).join('; ');
}
