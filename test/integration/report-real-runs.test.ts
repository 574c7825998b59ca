/**
 * The verdicts on real runs of this machine (real hackbench through the engine, real dockerd):
 *  - A/A: two runs of the same setup (host + a docker container with 1 CPU) compared: no
 *    regression;
 *  - an injected slowdown: the same container limited to half a CPU (`docker run --cpus 0.5`),
 *    compared as current against the 1-CPU baseline: the container's hackbench cells are
 *    absolute and overhead regressions; the host's are not. The CPU limit is a fingerprint
 *    fact (cgroupCpuLimit), so the comparison declares it with expectChanges, as a PR that
 *    changes it on purpose would.
 * The tools and dockerd must be present (scripts/setup.sh): a missing one FAILS here.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.js';
import { parseConfig } from '../../src/config/load.js';
import { runBench } from '../../src/engine/run.js';
import { renderMarkdown } from '../../src/report/index.js';
import type { Results } from '../../src/results/schema.js';

function config(cpus: number) {
  return parseConfig({
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
  let half: Results;

  beforeAll(async () => {
    const run = async (cpus: number) => {
      const out = await mkdtemp(join(tmpdir(), 'avb-real-'));
      dirs.push(out);
      return runBench(config(cpus), { outDir: out, reports: false });
    };
    a = await run(1);
    b = await run(1);
    half = await run(0.5);
  });

  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('A/A: two runs of the same setup give no regression', () => {
    for (const r of [a, b]) expect(r.failures).toEqual([]);
    const an = analyze(b, { baseline: a });
    const md = renderMarkdown(an, { flavor: 'comment' });
    expect(an.comparisons.length, md).toBe(4);
    expect(an.headline.regressions, md).toEqual([]);
    expect(an.headline.overheadRegressions, md).toEqual([]);
  });

  it('half a CPU for the container: its cells regress, the host does not', () => {
    expect(half.failures).toEqual([]);
    const docker = half.environments.find((e) => e.id === 'docker')!;
    expect(docker.fingerprint.cgroupCpuLimit).not.toBe(
      a.environments.find((e) => e.id === 'docker')!.fingerprint.cgroupCpuLimit,
    );
    const an = analyze(half, { baseline: a, expectChanges: ['cgroupCpuLimit'] });
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
    // The host ran at two different times on a shared 2-core machine: it may have got
    // measurably faster in between (seen in CI: -15%, an honest "improvement"), but the
    // container's limit must never make the host's cells regress.
    const host = an.comparisons.filter((c) => c.env === 'host');
    expect(host.length, md).toBe(2);
    for (const c of host) expect(['unchanged', 'improvement'], md).toContain(c.verdict);
    expect(an.headline.overheadRegressions.map((o) => o.label).sort(), md).toEqual([
      'hackbench 40 tasks (process, socket)',
      'hackbench 80 tasks (process, socket)',
    ]);
  });
});
