/**
 * `kvm`: a QEMU guest started ON THE BOARD through the board's transport (local or SSH),
 * reached by SSH — directly on 127.0.0.1:PORT when the board is this machine, through the
 * board as ProxyJump otherwise. Boot is followed on the serial console and by SSH probes
 * (never a fixed sleep); a guest that does not come up in `bootTimeoutSeconds` is killed
 * and the error names its console log, which is kept. Its I/O paths are the paper's: a
 * TAP on a bridge of the board (made here, removed on teardown) and a virtio-blk scratch
 * disk (an image made on the board when absent) that the guest formats and mounts.
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Fingerprint } from '../results/schema.js';
import type { Transport } from '../transport/types.js';
import { collectFingerprint } from './fingerprint.js';
import { DEFAULT_RESOURCES, type Resources } from '../config/resources.js';
import { KvmEnvironmentConfig, resolveKvmConfig } from './kvm-config.js';
import { boardCpuList } from './resources/host-limit.js';
import { qemuAlive, readFrom, readPid, run, stopQemu } from './guest/board-qemu.js';
import { consoleState, consoleTail, type BootStage } from './guest/console.js';
import { hugepagesShortfall } from './guest/hugepages.js';
import { kvmHostSupport } from './guest/kvm-support.js';
import { boardAddressOn, tapDown, tapUp, type TapMade } from './guest/board-net.js';
import {
  buildQemuArgv,
  guestEndpoint,
  qemuBinary,
  qemuPaths,
  type QemuPaths,
  type QemuRuntime,
} from './guest/qemu-argv.js';
import {
  GUEST_SCRATCH_MOUNT,
  mountGuestDisk,
  prepareBoardDisk,
  removeBoardDisk,
  SCRATCH_SERIAL,
} from './guest/scratch-disk.js';
import type { EnvironmentIo } from './io-paths.js';
import {
  boardSshEndpoint,
  sshGuestTransport,
  writeKnownHosts,
  type GuestTransportFactory,
} from './guest/ssh.js';
import type { SshHost } from '../transport/ssh.js';
import type { BenchEnvironment, EnvironmentContext } from './types.js';
import { abortableSleep } from './guest/sleep.js';

export { KvmEnvironmentConfig };

export interface KvmEnvironmentOptions {
  /** Makes the SSH transport to the guest (the project's ssh transport by default). */
  guestTransport?: GuestTransportFactory;
  /** The board's SSH host when the board is remote (the guest is reached through it). */
  boardSsh?: SshHost;
  /** How long teardown waits for an ACPI power-down before quitting QEMU. */
  powerdownMs?: number;
  /** Console/SSH poll interval during boot. */
  pollMs?: number;
  /** CPUs and memory of every environment (default: the paper's 1 CPU, 1 GiB). */
  resources?: Resources;
}

/** Args: PID. The CPU lists the QEMU process's threads may run on, one per line (distinct). */
const THREAD_AFFINITY_SCRIPT = `for f in /proc/$1/task/*/status; do sed -n 's/^Cpus_allowed_list:[[:space:]]*//p' "$f"; done | sort -u`;

export class GuestBootError extends Error {
  override readonly name = 'GuestBootError';
  constructor(
    message: string,
    readonly consoleLog: string,
  ) {
    super(message);
  }
}

export class KvmEnvironment implements BenchEnvironment {
  readonly kind = 'kvm' as const;
  readonly bootMode = 'linux' as const;
  readonly config: KvmEnvironmentConfig;
  private board: Transport | undefined;
  private ctx: EnvironmentContext | undefined;
  private paths: QemuPaths | undefined;
  private pid: number | undefined;
  private guest: Transport | undefined;
  private qemuVersion: string | undefined;
  /** The console log on the controller (the board's file itself when the board is local). */
  private localConsole = '';
  private mirrorConsole = false;
  private consoleBytes = 0;
  private consoleText = '';
  /** The scratch image when the engine made it (removed on teardown). */
  private ownedDisk: string | undefined;
  private tap: TapMade | undefined;
  /** The board's address on the guest's link, and the guest's board-side interface. */
  private boardLink: { address?: string; iface?: string } = {};
  /** The board's CPUs QEMU (every thread: vCPUs and I/O) is pinned to, as read back. */
  private pinnedCpus: string | undefined;
  private readonly resources: Resources;

  constructor(
    readonly id: string,
    config: unknown,
    private readonly options: KvmEnvironmentOptions = {},
  ) {
    this.resources = options.resources ?? DEFAULT_RESOURCES;
    this.config = resolveKvmConfig(KvmEnvironmentConfig.parse(config), this.resources);
  }

  /** The console log kept for this guest (on the controller). */
  get consoleLog(): string {
    return this.localConsole;
  }

  async prepare(ctx: EnvironmentContext): Promise<void> {
    const c = this.config;
    this.board = ctx.board;
    this.ctx = ctx;
    const board = ctx.board;
    const logDir = resolve(ctx.logDir);
    mkdirSync(logDir, { recursive: true });
    const jump = boardSshEndpoint(board, this.options.boardSsh);

    const qemu = qemuBinary(c);
    const version = await run(board, [qemu, '--version'], 30_000, ctx.signal);
    if (!version.ok) {
      throw new Error(
        `kvm ${this.id}: ${qemu} does not run on ${board.description} (exit ${version.exitCode}): ${version.output.trim().slice(0, 200) || 'not installed?'}`,
      );
    }
    this.qemuVersion = version.output.split('\n')[0]?.trim();

    if (c.accel === 'kvm') {
      const facts = await run(
        board,
        ['sh', '-c', 'uname -m; uname -r; if [ -e /dev/kvm ]; then echo yes; else echo no; fi'],
        15_000,
        ctx.signal,
      );
      const [machine = '', release = '', kvm = ''] = facts.output.trim().split('\n');
      const verdict = kvmHostSupport({ machine, kernelRelease: release, devKvm: kvm.trim() === 'yes' });
      if (!verdict.ok) throw new Error(`kvm ${this.id}: ${verdict.reason}`);
    }
    if (c.hugepages !== false) {
      const meminfo = await run(board, ['cat', '/proc/meminfo'], 15_000, ctx.signal);
      const short = hugepagesShortfall(meminfo.output, c.memoryMiB);
      if (short) throw new Error(`kvm ${this.id}: ${short}`);
    }

    const workDir = c.workDir ?? (jump ? `/var/tmp/arm-virt-bench/${this.id}` : logDir);
    const paths = qemuPaths(workDir);
    this.paths = paths;
    this.mirrorConsole = jump !== undefined || c.workDir !== undefined;
    this.localConsole = this.mirrorConsole ? join(logDir, 'console.log') : paths.consoleLog;
    if (this.mirrorConsole) writeFileSync(this.localConsole, '');
    await run(board, ['mkdir', '-p', workDir], 15_000, ctx.signal);
    await run(board, ['rm', '-f', paths.consoleLog, paths.pidFile, paths.qmpSocket], 15_000, ctx.signal);

    // The guest's SSH: endpoint as seen from the board, host key checked.
    const endpoint = guestEndpoint(c);
    let knownHosts = c.ssh.knownHosts;
    if (c.ssh.hostKey !== undefined) {
      knownHosts = join(logDir, 'guest_known_hosts');
      writeKnownHosts(knownHosts, endpoint.host, endpoint.port, c.ssh.hostKey);
    }
    this.guest = (this.options.guestTransport ?? sshGuestTransport)({
      target: {
        host: endpoint.host,
        port: endpoint.port,
        user: c.ssh.user,
        knownHosts: knownHosts as string,
        identityFile: c.ssh.identityFile,
        connectTimeoutSeconds: 10,
      },
      ...(jump ? { jump } : {}),
    });

    const runtime = await this.prepareIo(board, ctx);
    // The guest's vCPUs run on the same physical CPUs as the host's benchmark processes:
    // QEMU is started pinned (taskset), so every thread it makes inherits the affinity.
    const pin = await boardCpuList(board, this.resources, ctx.signal);
    if (pin !== undefined) {
      const ts = await run(board, ['sh', '-c', 'command -v taskset'], 15_000, ctx.signal);
      if (!ts.ok)
        throw new Error(
          `kvm ${this.id}: taskset is not on ${board.description} (install util-linux): it pins the guest to CPU ${pin}`,
        );
    }
    const qemuArgv = buildQemuArgv(c, paths, `avb-${this.id}`, runtime);
    const argv = pin !== undefined ? ['taskset', '-c', pin, ...qemuArgv] : qemuArgv;
    writeFileSync(join(logDir, 'qemu.argv.json'), JSON.stringify(argv, null, 2) + '\n');
    ctx.log(
      `starting ${qemu} (${c.accel}, ${c.vcpus} vCPU, ${c.memoryMiB} MiB${pin !== undefined ? `, pinned to CPU ${pin}` : ''}) on ${board.description}`,
    );
    const started = await board.exec(argv, { timeoutMs: 60_000, signal: ctx.signal });
    this.pid = await readPid(board, paths.pidFile);
    if (started.exitCode !== 0) {
      await this.syncConsole();
      throw new GuestBootError(
        `kvm ${this.id}: ${qemu} failed to start (exit ${started.exitCode}${started.timedOut ? ', timed out' : ''}): ${started.output.trim().slice(0, 500)}; console log: ${this.localConsole}`,
        this.localConsole,
      );
    }
    if (this.pid === undefined) {
      throw new GuestBootError(
        `kvm ${this.id}: QEMU started but wrote no pid to ${paths.pidFile}`,
        this.localConsole,
      );
    }
    await this.waitForBoot(ctx);
    if (pin !== undefined) {
      const aff = await run(board, ['sh', '-c', THREAD_AFFINITY_SCRIPT, 'avb-affinity', String(this.pid)]);
      const lists = aff.output.trim().split('\n').filter(Boolean);
      this.pinnedCpus = lists.length === 1 ? lists[0] : undefined;
      ctx.log(`QEMU threads run on CPU ${lists.join(' / ') || '(unknown)'}`);
    }
    if (c.dataDisk !== false) {
      const done = await mountGuestDisk(
        this.guest,
        `serial:${SCRATCH_SERIAL}`,
        GUEST_SCRATCH_MOUNT,
        ctx.signal,
      );
      ctx.log(`scratch disk: ${done} at ${GUEST_SCRATCH_MOUNT} in the guest`);
    }
  }

  /** The board's side of the guest's disk and NIC: the scratch image and the TAP. */
  private async prepareIo(board: Transport, ctx: EnvironmentContext): Promise<QemuRuntime> {
    const c = this.config;
    const runtime: { dataDiskPath?: string; tap?: string; append?: string[] } = {};
    if (c.dataDisk !== false) {
      const owned = c.dataDisk.path === undefined;
      const path = c.dataDisk.path ?? `/var/tmp/arm-virt-bench/${this.id}/scratch.img`;
      const how = await prepareBoardDisk(
        board,
        { path, format: c.dataDisk.format, sizeMiB: c.dataDisk.sizeMiB, fresh: owned },
        ctx.signal,
      );
      if (owned) this.ownedDisk = path;
      runtime.dataDiskPath = path;
      ctx.log(
        `scratch disk ${path} (${c.dataDisk.format}, ${how === 'created' ? `${c.dataDisk.sizeMiB} MiB, made` : 'as it is'})`,
      );
    }
    const net = c.network;
    if (net.type === 'user') return runtime;
    if (net.type === 'bridge') {
      const tap = net.tap ?? `avbt-${randomBytes(4).toString('hex')}`;
      this.tap = await tapUp(board, tap, net.bridge, net.bridgeAddress, ctx.signal);
      await ctx.track?.({ kind: 'tap', ...this.tap });
      runtime.tap = tap;
      ctx.log(
        `TAP ${tap} on bridge ${net.bridge}${this.tap.bridge ? ` (bridge made, ${net.bridgeAddress}${this.tap.natFor ? ', NAT' : ''})` : ''}`,
      );
    }
    const iface = net.type === 'bridge' ? (runtime.tap as string) : net.ifname;
    const link = await boardAddressOn(board, iface, ctx.signal);
    this.boardLink = { iface, ...(link ? { address: link.address } : {}) };
    // The project's guest configures its NIC from these (guest/rc.sh); other guests ignore them.
    const prefix = /\/(\d+)$/.exec(net.address)?.[1] ?? String(link?.prefix ?? 24);
    runtime.append = [
      `avb.ip=${net.address.replace(/\/\d+$/, '')}/${prefix}`,
      `avb.gw=${link?.address ?? 'none'}`,
    ];
    return runtime;
  }

  io(): EnvironmentIo {
    const c = this.config;
    const user = c.network.type === 'user';
    return {
      scratch: {
        ...(c.dataDisk !== false ? { dir: GUEST_SCRATCH_MOUNT } : c.scratchDir ? { dir: c.scratchDir } : {}),
        allowRam: c.allowRamScratch,
        remedy:
          c.dataDisk === false
            ? 'give the kvm environment a dataDisk (its default: an image on the board, formatted and mounted in the guest)'
            : `the guest mounts its data disk at ${GUEST_SCRATCH_MOUNT}: check that it did (environment log)`,
      },
      // User networking: the guest reaches the board's loopback at QEMU's gateway.
      net: user
        ? { boardAddress: '10.0.2.2', boardListen: '127.0.0.1' }
        : {
            ...(this.boardLink.address
              ? { boardAddress: this.boardLink.address, boardListen: this.boardLink.address }
              : {}),
            ...(this.boardLink.iface ? { boardIface: this.boardLink.iface } : {}),
          },
    };
  }

  /** Appends what is new in the board's console file to the controller's copy. */
  private async syncConsole(): Promise<void> {
    if (!this.board || !this.paths) return;
    try {
      const chunk = await readFrom(this.board, this.paths.consoleLog, this.consoleBytes);
      if (chunk.length === 0) return;
      this.consoleBytes += Buffer.byteLength(chunk);
      this.consoleText += chunk;
      if (this.mirrorConsole) appendFileSync(this.localConsole, chunk);
    } catch {
      // The console is best effort; the boot decision also uses SSH and the pid.
    }
  }

  private async waitForBoot(ctx: EnvironmentContext): Promise<void> {
    const c = this.config;
    const board = this.board as Transport;
    const guest = this.guest as Transport;
    const start = Date.now();
    const deadline = start + c.bootTimeoutSeconds * 1000;
    const pollMs = this.options.pollMs ?? 1000;
    const where = guest.description;
    let stage: BootStage = 'none';
    let round = 0;
    const fail = async (why: string): Promise<never> => {
      await this.syncConsole();
      const outcome = await stopQemu(board, this.pid as number, (this.paths as QemuPaths).qmpSocket, 0);
      const tail = consoleTail(this.consoleText);
      throw new GuestBootError(
        `kvm ${this.id}: ${why} (last stage seen on the console: ${stage}); QEMU ${outcome === 'not-running' ? 'had exited' : `was stopped (${outcome})`}; console log: ${this.localConsole}${tail ? `\n--- console tail ---\n${tail}` : ''}`,
        this.localConsole,
      );
    };
    for (;;) {
      round++;
      if (ctx.signal?.aborted) return fail('boot cancelled');
      await this.syncConsole();
      const state = consoleState(this.consoleText);
      if (state.stage !== stage) {
        stage = state.stage;
        ctx.log(`${stage} (${((Date.now() - start) / 1000).toFixed(1)} s)`);
      }
      if (state.fatal) return fail(`the guest failed to boot: ${state.fatal}`);
      if (!(await qemuAlive(board, this.pid as number))) return fail('QEMU exited during boot');
      // Probe SSH as soon as the guest says sshd runs, and now and then for other guests.
      if (stage === 'sshd' || round % 5 === 0) {
        const left = deadline - Date.now();
        if (left > 0) {
          const probe = await guest
            .exec(['true'], { timeoutMs: Math.min(20_000, Math.max(left, 1000)), signal: ctx.signal })
            .catch(() => undefined);
          if (probe?.exitCode === 0) {
            // The kept console log must hold the whole boot, not just what the last poll saw.
            await this.syncConsole();
            ctx.log(`SSH answers on ${where} (${((Date.now() - start) / 1000).toFixed(1)} s)`);
            return;
          }
        }
      }
      if (Date.now() >= deadline) {
        return fail(
          `the guest did not answer SSH (${where}) within its boot timeout of ${c.bootTimeoutSeconds} s`,
        );
      }
      await abortableSleep(Math.min(pollMs, Math.max(0, deadline - Date.now())), ctx.signal);
    }
  }

  async fingerprint(): Promise<Fingerprint> {
    const c = this.config;
    const base = await collectFingerprint(this.transport(), { signal: this.ctx?.signal });
    // cpuList names the board's CPUs: the pinning as the board reads it, else unknown
    // (the guest's own list numbers its vCPUs).
    const { cpuList: _vcpus, ...inside } = base;
    return {
      ...inside,
      ...(this.pinnedCpus !== undefined ? { cpuList: this.pinnedCpus } : {}),
      hypervisor: c.accel === 'kvm' ? 'kvm' : 'qemu-tcg',
      kvm: c.accel,
      ...(this.qemuVersion ? { qemuVersion: this.qemuVersion } : {}),
      guest: {
        accel: c.accel,
        machine: c.machine ?? null,
        vcpus: c.vcpus,
        memoryMiB: c.memoryMiB,
        pinnedCpus: this.pinnedCpus ?? null,
        hugepages: c.hugepages !== false,
        network: c.network.type,
        dataDisk:
          c.dataDisk === false ? false : { format: c.dataDisk.format, cache: c.dataDisk.cache ?? 'default' },
        boot: 'kernel' in c.boot ? 'kernel' : 'disk',
      },
    };
  }

  transport(): Transport {
    if (!this.guest || this.pid === undefined)
      throw new Error(`environment ${this.id}: transport() before prepare()`);
    return this.guest;
  }

  async teardown(): Promise<void> {
    const board = this.board;
    try {
      await this.guest?.close();
    } catch {
      // closing connections is best effort
    }
    if (!board) return;
    try {
      await this.teardownQemu(board);
    } finally {
      // After QEMU is gone: the TAP (and a bridge made for it) and the engine's scratch image.
      if (this.tap) await tapDown(board, this.tap);
      this.tap = undefined;
      if (this.ownedDisk) await removeBoardDisk(board, this.ownedDisk);
      this.ownedDisk = undefined;
    }
  }

  private async teardownQemu(board: Transport): Promise<void> {
    if (!this.paths) return;
    try {
      this.pid ??= await readPid(board, this.paths.pidFile);
      if (this.pid !== undefined) {
        const outcome = await stopQemu(
          board,
          this.pid,
          this.paths.qmpSocket,
          this.options.powerdownMs ?? 15_000,
        );
        this.ctx?.log(
          `QEMU pid ${this.pid} ${outcome === 'not-running' ? 'had already exited' : `stopped (${outcome})`}`,
        );
        if (outcome === 'still-running') this.ctx?.log(`WARNING: QEMU pid ${this.pid} could not be killed`);
      }
      await this.syncConsole();
      await run(board, ['rm', '-f', this.paths.pidFile, this.paths.qmpSocket]).catch(() => undefined);
    } catch (e) {
      this.ctx?.log(`teardown: ${(e as Error).message}`);
    } finally {
      this.pid = undefined;
      this.guest = undefined;
    }
  }
}
