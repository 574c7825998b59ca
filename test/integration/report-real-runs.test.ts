/**
 * The verdicts on real runs of this machine (real hackbench through the engine, real dockerd):
 *  - A/A: two runs of the same setup (host + a docker container allowed all the machine's
 *    CPUs, `docker run --cpus 2` on CI's 2 cores) compared: no overhead regression;
 *  - an injected slowdown: the same container limited to a quarter of them (`--cpus 0.5`;
 *    half of them is too small a step to stand out of the noise here), compared
 *    as current against that baseline: the container's hackbench cells are
 *    absolute and overhead regressions. The CPU limit is a fingerprint fact (cgroupCpuLimit),
 *    so the comparison declares it with expectChanges, as a PR that changes it on purpose would.
 * The runs happen minutes apart on a shared 2-core machine (a CI runner): the host's own
 * absolute times move between them (seen in CI: 15% faster once, 50% slower another time),
 * so no assertion here rests on an absolute host-vs-host verdict. What must hold is what the
 * tool is built for: the overhead, measured against the host of the same run with the rounds
 * interleaved, stays put under that drift, and the report says when the host itself moved.
 * The container gets as many CPUs as the host has, so that load from outside slows both
 * alike (a 1-CPU container beside a 2-CPU host would not: a busy core slows the host only).
 * The tools and dockerd must be present (scripts/setup.sh): a missing one FAILS here.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.js';
import type { Analysis } from '../../src/analysis/types.js';
import { parseConfig } from '../../src/config/load.js';
import { runBench } from '../../src/engine/run.js';
import { renderMarkdown } from '../../src/report/index.js';
import type { Results } from '../../src/results/schema.js';

function config(cpus: number) {
  return parseConfig({
    // The whole machine for both, limited only by the container's CPU-time quota: this test
    // is about verdicts on an injected slowdown, not about the paper's equal resources.
    resources: { cpus: 'all', memory: 'all' },
    environments: [{ kind: 'host' }, { kind: 'docker', cpus }],
    preset: 'test',
    runs: 6,
    suites: {
      hackbench: { loops: 400, groups: [1, 2] },
      iozone: { enabled: false },
      netperf: { enabled: false },
    },
  });
}

describe('verdicts on real runs', () => {
  const dirs: string[] = [];
  let a: Results;
  let b: Results;
  let quarter: Results;

  beforeAll(async () => {
    const run = async (cpus: number) => {
      const out = await mkdtemp(join(tmpdir(), 'avb-real-'));
      dirs.push(out);
      return runBench(config(cpus), { outDir: out, reports: false });
    };
    // As many CPUs as the machine has, then a quarter of them.
    const all = availableParallelism();
    a = await run(all);
    b = await run(all);
    quarter = await run(all / 4);
  });

  // Analysis settings for this machine, as a user sets them for a noisy runner. hackbench
  // samples of 0.4 s on a shared 2-core machine reach a CV of 28% on 6 rounds (seen in CI: the
  // host's 40-task cell), which the default maxCv of 25% calls `erratic` and leaves untested;
  // 50% keeps them tested. The A/A comparison uses α = 0.01, so that chance alone (Holm bounds
  // any false verdict in a report at α) fails it at most once in a hundred.
  const MAX_CV = 0.5;

  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  /** When the host's own cells moved, the report must say so (the absolute verdicts carry it). */
  function expectDriftNoteIfHostMoved(an: Analysis, md: string): void {
    const moved = an.comparisons.filter(
      (c) => c.env === 'host' && (c.verdict === 'regression' || c.verdict === 'improvement'),
    );
    const notes = an.notes.filter((n) => n.startsWith('The host itself changed between the two runs'));
    expect(notes.length, md).toBe(moved.length > 0 ? 1 : 0);
    if (moved.length > 0) expect(md).toContain('The host itself changed between the two runs');
  }

  it('A/A: two runs of the same setup give no overhead regression', () => {
    for (const r of [a, b]) expect(r.failures).toEqual([]);
    const an = analyze(b, { baseline: a, maxCv: MAX_CV, alpha: 0.01 });
    const md = renderMarkdown(an, { flavor: 'comment' });
    expect(an.comparisons.length, md).toBe(4);
    expect(
      an.overheadComparisons.map((c) => c.verdict === 'incomparable'),
      md,
    ).toEqual([false, false]);
    expect(an.headline.overheadRegressions, md).toEqual([]);
    // Nor a suite-level one (the container's hackbench overhead, both cells together).
    expect(
      an.aggregates.map((g) => `${g.env} ${g.suite} ${g.cells}`),
      md,
    ).toEqual(['docker hackbench 2']);
    expect(an.headline.aggregateRegressions, md).toEqual([]);
    expectDriftNoteIfHostMoved(an, md);
  });

  it('a quarter of the CPUs for the container: its cells regress, in absolute terms and as overhead', () => {
    expect(quarter.failures).toEqual([]);
    const docker = quarter.environments.find((e) => e.id === 'docker')!;
    expect(docker.fingerprint.cgroupCpuLimit).not.toBe(
      a.environments.find((e) => e.id === 'docker')!.fingerprint.cgroupCpuLimit,
    );
    const an = analyze(quarter, { baseline: a, expectChanges: ['cgroupCpuLimit'], maxCv: MAX_CV });
    const md = renderMarkdown(an, { flavor: 'comment' });
    const verdict = (env: string): string[] =>
      an.comparisons
        .filter((c) => c.env === env)
        .map((c) => `${c.label}: ${c.verdict}`)
        .sort();
    expect(verdict('docker'), md).toEqual([
      'hackbench 40 tasks (process, socket): regression',
      'hackbench 80 tasks (process, socket): regression',
    ]);
    expect(an.comparisons.filter((c) => c.env === 'host').length, md).toBe(2);
    expect(
      an.overheadComparisons.map((c) => c.verdict),
      md,
    ).toEqual(['regression', 'regression']);
    expect(an.headline.overheadRegressions.map((o) => `${o.env} ${o.label}`).sort(), md).toEqual([
      'docker hackbench 40 tasks (process, socket)',
      'docker hackbench 80 tasks (process, socket)',
    ]);
    // And as one fact for the suite: the container's hackbench overhead grew.
    expect(
      an.headline.aggregateRegressions.map((g) => `${g.env} ${g.suite}`),
      md,
    ).toEqual(['docker hackbench']);
    expectDriftNoteIfHostMoved(an, md);
  });
});
