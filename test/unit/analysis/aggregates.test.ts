// Suite-level overheads (src/analysis/aggregates.ts) and their verdicts in analyze().
import { describe, expect, it } from 'vitest';
import {
  aggregateContrast,
  clusteredMean,
  designEffect,
  modelVariance,
  type CellPair,
} from '../../../src/analysis/aggregates.js';
import type { RawCell } from '../../../src/analysis/cells.js';
import { analyze } from '../../../src/analysis/index.js';
import { logContrast } from '../../../src/analysis/tests.js';
import { genericMetrics, simulate } from './synthetic.js';

function raw(values: number[], better: 'higher' | 'lower' = 'lower', rounds?: number[]): RawCell {
  return {
    env: 'e',
    suite: 'hackbench',
    metric: 'hackbench.time',
    params: {},
    metricKey: 'k',
    unit: 's',
    better,
    label: 'x',
    values,
    rounds: rounds ?? values.map((_, i) => i),
    warnings: 0,
    conflicts: [],
  };
}

describe('suite aggregates', () => {
  it('G is the geometric mean of env/host, oriented so that > 0 is worse, in both directions', () => {
    const pairs: CellPair[] = [
      { env: raw([1.1, 1.1], 'lower'), host: raw([1, 1], 'lower') }, // 10% slower
      { env: raw([80, 80], 'higher'), host: raw([100, 100], 'higher') }, // 20% less throughput
    ];
    const m = clusteredMean(pairs);
    expect(m.estimate).toBeCloseTo((Math.log(1.1) + Math.log(100 / 80)) / 2, 12);
    expect(m.rounds).toBe(2);
  });

  it('with every cell in every round, the clustered variance is the variance of the per-round aggregates / rounds', () => {
    const env = [
      [1.0, 1.05, 0.97, 1.02],
      [2.1, 2.0, 2.2, 2.05],
    ];
    const host = [
      [0.9, 0.92, 0.91, 0.95],
      [1.8, 1.85, 1.9, 1.82],
    ];
    const pairs = env.map((v, c) => ({ env: raw(v), host: raw(host[c]!) }));
    const perRound = [0, 1, 2, 3].map(
      (r) => (Math.log(env[0]![r]! / host[0]![r]!) + Math.log(env[1]![r]! / host[1]![r]!)) / 2,
    );
    const mean = perRound.reduce((a, b) => a + b) / 4;
    const v = perRound.reduce((a, b) => a + (b - mean) ** 2, 0) / 3 / 4;
    expect(clusteredMean(pairs).variance).toBeCloseTo(v, 14);
  });

  it('the model variance is (1/K²) Σ (s²/n) of the cells, and the contrast of equal sides is the Welch contrast of the 4K groups', () => {
    const a = [1.0, 1.05, 0.97];
    const b = [0.9, 0.92, 0.91];
    const pairs = [{ env: raw(a), host: raw(b) }];
    const lv = (x: number[]) => {
      const l = x.map(Math.log);
      const m = l.reduce((s, y) => s + y) / l.length;
      return l.reduce((s, y) => s + (y - m) ** 2, 0) / (l.length - 1);
    };
    expect(modelVariance(pairs)).toBeCloseTo(lv(a) / 3 + lv(b) / 3, 14);
    const base = [{ env: raw([1.01, 1.0, 1.02]), host: raw([0.9, 0.91, 0.9]) }];
    const c = aggregateContrast(pairs, base, { phi: 0.5, df: 10 }, 0.05);
    const welch = logContrast(
      [
        { values: a, sign: 1 },
        { values: b, sign: -1 },
        { values: [1.01, 1.0, 1.02], sign: -1 },
        { values: [0.9, 0.91, 0.9], sign: 1 },
      ],
      0.05,
    );
    expect(c.p).toBeCloseTo(welch.p, 12);
    expect(c.se).toBeCloseTo(welch.se, 14);
  });

  it('a design effect above 1 widens the test by √φ and caps its df at φ’s', () => {
    const pairs = [{ env: raw([1.0, 1.05, 0.97]), host: raw([0.9, 0.92, 0.91]) }];
    const base = [{ env: raw([1.01, 1.0, 1.02]), host: raw([0.9, 0.91, 0.9]) }];
    const plain = aggregateContrast(pairs, base, { phi: 1, df: 4 }, 0.05);
    const wide = aggregateContrast(pairs, base, { phi: 4, df: 4 }, 0.05);
    expect(wide.se).toBeCloseTo(2 * plain.se, 14);
    expect(wide.df).toBe(Math.min(plain.df, 4));
    expect(wide.p).toBeGreaterThan(plain.p);
  });

  it('the design effect is the ratio of summed clustered to summed model variances', () => {
    const m = (variance: number, rounds: number) => ({ estimate: 0, variance, rounds, cells: 1 });
    expect(
      designEffect([
        { clustered: m(2, 3), model: 1 },
        { clustered: m(4, 3), model: 1 },
      ]),
    ).toEqual({ phi: 3, df: 4 });
    // One round has no clustered variance: left out.
    expect(designEffect([{ clustered: m(NaN, 1), model: 1 }])).toEqual({ phi: 1, df: 0 });
  });

  it('analyze(): one aggregate per environment × suite, with the cells it holds, and a suite-wide slowdown found there', () => {
    const metrics = genericMetrics(40, 0.02);
    const baseline = simulate({ seed: 3, metrics, n: 3 });
    const shifts = new Map(
      metrics.flatMap((m, i) => (m.suite === 'iozone' ? [[`kvm|${i}`, 0.05] as const] : [])),
    );
    const current = simulate({ seed: 4, metrics, n: 3, shifts });
    const a = analyze(current, { baseline, bootstrap: 0 });
    expect(a.aggregates.map((g) => `${g.env}/${g.suite}`).sort()).toEqual([
      'docker/hackbench',
      'docker/iozone',
      'kvm/hackbench',
      'kvm/iozone',
      'xen-dom0/hackbench',
      'xen-dom0/iozone',
      'xen-domu/hackbench',
      'xen-domu/iozone',
    ]);
    const kvm = a.aggregates.find((g) => g.env === 'kvm' && g.suite === 'iozone')!;
    expect(kvm.cells).toBe(20);
    expect(kvm.verdict).toBe('regression');
    expect(kvm.change!).toBeGreaterThan(0.03);
    expect(kvm.change!).toBeLessThan(0.07);
    expect(a.headline.aggregateRegressions).toEqual([kvm]);
    expect(a.headline.status).toBe('regression');
    expect(kvm.sentence).toMatch(
      /^KVM IOzone overhead \(geometric mean of 20 cells\) grew from 10\.\d% to 1[45]\.\d%/,
    );
    for (const g of a.aggregates.filter((x) => x !== kvm)) {
      expect(g.verdict).toBe('unchanged');
      expect(g.mde).not.toBeNull();
    }
  });

  it('the current run alone gets a suite overhead with an interval', () => {
    const r = simulate({ seed: 5, metrics: genericMetrics(10, 0.01), n: 5, envs: ['host', 'kvm'] });
    const a = analyze(r, { bootstrap: 0 });
    expect(a.suiteOverheads.map((s) => [s.env, s.suite, s.cells, s.rounds])).toEqual([
      ['kvm', 'iozone', 5, 5],
      ['kvm', 'hackbench', 5, 5],
    ]);
    for (const s of a.suiteOverheads) {
      expect(s.overhead).toBeGreaterThan(0.08);
      expect(s.overhead).toBeLessThan(0.12);
      expect(s.ciLow!).toBeLessThan(s.overhead);
      expect(s.ciHigh!).toBeGreaterThan(s.overhead);
    }
  });
});
