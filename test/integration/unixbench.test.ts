/**
 * byte-UnixBench for real (the pinned commit that scripts/setup.sh verified and built into
 * $AVB_CACHE/unixbench/986b674a1e50, from AVB_UNIXBENCH_SOURCE in CI):
 *  - the main job's embedded default on this machine (the same code as `node dist/cli.js
 *    run`, trimmed to two 10-second tests and one round): UnixBench samples in the host, the
 *    container and the TCG guest, and all three fingerprints show the same CPUs and memory;
 *  - the `paper` preset's UnixBench cells, one test and one round;
 *  - the engine building the tree on a board from a source on the controller: a real
 *    OpenSSH server on 127.0.0.1 stands in for the board; and a git source (a local
 *    repository stands in for the git server the environment names).
 * A missing tree, dockerd, QEMU or sshd fails these tests. ~3 minutes.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.js';
import { parseConfig } from '../../src/config/load.js';
import type { Config } from '../../src/config/schema.js';
import { localDefaultConfig } from '../../src/engine/local-default.js';
import { silentReporter } from '../../src/engine/reporter.js';
import { runBench } from '../../src/engine/run.js';
import { stageSource } from '../../src/engine/unixbench.js';
import { DEFAULT_CACHE, defaultTreePath, UNIXBENCH_COMMIT } from '../../src/suites/unixbench/source.js';
import { LocalTransport } from '../../src/transport/local.js';
import { startSshd, type Sshd } from '../helpers/sshd.js';

const cache = process.env.AVB_CACHE ?? DEFAULT_CACHE;
const tree = defaultTreePath(UNIXBENCH_COMMIT, cache);
const source = join(tree, '..', 'source', 'UnixBench');
const dirs: string[] = [];
const tmp = (name: string): string => {
  const d = mkdtempSync(join(tmpdir(), `avb-ub-${name}-`));
  dirs.push(d);
  return d;
};

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const metricsOf = (r: { samples: { env: string; metric: string }[] }, env: string): Set<string> =>
  new Set(r.samples.filter((s) => s.env === env).map((s) => s.metric));

describe('UnixBench through the embedded default (host, docker, TCG guest)', () => {
  it('measures dhry2reg and syscall in every environment, which all got the same CPUs and memory', async () => {
    expect(existsSync(join(tree, 'pgms', 'dhry2reg')), `no built tree at ${tree}: run scripts/setup.sh`).toBe(
      true,
    );
    const d = await localDefaultConfig(new LocalTransport());
    expect(d.skipped).toEqual([]);
    expect(d.notes.join('\n')).not.toContain('unixbench: off');
    expect(d.config.suites.unixbench).toEqual({
      path: tree,
      tests: ['dhry2reg', 'whetstone-double', 'pipe', 'context1', 'syscall'],
    });
    // The main job's config, trimmed for CI: two 10-second tests, one round, no I/O suites.
    const config: Config = {
      ...d.config,
      runs: 1,
      suites: {
        ...d.config.suites,
        unixbench: { ...d.config.suites.unixbench, tests: ['dhry2reg', 'syscall'] },
        iozone: { enabled: false },
        netperf: { enabled: false },
      },
    };
    const out = tmp('default');
    const results = await runBench(config, { outDir: out, reporter: silentReporter, reports: false });
    expect(results.failures).toEqual([]);
    for (const env of ['host', 'docker', 'kvm']) {
      const m = metricsOf(results, env);
      expect(m.has('unixbench.dhry2reg') && m.has('unixbench.syscall'), `${env}: ${[...m].join(', ')}`).toBe(
        true,
      );
    }
    // What each really got, read from inside: 1 CPU (the same one), ~1 GiB.
    const fps = Object.fromEntries(results.environments.map((e) => [e.id, e.fingerprint]));
    const cpus = ['host', 'docker', 'kvm'].map((e) => fps[e]!.cpusAvailable);
    expect(cpus).toEqual([1, 1, 1]);
    expect(new Set(['host', 'docker', 'kvm'].map((e) => fps[e]!.cpuList)).size).toBe(1);
    const mem = ['host', 'docker', 'kvm'].map((e) => fps[e]!.memoryLimitBytes!);
    expect(Math.max(...mem) / Math.min(...mem), JSON.stringify(mem)).toBeLessThanOrEqual(1.1);
    expect(results.run.resources).toMatchObject({ cpus: 1, memoryBytes: 2 ** 30, allowUnequal: false });
    // So no overhead is marked "unequal resources".
    const a = analyze(results, { bootstrap: 0 });
    expect(a.overheads.filter((o) => o.suite === 'unixbench').length).toBeGreaterThanOrEqual(4);
    expect(a.overheads.filter((o) => o.verdict === 'incomparable')).toEqual([]);
  });
});

describe('the paper preset', () => {
  it('runs its UnixBench cells through the same code (one test, one round)', async () => {
    const out = tmp('paper');
    const config = parseConfig({
      preset: 'paper',
      runs: 1,
      environments: [{ kind: 'host' }],
      suites: {
        hackbench: { enabled: false },
        iozone: { enabled: false },
        netperf: { enabled: false },
        unixbench: { path: tree, tests: ['dhry2reg'] },
      },
    });
    const results = await runBench(config, { outDir: out, reporter: silentReporter, reports: false });
    expect(results.failures).toEqual([]);
    expect(results.run.preset).toBe('paper');
    const dhry = results.samples.find((s) => s.metric === 'unixbench.dhry2reg')!;
    expect(dhry).toMatchObject({
      env: 'host',
      params: { copies: 1 },
      unit: 'lps',
      better: 'higher',
      round: 0,
    });
    expect(dhry.value).toBeGreaterThan(0);
    expect(results.samples.some((s) => s.metric === 'unixbench.index.dhry2reg')).toBe(true);
  });
});

describe('the engine builds the tree on a board from a source on the controller', () => {
  let sshd: Sshd;
  afterAll(async () => {
    await sshd?.stop();
  });

  it('copies, builds and runs it over SSH, and never builds over an existing folder', async () => {
    expect(existsSync(join(source, 'Run')), `no pristine source at ${source}: run scripts/setup.sh`).toBe(
      true,
    );
    sshd = await startSshd();
    const boardDir = tmp('board');
    const path = join(boardDir, 'byte-unixbench', 'UnixBench');
    const config = (p: string) =>
      parseConfig({
        board: {
          name: 'stand-in',
          connection: {
            type: 'ssh',
            host: sshd.host,
            port: sshd.port,
            user: sshd.user,
            identityFile: sshd.clientKey,
            knownHosts: sshd.knownHosts,
          },
        },
        preset: 'test',
        runs: 1,
        environments: [{ kind: 'host' }],
        suites: {
          hackbench: { enabled: false },
          iozone: { enabled: false },
          netperf: { enabled: false },
          unixbench: { enabled: true, source, path: p, tests: ['syscall'] },
        },
      });
    const out = tmp('built');
    const results = await runBench(config(path), { outDir: out, reporter: silentReporter, reports: false });
    expect(results.failures).toEqual([]);
    expect(results.samples.some((s) => s.metric === 'unixbench.syscall')).toBe(true);
    expect(existsSync(join(path, 'pgms', 'dhry2reg'))).toBe(true);
    expect(results.logs.map((l) => l.ref)).toContain('board/unixbench/build');

    // A folder that is there but holds no built tree is left alone, and the reason given.
    const taken = join(boardDir, 'taken');
    mkdirSync(taken);
    const r2 = await runBench(config(taken), {
      outDir: tmp('taken'),
      reporter: silentReporter,
      reports: false,
    });
    expect(r2.samples).toEqual([]);
    expect(r2.failures[0]!.message).toBe(
      `unixbench: ${taken} exists on ${`ssh ${sshd.user}@${sshd.host}:${sshd.port}`} but holds no built tree (Run, pgms/dhry2reg, tmp/): remove it, or point suites.unixbench.path at a built tree`,
    );
    expect(r2.failures[0]!.kind).toBe('setup');
  });

  it('takes a git clone of the commit from the server the environment names', async () => {
    // A local repository stands in for the git server (GITHUB_SERVER_URL in Actions).
    const repo = tmp('git');
    cpSync(source, join(repo, 'UnixBench'), { recursive: true });
    const git = (...args: string[]) =>
      execFileSync('git', ['-C', repo, '-c', 'user.name=t', '-c', 'user.email=t@t', ...args], {
        encoding: 'utf8',
      });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'byte-unixbench stand-in');
    const commit = git('rev-parse', 'HEAD').trim();
    const work = tmp('stage');
    const cacheDir = tmp('cache');
    const staged = await stageSource({ commit }, work, {
      env: { AVB_UNIXBENCH_GIT: repo },
      cacheDir,
      info: () => undefined,
    });
    expect(staged).toBe(join(cacheDir, 'unixbench', `git-${commit.slice(0, 12)}`, 'UnixBench'));
    expect(existsSync(join(staged, 'Run'))).toBe(true);
    await expect(
      stageSource({ commit: '0'.repeat(40) }, work, {
        env: { AVB_UNIXBENCH_GIT: repo },
        cacheDir,
        info: () => undefined,
      }),
    ).rejects.toThrow(/git (fetch|checkout)/);
  });
});
