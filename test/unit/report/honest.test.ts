// The report's defects a new user met (issue 13, "Reports"), one test each: the HTML carries
// every section the Markdown has; units a person reads; no interval below 3 runs and none that
// leaves the possible range; one-category charts as bars with ± SD; figure titles that say what
// they show; counts that match their tables; a footer that fits where the report was made; a
// host mean of 0 is "incomparable", never Infinity or NaN.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/index.js';
import {
  buildCharts,
  buildReport,
  chartTitle,
  renderCsv,
  renderHtml,
  renderMarkdown,
  renderMermaid,
  renderSvg,
} from '../../../src/report/index.js';
import type { Results, Sample } from '../../../src/results/schema.js';
import { simulate, type SimMetric } from '../analysis/synthetic.js';

const NETPERF: SimMetric = {
  suite: 'netperf',
  metric: 'netperf.tcp_stream.throughput',
  params: { message_bytes: 1024 },
  unit: '10^6bits/s',
  better: 'higher',
  base: 940,
  overhead: { docker: 0.1, kvm: 0.3 },
  cv: 0.02,
};
const IOZONE: SimMetric = {
  suite: 'iozone',
  metric: 'iozone.write',
  params: { file_kb: 64, reclen_kb: 4 },
  unit: 'kB/s',
  better: 'higher',
  base: 800_000,
  overhead: { docker: 0.05, kvm: 0.2 },
  cv: 0.02,
};
const HACKBENCH = (loops: number): SimMetric => ({
  suite: 'hackbench',
  metric: 'hackbench.time',
  params: { mode: 'process', ipc: 'socket', groups: 1, fds: 40, loops, datasize: 100, tasks: 40 },
  unit: 's',
  better: 'lower',
  base: 0.05,
  overhead: { docker: 0.02, kvm: 0.5 },
  cv: 0.02,
});

/** A run like the `test` preset's: 3 environments, every cell once per round. */
function run(n: number, metrics: SimMetric[] = [HACKBENCH(100), IOZONE, NETPERF]): Results {
  return simulate({ seed: 7, metrics, envs: ['host', 'docker', 'kvm'], n });
}

/** Replaces every value of (env, metric) by `values`, one per round. */
function setValues(r: Results, env: string, metric: string, values: number[]): void {
  const keep = r.samples.filter((s) => !(s.env === env && s.metric === metric));
  const template = r.samples.find((s) => s.env === env && s.metric === metric)!;
  const added: Sample[] = values.map((value, round) => ({ ...template, value, round }));
  r.samples = [...keep, ...added];
}

function sectionIds(html: string): string[] {
  return [...html.matchAll(/<section id="section-([a-z0-9-]+)"/g)].map((m) => m[1]!);
}

function h2s(md: string): string[] {
  return [...md.matchAll(/^### (.+)$|<details><summary>(.+?)<\/summary>/gm)].map((m) => (m[1] ?? m[2])!);
}

describe('the HTML carries every section the Markdown has', () => {
  for (const withBaseline of [false, true]) {
    it(withBaseline ? 'with a baseline' : 'without a baseline', () => {
      const current = run(3);
      const a = analyze(current, withBaseline ? { baseline: run(3) } : {});
      const md = renderMarkdown(a, { flavor: 'summary' });
      const html = renderHtml(a);
      const text = html.replace(/<[^>]+>/g, '');
      for (const title of h2s(md)) {
        const plain = title.replace(/\\(.)/g, '$1').replace(/&amp;/g, '&');
        expect(text, title).toContain(plain.replace(/&/g, '&amp;'));
      }
      expect(sectionIds(html)).toEqual(buildReport(a).sections.map((s) => s.id));
      if (!withBaseline) {
        // The section the HTML used to leave empty: one line per environment, as in the Markdown.
        const section = html.slice(html.indexOf('id="section-overhead-summary"'));
        const body = section.slice(0, section.indexOf('</section>'));
        expect(body).toMatch(/<li><strong>Docker<\/strong>: median overhead/);
        expect(body).toMatch(/<li><strong>KVM<\/strong>: median overhead/);
      }
    });
  }
});

describe('units a person reads', () => {
  const a = analyze(run(3));
  it('Mbit/s and MiB/s in Markdown, HTML and the figures; the raw units stay in the CSV', () => {
    const md = renderMarkdown(a, { flavor: 'summary' });
    const html = renderHtml(a);
    for (const out of [md, html]) {
      expect(out).not.toMatch(/10\^6bits\/s|10 6bits\/s|kB\/s/);
      expect(out).toContain('Mbit/s');
      expect(out).toContain('MiB/s');
    }
    // 800,000 kB/s is 781.3 MiB/s (IOzone's kB is 1024 bytes).
    const host = a.cells.find((c) => c.env === 'host' && c.metric === 'iozone.write')!;
    expect(md).toContain(
      `| Host | IOzone write 64 KB/4 KB rec | MiB/s | 3 | ${(host.mean / 1024).toPrecision(4)}`,
    );
    const csv = renderCsv(a);
    expect(csv).toContain(',10^6bits/s,');
    expect(csv).toContain(',kB/s,');
  });
});

describe('intervals at small n', () => {
  it('below 3 runs: no interval, the range and a note that more runs are needed', () => {
    const r = run(2);
    // Two IOzone runs far apart: a t-interval of their mean went down to -105,600,000 kB/s.
    setValues(r, 'host', 'iozone.write', [2_000_000, 60_000_000]);
    const a = analyze(r);
    const text = (html: string) => html.replace(/<svg[\s\S]*?<\/svg>|<[^>]+>/g, ' ');
    for (const out of [renderMarkdown(a, { flavor: 'summary' }), text(renderHtml(a))]) {
      expect(out).not.toMatch(/% ± /); // no overhead "x% ± y%"
      // No negative value anywhere (overheads, in %, may be negative: an environment faster than the host).
      expect(out).not.toMatch(/(^|[\s(|>])-[\d,.]*\d(?![\d%.,])/m);
      expect(out).toContain('range 1,953 … 58,590'); // MiB/s
      expect(out).toMatch(/fewer than 3 runs show no interval but their range/);
      expect(out).toMatch(/more runs are needed/);
    }
  });
  it('from 3 runs: intervals that stay positive, and asymmetric overhead intervals instead of ±', () => {
    const r = run(3);
    setValues(r, 'host', 'iozone.write', [100_000, 2_000_000, 60_000_000]);
    const a = analyze(r);
    for (const c of a.cells) expect(c.ciLow!, `${c.env} ${c.label}`).toBeGreaterThan(0);
    const md = renderMarkdown(a, { flavor: 'summary' });
    expect(md).not.toMatch(/% ± /);
    expect(md).toMatch(/TCP\\_STREAM 1024 B \| Mbit\/s \| [\d.]+% \([\d.]+% … [\d.]+%, n=3\)/);
  });
});

describe('figures', () => {
  it('a one-category chart is bars with ± SD error bars, in SVG and in mermaid', () => {
    const a = analyze(run(3));
    const charts = buildCharts(a);
    expect(charts.map((c) => c.kind)).toEqual(['bar', 'bar', 'bar']);
    for (const c of charts) {
      expect(c.categories).toHaveLength(1);
      const svg = renderSvg(c);
      expect((svg.match(/<rect [^>]+><title>/g) ?? []).length).toBe(3);
      expect((svg.match(/class="error-bar"/g) ?? []).length).toBe(3);
      expect(svg).not.toContain('<circle');
      const mm = renderMermaid(c);
      expect(mm).toMatch(/x-axis "environment" \["Host", "Docker", "KVM"\]/);
      expect(mm).toMatch(/^ {4}bar \[/m);
      expect(mm).toMatch(/One standard deviation: Host ± /);
    }
  });
  it('titles say what each chart shows and which paper figure it mirrors, and no two are alike', () => {
    // Two hackbench variants that differ only in loops used to be two "Fig. 2: hackbench: time vs tasks".
    const a = analyze(run(3, [HACKBENCH(100), HACKBENCH(1000), IOZONE, NETPERF]));
    const titles = buildCharts(a).map(chartTitle);
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles).toEqual([
      'hackbench time vs tasks (process, socket, loops 100) — mirrors Fig. 2 of Raho et al. (2015)',
      'hackbench time vs tasks (process, socket, loops 1000) — mirrors Fig. 2 of Raho et al. (2015)',
      'IOzone throughput per operation (64 KB file, 4 KB records) — mirrors Figs. 5–6 of Raho et al. (2015)',
      'netperf TCP_STREAM throughput vs message size — mirrors Fig. 7 of Raho et al. (2015)',
    ]);
  });
});

describe('counts and footers', () => {
  it('the overhead table says how many values it holds', () => {
    const a = analyze(run(3));
    const md = renderMarkdown(a, { flavor: 'summary' });
    const heading = md.match(/^### (Overhead per metric against the host .*)$/m)![1]!;
    const start = md.indexOf(heading);
    const table = md.slice(start).split('\n\n')[1]!;
    const rows = table.split('\n').slice(2);
    const values = rows.flatMap((r) => r.split(' | ').slice(2)).filter((v) => /%/.test(v));
    expect(heading).toContain(`${values.length} overheads of 2 environments on 3 metrics`);
    expect(values).toHaveLength(6);
  });
  it('a CLI report points at the files next to it; an action report at its artifact', () => {
    const a = analyze(run(3));
    const cli = renderMarkdown(a, {
      flavor: 'summary',
      origin: 'cli',
      files: { html: 'report.html', csv: 'report.csv', logs: 'logs/' },
    });
    expect(cli).not.toContain('artifact');
    expect(cli).toMatch(/Next to this file: report\.html \(charts and every table\), report\.csv .*logs\//);
    expect(cli).toContain('Made by arm-virt-bench');
    expect(cli).toMatch(/Made by arm-virt-bench .*CLI/);
    const action = renderMarkdown(a, { flavor: 'comment', origin: 'action' });
    expect(action).toContain('see the run’s report artifact');
    expect(action).toMatch(/Made by arm-virt-bench .*GitHub Action/);
    expect(renderHtml(a, { origin: 'cli', files: { csv: 'report.csv', logs: 'logs/' } })).toMatch(
      /<footer[^>]*><p>Next to this file: <code>report\.csv<\/code>/,
    );
  });
});

describe('a host mean of 0', () => {
  it('makes the overhead incomparable with the reason, never Infinity or NaN', () => {
    const r = run(3);
    setValues(r, 'host', 'netperf.tcp_stream.throughput', [0, 0, 0]);
    const a = analyze(r, { baseline: run(3) });
    const json = JSON.stringify(a);
    expect(json).not.toMatch(/Infinity|NaN/);
    expect(a.overheads.some((o) => o.metric === 'netperf.tcp_stream.throughput')).toBe(false);
    for (const out of [renderMarkdown(a, { flavor: 'summary' }), renderHtml(a), renderCsv(a)]) {
      expect(out).not.toMatch(/Infinity|NaN/);
    }
    const md = renderMarkdown(a, { flavor: 'summary' });
    expect(md).toMatch(
      /TCP\\_STREAM 1024 B \| Mbit\/s \| ⚠️ incomparable: host mean is 0: a ratio against it is undefined/,
    );
  });
});
