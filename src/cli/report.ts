/**
 * `report RESULTS.json [--out DIR] [--baseline A.json]`: report.md, report.html, report.csv
 * and analysis.json in DIR (default: next to RESULTS.json).
 */
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { readResultsFile, writeReports } from '../report/write.js';
import { ANALYSIS_FLAGS, analysisOptions } from './compare.js';

export async function reportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      out: { type: 'string' },
      baseline: { type: 'string' },
      title: { type: 'string' },
      ...ANALYSIS_FLAGS,
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) {
    process.stderr.write('report: exactly one RESULTS.json is needed\n');
    return 2;
  }
  const file = positionals[0]!;
  const results = await readResultsFile(file);
  const baseline = values.baseline ? await readResultsFile(values.baseline) : undefined;
  const out = await writeReports(results, values.out ?? dirname(file), {
    ...analysisOptions(values),
    ...(baseline ? { baseline } : {}),
    ...(values.title ? { title: values.title } : {}),
  });
  process.stdout.write(`${out.markdownPath}\n${out.htmlPath}\n${out.csvPath}\n${out.analysisPath}\n`);
  return 0;
}
