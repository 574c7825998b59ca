/**
 * IOzone parser on real captures (test/fixtures/iozone: the shared corpus, Debian iozone3
 * 3.489; test/fixtures/iozone/local: OPS mode and 4-child throughput runs of the same
 * binary, see its README) and on SYNTHETIC logs (test/fixtures/iozone/synthetic, see its
 * README) for the 3.3xx narrow and 3.506 wide layouts and an old throughput block.
 * Expected values were read from the files by eye.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ParsedSample } from '../../../src/results/schema.js';
import { parseIozone } from '../../../src/suites/iozone/parse.js';
import { ParseError, type ParseResult } from '../../../src/suites/types.js';

const dir = fileURLToPath(new URL('../../fixtures/iozone/', import.meta.url));
const read = (name: string) => readFileSync(dir + name, 'utf8');

function cell(
  r: ParseResult,
  op: string,
  fileKb: number,
  reclenKb: number,
  mode?: string,
): ParsedSample | undefined {
  const hits = r.samples.filter(
    (s) =>
      s.metric === `iozone.${op}` &&
      s.params.file_kb === fileKb &&
      s.params.reclen_kb === reclenKb &&
      s.params.mode === mode,
  );
  expect(hits.length, `${op} ${fileKb}/${reclenKb}`).toBeLessThanOrEqual(1);
  return hits[0];
}
const value = (r: ParseResult, op: string, fileKb: number, reclenKb: number, mode?: string) =>
  cell(r, op, fileKb, reclenKb, mode)?.value;
function tp(r: ParseResult, op: string) {
  const hits = r.samples.filter((s) => s.metric === `iozone.throughput.${op}`);
  expect(hits, op).toHaveLength(1);
  return hits[0] as ParsedSample;
}
function parseError(text: string): ParseError {
  try {
    parseIozone(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ParseError);
    return e as ParseError;
  }
  throw new Error('expected a ParseError');
}
const ops = (r: ParseResult) => new Set(r.samples.map((s) => s.metric));

describe('iozone: real 3.489 auto-mode tables', () => {
  it('auto_4k_10m: by column position, record rewrite blank, saturated cells, last row', () => {
    const r = parseIozone(read('auto_4k_10m.txt'));
    for (const s of r.samples) ParsedSample.parse(s);
    expect(r.suite).toBe('iozone');
    expect(r.samples).toHaveLength(78 * 12); // 78 rows, 12 of 13 columns measured
    expect(ops(r).has('iozone.record_rewrite')).toBe(false);
    // first row, left to right, around the blank record-rewrite column
    expect(value(r, 'write', 4, 4)).toBe(366269);
    expect(value(r, 'rewrite', 4, 4)).toBe(2149355);
    expect(value(r, 'read', 4, 4)).toBe(1905268);
    expect(value(r, 'reread', 4, 4)).toBe(4000000);
    expect(value(r, 'random_read', 4, 4)).toBe(4000000);
    expect(value(r, 'random_write', 4, 4)).toBe(1421111);
    expect(value(r, 'bkwd_read', 4, 4)).toBe(676345);
    expect(value(r, 'stride_read', 4, 4)).toBe(3491110);
    expect(value(r, 'fwrite', 4, 4)).toBe(806376);
    expect(value(r, 'freread', 4, 4)).toBe(4000000);
    // 8-digit saturated cells
    expect(value(r, 'reread', 64, 64)).toBe(64000000);
    expect(value(r, 'read', 32, 32)).toBe(32000000);
    expect(value(r, 'stride_read', 32, 16)).toBe(17194844);
    // last row
    expect(value(r, 'write', 8192, 8192)).toBe(3865941);
    expect(value(r, 'bkwd_read', 8192, 8192)).toBe(13125396);
    expect(value(r, 'stride_read', 8192, 8192)).toBe(13630458);
    expect(value(r, 'freread', 8192, 8192)).toBe(11671877);
    const w = cell(r, 'write', 4, 4);
    expect(w).toMatchObject({ unit: 'kB/s', better: 'higher', params: { file_kb: 4, reclen_kb: 4 } });
    expect(r.warnings).toEqual([
      'line 109: Timer resolution is poor. Some small transfers may have reported inaccurate results. Sizes 64 kBytes and below.',
    ]);
    expect(w?.warnings?.[0]).toMatch(/64 kB/);
    expect(cell(r, 'write', 128, 4)?.warnings).toBeUndefined();
  });

  it('auto_s10m_recsweep: one file size, -i 0 -i 1 -i 2 (seven blank columns on the right)', () => {
    const r = parseIozone(read('auto_s10m_recsweep.txt'));
    expect(r.samples).toHaveLength(12 * 6);
    expect(value(r, 'write', 10240, 2048)).toBe(418421);
    expect(value(r, 'random_write', 10240, 8192)).toBe(18405631);
    expect(value(r, 'bkwd_read', 10240, 8192)).toBeUndefined();
    expect(r.warnings).toEqual([]);
  });

  it('single_s1m_r4k: one row', () => {
    const r = parseIozone(read('single_s1m_r4k.txt'));
    expect(r.samples.map((s) => [s.metric, s.value])).toEqual([
      ['iozone.write', 930894],
      ['iozone.rewrite', 2236023],
      ['iozone.read', 4715569],
      ['iozone.reread', 3951918],
      ['iozone.random_read', 3863055],
      ['iozone.random_write', 1924436],
    ]);
  });

  it('single_s1m_r4k_alltests: every column, "Selected test not available" kept as a warning', () => {
    const r = parseIozone(read('single_s1m_r4k_alltests.txt'));
    expect(r.samples).toHaveLength(13);
    expect(value(r, 'record_rewrite', 1024, 4)).toBe(2592318);
    expect(value(r, 'stride_read', 1024, 4)).toBe(3778101);
    expect(value(r, 'freread', 1024, 4)).toBe(5363307);
    expect(r.warnings).toEqual(['line 20: Selected test not available on the version.']);
  });

  it('auto_4k_10m_xls_b (-R -b): the console part only, six columns', () => {
    const r = parseIozone(read('auto_4k_10m_xls_b.txt'));
    expect(r.samples).toHaveLength(78 * 6);
    expect(value(r, 'rewrite', 4, 4)).toBe(4000000);
    expect(value(r, 'write', 16, 16)).toBe(1433775);
  });
});

describe('iozone: real -R report', () => {
  it('table and report of the same run: no double count, no disagreement', () => {
    const r = parseIozone(read('auto_4k_10m_excel_R.txt'));
    expect(r.samples).toHaveLength(78 * 12);
    expect(value(r, 'write', 4, 4)).toBe(285299);
    expect(value(r, 'write', 8192, 1024)).toBe(1988778);
    expect(value(r, 'freread', 8192, 8192)).toBe(12797849);
    expect(r.warnings).toHaveLength(1); // the timer warning only
  });

  it('report alone (table removed): record sizes by position, trailing blanks', () => {
    const lines = read('auto_4k_10m_excel_R.txt').split('\n');
    const noTable = [...lines.slice(0, 29), ...lines.slice(107)].join('\n');
    const r = parseIozone(noTable);
    expect(r.samples).toHaveLength(12 * 78);
    expect(value(r, 'write', 4, 4)).toBe(285299);
    expect(value(r, 'read', 16, 8)).toBe(16000000);
    expect(value(r, 'freread', 8192, 4)).toBe(3314080);
    expect(value(r, 'freread', 8192, 8192)).toBe(12797849);
    expect(value(r, 'freread', 8192, 16384)).toBeUndefined();
  });

  it('a report cell that disagrees with the table: the table is kept, with a warning', () => {
    const text = read('auto_4k_10m_excel_R.txt').replace('"4"   285299 ', '"4"   285300 ');
    const r = parseIozone(text);
    expect(value(r, 'write', 4, 4)).toBe(285299);
    expect(r.warnings).toContain(
      'line 116: -R report iozone.write 4/4 = 285300 disagrees with the table (line 30) = 285299; the table is kept',
    );
  });

  it('a 0 in the report is "not measured": absent', () => {
    const lines = read('auto_4k_10m_excel_R.txt').split('\n');
    const noTable = [...lines.slice(0, 29), ...lines.slice(107)]
      .join('\n')
      .replace('"8"   502269  570598 ', '"8"   0  570598 ');
    const r = parseIozone(noTable);
    expect(value(r, 'write', 8, 4)).toBeUndefined();
    expect(value(r, 'write', 8, 8)).toBe(570598);
  });
});

describe('iozone: real throughput and OPS mode', () => {
  it('throughput_t2_s1m_r4k: "Children see" per test, min 0.00 ignored', () => {
    const r = parseIozone(read('throughput_t2_s1m_r4k.txt'));
    expect(r.samples).toHaveLength(5);
    expect(tp(r, 'write')).toEqual({
      metric: 'iozone.throughput.write',
      params: { threads: 2, file_kb: 1024, reclen_kb: 4 },
      value: 951518.0,
      unit: 'kB/s',
      better: 'higher',
    });
    expect(tp(r, 'rewrite').value).toBe(4110648.88);
    expect(tp(r, 'read').value).toBe(2086373.0);
    expect(tp(r, 'reread').value).toBe(4444192.62);
    expect(tp(r, 'random_mix').value).toBe(1490373.62);
  });

  it('local/t4_all: four children, twelve tests', () => {
    const r = parseIozone(read('local/t4_all.txt'));
    expect(r.samples).toHaveLength(12);
    expect(tp(r, 'write')).toMatchObject({
      value: 563997.62,
      params: { threads: 4, file_kb: 256, reclen_kb: 4 },
    });
    expect(tp(r, 'bkwd_read').value).toBe(1575502.75);
    expect(tp(r, 'stride_read').value).toBe(2515254.12);
    expect(tp(r, 'random_write').value).toBe(1950892.56);
    expect(tp(r, 'pwrite').value).toBe(697322.94);
    expect(tp(r, 'pread').value).toBe(2152625.5);
    expect(tp(r, 'fread').value).toBe(5970758.09);
  });

  it('local/ops_auto (-O): same ids, unit ops/s, param mode "ops"', () => {
    const r = parseIozone(read('local/ops_auto.txt'));
    expect(r.samples).toHaveLength(5 * 6);
    expect(cell(r, 'write', 64, 4, 'ops')).toMatchObject({ value: 97005, unit: 'ops/s' });
    expect(value(r, 'reread', 64, 8, 'ops')).toBe(534257);
    expect(value(r, 'random_write', 64, 64, 'ops')).toBe(100328);
    expect(r.samples.every((s) => s.unit === 'ops/s' && s.params.mode === 'ops')).toBe(true);
  });

  it('local/ops_t4 (-O -t 4): throughput in ops/s', () => {
    const r = parseIozone(read('local/ops_t4.txt'));
    expect(tp(r, 'write')).toMatchObject({
      value: 299930.16,
      unit: 'ops/s',
      params: { threads: 4, file_kb: 64, reclen_kb: 4, mode: 'ops' },
    });
    expect(tp(r, 'random_write').value).toBe(188082.38);
  });
});

describe('iozone: real -N and -t -R captures', () => {
  it('local/usec_op_N (-N): microseconds per operation, better lower, param mode', () => {
    const r = parseIozone(read('local/usec_op_N.txt'));
    expect(r.samples).toHaveLength(4);
    expect(cell(r, 'write', 64, 4, 'us_per_op')).toMatchObject({ value: 6, unit: 'us/op', better: 'lower' });
    expect(value(r, 'rewrite', 64, 4, 'us_per_op')).toBe(3);
    expect(value(r, 'reread', 64, 4, 'us_per_op')).toBe(1);
  });

  it('local/throughput_t2_R (-t -R): the summary repeating "Children see" is not counted twice', () => {
    const r = parseIozone(read('local/throughput_t2_R.txt'));
    expect(r.samples.map((s) => [s.metric, s.value])).toEqual([
      ['iozone.throughput.write', 489126.56],
      ['iozone.throughput.rewrite', 1124074.75],
    ]);
    expect(r.warnings).toEqual([]);
  });
});

describe('iozone: errors and damaged logs', () => {
  it('error_bad_path: the error in the middle of the only row → ParseError at its line', () => {
    const e = parseError(read('error_bad_path.txt'));
    expect(e.suite).toBe('iozone');
    expect(e.line).toBe(29);
    expect(e.reason).toBe('Can not open temp file: /nonexistent_dir/iozone.tmp');
  });

  it('error_bad_option: ParseError at line 1', () => {
    const e = parseError(read('error_bad_option.txt'));
    expect(e.line).toBe(1);
    expect(e.reason).toBe("iozone: invalid option -- '9'");
  });

  it('an error after three rows: the rows are kept, the error is a warning naming its line', () => {
    const lines = read('auto_s10m_recsweep.txt').split('\n');
    const at = lines.findIndex((l) => /^\s+10240\s+16\s/.test(l)) + 1;
    const text = [
      ...lines.slice(0, at),
      'Error writing block 12, fd= 3',
      'write: No space left on device',
    ].join('\n');
    const r = parseIozone(text);
    expect(r.samples).toHaveLength(3 * 6);
    expect(value(r, 'random_write', 10240, 16)).toBe(1586333);
    expect(value(r, 'write', 10240, 32)).toBeUndefined();
    expect(r.warnings).toContain(`line ${at + 1}: IOzone error: Error writing block 12, fd= 3`);
  });

  it('an error glued to a row: the numbers before it are kept', () => {
    const text = read('auto_s10m_recsweep.txt').replace(
      /( +10240 +32 +422197 +6547400).*/,
      '$1Error reading block 3 7f00aa',
    );
    const r = parseIozone(text);
    expect(value(r, 'write', 10240, 32)).toBe(422197);
    expect(value(r, 'rewrite', 10240, 32)).toBe(6547400);
    expect(value(r, 'read', 10240, 32)).toBeUndefined();
    expect(r.warnings.join('\n')).toMatch(
      /IOzone error in the middle of the table: Error reading block 3 7f00aa/,
    );
  });

  it('a log cut inside its last row: that row is not read (a number may be cut short)', () => {
    const text = read('auto_s10m_recsweep.txt');
    const cut = text.slice(0, text.indexOf('15820816 19414412') + 'xxxxxxxx 194'.length);
    expect(cut.endsWith('15820816 194')).toBe(true);
    const r = parseIozone(cut);
    expect(r.samples).toHaveLength(11 * 6);
    expect(value(r, 'write', 10240, 8192)).toBeUndefined();
    expect(value(r, 'write', 10240, 4096)).toBe(6076201);
    expect(r.warnings).toEqual([
      `line ${cut.split('\n').length}: last line cut short (no newline): its numbers are not read`,
    ]);
  });

  it("a header without its upper line: columns named by IOzone's fixed order", () => {
    const text = read('auto_4k_10m.txt').replace(/^ +random +random +bkwd +record +stride +\n/m, '');
    const r = parseIozone(text);
    expect(r.samples).toHaveLength(78 * 12);
    expect(value(r, 'read', 4, 4)).toBe(1905268);
    expect(value(r, 'random_read', 4, 4)).toBe(4000000);
    expect(value(r, 'random_write', 4, 4)).toBe(1421111);
    expect(value(r, 'bkwd_read', 4, 4)).toBe(676345);
    expect(value(r, 'stride_read', 4, 4)).toBe(3491110);
    expect(ops(r).has('iozone.record_rewrite')).toBe(false);
  });

  it('output truncated before any result: ParseError', () => {
    const text = read('auto_4k_10m.txt');
    expect(
      parseError(text.slice(0, text.indexOf('                                        random'))).reason,
    ).toMatch(/no IOzone result/);
    const header = text.slice(0, text.indexOf('               4       4'));
    const e = parseError(header);
    expect(e.reason).toBe('result table has no measured value');
    expect(e.line).toBe(28);
    expect(parseError('').reason).toMatch(/no IOzone result/);
  });
});

describe('iozone: SYNTHETIC layouts (see fixtures/iozone/synthetic/README.md)', () => {
  it('3.3xx narrow header with "KB": blank columns between measured ones', () => {
    const r = parseIozone(read('synthetic/v3308_narrow_KB.txt'));
    expect(r.samples).toHaveLength(4 * 5);
    expect(value(r, 'write', 1024, 4)).toBe(39462);
    expect(value(r, 'rewrite', 1024, 4)).toBe(40788);
    expect(value(r, 'read', 1024, 4)).toBeUndefined();
    expect(value(r, 'random_read', 1024, 4)).toBe(149232);
    expect(value(r, 'random_write', 1024, 4)).toBe(27633);
    expect(value(r, 'bkwd_read', 1024, 4)).toBeUndefined();
    expect(value(r, 'record_rewrite', 1024, 4)).toBe(36514);
    expect(value(r, 'random_read', 4096, 1024)).toBe(1523342);
    expect(value(r, 'record_rewrite', 4096, 1024)).toBe(140021);
    expect(r.warnings).toEqual([]);
  });

  it('3.506 wide columns: numbers one character right of their labels', () => {
    const r = parseIozone(read('synthetic/v3506_wide.txt'));
    expect(r.samples).toHaveLength(3 * 10);
    expect(value(r, 'write', 4096, 4)).toBe(14065);
    expect(value(r, 'reread', 4096, 4)).toBe(24074);
    expect(value(r, 'random_read', 4096, 4)).toBeUndefined();
    expect(value(r, 'bkwd_read', 4096, 4)).toBe(16588);
    expect(value(r, 'record_rewrite', 4096, 4)).toBeUndefined();
    expect(value(r, 'stride_read', 4096, 4)).toBe(15387);
    expect(value(r, 'freread', 4096, 4)).toBe(13678);
    expect(value(r, 'write', 4096, 16)).toBe(1523342);
    expect(value(r, 'read', 16384, 1024)).toBe(4000000);
    expect(value(r, 'freread', 16384, 1024)).toBe(4200000);
    expect(r.warnings).toEqual([]);
  });

  it('3.3xx throughput block, 8 children, KB/sec; an all-zero block is absent', () => {
    const r = parseIozone(read('synthetic/v3308_throughput_t8.txt'));
    expect(r.samples).toHaveLength(3);
    expect(tp(r, 'write')).toMatchObject({
      value: 81234.56,
      unit: 'kB/s',
      params: { threads: 8, file_kb: 2048, reclen_kb: 16 },
    });
    expect(tp(r, 'rewrite').value).toBe(120345.99);
    expect(tp(r, 'random_read').value).toBe(456789.01);
    expect(r.samples.some((s) => s.metric === 'iozone.throughput.random_write')).toBe(false);
    expect(r.warnings).toEqual(['line 40: throughput for random writers is 0 (not measured): dropped']);
  });
});

describe('iozone: damaged copies of the captures (deterministic mutations)', () => {
  // Truncations, dropped lines and flipped bytes must give samples that pass the schema with
  // finite, non-negative values, or a ParseError: never another exception.
  let seed = 20261125;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const mutate = (text: string, k: number): string => {
    if (k % 3 === 0) return text.slice(0, Math.floor(rnd() * text.length));
    if (k % 3 === 1)
      return text
        .split('\n')
        .filter(() => rnd() > 0.15)
        .join('\n');
    const chars = [...text];
    for (let j = 0; j < 8; j++)
      chars[Math.floor(rnd() * chars.length)] = String.fromCharCode(Math.floor(rnd() * 128));
    return chars.join('');
  };
  it.each([
    'auto_4k_10m_excel_R.txt',
    'single_s1m_r4k_alltests.txt',
    'throughput_t2_s1m_r4k.txt',
    'error_bad_path.txt',
    'synthetic/v3506_wide.txt',
    'local/ops_t4.txt',
  ])('%s', (name) => {
    const text = read(name);
    // the -R capture is 15 times longer than the others: fewer rounds keep this test short
    const rounds = name.includes('excel_R') ? 20 : 60;
    for (let k = 0; k < rounds; k++) {
      const damaged = mutate(text, k);
      let samples: unknown[] = [];
      try {
        samples = parseIozone(damaged).samples;
      } catch (e) {
        expect(e, `mutation ${k} of ${name}`).toBeInstanceOf(ParseError);
      }
      const bad = samples.filter((s) => {
        const ok = ParsedSample.safeParse(s);
        return !ok.success || ok.data.value < 0;
      });
      expect(bad, `mutation ${k} of ${name}`).toEqual([]);
    }
  });
});

describe('two runs in one log', () => {
  it('keeps the values of both runs (the second used to replace the first) and says so', () => {
    const one = read('single_s1m_r4k.txt');
    const first = parseIozone(one);
    const write = cell(first, 'write', 1024, 4)!;
    // The same run again with other numbers: the write value of the second copy is changed.
    const second = one.replace(String(write.value), String(write.value + 1));
    expect(second).not.toBe(one);
    const both = parseIozone(`${one}${second}`);
    const writes = both.samples.filter((s) => s.metric === 'iozone.write');
    expect(writes.map((s) => s.value)).toEqual([write.value, write.value + 1]);
    expect(both.samples).toHaveLength(2 * first.samples.length);
    expect(both.warnings.at(-1)).toMatch(
      /^2 IOzone runs in this log \(banners at lines \d+, \d+\): the values of every run are kept/,
    );
  });
});
