/**
 * Which fingerprint differences between a baseline and a current run stop a comparison.
 *
 * The facts are split by who changes them:
 * - **changes under test** (`under-test`): what a PR of the users' repositories changes on
 *   purpose — the kernel (version, config), the hypervisor and its version, Xen's
 *   capabilities, KVM's mode, QEMU, Docker, the guest or container image, and what the run
 *   deployed (`deployed.<role>`: a side that deployed nothing ran the board's known-good). They are compared:
 *   the verdicts include their effect, and the report names the change beside them.
 * - **changes of setup** (`setup`): what the lab changes — board, architecture, CPU model and
 *   count, governor, memory, cgroup and guest resource limits, the resources an environment
 *   may use (`cpusAvailable`, `cpuList`, `memoryLimitBytes`), its measurement paths (`scratch`
 *   for IOzone, `netperfPeer` for netperf) and benchmark tool versions (a tool version, a
 *   scratch folder or a netperf peer only affects its own suite). A difference makes the
 *   cells incomparable: a verdict would measure the lab, not the code.
 * Both sides must have a fact for it to differ (a fact one side did not collect is not a
 * change). Overrides: `expectChanges` names keys compared anyway (a setup change made on
 * purpose, such as a new cgroup limit), `expectSame` keys that must not change (a team whose
 * PRs must never change the kernel). A key matches itself and its dotted children
 * (`toolVersions` matches `toolVersions.netperf`).
 * Memory (`memoryBytes`, `memoryLimitBytes`) differs only beyond MEMORY_TOLERANCE (1%): the
 * kernel's reservations move it by pages between boots and builds.
 * Not compared: cmdline (root=UUIDs and console= differ between identical setups), cpuMHz (a
 * reading, not a setting), run-specific ids (Xen domain ids, free memory), the settings an
 * environment was started with (`guest`, `dockerLimits`, `domainVcpus`: what they change shows
 * in the facts read from inside — CPUs, memory, cgroup limits — and one change must not need
 * two keys declared), and unknown keys.
 */
import type { Fingerprint, Results, SuiteId } from '../results/schema.js';
import { kvmModeOf } from '../board/kvm-log.js';
import type { ChangeClass, FingerprintDifference } from './types.js';

export interface FingerprintRule {
  key: string;
  class: ChangeClass;
  /** The one suite a difference affects (null: the whole environment). */
  suite: SuiteId | null;
}

const rule = (key: string, cls: ChangeClass, suite: SuiteId | null = null): FingerprintRule => ({
  key,
  class: cls,
  suite,
});

/** Every compared fact, in report order. Tool versions are added per tool (setup, their suite). */
export const FINGERPRINT_RULES: readonly FingerprintRule[] = [
  // Changes under test.
  rule('kernel', 'under-test'),
  rule('kernelConfig', 'under-test'),
  rule('hypervisor', 'under-test'),
  rule('hypervisorVersion', 'under-test'),
  rule('xenCapabilities', 'under-test'),
  rule('kvm', 'under-test'),
  rule('qemuVersion', 'under-test'),
  rule('dockerVersion', 'under-test'),
  rule('dockerImage', 'under-test'),
  rule('guestImage', 'under-test'),
  rule('xenPvDrivers', 'under-test'),
  // What the run deployed (src/deploy/provenance.ts): compared role by role, below.
  rule('deployed', 'under-test'),
  // Changes of setup.
  rule('arch', 'setup'),
  rule('cpuModel', 'setup'),
  rule('cpus', 'setup'),
  rule('governor', 'setup'),
  rule('memoryBytes', 'setup'),
  rule('cgroupCpuLimit', 'setup'),
  rule('cgroupMemoryLimit', 'setup'),
  rule('cpusAvailable', 'setup'),
  rule('cpuList', 'setup'),
  rule('memoryLimitBytes', 'setup'),
  rule('scratch', 'setup', 'iozone'),
  rule('netperfPeer', 'setup', 'netperf'),
];

/** The keys compared (kept for callers of the earlier API). */
export const COMPARED_KEYS = FINGERPRINT_RULES.map((r) => r.key);

/** Which side of the split a key is on by default (tool versions and unknown keys: setup). */
export function classOf(key: string): ChangeClass {
  if (key === 'board' || key === 'kind') return 'setup';
  return FINGERPRINT_RULES.find((r) => r.key === key.split('.')[0])?.class ?? 'setup';
}

/** How expectChanges / expectSame apply: a key names itself and its dotted children. */
export interface ChangePolicy {
  expectChanges: readonly string[];
  expectSame: readonly string[];
}

function matches(list: readonly string[], key: string): boolean {
  return list.some((k) => k === key || key.startsWith(`${k}.`));
}

/** Whether a difference in `key` is compared (true) or makes its cells incomparable (false). */
export function isCompared(key: string, cls: ChangeClass, policy: ChangePolicy): boolean {
  if (key === 'kind') return false;
  if (matches(policy.expectSame, key)) return false;
  if (matches(policy.expectChanges, key)) return true;
  return cls === 'under-test';
}

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

/**
 * Memory read from inside (MemTotal, and the limit it caps) is the RAM less what the kernel and
 * firmware reserve: it moves by pages between boots of one board (seen on the lab board: 4 KiB
 * between two boots of one image) and by the kernel's own size between builds — a deployed
 * kernel must not make its board "another setup". Below this share it is the same memory; a
 * board or guest with other RAM differs by far more.
 */
export const MEMORY_TOLERANCE = 0.01;
const MEMORY_KEYS = new Set(['memoryBytes', 'memoryLimitBytes']);

function sameMemory(a: unknown, b: unknown): boolean {
  if (typeof a !== 'number' || typeof b !== 'number' || a <= 0 || b <= 0) return false;
  return Math.abs(a - b) <= MEMORY_TOLERANCE * Math.max(a, b);
}

/** A fact as text; objects with their keys sorted, so key order is never a difference. */
function show(v: unknown): string {
  if (typeof v === 'string') return v;
  return JSON.stringify(v, (_k, x: unknown) =>
    x !== null && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );
}

export function diffFingerprints(
  env: string,
  base: Fingerprint,
  cur: Fingerprint,
  policy: ChangePolicy,
): FingerprintDifference[] {
  const out: FingerprintDifference[] = [];
  const push = (key: string, cls: ChangeClass, suite: SuiteId | null, baseline: string, current: string) =>
    out.push({ env, key, baseline, current, expected: isCompared(key, cls, policy), class: cls, suite });
  for (const r of FINGERPRINT_RULES) {
    if (r.key === 'deployed') continue;
    const a = base[r.key];
    const b = cur[r.key];
    if (a === undefined || b === undefined || a === null || b === null) continue;
    if (r.key === 'kvm') {
      const d = diffKvm(show(a), show(b));
      if (d) push(r.key, r.class, r.suite, d.baseline, d.current);
    } else if (MEMORY_KEYS.has(r.key) && sameMemory(a, b)) {
      continue;
    } else if (show(a) !== show(b)) {
      push(r.key, r.class, r.suite, show(a), show(b));
    }
  }
  // The code under test each side deployed, role by role (`deployed.boot.kernel`, …): a side that
  // deployed nothing there ran the board's known-good — unlike other facts, its absence is a value.
  const da = deployedFacts(base);
  const db = deployedFacts(cur);
  if (da || db) {
    for (const k of [...new Set([...Object.keys(da ?? {}), ...Object.keys(db ?? {})])].sort()) {
      const a = da?.[k] ?? 'known-good';
      const b = db?.[k] ?? 'known-good';
      if (a !== b) push(`deployed.${k}`, 'under-test', null, a, b);
    }
  }
  const ta = base.toolVersions ?? {};
  const tb = cur.toolVersions ?? {};
  for (const tool of Object.keys(ta).sort()) {
    const a = ta[tool];
    const b = tb[tool];
    if (a === undefined || b === undefined || a === b) continue;
    push(`toolVersions.${tool}`, 'setup', suiteOfTool(tool), a, b);
  }
  return out;
}

/** A fingerprint's `deployed` facts without the ones that name the deployment itself (commit, slot id). */
function deployedFacts(fp: Fingerprint): Record<string, string> | undefined {
  const d = fp.deployed;
  if (!d || typeof d !== 'object') return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(d as Record<string, unknown>)) {
    if (k === 'commit' || k === 'slot' || typeof v !== 'string') continue;
    out[k] = v;
  }
  return out;
}

/** Differences for every environment present on both sides, plus the board name. */
export function diffRuns(baseline: Results, current: Results, policy: ChangePolicy): FingerprintDifference[] {
  const out: FingerprintDifference[] = [];
  if (baseline.board.name !== current.board.name) {
    out.push({
      env: '*',
      key: 'board',
      baseline: baseline.board.name,
      current: current.board.name,
      expected: isCompared('board', 'setup', policy),
      class: 'setup',
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
        class: 'setup',
        suite: null,
      });
    }
    out.push(...diffFingerprints(env.id, b.fingerprint, env.fingerprint, policy));
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
