/** Text helpers shared by the parsers: pure, no I/O. */

// CSI/OSC escape sequences (SeaBIOS and QEMU serial logs are full of them).
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])/g;

/** Lines of a log without CR, ANSI escapes or NULs; index i is line i+1. */
export function splitLines(text: string): string[] {
  return text
    .replace(ANSI, '')
    .replaceAll('\u0000', '')
    .split(/\r?\n|\r/);
}

/** A finite number, or undefined: never NaN or Infinity. */
export function toNumber(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const t = s.trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}
