/**
 * The netperf tests this project measures, their metric ids (DESIGN.md) and what a banner,
 * a column layout or omni's PROTOCOL/DIRECTION selectors say about which test ran.
 */
import { z } from 'zod';

export const NETPERF_TESTS = [
  'TCP_STREAM',
  'TCP_MAERTS',
  'UDP_STREAM',
  'TCP_RR',
  'UDP_RR',
  'TCP_CRR',
] as const;
export const NetperfTest = z.enum(NETPERF_TESTS);
export type NetperfTest = z.infer<typeof NetperfTest>;

export const STREAM_TESTS: ReadonlySet<NetperfTest> = new Set(['TCP_STREAM', 'TCP_MAERTS', 'UDP_STREAM']);
export const RR_TESTS: ReadonlySet<NetperfTest> = new Set(['TCP_RR', 'UDP_RR', 'TCP_CRR']);

export function isStream(test: NetperfTest): boolean {
  return STREAM_TESTS.has(test);
}

/** The DESIGN.md metric of a test: throughput in 10^6bits/s or rate in trans/s, better higher. */
export function primaryMetric(test: NetperfTest): { metric: string; unit: string } {
  const id = test.toLowerCase();
  return isStream(test)
    ? { metric: `netperf.${id}.throughput`, unit: '10^6bits/s' }
    : { metric: `netperf.${id}.rate`, unit: 'trans/s' };
}

/**
 * A banner line: `[MIGRATED ]<NAME> TEST from ... to ... [: ...]`. netperf 2.7 prefixes the
 * classic tests it runs through omni with MIGRATED; 2.4.x prints the bare name (and 2.0 had
 * `TEST to host`); `-t omni` prints `OMNI Send TEST`, `OMNI Recv TEST` or `OMNI Send|Recv TEST`.
 */
export const BANNER = /^(MIGRATED )?([A-Z][A-Za-z0-9/|]*(?: [A-Za-z0-9/|]+)*) TEST(?: from | to |\s*:|\s*$)/;

const BANNER_NAMES: [RegExp, NetperfTest][] = [
  [/^TCP(?:IPV6)? STREAM$/, 'TCP_STREAM'],
  [/^TCP(?:IPV6)? MAERTS$/, 'TCP_MAERTS'],
  [/^UDP(?:IPV6)? (?:STREAM|UNIDIRECTIONAL SEND)$/, 'UDP_STREAM'],
  [/^TCP(?:IPV6)? REQUEST\/RESPONSE$/, 'TCP_RR'],
  [/^UDP(?:IPV6)? REQUEST\/RESPONSE$/, 'UDP_RR'],
  [/^TCP(?:IPV6)? Connect\/Request\/Response$/i, 'TCP_CRR'],
];

/** The tests a banner name allows: one for a classic banner, several for OMNI, none if unknown. */
export function testsFromBannerName(name: string): Set<NetperfTest> {
  for (const [re, test] of BANNER_NAMES) if (re.test(name)) return new Set([test]);
  const omni = /^OMNI (Send\|Recv|Send|Recv)$/.exec(name);
  if (omni) return testsFromDirection(omni[1]!);
  return new Set();
}

/** omni's DIRECTION value (`Send`, `Recv`/`Receive`, `Send|Recv`). */
export function testsFromDirection(direction: string): Set<NetperfTest> {
  const d = direction.trim().toLowerCase();
  if (d === 'send') return new Set(['TCP_STREAM', 'UDP_STREAM']);
  if (d === 'recv' || d === 'receive') return new Set(['TCP_MAERTS']);
  if (d === 'send|recv' || d === 'send|receive') return new Set(RR_TESTS);
  return new Set(NETPERF_TESTS);
}

/** omni's PROTOCOL value. */
export function testsFromProtocol(protocol: string): Set<NetperfTest> {
  const p = protocol.trim().toUpperCase();
  if (p === 'TCP') return new Set(['TCP_STREAM', 'TCP_MAERTS', 'TCP_RR', 'TCP_CRR']);
  if (p === 'UDP') return new Set(['UDP_STREAM', 'UDP_RR']);
  return new Set();
}
