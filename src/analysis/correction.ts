/**
 * Multiple-comparison adjustments across every compared cell of a report (absolute and
 * overhead tests in one family), so the false-alarm rate is per report, not per cell.
 * Holm (default): family-wise error ≤ alpha under any dependence. Benjamini-Hochberg
 * (option): false discovery rate ≤ alpha for independent or positively dependent tests;
 * more power when many cells really changed. Both return adjusted p-values (compare to alpha).
 */

export function holm(p: readonly number[]): number[] {
  const m = p.length;
  const order = p.map((v, i) => i).sort((a, b) => p[a]! - p[b]!);
  const out = new Array<number>(m);
  let running = 0;
  order.forEach((idx, rank) => {
    const adj = Math.min(1, (m - rank) * p[idx]!);
    running = Math.max(running, adj);
    out[idx] = running;
  });
  return out;
}

export function benjaminiHochberg(p: readonly number[]): number[] {
  const m = p.length;
  const order = p.map((v, i) => i).sort((a, b) => p[b]! - p[a]!); // descending
  const out = new Array<number>(m);
  let running = 1;
  order.forEach((idx, k) => {
    const rank = m - k; // ascending rank of this p
    const adj = Math.min(1, (m / rank) * p[idx]!);
    running = Math.min(running, adj);
    out[idx] = running;
  });
  return out;
}

export function adjust(p: readonly number[], method: 'holm' | 'bh'): number[] {
  return method === 'holm' ? holm(p) : benjaminiHochberg(p);
}
