/**
 * Analyse + render a big report: 5 environments × 200 metrics × 10 runs × 2 sides (20,000
 * samples; 1,000 cells per side, 1,800 tests, 1,600 bootstrap intervals of 1,000 resamples).
 * Goal: ≤ 1 s for analyze() + Markdown (summary and comment) + HTML + CSV.
 * Run: npx vitest bench --run --project unit bench/analysis.bench.ts
 */
import { bench, describe } from 'vitest';
import { analyze } from '../src/analysis/index.js';
import { renderCsv, renderHtml, renderMarkdown } from '../src/report/index.js';
import { genericMetrics, simulate } from '../test/unit/analysis/synthetic.js';

const metrics = genericMetrics(200, 0.02);
const baseline = simulate({ seed: 1, metrics });
const current = simulate({ seed: 2, metrics, shifts: new Map([['kvm|7', 0.08]]) });

describe('5 envs × 200 metrics × 10 runs × 2 sides', () => {
  bench(
    'analyze + render (summary, comment, HTML, CSV)',
    () => {
      const a = analyze(current, { baseline });
      renderMarkdown(a, { flavor: 'summary' });
      renderMarkdown(a, { flavor: 'comment' });
      renderHtml(a);
      renderCsv(a);
    },
    { iterations: 5, warmupIterations: 1 },
  );
  bench(
    'analyze only',
    () => {
      analyze(current, { baseline });
    },
    { iterations: 5, warmupIterations: 1 },
  );
});
