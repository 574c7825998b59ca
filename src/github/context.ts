/**
 * What the action needs to know about the workflow run, read from the runner's variables and
 * the event payload (GITHUB_EVENT_PATH), checked with zod. The payload of a `workflow_run` or a
 * fork's `pull_request` carries text an outsider wrote (branch names, titles): nothing here
 * trusts it beyond its type.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const Repo = z.object({
  full_name: z.string(),
  default_branch: z.string().optional(),
});

const PullRequest = z.object({
  number: z.number().int().positive(),
  head: z.object({
    sha: z.string(),
    ref: z.string().optional(),
    // null when the fork was deleted: treated as a fork.
    repo: z.object({ full_name: z.string() }).nullable().optional(),
  }),
  base: z.object({ ref: z.string().optional(), repo: z.object({ full_name: z.string() }).optional() }),
});

const WorkflowRun = z.object({
  id: z.number().int(),
  workflow_id: z.number().int().optional(),
  head_sha: z.string(),
  head_branch: z.string().nullable().optional(),
  event: z.string().optional(),
  conclusion: z.string().nullable().optional(),
  head_repository: z.object({ full_name: z.string() }).nullable().optional(),
  pull_requests: z.array(z.object({ number: z.number().int().positive() })).optional(),
});

const Payload = z
  .object({
    repository: Repo.optional(),
    pull_request: PullRequest.optional(),
    workflow_run: WorkflowRun.optional(),
  })
  .passthrough();
type Payload = z.infer<typeof Payload>;

export interface RunContext {
  eventName: string;
  owner: string;
  repo: string;
  /** owner/repo */
  repository: string;
  runId: number;
  runAttempt: number;
  /** The workflow file of this run, e.g. `bench.yml` (from GITHUB_WORKFLOW_REF). */
  workflowFile: string | undefined;
  serverUrl: string;
  apiUrl: string;
  defaultBranch: string | undefined;
  /** The commit measured or reported on: the PR head, not the merge commit. */
  headSha: string;
  /** The PR this run is about, when there is one. */
  pullNumber: number | undefined;
  /** A pull_request(_target) event whose head lives in another repository. */
  fromFork: boolean;
  /** For `workflow_run`: the run that triggered this one (its artifacts are reported). */
  triggeringRun: z.infer<typeof WorkflowRun> | undefined;
  /** The workflow run whose artifacts the report phase collects. */
  sourceRunId: number;
}

export class ContextError extends Error {
  override readonly name = 'ContextError';
}

function need(env: NodeJS.ProcessEnv, name: string): string {
  const v = env[name];
  if (!v) throw new ContextError(`${name} is not set: is this running inside GitHub Actions?`);
  return v;
}

export function readPayload(path: string | undefined): Payload {
  if (!path) return {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ContextError(`GITHUB_EVENT_PATH ${path}: ${(err as Error).message}`);
  }
  const parsed = Payload.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new ContextError(
      `GITHUB_EVENT_PATH ${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

export function readContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const repository = need(env, 'GITHUB_REPOSITORY');
  const [owner, repo] = repository.split('/');
  if (!owner || !repo) throw new ContextError(`GITHUB_REPOSITORY '${repository}' is not owner/repo`);
  const eventName = need(env, 'GITHUB_EVENT_NAME');
  const payload = readPayload(env.GITHUB_EVENT_PATH);
  const runId = Number(need(env, 'GITHUB_RUN_ID'));
  if (!Number.isSafeInteger(runId))
    throw new ContextError(`GITHUB_RUN_ID '${env.GITHUB_RUN_ID}' is not a number`);
  const serverUrl = (env.GITHUB_SERVER_URL ?? '').replace(/\/+$/, '');
  const apiUrl = (env.GITHUB_API_URL ?? '').replace(/\/+$/, '');
  // GITHUB_WORKFLOW_REF: owner/repo/.github/workflows/bench.yml@refs/heads/main
  const workflowFile = /\/\.github\/workflows\/([^@/]+)@/.exec(env.GITHUB_WORKFLOW_REF ?? '')?.[1];

  const pr = payload.pull_request;
  const wr = eventName === 'workflow_run' ? payload.workflow_run : undefined;
  const isPrEvent = eventName === 'pull_request' || eventName === 'pull_request_target';
  const fromFork = isPrEvent && pr !== undefined && pr.head.repo?.full_name !== repository;

  let headSha = env.GITHUB_SHA ?? '';
  let pullNumber: number | undefined;
  if (pr) {
    headSha = pr.head.sha;
    pullNumber = pr.number;
  } else if (wr) {
    headSha = wr.head_sha;
    pullNumber = wr.pull_requests?.[0]?.number;
  }
  return {
    eventName,
    owner,
    repo,
    repository,
    runId,
    runAttempt: Number(env.GITHUB_RUN_ATTEMPT ?? '1') || 1,
    workflowFile,
    serverUrl,
    apiUrl,
    defaultBranch: payload.repository?.default_branch,
    headSha,
    pullNumber,
    fromFork,
    triggeringRun: wr,
    sourceRunId: wr ? wr.id : runId,
  };
}

/** The page of a workflow run: where its artifacts are listed (stable across re-run attempts). */
export function runUrl(ctx: RunContext, runId = ctx.sourceRunId): string | undefined {
  return ctx.serverUrl ? `${ctx.serverUrl}/${ctx.repository}/actions/runs/${runId}` : undefined;
}
