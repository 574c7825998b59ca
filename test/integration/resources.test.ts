/**
 * Equal resources, proven from inside, on this machine for real: the host environment's
 * limiter (a cgroup made with this kernel's controllers — cgroup v1 here, v2 on the board
 * lab — entered by every command), a container with a cpuset and a memory limit on the real
 * dockerd. The proofs are what the processes themselves experience: a hackbench that
 * keeps two CPUs busy without the limit uses one with it; a process allocating past the
 * memory limit is killed by it, while the same allocation without the limit succeeds; the
 * fingerprint read inside says 1 CPU and the limit. Needs root, hackbench, perl and dockerd
 * (scripts/setup.sh): a missing one fails these tests. ~1 minute.
 */
import { existsSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveResources, ResourcesSettings } from '../../src/config/resources.js';
import { DockerEnvironment, removeLeftoverContainers } from '../../src/environments/docker.js';
import { HostEnvironment } from '../../src/environments/host.js';
import type { EnvironmentContext } from '../../src/environments/types.js';
import { LocalTransport } from '../../src/transport/local.js';
import { cpuShare } from '../helpers/cpu-share.js';

const board = new LocalTransport({ killGraceMs: 500 });
const dir = mkdtempSync(join(tmpdir(), 'avb-resources-'));
const lines: string[] = [];
const ctx = (): EnvironmentContext => ({ board, logDir: join(dir, 'logs'), log: (l) => lines.push(l) });
const MiB = 2 ** 20;
// The last CPU of this machine: where `resources: {cpus: 1}` puts every environment.
const LAST_CPU = String(availableParallelism() - 1);

/** perl allocating (and writing) this many MiB; exit 0 when it survived. */
const allocate = (mib: number) => [
  'perl',
  '-e',
  `my $x = "x" x (${mib} * 1024 * 1024); print "allocated\\n";`,
];

afterAll(async () => {
  await removeLeftoverContainers(board, { envId: 'docker-res' });
  rmSync(dir, { recursive: true, force: true });
});

describe('host environment held to 1 CPU and 256 MiB (cgroup on this machine)', () => {
  const resources = resolveResources(ResourcesSettings.parse({ cpus: 1, memory: '256m' }));
  const env = new HostEnvironment('host', {}, { resources });

  afterAll(async () => {
    await env.teardown();
  });

  it('says what it applied, and the fingerprint read inside shows it', async () => {
    expect(availableParallelism(), 'these proofs need a machine with 2 or more CPUs').toBeGreaterThanOrEqual(
      2,
    );
    await env.prepare(ctx());
    expect(lines.join('\n')).toMatch(
      new RegExp(
        `benchmark processes held to CPU ${LAST_CPU} and ${256 * MiB} bytes \\(cgroup v[12] /sys/fs/cgroup/`,
      ),
    );
    const fp = await env.fingerprint();
    expect(fp.cpusAvailable).toBe(1);
    expect(fp.cpuList).toBe(LAST_CPU);
    expect(fp.memoryLimitBytes).toBe(256 * MiB);
    // The board's own view (no limit) is untouched.
    const outside = await board.exec(['nproc'], { timeoutMs: 10_000 });
    expect(Number(outside.output.trim())).toBe(availableParallelism());
  });

  it('holds a hackbench that keeps two CPUs busy to one', async () => {
    const free = await cpuShare(board);
    const held = await cpuShare(env.transport());
    // Without the limit it spreads over the CPUs (shared machine: at least 1.3 of 2);
    // with it, at most one CPU's worth (+ measurement slack).
    expect(free.share, JSON.stringify(free)).toBeGreaterThan(1.3);
    expect(held.share, JSON.stringify(held)).toBeLessThan(1.1);
    // The hackbench processes themselves may only run on that CPU.
    const r = await env
      .transport()
      .exec(
        [
          'sh',
          '-c',
          'hackbench -g 1 -l 2000 >/dev/null & sleep 0.2; grep Cpus_allowed_list /proc/$!/status; wait',
        ],
        {
          timeoutMs: 120_000,
        },
      );
    expect(r.output).toMatch(new RegExp(`^Cpus_allowed_list:\\s+${LAST_CPU}$`, 'm'));
  });

  it('stops a process that allocates past the memory limit (the same allocation succeeds outside)', async () => {
    const outside = await board.exec(allocate(512), { timeoutMs: 60_000 });
    expect(outside.exitCode, outside.output).toBe(0);
    const inside = await env.transport().exec(allocate(512), { timeoutMs: 60_000 });
    // Killed by the kernel's OOM killer for the group (SIGKILL), not finished.
    expect(inside.output).not.toContain('allocated');
    expect(
      inside.exitCode === null || inside.exitCode === 137 || inside.signal === 'SIGKILL',
      JSON.stringify(inside),
    ).toBe(true);
    // Below the limit it runs.
    const small = await env.transport().exec(allocate(64), { timeoutMs: 60_000 });
    expect(small.exitCode, small.output).toBe(0);
  });

  it('removes its cgroup on teardown', async () => {
    const groups = /\(cgroup v[12] ([^)]+)\)/.exec(lines.join('\n'))![1]!.split(' ');
    for (const g of groups) expect(existsSync(g), g).toBe(true);
    await env.teardown();
    for (const g of groups) expect(existsSync(g), g).toBe(false);
  });
});

describe('docker environment: a cpuset and a memory limit, not a CPU-time quota', () => {
  const env = new DockerEnvironment('docker-res', {});

  afterAll(async () => {
    await env.teardown();
  });

  it('runs the container on the same CPU with 1 GiB, and reads it inside', async () => {
    await env.prepare(ctx());
    const fp = await env.fingerprint();
    expect(fp.cpusAvailable).toBe(1);
    expect(fp.cpuList).toBe(LAST_CPU);
    expect(fp.memoryLimitBytes).toBe(1024 * MiB);
    expect(fp.dockerLimits).toEqual({ cpus: null, cpuset: LAST_CPU, memory: String(1024 * MiB) });
    const held = await cpuShare(env.transport());
    expect(held.share, JSON.stringify(held)).toBeLessThan(1.1);
  });
});
