/**
 * IOzone parser (3.3xx–3.5xx). Pure: text in, samples out. Reads, in one pass:
 * - the auto-mode / single-size table, by column position (see columns.ts);
 * - the `-R` Excel report sections ("Writer report", ...): record sizes as the header row,
 *   file sizes as row labels, values by position; `0` = not measured;
 * - throughput mode (`-t`): "Children see throughput for N <test> = X kB/sec".
 * OPS mode (`-O`) keeps the same metric ids with unit `ops/s` and param `mode: "ops"`, so an
 * ops/s cell is never compared with a kB/s one; `-N` likewise gives unit `us/op`, param
 * `mode: "us_per_op"` and better "lower".
 * The Excel-style summary that `-t -R` prints ("Throughput report Y-axis is ...") repeats the
 * "Children see" figures and is not read.
 * When a log holds both the table and the `-R` report (same run, same numbers), the table
 * wins: a report cell the table also has is dropped (a warning if the two disagree); a
 * report cell the table lacks is kept.
 * Several runs concatenated in one log are all read (each banner resets the run's state), and
 * every run's values are kept, each as one sample of its cell, with a warning naming the banners
 * (two runs of the same file and record sizes used to keep only the last value).
 */
import type { ParsedSample, Params } from '../../results/schema.js';
import { splitLines, toNumber } from '../text.js';
import { ParseError, type ParseResult } from '../types.js';
import { headerColumns, isHeader, isRow, splitRow, type Column } from './columns.js';
import { REPORT_SECTIONS, THROUGHPUT_LABELS, opSlug } from './ops.js';

const SUITE = 'iozone';

const BANNER = /Iozone: Performance Test of File I\/O/i;
const OPS_MODE = /OPS Mode\. Output is in operations per second/i;
const USEC_MODE = /Microseconds\/op Mode\. Output is in microseconds per operation/i;
const TIMER_POOR = /Timer resolution is poor/i;
const TIMER_SIZES = /Sizes\s+(\d+)\s+kBytes and below/i;
const NOT_AVAILABLE = /Selected test not available/i;
// What IOzone prints when it fails (to stdout or stderr, often in the middle of a row).
const ERROR =
  /(Can ?not open|can't open|\bError\b|\berror:|invalid option|Unsupported option|No such file|Permission denied|No space left|Read-only file system|I\/O error|Segmentation fault|Killed|Bus error|Aborted|Usage: iozone)/i;
const CHILDREN = /^\s*Children see throughput for\s+(\d+)\s+(.+?)\s*=\s*(\d+(?:\.\d*)?)\s*(\S*)/;
const EACH_PROCESS =
  /Each (?:process|thread) writes an? (\d+) (?:kByte|KByte|Kbyte|kB|KB)s? file in (\d+) (?:kByte|KByte|Kbyte|kB|KB)s? records/i;
const THROUGHPUT_TEST = /Throughput test with (\d+) (?:processes|process|threads|thread)/i;
const FILE_SIZE = /^\s*File size set to (\d+) (?:kB|KB|Kbytes|kBytes|KBytes)\b/;
const RECORD_SIZE = /^\s*Record Size (\d+) (?:kB|KB|Kbytes|kBytes|KBytes)\b/;
const REPORT_TITLE = /^\s*"([^"]*?)\s*report"\s*$/i;
const REPORT_HEAD = /^\s*(?:"\d+"\s*)+$/;
const REPORT_ROW = /^\s*"(\d+)"\s*(.*)$/;

/** What the numbers of a run measure: kB/s (default), ops/s (`-O`) or µs per op (`-N`). */
type Mode = 'kB' | 'ops' | 'us';

interface Run {
  mode: Mode;
  threads?: number;
  fileKb?: number;
  reclenKb?: number;
  /** "File size set to" / "Record Size" (used when -t has no "Each process writes"). */
  sizeKb?: number;
  recordKb?: number;
}

interface Section {
  op: string;
  /** The header row's record sizes (undefined where unreadable); undefined until seen. */
  reclens: (number | undefined)[] | undefined;
  title: string;
}

interface Placed {
  sample: ParsedSample;
  line: number;
  /** Which run of the log (1 = the first banner, or no banner) it came from. */
  run: number;
}

export function parseIozone(text: string): ParseResult {
  const lines = splitLines(text);
  // A text cut in the middle of its last line may have cut a number short: "19546" for
  // "1954611". A number on an unterminated last line is never read.
  const cutLine = /[\r\n]$/.test(text) ? -1 : lines.length - 1;
  const warnings: string[] = [];
  const warn = (line: number, msg: string) => warnings.push(`line ${line}: ${msg}`);
  const table = new Map<string, Placed>();
  const report: Placed[] = [];
  const throughput: ParsedSample[] = [];
  let firstError: { line: number; message: string } | undefined;
  let headerLine: number | undefined;
  let timerLimitKb: number | undefined;

  let run: Run = { mode: 'kB' };
  /** Runs in this log: a banner after values starts a new one. */
  let runNo = 1;
  const banners: number[] = [];
  let runHasValues = false;
  let cols: Column[] | undefined;
  let section: Section | undefined;
  const unknownWarned = new Set<string>();

  const unitOf = (m: Mode) => UNIT[m];
  const betterOf = (m: Mode) => (m === 'us' ? 'lower' : 'higher');
  const withMode = (m: Mode, p: Params): Params => (m === 'kB' ? p : { ...p, mode: MODE_PARAM[m] });
  const noteError = (lineNo: number, message: string) => {
    firstError ??= { line: lineNo, message };
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const lineNo = i + 1;

    // ---- inside the table: rows until something else
    if (cols) {
      if (isRow(line)) {
        if (i === cutLine) {
          warn(lineNo, 'last line cut short (no newline): its numbers are not read');
          continue;
        }
        const row = splitRow(line, cols);
        readRow(row, cols, lineNo);
        continue;
      }
      cols = undefined;
    }

    if (BANNER.test(line)) {
      if (runHasValues) runNo += 1;
      runHasValues = false;
      banners.push(lineNo);
      run = { mode: 'kB' };
      section = undefined;
      continue;
    }
    if (isHeader(line)) {
      cols = headerColumns(lines[i - 1], line);
      headerLine ??= lineNo;
      section = undefined;
      for (const c of cols) {
        if (c.unknown && !unknownWarned.has(c.key)) {
          unknownWarned.add(c.key);
          warn(lineNo, `unknown IOzone column "${c.label}": read as iozone.${c.key}`);
        }
      }
      continue;
    }
    if (OPS_MODE.test(line)) {
      run.mode = 'ops';
      continue;
    }
    if (USEC_MODE.test(line)) {
      run.mode = 'us';
      continue;
    }
    if (TIMER_POOR.test(line)) {
      const next = lines[i + 1] ?? '';
      const sizes = TIMER_SIZES.exec(`${line} ${next}`);
      const limit = toNumber(sizes?.[1]);
      if (limit !== undefined) timerLimitKb = Math.max(timerLimitKb ?? 0, limit);
      const msg = [
        line.trim(),
        TIMER_SIZES.test(next) || /reported inaccurate/i.test(next) ? next.trim() : '',
      ]
        .filter((s) => s !== '')
        .join(' ');
      warn(lineNo, msg);
      continue;
    }
    if (NOT_AVAILABLE.test(line)) {
      warn(lineNo, line.trim());
      continue;
    }

    // ---- throughput mode
    const tt = THROUGHPUT_TEST.exec(line);
    if (tt) {
      run.threads = toNumber(tt[1]);
      continue;
    }
    const each = EACH_PROCESS.exec(line);
    if (each) {
      run.fileKb = toNumber(each[1]);
      run.reclenKb = toNumber(each[2]);
      continue;
    }
    const fs = FILE_SIZE.exec(line);
    if (fs) {
      run.sizeKb = toNumber(fs[1]);
      continue;
    }
    const rs = RECORD_SIZE.exec(line);
    if (rs) {
      run.recordKb = toNumber(rs[1]);
      continue;
    }
    const ch = CHILDREN.exec(line);
    if (ch && i === cutLine) {
      warn(lineNo, 'last line cut short (no newline): its numbers are not read');
      continue;
    }
    if (ch) {
      readChildren(ch, lineNo);
      continue;
    }

    // ---- -R report
    const title = REPORT_TITLE.exec(line);
    if (title) {
      const name = (title[1] ?? '').trim().toLowerCase();
      if (/cpu/i.test(name)) {
        section = undefined; // CPU utilization (-+u): not a throughput
        continue;
      }
      const op = REPORT_SECTIONS[name] ?? opSlug(name);
      if (!REPORT_SECTIONS[name])
        warn(lineNo, `unknown IOzone report "${title[1] ?? ''} report": read as iozone.${op}`);
      section = { op, reclens: undefined, title: `${title[1] ?? ''} report` };
      continue;
    }
    if (section) {
      if (section.reclens === undefined && REPORT_HEAD.test(line)) {
        section.reclens = [...line.matchAll(/"(\d+)"/g)].map((m) => toNumber(m[1]));
        continue;
      }
      const row = REPORT_ROW.exec(line);
      if (row && section.reclens && i === cutLine) {
        warn(lineNo, 'last line cut short (no newline): its numbers are not read');
        continue;
      }
      if (row && section.reclens) {
        readReportRow(section, row, lineNo);
        continue;
      }
      if (line.trim() === '') continue;
      section = undefined;
    }

    // The command line echoes user paths, which may hold any word.
    if (!/Command line used/i.test(line) && ERROR.test(line)) {
      noteError(lineNo, line.trim());
      warn(lineNo, `IOzone error: ${line.trim()}`);
      continue;
    }
  }

  function readRow(row: ReturnType<typeof splitRow>, columns: Column[], lineNo: number) {
    const fileKb = toNumber(row.cells.get('file_kb'));
    const reclenKb = toNumber(row.cells.get('reclen_kb'));
    if (fileKb === undefined || reclenKb === undefined) return;
    let measured = 0;
    for (const c of columns.slice(2)) {
      const text = row.cells.get(c.key);
      if (text === undefined) continue; // blank column: test not selected
      const value = toNumber(text);
      if (value === undefined || value < 0) {
        warn(lineNo, `unreadable ${c.label} value "${text}"`);
        continue;
      }
      if (value === 0) continue; // IOzone's "not measured"
      measured++;
      runHasValues = true;
      const params = withMode(run.mode, { file_kb: fileKb, reclen_kb: reclenKb });
      table.set(`${runNo}|${key(c.key, params)}`, {
        sample: {
          metric: `iozone.${c.key}`,
          params,
          value,
          unit: unitOf(run.mode),
          better: betterOf(run.mode),
        },
        line: lineNo,
        run: runNo,
      });
    }
    if (row.stray.length > 0) {
      warn(lineNo, `value(s) ${row.stray.join(', ')} fit no column of the header; dropped`);
    }
    if (row.trailer) {
      noteError(lineNo, row.trailer);
      warn(lineNo, `IOzone error in the middle of the table: ${row.trailer}`);
    } else if (measured === 0) {
      warn(lineNo, `row ${fileKb} kB / ${reclenKb} kB has no measured value (run stopped?)`);
    }
  }

  function readReportRow(s: Section, row: RegExpExecArray, lineNo: number) {
    const fileKb = toNumber(row[1]);
    const reclens = s.reclens ?? [];
    if (fileKb === undefined) return;
    const values = (row[2] ?? '')
      .trim()
      .split(/\s+/)
      .filter((v) => v !== '');
    if (values.length > reclens.length)
      warn(lineNo, `${s.title}: more values than record sizes; extra ones dropped`);
    for (const [j, text] of values.entries()) {
      if (j >= reclens.length) break;
      const reclenKb = reclens[j];
      if (reclenKb === undefined) continue; // unreadable header cell
      const value = toNumber(text);
      if (value === undefined || value < 0) {
        warn(lineNo, `${s.title}: unreadable value "${text}"`);
        continue;
      }
      if (value === 0) continue; // Excel report's "not measured"
      runHasValues = true;
      report.push({
        sample: {
          metric: `iozone.${s.op}`,
          params: withMode(run.mode, { file_kb: fileKb, reclen_kb: reclenKb }),
          value,
          unit: unitOf(run.mode),
          better: betterOf(run.mode),
        },
        line: lineNo,
        run: runNo,
      });
    }
  }

  function readChildren(ch: RegExpExecArray, lineNo: number) {
    const threads = toNumber(ch[1]);
    const label = (ch[2] ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
    const op = THROUGHPUT_LABELS[label] ?? opSlug(label);
    if (!THROUGHPUT_LABELS[label])
      warn(lineNo, `unknown throughput test "${label}": read as iozone.throughput.${op}`);
    const value = toNumber(ch[3]);
    if (value === undefined) return;
    if (value === 0) {
      warn(lineNo, `throughput for ${label} is 0 (not measured): dropped`);
      return;
    }
    runHasValues = true;
    const mode = throughputMode(ch[4] ?? '', run.mode);
    const params: Params = {};
    if (threads !== undefined) params.threads = threads;
    const fileKb = run.fileKb ?? run.sizeKb;
    const reclenKb = run.reclenKb ?? run.recordKb;
    if (fileKb !== undefined) params.file_kb = fileKb;
    if (reclenKb !== undefined) params.reclen_kb = reclenKb;
    if (fileKb === undefined || reclenKb === undefined)
      warn(lineNo, 'throughput block without file or record size');
    throughput.push({
      metric: `iozone.throughput.${op}`,
      params: withMode(mode, params),
      value,
      unit: unitOf(mode),
      better: betterOf(mode),
    });
  }

  // ---- merge: the table wins over the -R report of the same run
  const samples: ParsedSample[] = [...table.values()].map((p) => p.sample);
  let disagreements = 0;
  for (const r of report) {
    const k = `${r.run}|${key(r.sample.metric.slice('iozone.'.length), r.sample.params)}`;
    const t = table.get(k);
    if (!t) {
      samples.push(r.sample);
      continue;
    }
    if (t.sample.value !== r.sample.value) {
      disagreements++;
      if (disagreements <= 5) {
        warn(
          r.line,
          `-R report ${r.sample.metric} ${String(r.sample.params.file_kb)}/${String(r.sample.params.reclen_kb)} = ${r.sample.value} disagrees with the table (line ${t.line}) = ${t.sample.value}; the table is kept`,
        );
      }
    }
  }
  if (disagreements > 5)
    warnings.push(`${disagreements} -R report cells disagree with the table in all; the table is kept`);
  samples.push(...throughput);

  if (runNo > 1) {
    warnings.push(
      `${runNo} IOzone runs in this log (banners at lines ${banners.join(', ')}): the values of every run are kept, each one sample of its cell`,
    );
  }

  if (timerLimitKb !== undefined) {
    const limit = timerLimitKb;
    for (const s of samples) {
      const f = s.params.file_kb;
      if (typeof f === 'number' && f <= limit && !s.metric.startsWith('iozone.throughput.')) {
        s.warnings = [`timer resolution is poor for sizes of ${limit} kB and below`];
      }
    }
  }

  if (samples.length === 0) {
    if (firstError) throw new ParseError(SUITE, firstError.message, firstError.line);
    if (headerLine !== undefined)
      throw new ParseError(SUITE, 'result table has no measured value', headerLine);
    throw new ParseError(SUITE, 'no IOzone result table, -R report or throughput line (output truncated?)');
  }
  return { suite: SUITE, samples, warnings };
}

const UNIT: Record<Mode, string> = { kB: 'kB/s', ops: 'ops/s', us: 'us/op' };
const MODE_PARAM: Record<Mode, string> = { kB: 'kB', ops: 'ops', us: 'us_per_op' };

/** The unit printed after a "Children see" figure ("kB/sec", "ops/sec", ...), else the run's mode. */
function throughputMode(printed: string, fallback: Mode): Mode {
  const u = printed.toLowerCase();
  if (u.startsWith('ops')) return 'ops';
  if (u.startsWith('kb')) return 'kB';
  if (u.startsWith('micro') || u.startsWith('us')) return 'us';
  return fallback;
}

function key(op: string, params: Params): string {
  return `${op}|${String(params.file_kb)}|${String(params.reclen_kb)}|${String(params.mode ?? '')}`;
}
