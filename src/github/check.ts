/**
 * The check run on the PR head commit (not the merge commit GitHub tests a PR on, which no one
 * sees in the PR's checks list). The API takes at most 50 annotations per request: the first
 * 50 go with the create, the rest in updates of 50.
 */
import type { Octokit } from './octokit.js';

export const MAX_ANNOTATIONS_PER_REQUEST = 50;
/** The API's limit for output.summary and output.text. */
export const MAX_CHECK_TEXT = 65_535;

export type CheckConclusion = 'success' | 'failure' | 'neutral' | 'skipped';

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  title: string;
  message: string;
}

export interface CheckRunSpec {
  owner: string;
  repo: string;
  name: string;
  headSha: string;
  conclusion: CheckConclusion;
  title: string;
  summary: string;
  detailsUrl?: string;
  annotations: CheckAnnotation[];
}

const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

export function batches<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function publishCheckRun(
  octokit: Octokit,
  spec: CheckRunSpec,
): Promise<{ id: number; url: string }> {
  const [first = [], ...rest] = batches(spec.annotations, MAX_ANNOTATIONS_PER_REQUEST);
  const output = (annotations: CheckAnnotation[]) => ({
    title: clip(spec.title, 1000),
    summary: clip(spec.summary, MAX_CHECK_TEXT),
    annotations: annotations.map((a) => ({
      ...a,
      title: clip(a.title, 255),
      message: clip(a.message, 64_000),
    })),
  });
  const { data } = await octokit.rest.checks.create({
    owner: spec.owner,
    repo: spec.repo,
    name: spec.name,
    head_sha: spec.headSha,
    status: 'completed',
    conclusion: spec.conclusion,
    completed_at: new Date().toISOString(),
    ...(spec.detailsUrl ? { details_url: spec.detailsUrl } : {}),
    output: output(first),
  });
  for (const batch of rest) {
    await octokit.rest.checks.update({
      owner: spec.owner,
      repo: spec.repo,
      check_run_id: data.id,
      output: output(batch),
    });
  }
  return { id: data.id, url: data.html_url ?? '' };
}
