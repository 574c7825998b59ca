/**
 * The bundled action deploys a PR's build from the workspace to the board and says so: a push
 * on main measures the board's known-good (the baseline), then a PR run (phase: all, baseline
 * auto) copies the PR's files to the under-test slot over SSH, checks them there, runs the
 * deploy command, measures, and its comment's first line names the deployed commit and the
 * known-good run it was compared against. GitHub is test/helpers/github-server.ts (the REST API
 * and artifact service the real Octokit and @actions/artifact clients speak to); the board is a
 * real OpenSSH server on 127.0.0.1 (test/helpers/sshd.ts) in front of this machine, whose slot
 * folders and lock live in a temporary folder of this test. No reboot happens here: the trial
 * boots of an under-test kernel are test/integration/board-e2e.test.ts's.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Results } from '../../src/results/schema.js';
import { GitHubServer } from '../helpers/github-server.js';
import { runAction } from '../helpers/run-action.js';
import { startSshd, type Sshd } from '../helpers/sshd.js';

const OWNER = 'lab';
const REPO = 'bsp';
const TOKEN = 'ghs_standinworkflowtoken2222222222222222';
const MAIN = 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1';
const HEAD = 'd4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4';

let sshd: Sshd;
let state: string;
const server = new GitHubServer({ owner: OWNER, repo: REPO, token: TOKEN });

beforeAll(async () => {
  sshd = await startSshd();
  await server.start();
  state = mkdtempSync(join(tmpdir(), 'avb-action-deploy-board-'));
}, 60_000);

afterAll(async () => {
  server.stop();
  await sshd?.stop();
});

/** The board's config; the PR's adds the deploy section. */
function config(deploy?: object): string {
  return stringify({
    board: {
      name: 'sshd-board',
      connection: {
        type: 'ssh',
        host: sshd.host,
        port: sshd.port,
        user: sshd.user,
        identityFile: sshd.clientKey,
        knownHosts: sshd.knownHosts,
      },
      lock: { boardPath: join(state, 'board.lock'), localPath: join(state, 'controller.lock') },
    },
    preset: 'test',
    environments: [{ kind: 'host' }],
    suites: {
      hackbench: { loops: 1000, groups: [1] },
      iozone: { enabled: false },
      netperf: { enabled: false },
      unixbench: { enabled: false },
    },
    ...(deploy ? { deploy } : {}),
  });
}

const repoEvent = { full_name: `${OWNER}/${REPO}`, default_branch: 'main' };

describe('action, PR run with code under test (deploy)', () => {
  it('deploys the PR build from the workspace, and the comment names the commit and the known-good baseline', async () => {
    // 1. main's push: the board's known-good, measured; the trusted baseline.
    server.addRun({
      id: 100,
      workflowFile: 'bench.yml',
      branch: 'main',
      headSha: MAIN,
      event: 'push',
      conclusion: null,
    });
    const mainWs = mkdtempSync(join(tmpdir(), 'avb-ws-main-'));
    writeFileSync(join(mainWs, 'bench.yml'), config());
    const base = await runAction({
      server,
      runId: 100,
      workspace: mainWs,
      eventName: 'push',
      event: { repository: repoEvent, after: MAIN },
      sha: MAIN,
      ref: 'refs/heads/main',
      inputs: { config: 'bench.yml', 'github-token': TOKEN, baseline: 'none' },
      timeoutMs: 300_000,
    });
    expect(base.code, base.stdout).toBe(0);
    server.runs.find((r) => r.id === 100)!.conclusion = 'success';

    // 2. The PR: its build output in the workspace (what a build job uploaded, downloaded here).
    server.addRun({
      id: 600,
      workflowFile: 'bench.yml',
      branch: 'topic',
      headSha: HEAD,
      event: 'pull_request',
      conclusion: null,
    });
    const ws = mkdtempSync(join(tmpdir(), 'avb-ws-pr-'));
    mkdirSync(join(ws, 'build'));
    writeFileSync(join(ws, 'build', 'tool.bin'), randomBytes(100_000));
    writeFileSync(
      join(ws, 'bench.yml'),
      config({
        workspace: 'build',
        slot: { bootDir: join(state, 'boot'), dir: join(state, 'slot') },
        files: [{ from: 'tool.bin', name: 'tool.bin' }],
        commands: [{ argv: ['sha256sum', 'files/tool.bin'] }],
      }),
    );
    const r = await runAction({
      server,
      runId: 600,
      workspace: ws,
      eventName: 'pull_request',
      event: {
        repository: repoEvent,
        pull_request: {
          number: 42,
          head: { sha: HEAD, ref: 'topic', repo: { full_name: `${OWNER}/${REPO}` } },
          base: { ref: 'main' },
        },
      },
      sha: 'e'.repeat(40), // the merge commit: not what the comment names
      ref: 'refs/pull/42/merge',
      inputs: { config: 'bench.yml', 'github-token': TOKEN },
      timeoutMs: 300_000,
    });
    expect(r.code, r.stdout).toBe(0);
    expect(server.violations).toEqual([]);
    expect(r.outputs['baseline-run-id']).toBe('100');

    // The files reached the board's slot, byte for byte; the command ran there.
    const sha = (p: string) => execFileSync('sha256sum', [p]).toString().split(' ')[0]!;
    expect(sha(join(state, 'slot', 'files', 'tool.bin'))).toBe(sha(join(ws, 'build', 'tool.bin')));
    expect(existsSync(join(state, 'slot', 'manifest.json'))).toBe(true);
    // Provenance in results.json: the PR's head commit, its name, each file's sha256, the command's log.
    const results = Results.parse(JSON.parse(readFileSync(r.outputs.results!, 'utf8')));
    expect(results.deploy).toMatchObject({
      commit: HEAD,
      label: 'PR #42',
      status: 'deployed',
      files: [
        {
          role: 'file',
          scope: 'files',
          source: 'tool.bin',
          target: join(state, 'slot', 'files', 'tool.bin'),
          sha256: sha(join(ws, 'build', 'tool.bin')),
        },
      ],
      commands: [{ argv: ['sha256sum', 'files/tool.bin'], exitCode: 0, log: 'deploy/command-after-copy-1' }],
    });
    expect(results.logs.map((l) => l.ref)).toEqual(
      expect.arrayContaining(['deploy/command-after-copy-1', 'deploy/manifest']),
    );
    // ...and in the fingerprint of what was measured with it.
    expect(results.environments[0]!.fingerprint.deployed).toMatchObject({
      change: 'PR #42@d4d4d4d',
      commit: HEAD,
    });
    expect(results.samples.some((s) => s.env === 'host' && s.metric === 'hackbench.time')).toBe(true);

    // The comment and the summary start with it: the deployed commit, the known-good it was compared with.
    const comment = server.comments.at(-1)!;
    const first = comment.body.split('\n').find((l) => l.trim() !== '' && !l.startsWith('<!--'))!;
    // (escaped for Markdown: `\#`, `\(`, and a zero-width space after `@` so that no one is mentioned)
    expect(first).toBe(
      "Deployed PR \\#42@&#8203;d4d4d4d \\(file\\) to sshd-board, compared with the baseline run of a1a1a1a \\(the board's known-good\\).",
    );
    expect(r.summary.trimStart().startsWith('Deployed PR')).toBe(true);
    expect(server.checkRuns.at(-1)).toMatchObject({ head_sha: HEAD });
  }, 900_000);
});
