/**
 * `report RESULTS.json [--out DIR] [--baseline A.json]`: report.md, report.html, report.csv
 * and analysis.json in DIR (default: next to RESULTS.json).
 */
import { dirname } from 'node:path';
import { readResultsFile, writeReports } from '../report/write.js';
import { ANALYSIS_OPTIONS, analysisOptions } from './analysis-options.js';
import { checkHostEnv } from './compare.js';
import { invoke, type Command } from './command.js';
import { EXIT } from './exit.js';

export const report: Command = {
  spec: {
    name: 'report',
    brief: "write a run's reports again (Markdown, HTML, CSV)",
    summary:
      'Write the reports of a run again (report.md, report.html, report.csv, analysis.json), e.g. with other analysis settings or against a baseline.',
    positionals: [{ name: 'RESULTS.json', description: "a run's results.json" }],
    options: [
      {
        name: 'out',
        short: 'o',
        type: 'string',
        value: 'DIR',
        description: 'where to write them (default: next to RESULTS.json)',
      },
      {
        name: 'baseline',
        short: 'b',
        type: 'string',
        value: 'A.json',
        description: 'compare with this run (verdicts in the report)',
      },
      { name: 'title', type: 'string', value: 'TEXT', description: 'title of the reports' },
      ...ANALYSIS_OPTIONS,
    ],
    notes: ['Exit status: 0 written, 2 usage error or unreadable results file.'],
    examples: ['arm-virt-bench report out/results.json --baseline main/results.json --min-effect 3%'],
  },
  async run({ values, positionals }) {
    const opts = analysisOptions(values);
    const file = positionals[0]!;
    const results = await readResultsFile(file);
    const baseline =
      typeof values['baseline'] === 'string' ? await readResultsFile(values['baseline']) : undefined;
    checkHostEnv(results, opts);
    const out = await writeReports(
      results,
      typeof values['out'] === 'string' ? values['out'] : dirname(file),
      {
        ...opts,
        ...(baseline ? { baseline } : {}),
        ...(typeof values['title'] === 'string' ? { title: values['title'] } : {}),
      },
    );
    process.stdout.write(`${out.markdownPath}\n${out.htmlPath}\n${out.csvPath}\n${out.analysisPath}\n`);
    return EXIT.ok;
  },
};

export const reportCommand = (args: string[]): Promise<number> => invoke(report, args);
