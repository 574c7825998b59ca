/**
 * What a PR verdict can see: simulations over a preset's real cell list and round policy
 * (test/unit/analysis/preset-sim.ts), CV 2%, every test of a report in one family. Seeded:
 * the same table every time. Prints Markdown tables (docs/analysis.md, README); the bench
 * timing is incidental.
 * Run: npx vitest bench --run --project unit bench/analysis-power.bench.ts
 * (AVB_POWER_TRIALS sets the trials per scenario, default 200; AVB_POWER_ONLY=name,name picks tables.)
 */
import { bench, describe } from 'vitest';
import { metricKeyOf, type AnalyzeOptions } from '../src/analysis/index.js';
import { PRESETS, type RoundPolicy } from '../src/config/presets.js';
import type { SuiteOverrides } from '../src/config/suites.js';
import type { EnvironmentKind, SuiteId } from '../src/results/schema.js';
import { simPreset, trial, wallSeconds, type SimPreset } from '../test/unit/analysis/preset-sim.js';

const TRIALS = Number(process.env['AVB_POWER_TRIALS'] ?? 200);
const ONLY = process.env['AVB_POWER_ONLY']?.split(',');
const pct = (x: number, n: number) => `${((100 * x) / n).toFixed(1)}%`;

/** The quick preset's cells before this change (issue 14). */
const OLD_QUICK_SUITES: SuiteOverrides = {
  unixbench: { tests: ['dhry2reg', 'pipe', 'context1', 'syscall'] },
  iozone: { maxRecordKb: 1024 },
};

/** The quick preset before this change: 3 fixed runs, no adaptive rounds, the old cell list. */
function oldQuick(cv = 0.02): SimPreset {
  return simPreset('quick', { cv, rounds: null, runs: 3, suites: OLD_QUICK_SUITES });
}

function indicesOf(p: SimPreset, suite: SuiteId): number[] {
  return p.metrics.flatMap((m, i) => (m.suite === suite ? [i] : []));
}

/** A/A: share of reports with any regression (aggregate, overhead or absolute). */
function aa(p: SimPreset, trials: number, options?: AnalyzeOptions, roundCv?: number): string {
  let flagged = 0;
  let extended = 0;
  for (let t = 0; t < trials; t++) {
    const r = trial({
      preset: p,
      seed: 10_000 + t,
      ...(options ? { analysis: options } : {}),
      ...(roundCv ? { roundCv } : {}),
    });
    if (r.analysis.headline.status === 'regression') flagged++;
    extended += r.extendedCells;
  }
  return `${pct(flagged, trials)} of reports flag a regression (${(extended / trials).toFixed(1)} engine cells extended per report)`;
}

/** A whole suite of one environment worse by `shift`: found as that aggregate's regression. */
function suiteShift(
  p: SimPreset,
  env: EnvironmentKind,
  suite: SuiteId,
  shift: number,
  trials: number,
  options?: AnalyzeOptions,
): string {
  const idx = indicesOf(p, suite);
  let found = 0;
  let other = 0;
  for (let t = 0; t < trials; t++) {
    const shifts = new Map(idx.map((i) => [`${env}|${i}`, shift]));
    const r = trial({ preset: p, seed: 20_000 + t, shifts, ...(options ? { analysis: options } : {}) });
    const a = r.analysis;
    if (a.aggregates.some((g) => g.env === env && g.suite === suite && g.verdict === 'regression')) found++;
    if (a.aggregates.some((g) => !(g.env === env && g.suite === suite) && g.verdict === 'regression'))
      other++;
  }
  return `${pct(found, trials)} found as the (${env}, ${suite}) aggregate; another aggregate flagged in ${pct(other, trials)}`;
}

/** One cell of one environment worse by `shift`: found as its absolute or overhead regression. */
function cellShift(
  p: SimPreset,
  env: EnvironmentKind,
  shift: number,
  trials: number,
  options?: AnalyzeOptions,
): string {
  let found = 0;
  let absolute = 0;
  let overhead = 0;
  let seconds = 0;
  const candidates = p.metrics
    .map((_, i) => i)
    .filter((i) => !p.metrics[i]!.metric.startsWith('unixbench.index'));
  for (let t = 0; t < trials; t++) {
    const idx = candidates[(t * 7) % candidates.length]!;
    const m = p.metrics[idx]!;
    const key = metricKeyOf(m.metric, m.params);
    const r = trial({
      preset: p,
      seed: 30_000 + t,
      shifts: new Map([[`${env}|${idx}`, shift]]),
      ...(options ? { analysis: options } : {}),
    });
    const a = r.analysis;
    const abs = a.comparisons.some((c) => c.env === env && c.metricKey === key && c.verdict === 'regression');
    const ovh = a.overheadComparisons.some(
      (c) => c.env === env && c.metricKey === key && c.verdict === 'regression',
    );
    if (abs) absolute++;
    if (ovh) overhead++;
    if (abs || ovh) found++;
    seconds += r.extraSeconds;
  }
  return `${pct(found, trials)} found (absolute ${pct(absolute, trials)}, overhead ${pct(overhead, trials)}); extra rounds ${(seconds / trials / 60).toFixed(1)} min per report`;
}

/** The issue's table: 10 KVM cells worse, how many found as absolute / overhead regressions. */
function tenCells(p: SimPreset, shift: number, trials: number, correction: 'holm' | 'bh'): string {
  let absolute = 0;
  let overhead = 0;
  let aggregate = 0;
  const candidates = p.metrics
    .map((_, i) => i)
    .filter((i) => !p.metrics[i]!.metric.startsWith('unixbench.index'));
  for (let t = 0; t < trials; t++) {
    // 10 distinct cells, a different set in every trial.
    const chosen: number[] = [];
    for (let k = 0; chosen.length < 10; k++) {
      const i = candidates[(t * 13 + k * 7) % candidates.length]!;
      if (!chosen.includes(i)) chosen.push(i);
    }
    const keys = new Set(chosen.map((i) => metricKeyOf(p.metrics[i]!.metric, p.metrics[i]!.params)));
    const r = trial({
      preset: p,
      seed: 40_000 + t,
      shifts: new Map(chosen.map((i) => [`kvm|${i}`, shift])),
      analysis: { correction },
    });
    const a = r.analysis;
    absolute += a.comparisons.filter(
      (c) => c.env === 'kvm' && keys.has(c.metricKey) && c.verdict === 'regression',
    ).length;
    overhead += a.overheadComparisons.filter(
      (c) => c.env === 'kvm' && keys.has(c.metricKey) && c.verdict === 'regression',
    ).length;
    if (a.aggregates.some((g) => g.env === 'kvm' && g.verdict === 'regression')) aggregate++;
  }
  return `${(absolute / trials).toFixed(1)}/10 / ${(overhead / trials).toFixed(1)}/10 (a KVM aggregate in ${pct(aggregate, trials)})`;
}

/** Share of trials in which `found` holds. */
function rate(
  p: SimPreset,
  trials: number,
  seed: number,
  shifts: (t: number) => Map<string, number> | undefined,
  options: AnalyzeOptions,
  found: (a: ReturnType<typeof trial>['analysis'], t: number) => boolean,
): string {
  let hits = 0;
  for (let t = 0; t < trials; t++) {
    const s = shifts(t);
    const r = trial({ preset: p, seed: seed + t, ...(s ? { shifts: s } : {}), analysis: options });
    if (found(r.analysis, t)) hits++;
  }
  return pct(hits, trials);
}

const tables: Record<string, () => string[]> = {
  defaults: () => {
    const now = simPreset('quick');
    const t = Math.max(20, Math.round(TRIALS / 2));
    const cells = now.metrics
      .map((_, i) => i)
      .filter((i) => !now.metrics[i]!.metric.startsWith('unixbench.index'));
    const hb = indicesOf(now, 'hackbench');
    const io = indicesOf(now, 'iozone');
    const rows = [
      '| correction, min-effect | A/A: reports with a false regression | 10% worse, one KVM cell: found | 5% worse, KVM hackbench: aggregate found | 3% worse, KVM IOzone: aggregate found |',
      '|---|---|---|---|---|',
    ];
    for (const correction of ['holm', 'bh'] as const) {
      for (const minEffect of [0.03, 0.05, 0.1]) {
        const o: AnalyzeOptions = { correction, minEffect };
        const cellAt = (k: number) => cells[(k * 7) % cells.length]!;
        rows.push(
          `| ${correction === 'holm' ? 'Holm' : 'BH'}, ${minEffect * 100}% | ` +
            [
              rate(
                now,
                t,
                50_000,
                () => undefined,
                o,
                (a) => a.headline.status === 'regression',
              ),
              rate(
                now,
                t,
                51_000,
                (k) => new Map([[`kvm|${cellAt(k)}`, 0.1]]),
                o,
                (a, k) => {
                  const m = now.metrics[cellAt(k)]!;
                  const key = metricKeyOf(m.metric, m.params);
                  return [...a.comparisons, ...a.overheadComparisons].some(
                    (c) => c.env === 'kvm' && c.metricKey === key && c.verdict === 'regression',
                  );
                },
              ),
              rate(
                now,
                t,
                52_000,
                () => new Map(hb.map((i) => [`kvm|${i}`, 0.05])),
                o,
                (a) =>
                  a.aggregates.some(
                    (g) => g.env === 'kvm' && g.suite === 'hackbench' && g.verdict === 'regression',
                  ),
              ),
              rate(
                now,
                t,
                53_000,
                () => new Map(io.map((i) => [`kvm|${i}`, 0.03])),
                o,
                (a) =>
                  a.aggregates.some(
                    (g) => g.env === 'kvm' && g.suite === 'iozone' && g.verdict === 'regression',
                  ),
              ),
            ].join(' | ') +
            ' |',
        );
      }
    }
    return rows;
  },
  aa: () => {
    const now = simPreset('quick');
    const old = oldQuick();
    return [
      '| A/A (nothing changed), CV 2% | trials | result |',
      '|---|---|---|',
      `| old quick (3 runs, fixed), Holm | ${TRIALS} | ${aa(old, TRIALS)} |`,
      `| quick, Holm | ${TRIALS} | ${aa(now, TRIALS)} |`,
      `| quick, BH | ${TRIALS} | ${aa(now, TRIALS, { correction: 'bh' })} |`,
      `| quick, Holm, + 2% drift per round and environment | ${TRIALS} | ${aa(now, TRIALS, undefined, 0.02)} |`,
    ];
  },
  suite: () => {
    const now = simPreset('quick');
    const old = oldQuick();
    const rows = [
      '| 5% worse: every cell of one suite in the KVM guest | trials | result |',
      '|---|---|---|',
    ];
    for (const suite of now.enabled) {
      rows.push(`| old quick, ${suite} | ${TRIALS} | ${suiteShift(old, 'kvm', suite, 0.05, TRIALS)} |`);
      rows.push(`| quick, ${suite} | ${TRIALS} | ${suiteShift(now, 'kvm', suite, 0.05, TRIALS)} |`);
    }
    return rows;
  },
  cell: () => {
    const now = simPreset('quick');
    const old = oldQuick();
    return [
      '| 10% worse: one cell of the KVM guest | trials | result |',
      '|---|---|---|',
      `| old quick (3 runs, fixed) | ${TRIALS} | ${cellShift(old, 'kvm', 0.1, TRIALS)} |`,
      `| quick, without adaptive rounds | ${TRIALS} | ${cellShift({ ...now, rounds: undefined }, 'kvm', 0.1, TRIALS)} |`,
      `| quick, with adaptive rounds | ${TRIALS} | ${cellShift(now, 'kvm', 0.1, TRIALS)} |`,
    ];
  },
  issue: () => {
    const rows = [
      '| injected (10 KVM cells worse) | preset | Holm: absolute / overhead found | BH: absolute / overhead |',
      '|---|---|---|---|',
    ];
    const old = oldQuick();
    const now = simPreset('quick');
    const paper10 = { ...simPreset('quick', { runs: 10, rounds: null }) };
    const t = Math.max(20, Math.round(TRIALS / 4));
    for (const [label, p] of [
      ['old quick (3 runs)', old],
      ['quick (adaptive)', now],
      ['quick cells, 10 runs', paper10],
    ] as const) {
      for (const shift of [0.05, 0.1, 0.2]) {
        rows.push(
          `| ${shift * 100}% | ${label} | ${tenCells(p, shift, t, 'holm')} | ${tenCells(p, shift, t, 'bh')} |`,
        );
      }
    }
    return rows;
  },
  time: () => {
    const old = oldQuick();
    const now = simPreset('quick');
    const policy = now.rounds as RoundPolicy;
    const rows = ['| per environment (model) | cells | runs | wall time |', '|---|---|---|---|'];
    rows.push(
      `| old quick | ${old.cells.length} engine / ${old.metrics.length} metric | 3 | ${(wallSeconds(old) / 60).toFixed(1)} min |`,
    );
    rows.push(
      `| quick, first look | ${now.cells.length} engine / ${now.metrics.length} metric | ${PRESETS.quick.runs} | ${(wallSeconds(now) / 60).toFixed(1)} min |`,
    );
    rows.push(
      `| quick, with the whole extra-time budget | | up to ${policy.maxRuns} | ≤ ${((wallSeconds(now) * (1 + policy.extraTime)) / 60).toFixed(1)} min |`,
    );
    return rows;
  },
};

let printed = false;
describe('PR verdict power', () => {
  bench(
    'tables',
    () => {
      // vitest may call a bench function more than once: the tables are printed once.
      if (printed) return;
      printed = true;
      for (const [name, table] of Object.entries(tables)) {
        if (ONLY && !ONLY.includes(name)) continue;
        console.log(`\n${table().join('\n')}`);
      }
    },
    { iterations: 1, warmupIterations: 0, time: 0 },
  );
});
