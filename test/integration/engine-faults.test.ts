/**
 * Faults at engine level, with the local transport and real processes: a tool that hangs
 * (a fake `hackbench` on PATH that sleeps), a tool missing in one environment, an
 * environment whose prepare throws, and a cancel in the middle of a cell. Each ends with a
 * clear failure for the cells concerned, the other cells complete, teardown runs, and
 * results.json on disk stays valid with everything already measured.
 */
import { chmod, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { HostEnvironment } from '../../src/environments/host.js';
import type { EnvironmentContext } from '../../src/environments/types.js';
import { runBench } from '../../src/engine/run.js';
import { silentReporter } from '../../src/engine/reporter.js';
import { readResultsFile } from '../../src/results/store.js';

const SYSTEM_PATH = '/usr/local/bin:/usr/bin:/bin';

class SpyHost extends HostEnvironment {
  teardowns = 0;
  constructor(
    id: string,
    private readonly failPrepare = false,
  ) {
    super(id);
  }
  override async prepare(ctx: EnvironmentContext): Promise<void> {
    if (this.failPrepare) throw new Error('the guest never booted (stand-in failure)');
    await super.prepare(ctx);
  }
  override async teardown(): Promise<void> {
    this.teardowns += 1;
    await super.teardown();
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('engine faults', () => {
  let dir: string;
  let hangBin: string;
  let noHackbenchBin: string;
  let pidFile: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'avb-engine-faults-'));
    hangBin = join(dir, 'hang-bin');
    noHackbenchBin = join(dir, 'no-hackbench-bin');
    pidFile = join(dir, 'pids');
    await mkdir(hangBin);
    await mkdir(noHackbenchBin);
    // A hackbench that never finishes: records its pid, then sleeps.
    await writeFile(join(hangBin, 'hackbench'), '#!/bin/sh\necho $$ >> "$AVB_FAKE_PIDS"\nexec sleep 1000\n');
    await chmod(join(hangBin, 'hackbench'), 0o755);
    // An environment with iozone but no hackbench: only these programs on its PATH.
    for (const tool of ['sh', 'iozone', 'mkdir', 'rm']) {
      const target = ['/bin', '/usr/bin'].map((d) => join(d, tool));
      const { existsSync } = await import('node:fs');
      await symlink(
        target.find((t) => existsSync(t))!,
        join(noHackbenchBin, tool),
      );
    }
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const tiny = {
    hackbench: { loops: 100, groups: [1], timeoutSeconds: 3 },
    iozone: { fileSizesKb: [64], maxRecordKb: 4 },
    netperf: { enabled: false },
  };

  it('kills a hung tool at the cell timeout, records it, and completes the other cells', async () => {
    const out = join(dir, 'hang');
    const config = parseConfig({
      preset: 'test',
      environments: [
        { kind: 'host', id: 'hang', env: { PATH: `${hangBin}:${SYSTEM_PATH}`, AVB_FAKE_PIDS: pidFile } },
        { kind: 'host', id: 'host' },
      ],
      suites: tiny,
    });
    const t0 = Date.now();
    const results = await runBench(config, { outDir: out, reporter: silentReporter });
    const hung = results.failures.filter((f) => f.env === 'hang' && f.suite === 'hackbench');
    expect(hung).toHaveLength(2); // one per round
    for (const f of hung) {
      expect(f.kind).toBe('timeout');
      expect(f.message).toMatch(/killed at the cell timeout \(3s\)/);
      expect(f.log).toMatch(/^hang\/hackbench\//);
    }
    // Everything else measured: iozone in both, hackbench on the real host, both rounds.
    expect(results.failures).toHaveLength(2);
    expect(results.samples.filter((s) => s.env === 'host' && s.metric === 'hackbench.time')).toHaveLength(2);
    expect(results.samples.some((s) => s.env === 'hang' && s.metric === 'iozone.write')).toBe(true);
    expect(results.run.status).toBe('partial');
    // The sleeping processes are gone, and no cell waited much past its timeout.
    const pids = (await readFile(pidFile, 'utf8')).trim().split('\n').map(Number);
    expect(pids).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 200));
    for (const pid of pids) expect(alive(pid)).toBe(false);
    expect(Date.now() - t0).toBeLessThan(60_000);
    expect(await readResultsFile(join(out, 'results.json'))).toEqual(results);
  });

  it('records a clear failure for a tool missing in one environment; the other environment measures', async () => {
    const out = join(dir, 'missing');
    const config = parseConfig({
      preset: 'test',
      runs: 1,
      environments: [
        { kind: 'host', id: 'bare', env: { PATH: noHackbenchBin } },
        { kind: 'host', id: 'host' },
      ],
      suites: tiny,
    });
    const results = await runBench(config, { outDir: out, reporter: silentReporter });
    expect(results.failures).toEqual([
      {
        env: 'bare',
        suite: 'hackbench',
        params: expect.objectContaining({ mode: 'process', ipc: 'socket', groups: 1 }),
        round: 0,
        kind: 'missing-tool',
        message:
          "hackbench: hackbench not found on PATH in environment 'bare' (install it there, or set the environment's env.PATH)",
      },
    ]);
    expect(results.samples.some((s) => s.env === 'bare' && s.metric === 'iozone.write')).toBe(true);
    expect(results.samples.some((s) => s.env === 'host' && s.metric === 'hackbench.time')).toBe(true);
  });

  it('records a failed prepare, still tears that environment down, and measures the others', async () => {
    const out = join(dir, 'prepare');
    const broken = new SpyHost('broken', true);
    const good = new SpyHost('good');
    const config = parseConfig({ preset: 'test', runs: 1, environments: [{ kind: 'host' }], suites: tiny });
    const results = await runBench(config, {
      outDir: out,
      reporter: silentReporter,
      environments: [{ env: broken }, { env: good }],
    });
    expect(broken.teardowns).toBe(1);
    expect(good.teardowns).toBe(1);
    expect(results.failures).toEqual([
      {
        env: 'broken',
        suite: 'environment',
        params: {},
        round: 0,
        kind: 'setup',
        message: 'broken: prepare failed: the guest never booted (stand-in failure)',
      },
    ]);
    expect(results.environments.find((e) => e.id === 'broken')?.skipped).toMatch(/prepare failed/);
    expect(results.samples.filter((s) => s.env === 'good').length).toBeGreaterThan(0);
    expect(results.samples.filter((s) => s.env === 'broken')).toEqual([]);
  });

  it('cancels mid-cell: the cell is killed, teardown runs, results.json says cancelled and keeps what was measured', async () => {
    const out = join(dir, 'cancel');
    const host = new SpyHost('host');
    const hang = new SpyHost('hang');
    const config = parseConfig({
      preset: 'test',
      runs: 3,
      environments: [{ kind: 'host' }],
      suites: { ...tiny, hackbench: { ...tiny.hackbench, timeoutSeconds: 120 }, iozone: { enabled: false } },
    });
    const controller = new AbortController();
    const t0 = Date.now();
    await runBench(config, {
      outDir: out,
      signal: controller.signal,
      environments: [
        { env: host },
        { env: hang, vars: { PATH: `${hangBin}:${SYSTEM_PATH}`, AVB_FAKE_PIDS: pidFile } },
      ],
      reporter: {
        ...silentReporter,
        // host's first cell is done; hang's (sleeping forever) is next: cancel during it.
        cell: (e) => {
          if (e.env === 'host' && e.round === 0) setTimeout(() => controller.abort(), 500);
        },
      },
    });
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(host.teardowns).toBe(1);
    expect(hang.teardowns).toBe(1);
    const onDisk = await readResultsFile(join(out, 'results.json'));
    expect(onDisk.run.status).toBe('cancelled');
    expect(onDisk.run.finished).toBeDefined();
    expect(onDisk.samples.map((s) => [s.env, s.metric, s.round])).toEqual([['host', 'hackbench.time', 0]]);
    expect(onDisk.failures).toEqual([
      expect.objectContaining({ env: 'hang', suite: 'hackbench', round: 0, kind: 'cancelled' }),
    ]);
    // The in-flight cell's log is kept and listed.
    expect(onDisk.logs.map((l) => l.ref)).toContain('hang/hackbench/process-socket-g1.r0');
  });
});
