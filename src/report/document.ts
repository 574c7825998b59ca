/**
 * The report as data: one document, built once from an Analysis (build.ts), rendered to
 * Markdown (markdown.ts: job summary, PR comment) and to HTML (html.ts). Both renderers walk
 * the same sections, so a section added here (e.g. suite-level aggregates) appears in both.
 * Text is plain and untrusted unless a span says `safe`: each renderer escapes for its format.
 */
import type { ChartSpec } from './charts.js';

export type Tone = 'bad' | 'good' | 'warn' | 'neutral';

export interface Span {
  text: string;
  strong?: boolean;
  /** Monospace (tool output, file names). */
  code?: boolean;
  tone?: Tone;
  /** http(s) only; anything else is rendered as text. */
  href?: string;
  /** Our own text (numbers, icons): not escaped for Markdown. */
  safe?: boolean;
  /** Markdown only: cut to this many characters (tables and lists stay readable). */
  max?: number;
}
export type Text = Span[];

export interface Column {
  title: string;
  numeric?: boolean;
}
export interface Cell {
  text: string;
  tone?: Tone;
  safe?: boolean;
  max?: number;
}

export type Block =
  | { kind: 'paragraph'; text: Text; small?: boolean }
  | {
      kind: 'list';
      items: Text[];
      /** Markdown shows at most this many, then a "more" line. */ limit?: number;
    }
  | {
      kind: 'table';
      columns: Column[];
      rows: Cell[][];
      /** Markdown shows at most this many rows. */ limit?: number;
    }
  | { kind: 'note'; text: Text }
  | { kind: 'figures'; charts: ChartSpec[] };

/** How the Markdown shows a section: under a heading, folded in <details>, or not at all. */
export type Fold = 'open' | 'collapsed' | 'omitted';

export interface Section {
  /** Stable id: the HTML's anchor (`<section id="…">`) and the tests' handle. */
  id: string;
  /** Heading; null for a section of notes that follows the one before it. */
  title: string | null;
  blocks: Block[];
  markdown: { summary: Fold; comment: Fold };
  /** Kept even when the Markdown budget is tight (the headline). */
  essential?: boolean;
}

export interface ReportDocument {
  title: string;
  verdict: { text: Text; tone?: Tone };
  /** Run, board, preset, commit, baseline. */
  run: Text;
  sections: Section[];
  /** Markdown: where the rest is (artifact link, or the files next to this one). */
  pointer: Text;
  /** HTML: the same, seen from the HTML page itself. */
  pointerHtml: Text;
  /** The method in one paragraph. */
  method: string;
  /** Which tool made it, from where (CLI or action). */
  madeBy: string;
}

export const span = (text: string, extra: Omit<Span, 'text'> = {}): Span => ({ text, ...extra });
export const safe = (text: string, extra: Omit<Span, 'text' | 'safe'> = {}): Span => ({
  text,
  safe: true,
  ...extra,
});
export const cell = (text: string, extra: Omit<Cell, 'text'> = {}): Cell => ({ text, ...extra });
export const num = (text: string, extra: Omit<Cell, 'text' | 'safe'> = {}): Cell => ({
  text,
  safe: true,
  ...extra,
});
