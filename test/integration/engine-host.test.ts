/**
 * The engine on the host with the real tools: hackbench, iozone and netperf (peer `board`,
 * the default of a local run: netserver started by the engine on the board's 127.0.0.1),
 * through the local transport. Tiny settings keep
 * CI short; the tools must be installed (scripts/setup.sh): a missing one FAILS here.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { runBench } from '../../src/engine/run.js';
import type { Results } from '../../src/results/schema.js';
import { readResultsFile } from '../../src/results/store.js';

describe('engine on the host (real hackbench, iozone, netperf)', () => {
  let out: string;
  let results: Results;
  const lines: string[] = [];

  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'avb-engine-host-'));
    const config = parseConfig({
      environments: [{ kind: 'host' }],
      preset: 'test',
      suites: {
        hackbench: { loops: 100, groups: [1], ipc: ['socket', 'pipe'] },
        iozone: { fileSizesKb: [64], minRecordKb: 4, maxRecordKb: 4 },
        // A port of our own: another netserver on the default port must not interfere.
        netperf: { port: 12911, lengthSeconds: 1 },
      },
    });
    results = await runBench(config, {
      outDir: out,
      reporter: {
        info: (l) => lines.push(l),
        warn: (l) => lines.push(`warn ${l}`),
        groupStart: () => undefined,
        groupEnd: () => undefined,
        cell: (e) => lines.push(`${e.env} ${e.suite} ${e.key} ${e.status} ${e.message ?? ''}`),
      },
    });
  });

  afterAll(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('measures every suite in every round with no failure', () => {
    expect(results.failures, lines.join('\n')).toEqual([]);
    expect(results.run.status).toBe('complete');
    for (const round of [0, 1]) {
      const inRound = results.samples.filter((s) => s.round === round);
      // socket and pipe print identical lines: the cell's hint keeps them apart.
      const hb = inRound.filter((s) => s.metric === 'hackbench.time');
      expect(hb.map((s) => s.params.ipc).sort()).toEqual(['pipe', 'socket']);
      expect(inRound.some((s) => s.metric === 'iozone.write' && s.params.file_kb === 64)).toBe(true);
      expect(inRound.some((s) => s.metric === 'iozone.read')).toBe(true);
      expect(inRound.some((s) => s.metric === 'netperf.tcp_stream.throughput')).toBe(true);
      expect(inRound.some((s) => s.metric === 'netperf.tcp_rr.rate')).toBe(true);
    }
    for (const s of results.samples) expect(s.value).toBeGreaterThan(0);
  });

  it('writes a results.json that the reader validates, equal to what runBench returned', async () => {
    const onDisk = await readResultsFile(join(out, 'results.json'));
    expect(onDisk).toEqual(results);
    expect(onDisk.environments[0]?.fingerprint.kernel).toMatch(/\d+\.\d+/);
    expect(onDisk.environments[0]?.fingerprint.toolVersions?.hackbench).toBeDefined();
    // Read from inside: IOzone on the host's own disk, netperf to the board's stack.
    expect(onDisk.environments[0]?.fingerprint.scratch).toMatchObject({ path: '/var/tmp' });
    expect(onDisk.environments[0]?.fingerprint.scratch?.fstype).not.toMatch(/^(tmpfs|ramfs|rootfs)$/);
    expect(onDisk.environments[0]?.fingerprint.netperfPeer).toEqual({
      kind: 'board',
      address: '127.0.0.1',
      via: 'lo',
    });
  });

  it('keeps every raw log with its true sha256 and size, and every sample points at one', async () => {
    const refs = new Set(results.logs.map((l) => l.ref));
    for (const s of results.samples) expect(refs.has(s.log)).toBe(true);
    for (const l of results.logs) {
      const data = await readFile(join(out, l.path));
      expect(createHash('sha256').update(data).digest('hex')).toBe(l.sha256);
      expect(data.length).toBe(l.bytes);
    }
    const hb = results.logs.find((l) => l.ref === 'host/hackbench/process-socket-g1.r0');
    expect(await readFile(join(out, hb!.path), 'utf8')).toMatch(/^Time: [\d.]+$/m);
    expect(results.logs.some((l) => l.ref === 'board/netperf/netserver-127.0.0.1-12911')).toBe(true);
  });

  it('removes the IOzone scratch folder and writes the reports', async () => {
    const left = (await readdir('/var/tmp')).filter((n) => n.startsWith(`avb-iozone-${results.run.id}`));
    expect(left).toEqual([]);
    // The analysis/report module's report: hackbench's figure and IOzone's, in both formats.
    const md = await readFile(join(out, 'report.md'), 'utf8');
    expect(md).toContain('hackbench time vs tasks');
    expect(md).toContain('IOzone throughput per operation (64 KB file');
    expect(await readFile(join(out, 'report.html'), 'utf8')).toMatch(/<html[\s\S]*hackbench/);
  });
});
