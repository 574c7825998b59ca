/**
 * `arm-virt-bench run` without --config: the embedded default for this machine (host
 * always; docker/kvm when offered, a printed reason when not), run with the tiny `test`
 * preset so CI stays short. In-process through runCli, exactly what dist/cli.js calls.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { localDefaultConfig } from '../../src/engine/local-default.js';
import { readResultsFile } from '../../src/results/store.js';
import { LocalTransport } from '../../src/transport/local.js';

describe('run CLI with the embedded default', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('produces results.json, logs and reports, and says which environments it skipped and why', async () => {
    const out = await mkdtemp(join(tmpdir(), 'avb-cli-'));
    dirs.push(out);
    let stderr = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
    let code: number;
    try {
      code = await runCli(['run', '--preset', 'test', '--out', out, '--env', 'host']);
    } finally {
      spy.mockRestore();
    }
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('no --config: using the embedded default for this machine');
    // scripts/setup.sh built byte-UnixBench where the embedded default looks for it.
    expect(stderr).not.toMatch(/^unixbench: off/m);
    // One progress line per cell, with elapsed time and ETA.
    expect(stderr).toMatch(
      /^\[ ?1\/\d+\] host hackbench process-socket-g1 run 1\/2 ok [\d.]+s · elapsed \d+:\d\d · ETA \d+:\d\d$/m,
    );
    const results = await readResultsFile(join(out, 'results.json'));
    expect(results.run.status).toBe('complete');
    expect(results.run.preset).toBe('test');
    expect(results.environments.map((e) => e.id)).toEqual(['host']);
    expect(new Set(results.samples.map((s) => s.suite))).toEqual(new Set(['hackbench', 'iozone', 'netperf']));
    for (const f of ['report.md', 'report.html']) expect((await stat(join(out, f))).size).toBeGreaterThan(0);
    expect(await readFile(join(out, results.logs[0]!.path), 'utf8')).not.toBe('');
  });

  it('offers docker when the engine answers, and names why a guest is left out', async () => {
    const d = await localDefaultConfig(new LocalTransport(), {
      guestImage: async () => {
        throw new Error('guest/build.sh failed (stand-in)');
      },
    });
    // dockerd runs on this machine (started by .ci/run) and QEMU is installed (setup.sh).
    expect(d.config.environments.map((e) => e.id)).toEqual(['host', 'docker']);
    expect(d.skipped).toEqual([
      { env: 'kvm', reason: 'the guest image is not available: guest/build.sh failed (stand-in)' },
    ]);
    const onlyHost = await localDefaultConfig(new LocalTransport(), { only: ['host'] });
    expect(onlyHost.config.environments.map((e) => e.id)).toEqual(['host']);
    expect(onlyHost.skipped).toEqual([]);
  });

  it("puts the guest on the paper's I/O paths: bridge + TAP, a virtio-blk scratch disk, peer board", async () => {
    // A stand-in for guest/build.sh's result: only the paths are used here, nothing boots.
    const d = await localDefaultConfig(new LocalTransport(), {
      only: ['kvm'],
      guestImage: async () => ({
        dir: '/nonexistent/guest',
        kernel: '/nonexistent/guest/vmlinuz',
        initrd: '/nonexistent/guest/initrd.cpio.gz',
        hostKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBqg',
        identityFile: '/nonexistent/guest/id_ed25519',
        manifest: {
          key: 'k',
          arch: 'amd64',
          kernelPackage: 'p',
          kernelPackageVersion: 'v',
          kernelRelease: 'r',
          clientKey: 'id_ed25519',
          modules: [],
          tools: [],
        },
      }),
    });
    const kvm = d.config.environments.find((e) => e.id === 'kvm')!.settings as {
      network: { type: string };
      dataDisk: unknown;
      allowRamScratch: boolean;
    };
    expect(kvm.network.type).toBe('bridge');
    expect(kvm.dataDisk).toEqual({ format: 'raw', sizeMiB: 1024 });
    expect(kvm.allowRamScratch).toBe(false);
    expect(d.config.board.connection.type).toBe('local');
    expect(d.config.suites.netperf?.peer ?? 'auto').toBe('auto');
  });

  it('rejects an unknown environment and a bad preset with a clear message', async () => {
    let stderr = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
    try {
      expect(await runCli(['run', '--preset', 'slow'])).toBe(2);
      expect(stderr).toContain("arm-virt-bench run: --preset must be one of paper, quick, test (got 'slow')");
      const out = await mkdtemp(join(tmpdir(), 'avb-cli-'));
      dirs.push(out);
      expect(await runCli(['run', '--preset', 'test', '--env', 'nope', '--out', out])).toBe(2);
      expect(stderr).toMatch(/^arm-virt-bench run: --env: no environment named nope \(configured: host/m);
    } finally {
      spy.mockRestore();
    }
  });

  it('reports config errors as FILE: path: reason', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'avb-cli-'));
    dirs.push(dir);
    const { writeFile } = await import('node:fs/promises');
    const file = join(dir, 'bench.yml');
    await writeFile(file, 'environments:\n  - kind: host\nsuites:\n  hackbench:\n    loops: -5\n');
    let stderr = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
    try {
      expect(await runCli(['run', '--config', file, '--out', join(dir, 'o')])).toBe(2);
    } finally {
      spy.mockRestore();
    }
    expect(stderr).toContain(
      `arm-virt-bench run: ${file}: suites.hackbench.loops: Too small: expected number to be >0`,
    );
  });
});

describe('probe and run --dry-run', () => {
  it('check the config, fingerprint the board, list the cells with their estimated time, measure nothing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'avb-probe-'));
    const { writeFile } = await import('node:fs/promises');
    const file = join(dir, 'bench.yml');
    await writeFile(file, 'environments:\n  - kind: host\n  - kind: xen-dom0\npreset: quick\n');
    for (const argv of [
      ['probe', '--config', file],
      ['run', '--config', file, '--dry-run', '--out', join(dir, 'out')],
    ]) {
      let stdout = '';
      const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
        stdout += String(chunk);
        return true;
      });
      let code: number;
      try {
        code = await runCli(argv);
      } finally {
        spy.mockRestore();
      }
      expect(code, stdout).toBe(0);
      expect(stdout).toMatch(/^board local \(local\): answers — linux mode · kernel \S+/);
      expect(stdout).toMatch(/^ {4}host +hackbench +8 cells × 6 runs +≈ +\d+:\d\d +\(process-socket-g1, /m);
      // xen-dom0 needs the Xen boot; a local board cannot switch: said, not planned.
      expect(stdout).toMatch(
        /^ {2}skipped xen-dom0: needs the board in xen mode; it is in linux mode and no boot switch is configured/m,
      );
      expect(stdout).toMatch(/^total: \d+ cell runs, ≈ \d+:\d\d/m);
      expect(stdout).toMatch(/^nothing was measured\.$/m);
    }
    const { existsSync } = await import('node:fs');
    expect(existsSync(join(dir, 'out'))).toBe(false);
    await rm(dir, { recursive: true, force: true });
  });
});
