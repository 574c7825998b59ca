/**
 * From the analyses of every board to the action's verdict, the check's conclusion and its
 * annotations, as `fail-on` says:
 * - `regression`: any regression fails (absolute, or of an overhead against the host);
 * - `overhead-regression`: only an overhead regression fails (absolute numbers may move with
 *   the board's firmware/kernel; the virtualization cost is what this PR owns);
 * - `never`: report only.
 */
import type { Analysis } from './deps.js';
import type { Results } from '../results/schema.js';
import { stageName } from '../deploy/provenance.js';
import type { CheckAnnotation, CheckConclusion } from './check.js';

export type FailOn = 'regression' | 'overhead-regression' | 'never';
export type ActionVerdict =
  | 'pass'
  | 'regression'
  | 'overhead-regression'
  | 'incomparable'
  | 'no-baseline'
  | 'skipped'
  | 'did-not-boot'
  | 'deploy-failed';

export interface Decision {
  verdict: ActionVerdict;
  /** Regressions counted for the `regressions` output (absolute + overhead). */
  regressions: number;
  fail: boolean;
  conclusion: CheckConclusion;
  /** One line for the check title and the log. */
  title: string;
}

export function decide(analyses: Analysis[], failOn: FailOn): Decision {
  // A suite whose overhead grew is an overhead regression, as one of its cells would be.
  const overhead = analyses.reduce(
    (n, a) => n + a.headline.overheadRegressions.length + (a.headline.aggregateRegressions?.length ?? 0),
    0,
  );
  const absolute = analyses.reduce((n, a) => n + a.headline.regressions.length, 0);
  const compared = analyses.some((a) => a.headline.status === 'ok' || a.headline.status === 'regression');
  // A baseline, but nothing could be compared (every cell incomparable): never a pass.
  const incomparable = analyses.filter((a) => a.headline.status === 'incomparable');
  const verdict: ActionVerdict =
    overhead > 0
      ? 'overhead-regression'
      : absolute > 0
        ? 'regression'
        : compared
          ? 'pass'
          : incomparable.length > 0
            ? 'incomparable'
            : 'no-baseline';
  const fail =
    failOn === 'regression'
      ? overhead + absolute > 0
      : failOn === 'overhead-regression'
        ? overhead > 0
        : false;
  const conclusion: CheckConclusion = fail
    ? 'failure'
    : overhead + absolute > 0 || incomparable.length > 0
      ? 'neutral'
      : 'success';
  const parts: string[] = [];
  if (overhead > 0) parts.push(`${overhead} overhead regression${overhead === 1 ? '' : 's'}`);
  if (absolute > 0) parts.push(`${absolute} regression${absolute === 1 ? '' : 's'}`);
  if (incomparable.length > 0) {
    const why = incomparable[0]!.headline.reason ?? 'nothing could be compared with the baseline';
    parts.push(analyses.length > 1 ? `${incomparable[0]!.current.board}: ${why}` : why.replace(/\.$/, ''));
  }
  const title =
    parts.length > 0
      ? parts.join('; ').slice(0, 1000)
      : compared
        ? 'No regression against the baseline'
        : 'No baseline yet: overheads against the host only';
  return { verdict, regressions: overhead + absolute, fail, conclusion, title };
}

/**
 * The report phase collected nothing to compare. `unavailable` (the artifact service cannot be
 * used: GHES, an outage) is nobody's regression: a neutral check, the step does not fail.
 * `none` (nothing was uploaded under this artifact-name) is a broken workflow: it fails.
 */
export function nothingCollected(kind: 'unavailable' | 'none', why: string): Decision {
  const unavailable = kind === 'unavailable';
  return {
    verdict: 'skipped',
    regressions: 0,
    fail: !unavailable,
    conclusion: unavailable ? 'neutral' : 'failure',
    title: `Nothing to compare: ${why}`.slice(0, 200),
  };
}

/**
 * Check annotations need a file in the repository: they point at the config file (line 1),
 * which is what a reviewer opens to see what was measured.
 */
export function annotationsFor(analyses: Analysis[], failOn: FailOn, path: string): CheckAnnotation[] {
  const out: CheckAnnotation[] = [];
  const at = { path, start_line: 1, end_line: 1 };
  for (const a of analyses) {
    for (const r of a.headline.aggregateRegressions ?? []) {
      out.push({
        ...at,
        annotation_level: failOn === 'never' ? 'warning' : 'failure',
        title: `${a.current.board}: ${r.label} overhead regression (suite)`,
        message: r.sentence,
      });
    }
    for (const r of a.headline.overheadRegressions) {
      out.push({
        ...at,
        annotation_level: failOn === 'never' ? 'warning' : 'failure',
        title: `${a.current.board}: ${r.env} ${r.label} overhead regression`,
        message: r.sentence,
      });
    }
    for (const r of a.headline.regressions) {
      const change = r.change === null ? '' : ` (${(r.change * 100).toFixed(1)}% worse)`;
      out.push({
        ...at,
        annotation_level: failOn === 'regression' ? 'failure' : 'warning',
        title: `${a.current.board}: ${r.env} ${r.label} regression`,
        message: `${r.env} ${r.label}${change}${r.reason ? `: ${r.reason}` : ''}`,
      });
    }
    for (const f of a.failures) {
      out.push({
        ...at,
        annotation_level: 'warning',
        title: `${a.current.board}: ${f.env} ${f.suite} failed (${f.kinds.join(', ') || 'error'})`,
        message: f.message.slice(0, 2000),
      });
    }
  }
  return out;
}

/**
 * The code under test did not boot on a board (or could not be put on it): that decides before
 * any regression — what was measured there is the known-good, or nothing. It fails the step and
 * the check unless `fail-on: never` (then a neutral check).
 */
export function withDeployment(decision: Decision, current: readonly Results[], failOn: FailOn): Decision {
  const broken = current.filter((r) => r.deploy?.status === 'did-not-boot' || r.deploy?.status === 'failed');
  const first = broken[0];
  if (!first) return decision;
  const d = first.deploy!;
  const boot = d.boots.find((b) => b.outcome !== 'booted');
  const more =
    broken.length > 1 ? ` (and ${broken.length - 1} more board${broken.length > 2 ? 's' : ''})` : '';
  const title =
    d.status === 'did-not-boot'
      ? `The change did not boot on ${first.board.name}: its ${boot?.mode ?? ''} boot stopped in ${stageName(boot?.stage)}${more}`
      : `The change could not be deployed to ${first.board.name}${more}`;
  const fail = failOn !== 'never';
  return {
    ...decision,
    verdict: d.status === 'did-not-boot' ? 'did-not-boot' : 'deploy-failed',
    fail,
    conclusion: fail ? 'failure' : 'neutral',
    title: title.replace(/\s+/g, ' ').slice(0, 200),
  };
}
