// Adaptive rounds in the engine (src/engine/adaptive.ts) driven as the run loop drives it: each
// item is "run" by adding its SYNTHETIC samples before the next one is pulled.
import { describe, expect, it } from 'vitest';
import { planExtraRounds, type ExtraRoundsCandidate } from '../../../src/analysis/adaptive.js';
import { analyze, metricKeyOf } from '../../../src/analysis/index.js';
import { PRESETS } from '../../../src/config/presets.js';
import { adaptiveRecord, withExtraRounds } from '../../../src/engine/adaptive.js';
import { cellId, type PlannedCell, type ScheduledCell } from '../../../src/engine/plan.js';
import type { Results } from '../../../src/results/schema.js';
import { simPreset } from '../analysis/preset-sim.js';
import { simulate } from '../analysis/synthetic.js';

const policy = PRESETS.quick.rounds!;
const preset = simPreset('quick');
const envs = ['host', 'kvm'] as const;

function drive(shifted: number, shift: number, seed: number) {
  const baseline = simulate({ seed, metrics: preset.metrics, envs: [...envs], n: 6 });
  const shifts = new Map([[`kvm|${shifted}`, shift]]);
  // Every round the run could reach, drawn up front; a cell's samples appear when it "runs".
  const pool = simulate({
    seed: seed + 1,
    metrics: preset.metrics,
    envs: [...envs],
    n: policy.maxRuns,
    shifts,
  });
  const results: Results = { ...pool, samples: [], run: { ...pool.run } };
  results.run.adaptive = adaptiveRecord(policy, preset.enabled, (s) => preset.runs[s]);
  const planned: PlannedCell[] = envs.flatMap((env) =>
    preset.cells.map((c) => ({ env, cell: c.spec, runs: preset.runs[c.spec.suite] })),
  );
  const seconds = new Map(preset.cells.map((c) => [`${c.spec.suite}/${c.spec.key}`, c.seconds]));
  const planEvents: (readonly ScheduledCell[])[] = [];
  const lines: string[] = [];
  const order: ScheduledCell[] = [];
  for (const item of withExtraRounds(planned, {
    policy,
    baseline,
    analysis: {},
    results,
    cost: (id) => seconds.get(id.split('/').slice(1).join('/')) ?? 1,
    info: (l) => lines.push(l),
    onPlan: (items) => planEvents.push(items),
  })) {
    order.push(item);
    const prefix = `${cellId(item.env, item.cell)}.r${item.round}`;
    results.samples.push(...pool.samples.filter((s) => s.log === prefix));
  }
  return { baseline, results, order, planEvents, lines };
}

describe('adaptive rounds in the engine', () => {
  it('after the first rounds, extends the cell that moved (and its host’s), interleaved, and records the design', () => {
    const shifted = preset.metrics.findIndex((m) => m.suite === 'hackbench');
    const m = preset.metrics[shifted]!;
    // 8% slower at n = 6, CV 2%: suggestive, rarely decided at the first look's share of α.
    const { baseline, results, order, planEvents, lines } = drive(shifted, 0.08, 1400);
    const firstLook = order.filter((i) => i.round < 6);
    expect(firstLook).toHaveLength(2 * preset.cells.length * 6);
    const extra = order.slice(firstLook.length);
    expect(planEvents).toEqual([extra]);
    expect(extra.length).toBeGreaterThan(0);
    const ids = new Set(extra.map((i) => cellId(i.env, i.cell)));
    expect(ids).toContain(`kvm/hackbench/${m.cell}`);
    expect(ids).toContain(`host/hackbench/${m.cell}`);
    // Round by round, host before kvm inside a round; rounds continue from the preset's runs.
    const rounds = extra.map((i) => i.round);
    expect(rounds).toEqual([...rounds].sort((a, b) => a - b));
    expect(Math.min(...rounds)).toBe(6);
    expect(Math.max(...rounds)).toBeLessThan(policy.maxRuns);
    for (let k = 1; k < extra.length; k++) {
      if (extra[k]!.round === extra[k - 1]!.round && extra[k]!.env !== extra[k - 1]!.env)
        expect([extra[k - 1]!.env, extra[k]!.env]).toEqual(['host', 'kvm']);
    }
    expect(new Set(results.run.adaptive!.extended)).toEqual(ids);
    expect(results.run.adaptive!.extraRounds).toBe(Math.max(...rounds) - 5);
    expect(lines.join('\n')).toMatch(/^adaptive rounds: \d+ extra round\(s\) of \d+ cell\(s\)/);
    // The final analysis uses both looks and finds the cell.
    const a = analyze(results, { baseline, bootstrap: 0 });
    const key = metricKeyOf(m.metric, m.params);
    const cell = a.comparisons.find((c) => c.env === 'kvm' && c.metricKey === key)!;
    expect(cell.extraRounds).toBeGreaterThan(0);
    expect(cell.current!.n).toBeGreaterThan(6);
    expect(cell.verdict).toBe('regression');
    expect(a.design.alphaFirstLook).toBe(policy.alphaFirstLook);
  });

  it('without a policy the schedule is the plain one', () => {
    const planned: PlannedCell[] = [{ env: 'host', cell: preset.cells[0]!.spec, runs: 2 }];
    expect([...withExtraRounds(planned, undefined)].map((i) => i.round)).toEqual([0, 1]);
  });
});

describe('planExtraRounds', () => {
  const c = (cell: string, priority: number): ExtraRoundsCandidate => ({ cell, priority, why: cell });
  const cost = (id: string) => ({ a: 10, b: 10, c: 40 })[id] ?? 0;
  const policy = { maxRuns: 12, minExtraRounds: 3 };

  it('gives every chosen cell the same rounds: the most the budget allows, up to the cap', () => {
    expect(planExtraRounds([c('a', 0.001), c('b', 0.01)], cost, 6, 1000, policy)).toEqual({
      cells: ['a', 'b'],
      rounds: 6,
      leftOut: 0,
    });
    expect(planExtraRounds([c('a', 0.001), c('b', 0.01)], cost, 6, 80, policy)).toEqual({
      cells: ['a', 'b'],
      rounds: 4,
      leftOut: 0,
    });
  });

  it('leaves the least suggestive cells out when the budget cannot give them the minimum', () => {
    expect(planExtraRounds([c('a', 0.001), c('c', 0.01), c('b', 0.02)], cost, 6, 100, policy)).toEqual({
      cells: ['a'],
      rounds: 6,
      leftOut: 2,
    });
    expect(planExtraRounds([c('c', 0.001)], cost, 6, 100, policy)).toEqual({
      cells: [],
      rounds: 0,
      leftOut: 1,
    });
    expect(planExtraRounds([c('a', 0.001)], cost, 12, 1000, policy).rounds).toBe(0);
  });
});
