// A run that would measure nothing, names an unknown environment or plans too much is refused
// before anything runs: no output folder, no board contact, no process started.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load.js';
import { PlanError } from '../../../src/engine/errors.js';
import { resolveRun, runBench } from '../../../src/engine/run.js';

const out = join(tmpdir(), `avb-run-plan-${process.pid}`);
const off = { enabled: false };

describe('runBench refuses a run it cannot plan', () => {
  it('every suite disabled: nothing to measure (it used to end "0 samples, status complete")', async () => {
    const config = parseConfig({
      environments: [{ kind: 'host' }],
      suites: { hackbench: off, unixbench: off, iozone: off, netperf: off },
    });
    await expect(runBench(config, { outDir: out })).rejects.toThrow(
      new PlanError(
        'nothing to measure: every suite is disabled in preset quick with this config (suites.hackbench.enabled: false, suites.unixbench.enabled: false, suites.iozone.enabled: false, suites.netperf.enabled: false)',
      ),
    );
    expect(existsSync(out)).toBe(false);
  });

  it('no environment selected, or an unknown one', async () => {
    const config = parseConfig({ environments: [{ kind: 'host' }] });
    await expect(runBench(config, { outDir: out, envs: [] })).rejects.toThrow(
      /^nothing to measure: --env selected no environment \(configured: host\)$/,
    );
    await expect(runBench(config, { outDir: out, envs: ['kvm'] })).rejects.toThrow(
      new PlanError('--env: no environment named kvm (configured: host)'),
    );
    expect(existsSync(out)).toBe(false);
  });

  it('counts the plan without building it', () => {
    const config = parseConfig({ environments: [{ kind: 'host' }, { kind: 'docker' }] });
    // quick: hackbench 2×2×2 = 8 cells, unixbench 3, iozone 1, netperf 2 + 1 + 1 = 4; 6 runs; 2 envs.
    expect(resolveRun(config, {}).cellRuns).toBe((8 + 3 + 1 + 4) * 6 * 2);
  });
});
