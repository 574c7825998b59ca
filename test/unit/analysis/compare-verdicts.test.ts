// `arm-virt-bench compare` on SYNTHETIC results of the quick preset's real cell list with n = 3
// per cell (issue 14's "done means"): a suite-wide slowdown is one aggregate verdict, an A/A
// pair gives none, every unchanged verdict carries its MDE, a kernel-only difference is compared
// and reported, a CPU-model difference makes the report incomparable and says why first.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../../src/analysis/types.js';
import { compareCommand } from '../../../src/cli/compare.js';
import type { Results } from '../../../src/results/schema.js';
import { simPreset } from './preset-sim.js';
import { simulate } from './synthetic.js';

const preset = simPreset('quick', { runs: 3, rounds: null, cv: 0.02 });
const iozone = preset.metrics.flatMap((m, i) => (m.suite === 'iozone' ? [i] : []));
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'avb-compare-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function run(seed: number, shifts?: Map<string, number>): Results {
  return simulate({ seed, metrics: preset.metrics, n: 3, preset: 'quick', ...(shifts ? { shifts } : {}) });
}

async function compare(
  name: string,
  baseline: Results,
  current: Results,
  flags: string[] = [],
): Promise<{ code: number; a: Analysis; comment: string }> {
  const out = join(dir, name);
  await writeFile(join(dir, `${name}-base.json`), JSON.stringify(baseline));
  await writeFile(join(dir, `${name}-cur.json`), JSON.stringify(current));
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  let code: number;
  try {
    code = await compareCommand([
      '--baseline',
      join(dir, `${name}-base.json`),
      '--current',
      join(dir, `${name}-cur.json`),
      '--out',
      out,
      ...flags,
    ]);
  } finally {
    process.stdout.write = write;
  }
  const a = JSON.parse(await readFile(join(out, 'verdicts.json'), 'utf8')) as Analysis;
  return { code, a, comment: await readFile(join(out, 'comment.md'), 'utf8') };
}

function regressions(a: Analysis): string[] {
  return [
    ...a.aggregates.filter((x) => x.verdict === 'regression').map((x) => `aggregate ${x.env}/${x.suite}`),
    ...a.overheadComparisons
      .filter((x) => x.verdict === 'regression')
      .map((x) => `overhead ${x.env}/${x.suite}`),
    ...a.comparisons.filter((x) => x.verdict === 'regression').map((x) => `absolute ${x.env}/${x.suite}`),
  ];
}

describe('compare, n = 3 per cell, quick preset cells, CV 2%', () => {
  it('a 5% slowdown of every IOzone cell of the KVM guest is the (kvm, iozone) aggregate regression, and nothing else is', async () => {
    const shifts = new Map(iozone.map((i) => [`kvm|${i}`, 0.05]));
    const { code, a } = await compare('suite', run(101), run(102, shifts), ['--fail-on-regression']);
    expect(code).toBe(3);
    expect(a.aggregates.filter((x) => x.verdict === 'regression').map((x) => `${x.env}/${x.suite}`)).toEqual([
      'kvm/iozone',
    ]);
    const agg = a.headline.aggregateRegressions[0]!;
    expect(agg.cells).toBe(iozone.length);
    expect(agg.change!).toBeGreaterThan(0.03);
    expect(agg.change!).toBeLessThan(0.07);
    // Whatever else is flagged is a cell of that same suite in that same environment.
    for (const r of regressions(a)) expect(r).toMatch(/ kvm\/iozone$/);
  });

  it('an A/A pair gives no regression, and every unchanged verdict carries its MDE', async () => {
    const { code, a } = await compare('aa', run(201), run(202), ['--fail-on-regression']);
    expect(code).toBe(0);
    expect(a.headline.status).toBe('ok');
    expect(regressions(a)).toEqual([]);
    const unchanged = [...a.aggregates, ...a.overheadComparisons, ...a.comparisons].filter(
      (x) => x.verdict === 'unchanged',
    );
    expect(unchanged.length).toBeGreaterThan(400);
    for (const x of unchanged) {
      expect(x.mde).not.toBeNull();
      expect(x.mde!).toBeGreaterThan(0);
    }
    // At n = 3 many single cells cannot see 5%: they are listed as underpowered.
    expect(a.underpowered.length).toBe(a.headline.underpowered);
    expect(a.underpowered.length).toBeGreaterThan(0);
    expect(a.underpowered.every((u) => u.mde > a.options.minEffect)).toBe(true);
  });

  it('a kernel-only difference is compared, and the change is reported beside the verdicts', async () => {
    const current = run(302);
    for (const e of current.environments) e.fingerprint.kernel = '6.6.0-rc1-pr';
    const { a, comment } = await compare('kernel', run(301), current);
    expect(a.headline.status).toBe('ok');
    expect(a.headline.tests).toBeGreaterThan(400);
    expect(a.comparisons.some((c) => c.verdict === 'incomparable')).toBe(false);
    expect(
      a.fingerprintDifferences.every((d) => d.key === 'kernel' && d.class === 'under-test' && d.expected),
    ).toBe(true);
    expect(a.fingerprintDifferences).toHaveLength(5);
    expect(a.notes[0]).toBe(
      "This run's kernel differs from the baseline's (Host, KVM, Docker, Xen Dom0, Xen DomU: 6.1.0-28-armmp-lpae → 6.6.0-rc1-pr), a change under test: the verdicts include its effect.",
    );
    expect(comment).toContain('6.6.0-rc1-pr');
  });

  it('a CPU-model-only difference: every cell incomparable, status incomparable, and the comment says why in its first line', async () => {
    const current = run(402);
    for (const e of current.environments) e.fingerprint.cpuModel = 'ARMv7 Processor rev 3 (v7l) Cortex-A7';
    const { code, a, comment } = await compare('cpu', run(401), current, ['--fail-on-regression']);
    expect(code).toBe(0);
    expect(a.headline.status).toBe('incomparable');
    expect(a.headline.tests).toBe(0);
    for (const list of [a.comparisons, a.overheadComparisons, a.aggregates])
      expect(list.every((x) => x.verdict === 'incomparable')).toBe(true);
    const lines = comment
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.startsWith('<!--') && !l.startsWith('## '));
    expect(lines[0]).toMatch(
      /^\*\*⚠️ Nothing could be compared with the baseline: the setup changed \\?\(cpuModel on host: /,
    );
    expect(comment).not.toMatch(/No regression/);
  });
});
