/**
 * CSV export: one row per cell (current side), with its overhead against the host and, when
 * there is a baseline, its absolute and overhead verdicts. RFC 4180; formula-safe strings.
 */
import type { Analysis } from '../analysis/types.js';
import { cellKey } from '../analysis/cells.js';
import { csvField } from './escape.js';

export const CSV_COLUMNS = [
  'env',
  'suite',
  'metric',
  'params',
  'unit',
  'better',
  'n',
  'mean',
  'median',
  'sd',
  'cv',
  'ci_low',
  'ci_high',
  'overhead',
  'overhead_ci_low',
  'overhead_ci_high',
  'baseline_n',
  'baseline_mean',
  'change',
  'change_ci_low',
  'change_ci_high',
  'p',
  'p_adjusted',
  'verdict',
  'mde',
  'overhead_change',
  'overhead_p_adjusted',
  'overhead_verdict',
  'overhead_mde',
  'reason',
] as const;

export function renderCsv(a: Analysis): string {
  const overheads = new Map(a.overheads.map((o) => [cellKey(o.env, o.metricKey), o]));
  const comparisons = new Map(a.comparisons.map((c) => [cellKey(c.env, c.metricKey), c]));
  const ocs = new Map(a.overheadComparisons.map((c) => [cellKey(c.env, c.metricKey), c]));
  const stats = new Map(a.cells.map((c) => [cellKey(c.env, c.metricKey), c]));
  const rows: string[] = [CSV_COLUMNS.join(',')];
  const seen = new Set<string>();
  const emit = (key: string) => {
    const s = stats.get(key);
    const cmp = comparisons.get(key);
    const ref = s ?? cmp;
    if (!ref) return;
    const o = overheads.get(key);
    const oc = ocs.get(key);
    const params = Object.keys(ref.params)
      .sort()
      .map((k) => `${k}=${String(ref.params[k])}`)
      .join(';');
    const reason = [cmp?.reason, oc?.reason].filter(Boolean).join(' / ');
    const values: unknown[] = [
      ref.env,
      ref.suite,
      ref.metric,
      params,
      ref.unit,
      ref.better,
      s?.n,
      s?.mean,
      s?.median,
      s?.sd,
      s?.cv,
      s?.ciLow,
      s?.ciHigh,
      o?.overhead,
      o?.ciLow,
      o?.ciHigh,
      cmp?.baseline?.n,
      cmp?.baseline?.mean,
      cmp?.change,
      cmp?.ciLow,
      cmp?.ciHigh,
      cmp?.p,
      cmp?.pAdjusted,
      cmp?.verdict,
      cmp?.mde,
      oc?.change,
      oc?.pAdjusted,
      oc?.verdict,
      oc?.mde,
      reason,
    ];
    rows.push(values.map(csvField).join(','));
  };
  for (const c of a.cells) {
    const key = cellKey(c.env, c.metricKey);
    seen.add(key);
    emit(key);
  }
  // Cells only in the baseline (missing now) still get a row.
  for (const c of a.comparisons) {
    const key = cellKey(c.env, c.metricKey);
    if (!seen.has(key)) {
      seen.add(key);
      emit(key);
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}
