/**
 * Analysis → ReportDocument: every section of the report, once, for both the Markdown and the
 * HTML. A new section is one function here, pushed in `buildReport` where it belongs.
 *
 * Honest at small n: a cell or an overhead with fewer than MIN_RUNS_FOR_INTERVAL runs gets no
 * interval — its range (min … max) and a note that more runs are needed. Intervals of means
 * are on the log scale (the analysis), overhead intervals are bootstrap percentiles of a ratio,
 * so neither leaves the possible range. An overhead against a host mean of 0 (or one that is not
 * finite) is "incomparable" with the reason.
 */
import { cellKey } from '../analysis/cells.js';
import { envLabel } from '../analysis/labels.js';
import { overheadFromRatio } from '../analysis/overhead.js';
import type {
  AggregateComparison,
  Analysis,
  CellStats,
  Comparison,
  Overhead,
  OverheadComparison,
  Verdict,
} from '../analysis/types.js';
import { buildCharts } from './charts.js';
import {
  cell,
  num,
  safe,
  span,
  type Block,
  type Cell,
  type Column,
  type ReportDocument,
  type Section,
  type Text,
} from './document.js';
import { formatPct, formatValue } from './format.js';
import { displayUnit, toDisplay } from './units.js';

/** Below this many runs on a side, no interval is shown (a 95% interval from 2 runs is ±6 SD wide). */
export const MIN_RUNS_FOR_INTERVAL = 3;

export interface ReportOptions {
  title?: string;
  /** Where the report is made: decides the pointer to the rest (artifact or files). */
  origin?: 'cli' | 'action';
  /** Link to the uploaded report artifact / workflow run (action; http/https only). */
  artifactUrl?: string;
  /** CLI: the files written next to this one (names only). */
  files?: { html?: string; csv?: string; logs?: string };
  toolVersion?: string;
}

export const ICONS: Record<Verdict, string> = {
  regression: '🔴 regression',
  improvement: '🟢 improvement',
  unchanged: '⚪ unchanged',
  incomparable: '⚠️ incomparable',
  erratic: '〰️ erratic',
  missing: '❔ missing',
};
const VERDICT_TONE: Record<Verdict, Cell['tone']> = {
  regression: 'bad',
  improvement: 'good',
  unchanged: 'neutral',
  incomparable: 'warn',
  erratic: 'warn',
  missing: 'warn',
};

const METHOD =
  'Overhead = degradation relative to the host (Raho et al. 2015): (env − host)/host for times, (host − env)/host for throughputs; ' +
  'its interval is a 95% percentile bootstrap of the ratio of means, and intervals of means are 95% on the log scale, so neither leaves the possible range; ' +
  `with fewer than ${MIN_RUNS_FOR_INTERVAL} runs a cell shows its range (min … max) instead. ` +
  'Verdicts: suite overheads (geometric mean of env/host) first, then cells (Welch t on logs), one weighted Holm (or BH) family; a regression is significant and its 95% interval reaches the minimum effect. ' +
  'Units: Mbit/s and MiB/s here (IOzone’s kB is 1024 bytes); results.json and the CSV keep each tool’s own unit.';

function envName(a: Analysis, id: string): string {
  return a.environments.find((x) => x.id === id)?.label ?? envLabel(id);
}

function p(v: number | null): string {
  if (v === null) return '–';
  return v < 0.0001 ? v.toExponential(1) : v.toFixed(4);
}

function ci(low: number | null, high: number | null): string {
  return low === null || high === null ? '–' : `${formatPct(low, 1, true)} … ${formatPct(high, 1, true)}`;
}

/** A value in display units with 4 significant digits. */
function dv(v: number | null | undefined, rawUnit: string): string {
  return formatValue(toDisplay(v, rawUnit));
}

function side(s: Comparison['baseline'], rawUnit: string): string {
  if (!s) return '–';
  return `${dv(s.mean, rawUnit)} (n=${s.n}${s.cv !== null ? `, CV ${formatPct(s.cv)}` : ''})`;
}

/** Looks cells up by environment and metric. */
function cellIndex(a: Analysis): (env: string, metricKey: string) => CellStats | undefined {
  const m = new Map(a.cells.map((c) => [cellKey(c.env, c.metricKey), c]));
  return (env, metricKey) => m.get(cellKey(env, metricKey));
}

/** Why an environment's overhead on a metric cannot be given, or null when it can. */
export function overheadProblem(host: CellStats | undefined, env: CellStats | undefined): string | null {
  if (!host || !env) return null;
  if (!Number.isFinite(host.mean)) return 'host mean is not a finite number';
  if (!(host.mean > 0)) return `host mean is ${formatValue(host.mean)}: a ratio against it is undefined`;
  if (!Number.isFinite(env.mean)) return 'environment mean is not a finite number';
  if (!(env.mean > 0)) return `environment mean is ${formatValue(env.mean)}`;
  return null;
}

/** The overhead range over every pair of runs (min/max of env and host): for n < 3. */
export function overheadRange(o: Overhead, env: CellStats, host: CellStats): [number, number] {
  const a = overheadFromRatio(env.min / host.max, o.better);
  const b = overheadFromRatio(env.max / host.min, o.better);
  return [Math.min(a, b), Math.max(a, b)];
}

function fewRuns(o: Overhead): boolean {
  return o.nEnv < MIN_RUNS_FOR_INTERVAL || o.nHost < MIN_RUNS_FOR_INTERVAL;
}

function runsLabel(o: Overhead): string {
  return o.nEnv === o.nHost ? `n=${o.nEnv}` : `n=${o.nEnv}/${o.nHost}`;
}

/** "12.3% (8.0% … 17.1%, n=10)" or, below 3 runs, "12.3% (range 5.0% … 20.1%, n=2)". */
function overheadText(o: Overhead, lookup: ReturnType<typeof cellIndex>): string {
  const env = lookup(o.env, o.metricKey);
  const host = lookup(o.hostEnv, o.metricKey);
  if (fewRuns(o)) {
    if (!env || !host) return `${formatPct(o.overhead)} (${runsLabel(o)}, no interval)`;
    const [lo, hi] = overheadRange(o, env, host);
    return `${formatPct(o.overhead)} (range ${formatPct(lo)} … ${formatPct(hi)}, ${runsLabel(o)})`;
  }
  return `${formatPct(o.overhead)} (${formatPct(o.ciLow)} … ${formatPct(o.ciHigh)}, ${runsLabel(o)})`;
}

function fewRunsNote(what: string): Block {
  return {
    kind: 'note',
    text: [
      safe(
        `${what} with fewer than ${MIN_RUNS_FOR_INTERVAL} runs show no interval but their range (smallest … largest); ` +
          `more runs are needed for a 95% interval (set runs: ${MIN_RUNS_FOR_INTERVAL} or more, or use the quick or paper preset).`,
      ),
    ],
  };
}

// ---------------------------------------------------------------------------- the headline

/** "could not see less than 12%": the minimum detectable effect of an unchanged verdict, in words. */
export function cannotSee(mde: number | null): string {
  return mde === null ? '' : `could not see less than ${formatPct(mde, 0)}`;
}

function verdict(a: Analysis): ReportDocument['verdict'] {
  const h = a.headline;
  const o = a.options;
  const d = a.design;
  const family =
    d.aggregateTests > 0
      ? `${d.aggregateTests} suite aggregates first, then ${d.cellTests} cells`
      : `${h.tests} tests`;
  const method = `${family}, ${o.correction === 'holm' ? 'weighted Holm' : 'Benjamini-Hochberg'} at α=${o.alpha}, minimum effect ${formatPct(o.minEffect, 0)}`;
  if (h.status === 'no-baseline')
    return {
      text: [safe('ℹ️ No baseline: overheads against the host only, no verdicts.', { strong: true })],
    };
  if (h.status === 'incomparable')
    // The first line says why: a report that compared nothing never reads as a pass.
    return {
      text: [
        span(`⚠️ ${h.reason ?? 'Nothing could be compared with the baseline.'}`, { strong: true, max: 600 }),
      ],
      tone: 'warn',
    };
  if (h.status === 'ok') {
    const inc =
      h.aggregateCounts.incomparable + h.overheadCounts.incomparable + h.absoluteCounts.incomparable;
    const mis = h.aggregateCounts.missing + h.overheadCounts.missing + h.absoluteCounts.missing;
    const err = h.overheadCounts.erratic + h.absoluteCounts.erratic;
    const seen = a.aggregates.filter((x) => x.verdict === 'unchanged' && x.mde !== null).map((x) => x.mde!);
    const reach =
      seen.length > 0
        ? ` The suite overheads could not see less than ${formatPct(Math.min(...seen), 0)}–${formatPct(Math.max(...seen), 0)}` +
          (h.underpowered > 0
            ? `; ${h.underpowered} tests could not see ${formatPct(o.minEffect, 0)} (underpowered, listed below).`
            : '.')
        : '';
    return {
      text: [
        safe('✅ No regression', { strong: true }),
        safe(` (${method}; ${inc} incomparable, ${mis} missing, ${err} erratic).${reach}`),
      ],
      tone: 'good',
    };
  }
  return {
    text: [
      safe(
        `❌ ${h.aggregateRegressions.length} suite overhead regression(s), ${h.overheadRegressions.length} overhead regression(s), ${h.regressions.length} absolute regression(s)`,
        { strong: true },
      ),
      safe(` (${method}).`),
    ],
    tone: 'bad',
  };
}

function runLine(a: Analysis): Text {
  const r = a.current;
  const out: Text = [span(`Run ${r.id}`, { max: 80 }), safe(' · '), span(`board ${r.board}`, { max: 80 })];
  out.push(safe(' · '), span(`preset ${r.preset}`, { max: 40 }));
  if (r.gitSha) out.push(safe(' · '), span(`commit ${r.gitSha.slice(0, 12)}`));
  out.push(safe(' · '), span(`started ${r.started}`));
  if (r.status && r.status !== 'complete') out.push(safe(' · status '), span(r.status, { strong: true }));
  const b = a.baseline;
  if (b) {
    out.push(safe(' — baseline: '), span(`run ${b.id}`, { max: 80 }));
    if (b.gitSha) out.push(span(` at ${b.gitSha.slice(0, 12)}`));
  }
  return out;
}

function overheadSummary(a: Analysis, lookup: ReturnType<typeof cellIndex>): Section {
  const items: Text[] = [];
  for (const e of a.environments.filter((x) => !x.isHost)) {
    const list = a.overheads.filter((o) => o.env === e.id);
    if (list.length === 0) continue;
    const sorted = [...list].sort((x, y) => x.overhead - y.overhead);
    const median = sorted[Math.floor((sorted.length - 1) / 2)]!.overhead;
    const worst = sorted[sorted.length - 1]!;
    items.push([
      span(e.label, { strong: true, max: 60 }),
      safe(`: median overhead ${formatPct(median)} over ${list.length} metrics; largest: `),
      span(`${worst.label} ${overheadText(worst, lookup)}`, { max: 300 }),
    ]);
  }
  const blocks: Block[] =
    items.length > 0
      ? [{ kind: 'list', items }]
      : [
          {
            kind: 'paragraph',
            text: [
              safe(
                a.options.hostEnv === null
                  ? 'No host environment in these results: no overheads.'
                  : 'No environment besides the host has a metric the host measured too.',
              ),
            ],
          },
        ];
  if (a.overheads.some(fewRuns)) blocks.push(fewRunsNote('Overheads'));
  return {
    id: 'overhead-summary',
    title: 'Overhead against the host',
    blocks,
    markdown: { summary: 'open', comment: 'open' },
    essential: true,
  };
}

const COMPARISON_COLUMNS: Column[] = [
  { title: 'Environment' },
  { title: 'Metric' },
  { title: 'Unit' },
  { title: 'Baseline', numeric: true },
  { title: 'Current', numeric: true },
  { title: 'Change (worse > 0)', numeric: true },
  { title: '95% CI', numeric: true },
  { title: 'p (adj.)', numeric: true },
  { title: 'Verdict' },
  { title: 'Note' },
];

function comparisonRow(a: Analysis, c: Comparison): Cell[] {
  return [
    cell(envName(a, c.env), { max: 60 }),
    cell(c.label, { max: 120 }),
    cell(displayUnit(c.unit).unit, { max: 20 }),
    num(side(c.baseline, c.unit)),
    num(side(c.current, c.unit)),
    num(formatPct(c.change, 1, true), c.verdict === 'regression' ? { tone: 'bad' } : {}),
    num(ci(c.ciLow, c.ciHigh)),
    num(p(c.pAdjusted)),
    num(ICONS[c.verdict], { tone: VERDICT_TONE[c.verdict] }),
    cell(c.reason ?? (c.verdict === 'unchanged' ? cannotSee(c.mde) : ''), { max: 200 }),
  ];
}

const OVERHEAD_COMPARISON_COLUMNS: Column[] = [
  { title: 'Environment' },
  { title: 'Metric' },
  { title: 'Overhead before', numeric: true },
  { title: 'Overhead now', numeric: true },
  { title: 'Change vs host', numeric: true },
  { title: '95% CI', numeric: true },
  { title: 'p (adj.)', numeric: true },
  { title: 'Verdict' },
  { title: 'Note' },
];

function overheadComparisonRow(a: Analysis, o: OverheadComparison): Cell[] {
  return [
    cell(envName(a, o.env), { max: 60 }),
    cell(o.label, { max: 120 }),
    num(formatPct(o.baselineOverhead)),
    num(formatPct(o.currentOverhead)),
    num(formatPct(o.change, 1, true)),
    num(ci(o.ciLow, o.ciHigh)),
    num(p(o.pAdjusted)),
    num(ICONS[o.verdict], { tone: VERDICT_TONE[o.verdict] }),
    cell(o.reason ?? (o.verdict === 'unchanged' ? cannotSee(o.mde) : ''), { max: 200 }),
  ];
}

const AGGREGATE_COLUMNS: Column[] = [
  { title: 'Environment' },
  { title: 'Suite' },
  { title: 'Cells', numeric: true },
  { title: 'Overhead before', numeric: true },
  { title: 'Overhead now', numeric: true },
  { title: 'Change vs host', numeric: true },
  { title: '95% CI', numeric: true },
  { title: 'p (adj.)', numeric: true },
  { title: 'Verdict' },
  { title: 'Note' },
];

function aggregateRow(a: Analysis, g: AggregateComparison): Cell[] {
  const note =
    g.reason ??
    (g.verdict === 'unchanged' ? cannotSee(g.mde) : '') +
      (g.extraRounds > 0 ? ` (+${g.extraRounds} rounds)` : '');
  return [
    cell(envName(a, g.env), { max: 60 }),
    cell(g.label.slice(envName(a, g.env).length).trim() || g.suite, { max: 60 }),
    num(String(g.cells)),
    num(formatPct(g.baselineOverhead)),
    num(formatPct(g.currentOverhead)),
    num(formatPct(g.change, 1, true), g.verdict === 'regression' ? { tone: 'bad' } : {}),
    num(ci(g.ciLow, g.ciHigh)),
    num(p(g.pAdjusted)),
    num(ICONS[g.verdict], { tone: VERDICT_TONE[g.verdict] }),
    cell(note.trim(), { max: 200 }),
  ];
}

/** The suite-level verdicts: what the comment leads with (the cells are their drill-down). */
function aggregateSection(a: Analysis): Section | null {
  if (a.aggregates.length === 0) return null;
  const rows = [...a.aggregates].sort((x, y) => ORDER[x.verdict] - ORDER[y.verdict]);
  const blocks: Block[] = [];
  const regressions = a.headline.aggregateRegressions;
  if (regressions.length > 0)
    blocks.push({
      kind: 'list',
      items: regressions.map((g) => [safe('🔴 '), span(g.sentence, { max: 400, tone: 'bad' })]),
      limit: 20,
    });
  blocks.push({
    kind: 'table',
    columns: AGGREGATE_COLUMNS,
    rows: rows.map((g) => aggregateRow(a, g)),
    limit: 40,
  });
  return {
    id: 'suite-overheads',
    title: 'Suite overheads (geometric mean over each suite’s cells; tested first)',
    blocks,
    markdown: { summary: 'open', comment: 'open' },
    essential: true,
  };
}

/** Without a baseline: each suite's overhead in each environment, with its interval. */
function suiteOverheadSection(a: Analysis): Section | null {
  if (a.suiteOverheads.length === 0) return null;
  return {
    id: 'suite-overheads',
    title: 'Overhead per suite (geometric mean over its cells)',
    blocks: [
      { kind: 'list', items: a.suiteOverheads.map((s) => [span(s.sentence, { max: 300 })]), limit: 40 },
    ],
    markdown: { summary: 'open', comment: 'open' },
  };
}

/** Tests whose MDE is above the minimum effect: the change they could have missed. */
function underpoweredSection(a: Analysis): Section | null {
  if (a.underpowered.length === 0) return null;
  const what = { aggregate: 'suite overhead', overhead: 'overhead', absolute: 'absolute' } as const;
  return {
    id: 'underpowered',
    title: `Underpowered: ${a.underpowered.length} unchanged verdicts could not see a ${formatPct(a.options.minEffect, 0)} change`,
    blocks: [
      {
        kind: 'list',
        items: a.underpowered.map((u) => [
          span(
            `${envName(a, u.env)} ${u.test === 'aggregate' ? u.label.slice(envName(a, u.env).length).trim() : u.label}`,
            { max: 160 },
          ),
          safe(` (${what[u.test]}): ${cannotSee(u.mde)}`),
        ]),
        limit: 30,
      },
      {
        kind: 'note',
        text: [
          safe(
            'More runs (runs:, or the paper preset), or fewer cells, shrink these; a noisy cell (see its CV) needs more runs than a quiet one.',
          ),
        ],
      },
    ],
    markdown: { summary: 'collapsed', comment: 'collapsed' },
  };
}

function regressionSections(a: Analysis): Section[] {
  const h = a.headline;
  const ors = h.overheadRegressions;
  const orBlocks: Block[] =
    ors.length === 0
      ? [
          {
            kind: 'paragraph',
            text: [safe(`None: ${a.overheadComparisons.length} environment × metric overheads compared.`)],
          },
        ]
      : [
          {
            kind: 'list',
            items: ors.map((o) => [safe('🔴 '), span(o.sentence, { max: 400, tone: 'bad' })]),
            limit: 40,
          },
        ];
  const rs = h.regressions;
  const c = h.absoluteCounts;
  const oc = h.overheadCounts;
  const rBlocks: Block[] =
    rs.length === 0
      ? [{ kind: 'paragraph', text: [safe(`None: ${a.comparisons.length} cells compared.`)] }]
      : [{ kind: 'table', columns: COMPARISON_COLUMNS, rows: rs.map((x) => comparisonRow(a, x)), limit: 40 }];
  rBlocks.push({
    kind: 'paragraph',
    text: [
      safe(
        `Verdicts — overhead: ${oc.regression} regression, ${oc.improvement} improvement, ${oc.unchanged} unchanged, ${oc.incomparable} incomparable, ${oc.erratic} erratic, ${oc.missing} missing; ` +
          `absolute: ${c.regression} regression, ${c.improvement} improvement, ${c.unchanged} unchanged, ${c.incomparable} incomparable, ${c.erratic} erratic, ${c.missing} missing.`,
      ),
    ],
  });
  return [
    {
      id: 'overhead-regressions',
      title: 'Overhead regressions',
      blocks: orBlocks,
      markdown: { summary: 'open', comment: 'open' },
      essential: true,
    },
    {
      id: 'absolute-regressions',
      title: 'Absolute regressions',
      blocks: rBlocks,
      markdown: { summary: 'open', comment: 'open' },
      essential: true,
    },
  ];
}

// ------------------------------------------------------------- why things are not compared

function setupDifferences(a: Analysis): Section | null {
  const diffs = a.fingerprintDifferences;
  if (diffs.length === 0) return null;
  const unexpected = diffs.some((d) => !d.expected);
  const underTest = diffs.every((d) => d.expected && d.class === 'under-test');
  return {
    id: 'setup-differences',
    title: unexpected
      ? '⚠️ Not comparable: the setup changed'
      : underTest
        ? 'Changes under test (compared: the verdicts include their effect)'
        : 'Expected setup changes (compared anyway)',
    blocks: [
      {
        kind: 'table',
        columns: [
          { title: 'Environment' },
          { title: 'Fingerprint key' },
          { title: 'Baseline' },
          { title: 'Current' },
          { title: 'Effect' },
        ],
        rows: diffs.map((d) => [
          cell(d.env === '*' ? 'all' : envName(a, d.env), { max: 60 }),
          cell(d.key, { max: 60 }),
          cell(d.baseline, { max: 120 }),
          cell(d.current, { max: 120 }),
          d.expected
            ? num(d.class === 'under-test' ? 'change under test: compared' : 'expected: compared')
            : num('incomparable (setup)', { tone: 'warn' }),
        ]),
      },
    ],
    markdown: { summary: 'open', comment: 'open' },
  };
}

function failures(a: Analysis): Section | null {
  const skipped = a.environments.filter((e) => e.skipped);
  if (skipped.length + a.failures.length === 0) return null;
  const items: Text[] = [];
  for (const e of skipped)
    items.push([
      span(e.label, { strong: true, max: 60 }),
      safe(' skipped: '),
      span(e.skipped ?? '', { max: 300 }),
    ]);
  for (const f of a.failures) {
    const params = Object.entries(f.params)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(', ');
    items.push([
      span(`${envName(a, f.env)} ${f.suite}${params ? ` (${params})` : ''}`, { max: 200 }),
      safe(`: ${f.rounds.length} run(s) failed`),
      ...(f.kinds.length ? [span(` [${f.kinds.join(', ')}]`, { max: 60 })] : []),
      safe(': '),
      span(f.message, { code: true, max: 300 }),
    ]);
  }
  return {
    id: 'failures',
    title: 'Skipped environments and failed runs',
    blocks: [{ kind: 'list', items, limit: 50 + skipped.length }],
    markdown: { summary: 'open', comment: 'open' },
  };
}

function notes(a: Analysis): Section | null {
  if (a.notes.length === 0) return null;
  return {
    id: 'notes',
    title: null,
    blocks: a.notes.map((n) => ({ kind: 'note', text: [span(n, { max: 500 })] })),
    markdown: { summary: 'open', comment: 'open' },
  };
}

// ---------------------------------------------------------------------------- the tables

function overheadTable(a: Analysis, lookup: ReturnType<typeof cellIndex>): Section | null {
  const hostEnv = a.options.hostEnv;
  if (hostEnv === null) return null;
  const envs = a.environments.filter((e) => !e.isHost && a.cells.some((c) => c.env === e.id));
  const rows = new Map<string, { label: string; unit: string; byEnv: Map<string, Cell> }>();
  const row = (c: { metricKey: string; label: string; unit: string }) => {
    let r = rows.get(c.metricKey);
    if (!r) rows.set(c.metricKey, (r = { label: c.label, unit: c.unit, byEnv: new Map() }));
    return r;
  };
  let values = 0;
  let incomparable = 0;
  for (const o of a.overheads) {
    row(o).byEnv.set(o.env, num(overheadText(o, lookup)));
    values += 1;
  }
  // Overheads the analysis could not form (host mean 0, not finite): said, not hidden.
  for (const c of a.cells) {
    if (c.env === hostEnv) continue;
    const host = lookup(hostEnv, c.metricKey);
    const why = overheadProblem(host, c);
    if (why === null) continue;
    row(c).byEnv.set(c.env, num(`⚠️ incomparable: ${why}`, { tone: 'warn' }));
    incomparable += 1;
  }
  const shown = envs.filter((e) => [...rows.values()].some((r) => r.byEnv.has(e.id)));
  if (rows.size === 0 || shown.length === 0) return null;
  const blocks: Block[] = [
    {
      kind: 'table',
      columns: [
        { title: 'Metric' },
        { title: 'Unit' },
        ...shown.map((e) => ({ title: e.label, numeric: true })),
      ],
      rows: [...rows.values()].map((r) => [
        cell(r.label, { max: 120 }),
        cell(displayUnit(r.unit).unit, { max: 20 }),
        ...shown.map((e) => r.byEnv.get(e.id) ?? num('–')),
      ]),
    },
  ];
  if (a.overheads.some(fewRuns)) blocks.push(fewRunsNote('Overheads'));
  const count =
    `${values} overhead${values === 1 ? '' : 's'} of ${shown.length} environment${shown.length === 1 ? '' : 's'} on ${rows.size} metric${rows.size === 1 ? '' : 's'}` +
    (incomparable > 0 ? `, ${incomparable} incomparable` : '');
  return {
    id: 'overheads',
    title: `Overhead per metric against the host (${count}; 95% bootstrap intervals)`,
    blocks,
    markdown: { summary: 'open', comment: 'collapsed' },
  };
}

function figures(a: Analysis): Section | null {
  const charts = buildCharts(a);
  if (charts.length === 0) return null;
  return {
    id: 'figures',
    title: 'Figures (as in the paper; mean ± one standard deviation)',
    blocks: [{ kind: 'figures', charts }],
    markdown: { summary: 'open', comment: 'omitted' },
  };
}

/** What each environment measured through: IOzone's scratch and netperf's peer, read from inside it. */
function measurementPaths(a: Analysis): Section | null {
  const envs = a.environments.filter((e) => e.paths);
  if (envs.length === 0) return null;
  return {
    id: 'measurement-paths',
    title: 'Measurement paths (read from inside each environment)',
    blocks: [
      {
        kind: 'table',
        columns: [{ title: 'Environment' }, { title: 'IOzone scratch' }, { title: 'netperf peer' }],
        rows: envs.map((e) => {
          const s = e.paths?.scratch;
          const n = e.paths?.netperfPeer;
          return [
            cell(e.label, { max: 60 }),
            cell(s ? `${s.source} (${s.fstype}) at ${s.path}` : '–', { max: 200 }),
            cell(n ? `${n.kind} ${n.address} via ${n.via}` : '–', { max: 120 }),
          ];
        }),
      },
    ],
    markdown: { summary: 'open', comment: 'collapsed' },
  };
}

const ORDER: Record<Verdict, number> = {
  regression: 0,
  improvement: 1,
  erratic: 2,
  incomparable: 3,
  missing: 4,
  unchanged: 5,
};

function comparisonTables(a: Analysis): Section[] {
  if (!a.baseline) return [];
  const ocs = [...a.overheadComparisons].sort((x, y) => ORDER[x.verdict] - ORDER[y.verdict]);
  const cs = [...a.comparisons].sort((x, y) => ORDER[x.verdict] - ORDER[y.verdict]);
  return [
    {
      id: 'overhead-comparisons',
      title: `All overhead comparisons (${ocs.length})`,
      blocks: [
        {
          kind: 'table',
          columns: OVERHEAD_COMPARISON_COLUMNS,
          rows: ocs.map((o) => overheadComparisonRow(a, o)),
        },
      ],
      markdown: { summary: 'collapsed', comment: 'collapsed' },
    },
    {
      id: 'comparisons',
      title: `All cells, baseline vs current (${cs.length})`,
      blocks: [{ kind: 'table', columns: COMPARISON_COLUMNS, rows: cs.map((c) => comparisonRow(a, c)) }],
      markdown: { summary: 'collapsed', comment: 'collapsed' },
    },
  ];
}

function statistics(a: Analysis): Section {
  const blocks: Block[] = [
    {
      kind: 'table',
      columns: [
        { title: 'Environment' },
        { title: 'Metric' },
        { title: 'Unit' },
        { title: 'n', numeric: true },
        { title: 'Mean', numeric: true },
        { title: 'Median', numeric: true },
        { title: 'SD', numeric: true },
        { title: 'CV', numeric: true },
        { title: `95% CI of the mean (range when n < ${MIN_RUNS_FOR_INTERVAL})`, numeric: true },
      ],
      rows: a.cells.map((c) => [
        cell(envName(a, c.env), { max: 60 }),
        cell(c.label, { max: 120 }),
        cell(displayUnit(c.unit).unit, { max: 20 }),
        num(String(c.n)),
        num(dv(c.mean, c.unit)),
        num(dv(c.median, c.unit)),
        num(dv(c.sd, c.unit)),
        num(formatPct(c.cv)),
        num(
          c.n < MIN_RUNS_FOR_INTERVAL
            ? c.n === 1
              ? 'one run'
              : `range ${dv(c.min, c.unit)} … ${dv(c.max, c.unit)}`
            : c.ciLow === null
              ? '–'
              : `${dv(c.ciLow, c.unit)} … ${dv(c.ciHigh, c.unit)}`,
        ),
      ]),
    },
  ];
  if (a.cells.some((c) => c.n < MIN_RUNS_FOR_INTERVAL)) blocks.push(fewRunsNote('Cells'));
  return {
    id: 'statistics',
    title: `Statistics per cell (${a.cells.length})`,
    blocks,
    markdown: { summary: 'collapsed', comment: 'collapsed' },
  };
}

// ---------------------------------------------------------------------------- the footer

function pointer(o: ReportOptions, format: 'markdown' | 'html'): Text {
  const url = o.artifactUrl && /^https?:\/\/[^\s()<>"'`]+$/.test(o.artifactUrl) ? o.artifactUrl : undefined;
  const what = format === 'markdown' ? 'HTML with charts, CSV, raw logs' : 'results.json, CSV, raw logs';
  if (url) return [safe(`Full report (${what}): `), span('report artifact', { href: url }), safe('.')];
  if (o.origin === 'action') return [safe(`Full report (${what}): see the run’s report artifact.`)];
  const f = o.files ?? {};
  const list: Text[] = [];
  if (format === 'markdown')
    list.push([span(f.html ?? 'report.html', { code: true }), safe(' (charts and every table)')]);
  if (f.csv) list.push([span(f.csv, { code: true }), safe(' (one row per cell)')]);
  if (f.logs) list.push([span(f.logs, { code: true }), safe(' (raw logs)')]);
  if (list.length === 0) return [];
  const parts: Text = [safe('Next to this file: ')];
  list.forEach((t, i) => parts.push(...(i > 0 ? [safe(', ')] : []), ...t));
  parts.push(safe('.'));
  return parts;
}

export function buildReport(a: Analysis, o: ReportOptions = {}): ReportDocument {
  const lookup = cellIndex(a);
  const sections: Section[] = [];
  if (a.baseline) {
    const suites = aggregateSection(a);
    if (suites) sections.push(suites);
    sections.push(...regressionSections(a));
  } else {
    sections.push(overheadSummary(a, lookup));
    const suites = suiteOverheadSection(a);
    if (suites) sections.push(suites);
  }
  for (const s of [
    setupDifferences(a),
    failures(a),
    notes(a),
    underpoweredSection(a),
    overheadTable(a, lookup),
    measurementPaths(a),
    figures(a),
  ])
    if (s) sections.push(s);
  sections.push(...comparisonTables(a), statistics(a));
  const origin = o.origin ?? (o.artifactUrl ? 'action' : 'cli');
  return {
    title: o.title ?? 'arm-virt-bench: virtualization overhead',
    verdict: verdict(a),
    run: runLine(a),
    sections,
    pointer: pointer({ ...o, origin }, 'markdown'),
    pointerHtml: pointer({ ...o, origin }, 'html'),
    method: METHOD,
    madeBy: `arm-virt-bench ${o.toolVersion ?? a.current.toolVersion} (${origin === 'action' ? 'GitHub Action' : 'CLI'})`,
  };
}
