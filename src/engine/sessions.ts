/**
 * Per environment and suite, what must happen before the first cell and after the last:
 * required tools checked, the UnixBench tree located or built, IOzone's scratch folder
 * found on the environment's own storage (refused in RAM unless asked for), made and
 * removed, netperf's peer resolved and its netserver started. A suite that cannot run
 * here yields a reason; the engine records it as a failure of each of its cells. A
 * session also hands back the facts it read from inside (fingerprint keys `scratch`,
 * `netperfPeer`) and which counters prove its cells' path (io-counters.ts).
 */
import type { SuiteSettings } from '../config/suites.js';
import type { SuiteId } from '../results/schema.js';
import type { CellSpec } from '../suites/command.js';
import { HACKBENCH_TOOLS, hackbenchCells } from '../suites/hackbench/command.js';
import {
  IOZONE_TOOLS,
  iozoneCells,
  iozoneScratchDir,
  mkdirArgv,
  removeArgv,
} from '../suites/iozone/command.js';
import { netperfCells, PLANNED_TARGET } from '../suites/netperf/command.js';
import {
  builtTreeProbes,
  PERL_CHECK_ARGV,
  sourceTreeProbes,
  unixbenchBuildArgv,
  unixbenchCells,
  unixbenchMissingMessage,
  unixbenchTreePath,
} from '../suites/unixbench/command.js';
import { missingBuildTools } from '../suites/unixbench/source.js';
import type { Transport } from '../transport/types.js';
import {
  BLOCK_STAT_SCRIPT,
  isRamFs,
  parseScratchProbe,
  ROUTE_PROBE_SCRIPT,
  routeVia,
  SCRATCH_PROBE_SCRIPT,
  type EnvironmentIo,
  type NetperfPeerFact,
  type ScratchFact,
} from '../environments/io-paths.js';
import type { CounterPlan } from './io-counters.js';
import type { NetserverHost, NetserverPool } from './netserver.js';
import type { NetserverSite, PeerTarget } from './peers.js';

/** IOzone's folder where neither the environment nor suites.iozone.scratchDir names one. */
export const DEFAULT_SCRATCH_DIR = '/var/tmp';
import type { BoardUnixbench } from './unixbench.js';

export interface SessionContext {
  envId: string;
  runId: string;
  /** The environment's transport (with its `env` variables applied). */
  transport: Transport;
  /** Raw log path for a ref (e.g. `host/netperf/netserver`), and registration once written. */
  logFile(ref: string): string;
  registerLog(ref: string): Promise<void>;
  /** The environment's storage and network paths. */
  io: EnvironmentIo;
  /** The board's transport (counters of the board's side of the environment's paths). */
  board: Transport;
  /** netperf's peer for this environment (resolved by the engine). */
  peer(): Promise<PeerTarget>;
  /** The netservers of the boot group, and where a site's netserver runs. */
  netservers: NetserverPool;
  netserverHost(site: Exclude<NetserverSite, 'environment'>): NetserverHost;
  signal?: AbortSignal;
  info(line: string): void;
  /** What the engine did about the board's UnixBench tree (src/engine/unixbench.ts). */
  unixbench?: BoardUnixbench;
}

export interface SuiteSession {
  suite: SuiteId;
  cells: CellSpec[];
  /** Why no cell can run here (missing tool, no UnixBench tree, netserver down). */
  unavailable?: { kind: string; message: string };
  /** Fingerprint keys read from inside the environment (`scratch`, `netperfPeer`). */
  facts?: { scratch?: ScratchFact; netperfPeer?: NetperfPeerFact };
  /** The counters that prove each cell's path (read before and after every cell). */
  counters?: CounterPlan;
  close(): Promise<void>;
}

const PROBE_TIMEOUT_MS = 30_000;

/** Cells for counting and ETA, before anything is known about the target. */
export function plannedCells(suite: SuiteId, s: SuiteSettings): CellSpec[] {
  switch (suite) {
    case 'hackbench':
      return hackbenchCells(s.hackbench);
    case 'unixbench':
      return unixbenchCells(s.unixbench, unixbenchTreePath(s.unixbench));
    case 'iozone':
      return iozoneCells(s.iozone, s.iozone.scratchDir ?? DEFAULT_SCRATCH_DIR);
    case 'netperf':
      return netperfCells(s.netperf, PLANNED_TARGET);
  }
}

/** Programs missing on the target's PATH (fixed script; names passed as arguments). */
export async function missingTools(ctx: SessionContext, tools: readonly string[]): Promise<string[]> {
  const r = await ctx.transport.exec(
    [
      'sh',
      '-c',
      'for t in "$@"; do command -v "$t" >/dev/null 2>&1 || echo "missing:$t"; done',
      'sh',
      ...tools,
    ],
    { timeoutMs: PROBE_TIMEOUT_MS, signal: ctx.signal },
  );
  if (r.exitCode !== 0) {
    throw new Error(
      `cannot check tools in '${ctx.envId}' (exit ${r.exitCode}): ${r.output.trim().slice(0, 200)}`,
    );
  }
  return [...r.output.matchAll(/^missing:(.+)$/gm)].map((m) => m[1]!.trim());
}

function missingMessage(envId: string, suite: SuiteId, tools: string[]): string {
  return `${suite}: ${tools.join(', ')} not found on PATH in environment '${envId}' (install it there, or set the environment's env.PATH)`;
}

const noop = async (): Promise<void> => undefined;

/** Why Perl cannot run UnixBench's `Run` here (no perl, or modules missing), or undefined. */
async function perlProblem(ctx: SessionContext): Promise<string | undefined> {
  const r = await ctx.transport.exec(PERL_CHECK_ARGV, { timeoutMs: PROBE_TIMEOUT_MS, signal: ctx.signal });
  if (r.exitCode === 0) return undefined;
  if (r.exitCode === 127 || (/not found|No such file/i.test(r.output) && !/Can't locate/.test(r.output))) {
    return `unixbench: perl not found in environment '${ctx.envId}': byte-UnixBench's Run is a Perl script (install package perl; in a guest or container image, build it with Perl: see docs/guests.md)`;
  }
  return `unixbench: Perl in environment '${ctx.envId}' lacks modules Run needs (install package perl): ${r.output.trim().split('\n')[0]?.slice(0, 200) ?? ''}`;
}

export async function openSuite(
  suite: SuiteId,
  s: SuiteSettings,
  ctx: SessionContext,
): Promise<SuiteSession> {
  const unavailable = (cells: CellSpec[], kind: string, message: string): SuiteSession => ({
    suite,
    cells,
    unavailable: { kind, message },
    close: noop,
  });
  switch (suite) {
    case 'hackbench': {
      const cells = hackbenchCells(s.hackbench);
      const missing = await missingTools(ctx, HACKBENCH_TOOLS);
      if (missing.length)
        return unavailable(cells, 'missing-tool', missingMessage(ctx.envId, suite, missing));
      return { suite, cells, close: noop };
    }
    case 'iozone':
      return openIozone(s, ctx);
    case 'netperf':
      return openNetperf(s, ctx);
    case 'unixbench': {
      const u = s.unixbench;
      const ok = async (probes: { argv: string[] }[]): Promise<boolean> => {
        for (const p of probes) {
          const r = await ctx.transport.exec(p.argv, { timeoutMs: PROBE_TIMEOUT_MS, signal: ctx.signal });
          if (r.exitCode !== 0) return false;
        }
        return true;
      };
      const tree = unixbenchTreePath(u);
      // The engine's own attempt to provide the board's tree failed: that is the reason.
      if (ctx.unixbench?.unavailable) {
        const why = ctx.unixbench.unavailable;
        return unavailable(unixbenchCells(u, tree), why.kind, why.message);
      }
      const usable = async (dir: string): Promise<SuiteSession> => {
        const cells = unixbenchCells(u, dir);
        const perl = await perlProblem(ctx);
        return perl ? unavailable(cells, 'missing-tool', perl) : { suite, cells, close: noop };
      };
      if (await ok(builtTreeProbes(tree))) return usable(tree);
      if (u.sourcePath && (await ok(sourceTreeProbes(u.sourcePath)))) {
        const cells = unixbenchCells(u, u.sourcePath);
        const missing = await missingTools(ctx, ['make', 'cc', 'perl']);
        if (missing.length) {
          return unavailable(
            cells,
            'missing-tool',
            `unixbench: cannot build ${u.sourcePath}: ${missingBuildTools(missing)} not found in '${ctx.envId}'`,
          );
        }
        const ref = `${ctx.envId}/unixbench/build`;
        ctx.info(`${ctx.envId}: building UnixBench in ${u.sourcePath}`);
        const r = await ctx.transport.exec(unixbenchBuildArgv(u.sourcePath), {
          timeoutMs: u.timeoutSeconds * 1000,
          logPath: ctx.logFile(ref),
          signal: ctx.signal,
        });
        await ctx.registerLog(ref);
        if (r.exitCode !== 0 || !(await ok(builtTreeProbes(u.sourcePath)))) {
          return unavailable(
            cells,
            'setup',
            `unixbench: building ${u.sourcePath} failed (${r.timedOut ? 'timed out' : `exit ${r.exitCode}`}); see log ${ref}`,
          );
        }
        return usable(u.sourcePath);
      }
      return unavailable(unixbenchCells(u, tree), 'missing-tool', unixbenchMissingMessage(u, ctx.envId));
    }
  }
}

async function exec(ctx: SessionContext, t: Transport, script: string, args: string[]) {
  return t.exec(['sh', '-c', script, 'sh', ...args], { timeoutMs: PROBE_TIMEOUT_MS, signal: ctx.signal });
}

async function openIozone(s: SuiteSettings, ctx: SessionContext): Promise<SuiteSession> {
  const suite = 'iozone' as const;
  const base = ctx.io.scratch.dir ?? s.iozone.scratchDir ?? DEFAULT_SCRATCH_DIR;
  const dir = iozoneScratchDir(base, ctx.runId, ctx.envId);
  const cells = iozoneCells(s.iozone, dir);
  const unavailable = (kind: string, message: string, facts?: SuiteSession['facts']): SuiteSession => ({
    suite,
    cells,
    unavailable: { kind, message },
    ...(facts ? { facts } : {}),
    close: noop,
  });
  const missing = await missingTools(ctx, IOZONE_TOOLS);
  if (missing.length) return unavailable('missing-tool', missingMessage(ctx.envId, suite, missing));

  // Where the scratch really lies, as the environment itself sees it.
  const probe = await exec(ctx, ctx.transport, SCRATCH_PROBE_SCRIPT, [base]);
  let scratch: ScratchFact;
  try {
    if (probe.exitCode !== 0) throw new Error(`exit ${probe.exitCode}: ${probe.output.trim().slice(0, 200)}`);
    scratch = parseScratchProbe(probe.output);
  } catch (err) {
    return unavailable(
      'setup',
      `iozone: cannot tell where the scratch folder ${base} lies in '${ctx.envId}': ${(err as Error).message}`,
    );
  }
  // The fingerprint keeps what stays the same run after run (not the device number).
  const facts = { scratch: { path: scratch.path, source: scratch.source, fstype: scratch.fstype } };
  if (isRamFs(scratch.fstype) && !ctx.io.scratch.allowRam) {
    return unavailable(
      'scratch-in-ram',
      `iozone: the scratch folder ${scratch.path} in '${ctx.envId}' lies on ${scratch.fstype} (${scratch.source}), i.e. in RAM: IOzone would measure memory, not the environment's disk. ${ctx.io.scratch.remedy}; or set allowRamScratch: true on the environment to measure RAM on purpose`,
      facts,
    );
  }
  const mk = await ctx.transport.exec(mkdirArgv(dir), { timeoutMs: PROBE_TIMEOUT_MS, signal: ctx.signal });
  if (mk.exitCode !== 0) {
    return unavailable('setup', `iozone: cannot create scratch folder ${dir}: ${mk.output.trim()}`, facts);
  }
  return {
    suite,
    cells,
    facts,
    ...(await diskCounters(ctx, scratch)),
    close: async () => {
      // Not tied to the run's signal: the scratch file must go also after a cancel.
      await ctx.transport.exec(removeArgv(dir), { timeoutMs: PROBE_TIMEOUT_MS });
    },
  };
}

/** The block device whose counters prove an IOzone cell: inside, or (docker) on the board. */
async function diskCounters(ctx: SessionContext, scratch: ScratchFact): Promise<{ counters?: CounterPlan }> {
  if (
    scratch.device &&
    (await exec(ctx, ctx.transport, BLOCK_STAT_SCRIPT, [scratch.device])).exitCode === 0
  ) {
    return { counters: { disk: { device: scratch.device, where: 'environment' } } };
  }
  const boardDir = ctx.io.scratch.boardDir;
  if (!boardDir) return {};
  const onBoard = await exec(ctx, ctx.board, SCRATCH_PROBE_SCRIPT, [boardDir]);
  try {
    const device = parseScratchProbe(onBoard.output).device;
    if (device && (await exec(ctx, ctx.board, BLOCK_STAT_SCRIPT, [device])).exitCode === 0) {
      return { counters: { disk: { device, where: 'board' } } };
    }
  } catch {
    // no counters: the cells still run, results.json notes what could not be read
  }
  return {};
}

async function openNetperf(s: SuiteSettings, ctx: SessionContext): Promise<SuiteSession> {
  const suite = 'netperf' as const;
  const n = s.netperf;
  const unavailable = (
    cells: CellSpec[],
    kind: string,
    message: string,
    facts?: SuiteSession['facts'],
  ): SuiteSession => ({
    suite,
    cells,
    unavailable: { kind, message },
    ...(facts ? { facts } : {}),
    close: noop,
  });
  let peer: PeerTarget;
  try {
    peer = await ctx.peer();
  } catch (err) {
    return unavailable(
      netperfCells(n, PLANNED_TARGET),
      'setup',
      `netperf: no peer for '${ctx.envId}': ${(err as Error).message}`,
    );
  }
  const cells = netperfCells(n, peer.address);
  const inside = peer.server?.on === 'environment';
  const missing = await missingTools(ctx, inside ? ['netperf', 'netserver'] : ['netperf']);
  if (missing.length) return unavailable(cells, 'missing-tool', missingMessage(ctx.envId, suite, missing));

  // The interface inside the environment that carries the traffic to the peer.
  const route = await exec(ctx, ctx.transport, ROUTE_PROBE_SCRIPT, []);
  const via = (route.exitCode === 0 ? routeVia(peer.address, route.output) : undefined) ?? 'unknown';
  const facts = { netperfPeer: { kind: peer.kind, address: peer.address, via } };
  if (peer.server) {
    const host: NetserverHost = inside
      ? { id: `env:${ctx.envId}`, name: ctx.envId, transport: ctx.transport }
      : ctx.netserverHost(peer.server.on as Exclude<NetserverSite, 'environment'>);
    try {
      await ctx.netservers.ensure(host, peer.server.listen, n.port);
    } catch (err) {
      return unavailable(cells, 'setup', `netperf: ${(err as Error).message}`, facts);
    }
  }
  return {
    suite,
    cells,
    facts,
    ...(via !== 'unknown'
      ? {
          counters: { nic: { via, ...(ctx.io.net.boardIface ? { boardIface: ctx.io.net.boardIface } : {}) } },
        }
      : {}),
    close: inside ? () => ctx.netservers.stop(`env:${ctx.envId}`) : noop,
  };
}
