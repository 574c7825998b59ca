/**
 * The engine with code under test, on this machine (linux mode, no Xen): real hackbench on the
 * host, and a recorder that stands in for a deployment (src/deploy/deployment.ts, whose board
 * side is test/integration/deploy-ssh.test.ts and whose trial boots are board-e2e's). It checks
 * what the engine does with one: a deployment that fails measures nothing; a mode under test
 * is booted even when the board runs that mode already; a mode whose trial boot did not come
 * up is not measured, with a `deploy` failure and its console log registered, while the other
 * mode is; provenance lands in results.deploy and the fingerprints.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { DeployError, DidNotBootError } from '../../src/deploy/errors.js';
import type { EngineDeployment } from '../../src/deploy/types.js';
import { collectFingerprint } from '../../src/environments/fingerprint.js';
import { HostEnvironment } from '../../src/environments/host.js';
import type { BenchEnvironment, EnvironmentContext } from '../../src/environments/types.js';
import { silentReporter } from '../../src/engine/reporter.js';
import { runBench } from '../../src/engine/run.js';
import type { BootMode, Deploy, Fingerprint } from '../../src/results/schema.js';
import type { Transport } from '../../src/transport/types.js';

/** Stands in for a Xen Dom0 environment (no Xen here): boot mode xen, otherwise the host. */
class StandInDom0 implements BenchEnvironment {
  readonly kind = 'xen-dom0' as const;
  readonly bootMode = 'xen' as const;
  prepared = 0;
  private board: Transport | undefined;
  constructor(readonly id: string) {}
  async prepare(ctx: EnvironmentContext): Promise<void> {
    this.prepared += 1;
    this.board = ctx.board;
  }
  fingerprint(): Promise<Fingerprint> {
    return collectFingerprint(this.board!);
  }
  transport(): Transport {
    return this.board!;
  }
  async teardown(): Promise<void> {}
}

const config = parseConfig({
  preset: 'test',
  runs: 1,
  environments: [{ kind: 'host' }],
  suites: {
    hackbench: { loops: 100 },
    iozone: { enabled: false },
    netperf: { enabled: false },
    unixbench: { enabled: false },
  },
});

function record(): Deploy {
  return {
    id: '0123456789ab',
    commit: 'abcdef1234567890',
    label: 'PR #7',
    slot: { boot: '/boot/firmware/avb-under-test', dir: '/var/lib/arm-virt-bench/under-test' },
    files: [
      {
        role: 'kernel',
        scope: 'linux',
        source: 'out/Image',
        target: '/boot/firmware/avb-under-test/linux-kernel',
        sha256: 'a'.repeat(64),
        bytes: 1,
      },
    ],
    args: { 'linux.kernelArgs': 'quiet' },
    commands: [],
    modes: [],
    boots: [],
    status: 'in-progress',
  };
}

/** A recorder standing in for a Deployment: what the engine asked, and scripted outcomes. */
class Recorder implements EngineDeployment {
  readonly record = record();
  calls: string[] = [];
  logs: string[] = [];
  constructor(private readonly o: { failDeploy?: boolean; fallBackIn?: BootMode; outDir: string }) {}
  async deploy(): Promise<void> {
    this.calls.push('deploy');
    if (this.o.failDeploy) {
      this.record.status = 'failed';
      throw new DeployError(
        'deploy: /boot/firmware/avb-under-test/linux-kernel on the board does not match out/Image after the copy',
      );
    }
  }
  needsBoot(mode: BootMode): boolean {
    return mode === 'linux' || mode === 'xen';
  }
  /** The engine's switch hook (what runOnBoard wires to Deployment.enter). */
  async enter(mode: BootMode): Promise<void> {
    this.calls.push(`enter ${mode}`);
    if (mode === this.o.fallBackIn) {
      const ref = `deploy/console-${mode}`;
      await mkdir(join(this.o.outDir, 'logs', 'deploy'), { recursive: true });
      await writeFile(
        join(this.o.outDir, 'logs', `${ref}.log`),
        'U-Boot 2023.01\nBad Linux ARM64 Image magic!\n',
      );
      this.logs.push(ref);
      this.record.status = 'did-not-boot';
      throw new DidNotBootError(
        `the change did not boot: the under-test ${mode} boot of PR #7@abcdef1 stopped in the boot loader (U-Boot): Bad Linux ARM64 Image magic!`,
        'boot loader',
        true,
        { logRef: ref },
      );
    }
    this.record.modes.push(mode);
  }
  facts(t: { mode: BootMode; envId?: string }): Record<string, unknown> {
    return this.record.modes.includes(t.mode)
      ? { deployed: { change: 'PR #7@abcdef1', for: t.envId ?? 'board' } }
      : {};
  }
  takeLogs(): string[] {
    const l = this.logs;
    this.logs = [];
    return l;
  }
}

describe('engine with a deployment', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });
  const out = async (): Promise<string> => {
    const d = await mkdtemp(join(tmpdir(), 'avb-engine-deploy-'));
    dirs.push(d);
    return d;
  };

  it('a deployment that fails measures nothing: a deploy failure, every environment not measured', async () => {
    const outDir = await out();
    const d = new Recorder({ failDeploy: true, outDir });
    const dom0 = new StandInDom0('dom0');
    const results = await runBench(config, {
      outDir,
      environments: [{ env: new HostEnvironment('host') }, { env: dom0 }],
      reporter: silentReporter,
      deployment: d,
      switchBootMode: (m) => d.enter(m),
    });
    expect(d.calls).toEqual(['deploy']);
    expect(results.samples).toEqual([]);
    expect(results.failures).toEqual([
      expect.objectContaining({
        suite: 'board',
        kind: 'deploy',
        message: expect.stringMatching(/does not match out\/Image after the copy/) as string,
      }),
    ]);
    for (const e of results.environments) expect(e.skipped).toMatch(/^not measured: deploy: /);
    expect(results.deploy?.status).toBe('failed');
    expect(results.run.status).toBe('partial');
    expect(dom0.prepared).toBe(0);
  });

  it('boots the slot of a mode the board already runs; a mode that fell back is not measured, the other is', async () => {
    const outDir = await out();
    const d = new Recorder({ fallBackIn: 'xen', outDir });
    const dom0 = new StandInDom0('dom0');
    const results = await runBench(config, {
      outDir,
      environments: [{ env: dom0 }, { env: new HostEnvironment('host') }],
      reporter: silentReporter,
      deployment: d,
      switchBootMode: (m) => d.enter(m),
    });
    // The board runs linux already; the slot of linux is booted anyway (a reboot), then xen.
    expect(d.calls).toEqual(['deploy', 'enter linux', 'enter xen']);
    expect(results.samples.filter((s) => s.env === 'host').length).toBeGreaterThan(0);
    expect(results.samples.filter((s) => s.env === 'dom0')).toEqual([]);
    expect(dom0.prepared).toBe(0);
    expect(results.failures).toEqual([
      {
        env: config.board.name,
        suite: 'board',
        params: { bootMode: 'xen' },
        round: 0,
        message:
          'the change did not boot: the under-test xen boot of PR #7@abcdef1 stopped in the boot loader (U-Boot): Bad Linux ARM64 Image magic!',
        kind: 'deploy',
        log: 'deploy/console-xen',
      },
    ]);
    expect(results.environments.find((e) => e.id === 'dom0')?.skipped).toMatch(
      /^not measured: the change did not boot: /,
    );
    // The console log is one of the run's logs (in the artifact), with its checksum.
    expect(results.logs.find((l) => l.ref === 'deploy/console-xen')).toMatchObject({
      path: 'logs/deploy/console-xen.log',
    });
    // Provenance: the record, and the fingerprints of what ran from the slot.
    expect(results.deploy).toMatchObject({
      id: '0123456789ab',
      commit: 'abcdef1234567890',
      status: 'did-not-boot',
      modes: ['linux'],
    });
    expect(results.environments.find((e) => e.id === 'host')?.fingerprint.deployed).toEqual({
      change: 'PR #7@abcdef1',
      for: 'host',
    });
    expect(results.board.fingerprints.linux?.deployed).toEqual({ change: 'PR #7@abcdef1', for: 'board' });
  });
});
