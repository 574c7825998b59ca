/**
 * byte-UnixBench parser on real captures (test/fixtures/unixbench, copied from the shared
 * corpus: UnixBench 6.0.0 on x86_64) and on SYNTHETIC logs (test/fixtures/unixbench/synthetic,
 * see its README) for the 5.1.3 and 4.1.0 layouts that have no capture. UnixBench cannot be
 * built and run here in test time; its outputs are the stand-in. Expected values were read
 * from the files by eye.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ParsedSample } from '../../../src/results/schema.js';
import { parseUnixbench } from '../../../src/suites/unixbench/parse.js';
import { ParseError, type ParseResult } from '../../../src/suites/types.js';

const dir = fileURLToPath(new URL('../../fixtures/unixbench/', import.meta.url));
const read = (name: string) => readFileSync(dir + name, 'utf8');

/** The one sample with this metric and these params (exactly), or a failure. */
function one(r: ParseResult, metric: string, params: Record<string, string | number>) {
  const hits = r.samples.filter(
    (s) => s.metric === metric && JSON.stringify(sortKeys(s.params)) === JSON.stringify(sortKeys(params)),
  );
  expect(hits, `${metric} ${JSON.stringify(params)}`).toHaveLength(1);
  return hits[0] as ParsedSample;
}
function sortKeys(o: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}
function parseError(text: string): ParseError {
  try {
    parseUnixbench(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ParseError);
    return e as ParseError;
  }
  throw new Error('expected a ParseError');
}
function valid(r: ParseResult) {
  for (const s of r.samples) ParsedSample.parse(s);
}

describe('unixbench: real 6.0.0 console output', () => {
  it('run_c1_i1_9tests: nine results, their index and the partial score, noise ignored', () => {
    const r = parseUnixbench(read('run_c1_i1_9tests.txt'));
    valid(r);
    expect(r.suite).toBe('unixbench');
    expect(r.samples).toHaveLength(9 + 9 + 1);
    expect(one(r, 'unixbench.dhry2reg', { copies: 1 })).toMatchObject({
      value: 52816761.8,
      unit: 'lps',
      better: 'higher',
    });
    expect(one(r, 'unixbench.whetstone-double', { copies: 1 })).toMatchObject({
      value: 8827.7,
      unit: 'MWIPS',
    });
    expect(one(r, 'unixbench.execl', { copies: 1 }).value).toBe(1780.6);
    expect(one(r, 'unixbench.context1', { copies: 1 }).value).toBe(106758.1);
    expect(one(r, 'unixbench.shell1', { copies: 1 })).toMatchObject({ value: 5558.4, unit: 'lpm' });
    expect(one(r, 'unixbench.shell8', { copies: 1 })).toMatchObject({ value: 1322.4, unit: 'lpm' });
    expect(one(r, 'unixbench.syscall', { copies: 1 })).toMatchObject({ value: 1091139.7, unit: 'lps' });
    expect(one(r, 'unixbench.index.dhry2reg', { copies: 1 })).toMatchObject({ value: 4525.9, unit: 'index' });
    expect(one(r, 'unixbench.index.whetstone-double', { copies: 1 }).value).toBe(1605.0);
    expect(one(r, 'unixbench.index.spawn', { copies: 1 }).value).toBe(377.5);
    expect(one(r, 'unixbench.index.syscall', { copies: 1 }).value).toBe(727.4);
    const idx = one(r, 'unixbench.index', {
      copies: 1,
      partial: 1,
      tests: 'context1,dhry2reg,execl,pipe,shell1,shell8,spawn,syscall,whetstone-double',
    });
    expect(idx).toMatchObject({ value: 953.7, unit: 'index', better: 'higher' });
    expect(idx.warnings?.[0]).toMatch(/partial/);
    // make output, locale warnings and "3dinfo: not found" leave no warning behind
    expect(r.warnings).toEqual([]);
  });

  it('run_c2_i1_dhry2reg: two copies', () => {
    const r = parseUnixbench(read('run_c2_i1_dhry2reg.txt'));
    expect(r.samples).toHaveLength(3);
    expect(one(r, 'unixbench.dhry2reg', { copies: 2 }).value).toBe(107269695.6);
    expect(one(r, 'unixbench.index.dhry2reg', { copies: 2 }).value).toBe(9191.9);
    expect(one(r, 'unixbench.index', { copies: 2, partial: 1, tests: 'dhry2reg' }).value).toBe(9191.9);
  });

  it('run_c1c2_i1_dhry2reg_syscall: one block per copies count', () => {
    const r = parseUnixbench(read('run_c1c2_i1_dhry2reg_syscall.txt'));
    expect(r.samples).toHaveLength(10);
    expect(one(r, 'unixbench.dhry2reg', { copies: 1 }).value).toBe(52965439.1);
    expect(one(r, 'unixbench.syscall', { copies: 1 }).value).toBe(1071708.7);
    expect(one(r, 'unixbench.index.syscall', { copies: 1 }).value).toBe(714.5);
    expect(one(r, 'unixbench.index', { copies: 1, partial: 1, tests: 'dhry2reg,syscall' }).value).toBe(
      1800.8,
    );
    expect(one(r, 'unixbench.dhry2reg', { copies: 2 }).value).toBe(94007950.6);
    expect(one(r, 'unixbench.syscall', { copies: 2 }).value).toBe(2204643.1);
    expect(one(r, 'unixbench.index.dhry2reg', { copies: 2 }).value).toBe(8055.5);
    expect(one(r, 'unixbench.index', { copies: 2, partial: 1, tests: 'dhry2reg,syscall' }).value).toBe(
      3440.9,
    );
  });

  it('run_error_unknown_test: ParseError pointing at the Run error line', () => {
    const e = parseError(read('run_error_unknown_test.txt'));
    expect(e.suite).toBe('unixbench');
    expect(e.line).toBe(1);
    expect(e.reason).toBe('Run: unknown test "nosuchtest"');
  });

  it('make.txt (build output only): ParseError', () => {
    expect(parseError(read('make.txt')).reason).toMatch(/no UnixBench result/);
  });
});

describe('unixbench: real results/ files', () => {
  it('the plain report file gives the same samples as the console output', () => {
    const report = parseUnixbench(read('results_run_c1_i1_9tests/vm-2026-11-25-01'));
    expect(report).toEqual(parseUnixbench(read('run_c1_i1_9tests.txt')));
    const r3 = parseUnixbench(read('results_run_c1c2_i1_dhry2reg_syscall/vm-2026-11-25-03'));
    expect(one(r3, 'unixbench.index.syscall', { copies: 2 }).value).toBe(1469.8);
  });

  it('vm-2026-11-25-01.log: the final ">>>> score" of each test, unit from COUNT2', () => {
    const r = parseUnixbench(read('results_run_c1_i1_9tests/vm-2026-11-25-01.log'));
    valid(r);
    expect(r.samples).toHaveLength(9);
    expect(one(r, 'unixbench.dhry2reg', { copies: 1 })).toMatchObject({
      value: 52816761.8057032,
      unit: 'lps',
    });
    expect(one(r, 'unixbench.whetstone-double', { copies: 1 })).toMatchObject({
      value: 8827.71900000001,
      unit: 'MWIPS',
    });
    expect(one(r, 'unixbench.shell1', { copies: 1 })).toMatchObject({ value: 5558.43276193664, unit: 'lpm' });
    expect(one(r, 'unixbench.syscall', { copies: 1 }).value).toBe(1091139.74718581);
    expect(r.warnings).toEqual([]);
  });

  it('vm-2026-11-25-02.log and -03.log: "Sum of 2 copies" sections', () => {
    const r2 = parseUnixbench(read('results_run_c2_i1_dhry2reg/vm-2026-11-25-02.log'));
    expect(r2.samples).toEqual([
      {
        metric: 'unixbench.dhry2reg',
        params: { copies: 2 },
        value: 107269695.623418,
        unit: 'lps',
        better: 'higher',
      },
    ]);
    const r3 = parseUnixbench(read('results_run_c1c2_i1_dhry2reg_syscall/vm-2026-11-25-03.log'));
    expect(r3.samples).toHaveLength(4);
    expect(one(r3, 'unixbench.dhry2reg', { copies: 1 }).value).toBe(52965439.054576);
    expect(one(r3, 'unixbench.syscall', { copies: 2 }).value).toBe(2204643.13079059);
  });

  it('a .log cut before its final score: warning, earlier tests kept', () => {
    const text = read('results_run_c1c2_i1_dhry2reg_syscall/vm-2026-11-25-03.log');
    const cut = text.slice(0, text.indexOf('>>>> score: 2204643'));
    const r = parseUnixbench(cut);
    expect(r.samples.map((s) => `${s.metric}/${String(s.params.copies)}`)).toEqual([
      'unixbench.dhry2reg/1',
      'unixbench.syscall/1',
      'unixbench.dhry2reg/2',
    ]);
    expect(r.warnings.join('\n')).toMatch(/line \d+: \.log section for syscall has no final score/);
  });
});

describe('unixbench: damaged and combined real logs', () => {
  it('a log cut at the top still parses its result lines, with a warning', () => {
    const text = read('run_c1c2_i1_dhry2reg_syscall.txt');
    const cut = text.slice(text.indexOf('Dhrystone 2 using register variables       52965439.1'));
    const r = parseUnixbench(cut);
    expect(one(r, 'unixbench.dhry2reg', {}).value).toBe(52965439.1);
    expect(one(r, 'unixbench.index', { partial: 1, tests: 'dhry2reg,syscall' }).value).toBe(1800.8);
    // the second block still has its header: copies known again
    expect(one(r, 'unixbench.dhry2reg', { copies: 2 }).value).toBe(94007950.6);
    expect(r.warnings[0]).toMatch(/^line 1: .*cut at the top.*copies unknown/);
  });

  it('two reports in one log: both kept, with a warning at the second banner', () => {
    const a = read('run_c2_i1_dhry2reg.txt');
    const b = read('run_c1_i1_9tests.txt');
    const r = parseUnixbench(`${a}\n${b}`);
    expect(r.samples).toHaveLength(3 + 19);
    expect(one(r, 'unixbench.dhry2reg', { copies: 2 }).value).toBe(107269695.6);
    expect(one(r, 'unixbench.dhry2reg', { copies: 1 }).value).toBe(52816761.8);
    const secondBanner =
      a.split('\n').length + b.split('\n').findIndex((l) => l.includes('BYTE UNIX Benchmarks (Version'));
    expect(r.warnings).toContain(`line ${secondBanner + 1}: a second report starts here; both are kept`);
  });

  it('a log cut inside an index row: the cut number is not read', () => {
    const text = read('run_c1_i1_9tests.txt');
    const cut = text.slice(0, text.indexOf('8827.7   1605.0') + '8827.7   160'.length);
    expect(cut.endsWith('   160')).toBe(true);
    const r = parseUnixbench(cut);
    expect(r.samples.some((s) => s.metric === 'unixbench.index.whetstone-double')).toBe(false);
    expect(one(r, 'unixbench.index.dhry2reg', { copies: 1 }).value).toBe(4525.9);
    expect(one(r, 'unixbench.whetstone-double', { copies: 1 }).value).toBe(8827.7);
    expect(r.warnings).toEqual([
      `line ${cut.split('\n').length}: last line cut short (no newline): its numbers are not read`,
    ]);
  });

  it('a lost result line is recovered from the index table RESULT column', () => {
    const text = read('run_c1_i1_9tests.txt').replace(/^Pipe Throughput .*\n/m, '');
    const r = parseUnixbench(text);
    expect(one(r, 'unixbench.pipe', { copies: 1 })).toMatchObject({ value: 1274341.7, unit: 'lps' });
    expect(r.warnings.join('\n')).toMatch(/no result line for pipe/);
  });

  it('the banner but no result (aborted run): ParseError at the banner line', () => {
    const text = read('run_c1_i1_9tests.txt');
    const cut = text.slice(0, text.indexOf('Dhrystone 2 using register variables       52816761.8'));
    const e = parseError(
      `${cut}\n**********************************************\nRun: "Execl Throughput": command returned status 1; aborting\n`,
    );
    expect(e.reason).toMatch(/^Run: "Execl Throughput": command returned status 1; aborting$/);
    expect(e.line).toBe(cut.split('\n').length + 2);
  });

  it('an empty text and pure noise: ParseError', () => {
    expect(parseError('').reason).toMatch(/no UnixBench result/);
    expect(parseError('sh: 1: 3dinfo: not found\nlocale: Cannot set LC_ALL\n').reason).toMatch(
      /no UnixBench result/,
    );
  });
});

describe('unixbench: SYNTHETIC layouts (see fixtures/unixbench/synthetic/README.md)', () => {
  it('5.1.3 full index, -c 1 -c 4: every index test, file copy tests in KBps, full score', () => {
    const r = parseUnixbench(read('synthetic/ub513_full_c1_c4.txt'));
    valid(r);
    expect(r.samples).toHaveLength(2 * (12 + 12 + 1));
    expect(one(r, 'unixbench.fstime', { copies: 1 })).toMatchObject({ value: 63850.1, unit: 'KBps' });
    expect(one(r, 'unixbench.fsbuffer', { copies: 1 }).value).toBe(18420.7);
    expect(one(r, 'unixbench.fsdisk', { copies: 4 })).toMatchObject({ value: 559606.5, unit: 'KBps' });
    expect(one(r, 'unixbench.index.fsdisk', { copies: 4 }).value).toBe(964.8);
    expect(one(r, 'unixbench.index.shell8', { copies: 4 }).value).toBe(1100.2);
    const full = one(r, 'unixbench.index', { copies: 4 });
    expect(full.value).toBe(676.6);
    expect(full.warnings).toBeUndefined();
    expect(one(r, 'unixbench.index', { copies: 1 }).value).toBe(182.9);
    expect(r.warnings).toEqual([]);
  });

  it('5.1.3 partial, 4 copies: "---" rows give results but no index', () => {
    const r = parseUnixbench(read('synthetic/ub513_partial_c4.txt'));
    expect(one(r, 'unixbench.fsdisk-r', { copies: 4 })).toMatchObject({ value: 1499876.0, unit: 'KBps' });
    expect(one(r, 'unixbench.shell16', { copies: 4 })).toMatchObject({ value: 301.9, unit: 'lpm' });
    expect(
      r.samples.some(
        (s) => s.metric === 'unixbench.index.fsdisk-r' || s.metric === 'unixbench.index.shell16',
      ),
    ).toBe(false);
    expect(one(r, 'unixbench.index.syscall', { copies: 4 }).value).toBe(1053.4);
    expect(one(r, 'unixbench.index', { copies: 4, partial: 1, tests: 'dhry2reg,syscall' }).value).toBe(
      1282.9,
    );
    expect(r.samples).toHaveLength(4 + 2 + 1);
  });

  it('4.1.0 layout: "secs" result lines, INDEX VALUES table, FINAL SCORE', () => {
    const r = parseUnixbench(read('synthetic/ub410_report.txt'));
    valid(r);
    expect(one(r, 'unixbench.fstime-r', { copies: 1 })).toMatchObject({ value: 234515.0, unit: 'KBps' });
    expect(one(r, 'unixbench.fstime-w', { copies: 1 }).value).toBe(91326.0);
    expect(one(r, 'unixbench.shell8', { copies: 1 }).value).toBe(189.7);
    expect(one(r, 'unixbench.index.pipe', { copies: 1 }).value).toBe(261.6);
    const score = one(r, 'unixbench.index', { copies: 1 });
    expect(score.value).toBe(219.7);
    expect(score.warnings?.[0]).toMatch(/4\.x/);
    expect(r.warnings).toEqual([]);
  });
});

describe('unixbench: damaged copies of the captures (deterministic mutations)', () => {
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
    'run_c1_i1_9tests.txt',
    'run_c1c2_i1_dhry2reg_syscall.txt',
    'results_run_c1_i1_9tests/vm-2026-11-25-01.log',
    'synthetic/ub513_full_c1_c4.txt',
    'synthetic/ub410_report.txt',
    'run_error_unknown_test.txt',
  ])('%s', (name) => {
    const text = read(name);
    for (let k = 0; k < 60; k++) {
      const damaged = mutate(text, k);
      let samples: unknown[] = [];
      try {
        samples = parseUnixbench(damaged).samples;
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
