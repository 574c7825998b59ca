/**
 * SYNTHETIC results for tests, simulations, benchmarks and the report fixtures: nothing here
 * was measured. Values are log-normal around a base (value = base · exp(cv · z)), drawn from a
 * seeded RNG so every file and every simulation is reproducible.
 */
import { mulberry32, normalSource } from '../../../src/analysis/rng.js';
import {
  RESULTS_SCHEMA_ID,
  type Better,
  type Environment,
  type EnvironmentKind,
  type Params,
  type Results,
  type Sample,
  type SuiteId,
} from '../../../src/results/schema.js';

export const ENV_KINDS: EnvironmentKind[] = ['host', 'kvm', 'docker', 'xen-dom0', 'xen-domu'];

export interface SimMetric {
  suite: SuiteId;
  metric: string;
  params: Params;
  unit: string;
  better: Better;
  /** Host value. */
  base: number;
  /** Overhead per environment kind (paper definition, fraction); missing = 0. */
  overhead?: Partial<Record<EnvironmentKind, number>>;
  cv?: number;
  /** The engine cell (CellSpec key) that yields this metric: its samples' log ref `env/suite/cell.rN`. */
  cell?: string;
}

export interface SimOptions {
  seed: number;
  metrics: SimMetric[];
  envs?: EnvironmentKind[];
  n?: number;
  cv?: number;
  /** Multiplicative degradation applied to chosen cells: key `${env}|${index}` → fraction (0.05 = 5% worse). */
  shifts?: Map<string, number>;
  fingerprint?: (env: EnvironmentKind) => Environment['fingerprint'];
  /** Heavy tails: with this probability a value gets an extra log-normal kick of 5 · cv. */
  outlierRate?: number;
  /** Cells (`${env}|${index}`) that produced no value (their failures are listed instead). */
  failed?: Map<string, string>;
  runId?: string;
  gitSha?: string;
  /** Rounds to draw (default 0 … n − 1): extra rounds of an adaptive run are drawn separately. */
  rounds?: readonly number[];
  /** Draw only these (env, metric index) pairs (default all): the cells an extra round re-runs. */
  include?: (env: EnvironmentKind, index: number) => boolean;
  /**
   * Drift shared by every value of one environment in one round (log-normal, this CV): what
   * slows the machine for a while moves all the cells run back to back.
   */
  roundCv?: number;
  preset?: string;
}

/** Value of an environment with overhead `o` relative to host value `h`, by the paper's definition. */
export function applyOverhead(h: number, o: number, better: Better): number {
  return better === 'lower' ? h * (1 + o) : h * (1 - o);
}

export function defaultFingerprint(env: EnvironmentKind): Environment['fingerprint'] {
  return {
    kernel: '6.1.0-28-armmp-lpae',
    arch: 'armv7l',
    cpuModel: 'ARMv7 Processor rev 4 (v7l) Cortex-A15',
    cpus: env === 'kvm' || env === 'docker' || env === 'xen-domu' ? 1 : 2,
    governor: 'performance',
    memoryBytes: env === 'host' || env === 'xen-dom0' ? 2_147_483_648 : 1_073_741_824,
    ...(env.startsWith('xen') ? { hypervisor: 'xen', hypervisorVersion: '4.17.3' } : {}),
    ...(env === 'kvm' ? { qemuVersion: '7.2.11', kvm: 'kvm [1]: Hyp mode initialized successfully' } : {}),
    ...(env === 'docker' ? { dockerVersion: '20.10.24', cgroupCpuLimit: '100000 100000' } : {}),
    toolVersions: { 'rt-tests': '2.5', netperf: '2.7.0', iozone: '3.429' },
  };
}

export function simulate(opts: SimOptions): Results {
  const envs = opts.envs ?? ENV_KINDS;
  const n = opts.n ?? 10;
  const rng = mulberry32(opts.seed);
  const z = normalSource(rng);
  const samples: Sample[] = [];
  const rounds = opts.rounds ?? Array.from({ length: n }, (_, r) => r);
  // Rounds interleave environments, as the engine does.
  for (const round of rounds) {
    for (const env of envs) {
      const drift = opts.roundCv ? opts.roundCv * z() : 0;
      opts.metrics.forEach((m, i) => {
        if (opts.failed?.has(`${env}|${i}`)) return;
        if (opts.include && !opts.include(env, i)) return;
        const cv = m.cv ?? opts.cv ?? 0.01;
        const shift = opts.shifts?.get(`${env}|${i}`) ?? 0;
        const mean = applyOverhead(applyOverhead(m.base, m.overhead?.[env] ?? 0, m.better), shift, m.better);
        let noise = cv * z() + (m.better === 'lower' ? drift : -drift);
        if (opts.outlierRate && rng() < opts.outlierRate) noise += 5 * cv * Math.abs(z());
        const value = mean * Math.exp(noise);
        samples.push({
          env,
          suite: m.suite,
          metric: m.metric,
          params: m.params,
          value: Number(value.toPrecision(6)),
          unit: m.unit,
          better: m.better,
          round,
          log: m.cell ? `${env}/${m.suite}/${m.cell}.r${round}` : `${env}/${m.suite}/r${round}.log`,
        });
      });
    }
  }
  const fp = opts.fingerprint ?? defaultFingerprint;
  return {
    schema: RESULTS_SCHEMA_ID,
    run: {
      id: opts.runId ?? `synthetic-${opts.seed}`,
      toolVersion: '0.1.0',
      started: '2026-01-01T00:00:00Z',
      finished: '2026-01-01T01:00:00Z',
      preset: opts.preset ?? 'paper',
      configDigest: 'synthetic',
      status: opts.failed && opts.failed.size > 0 ? 'partial' : 'complete',
      ...(opts.gitSha ? { gitSha: opts.gitSha } : {}),
    },
    board: { name: 'arndale-synthetic', fingerprints: {} },
    environments: envs.map((kind) => ({
      id: kind,
      kind,
      bootMode: kind.startsWith('xen') ? 'xen' : 'linux',
      fingerprint: fp(kind),
    })),
    samples,
    failures: [...(opts.failed ?? new Map<string, string>())].flatMap(([key, message]) => {
      const [env, index] = key.split('|');
      const m = opts.metrics[Number(index)]!;
      return Array.from({ length: n }, (_, round) => ({
        env: env!,
        suite: m.suite,
        params: m.params,
        round,
        message,
        kind: 'timeout',
        log: `${env}/${m.suite}/r${round}.log`,
      }));
    }),
    logs: [],
  };
}

/** `count` generic metrics with distinct params, alternating direction (throughput / time). */
export function genericMetrics(count: number, cv = 0.01): SimMetric[] {
  return Array.from({ length: count }, (_, i): SimMetric => {
    const overhead = { kvm: 0.1, docker: 0.02, 'xen-dom0': 0.03, 'xen-domu': 0.12 };
    return i % 2 === 0
      ? {
          suite: 'iozone',
          metric: 'iozone.read',
          params: { file_kb: 4 * (i + 1), reclen_kb: 4 },
          unit: 'kB/s',
          better: 'higher',
          base: 1000 + 37 * i,
          overhead,
          cv,
        }
      : {
          suite: 'hackbench',
          metric: 'hackbench.time',
          params: { tasks: i },
          unit: 's',
          better: 'lower',
          base: 1 + 0.01 * i,
          overhead,
          cv,
        };
  });
}

type Ov = Partial<Record<EnvironmentKind, number>>;

/**
 * SYNTHETIC metrics shaped like Raho et al. (2015) on a Cortex-A15 (orders of magnitude and
 * which environment pays most where): hackbench near native with Xen DomU/KVM growing with
 * tasks; UnixBench CPU tests near native, process creation (execl, spawn, shell) costly in
 * VMs; IOzone writes costlier than reads in VMs; netperf small messages and request/response
 * costly in KVM and Xen DomU, Docker paying for the bridge+NAT. Not measured values.
 */
export function paperMetrics(): SimMetric[] {
  const out: SimMetric[] = [];
  const tasks = [40, 80, 160, 320, 640];
  const hostTime = [0.118, 0.241, 0.497, 1.052, 2.214];
  tasks.forEach((t, i) => {
    const f = i / (tasks.length - 1);
    out.push({
      suite: 'hackbench',
      metric: 'hackbench.time',
      params: {
        mode: 'process',
        ipc: 'socket',
        groups: t / 40,
        fds: 20,
        loops: 1000,
        datasize: 100,
        tasks: t,
      },
      unit: 's',
      better: 'lower',
      base: hostTime[i]!,
      overhead: { kvm: 0.06 + 0.09 * f, docker: 0.02, 'xen-dom0': 0.04, 'xen-domu': 0.08 + 0.12 * f },
      cv: 0.015,
    });
  });
  const ub: [string, string, number, Ov][] = [
    ['dhry2reg', 'lps', 6.21e6, { kvm: 0.01, docker: 0.0, 'xen-dom0': 0.02, 'xen-domu': 0.02 }],
    ['whetstone-double', 'MWIPS', 1452, { kvm: 0.005, docker: 0.0, 'xen-dom0': 0.01, 'xen-domu': 0.01 }],
    ['execl', 'lps', 912, { kvm: 0.25, docker: 0.03, 'xen-dom0': 0.3, 'xen-domu': 0.28 }],
    ['pipe', 'lps', 418_000, { kvm: 0.05, docker: 0.01, 'xen-dom0': 0.06, 'xen-domu': 0.07 }],
    ['context1', 'lps', 95_300, { kvm: 0.15, docker: 0.02, 'xen-dom0': 0.18, 'xen-domu': 0.2 }],
    ['spawn', 'lps', 2104, { kvm: 0.35, docker: 0.05, 'xen-dom0': 0.4, 'xen-domu': 0.38 }],
    ['shell1', 'lpm', 1812, { kvm: 0.2, docker: 0.04, 'xen-dom0': 0.22, 'xen-domu': 0.24 }],
    ['shell8', 'lpm', 481, { kvm: 0.22, docker: 0.05, 'xen-dom0': 0.25, 'xen-domu': 0.27 }],
    ['syscall', 'lps', 851_000, { kvm: 0.02, docker: 0.01, 'xen-dom0': 0.08, 'xen-domu': 0.1 }],
  ];
  for (const [test, unit, base, overhead] of ub) {
    out.push({
      suite: 'unixbench',
      metric: `unixbench.${test}`,
      params: { copies: 1 },
      unit,
      better: 'higher',
      base,
      overhead,
      cv: 0.012,
    });
  }
  const ops: [string, number][] = [
    ['write', 352_000],
    ['rewrite', 905_000],
    ['read', 1_810_000],
    ['reread', 2_020_000],
    ['random_read', 1_630_000],
    ['random_write', 804_000],
    ['bkwd_read', 1_520_000],
    ['record_rewrite', 1_110_000],
    ['stride_read', 1_540_000],
    ['fwrite', 331_000],
    ['frewrite', 848_000],
    ['fread', 1_705_000],
    ['freread', 1_902_000],
  ];
  const files: [number, number[], number][] = [
    [4, [4], 0.6],
    [1024, [4, 1024], 1],
    [10240, [4], 0.9],
  ];
  for (const [fileKb, recs, scale] of files) {
    for (const rec of recs) {
      for (const [op, base] of ops) {
        const writes = op.includes('write');
        out.push({
          suite: 'iozone',
          metric: `iozone.${op}`,
          params: { file_kb: fileKb, reclen_kb: rec },
          unit: 'kB/s',
          better: 'higher',
          base: base * scale * (rec >= 64 ? 1.1 : 1),
          overhead: writes
            ? { kvm: 0.15, docker: 0.01, 'xen-dom0': 0.02, 'xen-domu': 0.2 }
            : { kvm: 0.05, docker: 0.01, 'xen-dom0': 0.02, 'xen-domu': 0.08 },
          cv: 0.04,
        });
      }
    }
  }
  const sizes = [1, 16, 64, 256, 1024, 4096];
  const thr = [6.1, 86, 302, 705, 928, 941];
  sizes.forEach((b, i) => {
    const f = i / (sizes.length - 1);
    out.push({
      suite: 'netperf',
      metric: 'netperf.tcp_stream.throughput',
      params: { message_bytes: b },
      unit: '10^6bits/s',
      better: 'higher',
      base: thr[i]!,
      overhead: {
        kvm: 0.45 - 0.4 * f,
        docker: 0.15 - 0.13 * f,
        'xen-dom0': 0.05,
        'xen-domu': 0.55 - 0.45 * f,
      },
      cv: 0.02,
    });
  });
  const rr: [string, number, Ov][] = [
    ['tcp_rr', 9_810, { kvm: 0.325, docker: 0.12, 'xen-dom0': 0.05, 'xen-domu': 0.42 }],
    ['udp_rr', 10_520, { kvm: 0.31, docker: 0.11, 'xen-dom0': 0.05, 'xen-domu': 0.4 }],
    ['tcp_crr', 2_405, { kvm: 0.4, docker: 0.2, 'xen-dom0': 0.07, 'xen-domu': 0.48 }],
  ];
  for (const [test, base, overhead] of rr) {
    out.push({
      suite: 'netperf',
      metric: `netperf.${test}.rate`,
      params: { request_bytes: 1, response_bytes: 1 },
      unit: 'trans/s',
      better: 'higher',
      base,
      overhead,
      cv: 0.015,
    });
  }
  return out;
}

export function paperIndex(metrics: SimMetric[], metric: string, params: Params = {}): number {
  const i = metrics.findIndex(
    (m) => m.metric === metric && Object.entries(params).every(([k, v]) => m.params[k] === v),
  );
  if (i < 0) throw new Error(`no synthetic metric ${metric}`);
  return i;
}

/** The two committed report fixtures: a baseline and a current run with injected changes. */
export function paperFixtures(): { baseline: Results; current: Results } {
  const metrics = paperMetrics();
  const baseline = simulate({
    seed: 2015,
    metrics,
    runId: 'synthetic-baseline',
    gitSha: '1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b',
  });
  const shifts = new Map<string, number>([
    // KVM request/response got 8% slower relative to an unchanged host: an overhead regression.
    [`kvm|${paperIndex(metrics, 'netperf.tcp_rr.rate')}`, 0.08],
    // Xen DomU hackbench at 640 tasks: 10% slower.
    [`xen-domu|${paperIndex(metrics, 'hackbench.time', { tasks: 640 })}`, 0.1],
  ]);
  const failed = new Map([
    [
      `xen-domu|${paperIndex(metrics, 'netperf.tcp_crr.rate')}`,
      'netperf: timed out after 120 s (no response from netserver)',
    ],
  ]);
  const current = simulate({
    seed: 2016,
    metrics,
    shifts,
    failed,
    runId: 'synthetic-current',
    gitSha: 'f0e1d2c3b4a5968778695a4b3c2d1e0f9a8b7c6d',
  });
  return { baseline, current };
}
