/**
 * netperf cells: TCP_STREAM per message size, TCP_RR and UDP_RR, against a netserver at
 * `target` (the peer's address as the environment reaches it), with the control port
 * (`-p`) and the data port (`-- -P ,PORT`) both fixed so that NAT and firewalls can pass
 * them; and the netserver command the engine starts when it controls the peer
 * (foreground `-D`, so killing the command stops it).
 */
import type { NetperfSettings } from '../../config/suites.js';
import type { CellSpec } from '../command.js';

/** Stands in for the peer's address where cells are only counted (plan, ETA). */
export const PLANNED_TARGET = 'peer';

export function netperfCells(s: NetperfSettings, target: string): CellSpec[] {
  const base = (test: string): string[] => [
    'netperf',
    '-H',
    target,
    '-p',
    String(s.port),
    '-t',
    test,
    '-l',
    String(s.lengthSeconds),
  ];
  // Test-specific options: the remote data port first (`-P ,PORT`: the local one stays
  // ephemeral, so consecutive tests never wait for TIME_WAIT on this side).
  const data = ['--', '-P', `,${s.dataPort}`];
  const cells: CellSpec[] = [];
  for (const test of s.tests) {
    if (test === 'TCP_STREAM') {
      for (const m of s.messageBytes) {
        cells.push({
          suite: 'netperf',
          key: `tcp_stream-m${m}`,
          params: { message_bytes: m },
          argv: [...base(test), ...data, '-m', String(m)],
          hints: { test },
        });
      }
    } else {
      cells.push({
        suite: 'netperf',
        key: `${test.toLowerCase()}-r${s.requestBytes}x${s.responseBytes}`,
        params: { request_bytes: s.requestBytes, response_bytes: s.responseBytes },
        argv: [...base(test), ...data, '-r', `${s.requestBytes},${s.responseBytes}`],
        hints: { test },
      });
    }
  }
  return cells;
}

/** netserver in the foreground on `listen`:`port` (IPv6 when the address is one). */
export function netserverArgv(port: number, listen: string): string[] {
  return ['netserver', '-D', '-p', String(port), '-L', listen, listen.includes(':') ? '-6' : '-4'];
}

/** netserver's line once it listens (see test fixtures: netperf/netserver.txt). */
export const NETSERVER_READY = /Starting netserver with host/;
