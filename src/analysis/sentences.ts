/**
 * The sentences of an analysis, the ones a reviewer reads and can lift: how an overhead or a
 * suite's overhead changed, which changes under test the verdicts include, why nothing could
 * be compared, and the note when the host itself moved. Pure.
 */
import type { Results } from '../results/schema.js';
import { envLabel } from './labels.js';
import type { AggregateComparison, Comparison, FingerprintDifference, OverheadComparison } from './types.js';

export function pct(x: number, digits = 1): string {
  return `${(x * 100).toFixed(digits)}%`;
}

export function kindOf(results: Results, env: string) {
  return results.environments.find((e) => e.id === env)?.kind;
}

/**
 * When the host's own cells moved between the runs, every absolute verdict of the other
 * environments carries that move too (a changed host kernel or firmware, or a machine shared
 * with other load, as on CI runners). The overhead verdicts compare each environment with the
 * host of its own run, interleaved round by round, so they do not: the note says which to trust.
 */
export function hostDriftNote(comparisons: Comparison[], hostEnv: string | null): string | null {
  // A run of the host alone has no other verdicts for the move to explain.
  if (hostEnv === null || comparisons.every((c) => c.env === hostEnv)) return null;
  const host = comparisons.filter((c) => c.env === hostEnv && c.change !== null);
  const moved = host.filter((c) => c.verdict === 'regression' || c.verdict === 'improvement');
  if (moved.length === 0) return null;
  const shown = moved
    .slice(0, 2)
    .map((c) => `${c.label} ${pct(Math.abs(c.change!))} ${c.change! > 0 ? 'worse' : 'better'}`)
    .join('; ');
  const more = moved.length > 2 ? `; ${moved.length - 2} more` : '';
  return (
    `The host itself changed between the two runs in ${moved.length} of ${host.length} cells (${shown}${more}): ` +
    "the absolute verdicts of the other environments include that change of the host or of the machine's load; " +
    'the overhead verdicts compare each environment with the host of its own run and do not.'
  );
}

export function overheadSentence(oc: OverheadComparison, current: Results, baseline: Results): string {
  const label = `${envLabel(oc.env, kindOf(current, oc.env) ?? kindOf(baseline, oc.env))} ${oc.label}`;
  const from = oc.baselineOverhead !== null ? pct(oc.baselineOverhead) : '?';
  const to = oc.currentOverhead !== null ? pct(oc.currentOverhead) : '?';
  const pp =
    oc.baselineOverhead !== null && oc.currentOverhead !== null
      ? ` (${oc.currentOverhead >= oc.baselineOverhead ? '+' : ''}${((oc.currentOverhead - oc.baselineOverhead) * 100).toFixed(1)} pp)`
      : '';
  const verb =
    oc.verdict === 'regression' ? 'grew' : oc.verdict === 'improvement' ? 'shrank' : 'is unchanged,';
  const rel =
    oc.change !== null
      ? `; relative to the host ${oc.change >= 0 ? pct(oc.change) + ' worse' : pct(-oc.change) + ' better'} (95% CI ${pct(oc.ciLow!)} to ${pct(oc.ciHigh!)}, adjusted p=${formatP(oc.pAdjusted)})`
      : '';
  return `${label} overhead ${verb} from ${from} to ${to}${pp}${rel}`;
}

export function formatP(p: number | null): string {
  if (p === null) return '–';
  if (p < 0.0001) return p.toExponential(1);
  return p.toFixed(4);
}

/**
 * Changes under test, said once per key and value pair: "This run's kernel differs from the
 * baseline's (host, kvm: 6.1.0 → 6.6.0): the verdicts include its effect."
 */
export function changeNotes(diffs: readonly FingerprintDifference[], current: Results): string[] {
  const groups = new Map<string, FingerprintDifference[]>();
  for (const d of diffs.filter((x) => x.expected)) {
    const k = `${d.key}\u0000${d.baseline}\u0000${d.current}`;
    let list = groups.get(k);
    if (!list) groups.set(k, (list = []));
    list.push(d);
  }
  const out: string[] = [];
  for (const list of groups.values()) {
    const d = list[0]!;
    const where = list.map((x) => (x.env === '*' ? 'the board' : envLabel(x.env, kindOf(current, x.env))));
    const what = d.class === 'under-test' ? 'a change under test' : 'a setup change declared expected';
    out.push(
      `This run's ${d.key} differs from the baseline's (${where.join(', ')}: ${d.baseline} → ${d.current}), ${what}: the verdicts include its effect.`,
    );
  }
  return out;
}

/** The first line of a report in which nothing could be compared. */
export function incomparableHeadline(
  comparisons: readonly Comparison[],
  diffs: readonly FingerprintDifference[],
): string {
  const setup = diffs.filter((d) => !d.expected);
  if (setup.length > 0 && comparisons.some((c) => c.verdict === 'incomparable')) {
    const shown = setup
      .slice(0, 3)
      .map((d) => `${d.key} on ${d.env === '*' ? 'the board' : d.env}: ${d.baseline} → ${d.current}`)
      .join('; ');
    const more = setup.length > 3 ? `; ${setup.length - 3} more` : '';
    return `Nothing could be compared with the baseline: the setup changed (${shown}${more}). Run the baseline on this setup, or declare the change with expect-change.`;
  }
  const count = (v: Comparison['verdict']) => comparisons.filter((c) => c.verdict === v).length;
  const counts = {
    missing: count('missing'),
    erratic: count('erratic'),
    incomparable: count('incomparable'),
  };
  if (comparisons.length === 0 || counts.missing === comparisons.length)
    return 'Nothing could be compared with the baseline: no cell was measured in both runs.';
  if (counts.erratic > 0 && counts.incomparable === 0)
    return `Nothing could be compared with the baseline: every cell measured in both runs was too noisy (CV above max-cv) to test.`;
  const first = comparisons.find((c) => c.verdict === 'incomparable');
  return `Nothing could be compared with the baseline: ${first?.reason ?? 'no cell could be tested'}.`;
}

export function aggregateSentence(agg: AggregateComparison): string {
  const from = agg.baselineOverhead !== null ? pct(agg.baselineOverhead) : '?';
  const to = agg.currentOverhead !== null ? pct(agg.currentOverhead) : '?';
  const verb =
    agg.verdict === 'regression' ? 'grew' : agg.verdict === 'improvement' ? 'shrank' : 'is unchanged,';
  const rel =
    agg.change !== null
      ? `; relative to the host ${agg.change >= 0 ? pct(agg.change) + ' worse' : pct(-agg.change) + ' better'} (95% CI ${pct(agg.ciLow!)} to ${pct(agg.ciHigh!)}, adjusted p=${formatP(agg.pAdjusted)})`
      : '';
  const cannot =
    agg.verdict === 'unchanged' && agg.mde !== null
      ? ` — this run could not see less than ${pct(agg.mde, 0)}`
      : '';
  return `${agg.label} overhead (geometric mean of ${agg.cells} cells) ${verb} from ${from} to ${to}${rel}${cannot}`;
}
