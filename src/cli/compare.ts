/**
 * `compare --baseline A.json --current B.json [--out DIR]`: verdicts as JSON + Markdown.
 * Without --out the Markdown goes to stdout. With --out: DIR/verdicts.json (the Analysis),
 * DIR/compare.md (job summary), DIR/comment.md (PR comment), DIR/compare.html, DIR/compare.csv.
 * Exit 0; 3 when --fail-on-regression is given and there is a regression; 1 on bad input.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze } from '../analysis/index.js';
import type { AnalyzeOptions } from '../analysis/types.js';
import { renderCsv, renderHtml, renderMarkdown } from '../report/index.js';
import { readResultsFile } from '../report/write.js';

export const ANALYSIS_FLAGS = {
  'min-effect': { type: 'string' },
  alpha: { type: 'string' },
  correction: { type: 'string' },
  'max-cv': { type: 'string' },
  'host-env': { type: 'string' },
  'expect-change': { type: 'string', multiple: true },
} as const;

function fraction(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const pct = v.endsWith('%');
  const n = Number(pct ? v.slice(0, -1) : v);
  if (!Number.isFinite(n)) throw new Error(`--${name}: not a number: '${v}'`);
  return pct ? n / 100 : n;
}

/** Analysis options from the shared flags (errors name the flag). */
export function analysisOptions(
  values: Record<string, string | string[] | boolean | undefined>,
): AnalyzeOptions {
  const correction = values['correction'];
  if (correction !== undefined && correction !== 'holm' && correction !== 'bh') {
    throw new Error(`--correction must be holm or bh (got '${String(correction)}')`);
  }
  const opts: AnalyzeOptions = {};
  const minEffect = fraction('min-effect', values['min-effect'] as string | undefined);
  const alpha = fraction('alpha', values['alpha'] as string | undefined);
  const maxCv = fraction('max-cv', values['max-cv'] as string | undefined);
  if (minEffect !== undefined) opts.minEffect = minEffect;
  if (alpha !== undefined) opts.alpha = alpha;
  if (maxCv !== undefined) opts.maxCv = maxCv;
  if (correction !== undefined) opts.correction = correction;
  if (typeof values['host-env'] === 'string') opts.hostEnv = values['host-env'];
  if (Array.isArray(values['expect-change'])) opts.expectChanges = values['expect-change'];
  return opts;
}

export async function compareCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      baseline: { type: 'string' },
      current: { type: 'string' },
      out: { type: 'string' },
      'fail-on-regression': { type: 'boolean' },
      ...ANALYSIS_FLAGS,
    },
    allowPositionals: false,
    strict: true,
  });
  void positionals;
  if (!values.baseline || !values.current) {
    process.stderr.write('compare: --baseline A.json and --current B.json are both needed\n');
    return 2;
  }
  const [baseline, current] = await Promise.all([
    readResultsFile(values.baseline),
    readResultsFile(values.current),
  ]);
  const analysis = analyze(current, { ...analysisOptions(values), baseline });
  const summary = renderMarkdown(analysis, { flavor: 'summary' });
  if (values.out) {
    await mkdir(values.out, { recursive: true });
    const files = {
      'verdicts.json': `${JSON.stringify(analysis, null, 2)}\n`,
      'compare.md': summary,
      'comment.md': renderMarkdown(analysis, { flavor: 'comment' }),
      'compare.html': renderHtml(analysis),
      'compare.csv': renderCsv(analysis),
    };
    await Promise.all(Object.entries(files).map(([name, text]) => writeFile(join(values.out!, name), text)));
    const h = analysis.headline;
    process.stdout.write(
      `${h.status}: ${h.overheadRegressions.length} overhead regression(s), ${h.regressions.length} absolute regression(s), ${h.tests} tests\n` +
        Object.keys(files)
          .map((f) => `${join(values.out!, f)}\n`)
          .join(''),
    );
  } else {
    process.stdout.write(summary);
  }
  return values['fail-on-regression'] && analysis.headline.status === 'regression' ? 3 : 0;
}
