/**
 * writeReports(): the one impure corner of the report (node:fs). The engine calls it at the
 * end of a run; the CLI's `report` and `compare` call it too. Also: reading a results file
 * with a clear error (path and reason) when it is not valid JSON or not a results file.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { analyze } from '../analysis/index.js';
import type { AnalyzeOptions } from '../analysis/types.js';
import { Results } from '../results/schema.js';
import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import type { WriteReportsResult } from './write-types.js';

export type { WriteReportsResult } from './write-types.js';

/** A results file that cannot be read or is not one: the path and the reason. */
export class ResultsFileError extends Error {
  override readonly name = 'ResultsFileError';
}

export async function readResultsFile(path: string): Promise<Results> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ResultsFileError(
      `${path}: cannot read: ${code === 'ENOENT' ? 'no such file' : (code ?? (err as Error).message)}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ResultsFileError(`${path}: not JSON: ${(err as Error).message}`);
  }
  const parsed = Results.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ResultsFileError(
      `${path}: not an arm-virt-bench results file: ${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}${
        parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problems)` : ''
      }`,
    );
  }
  return parsed.data;
}

export interface WriteReportsOptions extends Omit<AnalyzeOptions, 'baseline'> {
  baseline?: Results;
  title?: string;
  artifactUrl?: string;
  /** Where the report is made (the footer points at the artifact or at the files). Default cli. */
  origin?: 'cli' | 'action';
  /** CLI: a `logs/` folder of raw logs sits next to the reports (a run's out dir). */
  logsDir?: string;
  /** File name stem (default `report`): report.md, report.html, report.csv, analysis.json. */
  name?: string;
}

export async function writeReports(
  results: Results,
  outDir: string,
  options: WriteReportsOptions = {},
): Promise<WriteReportsResult> {
  const { title, artifactUrl, origin, logsDir, name = 'report', ...analyzeOptions } = options;
  const analysis = analyze(results, analyzeOptions);
  await mkdir(outDir, { recursive: true });
  const markdownPath = join(outDir, `${name}.md`);
  const htmlPath = join(outDir, `${name}.html`);
  const csvPath = join(outDir, `${name}.csv`);
  const analysisPath = join(outDir, name === 'report' ? 'analysis.json' : `${name}.analysis.json`);
  const report = {
    ...(title !== undefined ? { title } : {}),
    ...(artifactUrl !== undefined ? { artifactUrl } : {}),
    origin: origin ?? (artifactUrl !== undefined ? ('action' as const) : ('cli' as const)),
    files: { html: `${name}.html`, csv: `${name}.csv`, ...(logsDir ? { logs: logsDir } : {}) },
  };
  const md = renderMarkdown(analysis, { flavor: 'summary', ...report });
  await Promise.all([
    writeFile(markdownPath, md),
    writeFile(htmlPath, renderHtml(analysis, report)),
    writeFile(csvPath, renderCsv(analysis)),
    writeFile(analysisPath, `${JSON.stringify(analysis, null, 2)}\n`),
  ]);
  return { markdownPath, htmlPath, csvPath, analysisPath, analysis };
}
