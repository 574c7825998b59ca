/**
 * kvm prepare's refusals, decided on the board before anything starts. The board is a
 * recording fake Transport standing in for an ARM board (a Cortex-A15 with a 6.1 armmp-lpae
 * kernel, or an arm64 board short of huge pages): this machine is neither.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KvmEnvironment } from '../../../src/environments/kvm.js';
import { argvIs, FakeTransport, shScript } from './fake-transport.js';

const ssh = { identityFile: '/keys/id', hostKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBqg' };

function board(machine: string, release: string, devKvm: boolean, meminfo = ''): FakeTransport {
  return new FakeTransport('ssh root@board:22 (stand-in)', [
    {
      match: (a) => a[0]?.startsWith('qemu-system-') === true && a[1] === '--version',
      reply: () => ({ exitCode: 0, output: 'QEMU emulator version 7.2.22 (Debian 1:7.2+dfsg-7+deb12u18)\n' }),
    },
    {
      match: shScript('uname -m; uname -r'),
      reply: () => ({ exitCode: 0, output: `${machine}\n${release}\n${devKvm ? 'yes' : 'no'}\n` }),
    },
    { match: argvIs('cat', '/proc/meminfo'), reply: () => ({ exitCode: 0, output: meminfo }) },
    // The CPUs the guest is pinned to (resources: 1 CPU → the last online one).
    {
      match: shScript('echo "online'),
      reply: () => ({
        exitCode: 0,
        output: 'online 0-1\nlayout v2\ncontrollers cpuset memory\ntaskset yes\n',
      }),
    },
    { match: shScript('command -v taskset'), reply: () => ({ exitCode: 0, output: '/usr/bin/taskset\n' }) },
  ]);
}

const ctx = (b: FakeTransport) => ({
  board: b,
  logDir: mkdtempSync(join(tmpdir(), 'avb-kvm-unit-')),
  log: () => undefined,
});

describe('kvm prepare refusals', () => {
  it('names the 32-bit ARM KVM removal on a Cortex-A15 board running Linux 6.1', async () => {
    const b = board('armv7l', '6.1.0-28-armmp-lpae', false);
    const env = new KvmEnvironment('kvm', { arch: 'arm', boot: { kernel: '/boot/zImage' }, ssh });
    await expect(env.prepare(ctx(b))).rejects.toThrow(
      /^kvm kvm: 32-bit ARM KVM host support was removed in Linux 5\.7: the board runs 6\.1\.0-28-armmp-lpae on armv7l and has no \/dev\/kvm/,
    );
    // Nothing was started.
    expect(b.commands().some((c) => c.includes('-daemonize'))).toBe(false);
    await env.teardown();
  });

  it('does not ask for /dev/kvm with accel tcg', async () => {
    const b = board('armv7l', '6.1.0-28-armmp-lpae', false);
    const env = new KvmEnvironment('kvm', {
      arch: 'arm',
      accel: 'tcg',
      boot: { kernel: '/boot/zImage' },
      // Nothing to make on the board before QEMU (no scratch image, no TAP).
      dataDisk: false,
      network: { type: 'user' },
      ssh,
    });
    // The fake board cannot start QEMU (exit 127): prepare gets past the KVM check and fails there.
    await expect(env.prepare(ctx(b))).rejects.toThrow(/qemu-system-arm failed to start \(exit 127\)/);
    expect(b.commands().some((c) => c.startsWith('sh -c uname'))).toBe(false);
    // QEMU was started pinned to the host's benchmark CPU.
    expect(b.commands().find((c) => c.includes('-daemonize'))).toMatch(/^taskset -c 1 qemu-system-arm /);
    await env.teardown();
  });

  it('refuses huge pages the board has not reserved', async () => {
    const meminfo =
      'MemTotal:        3900000 kB\nHugePages_Total:     100\nHugePages_Free:      100\nHugepagesize:       2048 kB\n';
    const b = board('aarch64', '6.1.0-28-arm64', true, meminfo);
    const env = new KvmEnvironment('kvm', { hugepages: {}, boot: { kernel: '/boot/Image' }, ssh });
    await expect(env.prepare(ctx(b))).rejects.toThrow(
      'kvm kvm: hugepages: the guest needs 512 free 2048 kB pages for 1024 MiB but /proc/meminfo shows HugePages_Free: 100',
    );
    await env.teardown();
  });

  it('says so when QEMU is not installed on the board', async () => {
    const b = new FakeTransport('ssh root@board:22 (stand-in)', []);
    const env = new KvmEnvironment('kvm', { boot: { kernel: '/boot/Image' }, ssh });
    await expect(env.prepare(ctx(b))).rejects.toThrow(
      'kvm kvm: qemu-system-aarch64 does not run on ssh root@board:22 (stand-in) (exit 127): qemu-system-aarch64: not found',
    );
    // Teardown after a failed prepare is safe and does not throw.
    await expect(env.teardown()).resolves.toBeUndefined();
  });
});
