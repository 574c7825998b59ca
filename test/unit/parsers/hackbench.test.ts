/**
 * hackbench parser on the real captures in test/fixtures (rt-tests 2.4 `hackbench V 2.40` on the
 * host, in Docker and in a QEMU TCG guest), plus small synthetic logs for the formats no capture
 * here has (legacy hackbench.c, perf bench sched messaging, interrupted and failed runs).
 * Expected values were read from the files by eye.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ParsedSample } from '../../../src/results/schema.js';
import { parseHackbench } from '../../../src/suites/hackbench/parse.js';
import { ParseError } from '../../../src/suites/types.js';

const fixture = (path: string): string => readFileSync(`test/fixtures/${path}`, 'latin1');

function catchParseError(fn: () => unknown): ParseError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ParseError) return err;
    throw err;
  }
  throw new Error('expected a ParseError, got a result');
}

const rt = (mode: string, groups: number, loops = 1000) => ({
  mode,
  groups,
  fds: 40,
  loops,
  datasize: 100,
  tasks: groups * 40,
});

// [file, seconds, params] — one row per successful capture.
const captures: [string, number, Record<string, string | number>][] = [
  ['hackbench/default_no_args.txt', 1.179, rt('process', 10, 100)],
  ['hackbench/process_inet_g1_in_private_netns.txt', 0.983, rt('process', 1)],
  ['hackbench/process_pipe_g1.txt', 0.458, rt('process', 1)],
  ['hackbench/process_pipe_g2.txt', 0.56, rt('process', 2)],
  ['hackbench/process_pipe_g4.txt', 0.977, rt('process', 4)],
  ['hackbench/process_pipe_g8.txt', 2.399, rt('process', 8)],
  ['hackbench/process_pipe_g16.txt', 3.907, rt('process', 16)],
  ['hackbench/process_socket_g1.txt', 1.66, rt('process', 1)],
  ['hackbench/process_socket_g2.txt', 1.857, rt('process', 2)],
  ['hackbench/process_socket_g4.txt', 3.105, rt('process', 4)],
  ['hackbench/process_socket_g8.txt', 4.431, rt('process', 8)],
  ['hackbench/process_socket_g16.txt', 12.274, rt('process', 16)],
  ['hackbench/thread_pipe_g1.txt', 0.371, rt('thread', 1)],
  ['hackbench/thread_pipe_g2.txt', 0.561, rt('thread', 2)],
  ['hackbench/thread_pipe_g4.txt', 0.98, rt('thread', 4)],
  ['hackbench/thread_pipe_g8.txt', 1.696, rt('thread', 8)],
  ['hackbench/thread_pipe_g16.txt', 3.533, rt('thread', 16)],
  ['hackbench/thread_socket_g1.txt', 1.197, rt('thread', 1)],
  ['hackbench/thread_socket_g2.txt', 1.676, rt('thread', 2)],
  ['hackbench/thread_socket_g4.txt', 2.466, rt('thread', 4)],
  ['hackbench/thread_socket_g8.txt', 5.289, rt('thread', 8)],
  ['hackbench/thread_socket_g16.txt', 10.324, rt('thread', 16)],
  ['containers/docker_hackbench_process_socket_g1.txt', 1.267, rt('process', 1)],
  ['containers/docker_hackbench_process_socket_g1_cpus1.txt', 1.927, rt('process', 1)],
  ['containers/docker_hackbench_thread_pipe_g1.txt', 0.568, rt('thread', 1)],
];

// [file, line, text in the reason] — captures where hackbench did not run.
const failures: [string, number, string][] = [
  ['hackbench/error_invalid_option.txt', 1, "unrecognized option '--bogus-option'"],
  ['hackbench/error_invalid_value.txt', 1, '--groups|-g requires an integer > 0'],
  ['hackbench/error_nonnumeric.txt', 1, '--groups|-g requires an integer > 0'],
  ['hackbench/help.txt', 1, 'usage text'],
  ['containers/docker_hackbench_error_invalid_option.txt', 1, "unrecognized option '--bogus-option'"],
];

describe('hackbench captures', () => {
  it.each(captures)('%s', (file, seconds, params) => {
    const result = parseHackbench(fixture(file));
    expect(result.suite).toBe('hackbench');
    expect(result.samples).toEqual([
      { metric: 'hackbench.time', params, value: seconds, unit: 's', better: 'lower' },
    ]);
    expect(result.warnings).toEqual([]);
    for (const s of result.samples) expect(ParsedSample.parse(s)).toEqual(s);
  });

  it.each(failures)('%s is a ParseError at line %i', (file, line, text) => {
    const err = catchParseError(() => parseHackbench(fixture(file)));
    expect(err.suite).toBe('hackbench');
    expect(err.line).toBe(line);
    expect(err.reason).toContain(text);
  });

  it('the QEMU serial log (CRLF, ANSI, kernel lines) gives its two runs and warns about the failed third', () => {
    const result = parseHackbench(fixture('guest/qemu_tcg_hackbench.txt'));
    expect(result.samples).toEqual([
      { metric: 'hackbench.time', params: rt('process', 1), value: 13.01, unit: 's', better: 'lower' },
      { metric: 'hackbench.time', params: rt('thread', 1), value: 3.588, unit: 's', better: 'lower' },
    ]);
    // Line 363 as grep -n counts it: the lone CR in iPXE's banner (line 5) does not end a line.
    expect(result.warnings).toEqual(["line 363: /usr/bin/hackbench: unrecognized option '--bogus-option'"]);
  });

  it('takes the IPC from the caller, since the log does not print it', () => {
    const result = parseHackbench(fixture('hackbench/process_pipe_g1.txt'), { ipc: 'pipe' });
    expect(result.samples[0]!.params).toEqual({ ...rt('process', 1), ipc: 'pipe' });
    expect(Object.keys(result.samples[0]!.params)).toEqual([
      'mode',
      'ipc',
      'groups',
      'fds',
      'loops',
      'datasize',
      'tasks',
    ]);
  });

  it('rejects an unknown IPC hint', () => {
    expect(() => parseHackbench('', { ipc: 'carrier-pigeon' as 'pipe' })).toThrow(/ipc/);
  });
});

// Synthetic logs, written from the printf formats of each tool's source (see formats.ts).
describe('hackbench synthetic logs (formats without a capture here)', () => {
  it('legacy hackbench.c: "Running with N*40 (== T) tasks."', () => {
    const result = parseHackbench('Running with 10*40 (== 400) tasks.\nTime: 2.345\n');
    expect(result.samples).toEqual([
      {
        metric: 'hackbench.time',
        params: { groups: 10, fds: 40, tasks: 400 },
        value: 2.345,
        unit: 's',
        better: 'lower',
      },
    ]);
  });

  it('perf bench sched messaging, processes and threads', () => {
    const log = [
      "# Running 'sched/messaging' benchmark:",
      '# 20 sender and receiver processes per group',
      '# 10 groups == 400 processes run',
      '',
      '     Total time: 0.123 [sec]',
      "# Running 'sched/messaging' benchmark:",
      '# 20 sender and receiver threads per group',
      '# 2 groups == 80 threads run',
      '',
      '     Total time: 0.045 [sec]',
    ].join('\n');
    expect(parseHackbench(log, { ipc: 'socket' }).samples).toEqual([
      {
        metric: 'hackbench.time',
        params: { mode: 'process', ipc: 'socket', groups: 10, fds: 40, tasks: 400 },
        value: 0.123,
        unit: 's',
        better: 'lower',
      },
      {
        metric: 'hackbench.time',
        params: { mode: 'thread', ipc: 'socket', groups: 2, fds: 40, tasks: 80 },
        value: 0.045,
        unit: 's',
        better: 'lower',
      },
    ]);
  });

  it('several runs in one log give several samples, in order', () => {
    const run = (g: number, t: string) =>
      `Running in process mode with ${g} groups using 40 file descriptors each (== ${g * 40} tasks)\n` +
      `Each sender will pass 1000 messages of 100 bytes\nTime: ${t}\n`;
    const result = parseHackbench(run(1, '0.500') + run(2, '0.900') + run(4, '1.700'));
    expect(result.samples.map((s) => [s.params.groups, s.value])).toEqual([
      [1, 0.5],
      [2, 0.9],
      [4, 1.7],
    ]);
  });

  it('old rt-tests wording "thread mode" and ANSI noise around the lines', () => {
    const log =
      '\x1b[0m\x1b[1mRunning in thread mode with 1 groups using 40 file descriptors each (== 40 tasks)\x1b[0m\r\n' +
      'Each sender will pass 100 messages of 100 bytes\r\n\x1b[32mTime: 0.210\x1b[0m\r\n';
    expect(parseHackbench(log).samples[0]).toMatchObject({ value: 0.21, params: rt('thread', 1, 100) });
  });

  it('a run interrupted by a signal prints a Time that is not a result', () => {
    const log = [
      'Running in process mode with 8 groups using 40 file descriptors each (== 320 tasks)',
      'Each sender will pass 1000 messages of 100 bytes',
      "Signal 15 caught, longjmp'ing out!",
      "longjmp'ed out, reaping children",
      'sending SIGTERM to all child processes',
      'signaling 320 worker threads to terminate',
      'Time: 0.321',
    ].join('\n');
    const err = catchParseError(() => parseHackbench(log));
    expect(err.line).toBe(3);
    expect(err.reason).toContain('Signal 15 caught');
  });

  it('fork() and pthread_create failures are ParseErrors, never samples', () => {
    const fork = [
      'Running in process mode with 16 groups using 40 file descriptors each (== 640 tasks)',
      'Each sender will pass 1000 messages of 100 bytes',
      'fork() (error: Resource temporarily unavailable)',
      '38 children started.  Expected 40',
      'Creating workers (error: Resource temporarily unavailable)',
    ].join('\n');
    expect(catchParseError(() => parseHackbench(fork))).toMatchObject({ line: 3 });
    const thread = [
      'Running in threaded mode with 16 groups using 40 file descriptors each (== 640 tasks)',
      'Each sender will pass 1000 messages of 100 bytes',
      'pthread_create failed() (error: Resource temporarily unavailable)',
      'Time: 0.002',
    ].join('\n');
    expect(catchParseError(() => parseHackbench(thread))).toMatchObject({ line: 3 });
  });

  it('old rt-tests usage text and "Invalid ..." errors are ParseErrors', () => {
    const usage =
      'Usage: hackbench [-p|--pipe] [-s|--datasize <bytes>] [-l|--loops <num loops>]\n' +
      '\t\t [-g|--groups <num groups] [-f|--fds <num fds>]\n';
    expect(catchParseError(() => parseHackbench(usage))).toMatchObject({ line: 1 });
    expect(catchParseError(() => parseHackbench('Invalid number of groups\n'))).toMatchObject({ line: 1 });
  });

  it('a good run and a failed run: one sample and a warning', () => {
    const log = fixture('hackbench/process_socket_g1.txt') + fixture('hackbench/error_invalid_option.txt');
    const result = parseHackbench(log);
    expect(result.samples).toHaveLength(1);
    expect(result.warnings).toEqual(["line 4: hackbench: unrecognized option '--bogus-option'"]);
  });

  it('a cut-short run, a Time without header, a negative or non-numeric time: no sample', () => {
    const header = 'Running in process mode with 1 groups using 40 file descriptors each (== 40 tasks)\n';
    expect(catchParseError(() => parseHackbench(header))).toMatchObject({ line: 1 });
    expect(catchParseError(() => parseHackbench('Time: 1.000\n')).reason).toContain('without a run header');
    expect(catchParseError(() => parseHackbench(`${header}Time: -1.000\n`)).line).toBe(2);
    expect(catchParseError(() => parseHackbench(`${header}Time: nan\n`)).line).toBe(2);
    expect(catchParseError(() => parseHackbench(`${header}Time: inf\n`)).line).toBe(2);
  });

  it('an empty log has no result and no line', () => {
    const err = catchParseError(() => parseHackbench(''));
    expect(err.line).toBeUndefined();
    expect(err.reason).toMatch(/no hackbench result/);
  });

  it('a run without the "Each sender" line keeps its sample but says what is unknown', () => {
    const log =
      'Running in process mode with 1 groups using 40 file descriptors each (== 40 tasks)\nTime: 1.5\n';
    const result = parseHackbench(log);
    expect(result.samples[0]!.params).toEqual({ mode: 'process', groups: 1, fds: 40, tasks: 40 });
    expect(result.warnings[0]).toMatch(/loops and datasize unknown/);
  });
});

describe('a zero time', () => {
  it('is refused with the reason and the line (it used to be a value of 0)', () => {
    const zero = fixture('hackbench/process_pipe_g1.txt').replace('Time: 0.458', 'Time: 0.000');
    const err = catchParseError(() => parseHackbench(zero));
    expect(err.message).toMatch(
      /line 3: '0\.000' is a zero time \(below hackbench's 1 ms resolution: raise loops\); run ignored/,
    );
    // Beside a real run it is dropped with a warning, the real one kept.
    const mixed = parseHackbench(`${zero}${fixture('hackbench/process_pipe_g1.txt')}`);
    expect(mixed.samples.map((s) => s.value)).toEqual([0.458]);
    expect(mixed.warnings).toEqual([expect.stringMatching(/^line 3: '0\.000' is a zero time/)]);
  });
});
