/**
 * avb-meta.json, written next to results.json in every results artifact: which PR and commit the
 * run measured. The `workflow_run` reporting pattern needs it because GitHub does not list fork
 * PRs in `workflow_run.pull_requests`; since a fork's run wrote it, the PR number is only used
 * after `pulls.get` confirms that PR's head is the commit the triggering run built.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { RunContext } from './context.js';
import type { Octokit } from './octokit.js';

export const META_FILE = 'avb-meta.json';

export const Meta = z.object({
  schema: z.literal('arm-virt-bench/meta@1'),
  event: z.string().max(100),
  runId: z.number().int(),
  headSha: z.string().regex(/^[0-9a-f]{7,64}$/),
  pullNumber: z.number().int().positive().optional(),
});
export type Meta = z.infer<typeof Meta>;

export async function writeMeta(dir: string, ctx: RunContext): Promise<void> {
  const meta: Meta = {
    schema: 'arm-virt-bench/meta@1',
    event: ctx.eventName,
    runId: ctx.runId,
    headSha: ctx.headSha,
    ...(ctx.pullNumber !== undefined ? { pullNumber: ctx.pullNumber } : {}),
  };
  await writeFile(join(dir, META_FILE), `${JSON.stringify(meta, null, 2)}\n`);
}

export async function readMeta(dir: string): Promise<Meta | undefined> {
  try {
    const parsed = Meta.safeParse(JSON.parse(await readFile(join(dir, META_FILE), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The PR a workflow_run report belongs to, or undefined (then: summary and check only). */
export async function verifiedPullNumber(
  octokit: Octokit,
  ctx: RunContext,
  claimed: number | undefined,
): Promise<number | undefined> {
  if (claimed === undefined || !ctx.triggeringRun) return undefined;
  const { data } = await octokit.rest.pulls.get({ owner: ctx.owner, repo: ctx.repo, pull_number: claimed });
  return data.head.sha === ctx.triggeringRun.head_sha ? claimed : undefined;
}
