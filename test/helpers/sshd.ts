/**
 * A real OpenSSH server on 127.0.0.1, started by a test as a stand-in for a board's sshd
 * (or a guest's). Each instance gets a fresh host key, a fresh client key, a known_hosts
 * file holding exactly its host key, and a free port. Needs root (sshd drops privileges
 * per connection) and /usr/sbin/sshd: a missing sshd fails the test, it does not skip it.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export interface Sshd {
  host: '127.0.0.1';
  port: number;
  user: string;
  /** Private key the server accepts. */
  clientKey: string;
  /** known_hosts with this server's host key for [127.0.0.1]:port. */
  knownHosts: string;
  /** The server's host public key line (type + base64). */
  hostPublicKey: string;
  dir: string;
  /** pid of the listening sshd. */
  pid: number;
  /** Output of sshd -e (its log), for failing assertions. */
  log(): string;
  /** pids of the per-connection sshd processes (children of the listener). */
  connectionPids(): number[];
  stop(): Promise<void>;
}

export const SSHD_BIN = '/usr/sbin/sshd';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/** Resolves once the server sends its SSH banner. */
async function waitForBanner(port: number, child: ChildProcess, withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`sshd exited with ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      const sock = createConnection({ host: '127.0.0.1', port });
      sock.setTimeout(1000);
      sock.once('data', (d) => {
        sock.destroy();
        resolve(d.toString().startsWith('SSH-2.0-'));
      });
      sock.once('error', () => resolve(false));
      sock.once('timeout', () => {
        sock.destroy();
        resolve(false);
      });
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`sshd did not answer on 127.0.0.1:${port} within ${withinMs} ms`);
}

function keygen(path: string, comment: string): void {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', path], {
    stdio: 'ignore',
  });
}

export async function startSshd(options: { extraConfig?: string[] } = {}): Promise<Sshd> {
  const user = userInfo().username;
  const dir = mkdtempSync(join(tmpdir(), 'avb-sshd-'));
  chmodSync(dir, 0o700);
  // sshd's privilege separation directory (Debian's unit normally creates it).
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  const hostKey = join(dir, 'host_ed25519');
  const clientKey = join(dir, 'client_ed25519');
  keygen(hostKey, 'avb-test-host');
  keygen(clientKey, 'avb-test-client');
  const authorized = join(dir, 'authorized_keys');
  writeFileSync(authorized, readFileSync(`${clientKey}.pub`), { mode: 0o600 });
  const hostPublicKey = readFileSync(`${hostKey}.pub`, 'utf8').trim().split(/\s+/).slice(0, 2).join(' ');

  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const knownHosts = join(dir, 'known_hosts');
    writeFileSync(knownHosts, `[127.0.0.1]:${port} ${hostPublicKey}\n`, { mode: 0o600 });
    const cfg = join(dir, 'sshd_config');
    writeFileSync(
      cfg,
      [
        `Port ${port}`,
        'ListenAddress 127.0.0.1',
        `HostKey ${hostKey}`,
        `PidFile ${join(dir, 'sshd.pid')}`,
        `AuthorizedKeysFile ${authorized}`,
        'UsePAM no',
        'PermitRootLogin prohibit-password',
        'PasswordAuthentication no',
        'KbdInteractiveAuthentication no',
        // The key files live under /tmp (world-writable): skip the ownership walk.
        'StrictModes no',
        'AllowTcpForwarding yes',
        'PermitUserEnvironment no',
        'MaxSessions 50',
        'MaxStartups 50',
        'LogLevel VERBOSE',
        'Subsystem sftp internal-sftp',
        ...(options.extraConfig ?? []),
        '',
      ].join('\n'),
    );
    let log = '';
    const child = spawn(SSHD_BIN, ['-D', '-e', '-f', cfg], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
    const spawned = new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    });
    try {
      await spawned;
      await waitForBanner(port, child, 10_000);
    } catch (err) {
      lastError = new Error(`${String(err)}\n${log}`);
      try {
        process.kill(-(child.pid ?? 0), 'SIGKILL');
      } catch {
        /* gone */
      }
      continue;
    }
    const pid = child.pid!;
    const exited = new Promise<void>((resolve) => {
      if (child.exitCode !== null) resolve();
      else child.once('exit', () => resolve());
    });
    return {
      host: '127.0.0.1',
      port,
      user,
      clientKey,
      knownHosts,
      hostPublicKey,
      dir,
      pid,
      log: () => log,
      connectionPids: () => childrenOf(pid),
      stop: async () => {
        for (const c of childrenOf(pid)) {
          try {
            process.kill(c, 'SIGKILL');
          } catch {
            /* gone */
          }
        }
        try {
          process.kill(-pid, 'SIGTERM');
        } catch {
          /* gone */
        }
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          /* gone */
        }
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error(`could not start ${SSHD_BIN}: ${String(lastError)}`);
}

/** Direct children of a process (from /proc/<pid>/stat's ppid field). */
export function childrenOf(ppid: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === ppid) out.push(Number(name));
    } catch {
      // raced with exit
    }
  }
  return out;
}
