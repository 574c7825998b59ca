/**
 * A pull request from a fork must not run code on a lab board: its workflow file, config and
 * scripts come from a stranger. Unless `allow-fork: true`, such a run measures nothing and says
 * why; the safe pattern is to benchmark only trusted refs and report on PRs from a separate
 * `workflow_run` workflow (workflows-examples/fork-safe-report.yml).
 */
import type { RunContext } from './context.js';

export interface ForkDecision {
  allowed: boolean;
  /** Markdown for the summary/log when not allowed. */
  reason?: string;
}

export const FORK_PATTERN_DOC = 'workflows-examples/fork-safe-report.yml';

export function forkGuard(ctx: RunContext, allowFork: boolean): ForkDecision {
  if (!ctx.fromFork) return { allowed: true };
  if (allowFork) return { allowed: true };
  return {
    allowed: false,
    reason: [
      `arm-virt-bench ran no benchmark: pull request #${ctx.pullNumber ?? '?'} comes from a fork, and a fork's code`,
      'must not run on a self-hosted lab board (it could read the board, its keys and the network behind it).',
      '',
      `To benchmark contributions safely, run the benchmark only on trusted refs and report on pull requests from a`,
      `separate workflow triggered by \`workflow_run\` (see \`${FORK_PATTERN_DOC}\` in the arm-virt-bench repository).`,
      'Set `allow-fork: true` only if every runner this job can land on is disposable.',
    ].join('\n'),
  };
}
