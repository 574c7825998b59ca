/**
 * A self-contained HTML report: inline CSS and SVG, no script, no external resource; a CSP
 * (default-src 'none') makes the browser refuse any network request a string might smuggle in.
 */
import type { Analysis, Verdict } from '../analysis/types.js';
import { buildCharts } from './charts.js';
import { escapeHtml as h } from './escape.js';
import { formatPct, formatValue } from './format.js';
import { renderSvg } from './svg.js';

const VERDICT_CLASS: Record<Verdict, string> = {
  regression: 'bad',
  improvement: 'good',
  unchanged: 'neutral',
  incomparable: 'warn',
  erratic: 'warn',
  missing: 'warn',
};

function label(a: Analysis, env: string): string {
  return a.environments.find((e) => e.id === env)?.label ?? env;
}

function table(header: string[], rows: string[][], cls = ''): string {
  return `<table class="${cls}"><thead><tr>${header.map((x) => `<th>${h(x)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.join('')}</tr>`)
    .join('\n')}</tbody></table>`;
}

function td(text: string, cls = ''): string {
  return cls ? `<td class="${cls}">${h(text)}</td>` : `<td>${h(text)}</td>`;
}

function p(v: number | null): string {
  if (v === null) return '–';
  return v < 0.0001 ? v.toExponential(1) : v.toFixed(4);
}

function ci(low: number | null, high: number | null): string {
  return low === null || high === null ? '–' : `${formatPct(low, 1, true)} … ${formatPct(high, 1, true)}`;
}

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px auto;max-width:1100px;color:#1f2328;padding:0 16px}
h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
table{border-collapse:collapse;margin:8px 0;font-size:12.5px}th,td{border:1px solid #d0d7de;padding:3px 7px;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.num{text-align:right;font-variant-numeric:tabular-nums}
.bad{color:#b42318;font-weight:600}.good{color:#1a7f37}.warn{color:#9a6700}.neutral{color:#57606a}
.verdict{font-size:16px;padding:10px 14px;border-radius:6px;background:#f6f8fa;border:1px solid #d0d7de}
.charts{display:flex;flex-wrap:wrap;gap:12px}.chart{border:1px solid #d0d7de;border-radius:6px;background:#fff}
.meta{color:#57606a}details{margin:10px 0}summary{cursor:pointer;font-weight:600}
`;

export function renderHtml(a: Analysis, opts: { title?: string } = {}): string {
  const title = opts.title ?? 'arm-virt-bench: virtualization overhead';
  const hd = a.headline;
  const verdict =
    hd.status === 'no-baseline'
      ? 'No baseline: overheads against the host only, no verdicts.'
      : hd.status === 'ok'
        ? `No regression (${hd.tests} tests, ${a.options.correction === 'holm' ? 'Holm' : 'Benjamini-Hochberg'} at α=${a.options.alpha}, minimum effect ${formatPct(a.options.minEffect, 0)}).`
        : `${hd.overheadRegressions.length} overhead regression(s), ${hd.regressions.length} absolute regression(s).`;
  const body: string[] = [];
  body.push(`<h1>${h(title)}</h1>`);
  body.push(
    `<p class="meta">Run ${h(a.current.id)} · board ${h(a.current.board)} · preset ${h(a.current.preset)}${a.current.gitSha ? ` · commit ${h(a.current.gitSha.slice(0, 12))}` : ''} · started ${h(a.current.started)}${a.baseline ? ` — baseline run ${h(a.baseline.id)}` : ''}</p>`,
  );
  body.push(`<p class="verdict ${hd.status === 'regression' ? 'bad' : ''}">${h(verdict)}</p>`);

  if (a.baseline) {
    body.push('<h2>Overhead regressions</h2>');
    body.push(
      hd.overheadRegressions.length === 0
        ? `<p>None among ${a.overheadComparisons.length} overhead comparisons.</p>`
        : `<ul>${hd.overheadRegressions.map((o) => `<li class="bad">${h(o.sentence)}</li>`).join('')}</ul>`,
    );
    body.push('<h2>Absolute regressions</h2>');
    body.push(
      hd.regressions.length === 0
        ? `<p>None among ${a.comparisons.length} cells.</p>`
        : table(
            ['Environment', 'Metric', 'Baseline mean', 'Current mean', 'Change', '95% CI', 'p (adj.)'],
            hd.regressions.map((c) => [
              td(label(a, c.env)),
              td(c.label),
              td(formatValue(c.baseline?.mean), 'num'),
              td(formatValue(c.current?.mean), 'num'),
              td(formatPct(c.change, 1, true), 'num bad'),
              td(ci(c.ciLow, c.ciHigh), 'num'),
              td(p(c.pAdjusted), 'num'),
            ]),
          ),
    );
  } else {
    body.push('<h2>Overhead against the host</h2>');
  }
  const diffs = a.fingerprintDifferences;
  if (diffs.length > 0) {
    body.push('<h2>Setup differences</h2>');
    body.push(
      table(
        ['Environment', 'Key', 'Baseline', 'Current', 'Effect'],
        diffs.map((d) => [
          td(d.env === '*' ? 'all' : label(a, d.env)),
          td(d.key),
          td(d.baseline),
          td(d.current),
          td(d.expected ? 'expected: compared' : 'incomparable', d.expected ? '' : 'warn'),
        ]),
      ),
    );
  }
  const skipped = a.environments.filter((e) => e.skipped);
  if (skipped.length + a.failures.length > 0) {
    body.push('<h2>Skipped environments and failed runs</h2><ul>');
    for (const e of skipped) body.push(`<li class="warn">${h(e.label)} skipped: ${h(e.skipped)}</li>`);
    for (const f of a.failures) {
      const params = Object.entries(f.params)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(', ');
      body.push(
        `<li>${h(label(a, f.env))} ${h(f.suite)} ${h(params)}: ${f.rounds.length} run(s) failed ${h(f.kinds.join(', '))}: <code>${h(f.message)}</code></li>`,
      );
    }
    body.push('</ul>');
  }
  for (const n of a.notes) body.push(`<p class="meta">${h(n)}</p>`);

  const charts = buildCharts(a);
  if (charts.length > 0) {
    body.push('<h2>Figures</h2>', `<div class="charts">${charts.map(renderSvg).join('\n')}</div>`);
  }

  if (a.overheads.length > 0) {
    body.push('<h2>Overhead against the host (95% bootstrap intervals)</h2>');
    body.push(
      table(
        ['Environment', 'Metric', 'Unit', 'Env mean', 'Host mean', 'Overhead', '95% CI', 'n'],
        a.overheads.map((o) => [
          td(label(a, o.env)),
          td(o.label),
          td(o.unit),
          td(formatValue(o.envMean), 'num'),
          td(formatValue(o.hostMean), 'num'),
          td(formatPct(o.overhead), 'num'),
          td(`${formatPct(o.ciLow)} … ${formatPct(o.ciHigh)}`, 'num'),
          td(o.nEnv === o.nHost ? String(o.nEnv) : `${o.nEnv}/${o.nHost}`, 'num'),
        ]),
      ),
    );
  }
  if (a.baseline) {
    body.push(`<details><summary>All overhead comparisons (${a.overheadComparisons.length})</summary>`);
    body.push(
      table(
        ['Environment', 'Metric', 'Before', 'Now', 'Change vs host', '95% CI', 'p (adj.)', 'Verdict', 'Note'],
        a.overheadComparisons.map((o) => [
          td(label(a, o.env)),
          td(o.label),
          td(formatPct(o.baselineOverhead), 'num'),
          td(formatPct(o.currentOverhead), 'num'),
          td(formatPct(o.change, 1, true), 'num'),
          td(ci(o.ciLow, o.ciHigh), 'num'),
          td(p(o.pAdjusted), 'num'),
          td(o.verdict, VERDICT_CLASS[o.verdict]),
          td(o.reason ?? ''),
        ]),
      ),
      '</details>',
    );
    body.push(`<details><summary>All cells, baseline vs current (${a.comparisons.length})</summary>`);
    body.push(
      table(
        [
          'Environment',
          'Metric',
          'Unit',
          'Baseline mean',
          'Current mean',
          'Change',
          '95% CI',
          'p (adj.)',
          'Verdict',
          'Note',
        ],
        a.comparisons.map((c) => [
          td(label(a, c.env)),
          td(c.label),
          td(c.unit),
          td(formatValue(c.baseline?.mean), 'num'),
          td(formatValue(c.current?.mean), 'num'),
          td(formatPct(c.change, 1, true), 'num'),
          td(ci(c.ciLow, c.ciHigh), 'num'),
          td(p(c.pAdjusted), 'num'),
          td(c.verdict, VERDICT_CLASS[c.verdict]),
          td(c.reason ?? ''),
        ]),
      ),
      '</details>',
    );
  }
  body.push(`<details><summary>Statistics per cell (${a.cells.length})</summary>`);
  body.push(
    table(
      ['Environment', 'Metric', 'Unit', 'n', 'Mean', 'Median', 'SD', 'CV', '95% CI'],
      a.cells.map((c) => [
        td(label(a, c.env)),
        td(c.label),
        td(c.unit),
        td(String(c.n), 'num'),
        td(formatValue(c.mean), 'num'),
        td(formatValue(c.median), 'num'),
        td(formatValue(c.sd), 'num'),
        td(formatPct(c.cv), 'num'),
        td(c.ciLow === null ? '–' : `${formatValue(c.ciLow)} … ${formatValue(c.ciHigh)}`, 'num'),
      ]),
    ),
    '</details>',
  );
  body.push(
    '<p class="meta">Overhead = degradation relative to the host (Raho et al. 2015): (env − host)/host for times, (host − env)/host for throughputs. Verdicts: Welch t-test on log values per cell, one Holm (or Benjamini-Hochberg) family per report; a regression is significant and its 95% interval reaches the minimum effect.</p>',
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)}</title><style>${CSS}</style></head>
<body>
${body.join('\n')}
</body></html>
`;
}
