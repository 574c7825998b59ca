/** Number formatting shared by the Markdown, HTML and CSV renderers. */

const sig = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });

/** A measured value: 4 significant digits, thousands separators ("1,235", "0.3124"). */
export function formatValue(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  return sig.format(v);
}

/** A fraction as a percentage with a sign when asked ("+5.2%"). */
export function formatPct(v: number | null | undefined, digits = 1, signed = false): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  const s = `${(v * 100).toFixed(digits)}%`;
  return signed && v > 0 ? `+${s}` : s;
}

/** Axis tick: compact SI (1.5k, 2M) for large values. */
export function formatTick(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e9) return `${+(v / 1e9).toPrecision(3)}G`;
  if (a >= 1e6) return `${+(v / 1e6).toPrecision(3)}M`;
  if (a >= 1e4) return `${+(v / 1e3).toPrecision(3)}k`;
  return `${+v.toPrecision(3)}`;
}

/** Nice axis maximum and step (1, 2, 2.5, 5 × 10^k), ~5 ticks from 0. */
export function niceScale(max: number, ticks = 5): { max: number; step: number } {
  if (!(max > 0)) return { max: 1, step: 0.2 };
  const raw = max / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  return { max: Math.ceil(max / step - 1e-9) * step, step };
}
