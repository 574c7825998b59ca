/**
 * netperf cells: TCP_STREAM per message size, TCP_RR and UDP_RR, against a netserver on
 * the configured peer; and the netserver command the engine starts when it controls the
 * peer (foreground `-D`, so killing the command stops it).
 */
import type { NetperfSettings } from '../../config/suites.js';
import type { CellSpec } from '../command.js';

/** The address netperf connects to from inside the environment. */
export function netperfTarget(s: Pick<NetperfSettings, 'peer'>): string {
  return s.peer === 'self' ? '127.0.0.1' : s.peer.host;
}

export function netperfCells(s: NetperfSettings): CellSpec[] {
  const host = netperfTarget(s);
  const base = (test: string): string[] => [
    'netperf',
    '-H',
    host,
    '-p',
    String(s.port),
    '-t',
    test,
    '-l',
    String(s.lengthSeconds),
  ];
  const cells: CellSpec[] = [];
  for (const test of s.tests) {
    if (test === 'TCP_STREAM') {
      for (const m of s.messageBytes) {
        cells.push({
          suite: 'netperf',
          key: `tcp_stream-m${m}`,
          params: { message_bytes: m },
          argv: [...base(test), '--', '-m', String(m)],
          hints: { test },
        });
      }
    } else {
      cells.push({
        suite: 'netperf',
        key: `${test.toLowerCase()}-r${s.requestBytes}x${s.responseBytes}`,
        params: { request_bytes: s.requestBytes, response_bytes: s.responseBytes },
        argv: [...base(test), '--', '-r', `${s.requestBytes},${s.responseBytes}`],
        hints: { test },
      });
    }
  }
  return cells;
}

/** netserver in the foreground on `listen`:`port`, IPv4. */
export function netserverArgv(port: number, listen: string): string[] {
  return ['netserver', '-D', '-p', String(port), '-L', listen, '-4'];
}

/** netserver's line once it listens (see test fixtures: netperf/netserver.txt). */
export const NETSERVER_READY = /Starting netserver with host/;
