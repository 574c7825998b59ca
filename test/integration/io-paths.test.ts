/**
 * The I/O paths the paper measured, proven on this machine with the real parts: the engine
 * (peer `board`, the default of a local run) runs netperf and IOzone on the host, in a
 * container of the real dockerd (veth on docker0, the writable layer) and in a QEMU TCG
 * guest (a TAP on a bridge the engine makes for the run, a virtio-blk scratch disk the
 * guest formats and mounts). The proof is in the counters the engine reads around every
 * cell: the bytes netperf reports crossed the environment's interface inside and its
 * virtual interface on the board (TAP, veth) and not its loopback; IOzone's writes reached
 * the guest's block device. A host folder on tmpfs is refused with the reason. Afterwards
 * no TAP, bridge, NAT rule or scratch image is left. Needs root, dockerd, QEMU and the
 * guest image (guest/build.sh): a missing part FAILS this file.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { buildGuestImage } from '../../src/environments/guest/build.js';
import { runBench } from '../../src/engine/run.js';
import type { IoCounters, Results } from '../../src/results/schema.js';

const BRIDGE = 'avbbr-io';
const LENGTH_S = 1;
const FILE_KB = 1024;

let out: string;
let results: Results;
const lines: string[] = [];
let forwardBefore: string;

const fp = (env: string) => results.environments.find((e) => e.id === env)!.fingerprint;
const counters = (env: string, suite: 'netperf' | 'iozone'): IoCounters[] =>
  (results.ioCounters ?? []).filter((c) => c.env === env && c.suite === suite);
/** What netperf says it moved in a cell: TCP_STREAM throughput (10^6 bit/s) × its length. */
const streamBytes = (env: string, round: number): number => {
  const s = results.samples.find(
    (x) => x.env === env && x.metric === 'netperf.tcp_stream.throughput' && x.round === round,
  )!;
  return (s.value * 1e6 * LENGTH_S) / 8;
};
/** TCP_RR: transactions × (1-byte request + 1-byte response). */
const rrBytes = (env: string, round: number): number => {
  const s = results.samples.find(
    (x) => x.env === env && x.metric === 'netperf.tcp_rr.rate' && x.round === round,
  )!;
  return s.value * LENGTH_S * 2;
};

beforeAll(async () => {
  forwardBefore = readFileSync('/proc/sys/net/ipv4/ip_forward', 'utf8').trim();
  const image = await buildGuestImage({ timeoutMs: 600_000 });
  out = await mkdtemp(join(tmpdir(), 'avb-io-paths-'));
  const config = parseConfig({
    preset: 'test',
    runs: 1,
    environments: [
      { kind: 'host' },
      // A host folder in RAM, not asked for: IOzone must refuse it.
      { kind: 'host', id: 'ram', scratchDir: '/dev/shm/avb-io-paths' },
      { kind: 'docker', memory: '512m' },
      {
        kind: 'kvm',
        arch: 'x86_64',
        accel: 'tcg',
        memoryMiB: 512,
        boot: { kernel: image.kernel, initrd: image.initrd },
        // A bridge of this test's own (made with NAT, removed afterwards); the data disk is the default.
        network: {
          type: 'bridge',
          bridge: BRIDGE,
          address: '192.168.214.2/24',
          bridgeAddress: '192.168.214.1/24',
        },
        dataDisk: { sizeMiB: 256 },
        ssh: { identityFile: image.identityFile, hostKey: image.hostKey },
        bootTimeoutSeconds: 300,
      },
    ],
    suites: {
      hackbench: { enabled: false },
      // flush: every write goes to the disk within the cell (fsync in the timings).
      iozone: {
        fileSizesKb: [FILE_KB],
        minRecordKb: 64,
        maxRecordKb: 64,
        tests: ['write-rewrite'],
        flush: true,
      },
      // Ports of our own: another netserver on the default ports must not interfere.
      netperf: {
        tests: ['TCP_STREAM', 'TCP_RR'],
        messageBytes: [1024],
        lengthSeconds: LENGTH_S,
        port: 12931,
        dataPort: 12932,
      },
    },
  });
  results = await runBench(config, {
    outDir: out,
    reports: false,
    reporter: {
      info: (l) => lines.push(l),
      warn: (l) => lines.push(`warn ${l}`),
      groupStart: () => undefined,
      groupEnd: () => undefined,
      cell: (e) => lines.push(`${e.env} ${e.suite} ${e.key} ${e.status} ${e.message ?? ''}`),
    },
  });
}, 900_000);

afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
  await rm('/dev/shm/avb-io-paths', { recursive: true, force: true });
});

describe('I/O paths of host, docker and a TCG guest (peer: board)', () => {
  it('measures netperf and IOzone everywhere; only the RAM folder is refused, with the reason', () => {
    const unexpected = results.failures.filter((f) => !(f.env === 'ram' && f.suite === 'iozone'));
    expect(unexpected, lines.join('\n')).toEqual([]);
    const ram = results.failures.filter((f) => f.env === 'ram');
    expect(ram).toHaveLength(1);
    expect(ram[0]!.kind).toBe('scratch-in-ram');
    expect(ram[0]!.message).toMatch(
      /^iozone: the scratch folder \/dev\/shm\/avb-io-paths in 'ram' lies on tmpfs \(tmpfs\), i\.e\. in RAM: IOzone would measure memory, not the environment's disk\. set scratchDir on this environment to a folder on the board's disk .*; or set allowRamScratch: true/,
    );
    for (const env of ['host', 'docker', 'kvm']) {
      const metrics = new Set(results.samples.filter((s) => s.env === env).map((s) => s.metric));
      expect(metrics.has('iozone.write'), env).toBe(true);
      expect(metrics.has('netperf.tcp_stream.throughput'), env).toBe(true);
      expect(metrics.has('netperf.tcp_rr.rate'), env).toBe(true);
    }
  });

  it("records each environment's scratch and peer as read from inside it", () => {
    expect(fp('host').scratch).toMatchObject({ path: '/var/tmp' });
    expect(fp('ram').scratch).toMatchObject({ path: '/dev/shm/avb-io-paths', fstype: 'tmpfs' });
    // docker: the union file system of the writable layer, and the storage driver behind it
    expect(fp('docker').scratch).toMatchObject({ path: '/var/tmp', source: 'overlay', fstype: 'overlay' });
    expect(fp('docker').dockerStorageDriver).toBe('overlay2');
    // kvm: the virtio-blk disk, formatted and mounted by the guest (the only virtio disk: vda)
    expect(fp('kvm').scratch).toMatchObject({ path: '/mnt/avb-scratch', source: '/dev/vda', fstype: 'ext4' });
    expect(fp('host').netperfPeer).toEqual({ kind: 'board', address: '127.0.0.1', via: 'lo' });
    expect(fp('docker').netperfPeer).toMatchObject({ kind: 'board', via: 'eth0' });
    expect(fp('docker').netperfPeer?.address).toMatch(/^\d+\.\d+\.\d+\.1$/);
    expect(fp('kvm').netperfPeer).toEqual({ kind: 'board', address: '192.168.214.1', via: 'eth0' });
  });

  it("netperf's bytes crossed the environment's NIC and its veth/TAP on the board, not its loopback", () => {
    for (const env of ['docker', 'kvm']) {
      const [stream, rr] = [
        counters(env, 'netperf').find((c) => c.params.message_bytes === 1024)!,
        counters(env, 'netperf').find((c) => c.params.request_bytes === 1)!,
      ];
      for (const [c, payload] of [
        [stream, streamBytes(env, 0)],
        [rr, rrBytes(env, 0)],
      ] as const) {
        expect(c?.nic, `${env}: ${JSON.stringify(c)}`).toBeDefined();
        expect(payload, env).toBeGreaterThan(0);
        const nic = c!.nic!;
        expect(nic.via).toBe('eth0');
        expect(nic.rxBytes + nic.txBytes, env).toBeGreaterThanOrEqual(payload);
        expect(nic.board?.iface, env).toMatch(env === 'kvm' ? /^avbt-[0-9a-f]{8}$/ : /^veth/);
        expect(nic.board!.rxBytes + nic.board!.txBytes, env).toBeGreaterThanOrEqual(payload);
        // Loopback inside the environment carried (next to) nothing of it.
        expect(nic.loopback.rxBytes + nic.loopback.txBytes, env).toBeLessThan(payload / 10);
      }
      // TCP_STREAM sends from the environment: its NIC's transmit side and the board's receive side.
      expect(stream.nic!.txBytes).toBeGreaterThanOrEqual(streamBytes(env, 0));
      expect(stream.nic!.board!.rxBytes).toBeGreaterThanOrEqual(streamBytes(env, 0));
    }
    // The host's peer is its own stack: there the counters see the bytes on loopback.
    const host = counters('host', 'netperf').find((c) => c.params.message_bytes === 1024)!;
    expect(host.nic!.via).toBe('lo');
    expect(host.nic!.loopback.txBytes).toBeGreaterThanOrEqual(streamBytes('host', 0));
  });

  it("IOzone's writes reached the guest's block device, and docker's the board's disk", () => {
    const kvm = counters('kvm', 'iozone')[0]!;
    expect(kvm.disk, JSON.stringify(kvm)).toMatchObject({ device: 'vda', where: 'environment' });
    expect(kvm.disk!.writeSectors * 512).toBeGreaterThanOrEqual(FILE_KB * 1024);
    const docker = counters('docker', 'iozone')[0]!;
    expect(docker.disk?.where, JSON.stringify(docker)).toBe('board');
    expect(docker.disk!.writeSectors * 512).toBeGreaterThanOrEqual(FILE_KB * 1024);
    const host = counters('host', 'iozone')[0]!;
    expect(host.disk?.where).toBe('environment');
    expect(host.disk!.writeSectors * 512).toBeGreaterThanOrEqual(FILE_KB * 1024);
  });

  it('leaves no TAP, bridge, NAT rule, scratch image or netserver behind', () => {
    const links = readdirSync('/sys/class/net');
    expect(links.filter((l) => l.startsWith('avbt-') || l === BRIDGE)).toEqual([]);
    expect(execFileSync('iptables', ['-t', 'nat', '-S', 'POSTROUTING'], { encoding: 'utf8' })).not.toContain(
      '192.168.214.',
    );
    expect(readFileSync('/proc/sys/net/ipv4/ip_forward', 'utf8').trim()).toBe(forwardBefore);
    expect(existsSync('/var/tmp/arm-virt-bench/kvm/scratch.img')).toBe(false);
    expect(existsSync('/var/tmp/arm-virt-bench/kvm')).toBe(false);
    const ns = execFileSync('sh', ['-c', 'ss -Hltn "sport = :12931" || true'], { encoding: 'utf8' });
    expect(ns.trim()).toBe('');
  });
});
