import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readContext } from '../../../src/github/context.js';
import { forkGuard } from '../../../src/github/fork-guard.js';
import { captureSecrets, maskValue, withArtifactCredentials } from '../../../src/github/secrets.js';

function env(event: object, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const dir = mkdtempSync(join(tmpdir(), 'avb-ctx-'));
  writeFileSync(join(dir, 'event.json'), JSON.stringify(event));
  return {
    GITHUB_REPOSITORY: 'lab/bsp',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_RUN_ID: '42',
    GITHUB_SHA: 'merge',
    GITHUB_WORKFLOW_REF: 'lab/bsp/.github/workflows/bench.yml@refs/pull/3/merge',
    ...extra,
  };
}
const pr = (headRepo: string | null) => ({
  repository: { full_name: 'lab/bsp', default_branch: 'main' },
  pull_request: {
    number: 3,
    head: { sha: 'headsha', repo: headRepo === null ? null : { full_name: headRepo } },
    base: { ref: 'main' },
  },
});

describe('context', () => {
  it('a PR: head sha (not the merge sha), PR number, workflow file, default branch', () => {
    const c = readContext(env(pr('lab/bsp')));
    expect(c).toMatchObject({
      headSha: 'headsha',
      pullNumber: 3,
      fromFork: false,
      workflowFile: 'bench.yml',
      defaultBranch: 'main',
      sourceRunId: 42,
    });
  });

  it('a fork PR (or one whose fork was deleted) is from a fork', () => {
    expect(readContext(env(pr('stranger/bsp'))).fromFork).toBe(true);
    expect(readContext(env(pr(null))).fromFork).toBe(true);
  });

  it('workflow_run: reports on the triggering run and its head commit', () => {
    const c = readContext(
      env(
        {
          repository: { full_name: 'lab/bsp', default_branch: 'main' },
          workflow_run: { id: 7, workflow_id: 9, head_sha: 'abc', pull_requests: [{ number: 5 }] },
        },
        { GITHUB_EVENT_NAME: 'workflow_run' },
      ),
    );
    expect(c).toMatchObject({ sourceRunId: 7, headSha: 'abc', pullNumber: 5, fromFork: false });
  });

  it('a malformed payload or a missing variable is a clear error', () => {
    expect(() => readContext(env({ pull_request: { number: 'x' } }))).toThrow(
      /GITHUB_EVENT_PATH .*pull_request/,
    );
    expect(() => readContext({})).toThrow('GITHUB_REPOSITORY is not set');
  });
});

describe('fork guard', () => {
  it('refuses a fork PR unless allow-fork, and points at the workflow_run pattern', () => {
    const fork = readContext(env(pr('stranger/bsp')));
    const d = forkGuard(fork, false);
    expect(d.allowed).toBe(false);
    expect(d.reason).toMatch(/ran no benchmark: pull request #3 comes from a fork/);
    expect(d.reason).toContain('workflow_run');
    expect(d.reason).toContain('workflows-examples/fork-safe-report.yml');
    expect(forkGuard(fork, true).allowed).toBe(true);
    expect(forkGuard(readContext(env(pr('lab/bsp'))), false).allowed).toBe(true);
  });
});

describe('secrets', () => {
  it('masks the token, runtime token and keys, and removes credentials from the environment', () => {
    const masked: string[] = [];
    const key =
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----';
    const e: NodeJS.ProcessEnv = {
      'INPUT_GITHUB-TOKEN': 'ghs_x',
      ACTIONS_RUNTIME_TOKEN: 'jwt',
      ACTIONS_RESULTS_URL: 'http://127.0.0.1:1/',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc',
      BOARD_SSH_KEY: key,
      PATH: '/bin',
    };
    const s = captureSecrets('ghs_x', e, (v) => masked.push(v));
    expect(s).toEqual({ token: 'ghs_x', runtimeToken: 'jwt', resultsUrl: 'http://127.0.0.1:1/' });
    expect(Object.keys(e).sort()).toEqual(['ACTIONS_RESULTS_URL', 'BOARD_SSH_KEY', 'PATH']);
    expect(masked).toEqual(expect.arrayContaining(['ghs_x', 'jwt', 'oidc', key, 'b3BlbnNzaC1rZXktdjEAAAAA']));
  });

  it('puts the runtime token back only around artifact calls', async () => {
    const e: NodeJS.ProcessEnv = {};
    const inside = await withArtifactCredentials(
      { token: 't', runtimeToken: 'jwt', resultsUrl: 'u' },
      async () => e.ACTIONS_RUNTIME_TOKEN,
      e,
    );
    expect(inside).toBe('jwt');
    expect(e.ACTIONS_RUNTIME_TOKEN).toBeUndefined();
  });

  it('maskValue ignores empty values', () => {
    const f = vi.fn();
    maskValue('', f);
    maskValue(undefined, f);
    expect(f).not.toHaveBeenCalled();
  });
});
