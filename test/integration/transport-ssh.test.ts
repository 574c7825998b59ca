/**
 * The ssh transport against a real OpenSSH server on 127.0.0.1 (test/helpers/sshd.ts),
 * which stands in for a board's sshd. The ProxyJump tests jump through the same server
 * to itself, standing in for "guest through its board".
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SshTransport, type SshTransportOptions } from '../../src/transport/ssh.js';
import { TransportError } from '../../src/transport/types.js';
import { processGone } from '../helpers/procs.js';
import { startSshd, type Sshd } from '../helpers/sshd.js';

let sshd: Sshd;
let dir: string;
const open: SshTransport[] = [];

function transport(extra: Partial<SshTransportOptions> = {}): SshTransport {
  const t = new SshTransport({
    host: sshd.host,
    port: sshd.port,
    user: sshd.user,
    knownHosts: sshd.knownHosts,
    identityFile: sshd.clientKey,
    connectTimeoutSeconds: 5,
    killGraceMs: 500,
    ...extra,
  });
  open.push(t);
  return t;
}

beforeAll(async () => {
  sshd = await startSshd();
  dir = mkdtempSync(join(tmpdir(), 'avb-ssh-test-'));
});

afterAll(async () => {
  for (const t of open) await t.close();
  await sshd?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Polls a remote-side condition (same machine here). */
async function waitFor(cond: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('ssh transport', () => {
  it('runs argv with hostile arguments intact and returns the exit status', async () => {
    const t = transport();
    const hostile = [
      'with space',
      "it's",
      '"dq"',
      '$(touch /tmp/avb-pwned)',
      '`id`',
      'a;b',
      'l1\nl2',
      '*',
      '',
    ];
    const r = await t.exec(['printf', '[%s]\\n', ...hostile], { timeoutMs: 30_000 });
    expect(r.exitCode).toBe(0);
    expect(r.output).toBe(hostile.map((h) => `[${h}]\n`).join(''));
    expect(existsSync('/tmp/avb-pwned')).toBe(false);
    const e = await t.exec(['sh', '-c', 'echo out; echo err >&2; exit 7'], { timeoutMs: 30_000 });
    expect(e.exitCode).toBe(7);
    expect(e.output).toContain('out\n');
    expect(e.output).toContain('err\n');
  });

  it('passes only the given env (env -i), cwd and stdin', async () => {
    const t = transport();
    process.env.GITHUB_TOKEN = 'ghs_ssh_secret';
    try {
      const r = await t.exec(['sh', '-c', 'pwd; env | sort; cat'], {
        timeoutMs: 30_000,
        env: { AVB_X: 'a b $(c)' },
        cwd: dir,
        stdin: 'from stdin\n',
      });
      expect(r.exitCode).toBe(0);
      expect(r.output.split('\n')[0]).toBe(dir);
      expect(r.output).toMatch(/^AVB_X=a b \$\(c\)$/m);
      expect(r.output).toMatch(/^LANG=C$/m);
      expect(r.output).not.toContain('ghs_ssh_secret');
      // Nothing from the sshd session either (SSH_CONNECTION etc.): env -i.
      expect(r.output).not.toMatch(/^SSH_/m);
      expect(r.output).toMatch(/from stdin\n$/);
    } finally {
      delete process.env.GITHUB_TOKEN;
    }
  });

  it('reuses one master connection for successive commands', async () => {
    const t = transport();
    await t.exec(['true'], { timeoutMs: 30_000 });
    const before = sshd.connectionPids().length;
    for (let i = 0; i < 3; i++) expect((await t.exec(['true'], { timeoutMs: 30_000 })).exitCode).toBe(0);
    expect(sshd.connectionPids().length).toBe(before);
  });

  it('tells a command exiting 255 from a transport failure', async () => {
    const t = transport();
    const r = await t.exec(['sh', '-c', 'exit 255'], { timeoutMs: 30_000 });
    expect(r.exitCode).toBe(255);
  });

  it('kills the remote process tree on timeout', async () => {
    const t = transport();
    const pidFile = join(dir, 'remote-sleep.pid');
    const started = Date.now();
    const r = await t.exec(['sh', '-c', 'sleep 1000 & echo $! > "$1"; wait', 'sh', pidFile], {
      timeoutMs: 1500,
    });
    expect(r.timedOut).toBe(true);
    expect(r.exitCode).toBeNull();
    expect(Date.now() - started).toBeLessThan(10_000);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(pid).toBeGreaterThan(1);
    // The sleep ran under the test's sshd, not as our child: only the remote kill ends it.
    expect(await processGone(pid, 3000)).toBe(true);
  });

  it('kills the remote tree when aborted', async () => {
    const t = transport();
    const pidFile = join(dir, 'remote-abort.pid');
    const ac = new AbortController();
    const p = t.exec(['sh', '-c', 'sleep 1000 & echo $! > "$1"; wait', 'sh', pidFile], {
      timeoutMs: 60_000,
      signal: ac.signal,
    });
    await waitFor(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim() !== '', 10_000);
    ac.abort();
    const r = await p;
    expect(r.cancelled).toBe(true);
    expect(await processGone(Number(readFileSync(pidFile, 'utf8')), 3000)).toBe(true);
  });

  it('streams remote output to the raw log', async () => {
    const t = transport();
    const log = join(dir, 'ssh.log');
    const r = await t.exec(['sh', '-c', 'echo one; echo two >&2'], { timeoutMs: 30_000, logPath: log });
    expect(r.exitCode).toBe(0);
    const text = readFileSync(log, 'utf8');
    expect(text).toContain('one\n');
    expect(text).toContain('two\n');
  });

  it('accepts the key as text (a secret) and removes it on close', async () => {
    const t = transport({
      identityFile: undefined,
      identityKey: readFileSync(sshd.clientKey, 'utf8').trim(),
    });
    const r = await t.exec(['echo', 'keytext'], { timeoutMs: 30_000 });
    expect(r.output).toBe('keytext\n');
    const keyDirs = execFileSync('sh', ['-c', 'ls -d /tmp/avb-ssh-* 2>/dev/null || true'], {
      encoding: 'utf8',
    })
      .split('\n')
      .filter((d) => d && existsSync(join(d, 'target_key')));
    expect(keyDirs.length).toBeGreaterThan(0);
    await t.close();
    for (const d of keyDirs) expect(existsSync(join(d, 'target_key'))).toBe(false);
  });

  it('refuses a host whose key does not match known_hosts, with a clear error', async () => {
    const wrong = join(dir, 'wrong_known_hosts');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'other')]);
    const otherKey = readFileSync(join(dir, 'other.pub'), 'utf8').split(' ').slice(0, 2).join(' ');
    writeFileSync(wrong, `[127.0.0.1]:${sshd.port} ${otherKey}\n`);
    const t = transport({ knownHosts: wrong });
    const err = await t.exec(['true'], { timeoutMs: 30_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect((err as Error).message).toMatch(
      /host key does not match .*wrong_known_hosts.*refusing to connect/,
    );

    const empty = join(dir, 'empty_known_hosts');
    writeFileSync(empty, '');
    const err2 = await transport({ knownHosts: empty })
      .exec(['true'], { timeoutMs: 30_000 })
      .catch((e: unknown) => e);
    expect(err2).toBeInstanceOf(TransportError);
    expect((err2 as Error).message).toMatch(/host key is not in .*empty_known_hosts/);
  });

  it('reaches the target through a ProxyJump host, checking both host keys', async () => {
    const jump = {
      host: sshd.host,
      port: sshd.port,
      user: sshd.user,
      knownHosts: sshd.knownHosts,
      identityFile: sshd.clientKey,
      connectTimeoutSeconds: 5,
    };
    const t = transport({ jump });
    expect(t.description).toMatch(/via /);
    const r = await t.exec(['echo', 'via jump'], { timeoutMs: 30_000 });
    expect(r.output).toBe('via jump\n');
    // The target reached through the jump host is a second connection to the server.
    expect(sshd.log()).toMatch(/Accepted publickey/);

    const empty = join(dir, 'empty2');
    writeFileSync(empty, '');
    const badJump = await transport({ jump: { ...jump, knownHosts: empty } })
      .exec(['true'], { timeoutMs: 30_000 })
      .catch((e: unknown) => e);
    expect(badJump).toBeInstanceOf(TransportError);
    expect((badJump as Error).message).toMatch(/host key/);
    const badTarget = await transport({ jump, knownHosts: empty })
      .exec(['true'], { timeoutMs: 30_000 })
      .catch((e: unknown) => e);
    expect(badTarget).toBeInstanceOf(TransportError);
    expect((badTarget as Error).message).toMatch(/host key is not in/);
  });

  it('copies a directory tree and a single file', async () => {
    const t = transport();
    const src = join(dir, 'tree');
    mkdirSync(join(src, 'a b', 'c'), { recursive: true });
    writeFileSync(join(src, 'a b', 'c', 'f.txt'), 'deep');
    writeFileSync(join(src, 'top'), 'top');
    await t.copyTo(src, join(dir, 'copied tree'));
    expect(readFileSync(join(dir, 'copied tree', 'a b', 'c', 'f.txt'), 'utf8')).toBe('deep');
    await t.copyTo(join(src, 'top'), join(dir, 'single', 'file.txt'));
    expect(readFileSync(join(dir, 'single', 'file.txt'), 'utf8')).toBe('top');
  });

  it('turns a connection dropped mid-command into a TransportError, quickly', async () => {
    const t = transport();
    const pidFile = join(dir, 'drop.pid');
    const p = t.exec(['sh', '-c', 'echo $$ > "$1"; sleep 30', 'sh', pidFile], { timeoutMs: 60_000 });
    await waitFor(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim() !== '', 10_000);
    const started = Date.now();
    // Kill the per-connection sshd processes: the TCP connection goes away under the command.
    for (const pid of sshd.connectionPids()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    const err = await p.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect((err as Error).message).toMatch(/connection was lost|closed|ssh failed/);
    expect(Date.now() - started).toBeLessThan(10_000);
    // The orphaned remote command is cleaned up by the status check after reconnecting.
    expect(await processGone(Number(readFileSync(pidFile, 'utf8')), 5000)).toBe(true);
  });

  it('notices a silent drop (server stops answering) through keepalives', async () => {
    const t = transport({ serverAliveIntervalSeconds: 1, serverAliveCountMax: 2 });
    const pidFile = join(dir, 'silent.pid');
    const p = t.exec(['sh', '-c', 'echo $$ > "$1"; sleep 30', 'sh', pidFile], { timeoutMs: 60_000 });
    await waitFor(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim() !== '', 10_000);
    // Freeze the server side of every connection: TCP stays up, nothing answers.
    const frozen = sshd.connectionPids();
    for (const pid of frozen) process.kill(pid, 'SIGSTOP');
    const started = Date.now();
    try {
      const err = await p.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TransportError);
      expect((err as Error).message).toMatch(/not responding|connection was lost/);
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      for (const pid of frozen) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone
        }
      }
    }
    expect(await processGone(Number(readFileSync(pidFile, 'utf8')), 5000)).toBe(true);
  });

  it('recovers when the master connection was killed (stale control socket)', async () => {
    const t = transport();
    expect((await t.exec(['true'], { timeoutMs: 30_000 })).exitCode).toBe(0);
    const cfg = execFileSync('sh', ['-c', 'ls -d /tmp/avb-ssh-*/ssh_config'], { encoding: 'utf8' }).split(
      '\n',
    );
    let killed = 0;
    // Masters of this test's transports answer -O check with their pid.
    const check = (c: string): string => {
      const r = spawnSync('ssh', ['-F', c, '-O', 'check', 'avb-target'], { encoding: 'utf8' });
      return `${r.stdout}${r.stderr}`;
    };
    for (const c of cfg.filter(Boolean)) {
      const m = /pid=(\d+)/.exec(check(c));
      if (m && readFileSync(c, 'utf8').includes(`Port ${sshd.port}`)) {
        process.kill(Number(m[1]), 'SIGKILL');
        killed++;
      }
    }
    expect(killed).toBeGreaterThan(0);
    // The stale socket is noticed and a new master started.
    await new Promise((r) => setTimeout(r, 500)); // let the server side of the killed master exit
    const before = sshd.connectionPids().length;
    const r = await t.exec(['echo', 'again'], { timeoutMs: 30_000 });
    expect(r.output).toBe('again\n');
    expect(await t.exec(['true'], { timeoutMs: 30_000 })).toMatchObject({ exitCode: 0 });
    expect(sshd.connectionPids().length).toBe(before + 1);
  });

  it('reports a refused connection as a TransportError', async () => {
    const t = transport({ port: 1 });
    const err = await t.exec(['true'], { timeoutMs: 30_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect((err as Error).message).toMatch(/Connection refused/);
  });

  it('fails fast with a TransportError when the whole sshd dies mid-command', async () => {
    const own = await startSshd();
    try {
      const t = transport({ port: own.port, knownHosts: own.knownHosts, identityFile: own.clientKey });
      const pidFile = join(dir, 'sshd-gone.pid');
      const p = t.exec(['sh', '-c', 'echo $$ > "$1"; sleep 30', 'sh', pidFile], { timeoutMs: 60_000 });
      await waitFor(() => existsSync(pidFile) && readFileSync(pidFile, 'utf8').trim() !== '', 10_000);
      const started = Date.now();
      await own.stop(); // listener and every connection: reconnecting is refused too
      const err = await p.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(TransportError);
      expect((err as Error).message).toMatch(/reconnecting failed: .*Connection refused/);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await own.stop();
      // The command's group outlived its sshd (no connection is left to kill it through).
      try {
        process.kill(-Number(readFileSync(join(dir, 'sshd-gone.pid'), 'utf8')), 'SIGKILL');
      } catch {
        // gone
      }
    }
  });
});
