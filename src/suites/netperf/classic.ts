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

/** Leading numbers of a row; undefined when the row does not start with a number. */
export function numberRow(line: string): NumberRow | undefined {
  const tokens = line.trim().split(/\s+/);
  const nums: number[] = [];
  let k = 0;
  for (; k < tokens.length; k++) {
    const n = toNumber(tokens[k]);
    if (n === undefined) break;
    nums.push(n);
  }
  return nums.length > 0 ? { nums, rest: tokens.slice(k) } : undefined;
}

/** A row made of numbers only. */
export function isNumberRow(line: string): boolean {
  const row = numberRow(line);
  return row !== undefined && row.rest.length === 0;
}

/** Minimum numbers of the first (and second) result row of each shape. */
export const MIN_FIELDS: Record<Shape, [number, number]> = { stream: [5, 0], rr: [6, 2], udp: [6, 4] };
