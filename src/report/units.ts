/**
 * Units a person reads. results.json (and the CSV) keep each tool's own unit — netperf's
 * `10^6bits/s`, IOzone's `kB/s` — because baselines and other tools rely on them; the
 * Markdown, the HTML and the figures show Mbit/s and MiB/s. IOzone counts a kB as 1024
 * bytes, so its throughput becomes MiB/s (kB/s ÷ 1024), not a decimal MB/s.
 */
export interface DisplayUnit {
  unit: string;
  /** Multiply a value in the raw unit by this to get the display unit. */
  factor: number;
}

const HUMAN: Record<string, DisplayUnit> = {
  '10^6bits/s': { unit: 'Mbit/s', factor: 1 },
  'kB/s': { unit: 'MiB/s', factor: 1 / 1024 },
  KBps: { unit: 'KiB/s', factor: 1 },
};

export function displayUnit(raw: string): DisplayUnit {
  return HUMAN[raw] ?? { unit: raw, factor: 1 };
}

/** A value in its raw unit, scaled to the display unit (null stays null). */
export function toDisplay(value: number | null | undefined, raw: string): number | null {
  if (value === null || value === undefined) return null;
  return value * displayUnit(raw).factor;
}
