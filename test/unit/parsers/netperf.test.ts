/**
 * netperf parser on the real captures in test/fixtures (netperf 2.7.0: the shared corpus, and
 * `local_*` captures made on this machine, see test/fixtures/netperf/README.md), plus synthetic
 * logs for formats no capture here has (2.4.x banners without MIGRATED, IPv6 RR, -c -C on RR,
 * brands, several tests in one log). Expected values were read from the files by eye.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ParsedSample } from '../../../src/results/schema.js';
import { parseNetperf, type NetperfContext } from '../../../src/suites/netperf/parse.js';
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

interface Expected {
  metric: string;
  params: Record<string, string | number>;
  value: number;
  unit: string;
  better: string;
}

const stream = (test: string, value: number, message_bytes?: number): Expected => ({
  metric: `netperf.${test}.throughput`,
  params: message_bytes === undefined ? {} : { message_bytes },
  value,
  unit: '10^6bits/s',
  better: 'higher',
});
const rr = (test: string, value: number, sizes = true): Expected => ({
  metric: `netperf.${test}.rate`,
  params: sizes ? { request_bytes: 1, response_bytes: 1 } : {},
  value,
  unit: 'trans/s',
  better: 'higher',
});
const udp = (receive: number, send: number, message_bytes: number): Expected[] => [
  { ...stream('udp_stream', receive), params: { message_bytes, side: 'receive' } },
  { ...stream('udp_stream', send), params: { message_bytes, side: 'send' } },
];

// [file, hint, expected samples] — one row per capture with a result.
const captures: [string, NetperfContext, Expected[]][] = [
  ['netperf/tcp_stream_m1.txt', {}, [stream('tcp_stream', 7.19, 1)]],
  ['netperf/tcp_stream_m2.txt', {}, [stream('tcp_stream', 12.54, 2)]],
  ['netperf/tcp_stream_m4.txt', {}, [stream('tcp_stream', 28.18, 4)]],
  ['netperf/tcp_stream_m8.txt', {}, [stream('tcp_stream', 56.7, 8)]],
  ['netperf/tcp_stream_m16.txt', {}, [stream('tcp_stream', 100.87, 16)]],
  ['netperf/tcp_stream_m32.txt', {}, [stream('tcp_stream', 290.66, 32)]],
  ['netperf/tcp_stream_m64.txt', {}, [stream('tcp_stream', 634.57, 64)]],
  ['netperf/tcp_stream_m128.txt', {}, [stream('tcp_stream', 1165.49, 128)]],
  ['netperf/tcp_stream_m256.txt', {}, [stream('tcp_stream', 2176.31, 256)]],
  ['netperf/tcp_stream_m1024.txt', {}, [stream('tcp_stream', 7027.44, 1024)]],
  ['netperf/tcp_stream_m1024_P0.txt', { test: 'TCP_STREAM' }, [stream('tcp_stream', 4922.37, 1024)]],
  ['netperf/tcp_stream_m1024_cpu_cC.txt', {}, [stream('tcp_stream', 5566.63, 1024)]],
  ['netperf/tcp_stream_m1024_omni_O.txt', {}, [stream('tcp_stream', 5622.38)]],
  ['netperf/tcp_stream_m1024_omni_k.txt', {}, [stream('tcp_stream', 5983.74)]],
  ['netperf/tcp_stream_m1024_omni_o.txt', {}, [stream('tcp_stream', 5810.18)]],
  ['netperf/tcp_stream_m1024_omni_o_P0.txt', { test: 'TCP_STREAM' }, [stream('tcp_stream', 6255.61)]],
  ['netperf/tcp_maerts_l1.txt', {}, [stream('tcp_maerts', 16771.14, 16384)]],
  ['netperf/udp_stream_m1024.txt', {}, udp(887.12, 1374.44, 1024)],
  ['netperf/tcp_rr_l2.txt', {}, [rr('tcp_rr', 14860.27)]],
  ['netperf/tcp_rr_l2_P0.txt', { test: 'TCP_RR' }, [rr('tcp_rr', 17778.27)]],
  ['netperf/tcp_rr_l2_omni_O.txt', {}, [rr('tcp_rr', 14128.31)]],
  ['netperf/tcp_rr_l2_omni_o.txt', {}, [rr('tcp_rr', 35214.43)]],
  ['netperf/tcp_rr_l2_v2.txt', {}, [rr('tcp_rr', 57803.17)]],
  ['netperf/udp_rr_l2.txt', {}, [rr('udp_rr', 15549.57)]],
  ['netperf/udp_rr_l2_P0.txt', { test: 'UDP_RR' }, [rr('udp_rr', 58368.52)]],
  ['netperf/udp_rr_l2_omni_o.txt', {}, [rr('udp_rr', 15187.84, false)]],
  ['netperf/local_tcp_crr_l1.txt', {}, [rr('tcp_crr', 5874.95)]],
  ['netperf/local_tcp_stream_ipv6_l1.txt', {}, [stream('tcp_stream', 3280.43, 1024)]],
  ['netperf/local_tcp_rr_cpu_cC_l1.txt', {}, [rr('tcp_rr', 37384.59)]],
  ['netperf/local_tcp_stream_cpu_c_only_l1.txt', {}, [stream('tcp_stream', 3175.43, 1024)]],
  ['netperf/local_udp_stream_cpu_cC_l1.txt', {}, udp(798.4, 831.7, 1024)],
  ['netperf/local_udp_stream_m1024_P0.txt', {}, udp(452.05, 572.46, 1024)],
  ['netperf/local_tcp_maerts_omni_k.txt', {}, [stream('tcp_maerts', 8155.76, 16384)]],
  ['netperf/local_tcp_stream_omni_O_sizes.txt', {}, [stream('tcp_stream', 1589.63, 512)]],
  ['netperf/local_tcp_stream_omni_o_P0_proto.txt', { test: 'TCP_STREAM' }, [stream('tcp_stream', 1320.64)]],
  ['netperf/local_omni_default.txt', { test: 'TCP_STREAM' }, [stream('tcp_stream', 7967.94, 16384)]],
  ['netperf/local_tcp_rr_v0_P0.txt', { test: 'TCP_RR' }, [rr('tcp_rr', 6841.32, false)]],
  ['netperf/local_tcp_rr_omni_k_bad.txt', {}, [rr('tcp_rr', 5357.93, false)]],
  ['netperf/error_bad_omni_selector.txt', {}, [rr('tcp_rr', 56721.96, false)]],
  ['containers/container_netperf_tcp_rr_l2_to_container.txt', {}, [rr('tcp_rr', 41655.23)]],
  ['containers/host_netperf_tcp_rr_l2_to_container.txt', {}, [rr('tcp_rr', 46269.45)]],
  ['containers/host_netperf_tcp_rr_l2_to_container_P0.txt', { test: 'TCP_RR' }, [rr('tcp_rr', 47486.58)]],
  ['containers/host_netperf_tcp_rr_l2_to_container_omni_o.txt', {}, [rr('tcp_rr', 47126.61, false)]],
  ['containers/host_netperf_tcp_stream_l1_to_container.txt', {}, [stream('tcp_stream', 1219.99, 1024)]],
];

// Captures whose samples carry the confidence warning: [file, hint, value, text in the warning].
const confidence: [string, NetperfContext, number, string][] = [
  ['netperf/tcp_rr_ci_I99_5_i10_3.txt', {}, 56017.8, 'throughput 27.810%'],
  ['netperf/tcp_rr_ci_I99_5_i10_3_P0.txt', { test: 'TCP_RR' }, 38978.65, 'throughput 92.075%'],
  ['netperf/tcp_rr_ci_I99_5_i10_3_omni_o.txt', {}, 38403.38, 'width 106.980% > target 5.000000%'],
  ['netperf/tcp_stream_m1024_ci_I99_5_i10_3.txt', {}, 5723.76, 'throughput 10.884%'],
  ['netperf/udp_rr_ci_I99_5_i10_3.txt', {}, 24354.29, 'throughput 104.908%'],
];

// [file, line, text in the reason] — captures with no result.
const failures: [string, number | undefined, string][] = [
  ['netperf/error_bad_option.txt', 1, "invalid option -- 'Q'"],
  ['netperf/error_bad_testname.txt', 1, 'NO_SUCH_TEST'],
  ['netperf/error_no_server_port12866.txt', 1, 'are you sure there is a netserver listening'],
  ['netperf/error_no_server_port12866.stdout_only.txt', 1, 'are you sure there is a netserver listening'],
  ['netperf/error_no_server_port12866.stderr_only.txt', undefined, 'no netperf result'],
  ['netperf/netserver.txt', undefined, 'no netperf result'],
  ['netperf/local_tcp_rr_fm_l1.txt', 7, 'TCP_RR result in 10^6bits/s: not a transaction rate'],
];

// Headerless captures that name no test: without the hint they are a ParseError saying why.
const ambiguous: [string, number, string][] = [
  ['netperf/tcp_stream_m1024_P0.txt', 1, 'TCP_STREAM, TCP_MAERTS'],
  ['netperf/tcp_rr_l2_P0.txt', 1, 'TCP_RR, UDP_RR, TCP_CRR'],
  ['netperf/tcp_rr_ci_I99_5_i10_3_P0.txt', 9, 'TCP_RR, UDP_RR, TCP_CRR'],
  ['netperf/udp_rr_l2_P0.txt', 1, 'TCP_RR, UDP_RR, TCP_CRR'],
  ['netperf/tcp_stream_m1024_omni_o_P0.txt', 1, 'TCP_STREAM, TCP_MAERTS, UDP_STREAM'],
  ['netperf/local_tcp_stream_omni_o_P0_proto.txt', 1, 'TCP_STREAM, TCP_MAERTS, UDP_STREAM'],
  ['netperf/local_omni_default.txt', 6, 'TCP_STREAM, UDP_STREAM'],
  ['netperf/local_tcp_rr_v0_P0.txt', 1, 'a bare number'],
  ['containers/host_netperf_tcp_rr_l2_to_container_P0.txt', 1, 'TCP_RR, UDP_RR, TCP_CRR'],
];

describe('netperf captures', () => {
  it.each(captures)('%s %j', (file, hint, expected) => {
    const result = parseNetperf(fixture(file), hint);
    expect(result.suite).toBe('netperf');
    expect(result.samples).toEqual(expected);
    for (const s of result.samples) expect(ParsedSample.parse(s)).toEqual(s);
  });

  it.each(confidence)('%s carries the confidence warning on its sample', (file, hint, value, text) => {
    const { samples } = parseNetperf(fixture(file), hint);
    expect(samples).toHaveLength(1);
    expect(samples[0]!.value).toBe(value);
    expect(samples[0]!.warnings).toHaveLength(1);
    expect(samples[0]!.warnings![0]).toContain(text);
  });

  it.each(failures)('%s is a ParseError at line %s', (file, line, text) => {
    const err = catchParseError(() => parseNetperf(fixture(file)));
    expect(err.suite).toBe('netperf');
    expect(err.line).toBe(line);
    expect(err.reason).toContain(text);
  });

  it.each(ambiguous)(
    '%s without a test hint is a ParseError at line %i naming the candidates',
    (file, line, text) => {
      const err = catchParseError(() => parseNetperf(fixture(file)));
      expect(err.line).toBe(line);
      expect(err.reason).toContain(text);
      expect(err.reason).toContain('pass the test name');
    },
  );

  it('every netperf capture in the fixtures has a test above', () => {
    const covered = new Set([...captures, ...confidence, ...failures].map(([f]) => f));
    // These two have their own tests below.
    covered.add('netperf/tcp_rr_l2_omni_latency_j.txt').add('netperf/local_tcp_stream_fM_l1.txt');
    const all = [
      ...readdirSync('test/fixtures/netperf').map((f) => `netperf/${f}`),
      ...readdirSync('test/fixtures/containers')
        .filter((f) => f.includes('netperf'))
        .map((f) => `containers/${f}`),
    ].filter((f) => f.endsWith('.txt'));
    expect(all.filter((f) => !covered.has(f))).toEqual([]);
  });

  it('the unknown omni selector: empty values are not invented, the unit is assumed and said so', () => {
    const result = parseNetperf(fixture('netperf/error_bad_omni_selector.txt'));
    expect(result.warnings).toEqual([
      'line 3: 2 value(s) without a column title ignored (an output selector netperf did not know?)',
      "line 3: the log does not print the unit; netperf's default Trans/s assumed",
    ]);
  });

  it('-j latency selectors become extra metrics named after the selector', () => {
    const { samples } = parseNetperf(fixture('netperf/tcp_rr_l2_omni_latency_j.txt'));
    expect(samples.map((s) => [s.metric, s.value, s.unit, s.better])).toEqual([
      ['netperf.tcp_rr.rate', 15008.29, 'trans/s', 'higher'],
      ['netperf.tcp_rr.min_latency', 15, 'us', 'lower'],
      ['netperf.tcp_rr.mean_latency', 66.52, 'us', 'lower'],
      ['netperf.tcp_rr.p50_latency', 65, 'us', 'lower'],
      ['netperf.tcp_rr.p90_latency', 86, 'us', 'lower'],
      ['netperf.tcp_rr.p99_latency', 113, 'us', 'lower'],
      ['netperf.tcp_rr.max_latency', 4068, 'us', 'lower'],
      ['netperf.tcp_rr.stddev_latency', 45.82, 'us', 'lower'],
    ]);
  });

  it('-f M (2^20 bytes/s) is converted to 10^6bits/s', () => {
    const result = parseNetperf(fixture('netperf/local_tcp_stream_fM_l1.txt'));
    expect(result.samples).toHaveLength(1);
    // 276.86 MBytes/s × 1048576 × 8 / 10^6
    expect(result.samples[0]!.value).toBeCloseTo(2322.47001, 5);
    expect(result.samples[0]!.params).toEqual({ message_bytes: 1024 });
    expect(result.warnings).toEqual(['line 7: converted from MBytes/s to 10^6bits/s']);
  });

  it('headerless (-P 0) results say that the unit was assumed', () => {
    const result = parseNetperf(fixture('netperf/tcp_rr_l2_P0.txt'), { test: 'TCP_RR' });
    expect(result.warnings).toEqual([
      "line 1: the log does not print the unit; netperf's default Trans/s assumed",
    ]);
  });

  it('a banner beats a contradicting hint', () => {
    const result = parseNetperf(fixture('netperf/tcp_rr_l2.txt'), { test: 'UDP_RR' });
    expect(result.samples.map((s) => s.metric)).toEqual(['netperf.tcp_rr.rate']);
  });

  it('rejects an unknown test hint', () => {
    expect(() => parseNetperf('', { test: 'SCTP_STREAM' as 'TCP_RR' })).toThrow(/test/);
  });
});

// Synthetic logs, written from the printf formats of netperf 2.4.5 nettest_bsd.c and 2.7 nettest_omni.c.
describe('netperf synthetic logs (formats without a capture here)', () => {
  it('2.4.5 TCP_STREAM banner without MIGRATED', () => {
    const log = [
      'TCP STREAM TEST from 0.0.0.0 (0.0.0.0) port 0 AF_INET to localhost (127.0.0.1) port 0 AF_INET',
      'Recv   Send    Send                          ',
      'Socket Socket  Message  Elapsed              ',
      'Size   Size    Size     Time     Throughput  ',
      'bytes  bytes   bytes    secs.    10^6bits/sec  ',
      '',
      ' 87380  16384  16384    10.00    9416.53   ',
    ].join('\n');
    expect(parseNetperf(log).samples).toEqual([stream('tcp_stream', 9416.53, 16384)]);
  });

  it('2.4.5 UDP_STREAM ("UDP UNIDIRECTIONAL SEND TEST")', () => {
    const log = [
      'UDP UNIDIRECTIONAL SEND TEST from 0.0.0.0 (0.0.0.0) port 0 AF_INET to localhost (127.0.0.1) port 0 AF_INET',
      'Socket  Message  Elapsed      Messages                ',
      'Size    Size     Time         Okay Errors   Throughput',
      'bytes   bytes    secs            #      #   10^6bits/sec',
      '',
      '126976   65507   10.00      193380      0    10134.91',
      '126976           10.00      193380           10134.91',
    ].join('\n');
    expect(parseNetperf(log).samples).toEqual(udp(10134.91, 10134.91, 65507));
  });

  it('2.4.5 TCP_RR over IPv6 (AF_INET6 banner)', () => {
    const log = [
      'TCP REQUEST/RESPONSE TEST from ::0 (::) port 0 AF_INET6 to ::1 (::1) port 0 AF_INET6 : first burst 0',
      'Local /Remote',
      'Socket Size   Request  Resp.   Elapsed  Trans.',
      'Send   Recv   Size     Size    Time     Rate         ',
      'bytes  Bytes  bytes    bytes   secs.    per sec   ',
      '',
      '16384  87380  64       1024    10.00    27836.11   ',
      '16384  87380 ',
    ].join('\n');
    expect(parseNetperf(log).samples).toEqual([
      { ...rr('tcp_rr', 27836.11), params: { request_bytes: 64, response_bytes: 1024 } },
    ]);
  });

  it('TCP_CRR banners of 2.4.5 (with histogram/interval flags) and 2.0 ("TEST to host")', () => {
    const rows = [
      'Local /Remote',
      'Socket Size   Request  Resp.   Elapsed  Trans.',
      'Send   Recv   Size     Size    Time     Rate',
      'bytes  Bytes  bytes    bytes   secs.    per sec',
      '',
      '131070 131070 1        1       9.99     2662.20',
      '16384  87380',
    ];
    const v245 = [
      'TCP Connect/Request/Response TEST from 0.0.0.0 (0.0.0.0) port 0 AF_INET to 10.0.0.10 () port 0 AF_INET : histogram : interval : dirty data : demo',
      ...rows,
    ].join('\n');
    const v20 = ['TCP Connect/Request/Response TEST to 192.168.0.28', ...rows].join('\n');
    expect(parseNetperf(v245).samples).toEqual([rr('tcp_crr', 2662.2)]);
    expect(parseNetperf(v20).samples).toEqual([rr('tcp_crr', 2662.2)]);
  });

  it('-c -C on 2.4.5 TCP_RR: CPU and service-demand columns do not shift the rate', () => {
    const log = [
      'TCP REQUEST/RESPONSE TEST from 0.0.0.0 (0.0.0.0) port 0 AF_INET to localhost (127.0.0.1) port 0 AF_INET',
      'Local /Remote',
      'Socket Size   Request Resp.  Elapsed Trans.   CPU    CPU    S.dem   S.dem',
      'Send   Recv   Size    Size   Time    Rate     local  remote local   remote',
      'bytes  bytes  bytes   bytes  secs.   per sec  % S    % S    us/Tr   us/Tr',
      '',
      '16384  87380  1       1      10.00   27466.58  24.09  24.09  17.544  17.544',
      '16384  87380',
    ].join('\n');
    expect(parseNetperf(log).samples).toEqual([rr('tcp_rr', 27466.58)]);
  });

  it('several tests in one log, and a -B brand after the numbers', () => {
    const log =
      fixture('netperf/tcp_stream_m64.txt') +
      fixture('netperf/udp_rr_l2.txt').replace('15549.57   ', '15549.57 mybrand');
    expect(parseNetperf(log).samples).toEqual([stream('tcp_stream', 634.57, 64), rr('udp_rr', 15549.57)]);
  });

  it('several -P 0 RR runs in one log with the test hint', () => {
    const log = fixture('netperf/tcp_rr_l2_P0.txt').repeat(3);
    expect(parseNetperf(log, { test: 'TCP_CRR' }).samples).toEqual([
      rr('tcp_crr', 17778.27),
      rr('tcp_crr', 17778.27),
      rr('tcp_crr', 17778.27),
    ]);
  });

  it('a data error after the banner, a cut-short run, an unsupported test: ParseErrors with lines', () => {
    const banner = fixture('netperf/tcp_stream_m1.txt').split('\n')[0]!;
    const reset = `${banner}\nsend_omni: data send error: Connection reset by peer (errno 104)\n`;
    expect(catchParseError(() => parseNetperf(reset))).toMatchObject({ line: 2 });
    expect(catchParseError(() => parseNetperf(`${banner}\n`))).toMatchObject({ line: 1 });
    const header = fixture('netperf/tcp_stream_m1.txt').split('\n').slice(0, 6).join('\n');
    expect(catchParseError(() => parseNetperf(header)).reason).toContain('without a result row');
    const cc =
      'TCP Connect/Close TEST from 0.0.0.0 (0.0.0.0) port 0 AF_INET to h () port 0 AF_INET\n' +
      fixture('netperf/tcp_rr_l2.txt').split('\n').slice(1).join('\n');
    expect(catchParseError(() => parseNetperf(cc)).reason).toContain(
      "'TCP Connect/Close' (banner at line 1) is not one",
    );
  });

  it('no NaN, Infinity or negative throughput becomes a sample', () => {
    const head = fixture('netperf/tcp_stream_m1.txt').split('\n').slice(0, 6).join('\n');
    for (const bad of ['nan', 'inf', '-7.19', '1e999']) {
      const log = `${head}\n131072  16384      1    1.00        ${bad}   \n`;
      expect(catchParseError(() => parseNetperf(log)).line).toBe(7);
    }
  });
});

describe('a rate of 0', () => {
  it('is refused with the reason and the line (a broken path is not a measurement)', () => {
    const text = fixture('netperf/tcp_rr_l2.txt').replace('14860.27', '0.00');
    expect(text).not.toBe(fixture('netperf/tcp_rr_l2.txt'));
    const err = (() => {
      try {
        parseNetperf(text);
      } catch (e) {
        return e as ParseError;
      }
      throw new Error('expected a ParseError');
    })();
    expect(err).toBeInstanceOf(ParseError);
    expect(err.message).toMatch(
      /TCP_RR reported a rate of 0: nothing completed \(a blocked or broken path\), not a measurement/,
    );
  });
});
