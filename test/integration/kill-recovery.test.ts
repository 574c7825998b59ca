/**
 * Recovery after a crash, end to end: `arm-virt-bench run` (dist/cli.js, a real process) is
 * SIGKILLed in the middle of a cell — once with the board being this machine (connection: local)
 * and once with the board reached over SSH (a real OpenSSH server on 127.0.0.1 stands in for the
 * board's sshd) — with a Docker container up and a netserver running; and once while a KVM guest
 * (the project's test guest under TCG, on a TAP and bridge made for it) runs its cell. Before the second run the
 * test checks that the first really left things behind (labelled processes, its container); then
 * a second run on the same board completes with 0 failures, says what it removed, and nothing of
 * the first remains: no process labelled with its run id (netserver, the cell's tree, ssh clients
 * and masters), no container. Needs dockerd and the tools (scripts/setup.sh): a missing one FAILS.
 * Runs dist/cli.js: `npm run build` first when src/ changed (CI's dist is checked to be fresh).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { CONTAINER_LABEL } from '../../src/environments/docker.js';
import { buildGuestImage } from '../../src/environments/guest/build.js';
import { Results } from '../../src/results/schema.js';
import { startSshd, type Sshd } from '../helpers/sshd.js';

const CLI = resolve(import.meta.dirname, '../../dist/cli.js');

/** pids of the processes whose environment carries AVB_RUN=<runId>, with their command lines. */
function labelled(runId: string): { pid: number; cmd: string }[] {
  const out: { pid: number; cmd: string }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const env = readFileSync(`/proc/${name}/environ`, 'latin1').split('\0');
      if (!env.includes(`AVB_RUN=${runId}`)) continue;
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (/\) Z /.test(stat)) continue; // exited, not reaped yet
      out.push({
        pid: Number(name),
        cmd: readFileSync(`/proc/${name}/cmdline`, 'latin1').replace(/\0/g, ' ').trim(),
      });
    } catch {
      // gone, or not ours to read
    }
  }
  return out;
}

function containers(runId: string): string[] {
  const out = execFileSync(
    'docker',
    ['ps', '-a', '--filter', `label=${CONTAINER_LABEL}.run=${runId}`, '--format', '{{.Names}}'],
    {
      encoding: 'utf8',
    },
  );
  return out.split('\n').filter(Boolean);
}

interface Running {
  stderr: () => string;
  exited: Promise<number | null>;
  kill: () => void;
}

function startRun(config: string, out: string): Running {
  let stderr = '';
  const child = spawn(process.execPath, [CLI, 'run', '--config', config, '--out', out], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  return { stderr: () => stderr, exited, kill: () => child.kill('SIGKILL') };
}

async function until(what: string, ok: () => boolean, withinMs: number): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a SIGKILLed run, then the next run on the same board', () => {
  let dir: string;
  let sshd: Sshd;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'avb-kill-'));
    sshd = await startSshd();
  });
  afterAll(async () => {
    await sshd?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const suites = {
    // Long enough cells that the kill lands inside one.
    hackbench: { modes: ['process'], ipc: ['socket'], groups: [1], loops: 4000 },
    unixbench: { enabled: false },
    iozone: { fileSizesKb: [64], maxRecordKb: 4, tests: ['write-rewrite'] },
    netperf: { peer: 'board', tests: ['TCP_RR'], lengthSeconds: 1 },
  };

  for (const via of ['local', 'ssh'] as const) {
    it(`over ${via === 'local' ? 'the local machine' : 'SSH (sshd stand-in board)'}: killed mid-cell, nothing of it is left after the next run`, async () => {
      const board =
        via === 'local'
          ? { name: 'kill-local', connection: { type: 'local' } }
          : {
              name: 'kill-ssh',
              connection: {
                type: 'ssh',
                host: sshd.host,
                port: sshd.port,
                user: sshd.user,
                identityFile: sshd.clientKey,
                knownHosts: sshd.knownHosts,
              },
            };
      const file = join(dir, `${via}.yml`);
      writeFileSync(
        file,
        stringify({
          board,
          preset: 'test',
          runs: 2,
          // Over SSH the host alone (the container's case is the local one): the board's
          // processes, reached through ssh, and the controller's ssh clients are what it adds.
          environments: via === 'local' ? [{ kind: 'host' }, { kind: 'docker' }] : [{ kind: 'host' }],
          suites: {
            ...suites,
            netperf: {
              ...suites.netperf,
              port: via === 'local' ? 12921 : 12923,
              dataPort: via === 'local' ? 12922 : 12924,
            },
          },
        }),
      );

      // 1. The first run, killed in the middle of a hackbench cell: the container's (local), the
      //    board's first one (over SSH), with the netserver up.
      const out1 = join(dir, `${via}-1`);
      const first = startRun(file, out1);
      if (via === 'local')
        await until(
          'the last host cell of round 1',
          () => /\] host netperf tcp_rr\S* run 1\/2 /.test(first.stderr()),
          300_000,
        );
      await until('results.json', () => existsSync(join(out1, 'results.json')), 300_000);
      const runId = Results.parse(JSON.parse(readFileSync(join(out1, 'results.json'), 'utf8'))).run.id;
      // The cell's own hackbench (not the tool check before it) with the netserver already up.
      await until(
        'a hackbench cell in flight, the netserver up',
        () => {
          const cmds = labelled(runId).map((p) => ` ${p.cmd} `);
          return cmds.some((c) => / hackbench -[PT] /.test(c)) && cmds.some((c) => / netserver -D /.test(c));
        },
        300_000,
      );
      first.kill();
      expect(await first.exited).toBeNull();
      // It did leave things behind: its netserver and the cell's tree (over SSH also its ssh
      // clients and master), and locally its container.
      const left = labelled(runId);
      expect(left.map((p) => p.cmd).join('\n')).toMatch(/netserver -D/);
      expect(left.map((p) => p.cmd).join('\n')).toMatch(/hackbench/);
      if (via === 'ssh') expect(left.map((p) => p.cmd).join('\n')).toMatch(/^ssh -F /m);
      expect(containers(runId)).toHaveLength(via === 'local' ? 1 : 0);

      // 2. The next run on the same board.
      const out2 = join(dir, `${via}-2`);
      const second = startRun(file, out2);
      const code = await second.exited;
      const results = Results.parse(JSON.parse(readFileSync(join(out2, 'results.json'), 'utf8')));
      expect(results.failures, second.stderr()).toEqual([]);
      expect(code, second.stderr()).toBe(0);
      const where = via === 'local' ? 'board kill-local' : 'board kill-ssh';
      expect(second.stderr()).toContain(`leftovers on ${where}: run ${runId} (pid `);
      expect(second.stderr()).toMatch(
        new RegExp(`leftovers on .*: run ${runId} .*: killed process \\d+ \\(netserver -D`),
      );
      if (via === 'local')
        expect(second.stderr()).toMatch(
          new RegExp(`leftovers on .*: run ${runId} .*: removed container avb-docker-`),
        );
      // Nothing of the first run remains: no labelled process, no container, no record.
      expect(labelled(runId)).toEqual([]);
      expect(containers(runId)).toEqual([]);
      expect(() => readdirSync(`/var/tmp/arm-virt-bench/runs/${runId}`)).toThrow(/ENOENT/);
      // And the second cleaned up after itself.
      expect(labelled(results.run.id)).toEqual([]);
      expect(containers(results.run.id)).toEqual([]);
    });
  }

  it('a guest: killed while the guest runs its cell, its QEMU and its TAP are gone after the next run', async () => {
    const image = await buildGuestImage({ timeoutMs: 600_000 });
    const file = join(dir, 'guest.yml');
    writeFileSync(
      file,
      stringify({
        board: { name: 'kill-guest', connection: { type: 'local' } },
        preset: 'test',
        runs: 2,
        environments: [
          { kind: 'host' },
          {
            kind: 'kvm',
            arch: process.arch === 'arm64' ? 'aarch64' : 'x86_64',
            accel: 'tcg',
            boot: { kernel: image.kernel, initrd: image.initrd },
            ssh: { identityFile: image.identityFile, hostKey: image.hostKey },
          },
        ],
        suites: {
          hackbench: { modes: ['process'], ipc: ['socket'], groups: [1], loops: 200 },
          unixbench: { enabled: false },
          iozone: { enabled: false },
          netperf: { enabled: false },
        },
      }),
    );
    const out1 = join(dir, 'guest-1');
    const first = startRun(file, out1);
    await until(
      'the host cell of round 1',
      () => /\] host hackbench \S+ run 1\/2 /.test(first.stderr()),
      600_000,
    );
    const runId = Results.parse(JSON.parse(readFileSync(join(out1, 'results.json'), 'utf8'))).run.id;
    await until(
      "the guest's hackbench cell in flight",
      () => labelled(runId).some((p) => /avb-target/.test(p.cmd) && /hackbench/.test(p.cmd)),
      60_000,
    );
    first.kill();
    expect(await first.exited).toBeNull();
    const left = labelled(runId);
    expect(left.map((p) => p.cmd).join('\n')).toMatch(/qemu-system-\S+ /);
    const record = JSON.parse(readFileSync(`/var/tmp/arm-virt-bench/runs/${runId}/run.json`, 'utf8')) as {
      made?: { tap: string }[];
    };
    const tap = record.made?.[0]?.tap;
    expect(tap).toMatch(/^avbt-/);
    expect(readdirSync('/sys/class/net')).toContain(tap);

    const out2 = join(dir, 'guest-2');
    const second = startRun(file, out2);
    const code = await second.exited;
    const results = Results.parse(JSON.parse(readFileSync(join(out2, 'results.json'), 'utf8')));
    expect(results.failures, second.stderr()).toEqual([]);
    expect(code, second.stderr()).toBe(0);
    expect(second.stderr()).toMatch(
      new RegExp(`leftovers on board kill-guest: run ${runId} .*: killed process \\d+ \\(qemu-system-`),
    );
    expect(second.stderr()).toMatch(
      new RegExp(`leftovers on board kill-guest: run ${runId} .*: removed TAP ${tap}`),
    );
    expect(labelled(runId)).toEqual([]);
    expect(readdirSync('/sys/class/net')).not.toContain(tap);
    expect(labelled(results.run.id)).toEqual([]);
  });
});
