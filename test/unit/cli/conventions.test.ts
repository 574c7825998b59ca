/**
 * The CLI's conventions, as a new user tried them (issue 13): `-h`/`--help` on every command
 * (stdout, exit 0), a usage text that lists every flag the command accepts (it is generated
 * from the same table), usage and configuration errors on stderr with exit 2 and one prefix.
 * In-process through runCli; nothing here reaches a board or starts a process.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { COMMANDS, runCli } from '../../../src/cli/main.js';
import { parseCommand, usage } from '../../../src/cli/spec.js';
import { PRESET_NAMES } from '../../../src/config/presets.js';

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(...argv: string[]): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => {
    stdout += String(c);
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => {
    stderr += String(c);
    return true;
  });
  try {
    return { code: await runCli(argv), stdout, stderr };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'avb-cli-conv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const NAMES = COMMANDS.map((c) => c.spec.name);

describe('help', () => {
  it.each(
    NAMES.flatMap((n) => [
      [n, '--help'],
      [n, '-h'],
    ]),
  )('%s %s → the usage on stdout, exit 0', async (name, flag) => {
    const r = await cli(name, flag);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(new RegExp(`^Usage: arm-virt-bench ${name} \\[options\\]`));
    expect(r.stdout).toMatch(/Exit status: /);
  });

  it('help COMMAND, --help and --version at the top', async () => {
    expect(await cli('help', 'compare')).toMatchObject({ code: 0, stderr: '' });
    const top = await cli('--help');
    expect(top.code).toBe(0);
    for (const n of NAMES) expect(top.stdout).toContain(`arm-virt-bench ${n} [options]`);
    expect((await cli('--version')).stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('the usage lists every flag the parser accepts, and the flags that used to be missing', () => {
    for (const c of COMMANDS) {
      const text = usage('arm-virt-bench', c.spec);
      for (const o of c.spec.options) expect(text, `${c.spec.name} --${o.name}`).toContain(`--${o.name}`);
      // A flag of the table parses; one outside it does not.
      for (const o of c.spec.options) {
        const args = o.type === 'string' ? [`--${o.name}`, 'x'] : [`--${o.name}`];
        const pos = (c.spec.positionals ?? []).filter((p) => !p.optional).map(() => 'FILE');
        expect(() => parseCommand(c.spec, [...args, ...pos]), `${c.spec.name} --${o.name}`).not.toThrow();
      }
      expect(() => parseCommand(c.spec, ['--no-such-flag'])).toThrow(/Unknown option '--no-such-flag'/);
    }
    const help = (n: string) => usage('arm-virt-bench', COMMANDS.find((c) => c.spec.name === n)!.spec);
    for (const flag of [
      '--min-effect',
      '--alpha',
      '--correction',
      '--max-cv',
      '--host-env',
      '--expect-change',
    ]) {
      expect(help('compare')).toContain(flag);
      expect(help('report')).toContain(flag);
    }
    expect(help('report')).toContain('--baseline');
    expect(help('report')).toContain('--title');
    expect(help('run')).toContain(`--preset ${PRESET_NAMES.join('|')}`);
    expect(help('run')).toMatch(/test \(the smallest run/);
    // Every output file of a run is named.
    for (const f of ['results.json', 'logs/', 'report.md', 'report.html', 'report.csv', 'analysis.json'])
      expect(help('run')).toContain(f);
  });
});

describe('errors: stderr, exit 2, one prefix', () => {
  const config = join(dir, 'host.yml');
  writeFileSync(config, 'environments:\n  - kind: host\n');
  const bad = join(dir, 'bad.yml');
  writeFileSync(bad, 'environments:\n  - kind: host\nsuites:\n  hackbench:\n    loops: -5\n');
  const off = join(dir, 'off.yml');
  writeFileSync(
    off,
    'environments:\n  - kind: host\nsuites:\n  hackbench: { enabled: false }\n  unixbench: { enabled: false }\n  iozone: { enabled: false }\n  netperf: { enabled: false }\n',
  );

  it.each([
    ['run', ['run', '--help-me'], /^arm-virt-bench run: Unknown option '--help-me'/],
    [
      'run',
      ['run', '--preset', 'slow'],
      /^arm-virt-bench run: --preset must be one of paper, quick, test \(got 'slow'\)/,
    ],
    [
      'run',
      ['run', '--config', join(dir, 'none.yml')],
      /^arm-virt-bench run: .*none\.yml: cannot read: no such file$/m,
    ],
    [
      'run',
      ['run', '--config', bad],
      /^arm-virt-bench run: .*bad\.yml: suites\.hackbench\.loops: Too small/m,
    ],
    [
      'run',
      ['run', '--config', config, '--env', 'nope'],
      /^arm-virt-bench run: --env: no environment named nope \(configured: host\)$/m,
    ],
    ['run', ['run', '--config', off], /^arm-virt-bench run: nothing to measure: every suite is disabled/m],
    ['run', ['run', '--config', config, 'extra'], /^arm-virt-bench run: unexpected argument: extra/],
    ['probe', ['probe', '--config', off], /^arm-virt-bench probe: nothing to measure/m],
    [
      'compare',
      ['compare', '--baseline', 'x.json'],
      /^arm-virt-bench compare: --baseline A\.json and --current B\.json are both needed/,
    ],
    [
      'compare',
      ['compare', '--baseline', join(dir, 'a.json'), '--current', join(dir, 'b.json')],
      /^arm-virt-bench compare: .*a\.json: cannot read: no such file/,
    ],
    [
      'compare',
      ['compare', '--alpha', '2', '--baseline', 'a', '--current', 'b'],
      /^arm-virt-bench compare: --alpha must be in \(0, 1\) \(got 2\)/,
    ],
    ['report', ['report'], /^arm-virt-bench report: missing RESULTS\.json/],
    [
      'report',
      ['report', 'test/fixtures/results/paper-current.json', '--correction', 'bonferroni'],
      /^arm-virt-bench report: --correction must be holm or bh/,
    ],
    [
      'report',
      ['report', 'test/fixtures/results/paper-current.json', '--host-env', 'metal'],
      /^arm-virt-bench report: --host-env: no environment 'metal'/,
    ],
    ['parse', ['parse', 'x.txt'], /^arm-virt-bench parse: --suite must be one of/],
  ])('%s: %j', async (_name, argv, message) => {
    const r = await cli(...argv);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    for (const line of r.stderr
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('Try ')))
      expect(line).toMatch(new RegExp(`^arm-virt-bench ${argv[0]}: `));
  });

  it('no command, an unknown command: exit 2 on stderr', async () => {
    const none = await cli();
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/^arm-virt-bench: a command is needed/);
    const unknown = await cli('measure');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^arm-virt-bench: unknown command 'measure'/);
  });
});
