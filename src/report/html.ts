/**
 * The report document as one self-contained HTML page: inline CSS and SVG, no script, no
 * external resource; a CSP (default-src 'none') makes the browser refuse any network request
 * a string might smuggle in. Every section of the Markdown is here too (same document), each
 * as `<section id="…">`; the long tables are folded in <details>.
 */
import type { Analysis } from '../analysis/types.js';
import { buildReport, type ReportOptions } from './build.js';
import type { Block, Cell, ReportDocument, Section, Text } from './document.js';
import { escapeHtml as h } from './escape.js';
import { renderSvg } from './svg.js';

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px auto;max-width:1100px;color:#1f2328;padding:0 16px}
h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
table{border-collapse:collapse;margin:8px 0;font-size:12.5px}th,td{border:1px solid #d0d7de;padding:3px 7px;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.bad{color:#b42318;font-weight:600}.good{color:#1a7f37}.warn{color:#9a6700}.neutral{color:#57606a}
.verdict{font-size:16px;padding:10px 14px;border-radius:6px;background:#f6f8fa;border:1px solid #d0d7de}
.charts{display:flex;flex-wrap:wrap;gap:12px}.chart{border:1px solid #d0d7de;border-radius:6px;background:#fff;max-width:100%;height:auto}
.meta,.note{color:#57606a}blockquote{margin:8px 0;padding:0 12px;border-left:3px solid #d0d7de}
details{margin:10px 0}summary{cursor:pointer;font-weight:600;font-size:16px}footer{margin-top:32px;font-size:12px}
`;

function inline(t: Text): string {
  return t
    .map((s) => {
      let x = h(s.text);
      if (s.code) x = `<code>${x}</code>`;
      if (s.strong) x = `<strong>${x}</strong>`;
      if (s.tone) x = `<span class="${s.tone}">${x}</span>`;
      if (s.href && /^https?:\/\/[^\s()<>"'`]+$/.test(s.href)) x = `<a href="${h(s.href)}">${x}</a>`;
      return x;
    })
    .join('');
}

function td(c: Cell, numeric: boolean | undefined): string {
  const cls = [numeric ? 'num' : '', c.tone ?? ''].filter(Boolean).join(' ');
  return cls ? `<td class="${cls}">${h(c.text)}</td>` : `<td>${h(c.text)}</td>`;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p${b.small ? ' class="meta"' : ''}>${inline(b.text)}</p>`;
    case 'note':
      return `<blockquote class="note">${inline(b.text)}</blockquote>`;
    case 'list':
      return `<ul>${b.items.map((t) => `<li>${inline(t)}</li>`).join('\n')}</ul>`;
    case 'table':
      return `<table><thead><tr>${b.columns
        .map((c) => `<th${c.numeric ? ' class="num"' : ''}>${h(c.title)}</th>`)
        .join('')}</tr></thead><tbody>${b.rows
        .map((r) => `<tr>${r.map((c, i) => td(c, b.columns[i]?.numeric)).join('')}</tr>`)
        .join('\n')}</tbody></table>`;
    case 'figures':
      return `<div class="charts">${b.charts.map(renderSvg).join('\n')}</div>`;
  }
}

function section(s: Section): string {
  const body = s.blocks.map(block).join('\n');
  const id = `section-${s.id.replace(/[^a-z0-9-]/g, '-')}`;
  if (s.title === null) return `<section id="${id}">\n${body}\n</section>`;
  // What the summary folds, the page folds too (long tables); the rest is open.
  if (s.markdown.summary === 'collapsed') {
    return `<section id="${id}"><details><summary><h2 style="display:inline;border:0;font-size:inherit">${h(s.title)}</h2></summary>\n${body}\n</details></section>`;
  }
  return `<section id="${id}"><h2>${h(s.title)}</h2>\n${body}\n</section>`;
}

export function renderDocumentHtml(doc: ReportDocument): string {
  const tone = doc.verdict.tone === 'bad' ? ' bad' : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(doc.title)}</title><style>${CSS}</style></head>
<body>
<h1>${h(doc.title)}</h1>
<p class="meta">${inline(doc.run)}</p>
<p class="verdict${tone}">${inline(doc.verdict.text)}</p>
${doc.sections.map(section).join('\n')}
<footer class="meta">${doc.pointerHtml.length > 0 ? `<p>${inline(doc.pointerHtml)}</p>` : ''}<p>${h(doc.method)}</p><p>Made by ${h(doc.madeBy)}.</p></footer>
</body></html>
`;
}

export function renderHtml(a: Analysis, opts: ReportOptions = {}): string {
  return renderDocumentHtml(buildReport(a, opts));
}
