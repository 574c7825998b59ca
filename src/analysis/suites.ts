/**
 * Suite-level verdicts: per environment × suite, the aggregate of its overhead cells (the
 * statistics are in aggregates.ts), tested against the baseline's with the two looks of an
 * adaptive run, and the current run's suite overheads with their intervals. Pure.
 */
import type { AdaptiveRounds, Better, Results, SuiteId } from '../results/schema.js';
import {
  aggregateContrast,
  aggregateInterval,
  clusteredMean,
  designEffect,
  modelVariance,
  overheadOfLog,
  restatesAnotherMetric,
  SUITE_LABELS,
  suiteBetter,
  type CellPair,
  type ClusteredMean,
  type DesignEffect,
} from './aggregates.js';
import { cellKey, type RawCell } from './cells.js';
import { envLabel } from './labels.js';
import { worseBy } from './power.js';
import { atFirstLook, extraRoundsOf, sequentialP } from './sequential.js';
import { kindOf, pct } from './sentences.js';
import type { AggregateComparison, OverheadComparison, ResolvedOptions, SuiteOverhead } from './types.js';

/** An aggregate's test, before the report's correction. */
export interface AggregateTest {
  target: AggregateComparison;
  p: number;
  se: number;
  df: number;
  better: Better;
  level: 'aggregate';
}

export interface OverheadGroups {
  envCur: RawCell;
  hostCur: RawCell;
  envBase: RawCell;
  hostBase: RawCell;
}

export interface PreparedAggregate {
  key: string;
  env: string;
  suite: SuiteId;
  members: { oc: OverheadComparison; groups: OverheadGroups }[];
  all: OverheadComparison[];
  /** Whether every cell got the same extra rounds (then the aggregate uses them). */
  extended: boolean;
  extraRounds: number;
  cur: (look: 'first' | 'all') => CellPair[];
  base: CellPair[];
  /** Clustered and model variances of both sides at the first look (the design effect's parts). */
  effectParts: { clustered: ClusteredMean; model: number }[];
}

export function prepareAggregate(
  key: string,
  all: OverheadComparison[],
  members: { oc: OverheadComparison; groups: OverheadGroups }[],
  design: AdaptiveRounds | undefined,
): PreparedAggregate {
  const { env, suite } = all[0]!;
  const cur = (look: 'first' | 'all') =>
    members.map(({ groups: g }) => ({
      env: look === 'first' ? atFirstLook(g.envCur, design) : g.envCur,
      host: look === 'first' ? atFirstLook(g.hostCur, design) : g.hostCur,
    }));
  const base = members.map(({ groups: g }) => ({ env: g.envBase, host: g.hostBase }));
  // The aggregate's rounds are its clusters: it uses the extra rounds only when every cell of
  // the suite got them (the engine extends a suggestive aggregate's whole suite); otherwise its
  // test is the first look's.
  const extra = members.map(({ groups: g }) =>
    Math.min(extraRoundsOf(g.envCur, design), extraRoundsOf(g.hostCur, design)),
  );
  const extended = extra.length > 0 && extra.every((x) => x > 0 && x === extra[0]);
  const first = cur('first');
  const effectParts =
    members.length === 0
      ? []
      : [
          { clustered: clusteredMean(first), model: modelVariance(first) },
          { clustered: clusteredMean(base), model: modelVariance(base) },
        ];
  return {
    key,
    env,
    suite,
    members,
    all,
    extended,
    extraRounds: extended ? extra[0]! : 0,
    cur,
    base,
    effectParts,
  };
}

/** The aggregate of one env × suite: its verdict entry, and its test when it has one. */
export function aggregateComparison(
  current: Results,
  baseline: Results,
  x: PreparedAggregate,
  opts: ResolvedOptions,
  effect: DesignEffect,
  gamma: number | null,
): { target: AggregateComparison; pending: AggregateTest | null } {
  const { env, suite, members } = x;
  const label = `${envLabel(env, kindOf(current, env) ?? kindOf(baseline, env))} ${SUITE_LABELS[suite]}`;
  const target: AggregateComparison = {
    env,
    suite,
    hostEnv: opts.hostEnv!,
    label,
    verdict: 'unchanged',
    change: null,
    ciLow: null,
    ciHigh: null,
    p: null,
    pAdjusted: null,
    reason: null,
    mde: null,
    extraRounds: x.extraRounds,
    cells: members.length,
    baselineOverhead: null,
    currentOverhead: null,
    rounds: { baseline: 0, current: 0 },
    sentence: '',
  };
  if (members.length === 0) {
    // Nothing testable: the cells' own verdicts say why (the first one is representative).
    const first = x.all.find((o) => o.verdict === 'incomparable') ?? x.all[0]!;
    target.verdict = first.verdict === 'incomparable' ? 'incomparable' : 'missing';
    target.reason = first.reason;
    target.sentence = `${label} overhead: ${first.reason ?? 'no cell compared on both sides'}`;
    return { target, pending: null };
  }
  const better = suiteBetter(x.base);
  const base = clusteredMean(x.base);
  const curAll = clusteredMean(x.cur(x.extended ? 'all' : 'first'));
  target.baselineOverhead = overheadOfLog(base.estimate, better);
  target.currentOverhead = overheadOfLog(curAll.estimate, better);
  target.rounds = { baseline: base.rounds, current: curAll.rounds };
  const first = aggregateContrast(x.cur('first'), x.base, effect, opts.alpha);
  const final = x.extended ? aggregateContrast(x.cur('all'), x.base, effect, opts.alpha) : first;
  const p = sequentialP(first.p, x.extended ? final.p : null, gamma);
  target.change = worseBy(final.estimate, better);
  target.ciLow = worseBy(final.low, better);
  target.ciHigh = worseBy(final.high, better);
  target.p = p;
  return { target, pending: { target, p, se: final.se, df: final.df, better, level: 'aggregate' } };
}

/** The current run's geometric-mean overhead per environment × suite, with its interval. */
export function computeSuiteOverheads(
  results: Results,
  cells: Map<string, RawCell>,
  hostEnv: string | null,
  opts: ResolvedOptions,
): SuiteOverhead[] {
  if (hostEnv === null) return [];
  const groups = new Map<string, CellPair[]>();
  for (const cell of cells.values()) {
    if (cell.env === hostEnv || cell.values.length === 0) continue;
    const host = cells.get(cellKey(hostEnv, cell.metricKey));
    if (!host || host.values.length === 0 || host.unit !== cell.unit || host.better !== cell.better) continue;
    if (cell.values.some((v) => !(v > 0)) || host.values.some((v) => !(v > 0))) continue;
    if (restatesAnotherMetric(cell.metric)) continue;
    const k = `${cell.env}\u0000${cell.suite}`;
    let list = groups.get(k);
    if (!list) groups.set(k, (list = []));
    list.push({ env: cell, host });
  }
  const effects = new Map<string, DesignEffect>();
  for (const pairs of groups.values()) {
    const env = pairs[0]!.env.env;
    if (effects.has(env)) continue;
    const parts = [...groups.values()]
      .filter((p) => p[0]!.env.env === env)
      .map((p) => ({ clustered: clusteredMean(p), model: modelVariance(p) }));
    effects.set(env, designEffect(parts));
  }
  const out: SuiteOverhead[] = [];
  for (const pairs of groups.values()) {
    const { env, suite } = pairs[0]!.env;
    const m = clusteredMean(pairs);
    const better = suiteBetter(pairs);
    const i = aggregateInterval(pairs, m, effects.get(env)!, better, opts.confidence);
    const label = `${envLabel(env, kindOf(results, env))} ${SUITE_LABELS[suite]}`;
    const range =
      i.low !== null && i.high !== null
        ? ` (95% CI ${pct(i.low)} to ${pct(i.high)})`
        : ' (one run: no interval)';
    out.push({
      env,
      suite,
      hostEnv,
      label,
      overhead: i.overhead,
      ciLow: i.low,
      ciHigh: i.high,
      cells: pairs.length,
      rounds: m.rounds,
      sentence: `${label} overhead ${pct(i.overhead)}${range}, geometric mean of ${pairs.length} cell${pairs.length === 1 ? '' : 's'} over ${m.rounds} round${m.rounds === 1 ? '' : 's'}`,
    });
  }
  return out;
}
