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
 * then the code under test deployed to the board's under-test slot (src/deploy): a corrupt
 * kernel whose trial boot U-Boot refuses (PDU reset, bootcount fallback to the known-good by
 * itself, "did not boot" with the console log), then the next run, a kernel command line
 * that boots and is measured against the main run as its known-good baseline; then the
 * faults (a board found off, a dead board without a PDU). Short parameters: this proves the
 * flow, it measures nothing worth comparing (TCG emulation). UnixBench (dhry2reg, syscall)
 * runs in all five environments of the main run, each held to 1 CPU and 1 GiB.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoardController } from '../../src/board/controller.js';
import { BoardUnreachableError } from '../../src/board/errors.js';
import { WrongBootModeError } from '../../src/board/probe.js';
import { EXIT } from '../../src/cli/exit.js';
import { runCommand } from '../../src/cli/run.js';
import { deployHeadline } from '../../src/deploy/provenance.js';
import type { Analysis } from '../../src/analysis/types.js';
import { Results, type IoCounters } from '../../src/results/schema.js';
import { LocalTransport } from '../../src/transport/local.js';
import {
  BOARD_GUEST,
  boardGuestHostKey,
  buildLab,
  CACHE,
  CONTROLLER_KEY,
  startLab,
  type Lab,
} from './board-lab.js';

let lab: Lab;
const local = new LocalTransport();
const ALL_ENVS = ['docker', 'host', 'kvm', 'xen-dom0', 'xen-domu'];
/** The hackbench cell of every run here (the deploy tests compare theirs with the main run's). */
const HACKBENCH = { modes: ['process'], ipc: ['socket'], groups: [1], loops: 50 };
/** The main run's results.json: the known-good baseline of the deploy test (set when it ran). */
let knownGoodRun: string | undefined;

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
          hackbench: HACKBENCH,
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
      knownGoodRun = join(out, 'results.json');
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

/** A host-only run on the lab board with the main run's hackbench cell and nothing else. */
async function hostRunConfig(dir: string, deploy?: Record<string, unknown>): Promise<string> {
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
      // U-Boot's script says so when nothing boots, Linux when it panics: the wait ends at once.
      consoleFailurePatterns: ['avb-lab: BOOT FAILED', 'Kernel panic - not syncing'],
      timeouts: board.timeouts,
      lock: { localPath: join(dir, 'controller.lock') },
    },
    preset: 'quick',
    runs: 1,
    environments: [{ kind: 'host' }],
    suites: {
      hackbench: HACKBENCH,
      unixbench: { enabled: false },
      iozone: { enabled: false },
      netperf: { enabled: false },
    },
    ...(deploy ? { deploy } : {}),
  };
  const file = join(dir, deploy ? 'deploy.yml' : 'known-good.yml');
  await writeFile(file, stringify(config));
  return file;
}

/** The board as it is now, read over SSH: its kernel command line, /dev/kvm, U-Boot's variables. */
async function boardNow(): Promise<{ cmdline: string; devKvm: string; env: Record<string, string> }> {
  const raw = lab.connect();
  try {
    const r = await raw.exec(
      [
        'sh',
        '-c',
        'cat /proc/cmdline; if [ -c /dev/kvm ]; then echo present; else echo absent; fi; fw_printenv',
      ],
      { timeoutMs: 60_000 },
    );
    expect(r.exitCode).toBe(0);
    const [cmdline = '', devKvm = '', ...vars] = r.output.split('\n');
    const env: Record<string, string> = {};
    for (const l of vars) {
      const m = /^([A-Za-z_]\w*)=(.*)$/.exec(l);
      if (m) env[m[1]!] = m[2]!;
    }
    return { cmdline: cmdline.trim(), devKvm: devKvm.trim(), env };
  } finally {
    await raw.close();
  }
}

/** Back on the known-good: no slot marker, trial disarmed, every slot variable at its known-good value. */
function expectKnownGood(now: Awaited<ReturnType<typeof boardNow>>): void {
  expect(now.cmdline).not.toMatch(/avb\.slot=/);
  expect(now.env).toMatchObject({ bootmode: 'linux', upgrade_available: '0', linux_image: 'Image' });
  for (const v of ['avb_slot', 'linux_args', 'xen_args']) expect(now.env[v], v).toBeUndefined();
}

const PR = { label: 'PR #15', bad: 'badc0de15badc0de15', good: '600dc0de15600dc0de15' };

// The code under test reaches the board (src/deploy): files from the workspace to the under-test
// slot beside the known-good, a trial boot of the slot (U-Boot bootcount), provenance. First a
// change that cannot boot (the fallback), then the next run on the board: a change that boots
// and is measured against the main run above (its known-good baseline).
describe('deploying the code under test to the virtual board', () => {
  it(
    'a kernel that cannot boot (a corrupt Image): U-Boot refuses it, the PDU resets the board, bootcount falls back to the known-good by itself; the run says "did not boot" with the console log',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'avb-board-deploy-bad-'));
      const build = join(dir, 'build');
      await mkdir(build);
      // A truncated, corrupted build: the board's own kernel cut to 2 MiB, its header zeroed.
      const image = Buffer.from(
        (await readFile(join(CACHE, 'lab', 'current', 'Image'))).subarray(0, 2 << 20),
      );
      image.fill(0, 0, 64);
      await writeFile(join(build, 'Image'), image);
      const sha = createHash('sha256').update(image).digest('hex');
      const out = join(dir, 'out');
      const file = await hostRunConfig(dir, {
        workspace: build,
        label: PR.label,
        commit: PR.bad,
        linux: { kernel: 'Image' },
      });
      const code = await runCommand(['--config', file, '--out', out]);

      const results = Results.parse(JSON.parse(await readFile(join(out, 'results.json'), 'utf8')));
      expect(code).toBe(EXIT.partial);
      expect(results.run.status).toBe('partial');
      // Nothing of the known-good was measured and called the change.
      expect(results.samples).toEqual([]);
      expect(results.environments.find((e) => e.id === 'host')?.skipped).toMatch(
        /^not measured: the change did not boot: /,
      );
      const who = `${PR.label}@${PR.bad.slice(0, 7)}`;
      const message = new RegExp(
        `^the change did not boot: the under-test linux boot of ${who} stopped in the boot loader \\(U-Boot\\): Bad Linux ARM64 Image magic!; the board fell back to its known-good after 1 power-cycle\\(s\\) \\(linux, kernel [^)]+\\)\\. Console: logs/deploy/console-linux\\.log$`,
      );
      expect(results.failures).toHaveLength(1);
      expect(results.failures[0]).toMatchObject({
        suite: 'board',
        kind: 'deploy',
        log: 'deploy/console-linux',
      });
      expect(results.failures[0]!.message).toMatch(message);
      // Provenance: what was deployed (the file's sha256 as the board checked it) and how its boot ended.
      expect(results.deploy).toMatchObject({
        label: PR.label,
        commit: PR.bad,
        status: 'did-not-boot',
        modes: [],
        files: [{ role: 'kernel', scope: 'linux', sha256: sha, bytes: 2 << 20 }],
        boots: [{ mode: 'linux', outcome: 'fell-back', stage: 'boot loader', log: 'deploy/console-linux' }],
      });
      // The fallback is the known-good: the board's kernel, no slot marker on its command line.
      expect(results.deploy!.boots[0]!.kernel).toBe(
        (await readFile(join(CACHE, 'lab', 'current', 'kernel-release'), 'utf8')).trim(),
      );
      // The PR comment's and check run's first line (the action's headline).
      expect(deployHeadline(results)).toMatchObject({ lead: 'The change did not boot' });
      expect(deployHeadline(results)!.text).toContain(
        'stopped in the boot loader (U-Boot): Bad Linux ARM64 Image magic!',
      );
      expect(await readFile(join(out, 'report.md'), 'utf8')).toContain('the change did not boot');
      // The console of the trial boot and of the fallback, in the run's logs (the artifact).
      expect(results.logs.find((l) => l.ref === 'deploy/console-linux')).toMatchObject({
        path: 'logs/deploy/console-linux.log',
      });
      const con = await readFile(join(out, 'logs', 'deploy', 'console-linux.log'), 'utf8');
      expect(con).toMatch(
        new RegExp(`avb-lab: under-test slot ${results.deploy!.id}: avb-under-test/linux-kernel`),
      );
      expect(con).toContain('Bad Linux ARM64 Image magic!');
      expect(con).toContain('avb-lab: BOOT FAILED (bootmode=linux)');
      expect(con).toContain('avb-lab: bootcount 2 > bootlimit 1: running altbootcmd');
      expect(con).toMatch(/Kernel command line: root=\/dev\/vda2 rw rootwait console=ttyAMA0\s*\n/);
      const log = await readFile(join(out, 'logs', 'board', 'board.log'), 'utf8');
      expect(log).toMatch(/trial boot of the under-test linux slot/);
      expect(log).toMatch(
        /console shows a failed boot after [\d.]+s: avb-lab: BOOT FAILED \(bootmode=linux\)/,
      );
      expect(log).toMatch(/power-cycle 1\/1: env .*board\.sh pdu-cycle/);
      expect(log).not.toMatch(/not back within/);
      // The board is on the known-good, disarmed; the slot is kept for inspection.
      expectKnownGood(await boardNow());
      const raw = lab.connect();
      try {
        const r = await raw.exec(['sha256sum', '/boot/firmware/avb-under-test/linux-kernel'], {
          timeoutMs: 60_000,
        });
        expect(r.output.split(' ')[0]).toBe(sha);
      } finally {
        await raw.close();
      }
    },
    30 * 60_000,
  );

  it(
    'the next run deploys a kernel command line (kvm-arm.mode=none): the slot boots, the host is measured, the fingerprint read from inside shows the change, the report shows it against the known-good baseline',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'avb-board-deploy-args-'));
      // The known-good baseline: the main run above; when it was filtered out (-t), a known-good
      // run of the same cell.
      let baselineFile = knownGoodRun;
      if (!baselineFile) {
        const bOut = join(dir, 'baseline');
        expect(await runCommand(['--config', await hostRunConfig(dir), '--out', bOut])).toBe(EXIT.ok);
        baselineFile = join(bOut, 'results.json');
      }
      const baseline = Results.parse(JSON.parse(await readFile(baselineFile, 'utf8')));
      const out = join(dir, 'out');
      const file = await hostRunConfig(dir, {
        label: PR.label,
        commit: PR.good,
        linux: { kernelArgs: 'kvm-arm.mode=none' },
      });
      const code = await runCommand(['--config', file, '--out', out, '--baseline', baselineFile]);

      const results = Results.parse(JSON.parse(await readFile(join(out, 'results.json'), 'utf8')));
      expect(results.failures).toEqual([]);
      expect(code).toBe(EXIT.ok);
      expect(results.run.status).toBe('complete');
      const id = results.deploy!.id;
      expect(results.deploy).toMatchObject({
        commit: PR.good,
        status: 'deployed',
        modes: ['linux'],
        args: { 'linux.kernelArgs': 'kvm-arm.mode=none' },
        boots: [{ mode: 'linux', outcome: 'booted' }],
      });
      expect(
        results.samples.filter((s) => s.env === 'host' && s.metric === 'hackbench.time').length,
      ).toBeGreaterThan(0);
      // Read from inside the measured host: the slot's boot (marker, argument) and its effect —
      // KVM is off, /dev/kvm gone; the baseline ran the known-good with KVM on.
      const fp = results.environments.find((e) => e.id === 'host')!.fingerprint;
      const baseFp = baseline.environments.find((e) => e.id === 'host')!.fingerprint;
      expect(fp.cmdline).toMatch(/(^| )kvm-arm\.mode=none( |$)/);
      expect(fp.cmdline).toMatch(new RegExp(`(^| )avb\\.slot=${id}( |$)`));
      expect(fp.kvm).toMatch(/\/dev\/kvm absent/);
      expect(baseFp.kvm).toMatch(/\/dev\/kvm present/);
      expect(baseFp.cmdline).not.toMatch(/avb\.slot=|kvm-arm\.mode/);
      expect(fp.kernel).toBe(baseFp.kernel);
      expect(fp.deployed).toMatchObject({
        change: `${PR.label}@${PR.good.slice(0, 7)}`,
        slot: `under-test ${id}`,
        'boot.kernelArgs': 'kvm-arm.mode=none',
      });
      expect(baseFp.deployed).toBeUndefined();
      // The comparison names the change under test and its effect, and compares the cell.
      const analysis = JSON.parse(await readFile(join(out, 'analysis.json'), 'utf8')) as Analysis;
      const diffs = analysis.fingerprintDifferences.filter((d) => d.env === 'host');
      expect(diffs.find((d) => d.key === 'deployed.boot.kernelArgs')).toMatchObject({
        baseline: 'known-good',
        current: 'kvm-arm.mode=none',
        class: 'under-test',
        expected: true,
      });
      expect(diffs.find((d) => d.key === 'kvm')).toMatchObject({
        current: '/dev/kvm absent',
        expected: true,
      });
      expect(diffs.find((d) => d.key === 'kvm')!.baseline).toMatch(/^\/dev\/kvm present/);
      expect(
        diffs.every((d) => d.expected),
        JSON.stringify(diffs),
      ).toBe(true);
      const cell = analysis.comparisons.find((c) => c.env === 'host' && c.metric === 'hackbench.time');
      expect(cell?.baseline?.n).toBeGreaterThan(0);
      expect(cell?.current?.n).toBeGreaterThan(0);
      const report = await readFile(join(out, 'report.md'), 'utf8');
      expect(report).toContain('Changes under test (compared: the verdicts include their effect)');
      expect(report).toMatch(
        /\| deployed\.boot\.kernelArgs \| known-good \| kvm-arm\.mode=none \| change under test: compared \|/,
      );
      expect(report).toMatch(
        /\| kvm \| \/dev\/kvm present[^|]*\| \/dev\/kvm absent \| change under test: compared \|/,
      );
      // The run ended on the known-good: KVM back, no marker, the trial disarmed.
      const now = await boardNow();
      expectKnownGood(now);
      expect(now.devKvm).toBe('present');
      expect(now.cmdline).not.toMatch(/kvm-arm\.mode/);
      const log = await readFile(join(out, 'logs', 'board', 'board.log'), 'utf8');
      expect(log).toMatch(/under-test linux boot is up/);
      expect(log).toMatch(/back to the known-good linux boot/);
    },
    40 * 60_000,
  );
});

describe('virtual board faults', () => {
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
