/**
 * Boot switching end to end on the virtual ARM board (lab/): arm64 QEMU `virt` with EL2,
 * U-Boot, Debian's kernel with KVM, Xen 4.17 + Dom0 — built only from Debian packages.
 * It stands in for a real board: the controller drives it over real OpenSSH with a
 * checked host key, switches with fw_setenv exactly as on an Arndale-class board, and
 * the lab's "PDU" kills and restarts QEMU. Needs root, QEMU and the lab build (which
 * `lab/build.sh` does, cached under $AVB_CACHE/lab): the test fails if any is missing.
 */
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoardController, withBoard } from '../../src/board/controller.js';
import { BoardUnreachableError, BootSwitchError } from '../../src/board/errors.js';
import { WrongBootModeError } from '../../src/board/probe.js';
import { LocalTransport } from '../../src/transport/local.js';
import { buildLab, consoleText, startLab, type Lab } from './board-lab.js';

let lab: Lab;
const local = new LocalTransport();

beforeAll(async () => {
  process.stderr.write(await buildLab());
  lab = await startLab();
}, 50 * 60_000);

afterAll(async () => {
  await lab?.stop();
});

async function envOf(c: BoardController, name: string): Promise<string> {
  const r = await c.transport().exec(['fw_printenv', '-n', name], { timeoutMs: 30_000 });
  return r.output.trim();
}

describe('virtual board: linux ⇄ xen', () => {
  it(
    'linux → fw_setenv → reboot → xen Dom0 detected → back → linux detected',
    async () => {
      const logDir = await mkdtemp(join(tmpdir(), 'avb-board-logs-'));
      const c = new BoardController({
        config: lab.boardConfig(),
        connect: lab.connect,
        controller: local,
        logDir,
      });
      try {
        const first = await c.open();
        expect(first.detection.mode).toBe('linux');
        expect(first.detection.kvm).toEqual({ available: true });
        expect(first.probe.arch).toBe('aarch64');
        expect(first.probe.dmesg.some((l) => /kvm \[\d+\]: Hyp mode initialized successfully/.test(l))).toBe(
          true,
        );
        // Measuring xen environments now is refused.
        await expect(c.verifyMode('xen')).rejects.toThrow(WrongBootModeError);

        const xen = await c.switchBootMode('xen');
        expect(xen.detection).toMatchObject({ mode: 'xen', xenRole: 'dom0' });
        expect(xen.probe.hypervisorType).toBe('xen');
        expect(xen.probe.xenCapabilities).toBe('control_d');
        expect(xen.probe.devKvm).toBe(false);
        expect(xen.probe.bootId).not.toBe(first.probe.bootId);
        expect(xen.fingerprint.hypervisorVersion).toMatch(/^4\.17/);
        expect(xen.probe.cmdline).toContain('console=hvc0');
        // The trial boot was confirmed once verified.
        expect(await envOf(c, 'bootmode')).toBe('xen');
        expect(await envOf(c, 'upgrade_available')).toBe('0');
        await expect(c.verifyMode('linux')).rejects.toThrow(
          /refusing to measure: the board is in the xen \(dom0\) boot, expected linux/,
        );

        const back = await c.restoreDefault();
        expect(back.detection.mode).toBe('linux');
        expect(back.detection.kvm.available).toBe(true);
        expect(await envOf(c, 'bootmode')).toBe('linux');
        expect(c.powerCycles).toBe(0);
        expect(Object.keys(c.fingerprints).sort()).toEqual(['linux', 'xen']);
      } finally {
        await c.close();
      }
      const log = await readFile(join(logDir, 'board.log'), 'utf8');
      expect(log).toMatch(/switch linux → xen \(uboot-env\)/);
      expect(log).toMatch(/down after [\d.]+s/);
      expect(log).toMatch(/back after [\d.]+s/);
      expect(log).toMatch(/board lock released/);
      // The serial console went into the logs: U-Boot's script announced both modes.
      const con = await readFile(join(logDir, 'console.log'), 'utf8');
      expect(con).toContain('avb-lab: bootmode=xen');
      expect(con).toContain('avb-lab: bootmode=linux');
    },
    45 * 60_000,
  );

  it(
    'a trial Xen boot that hangs: not back in time → PDU power-cycle → bootcount fallback to linux, clear error, logs kept',
    async () => {
      const logDir = await mkdtemp(join(tmpdir(), 'avb-board-logs-'));
      const config = lab.boardConfig({
        timeouts: {
          bootSeconds: 300,
          startSeconds: 600,
          shutdownSeconds: 300,
          commandSeconds: 60,
          pollSeconds: 15,
          pollIntervalSeconds: 2,
        },
      });
      let err: unknown;
      await withBoard({ config, connect: lab.connect, controller: local, logDir }, async (c) => {
        // The boot script is told to boot a Xen image that is not there: U-Boot hangs.
        const r = await c
          .transport()
          .exec(['fw_setenv', 'xen_image', 'missing-xen.bin'], { timeoutMs: 30_000 });
        expect(r.exitCode).toBe(0);
        try {
          await c.switchBootMode('xen');
        } catch (e) {
          err = e;
        }
        expect(c.powerCycles).toBe(1);
        expect(c.current?.detection.mode).toBe('linux');
        const fix = await c.transport().exec(['fw_setenv', 'xen_image', 'xen'], { timeoutMs: 30_000 });
        expect(fix.exitCode).toBe(0);
      });
      expect(err).toBeInstanceOf(BootSwitchError);
      expect((err as Error).message).toMatch(
        /asked for the xen boot but the board came back in linux — the trial boot of xen failed and U-Boot fell back via altbootcmd/,
      );
      const log = await readFile(join(logDir, 'board.log'), 'utf8');
      expect(log).toMatch(/not back within 300s/);
      expect(log).toMatch(/power-cycle 1\/1: env .*board.sh pdu-cycle/);
      expect(log).toMatch(/back [\d.]+s after power-cycle 1/);
      const con = await consoleText(lab);
      expect(con).toContain('avb-lab: BOOT FAILED (bootmode=xen)');
      expect(con).toMatch(/avb-lab: bootcount 2 > bootlimit 1: running altbootcmd/);
      const files = await readdir(logDir);
      expect(files.some((f) => /power-cycle-1\.log$/.test(f))).toBe(true);
    },
    45 * 60_000,
  );

  it(
    'a board that is off (QEMU stopped): found dead at start → power-cycled → back in linux',
    async () => {
      await lab.sh('stop');
      expect(await lab.sh('status').catch((e: { stdout: string }) => e.stdout)).toContain('stopped');
      const logDir = await mkdtemp(join(tmpdir(), 'avb-board-logs-'));
      const config = lab.boardConfig();
      const c = new BoardController({
        // Dead at the start: a short wait, then the PDU.
        config: { ...config, timeouts: { ...config.timeouts, startSeconds: 20 } },
        connect: lab.connect,
        controller: local,
        logDir,
      });
      try {
        const s = await c.open();
        expect(s.detection.mode).toBe('linux');
        expect(c.powerCycles).toBe(1);
      } finally {
        await c.close();
      }
    },
    20 * 60_000,
  );

  it(
    'without a power switch, a dead board is a clear failure naming the logs',
    async () => {
      await lab.sh('stop');
      const logDir = await mkdtemp(join(tmpdir(), 'avb-board-logs-'));
      const base = lab.boardConfig({ powerCycleCommand: undefined });
      const config = { ...base, timeouts: { ...base.timeouts, startSeconds: 10 } };
      const c = new BoardController({ config, connect: lab.connect, controller: local, logDir });
      await expect(c.open()).rejects.toThrow(BoardUnreachableError);
      await expect(c.open()).rejects.toThrow(
        /no powerCycleCommand is configured: it needs a hand \(logs: .*board\.log/,
      );
      await c.close();
      await lab.sh('start');
    },
    20 * 60_000,
  );
});
