/**
 * The readers of an environment's I/O paths, on real captures (test/fixtures/io-paths/:
 * each .txt is the output of the command in its .cmd, on this project's development
 * machine and in the bench container; the guest's come from the TCG guest).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isRamFs,
  localAddresses,
  mountOf,
  parseBlockProbe,
  parseMountinfo,
  parseProcNetDev,
  parseScratchProbe,
  routeVia,
} from '../../../src/environments/io-paths.js';

const fixture = (name: string): string =>
  readFileSync(join(import.meta.dirname, '../../fixtures/io-paths', `${name}.txt`), 'utf8');

describe('scratch: where the folder really lies (mountinfo)', () => {
  it('the host: /var/tmp on the root file system, an ext4 block device', () => {
    const s = parseScratchProbe(fixture('host_scratch_probe'));
    expect(s).toEqual({ path: '/var/tmp', source: '/dev/vda', fstype: 'ext4', device: '254:0' });
    expect(isRamFs(s.fstype)).toBe(false);
  });

  it('the container: the writable layer, overlay with no block device of its own', () => {
    const s = parseScratchProbe(fixture('docker_scratch_probe'));
    expect(s.path).toBe('/var/tmp');
    expect(s.fstype).toBe('overlay');
    expect(s.source).toBe('overlay');
    expect(s.device).toMatch(/^0:\d+$/);
  });

  it('the guest: in the initramfs (rootfs, RAM) before its disk is mounted, on vda after', () => {
    const before = parseScratchProbe(fixture('guest_scratch_probe_initramfs'));
    expect(before.fstype).toBe('rootfs');
    expect(isRamFs(before.fstype)).toBe(true);
    const after = parseScratchProbe(fixture('guest_scratch_probe_disk'));
    expect(after).toMatchObject({ path: '/mnt/avb-scratch', source: '/dev/vda', fstype: 'ext4' });
  });

  it('the longest mount point wins, a later mount over the same point wins, /a is not /ab', () => {
    const m = parseMountinfo(
      [
        '1 0 8:1 / / rw - ext4 /dev/sda1 rw',
        '2 1 0:30 / /dev/shm rw - tmpfs tmpfs rw',
        '3 1 8:2 / /data rw - xfs /dev/sda2 rw',
        '4 1 0:31 / /data rw - tmpfs tmpfs rw',
        '5 1 8:3 / /mnt/my\\040disk rw shared:5 - ext4 /dev/sdb1 rw',
      ].join('\n'),
    );
    expect(mountOf('/dev/shm/x', m)?.fstype).toBe('tmpfs');
    expect(mountOf('/data/x', m)?.fstype).toBe('tmpfs');
    expect(mountOf('/database', m)?.source).toBe('/dev/sda1');
    expect(mountOf('/mnt/my disk/io', m)?.source).toBe('/dev/sdb1');
  });

  it('says why when it cannot tell', () => {
    expect(() => parseScratchProbe('sh: cd: /nope: No such file')).toThrow(/no real path/);
    expect(() => parseScratchProbe('@@path\n/x\n@@mountinfo\n')).toThrow(/no mount of \/x/);
  });
});

describe('netperf: the interface that carries the traffic (routes)', () => {
  it('the container: to the bridge gateway and beyond by eth0, to itself by lo', () => {
    const out = fixture('docker_route_probe');
    expect(routeVia('172.17.0.1', out)).toBe('eth0');
    expect(routeVia('10.0.2.2', out)).toBe('eth0');
    expect(routeVia('127.0.0.1', out)).toBe('lo');
    expect([...localAddresses(out)]).toContain('172.17.0.3');
    expect(routeVia('172.17.0.3', out)).toBe('lo');
    expect(routeVia('peer.example', out)).toBe('eth0');
  });

  it('the host: its own docker bridge address is local (lo), other hosts go by eth0', () => {
    const out = fixture('host_route_probe');
    expect(routeVia('172.17.0.1', out)).toBe('lo');
    expect(routeVia('172.17.0.2', out)).toBe('docker0');
    expect(routeVia('198.51.100.7', out)).toBe('eth0');
    expect(routeVia('fd00::1', out)).toBeUndefined();
  });

  it('nothing routes an address without a default route', () => {
    const out =
      '@@route\nIface\tDestination\tGateway\tFlags\tRefCnt\tUse\tMetric\tMask\n' +
      'eth0\t0064A8C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\n@@fib_trie\n@@end\n';
    expect(routeVia('192.168.100.1', out)).toBe('eth0');
    expect(routeVia('10.0.2.2', out)).toBeUndefined();
  });
});

describe('counters', () => {
  it('/proc/net/dev: bytes per interface', () => {
    const d = parseProcNetDev(fixture('docker_proc_net_dev'));
    expect(d.lo).toEqual({ rxBytes: 0, txBytes: 0 });
    expect(d.eth0?.rxBytes).toBe(90);
    expect(Object.keys(parseProcNetDev(fixture('host_proc_net_dev')))).toEqual(
      expect.arrayContaining(['lo', 'eth0', 'docker0']),
    );
  });

  it('/sys/dev/block/M:m: the device name and its stat line', () => {
    const b = parseBlockProbe(fixture('host_block_stat'));
    expect(b?.name).toBe('vda');
    expect(b?.stat.writeSectors).toBe(9845280);
    expect(b?.stat.readIos).toBe(109839);
    expect(parseBlockProbe('@@name\nvda\n@@stat\n1 2 3\n')).toBeUndefined();
  });
});
