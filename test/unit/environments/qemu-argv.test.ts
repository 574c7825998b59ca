import { describe, expect, it } from 'vitest';
import { DEFAULT_RESOURCES, resolveResources, ResourcesSettings } from '../../../src/config/resources.js';
import { KvmEnvironmentConfig as Settings, resolveKvmConfig } from '../../../src/environments/kvm-config.js';

/** The settings resolved with the default resources (1 CPU, 1 GiB), as the environment does. */
const KvmEnvironmentConfig = {
  parse: (v: unknown) => resolveKvmConfig(Settings.parse(v), DEFAULT_RESOURCES),
  safeParse: (v: unknown) => Settings.safeParse(v),
};
import { buildQemuArgv, guestEndpoint, qemuPaths } from '../../../src/environments/guest/qemu-argv.js';

const ssh = { identityFile: '/keys/id', hostKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBqg' };
const paths = qemuPaths('/var/tmp/avb/kvm');

/** What prepare makes before QEMU starts: the engine's scratch image and a TAP. */
const runtime = { dataDiskPath: '/var/tmp/arm-virt-bench/kvm/scratch.img', tap: 'avbt-0a1b2c3d' };

/** The value following `flag` (first occurrence). */
const after = (argv: string[], flag: string): string | undefined => argv[argv.indexOf(flag) + 1];

describe('KvmEnvironmentConfig', () => {
  it("has the paper's defaults: KVM, 1 vCPU, 1 GiB, no huge pages, bridge + TAP, a 1 GiB scratch disk", () => {
    const c = KvmEnvironmentConfig.parse({ boot: { kernel: '/boot/Image', initrd: '/boot/initrd' }, ssh });
    expect(c).toMatchObject({ arch: 'aarch64', accel: 'kvm', vcpus: 1, memoryMiB: 1024, hugepages: false });
    // No SLIRP by default: user networking only when asked for.
    expect(c.network).toEqual({
      type: 'bridge',
      bridge: 'avbbr0',
      address: '192.168.213.2/24',
      bridgeAddress: '192.168.213.1/24',
    });
    expect(c.dataDisk).toEqual({ format: 'raw', sizeMiB: 1024 });
    expect(c.allowRamScratch).toBe(false);
    const user = KvmEnvironmentConfig.parse({ boot: { kernel: '/k' }, network: { type: 'user' }, ssh });
    expect(user.network).toEqual({ type: 'user', hostPort: 10022 });
    expect(c.bootTimeoutSeconds).toBe(300);
  });

  it('takes its size from resources unless its own keys say otherwise', () => {
    const big = resolveResources(ResourcesSettings.parse({ cpus: 2, memory: '2g' }));
    const raw = Settings.parse({ boot: { kernel: '/k' }, ssh });
    expect(resolveKvmConfig(raw, big)).toMatchObject({ vcpus: 2, memoryMiB: 2048 });
    const own = Settings.parse({ boot: { kernel: '/k' }, ssh, vcpus: 1, memoryMiB: 512 });
    expect(resolveKvmConfig(own, big)).toMatchObject({ vcpus: 1, memoryMiB: 512 });
    const all = resolveResources(ResourcesSettings.parse({ cpus: 'all', memory: 'all' }));
    expect(resolveKvmConfig(raw, all)).toMatchObject({ vcpus: 1, memoryMiB: 1024 });
  });

  it('takes a host key as read from host_key.pub (trailing newline)', () => {
    const c = KvmEnvironmentConfig.parse({
      boot: { kernel: '/k' },
      ssh: { ...ssh, hostKey: `${ssh.hostKey} avb-guest-host\n` },
    });
    expect(c.ssh.hostKey).toBe(`${ssh.hostKey} avb-guest-host`);
  });

  it('requires a host key or known_hosts for the guest', () => {
    const r = KvmEnvironmentConfig.safeParse({
      boot: { disk: '/img/guest.raw' },
      ssh: { identityFile: '/k' },
    });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('never accepted blindly');
  });

  it('refuses relative board paths and option-breaking names', () => {
    expect(KvmEnvironmentConfig.safeParse({ boot: { kernel: 'Image' }, ssh }).success).toBe(false);
    expect(
      KvmEnvironmentConfig.safeParse({ boot: { kernel: '/Image' }, machine: 'virt,secure=on', ssh }).success,
    ).toBe(false);
    expect(
      KvmEnvironmentConfig.safeParse({
        boot: { kernel: '/Image' },
        network: { type: 'bridge', bridge: 'br0;x', address: '10.0.0.2' },
        ssh,
      }).success,
    ).toBe(false);
  });
});

describe('buildQemuArgv', () => {
  it('boots a kernel under KVM on an arm64 board with the defaults', () => {
    const c = KvmEnvironmentConfig.parse({ boot: { kernel: '/srv/Image', initrd: '/srv/initrd.gz' }, ssh });
    const argv = buildQemuArgv(c, paths, 'avb-kvm', {
      ...runtime,
      append: ['avb.ip=192.168.213.2/24', 'avb.gw=192.168.213.1'],
    });
    expect(argv[0]).toBe('qemu-system-aarch64');
    expect(after(argv, '-machine')).toBe('virt');
    expect(after(argv, '-accel')).toBe('kvm');
    expect(after(argv, '-cpu')).toBe('host');
    expect(after(argv, '-smp')).toBe('1');
    expect(after(argv, '-m')).toBe('1024M');
    expect(after(argv, '-kernel')).toBe('/srv/Image');
    expect(after(argv, '-initrd')).toBe('/srv/initrd.gz');
    expect(after(argv, '-append')).toBe(
      'console=ttyAMA0 panic=-1 avb.ip=192.168.213.2/24 avb.gw=192.168.213.1',
    );
    expect(after(argv, '-serial')).toBe('file:/var/tmp/avb/kvm/console.log');
    expect(after(argv, '-qmp')).toBe('unix:/var/tmp/avb/kvm/qmp.sock,server=on,wait=off');
    expect(after(argv, '-pidfile')).toBe('/var/tmp/avb/kvm/qemu.pid');
    expect(argv).toContain('-daemonize');
    expect(argv).toContain('-no-reboot');
    // The scratch disk: virtio-blk, found in the guest by its serial number; QEMU's cache default.
    expect(after(argv, '-drive')).toBe(
      'file=/var/tmp/arm-virt-bench/kvm/scratch.img,format=raw,if=none,id=avbdisk0',
    );
    expect(after(argv, '-device')).toBe('virtio-blk-pci,drive=avbdisk0,serial=avb-scratch');
    // The NIC on the TAP prepare made: no SLIRP.
    expect(after(argv, '-netdev')).toBe('tap,id=avbnet,ifname=avbt-0a1b2c3d,script=no,downscript=no');
    expect(argv).toContain('virtio-net-pci,netdev=avbnet,romfile=');
    expect(argv).not.toContain('-object');
    expect(guestEndpoint(c)).toEqual({ host: '192.168.213.2', port: 22 });
    // Before prepare made them, there is no command line.
    expect(() => buildQemuArgv(c, paths, 'avb-kvm')).toThrow(/data disk has no path yet/);
    expect(() => buildQemuArgv(c, paths, 'avb-kvm', { dataDiskPath: '/d.img' })).toThrow(
      /TAP .* has no name yet/,
    );
  });

  it('user networking only when asked for, with the SSH forward', () => {
    const c = KvmEnvironmentConfig.parse({
      boot: { kernel: '/k' },
      network: { type: 'user', hostPort: 10022 },
      dataDisk: false,
      ssh,
    });
    const argv = buildQemuArgv(c, paths, 'g');
    expect(after(argv, '-netdev')).toBe('user,id=avbnet,hostfwd=tcp:127.0.0.1:10022-:22');
    expect(argv).not.toContain('-drive');
    expect(guestEndpoint(c)).toEqual({ host: '127.0.0.1', port: 10022 });
  });

  it('extra arguments (e.g. the QEMU options under test) come last, as argv items', () => {
    const c = KvmEnvironmentConfig.parse({
      boot: { kernel: '/k' },
      network: { type: 'user', hostPort: 10022 },
      dataDisk: false,
      extraArgs: ['-smp', '1', '-overcommit', 'mem-lock=off'],
      ssh,
    });
    expect(buildQemuArgv(c, paths, 'g').slice(-4)).toEqual(['-smp', '1', '-overcommit', 'mem-lock=off']);
  });

  it('uses TCG with an emulated CPU for labs, and x86_64 consoles on ttyS0', () => {
    const arm = buildQemuArgv(
      KvmEnvironmentConfig.parse({ accel: 'tcg', boot: { kernel: '/k' }, ssh }),
      paths,
      'g',
      runtime,
    );
    expect(after(arm, '-accel')).toBe('tcg');
    expect(after(arm, '-cpu')).toBe('cortex-a57');
    const arm32 = buildQemuArgv(
      KvmEnvironmentConfig.parse({ arch: 'arm', accel: 'tcg', boot: { kernel: '/k' }, ssh }),
      paths,
      'g',
      runtime,
    );
    expect(arm32[0]).toBe('qemu-system-arm');
    expect(after(arm32, '-cpu')).toBe('cortex-a15');
    const x86 = buildQemuArgv(
      KvmEnvironmentConfig.parse({ arch: 'x86_64', accel: 'tcg', boot: { kernel: '/k' }, ssh }),
      paths,
      'g',
      runtime,
    );
    expect(after(x86, '-machine')).toBe('pc');
    expect(after(x86, '-append')).toBe('console=ttyS0 panic=-1');
  });

  it('backs RAM with pre-allocated huge pages when asked', () => {
    const c = KvmEnvironmentConfig.parse({ hugepages: {}, memoryMiB: 2048, boot: { kernel: '/k' }, ssh });
    const argv = buildQemuArgv(c, paths, 'g', runtime);
    expect(after(argv, '-machine')).toBe('virt,memory-backend=avbmem');
    expect(after(argv, '-object')).toBe(
      'memory-backend-file,id=avbmem,size=2048M,mem-path=/dev/hugepages,prealloc=on,share=off',
    );
  });

  it('boots a disk image with firmware and adds the data disk, both virtio-blk, with a cache mode when asked', () => {
    const c = KvmEnvironmentConfig.parse({
      boot: {
        disk: '/img/guest.qcow2',
        format: 'qcow2',
        firmware: '/usr/share/qemu-efi-aarch64/QEMU_EFI.fd',
      },
      dataDisk: { path: '/img/scratch.raw', cache: 'none' },
      ssh,
    });
    const argv = buildQemuArgv(c, paths, 'g', { tap: 'avbt-1' });
    expect(argv).not.toContain('-kernel');
    expect(after(argv, '-bios')).toBe('/usr/share/qemu-efi-aarch64/QEMU_EFI.fd');
    const drives = argv.filter((_, i) => argv[i - 1] === '-drive');
    expect(drives).toEqual([
      'file=/img/guest.qcow2,format=qcow2,if=none,id=avbdisk0',
      'file=/img/scratch.raw,format=raw,if=none,id=avbdisk1,cache=none',
    ]);
    const devices = argv.filter((_, i) => argv[i - 1] === '-device');
    expect(devices).toEqual([
      'virtio-blk-pci,drive=avbdisk0',
      'virtio-blk-pci,drive=avbdisk1,serial=avb-scratch',
      'virtio-net-pci,netdev=avbnet,romfile=',
    ]);
  });

  it('puts the guest on a bridge or tap and reaches it at its own address', () => {
    const bridge = KvmEnvironmentConfig.parse({
      boot: { kernel: '/k' },
      network: {
        type: 'bridge',
        bridge: 'br0',
        address: '192.168.100.2',
        mac: '52:54:00:12:34:56',
        tap: 'avbt-kvm',
      },
      ssh,
    });
    const argv = buildQemuArgv(bridge, paths, 'g', { dataDiskPath: '/d.img' });
    expect(after(argv, '-netdev')).toBe('tap,id=avbnet,ifname=avbt-kvm,script=no,downscript=no');
    expect(argv).toContain('virtio-net-pci,netdev=avbnet,mac=52:54:00:12:34:56,romfile=');
    expect(guestEndpoint(bridge)).toEqual({ host: '192.168.100.2', port: 22 });
    const tap = KvmEnvironmentConfig.parse({
      boot: { kernel: '/k' },
      network: { type: 'tap', ifname: 'tap0', address: '10.0.0.9' },
      ssh,
    });
    expect(after(buildQemuArgv(tap, paths, 'g', { dataDiskPath: '/d.img' }), '-netdev')).toBe(
      'tap,id=avbnet,ifname=tap0,script=no,downscript=no',
    );
  });

  it('refuses a disk path with a comma instead of letting QEMU split it', () => {
    const c = KvmEnvironmentConfig.parse({ boot: { disk: '/img/a,b.raw' }, ssh });
    expect(() => buildQemuArgv(c, paths, 'g', runtime)).toThrow(/disk path must not contain ','/);
  });

  it('keeps the QMP socket path within sun_path for a deep log folder', () => {
    const deep = `/work/runs/${'x'.repeat(120)}/logs/kvm`;
    const p = qemuPaths(deep);
    expect(p.consoleLog).toBe(`${deep}/console.log`);
    expect(p.qmpSocket).toMatch(/^\/tmp\/avb-qmp-[0-9a-f]{16}\.sock$/);
    expect(qemuPaths(deep).qmpSocket).toBe(p.qmpSocket);
    expect(qemuPaths('/var/tmp/avb/kvm').qmpSocket).toBe('/var/tmp/avb/kvm/qmp.sock');
  });
});
