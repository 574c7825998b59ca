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
    await expect(loadConfigFile(join(dir, 'none.yml'))).rejects.toThrow(
      /none\.yml: cannot read: no such file/,
    );
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

describe('bounds: refused when the config is read, each with its reason', () => {
  const ssh = { type: 'ssh', host: '10.0.0.21', knownHosts: 'kh', identityFile: 'key' };
  it('runs and sizes that crashed or hung the process before anything was written', () => {
    // runs: 9007199254740991 built a plan the heap could not hold.
    expect(
      problems(() => parseConfig({ runs: Number.MAX_SAFE_INTEGER, environments: [{ kind: 'host' }] })),
    ).toEqual([
      '<config>: runs: at most 1000 runs per cell (the paper used 10; more would take days per cell and environment)',
    ]);
    expect(
      problems(() =>
        parseConfig({
          environments: [{ kind: 'host' }],
          suites: {
            hackbench: { runs: 5000, groups: Array.from({ length: 65 }, (_, i) => i + 1) },
            iozone: { fileSizesKb: [1e9] },
          },
        }),
      ),
    ).toEqual([
      '<config>: suites.hackbench.runs: at most 1000 runs per cell (the paper used 10; more would take days per cell and environment)',
      '<config>: suites.hackbench.groups: at most 64 values (each one is a cell in every environment and round)',
      '<config>: suites.iozone.fileSizesKb.0: at most 67,108,864: 64 GiB, beyond the scratch space of any board',
    ]);
  });
  it('timeouts that overflow a timer after conversion to ms (they fired at once and killed every cell)', () => {
    expect(
      problems(() =>
        parseConfig({
          environments: [{ kind: 'host' }],
          suites: { hackbench: { timeoutSeconds: 3_000_000 } },
          board: { timeouts: { bootSeconds: 2 ** 31 } },
        }),
      ),
    ).toEqual([
      "<config>: board.timeouts.bootSeconds: at most 2147483 s (24.8 days): Node's timers hold 2^31 ms, a longer timeout would fire at once",
      "<config>: suites.hackbench.timeoutSeconds: at most 2147483 s (24.8 days): Node's timers hold 2^31 ms, a longer timeout would fire at once",
    ]);
    expect(() =>
      parseConfig({ environments: [{ kind: 'host' }], suites: { hackbench: { timeoutSeconds: 2_147_483 } } }),
    ).not.toThrow();
  });
  it('an ssh connection needs exactly one identity, and host and user as the transport accepts them', () => {
    const board = (connection: object) => () =>
      parseConfig({ board: { connection }, environments: [{ kind: 'host' }] });
    expect(problems(board({ ...ssh, identityFile: undefined }))).toEqual([
      '<config>: board.connection.identityFile: an ssh connection needs a key: identityFile (a private key file) or identityEnv (a variable holding the key); agents and ~/.ssh keys are never used',
    ]);
    expect(problems(board({ ...ssh, identityEnv: 'BOARD_KEY' }))).toEqual([
      '<config>: board.connection.identityEnv: give identityFile or identityEnv, not both',
    ]);
    expect(problems(board({ ...ssh, host: 'board -oProxyCommand=x', user: '-root' }))).toEqual([
      '<config>: board.connection.host: a host name or an IP address (letters, digits, ".", "-", ":", "_")',
      '<config>: board.connection.user: a user name (letters, digits, ".", "_", "-"; not starting with "-")',
    ]);
    expect(problems(board({ ...ssh, identityFile: undefined, identityEnv: 'BOARD-KEY' }))).toEqual([
      '<config>: board.connection.identityEnv: the name of an environment variable',
    ]);
    expect(() => board(ssh)()).not.toThrow();
    expect(() =>
      board({ ...ssh, host: 'fe80::1', identityFile: undefined, identityEnv: 'BOARD_KEY' })(),
    ).not.toThrow();
  });
});

describe('lab/board.yml, the ready config for the virtual board', () => {
  it('is valid, names all five environments and the files lab/board.sh writes', async () => {
    const c = await loadConfigFile('lab/board.yml');
    expect(c.environments.map((e) => e.kind)).toEqual(['host', 'docker', 'kvm', 'xen-dom0', 'xen-domu']);
    expect(c.board.connection).toMatchObject({
      type: 'ssh',
      host: '127.0.0.1',
      port: 2222,
      knownHosts: '/var/cache/arm-virt-bench/lab/run/known_hosts',
      identityFile: '/var/cache/arm-virt-bench/lab/keys/controller_ed25519',
    });
    expect(c.board.switch?.type).toBe('uboot-env');
    expect(c.board.powerCycleCommand).toEqual(['bash', 'lab/board.sh', 'pdu-cycle']);
    const { readFileSync } = await import('node:fs');
    const script = readFileSync('lab/board.sh', 'utf8');
    expect(script).toContain('>"$run/known_hosts"');
    expect(script).toContain('>"$run/guests_known_hosts"');
  });
});

describe("guest ssh: the transport's rules when the config is read", () => {
  it('refuses a guest user or address ssh would not take as given', () => {
    const bad = problems(() =>
      parseConfig({
        environments: [
          { kind: 'host' },
          {
            kind: 'xen-domu',
            name: 'avb-domu',
            configFile: '/etc/xen/avb-domu.cfg',
            address: '10.0.0.2 -oProxyCommand=x',
            ssh: { user: '-root', identityFile: '/k', hostKey: 'ssh-ed25519 AAAA' },
          },
        ],
      }),
    );
    expect(bad).toEqual([
      '<config>: environments.1.address: a host name or an IP address (letters, digits, ".", "-", ":", "_")',
      '<config>: environments.1.ssh.user: a user name (letters, digits, ".", "_", "-"; not starting with "-")',
    ]);
  });
});
