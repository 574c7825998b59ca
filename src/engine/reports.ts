/**
 * The end-of-run report: the analysis/report module's writeReports (overheads against
 * the host, baseline comparison, Markdown/HTML/CSV). Should it fail on some result, a
 * minimal fallback still leaves a report — per environment and metric the median of the
 * samples, plus the failures — so a long run never ends without one. Everything from
 * the results is escaped (Markdown and HTML).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AnalyzeOptions } from '../analysis/types.js';
import type { Results } from '../results/schema.js';
import { writeReports } from '../report/write.js';

export async function writeRunReports(
  results: Results,
  outDir: string,
  options: { baseline?: Results; analysis?: AnalyzeOptions; warn?: (line: string) => void } = {},
): Promise<void> {
  try {
    await writeReports(results, outDir, {
      ...options.analysis,
      ...(options.baseline ? { baseline: options.baseline } : {}),
      logsDir: 'logs/',
    });
  } catch (err) {
    options.warn?.(`report: ${(err as Error).message}; writing the minimal report instead`);
    await writeMinimalReports(results, outDir);
  }
}

export async function writeMinimalReports(results: Results, outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const rows = summarize(results);
  await writeFile(join(outDir, 'report.md'), markdown(results, rows));
  await writeFile(join(outDir, 'report.html'), html(results, rows));
}

interface Row {
  env: string;
  metric: string;
  params: string;
  median: number;
  n: number;
  unit: string;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function summarize(results: Results): Row[] {
  const groups = new Map<
    string,
    { env: string; metric: string; params: string; unit: string; values: number[] }
  >();
  for (const s of results.samples) {
    const params = Object.entries(s.params)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    const key = `${s.env}\u0000${s.metric}\u0000${params}`;
    const g = groups.get(key) ?? { env: s.env, metric: s.metric, params, unit: s.unit, values: [] };
    g.values.push(s.value);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => ({ ...g, median: median(g.values), n: g.values.length }));
}

const md = (s: string): string =>
  s
    .replace(/[\\`*_[\]|]/g, (c) => `\\${c}`)
    .replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!)
    .replace(/\r?\n/g, ' ');
const h = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function markdown(results: Results, rows: Row[]): string {
  const out = [
    `# arm-virt-bench run ${md(results.run.id)}`,
    '',
    `Preset ${md(results.run.preset)}, status ${md(results.run.status ?? 'unknown')}, ${results.samples.length} samples, ${results.failures.length} failures.`,
    '',
    '| environment | kind | boot mode | note |',
    '|---|---|---|---|',
    ...results.environments.map(
      (e) => `| ${md(e.id)} | ${e.kind} | ${e.bootMode} | ${e.skipped ? `skipped: ${md(e.skipped)}` : ''} |`,
    ),
    '',
    '| environment | metric | params | median | n | unit |',
    '|---|---|---|---:|---:|---|',
    ...rows.map(
      (r) => `| ${md(r.env)} | ${md(r.metric)} | ${md(r.params)} | ${r.median} | ${r.n} | ${md(r.unit)} |`,
    ),
  ];
  if (results.failures.length > 0) {
    out.push('', '## Failures', '', '| environment | suite | round | reason |', '|---|---|---:|---|');
    for (const f of results.failures)
      out.push(`| ${md(f.env)} | ${md(f.suite)} | ${f.round} | ${md(f.message)} |`);
  }
  return `${out.join('\n')}\n`;
}

function html(results: Results, rows: Row[]): string {
  const tr = (cells: (string | number)[]): string =>
    `<tr>${cells.map((c) => `<td>${h(String(c))}</td>`).join('')}</tr>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>arm-virt-bench ${h(results.run.id)}</title></head>
<body><h1>arm-virt-bench run ${h(results.run.id)}</h1>
<p>Preset ${h(results.run.preset)}, status ${h(results.run.status ?? 'unknown')}.</p>
<table><thead><tr><th>environment</th><th>metric</th><th>params</th><th>median</th><th>n</th><th>unit</th></tr></thead>
<tbody>${rows.map((r) => tr([r.env, r.metric, r.params, r.median, r.n, r.unit])).join('\n')}</tbody></table>
<h2>Failures</h2><table><tbody>${results.failures.map((f) => tr([f.env, f.suite, f.round, f.message])).join('\n')}</tbody></table>
</body></html>
`;
}
