/**
 * IOzone's auto-mode table is fixed-width and leaves the columns of unselected tests blank,
 * so its rows cannot be split on blanks. Its labels are right-aligned over their numbers;
 * the field widths differ between versions (3.489: 8–10 characters, 3.506: 10–11) and a
 * version may put the number one character right of its label. So the spans are not
 * fixed offsets: each column is the right edge of its label in the header, and each number
 * of a row goes to the column whose right edge is nearest to its own (within a tolerance
 * smaller than half the distance between two columns).
 */
import { FILE_SIZE_LABEL, IOZONE_OPS, TABLE_COLUMNS, opSlug } from './ops.js';

export interface Column {
  /** `file_kb`, `reclen_kb`, or the op of the metric id. */
  key: string;
  /** What the header printed (both lines joined), for messages. */
  label: string;
  /** 0-based index one past the label's last character (tabs expanded). */
  end: number;
  /** Not one of IOzone's known test columns. */
  unknown?: boolean;
}

/** Tabs to spaces at 8-column stops, so positions match what a terminal shows. */
export function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const ch of line) {
    if (ch === '\t') out += ' '.repeat(8 - (out.length % 8));
    else out += ch;
  }
  return out;
}

interface Token {
  text: string;
  start: number;
  end: number;
}

export function tokens(line: string): Token[] {
  const out: Token[] = [];
  for (const m of line.matchAll(/\S+/g)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** Is this the lower header line ("kB  reclen  write ...")? */
export function isHeader(line: string): boolean {
  if (!/reclen/i.test(line)) return false; // cheap filter: most lines are not headers
  const t = tokens(line);
  return t.length >= 2 && FILE_SIZE_LABEL.test(t[0]?.text ?? '') && /^reclen$/i.test(t[1]?.text ?? '');
}

/**
 * Columns from the lower header line and the line above it (which holds "random",
 * "bkwd", "record", "stride" over the labels they qualify; may be absent).
 */
export function headerColumns(upper: string | undefined, lower: string): Column[] {
  // The line above is the qualifier line only if it holds nothing but qualifiers (a cut log
  // or an older version may put another line there).
  const above = upper === undefined ? [] : tokens(expandTabs(upper));
  const top = above.every((u) => /^(random|bkwd|backward|record|stride)$/i.test(u.text)) ? above : [];
  const cols: Column[] = [];
  const used = new Set<string>();
  let lastOp = '';
  for (const [i, t] of tokens(expandTabs(lower)).entries()) {
    if (i === 0) {
      cols.push({ key: 'file_kb', label: t.text, end: t.end });
      continue;
    }
    if (i === 1) {
      cols.push({ key: 'reclen_kb', label: t.text, end: t.end });
      continue;
    }
    // The qualifier sits right-aligned over the label, give or take a character.
    const q = top.find((u) => Math.abs(u.end - t.end) <= 2);
    const label = (q ? `${q.text} ${t.text}` : t.text).toLowerCase();
    let op = TABLE_COLUMNS[label];
    if (op !== undefined && used.has(op)) {
      // "read"/"write"/"rewrite" again without its qualifier line (cut log, old version):
      // IOzone's columns come in a fixed order, so it is the next one with that last word.
      op = IOZONE_OPS.slice(IOZONE_OPS.indexOf(lastOp) + 1).find(
        (o) => !used.has(o) && o.split('_').pop() === label.split(' ').pop(),
      );
    }
    if (op !== undefined) {
      used.add(op);
      lastOp = op;
      cols.push({ key: op, label, end: t.end });
    } else {
      cols.push({ key: opSlug(label), label, end: t.end, unknown: true });
    }
  }
  return cols;
}

export interface RowCells {
  /** Column key → printed number (as text). */
  cells: Map<string, string>;
  /** Numbers that fit no column (their text). */
  stray: string[];
  /** Text glued after the numbers (an error message IOzone printed mid-row). */
  trailer?: string;
}

/** A table row starts with the file size and the record length. */
export function isRow(line: string): boolean {
  return /^\s*\d+\s+\d+(?:\s|$)/.test(line);
}

/** Place each number of a row under its column by right edges. */
export function splitRow(rawLine: string, cols: Column[]): RowCells {
  const line = expandTabs(rawLine);
  // Numbers first; anything after them (not a digit, dot or blank) is a message.
  const m = /^([\s\d.]*)(.*)$/.exec(line);
  const numeric = m?.[1] ?? '';
  const trailer = (m?.[2] ?? '').trim();
  const toks = tokens(numeric);
  const cells = new Map<string, string>();
  const stray: string[] = [];
  const file = cols[0];
  const rec = cols[1];
  const first = toks[0];
  const second = toks[1];
  if (!file || !rec || !first || !second) {
    return { cells, stray: toks.map((t) => t.text), ...(trailer ? { trailer } : {}) };
  }
  cells.set(file.key, first.text);
  cells.set(rec.key, second.text);
  // Shift of this row against the header (a whole table may be indented differently);
  // then follow each placed number, so a number wider than its field moves the rest.
  let shift = second.end - rec.end;
  const rest = cols.slice(2);
  let from = 0;
  for (const t of toks.slice(2)) {
    let best = -1;
    let bestDist = Infinity;
    for (let j = from; j < rest.length; j++) {
      const c = rest[j];
      if (!c) continue;
      const d = Math.abs(t.end - (c.end + shift));
      if (d < bestDist) {
        bestDist = d;
        best = j;
      }
    }
    const col = rest[best];
    if (!col || bestDist > tolerance(rest, best)) {
      stray.push(t.text);
      continue;
    }
    cells.set(col.key, t.text);
    shift = t.end - col.end;
    from = best + 1;
  }
  return { cells, stray, ...(trailer ? { trailer } : {}) };
}

/** Below half the gap to the nearest neighbour column, and never more than 4. */
function tolerance(cols: Column[], j: number): number {
  const c = cols[j];
  if (!c) return 0;
  const gaps = [cols[j - 1], cols[j + 1]]
    .filter((n): n is Column => n !== undefined)
    .map((n) => Math.abs(n.end - c.end));
  const gap = gaps.length > 0 ? Math.min(...gaps) : 8;
  return Math.min(4, Math.floor((gap - 1) / 2));
}
