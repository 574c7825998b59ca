/** Text helpers shared by the parsers: pure, no I/O. */

// CSI/OSC escape sequences (SeaBIOS and QEMU serial logs are full of them).
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])/g;

/**
 * Lines of a log without CR, ANSI escapes or NULs; index i is line i+1. Only LF ends a
 * line, so line numbers match `grep -n` and editors even in serial logs with stray CRs.
 */
export function splitLines(text: string): string[] {
  return text.replace(ANSI, '').replaceAll('\u0000', '').split('\n').map(visibleLine);
}

/** A lone CR returns the terminal to column 0: what follows the last one is what shows. */
function visibleLine(raw: string): string {
  const line = raw.replace(/\r+$/, '');
  const cr = line.lastIndexOf('\r');
  return cr < 0 ? line : line.slice(cr + 1);
}

/** A finite number, or undefined: never NaN or Infinity. */
export function toNumber(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const t = s.trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}
