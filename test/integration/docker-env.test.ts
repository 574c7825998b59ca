/**
 * The docker environment and the docker exec transport against the machine's real dockerd.
 * The image is assembled from this machine's own tools (no registry). A second part
 * reaches docker through the ssh transport: the test's sshd on 127.0.0.1 stands in for
 * a board's sshd. Network traffic goes only to the test's own container.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DockerEnvironment, removeLeftoverContainers } from '../../src/environments/docker.js';
import type { EnvironmentContext } from '../../src/environments/types.js';
import { LocalTransport } from '../../src/transport/local.js';
import { SshTransport } from '../../src/transport/ssh.js';
import { TransportError, type Transport } from '../../src/transport/types.js';
import { startSshd, type Sshd } from '../helpers/sshd.js';

const dir = mkdtempSync(join(tmpdir(), 'avb-docker-test-'));
const board = new LocalTransport({ killGraceMs: 500 });
const lines: string[] = [];
const ctx = (b: Transport = board): EnvironmentContext => ({
  board: b,
  logDir: join(dir, 'logs'),
  log: (l) => lines.push(l),
});

function containersWithLabel(): string[] {
  return execFileSync('docker', ['ps', '-a', '--filter', 'label=arm-virt-bench', '--format', '{{.Names}}'], {
    encoding: 'utf8',
  })
    .split('\n')
    .filter(Boolean);
}

// Environment ids of this file: cleanup touches only these (the dockerd is shared).
const ids = ['docker', 'docker-gone', 'docker-again', 'docker-ssh', 'docker-leftover'];

afterAll(async () => {
  for (const envId of ids) await removeLeftoverContainers(board, { envId });
  rmSync(dir, { recursive: true, force: true });
});

describe('docker environment (local board)', () => {
  const env = new DockerEnvironment('docker', { cpus: 1, memory: '1g' });

  beforeAll(async () => {
    await env.prepare(ctx());
  });

  afterAll(async () => {
    await env.teardown();
  });

  it('runs a container from an image built from local files, tagged by content hash', () => {
    expect(env.image).toMatch(/^arm-virt-bench\/bench:[0-9a-f]{16}$/);
    const inspect = JSON.parse(execFileSync('docker', ['inspect', env.container!], { encoding: 'utf8' })) as {
      HostConfig: { NanoCpus: number; Memory: number; NetworkMode: string };
      Config: { Labels: Record<string, string> };
    }[];
    expect(inspect[0]!.HostConfig.NanoCpus).toBe(1_000_000_000);
    expect(inspect[0]!.HostConfig.Memory).toBe(1024 ** 3);
    expect(inspect[0]!.HostConfig.NetworkMode).toBe('bridge');
    expect(inspect[0]!.Config.Labels['arm-virt-bench']).toBe('1');
    expect(env.ipAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('shows the limits in the fingerprint as the container sees them', async () => {
    const fp = await env.fingerprint();
    expect(fp.dockerVersion).toMatch(/^\d+\.\d+/);
    expect(fp.kernel).toBe(execFileSync('uname', ['-r'], { encoding: 'utf8' }).trim());
    // cpus=1 is a CFS quota of one period: v1 cfs_quota_us 100000 or v2 cpu.max "100000 100000".
    expect(fp.cgroupCpuLimit).toBe('100000 100000');
    expect(fp.cgroupCpus).toBe(1);
    expect(fp.cgroupMemoryLimit).toBe(String(1024 ** 3));
  });

  it('runs hackbench in the container', async () => {
    const log = join(dir, 'logs', 'hackbench.log');
    const r = await env.transport().exec(['hackbench', '-g', '1', '-f', '5', '-l', '50', '-s', '100'], {
      timeoutMs: 60_000,
      logPath: log,
    });
    expect(r.exitCode).toBe(0);
    expect(r.output).toMatch(/^Time: \d+\.\d+$/m);
    expect(readFileSync(log, 'utf8')).toMatch(/^Time: /m);
  });

  it('serves netperf from the host to a netserver in the container', async () => {
    const t = env.transport();
    const ns = await t.exec(['netserver', '-p', '12865', '-4'], { timeoutMs: 30_000 });
    expect(ns.exitCode).toBe(0);
    const r = await board.exec(
      ['netperf', '-H', env.ipAddress!, '-p', '12865', '-t', 'TCP_RR', '-l', '1', '-P', '0'],
      {
        timeoutMs: 60_000,
      },
    );
    expect(r.exitCode).toBe(0);
    // -P 0: a line of six numbers (the 6th is transactions per second), then the remote sizes.
    const row = r.output.split('\n').find((l) => l.trim().split(/\s+/).length === 6);
    expect(row, r.output).toBeDefined();
    expect(Number(row!.trim().split(/\s+/)[5])).toBeGreaterThan(0);
  });

  it('passes env and cwd, and reports the command status', async () => {
    const t = env.transport();
    process.env.GITHUB_TOKEN = 'ghs_docker_secret';
    try {
      const r = await t.exec(['sh', '-c', 'pwd; env; exit 3'], {
        timeoutMs: 30_000,
        env: { AVB_Y: 'y z' },
        cwd: '/tmp',
      });
      expect(r.exitCode).toBe(3);
      expect(r.output.split('\n')[0]).toBe('/tmp');
      expect(r.output).toMatch(/^AVB_Y=y z$/m);
      expect(r.output).not.toContain('ghs_docker_secret');
    } finally {
      delete process.env.GITHUB_TOKEN;
    }
    const s = await t.exec(['cat'], { timeoutMs: 30_000, stdin: 'in the box\n' });
    expect(s.output).toBe('in the box\n');
  });

  it('kills the process tree inside the container on timeout', async () => {
    const t = env.transport();
    const r = await t.exec(['sh', '-c', 'sleep 1000 & sleep 1001; wait'], { timeoutMs: 1500 });
    expect(r.timedOut).toBe(true);
    expect(r.exitCode).toBeNull();
    const ps = await t.exec(['ps', '-o', 'args'], { timeoutMs: 30_000 });
    expect(ps.output).not.toMatch(/sleep 100[01]/);
  });

  it('copies files into the container with docker cp', async () => {
    const src = join(dir, 'payload');
    mkdirSync(join(src, 'sub'), { recursive: true });
    writeFileSync(join(src, 'sub', 'x.txt'), 'payload');
    const t = env.transport();
    await t.copyTo(src, '/opt/avb/payload');
    const r = await t.exec(['cat', '/opt/avb/payload/sub/x.txt'], { timeoutMs: 30_000 });
    expect(r.output).toBe('payload');
  });

  it('turns a vanished container into a TransportError', async () => {
    const other = new DockerEnvironment('docker-gone', {});
    await other.prepare(ctx());
    const t = other.transport();
    execFileSync('docker', ['rm', '-f', other.container!]);
    const err = await t.exec(['true'], { timeoutMs: 30_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect((err as Error).message).toMatch(/No such container/i);
    await other.teardown();
  });

  it('reuses the image when the tools did not change', async () => {
    const again = new DockerEnvironment('docker-again', {});
    lines.length = 0;
    await again.prepare(ctx());
    expect(again.image).toBe(env.image);
    expect(lines.join('\n')).toMatch(/is up to date/);
    await again.teardown();
  });

  it('finds and removes a container a crashed run left behind, by its label', async () => {
    const crashed = new DockerEnvironment('docker-leftover', {});
    await crashed.prepare(ctx());
    // No teardown: as if the controller had died here.
    const removed = await removeLeftoverContainers(board, { envId: 'docker-leftover' });
    expect(removed).toEqual([crashed.container]);
    expect(containersWithLabel()).not.toContain(crashed.container);
  });

  it('leaves no container after teardown (and teardown twice is fine)', async () => {
    const name = env.container!;
    await env.teardown();
    await env.teardown();
    expect(containersWithLabel()).not.toContain(name);
  });
});

describe('docker environment errors', () => {
  it('says clearly when no engine answers', async () => {
    const env = new DockerEnvironment('docker', { dockerHost: `unix://${join(dir, 'no-such-docker.sock')}` });
    await expect(env.prepare(ctx())).rejects.toThrow(
      /no Docker engine answers on local: .*no-such-docker\.sock/,
    );
    await env.teardown();
  });
});

describe('docker through the ssh transport (stand-in board)', () => {
  let sshd: Sshd;
  let ssh: SshTransport;

  beforeAll(async () => {
    sshd = await startSshd();
    ssh = new SshTransport({
      host: sshd.host,
      port: sshd.port,
      user: sshd.user,
      knownHosts: sshd.knownHosts,
      identityFile: sshd.clientKey,
      connectTimeoutSeconds: 5,
    });
  });

  afterAll(async () => {
    await ssh?.close();
    await sshd?.stop();
  });

  it('prepares, runs a command with a timeout kill, and tears down over ssh', async () => {
    const env = new DockerEnvironment('docker-ssh', {});
    await env.prepare(ctx(ssh));
    try {
      expect(env.transport().description).toMatch(/^docker exec avb-docker-ssh-[0-9a-f]{8} on ssh /);
      const r = await env
        .transport()
        .exec(['hackbench', '-g', '1', '-f', '2', '-l', '20'], { timeoutMs: 60_000 });
      expect(r.exitCode).toBe(0);
      expect(r.output).toMatch(/^Time: /m);
      const k = await env.transport().exec(['sleep', '1000'], { timeoutMs: 1000 });
      expect(k.timedOut).toBe(true);
      const ps = await env.transport().exec(['ps', '-o', 'args'], { timeoutMs: 30_000 });
      expect(ps.output).not.toMatch(/sleep 1000/);
    } finally {
      const name = env.container;
      await env.teardown();
      expect(containersWithLabel()).not.toContain(name);
    }
  });
});
