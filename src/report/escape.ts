/**
 * Escaping of every untrusted string before it reaches Markdown, HTML, mermaid or CSV:
 * tool output, branch names, environment ids, config values, fingerprint strings.
 */

const ZWSP = '&#8203;';

/**
 * Text for GitHub-flavoured Markdown (paragraphs, list items and table cells): one line, no
 * raw HTML (so no <script>, no <!-- comments --> that hide the rest), no Markdown syntax
 * (links, images, code spans, emphasis, table pipes), no @mentions or #references (a
 * zero-width space breaks the trigger), no autolinked URLs.
 */
export function escapeMarkdown(input: unknown, maxLength = 500): string {
  let s = String(input ?? '');
  // Control characters and line breaks: one line, so a value cannot start a new block.
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  s = s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
  if (s.length > maxLength) s = `${s.slice(0, maxLength - 1)}…`;
  s = s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/([\\`*_{}[\]()#+!|~^$])/g, '\\$1');
  // After the backslash escapes: break mentions, issue refs (now `\#`) and URL schemes.
  s = s
    .replace(/@/g, `@${ZWSP}`)
    .replace(/:\/\//g, `:${ZWSP}//`)
    .replace(/\bwww\./gi, (m) => `${m[0]}${ZWSP}${m.slice(1)}`);
  return s;
}

/** Text and attribute values in HTML. */
export function escapeHtml(input: unknown): string {
  return String(input ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * A label inside a mermaid code block: only a safe alphabet survives (no quotes, backticks
 * that could close the fence, %% directives, brackets or newlines), capped in length.
 */
export function mermaidLabel(input: unknown, maxLength = 40): string {
  let s = String(input ?? '')
    .replace(/[–—]/g, '-')
    .replace(/[^A-Za-z0-9 _.,:/()+×%-]/g, ' ')
    .replace(/%+/g, '%')
    .replace(/\s+/g, ' ')
    .trim();
  if (s.length > maxLength) s = `${s.slice(0, maxLength - 1)}…`;
  return s === '' ? '-' : s;
}

/**
 * One CSV field (RFC 4180 quoting). Strings that a spreadsheet would run as a formula
 * (leading = + - @ tab CR) get a leading apostrophe; numbers are written as numbers.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  if (/[",\r\n]/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}
