import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  configDigest,
  loadConfigFile,
  parseConfig,
  parseConfigText,
} from '../../../src/config/load.js';
import { PRESETS, resolveSuites } from '../../../src/config/presets.js';

function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err.message.split('\n');
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('config file schema', () => {
  it('fills defaults: local board, quick preset, env id = kind', () => {
    const c = parseConfig({ environments: [{ kind: 'host' }] });
    expect(c.board.name).toBe('local');
    expect(c.board.connection).toEqual({ type: 'local' });
    expect(c.board.defaultBootMode).toBe('linux');
    expect(c.preset).toBe('quick');
    expect(c.environments).toEqual([
      { kind: 'host', id: 'host', env: {}, settings: { allowRamScratch: false } },
    ]);
    expect(c.suites).toEqual({});
  });

  it('names the file, the key path and the reason for each problem', () => {
    expect(
      problems(() =>
        parseConfig(
          {
            environments: [{ kind: 'vmware' }, { kind: 'host', colour: 'red' }],
            suites: { hackbench: { groups: [] } },
            extra: 1,
          },
          'bench.yml',
        ),
      ),
    ).toEqual([
      expect.stringMatching(/^bench\.yml: environments\.0\.kind: Invalid option: expected one of "host"\|/),
      expect.stringMatching(/^bench\.yml: environments\.1: Unrecognized key: "colour"$/),
      'bench.yml: suites.hackbench.groups: needs at least one value',
      'bench.yml: (top level): Unrecognized key: "extra"',
    ]);
  });

  it('rejects duplicate environment ids, naming both', () => {
    expect(
      problems(() => parseConfig({ environments: [{ kind: 'host' }, { kind: 'host' }] }, 'c.json')),
    ).toEqual([
      "c.json: environments.1.id: duplicate environment id 'host' (also environments.0); give each an explicit id",
    ]);
  });

  it('rejects unsafe ids and variable names', () => {
    expect(
      problems(() =>
        parseConfig({ environments: [{ kind: 'host', id: '../x', env: { 'A-B': '1' } }] }, 'c.yml'),
      ),
    ).toEqual([
      'c.yml: environments.0.id: lower-case letters, digits, ".", "_" and "-" (it names log folders)',
      'c.yml: environments.0.env.A-B: not an environment variable name',
    ]);
  });

  it('reports YAML syntax errors with line and column', () => {
    const lines = problems(() => parseConfigText('environments:\n  - kind: host\n   id: x\n', 'bad.yml'));
    expect(lines[0]).toMatch(/^bad\.yml: line 3, column \d+: /);
  });

  it('reads YAML and JSON files to the same config', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'avb-config-'));
    const yml = join(dir, 'a.yml');
    const json = join(dir, 'a.json');
    await writeFile(
      yml,
      'preset: paper\nenvironments:\n  - kind: host\n    env: { PATH: /opt/rt/bin }\nsuites:\n  hackbench: { groups: [1, 2] }\n',
    );
    await writeFile(
      json,
      JSON.stringify({
        preset: 'paper',
        environments: [{ kind: 'host', env: { PATH: '/opt/rt/bin' } }],
        suites: { hackbench: { groups: [1, 2] } },
      }),
    );
    const a = await loadConfigFile(yml);
    expect(await loadConfigFile(json)).toEqual(a);
    expect(configDigest(a)).toMatch(/^sha256:[0-9a-f]{64}$/);
    await expect(loadConfigFile(join(dir, 'none.yml'))).rejects.toThrow(/none\.yml: cannot read: ENOENT/);
  });

  it('digests key order away', () => {
    expect(configDigest({ a: 1, b: [1, { c: 2, d: 3 }] })).toBe(
      configDigest({ b: [1, { d: 3, c: 2 }], a: 1 }),
    );
    expect(configDigest({ a: 1 })).not.toBe(configDigest({ a: 2 }));
  });
});

describe('presets', () => {
  it('paper is the paper protocol', () => {
    const p = PRESETS.paper;
    expect(p.runs).toBe(10);
    expect(p.suites.hackbench).toMatchObject({
      groups: [1, 2, 4, 8, 16],
      loops: 1000,
      datasize: 100,
      fds: 20,
    });
    expect(p.suites.hackbench.modes).toEqual(['process', 'thread']);
    expect(p.suites.iozone.fileSizesKb).toEqual([4, 1024, 10240]);
    expect(p.suites.iozone.minRecordKb).toBe(4);
    expect(p.suites.unixbench.tests).toEqual([
      'dhry2reg',
      'whetstone-double',
      'execl',
      'pipe',
      'context1',
      'spawn',
      'shell1',
      'shell8',
      'syscall',
    ]);
    expect(p.suites.netperf.tests).toEqual(['TCP_STREAM', 'TCP_RR', 'UDP_RR']);
  });

  it('a config overrides any key per suite; lists are replaced', () => {
    const s = resolveSuites(PRESETS.quick, {
      hackbench: { groups: [2], runs: 7 },
      netperf: { peer: 'self', port: 13000 },
    });
    expect(s.hackbench.groups).toEqual([2]);
    expect(s.hackbench.runs).toBe(7);
    expect(s.hackbench.loops).toBe(PRESETS.quick.suites.hackbench.loops);
    expect(s.netperf.port).toBe(13000);
    expect(s.iozone).toEqual(PRESETS.quick.suites.iozone);
  });

  it('the presets themselves are valid and distinct in size', () => {
    for (const p of Object.values(PRESETS)) expect(resolveSuites(p)).toEqual(p.suites);
    expect(PRESETS.quick.runs).toBeLessThan(PRESETS.paper.runs);
  });
});
