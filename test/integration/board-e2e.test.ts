/**
 * The virtual ARM board (lab/) end to end. It stands in for a real Arndale-class/arm64
 * board: arm64 QEMU `virt` with EL2, U-Boot, Debian's kernel (a real KVM host, nested in
 * TCG), Xen 4.17 + Dom0 — built only from Debian packages. The controller drives it over
 * real OpenSSH with checked host keys, switches with fw_setenv exactly as on a real board,
 * and the lab's "PDU" kills and restarts QEMU. Needs root, QEMU and the lab build (which
 * `lab/build.sh` does, cached under $AVB_CACHE/lab): the test fails if any is missing.
 *
 * One board boot serves the whole file: first `arm-virt-bench run` over all five
 * environments (host, docker and a KVM guest in the Linux boot; switch; xen-dom0 and a Xen
 * DomU; switch back) on the paper's I/O paths — IOzone on each one's own disk (the board's
 * root, the container's writable layer, the guest's virtio-blk vda, the DomU's PV xvdb),
 * netperf to the controller (this machine, reached through QEMU's user-network gateway
 * 10.0.2.2, which ends on this machine's loopback) across the container's veth, the KVM
 * guest's TAP and the DomU's vif on the board's bridge — with the counters that prove it;
 * then the faults (a hung trial boot recovered by the PDU and U-Boot's
 * bootcount fallback, a board found off, a dead board without a PDU). Short parameters:
 * this proves the flow, it measures nothing worth comparing (TCG emulation). UnixBench
 * (dhry2reg, syscall) runs in all five environments, each held to 1 CPU and 1 GiB.
 */
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoardController, withBoard } from '../../src/board/controller.js';
import { BoardUnreachableError, BootSwitchError } from '../../src/board/errors.js';
import { WrongBootModeError } from '../../src/board/probe.js';
import { runCommand } from '../../src/cli/run.js';
import { Results, type IoCounters } from '../../src/results/schema.js';
import { LocalTransport } from '../../src/transport/local.js';
import {
  BOARD_GUEST,
  boardGuestHostKey,
  buildLab,
  consoleText,
  CONTROLLER_KEY,
  startLab,
  type Lab,
} from './board-lab.js';

let lab: Lab;
const local = new LocalTransport();
const ALL_ENVS = ['docker', 'host', 'kvm', 'xen-dom0', 'xen-domu'];

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

describe('arm-virt-bench run on the virtual board', () => {
  it(
    'linux: host, docker, kvm → switch to xen → xen-dom0, xen-domu → back to linux: one results.json and report',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'avb-board-e2e-'));
      const out = join(dir, 'out');
      const board = lab.boardConfig();
      const guestSsh = { identityFile: CONTROLLER_KEY, hostKey: await boardGuestHostKey() };
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
        // Every environment gets the paper's 1 CPU and 1 GiB (the default `resources`): the
        // host by a cgroup v2 on the board, the container by a cpuset, the KVM guest pinned,
        // Dom0 and the DomU by Xen's settings (the lab's Xen args: dom0_max_vcpus=1 dom0_mem=1024M).
        environments: [
          { kind: 'host' },
          { kind: 'docker' },
          {
            kind: 'kvm',
            accel: 'kvm', // the board's real /dev/kvm (its kernel runs at EL2)
            boot: { kernel: BOARD_GUEST.kernel, initrd: BOARD_GUEST.initrd },
            // The paper's bridge + TAP: a TAP the engine makes on the board's xenbr0 (NAT beyond).
            network: { type: 'bridge', bridge: 'xenbr0', address: '192.168.100.3/24' },
            dataDisk: { sizeMiB: 128 },
            ssh: guestSsh,
            bootTimeoutSeconds: 900,
          },
          { kind: 'xen-dom0' },
          {
            kind: 'xen-domu',
            name: 'avb-domu',
            generate: {
              kernel: BOARD_GUEST.kernel,
              ramdisk: BOARD_GUEST.initrd,
              cmdline: 'console=hvc0 avb.ip=192.168.100.2/24 avb.gw=192.168.100.1',
              bridge: 'xenbr0',
            },
            dataDisk: { sizeMiB: 128 },
            address: '192.168.100.2',
            ssh: guestSsh,
            bootTimeoutSeconds: 900,
          },
        ],
        suites: {
          hackbench: { modes: ['process'], ipc: ['socket'], groups: [1], loops: 50 },
          // Two of the 10-second tests, built into the board's rootfs and the guests by the lab.
          unixbench: { tests: ['dhry2reg', 'syscall'] },
          // flush: the writes reach each environment's disk within the cell (counted below).
          iozone: { fileSizesKb: [64], maxRecordKb: 4, tests: ['write-rewrite'], flush: true },
          // peer: auto = the controller (the board is reached over SSH); ports of our own.
          netperf: {
            tests: ['TCP_STREAM', 'TCP_RR'],
            lengthSeconds: 1,
            messageBytes: [1024],
            port: 12941,
            dataPort: 12942,
          },
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
      expect([...envsWithSamples].sort()).toEqual(ALL_ENVS);
      for (const env of ALL_ENVS) {
        const metrics = new Set(results.samples.filter((s) => s.env === env).map((s) => s.metric));
        expect(metrics.has('hackbench.time'), env).toBe(true);
        expect(
          [...metrics].some((m) => m.startsWith('iozone.')),
          env,
        ).toBe(true);
        expect(metrics.has('netperf.tcp_rr.rate'), env).toBe(true);
        expect(metrics.has('unixbench.dhry2reg') && metrics.has('unixbench.syscall'), env).toBe(true);
      }
      // Where each environment measured, read from inside it: its own disk, the controller.
      const fp = (id: string) => results.environments.find((e) => e.id === id)!.fingerprint;
      const sources: Record<string, RegExp> = {
        host: /^\/dev\/vda2$/,
        docker: /^overlay$/,
        kvm: /^\/dev\/vda$/,
        'xen-dom0': /^\/dev\/vda2$/,
        'xen-domu': /^\/dev\/xvdb$/,
      };
      for (const env of ALL_ENVS) {
        expect(fp(env).scratch?.source, env).toMatch(sources[env]!);
        expect(fp(env).scratch?.fstype, env).toMatch(/^(ext4|overlay)$/);
        expect(fp(env).netperfPeer, env).toMatchObject({ kind: 'controller', address: '10.0.2.2' });
        expect(fp(env).netperfPeer?.via, env).toMatch(/^(eth0|en\w+)$/);
      }
      // The bytes netperf reports crossed each guest's or container's virtual interface on the
      // board (veth, TAP, vif) and its NIC inside, not its loopback; IOzone's writes reached
      // each environment's block device.
      const cells = (env: string, suite: 'netperf' | 'iozone'): IoCounters[] =>
        (results.ioCounters ?? []).filter((c) => c.env === env && c.suite === suite);
      const boardIface: Record<string, RegExp> = {
        docker: /^veth/,
        kvm: /^avbt-/,
        'xen-domu': /^vif\d+\.0$/,
      };
      for (const env of ALL_ENVS) {
        const stream = cells(env, 'netperf').find((c) => c.params.message_bytes === 1024);
        const mbit = results.samples.find(
          (s) => s.env === env && s.metric === 'netperf.tcp_stream.throughput',
        )!;
        const payload = (mbit.value * 1e6) / 8; // 1 s
        expect(stream?.nic, `${env}: ${JSON.stringify(stream)}`).toBeDefined();
        expect(stream!.nic!.txBytes, env).toBeGreaterThanOrEqual(payload);
        expect(stream!.nic!.loopback.txBytes, env).toBeLessThan(payload / 10);
        if (boardIface[env]) {
          expect(stream!.nic!.board?.iface, env).toMatch(boardIface[env]!);
          expect(stream!.nic!.board!.rxBytes, env).toBeGreaterThanOrEqual(payload);
        }
        const disk = cells(env, 'iozone')[0]?.disk;
        expect(disk, env).toBeDefined();
        expect(disk!.writeSectors * 512, env).toBeGreaterThanOrEqual(64 * 1024);
      }
      expect(cells('kvm', 'iozone')[0]!.disk).toMatchObject({ device: 'vda', where: 'environment' });
      expect(cells('xen-domu', 'iozone')[0]!.disk).toMatchObject({ device: 'xvdb', where: 'environment' });
      // Every environment got the same CPUs and memory, read from inside it: 1 CPU, ~1 GiB.
      for (const env of ALL_ENVS) expect(fp(env).cpusAvailable, env).toBe(1);
      const mem = ALL_ENVS.map((env) => fp(env).memoryLimitBytes!);
      expect(Math.max(...mem) / Math.min(...mem), JSON.stringify(mem)).toBeLessThanOrEqual(1.1);
      // The host, the container and the KVM guest (pinned) on the same board CPU.
      expect(new Set(['host', 'docker', 'kvm'].map((env) => fp(env).cpuList))).toEqual(new Set(['1']));
      expect(fp('xen-dom0')).toMatchObject({ dom0Vcpus: 1, dom0MemMiB: 1024 });
      expect(fp('xen-domu')).toMatchObject({ domainVcpus: 1, domainMemMiB: 1024 });
      const bootModes = Object.fromEntries(results.environments.map((e) => [e.id, e.bootMode]));
      expect(bootModes).toMatchObject({
        host: 'linux',
        docker: 'linux',
        kvm: 'linux',
        'xen-dom0': 'xen',
        'xen-domu': 'xen',
      });
      // Fingerprints of both boots: Linux as a KVM host at EL2, Xen 4.17 with Dom0.
      expect(Object.keys(results.board.fingerprints).sort()).toEqual(['linux', 'xen']);
      expect(JSON.stringify(results.board.fingerprints.xen)).toMatch(/4\.17/);
      // Each guest's own view: the KVM guest under KVM, the DomU under Xen.
      const kvmConsole = await readFile(join(out, 'logs', 'kvm', 'environment', 'console.log'), 'utf8');
      expect(kvmConsole).toContain('avb-guest: sshd started');
      const domuConsole = await readFile(join(out, 'logs', 'xen-domu', 'environment', 'console.log'), 'utf8');
      expect(domuConsole).toContain('avb-guest: hypervisor xen');

      const report = await readFile(join(out, 'report.md'), 'utf8');
      for (const name of ['Xen Dom0', 'Xen DomU', 'KVM', 'Docker']) expect(report).toContain(name);
      // The report shows each environment's scratch source and netperf peer.
      for (const row of [
        '| KVM | /dev/vda \\(ext4\\) at /mnt/avb-scratch | controller 10.0.2.2 via eth0 |',
        '| Xen DomU | /dev/xvdb \\(ext4\\) at /mnt/avb-scratch | controller 10.0.2.2 via eth0 |',
        '| Docker | overlay \\(overlay\\) at /var/tmp | controller 10.0.2.2 via eth0 |',
      ])
        expect(report).toContain(row);
      const log = await readFile(join(out, 'logs', 'board', 'board.log'), 'utf8');
      expect(log).toMatch(/switch linux → xen \(uboot-env\)/);
      expect(log).toMatch(/down after [\d.]+s/);
      expect(log).toMatch(/back after [\d.]+s/);
      expect(log).toMatch(/restore default mode linux/);
      expect(log).toMatch(/board lock released/);
      // The serial console went into the logs: U-Boot's script announced both modes.
      const con = await readFile(join(out, 'logs', 'board', 'console.log'), 'utf8');
      expect(con).toContain('avb-lab: bootmode=xen');
      expect(con).toContain('avb-lab: bootmode=linux');

      // Left in its default mode (not a Xen kernel) and unlocked: no board lock left.
      const raw = lab.connect();
      try {
        const r = await raw.exec(
          [
            'sh',
            '-c',
            'cat /sys/hypervisor/type 2>/dev/null; ls -A /var/lib/arm-virt-bench 2>/dev/null; true',
          ],
          { timeoutMs: 60_000 },
        );
        expect(r.output.trim()).toBe('');
      } finally {
        await raw.close();
      }
      // The trial boot was confirmed; Linux is a KVM host at EL2; measuring Xen
      // environments now is refused.
      const c = new BoardController({
        config: lab.boardConfig(),
        connect: lab.connect,
        controller: local,
        logDir: dir,
      });
      try {
        const s = await c.open();
        expect(s.detection.mode).toBe('linux');
        expect(s.detection.kvm).toEqual({ available: true });
        expect(s.probe.dmesg.some((l) => /kvm \[\d+\]: Hyp mode initialized successfully/.test(l))).toBe(
          true,
        );
        expect(await envOf(c, 'bootmode')).toBe('linux');
        expect(await envOf(c, 'upgrade_available')).toBe('0');
        await expect(c.verifyMode('xen')).rejects.toThrow(WrongBootModeError);
      } finally {
        await c.close();
      }
    },
    90 * 60_000,
  );
});

describe('virtual board faults', () => {
  it(
    'a trial Xen boot that fails: U-Boot says so on the console → PDU power-cycle → bootcount fallback to linux, clear error, logs kept',
    async () => {
      const logDir = await mkdtemp(join(tmpdir(), 'avb-board-logs-'));
      const config = lab.boardConfig({
        // U-Boot's boot script says so when nothing boots: no need to sit out bootSeconds.
        consoleFailurePatterns: ['avb-lab: BOOT FAILED'],
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
      expect(log).toMatch(/console shows a failed boot after [\d.]+s: avb-lab: BOOT FAILED \(bootmode=xen\)/);
      expect(log).not.toMatch(/not back within/);
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
        // the last transport error, then the logs kept
        /no powerCycleCommand is configured: it needs a hand\. Last error: .*\(logs: .*board\.log/s,
      );
      await c.close();
      await lab.sh('start');
    },
    20 * 60_000,
  );
});
