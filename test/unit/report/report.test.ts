import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/index.js';
import {
  buildCharts,
  COMMENT_MARKER,
  csvField,
  escapeHtml,
  escapeMarkdown,
  mermaidLabel,
  renderCsv,
  renderHtml,
  renderMarkdown,
  renderMermaid,
  renderSvg,
} from '../../../src/report/index.js';
import type { Results } from '../../../src/results/schema.js';
import { genericMetrics, paperFixtures, simulate } from '../analysis/synthetic.js';

const EVIL = [
  '<script>alert(1)</script>',
  'a|b',
  '```js\nboom\n```',
  '@octocat please look',
  '[click](javascript:alert(1))',
  '<!-- hidden',
  '![x](https://example.invalid/t.png)',
  '#1 **bold**',
].join(' ');

describe('escapeMarkdown', () => {
  const out = escapeMarkdown(EVIL);
  it('leaves no raw HTML, comment, code fence, link, table pipe or mention', () => {
    expect(out).not.toMatch(/<script|<!--/);
    expect(out).not.toMatch(/(^|[^\\])`/);
    expect(out).not.toMatch(/(^|[^\\])\|/);
    expect(out).not.toMatch(/(^|[^\\])\]\(/);
    expect(out).not.toMatch(/(^|[^\\])!\[/);
    expect(out).not.toMatch(/@octocat/);
    expect(out).not.toMatch(/\n/);
    expect(out).not.toContain('https://');
  });
  it('keeps the text readable', () => {
    expect(escapeMarkdown('KVM TCP_RR 1/1 B')).toBe('KVM TCP\\_RR 1/1 B');
    expect(escapeMarkdown('a'.repeat(600)).length).toBe(500);
  });
  it('escapeHtml, mermaidLabel and csvField', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;',
    );
    expect(mermaidLabel('x"]\n```%%{init}%% `y`')).toBe('x % init % y');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(-1.5)).toBe('-1.5');
    expect(csvField('a,b')).toBe('"a,b"');
  });
});

function hostile(): { baseline: Results; current: Results } {
  const { baseline, current } = paperFixtures();
  const rename = (r: Results) => {
    const evil = `kvm${EVIL}`;
    r.environments = r.environments.map((e) => (e.id === 'kvm' ? { ...e, id: evil } : e));
    r.samples = r.samples.map((s) => (s.env === 'kvm' ? { ...s, env: evil } : s));
    r.run.id = `${EVIL}-run`;
  };
  rename(baseline);
  rename(current);
  current.failures[0]!.message = EVIL;
  return { baseline, current };
}

describe('renderMarkdown', () => {
  it('escapes every untrusted string (env ids, run ids, tool output, title)', () => {
    const { baseline, current } = hostile();
    const a = analyze(current, { baseline });
    for (const flavor of ['summary', 'comment'] as const) {
      const md = renderMarkdown(a, { flavor, title: `branch ${EVIL}` });
      const withoutMarker = md.replace(COMMENT_MARKER, '');
      expect(withoutMarker).not.toMatch(/<script|<!--|@octocat|\]\(javascript/);
      // The only code fences are our mermaid blocks.
      const fences = md.match(/```/g) ?? [];
      expect(fences.length).toBe(flavor === 'summary' ? 2 * buildCharts(a).length : 0);
    }
    expect(renderHtml(a)).not.toMatch(/<script|<!--/);
  });

  it('the PR comment stays within 65,536 characters: headline first, collapsed table, artifact pointer last', () => {
    // 1,000 metrics × 5 environments with half of KVM's cells 10% slower: a huge report.
    const metrics = genericMetrics(1000, 0.01);
    const shifts = new Map(metrics.map((_, i) => [`kvm|${i}`, i % 2 === 0 ? 0.1 : 0]));
    const baseline = simulate({ seed: 1, metrics });
    const current = simulate({ seed: 2, metrics, shifts });
    const a = analyze(current, { baseline, bootstrap: 0 });
    const md = renderMarkdown(a, { flavor: 'comment', artifactUrl: 'https://example.invalid/artifacts/1' });
    expect(md.length).toBeLessThanOrEqual(65_536);
    expect(md.startsWith(`${COMMENT_MARKER}\n## `)).toBe(true);
    expect(md.indexOf('### Overhead regressions')).toBeLessThan(md.indexOf('<details>'));
    expect(md).toMatch(/… \d+ more rows in the full report/);
    expect(md).toContain('[report artifact](https://example.invalid/artifacts/1)');
    expect(md.lastIndexOf('report artifact')).toBeGreaterThan(md.length - 800);
    // Every <details> that opens closes.
    expect((md.match(/<details>/g) ?? []).length).toBe((md.match(/<\/details>/g) ?? []).length);
    const small = renderMarkdown(a, { flavor: 'comment', maxChars: 20_000 });
    expect(small.length).toBeLessThanOrEqual(20_000);
    expect(small).toContain('### Overhead regressions');
    const summary = renderMarkdown(a, { flavor: 'summary' });
    expect(new TextEncoder().encode(summary).length).toBeLessThanOrEqual(1024 * 1024);
  });

  it('a bad artifact URL is not linked', () => {
    const { baseline, current } = paperFixtures();
    const md = renderMarkdown(analyze(current, { baseline, bootstrap: 0 }), {
      flavor: 'comment',
      artifactUrl: 'javascript:alert(1)',
    });
    expect(md).not.toContain('javascript:');
  });
});

describe('charts', () => {
  const { current } = paperFixtures();
  const a = analyze(current, { bootstrap: 0 });
  const charts = buildCharts(a);
  it('mirror the paper figures with human units on the y axis', () => {
    expect(charts.map((c) => `${c.figure} ${c.kind} ${c.yLabel}`)).toEqual([
      'Fig. 2 line time (s), lower is better',
      'Figs. 3–4 bar score (% of host), higher is better',
      'Figs. 5–6 bar throughput (MiB/s), higher is better',
      'Figs. 5–6 bar throughput (MiB/s), higher is better',
      'Figs. 5–6 bar throughput (MiB/s), higher is better',
      'Fig. 7 line throughput (Mbit/s), higher is better',
      'Fig. 8 bar rate (trans/s), higher is better',
    ]);
    expect(charts[0]!.categories).toEqual(['40', '80', '160', '320', '640']);
    expect(charts[0]!.series.map((s) => s.name)).toEqual(['Host', 'KVM', 'Docker', 'Xen Dom0', 'Xen DomU']);
    // The host is 100% of itself in the UnixBench figure.
    expect(charts[1]!.series[0]!.values.every((v) => v === 100)).toBe(true);
    // ± one SD per value, in the chart's unit (10 runs per cell here).
    expect(charts[2]!.series[0]!.errors.every((e) => e !== null && e > 0)).toBe(true);
  });
  it('SVG: title, axis labels, one mark per value, a legend entry per series', () => {
    const svg = renderSvg(charts[6]!);
    expect(svg).toContain('<text class="x-label"');
    expect(svg).toContain('rate (trans/s), higher is better</text>');
    expect(
      (svg.match(/<rect x="[^"]+" y="[^"]+" width="[^"]+" height="[^"]+" fill="#[0-9A-F]+"><title>/g) ?? [])
        .length,
    ).toBe(14);
    expect((svg.match(/class="legend"/g) ?? []).length).toBe(5);
  });
  it('mermaid: an xychart with the y range and a legend', () => {
    const md = renderMermaid(charts[0]!);
    expect(md).toMatch(
      /^```mermaid\n%%\{init: .*\}%%\nxychart-beta\n {4}title "hackbench time vs tasks \(process, socket\) - mirrors Fig. 2 of Raho et al. \(2015\)"\n/,
    );
    expect(md).toContain('x-axis "tasks" ["40", "80", "160", "320", "640"]');
    expect(md).toMatch(/y-axis "time \(s\), lower is better" 0 --> 3\n/);
    expect((md.match(/^ {4}line \[/gm) ?? []).length).toBe(5);
    expect(md).toContain('🟦 Host · 🟧 KVM · 🟩 Docker · 🟥 Xen Dom0 · 🟪 Xen DomU');
  });
});

describe('renderCsv', () => {
  it('one row per cell plus missing ones, fixed columns', () => {
    const { baseline, current } = paperFixtures();
    const a = analyze(current, { baseline, bootstrap: 0 });
    const lines = renderCsv(a).trimEnd().split('\r\n');
    expect(lines[0]!.split(',')).toHaveLength(30);
    expect(lines).toHaveLength(1 + a.cells.length + 1);
    const rr = lines.find((l) => l.startsWith('kvm,netperf,netperf.tcp_rr.rate,'))!;
    expect(rr).toContain(',regression,');
  });
});
