import { describe, expect, it } from 'vitest';
import { analyze, metricKeyOf } from '../../../src/analysis/index.js';
import type { Results } from '../../../src/results/schema.js';
import { paperFixtures, simulate, type SimMetric } from './synthetic.js';

const RR: SimMetric = {
  suite: 'netperf',
  metric: 'netperf.tcp_rr.rate',
  params: { request_bytes: 1, response_bytes: 1 },
  unit: 'trans/s',
  better: 'higher',
  base: 10_000,
  overhead: { kvm: 0.325 },
};
const HB: SimMetric = {
  suite: 'hackbench',
  metric: 'hackbench.time',
  params: { tasks: 40 },
  unit: 's',
  better: 'lower',
  base: 0.5,
  overhead: { kvm: 0.1 },
};

function pair(opts: { cv?: number; shift?: number; cvCurrent?: number } = {}) {
  const baseline = simulate({ seed: 11, metrics: [RR, HB], envs: ['host', 'kvm'], cv: opts.cv ?? 0.01 });
  const current = simulate({
    seed: 12,
    metrics: [RR, HB],
    envs: ['host', 'kvm'],
    cv: opts.cvCurrent ?? opts.cv ?? 0.01,
    ...(opts.shift !== undefined ? { shifts: new Map([['kvm|0', opts.shift]]) } : {}),
  });
  return { baseline, current };
}

const rrKey = metricKeyOf(RR.metric, RR.params);

describe('analyze()', () => {
  it('writes the lift-able overhead sentence from exact values', () => {
    const r = simulate({ seed: 1, metrics: [RR], envs: ['host', 'kvm'], cv: 0 });
    const a = analyze(r);
    expect(a.overheads).toHaveLength(1);
    expect(a.overheads[0]!.sentence).toBe('KVM TCP_RR 1/1 B overhead 32.5% ± 0.0% (n=10)');
    expect(a.headline.status).toBe('no-baseline');
    expect(a.options.hostEnv).toBe('host');
  });

  it('finds exactly what was injected into the synthetic paper fixtures', () => {
    const { baseline, current } = paperFixtures();
    const a = analyze(current, { baseline });
    expect(a.headline.status).toBe('regression');
    expect(a.headline.overheadRegressions.map((o) => `${o.env} ${o.label}`).sort()).toEqual([
      'kvm TCP_RR 1/1 B',
      'xen-domu hackbench 640 tasks (process, socket)',
    ]);
    expect(a.headline.regressions.map((o) => `${o.env} ${o.label}`).sort()).toEqual([
      'kvm TCP_RR 1/1 B',
      'xen-domu hackbench 640 tasks (process, socket)',
    ]);
    const missing = a.comparisons.filter((c) => c.verdict === 'missing');
    expect(missing.map((c) => `${c.env} ${c.label}`)).toEqual(['xen-domu TCP_CRR 1/1 B']);
    expect(missing[0]!.reason).toBe(
      'failed in 10 run(s) (timeout): netperf: timed out after 120 s (no response from netserver)',
    );
    expect(a.failures).toHaveLength(1);
    // Plain JSON: survives a round trip unchanged.
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it('5% slower on KVM only: absolute and overhead regression; host unchanged', () => {
    const { baseline, current } = pair({ shift: 0.08 });
    const a = analyze(current, { baseline });
    const abs = a.comparisons.find((c) => c.env === 'kvm' && c.metricKey === rrKey)!;
    expect(abs.verdict).toBe('regression');
    expect(abs.change!).toBeGreaterThan(0.05);
    expect(a.comparisons.find((c) => c.env === 'host' && c.metricKey === rrKey)!.verdict).toBe('unchanged');
    expect(a.headline.overheadRegressions.map((o) => o.metricKey)).toEqual([rrKey]);
    expect(a.headline.overheadRegressions[0]!.sentence).toMatch(
      /^KVM TCP_RR 1\/1 B overhead grew from 3\d\.\d% to 3\d\.\d%/,
    );
  });

  it('an improvement is not a regression', () => {
    const { baseline, current } = pair({ shift: -0.1 });
    const a = analyze(current, { baseline });
    expect(a.comparisons.find((c) => c.env === 'kvm' && c.metricKey === rrKey)!.verdict).toBe('improvement');
    expect(a.headline.status).toBe('ok');
  });

  it('a precise change smaller than the minimum effect is unchanged, with the reason', () => {
    const { baseline, current } = pair({ cv: 0.001, shift: 0.02 });
    const a = analyze(current, { baseline });
    const c = a.comparisons.find((x) => x.env === 'kvm' && x.metricKey === rrKey)!;
    expect(c.pAdjusted!).toBeLessThan(0.05);
    expect(c.verdict).toBe('unchanged');
    expect(c.reason).toBe('significant but within the minimum effect (5%)');
    expect(analyze(current, { baseline, minEffect: 0.01 }).headline.status).toBe('regression');
  });

  it('CV above the limit: erratic, not tested', () => {
    const { baseline, current } = pair({ cvCurrent: 0.4 });
    const a = analyze(current, { baseline, maxCv: 0.25 });
    const c = a.comparisons.find((x) => x.env === 'kvm' && x.metricKey === rrKey)!;
    expect(c.verdict).toBe('erratic');
    expect(c.reason).toMatch(/^CV \d+\.\d% > 25% \(current\)$/);
    expect(c.pAdjusted).toBeNull();
  });

  it('a changed kernel is a change under test: compared, and reported beside the verdicts; expectSame makes it incomparable', () => {
    const { baseline, current } = pair();
    const changed: Results = structuredClone(current);
    changed.environments[1]!.fingerprint.kernel = '6.6.0-custom';
    const a = analyze(changed, { baseline });
    expect(a.comparisons.every((c) => c.verdict === 'unchanged')).toBe(true);
    expect(a.overheadComparisons.every((c) => c.verdict === 'unchanged')).toBe(true);
    expect(a.headline.status).toBe('ok');
    expect(a.fingerprintDifferences).toEqual([
      {
        env: 'kvm',
        key: 'kernel',
        baseline: '6.1.0-28-armmp-lpae',
        current: '6.6.0-custom',
        expected: true,
        class: 'under-test',
        suite: null,
      },
    ]);
    expect(a.notes).toEqual([
      "This run's kernel differs from the baseline's (KVM: 6.1.0-28-armmp-lpae → 6.6.0-custom), a change under test: the verdicts include its effect.",
    ]);
    const strict = analyze(changed, { baseline, expectSame: ['kernel'] });
    const kvm = strict.comparisons.filter((c) => c.env === 'kvm');
    expect(kvm.every((c) => c.verdict === 'incomparable')).toBe(true);
    expect(kvm[0]!.reason).toBe('kernel: 6.1.0-28-armmp-lpae → 6.6.0-custom');
    expect(strict.comparisons.filter((c) => c.env === 'host').every((c) => c.verdict === 'unchanged')).toBe(
      true,
    );
    expect(strict.overheadComparisons.every((c) => c.verdict === 'incomparable')).toBe(true);
    expect(strict.aggregates.every((c) => c.verdict === 'incomparable')).toBe(true);
    // The host's cells were still tested: not a report in which nothing was compared.
    expect(strict.headline.status).toBe('ok');
  });

  it('a changed CPU model is a change of setup: every cell incomparable, status incomparable, and the first line says why; expectChanges compares anyway', () => {
    const { baseline, current } = pair();
    const changed: Results = structuredClone(current);
    for (const e of changed.environments) e.fingerprint.cpuModel = 'ARMv7 Processor rev 3 (v7l) Cortex-A7';
    const a = analyze(changed, { baseline });
    expect(a.comparisons.every((c) => c.verdict === 'incomparable')).toBe(true);
    expect(a.overheadComparisons.every((c) => c.verdict === 'incomparable')).toBe(true);
    expect(a.aggregates.every((c) => c.verdict === 'incomparable')).toBe(true);
    expect(a.headline.status).toBe('incomparable');
    expect(a.headline.tests).toBe(0);
    expect(a.headline.reason).toBe(
      'Nothing could be compared with the baseline: the setup changed (cpuModel on host: ARMv7 Processor rev 4 (v7l) Cortex-A15 → ARMv7 Processor rev 3 (v7l) Cortex-A7; cpuModel on kvm: ARMv7 Processor rev 4 (v7l) Cortex-A15 → ARMv7 Processor rev 3 (v7l) Cortex-A7). Run the baseline on this setup, or declare the change with expect-change.',
    );
    const declared = analyze(changed, { baseline, expectChanges: ['cpuModel'] });
    expect(declared.headline.status).toBe('ok');
    expect(declared.notes[0]).toMatch(/^This run's cpuModel differs .* a setup change declared expected/);
  });

  it('classifies every compared fingerprint key, and tool versions, scratch and netperf peers affect only their suite', () => {
    const { baseline, current } = pair();
    const changed: Results = structuredClone(current);
    const fp = changed.environments[1]!.fingerprint;
    fp.toolVersions = { ...fp.toolVersions, netperf: '2.7.1' };
    fp['scratch'] = { path: '/var/tmp', source: 'tmpfs', fstype: 'tmpfs' };
    const b: Results = structuredClone(baseline);
    b.environments[1]!.fingerprint['scratch'] = { source: '/dev/vdb', path: '/var/tmp', fstype: 'ext4' };
    const a = analyze(changed, { baseline: b });
    const kvm = (suite: string) => a.comparisons.find((c) => c.env === 'kvm' && c.suite === suite)!;
    expect(kvm('netperf').verdict).toBe('incomparable');
    expect(kvm('netperf').reason).toBe('toolVersions.netperf: 2.7.0 → 2.7.1');
    expect(kvm('hackbench').verdict).toBe('unchanged');
    expect(a.fingerprintDifferences.map((d) => [d.key, d.class, d.suite])).toEqual([
      ['scratch', 'setup', 'iozone'],
      ['toolVersions.netperf', 'setup', 'netperf'],
    ]);
    // The same object with its keys in another order is no difference.
    expect(a.fingerprintDifferences.find((d) => d.key === 'scratch')!.baseline).toBe(
      '{"fstype":"ext4","path":"/var/tmp","source":"/dev/vdb"}',
    );
  });

  it('IOzone on RAM against IOzone on a disk, or netperf against another peer, is not compared: only that suite of that environment is incomparable', () => {
    const IOZ: SimMetric = {
      suite: 'iozone',
      metric: 'iozone.write',
      params: { file_kb: 1024, record_kb: 4 },
      unit: 'kB/s',
      better: 'higher',
      base: 200_000,
      overhead: { kvm: 0.2 },
    };
    const sim = (seed: number) => simulate({ seed, metrics: [RR, HB, IOZ], envs: ['host', 'kvm'], cv: 0.01 });
    const baseline = sim(21);
    const current = sim(22);
    const kvmFp = (r: Results) => r.environments.find((e) => e.id === 'kvm')!.fingerprint;
    kvmFp(baseline)['scratch'] = { path: '/mnt/avb', source: '/dev/vda', fstype: 'ext4' };
    kvmFp(current)['scratch'] = { path: '/tmp', source: 'tmpfs', fstype: 'tmpfs' };
    kvmFp(baseline)['netperfPeer'] = { kind: 'controller', address: '192.168.213.1', via: 'bridge' };
    kvmFp(current)['netperfPeer'] = { kind: 'self', address: '127.0.0.1', via: 'loopback' };
    const a = analyze(current, { baseline });
    const cell = (env: string, suite: string) =>
      a.comparisons.find((c) => c.env === env && c.suite === suite)!;
    expect(cell('kvm', 'iozone').verdict).toBe('incomparable');
    expect(cell('kvm', 'iozone').reason).toMatch(/^scratch: .*"fstype":"ext4".* → .*"fstype":"tmpfs"/);
    expect(cell('kvm', 'netperf').verdict).toBe('incomparable');
    expect(cell('kvm', 'netperf').reason).toMatch(/^netperfPeer: .*controller.* → .*self/);
    // The other suites of the guest and every host cell are still compared.
    expect(cell('kvm', 'hackbench').verdict).toBe('unchanged');
    for (const suite of ['iozone', 'netperf', 'hackbench'])
      expect(cell('host', suite).verdict, suite).toBe('unchanged');
    expect(a.headline.status).toBe('ok');
    // Declared on purpose (a PR that moves the guest's scratch to a new disk): compared.
    const declared = analyze(current, { baseline, expectChanges: ['scratch'] });
    expect(declared.comparisons.find((c) => c.env === 'kvm' && c.suite === 'iozone')!.verdict).not.toBe(
      'incomparable',
    );
  });

  it('KVM is compared as facts (/dev/kvm, mode), not as the kernel-log lines, whose window moves', () => {
    const { baseline, current } = pair();
    const withKvm = (r: Results, line: string): Results => {
      const c = structuredClone(r);
      c.environments[0]!.fingerprint.kvm = line;
      return c;
    };
    const verdicts = (a: ReturnType<typeof analyze>, env: string) =>
      a.comparisons.filter((c) => c.env === env).map((c) => [c.verdict, c.reason]);
    // Two runs of one CI machine (the real lines): the ring buffer had rotated the boot lines out.
    const ci = analyze(
      withKvm(current, '/dev/kvm present; kvm-guest: APIC: eoi() replaced with kvm_guest_apic_eoi_write()'),
      {
        baseline: withKvm(
          baseline,
          '/dev/kvm present; Hypervisor detected: KVM; kvm-clock: Using msrs 4b564d01 and 4b564d00',
        ),
      },
    );
    expect(verdicts(ci, 'host')).toEqual([
      ['unchanged', null],
      ['unchanged', null],
    ]);
    // A board whose log lost the boot line but gained a guest's line: still the same KVM.
    const board = analyze(
      withKvm(current, '/dev/kvm present; kvm [812]: Unsupported guest sys_reg access at: 4f2a1c'),
      {
        baseline: withKvm(
          baseline,
          '/dev/kvm present; kvm [1]: IPA Size Limit: 44 bits; kvm [1]: VHE mode initialized successfully',
        ),
      },
    );
    expect(board.comparisons.every((c) => c.verdict === 'unchanged')).toBe(true);
    expect(board.fingerprintDifferences).toEqual([]);
    // What does matter: /dev/kvm gone, or KVM in another mode. A change under test (the kernel
    // decides it): reported and compared by default, incomparable where it must stay the same.
    const reported = analyze(withKvm(current, '/dev/kvm absent; kvm [1]: HYP mode not available'), {
      baseline: withKvm(baseline, '/dev/kvm present; kvm [1]: Hyp mode initialized successfully'),
    });
    expect(verdicts(reported, 'host')[0]).toEqual(['unchanged', null]);
    expect(reported.fingerprintDifferences.map((d) => [d.key, d.class, d.expected])).toEqual([
      ['kvm', 'under-test', true],
    ]);
    const gone = analyze(withKvm(current, '/dev/kvm absent; kvm [1]: HYP mode not available'), {
      baseline: withKvm(baseline, '/dev/kvm present; kvm [1]: Hyp mode initialized successfully'),
      expectSame: ['kvm'],
    });
    expect(verdicts(gone, 'host')[0]).toEqual([
      'incomparable',
      'kvm: /dev/kvm present; KVM hyp (nVHE) mode → /dev/kvm absent; HYP mode not available',
    ]);
    const mode = analyze(withKvm(current, '/dev/kvm present; kvm [1]: Hyp mode initialized successfully'), {
      baseline: withKvm(baseline, '/dev/kvm present; kvm [1]: VHE mode initialized successfully'),
      expectSame: ['kvm'],
    });
    expect(verdicts(mode, 'host')[0]).toEqual([
      'incomparable',
      'kvm: /dev/kvm present; KVM VHE mode → /dev/kvm present; KVM hyp (nVHE) mode',
    ]);
    const pkvm = analyze(
      withKvm(current, '/dev/kvm present; kvm [1]: Protected nVHE mode initialized successfully'),
      {
        baseline: withKvm(baseline, '/dev/kvm present; kvm [1]: VHE mode initialized successfully'),
        expectSame: ['kvm'],
      },
    );
    expect(verdicts(pkvm, 'host')[0]).toEqual([
      'incomparable',
      'kvm: /dev/kvm present; KVM VHE mode → /dev/kvm present; KVM protected nVHE (pKVM) mode',
    ]);
  });

  it('memory read from inside is the same within 1% (MemTotal moves by pages between boots and kernel builds); beyond, a change of setup', () => {
    const { baseline, current } = pair();
    const withMem = (r: Results, bytes: number): Results => {
      const c = structuredClone(r);
      for (const e of c.environments) {
        e.fingerprint.memoryBytes = bytes;
        e.fingerprint.memoryLimitBytes = Math.min(bytes, 2 ** 30);
      }
      return c;
    };
    // Two boots of the lab board, one image (the real MemTotal readings): 4 KiB apart.
    const boots = analyze(withMem(current, 3130900480), { baseline: withMem(baseline, 3130904576) });
    expect(boots.fingerprintDifferences).toEqual([]);
    expect(boots.comparisons.every((c) => c.verdict !== 'incomparable')).toBe(true);
    // A deployed kernel that reserves 16 MiB more (0.5%): the same board.
    const build = analyze(withMem(current, 3130904576 - (16 << 20)), {
      baseline: withMem(baseline, 3130904576),
    });
    expect(build.fingerprintDifferences).toEqual([]);
    // The board with 2 GiB instead of 3: another setup, every cell incomparable.
    const ram = analyze(withMem(current, 2079186944), { baseline: withMem(baseline, 3130904576) });
    expect(ram.fingerprintDifferences.map((d) => [d.env, d.key, d.class, d.expected])).toEqual([
      ['host', 'memoryBytes', 'setup', false],
      ['kvm', 'memoryBytes', 'setup', false],
    ]);
    expect(ram.comparisons.every((c) => c.verdict === 'incomparable')).toBe(true);
  });

  it('the whole machine 30% slower: absolute regressions everywhere, no overhead regression, and a note that the host itself moved', () => {
    const baseline = simulate({ seed: 11, metrics: [RR, HB], envs: ['host', 'kvm'], cv: 0.01 });
    const shifts = new Map(['host|0', 'host|1', 'kvm|0', 'kvm|1'].map((k) => [k, 0.3]));
    const current = simulate({ seed: 12, metrics: [RR, HB], envs: ['host', 'kvm'], cv: 0.01, shifts });
    const a = analyze(current, { baseline });
    expect(a.comparisons.map((c) => c.verdict)).toEqual([
      'regression',
      'regression',
      'regression',
      'regression',
    ]);
    expect(a.headline.overheadRegressions).toEqual([]);
    expect(a.overheadComparisons.map((c) => c.verdict)).toEqual(['unchanged', 'unchanged']);
    expect(a.notes).toHaveLength(1);
    expect(a.notes[0]).toMatch(
      /^The host itself changed between the two runs in 2 of 2 cells \(TCP_RR 1\/1 B (29|30)\.\d% worse; hackbench 40 tasks (29|30)\.\d% worse\): the absolute verdicts .* the overhead verdicts compare each environment with the host of its own run and do not\.$/,
    );
    // Without a move of the host there is no such note; nor for a run of the host alone.
    const still = pair();
    expect(analyze(still.current, { baseline: still.baseline }).notes).toEqual([]);
    const hostOnly = (r: Results): Results => ({
      ...r,
      environments: r.environments.filter((e) => e.id === 'host'),
      samples: r.samples.filter((x) => x.env === 'host'),
    });
    const alone = analyze(hostOnly(current), { baseline: hostOnly(baseline) });
    expect(alone.headline.regressions).toHaveLength(2);
    expect(alone.notes).toEqual([]);
  });

  it('a tool version only affects its own suite', () => {
    const { baseline, current } = pair();
    const changed: Results = structuredClone(current);
    changed.environments[1]!.fingerprint.toolVersions = {
      'rt-tests': '2.5',
      netperf: '2.7.1',
      iozone: '3.429',
    };
    const a = analyze(changed, { baseline });
    expect(a.comparisons.find((c) => c.env === 'kvm' && c.suite === 'netperf')!.reason).toBe(
      'toolVersions.netperf: 2.7.0 → 2.7.1',
    );
    expect(a.comparisons.find((c) => c.env === 'kvm' && c.suite === 'hackbench')!.verdict).toBe('unchanged');
  });

  it('a skipped environment: its cells are missing with the reason', () => {
    const { baseline, current } = pair();
    const skipped: Results = structuredClone(current);
    skipped.environments[1]!.skipped = 'KVM: no /dev/kvm (32-bit ARM kernel ≥ 5.7 has no KVM host support)';
    skipped.samples = skipped.samples.filter((s) => s.env !== 'kvm');
    const a = analyze(skipped, { baseline });
    const kvm = a.comparisons.filter((c) => c.env === 'kvm');
    expect(kvm.map((c) => c.verdict)).toEqual(['missing', 'missing']);
    expect(kvm[0]!.reason).toBe(
      'environment skipped: KVM: no /dev/kvm (32-bit ARM kernel ≥ 5.7 has no KVM host support)',
    );
    expect(a.environments.find((e) => e.id === 'kvm')!.skipped).toMatch(/^KVM: no/);
  });

  it('rejects bad options with the option name', () => {
    const { current } = pair();
    expect(() => analyze(current, { minEffect: 5 })).toThrow(/minEffect/);
    expect(() => analyze(current, { hostEnv: 'nope' })).toThrow(/hostEnv 'nope'/);
    expect(() => analyze(current, { correction: 'bonferroni' as 'holm' })).toThrow(/correction/);
  });
});
