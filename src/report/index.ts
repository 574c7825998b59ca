/** Reports from an Analysis: Markdown (summary, PR comment), HTML with SVG charts, CSV. Pure. */
export {
  renderMarkdown,
  COMMENT_MARKER,
  SUMMARY_LIMIT_BYTES,
  COMMENT_LIMIT_CHARS,
  type MarkdownOptions,
} from './markdown.js';
export { renderHtml, renderDocumentHtml } from './html.js';
export { renderDocumentMarkdown } from './markdown.js';
export { buildReport, MIN_RUNS_FOR_INTERVAL, type ReportOptions } from './build.js';
export type { ReportDocument, Section, Block, Text, Span, Cell, Column, Tone, Fold } from './document.js';
export { displayUnit, toDisplay } from './units.js';
export { renderCsv, CSV_COLUMNS } from './csv.js';
export { buildCharts, chartTitle, type ChartSpec, type ChartSeries } from './charts.js';
export { renderSvg } from './svg.js';
export { renderMermaid } from './mermaid.js';
export { escapeMarkdown, escapeHtml, mermaidLabel, csvField } from './escape.js';
export type { WriteReportsResult } from './write-types.js';
