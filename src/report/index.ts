/** Reports from an Analysis: Markdown (summary, PR comment), HTML with SVG charts, CSV. Pure. */
export {
  renderMarkdown,
  COMMENT_MARKER,
  SUMMARY_LIMIT_BYTES,
  COMMENT_LIMIT_CHARS,
  type MarkdownOptions,
} from './markdown.js';
export { renderHtml } from './html.js';
export { renderCsv, CSV_COLUMNS } from './csv.js';
export { buildCharts, type ChartSpec, type ChartSeries } from './charts.js';
export { renderSvg } from './svg.js';
export { renderMermaid } from './mermaid.js';
export { escapeMarkdown, escapeHtml, mermaidLabel, csvField } from './escape.js';
export type { WriteReportsResult } from './write-types.js';
