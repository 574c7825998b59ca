/**
 * A netserver the engine controls: started in the foreground (`-D`) as a long command
 * through a transport, ready once it prints its "Starting netserver" line into its raw
 * log, stopped by aborting that command (the transport kills its process tree).
 */
import { readFile } from 'node:fs/promises';
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
