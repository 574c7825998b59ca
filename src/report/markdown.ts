/**
 * The report document as Markdown: the job summary (`summary`, ≤ 1 MiB) and the PR comment
 * (`comment`, ≤ 65,536 characters). The comment degrades gracefully: the essential sections
 * (the headline) always fit; then the other sections in order while they fit, tables trimmed
 * to the space left; then the pointer to the rest. Every untrusted string goes through
 * escapeMarkdown().
 */
import type { Analysis } from '../analysis/types.js';
import { buildReport, type ReportOptions } from './build.js';
import type { Block, Cell, ReportDocument, Section, Text } from './document.js';
import { escapeMarkdown } from './escape.js';
import { renderMermaid } from './mermaid.js';

export interface MarkdownOptions extends ReportOptions {
  flavor: 'summary' | 'comment';
  /** Default: 1 MiB (bytes, UTF-8) for summary, 65,536 characters for comment. */
  maxChars?: number;
}

export const SUMMARY_LIMIT_BYTES = 1024 * 1024;
export const COMMENT_LIMIT_CHARS = 65_536;
/** The hidden marker the GitHub layer uses to find and update its own comment. */
export const COMMENT_MARKER = '<!-- arm-virt-bench-report -->';

const encoder = new TextEncoder();

function size(s: string, flavor: 'summary' | 'comment'): number {
  return flavor === 'summary' ? encoder.encode(s).length : s.length;
}

function inline(t: Text): string {
  return t
    .map((s) => {
      let x = s.safe ? s.text : escapeMarkdown(s.text, s.max ?? 500);
      if (s.href && /^https?:\/\/[^\s()<>"'`]+$/.test(s.href)) x = `[${x}](${s.href})`;
      if (s.strong) x = `**${x}**`;
      return x;
    })
    .join('');
}

function cellText(c: Cell): string {
  return c.safe ? c.text : escapeMarkdown(c.text, c.max ?? 200);
}

function tableLines(header: string[], rows: string[][]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

/** Fit as many rows of a table as the budget allows (header always), with a "more" line. */
function fitTable(header: string[], rows: string[][], budget: number, flavor: 'summary' | 'comment'): string {
  const head = tableLines(header, []).join('\n');
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
  if (i < rows.length) lines.push('', `*… ${rows.length - i} more rows in the full report.*`);
  return lines.join('\n');
}

/** A block as Markdown; tables are fitted into `budget`. */
function block(b: Block, budget: number, flavor: 'summary' | 'comment'): string {
  switch (b.kind) {
    case 'paragraph':
      return b.small ? `<sub>${inline(b.text)}</sub>\n` : `${inline(b.text)}\n`;
    case 'note':
      return `> ${inline(b.text)}\n`;
    case 'list': {
      const limit = b.limit ?? Infinity;
      const lines = b.items.slice(0, limit).map((t) => `- ${inline(t)}`);
      if (b.items.length > limit) lines.push(`- … and ${b.items.length - limit} more in the full report`);
      return `${lines.join('\n')}\n`;
    }
    case 'table': {
      const limit = b.limit ?? Infinity;
      const table = fitTable(
        b.columns.map((c) => escapeMarkdown(c.title, 120)),
        b.rows.slice(0, limit).map((r) => r.map(cellText)),
        budget,
        flavor,
      );
      const more = b.rows.length > limit ? `\n\n… and ${b.rows.length - limit} more in the full table.` : '';
      return `${table}${more}\n`;
    }
    case 'figures':
      return b.charts.map(renderMermaid).join('\n');
  }
}

/** A section within `budget`, or null when it does not fit at all. */
function section(s: Section, budget: number, flavor: 'summary' | 'comment'): string | null {
  const fold = s.markdown[flavor];
  if (fold === 'omitted') return null;
  const title = s.title === null ? null : escapeMarkdown(s.title, 300).replace(/\\([()#+!])/g, '$1');
  const before =
    title === null ? '' : fold === 'open' ? `### ${title}\n\n` : `<details><summary>${title}</summary>\n\n`;
  const after = fold === 'collapsed' && title !== null ? '\n</details>\n' : '';
  let room = budget - size(before + after, flavor) - 2;
  const parts: string[] = [];
  for (const b of s.blocks) {
    if (b.kind === 'table' && room < 400) return null;
    const text = block(b, room, flavor);
    const n = size(text, flavor) + 1;
    if (n > room) return null;
    parts.push(text);
    room -= n;
  }
  return `${before}${parts.join('\n')}${after}\n`;
}

export function renderDocumentMarkdown(
  doc: ReportDocument,
  opts: { flavor: 'summary' | 'comment'; maxChars?: number },
): string {
  const flavor = opts.flavor;
  const budget = opts.maxChars ?? (flavor === 'summary' ? SUMMARY_LIMIT_BYTES : COMMENT_LIMIT_CHARS);
  const tail = [
    '',
    '---',
    ...(doc.pointer.length > 0 ? [inline(doc.pointer), ''] : []),
    `<sub>${doc.method} Made by ${escapeMarkdown(doc.madeBy, 200)}.</sub>`,
    '',
  ].join('\n');
  const head: string[] = [];
  if (flavor === 'comment') head.push(COMMENT_MARKER);
  head.push(`## ${escapeMarkdown(doc.title, 200)}`, '', inline(doc.verdict.text), '', inline(doc.run), '');
  // The essential sections always go in, uncut (lists carry their own limits).
  for (const s of doc.sections.filter((x) => x.essential)) {
    const text = section(s, Number.MAX_SAFE_INTEGER, flavor);
    if (text !== null) head.push(text);
  }
  const first = head.join('\n');
  let remaining = budget - size(tail, flavor);
  if (size(first, flavor) > remaining) {
    // Only with absurd input (thousands of regressions of huge labels): cut the headline itself.
    let cut = first;
    while (size(cut, flavor) > remaining - 80) cut = cut.slice(0, Math.floor(cut.length * 0.9));
    return `${cut}\n\n*… cut to fit; see the full report.*\n${tail}`;
  }
  let out = first;
  remaining -= size(first, flavor);
  for (const s of doc.sections.filter((x) => !x.essential)) {
    const text = section(s, remaining, flavor);
    if (text === null) continue;
    out += text;
    remaining -= size(text, flavor);
  }
  return out + tail;
}

export function renderMarkdown(a: Analysis, opts: MarkdownOptions): string {
  const { flavor, maxChars, ...report } = opts;
  return renderDocumentMarkdown(buildReport(a, report), {
    flavor,
    ...(maxChars !== undefined ? { maxChars } : {}),
  });
}
