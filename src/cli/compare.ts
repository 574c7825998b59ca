/**
 * `compare --baseline A.json --current B.json [--out DIR]`: verdicts as JSON + Markdown.
 * Without --out the Markdown goes to stdout. With --out: DIR/verdicts.json (the Analysis),
 * DIR/compare.md (job summary), DIR/comment.md (PR comment), DIR/compare.html, DIR/compare.csv.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { analyze } from '../analysis/index.js';
import type { AnalyzeOptions } from '../analysis/types.js';
import type { Results } from '../results/schema.js';
import { renderCsv, renderHtml, renderMarkdown } from '../report/index.js';
import { readResultsFile } from '../report/write.js';
import { ANALYSIS_OPTIONS, analysisOptions } from './analysis-options.js';
import { invoke, type Command } from './command.js';
import { EXIT } from './exit.js';
import { UsageError } from './spec.js';

/** A --host-env that names no environment of the results is a usage error. */
export function checkHostEnv(current: Results, options: AnalyzeOptions): void {
  const id = options.hostEnv;
  if (id !== undefined && !current.environments.some((e) => e.id === id)) {
    throw new UsageError(
      `--host-env: no environment '${id}' in the results (they have ${current.environments.map((e) => e.id).join(', ')})`,
    );
  }
}

export const compare: Command = {
  spec: {
    name: 'compare',
    brief: 'compare two runs: verdicts as JSON and Markdown',
    summary:
      'Compare two runs: the overhead of each environment against its host and every cell, baseline vs current, with one multiple-testing correction per report.',
    options: [
      {
        name: 'baseline',
        short: 'b',
        type: 'string',
        value: 'A.json',
        description: 'results.json of the baseline run (required)',
      },
      {
        name: 'current',
        short: 'c',
        type: 'string',
        value: 'B.json',
        description: 'results.json of the run under test (required)',
      },
      {
        name: 'out',
        short: 'o',
        type: 'string',
        value: 'DIR',
        description:
          'write verdicts.json, compare.md (job summary), comment.md (PR comment), compare.html and compare.csv there; without it the Markdown goes to stdout',
      },
      {
        name: 'fail-on-regression',
        type: 'boolean',
        description: 'exit 3 when there is a regression (for scripts and CI gates)',
      },
      ...ANALYSIS_OPTIONS,
    ],
    notes: [
      'Exit status: 0 compared, 2 usage error or unreadable results file, 3 regression (with --fail-on-regression).',
    ],
    examples: ['arm-virt-bench compare --baseline main/results.json --current out/results.json --out cmp'],
  },
  async run({ values }) {
    if (typeof values['baseline'] !== 'string' || typeof values['current'] !== 'string') {
      throw new UsageError('--baseline A.json and --current B.json are both needed');
    }
    const opts = analysisOptions(values);
    const [baseline, current] = await Promise.all([
      readResultsFile(values['baseline']),
      readResultsFile(values['current']),
    ]);
    checkHostEnv(current, opts);
    const analysis = analyze(current, { ...opts, baseline });
    const out = typeof values['out'] === 'string' ? values['out'] : undefined;
    const files = { html: 'compare.html', csv: 'compare.csv' };
    const summary = renderMarkdown(analysis, { flavor: 'summary', origin: 'cli', files });
    if (out) {
      await mkdir(out, { recursive: true });
      const written = {
        'verdicts.json': `${JSON.stringify(analysis, null, 2)}\n`,
        'compare.md': summary,
        'comment.md': renderMarkdown(analysis, { flavor: 'comment', origin: 'cli', files }),
        'compare.html': renderHtml(analysis, { origin: 'cli', files: { csv: files.csv } }),
        'compare.csv': renderCsv(analysis),
      };
      await Promise.all(Object.entries(written).map(([name, text]) => writeFile(join(out, name), text)));
      const h = analysis.headline;
      process.stdout.write(
        `${h.status}: ${h.aggregateRegressions.length} suite overhead regression(s), ${h.overheadRegressions.length} overhead regression(s), ${h.regressions.length} absolute regression(s), ${h.tests} tests\n` +
          (h.reason ? `${h.reason}\n` : '') +
          Object.keys(written)
            .map((f) => `${join(out, f)}\n`)
            .join(''),
      );
    } else {
      process.stdout.write(summary);
    }
    return values['fail-on-regression'] === true && analysis.headline.status === 'regression'
      ? EXIT.regression
      : EXIT.ok;
  },
};

export const compareCommand = (args: string[]): Promise<number> => invoke(compare, args);
