/**
 * The bundled action in `phase: all` (measure → upload → report) with a tiny real benchmark
 * (hackbench on this machine), against test/helpers/github-server.ts, the local stand-in for
 * GitHub's REST API and artifact service. Also: a fork's PR runs no benchmark at all.
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
        '  hackbench: { loops: 4000, groups: [1] }',
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
});
