/**
 * Baseline discovery. `auto`: the latest TRUSTED run of the same workflow that still has
 * results artifacts; they are downloaded with @actions/artifact (`findBy`), size-checked,
 * checked against the digest recorded at upload and validated. Anything missing, expired or
 * failing a check means "no baseline yet", said plainly; overheads against the host are still
 * reported.
 *
 * Trusted means all of: a run of this workflow, on the default branch, from this repository
 * (`head_repository` is the repository itself), of a trusted event (push, schedule,
 * workflow_dispatch), successful. GitHub's `branch` filter matches a run's head branch
 * whatever repository it lives in, so a fork's pull request from its own `main` passes it: its
 * run (whose workflow file and results the fork controls) must never become the baseline that
 * later PRs are judged against.
 */
import { readdir, stat } from 'node:fs/promises';
import * as core from '@actions/core';
import { join } from 'node:path';
import type { Results } from '../results/schema.js';
import { ArtifactsUnavailableError, type ArtifactInfo, type ArtifactStore } from './artifacts.js';
import type { RunContext } from './context.js';
import { describeApiError, type Octokit } from './octokit.js';
import { readResultsIn, RESULTS_FILE } from './results-io.js';
import { mergeByBoard } from './merge.js';
import { escapeMarkdown } from '../report/escape.js';

export interface BaselineSet {
  /** Baseline results by board name. */
  byBoard: Map<string, Results>;
  /** One plain sentence on where the baseline came from, or why there is none. */
  note: string;
  runId?: number;
  runUrl?: string;
}

/** An artifact of ours: `<prefix>` or `<prefix>-<board>`. */
export function isResultsArtifact(name: string, prefix: string): boolean {
  return name === prefix || name.startsWith(`${prefix}-`);
}

/** How many recent successful runs (per trusted event) to look through for one with results. */
const RUNS_TO_SEARCH = 10;

/** Events whose runs only a maintainer can cause, on the repository's own code. */
export const TRUSTED_EVENTS = ['push', 'schedule', 'workflow_dispatch'] as const;

/** What the baseline rules need of a workflow run (the REST API's fields). */
export interface RunFacts {
  id: number;
  workflow_id: number;
  path?: string;
  head_branch: string | null;
  head_sha: string;
  event: string;
  status: string | null;
  conclusion: string | null;
  head_repository?: { full_name: string } | null;
  html_url: string;
  created_at: string;
}

export interface TrustRule {
  /** owner/repo of this repository. */
  repository: string;
  /** The workflow's numeric id, or its file name (`bench.yml`). */
  workflow: number | string;
  defaultBranch: string;
}

/** Why `run` may not be a baseline, or undefined when it may. */
export function untrustedBecause(run: RunFacts, rule: TrustRule): string | undefined {
  const sameWorkflow =
    typeof rule.workflow === 'number'
      ? run.workflow_id === rule.workflow
      : (run.path ?? '').replace(/@.*$/, '').endsWith(`.github/workflows/${rule.workflow}`);
  if (!sameWorkflow) return 'another workflow';
  if (run.head_branch !== rule.defaultBranch) return `branch ${run.head_branch ?? '(none)'}`;
  if (run.head_repository?.full_name !== rule.repository)
    return `head repository ${run.head_repository?.full_name ?? '(deleted)'}`;
  if (!(TRUSTED_EVENTS as readonly string[]).includes(run.event)) return `event ${run.event}`;
  if (run.status !== 'completed' || run.conclusion !== 'success')
    return `conclusion ${run.conclusion ?? run.status ?? '(none)'}`;
  return undefined;
}

export async function findAutoBaseline(
  octokit: Octokit | undefined,
  store: ArtifactStore,
  ctx: RunContext,
  prefix: string,
  dir: string,
): Promise<BaselineSet> {
  const none = (why: string): BaselineSet => ({ byBoard: new Map(), note: `No baseline yet: ${why}.` });
  if (!octokit) return none('no GitHub token to look for one');
  const workflowId = ctx.triggeringRun?.workflow_id ?? ctx.workflowFile;
  if (workflowId === undefined)
    return none('cannot tell which workflow this is (GITHUB_WORKFLOW_REF is not set)');
  const branch = ctx.defaultBranch;
  if (!branch) return none('the event does not name the default branch');

  // One query per trusted event (GitHub filters by one event at a time): a flood of untrusted
  // runs (fork PRs named `main`) cannot push the trusted ones out of the window.
  const rule: TrustRule = { repository: ctx.repository, workflow: workflowId, defaultBranch: branch };
  let runs: RunFacts[] = [];
  try {
    for (const event of TRUSTED_EVENTS) {
      const { data } = await octokit.rest.actions.listWorkflowRuns({
        owner: ctx.owner,
        repo: ctx.repo,
        workflow_id: workflowId,
        branch,
        event,
        status: 'success',
        exclude_pull_requests: true,
        per_page: RUNS_TO_SEARCH,
      });
      runs.push(...(data.workflow_runs as RunFacts[]));
    }
  } catch (err) {
    return none(`listing the runs of ${String(workflowId)} on ${branch} failed (${describeApiError(err)})`);
  }
  // The API's filters are not the rule: check every run against it (and say what was left out).
  const refused: string[] = [];
  runs = runs.filter((r) => {
    if (r.id === ctx.runId || r.id === ctx.sourceRunId) return false;
    const why = untrustedBecause(r, rule);
    if (why) refused.push(`run ${r.id} (${why})`);
    return why === undefined;
  });
  if (refused.length > 0) core.info(`Not a baseline: ${refused.join(', ')}`);
  runs = [...new Map(runs.map((r) => [r.id, r])).values()].sort(
    (a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id,
  );
  if (runs.length === 0)
    return none(
      `no trusted run of ${String(workflowId)} on ${branch} so far (a successful push, schedule or workflow_dispatch run of this repository)`,
    );

  let sawExpired = false;
  for (const run of runs) {
    let artifacts: {
      id: number;
      name: string;
      size_in_bytes: number;
      expired: boolean;
      digest?: string | null;
    }[];
    try {
      artifacts = await octokit.paginate(octokit.rest.actions.listWorkflowRunArtifacts, {
        owner: ctx.owner,
        repo: ctx.repo,
        run_id: run.id,
        per_page: 100,
      });
    } catch (err) {
      return none(`listing the artifacts of run ${run.id} failed (${describeApiError(err)})`);
    }
    const ours = artifacts.filter((a) => isResultsArtifact(a.name, prefix));
    if (ours.length === 0) continue;
    const live = ours.filter((a) => !a.expired);
    if (live.length === 0) {
      sawExpired = true;
      continue;
    }
    const found: Results[] = [];
    const problems: string[] = [];
    for (const a of live) {
      const info: ArtifactInfo = {
        id: a.id,
        name: a.name,
        size: a.size_in_bytes,
        ...(a.digest ? { digest: a.digest } : {}),
      };
      const target = join(dir, `run-${run.id}`, a.name);
      try {
        const { digestMismatch } = await store.download(info, target, {
          runId: run.id,
          owner: ctx.owner,
          repo: ctx.repo,
        });
        if (digestMismatch) {
          problems.push(`${escapeMarkdown(a.name, 100)} failed its digest check`);
          continue;
        }
        found.push(await readResultsIn(target));
      } catch (err) {
        // No artifact can be downloaded at all (GHES): one plain reason, not one per artifact.
        if (err instanceof ArtifactsUnavailableError) throw err;
        problems.push(
          `${escapeMarkdown(a.name, 100)}: ${escapeMarkdown((err as Error).message.split('\n')[0], 300)}`,
        );
      }
    }
    const byBoard = new Map(mergeByBoard(found).map((r) => [r.board.name, r] as const));
    if (byBoard.size === 0)
      return none(`the results of run ${run.id} could not be used (${problems.join('; ')})`);
    const tail = problems.length > 0 ? ` (ignored: ${problems.join('; ')})` : '';
    return {
      byBoard,
      note: `Baseline: run ${run.id} on ${branch} (${run.head_sha.slice(0, 7)})${tail}.`,
      runId: run.id,
      runUrl: run.html_url,
    };
  }
  return none(
    sawExpired
      ? `the results artifacts of the last successful runs on ${branch} have expired (raise retention-days, or let the nightly run refresh them)`
      : `no successful run of ${String(workflowId)} on ${branch} uploaded results named ${prefix}`,
  );
}

/** baseline: PATH — a results.json, or a folder holding results.json files (one per board). */
export async function readBaselinePath(path: string): Promise<BaselineSet> {
  const s = await stat(path).catch(() => undefined);
  if (!s) throw new Error(`baseline ${path}: no such file or folder`);
  const files = s.isDirectory()
    ? (await readdir(path, { recursive: true, withFileTypes: true }))
        .filter((e) => e.isFile() && e.name === RESULTS_FILE)
        .map((e) => join(e.parentPath, e.name))
        .sort()
    : [path];
  if (files.length === 0) throw new Error(`baseline ${path}: no ${RESULTS_FILE} in this folder`);
  const all: Results[] = [];
  for (const f of files) all.push(await readResultsIn(f));
  const byBoard = new Map(mergeByBoard(all).map((r) => [r.board.name, r] as const));
  return { byBoard, note: `Baseline: ${path}.` };
}
