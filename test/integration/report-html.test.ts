// The HTML report in a real headless Chromium (playwright-core driving /usr/bin/chromium):
// rendered from the synthetic paper fixtures (test/fixtures/results/, 5 environments), it
// loads with no network request, every chart has a title, labelled axes and a legend, and the
// screenshot is written (AVB_SCREENSHOT_DIR=docs/images to refresh the README's picture).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('loads without network, with labelled charts, and gets a screenshot', async () => {
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
    await page.screenshot({ path: join(shots, 'report-html.png'), fullPage: false });
    await page.locator('svg.chart').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'report-html-charts.png'), fullPage: false });
    await page.locator('div.charts').screenshot({ path: join(shots, 'report-html-figures.png') });
    await page.close();
  });
});
