/**
 * Adaptive rounds through the real engine (process transport, parser, results store, report):
 * a first run is the baseline; a second run, given that baseline, looks at its first rounds,
 * extends the cell that moved (and its host's, interleaved) and records the design.
 *
 * The subject here is the engine's decision, so the measured values must be known: `hackbench`
 * on the environments' PATH is a stand-in that prints hackbench's real output format (as in
 * test/fixtures/hackbench/process_socket_g1.txt) with a time taken from a fixed list — the same
 * technique as engine-faults.test.ts's hanging hackbench. The real hackbench is measured by
 * engine-host.test.ts.
 */
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/index.js';
import { parseConfig } from '../../src/config/load.js';
import { runBench } from '../../src/engine/run.js';
import type { Reporter } from '../../src/engine/reporter.js';
import type { Results } from '../../src/results/schema.js';

const SYSTEM_PATH = '/usr/local/bin:/usr/bin:/bin';
// Deviations of about 2% (sample SD 0.021 on the log scale), cycled through by each environment.
const NOISE = [0.012, -0.025, 0.031, -0.004, -0.018, 0.021, 0.006, -0.029, 0.015, -0.011, 0.027, -0.02];

// Prints hackbench's output with Time = BASE · (1 + SHIFT) · (1 + NOISE[k]), k counted per environment.
const FAKE = `#!/bin/sh
n=$(cat "$AVB_FAKE_COUNTER" 2>/dev/null || echo 0)
echo $((n + 1)) > "$AVB_FAKE_COUNTER"
set -- ${NOISE.join(' ')}
shift $((n % ${NOISE.length}))
awk -v b="$AVB_FAKE_BASE" -v s="$AVB_FAKE_SHIFT" -v z="$1" 'BEGIN {
  print "Running in process mode with 1 groups using 40 file descriptors each (== 40 tasks)"
  print "Each sender will pass 100 messages of 100 bytes"
  printf "Time: %.4f\\n", b * (1 + s) * (1 + z)
}'
`;

describe('adaptive rounds in a real engine run', () => {
  let dir: string;
  let bin: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'avb-engine-adaptive-'));
    bin = join(dir, 'bin');
    await mkdir(bin);
    await writeFile(join(bin, 'hackbench'), FAKE);
    await chmod(join(bin, 'hackbench'), 0o755);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function run(name: string, shift: number, baseline?: Results) {
    const env = (id: string, base: number, s: number) => ({
      kind: 'host' as const,
      id,
      env: {
        PATH: `${bin}:${SYSTEM_PATH}`,
        AVB_FAKE_COUNTER: join(dir, `${name}-${id}.count`),
        AVB_FAKE_BASE: String(base),
        AVB_FAKE_SHIFT: String(s),
      },
    });
    // Two environments of kind host: the first is the host, the second is measured against it.
    const config = parseConfig({
      preset: 'quick',
      environments: [env('host', 0.2, 0), env('slow', 0.22, shift)],
      suites: {
        hackbench: { modes: ['process'], ipc: ['socket'], groups: [1], loops: 100 },
        unixbench: { enabled: false },
        iozone: { enabled: false },
        netperf: { enabled: false },
      },
      // Budget: the first rounds × 1 = 6 rounds of the same cells; the cap (10) allows 4.
      adaptive: { maxRuns: 10, extraTime: 1 },
    });
    const lines: string[] = [];
    const reporter: Reporter = {
      info: (l) => lines.push(l),
      warn: (l) => lines.push(`warn ${l}`),
      groupStart: (l) => lines.push(`group ${l}`),
      groupEnd: () => undefined,
      cell: (e) => lines.push(`${e.env} ${e.suite} ${e.key} r${e.round} ${e.status} ${e.index}/${e.total}`),
    };
    const out = join(dir, name);
    const results = await runBench(config, { outDir: out, reporter, ...(baseline ? { baseline } : {}) });
    return { results, lines, out };
  }

  it('without a baseline: the preset’s rounds only, and no design recorded', async () => {
    const { results } = await run('first', 0);
    expect(results.failures).toEqual([]);
    expect(results.run.adaptive).toBeUndefined();
    expect(new Set(results.samples.map((s) => s.round))).toEqual(new Set([0, 1, 2, 3, 4, 5]));
  });

  it('with a baseline: the cell that moved 4% and its host’s get the same extra rounds, interleaved; both looks are used', async () => {
    const { results: baseline } = await run('base', 0);
    const { results, lines, out } = await run('pr', 0.04, baseline);
    expect(results.failures, lines.join('\n')).toEqual([]);
    const design = results.run.adaptive!;
    expect(design.firstLook).toEqual({ hackbench: 6 });
    expect(design.alphaFirstLook).toBe(0.1);
    expect(new Set(design.extended)).toEqual(
      new Set(['host/hackbench/process-socket-g1', 'slow/hackbench/process-socket-g1']),
    );
    expect(design.extraRounds).toBe(4);
    // Rounds 6–9 of both cells, host first in each round (the interleaving of every round).
    const extra = results.samples.filter((s) => s.round >= 6).map((s) => `${s.env} r${s.round}`);
    expect(extra).toEqual([
      'host r6',
      'slow r6',
      'host r7',
      'slow r7',
      'host r8',
      'slow r8',
      'host r9',
      'slow r9',
    ]);
    expect(lines).toContainEqual(
      expect.stringMatching(/^adaptive rounds: 4 extra round\(s\) of 2 cell\(s\)/),
    );
    // Progress counts the extra rounds: the last cell is n/n.
    expect(lines.filter((l) => l.startsWith('slow hackbench')).at(-1)).toMatch(/ 20\/20$/);
    // The analysis tests with both looks, from the design in results.json.
    const a = analyze(results, { baseline, bootstrap: 0 });
    const cell = a.comparisons.find((c) => c.env === 'slow')!;
    expect(cell.current!.n).toBe(10);
    expect(cell.extraRounds).toBe(4);
    expect(a.design.alphaFirstLook).toBe(0.1);
    expect(cell.change!).toBeGreaterThan(0.02);
    // And the run's own report was written against the baseline.
    expect(await readFile(join(out, 'report.md'), 'utf8')).toContain('Suite overheads');
  });
});
