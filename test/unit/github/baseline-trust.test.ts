/**
 * The rule a run must pass to be a baseline, on the fields the REST API reports. The API's own
 * filters (branch, event, status) are asked for too, but the rule is checked on every run
 * returned: GitHub's `branch` filter matches a fork's branch of the same name.
 */
import { describe, expect, it } from 'vitest';
import { untrustedBecause, type RunFacts, type TrustRule } from '../../../src/github/baseline.js';
import { nothingCollected } from '../../../src/github/verdict.js';

const rule: TrustRule = { repository: 'lab/bsp', workflow: 4242, defaultBranch: 'main' };
const trusted: RunFacts = {
  id: 1,
  workflow_id: 4242,
  path: '.github/workflows/bench.yml',
  head_branch: 'main',
  head_sha: 'a'.repeat(40),
  event: 'schedule',
  status: 'completed',
  conclusion: 'success',
  head_repository: { full_name: 'lab/bsp' },
  html_url: 'x',
  created_at: '2026-01-01T00:00:00Z',
};

describe('baseline trust', () => {
  it('a successful push, schedule or workflow_dispatch run of this workflow on main in this repository is trusted', () => {
    for (const event of ['push', 'schedule', 'workflow_dispatch'])
      expect(untrustedBecause({ ...trusted, event }, rule)).toBeUndefined();
    expect(untrustedBecause(trusted, { ...rule, workflow: 'bench.yml' })).toBeUndefined();
  });

  it.each([
    [
      'a fork PR whose head branch is main',
      { event: 'pull_request', head_repository: { full_name: 'stranger/bsp' } },
      /head repository stranger\/bsp/,
    ],
    [
      'a push whose head lives in a fork',
      { head_repository: { full_name: 'stranger/bsp' } },
      /head repository stranger\/bsp/,
    ],
    ['a run whose head repository was deleted', { head_repository: null }, /head repository \(deleted\)/],
    ['a PR from a branch of this repository named main', { event: 'pull_request' }, /event pull_request/],
    ['pull_request_target', { event: 'pull_request_target' }, /event pull_request_target/],
    ['workflow_run', { event: 'workflow_run' }, /event workflow_run/],
    ['a failed nightly', { conclusion: 'failure' }, /conclusion failure/],
    ['a run still in progress', { status: 'in_progress', conclusion: null }, /conclusion in_progress/],
    ['another workflow', { workflow_id: 99 }, /another workflow/],
    ['a feature-branch push', { head_branch: 'feature' }, /branch feature/],
  ])('%s is not', (_name, change, why) => {
    expect(untrustedBecause({ ...trusted, ...change } as RunFacts, rule)).toMatch(why);
  });

  it('by file name, another workflow file is not the same workflow', () => {
    expect(
      untrustedBecause(
        { ...trusted, path: '.github/workflows/other.yml' },
        { ...rule, workflow: 'bench.yml' },
      ),
    ).toBe('another workflow');
  });
});

describe('nothing collected', () => {
  it('an unavailable artifact service is neutral and does not fail; nothing uploaded fails', () => {
    expect(nothingCollected('unavailable', 'GHES')).toMatchObject({
      conclusion: 'neutral',
      fail: false,
      verdict: 'skipped',
    });
    expect(nothingCollected('none', 'no artifact')).toMatchObject({ conclusion: 'failure', fail: true });
  });
});
