/**
 * The netperf peer of each environment: which address netperf connects to from inside
 * it, and which netserver the engine starts for it (where, bound to which address).
 * `peerTarget` is pure; `controllerView` asks the board (its SSH session's client
 * address) and this machine's routing (the source address towards the board).
 */
import { createSocket } from 'node:dgram';
import type { BoardConnection } from '../config/board.js';
import type { PeerKind, PeerSpec } from '../config/suites.js';
import type { EnvironmentIo } from '../environments/io-paths.js';
import type { Transport } from '../transport/types.js';

export type NetserverSite = 'environment' | 'board' | 'controller' | 'external';

export interface PeerTarget {
  kind: PeerKind;
  /** netperf -H, as the environment reaches the peer. */
  address: string;
  /** The netserver the engine runs for it; absent: an external peer that runs its own. */
  server?: { on: NetserverSite; listen: string };
}

/** The controller as the board sees it, and the controller's own address towards the board. */
export interface ControllerView {
  address: string;
  listen: string;
}

export function peerTarget(
  spec: PeerSpec,
  net: EnvironmentIo['net'],
  connection: BoardConnection['type'],
  controller?: ControllerView,
): PeerTarget {
  switch (spec.kind) {
    case 'self':
      return { kind: 'self', address: '127.0.0.1', server: { on: 'environment', listen: '127.0.0.1' } };
    case 'board':
      return onBoard('board', spec);
    case 'controller':
      // A local run: the controller is the board.
      if (connection === 'local') return onBoard('controller', spec);
      if (!controller) throw new Error('the controller address is not known');
      return {
        kind: 'controller',
        address: spec.address ?? controller.address,
        server: { on: 'controller', listen: spec.listen ?? controller.listen },
      };
    case 'external':
      return {
        kind: 'external',
        address: spec.address,
        ...(spec.ssh ? { server: { on: 'external' as const, listen: spec.listen ?? '0.0.0.0' } } : {}),
      };
  }

  function onBoard(kind: 'board' | 'controller', s: { address?: string; listen?: string }): PeerTarget {
    // One address named for every environment is the board's own: netserver binds there.
    const address = s.address ?? net.boardAddress;
    const listen = s.listen ?? s.address ?? net.boardListen ?? net.boardAddress;
    if (!address || !listen) {
      throw new Error(
        "the board's address on this environment's link is not known: set suites.netperf.peer.address",
      );
    }
    return { kind, address, server: { on: 'board', listen } };
  }
}

/** `SSH_CONNECTION` = "client-address client-port server-address server-port". */
export function parseSshConnection(text: string): string | undefined {
  const first = text.trim().split(/\s+/)[0];
  return first && /^[0-9A-Fa-f.:]+$/.test(first) ? first : undefined;
}

/** The source address this machine's routing picks towards `host` (no packet is sent). */
export function sourceAddressTowards(host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const family = host.includes(':') ? 'udp6' : 'udp4';
    const sock = createSocket(family);
    sock.once('error', (err) => {
      sock.close();
      reject(err);
    });
    sock.connect(port, host, () => {
      const { address } = sock.address();
      sock.close();
      resolve(address);
    });
  });
}

/**
 * Where a controller netserver binds and how the board's environments reach it: the
 * client address of the board's SSH session (what the board sees of this machine), and
 * this machine's own source address towards the board (on a lab behind QEMU's user
 * network, 127.0.0.1: its gateway ends on this machine's loopback).
 */
/**
 * The board's `SSH_CONNECTION`: commands run with a clean environment (`env -i`, see
 * transport/remote-scripts.ts), so it is read from the nearest ancestor that has it (the
 * session's shell that sshd started).
 */
export const SSH_CONNECTION_SCRIPT = `p=$$
while [ -n "$p" ] && [ "$p" -gt 1 ]; do
  v=$(tr '\\000' '\\n' < "/proc/$p/environ" 2>/dev/null | sed -n 's/^SSH_CONNECTION=//p')
  if [ -n "$v" ]; then echo "$v"; exit 0; fi
  p=$(sed -n 's/^PPid:[[:space:]]*//p' "/proc/$p/status" 2>/dev/null)
done
exit 1`;

export async function controllerView(
  board: Transport,
  connection: Extract<BoardConnection, { type: 'ssh' }>,
  signal?: AbortSignal,
): Promise<ControllerView> {
  const r = await board.exec(['sh', '-c', SSH_CONNECTION_SCRIPT], { timeoutMs: 30_000, signal });
  const address = r.exitCode === 0 ? parseSshConnection(r.output) : undefined;
  if (!address) {
    throw new Error(
      `cannot tell the controller's address as the board sees it (SSH_CONNECTION on ${board.description}: '${r.output.trim().slice(0, 100)}'): set suites.netperf.peer.address`,
    );
  }
  const listen = await sourceAddressTowards(connection.host, connection.port);
  return { address, listen };
}
