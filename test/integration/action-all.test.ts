/**
 * The bundled action in `phase: all` (measure → upload → report) with a tiny real benchmark
 * (hackbench on this machine), against test/helpers/github-server.ts, the local stand-in for
 * GitHub's REST API and artifact service. Also: a fork's PR runs no benchmark at all; without
 * a config file the runner's own machine is measured with the embedded local default; on
 * GitHub Enterprise Server (where @actions/artifact refuses to work) the job still publishes.
 */
import { readdirSync, readFileSync, writeFileSync, mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitHubServer, runtimeToken } from '../helpers/github-server.js';
import { runAction } from '../helpers/run-action.js';

const OWNER = 'lab';
const REPO = 'bsp';
const TOKEN = 'ghs_standinworkflowtoken1111111111111111';
const HEAD = '3333333333333333333333333333333333333333';

const prEvent = (headRepo: string) => ({
  repository: { full_name: `${OWNER}/${REPO}`, default_branch: 'main' },
  pull_request: {
    number: 21,
    head: { sha: HEAD, ref: 'topic', repo: { full_name: headRepo } },
    base: { ref: 'main' },
  },
});

function parentOf(pid: string): string | undefined {
  // /proc/PID/stat: "pid (comm) state ppid ..." — comm may hold spaces, so split after ')'.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1];
}

function descendsFrom(pid: string, ancestor: number): boolean {
  for (let p: string | undefined = pid, i = 0; p && p !== '0' && i < 64; p = parentOf(p), i++) {
    if (p === String(ancestor)) return true;
  }
  return false;
}

/**
 * Environments of the hackbench processes the action under test started (other work on this
 * machine may run hackbench too), read from /proc while the action runs.
 */
function watchHackbench(): { root: (pid: number) => void; stop: () => string[] } {
  const seen = new Map<string, string>();
  let root: number | undefined;
  const timer = setInterval(() => {
    if (root === undefined) return;
    for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
      if (seen.has(pid)) continue;
      try {
        const comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
        if (comm !== 'hackbench' || !descendsFrom(pid, root)) continue;
        seen.set(pid, readFileSync(`/proc/${pid}/environ`, 'utf8'));
      } catch {
        // gone already
      }
    }
  }, 3);
  return {
    root: (pid) => (root = pid),
    stop: () => {
      clearInterval(timer);
      return [...seen.values()];
    },
  };
}

const TINY_CONFIG = [
  'board: { name: ci-host }',
  'preset: test',
  'environments:',
  '  - kind: host',
  'suites:',
  '  hackbench: { loops: 1000, groups: [1] }',
  '  iozone: { enabled: false }',
  '  netperf: { enabled: false }',
  '  unixbench: { enabled: false }',
  '',
].join('\n');

describe('action, phase all', () => {
  const server = new GitHubServer({ owner: OWNER, repo: REPO, token: TOKEN });
  beforeAll(async () => {
    await server.start();
  });
  afterAll(() => server.stop());

  it('measures, uploads results + raw logs, publishes; a 403 on the comment loses neither summary nor artifact; no token reaches hackbench', async () => {
    server.addRun({
      id: 900,
      workflowFile: 'bench.yml',
      branch: 'topic',
      headSha: HEAD,
      event: 'pull_request',
      conclusion: null,
    });
    const workspace = mkdtempSync(join(tmpdir(), 'avb-ws-all-'));
    writeFileSync(
      join(workspace, 'bench.yml'),
      [
        'board: { name: ci-host }',
        'preset: test',
        'environments:',
        '  - kind: host',
        'suites:',
        '  hackbench: { loops: 1000, groups: [1] }',
        '  iozone: { enabled: false }',
        '  netperf: { enabled: false }',
        '  unixbench: { enabled: false }',
        '',
      ].join('\n'),
    );
    server.fail('POST', /\/issues\/21\/comments$/, 403, 1, {
      message: 'Resource not accessible by integration',
    });
    const watch = watchHackbench();
    const r = await runAction({
      server,
      runId: 900,
      workspace,
      eventName: 'pull_request',
      event: prEvent(`${OWNER}/${REPO}`),
      inputs: { config: 'bench.yml', 'github-token': TOKEN, baseline: 'none' },
      timeoutMs: 300_000,
      onSpawn: watch.root,
    });
    const environs = watch.stop();
    expect(r.code, r.stdout).toBe(0);
    expect(server.violations).toEqual([]);

    // Results and raw logs on disk, and in the uploaded artifact.
    const results = JSON.parse(readFileSync(r.outputs.results!, 'utf8')) as {
      samples: { metric: string }[];
      logs: { path: string }[];
    };
    expect(results.samples.filter((s) => s.metric === 'hackbench.time').length).toBeGreaterThanOrEqual(1);
    const artifact = server.artifacts.find((a) => a.runId === 900);
    expect(artifact).toMatchObject({ name: 'arm-virt-bench-ci-host', finalized: true });
    expect(r.outputs['artifact-id']).toBe(String(artifact!.id));
    const zipText = artifact!.blob!.toString('latin1');
    expect(zipText).toContain('results.json');
    for (const log of results.logs) expect(zipText).toContain(log.path);
    expect(results.logs.length).toBeGreaterThan(0);

    // The comment failed (403), the summary and the check did not.
    expect(r.stdout).toMatch(/::warning::could not publish the PR comment: HTTP 403/);
    expect(r.summary).toContain('No baseline: `baseline: none`.');
    expect(r.summary.length).toBeGreaterThan(200);
    expect(server.checkRuns.at(-1)).toMatchObject({ head_sha: HEAD, conclusion: 'success' });
    expect(existsSync(r.outputs.report!)).toBe(true);
    expect(r.outputs.verdict).toBe('no-baseline');

    // The benchmark processes never saw a credential.
    expect(environs.length, 'no hackbench process was observed').toBeGreaterThan(0);
    const rt = runtimeToken('run-backend-900', 'job-backend-900');
    for (const env of environs) {
      expect(env).not.toContain(TOKEN);
      expect(env).not.toContain(rt);
      expect(env).not.toMatch(/(^|\0)(INPUT_GITHUB-TOKEN|ACTIONS_RUNTIME_TOKEN|GITHUB_TOKEN)=/);
    }
  });

  it('a fork PR runs no benchmark, says why, and publishes nothing', async () => {
    server.addRun({
      id: 901,
      workflowFile: 'bench.yml',
      branch: 'topic',
      headSha: HEAD,
      event: 'pull_request',
      conclusion: null,
    });
    const before = server.requests.length;
    const watch = watchHackbench();
    const r = await runAction({
      server,
      runId: 901,
      eventName: 'pull_request',
      event: prEvent('stranger/bsp'),
      // The config does not even exist: nothing of the benchmark is touched.
      inputs: { config: 'missing.yml', 'github-token': TOKEN },
      onSpawn: watch.root,
    });
    expect(watch.stop()).toEqual([]);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(
      /::warning::arm-virt-bench ran no benchmark: pull request #21 comes from a fork/,
    );
    expect(r.summary).toContain('workflow_run');
    expect(r.outputs.verdict).toBe('skipped');
    expect(server.requests.slice(before)).toEqual([]);
    expect(server.artifacts.filter((a) => a.runId === 901)).toEqual([]);
  });

  it('no config file at the default path: measures this runner with the embedded local default, and says so', async () => {
    server.addRun({
      id: 910,
      workflowFile: 'bench.yml',
      branch: 'main',
      headSha: HEAD,
      event: 'push',
      conclusion: null,
    });
    const workspace = mkdtempSync(join(tmpdir(), 'avb-ws-noconfig-'));
    const r = await runAction({
      server,
      runId: 910,
      workspace,
      eventName: 'push',
      event: { repository: { full_name: `${OWNER}/${REPO}`, default_branch: 'main' }, after: HEAD },
      sha: HEAD,
      // No `config` input: the runner passes action.yml's default. Only the host, test preset: cheap.
      inputs: { 'github-token': TOKEN, environments: 'host', preset: 'test', baseline: 'none' },
      timeoutMs: 300_000,
    });
    expect(r.code, r.stdout).toBe(0);
    expect(server.violations).toEqual([]);
    const said =
      "No config file at `.github/arm-virt-bench.yml`: this run measured the runner's own machine with the embedded local default (host)";
    expect(r.stdout).toContain(said);
    expect(r.summary).toContain(said);
    const results = JSON.parse(readFileSync(r.outputs.results!, 'utf8')) as {
      board: { name: string };
      samples: { env: string; metric: string }[];
    };
    expect(results.board.name).toBe('local');
    // Really measured here: the host's hackbench, IOzone and netperf of the local default.
    const metrics = new Set(
      results.samples.filter((x) => x.env === 'host').map((x) => x.metric.split('.')[0]),
    );
    expect([...metrics].sort()).toEqual(['hackbench', 'iozone', 'netperf']);
    expect(server.artifacts.find((a) => a.runId === 910)).toMatchObject({
      name: 'arm-virt-bench-local-host',
      finalized: true,
    });
    expect(server.checkRuns.at(-1)).toMatchObject({ head_sha: HEAD, conclusion: 'success' });
  });

  it('a config path the user set that does not exist is an error naming the input, the path and the example', async () => {
    server.addRun({
      id: 911,
      workflowFile: 'bench.yml',
      branch: 'main',
      headSha: HEAD,
      event: 'push',
      conclusion: null,
    });
    const watch = watchHackbench();
    const r = await runAction({
      server,
      runId: 911,
      eventName: 'push',
      event: { repository: { full_name: `${OWNER}/${REPO}`, default_branch: 'main' } },
      inputs: { 'github-token': TOKEN, config: 'boards/rk3399.yml' },
      onSpawn: watch.root,
    });
    expect(watch.stop()).toEqual([]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /::error::input 'config': boards\/rk3399\.yml does not exist \(looked for .*\/boards\/rk3399\.yml\)\. Start from workflows-examples\/arm-virt-bench\.yml/,
    );
  });

  it('GitHub Enterprise Server: no artifacts there, yet the job measures, analyses and publishes, and says why nothing was uploaded', async () => {
    // A trusted baseline run exists, but its artifact cannot be downloaded on GHES either.
    server.addRun({
      id: 920,
      workflowFile: 'bench.yml',
      branch: 'main',
      headSha: 'a'.repeat(40),
      event: 'schedule',
      conclusion: 'success',
    });
    server.seedArtifact(920, 'arm-virt-bench-ci-host', { 'results.json': '{}' });
    server.addRun({
      id: 921,
      workflowFile: 'bench.yml',
      branch: 'topic',
      headSha: HEAD,
      event: 'pull_request',
      conclusion: null,
    });
    const workspace = mkdtempSync(join(tmpdir(), 'avb-ws-ghes-'));
    writeFileSync(join(workspace, 'bench.yml'), TINY_CONFIG);
    const checksBefore = server.checkRuns.length;
    const requestsBefore = server.requests.length;
    const r = await runAction({
      server,
      runId: 921,
      workspace,
      eventName: 'pull_request',
      event: prEvent(`${OWNER}/${REPO}`),
      inputs: { config: 'bench.yml', 'github-token': TOKEN },
      // @actions/artifact decides "GHES" from this host name alone; REST goes to GITHUB_API_URL.
      env: { GITHUB_SERVER_URL: 'http://ghes.lab.internal' },
      timeoutMs: 300_000,
    });
    expect(r.code, r.stdout).toBe(0);
    expect(server.violations).toEqual([]);
    expect(
      server.requests
        .slice(requestsBefore)
        .filter((q) => q.path.startsWith('/twirp/') || q.path.startsWith('/blob/')),
    ).toEqual([]);
    expect(server.artifacts.filter((a) => a.runId === 921)).toEqual([]);
    expect(r.stdout).toMatch(
      /::warning::artifacts are not available: .*GitHub Enterprise Server; the results stay in /,
    );
    expect(r.summary).toContain(
      'The results and raw logs could not be uploaded as an artifact — artifacts are not available',
    );
    expect(r.summary).toMatch(/No baseline yet: artifacts are not available: .*GitHub Enterprise Server/);
    // The report itself is there, and published as a comment and a check run.
    expect(r.summary).toMatch(/hackbench/);
    expect(server.comments.filter((c) => c.issue === 21).at(-1)?.body).toContain(
      'could not be uploaded as an artifact',
    );
    expect(server.checkRuns.length).toBe(checksBefore + 1);
    expect(server.checkRuns.at(-1)).toMatchObject({ head_sha: HEAD, conclusion: 'success' });
    expect(r.outputs.verdict).toBe('no-baseline');
    expect(existsSync(r.outputs.results!)).toBe(true);
  });
});
