/**
 * The paper's figures 2–8 as chart specs, built from the analysis (current side, cell means
 * with ± one standard deviation, as the paper draws them):
 *   hackbench time vs tasks (line), UnixBench bars (% of host: the tests have different units),
 *   IOzone per file size and operation (bars), netperf throughput vs message size (line),
 *   request/response rates (bars). A chart with one category is drawn as bars (a line through
 *   one point is a floating dot). Values are in display units (Mbit/s, MiB/s: units.ts).
 *   Renderers (mermaid, SVG) only draw a spec.
 */
import type { Analysis, CellStats } from '../analysis/types.js';
import { IOZONE_OPS } from '../suites/iozone/ops.js';
import { displayUnit } from './units.js';

export interface ChartSeries {
  name: string;
  values: (number | null)[];
  /** One standard deviation per value (same unit), null where unknown (n < 2). */
  errors: (number | null)[];
}

export interface ChartSpec {
  id: string;
  /** Which paper figure this mirrors ("Fig. 2"). */
  figure: string;
  /** What the chart shows; unique within a report. */
  title: string;
  kind: 'line' | 'bar';
  xLabel: string;
  /** Y axis label with its unit, e.g. "time (s), lower is better". */
  yLabel: string;
  categories: string[];
  series: ChartSeries[];
}

function num(v: unknown): number {
  return typeof v === 'number' ? v : Number(v);
}

function sizeLabel(kb: number): string {
  if (kb >= 1024 && kb % 1024 === 0) return `${kb / 1024} MB`;
  return `${kb} KB`;
}

function direction(better: string): string {
  return better === 'lower' ? 'lower is better' : 'higher is better';
}

/** Environments in report order, with their labels. */
function envOrder(analysis: Analysis): { id: string; label: string }[] {
  const withCells = new Set(analysis.cells.map((c) => c.env));
  return analysis.environments.filter((e) => withCells.has(e.id)).map((e) => ({ id: e.id, label: e.label }));
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

function seriesFor(
  envs: { id: string; label: string }[],
  cells: readonly CellStats[],
  categoryOf: (c: CellStats) => string,
  categories: string[],
  /** Maps a value of the cell (mean or SD) to the chart's unit; null: not drawn. */
  scale: (c: CellStats) => ((x: number) => number) | null = (c) => {
    const k = displayUnit(c.unit).factor;
    return (x) => x * k;
  },
): ChartSeries[] {
  return envs
    .map((e) => {
      const byCat = new Map(cells.filter((c) => c.env === e.id).map((c) => [categoryOf(c), c]));
      const at = (cat: string): { v: number | null; e: number | null } => {
        const c = byCat.get(cat);
        const k = c ? scale(c) : null;
        if (!c || k === null) return { v: null, e: null };
        return { v: k(c.mean), e: c.sd === null ? null : k(c.sd) };
      };
      const points = categories.map(at);
      return { name: e.label, values: points.map((p) => p.v), errors: points.map((p) => p.e) };
    })
    .filter((s) => s.values.some((v) => v !== null));
}

function paramsWithout(c: CellStats, drop: string[]): string {
  return Object.keys(c.params)
    .filter((k) => !drop.includes(k))
    .sort()
    .map((k) => `${k}=${String(c.params[k])}`)
    .join(', ');
}

export function buildCharts(analysis: Analysis): ChartSpec[] {
  const envs = envOrder(analysis);
  const charts: ChartSpec[] = [];
  const cells = analysis.cells;

  // Fig. 2: hackbench, time vs number of tasks, one chart per (mode, ipc, ...) variant; the
  // title names every parameter that tells two variants apart.
  const hb = cells.filter((c) => c.metric === 'hackbench.time' && c.params['tasks'] !== undefined);
  const variants = [...groupBy(hb, (c) => paramsWithout(c, ['tasks', 'groups']))];
  const varying = ['fds', 'loops', 'datasize'].filter(
    (k) => new Set(variants.map(([, g]) => String(g[0]!.params[k]))).size > 1,
  );
  for (const [, group] of variants) {
    const tasks = [...new Set(group.map((c) => num(c.params['tasks'])))].sort((a, b) => a - b);
    const cats = tasks.map(String);
    const p = group[0]!.params;
    const what = [
      ...[p['mode'], p['ipc']].filter((x) => x !== undefined).map(String),
      ...varying.map((k) => `${k} ${String(p[k])}`),
    ].join(', ');
    charts.push({
      id: `hackbench-${charts.length}`,
      figure: 'Fig. 2',
      title: `hackbench time vs tasks${what ? ` (${what})` : ''}`,
      kind: 'line',
      xLabel: 'tasks',
      yLabel: `time (${group[0]!.unit}), ${direction('lower')}`,
      categories: cats,
      series: seriesFor(envs, group, (c) => String(num(c.params['tasks'])), cats),
    });
  }

  // Figs. 3–4: UnixBench tests as % of host (each test has its own unit: lps, MWIPS, lpm).
  const host = analysis.environments.find((e) => e.isHost)?.id;
  const ub = cells.filter((c) => c.suite === 'unixbench' && !c.metric.startsWith('unixbench.index'));
  if (ub.length > 0 && host) {
    const hostMean = new Map(ub.filter((c) => c.env === host).map((c) => [c.metricKey, c.mean]));
    const tests = [
      ...new Set(ub.filter((c) => hostMean.has(c.metricKey)).map((c) => c.label.replace(/^UnixBench /, ''))),
    ];
    charts.push({
      id: 'unixbench',
      figure: 'Figs. 3–4',
      title: 'UnixBench score relative to the host',
      kind: 'bar',
      xLabel: 'test',
      yLabel: `score (% of host), ${direction('higher')}`,
      categories: tests,
      series: seriesFor(
        envs,
        ub,
        (c) => c.label.replace(/^UnixBench /, ''),
        tests,
        (c) => {
          const h = hostMean.get(c.metricKey);
          return h ? (x: number) => (x / h) * 100 : null;
        },
      ),
    });
  }

  // Figs. 5–6: IOzone per file size: operations as bars. One record size per file size
  // (4 KB when measured, otherwise the smallest) keeps the figure readable; the tables have all.
  const io = cells.filter((c) => /^iozone\.[a-z_]+$/.test(c.metric) && c.params['file_kb'] !== undefined);
  for (const [fileKb, group] of [...groupBy(io, (c) => String(num(c.params['file_kb'])))].sort(
    (a, b) => Number(a[0]) - Number(b[0]),
  )) {
    const recs = [...new Set(group.map((c) => num(c.params['reclen_kb'])))].sort((a, b) => a - b);
    const rec = recs.includes(4) ? 4 : recs[0]!;
    const chosen = group.filter((c) => num(c.params['reclen_kb']) === rec);
    const present = new Set(chosen.map((c) => c.metric.slice('iozone.'.length)));
    const ops = [
      ...IOZONE_OPS.filter((o) => present.has(o)),
      ...[...present].filter((o) => !IOZONE_OPS.includes(o)).sort(),
    ];
    charts.push({
      id: `iozone-${fileKb}`,
      figure: 'Figs. 5–6',
      title: `IOzone throughput per operation (${sizeLabel(Number(fileKb))} file, ${sizeLabel(rec)} records)`,
      kind: 'bar',
      xLabel: 'operation',
      yLabel: `throughput (${displayUnit(chosen[0]!.unit).unit}), ${direction('higher')}`,
      categories: ops,
      series: seriesFor(envs, chosen, (c) => c.metric.slice('iozone.'.length), ops),
    });
  }

  // Fig. 7: netperf stream throughput vs message size.
  const st = cells.filter(
    (c) => /^netperf\.[a-z_]+\.throughput$/.test(c.metric) && c.params['message_bytes'] !== undefined,
  );
  for (const [metric, group] of groupBy(st, (c) => c.metric)) {
    const sizes = [...new Set(group.map((c) => num(c.params['message_bytes'])))].sort((a, b) => a - b);
    const cats = sizes.map(String);
    charts.push({
      id: `netperf-${metric.split('.')[1]}`,
      figure: 'Fig. 7',
      title: `netperf ${metric.split('.')[1]!.toUpperCase()} throughput vs message size`,
      kind: 'line',
      xLabel: 'message size (bytes)',
      yLabel: `throughput (${displayUnit(group[0]!.unit).unit}), ${direction('higher')}`,
      categories: cats,
      series: seriesFor(envs, group, (c) => String(num(c.params['message_bytes'])), cats),
    });
  }

  // Fig. 8: request/response rates as bars.
  const rr = cells.filter((c) => /^netperf\.[a-z_]+\.rate$/.test(c.metric));
  if (rr.length > 0) {
    const cats = [...new Set(rr.map((c) => c.label))];
    charts.push({
      id: 'netperf-rr',
      figure: 'Fig. 8',
      title: 'netperf request/response rate',
      kind: 'bar',
      xLabel: 'test (request/response bytes)',
      yLabel: `rate (${displayUnit(rr[0]!.unit).unit}), ${direction('higher')}`,
      categories: cats,
      series: seriesFor(envs, rr, (c) => c.label, cats),
    });
  }
  return charts
    .filter((c) => c.series.length > 0 && c.categories.length > 0)
    .map((c) => (c.kind === 'line' && c.categories.length === 1 ? { ...c, kind: 'bar' as const } : c));
}

/** The title a reader sees: what the chart shows, then the paper figure it mirrors. */
export function chartTitle(spec: ChartSpec): string {
  return `${spec.title} — ${paperFigure(spec)}`;
}

export function paperFigure(spec: Pick<ChartSpec, 'figure'>): string {
  return `mirrors ${spec.figure} of Raho et al. (2015)`;
}
