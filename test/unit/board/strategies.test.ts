import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BoardConfig, SwitchStrategy } from '../../../src/config/board.js';
import { EXTLINUX_GET_DEFAULT, planSwitch } from '../../../src/board/strategies.js';
import { LocalTransport } from '../../../src/transport/local.js';

const uboot = SwitchStrategy.parse({ type: 'uboot-env' });
const ubootOneShot = SwitchStrategy.parse({ type: 'uboot-env', oneShot: { bootlimit: 2 } });

describe('planSwitch: uboot-env', () => {
  it('sets the variable and checks it reads back', () => {
    const p = planSwitch(uboot, 'xen', 'linux');
    expect(p.steps.map((s) => s.argv)).toEqual([['fw_setenv', 'bootmode', 'xen']]);
    expect(p.checks).toEqual([
      { argv: ['fw_printenv', '-n', 'bootmode'], expect: 'xen', what: 'bootmode reads back xen' },
    ]);
    expect(p.confirm).toEqual([]);
  });
  it('one-shot: arms a trial boot of the non-default mode and confirms it after', () => {
    const p = planSwitch(ubootOneShot, 'xen', 'linux');
    expect(p.steps.map((s) => s.argv)).toEqual([
      ['fw_setenv', 'bootmode', 'xen'],
      ['fw_setenv', 'bootlimit', '2'],
      ['fw_setenv', 'altbootcmd', 'setenv bootmode linux'],
      ['fw_setenv', 'bootcount', '0'],
      ['fw_setenv', 'upgrade_available', '1'],
    ]);
    expect(p.confirm.map((s) => s.argv)).toEqual([
      ['fw_setenv', 'upgrade_available', '0'],
      ['fw_setenv', 'bootcount', '0'],
    ]);
  });
  it('one-shot: going back to the default disarms the trial', () => {
    const p = planSwitch(ubootOneShot, 'linux', 'linux');
    expect(p.steps.map((s) => s.argv)).toEqual([
      ['fw_setenv', 'bootmode', 'linux'],
      ['fw_setenv', 'upgrade_available', '0'],
      ['fw_setenv', 'bootcount', '0'],
    ]);
  });
  it('custom variable, values and commands', () => {
    const s = SwitchStrategy.parse({
      type: 'uboot-env',
      variable: 'avb_mode',
      values: { linux: 'run linuxboot', xen: 'run xenboot' },
      setenvCommand: ['sudo', 'fw_setenv'],
    });
    expect(planSwitch(s, 'xen', 'linux').steps[0]?.argv).toEqual([
      'sudo',
      'fw_setenv',
      'avb_mode',
      'run xenboot',
    ]);
  });
});

describe('planSwitch: grub-reboot and command', () => {
  const grub = SwitchStrategy.parse({
    type: 'grub-reboot',
    entries: { linux: 'Debian GNU/Linux', xen: 'Debian GNU/Linux, with Xen hypervisor' },
  });
  it('the non-default mode only for the next boot, the default as saved default', () => {
    expect(planSwitch(grub, 'xen', 'linux').steps[0]?.argv).toEqual([
      'grub-reboot',
      'Debian GNU/Linux, with Xen hypervisor',
    ]);
    expect(planSwitch(grub, 'linux', 'linux').steps[0]?.argv).toEqual([
      'grub-set-default',
      'Debian GNU/Linux',
    ]);
  });
  it('user command per mode, on the controller when asked', () => {
    const c = SwitchStrategy.parse({
      type: 'command',
      commands: { linux: ['lab-switch', 'linux'], xen: ['lab-switch', 'xen'] },
      on: 'controller',
    });
    expect(planSwitch(c, 'xen', 'linux').steps).toEqual([
      { on: 'controller', argv: ['lab-switch', 'xen'], what: 'user switch command for xen' },
    ]);
  });
});

describe('planSwitch: extlinux (the fixed script really run on a file)', () => {
  const conf = [
    'TIMEOUT 1',
    'DEFAULT linux',
    '',
    'LABEL linux',
    '  KERNEL /Image',
    'label xen',
    '  KERNEL /xen',
    '',
  ].join('\n');
  it('rewrites DEFAULT and reads it back; refuses a label that is not in the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'avb-extlinux-'));
    const path = join(dir, 'extlinux.conf');
    await writeFile(path, conf);
    const s = SwitchStrategy.parse({ type: 'extlinux', path, labels: { linux: 'linux', xen: 'xen' } });
    const t = new LocalTransport();
    const p = planSwitch(s, 'xen', 'linux');
    const step = p.steps[0]!;
    const r = await t.exec(step.argv, { timeoutMs: 10_000, env: step.env });
    expect(r.exitCode).toBe(0);
    expect(await readFile(path, 'utf8')).toBe(conf.replace('DEFAULT linux', 'DEFAULT xen'));
    // The read-back exactly as the controller runs it (the plan's argv and env): it used to
    // run without the file path and could never confirm the new default.
    const c = p.checks[0]!;
    expect(c.argv).toEqual(['sh', '-c', EXTLINUX_GET_DEFAULT]);
    const check = await t.exec(c.argv, { timeoutMs: 10_000, ...(c.env ? { env: c.env } : {}) });
    expect(check.output.trim()).toBe(c.expect);
    expect(c.expect).toBe('xen');

    const bad = SwitchStrategy.parse({ type: 'extlinux', path, labels: { linux: 'linux', xen: 'xen-4.17' } });
    const b = planSwitch(bad, 'xen', 'linux').steps[0]!;
    const r2 = await t.exec(b.argv, { timeoutMs: 10_000, env: b.env });
    expect(r2.exitCode).toBe(3);
    expect(r2.output).toContain(`extlinux: no LABEL xen-4.17 in ${path}`);
    expect(await readFile(path, 'utf8')).toBe(conf.replace('DEFAULT linux', 'DEFAULT xen'));
  });
});

describe('BoardConfig', () => {
  const ssh = { type: 'ssh', host: '127.0.0.1', knownHosts: '/tmp/kh', identityFile: '/tmp/key' };
  it('defaults: linux is the default mode, systemctl reboot, one power-cycle attempt, lock on', () => {
    const b = BoardConfig.parse({ connection: ssh, switch: { type: 'uboot-env' } });
    expect(b.defaultBootMode).toBe('linux');
    expect(b.rebootCommand).toEqual(['systemctl', 'reboot']);
    expect(b.powerCycleAttempts).toBe(1);
    expect(b.timeouts).toEqual({
      commandSeconds: 60,
      shutdownSeconds: 180,
      bootSeconds: 300,
      startSeconds: 120,
      powerCycleSeconds: 120,
      pollSeconds: 20,
      pollIntervalSeconds: 2,
    });
    expect(b.lock).toEqual({
      enabled: true,
      boardPath: '/var/lib/arm-virt-bench/board.lock',
      staleSeconds: 21600,
    });
  });
  it('the old shape (name + connection only) still parses', () => {
    expect(BoardConfig.parse({}).connection).toEqual({ type: 'local' });
  });
  it('refuses boot switching on a local connection, with the reason', () => {
    const r = BoardConfig.safeParse({ switch: { type: 'uboot-env' } });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/needs connection: ssh/);
    expect(r.error?.issues[0]?.path).toEqual(['switch']);
  });
  it('rejects a shell string as a command and a bad variable name', () => {
    expect(BoardConfig.safeParse({ connection: ssh, rebootCommand: 'reboot now' }).success).toBe(false);
    const r = BoardConfig.safeParse({
      connection: ssh,
      switch: { type: 'uboot-env', variable: 'boot mode;reset' },
    });
    expect(r.error?.issues[0]?.message).toBe('not a U-Boot variable name');
  });
  it('rejects an unknown strategy', () => {
    expect(BoardConfig.safeParse({ connection: ssh, switch: { type: 'efibootmgr' } }).success).toBe(false);
  });
});
