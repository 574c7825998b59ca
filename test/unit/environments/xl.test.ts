/**
 * Xen toolstack readers on outputs written in xl's exact layout (test/fixtures/xen/README.md:
 * no Xen runs here; the board lab runs the same code on a real one).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { XenDomuEnvironmentConfig, xlDomainConfig } from '../../../src/environments/xen-domu-config.js';
import { parseDom0Probe } from '../../../src/environments/xen/probe.js';
import {
  dom0Fingerprint,
  dom0Refusal,
  parseXlInfo,
  parseXlList,
  pvDrivers,
} from '../../../src/environments/xen/xl.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/xen/${name}`, import.meta.url), 'utf8');
const xlInfo = fixture('xl_info_arm64.txt');
const xlListDom0 = fixture('xl_list_dom0.txt');

describe('xl readers', () => {
  it('reads xl info key/values, empty values included', () => {
    const info = parseXlInfo(xlInfo);
    expect(info.xen_version).toBe('4.17.5');
    expect(info.xen_caps).toBe('xen-3.0-aarch64 xen-3.0-armv7l');
    expect(info.free_memory).toBe('1469');
    expect(info.xen_changeset).toBe('');
    expect(info.xen_commandline).toBe('dom0_mem=512M,max:512M dom0_max_vcpus=1 console=dtuart');
  });

  it('reads xl list rows (tab-separated header) and refuses a stray line', () => {
    expect(parseXlList(xlListDom0)).toEqual([
      { name: 'Domain-0', id: 0, memMiB: 512, vcpus: 1, state: 'r-----', timeSeconds: 41.8 },
    ]);
    expect(parseXlList(fixture('xl_list_domu.txt'))[0]).toMatchObject({
      name: 'avb-domu',
      id: 3,
      memMiB: 256,
      state: '-b----',
    });
    expect(() => parseXlList(`${xlListDom0}libxl: error: something\n`)).toThrow(/line 3 is not a domain row/);
  });

  it('keeps the Dom0 facts for the fingerprint', () => {
    expect(dom0Fingerprint(xlInfo, xlListDom0)).toEqual({
      xenVersion: '4.17.5',
      hypervisorVersion: '4.17.5',
      xenCaps: 'xen-3.0-aarch64 xen-3.0-armv7l',
      xenScheduler: 'credit2',
      xenCommandline: 'dom0_mem=512M,max:512M dom0_max_vcpus=1 console=dtuart',
      xenNrCpus: 2,
      xenTotalMemoryMiB: 2048,
      xenFreeMemoryMiB: 1469,
      dom0Vcpus: 1,
      dom0MemMiB: 512,
    });
  });

  it('sees PV front-ends in /sys/bus/xen/drivers or lsmod', () => {
    const lsmod =
      'Module                  Size  Used by\nxen_netfront           45056  0\nxen_blkfront           40960  1\nvirtio_ring 1 0\n';
    expect(pvDrivers('', lsmod)).toEqual({
      netfront: true,
      blkfront: true,
      seen: ['xen_blkfront', 'xen_netfront'],
    });
    expect(pvDrivers('vbd\nvif\nxenbus_probe_frontend\n', 'Module Size Used by\n')).toMatchObject({
      netfront: true,
      blkfront: true,
    });
    expect(pvDrivers('', '')).toEqual({ netfront: false, blkfront: false, seen: [] });
  });
});

describe('dom0Refusal', () => {
  const probe = (hv?: string, caps?: string, xl?: string, rc?: number): string =>
    [
      '@@hv',
      ...(hv !== undefined ? ['file:', hv] : []),
      '@@caps',
      ...(caps !== undefined ? ['file:', caps] : []),
      '@@xl',
      ...(xl !== undefined ? [xl, `@@xlrc ${rc}`] : []),
      '@@list',
      '@@end',
    ].join('\n');

  it('accepts a Dom0 whose toolstack answers', () => {
    expect(dom0Refusal(parseDom0Probe(probe('xen', 'control_d', xlInfo, 0)).facts)).toBeUndefined();
  });
  it('refuses bare metal, a DomU, a Dom0 without xl, and a toolstack that fails', () => {
    expect(dom0Refusal(parseDom0Probe(probe()).facts)).toBe(
      'not running on Xen: /sys/hypervisor/type is absent (boot the board in its xen mode first)',
    );
    expect(dom0Refusal(parseDom0Probe(probe('kvm')).facts)).toMatch(/is 'kvm'/);
    expect(dom0Refusal(parseDom0Probe(probe('xen', '')).facts)).toBe(
      "this is a Xen guest, not Dom0: /proc/xen/capabilities is '' (no control_d)",
    );
    expect(dom0Refusal(parseDom0Probe(probe('xen')).facts)).toMatch(/mount xenfs/);
    expect(dom0Refusal(parseDom0Probe(probe('xen', 'control_d')).facts)).toMatch(/has no `xl` command/);
    const failing = probe(
      'xen',
      'control_d',
      'xencall: error: Could not obtain handle on privileged command interface: No such file or directory\nlibxl: error: libxl.c:102:libxl_ctx_alloc: cannot open libxc handle: No such file or directory',
      1,
    );
    expect(dom0Refusal(parseDom0Probe(failing).facts)).toMatch(
      /^`xl info` failed on Dom0 \(exit 1\): xencall: error: .* \(is xencommons/,
    );
  });
  it('refuses a cut-short probe', () => {
    expect(() => parseDom0Probe('@@hv\nfile:\nxen\n')).toThrow(/cut short/);
  });
});

describe('generated DomU config', () => {
  const ssh = { identityFile: '/k', hostKey: 'ssh-ed25519 AAAAkey' };
  it('writes the fixed layout from validated values', () => {
    const c = XenDomuEnvironmentConfig.parse({
      name: 'avb-domu',
      address: '192.168.100.2',
      ssh,
      generate: {
        kernel: '/boot/vmlinuz-6.1.0-28-arm64',
        ramdisk: '/var/lib/avb/initrd.cpio.gz',
        cmdline: 'console=hvc0 avb.ip=192.168.100.2/24 avb.gw=none',
        memoryMiB: 256,
        bridge: 'xenbr0',
        disks: [{ path: '/var/lib/avb/scratch.raw', vdev: 'xvda' }],
      },
    });
    expect(xlDomainConfig(c.name, c.generate!)).toBe(
      [
        '# Written by arm-virt-bench (xen-domu environment).',
        'name = "avb-domu"',
        'kernel = "/boot/vmlinuz-6.1.0-28-arm64"',
        'ramdisk = "/var/lib/avb/initrd.cpio.gz"',
        'extra = "console=hvc0 avb.ip=192.168.100.2/24 avb.gw=none"',
        'memory = 256',
        'vcpus = 1',
        'vif = [ "bridge=xenbr0" ]',
        'disk = [ "format=raw,vdev=xvda,access=rw,target=/var/lib/avb/scratch.raw" ]',
        'on_poweroff = "destroy"',
        'on_reboot = "destroy"',
        'on_crash = "destroy"',
        '',
      ].join('\n'),
    );
  });
  it('refuses values that could break out of the config syntax, and needs exactly one source', () => {
    const base = { name: 'd', address: '10.0.0.2', ssh };
    const gen = { kernel: '/k', bridge: 'xenbr0' };
    expect(
      XenDomuEnvironmentConfig.safeParse({ ...base, generate: { ...gen, cmdline: 'a" ]\nkernel = "/x' } })
        .success,
    ).toBe(false);
    expect(
      XenDomuEnvironmentConfig.safeParse({ ...base, generate: { ...gen, kernel: '/k"x' } }).success,
    ).toBe(false);
    expect(
      XenDomuEnvironmentConfig.safeParse({ ...base, name: 'two words', configFile: '/etc/xen/d.cfg' })
        .success,
    ).toBe(false);
    expect(XenDomuEnvironmentConfig.safeParse(base).success).toBe(false);
    expect(
      XenDomuEnvironmentConfig.safeParse({ ...base, configFile: '/etc/xen/d.cfg', generate: gen }).success,
    ).toBe(false);
    expect(XenDomuEnvironmentConfig.safeParse({ ...base, configFile: '/etc/xen/d.cfg' }).success).toBe(true);
  });
});
