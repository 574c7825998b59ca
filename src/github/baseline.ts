/**
 * Baseline discovery. `auto`: the latest successful run of the same workflow on the default
 * branch that still has results artifacts; they are downloaded with @actions/artifact
 * (`findBy`) and checked against the digest recorded at upload. Anything missing, expired or
 * failing its digest means "no baseline yet", said plainly; overheads against the host are
 * still reported.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Results } from '../results/schema.js';
import type { ArtifactInfo, ArtifactStore } from './artifacts.js';
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

/** How many recent successful runs to look through for one with results. */
const RUNS_TO_SEARCH = 10;

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

  let runs: { id: number; head_sha: string; html_url: string }[];
  try {
    const { data } = await octokit.rest.actions.listWorkflowRuns({
      owner: ctx.owner,
      repo: ctx.repo,
      workflow_id: workflowId,
      branch,
      status: 'success',
      per_page: RUNS_TO_SEARCH,
    });
    runs = data.workflow_runs.filter((r) => r.id !== ctx.runId && r.id !== ctx.sourceRunId);
  } catch (err) {
    return none(`listing the runs of ${String(workflowId)} on ${branch} failed (${describeApiError(err)})`);
  }
  if (runs.length === 0) return none(`no successful run of ${String(workflowId)} on ${branch} so far`);

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
