/** Grouping samples into cells (environment × metric × params). */
import type { Better, Params, Results, SuiteId } from '../results/schema.js';
import { metricKeyOf, metricLabel } from './labels.js';

export interface RawCell {
  env: string;
  suite: SuiteId;
  metric: string;
  params: Params;
  metricKey: string;
  unit: string;
  better: Better;
  label: string;
  values: number[];
  /** The round of each value (parallel to values). */
  rounds: number[];
  warnings: number;
  /** Another unit or direction showed up for the same cell (a parser bug or a changed tool). */
  conflicts: string[];
}

export function cellKey(env: string, metricKey: string): string {
  return `${env}\u0000${metricKey}`;
}

/** All cells of a results file, keyed by cellKey(); insertion order = first sample order. */
export function groupCells(results: Results): Map<string, RawCell> {
  const cells = new Map<string, RawCell>();
  // Samples of one parser share their params' key order: the raw JSON of metric + params
  // maps to the canonical key once, instead of sorting keys for every sample.
  const canonical = new Map<string, string>();
  for (const s of results.samples) {
    const raw = `${s.metric}${JSON.stringify(s.params)}`;
    let metricKey = canonical.get(raw);
    if (metricKey === undefined) {
      metricKey = metricKeyOf(s.metric, s.params);
      canonical.set(raw, metricKey);
    }
    const key = cellKey(s.env, metricKey);
    let cell = cells.get(key);
    if (!cell) {
      cell = {
        env: s.env,
        suite: s.suite,
        metric: s.metric,
        params: s.params,
        metricKey,
        unit: s.unit,
        better: s.better,
        label: metricLabel(s.metric, s.params),
        values: [],
        rounds: [],
        warnings: 0,
        conflicts: [],
      };
      cells.set(key, cell);
    }
    if (s.unit !== cell.unit || s.better !== cell.better) {
      cell.conflicts.push(`round ${s.round}: ${s.unit}/${s.better} vs ${cell.unit}/${cell.better}`);
      continue;
    }
    cell.values.push(s.value);
    cell.rounds.push(s.round);
    if (s.warnings && s.warnings.length > 0) cell.warnings++;
  }
  return cells;
}

/** The cell restricted to rounds below `limit` (the first look of an adaptive run). */
export function firstRounds(cell: RawCell, limit: number): RawCell {
  if (cell.rounds.every((r) => r < limit)) return cell;
  const keep = cell.rounds.map((r) => r < limit);
  return {
    ...cell,
    values: cell.values.filter((_, i) => keep[i]),
    rounds: cell.rounds.filter((_, i) => keep[i]),
  };
}
