// The "done means" simulations of issue 4, small enough for the unit suite (seeded, so the
// figures are reproducible; the larger runs, with heavier tails too, are in
// bench/analysis-simulation.bench.ts). One trial = one full report: 150 metrics × 5
// environments, n = 10 per side, baseline and current drawn independently, every absolute
// and overhead test (1,350) and the 8 suite aggregates in one family (weighted Holm with
// drill-down, src/analysis/hierarchy.ts).
import { describe, expect, it } from 'vitest';
import { analyze, metricKeyOf } from '../../../src/analysis/index.js';
import { genericMetrics, simulate } from './synthetic.js';

const METRICS = genericMetrics(150, 0.01);

function trial(seed: number, shifts?: Map<string, number>) {
  const baseline = simulate({ seed: seed * 2 + 1, metrics: METRICS });
  const current = simulate({ seed: seed * 2 + 2, metrics: METRICS, ...(shifts ? { shifts } : {}) });
  // bootstrap 0: overhead intervals are not part of a verdict; skipping them keeps this fast.
  return analyze(current, { baseline, bootstrap: 0 });
}

describe('simulation (seeded)', () => {
  it('A/A: at most 5% of reports flag any regression', () => {
    const trials = 100;
    let flagged = 0;
    for (let t = 0; t < trials; t++) {
      const a = trial(1000 + t);
      // 750 absolute + 600 overhead cells, and 4 environments × 2 suites of aggregates.
      expect(a.headline.tests).toBe(150 * 5 + 150 * 4 + 8);
      if (a.headline.status === 'regression') flagged++;
    }
    expect(flagged / trials).toBeLessThanOrEqual(0.05);
  }, 300_000);

  it('a 5% slowdown (CV 1%, n = 10) of one cell is flagged in ≥ 95% of reports, as absolute and as overhead regression', () => {
    const trials = 60;
    let flagged = 0;
    let overheadFlagged = 0;
    let others = 0;
    for (let t = 0; t < trials; t++) {
      const idx = (t * 7) % 150;
      const m = METRICS[idx]!;
      const key = metricKeyOf(m.metric, m.params);
      const a = trial(5000 + t, new Map([[`kvm|${idx}`, 0.05]]));
      const target = a.comparisons.find((c) => c.env === 'kvm' && c.metricKey === key)!;
      if (target.verdict === 'regression') flagged++;
      if (a.headline.overheadRegressions.some((o) => o.env === 'kvm' && o.metricKey === key))
        overheadFlagged++;
      others += a.headline.regressions.filter((r) => r !== target).length;
    }
    expect(flagged / trials).toBeGreaterThanOrEqual(0.95);
    expect(overheadFlagged / trials).toBeGreaterThanOrEqual(0.95);
    // And the shift does not drag other cells along.
    expect(others).toBeLessThanOrEqual(3);
  }, 300_000);
});
