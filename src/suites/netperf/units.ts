/**
 * netperf's throughput units (netlib.c `format_units()` and `calc_thruput_interval()`):
 * `-f k|m|g` are 10^3/10^6/10^9 bits, `-f K|M|G` are 2^10/2^20/2^30 bytes, `x` is transactions.
 * Classic headers print them as `%s/sec` or `%s/s`, omni's THROUGHPUT_UNITS as `%s/s`.
 */

export type Throughput = { kind: 'bits'; toMbits: number; label: string } | { kind: 'trans'; label: string };

const FACTORS: Record<string, number> = {
  '10^3bits': 1e-3,
  '10^6bits': 1,
  '10^9bits': 1e3,
  KBytes: (8 * 1024) / 1e6,
  MBytes: (8 * 1024 ** 2) / 1e6,
  GBytes: (8 * 1024 ** 3) / 1e6,
};

/** Finds a unit label anywhere in `s` (a header's units row, or a THROUGHPUT_UNITS value). */
export function findUnit(s: string): Throughput | undefined {
  const m = /(10\^[369]bits|[KMG]Bytes|Trans|Tran)\s*\/\s*s(?:ec)?\b/.exec(s);
  if (!m) return undefined;
  const label = m[1]!;
  if (label === 'Trans' || label === 'Tran') return { kind: 'trans', label: `${label}/s` };
  return { kind: 'bits', toMbits: FACTORS[label]!, label: `${label}/s` };
}

/** netperf's defaults when a log does not print its unit (`-P 0`, `-v 0`, omni without THROUGHPUT_UNITS). */
export const DEFAULT_STREAM_UNIT: Throughput = { kind: 'bits', toMbits: 1, label: '10^6bits/s' };
export const DEFAULT_RR_UNIT: Throughput = { kind: 'trans', label: 'Trans/s' };
