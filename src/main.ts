/**
 * The action: reads inputs, then runs the phases.
 * - `run`: measure (unless a fork's PR), write results.json + raw logs, upload them as one artifact;
 * - `report`: collect every results artifact of this run (a matrix of boards) or of the run a
 *   `workflow_run` reports on, compare with the baseline, publish;
 * - `all` (default): both in one job.
 * Publishing order matters: job summary first (it never needs the API), then the PR comment and
 * the check run, each of which may fail (fork token, API down) without taking the rest along.
 */
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import * as core from '@actions/core';
import { TOOL_VERSION } from './version.js';
import type { Results } from './results/schema.js';
import { readInputs, type Inputs } from './github/inputs.js';
import { readContext, runUrl, type RunContext } from './github/context.js';
import { captureSecrets, type CapturedSecrets } from './github/secrets.js';
import { createOctokit, describeApiError, httpStatus, type Octokit } from './github/octokit.js';
import { forkGuard } from './github/fork-guard.js';
import {
  ArtifactsUnavailableError,
  createArtifactStore,
  type ArtifactStore,
  type RunRef,
} from './github/artifacts.js';
import {
  findAutoBaseline,
  isResultsArtifact,
  readBaselinePath,
  type BaselineSet,
} from './github/baseline.js';
import { readResultsIn, RESULTS_FILE } from './github/results-io.js';
import { measure, resolveRunConfig } from './github/measure.js';
import { readMeta, verifiedPullNumber, writeMeta } from './github/meta.js';
import { writeJobSummary } from './github/summary.js';
import { commentMarker, MAX_COMMENT_CHARS, tokenLogin, upsertStickyComment } from './github/comment.js';
import { publishCheckRun } from './github/check.js';
import { annotationsFor, decide, nothingCollected, withDeployment, type Decision } from './github/verdict.js';
import { deployHeadline, headlineMarkdown } from './deploy/provenance.js';
import { mergeByBoard } from './github/merge.js';
import { escapeMarkdown } from './report/escape.js';
import {
  analyze,
  groupedReporter,
  renderMarkdown,
  writeReports,
  type Analysis,
  type AnalyzeOptions,
  type Config,
} from './github/deps.js';

interface Env {
  inputs: Inputs;
  ctx: RunContext;
  secrets: CapturedSecrets;
  octokit: Octokit | undefined;
  store: ArtifactStore;
  outDir: string;
}

/** A file-system-safe slug of a board name, for artifact and folder names. */
export function slug(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'board';
}

export async function main(): Promise<void> {
  // First log line: bench/cold-start.ts measures the time to it.
  core.info(`arm-virt-bench ${TOOL_VERSION}`);
  try {
    await runAction();
  } catch (err) {
    core.setFailed(err instanceof Error ? err.message : String(err));
  }
}

async function runAction(): Promise<void> {
  const inputs = readInputs();
  const ctx = readContext();
  const secrets = captureSecrets(inputs.githubToken);
  const env: Env = {
    inputs,
    ctx,
    secrets,
    octokit: secrets.token ? createOctokit(secrets.token) : undefined,
    store: createArtifactStore(secrets),
    outDir: resolve(inputs.outDir),
  };

  let local: Measured | undefined;
  if (inputs.phase !== 'report') {
    const guard = forkGuard(ctx, inputs.allowFork);
    if (!guard.allowed) {
      core.setOutput('verdict', 'skipped');
      core.setOutput('regressions', '0');
      core.warning(guard.reason!.split('\n')[0]!);
      core.info(guard.reason!);
      if (inputs.summary) await writeJobSummary(`## arm-virt-bench\n\n${guard.reason!}\n`);
      return;
    }
    local = await runPhase(env);
    if (!local) return;
  }
  if (inputs.phase !== 'run') await reportPhase(env, local);
}

// ---------------------------------------------------------------- run

/** What the run phase hands to the report phase of the same job. */
/**
 * How results are compared with the baseline: the inputs, plus the config's `analysis` lists
 * when the config is known (phase all); expect-change / expect-same add to them.
 */
function comparison(inputs: Inputs, config: Config | undefined): AnalyzeOptions {
  return {
    minEffect: inputs.minEffect,
    alpha: inputs.alpha,
    correction: inputs.correction,
    expectChanges: [...(config?.analysis.expectChange ?? []), ...inputs.expectChange],
    expectSame: [...(config?.analysis.expectSame ?? []), ...inputs.expectSame],
  };
}

interface Measured {
  results: Results;
  /** The config it was measured with (its `analysis` settings reach the comparison). */
  config: Config;
  /** The baseline loaded before measuring (phase all), reused by the report phase. */
  baseline?: BaselineSet;
  /** Sentences for the summary: where the config came from, what could not be uploaded. */
  notes: string[];
}

async function runPhase(env: Env): Promise<Measured | undefined> {
  const { inputs, ctx, outDir } = env;
  const reporter = groupedReporter(core);
  const { config, notes } = await resolveRunConfig(inputs.config, inputs.environments, reporter);
  await mkdir(outDir, { recursive: true });
  // phase all: the baseline is known before measuring, so the engine can add rounds where the
  // comparison is suggestive but undecided (adaptive rounds); the report phase reuses it.
  const baseline = inputs.phase === 'all' ? await core.group('Baseline', () => loadBaseline(env)) : undefined;
  const boardBaseline = baseline?.byBoard.get(config.board.name);
  const abort = new AbortController();
  // The runner cancels a job with SIGINT, then SIGTERM: stop measuring, keep what was measured.
  const onSignal = () => abort.abort(new Error('cancelled by the runner'));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let results: Results | undefined;
  let failure: unknown;
  try {
    // The reporter folds each environment and round into its own log group.
    results = await measure(config, {
      ...(inputs.environments.length > 0 ? { envs: inputs.environments } : {}),
      ...(inputs.preset ? { preset: inputs.preset } : {}),
      outDir,
      signal: abort.signal,
      reporter,
      ...(ctx.headSha ? { gitSha: ctx.headSha } : {}),
      ...(boardBaseline ? { baseline: boardBaseline, analysis: comparison(inputs, config) } : {}),
      workspace: process.env.GITHUB_WORKSPACE ?? process.cwd(),
      ...(changeLabel(ctx) ? { changeLabel: changeLabel(ctx)! } : {}),
    });
  } catch (err) {
    failure = err;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
  // results.json is written incrementally: after a crash it still holds what was measured.
  if (!results) results = await readResultsIn(join(outDir, RESULTS_FILE)).catch(() => undefined);
  if (results) {
    await writeReports(results, outDir, { origin: 'action', logsDir: 'logs/' }).catch((err) =>
      core.warning(`report files: ${(err as Error).message}`),
    );
  }
  await writeMeta(outDir, ctx);
  core.setOutput('results', join(outDir, RESULTS_FILE));

  const boardName = results?.board.name ?? config.board.name;
  // Jobs that measure a subset of a board's environments (the reboot chain) need distinct names.
  const part = inputs.environments.length > 0 ? `-${slug(inputs.environments.join('+'))}` : '';
  const artifactName = `${inputs.artifactName}-${slug(boardName)}${part}`.slice(0, 100);
  let uploaded = false;
  if (await exists(join(outDir, RESULTS_FILE))) {
    try {
      const up = await env.store.upload(artifactName, outDir, inputs.retentionDays);
      core.info(`Uploaded artifact ${artifactName} (id ${up.id}, ${up.size} bytes)`);
      core.setOutput('artifact-id', String(up.id));
      uploaded = true;
    } catch (err) {
      const why = err instanceof ArtifactsUnavailableError ? err.message : `upload failed: ${firstLine(err)}`;
      core.warning(`${why}; the results stay in ${outDir}`);
      notes.push(
        `⚠️ The results and raw logs could not be uploaded as an artifact — ${escapeMarkdown(why, 400)}. They are on the runner in \`${escapeMarkdown(outDir, 300)}\`.`,
      );
    }
  }
  if (inputs.phase === 'run' && inputs.summary && results) {
    const where = uploaded
      ? `results and raw logs in the artifact \`${artifactName}\`. The report job compares and publishes.`
      : 'nothing was uploaded (see below), so a report job has nothing to collect.';
    await writeJobSummary(
      [
        `## arm-virt-bench: ${escapeMarkdown(boardName, 100)}`,
        '',
        `Measured ${results.samples.length} values in ${results.environments.length} environment(s), ${results.failures.length} failure(s); ${where}`,
        ...notes.flatMap((n) => ['', n]),
        '',
      ].join('\n'),
    );
  }
  if (failure) throw failure;
  return results ? { results, notes, config, ...(baseline ? { baseline } : {}) } : undefined;
}

// ---------------------------------------------------------------- report

interface Collected {
  results: Results[];
  claimedPull: number | undefined;
}

/**
 * Why the report phase has nothing to compare. `unavailable`: the artifact service could not be
 * used (GHES, an outage): nobody's fault here, a neutral check. `none`: nothing (usable) was
 * uploaded under this artifact-name: the workflow is wrong or every benchmark job failed.
 */
class CollectError extends Error {
  override readonly name = 'CollectError';
  constructor(
    readonly kind: 'unavailable' | 'none',
    message: string,
  ) {
    super(message);
  }
}

async function collect(env: Env): Promise<Collected> {
  const { ctx, inputs, store } = env;
  const run: RunRef | undefined = ctx.triggeringRun
    ? { runId: ctx.triggeringRun.id, owner: ctx.owner, repo: ctx.repo }
    : undefined;
  const unavailable = (err: unknown): never => {
    throw new CollectError(
      'unavailable',
      err instanceof ArtifactsUnavailableError
        ? err.message
        : `the artifact service failed: ${firstLine(err)}`,
    );
  };
  const listed = await store.list(run).catch(unavailable);
  const artifacts = listed.filter((a) => isResultsArtifact(a.name, inputs.artifactName));
  if (artifacts.length === 0) {
    throw new CollectError(
      'none',
      `no results artifact named ${inputs.artifactName}-* in run ${ctx.sourceRunId}: did the benchmark jobs (phase: run) upload with the same artifact-name?`,
    );
  }
  const results: Results[] = [];
  let claimedPull: number | undefined;
  for (const a of artifacts.sort((x, y) => x.name.localeCompare(y.name))) {
    const dir = join(env.outDir, 'collected', a.name);
    await rm(dir, { recursive: true, force: true });
    try {
      const { digestMismatch } = await store.download(a, dir, run);
      if (digestMismatch) {
        core.warning(`artifact ${a.name} failed its digest check: ignored`);
        continue;
      }
      results.push(await readResultsIn(dir));
    } catch (err) {
      if (err instanceof ArtifactsUnavailableError) unavailable(err);
      core.warning(`artifact ${a.name}: ${firstLine(err)}`);
      continue;
    }
    claimedPull ??= (await readMeta(dir))?.pullNumber;
  }
  if (results.length === 0)
    throw new CollectError('none', 'no usable results artifact (see the warnings above)');
  return { results: mergeByBoard(results), claimedPull };
}

/** The report phase could collect nothing: say why in the summary and a check run. */
async function publishNothing(env: Env, err: CollectError): Promise<void> {
  const { inputs, ctx } = env;
  const decision = nothingCollected(err.kind, err.message);
  const text = [
    '## arm-virt-bench',
    '',
    `**Nothing to compare:** the results of run ${ctx.sourceRunId} could not be collected — ${escapeMarkdown(err.message, 1000)}.`,
    '',
    err.kind === 'unavailable'
      ? 'Nothing was measured wrong and nothing failed here: the benchmark jobs keep their results on their runners (`out-dir`), and `phase: all` reports in the job that measured.'
      : 'Check that the benchmark jobs ran (`phase: run`) and upload with the same `artifact-name`.',
    '',
  ].join('\n');
  if (inputs.summary) await writeJobSummary(text);
  setDecisionOutputs(decision);
  await publishCheck(env, decision, text, []);
  if (decision.fail) core.setFailed(`arm-virt-bench: ${err.message}`);
  else core.warning(`arm-virt-bench: nothing to compare: ${err.message}`);
}

function setDecisionOutputs(decision: Decision): void {
  core.setOutput('verdict', decision.verdict);
  core.setOutput('regressions', String(decision.regressions));
}

/** The check run on the PR head commit; a failure is a warning, never the end of the step. */
async function publishCheck(
  env: Env,
  decision: Decision,
  summary: string,
  annotations: ReturnType<typeof annotationsFor>,
): Promise<void> {
  const { inputs, ctx } = env;
  if (!inputs.check || !env.octokit || !ctx.headSha) return;
  const artifactUrl = runUrl(ctx);
  try {
    const check = await publishCheckRun(env.octokit, {
      owner: ctx.owner,
      repo: ctx.repo,
      name: inputs.checkName,
      headSha: ctx.headSha,
      conclusion: decision.conclusion,
      title: decision.title,
      summary,
      ...(artifactUrl ? { detailsUrl: artifactUrl } : {}),
      annotations,
    });
    core.setOutput('check-run-id', String(check.id));
    core.info(`Check run ${check.id}: ${decision.conclusion}`);
  } catch (err) {
    core.warning(publishFailure('the check run', err, ctx));
  }
}

async function loadBaseline(env: Env): Promise<BaselineSet> {
  const b = env.inputs.baseline;
  if (b.kind === 'none') return { byBoard: new Map(), note: 'No baseline: `baseline: none`.' };
  if (b.kind === 'path') return readBaselinePath(resolve(b.path));
  try {
    return await findAutoBaseline(
      env.octokit,
      env.store,
      env.ctx,
      env.inputs.artifactName,
      join(env.outDir, 'baseline'),
    );
  } catch (err) {
    const why =
      err instanceof ArtifactsUnavailableError ? err.message : (err as Error).message.split('\n')[0];
    return { byBoard: new Map(), note: `No baseline yet: ${why}.` };
  }
}

async function reportPhase(env: Env, local: Measured | undefined): Promise<void> {
  const { inputs, ctx, outDir } = env;
  let current: Results[];
  let claimedPull: number | undefined;
  if (local) current = [local.results];
  else {
    let c: Collected;
    try {
      c = await core.group('Collect results artifacts', () => collect(env));
    } catch (err) {
      if (err instanceof CollectError) return publishNothing(env, err);
      throw err;
    }
    current = c.results;
    claimedPull = c.claimedPull;
  }
  const baseline = local?.baseline ?? (await core.group('Baseline', () => loadBaseline(env)));
  core.info(baseline.note);

  const analyses: Analysis[] = [];
  for (const results of current) {
    const base = baseline.byBoard.get(results.board.name);
    analyses.push(
      analyze(results, {
        ...(base ? { baseline: base } : {}),
        ...comparison(inputs, local?.config),
      }),
    );
    const dir = current.length === 1 ? outDir : join(outDir, 'boards', slug(results.board.name));
    await writeReports(results, dir, {
      ...(base ? { baseline: base } : {}),
      ...comparison(inputs, local?.config),
      ...(runUrl(ctx) ? { artifactUrl: runUrl(ctx) } : {}),
      origin: 'action',
    }).catch((err) => core.warning(`report files: ${(err as Error).message}`));
  }
  // A change under test that did not boot decides first, and is the first line of everything.
  const decision = withDeployment(decide(analyses, inputs.failOn), current, inputs.failOn);
  const artifactUrl = runUrl(ctx);
  // A report that compared nothing says why in its first line, before anything else; a change
  // under test says what was deployed (or that it did not boot) right there too.
  const why = decision.verdict === 'incomparable' ? [`**⚠️ ${escapeMarkdown(decision.title, 1000)}**`] : [];
  const deployLines = current.flatMap((r) => {
    const h = deployHeadline(r, baseline.byBoard.get(r.board.name));
    return h ? [headlineMarkdown(h, (t) => escapeMarkdown(t, 1500))] : [];
  });
  const header = [...why, ...deployLines, ...(local?.notes ?? []), baseline.note]
    .map((n) => `${n}\n\n`)
    .join('');
  const render = (flavor: 'summary' | 'comment', budget?: number) =>
    header +
    analyses
      .map((a) =>
        renderMarkdown(a, {
          flavor,
          ...(analyses.length > 1 ? { title: `arm-virt-bench: ${a.current.board}` } : {}),
          ...(budget ? { maxChars: Math.floor((budget - header.length) / analyses.length) - 10 } : {}),
          ...(artifactUrl ? { artifactUrl } : {}),
          origin: 'action',
        }),
      )
      .join('\n\n---\n\n');

  // 1. Job summary and report file: never depend on the API.
  const summaryMd = render('summary');
  const reportPath = join(outDir, 'summary.md');
  await mkdir(outDir, { recursive: true });
  await writeFile(reportPath, summaryMd);
  if (inputs.summary) await writeJobSummary(summaryMd);
  core.setOutput('report', reportPath);
  setDecisionOutputs(decision);
  if (!local) core.setOutput('results', current.map((r) => r.run.id).join('\n'));
  if (baseline.runId !== undefined) core.setOutput('baseline-run-id', String(baseline.runId));

  // 2. PR comment.
  let pull = ctx.pullNumber;
  if (pull === undefined && ctx.triggeringRun && env.octokit && claimedPull !== undefined) {
    pull = await verifiedPullNumber(env.octokit, ctx, claimedPull).catch((err) => {
      core.warning(`could not confirm PR #${claimedPull}: ${describeApiError(err)}`);
      return undefined;
    });
  }
  if (inputs.comment && pull !== undefined && env.octokit) {
    const octokit = env.octokit;
    const marker = commentMarker(inputs.artifactName);
    try {
      const author = await tokenLogin(octokit);
      const out = await upsertStickyComment(
        octokit,
        { owner: ctx.owner, repo: ctx.repo, issueNumber: pull, marker, author },
        render('comment', MAX_COMMENT_CHARS - marker.length - 1),
      );
      core.info(`PR comment ${out.action}: ${out.url}`);
      core.setOutput('comment-url', out.url);
    } catch (err) {
      core.warning(publishFailure('the PR comment', err, ctx));
    }
  }

  // 3. Check run on the PR head commit.
  await publishCheck(
    env,
    decision,
    render('comment', 60_000),
    annotationsFor(analyses, inputs.failOn, inputs.config),
  );

  core.info(`Verdict: ${decision.verdict} (${decision.title})`);
  if (decision.fail) core.setFailed(`arm-virt-bench: ${decision.title} (fail-on: ${inputs.failOn})`);
}

function publishFailure(what: string, err: unknown, ctx: RunContext): string {
  const status = httpStatus(err);
  const hint =
    status === 403 || status === 404
      ? ctx.fromFork
        ? ' — a fork PR’s token is read-only: report from a workflow_run workflow instead'
        : ' — the token needs `pull-requests: write` (comment) and `checks: write` (check run)'
      : '';
  return `could not publish ${what}: ${describeApiError(err)}${hint}. The job summary and the artifact are unaffected.`;
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
}

/** What the code under test is called in reports: `PR #42`, else the branch (`main`). */
function changeLabel(ctx: RunContext): string | undefined {
  if (ctx.pullNumber !== undefined) return `PR #${ctx.pullNumber}`;
  const ref = process.env.GITHUB_REF_NAME;
  return ref && /^[A-Za-z0-9._/-]{1,100}$/.test(ref) ? ref : undefined;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
