/**
 * Per environment and suite, what must happen before the first cell and after the last:
 * required tools checked, the UnixBench tree located or built, IOzone's scratch folder
 * made and removed, netserver started and stopped. A suite that cannot run here yields
 * a reason; the engine records it as a failure of each of its cells.
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
import { netperfCells } from '../suites/netperf/command.js';
import {
  builtTreeProbes,
  sourceTreeProbes,
  unixbenchBuildArgv,
  unixbenchCells,
  unixbenchMissingMessage,
} from '../suites/unixbench/command.js';
import type { Transport } from '../transport/types.js';
import { Netserver } from './netserver.js';

export interface SessionContext {
  envId: string;
  runId: string;
  /** The environment's transport (with its `env` variables applied). */
  transport: Transport;
  /** Raw log path for a ref (e.g. `host/netperf/netserver`), and registration once written. */
  logFile(ref: string): string;
  registerLog(ref: string): Promise<void>;
  /** The board's netserver for `peer: board`, shared by the environments of a boot group. */
  boardNetserver(port: number, listen: string): Promise<void>;
  signal?: AbortSignal;
  info(line: string): void;
}

export interface SuiteSession {
  suite: SuiteId;
  cells: CellSpec[];
  /** Why no cell can run here (missing tool, no UnixBench tree, netserver down). */
  unavailable?: { kind: string; message: string };
  close(): Promise<void>;
}

const PROBE_TIMEOUT_MS = 30_000;

/** Cells for counting and ETA, before anything is known about the target. */
export function plannedCells(suite: SuiteId, s: SuiteSettings): CellSpec[] {
  switch (suite) {
    case 'hackbench':
      return hackbenchCells(s.hackbench);
    case 'unixbench':
      return unixbenchCells(s.unixbench, s.unixbench.path ?? s.unixbench.sourcePath ?? '.');
    case 'iozone':
      return iozoneCells(s.iozone, s.iozone.scratchDir);
    case 'netperf':
      return netperfCells(s.netperf);
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
    case 'iozone': {
      const dir = iozoneScratchDir(s.iozone, ctx.runId, ctx.envId);
      const cells = iozoneCells(s.iozone, dir);
      const missing = await missingTools(ctx, IOZONE_TOOLS);
      if (missing.length)
        return unavailable(cells, 'missing-tool', missingMessage(ctx.envId, suite, missing));
      const mk = await ctx.transport.exec(mkdirArgv(dir), {
        timeoutMs: PROBE_TIMEOUT_MS,
        signal: ctx.signal,
      });
      if (mk.exitCode !== 0) {
        return unavailable(
          cells,
          'setup',
          `iozone: cannot create scratch folder ${dir}: ${mk.output.trim()}`,
        );
      }
      return {
        suite,
        cells,
        close: async () => {
          // Not tied to the run's signal: the scratch file must go also after a cancel.
          await ctx.transport.exec(removeArgv(dir), { timeoutMs: PROBE_TIMEOUT_MS });
        },
      };
    }
    case 'netperf': {
      const n = s.netperf;
      const cells = netperfCells(n);
      const tools = n.peer === 'self' ? ['netperf', 'netserver'] : ['netperf'];
      const missing = await missingTools(ctx, tools);
      if (missing.length)
        return unavailable(cells, 'missing-tool', missingMessage(ctx.envId, suite, missing));
      if (n.peer === 'self') {
        const ref = `${ctx.envId}/netperf/netserver`;
        const server = new Netserver(ctx.transport, n.port, '127.0.0.1', ctx.logFile(ref));
        try {
          await server.start(ctx.signal);
        } catch (err) {
          await ctx.registerLog(ref);
          return unavailable(cells, 'setup', (err as Error).message);
        }
        ctx.info(`${ctx.envId}: netserver listening on 127.0.0.1:${n.port}`);
        return {
          suite,
          cells,
          close: async () => {
            await server.stop();
            await ctx.registerLog(ref);
          },
        };
      }
      if (n.peer.type === 'board') {
        try {
          await ctx.boardNetserver(n.port, n.peer.listen);
        } catch (err) {
          return unavailable(cells, 'setup', (err as Error).message);
        }
      }
      return { suite, cells, close: noop };
    }
    case 'unixbench': {
      const u = s.unixbench;
      const ok = async (probes: { argv: string[] }[]): Promise<boolean> => {
        for (const p of probes) {
          const r = await ctx.transport.exec(p.argv, { timeoutMs: PROBE_TIMEOUT_MS, signal: ctx.signal });
          if (r.exitCode !== 0) return false;
        }
        return true;
      };
      if (u.path && (await ok(builtTreeProbes(u.path))))
        return { suite, cells: unixbenchCells(u, u.path), close: noop };
      if (u.sourcePath && (await ok(sourceTreeProbes(u.sourcePath)))) {
        const cells = unixbenchCells(u, u.sourcePath);
        const missing = await missingTools(ctx, ['make', 'cc', 'perl']);
        if (missing.length) {
          return unavailable(
            cells,
            'missing-tool',
            `unixbench: cannot build ${u.sourcePath}: ${missing.join(', ')} not found in '${ctx.envId}'`,
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
        return { suite, cells, close: noop };
      }
      return unavailable(
        unixbenchCells(u, u.path ?? '.'),
        'missing-tool',
        unixbenchMissingMessage(u, ctx.envId),
      );
    }
  }
}
