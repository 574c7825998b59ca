/**
 * `xen-domu`: a Xen guest domain started on Dom0 with `xl create` (an existing domain
 * config on the board, or one written from validated values with fixed content), reached
 * by SSH at its configured address — through Dom0 as ProxyJump when the board is remote —
 * and removed with `xl destroy` on teardown (checked with `xl list`). Boot is followed by
 * `xl list` (the domain must stay alive) and SSH probes, never a fixed sleep; a domain
 * that does not answer within `bootTimeoutSeconds` is destroyed with a clear error. Its
 * I/O paths are the paper's: a PV disk (xvdb, an image made on Dom0 when absent) that the
 * guest formats and mounts, and its PV NIC, whose back end is `vif<domid>.0` on a Dom0 bridge.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_RESOURCES, type Resources } from '../config/resources.js';
import type { Fingerprint } from '../results/schema.js';
import type { SshHost } from '../transport/ssh.js';
import type { Transport } from '../transport/types.js';
import { collectFingerprint } from './fingerprint.js';
import {
  boardSshEndpoint,
  sshGuestTransport,
  writeKnownHosts,
  type GuestTransportFactory,
} from './guest/ssh.js';
import { boardAddressOn } from './guest/board-net.js';
import {
  GUEST_SCRATCH_MOUNT,
  mountGuestDisk,
  prepareBoardDisk,
  removeBoardDisk,
} from './guest/scratch-disk.js';
import type { EnvironmentIo } from './io-paths.js';
import type { BenchEnvironment, EnvironmentContext } from './types.js';
import { probeDom0 } from './xen-dom0.js';
import { XenDomuEnvironmentConfig, xlDomainConfig } from './xen-domu-config.js';
import { dom0Refusal, parseXlList, pvDrivers } from './xen/xl.js';
import { abortableSleep } from './guest/sleep.js';

export { XenDomuEnvironmentConfig };

export interface XenDomuEnvironmentOptions {
  guestTransport?: GuestTransportFactory;
  /** Dom0's SSH host when the board is remote (the guest is reached through it). */
  boardSsh?: SshHost;
  pollMs?: number;
  /** CPUs and memory of every environment (default: the paper's 1 CPU, 1 GiB). */
  resources?: Resources;
}

/** Writes stdin to $2 after creating the folder $1 (fixed script, values as arguments). */
const WRITE_SCRIPT = 'umask 022; mkdir -p "$1" && cat > "$2"';
/** The guest's PV drivers as the guest sees them. */
const PV_SCRIPT =
  'echo @@drivers; ls /sys/bus/xen/drivers 2>/dev/null; echo @@lsmod; lsmod 2>/dev/null; echo @@end';

export class XenDomuEnvironment implements BenchEnvironment {
  readonly kind = 'xen-domu' as const;
  readonly bootMode = 'xen' as const;
  readonly config: XenDomuEnvironmentConfig;
  private board: Transport | undefined;
  private ctx: EnvironmentContext | undefined;
  private guest: Transport | undefined;
  private created = false;
  private logDir = '';
  /** The scratch image when the engine made it (removed on teardown), and its path. */
  private ownedDisk: string | undefined;
  /** The domain's NIC back end on Dom0 and Dom0's address on its bridge. */
  private link: { vif?: string; address?: string } = {};

  constructor(
    readonly id: string,
    config: unknown,
    private readonly options: XenDomuEnvironmentOptions = {},
  ) {
    this.config = XenDomuEnvironmentConfig.parse(config);
  }

  private async dom0(
    argv: string[],
    timeoutMs = 60_000,
    stdin?: string,
  ): Promise<{ ok: boolean; output: string; exitCode: number | null }> {
    const board = this.board as Transport;
    const r = await board.exec(argv, {
      timeoutMs,
      signal: this.ctx?.signal,
      ...(stdin !== undefined ? { stdin } : {}),
    });
    return { ok: r.exitCode === 0, output: r.output, exitCode: r.exitCode };
  }

  /** Is the domain listed by `xl list NAME`? */
  private async domainExists(): Promise<boolean> {
    const r = await this.dom0(['xl', 'list', this.config.name], 30_000).catch(() => undefined);
    if (!r?.ok) return false;
    try {
      return parseXlList(r.output).some((d) => d.name === this.config.name);
    } catch {
      return true;
    }
  }

  async prepare(ctx: EnvironmentContext): Promise<void> {
    const c = this.config;
    this.board = ctx.board;
    this.ctx = ctx;
    this.logDir = resolve(ctx.logDir);
    mkdirSync(this.logDir, { recursive: true });

    const probe = await probeDom0(ctx.board, ctx.signal);
    const refusal = dom0Refusal(probe.facts);
    if (refusal)
      throw new Error(`xen-domu ${this.id}: cannot start a domain from ${ctx.board.description}: ${refusal}`);
    if (await this.domainExists()) {
      throw new Error(
        `xen-domu ${this.id}: a domain named '${c.name}' already runs on Dom0 (left by an earlier run?): destroy it with \`xl destroy ${c.name}\` or choose another name`,
      );
    }

    const workDir = c.workDir ?? `/var/tmp/arm-virt-bench/${this.id}`;
    const extraDisks: { path: string; vdev: string; format: 'raw' | 'qcow2'; access: 'rw' }[] = [];
    if (c.dataDisk !== false) {
      const owned = c.dataDisk.path === undefined;
      const path = c.dataDisk.path ?? `${workDir}/scratch.img`;
      const how = await prepareBoardDisk(
        ctx.board,
        { path, format: c.dataDisk.format, sizeMiB: c.dataDisk.sizeMiB, fresh: owned },
        ctx.signal,
      );
      if (owned) this.ownedDisk = path;
      extraDisks.push({ path, vdev: c.dataDisk.vdev, format: c.dataDisk.format, access: 'rw' });
      ctx.log(
        `scratch disk ${path} as ${c.dataDisk.vdev} (${how === 'created' ? `${c.dataDisk.sizeMiB} MiB, made` : 'as it is'})`,
      );
    }

    let configFile = c.configFile;
    if (c.generate) {
      configFile = `${workDir}/${c.name}.cfg`;
      const text = xlDomainConfig(
        c.name,
        c.generate,
        extraDisks,
        this.options.resources ?? DEFAULT_RESOURCES,
      );
      writeFileSync(join(this.logDir, `${c.name}.cfg`), text);
      const w = await this.dom0(['sh', '-c', WRITE_SCRIPT, 'avb-write', workDir, configFile], 30_000, text);
      if (!w.ok)
        throw new Error(`xen-domu ${this.id}: could not write ${configFile} on Dom0: ${w.output.trim()}`);
    }

    const jump = boardSshEndpoint(ctx.board, this.options.boardSsh);
    let knownHosts = c.ssh.knownHosts;
    if (c.ssh.hostKey !== undefined) {
      knownHosts = join(this.logDir, 'guest_known_hosts');
      writeKnownHosts(knownHosts, c.address, c.ssh.port, c.ssh.hostKey);
    }
    this.guest = (this.options.guestTransport ?? sshGuestTransport)({
      target: {
        host: c.address,
        port: c.ssh.port,
        user: c.ssh.user,
        knownHosts: knownHosts as string,
        identityFile: c.ssh.identityFile,
        connectTimeoutSeconds: 10,
      },
      ...(jump ? { jump } : {}),
    });

    ctx.log(`xl create ${configFile} on ${ctx.board.description}`);
    const created = await this.dom0(['xl', 'create', configFile as string], 180_000);
    writeFileSync(join(this.logDir, 'xl-create.log'), created.output);
    if (!created.ok) {
      this.created = await this.domainExists();
      throw new Error(
        `xen-domu ${this.id}: \`xl create ${configFile}\` failed (exit ${created.exitCode}): ${created.output.trim().split('\n').slice(-4).join(' | ')} (see /var/log/xen/xl-${c.name}.log on Dom0; output kept in ${join(this.logDir, 'xl-create.log')})`,
      );
    }
    this.created = true;
    await this.waitForSsh(ctx);
    await this.findLink(ctx);
    if (c.dataDisk !== false) {
      const done = await mountGuestDisk(
        this.guest,
        `/dev/${c.dataDisk.vdev}`,
        GUEST_SCRATCH_MOUNT,
        ctx.signal,
      );
      ctx.log(`scratch disk: ${done} at ${GUEST_SCRATCH_MOUNT} in the domain`);
    }
  }

  /** The domain's first NIC back end on Dom0 (`vif<domid>.0`) and Dom0's address on its bridge. */
  private async findLink(ctx: EnvironmentContext): Promise<void> {
    const r = await this.dom0(['xl', 'domid', this.config.name], 30_000).catch(() => undefined);
    const domid = r?.ok ? r.output.trim().split('\n').pop()?.trim() : undefined;
    if (!domid || !/^\d+$/.test(domid)) return;
    const vif = `vif${domid}.0`;
    const exists = await this.dom0(['test', '-e', `/sys/class/net/${vif}`], 30_000).catch(() => undefined);
    if (!exists?.ok) return;
    const link = await boardAddressOn(this.board as Transport, vif, ctx.signal);
    this.link = { vif, ...(link ? { address: link.address } : {}) };
    ctx.log(`PV NIC back end ${vif}${link ? ` on Dom0's ${link.address}/${link.prefix}` : ''}`);
  }

  io(): EnvironmentIo {
    const c = this.config;
    return {
      scratch: {
        ...(c.dataDisk !== false ? { dir: GUEST_SCRATCH_MOUNT } : c.scratchDir ? { dir: c.scratchDir } : {}),
        allowRam: c.allowRamScratch,
        remedy:
          c.dataDisk === false
            ? 'give the xen-domu environment a dataDisk (its default: a PV disk, formatted and mounted in the domain)'
            : `the domain mounts its data disk at ${GUEST_SCRATCH_MOUNT}: check that it did (environment log)`,
      },
      net: {
        ...(this.link.address ? { boardAddress: this.link.address, boardListen: this.link.address } : {}),
        ...(this.link.vif ? { boardIface: this.link.vif } : {}),
      },
    };
  }

  private async waitForSsh(ctx: EnvironmentContext): Promise<void> {
    const c = this.config;
    const guest = this.guest as Transport;
    const start = Date.now();
    const deadline = start + c.bootTimeoutSeconds * 1000;
    const fail = async (why: string): Promise<never> => {
      const consoleLog = await this.saveConsole();
      await this.destroy();
      throw new Error(
        `xen-domu ${this.id}: ${why}; the domain was destroyed${consoleLog ? `; console log: ${consoleLog}` : ' (no guest console log on Dom0: start xenconsoled with --log=guest to keep one)'}`,
      );
    };
    for (;;) {
      if (ctx.signal?.aborted) return fail('boot cancelled');
      if (!(await this.domainExists()))
        return fail(`domain '${c.name}' is gone from \`xl list\` during boot (crashed or shut down)`);
      const left = deadline - Date.now();
      if (left > 0) {
        const probe = await guest
          .exec(['true'], { timeoutMs: Math.min(20_000, Math.max(left, 1000)), signal: ctx.signal })
          .catch(() => undefined);
        if (probe?.exitCode === 0) {
          ctx.log(`SSH answers on ${guest.description} (${((Date.now() - start) / 1000).toFixed(1)} s)`);
          return;
        }
      }
      if (Date.now() >= deadline) {
        return fail(
          `the domain did not answer SSH (${guest.description}) within its boot timeout of ${c.bootTimeoutSeconds} s`,
        );
      }
      await abortableSleep(
        Math.min(this.options.pollMs ?? 2000, Math.max(0, deadline - Date.now())),
        ctx.signal,
      );
    }
  }

  /** Copies xenconsoled's guest log (when it keeps one) into the env's log folder. */
  private async saveConsole(): Promise<string | undefined> {
    const r = await this.dom0(['cat', `/var/log/xen/console/guest-${this.config.name}.log`], 30_000).catch(
      () => undefined,
    );
    if (!r?.ok) return undefined;
    const path = join(this.logDir, 'console.log');
    writeFileSync(path, r.output);
    return path;
  }

  /** `xl destroy NAME`, then checks `xl list`; never throws. */
  private async destroy(): Promise<void> {
    if (!this.board || !this.created) return;
    const name = this.config.name;
    try {
      if (await this.domainExists()) {
        const r = await this.dom0(['xl', 'destroy', name], 60_000);
        if (!r.ok) this.ctx?.log(`xl destroy ${name} failed: ${r.output.trim()}`);
      }
      if (await this.domainExists()) this.ctx?.log(`WARNING: domain ${name} is still listed by xl list`);
      else {
        this.ctx?.log(`domain ${name} destroyed`);
        this.created = false;
      }
    } catch (e) {
      this.ctx?.log(`destroy: ${(e as Error).message}`);
    }
  }

  async fingerprint(): Promise<Fingerprint> {
    const guest = this.transport();
    const base = await collectFingerprint(guest, { signal: this.ctx?.signal });
    const pv = await guest.exec(['sh', '-c', PV_SCRIPT], { timeoutMs: 30_000, signal: this.ctx?.signal });
    const section = (name: string): string => {
      const m = new RegExp(`@@${name}\\n([\\s\\S]*?)(?=@@)`).exec(pv.output);
      return m?.[1] ?? '';
    };
    const drivers = pvDrivers(section('drivers'), section('lsmod'));
    const list = await this.dom0(['xl', 'list', this.config.name], 30_000).catch(() => undefined);
    let domain: Record<string, number> = {};
    try {
      const d = list?.ok ? parseXlList(list.output).find((x) => x.name === this.config.name) : undefined;
      if (d) domain = { domainId: d.id, domainMemMiB: d.memMiB, domainVcpus: d.vcpus };
    } catch {
      // kept without the Dom0 view of the domain
    }
    // The guest's own CPU list numbers its vCPUs, not the board's CPUs: not kept.
    const { cpuList: _vcpus, ...inside } = base;
    return {
      ...inside,
      hypervisor: base.hypervisor ?? 'xen',
      xenPvDrivers: drivers,
      ...domain,
    };
  }

  transport(): Transport {
    if (!this.guest || !this.created) throw new Error(`environment ${this.id}: transport() before prepare()`);
    return this.guest;
  }

  async teardown(): Promise<void> {
    try {
      await this.guest?.close();
    } catch {
      // best effort
    }
    if (this.created) await this.saveConsole().catch(() => undefined);
    await this.destroy();
    this.guest = undefined;
    if (this.ownedDisk && this.board && !this.created) {
      await removeBoardDisk(this.board, this.ownedDisk);
      this.ownedDisk = undefined;
    }
  }
}
