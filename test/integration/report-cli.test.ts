/**
 * `compare` and `report` as the CLI runs them (in-process through runCli, what dist/cli.js
 * calls), on the synthetic fixtures of test/fixtures/results/.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { compareCommand } from '../../src/cli/compare.js';
import { reportCommand } from '../../src/cli/report.js';

const BASE = 'test/fixtures/results/paper-baseline.json';
const CUR = 'test/fixtures/results/paper-current.json';

async function capture(f: () => Promise<number>): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
  const e = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((c: string | Uint8Array) => ((err += String(c)), true));
  try {
    return { code: await f(), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('compare and report commands', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('compare --out writes verdicts JSON + Markdown; --fail-on-regression exits 3', async () => {
    const out = await mkdtemp(join(tmpdir(), 'avb-compare-'));
    dirs.push(out);
    const r = await capture(() => compareCommand(['--baseline', BASE, '--current', CUR, '--out', out]));
    expect(r.code, r.err).toBe(0);
    expect(r.out.split('\n')[0]).toBe(
      'regression: 0 suite overhead regression(s), 2 overhead regression(s), 2 absolute regression(s), 689 tests',
    );
    expect((await readdir(out)).sort()).toEqual([
      'comment.md',
      'compare.csv',
      'compare.html',
      'compare.md',
      'verdicts.json',
    ]);
    const verdicts = JSON.parse(await readFile(join(out, 'verdicts.json'), 'utf8'));
    expect(verdicts.schema).toBe('arm-virt-bench/analysis@1');
    expect(verdicts.headline.status).toBe('regression');
    const comment = await readFile(join(out, 'comment.md'), 'utf8');
    expect(comment.length).toBeLessThanOrEqual(65_536);
    expect(comment).toContain('KVM TCP\\_RR 1/1 B overhead grew from');
    const fail = await capture(() =>
      compareCommand(['--baseline', BASE, '--current', CUR, '--fail-on-regression']),
    );
    expect(fail.code).toBe(3);
    expect(fail.out).toContain('### Overhead regressions');
    const same = await capture(() =>
      compareCommand(['--baseline', BASE, '--current', BASE, '--fail-on-regression']),
    );
    expect(same.code).toBe(0);
    expect(same.out).toContain('**✅ No regression**');
  });

  it('report writes Markdown, HTML, CSV and the analysis next to the results or in --out', async () => {
    const out = await mkdtemp(join(tmpdir(), 'avb-report-'));
    dirs.push(out);
    const r = await capture(() => reportCommand([CUR, '--out', out, '--min-effect', '3%']));
    expect(r.code, r.err).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['analysis.json', 'report.csv', 'report.html', 'report.md']);
    const analysis = JSON.parse(await readFile(join(out, 'analysis.json'), 'utf8'));
    expect(analysis.options.minEffect).toBe(0.03);
    expect(await readFile(join(out, 'report.md'), 'utf8')).toContain('```mermaid');
  });

  it('bad input: the path and the reason', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'avb-bad-'));
    dirs.push(dir);
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{"schema": "arm-virt-bench/results@1", "run": {}}');
    const notResults = await capture(() => compareCommand(['--baseline', bad, '--current', CUR]));
    expect(notResults.code).toBe(2);
    expect(notResults.err).toBe(
      `arm-virt-bench compare: ${bad}: not an arm-virt-bench results file: run.id: Invalid input: expected string, received undefined (and 9 more problems)\n`,
    );
    await writeFile(bad, '{"schema": ');
    const notJson = await capture(() => reportCommand([bad]));
    expect(notJson.code).toBe(2);
    expect(notJson.err).toMatch(new RegExp(`^arm-virt-bench report: ${bad}: not JSON: `));
    const missing = await capture(() => reportCommand([join(dir, 'nope.json')]));
    expect(missing).toMatchObject({ code: 2, out: '' });
    expect(missing.err).toMatch(/^arm-virt-bench report: .*nope\.json: cannot read: no such file\n$/);
    const usage = await capture(() => compareCommand(['--current', CUR]));
    expect(usage.code).toBe(2);
    expect(usage.err).toBe(
      "arm-virt-bench compare: --baseline A.json and --current B.json are both needed\nTry 'arm-virt-bench compare --help' for the options.\n",
    );
  });
});
