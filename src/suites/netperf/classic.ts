/**
 * netperf's classic result tables (nettest_bsd.c in 2.4.x, the "MIGRATED" omni output in 2.5+):
 * a header of 3–5 rows ending in a units row that starts with `bytes`, a blank line, then the
 * result rows. Column positions do not depend on `-c`/`-C` (CPU and service-demand columns are
 * appended at the end), and `-B brand` appends a word after the numbers.
 *
 *   stream (TCP_STREAM, TCP_MAERTS):  recv-socket send-socket message elapsed throughput [cpu×2 sd×2]
 *   rr (TCP_RR, UDP_RR, TCP_CRR):     send-socket recv-socket request response elapsed rate [cpu×2 sd×2]
 *                                     then a row with the remote socket sizes
 *   udp (UDP_STREAM):                 socket message elapsed okay errors throughput [cpu sd]   (send side)
 *                                     socket elapsed okay throughput [cpu sd]                  (receive side)
 */
import { toNumber } from '../text.js';
import { findUnit, type Throughput } from './units.js';

export type Shape = 'stream' | 'rr' | 'udp';

export interface ClassicHeader {
  /** `skip`: a `-v 2` detail table (alignment/offset), not a result. */
  shape: Shape | 'skip';
  /** The unit printed in the header; undefined when the header does not state one. */
  unit?: Throughput;
  /** Index of the first line after the header. */
  next: number;
}

const STARTS: [RegExp, Shape | 'skip'][] = [
  [/^Recv\s+Send\s+Send\b/, 'stream'],
  [/^Local \/Remote\s*$/, 'rr'],
  [/^Socket\s+Message\s+Elapsed\s+Messages\b/, 'udp'],
  [/^Alignment\s+Offset\b/, 'skip'],
];

const MAX_HEADER_ROWS = 6;

/** The classic header that starts at line `i`, if one does. */
export function classicHeaderAt(lines: string[], i: number, end: number): ClassicHeader | undefined {
  const first = lines[i]!.trim();
  // Every header starts with one of these letters: skip the regexes for other lines.
  if (!'RLSA'.includes(first.charAt(0)) || first === '') return undefined;
  const start = STARTS.find(([re]) => re.test(first));
  if (!start) return undefined;
  const shape = start[1];
  if (shape === 'skip') {
    // -v 2 tables have no `bytes` row: their titles run until the first row of numbers.
    let j = i + 1;
    while (j < end && j < i + MAX_HEADER_ROWS && !isNumberRow(lines[j]!)) j++;
    return { shape, next: j };
  }
  for (let j = i + 1; j < end && j <= i + MAX_HEADER_ROWS; j++) {
    const row = lines[j]!.trim();
    if (/^bytes\s/i.test(row)) {
      const text = lines.slice(i, j + 1).join('\n');
      // RR tables say `Trans. Rate ... per sec`; with `-f` they print `Throughput` in bits or bytes.
      const unit = findUnit(row) ?? (shape === 'rr' && /\bTrans\./.test(text) ? RR_TRANS : undefined);
      return unit ? { shape, unit, next: j + 1 } : { shape, next: j + 1 };
    }
  }
  return undefined;
}

const RR_TRANS: Throughput = { kind: 'trans', label: 'Trans/s' };

export interface NumberRow {
  nums: number[];
  /** Words after the numbers (a `-B` brand). */
  rest: string[];
}

/** Whether a trimmed line starts like a number (digit, sign or dot): a cheap pre-check. */
export function startsLikeNumber(t: string): boolean {
  const c = t.charCodeAt(0);
  return (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46;
}

/** Leading numbers of a row; undefined when the row does not start with a number. */
export function numberRow(line: string): NumberRow | undefined {
  // A hand-rolled tokenizer: this runs on every result row, and split(/\s+/) + trim allocate (parse speed).
  const nums: number[] = [];
  const n = line.length;
  let p = 0;
  while (p < n) {
    while (p < n && isSpace(line.charCodeAt(p))) p++;
    if (p >= n) break;
    const start = p;
    while (p < n && !isSpace(line.charCodeAt(p))) p++;
    const token = line.slice(start, p);
    const value = startsLikeNumber(token) ? toNumber(token) : undefined;
    if (value === undefined) {
      if (nums.length === 0) return undefined;
      return { nums, rest: line.slice(start).trim().split(/\s+/) };
    }
    nums.push(value);
  }
  return nums.length > 0 ? { nums, rest: [] } : undefined;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12;
}

/** A row made of numbers only. */
export function isNumberRow(line: string): boolean {
  const row = numberRow(line);
  return row !== undefined && row.rest.length === 0;
}

/** Minimum numbers of the first (and second) result row of each shape. */
export const MIN_FIELDS: Record<Shape, [number, number]> = { stream: [5, 0], rr: [6, 2], udp: [6, 4] };
