/**
 * A chart spec as a GitHub-rendered mermaid `xychart-beta` block plus a Markdown legend
 * (xychart has no legend of its own). xychart draws several `bar` series on top of each
 * other, so grouped-bar figures are drawn as lines with one point per category here; the
 * HTML report draws them as grouped bars. A chart with one category becomes one bar per
 * environment. A series with gaps is left out and named. xychart has no error bars: the
 * HTML report draws them.
 */
import { chartTitle, type ChartSpec } from './charts.js';
import { escapeMarkdown, mermaidLabel } from './escape.js';
import { niceScale } from './format.js';
import { PALETTE, SWATCHES } from './palette.js';

function n(v: number): string {
  return String(+v.toPrecision(5));
}

export function renderMermaid(spec: ChartSpec): string {
  if (spec.categories.length === 1) return oneCategory(spec);
  const drawn = spec.series.filter((s) => s.values.every((v) => v !== null));
  const skipped = spec.series.filter((s) => !s.values.every((v) => v !== null));
  const max = Math.max(0, ...drawn.flatMap((s) => s.values as number[]));
  const scale = niceScale(max);
  const palette = drawn.map((_, i) => PALETTE[spec.series.indexOf(drawn[i]!) % PALETTE.length]).join(', ');
  const lines = [
    '```mermaid',
    `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${palette}"}}}}%%`,
    'xychart-beta',
    `    title "${mermaidLabel(chartTitle(spec), 140)}"`,
    `    x-axis "${mermaidLabel(spec.xLabel)}" [${spec.categories.map((c) => `"${mermaidLabel(c, 24)}"`).join(', ')}]`,
    `    y-axis "${mermaidLabel(spec.yLabel, 60)}" 0 --> ${n(scale.max)}`,
    ...drawn.map((s) => `    line [${s.values.map((v) => n(v!)).join(', ')}]`),
    '```',
  ];
  const legend = drawn
    .map((s) => `${SWATCHES[spec.series.indexOf(s) % SWATCHES.length]} ${escapeMarkdown(s.name, 40)}`)
    .join(' · ');
  const notes = [
    `${legend}${spec.kind === 'bar' ? ' — bars with ± SD in the HTML report; drawn as lines here' : ''}`,
    ...(skipped.length > 0
      ? [`Not drawn (incomplete): ${skipped.map((s) => escapeMarkdown(s.name, 40)).join(', ')}`]
      : []),
  ];
  return `${lines.join('\n')}\n\n${notes.join('  \n')}\n`;
}

/** One category: one bar per environment (x axis = environments), the category in the title. */
function oneCategory(spec: ChartSpec): string {
  const drawn = spec.series.filter((s) => s.values[0] !== null);
  const max = Math.max(0, ...drawn.map((s) => s.values[0]! + (s.errors[0] ?? 0)));
  const scale = niceScale(max);
  const lines = [
    '```mermaid',
    `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${PALETTE[0]}"}}}}%%`,
    'xychart-beta',
    `    title "${mermaidLabel(`${chartTitle(spec)}, ${spec.xLabel} ${spec.categories[0]}`, 160)}"`,
    `    x-axis "environment" [${drawn.map((s) => `"${mermaidLabel(s.name, 24)}"`).join(', ')}]`,
    `    y-axis "${mermaidLabel(spec.yLabel, 60)}" 0 --> ${n(scale.max)}`,
    `    bar [${drawn.map((s) => n(s.values[0]!)).join(', ')}]`,
    '```',
  ];
  const sds = drawn
    .map((s) =>
      s.errors[0] === null || s.errors[0] === undefined
        ? `${escapeMarkdown(s.name, 40)} (n < 2: no SD)`
        : `${escapeMarkdown(s.name, 40)} ± ${n(s.errors[0])}`,
    )
    .join(' · ');
  return `${lines.join('\n')}\n\nOne standard deviation: ${sds}\n`;
}
