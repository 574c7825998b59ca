/**
 * Boot-mode grouping in the engine, on this machine (which is in linux mode: no Xen).
 * `StandInDom0` stands in for a Xen Dom0 environment (no Xen can run here): it declares
 * boot mode xen and otherwise behaves like the host. The switch hook is a recorder that
 * stands in for board control (real reboots are tested by the board helper's lab tests);
 * the engine re-fingerprints the real board after it and must refuse to measure.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { collectFingerprint } from '../../src/environments/fingerprint.js';
import { HostEnvironment } from '../../src/environments/host.js';
import type { BenchEnvironment, EnvironmentContext } from '../../src/environments/types.js';
import { silentReporter, type Reporter } from '../../src/engine/reporter.js';
import { runBench } from '../../src/engine/run.js';
import type { BootMode, Fingerprint } from '../../src/results/schema.js';
import type { Transport } from '../../src/transport/types.js';

class StandInDom0 implements BenchEnvironment {
  readonly kind = 'xen-dom0' as const;
  readonly bootMode = 'xen' as const;
  prepared = 0;
  teardowns = 0;
  private board: Transport | undefined;
  constructor(readonly id: string) {}
  async prepare(ctx: EnvironmentContext): Promise<void> {
    this.prepared += 1;
    this.board = ctx.board;
  }
  fingerprint(): Promise<Fingerprint> {
    return collectFingerprint(this.transport());
  }
  transport(): Transport {
    return this.board!;
  }
  async teardown(): Promise<void> {
    this.teardowns += 1;
  }
}

const config = parseConfig({
  preset: 'test',
  runs: 1,
  environments: [{ kind: 'host' }],
  suites: { hackbench: { loops: 100 }, iozone: { enabled: false }, netperf: { enabled: false } },
});

describe('boot modes', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });
  const out = async (): Promise<string> => {
    const d = await mkdtemp(join(tmpdir(), 'avb-bootmodes-'));
    dirs.push(d);
    return d;
  };

  it('with connection: local and no switch strategy, skips the other mode with a clear reason', async () => {
    const dom0 = new StandInDom0('dom0');
    const lines: string[] = [];
    const results = await runBench(config, {
      outDir: await out(),
      environments: [{ env: dom0 }, { env: new HostEnvironment('host') }],
      reporter: { ...silentReporter, info: (l) => lines.push(l) },
    });
    const reason =
      'needs the board in xen mode, but it is in linux mode and connection: local cannot reboot it (run it from a controller over ssh, or use the two-job pattern)';
    expect(results.environments.find((e) => e.id === 'dom0')?.skipped).toBe(reason);
    expect(lines).toContain(`skipped dom0: ${reason}`);
    expect(dom0.prepared).toBe(0);
    expect(results.samples.filter((s) => s.env === 'host')).toHaveLength(1);
    expect(results.run.status).toBe('partial');
    expect(results.board.fingerprints.linux?.kernel).toBeDefined();
  });

  it('runs the linux group first, then calls switchBootMode(xen), and refuses when the board did not come up in xen', async () => {
    const dom0 = new StandInDom0('dom0');
    const events: string[] = [];
    const reporter: Reporter = { ...silentReporter, cell: (e) => events.push(`cell ${e.env}`) };
    const results = await runBench(config, {
      outDir: await out(),
      // Config order puts Dom0 first; the plan still measures linux first.
      environments: [{ env: dom0 }, { env: new HostEnvironment('host') }],
      reporter,
      switchBootMode: async (mode: BootMode) => {
        events.push(`switch ${mode}`);
      },
    });
    expect(events).toEqual(['cell host', 'switch xen']);
    expect(dom0.prepared).toBe(0);
    expect(results.failures).toEqual([
      expect.objectContaining({
        suite: 'board',
        kind: 'boot-switch',
        message: 'boot switch to xen failed: the board came back in linux mode, not xen',
      }),
    ]);
    expect(results.environments.find((e) => e.id === 'dom0')?.skipped).toMatch(/came back in linux mode/);
  });
});
