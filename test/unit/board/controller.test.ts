/**
 * BoardController logic against a stand-in board: a Transport that answers the probe
 * script like a board in its current mode, keeps a U-Boot environment for
 * fw_setenv/fw_printenv, and on `systemctl reboot` boots into what the env selects.
 * It stands in for the virtual board (test/integration/board-e2e.test.ts runs the
 * same paths on real QEMU); here the failure paths run in milliseconds.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BoardController, withBoard } from '../../../src/board/controller.js';
import { BootSwitchError } from '../../../src/board/errors.js';
import { BoardConfig } from '../../../src/config/board.js';
import type { ExecOptions, ExecResult, Transport } from '../../../src/transport/types.js';
import { TransportError } from '../../../src/transport/types.js';

class StandInBoard {
  env: Record<string, string> = { bootmode: 'linux' };
  mode: 'linux' | 'xen' = 'linux';
  up = true;
  bootId = 1;
  hangOnXen = false;
  /** A power-cycle cures the hang (false: every boot of xen fails again). */
  pduCures = true;
  powerCycles = 0;
  log: string[] = [];
  /** Where the board's serial console goes (what a consoleCommand would capture). */
  consoleFile: string | undefined;

  boot(): void {
    const mode = this.env.bootmode === 'xen' ? 'xen' : 'linux';
    if (mode === 'xen' && this.hangOnXen) {
      this.up = false;
      if (this.consoleFile)
        appendFileSync(this.consoleFile, 'U-Boot 2023.01\navb-lab: BOOT FAILED (bootmode=xen)\n');
      return;
    }
    this.mode = mode;
    this.bootId += 1;
    this.up = true;
  }

  probe(): string {
    const xen = this.mode === 'xen';
    return [
      '@@boot_id',
      `00000000-0000-4000-8000-${String(this.bootId).padStart(12, '0')}`,
      '@@kernel',
      '6.1.0-37-arm64',
      '@@arch',
      'aarch64',
      '@@cmdline',
      xen ? 'console=hvc0' : 'console=ttyAMA0',
      '@@hypervisor_type',
      ...(xen ? ['xen'] : []),
      '@@xen_capabilities',
      ...(xen ? ['file:', 'control_d'] : []),
      '@@dev_kvm',
      xen ? 'absent' : 'present',
      '@@dmesg',
      '@@xl_info',
      '@@end',
    ].join('\n');
  }

  transport(): Transport {
    const ok = (output: string, exitCode = 0): ExecResult => ({
      exitCode,
      output,
      timedOut: false,
      cancelled: false,
      durationMs: 1,
    });
    return {
      description: 'stand-in board',
      exec: (argv: readonly string[], _o: ExecOptions): Promise<ExecResult> => {
        this.log.push(argv.join(' ').slice(0, 40));
        if (!this.up) return Promise.reject(new TransportError('connection refused', 'stand-in'));
        const [p, ...a] = argv;
        if (p === 'sh' && a[1]?.startsWith('export LC_ALL=C')) return Promise.resolve(ok(this.probe()));
        if (p === 'sh') return Promise.resolve(ok('ACQUIRED\n')); // lock scripts
        if (p === 'cat')
          return Promise.resolve(ok(`00000000-0000-4000-8000-${String(this.bootId).padStart(12, '0')}\n`));
        if (p === 'fw_setenv') {
          this.env[a[0]!] = a[1]!;
          return Promise.resolve(ok(''));
        }
        if (p === 'fw_printenv') return Promise.resolve(ok(`${this.env[a[1]!] ?? ''}\n`));
        if (p === 'systemctl') {
          this.up = false;
          setTimeout(() => this.boot(), 5);
          return Promise.reject(new TransportError('connection closed by remote host', 'stand-in'));
        }
        return Promise.resolve(ok('', 127));
      },
      copyTo: () => Promise.resolve(),
      close: () => Promise.resolve(),
    };
  }

  controllerTransport(): Transport {
    return {
      description: 'controller',
      exec: (argv: readonly string[]): Promise<ExecResult> => {
        if (argv[0] === 'pdu') {
          this.powerCycles += 1;
          if (this.pduCures) this.hangOnXen = false;
          this.boot();
        }
        return Promise.resolve({ exitCode: 0, output: '', timedOut: false, cancelled: false, durationMs: 1 });
      },
      copyTo: () => Promise.resolve(),
      close: () => Promise.resolve(),
    };
  }
}

async function setup(extra: Record<string, unknown> = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'avb-ctl-'));
  const b = new StandInBoard();
  const config = BoardConfig.parse({
    name: 'stand-in',
    connection: { type: 'ssh', host: '127.0.0.1', knownHosts: '/dev/null', identityFile: '/dev/null' },
    switch: { type: 'uboot-env' },
    powerCycleCommand: ['pdu', 'cycle'],
    timeouts: { bootSeconds: 0.3, shutdownSeconds: 0.3, pollSeconds: 1, pollIntervalSeconds: 0.01 },
    lock: { localPath: join(dir, 'ctl.lock') },
    ...extra,
  });
  const opts = {
    config,
    connect: () => b.transport(),
    controller: b.controllerTransport(),
    logDir: join(dir, 'logs'),
  };
  return { b, opts, dir };
}

describe('BoardController (stand-in board)', () => {
  it('switches, is a no-op when already in the mode, and verifies', async () => {
    const { b, opts } = await setup();
    const c = new BoardController(opts);
    await c.open();
    const bootsBefore = b.bootId;
    await c.switchBootMode('linux');
    expect(b.bootId).toBe(bootsBefore);
    const x = await c.switchBootMode('xen');
    expect(x.detection).toMatchObject({ mode: 'xen', xenRole: 'dom0' });
    expect(b.bootId).toBe(bootsBefore + 1);
    await c.close();
  });

  it('withBoard restores the default mode after the run throws, and rethrows the run error', async () => {
    const { b, opts } = await setup();
    await expect(
      withBoard(opts, async (c) => {
        await c.switchBootMode('xen');
        throw new Error('suite exploded');
      }),
    ).rejects.toThrow('suite exploded');
    expect(b.mode).toBe('linux');
    expect(b.env.bootmode).toBe('linux');
  });

  it('withBoard restores the default mode after a cancel', async () => {
    const { b, opts } = await setup();
    const ac = new AbortController();
    await expect(
      withBoard({ ...opts, signal: ac.signal }, async (c) => {
        await c.switchBootMode('xen');
        ac.abort();
        await c.switchBootMode('linux'); // throws: cancelled
      }),
    ).rejects.toThrow();
    expect(b.mode).toBe('linux');
  });

  it('a board that does not come back is power-cycled and waited for again', async () => {
    const { b, opts } = await setup();
    b.hangOnXen = true;
    const c = new BoardController(opts);
    await c.open();
    // After the PDU the stand-in boots xen normally.
    const s = await c.switchBootMode('xen');
    expect(s.detection.mode).toBe('xen');
    expect(b.powerCycles).toBe(1);
    expect(c.powerCycles).toBe(1);
    await c.close();
    const log = await readFile(join(opts.logDir, 'board.log'), 'utf8');
    expect(log).toMatch(/not back within 0.3s/);
    expect(log).toMatch(/power-cycle 1\/1: pdu cycle/);
  });

  it('a failed boot seen on the console ends the wait at once and goes to the power-cycle', async () => {
    const { b, opts } = await setup({
      consoleCommand: ['console-capture'],
      consoleFailurePatterns: ['BOOT FAILED', 'Kernel panic - not syncing'],
      // Far longer than the test may take: only the console can end this wait in time.
      timeouts: { bootSeconds: 600, shutdownSeconds: 0.3, pollSeconds: 1, pollIntervalSeconds: 0.01 },
    });
    mkdirSync(opts.logDir, { recursive: true });
    // An earlier failure on the console (before this reboot) must not count.
    appendFileSync(join(opts.logDir, 'console.log'), 'Kernel panic - not syncing: old boot\n');
    b.consoleFile = join(opts.logDir, 'console.log');
    b.hangOnXen = true;
    const c = new BoardController(opts);
    await c.open();
    const s = await c.switchBootMode('xen');
    expect(s.detection.mode).toBe('xen');
    expect(c.powerCycles).toBe(1);
    await c.close();
    const log = await readFile(join(opts.logDir, 'board.log'), 'utf8');
    expect(log).toMatch(/console shows a failed boot after [\d.]+s: avb-lab: BOOT FAILED \(bootmode=xen\)/);
    expect(log).not.toMatch(/not back within/);
    expect(log).toMatch(/power-cycle 1\/1: pdu cycle/);
  });

  it('a boot that fails on the console again after the power-cycle is a clear failure saying so', async () => {
    const { b, opts } = await setup({
      consoleCommand: ['console-capture'],
      consoleFailurePatterns: ['BOOT FAILED'],
      timeouts: { bootSeconds: 600, shutdownSeconds: 0.3, pollSeconds: 1, pollIntervalSeconds: 0.01 },
    });
    mkdirSync(opts.logDir, { recursive: true });
    b.consoleFile = join(opts.logDir, 'console.log');
    b.hangOnXen = true;
    b.pduCures = false;
    const c = new BoardController(opts);
    await c.open();
    await expect(c.switchBootMode('xen')).rejects.toThrow(
      /did not come back: the console showed a failed boot after 1 power-cycle\(s\)/,
    );
    await c.close();
  });

  it('console failure patterns are checked as regular expressions and need a console', () => {
    const base = {
      name: 'b',
      connection: { type: 'ssh', host: 'h', knownHosts: '/dev/null', identityFile: '/dev/null' },
    };
    expect(() =>
      BoardConfig.parse({ ...base, consoleCommand: ['c'], consoleFailurePatterns: ['('] }),
    ).toThrow(/not a valid regular expression/);
    expect(() => BoardConfig.parse({ ...base, consoleFailurePatterns: ['panic'] })).toThrow(
      /console failure patterns need consoleCommand/,
    );
  });

  it('without a switch strategy, asking for the other mode is a clear error', async () => {
    const { opts } = await setup();
    const c = new BoardController({ ...opts, config: { ...opts.config, switch: undefined } });
    await c.open();
    await expect(c.switchBootMode('xen')).rejects.toThrow(BootSwitchError);
    await expect(c.switchBootMode('xen')).rejects.toThrow(/board.switch is not configured/);
    await c.close();
  });

  it('a second controller on the same board is refused while the first holds it', async () => {
    const { opts } = await setup();
    const c1 = new BoardController(opts);
    await c1.open();
    const c2 = new BoardController(opts);
    await expect(c2.open()).rejects.toThrow(/controller lock .* is held by pid/);
    await c1.close();
    await c2.open();
    await c2.close();
  });
});
