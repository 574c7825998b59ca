/**
 * How the controller reaches a guest over SSH: the guest endpoint (as seen from the board),
 * its known_hosts (written from the configured host key), and the board as ProxyJump when
 * the board itself is reached over SSH. The transport is made by a factory so the engine
 * (and tests) can pass the project's ssh transport.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SshTransport, type SshHost } from '../../transport/ssh.js';
import type { Transport } from '../../transport/types.js';

/** One SSH hop. */
export type GuestSshEndpoint = SshHost;

export interface GuestSshSpec {
  target: GuestSshEndpoint;
  /** The board, when the board is remote: the guest is reached through it. */
  jump?: GuestSshEndpoint;
}

export type GuestTransportFactory = (spec: GuestSshSpec) => Transport;

/** The project's ssh transport, with the board as ProxyJump when there is one. */
export const sshGuestTransport: GuestTransportFactory = (spec) =>
  new SshTransport({ ...spec.target, ...(spec.jump ? { jump: spec.jump } : {}) });

/**
 * The board's SSH endpoint, when the board is reached over SSH: given by the engine (it
 * has the board config), or exposed by the board transport as `sshHost`. Undefined for a
 * local board: the guest's 127.0.0.1 forward is then reached directly.
 */
export function boardSshEndpoint(board: Transport, given?: SshHost): GuestSshEndpoint | undefined {
  if (given) return given;
  const e = (board as { sshHost?: unknown }).sshHost;
  if (e && typeof e === 'object' && 'host' in e && 'knownHosts' in e) return e as GuestSshEndpoint;
  return undefined;
}

/** known_hosts line for host:port (`[host]:port` unless port 22, as OpenSSH writes it). */
export function knownHostsLine(host: string, port: number, hostKey: string): string {
  const name = port === 22 ? host : `[${host}]:${port}`;
  const [type, key] = hostKey.trim().split(/\s+/);
  if (!type || !key) throw new Error(`not a host public key: ${hostKey}`);
  return `${name} ${type} ${key}\n`;
}

export function writeKnownHosts(path: string, host: string, port: number, hostKey: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, knownHostsLine(host, port, hostKey), { mode: 0o600 });
}
