/**
 * The netservers the engine controls — on the board, on the controller, on an external
 * peer reached by SSH, or inside an environment (`peer: self`) — all started and stopped
 * here (one place to label or find them). Each is started in the foreground (`-D`) as a
 * long command through a transport, ready once it prints its "Starting netserver" line
 * into its raw log, and stopped by aborting that command (the transport kills its
 * process tree).
 */
import { readFile, rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { NETSERVER_READY, netserverArgv } from '../suites/netperf/command.js';
import type { ExecResult, Transport } from '../transport/types.js';

const READY_TIMEOUT_MS = 15_000;
/** Upper bound for one netserver's life; the engine stops it long before. */
const LIFETIME_MS = 7 * 24 * 3600_000;

export class Netserver {
  private readonly stopper = new AbortController();
  private running: Promise<ExecResult | Error> | undefined;

  constructor(
    private readonly transport: Transport,
    readonly port: number,
    readonly listen: string,
    private readonly logPath: string,
  ) {}

  async start(signal?: AbortSignal): Promise<void> {
    const s = signal ? AbortSignal.any([signal, this.stopper.signal]) : this.stopper.signal;
    const argv = netserverArgv(this.port, this.listen);
    this.running = this.transport
      .exec(argv, { timeoutMs: LIFETIME_MS, logPath: this.logPath, signal: s })
      .catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))));
    let exited: ExecResult | Error | undefined;
    void this.running.then((r) => (exited = r));
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      const text = await readFile(this.logPath, 'utf8').catch(() => '');
      if (NETSERVER_READY.test(text)) return;
      if (exited !== undefined) {
        const why =
          exited instanceof Error
            ? exited.message
            : `exited with status ${exited.exitCode}: ${exited.output.trim().slice(0, 300)}`;
        throw new Error(`netserver on ${this.transport.description} (${this.listen}:${this.port}) ${why}`);
      }
      if (signal?.aborted) throw new Error('cancelled while starting netserver');
      await sleep(100);
    }
    await this.stop();
    throw new Error(
      `netserver on ${this.transport.description} did not report listening on ${this.listen}:${this.port} within ${READY_TIMEOUT_MS / 1000}s`,
    );
  }

  async stop(): Promise<void> {
    this.stopper.abort();
    if (this.running) await this.running;
    this.running = undefined;
  }
}

/** Where a netserver runs: a name for logs and messages, and how commands reach it. */
export interface NetserverHost {
  /** Tells hosts apart: `board`, `controller`, `external:<address>`, `env:<id>`. */
  id: string;
  /** Folder of its raw logs: `board`, `controller`, `external`, or the environment's id. */
  name: string;
  transport: Transport;
}

export interface NetserverPoolDeps {
  logFile(ref: string): string;
  registerLog(ref: string): Promise<void>;
  signal?: AbortSignal;
  info(line: string): void;
}

/** The raw log of the netserver on `host` at `listen`:`port`. */
export function netserverLogRef(host: string, listen: string, port: number): string {
  return `${host}/netperf/netserver-${listen.replace(/[^A-Za-z0-9_.-]/g, '_')}-${port}`;
}

/**
 * Every netserver of a boot group: one per host, address and port, started on first use
 * and shared by the environments that reach it there; stopped per host (an environment's
 * own, before it is torn down) or all at the end of the group, also after a failure.
 */
export class NetserverPool {
  private readonly servers = new Map<string, { host: string; server: Netserver; ref: string }>();

  constructor(private readonly deps: NetserverPoolDeps) {}

  /** Starts netserver on `host` at `listen`:`port` unless this pool already runs one there. */
  async ensure(host: NetserverHost, listen: string, port: number): Promise<void> {
    const key = `${host.id}|${listen}|${port}`;
    if (this.servers.has(key)) return;
    const ref = netserverLogRef(host.name, listen, port);
    await rm(this.deps.logFile(ref), { force: true });
    const server = new Netserver(host.transport, port, listen, this.deps.logFile(ref));
    this.servers.set(key, { host: host.id, server, ref });
    try {
      await server.start(this.deps.signal);
    } catch (err) {
      this.servers.delete(key);
      await this.deps.registerLog(ref).catch(() => undefined);
      throw err;
    }
    this.deps.info(`netserver listening on ${listen}:${port} (${host.name}, ${host.transport.description})`);
  }

  /** Stops the netservers of one host (by id), or all; never throws. */
  async stop(hostId?: string): Promise<void> {
    for (const [key, entry] of [...this.servers]) {
      if (hostId !== undefined && entry.host !== hostId) continue;
      this.servers.delete(key);
      await entry.server.stop().catch(() => undefined);
      await this.deps.registerLog(entry.ref).catch(() => undefined);
    }
  }
}
