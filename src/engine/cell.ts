/**
 * One cell, once: run its argv through the environment's transport with the cell
 * timeout, stream the raw output to its log, hash the log, and turn the outcome into
 * samples or one failure with a clear reason. Never throws for the cell's own problems.
 */
import { rm } from 'node:fs/promises';
import type { ResultsStore } from '../results/store.js';
import type { CellSpec } from '../suites/command.js';
import { parsers } from '../suites/parsers.js';
import { ParseError } from '../suites/types.js';
import type { ExecResult, Transport } from '../transport/types.js';

export interface CellRun {
  store: ResultsStore;
  envId: string;
  transport: Transport;
  cell: CellSpec;
  round: number;
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface CellOutcome {
  status: 'ok' | 'failed' | 'cancelled';
  message?: string;
  samples: number;
  durationMs: number;
}

export function logRefFor(envId: string, cell: Pick<CellSpec, 'suite' | 'key'>, round: number): string {
  return `${envId}/${cell.suite}/${cell.key}.r${round}`;
}

function lastLines(text: string, n = 3): string {
  return text.trim().split('\n').slice(-n).join(' | ').slice(0, 400);
}

export async function runCell(run: CellRun): Promise<CellOutcome> {
  const { store, envId, cell, round } = run;
  const ref = logRefFor(envId, cell, round);
  const logPath = store.logFile(ref);
  await rm(logPath, { force: true });
  const t0 = performance.now();
  const fail = async (
    kind: string,
    message: string,
    status: 'failed' | 'cancelled' = 'failed',
  ): Promise<CellOutcome> => {
    store.addFailure({ env: envId, suite: cell.suite, params: cell.params, round, message, log: ref, kind });
    return { status, message, samples: 0, durationMs: performance.now() - t0 };
  };

  let r: ExecResult;
  try {
    r = await run.transport.exec(cell.argv, {
      timeoutMs: run.timeoutMs,
      logPath,
      signal: run.signal,
      ...(cell.cwd ? { cwd: cell.cwd } : {}),
      ...(cell.env ? { env: cell.env } : {}),
    });
  } catch (err) {
    await store.registerLog(ref);
    return fail('transport', `${cell.argv[0]}: ${run.transport.description}: ${(err as Error).message}`);
  } finally {
    // Registered also for failures: the raw log is the evidence.
  }
  await store.registerLog(ref);
  const prog = cell.argv[0]!;
  if (r.cancelled)
    return fail('cancelled', `${prog}: cancelled after ${(r.durationMs / 1000).toFixed(1)}s`, 'cancelled');
  if (r.timedOut) {
    return fail('timeout', `${prog}: killed at the cell timeout (${run.timeoutMs / 1000}s)`);
  }
  if (r.exitCode === 127) {
    return fail(
      'missing-tool',
      `${prog}: not found in environment '${envId}' (exit 127): ${lastLines(r.output, 1)}`,
    );
  }
  if (r.exitCode !== 0) {
    return fail('exit', `${prog} exited with status ${r.exitCode}: ${lastLines(r.output)}`);
  }
  try {
    const parsed = parsers[cell.suite](r.output, cell.hints);
    if (parsed.samples.length === 0) return fail('parse', `${cell.suite}: no result in the output`);
    for (const s of parsed.samples) store.addSample({ ...s, env: envId, suite: cell.suite, round, log: ref });
    return { status: 'ok', samples: parsed.samples.length, durationMs: performance.now() - t0 };
  } catch (err) {
    if (err instanceof ParseError) return fail('parse', err.message);
    return fail('parse', `${cell.suite} parser crashed: ${(err as Error).message}`);
  }
}
