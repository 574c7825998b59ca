/**
 * The storage and network settings: netperf's peer kinds (and the spellings of before),
 * the fixed data port, per-environment scratch settings, the guests' data disks.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load.js';
import { PRESETS, resolveSuites } from '../../../src/config/presets.js';
import { peerSpec } from '../../../src/config/suites.js';
import { peerTarget } from '../../../src/engine/peers.js';

const host = [{ kind: 'host' }];
const ssh = { identityFile: '/k', hostKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBqg' };
const parse = (c: object) => parseConfig(c, 'bench.yml');
const fails = (c: object): string => {
  try {
    parse(c);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected the config to be refused');
};

describe('suites.netperf.peer', () => {
  it('auto (the presets): the controller over SSH, the board in a local run', () => {
    for (const p of Object.values(PRESETS)) expect(p.suites.netperf.peer).toBe('auto');
    expect(peerSpec('auto', 'ssh')).toEqual({ kind: 'controller' });
    expect(peerSpec('auto', 'local')).toEqual({ kind: 'board' });
    expect(peerSpec('self', 'ssh')).toEqual({ kind: 'self' });
  });

  it('reads the spellings of before: type is kind, host is address', () => {
    const s = resolveSuites(PRESETS.quick, {
      netperf: { peer: { type: 'board', host: '172.17.0.1', listen: '0.0.0.0' } },
    });
    expect(peerSpec(s.netperf.peer, 'local')).toEqual({
      kind: 'board',
      address: '172.17.0.1',
      listen: '0.0.0.0',
    });
    const ext = parse({
      environments: host,
      suites: { netperf: { peer: { type: 'external', host: '10.0.0.9' } } },
    });
    expect(peerSpec(resolveSuites(PRESETS.quick, ext.suites).netperf.peer, 'ssh')).toEqual({
      kind: 'external',
      address: '10.0.0.9',
    });
  });

  it('external needs an address; its SSH target is checked like the board', () => {
    expect(fails({ environments: host, suites: { netperf: { peer: { kind: 'external' } } } })).toMatch(
      /suites\.netperf\.peer/,
    );
    expect(fails({ environments: host, suites: { netperf: { peer: 'external' } } })).toMatch(
      /suites\.netperf\.peer/,
    );
    const c = parse({
      environments: host,
      suites: {
        netperf: {
          peer: {
            kind: 'external',
            address: '10.0.0.9',
            ssh: { host: '10.0.0.9', knownHosts: '/kh', identityFile: '/key' },
          },
        },
      },
    });
    expect(c.suites.netperf?.peer).toMatchObject({ ssh: { host: '10.0.0.9', user: 'root', port: 22 } });
    expect(
      fails({
        environments: host,
        suites: { netperf: { peer: { kind: 'external', address: 'x', ssh: { host: 'x' } } } },
      }),
    ).toMatch(/knownHosts/);
  });

  it('refuses a data port equal to the control port, and addresses that are not addresses', () => {
    expect(() => resolveSuites(PRESETS.quick, { netperf: { dataPort: 12865 } })).toThrow(
      /must differ from port/,
    );
    expect(
      fails({ environments: host, suites: { netperf: { peer: { kind: 'board', address: '1.2.3.4;rm' } } } }),
    ).toMatch(/an IP address or host name/);
  });
});

describe('peerTarget: netperf -H and the netserver to start', () => {
  const docker = { boardAddress: '172.17.0.1', boardListen: '172.17.0.1', boardIface: 'veth1' };
  it('board: over the environment own link, netserver bound exactly there', () => {
    expect(peerTarget({ kind: 'board' }, docker, 'local')).toEqual({
      kind: 'board',
      address: '172.17.0.1',
      server: { on: 'board', listen: '172.17.0.1' },
    });
    // SLIRP: the guest reaches the board's loopback at QEMU's gateway
    expect(
      peerTarget({ kind: 'board' }, { boardAddress: '10.0.2.2', boardListen: '127.0.0.1' }, 'local'),
    ).toEqual({
      kind: 'board',
      address: '10.0.2.2',
      server: { on: 'board', listen: '127.0.0.1' },
    });
    // one address for all: bound there
    expect(peerTarget({ kind: 'board', address: '192.0.2.5' }, docker, 'ssh').server).toEqual({
      on: 'board',
      listen: '192.0.2.5',
    });
    expect(() => peerTarget({ kind: 'board' }, {}, 'ssh')).toThrow(/set suites\.netperf\.peer\.address/);
  });

  it('controller: on this machine over SSH, the board itself in a local run', () => {
    const view = { address: '10.0.2.2', listen: '127.0.0.1' };
    expect(peerTarget({ kind: 'controller' }, docker, 'ssh', view)).toEqual({
      kind: 'controller',
      address: '10.0.2.2',
      server: { on: 'controller', listen: '127.0.0.1' },
    });
    expect(peerTarget({ kind: 'controller' }, docker, 'local')).toMatchObject({
      kind: 'controller',
      server: { on: 'board', listen: '172.17.0.1' },
    });
  });

  it('external: started over SSH when a target is given, else left alone; self: in the environment', () => {
    expect(peerTarget({ kind: 'external', address: 'np.lan' }, docker, 'ssh')).toEqual({
      kind: 'external',
      address: 'np.lan',
    });
    expect(
      peerTarget(
        {
          kind: 'external',
          address: 'np.lan',
          ssh: { host: 'np.lan', port: 22, user: 'u', knownHosts: '/k', connectTimeoutSeconds: 5 },
        },
        docker,
        'ssh',
      ).server,
    ).toEqual({ on: 'external', listen: '0.0.0.0' });
    expect(peerTarget({ kind: 'self' }, docker, 'ssh')).toEqual({
      kind: 'self',
      address: '127.0.0.1',
      server: { on: 'environment', listen: '127.0.0.1' },
    });
  });
});

describe('scratch and data disks per environment', () => {
  it('the old global suites.iozone.scratchDir still reads (the folder default of host, Dom0, docker)', () => {
    const c = parse({ environments: host, suites: { iozone: { scratchDir: '/data' } } });
    expect(resolveSuites(PRESETS.quick, c.suites).iozone.scratchDir).toBe('/data');
    expect(resolveSuites(PRESETS.quick, {}).iozone.scratchDir).toBeUndefined();
  });

  it('host and Dom0 name a folder on the board; RAM only when asked for', () => {
    const c = parse({
      environments: [
        { kind: 'host', scratchDir: '/srv/ssd' },
        { kind: 'xen-dom0', allowRamScratch: true },
      ],
    });
    expect(c.environments.map((e) => e.settings)).toEqual([
      { scratchDir: '/srv/ssd', allowRamScratch: false },
      { allowRamScratch: true },
    ]);
    expect(fails({ environments: [{ kind: 'host', scratchDir: 'ssd' }] })).toMatch(
      /environments\.0\.scratchDir: an absolute path/,
    );
  });

  it('docker: the writable layer, or a volume (a name or a board folder)', () => {
    const ok = parse({
      environments: [
        { kind: 'docker', volume: 'avb-scratch' },
        { kind: 'docker', id: 'd2', volume: '/srv/ssd/docker' },
      ],
    });
    expect(ok.environments.map((e) => (e.settings as { volume?: string }).volume)).toEqual([
      'avb-scratch',
      '/srv/ssd/docker',
    ]);
    expect(fails({ environments: [{ kind: 'docker', volume: '/a:/b' }] })).toMatch(
      /a volume name or an absolute folder/,
    );
  });

  it('xen-domu: a data disk xvdb by default, not twice the same vdev', () => {
    const generate = { kernel: '/k', bridge: 'xenbr0', disks: [{ path: '/d.img', vdev: 'xvdb' }] };
    expect(
      fails({ environments: [{ kind: 'xen-domu', name: 'd', address: '192.168.100.2', ssh, generate }] }),
    ).toMatch(/dataDisk\.vdev: generate\.disks already has a disk with this vdev/);
    const c = parse({
      environments: [
        {
          kind: 'xen-domu',
          name: 'd',
          address: '192.168.100.2',
          ssh,
          generate,
          dataDisk: { vdev: 'xvdc', sizeMiB: 256 },
        },
      ],
    });
    expect((c.environments[0]!.settings as { dataDisk: unknown }).dataDisk).toEqual({
      format: 'raw',
      sizeMiB: 256,
      vdev: 'xvdc',
    });
  });
});
