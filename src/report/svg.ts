/**
 * A chart spec as inline SVG (hand-rolled: two chart kinds with categorical x axes do not
 * need d3; ~150 lines, tested). Every chart has a title, labelled axes with units, ticks, a
 * legend and ± one standard deviation as error bars; every string is escaped.
 */
import { chartTitle, paperFigure, type ChartSpec } from './charts.js';
import { escapeHtml } from './escape.js';
import { formatTick, niceScale } from './format.js';
import { colour } from './palette.js';

const W = 780;
const H = 400;
const M = { top: 56, right: 150, bottom: 78, left: 78 };

function f(v: number): string {
  return String(Math.round(v * 10) / 10);
}

export function renderSvg(spec: ChartSpec): string {
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const tops = spec.series.flatMap((s) =>
    s.values.flatMap((v, i) => (v === null ? [] : [v + (s.errors[i] ?? 0)])),
  );
  const scale = niceScale(Math.max(0, ...tops));
  const y = (v: number) => M.top + ph - (v / scale.max) * ph;
  const slot = pw / Math.max(1, spec.categories.length);
  const cx = (i: number) => M.left + (i + 0.5) * slot;
  const out: string[] = [];
  const title = escapeHtml(chartTitle(spec));
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="${escapeHtml(spec.id)}" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${title}">`,
    `<title>${title}</title>`,
    `<text class="title" x="${M.left}" y="22" font-size="15" font-weight="600">${escapeHtml(spec.title)}</text>`,
    `<text class="subtitle" x="${M.left}" y="40" font-size="11.5" fill="#57606a">${escapeHtml(paperFigure(spec))}</text>`,
  );
  // Y grid, ticks and label.
  for (let v = 0; v <= scale.max + scale.step / 2; v += scale.step) {
    const yy = f(y(v));
    out.push(
      `<line x1="${M.left}" x2="${M.left + pw}" y1="${yy}" y2="${yy}" stroke="#e3e3e3"/>`,
      `<text class="tick" x="${M.left - 6}" y="${yy}" dy="4" text-anchor="end" font-size="11">${escapeHtml(formatTick(v))}</text>`,
    );
  }
  out.push(
    `<text class="y-label" transform="translate(18 ${f(M.top + ph / 2)}) rotate(-90)" text-anchor="middle" font-size="12">${escapeHtml(spec.yLabel)}</text>`,
  );
  // X axis, category ticks (rotated when they would collide) and label.
  out.push(`<line x1="${M.left}" x2="${M.left + pw}" y1="${M.top + ph}" y2="${M.top + ph}" stroke="#333"/>`);
  out.push(`<line x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${M.top + ph}" stroke="#333"/>`);
  const longest = Math.max(...spec.categories.map((c) => c.length));
  const rotate = longest * 6.2 > slot;
  spec.categories.forEach((c, i) => {
    const x = f(cx(i));
    const yy = M.top + ph + 16;
    out.push(
      rotate
        ? `<text class="tick" x="${x}" y="${yy}" text-anchor="end" font-size="11" transform="rotate(-30 ${x} ${yy})">${escapeHtml(c)}</text>`
        : `<text class="tick" x="${x}" y="${yy}" text-anchor="middle" font-size="11">${escapeHtml(c)}</text>`,
    );
  });
  out.push(
    `<text class="x-label" x="${f(M.left + pw / 2)}" y="${H - 10}" text-anchor="middle" font-size="12">${escapeHtml(spec.xLabel)}</text>`,
  );
  // Data, then ± SD error bars on top.
  const ns = spec.series.length;
  const whiskers: string[] = [];
  const whisker = (x: number, v: number, sd: number | null | undefined, half: number, col: string): void => {
    if (sd === null || sd === undefined || !(sd > 0)) return;
    const lo = f(y(Math.max(0, v - sd)));
    const hi = f(y(v + sd));
    const a = f(x - half);
    const b = f(x + half);
    whiskers.push(
      `<path class="error-bar" d="M${f(x)} ${lo}V${hi}M${a} ${lo}H${b}M${a} ${hi}H${b}" stroke="#000" stroke-opacity="${col === '#31373D' ? 1 : 0.75}" stroke-width="1.2" fill="none"/>`,
    );
  };
  const tip = (name: string, i: number, v: number, sd: number | null | undefined): string =>
    escapeHtml(
      `${name} ${spec.categories[i]}: ${formatTick(v)}${sd !== null && sd !== undefined ? ` ± ${formatTick(sd)} (SD)` : ''}`,
    );
  spec.series.forEach((s, si) => {
    const col = colour(si);
    if (spec.kind === 'line') {
      let seg: string[] = [];
      const flush = () => {
        if (seg.length > 1)
          out.push(`<polyline fill="none" stroke="${col}" stroke-width="2" points="${seg.join(' ')}"/>`);
        seg = [];
      };
      s.values.forEach((v, i) => {
        if (v === null) return flush();
        seg.push(`${f(cx(i))},${f(y(v))}`);
        out.push(
          `<circle cx="${f(cx(i))}" cy="${f(y(v))}" r="3.5" fill="${col}"><title>${tip(s.name, i, v, s.errors[i])}</title></circle>`,
        );
        whisker(cx(i), v, s.errors[i], 3, col);
      });
      flush();
    } else {
      const group = slot * 0.8;
      const bw = group / ns;
      s.values.forEach((v, i) => {
        if (v === null) return;
        const x = cx(i) - group / 2 + si * bw;
        out.push(
          `<rect x="${f(x)}" y="${f(y(v))}" width="${f(Math.max(1, bw - 1))}" height="${f(M.top + ph - y(v))}" fill="${col}"><title>${tip(s.name, i, v, s.errors[i])}</title></rect>`,
        );
        whisker(x + Math.max(1, bw - 1) / 2, v, s.errors[i], Math.min(6, bw / 4), col);
      });
    }
  });
  out.push(...whiskers);
  // Legend.
  spec.series.forEach((s, si) => {
    const ly = M.top + 8 + si * 20;
    const lx = M.left + pw + 16;
    out.push(
      `<rect x="${lx}" y="${ly - 9}" width="12" height="12" fill="${colour(si)}"/>`,
      `<text class="legend" x="${lx + 18}" y="${ly + 1}" font-size="12">${escapeHtml(s.name)}</text>`,
    );
  });
  out.push('</svg>');
  return out.join('\n');
}
