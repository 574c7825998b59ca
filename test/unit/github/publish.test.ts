import { describe, expect, it } from 'vitest';
import { batches } from '../../../src/github/check.js';
import { clipToBytes, MAX_SUMMARY_BYTES } from '../../../src/github/summary.js';
import { decide, annotationsFor } from '../../../src/github/verdict.js';
import { mergeByBoard } from '../../../src/github/merge.js';
import { analyze } from '../../../src/analysis/index.js';
import { makeResults } from '../../helpers/results-factory.js';

describe('publishing helpers', () => {
  it('batches of at most 50', () => {
    expect(
      batches(
        Array.from({ length: 120 }, (_, i) => i),
        50,
      ).map((b) => b.length),
    ).toEqual([50, 50, 20]);
    expect(batches([], 50)).toEqual([]);
  });

  it('clips a summary to the byte limit at a line end, never splitting a character', () => {
    const line = 'é'.repeat(100) + '\n';
    const text = line.repeat(20_000); // ~4 MB
    const out = clipToBytes(text, MAX_SUMMARY_BYTES - 1024, '_cut_');
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(MAX_SUMMARY_BYTES - 1024);
    expect(out.endsWith('\n\n_cut_\n')).toBe(true);
    expect(out).not.toContain('\uFFFD');
    expect(clipToBytes('short', 100, 'x')).toBe('short');
  });
});

describe('verdict (fail-on)', () => {
  const base = makeResults();
  const same = analyze(makeResults({ runId: 'b' }), { baseline: base });
  const slower = analyze(makeResults({ runId: 'c', means: { host: 0.5, kvm: 0.8 } }), { baseline: base });
  const noBase = analyze(makeResults());

  it('pass / no-baseline', () => {
    expect(decide([same], 'regression')).toMatchObject({
      verdict: 'pass',
      fail: false,
      conclusion: 'success',
      regressions: 0,
    });
    expect(decide([noBase], 'regression')).toMatchObject({
      verdict: 'no-baseline',
      fail: false,
      conclusion: 'success',
    });
  });

  it('a slower KVM fails under regression and overhead-regression, not never', () => {
    const d = decide([slower], 'regression');
    expect(d.regressions).toBeGreaterThan(0);
    expect(d.fail).toBe(true);
    expect(d.conclusion).toBe('failure');
    expect(decide([slower], 'never')).toMatchObject({ fail: false, conclusion: 'neutral' });
    expect(decide([slower], 'overhead-regression').fail).toBe(slower.headline.overheadRegressions.length > 0);
    const ann = annotationsFor([slower], 'regression', '.github/arm-virt-bench.yml');
    expect(ann.length).toBe(d.regressions);
    expect(
      ann.every((a) => a.path === '.github/arm-virt-bench.yml' && a.annotation_level === 'failure'),
    ).toBe(true);
  });
});

describe('merge per board', () => {
  it('joins the environments of two jobs on one board; keeps boards apart', () => {
    const linux = makeResults({ board: 'b1', means: { host: 0.5, kvm: 0.55 } });
    const xen = makeResults({ board: 'b1', means: { 'xen-dom0': 0.52 } });
    const other = makeResults({ board: 'b2' });
    const merged = mergeByBoard([linux, xen, other]);
    expect(merged.map((r) => r.board.name)).toEqual(['b1', 'b2']);
    expect(merged[0]!.environments.map((e) => e.id)).toEqual(['host', 'kvm', 'xen-dom0']);
    expect(merged[0]!.samples.length).toBe(linux.samples.length + xen.samples.length);
    expect(linux.environments.length).toBe(2); // inputs untouched
  });
});
