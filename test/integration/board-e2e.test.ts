/**
 * `arm-virt-bench run` end to end against the virtual ARM board (lab/) over SSH: the
 * Linux-boot environments, a switch to Xen (fw_setenv + reboot, verified), the Dom0
 * environment, and the switch back to the default mode — one results.json, one report.
 * The board stands in for a real one (see board-switch.test.ts). Short parameters: this
 * proves the flow, it measures nothing worth comparing (TCG emulation).
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/cli/run.js';
import { Results } from '../../src/results/schema.js';
import { SshTransport } from '../../src/transport/ssh.js';
import { buildLab, CONTROLLER_KEY, startLab, type Lab } from './board-lab.js';

let lab: Lab;

beforeAll(async () => {
  process.stderr.write(await buildLab());
  lab = await startLab();
}, 50 * 60_000);

afterAll(async () => {
  await lab?.stop();
});

describe('arm-virt-bench run on the virtual board', () => {
  it('host (linux) → switch to xen → xen-dom0 → back to linux: one results.json and report', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'avb-board-e2e-'));
    const out = join(dir, 'out');
    const board = lab.boardConfig();
    const config = {
      board: {
        name: board.name,
        connection: board.connection,
        defaultBootMode: 'linux',
        switch: board.switch,
        rebootCommand: board.rebootCommand,
        powerCycleCommand: board.powerCycleCommand,
        consoleCommand: board.consoleCommand,
        timeouts: board.timeouts,
        lock: { localPath: join(dir, 'controller.lock') },
      },
      preset: 'quick',
      runs: 1,
      environments: [{ kind: 'host' }, { kind: 'xen-dom0' }],
      suites: {
        hackbench: { modes: ['process'], ipc: ['socket'], groups: [1], loops: 50 },
        unixbench: { enabled: false },
        iozone: { fileSizesKb: [64], maxRecordKb: 4, tests: ['write-rewrite'] },
        netperf: { tests: ['TCP_RR'], lengthSeconds: 1, messageBytes: [64] },
      },
    };
    const file = join(dir, 'config.yml');
    await writeFile(file, stringify(config));
    const code = await runCommand(['--config', file, '--preset', 'quick', '--out', out]);

    const results = Results.parse(JSON.parse(await readFile(join(out, 'results.json'), 'utf8')));
    expect(results.failures).toEqual([]);
    expect(code).toBe(0);
    expect(results.run.status).toBe('complete');
    const envsWithSamples = new Set(results.samples.map((s) => s.env));
    expect([...envsWithSamples].sort()).toEqual(['host', 'xen-dom0']);
    for (const env of ['host', 'xen-dom0']) {
      const metrics = new Set(results.samples.filter((s) => s.env === env).map((s) => s.metric));
      expect(metrics.has('hackbench.time')).toBe(true);
      expect([...metrics].some((m) => m.startsWith('iozone.'))).toBe(true);
      expect(metrics.has('netperf.tcp_rr.rate')).toBe(true);
    }
    expect(results.environments.find((e) => e.id === 'xen-dom0')?.bootMode).toBe('xen');
    expect(Object.keys(results.board.fingerprints).sort()).toEqual(['linux', 'xen']);
    const report = await readFile(join(out, 'report.md'), 'utf8');
    expect(report).toContain('Xen Dom0');
    const log = await readFile(join(out, 'logs', 'board', 'board.log'), 'utf8');
    expect(log).toMatch(/switch linux → xen/);
    expect(log).toMatch(/restore default mode linux/);

    // The board was left in its default mode, and unlocked.
    const t = new SshTransport({
      host: '127.0.0.1',
      port: lab.port,
      user: 'root',
      identityFile: CONTROLLER_KEY,
      knownHosts: lab.knownHosts,
    });
    try {
      const r = await t.exec(
        [
          'sh',
          '-c',
          'cat /sys/hypervisor/type 2>/dev/null; fw_printenv -n bootmode; ls /var/lib/arm-virt-bench',
        ],
        {
          timeoutMs: 60_000,
        },
      );
      expect(r.output.trim().split('\n')).toEqual(['linux']);
    } finally {
      await t.close();
    }
  });
});
