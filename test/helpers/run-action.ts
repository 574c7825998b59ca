/**
 * Runs the BUNDLED action (dist/index.js, or $AVB_DIST_DIR/index.js) with Node 24 the way the
 * runner does: a fresh environment with INPUT_* variables, GITHUB_* variables, the event
 * payload file, GITHUB_OUTPUT/GITHUB_STEP_SUMMARY files and the artifact service's
 * ACTIONS_RUNTIME_TOKEN/ACTIONS_RESULTS_URL, all pointing at the local GitHub stand-in.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runtimeToken, type GitHubServer } from './github-server.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const NODE24 = join(ROOT, '.avb-tmp/node24');

export function actionEntry(): string {
  const dir = process.env.AVB_DIST_DIR ? resolve(process.env.AVB_DIST_DIR) : join(ROOT, 'dist');
  return join(dir, 'index.js');
}

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  workspace: string;
}

export interface RunOptions {
  server: GitHubServer;
  inputs: Record<string, string>;
  eventName: string;
  event: object;
  runId: number;
  /** The workspace (cwd); a new temp folder by default. */
  workspace?: string;
  sha?: string;
  ref?: string;
  workflowFile?: string;
  /** Extra variables (e.g. GITHUB_SERVER_URL for a GHES run). */
  env?: Record<string, string>;
  timeoutMs?: number;
  /** Called with the action process's pid as soon as it is spawned. */
  onSpawn?: (pid: number) => void;
}

/** Parse GITHUB_OUTPUT's `name<<DELIM\nvalue\nDELIM` records. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) out[m[1]!] = m[3]!;
  return out;
}

export async function runAction(o: RunOptions): Promise<ActionRun> {
  const workspace = o.workspace ?? mkdtempSync(join(tmpdir(), 'avb-ws-'));
  const runnerTemp = mkdtempSync(join(tmpdir(), 'avb-runner-'));
  mkdirSync(workspace, { recursive: true });
  const eventPath = join(runnerTemp, 'event.json');
  const outputPath = join(runnerTemp, 'output');
  const summaryPath = join(runnerTemp, 'summary.md');
  writeFileSync(eventPath, JSON.stringify(o.event));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  const run = o.server.runs.find((r) => r.id === o.runId);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: runnerTemp,
    GITHUB_REPOSITORY: `${o.server.owner}/${o.server.repo}`,
    GITHUB_REPOSITORY_OWNER: o.server.owner,
    GITHUB_EVENT_NAME: o.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_RUN_ID: String(o.runId),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SHA: o.sha ?? 'f'.repeat(40),
    GITHUB_REF: o.ref ?? 'refs/heads/main',
    GITHUB_WORKFLOW: 'bench',
    GITHUB_WORKFLOW_REF: `${o.server.owner}/${o.server.repo}/.github/workflows/${o.workflowFile ?? 'bench.yml'}@${o.ref ?? 'refs/heads/main'}`,
    GITHUB_SERVER_URL: 'http://avb.localhost',
    GITHUB_API_URL: o.server.url,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    ACTIONS_RUNTIME_TOKEN: runtimeToken(
      run?.runBackendId ?? `run-backend-${o.runId}`,
      `job-backend-${o.runId}`,
    ),
    ACTIONS_RESULTS_URL: `${o.server.url}/`,
    ...o.env,
  };
  for (const [name, value] of Object.entries(o.inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const entry = actionEntry();
  if (!existsSync(entry))
    throw new Error(`${entry} does not exist: build it (AVB_DIST_DIR=DIR npx rollup -c rollup.config.mjs)`);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(NODE24, [entry], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid !== undefined) o.onSpawn?.(child.pid);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({
        code,
        stdout,
        stderr,
        outputs: parseOutputFile(readFileSync(outputPath, 'utf8')),
        summary: readFileSync(summaryPath, 'utf8'),
        workspace,
      });
    });
  });
}
