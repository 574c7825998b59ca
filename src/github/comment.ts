/**
 * The sticky PR comment: one per PR and artifact-name, found by a hidden marker AND its author
 * (so a comment someone else wrote, quoting the marker, is never taken over), updated in place,
 * and not written at all when the body is unchanged (a re-run with the same results is silent).
 */
import type { Octokit } from './octokit.js';

/** GitHub rejects issue comments longer than this many characters. */
export const MAX_COMMENT_CHARS = 65_536;

export function commentMarker(key: string): string {
  return `<!-- arm-virt-bench:sticky:${key} -->`;
}

export interface StickyTarget {
  owner: string;
  repo: string;
  issueNumber: number;
  marker: string;
  /** Login the comment must have been written by (the token's identity). */
  author: string;
}

export type StickyOutcome =
  | { action: 'created'; id: number; url: string }
  | { action: 'updated'; id: number; url: string }
  | { action: 'unchanged'; id: number; url: string };

/**
 * The login the token writes as. A personal or app-user token can ask `GET /user`; the workflow
 * token (an installation token) cannot (403), and writes as github-actions[bot].
 */
export async function tokenLogin(octokit: Octokit): Promise<string> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return data.login;
  } catch {
    return 'github-actions[bot]';
  }
}

export async function upsertStickyComment(
  octokit: Octokit,
  t: StickyTarget,
  markdown: string,
): Promise<StickyOutcome> {
  const body = `${t.marker}\n${markdown}`.slice(0, MAX_COMMENT_CHARS);
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: t.owner,
    repo: t.repo,
    issue_number: t.issueNumber,
    per_page: 100,
  });
  const mine = comments.filter((c) => c.user?.login === t.author && (c.body ?? '').startsWith(t.marker));
  const existing = mine[mine.length - 1];
  if (existing) {
    if (existing.body === body) return { action: 'unchanged', id: existing.id, url: existing.html_url };
    const { data } = await octokit.rest.issues.updateComment({
      owner: t.owner,
      repo: t.repo,
      comment_id: existing.id,
      body,
    });
    return { action: 'updated', id: data.id, url: data.html_url };
  }
  const { data } = await octokit.rest.issues.createComment({
    owner: t.owner,
    repo: t.repo,
    issue_number: t.issueNumber,
    body,
  });
  return { action: 'created', id: data.id, url: data.html_url };
}
