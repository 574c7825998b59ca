import { describe, expect, it } from 'vitest';
import { EtaEstimator } from '../../../src/engine/eta.js';
import { PlanError } from '../../../src/engine/errors.js';
import {
  checkPlan,
  groupByBootMode,
  MAX_PLANNED_CELL_RUNS,
  schedule,
  type PlannedCell,
} from '../../../src/engine/plan.js';
import { formatCellLine, formatDuration } from '../../../src/engine/reporter.js';

const cell = (env: string, key: string, runs: number): PlannedCell => ({
  env,
  runs,
  cell: { suite: 'hackbench', key, params: {}, argv: ['hackbench'] },
});

describe('plan', () => {
  it('groups by boot mode, linux first, config order kept', () => {
    const g = groupByBootMode([
      { id: 'dom0', bootMode: 'xen' as const },
      { id: 'host', bootMode: 'linux' as const },
      { id: 'domu', bootMode: 'xen' as const },
      { id: 'kvm', bootMode: 'linux' as const },
    ]);
    expect(g.map((x) => [x.bootMode, x.envs.map((e) => e.id)])).toEqual([
      ['linux', ['host', 'kvm']],
      ['xen', ['dom0', 'domu']],
    ]);
    expect(groupByBootMode([{ id: 'dom0', bootMode: 'xen' as const }]).map((x) => x.bootMode)).toEqual([
      'xen',
    ]);
  });

  it('interleaves rounds across environments; a suite with fewer runs drops out of later rounds', () => {
    const s = schedule([cell('a', 'x', 2), cell('a', 'y', 1), cell('b', 'x', 2)]);
    expect(s.map((c) => `${c.round}:${c.env}/${c.cell.key}`)).toEqual([
      '0:a/x',
      '0:a/y',
      '0:b/x',
      '1:a/x',
      '1:b/x',
    ]);
  });
});

describe('progress', () => {
  it('estimates from what each cell took, else the mean', () => {
    const e = new EtaEstimator();
    expect(e.estimate(['a'])).toBeUndefined();
    e.record('a', 1000);
    e.record('a', 3000);
    e.record('b', 8000);
    // a: 2000 each; unknown c: the mean (4000)
    expect(e.estimate(['a', 'a', 'b', 'c'])).toBe(2000 + 2000 + 8000 + 4000);
  });

  it("a cell not measured yet: its nominal time, scaled as its environment's cells of that suite ran so far", () => {
    const nominal = new Map([
      ['kvm/hackbench/g1', { ms: 100, group: 'kvm/hackbench' }],
      ['kvm/hackbench/g4', { ms: 400, group: 'kvm/hackbench' }],
      ['kvm/unixbench/dhry2reg', { ms: 15_000, group: 'kvm/unixbench' }],
    ]);
    const e = new EtaEstimator(0, nominal);
    // The TCG guest's hackbench ran 10 × its nominal: g4 is expected at 10 × 400 ms; the
    // UnixBench test, never measured, at its nominal 15 s (not the 1 s mean of what ran).
    e.record('kvm/hackbench/g1', 1000);
    expect(e.estimate(['kvm/hackbench/g4'])).toBe(4000);
    expect(e.estimate(['kvm/unixbench/dhry2reg'])).toBe(15_000);
    // A cell without a nominal time: the mean.
    expect(e.estimate(['other/x'])).toBe(1000);
  });

  it('counts the boot switches still to come: as measured, else as configured', () => {
    // A quick run's cells took 25 s in all, but the switch to Xen took 1 min 50 s: the ETA
    // said 0:25 before it.
    const e = new EtaEstimator(120_000);
    e.record('a', 25_000);
    expect(e.estimate(['a'], 0)).toBe(25_000);
    expect(e.estimate(['a'], 2)).toBe(25_000 + 2 * 120_000);
    e.recordSwitch(110_000);
    expect(e.estimate(['a'], 1)).toBe(25_000 + 110_000);
  });

  it('prints one line per cell with elapsed time and ETA', () => {
    expect(formatDuration(3_725_000)).toBe('1:02:05');
    expect(formatDuration(65_000)).toBe('1:05');
    expect(
      formatCellLine({
        index: 3,
        total: 12,
        env: 'host',
        suite: 'hackbench',
        key: 'process-socket-g1',
        round: 0,
        runs: 3,
        status: 'ok',
        samples: 1,
        durationMs: 1660,
        elapsedMs: 65_000,
        etaMs: 125_000,
      }),
    ).toBe('[ 3/12] host hackbench process-socket-g1 run 1/3 ok 1.66s · elapsed 1:05 · ETA 2:05');
    expect(
      formatCellLine({
        index: 12,
        total: 12,
        env: 'kvm',
        suite: 'iozone',
        key: 's64k',
        round: 2,
        runs: 3,
        status: 'failed',
        message: 'iozone: killed at the cell timeout (60s)\nmore',
        samples: 0,
        durationMs: 60_000,
        elapsedMs: 3_600_000,
      }),
    ).toBe(
      '[12/12] kvm iozone s64k run 3/3 FAILED 60.00s: iozone: killed at the cell timeout (60s) more · elapsed 1:00:00 · ETA ?',
    );
  });
});

describe('grouped reporter (Actions log sections)', () => {
  it('closes an open section before opening the next, and at groupEnd', async () => {
    const { groupedReporter } = await import('../../../src/engine/reporter.js');
    const calls: string[] = [];
    const r = groupedReporter({
      startGroup: (t) => calls.push(`start ${t}`),
      endGroup: () => calls.push('end'),
      info: (l) => calls.push(`info ${l}`),
      warning: (l) => calls.push(`warning ${l}`),
    });
    r.groupStart('prepare host (host)');
    r.info('x');
    r.groupStart('round 1: host');
    r.warn('y');
    r.groupEnd();
    r.groupEnd();
    expect(calls).toEqual([
      'start prepare host (host)',
      'info x',
      'end',
      'start round 1: host',
      'warning y',
      'end',
    ]);
  });
});

describe('plan checks, before anything runs', () => {
  const why = { noEnvironments: 'no environment is configured', noSuites: 'every suite is disabled' };
  it('a run that would measure nothing is refused, with the reason', () => {
    expect(() => checkPlan([], [{ suite: 'hackbench', cells: 2, runs: 3 }], why)).toThrow(
      new PlanError('nothing to measure: no environment is configured'),
    );
    expect(() => checkPlan(['host'], [], why)).toThrow(
      new PlanError('nothing to measure: every suite is disabled'),
    );
  });
  it('a plan over the cap is refused without building it', () => {
    // runs: 9007199254740991 passed validation and ran the heap out of memory.
    const huge = [{ suite: 'hackbench', cells: 4, runs: Number.MAX_SAFE_INTEGER }];
    expect(() => checkPlan(['host'], huge, why)).toThrow(
      /over the cap of 100,000; the largest part is hackbench/,
    );
    expect(checkPlan(['host', 'kvm'], [{ suite: 'hackbench', cells: 4, runs: 10 }], why)).toBe(80);
    expect(() =>
      checkPlan(['host'], [{ suite: 'iozone', cells: 1, runs: MAX_PLANNED_CELL_RUNS + 1 }], why),
    ).toThrow(PlanError);
  });
});
