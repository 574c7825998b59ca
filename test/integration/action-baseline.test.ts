/**
 * Which past run the bundled action (Node 24, as the runner runs it) takes as its baseline, and
 * what it refuses to download or extract — against test/helpers/github-server.ts, the local
 * stand-in for GitHub's REST API (runs listed and filtered as GitHub does: `branch` matches a
 * run's head branch in whatever repository it lives) and the artifact service. `phase: report`
 * with prepared artifacts: no benchmark runs here.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitHubServer, makeZip } from '../helpers/github-server.js';
import { artifactFiles, makeResults } from '../helpers/results-factory.js';
import { runAction, type RunOptions } from '../helpers/run-action.js';

const OWNER = 'lab';
const REPO = 'bsp';
const TOKEN = 'ghs_standinworkflowtoken2222222222222222';
const PR_HEAD = '4444444444444444444444444444444444444444';
const MiB = 1024 * 1024;

const prEvent = {
  action: 'synchronize',
  number: 7,
  repository: { full_name: `${OWNER}/${REPO}`, default_branch: 'main' },
  pull_request: {
    number: 7,
    head: { sha: PR_HEAD, ref: 'topic', repo: { full_name: `${OWNER}/${REPO}` } },
    base: { ref: 'main', repo: { full_name: `${OWNER}/${REPO}` } },
  },
};

/** Results whose KVM is 60% slower than the trusted baseline's: chosen as a baseline, they would hide or invent regressions. */
const poisoned = (runId: string) =>
  artifactFiles(makeResults({ board: 'rk3399-a', runId, means: { host: 0.5, kvm: 0.9 } }));

describe('baseline: auto takes only a trusted run', () => {
  const server = new GitHubServer({ owner: OWNER, repo: REPO, token: TOKEN });
  const base = (runId: number, workflowFile: string, extra: Partial<RunOptions> = {}): RunOptions => ({
    server,
    runId,
    workflowFile,
    eventName: 'pull_request',
    event: prEvent,
    ref: 'refs/pull/7/merge',
    inputs: { phase: 'report', 'github-token': TOKEN, comment: 'false' },
    ...extra,
  });
  /** The current PR run of `workflowFile`, with the results of board rk3399-a. */
  const prRun = (id: number, workflowFile: string) => {
    server.addRun({
      id,
      workflowFile,
      branch: 'topic',
      headSha: PR_HEAD,
      event: 'pull_request',
      conclusion: null,
    });
    server.seedArtifact(id, 'arm-virt-bench-rk3399-a', artifactFiles(makeResults({ runId: `pr-${id}` })));
  };
  /** Every artifact download (REST redirect or blob) the action made, by artifact id. */
  const downloadedIds = () =>
    server.requests
      .filter((q) => /\/actions\/artifacts\/\d+\/zip$|^\/blob\/download\/\d+$/.test(q.path))
      .map((q) => Number(/(\d+)(?:\/zip)?$/.exec(q.path)![1]));

  beforeAll(() => server.start());
  afterAll(() => server.stop());

  it('the decoys (fork PR from a branch named main, newer failed nightly, another workflow, feature-branch push) are never chosen nor downloaded', async () => {
    // The trusted run: last night's schedule on main, of bench.yml, in this repository.
    server.addRun({
      id: 100,
      workflowFile: 'bench.yml',
      branch: 'main',
      headSha: 'a'.repeat(40),
      event: 'schedule',
      conclusion: 'success',
    });
    server.seedArtifact(100, 'arm-virt-bench-rk3399-a', artifactFiles(makeResults({ runId: 'trusted' })));
    // Decoys, all newer than the trusted run, all with results artifacts.
    const decoys = [
      server.addRun({
        id: 101,
        workflowFile: 'bench.yml',
        branch: 'main',
        headSha: 'b'.repeat(40),
        event: 'pull_request',
        conclusion: 'success',
        headRepository: 'stranger/bsp',
      }),
      server.addRun({
        id: 102,
        workflowFile: 'bench.yml',
        branch: 'main',
        headSha: 'c'.repeat(40),
        event: 'schedule',
        conclusion: 'failure',
      }),
      server.addRun({
        id: 103,
        workflowFile: 'other.yml',
        branch: 'main',
        headSha: 'd'.repeat(40),
        event: 'push',
        conclusion: 'success',
      }),
      server.addRun({
        id: 104,
        workflowFile: 'bench.yml',
        branch: 'feature',
        headSha: 'e'.repeat(40),
        event: 'push',
        conclusion: 'success',
      }),
    ];
    const decoyArtifacts = decoys.map(
      (r) => server.seedArtifact(r.id, 'arm-virt-bench-rk3399-a', poisoned(`decoy-${r.id}`)).id,
    );
    prRun(600, 'bench.yml');

    const r = await runAction(base(600, 'bench.yml'));
    expect(r.code, r.stdout).toBe(0);
    expect(server.violations).toEqual([]);
    expect(r.outputs['baseline-run-id']).toBe('100');
    expect(r.summary).toContain('Baseline: run 100 on main (aaaaaaa)');
    expect(r.outputs.verdict).toBe('pass');
    for (const id of decoyArtifacts) expect(downloadedIds()).not.toContain(id);
    // GitHub's own filters were asked for (one query per trusted event), not trusted alone.
    const queries = server.requestsTo('GET', /\/actions\/workflows\/bench\.yml\/runs$/);
    expect(queries.length).toBe(3);
  });

  it('with only decoys there is no baseline, said plainly', async () => {
    // A workflow whose only runs are a fork PR named main and a failed nightly.
    server.addRun({
      id: 201,
      workflowFile: 'lonely.yml',
      branch: 'main',
      headSha: 'b'.repeat(40),
      event: 'pull_request',
      conclusion: 'success',
      headRepository: 'stranger/bsp',
    });
    server.addRun({
      id: 202,
      workflowFile: 'lonely.yml',
      branch: 'main',
      headSha: 'c'.repeat(40),
      event: 'schedule',
      conclusion: 'failure',
    });
    server.addRun({
      id: 203,
      workflowFile: 'lonely.yml',
      branch: 'feature',
      headSha: 'e'.repeat(40),
      event: 'push',
      conclusion: 'success',
    });
    const ids = [201, 202, 203].map(
      (id) => server.seedArtifact(id, 'arm-virt-bench-rk3399-a', poisoned(`lonely-${id}`)).id,
    );
    prRun(610, 'lonely.yml');
    const before = downloadedIds().length;
    const r = await runAction(base(610, 'lonely.yml'));
    expect(r.code, r.stdout).toBe(0);
    expect(r.summary).toContain(
      'No baseline yet: no trusted run of lonely.yml on main so far (a successful push, schedule or workflow_dispatch run of this repository).',
    );
    expect(r.outputs.verdict).toBe('no-baseline');
    expect(r.outputs['baseline-run-id']).toBeUndefined();
    for (const id of ids) expect(downloadedIds().slice(before)).not.toContain(id);
  });

  it('an artifact over the size limit is not downloaded at all', async () => {
    server.addRun({
      id: 300,
      workflowFile: 'huge.yml',
      branch: 'main',
      headSha: 'a'.repeat(40),
      event: 'push',
      conclusion: 'success',
    });
    // The listed size is the blob's: 513 MiB of bytes (never meant to be read).
    const huge = server.seedArtifact(300, 'arm-virt-bench-rk3399-a', {}, { blob: Buffer.alloc(513 * MiB) });
    prRun(620, 'huge.yml');
    const r = await runAction(base(620, 'huge.yml'));
    expect(r.code, r.stdout).toBe(0);
    expect(r.summary).toMatch(
      /No baseline yet: the results of run 300 could not be used \(arm-virt-bench-rk3399-a: arm-virt-bench-rk3399-a is 513 MiB, over the 512 MiB limit for a results artifact: not downloaded\)/,
    );
    expect(downloadedIds()).not.toContain(huge.id);
    huge.blob = Buffer.alloc(0); // free the memory
  });

  it('an artifact with a file over the limit (a deflated bomb) is downloaded but nothing of it is extracted', async () => {
    server.addRun({
      id: 400,
      workflowFile: 'bomb.yml',
      branch: 'main',
      headSha: 'a'.repeat(40),
      event: 'workflow_dispatch',
      conclusion: 'success',
    });
    const bomb = server.seedArtifact(
      400,
      'arm-virt-bench-rk3399-a',
      {
        ...artifactFiles(makeResults({ runId: 'bomb' })),
        'logs/host/hackbench.log': Buffer.alloc(300 * MiB),
      },
      { deflate: true },
    );
    expect(bomb.size).toBeLessThan(2 * MiB);
    prRun(630, 'bomb.yml');
    const r = await runAction(base(630, 'bomb.yml'));
    expect(r.code, r.stdout).toBe(0);
    expect(r.summary).toMatch(
      /No baseline yet: the results of run 400 could not be used \(arm-virt-bench-rk3399-a: arm-virt-bench-rk3399-a: logs\/host\/hackbench\.log is 300 MiB uncompressed, over the 256 MiB limit per file: not extracted\)/,
    );
    expect(downloadedIds()).toContain(bomb.id);
    const dir = join(r.workspace, 'arm-virt-bench-results', 'baseline', 'run-400');
    const written = existsSync(dir) ? readdirSync(dir, { recursive: true }) : [];
    expect(written).toEqual([]);
  });

  it('a current results artifact over the limits is refused with a warning; the others are reported', async () => {
    server.addRun({
      id: 640,
      workflowFile: 'bench.yml',
      branch: 'topic',
      headSha: PR_HEAD,
      event: 'pull_request',
      conclusion: null,
    });
    server.seedArtifact(640, 'arm-virt-bench-rk3399-a', artifactFiles(makeResults({ runId: 'fine' })));
    server.seedArtifact(
      640,
      'arm-virt-bench-rk3399-b',
      {},
      {
        blob: makeZip(
          { 'results.json': '{}' },
          { deflate: true, declaredSizes: { 'results.json': 400 * MiB } },
        ),
      },
    );
    const r = await runAction(base(640, 'bench.yml'));
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(
      /::warning::artifact arm-virt-bench-rk3399-b: arm-virt-bench-rk3399-b: results\.json is 400 MiB uncompressed, over the 256 MiB limit per file: not extracted/,
    );
    expect(r.outputs.results).toBe('fine');
  });
});
