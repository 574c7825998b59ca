/**
 * The `kvm` environment with a REMOTE board: the board is a real OpenSSH server on
 * 127.0.0.1 started by the test (test/helpers/sshd.ts, a stand-in for the board's sshd).
 * QEMU (TCG) is started through that SSH connection, its console is read back over it, and
 * the guest is reached with ProxyJump through the board to the board's 127.0.0.1 forward,
 * with both host keys checked. Teardown must leave no QEMU behind.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGuestImage, type GuestImage } from '../../src/environments/guest/build.js';
import { KvmEnvironment } from '../../src/environments/kvm.js';
import { parseHackbench } from '../../src/suites/hackbench/parse.js';
import { SshTransport } from '../../src/transport/ssh.js';
import { startSshd, type Sshd } from '../helpers/sshd.js';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

function processesMentioning(needle: string): number[] {
  const out: number[] = [];
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      if (readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(needle)) out.push(Number(p));
    } catch {
      // exited meanwhile
    }
  }
  return out;
}

let image: GuestImage;
let sshd: Sshd;
const dirs: string[] = [];

beforeAll(async () => {
  image = await buildGuestImage({ timeoutMs: 600_000 });
  sshd = await startSshd();
});

afterAll(async () => {
  await sshd?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('kvm environment on a board reached over SSH', () => {
  it('starts QEMU through the board, reaches the guest by ProxyJump, runs hackbench, cleans up', async () => {
    const boardHost = {
      host: sshd.host,
      port: sshd.port,
      user: sshd.user,
      knownHosts: sshd.knownHosts,
      identityFile: sshd.clientKey,
    };
    const board = new SshTransport(boardHost);
    const logDir = mkdtempSync(join(tmpdir(), 'avb-kvm-jump-log-'));
    // The board's own folder for pidfile, QMP socket and console (this machine, via sshd).
    const workDir = mkdtempSync(join(tmpdir(), 'avb-kvm-jump-board-'));
    dirs.push(logDir, workDir);
    const lines: string[] = [];
    const env = new KvmEnvironment(
      'kvm-jump',
      {
        arch: 'x86_64',
        accel: 'tcg',
        memoryMiB: 512,
        boot: { kernel: image.kernel, initrd: image.initrd },
        network: { type: 'user', hostPort: await freePort() },
        ssh: { identityFile: image.identityFile, hostKey: image.hostKey },
        bootTimeoutSeconds: 240,
        workDir,
      },
      { boardSsh: boardHost },
    );
    let pid: number | undefined;
    try {
      await env.prepare({ board, logDir, log: (l) => lines.push(l) });
      pid = Number(readFileSync(join(workDir, 'qemu.pid'), 'utf8'));
      const guest = env.transport();
      expect(guest.description).toMatch(/^ssh root@127\.0\.0\.1:\d+ via .+@127\.0\.0\.1:\d+$/);
      // The console was copied back over SSH into the controller's log folder. (Not the
      // 'sshd started' line: sshd may answer before rc.sh's echo after it reaches the console.)
      expect(readFileSync(join(logDir, 'console.log'), 'utf8')).toContain('avb-guest: network eth0');

      const logPath = join(logDir, 'hackbench.log');
      const r = await guest.exec(['hackbench', '-T', '-p', '-s', '100', '-l', '100', '-g', '1'], {
        timeoutMs: 120_000,
        logPath,
      });
      expect(r.exitCode).toBe(0);
      const time = /^Time: (\d+\.\d+)$/m.exec(r.output)?.[1];
      const parsed = parseHackbench(readFileSync(logPath, 'utf8'), { ipc: 'pipe' });
      expect(parsed.samples).toHaveLength(1);
      expect(parsed.samples[0]!.params).toMatchObject({ mode: 'thread', ipc: 'pipe', groups: 1 });
      expect(parsed.samples[0]!.value).toBe(Number(time));
      const fp = await env.fingerprint();
      expect(fp.kernel).toBe(image.manifest.kernelRelease);
    } finally {
      await env.teardown();
      await board.close();
    }
    expect(pid).toBeGreaterThan(1);
    expect(existsSync(`/proc/${pid}`)).toBe(false);
    expect(processesMentioning(workDir)).toEqual([]);
    expect(lines.some((l) => /stopped \((powerdown|quit|sigterm|sigkill)\)/.test(l))).toBe(true);
  });
});
