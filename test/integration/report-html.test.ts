// The HTML report in a real headless Chromium (playwright-core driving /usr/bin/chromium):
//  - of a REAL run (the engine on this machine: host and a Docker container, the test preset
//    with 3 runs, real hackbench, IOzone and netperf): every section of the report document and
//    of the Markdown is on the page, every chart has its title, the paper figure it mirrors,
//    labelled axes in human units, a legend and ± SD error bars; the footer fits the CLI. Its
//    screenshots are the README's (AVB_SCREENSHOT_DIR=docs/images refreshes them);
//  - of the synthetic paper fixtures (test/fixtures/results/, 5 environments and a baseline):
//    the comparison sections and the seven figures.
// Both load with no network request.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Analysis } from '../../src/analysis/types.js';
import { parseConfig } from '../../src/config/load.js';
import { runBench } from '../../src/engine/run.js';
import { buildReport } from '../../src/report/build.js';
import { readResultsFile, writeReports } from '../../src/report/write.js';

const CHROMIUM = process.env['AVB_CHROMIUM'] ?? '/usr/bin/chromium';

describe('HTML report in headless Chromium', () => {
  let dir: string;
  let userData: string;
  let browser: BrowserContext;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'avb-report-'));
    userData = mkdtempSync(join(tmpdir(), 'avb-chromium-'));
    // A persistent context on a fresh, empty --user-data-dir (playwright passes the flag).
    browser = await chromium.launchPersistentContext(userData, {
      executablePath: CHROMIUM,
      headless: true,
      timeout: 60_000,
      viewport: { width: 1200, height: 900 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(userData, { recursive: true, force: true });
  });

  it('of a real run: every section and chart, human units, error bars, the CLI footer; README screenshots', async () => {
    const out = join(dir, 'real');
    const results = await runBench(
      parseConfig({
        environments: [{ kind: 'host' }, { kind: 'docker' }],
        preset: 'test',
        runs: 3,
      }),
      { outDir: out },
    );
    expect(results.failures).toEqual([]);
    const analysis = JSON.parse(await readFile(join(out, 'analysis.json'), 'utf8')) as Analysis;
    const doc = buildReport(analysis, { origin: 'cli', files: { csv: 'report.csv', logs: 'logs/' } });
    const markdown = await readFile(join(out, 'report.md'), 'utf8');
    const page = await browser.newPage();
    const url = pathToFileURL(join(out, 'report.html')).href;
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.url() !== url) requests.push(r.url());
    });
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    expect(requests).toEqual([]);

    // The page's sections are the document's, in order; every Markdown heading is on the page.
    const ids = await page.$$eval('section[id]', (els) => els.map((e) => e.id));
    expect(ids).toEqual(doc.sections.map((x) => `section-${x.id}`));
    expect(ids).toEqual(
      expect.arrayContaining([
        'section-overhead-summary',
        'section-overheads',
        'section-figures',
        'section-statistics',
      ]),
    );
    const text = (await page.textContent('body')) ?? '';
    const headings = [...markdown.matchAll(/^### (.+)$|<summary>(.+?)<\/summary>/gm)].map((m) =>
      (m[1] ?? m[2])!
        .replace(/\\(.)/g, '$1')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&'),
    );
    expect(headings.length).toBeGreaterThanOrEqual(4);
    for (const hd of headings) expect(text, hd).toContain(hd);
    // The overhead section the HTML used to leave empty: Docker's line is there.
    expect(await page.textContent('#section-overhead-summary')).toMatch(/Docker: median overhead -?\d/);
    // Units a person reads; the tools' own units stay in results.json.
    expect(text).toContain('Mbit/s');
    expect(text).toContain('MiB/s');
    expect(text).not.toMatch(/10\^6bits\/s|\bkB\/s/);
    expect(text).not.toMatch(/Infinity|NaN/);
    expect(text).toMatch(/Next to this file: report\.csv \(one row per cell\), logs\/ \(raw logs\)\./);
    expect(text).toMatch(/Made by arm-virt-bench \S+ \(CLI\)/);

    const charts = await page.$$eval('svg.chart', (svgs) =>
      svgs.map((s) => ({
        id: s.id,
        title: s.querySelector('text.title')?.textContent ?? '',
        subtitle: s.querySelector('text.subtitle')?.textContent ?? '',
        y: s.querySelector('text.y-label')?.textContent ?? '',
        legend: [...s.querySelectorAll('text.legend')].map((t) => t.textContent),
        bars: s.querySelectorAll('rect > title').length,
        errorBars: s.querySelectorAll('path.error-bar').length,
        width: s.getBoundingClientRect().width,
      })),
    );
    // test preset: hackbench (one task count), IOzone (one file size), TCP_STREAM (one message
    // size), TCP_RR — every chart has one category, so every chart is bars with error bars.
    expect(charts.map((c) => c.id)).toEqual(['hackbench-0', 'iozone-64', 'netperf-tcp_stream', 'netperf-rr']);
    expect(new Set(charts.map((c) => c.title)).size).toBe(charts.length);
    for (const c of charts) {
      expect(c.subtitle, c.id).toMatch(/^mirrors Figs?\. \d.* of Raho et al\. \(2015\)$/);
      expect(c.y, c.id).toMatch(/\((s|MiB\/s|Mbit\/s|trans\/s)\)/);
      expect(c.legend, c.id).toEqual(['Host', 'Docker']);
      expect(c.bars, c.id).toBeGreaterThanOrEqual(2);
      expect(c.errorBars, c.id).toBe(c.bars);
      expect(c.width, c.id).toBeGreaterThan(300);
    }

    const shots = process.env['AVB_SCREENSHOT_DIR'] ?? dir;
    await page.screenshot({ path: join(shots, 'report-html.png'), fullPage: false });
    await page.locator('#section-figures').screenshot({ path: join(shots, 'report-html-real-figures.png') });
    await page.close();
  });

  it('of the synthetic paper fixtures: loads without network, with labelled charts, and gets a screenshot', async () => {
    const baseline = await readResultsFile('test/fixtures/results/paper-baseline.json');
    const current = await readResultsFile('test/fixtures/results/paper-current.json');
    const out = await writeReports(current, dir, { baseline });
    const page = await browser.newPage();
    const url = pathToFileURL(out.htmlPath).href;
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.url() !== url) requests.push(r.url());
    });
    const response = await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    expect(response?.ok() ?? true).toBe(true);
    expect(requests).toEqual([]);

    const charts = await page.$$eval('svg.chart', (svgs) =>
      svgs.map((s) => ({
        id: s.id,
        title: s.querySelector('text.title')?.textContent ?? '',
        subtitle: s.querySelector('text.subtitle')?.textContent ?? '',
        errorBars: s.querySelectorAll('path.error-bar').length,
        x: s.querySelector('text.x-label')?.textContent ?? '',
        y: s.querySelector('text.y-label')?.textContent ?? '',
        legend: [...s.querySelectorAll('text.legend')].map((t) => t.textContent),
        marks: s.querySelectorAll('rect[height], polyline, circle').length,
        width: s.getBoundingClientRect().width,
      })),
    );
    // Figures 2–8: hackbench, UnixBench, IOzone ×3 file sizes, TCP_STREAM, request/response.
    expect(charts.map((c) => c.id)).toEqual([
      'hackbench-0',
      'unixbench',
      'iozone-4',
      'iozone-1024',
      'iozone-10240',
      'netperf-tcp_stream',
      'netperf-rr',
    ]);
    for (const c of charts) {
      expect(c.title.length, c.id).toBeGreaterThan(10);
      expect(c.subtitle, c.id).toMatch(/^mirrors Figs?\. \d.* of Raho et al\. \(2015\)$/);
      expect(c.errorBars, c.id).toBeGreaterThan(5);
      expect(c.x.length, `${c.id} x label`).toBeGreaterThan(2);
      // Units a person reads in the y label: "(s)", "(MiB/s)", "(Mbit/s)", "(trans/s)", "(% of host)".
      expect(c.y, `${c.id} y label`).toMatch(/\((s|MiB\/s|Mbit\/s|trans\/s|% of host)\)/);
      expect(c.legend, c.id).toEqual(['Host', 'KVM', 'Docker', 'Xen Dom0', 'Xen DomU']);
      expect(c.marks, c.id).toBeGreaterThan(5);
      expect(c.width, c.id).toBeGreaterThan(300);
    }
    // The headline is on the page, as text.
    const text = await page.textContent('body');
    expect(text).toContain('KVM TCP_RR 1/1 B overhead grew from');
    expect(text).toContain('Xen DomU hackbench 640 tasks (process, socket) overhead grew from');

    const shots = process.env['AVB_SCREENSHOT_DIR'] ?? dir;
    await page.locator('svg.chart').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'report-html-charts.png'), fullPage: false });
    await page.locator('div.charts').screenshot({ path: join(shots, 'report-html-figures.png') });
    await page.close();
  });
});
