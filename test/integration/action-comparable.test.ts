/**
 * What the bundled action (dist/index.js, or $AVB_DIST_DIR/index.js, run by Node 24) does when
 * the baseline's fingerprint differs, against test/helpers/github-server.ts — the local
 * stand-in for GitHub's REST API and the artifact service. `phase: report` with prepared
 * (SYNTHETIC) results: a kernel-only difference is a change under test, compared and reported;
 * a CPU-model difference is a change of setup: nothing is compared, the verdict is
 * `incomparable`, the check neutral, and the summary and comment say why first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GitHubServer } from '../helpers/github-server.js';
import { artifactFiles, makeResults } from '../helpers/results-factory.js';
import { runAction, type RunOptions } from '../helpers/run-action.js';
import type { Results } from '../../src/results/schema.js';

const OWNER = 'lab';
const REPO = 'kernel';
const TOKEN = 'ghs_standinworkflowtoken0000000000000001';
const PR_HEAD = '3333333333333333333333333333333333333333';
const BOARD = 'rk3399-a';

function withFacts(r: Results, facts: Record<string, string>): Results {
  for (const e of r.environments) Object.assign(e.fingerprint, facts);
  return r;
}

describe('action: fingerprint differences against the baseline', () => {
  const server = new GitHubServer({ owner: OWNER, repo: REPO, token: TOKEN });
  const run = (runId: number, inputs: Record<string, string> = {}): RunOptions => ({
    server,
    runId,
    eventName: 'pull_request',
    event: {
      action: 'synchronize',
      number: 9,
      repository: { full_name: `${OWNER}/${REPO}`, default_branch: 'main' },
      pull_request: {
        number: 9,
        head: { sha: PR_HEAD, ref: 'topic', repo: { full_name: `${OWNER}/${REPO}` } },
        base: { ref: 'main', repo: { full_name: `${OWNER}/${REPO}` } },
      },
    },
    sha: '4'.repeat(40),
    ref: 'refs/pull/9/merge',
    inputs: { phase: 'report', 'github-token': TOKEN, ...inputs },
  });
  const pr = (id: number, facts: Record<string, string>) => {
    server.addRun({
      id,
      workflowFile: 'bench.yml',
      branch: 'topic',
      headSha: PR_HEAD,
      event: 'pull_request',
      conclusion: null,
    });
    server.seedArtifact(
      id,
      `arm-virt-bench-${BOARD}`,
      artifactFiles(withFacts(makeResults({ board: BOARD, runId: `pr-${id}` }), facts)),
    );
  };

  beforeAll(async () => {
    await server.start();
    server.addRun({
      id: 700,
      workflowFile: 'bench.yml',
      branch: 'main',
      headSha: 'b'.repeat(40),
      event: 'push',
      conclusion: 'success',
    });
    server.seedArtifact(
      700,
      `arm-virt-bench-${BOARD}`,
      artifactFiles(withFacts(makeResults({ board: BOARD, runId: 'base' }), { cpuModel: 'Cortex-A72' })),
    );
    pr(701, { kernel: '6.6.0-pr', cpuModel: 'Cortex-A72' });
    pr(702, { cpuModel: 'Cortex-A53' });
  });
  afterAll(() => server.stop());

  it('kernel only: compared, a pass, and the change is reported beside the verdicts', async () => {
    const r = await runAction(run(701));
    expect(r.code, r.stdout).toBe(0);
    expect(server.violations).toEqual([]);
    expect(r.outputs.verdict).toBe('pass');
    expect(server.checkRuns.at(-1)).toMatchObject({ conclusion: 'success' });
    expect(r.summary).toContain('No regression');
    expect(r.summary).toMatch(
      /This run's kernel differs from the baseline's \\?\(Host, KVM: 6\.1\.0 → 6\.6\.0-pr\\?\)/,
    );
  });

  it('expect-same: kernel turns the same difference into a neutral “incomparable”', async () => {
    const r = await runAction(run(701, { 'expect-same': 'kernel' }));
    expect(r.code, r.stdout).toBe(0);
    expect(r.outputs.verdict).toBe('incomparable');
    expect(server.checkRuns.at(-1)).toMatchObject({ conclusion: 'neutral' });
  });

  it('CPU model only: every cell incomparable, verdict incomparable, a neutral check, and the first line says why', async () => {
    const r = await runAction(run(702));
    expect(r.code, r.stdout).toBe(0);
    expect(server.violations).toEqual([]);
    expect(r.outputs.verdict).toBe('incomparable');
    expect(r.outputs.regressions).toBe('0');
    const check = server.checkRuns.at(-1)!;
    expect(check.conclusion).toBe('neutral');
    expect(check.title).toMatch(
      /^Nothing could be compared with the baseline: the setup changed \(cpuModel on host: Cortex-A72 → Cortex-A53/,
    );
    const firstLine = (text: string) =>
      text.split('\n').find((l) => l.trim() !== '' && !l.startsWith('<!--'))!;
    expect(firstLine(r.summary)).toMatch(
      /^\*\*⚠️ Nothing could be compared with the baseline: the setup changed/,
    );
    const comment = server.comments.at(-1)!;
    expect(firstLine(comment.body)).toMatch(/^\*\*⚠️ Nothing could be compared with the baseline/);
    expect(r.summary).not.toContain('No regression');
  });

  it('expect-change: cpuModel compares the same CPU-model difference on purpose (a board upgrade): a pass, and the note says it was declared', async () => {
    const r = await runAction(run(702, { 'expect-change': 'cpuModel' }));
    expect(r.code, r.stdout).toBe(0);
    expect(server.violations).toEqual([]);
    expect(r.outputs.verdict).toBe('pass');
    expect(server.checkRuns.at(-1)).toMatchObject({ conclusion: 'success' });
    expect(r.summary).toMatch(
      /This run's cpuModel differs from the baseline's .*Cortex-A72 → Cortex-A53.* a setup change declared expected/,
    );
    expect(r.summary).not.toContain('Nothing could be compared');
  });
});
