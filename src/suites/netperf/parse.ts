/**
 * netperf parser (2.4.5–2.7): classic tables with or without banner and headers (`-P 0`),
 * CPU columns (`-c -C`), the confidence "!!! WARNING" block, `-v 0`/`-v 2`, omni selectors
 * (`-o`, `-O`, `-k`, `-j` latencies), several tests in one log. Pure: text in, samples out.
 *
 * How a result becomes a sample: every format narrows down which test may have produced it
 * (banner, column layout, THROUGHPUT_UNITS, PROTOCOL/DIRECTION, the caller's `test` hint). One
 * test left: a sample. None: the parts contradict each other. Several (e.g. a `-P 0` stream row,
 * which TCP_STREAM and TCP_MAERTS print alike): no sample, and the reason says to pass `test`.
 */
import { z } from 'zod';
import type { ParsedSample, Params } from '../../results/schema.js';
import { splitLines, toNumber } from '../text.js';
import { ParseError, type ParseResult } from '../types.js';
import {
  classicHeaderAt,
  isNumberRow,
  MIN_FIELDS,
  numberRow,
  startsLikeNumber,
  type NumberRow,
  type Shape,
} from './classic.js';

type RowAt = (i: number) => NumberRow | undefined;
import { isErrorLine, isWarningLine } from './errors.js';
import { fromColumns, fromCsv, fromKeyValues, KV_LINE, LATENCY_SELECTORS, type OmniRecord } from './omni.js';
import {
  BANNER,
  isStream,
  NETPERF_TESTS,
  NetperfTest,
  primaryMetric,
  RR_TESTS,
  STREAM_TESTS,
  testsFromBannerName,
  testsFromDirection,
  testsFromProtocol,
} from './tests.js';
import { DEFAULT_RR_UNIT, DEFAULT_STREAM_UNIT, findUnit, type Throughput } from './units.js';

/**
 * What the caller knows and the log may not say: the test name (`-P 0` and `-v 0` print no
 * banner). A banner in the log always wins over the hint.
 */
export const NetperfContext = z.object({ test: NetperfTest.optional() }).strict();
export type NetperfContext = z.infer<typeof NetperfContext>;

/** One result found in the log, before we know for sure which test produced it. */
interface Found {
  line: number;
  /** The tests this result's own format allows (not mutated). */
  tests: ReadonlySet<NetperfTest>;
  /** Why the format allows several tests, for the error message. */
  why: string;
  /** Throughput/rate in `unit` (UDP_STREAM: the receive side). */
  value?: number;
  /** UDP_STREAM classic output: the send side. */
  sendValue?: number;
  /** undefined: the log does not print its unit; netperf's default is assumed. */
  unit?: Throughput;
  params: Params;
  omni?: Map<string, string>;
  warnings: string[];
}

interface Section {
  /** First line after the banner (or 0 for what precedes the first banner). */
  start: number;
  end: number;
  banner?: { line: number; name: string; tests: Set<NetperfTest> };
}

const MAX_REASON = 200;
const clip = (s: string): string => (s.length > MAX_REASON ? `${s.slice(0, MAX_REASON)}…` : s);

function intersect<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): Set<T> {
  return new Set([...a].filter((x) => b.has(x)));
}

function size(n: number | undefined): number | undefined {
  return n !== undefined && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

function withParams(entries: [string, number | string | undefined][]): Params {
  const out: Params = {};
  for (const [k, v] of entries) if (v !== undefined) out[k] = v;
  return out;
}

/** `!!! WARNING` ... `!!! Confidence intervals: Throughput : 27.810%` ... */
function confidenceWarning(block: string[]): string {
  const pct = (re: RegExp): string | undefined => {
    for (const l of block) {
      const m = re.exec(l);
      if (m) return m[1];
    }
    return undefined;
  };
  const tput = pct(/Throughput\s*:\s*([\d.]+)%/);
  const lcpu = pct(/Local CPU util\s*:\s*([\d.]+)%/);
  const rcpu = pct(/Remote CPU util\s*:\s*([\d.]+)%/);
  const parts = [
    tput && `throughput ${tput}%`,
    lcpu && `local CPU ${lcpu}%`,
    rcpu && `remote CPU ${rcpu}%`,
  ].filter(Boolean);
  return `netperf: desired confidence not achieved within the iterations${
    parts.length > 0 ? ` (confidence intervals: ${parts.join(', ')})` : ''
  }`;
}

function omniFound(rec: OmniRecord, line: number, warnings: string[]): Found {
  const v = rec.values;
  const unit = v.has('THROUGHPUT_UNITS') ? findUnit(v.get('THROUGHPUT_UNITS')!) : undefined;
  let tests = new Set<NetperfTest>(NETPERF_TESTS);
  const why: string[] = [];
  if (unit) tests = intersect(tests, unit.kind === 'bits' ? STREAM_TESTS : RR_TESTS);
  if (v.has('PROTOCOL')) tests = intersect(tests, testsFromProtocol(v.get('PROTOCOL')!));
  else why.push('no PROTOCOL');
  if (v.has('DIRECTION')) tests = intersect(tests, testsFromDirection(v.get('DIRECTION')!));
  else why.push('no DIRECTION');
  if (v.has('THROUGHPUT_UNITS') && !unit) {
    warnings.push(`line ${line}: unknown THROUGHPUT_UNITS '${clip(v.get('THROUGHPUT_UNITS')!)}'`);
  }
  if (rec.untitled > 0) {
    warnings.push(
      `line ${line}: ${rec.untitled} value(s) without a column title ignored (an output selector netperf did not know?)`,
    );
  }
  const sampleWarnings: string[] = [];
  const target = toNumber(v.get('CONFIDENCE_INTERVAL'));
  const width = toNumber(v.get('THROUGHPUT_CONFID'));
  if (target !== undefined && width !== undefined && target > 0 && width > target) {
    sampleWarnings.push(
      `netperf: desired confidence not achieved: throughput confidence width ${v.get('THROUGHPUT_CONFID')}% > target ${v.get('CONFIDENCE_INTERVAL')}%`,
    );
  }
  const found: Found = {
    line,
    tests,
    why: `omni output with ${why.length > 0 ? why.join(' and ') : 'selectors that do not decide it'}`,
    params: {},
    omni: v,
    warnings: sampleWarnings,
  };
  const value = toNumber(v.get('THROUGHPUT'));
  if (value !== undefined) found.value = value;
  if (unit) found.unit = unit;
  return found;
}

/** Params of an omni result once the test is known. */
function omniParams(test: NetperfTest, v: Map<string, string>): Params {
  const n = (k: string): number | undefined => size(toNumber(v.get(k)));
  if (test === 'TCP_MAERTS') return withParams([['message_bytes', n('REMOTE_SEND_SIZE')]]);
  if (isStream(test)) return withParams([['message_bytes', n('LOCAL_SEND_SIZE')]]);
  return withParams([
    ['request_bytes', n('REQUEST_SIZE')],
    ['response_bytes', n('RESPONSE_SIZE')],
  ]);
}

const SHAPE_TESTS: Record<Shape, ReadonlySet<NetperfTest>> = {
  stream: new Set(['TCP_STREAM', 'TCP_MAERTS']),
  rr: new Set(RR_TESTS),
  udp: new Set(['UDP_STREAM']),
};

const SHAPE_WHY: Record<Shape, string> = {
  stream: 'TCP_STREAM and TCP_MAERTS print the same columns',
  rr: 'TCP_RR, UDP_RR and TCP_CRR print the same columns',
  udp: 'UDP_STREAM columns',
};

/**
 * A classic result starting at row `i` (its first number row). Returns the Found and the index
 * after the rows it used, or a reason when the rows do not fit the shape.
 */
function classicFound(
  rowAt: RowAt,
  i: number,
  end: number,
  shape: Shape,
  unit: Throughput | undefined,
): { found: Found; next: number } | { reason: string } {
  const first = rowAt(i)!;
  const [min1, min2] = MIN_FIELDS[shape];
  if (first.nums.length < min1) {
    return { reason: `result row has ${first.nums.length} numbers, ${min1} expected for ${shape} output` };
  }
  const second = i + 1 < end ? rowAt(i + 1) : undefined;
  // The shape's test set is shared, never mutated: emit() builds new sets when it narrows.
  const base = { line: i + 1, tests: SHAPE_TESTS[shape], why: SHAPE_WHY[shape], warnings: [] };
  const withUnit = unit ? { unit } : {};
  const n = first.nums;
  if (shape === 'stream') {
    return {
      found: { ...base, ...withUnit, value: n[4]!, params: withParams([['message_bytes', size(n[2])]]) },
      next: i + 1,
    };
  }
  if (shape === 'rr') {
    const params = withParams([
      ['request_bytes', size(n[2])],
      ['response_bytes', size(n[3])],
    ]);
    const hasRemote = second !== undefined && second.nums.length === 2 && second.rest.length === 0;
    return { found: { ...base, ...withUnit, value: n[5]!, params }, next: hasRemote ? i + 2 : i + 1 };
  }
  const params = withParams([['message_bytes', size(n[1])]]);
  const found: Found = { ...base, ...withUnit, sendValue: n[5]!, params };
  if (second !== undefined && second.nums.length >= min2) {
    found.value = second.nums[3]!;
    return { found, next: i + 2 };
  }
  found.warnings.push('netperf: UDP_STREAM output without its receive-side row');
  return { found, next: i + 1 };
}

/** Shape of a result printed without header (`-P 0`), from its column counts. */
function headerlessShape(
  rowAt: RowAt,
  i: number,
  end: number,
): { shape: Shape | 'rr-or-udp' | 'bare' } | undefined {
  const row = rowAt(i)!;
  const next = i + 1 < end ? rowAt(i + 1) : undefined;
  const k = row.nums.length;
  const k2 = next && next.rest.length === 0 ? next.nums.length : 0;
  if (k === 1 && row.rest.length === 0) return { shape: 'bare' };
  if (k === 5 || k === 9) return { shape: 'stream' };
  if ((k === 6 || k === 10) && k2 === 2) return { shape: 'rr' };
  if ((k === 6 || k === 8) && (k2 === 4 || k2 === 6)) return { shape: 'udp' };
  if (k === 6 || k === 10) return { shape: 'rr-or-udp' };
  return undefined;
}

export function parseNetperf(text: string, context: NetperfContext = {}): ParseResult {
  const ctx = NetperfContext.parse(context);
  const lines = splitLines(text);
  // Result rows are looked at more than once (shape, then values): tokenize each line once.
  const rows = new Map<number, NumberRow | undefined>();
  const rowAt: RowAt = (i) => {
    if (rows.has(i)) return rows.get(i);
    const row = numberRow(lines[i]!);
    rows.set(i, row);
    return row;
  };
  const warnings: string[] = [];
  const samples: ParsedSample[] = [];
  const problems: { line: number; text: string }[] = [];
  let dropped: { line: number; reason: string } | undefined;
  const drop = (line: number, reason: string): void => {
    warnings.push(`line ${line}: ${reason}`);
    dropped ??= { line, reason };
  };

  // Sections: what precedes the first banner (headerless output), then one per banner.
  const sections: Section[] = [];
  let current: Section = { start: 0, end: lines.length };
  for (let i = 0; i < lines.length; i++) {
    // Every banner has " TEST"; the substring check spares the regex on other lines (parse speed).
    if (!lines[i]!.includes(' TEST')) continue;
    const m = BANNER.exec(lines[i]!.trim());
    if (!m) continue;
    current.end = i;
    sections.push(current);
    const name = m[2]!;
    current = {
      start: i + 1,
      end: lines.length,
      banner: { line: i + 1, name, tests: testsFromBannerName(name) },
    };
  }
  sections.push(current);

  const emit = (found: Found, section: Section): void => {
    let tests = found.tests;
    if (section.banner) {
      const { name, tests: bannerTests, line } = section.banner;
      if (bannerTests.size === 0) {
        drop(
          found.line,
          `netperf test '${clip(name)}' (banner at line ${line}) is not one this parser reads`,
        );
        return;
      }
      tests = intersect(tests, bannerTests);
      if (tests.size === 0) {
        drop(found.line, `the result's columns do not fit the '${clip(name)}' banner at line ${line}`);
        return;
      }
    }
    if (ctx.test !== undefined && tests.size > 1) {
      if (tests.has(ctx.test)) tests = new Set([ctx.test]);
      else warnings.push(`line ${found.line}: the test hint ${ctx.test} does not fit this result; ignored`);
    }
    if (tests.size !== 1) {
      drop(
        found.line,
        `cannot tell which netperf test produced this result (${[...tests].join(', ')}): ${found.why}; pass the test name as a hint`,
      );
      return;
    }
    const test = [...tests][0]!;
    const stream = isStream(test);
    let unit = found.unit;
    if (!unit) {
      unit = stream ? DEFAULT_STREAM_UNIT : DEFAULT_RR_UNIT;
      warnings.push(
        `line ${found.line}: the log does not print the unit; netperf's default ${unit.label} assumed`,
      );
    }
    if (stream !== (unit.kind === 'bits')) {
      drop(
        found.line,
        `${test} result in ${unit.label}: not a ${stream ? 'throughput' : 'transaction rate'}`,
      );
      return;
    }
    const scale = unit.kind === 'bits' ? unit.toMbits : 1;
    if (scale !== 1) warnings.push(`line ${found.line}: converted from ${unit.label} to 10^6bits/s`);
    const { metric, unit: metricUnit } = primaryMetric(test);
    const params = found.omni ? omniParams(test, found.omni) : found.params;
    const sampleWarnings = found.warnings.length > 0 ? { warnings: [...found.warnings] } : {};
    const push = (value: number | undefined, p: Params): boolean => {
      if (value === undefined) return false;
      const v = value * scale;
      if (!Number.isFinite(v) || v < 0) {
        drop(found.line, `${test} value ${value} is not a measurement`);
        return false;
      }
      // A test that ran its length moved data or completed transactions: a rate of 0 means the
      // path was broken (nothing arrived, no transaction finished), and no ratio can use it.
      if (v === 0) {
        drop(
          found.line,
          `${test}${p['side'] ? ` (${String(p['side'])} side)` : ''} reported a rate of 0: nothing ${/_RR$/.test(test) ? 'completed' : 'arrived'} (a blocked or broken path), not a measurement`,
        );
        return false;
      }
      samples.push({ metric, params: p, value: v, unit: metricUnit, better: 'higher', ...sampleWarnings });
      return true;
    };
    let any = false;
    if (found.sendValue !== undefined) {
      // UDP_STREAM classic output: the receive side is what arrived; the send side is kept apart.
      any = push(found.value, { ...params, side: 'receive' }) || any;
      any = push(found.sendValue, { ...params, side: 'send' }) || any;
    } else {
      any = push(found.value, params);
    }
    if (found.omni) {
      for (const sel of LATENCY_SELECTORS) {
        const v = toNumber(found.omni.get(sel));
        if (v === undefined || v < 0) continue;
        samples.push({
          metric: `netperf.${test.toLowerCase()}.${sel.toLowerCase()}`,
          params,
          value: v,
          unit: 'us',
          better: 'lower',
        });
        any = true;
      }
    }
    if (!any && found.value === undefined && found.sendValue === undefined) {
      drop(found.line, 'omni output without a THROUGHPUT value');
    }
  };

  for (const section of sections) {
    let pending: string[] = [];
    let firstContent = true;
    let produced = false;
    const take = (found: Found): void => {
      found.warnings.push(...pending);
      pending = [];
      produced = true;
      emit(found, section);
    };
    let i = section.start;
    while (i < section.end) {
      const raw = lines[i]!;
      const t = raw.trim();
      if (t === '') {
        i++;
        continue;
      }
      // Result rows start with a digit: skip the text checks for them (parse speed).
      const numeric = startsLikeNumber(t);
      if (!numeric && t.startsWith('!!!')) {
        const block: string[] = [];
        while (i < section.end && lines[i]!.trim().startsWith('!!!')) block.push(lines[i++]!.trim());
        pending.push(confidenceWarning(block));
        continue;
      }
      if (!numeric && isErrorLine(t)) {
        problems.push({ line: i + 1, text: t });
        firstContent = false;
        i++;
        continue;
      }
      if (!numeric && isWarningLine(t)) {
        warnings.push(`line ${i + 1}: netperf: ${clip(t)}`);
        i++;
        continue;
      }
      const header = numeric ? undefined : classicHeaderAt(lines, i, section.end);
      if (header) {
        firstContent = false;
        let j = header.next;
        while (j < section.end && lines[j]!.trim() === '') j++;
        if (header.shape === 'skip') {
          while (j < section.end && isNumberRow(lines[j]!)) j++;
          i = j;
          continue;
        }
        if (j >= section.end || rowAt(j) === undefined) {
          drop(i + 1, 'result header without a result row (run cut short?)');
          i = j;
          continue;
        }
        const r = classicFound(rowAt, j, section.end, header.shape, header.unit);
        if ('reason' in r) {
          drop(j + 1, r.reason);
          i = j + 1;
        } else {
          take(r.found);
          i = r.next;
        }
        continue;
      }
      if (!numeric && KV_LINE.test(t)) {
        firstContent = false;
        const block: string[] = [];
        const keys = new Set<string>();
        const startLine = i + 1;
        while (i < section.end) {
          const m = KV_LINE.exec(lines[i]!.trim());
          if (!m || keys.has(m[1]!)) break;
          keys.add(m[1]!);
          block.push(lines[i]!);
          i++;
        }
        take(omniFound(fromKeyValues(block), startLine, warnings));
        continue;
      }
      if (section.banner && firstContent && (!numeric || !isNumberRow(t))) {
        firstContent = false;
        let j = i + 1;
        while (j < section.end && lines[j]!.trim() === '') j++;
        // -o: a title line (no comma when there is one selector), then a comma-separated value line.
        if (t.includes(',') || (j < section.end && lines[j]!.includes(','))) {
          if (j >= section.end) {
            drop(i + 1, 'omni title line without a value line');
            i = j;
            continue;
          }
          take(omniFound(fromCsv(t, lines[j]!.trim()), j + 1, warnings));
          i = j + 1;
          continue;
        }
        // -O: four rows of titles, then the value row.
        const titles = lines.slice(i, Math.min(i + 4, section.end));
        j = i + titles.length;
        while (j < section.end && lines[j]!.trim() === '') j++;
        if (j >= section.end) {
          drop(i + 1, 'omni column titles without a value row');
          i = j;
          continue;
        }
        take(omniFound(fromColumns(titles, lines[j]!), j + 1, warnings));
        i = j + 1;
        continue;
      }
      firstContent = false;
      const row = numeric ? rowAt(i) : undefined;
      if (row && (!section.banner || !produced)) {
        const shape = headerlessShape(rowAt, i, section.end);
        if (!shape) {
          warnings.push(
            `line ${i + 1}: ${row.nums.length} numbers that are no netperf result layout; ignored`,
          );
          i++;
          continue;
        }
        if (shape.shape === 'bare' || shape.shape === 'rr-or-udp') {
          const bare = shape.shape === 'bare';
          const found: Found = {
            line: i + 1,
            tests: bare ? new Set(NETPERF_TESTS) : new Set([...RR_TESTS, 'UDP_STREAM' as const]),
            why: bare
              ? 'a bare number (netperf -v 0) names no test'
              : 'an RR row without its remote-sizes row, or a UDP_STREAM row without its receive row',
            params: {},
            warnings: [],
          };
          if (bare) {
            found.value = row.nums[0]!;
          } else {
            // Decided once the test is known: RR rate in column 6, UDP send throughput in column 6.
            const resolved =
              ctx.test ?? (section.banner?.tests.size === 1 ? [...section.banner.tests][0] : undefined);
            if (resolved === 'UDP_STREAM') {
              const r = classicFound(rowAt, i, i + 1, 'udp', undefined);
              if (!('reason' in r)) Object.assign(found, r.found, { tests: found.tests, why: found.why });
            } else {
              found.value = row.nums[5]!;
              found.params = withParams([
                ['request_bytes', size(row.nums[2])],
                ['response_bytes', size(row.nums[3])],
              ]);
            }
          }
          take(found);
          i++;
          continue;
        }
        const r = classicFound(rowAt, i, section.end, shape.shape, undefined);
        if ('reason' in r) {
          drop(i + 1, r.reason);
          i++;
        } else {
          take(r.found);
          i = r.next;
        }
        continue;
      }
      if (!section.banner && t.includes(',')) {
        // -P 0 -o: values only. Only the documented leading pair THROUGHPUT,THROUGHPUT_UNITS is read.
        const fields = t.split(',');
        const unit = findUnit(fields[1] ?? '');
        if (toNumber(fields[0]) !== undefined && unit) {
          const values = new Map([
            ['THROUGHPUT', fields[0]!.trim()],
            ['THROUGHPUT_UNITS', fields[1]!.trim()],
          ]);
          const found = omniFound({ values, untitled: 0 }, i + 1, warnings);
          found.why = 'omni values without titles (-P 0) name no test';
          take(found);
        }
        i++;
        continue;
      }
      i++;
    }
    if (section.banner && !produced && problems.every((p) => p.line < section.banner!.line)) {
      drop(section.banner.line, `'${clip(section.banner.name)}' banner without a result (run cut short?)`);
    }
  }

  if (samples.length === 0) {
    const first = problems[0];
    if (first) throw new ParseError('netperf', `netperf failed: ${clip(first.text)}`, first.line);
    if (dropped) throw new ParseError('netperf', dropped.reason, dropped.line);
    throw new ParseError('netperf', 'no netperf result found (no banner, result table or omni output)');
  }
  for (const p of problems) warnings.push(`line ${p.line}: ${clip(p.text)}`);
  return { suite: 'netperf', samples, warnings };
}
