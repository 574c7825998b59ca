/**
 * The one Octokit the action uses: @actions/github's getOctokit (which honours GITHUB_API_URL,
 * so GitHub Enterprise Server works unchanged) plus retry (5xx, network errors: 3 retries
 * backing off 1 s, 4 s, 9 s) and throttling (primary and secondary rate limits: wait as told,
 * twice at most).
 */
import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { TOOL_VERSION } from '../version.js';

export type Octokit = ReturnType<typeof getOctokit>;

const MAX_RATE_LIMIT_RETRIES = 2;

/** The throttling plugin's handler for one kind of limit: warn, then retry a few times. */
function retryOnLimit(kind: string) {
  return (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
    core.warning(`GitHub API ${kind} on ${options.method} ${options.url}; retrying in ${retryAfter} s`);
    return retryCount < MAX_RATE_LIMIT_RETRIES;
  };
}

export function createOctokit(token: string): Octokit {
  return getOctokit(
    token,
    {
      userAgent: `arm-virt-bench/${TOOL_VERSION}`,
      retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451] },
      throttle: {
        onRateLimit: retryOnLimit('rate limit'),
        onSecondaryRateLimit: retryOnLimit('secondary rate limit'),
      },
    },
    retry,
    throttling,
  );
}

/** A short, log-safe description of an Octokit error (status and message, never headers). */
export function describeApiError(err: unknown): string {
  if (err && typeof err === 'object' && 'status' in err) {
    const status = (err as { status: unknown }).status;
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return `HTTP ${String(status)}: ${message}`;
  }
  return err instanceof Error ? err.message : String(err);
}

export function httpStatus(err: unknown): number | undefined {
  if (err && typeof err === 'object' && 'status' in err) {
    const s = (err as { status: unknown }).status;
    return typeof s === 'number' ? s : undefined;
  }
  return undefined;
}
