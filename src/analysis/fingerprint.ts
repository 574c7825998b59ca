/**
 * Which fingerprint differences make a baseline and a current run incomparable.
 * Compared (both sides must have the fact; a fact one side did not collect is not a change):
 * kernel, arch, hypervisor + version, Xen capabilities, KVM line, QEMU and Docker versions,
 * CPU model, CPU count, governor, memory, cgroup CPU/memory limits, and tool versions (a tool
 * version only affects its own suite). Not compared: cmdline (root=UUIDs and console= differ
 * between identical setups), cpuMHz (a reading, not a setting), and unknown extra keys.
 */
import type { Fingerprint, Results, SuiteId } from '../results/schema.js';
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
    if (show(a) !== show(b)) {
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
