/**
 * Trial boots of the under-test slot against a stand-in board whose "U-Boot" follows
 * lab/boot.cmd's rules: defaults, then the saved environment; with upgrade_available=1 every
 * boot counts and saves bootcount, and past bootlimit runs altbootcmd; the files named by the
 * image variables are loaded, a corrupt kernel stops in the boot loader ("Bad Linux ARM64 Image
 * magic!"), a good one boots with `${linux_args}` and `avb.slot=${avb_slot}` on its command line.
 * It stands in for the virtual board (test/integration/board-e2e.test.ts runs the same path on
 * real QEMU + U-Boot); here every branch runs in milliseconds.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BoardController, withBoard } from '../../../src/board/controller.js';
import { parseConfig } from '../../../src/config/load.js';
import type { Config } from '../../../src/config/schema.js';
import type { DeployConfig } from '../../../src/config/deploy.js';
import { Deployment } from '../../../src/deploy/deployment.js';
import { DidNotBootError } from '../../../src/deploy/errors.js';
import { deploySources, planDeployment } from '../../../src/deploy/plan.js';
import type { ExecOptions, ExecResult, Transport } from '../../../src/transport/types.js';
import { TransportError } from '../../../src/transport/types.js';

class UbootStandIn {
  /** The saved environment (uboot.env on the boot partition). */
  saved: Record<string, string> = {
    bootmode: 'linux',
    bootcount: '0',
    bootlimit: '1',
    upgrade_available: '0',
    altbootcmd: 'setenv bootmode linux',
  };
  /** Files on the boot partition: name → good or corrupt. */
  files: Record<string, 'good' | 'corrupt'> = { Image: 'good', 'initrd.img': 'good', xen: 'good' };
  up = true;
  bootId = 1;
  mode: 'linux' | 'xen' = 'linux';
  cmdline = 'root=/dev/vda2 rw console=ttyAMA0';
  kernel = '6.1.0-known-good';
  powerCycles = 0;
  constructor(readonly consoleFile: string) {}

  private say(line: string): void {
    appendFileSync(this.consoleFile, `${line}\n`);
  }

  /** lab/boot.cmd, step by step. */
  boot(): void {
    this.say('U-Boot 2023.01+dfsg-2+deb12u3 (stand-in)');
    const env: Record<string, string> = {
      linux_image: 'Image',
      initrd_image: 'initrd.img',
      xen_image: 'xen',
      ...this.saved,
    };
    if (env.upgrade_available === '1') {
      env.bootcount = String(Number(env.bootcount ?? '0') + 1);
      this.saved = { ...this.saved, bootcount: env.bootcount };
      if (Number(env.bootcount) > Number(env.bootlimit ?? '1')) {
        this.say(`avb-lab: bootcount ${env.bootcount} > bootlimit ${env.bootlimit}: running altbootcmd`);
        for (const cmd of (env.altbootcmd ?? '').split(';')) {
          const [verb, name, ...value] = cmd.trim().split(/\s+/);
          if (verb !== 'setenv' || !name) continue;
          if (value.length === 0) delete env[name];
          else env[name] = value.join(' ');
        }
      }
    }
    this.say(`avb-lab: bootmode=${env.bootmode} bootcount=${env.bootcount}`);
    const kernel = env.linux_image!;
    if (this.files[kernel] !== 'good') {
      this.say(
        this.files[kernel] === 'corrupt'
          ? 'Bad Linux ARM64 Image magic!'
          : `** Unable to read file ${kernel} **`,
      );
      this.say(`avb-lab: BOOT FAILED (bootmode=${env.bootmode}); halting until power-cycle`);
      this.up = false;
      return;
    }
    this.mode = env.bootmode === 'xen' ? 'xen' : 'linux';
    this.kernel = kernel === 'Image' ? '6.1.0-known-good' : '6.1.0-under-test';
    const extra = [env.linux_args, env.avb_slot ? `avb.slot=${env.avb_slot}` : undefined]
      .filter(Boolean)
      .join(' ');
    this.cmdline = `root=/dev/vda2 rw console=${this.mode === 'xen' ? 'hvc0' : 'ttyAMA0'}${extra ? ` ${extra}` : ''}`;
    this.say('[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x411fd070]');
    this.bootId += 1;
    this.up = true;
  }

  probe(): string {
    const xen = this.mode === 'xen';
    return [
      '@@boot_id',
      this.id(),
      '@@kernel',
      this.kernel,
      '@@arch',
      'aarch64',
      '@@cmdline',
      this.cmdline,
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

  id(): string {
    return `00000000-0000-4000-8000-${String(this.bootId).padStart(12, '0')}`;
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
      description: 'u-boot stand-in',
      exec: (argv: readonly string[], _o: ExecOptions): Promise<ExecResult> => {
        if (!this.up) return Promise.reject(new TransportError('connection refused', 'stand-in'));
        const [p, ...a] = argv;
        if (p === 'sh' && a[1]?.startsWith('export LC_ALL=C')) return Promise.resolve(ok(this.probe()));
        if (p === 'sh') return Promise.resolve(ok('ACQUIRED\n'));
        if (p === 'cat') return Promise.resolve(ok(`${this.id()}\n`));
        if (p === 'fw_setenv') {
          if (a.length === 1) delete this.saved[a[0]!];
          else this.saved[a[0]!] = a.slice(1).join(' ');
          return Promise.resolve(ok(''));
        }
        if (p === 'fw_printenv') {
          const v = this.saved[a[1]!];
          return Promise.resolve(v === undefined ? ok(`## Error: "${a[1]}" not defined\n`, 1) : ok(`${v}\n`));
        }
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
          this.say('=== avb-lab: power on (stand-in) ===');
          this.boot();
        }
        return Promise.resolve({ exitCode: 0, output: '', timedOut: false, cancelled: false, durationMs: 1 });
      },
      copyTo: () => Promise.resolve(),
      close: () => Promise.resolve(),
    };
  }
}

async function setup(deploy: object) {
  const dir = await mkdtemp(join(tmpdir(), 'avb-trial-'));
  const logDir = join(dir, 'out', 'logs', 'board');
  mkdirSync(logDir, { recursive: true });
  const b = new UbootStandIn(join(logDir, 'console.log'));
  const config = parseConfig({
    board: {
      name: 'stand-in',
      connection: { type: 'ssh', host: '127.0.0.1', identityFile: 'k', knownHosts: '/dev/null' },
      switch: { type: 'uboot-env', oneShot: {} },
      powerCycleCommand: ['pdu', 'cycle'],
      consoleCommand: ['console-capture'],
      consoleFailurePatterns: ['avb-lab: BOOT FAILED'],
      timeouts: { bootSeconds: 600, shutdownSeconds: 0.3, pollSeconds: 1, pollIntervalSeconds: 0.01 },
      lock: { localPath: join(dir, 'ctl.lock') },
    },
    environments: [{ kind: 'host' }, { kind: 'xen-dom0' }],
    deploy,
  }) as Config & { deploy: DeployConfig };
  const plan = planDeployment(
    config.deploy,
    deploySources(config.deploy, '/ws').map((s) => ({
      ...s,
      sha256: s.source.includes('bad') ? 'b'.repeat(64) : 'a'.repeat(64),
      bytes: 1,
    })),
    { commit: 'abcdef1234567', label: 'PR #7' },
  );
  // The copy put the slot's files on the boot partition.
  for (const f of plan.files)
    if (f.bootName) b.files[f.bootName] = f.source.includes('bad') ? 'corrupt' : 'good';
  const deployment = new Deployment({ config, workspace: '/ws', outDir: join(dir, 'out') }, plan);
  const opts = {
    config: config.board,
    connect: () => b.transport(),
    controller: b.controllerTransport(),
    logDir,
  };
  return { b, deployment, opts, dir, plan };
}

describe('trial boot of the under-test slot (U-Boot bootcount stand-in)', () => {
  it('boots the slot, recognises it by its marker, and makes the known-good the default again at once', async () => {
    const { b, deployment, opts, plan } = await setup({
      linux: { kernel: 'out/Image', kernelArgs: 'slub_debug=FZPU' },
    });
    await withBoard(
      opts,
      async (c) => {
        deployment.attach(c);
        await deployment.enter('linux');
        expect(b.kernel).toBe('6.1.0-under-test');
        expect(b.cmdline).toContain(`slub_debug=FZPU avb.slot=${plan.id}`);
        // The running boot is under test; the next one (any reset) is the known-good.
        expect(b.saved).toMatchObject({
          linux_image: 'Image',
          bootmode: 'linux',
          upgrade_available: '0',
          bootcount: '0',
        });
        expect(b.saved).not.toHaveProperty('avb_slot');
        expect(b.saved).not.toHaveProperty('linux_args');
        // Entering the same slot again is a check, not a reboot.
        const id = b.bootId;
        await deployment.enter('linux');
        expect(b.bootId).toBe(id);
        expect(deployment.record.boots).toEqual([
          {
            mode: 'linux',
            outcome: 'booted',
            bootId: expect.any(String) as string,
            kernel: '6.1.0-under-test',
          },
        ]);
        expect(deployment.record.modes).toEqual(['linux']);
        expect(deployment.record.status).toBe('deployed');
        expect(deployment.facts({ mode: 'linux', envId: 'host' })).toMatchObject({
          deployed: {
            change: 'PR #7@abcdef1',
            slot: `under-test ${plan.id}`,
            'boot.kernelArgs': 'slub_debug=FZPU',
          },
        });
      },
      (c) => deployment.restore(c),
    );
    // Restored: a reboot into the known-good, same mode.
    expect(b.kernel).toBe('6.1.0-known-good');
    expect(b.cmdline).not.toContain('avb.slot');
    expect(b.powerCycles).toBe(0);
  });

  it('a corrupt kernel: the boot loader stops, the PDU and bootcount bring the known-good back, and the failure names the stage', async () => {
    const { b, deployment, opts, dir } = await setup({ linux: { kernel: 'out/bad-Image' } });
    let err: unknown;
    await withBoard(
      opts,
      async (c) => {
        deployment.attach(c);
        err = await deployment.enter('linux').catch((e: unknown) => e);
        // The board is usable: on the known-good, the trial disarmed.
        expect(c.current?.detection.mode).toBe('linux');
        expect(b.kernel).toBe('6.1.0-known-good');
        expect(b.saved).toMatchObject({
          linux_image: 'Image',
          upgrade_available: '0',
          bootcount: '0',
          altbootcmd: 'setenv bootmode linux',
        });
      },
      (c) => deployment.restore(c),
    );
    expect(err).toBeInstanceOf(DidNotBootError);
    const e = err as DidNotBootError;
    expect(e.stage).toBe('boot loader');
    expect(e.fellBack).toBe(true);
    expect(e.message).toMatch(
      /^the change did not boot: the under-test linux boot of PR #7@abcdef1 stopped in the boot loader \(U-Boot\): Bad Linux ARM64 Image magic!; the board fell back to its known-good after 1 power-cycle\(s\) \(linux, kernel 6\.1\.0-known-good\)\. Console: logs\/deploy\/console-linux\.log$/,
    );
    expect(b.powerCycles).toBe(1);
    expect(deployment.record.status).toBe('did-not-boot');
    expect(deployment.record.boots[0]).toMatchObject({
      mode: 'linux',
      outcome: 'fell-back',
      stage: 'boot loader',
      log: 'deploy/console-linux',
    });
    expect(deployment.takeLogs()).toEqual(['deploy/console-linux']);
    // The console from the trial reboot on: the failed attempt, then the fallback.
    const excerpt = await readFile(join(dir, 'out', 'logs', 'deploy', 'console-linux.log'), 'utf8');
    expect(excerpt.indexOf('Bad Linux ARM64 Image magic!')).toBeGreaterThan(0);
    expect(excerpt.indexOf('running altbootcmd')).toBeGreaterThan(
      excerpt.indexOf('Bad Linux ARM64 Image magic!'),
    );
    expect(deployment.facts({ mode: 'linux', envId: 'host' })).toEqual({});
  });

  it('after a cancel the board is back on the known-good too (the run error wins)', async () => {
    const { b, deployment, opts } = await setup({ linux: { kernelArgs: 'quiet' } });
    const ac = new AbortController();
    await expect(
      withBoard(
        { ...opts, signal: ac.signal },
        async (c) => {
          deployment.attach(c);
          await deployment.enter('linux');
          expect(b.cmdline).toContain('avb.slot=');
          ac.abort();
          await c.switchBootMode('xen'); // cancelled
        },
        (c) => deployment.restore(c),
      ),
    ).rejects.toThrow();
    expect(b.mode).toBe('linux');
    expect(b.cmdline).not.toContain('avb.slot');
    expect(b.saved).toMatchObject({ linux_image: 'Image', upgrade_available: '0' });
  });

  it('a Xen-only deployment: the Linux boot stays the known-good (no reboot), Xen boots from the slot', async () => {
    const { b, deployment, opts, plan } = await setup({
      xen: { xen: 'out/xen', xenArgs: 'dom0_max_vcpus=2' },
    });
    await withBoard(
      opts,
      async (c) => {
        deployment.attach(c);
        const id = b.bootId;
        expect(deployment.needsBoot('linux')).toBe(false);
        await deployment.enter('linux');
        expect(b.bootId).toBe(id);
        await deployment.enter('xen');
        expect(b.mode).toBe('xen');
        expect(b.cmdline).toContain(`avb.slot=${plan.id}`);
        expect(b.saved.bootmode).toBe('linux');
      },
      (c) => deployment.restore(c),
    );
    expect(b.mode).toBe('linux');
    expect(b.cmdline).not.toContain('avb.slot');
  });

  it('a controller opened on a board left in an under-test boot (a crashed run) copies only after going back to the known-good', async () => {
    const { b, deployment, opts } = await setup({ linux: { kernelArgs: 'quiet' } });
    b.cmdline = 'root=/dev/vda2 rw console=ttyAMA0 avb.slot=0123456789ab';
    const c = new BoardController(opts);
    await c.open();
    deployment.attach(c);
    const id = b.bootId;
    // No copy can happen on this stand-in (install's commands are not modelled): the way back is what counts.
    await deployment.deploy().catch(() => undefined);
    expect(b.bootId).toBe(id + 1);
    expect(b.cmdline).not.toContain('avb.slot');
    await c.close();
  });
});
