/**
 * The engine, analysis and report functions the action drives, in one place so that the
 * action's modules depend on their signatures only.
 *
 * TEMPORARY STAND-INS (runBench, renderMarkdown, writeReports) until src/engine and src/report
 * land; they are replaced by re-exports of the real modules.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config/schema.js';
import type { Analysis } from '../analysis/index.js';
import type { Results } from '../results/schema.js';

export { analyze } from '../analysis/index.js';
export type { Analysis } from '../analysis/index.js';
export { loadConfigFile } from '../config/load.js';
export type { Config } from '../config/schema.js';

export interface RunBenchOptions {
  envs?: string[];
  preset?: string;
  outDir: string;
  signal?: AbortSignal;
  reporter?: (line: string) => void;
}

export async function runBench(_config: Config, _options: RunBenchOptions): Promise<Results> {
  throw new Error('the run engine has not landed yet (stand-in)');
}

export interface RenderOptions {
  flavor: 'summary' | 'comment';
  maxChars?: number;
  artifactUrl?: string;
}

export function renderMarkdown(analysis: Analysis, options: RenderOptions): string {
  const h = analysis.headline;
  const lines = [
    `### arm-virt-bench — ${analysis.current.board}`,
    '',
    `Status: **${h.status}** · ${h.regressions.length} regression(s), ${h.overheadRegressions.length} overhead regression(s)`,
    ...analysis.overheads.map((o) => `- ${o.sentence}`),
    ...(options.artifactUrl ? ['', `[raw logs](${options.artifactUrl})`] : []),
  ];
  const text = lines.join('\n');
  return options.maxChars ? text.slice(0, options.maxChars) : text;
}

export async function writeReports(
  results: Results,
  outDir: string,
  _options: { baseline?: Results } = {},
): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, 'report.md'), `# ${results.board.name}\n`);
}
