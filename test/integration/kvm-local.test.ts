/**
 * The `kvm` environment for real: the project's guest (Debian's cloud kernel package +
 * the initramfs guest/build.sh makes) booted by QEMU under TCG (no usable KVM here) on the
 * LOCAL board transport, reached over SSH on a 127.0.0.1 host forward with its host key
 * checked, hackbench run inside it, and torn down with no QEMU left. Fault tests: a guest
 * whose kernel panics, and a guest whose SSH never answers (killed at its boot timeout).
 * Needs qemu-system-x86_64, busybox-static, openssh-server and Debian's apt lists: a missing
 * tool fails these tests, it does not skip them.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KvmEnvironment, GuestBootError } from '../../src/environments/kvm.js';
import { buildGuestImage, type GuestImage } from '../../src/environments/guest/build.js';
import type { EnvironmentContext } from '../../src/environments/types.js';
import { parseHackbench } from '../../src/suites/hackbench/parse.js';
import { LocalTransport } from '../../src/transport/local.js';
import { processGone } from '../helpers/procs.js';

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

/** pids of every process whose command line mentions `needle` (our QEMU's work dir). */
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
const dirs: string[] = [];
const lines: string[] = [];

function context(name: string): EnvironmentContext {
  const logDir = mkdtempSync(join(tmpdir(), `avb-kvm-${name}-`));
  dirs.push(logDir);
  return { board: new LocalTransport(), logDir, log: (l) => lines.push(l) };
}

beforeAll(async () => {
  image = await buildGuestImage({ timeoutMs: 600_000 });
});

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('kvm environment on a local board (QEMU TCG)', () => {
  it('boots the guest, runs hackbench in it over SSH, and leaves no QEMU behind', async () => {
    const port = await freePort();
    const env = new KvmEnvironment(
      'kvm',
      {
        arch: 'x86_64',
        accel: 'tcg',
        memoryMiB: 512,
        boot: { kernel: image.kernel, initrd: image.initrd },
        network: { type: 'user', hostPort: port },
        ssh: { identityFile: image.identityFile, hostKey: image.hostKey },
        bootTimeoutSeconds: 240,
      },
      // Generous: the power-down must win over the quit/kill fallbacks even on a loaded machine.
      { powerdownMs: 60_000 },
    );
    const ctx = context('boot');
    let pid: number | undefined;
    try {
      await env.prepare(ctx);
      pid = Number(readFileSync(join(ctx.logDir, 'qemu.pid'), 'utf8'));
      expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')).toContain('tcg');
      // The console went to the env's log folder and shows the guest's own stages.
      const consoleText = readFileSync(join(ctx.logDir, 'console.log'), 'utf8');
      expect(consoleText).toContain('Run /init as init process');
      // Not 'sshd started': sshd may answer before rc.sh's echo after it reaches the console.
      expect(consoleText).toContain('avb-guest: network eth0');
      expect(lines.some((l) => l.includes('SSH answers'))).toBe(true);

      const fp = await env.fingerprint();
      expect(fp.kernel).toBe(image.manifest.kernelRelease);
      expect(fp.qemuVersion).toMatch(/^QEMU emulator version \d+\.\d+/);
      expect(fp.hypervisor).toBe('qemu-tcg');
      expect(fp.cpus).toBe(1);
      // 512 MiB guest: the kernel reports a little less than that as MemTotal.
      expect(fp.memoryBytes).toBeGreaterThan(400 * 1024 * 1024);
      expect(fp.memoryBytes).toBeLessThanOrEqual(512 * 1024 * 1024);
      // The default resources (1 CPU): QEMU, every thread of it, runs on this machine's last
      // CPU — the host's benchmark CPU — as the board (here: /proc) and the fingerprint say.
      const lastCpu = String(availableParallelism() - 1);
      const threads = readdirSync(`/proc/${pid}/task`).map(
        (t) =>
          /^Cpus_allowed_list:\s*(\S+)$/m.exec(readFileSync(`/proc/${pid}/task/${t}/status`, 'utf8'))?.[1],
      );
      expect(threads.length).toBeGreaterThan(1);
      expect(new Set(threads)).toEqual(new Set([lastCpu]));
      expect(fp.cpuList).toBe(lastCpu);
      expect(fp.cpusAvailable).toBe(1);
      expect(fp.memoryLimitBytes).toBe(fp.memoryBytes);

      const logPath = join(ctx.logDir, 'hackbench.log');
      const r = await env.transport().exec(['hackbench', '-s', '100', '-l', '100', '-g', '1'], {
        timeoutMs: 120_000,
        logPath,
      });
      expect(r.exitCode).toBe(0);
      expect(r.output).toContain(
        'Running in process mode with 1 groups using 40 file descriptors each (== 40 tasks)',
      );
      const time = /^Time: (\d+\.\d+)$/m.exec(r.output)?.[1];
      expect(time).toBeDefined();
      // The guest's raw log goes through the project's hackbench parser.
      const parsed = parseHackbench(readFileSync(logPath, 'utf8'), { ipc: 'socket' });
      expect(parsed.samples).toHaveLength(1);
      const sample = parsed.samples[0]!;
      expect(sample.metric).toBe('hackbench.time');
      expect(sample.params).toMatchObject({
        mode: 'process',
        groups: 1,
        fds: 40,
        tasks: 40,
        loops: 100,
        datasize: 100,
      });
      expect(sample.value).toBe(Number(time));
      // The command ran in the guest, not on this machine.
      const uname = await env.transport().exec(['cat', '/etc/hostname'], { timeoutMs: 30_000 });
      expect(uname.output.trim()).toBe('avb-guest');
    } finally {
      await env.teardown();
    }
    expect(pid).toBeGreaterThan(1);
    expect(await processGone(pid as number, 5000)).toBe(true);
    expect(processesMentioning(ctx.logDir)).toEqual([]);
    // Powered down by ACPI (the guest's acpid), not killed.
    expect(lines.some((l) => l.includes('stopped (powerdown)'))).toBe(true);
    expect(readFileSync(join(ctx.logDir, 'console.log'), 'utf8')).toContain('reboot: Power down');
    // A second teardown is harmless.
    await env.teardown();
  });

  it('a guest whose kernel panics fails prepare with the console log named and kept', async () => {
    const ctx = context('panic');
    const bogus = join(ctx.logDir, 'not-an-initrd.img');
    writeFileSync(bogus, 'this is not a cpio archive\n'.repeat(100));
    const env = new KvmEnvironment('kvm-panic', {
      arch: 'x86_64',
      accel: 'tcg',
      memoryMiB: 256,
      // No usable initramfs and no root device: the kernel panics trying to mount root.
      boot: { kernel: image.kernel, initrd: bogus, append: 'console=ttyS0 panic=0' },
      network: { type: 'user', hostPort: await freePort() },
      ssh: { identityFile: image.identityFile, hostKey: image.hostKey },
      bootTimeoutSeconds: 120,
    });
    const started = Date.now();
    let error: unknown;
    try {
      await env.prepare(ctx);
    } catch (e) {
      error = e;
    } finally {
      await env.teardown();
    }
    expect(error).toBeInstanceOf(GuestBootError);
    const message = (error as Error).message;
    expect(message).toContain('Kernel panic - not syncing');
    expect(message).toContain(`console log: ${join(ctx.logDir, 'console.log')}`);
    // Found on the console, long before the boot timeout.
    expect(Date.now() - started).toBeLessThan(100_000);
    expect(readFileSync(join(ctx.logDir, 'console.log'), 'utf8')).toContain('Kernel panic');
    expect(processesMentioning(ctx.logDir)).toEqual([]);
  });

  it('a guest whose SSH never answers is killed at its boot timeout, console kept', async () => {
    const ctx = context('nossh');
    const env = new KvmEnvironment('kvm-nossh', {
      arch: 'x86_64',
      accel: 'tcg',
      memoryMiB: 256,
      boot: { kernel: image.kernel, initrd: image.initrd },
      network: { type: 'user', hostPort: await freePort() },
      // The forward goes to guest port 2222, where nothing listens: SSH never answers.
      ssh: { identityFile: image.identityFile, hostKey: image.hostKey, port: 2222 },
      bootTimeoutSeconds: 30,
    });
    const started = Date.now();
    let error: unknown;
    try {
      await env.prepare(ctx);
    } catch (e) {
      error = e;
    }
    const elapsed = Date.now() - started;
    // Killed by prepare itself, before any teardown.
    expect(processesMentioning(ctx.logDir)).toEqual([]);
    await env.teardown();
    expect(error).toBeInstanceOf(GuestBootError);
    const message = (error as Error).message;
    expect(message).toMatch(
      /did not answer SSH \(ssh root@127\.0\.0\.1:\d+\) within its boot timeout of 30 s/,
    );
    expect(message).toContain(`console log: ${join(ctx.logDir, 'console.log')}`);
    expect(elapsed).toBeGreaterThanOrEqual(30_000);
    expect(elapsed).toBeLessThan(90_000);
    expect(existsSync(join(ctx.logDir, 'console.log'))).toBe(true);
    // The console so far is kept (how far the guest got in 30 s depends on the machine's load).
    expect(readFileSync(join(ctx.logDir, 'console.log'), 'utf8')).toMatch(/Linux version 6\.\d+/);
  });
});
