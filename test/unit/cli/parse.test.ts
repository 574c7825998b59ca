/**
 * `arm-virt-bench parse --suite S FILE` through runCli (src/cli/main.ts), on real captures:
 * the JSON shape on stdout, and exit 1 with a one-line reason on stderr when a log has no result.
 * stdout/stderr are captured by replacing process.*.write for the duration of one call; the
 * bundled dist/cli.js is exercised separately.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ParsedSample } from '../../../src/results/schema.js';
import { runCli } from '../../../src/cli/main.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(...argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  });
  try {
    const code = await runCli(argv);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    vi.restoreAllMocks();
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

const F = 'test/fixtures';

describe('arm-virt-bench parse', () => {
  it('hackbench capture → the JSON document on stdout, exit 0', async () => {
    const run = await cli('parse', '--suite', 'hackbench', `${F}/hackbench/thread_pipe_g8.txt`);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.endsWith('\n')).toBe(true);
    expect(JSON.parse(run.stdout)).toEqual({
      suite: 'hackbench',
      samples: [
        {
          metric: 'hackbench.time',
          params: { mode: 'thread', groups: 8, fds: 40, loops: 1000, datasize: 100, tasks: 320 },
          value: 1.696,
          unit: 's',
          better: 'lower',
        },
      ],
      warnings: [],
    });
  });

  it('netperf capture with the confidence block → the warning rides on its sample', async () => {
    const run = await cli('parse', '--suite', 'netperf', `${F}/netperf/udp_rr_ci_I99_5_i10_3.txt`);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as { suite: string; samples: ParsedSample[]; warnings: string[] };
    expect(doc.suite).toBe('netperf');
    expect(doc.samples).toHaveLength(1);
    expect(ParsedSample.parse(doc.samples[0])).toMatchObject({
      metric: 'netperf.udp_rr.rate',
      params: { request_bytes: 1, response_bytes: 1 },
      value: 24354.29,
      unit: 'trans/s',
      better: 'higher',
    });
    expect(doc.samples[0]!.warnings![0]).toContain('throughput 104.908%');
    expect(doc.warnings).toEqual([]);
  });

  it('UDP_STREAM → receive and send sides as two samples', async () => {
    const run = await cli('parse', '--suite', 'netperf', `${F}/netperf/udp_stream_m1024.txt`);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as { samples: ParsedSample[] };
    expect(doc.samples.map((s) => [s.params.side, s.value])).toEqual([
      ['receive', 887.12],
      ['send', 1374.44],
    ]);
  });

  it.each([
    [
      'netperf',
      'netperf/error_no_server_port12866.txt',
      'netperf: line 1: netperf failed: establish control',
    ],
    ['netperf', 'netperf/error_bad_testname.txt', 'netperf: line 1: netperf failed: The test you requested'],
    ['hackbench', 'hackbench/error_invalid_value.txt', 'hackbench: line 1: hackbench failed:'],
    ['hackbench', 'hackbench/help.txt', 'hackbench: line 1: usage text instead of a result'],
    ['netperf', 'netperf/tcp_rr_l2_P0.txt', 'netperf: line 1: cannot tell which netperf test'],
  ])('--suite %s %s → exit 1, one line naming file, suite and line', async (suite, file, reason) => {
    const run = await cli('parse', '--suite', suite, `${F}/${file}`);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.startsWith(`arm-virt-bench parse: ${F}/${file}: ${reason}`)).toBe(true);
    expect(run.stderr.endsWith('\n')).toBe(true);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('an empty capture → exit 1 without a line number', async () => {
    const file = `${F}/netperf/error_no_server_port12866.stderr_only.txt`;
    const run = await cli('parse', '--suite', 'netperf', file);
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `arm-virt-bench parse: ${file}: netperf: no netperf result found (no banner, result table or omni output)\n`,
    });
  });

  it('a missing file → exit 2 (an input error: nothing was parsed) with the reason on one line', async () => {
    const run = await cli('parse', '--suite', 'hackbench', `${F}/hackbench/does-not-exist.txt`);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `arm-virt-bench parse: ${F}/hackbench/does-not-exist.txt: cannot read: no such file\n`,
    );
  });

  it('hints: --test names the netperf test of a -P 0 row, --ipc the hackbench IPC', async () => {
    const rr = await cli('parse', '--suite', 'netperf', '--test', 'tcp_rr', `${F}/netperf/tcp_rr_l2_P0.txt`);
    expect(rr.code).toBe(0);
    // tcp_rr_l2_P0.txt: "16384  131072 1        1       2.00     17778.27"
    expect(JSON.parse(rr.stdout).samples).toEqual([
      {
        metric: 'netperf.tcp_rr.rate',
        params: { request_bytes: 1, response_bytes: 1 },
        value: 17778.27,
        unit: 'trans/s',
        better: 'higher',
      },
    ]);
    const pipe = await cli(
      'parse',
      '--suite',
      'hackbench',
      '--ipc',
      'pipe',
      `${F}/hackbench/process_pipe_g2.txt`,
    );
    expect(pipe.code).toBe(0);
    expect(JSON.parse(pipe.stdout).samples[0]).toMatchObject({
      params: { ipc: 'pipe', groups: 2 },
      value: 0.56,
    });
    expect(
      (await cli('parse', '--suite', 'hackbench', '--ipc', 'carrier-pigeon', `${F}/hackbench/help.txt`)).code,
    ).toBe(2);
    expect((await cli('parse', '--suite', 'netperf', '--test', 'NOPE', `${F}/hackbench/help.txt`)).code).toBe(
      2,
    );
  });

  it('usage errors → exit 2', async () => {
    expect((await cli('parse', '--suite', 'sysbench', `${F}/hackbench/help.txt`)).code).toBe(2);
    expect((await cli('parse', '--suite', 'hackbench')).code).toBe(2);
  });
});
