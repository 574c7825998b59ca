/**
 * byte-UnixBench parser (5.1.2, 5.1.3, 6.0.0; 4.x best effort). Pure: text in, samples out.
 *
 * Reads two layouts:
 * - the report `Run` prints (console output, or the `results/<host>-<date>-NN` file): per
 *   "Benchmark Run:" block, the "running N parallel copies" line (param `copies`), the
 *   result lines, the index table and the "Index Score" line;
 * - the `.log` file `Run` writes next to it: per test a "<description> -- N copies" header,
 *   per-pass "# COUNT0:" lines and the final ">>>> score:". Only the final score is read:
 *   it is the value the report prints, unrounded. The `.log` has no index.
 * Anything else in the text (make output, locale warnings, "3dinfo: not found") is noise.
 */
import type { ParsedSample, Params } from '../../results/schema.js';
import { splitLines, toNumber } from '../text.js';
import { ParseError, type ParseResult } from '../types.js';
import { testFor } from './tests.js';

const SUITE = 'unixbench';

// "%-40s %12.1f %-5s (%.1f s, %d samples)"; 4.x printed "secs". A description longer
// than 40 characters or a score wider than 12 just pushes the rest right.
const RESULT =
  /^(\S.*?)\s+(\d+(?:\.\d+)?)\s+([A-Za-z][A-Za-z/%]*)\s*\(\s*\d+(?:\.\d+)?\s*(?:s|secs?)\s*,\s*(\d+)\s+samples?\s*\)\s*$/;
const RUN_START = /^\s*Benchmark Run:/i;
const COPIES = /running\s+(\d+)\s+parallel\s+(?:cop(?:y|ies)|process(?:es)?)\b/i;
// "System Benchmarks Index Values   BASELINE  RESULT  INDEX" / "... Partial Index ...";
// 4.x: "TEST   BASELINE   RESULT   INDEX" under an "INDEX VALUES" line.
const INDEX_HEAD = /^\s*(.*?)\s*(?:Index Values|Partial Index|TEST)\s+BASELINE\s+RESULT\s+INDEX\s*$/i;
const INDEX_ROW = /^(\S.*?)\s+(\d+(?:\.\d+)?|---)\s+(\d+(?:\.\d+)?)\s+(\d+(?:\.\d+)?|---)\s*$/;
const INDEX_SCORE = /^\s*(.*?)\s*Index Score(\s*\(Partial Only\))?\s*:?\s+(\d+(?:\.\d+)?)\s*$/i;
const FINAL_SCORE_4X = /^\s*FINAL SCORE\s+(\d+(?:\.\d+)?)\s*$/;
const BANNER = /BYTE UNIX Benchmarks \(Version ([^)]+)\)/i;
const RUN_ERROR = /^\s*Run: (.*)$/;
// .log layout
const LOG_RULE = /^#{20,}\s*$/;
const LOG_TEST = /^(\S.*?)\s+--\s+(\d+)\s+cop(?:y|ies)\s*$/;
const LOG_UNIT = /^#\s*COUNT2:\s*(\S+)\s*$/;
const LOG_SCORE = /^>>>>\s*score:\s*(\S+)\s*$/;

interface Block {
  copies: number | undefined;
  /** Tests that printed a result line in this block (short names). */
  results: Set<string>;
  /** Tests that have an index value in this block's table. */
  indexed: string[];
}

export function parseUnixbench(text: string): ParseResult {
  const lines = splitLines(text);
  const warnings: string[] = [];
  const samples: ParsedSample[] = [];
  const warn = (line: number, msg: string) => warnings.push(`line ${line}: ${msg}`);
  // A text cut in the middle of its last line may have cut a number short ("45" for
  // "4525.9"): numbers on an unterminated last line are not read. (A result line is safe:
  // it must end with its "samples)".)
  if (!/[\r\n]$/.test(text) && lines.length > 0) {
    const last = lines.length - 1;
    if (/\d\s*$/.test(lines[last] ?? '')) {
      warn(last + 1, 'last line cut short (no newline): its numbers are not read');
      lines[last] = '';
    }
  }

  const report = parseReport(lines, samples, warn);
  const log = parseLogFile(lines, warn);
  if (report.found && log.length > 0) {
    // Report and .log concatenated: they hold the same runs; the report wins.
    warnings.push(`the text holds both a report and .log sections; the .log scores were not used`);
  } else {
    samples.push(...log);
  }

  if (samples.length === 0) {
    if (report.error) throw new ParseError(SUITE, report.error.message, report.error.line);
    if (report.bannerLine !== undefined) {
      throw new ParseError(
        SUITE,
        'report banner but no result line (run cut short or aborted)',
        report.bannerLine,
      );
    }
    throw new ParseError(SUITE, 'no UnixBench result line, index table or .log score found');
  }
  if (report.error) warn(report.error.line, `Run error: ${report.error.message}`);
  return { suite: SUITE, samples, warnings };
}

interface ReportScan {
  found: boolean;
  bannerLine?: number;
  error?: { line: number; message: string };
}

function parseReport(
  lines: string[],
  samples: ParsedSample[],
  warn: (line: number, msg: string) => void,
): ReportScan {
  const scan: ReportScan = { found: false };
  let block: Block | undefined;
  let inIndex = false;
  let banners = 0;
  const unknownWarned = new Set<string>();

  const params = (b: Block): Params => (b.copies === undefined ? {} : { copies: b.copies });
  const ensureBlock = (lineNo: number): Block => {
    if (block) return block;
    // Result lines before any "Benchmark Run:" header: the log was cut at the top.
    warn(lineNo, 'result lines without a "Benchmark Run:" header (log cut at the top?): copies unknown');
    block = { copies: undefined, results: new Set(), indexed: [] };
    return block;
  };
  const nameOf = (description: string, lineNo: number) => {
    const t = testFor(description);
    if (!t.known && !unknownWarned.has(t.name)) {
      unknownWarned.add(t.name);
      warn(lineNo, `unknown UnixBench test "${description.trim()}": named "${t.name}"`);
    }
    return t;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const lineNo = i + 1;

    const banner = BANNER.exec(line);
    if (banner) {
      banners++;
      scan.bannerLine ??= lineNo;
      if (banners === 2) warn(lineNo, 'a second report starts here; both are kept');
      // 4.x/3.x reports have no "Benchmark Run:" blocks and ran one copy of each test.
      block = /^[34]\./.test((banner[1] ?? '').trim())
        ? { copies: 1, results: new Set(), indexed: [] }
        : undefined;
      inIndex = false;
      continue;
    }
    const err = RUN_ERROR.exec(line);
    if (err) {
      scan.error ??= { line: lineNo, message: `Run: ${(err[1] ?? '').trim()}` };
      continue;
    }
    if (RUN_START.test(line)) {
      block = { copies: undefined, results: new Set(), indexed: [] };
      inIndex = false;
      // The copies line follows the header; a cut log may lack it.
      const next = lines[i + 1] ?? '';
      const c = COPIES.exec(next);
      if (c) {
        block.copies = toNumber(c[1]);
        i++;
      } else {
        warn(lineNo, 'no "running N parallel copies" line after "Benchmark Run:": copies unknown');
      }
      continue;
    }
    const copiesOnly = COPIES.exec(line);
    if (copiesOnly && /in system/i.test(line)) {
      // Copies line whose "Benchmark Run:" header was cut away.
      block = { copies: toNumber(copiesOnly[1]), results: new Set(), indexed: [] };
      inIndex = false;
      continue;
    }

    // includes() first: these regexes are the costly part of a pass over a long log
    const r = line.includes('samples') ? RESULT.exec(line) : null;
    if (r) {
      const b = ensureBlock(lineNo);
      const t = nameOf(r[1] ?? '', lineNo);
      const value = toNumber(r[2]);
      if (value === undefined) continue;
      scan.found = true;
      b.results.add(t.name);
      samples.push({
        metric: `unixbench.${t.name}`,
        params: params(b),
        value,
        unit: r[3] ?? t.unit,
        better: 'higher',
      });
      continue;
    }

    if (line.includes('BASELINE') && INDEX_HEAD.test(line)) {
      ensureBlock(lineNo);
      inIndex = true;
      continue;
    }
    const score = /index score/i.test(line) ? INDEX_SCORE.exec(line) : null;
    if (score) {
      const b = ensureBlock(lineNo);
      const value = toNumber(score[3]);
      inIndex = false;
      if (value === undefined) continue;
      scan.found = true;
      const p: Params = { ...params(b) };
      const category = (score[1] ?? '').trim();
      if (category !== '' && !/^system benchmarks$/i.test(category)) p.category = slugCategory(category);
      const s: ParsedSample = {
        metric: 'unixbench.index',
        params: p,
        value,
        unit: 'index',
        better: 'higher',
      };
      if (score[2]) {
        // A partial index is the mean over a subset: only comparable with the same subset.
        p.partial = 1;
        p.tests = [...b.indexed].sort().join(',');
        s.warnings = ['partial index: not every index test ran'];
      }
      samples.push(s);
      continue;
    }
    const final4 = line.includes('FINAL SCORE') ? FINAL_SCORE_4X.exec(line) : null;
    if (final4) {
      const b = ensureBlock(lineNo);
      const value = toNumber(final4[1]);
      inIndex = false;
      if (value === undefined) continue;
      scan.found = true;
      samples.push({
        metric: 'unixbench.index',
        params: { ...params(b) },
        value,
        unit: 'index',
        better: 'higher',
        warnings: ['UnixBench 4.x "FINAL SCORE" (4.x index, not comparable with 5.x)'],
      });
      continue;
    }
    if (inIndex) {
      const row = INDEX_ROW.exec(line);
      if (!row) {
        if (line.trim() !== '' && !/^\s*=+\s*$/.test(line)) inIndex = false;
        continue;
      }
      const b = ensureBlock(lineNo);
      const t = nameOf(row[1] ?? '', lineNo);
      const result = toNumber(row[3]);
      const index = toNumber(row[4]);
      if (index !== undefined) {
        scan.found = true;
        b.indexed.push(t.name);
        samples.push({
          metric: `unixbench.index.${t.name}`,
          params: params(b),
          value: index,
          unit: 'index',
          better: 'higher',
        });
      }
      if (result !== undefined && !b.results.has(t.name) && t.known) {
        // The result line was lost (cut log): the table's RESULT column is the same score.
        scan.found = true;
        b.results.add(t.name);
        warn(lineNo, `no result line for ${t.name}: its score is taken from the index table`);
        samples.push({
          metric: `unixbench.${t.name}`,
          params: params(b),
          value: result,
          unit: t.unit,
          better: 'higher',
        });
      }
    }
  }
  return scan;
}

function slugCategory(category: string): string {
  return category
    .toLowerCase()
    .replace(/\s*benchmarks?$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The `.log` layout: one sample per test section that reached its ">>>> score:". */
function parseLogFile(lines: string[], warn: (line: number, msg: string) => void): ParsedSample[] {
  const out: ParsedSample[] = [];
  let current:
    { name: string; unit: string; copies: number | undefined; line: number; scored: boolean } | undefined;
  const close = () => {
    if (current && !current.scored) warn(current.line, `.log section for ${current.name} has no final score`);
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (LOG_RULE.test(line)) {
      const head = LOG_TEST.exec(lines[i + 1] ?? '');
      if (head) {
        close();
        const t = testFor(head[1] ?? '');
        if (!t.known) warn(i + 2, `unknown UnixBench test "${(head[1] ?? '').trim()}": named "${t.name}"`);
        current = { name: t.name, unit: t.unit, copies: toNumber(head[2]), line: i + 2, scored: false };
        i++;
      }
      continue;
    }
    if (!current) continue;
    const u = LOG_UNIT.exec(line);
    if (u && !current.scored) {
      current.unit = u[1] ?? current.unit;
      continue;
    }
    const s = LOG_SCORE.exec(line);
    if (s && !current.scored) {
      const value = toNumber(s[1]);
      current.scored = true;
      if (value === undefined || value < 0) {
        warn(i + 1, `unreadable score "${s[1] ?? ''}" for ${current.name}`);
        continue;
      }
      out.push({
        metric: `unixbench.${current.name}`,
        params: current.copies === undefined ? {} : { copies: current.copies },
        value,
        unit: current.unit === '' ? 'score' : current.unit,
        better: 'higher',
      });
    }
  }
  close();
  return out;
}
