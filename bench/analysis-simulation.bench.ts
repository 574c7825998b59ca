/**
 * The verdict simulations behind the README figures (docs/analysis.md). Seeded: the
 * same figures every time. One trial = one full report (150 metrics × 5 environments, every
 * absolute and overhead test in one family). Prints a table; the bench timing is incidental.
 * Run: npx vitest bench --run --project unit bench/analysis-simulation.bench.ts
 * (AVB_SIM_TRIALS scales the trial counts; default 200.)
 */
import { bench, describe } from 'vitest';
import { analyze, metricKeyOf, type AnalyzeOptions } from '../src/analysis/index.js';
import { genericMetrics, simulate } from '../test/unit/analysis/synthetic.js';

const TRIALS = Number(process.env['AVB_SIM_TRIALS'] ?? 200);

interface Scenario {
  name: string;
  cv: number;
  n: number;
  shift: number;
  outlierRate?: number;
  options?: AnalyzeOptions;
  trials: number;
}

const scenarios: Scenario[] = [
  { name: 'A/A, CV 1%, n=10, Holm', cv: 0.01, n: 10, shift: 0, trials: TRIALS },
  { name: 'A/A, CV 5%, n=10, Holm', cv: 0.05, n: 10, shift: 0, trials: TRIALS },
  {
    name: 'A/A, CV 1%, n=10, 5% outliers, Holm',
    cv: 0.01,
    n: 10,
    shift: 0,
    outlierRate: 0.05,
    trials: TRIALS,
  },
  { name: 'A/A, CV 1%, n=10, BH', cv: 0.01, n: 10, shift: 0, options: { correction: 'bh' }, trials: TRIALS },
  { name: '5% shift, CV 1%, n=10', cv: 0.01, n: 10, shift: 0.05, trials: Math.ceil(TRIALS / 2) },
  { name: '5% shift, CV 1%, n=5', cv: 0.01, n: 5, shift: 0.05, trials: Math.ceil(TRIALS / 2) },
  { name: '3% shift, CV 1%, n=10', cv: 0.01, n: 10, shift: 0.03, trials: Math.ceil(TRIALS / 2) },
  { name: '5% shift, CV 3%, n=10', cv: 0.03, n: 10, shift: 0.05, trials: Math.ceil(TRIALS / 2) },
  { name: '10% shift, CV 5%, n=10', cv: 0.05, n: 10, shift: 0.1, trials: Math.ceil(TRIALS / 2) },
];

function run(s: Scenario): string {
  const metrics = genericMetrics(150, s.cv);
  let anyRegression = 0;
  let target = 0;
  let targetOverhead = 0;
  for (let t = 0; t < s.trials; t++) {
    const idx = (t * 7) % 150;
    const key = metricKeyOf(metrics[idx]!.metric, metrics[idx]!.params);
    const common = { metrics, n: s.n, ...(s.outlierRate ? { outlierRate: s.outlierRate } : {}) };
    const baseline = simulate({ seed: 100_000 + 2 * t, ...common });
    const current = simulate({
      seed: 100_001 + 2 * t,
      ...common,
      ...(s.shift ? { shifts: new Map([[`kvm|${idx}`, s.shift]]) } : {}),
    });
    const a = analyze(current, { baseline, bootstrap: 0, ...s.options });
    if (a.headline.status === 'regression') anyRegression++;
    if (a.comparisons.some((c) => c.env === 'kvm' && c.metricKey === key && c.verdict === 'regression'))
      target++;
    if (a.headline.overheadRegressions.some((o) => o.env === 'kvm' && o.metricKey === key)) targetOverhead++;
  }
  const pct = (x: number) => `${((100 * x) / s.trials).toFixed(1)}%`;
  return s.shift === 0
    ? `| ${s.name} | ${s.trials} | ${pct(anyRegression)} of reports flag a regression |`
    : `| ${s.name} | ${s.trials} | cell flagged in ${pct(target)} (absolute), ${pct(targetOverhead)} (overhead) |`;
}

let printed = false;
describe('verdict simulations', () => {
  bench(
    'all scenarios',
    () => {
      // vitest may call a bench function more than once: the table is computed once.
      if (printed) return;
      printed = true;
      console.log('| scenario | trials | result |\n|---|---|---|');
      for (const s of scenarios) console.log(run(s));
    },
    { iterations: 1, warmupIterations: 0, time: 0 },
  );
});
