/**
 * Markdown for the job summary (`summary`, ≤ 1 MiB) and the PR comment (`comment`,
 * ≤ 65,536 characters). The comment degrades gracefully: the headline (overhead regressions,
 * then absolute regressions) always fits; then the fingerprint differences and counts; then a
 * collapsed full table trimmed to the space left; then a pointer to the artifact.
 * Every untrusted string goes through escapeMarkdown().
 */
import { envLabel } from '../analysis/labels.js';
import type { Analysis, Comparison, OverheadComparison, Verdict } from '../analysis/types.js';
import { buildCharts } from './charts.js';
import { escapeMarkdown as esc } from './escape.js';
import { formatPct, formatValue } from './format.js';
import { renderMermaid } from './mermaid.js';

export interface MarkdownOptions {
  flavor: 'summary' | 'comment';
  /** Default: 1 MiB (bytes, UTF-8) for summary, 65,536 characters for comment. */
  maxChars?: number;
  /** Link to the uploaded report artifact (http/https only). */
  artifactUrl?: string;
  title?: string;
}

export const SUMMARY_LIMIT_BYTES = 1024 * 1024;
export const COMMENT_LIMIT_CHARS = 65_536;
/** The hidden marker the GitHub layer uses to find and update its own comment. */
export const COMMENT_MARKER = '<!-- arm-virt-bench-report -->';

const ICONS: Record<Verdict, string> = {
  regression: '🔴 regression',
  improvement: '🟢 improvement',
  unchanged: '⚪ unchanged',
  incomparable: '⚠️ incomparable',
  erratic: '〰️ erratic',
  missing: '❔ missing',
};

const encoder = new TextEncoder();

function size(s: string, flavor: 'summary' | 'comment'): number {
  return flavor === 'summary' ? encoder.encode(s).length : s.length;
}

function table(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

function side(s: Comparison['baseline']): string {
  if (!s) return '–';
  return `${formatValue(s.mean)} (n=${s.n}${s.cv !== null ? `, CV ${formatPct(s.cv)}` : ''})`;
}

function ci(low: number | null, high: number | null): string {
  return low === null || high === null ? '–' : `${formatPct(low, 1, true)} … ${formatPct(high, 1, true)}`;
}

function p(v: number | null): string {
  if (v === null) return '–';
  return v < 0.0001 ? v.toExponential(1) : v.toFixed(4);
}

function envName(a: Analysis, id: string): string {
  const e = a.environments.find((x) => x.id === id);
  return esc(e ? e.label : envLabel(id), 60);
}

function comparisonRow(a: Analysis, c: Comparison): string[] {
  return [
    envName(a, c.env),
    esc(c.label, 120),
    esc(c.unit, 20),
    side(c.baseline),
    side(c.current),
    formatPct(c.change, 1, true),
    ci(c.ciLow, c.ciHigh),
    p(c.pAdjusted),
    ICONS[c.verdict],
    c.reason ? esc(c.reason, 200) : '',
  ];
}
const COMPARISON_HEADER = [
  'Environment',
  'Metric',
  'Unit',
  'Baseline',
  'Current',
  'Change (worse > 0)',
  '95% CI',
  'p (adj.)',
  'Verdict',
  'Note',
];

function overheadRow(a: Analysis, o: OverheadComparison): string[] {
  return [
    envName(a, o.env),
    esc(o.label, 120),
    formatPct(o.baselineOverhead),
    formatPct(o.currentOverhead),
    formatPct(o.change, 1, true),
    ci(o.ciLow, o.ciHigh),
    p(o.pAdjusted),
    ICONS[o.verdict],
    o.reason ? esc(o.reason, 200) : '',
  ];
}
const OVERHEAD_HEADER = [
  'Environment',
  'Metric',
  'Overhead before',
  'Overhead now',
  'Change vs host',
  '95% CI',
  'p (adj.)',
  'Verdict',
  'Note',
];

function verdictLine(a: Analysis): string {
  const h = a.headline;
  const o = a.options;
  const method = `${h.tests} tests, ${o.correction === 'holm' ? 'Holm' : 'Benjamini-Hochberg'} at α=${o.alpha}, minimum effect ${formatPct(o.minEffect, 0)}`;
  if (h.status === 'no-baseline') return '**ℹ️ No baseline: overheads against the host only, no verdicts.**';
  if (h.status === 'ok') {
    return `**✅ No regression** (${method}; ${h.overheadCounts.incomparable + h.absoluteCounts.incomparable} incomparable, ${h.overheadCounts.missing + h.absoluteCounts.missing} missing, ${h.overheadCounts.erratic + h.absoluteCounts.erratic} erratic).`;
  }
  return `**❌ ${h.overheadRegressions.length} overhead regression(s), ${h.regressions.length} absolute regression(s)** (${method}).`;
}

function runLine(a: Analysis): string {
  const r = a.current;
  const parts = [
    `Run ${esc(r.id, 80)}`,
    `board ${esc(r.board, 80)}`,
    `preset ${esc(r.preset, 40)}`,
    ...(r.gitSha ? [`commit ${esc(r.gitSha.slice(0, 12), 12)}`] : []),
    ...(r.status && r.status !== 'complete' ? [`status **${esc(r.status, 20)}**`] : []),
  ];
  const b = a.baseline;
  const base = b
    ? ` — baseline: run ${esc(b.id, 80)}${b.gitSha ? ` at ${esc(b.gitSha.slice(0, 12), 12)}` : ''}`
    : '';
  return `${parts.join(' · ')}${base}`;
}

/** Without a baseline, the headline is the overhead per environment. */
function overheadHeadline(a: Analysis): string[] {
  const out: string[] = [];
  for (const e of a.environments.filter((x) => !x.isHost)) {
    const list = a.overheads.filter((o) => o.env === e.id);
    if (list.length === 0) continue;
    const sorted = [...list].sort((x, y) => x.overhead - y.overhead);
    const median = sorted[Math.floor((sorted.length - 1) / 2)]!.overhead;
    const worst = sorted[sorted.length - 1]!;
    out.push(
      `- **${esc(e.label, 60)}**: median overhead ${formatPct(median)} over ${list.length} cells; largest: ${esc(worst.sentence, 300)}`,
    );
  }
  return out;
}

interface Table {
  header: string[];
  rows: string[][];
}

function overheadPivot(a: Analysis): Table | null {
  const envs = a.environments.filter((e) => !e.isHost && a.overheads.some((o) => o.env === e.id));
  if (envs.length === 0) return null;
  const rows = new Map<string, { label: string; unit: string; byEnv: Map<string, string> }>();
  for (const o of a.overheads) {
    let r = rows.get(o.metricKey);
    if (!r) rows.set(o.metricKey, (r = { label: o.label, unit: o.unit, byEnv: new Map() }));
    const n = o.nEnv === o.nHost ? `n=${o.nEnv}` : `n=${o.nEnv}/${o.nHost}`;
    r.byEnv.set(o.env, `${formatPct(o.overhead)} ± ${formatPct((o.ciHigh - o.ciLow) / 2)} (${n})`);
  }
  return {
    header: ['Metric', 'Unit', ...envs.map((e) => esc(e.label, 40))],
    rows: [...rows.values()].map((r) => [
      esc(r.label, 120),
      esc(r.unit, 20),
      ...envs.map((e) => r.byEnv.get(e.id) ?? '–'),
    ]),
  };
}

function statsTable(a: Analysis): Table {
  return {
    header: ['Environment', 'Metric', 'Unit', 'n', 'Mean', 'Median', 'SD', 'CV', '95% CI of the mean'],
    rows: a.cells.map((c) => [
      envName(a, c.env),
      esc(c.label, 120),
      esc(c.unit, 20),
      String(c.n),
      formatValue(c.mean),
      formatValue(c.median),
      formatValue(c.sd),
      formatPct(c.cv),
      c.ciLow === null ? '–' : `${formatValue(c.ciLow)} … ${formatValue(c.ciHigh)}`,
    ]),
  };
}

function problems(a: Analysis): string[] {
  const out: string[] = [];
  const diffs = a.fingerprintDifferences.filter((d) => !d.expected);
  if (diffs.length > 0) {
    out.push('### ⚠️ Not comparable: the setup changed', '');
    out.push(
      ...table(
        ['Environment', 'Fingerprint key', 'Baseline', 'Current'],
        diffs.map((d) => [
          d.env === '*' ? 'all' : envName(a, d.env),
          esc(d.key, 60),
          esc(d.baseline, 120),
          esc(d.current, 120),
        ]),
      ),
      '',
    );
  }
  const expected = a.fingerprintDifferences.filter((d) => d.expected);
  if (expected.length > 0) {
    out.push(
      `Expected changes (compared anyway): ${expected.map((d) => `${envName(a, d.env)} ${esc(d.key, 60)} ${esc(d.baseline, 80)} → ${esc(d.current, 80)}`).join('; ')}`,
      '',
    );
  }
  const skipped = a.environments.filter((e) => e.skipped);
  const failures = a.failures;
  if (skipped.length + failures.length > 0) {
    out.push('### Skipped environments and failed runs', '');
    for (const e of skipped) out.push(`- **${esc(e.label, 60)}** skipped: ${esc(e.skipped, 300)}`);
    for (const f of failures.slice(0, 50)) {
      const params = Object.entries(f.params)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(', ');
      out.push(
        `- ${envName(a, f.env)} ${esc(f.suite, 20)}${params ? ` (${esc(params, 120)})` : ''}: ${f.rounds.length} run(s) failed${f.kinds.length ? ` [${esc(f.kinds.join(', '), 60)}]` : ''}: ${esc(f.message, 300)}`,
      );
    }
    if (failures.length > 50) out.push(`- … and ${failures.length - 50} more groups in the artifact`);
    out.push('');
  }
  for (const note of a.notes) out.push(`> ${esc(note, 500)}`, '');
  return out;
}

function pointer(opts: MarkdownOptions): string {
  const url =
    opts.artifactUrl && /^https?:\/\/[^\s()<>"'`]+$/.test(opts.artifactUrl) ? opts.artifactUrl : undefined;
  return url
    ? `Full report (HTML with charts, CSV, raw logs): [report artifact](${url}).`
    : 'Full report (HTML with charts, CSV, raw logs): see the run’s report artifact.';
}

const METHOD =
  '<sub>Overhead = degradation relative to the host (Raho et al. 2015): (env − host)/host for times, (host − env)/host for throughputs; ± is half the 95% bootstrap interval. Verdicts: Welch t-test on log values per cell, one Holm (or BH) family per report; a regression must be significant and its 95% interval must reach the minimum effect.</sub>';

/** Fit as many rows of a table as the budget allows (header always), with a "more" line. */
function fitTable(header: string[], rows: string[][], budget: number, flavor: 'summary' | 'comment'): string {
  const head = table(header, []).join('\n');
  const lines: string[] = [head];
  let used = size(head, flavor) + 1;
  const reserve = 120;
  let i = 0;
  for (; i < rows.length; i++) {
    const line = `| ${rows[i]!.join(' | ')} |`;
    const s = size(line, flavor) + 1;
    if (used + s + reserve > budget) break;
    lines.push(line);
    used += s;
  }
  if (i < rows.length) lines.push('', `*… ${rows.length - i} more rows in the report artifact.*`);
  return lines.join('\n');
}

export function renderMarkdown(a: Analysis, opts: MarkdownOptions): string {
  const flavor = opts.flavor;
  const budget = opts.maxChars ?? (flavor === 'summary' ? SUMMARY_LIMIT_BYTES : COMMENT_LIMIT_CHARS);
  const title = esc(opts.title ?? 'arm-virt-bench: virtualization overhead', 200);
  const tail = ['', '---', pointer(opts), '', METHOD, ''].join('\n');
  const blocks: {
    text: string;
    trimmable?: { header: string[]; rows: string[][]; before: string; after: string };
  }[] = [];

  // 1. Headline: overhead regressions, then absolute regressions (capped, never dropped).
  const head: string[] = [];
  if (flavor === 'comment') head.push(COMMENT_MARKER);
  head.push(`## ${title}`, '', verdictLine(a), '', runLine(a), '');
  if (a.baseline) {
    head.push('### Overhead regressions', '');
    const ors = a.headline.overheadRegressions;
    if (ors.length === 0)
      head.push(`None: ${a.overheadComparisons.length} environment × metric overheads compared.`, '');
    for (const o of ors.slice(0, 40)) head.push(`- 🔴 ${esc(o.sentence, 400)}`);
    if (ors.length > 40) head.push(`- … and ${ors.length - 40} more in the full table`);
    head.push('');
    const rs = a.headline.regressions;
    head.push('### Absolute regressions', '');
    if (rs.length === 0) head.push(`None: ${a.comparisons.length} cells compared.`, '');
    else
      head.push(
        ...table(
          COMPARISON_HEADER,
          rs.slice(0, 40).map((c) => comparisonRow(a, c)),
        ),
        '',
      );
    if (rs.length > 40) head.push(`… and ${rs.length - 40} more in the full table.`, '');
    const c = a.headline.absoluteCounts;
    const oc = a.headline.overheadCounts;
    head.push(
      `Verdicts — overhead: ${oc.regression} regression, ${oc.improvement} improvement, ${oc.unchanged} unchanged, ${oc.incomparable} incomparable, ${oc.erratic} erratic, ${oc.missing} missing; ` +
        `absolute: ${c.regression} regression, ${c.improvement} improvement, ${c.unchanged} unchanged, ${c.incomparable} incomparable, ${c.erratic} erratic, ${c.missing} missing.`,
      '',
    );
  } else {
    head.push('### Overhead against the host', '', ...overheadHeadline(a), '');
  }
  blocks.push({ text: head.join('\n') });

  // 2. Why things could not be compared, failures, skipped environments.
  const prob = problems(a);
  if (prob.length > 0) blocks.push({ text: prob.join('\n') });

  // 3. Overhead table (summary: open; comment: collapsed).
  const pivot = overheadPivot(a);
  if (pivot) {
    const titleO = `Overhead against the host (${a.cells.length} cells, 95% bootstrap intervals)`;
    blocks.push({
      text: '',
      trimmable: {
        ...pivot,
        before: flavor === 'summary' ? `### ${titleO}\n\n` : `<details><summary>${titleO}</summary>\n\n`,
        after: flavor === 'summary' ? '\n' : '\n\n</details>\n',
      },
    });
  }

  // 4. Charts (summary only: a PR comment stays short).
  if (flavor === 'summary') {
    const charts = buildCharts(a);
    if (charts.length > 0)
      blocks.push({ text: ['### Figures (as in the paper)', '', ...charts.map(renderMermaid)].join('\n') });
  }

  // 5. Full tables, collapsed.
  if (a.baseline) {
    const order: Record<Verdict, number> = {
      regression: 0,
      improvement: 1,
      erratic: 2,
      incomparable: 3,
      missing: 4,
      unchanged: 5,
    };
    const ocs = [...a.overheadComparisons].sort((x, y) => order[x.verdict] - order[y.verdict]);
    blocks.push({
      text: '',
      trimmable: {
        header: OVERHEAD_HEADER,
        rows: ocs.map((o) => overheadRow(a, o)),
        before: `<details><summary>All overhead comparisons (${ocs.length})</summary>\n\n`,
        after: '\n\n</details>\n',
      },
    });
    const cs = [...a.comparisons].sort((x, y) => order[x.verdict] - order[y.verdict]);
    blocks.push({
      text: '',
      trimmable: {
        header: COMPARISON_HEADER,
        rows: cs.map((c) => comparisonRow(a, c)),
        before: `<details><summary>All cells, baseline vs current (${cs.length})</summary>\n\n`,
        after: '\n\n</details>\n',
      },
    });
  }
  const stats = statsTable(a);
  blocks.push({
    text: '',
    trimmable: {
      ...stats,
      before: `<details><summary>Statistics per cell (${a.cells.length})</summary>\n\n`,
      after: '\n\n</details>\n',
    },
  });

  // Assemble within the budget: the headline always; the rest while it fits.
  let out = '';
  let remaining = budget - size(tail, flavor);
  const first = blocks[0]!.text + '\n';
  if (size(first, flavor) > remaining) {
    // Only with absurd input (thousands of regressions of huge labels): cut the headline itself.
    let cut = first;
    while (size(cut, flavor) > remaining - 80) cut = cut.slice(0, Math.floor(cut.length * 0.9));
    return `${cut}\n\n*… cut to fit; see the report artifact.*\n${tail}`;
  }
  out += first;
  remaining -= size(first, flavor);
  for (const b of blocks.slice(1)) {
    let text: string;
    if (b.trimmable) {
      const t = b.trimmable;
      const space = remaining - size(t.before + t.after, flavor) - 2;
      if (space < 400) continue;
      text = `${t.before}${fitTable(t.header, t.rows, space, flavor)}${t.after}\n`;
    } else {
      text = `${b.text}\n`;
    }
    const s = size(text, flavor);
    if (s > remaining) continue;
    out += text;
    remaining -= s;
  }
  return out + tail;
}
