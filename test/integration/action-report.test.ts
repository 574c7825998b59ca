/**
 * The bundled action (dist/index.js, or $AVB_DIST_DIR/index.js) run by Node 24 as the runner runs
 * it, against test/helpers/github-server.ts — a local stand-in for GitHub's REST API and the
 * Actions artifact service (request bodies checked against @octokit/openapi and the service's
 * protobuf messages). `phase: report` with prepared results artifacts: no benchmark needed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitHubServer } from '../helpers/github-server.js';
import { artifactFiles, makeResults } from '../helpers/results-factory.js';
import { runAction, type RunOptions } from '../helpers/run-action.js';

const OWNER = 'lab';
const REPO = 'bsp';
const TOKEN = 'ghs_standinworkflowtoken0000000000000000';
const PR_HEAD = '1111111111111111111111111111111111111111';
const MERGE_SHA = '2222222222222222222222222222222222222222';

const prEvent = (number: number, headRepo = `${OWNER}/${REPO}`) => ({
  action: 'synchronize',
  number,
  repository: { full_name: `${OWNER}/${REPO}`, default_branch: 'main' },
  pull_request: {
    number,
    head: { sha: PR_HEAD, ref: 'topic', repo: { full_name: headRepo } },
    base: { ref: 'main', repo: { full_name: `${OWNER}/${REPO}` } },
  },
});

describe('action, phase report', () => {
  const server = new GitHubServer({ owner: OWNER, repo: REPO, token: TOKEN });
  const base = (runId: number, extra: Partial<RunOptions> = {}): RunOptions => ({
    server,
    runId,
    eventName: 'pull_request',
    event: prEvent(7),
    sha: MERGE_SHA,
    ref: 'refs/pull/7/merge',
    inputs: { phase: 'report', 'github-token': TOKEN },
    ...extra,
  });

  beforeAll(async () => {
    await server.start();
    // The baseline: a nightly run on main with the results of two boards.
    server.addRun({
      id: 500,
      workflowFile: 'bench.yml',
      branch: 'main',
      headSha: 'a'.repeat(40),
      event: 'schedule',
      conclusion: 'success',
    });
    for (const board of ['rk3399-a', 'rk3399-b']) {
      server.seedArtifact(
        500,
        `arm-virt-bench-${board}`,
        artifactFiles(makeResults({ board, runId: `base-${board}` })),
      );
    }
    // The PR run: a matrix of two boards uploaded their results (phase: run).
    server.addRun({
      id: 600,
      workflowFile: 'bench.yml',
      branch: 'topic',
      headSha: PR_HEAD,
      event: 'pull_request',
      conclusion: null,
    });
    for (const board of ['rk3399-a', 'rk3399-b']) {
      server.seedArtifact(
        600,
        `arm-virt-bench-${board}`,
        artifactFiles(makeResults({ board, runId: `pr-${board}` })),
      );
    }
  });
  afterAll(() => server.stop());

  it('first run: one sticky comment, one check run on the PR head, job summary and outputs', async () => {
    const r = await runAction(base(600));
    // Node 24 prints a DeprecationWarning for a dependency's Buffer(); nothing else may appear.
    expect(
      r.stderr.split('\n').filter((l) => l && !/DeprecationWarning|--trace-deprecation/.test(l)),
    ).toEqual([]);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('arm-virt-bench 0.1.0');
    expect(server.violations).toEqual([]);

    expect(server.comments).toHaveLength(1);
    const comment = server.comments[0]!;
    expect(comment.issue).toBe(7);
    expect(comment.body.startsWith('<!-- arm-virt-bench:sticky:arm-virt-bench -->\n')).toBe(true);
    expect(comment.body).toContain('rk3399-a');
    expect(comment.body).toContain('rk3399-b');
    expect(comment.body).toContain('Baseline: run 500 on main (aaaaaaa)');

    expect(server.checkRuns).toHaveLength(1);
    expect(server.checkRuns[0]).toMatchObject({
      name: 'arm-virt-bench',
      head_sha: PR_HEAD,
      status: 'completed',
      conclusion: 'success',
    });

    expect(r.summary).toContain('rk3399-a');
    expect(r.outputs.verdict).toBe('pass');
    expect(r.outputs.regressions).toBe('0');
    expect(r.outputs['baseline-run-id']).toBe('500');
    expect(r.outputs['comment-url']).toContain(`#issuecomment-${comment.id}`);
    expect(r.outputs.results!.split('\n')).toEqual(['pr-rk3399-a', 'pr-rk3399-b']);
    // The token never appears in the log, except in the runner's own ::add-mask:: command.
    expect(r.stdout.split('\n').filter((l) => l.includes(TOKEN) && !l.startsWith('::add-mask::'))).toEqual(
      [],
    );
  });

  it('a re-run with identical results writes no comment', async () => {
    const before = server.requests.length;
    const r = await runAction(base(600));
    expect(r.code, r.stdout).toBe(0);
    const writes = server.requests
      .slice(before)
      .filter((q) => q.method !== 'GET' && /\/issues\//.test(q.path));
    expect(writes).toEqual([]);
    expect(server.comments).toHaveLength(1);
    expect(r.stdout).toContain('PR comment unchanged');
  });

  it('a re-run with different results updates the same comment in place (no duplicate)', async () => {
    server.addRun({
      id: 601,
      workflowFile: 'bench.yml',
      branch: 'topic',
      headSha: PR_HEAD,
      event: 'pull_request',
      conclusion: null,
    });
    server.seedArtifact(
      601,
      'arm-virt-bench-rk3399-a',
      artifactFiles(makeResults({ board: 'rk3399-a', runId: 'pr2-a', means: { host: 0.5, kvm: 0.75 } })),
    );
    const id = server.comments[0]!.id;
    const before = server.requests.length;
    const r = await runAction(base(601));
    expect(server.violations).toEqual([]);
    expect(server.comments).toHaveLength(1);
    expect(server.comments[0]!.id).toBe(id);
    expect(server.requestsTo('PATCH', new RegExp(`/issues/comments/${id}$`)).length).toBeGreaterThan(0);
    expect(
      server.requests.slice(before).filter((q) => q.method === 'POST' && /\/comments$/.test(q.path)),
    ).toEqual([]);
    // kvm 50% slower than its baseline: a regression; fail-on: regression fails the step.
    expect(r.outputs.verdict).toMatch(/regression/);
    expect(Number(r.outputs.regressions)).toBeGreaterThan(0);
    expect(r.code).toBe(1);
    expect(server.checkRuns.at(-1)!.conclusion).toBe('failure');
  });

  it('fail-on: never reports the regression without failing (check neutral)', async () => {
    const r = await runAction(
      base(601, { inputs: { phase: 'report', 'github-token': TOKEN, 'fail-on': 'never' } }),
    );
    expect(r.code, r.stdout).toBe(0);
    expect(server.checkRuns.at(-1)!.conclusion).toBe('neutral');
  });

  it('a 502 then 200 is retried', async () => {
    server.fail('GET', /\/issues\/7\/comments$/, 502, 1);
    server.fail('POST', /\/check-runs$/, 502, 1);
    const checksBefore = server.checkRuns.length;
    const r = await runAction(base(600));
    expect(r.code, r.stdout).toBe(0);
    const lists = server
      .requestsTo('GET', /\/issues\/7\/comments$/)
      .slice(-2)
      .map((q) => q.status);
    expect(lists).toEqual([502, 200]);
    const creates = server
      .requestsTo('POST', /\/check-runs$/)
      .slice(-2)
      .map((q) => q.status);
    expect(creates).toEqual([502, 201]);
    expect(server.checkRuns.length).toBe(checksBefore + 1);
    expect(r.stdout).not.toMatch(/could not publish/);
  });

  it('a 403 on the comment and the check still leaves the job summary and the outputs', async () => {
    server.addRun({
      id: 602,
      workflowFile: 'bench.yml',
      branch: 'topic',
      headSha: PR_HEAD,
      event: 'pull_request',
      conclusion: null,
    });
    server.seedArtifact(
      602,
      'arm-virt-bench-rk3399-b',
      artifactFiles(makeResults({ board: 'rk3399-b', runId: 'pr3-b', means: { host: 0.5, kvm: 0.56 } })),
    );
    const forbidden = { message: 'Resource not accessible by integration', status: '403' };
    server.fail('PATCH', /\/issues\/comments\/\d+$/, 403, 1, forbidden);
    server.fail('POST', /\/check-runs$/, 403, 1, forbidden);
    const r = await runAction(base(602));
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/::warning::could not publish the PR comment: HTTP 403/);
    expect(r.stdout).toMatch(/::warning::could not publish the check run: HTTP 403/);
    expect(r.summary).toContain('rk3399-b');
    expect(r.outputs.verdict).toBe('pass');
    // 403 is not retried.
    expect(
      server.requestsTo('PATCH', /\/issues\/comments\/\d+$/).filter((q) => q.status === 403),
    ).toHaveLength(1);
  });

  it('no baseline yet: said plainly, overheads still reported', async () => {
    const r = await runAction(base(600, { workflowFile: 'other.yml' }));
    expect(r.code, r.stdout).toBe(0);
    expect(r.summary).toContain(
      'No baseline yet: no trusted run of other.yml on main so far (a successful push, schedule or workflow_dispatch run of this repository).',
    );
    expect(r.outputs.verdict).toBe('no-baseline');
  });

  it('an expired baseline artifact is "no baseline yet", with the reason', async () => {
    server.addRun({
      id: 700,
      workflowFile: 'expiring.yml',
      branch: 'main',
      headSha: 'c'.repeat(40),
      event: 'schedule',
      conclusion: 'success',
    });
    server.seedArtifact(700, 'arm-virt-bench-rk3399-a', artifactFiles(makeResults()), { expired: true });
    const r = await runAction(base(600, { workflowFile: 'expiring.yml' }));
    expect(r.code, r.stdout).toBe(0);
    expect(r.summary).toMatch(
      /No baseline yet: the results artifacts of the last successful runs on main have expired/,
    );
  });

  it('a baseline artifact that fails its digest check is not used', async () => {
    server.addRun({
      id: 710,
      workflowFile: 'tampered.yml',
      branch: 'main',
      headSha: 'd'.repeat(40),
      event: 'schedule',
      conclusion: 'success',
    });
    const a = server.seedArtifact(710, 'arm-virt-bench-rk3399-a', artifactFiles(makeResults()));
    a.digest = `sha256:${'0'.repeat(64)}`;
    const r = await runAction(base(600, { workflowFile: 'tampered.yml' }));
    expect(r.code, r.stdout).toBe(0);
    expect(r.summary).toMatch(/No baseline yet: .*failed its digest check/);
  });

  it('check annotations go out in requests of at most 50', async () => {
    server.addRun({
      id: 603,
      workflowFile: 'bench.yml',
      branch: 'topic',
      headSha: PR_HEAD,
      event: 'pull_request',
      conclusion: null,
    });
    const results = makeResults({ board: 'rk3399-a', runId: 'many-failures' });
    results.failures = Array.from({ length: 120 }, (_, i) => ({
      env: 'kvm',
      suite: 'hackbench' as const,
      params: { groups: i + 100 },
      round: 0,
      message: `timeout after 60 s (cell ${i})`,
      kind: 'timeout',
    }));
    server.seedArtifact(603, 'arm-virt-bench-rk3399-a', artifactFiles(results));
    const r = await runAction(
      base(603, { inputs: { phase: 'report', 'github-token': TOKEN, 'fail-on': 'never' } }),
    );
    expect(r.code, r.stdout).toBe(0);
    expect(server.violations).toEqual([]);
    const check = server.checkRuns.at(-1)!;
    expect(check.annotations.length).toBeGreaterThanOrEqual(120);
    expect(Math.max(...check.annotationBatches)).toBeLessThanOrEqual(50);
    expect(check.annotationBatches.length).toBe(Math.ceil(check.annotations.length / 50));
  });

  it('workflow_run: reports a fork PR only after pulls.get confirms the head commit', async () => {
    const forkRun = server.addRun({
      id: 800,
      workflowFile: 'bench.yml',
      branch: 'topic',
      headSha: PR_HEAD,
      event: 'pull_request',
      conclusion: 'success',
    });
    server.seedArtifact(
      800,
      'arm-virt-bench-rk3399-a',
      artifactFiles(makeResults({ runId: 'fork-run' }), {
        schema: 'arm-virt-bench/meta@1',
        event: 'pull_request',
        runId: 800,
        headSha: PR_HEAD,
        pullNumber: 9,
      }),
    );
    server.addPull({
      number: 9,
      headSha: PR_HEAD,
      headRepo: 'stranger/bsp',
      headRef: 'topic',
      baseRef: 'main',
    });
    server.addRun({
      id: 801,
      workflowFile: 'report.yml',
      branch: 'main',
      headSha: 'e'.repeat(40),
      event: 'workflow_run',
      conclusion: null,
    });
    const event = {
      action: 'completed',
      repository: { full_name: `${OWNER}/${REPO}`, default_branch: 'main' },
      workflow_run: {
        id: forkRun.id,
        workflow_id: forkRun.workflowId,
        head_sha: PR_HEAD,
        head_branch: 'topic',
        event: 'pull_request',
        conclusion: 'success',
        head_repository: { full_name: 'stranger/bsp' },
        pull_requests: [],
      },
    };
    const r = await runAction(
      base(801, { eventName: 'workflow_run', event, workflowFile: 'report.yml', ref: 'refs/heads/main' }),
    );
    expect(r.code, r.stdout).toBe(0);
    expect(server.violations).toEqual([]);
    expect(server.requestsTo('GET', /\/pulls\/9$/)).toHaveLength(1);
    expect(server.comments.filter((c) => c.issue === 9)).toHaveLength(1);
    expect(server.checkRuns.at(-1)!.head_sha).toBe(PR_HEAD);

    // A claimed PR whose head is another commit gets no comment.
    server.addPull({
      number: 10,
      headSha: '9'.repeat(40),
      headRepo: 'stranger/bsp',
      headRef: 'x',
      baseRef: 'main',
    });
    server.addRun({
      id: 802,
      workflowFile: 'bench.yml',
      branch: 'topic',
      headSha: PR_HEAD,
      event: 'pull_request',
      conclusion: 'success',
    });
    server.seedArtifact(
      802,
      'arm-virt-bench-rk3399-a',
      artifactFiles(makeResults({ runId: 'liar' }), {
        schema: 'arm-virt-bench/meta@1',
        event: 'pull_request',
        runId: 802,
        headSha: PR_HEAD,
        pullNumber: 10,
      }),
    );
    const r2 = await runAction(
      base(801, {
        eventName: 'workflow_run',
        event: { ...event, workflow_run: { ...event.workflow_run, id: 802 } },
        workflowFile: 'report.yml',
      }),
    );
    expect(r2.code, r2.stdout).toBe(0);
    expect(server.comments.filter((c) => c.issue === 10)).toHaveLength(0);
  });

  it('GitHub Enterprise Server: a summary and a neutral check run say why nothing could be collected', async () => {
    // @actions/artifact v2+ refuses GHES by the server URL's host name, before any request.
    const checksBefore = server.checkRuns.length;
    const twirpBefore = server.requests.filter((q) => q.path.startsWith('/twirp/')).length;
    const r = await runAction(base(600, { env: { GITHUB_SERVER_URL: 'http://ghes.lab.internal' } }));
    expect(r.code, r.stdout).toBe(0);
    expect(server.violations).toEqual([]);
    expect(server.requests.filter((q) => q.path.startsWith('/twirp/')).length).toBe(twirpBefore);
    expect(r.summary).toContain(
      '**Nothing to compare:** the results of run 600 could not be collected — artifacts are not available:',
    );
    expect(r.summary).toContain('does not work on GitHub Enterprise Server');
    expect(r.stdout).toMatch(/::warning::arm-virt-bench: nothing to compare: artifacts are not available/);
    expect(server.checkRuns.length).toBe(checksBefore + 1);
    const check = server.checkRuns.at(-1)!;
    expect(check).toMatchObject({ head_sha: PR_HEAD, conclusion: 'neutral' });
    expect(check.title).toMatch(/^Nothing to compare: artifacts are not available/);
    expect(check.summary).toContain('GitHub Enterprise Server');
    expect(r.outputs.verdict).toBe('skipped');
  });

  it('no results artifact under this artifact-name: a failing check and summary that say so', async () => {
    const r = await runAction(
      base(600, { inputs: { phase: 'report', 'github-token': TOKEN, 'artifact-name': 'nothing-here' } }),
    );
    expect(r.code).toBe(1);
    expect(r.summary).toContain('no results artifact named nothing-here-\\* in run 600');
    expect(server.checkRuns.at(-1)).toMatchObject({ conclusion: 'failure' });
    expect(r.stdout).toMatch(/::error::arm-virt-bench: no results artifact named nothing-here-\* in run 600/);
  });
});
