/**
 * hackbench parser: rt-tests hackbench 0.8x–2.x, the legacy hackbench.c and
 * `perf bench sched messaging`, alone or buried in a serial console log, one or many runs.
 * Pure: text in, samples out (see formats.ts for the shapes it reads).
 */
import { z } from 'zod';
import type { ParsedSample, Params } from '../../results/schema.js';
import { splitLines, toNumber } from '../text.js';
import { ParseError, type ParseResult } from '../types.js';
import {
  ERROR_LINE,
  KERNEL_LINE,
  LEGACY_HEADER,
  PERF_FDS,
  PERF_GROUPS,
  PERF_TIME,
  RT_HEADER,
  RT_MESSAGES,
  RT_TIME,
  USAGE_LINE,
} from './formats.js';

/**
 * What the caller knows and the log cannot say. hackbench prints nothing about the IPC
 * (socket, `-p` pipe, `-i` inet TCP): the three runs print identical lines, so `ipc` is a param
 * only when the caller passes it. Params the log does state always come from the log.
 */
export const HackbenchContext = z
  .object({
    ipc: z.enum(['socket', 'pipe', 'inet']).optional(),
  })
  .strict();
export type HackbenchContext = z.infer<typeof HackbenchContext>;

type Format = 'rt' | 'legacy' | 'perf';

interface Run {
  format: Format;
  /** 1-based line of the header that opened the run. */
  line: number;
  params: Params;
  /** Set when a line inside the run says it failed or was interrupted. */
  aborted?: string;
}

interface Problem {
  line: number;
  text: string;
  usage: boolean;
}

const MAX_REASON = 200;

function clip(s: string): string {
  return s.length > MAX_REASON ? `${s.slice(0, MAX_REASON)}…` : s;
}

function int(s: string | undefined): number | undefined {
  const n = toNumber(s);
  return n !== undefined && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/** Params in a stable order, without the ones nobody knows. */
function params(entries: [string, string | number | undefined][]): Params {
  const out: Params = {};
  for (const [k, v] of entries) if (v !== undefined) out[k] = v;
  return out;
}

export function parseHackbench(text: string, context: HackbenchContext = {}): ParseResult {
  const ctx = HackbenchContext.parse(context);
  const lines = splitLines(text);
  const samples: ParsedSample[] = [];
  const warnings: string[] = [];
  const problems: Problem[] = [];
  let run: Run | undefined;
  let lastWasProblem = false;
  /** The first run that yielded no sample, and why: the ParseError when nothing else explains it. */
  let dropped: { line: number; reason: string } | undefined;

  const drop = (line: number, reason: string): void => {
    warnings.push(`line ${line}: ${reason}`);
    dropped ??= { line, reason };
  };

  const open = (next: Run): void => {
    if (run) drop(run.line, 'run has no time line (cut short?); ignored');
    run = next;
  };

  const finish = (raw: string, lineNo: number, format: Format): void => {
    const current = run;
    run = undefined;
    if (!current || current.format !== format) {
      drop(lineNo, 'time line without a run header before it; ignored');
      return;
    }
    if (current.aborted !== undefined) {
      drop(current.line, `run ignored: ${current.aborted}`);
      return;
    }
    const value = toNumber(raw);
    if (value === undefined || value < 0) {
      drop(lineNo, `'${clip(raw)}' is not a time; run ignored`);
      return;
    }
    // hackbench prints milliseconds: 0.000 is no measurement (a run below the resolution, or a
    // broken one), and a zero time would make every ratio against it undefined.
    if (value === 0) {
      drop(
        lineNo,
        `'${clip(raw)}' is a zero time (below hackbench's 1 ms resolution: raise loops); run ignored`,
      );
      return;
    }
    if (current.format === 'rt' && current.params.loops === undefined) {
      warnings.push(`line ${current.line}: no 'Each sender will pass' line: loops and datasize unknown`);
    }
    const { groups, fds, tasks } = current.params;
    if (typeof groups === 'number' && typeof fds === 'number' && typeof tasks === 'number') {
      if (groups * fds !== tasks) {
        warnings.push(`line ${current.line}: ${groups} groups × ${fds} fds ≠ ${tasks} tasks`);
      }
    }
    samples.push({ metric: 'hackbench.time', params: current.params, value, unit: 's', better: 'lower' });
  };

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const t = lines[i]!.trim();
    if (t === '' || KERNEL_LINE.test(t)) continue;

    // Each result line starts with its own letter: try only the regexes that can match (parse speed).
    const c = t.charAt(0);
    let m: RegExpExecArray | null = null;
    if (c === 'R' && (m = RT_HEADER.exec(t))) {
      open({
        format: 'rt',
        line: lineNo,
        params: params([
          ['mode', m[1] === 'process' ? 'process' : 'thread'],
          ['ipc', ctx.ipc],
          ['groups', int(m[2])],
          ['fds', int(m[3])],
          ['tasks', int(m[4])],
        ]),
      });
    } else if (c === 'E' && (m = RT_MESSAGES.exec(t))) {
      if (run?.format === 'rt') {
        const { tasks, ...rest } = run.params;
        // Re-insert tasks last so the params read in the order of DESIGN.md's table.
        run.params = params([
          ...(Object.entries(rest) as [string, string | number][]),
          ['loops', int(m[1])],
          ['datasize', int(m[2])],
          ['tasks', tasks],
        ]);
      }
    } else if (c === 'T' && (m = RT_TIME.exec(t))) {
      finish(m[1]!, lineNo, run?.format === 'legacy' ? 'legacy' : 'rt');
    } else if (c === 'R' && (m = LEGACY_HEADER.exec(t))) {
      open({
        format: 'legacy',
        line: lineNo,
        params: params([
          ['ipc', ctx.ipc],
          ['groups', int(m[1])],
          ['fds', int(m[2])],
          ['tasks', int(m[3])],
        ]),
      });
    } else if (c === '#' && (m = PERF_FDS.exec(t))) {
      const senders = int(m[1]);
      open({
        format: 'perf',
        line: lineNo,
        params: params([
          ['mode', m[2] === 'threads' ? 'thread' : 'process'],
          ['ipc', ctx.ipc],
          // perf prints senders per group; hackbench's "file descriptors" are senders + receivers.
          ['fds', senders === undefined ? undefined : senders * 2],
        ]),
      });
    } else if (c === '#' && (m = PERF_GROUPS.exec(t))) {
      if (run?.format === 'perf') {
        const { mode, ipc, fds } = run.params;
        run.params = params([
          ['mode', mode],
          ['ipc', ipc],
          ['groups', int(m[1])],
          ['fds', fds],
          ['tasks', int(m[2])],
        ]);
      }
    } else if (c === 'T' && (m = PERF_TIME.exec(t))) {
      finish(m[1]!, lineNo, 'perf');
    } else if (ERROR_LINE.test(t)) {
      problems.push({ line: lineNo, text: t, usage: false });
      if (run && run.aborted === undefined) run.aborted = `line ${lineNo}: ${clip(t)}`;
      lastWasProblem = true;
      continue;
    } else if (USAGE_LINE.test(t)) {
      // A usage block follows its error line; only a bare usage text (e.g. --help) is a problem.
      if (!lastWasProblem) problems.push({ line: lineNo, text: t, usage: true });
      lastWasProblem = true;
      continue;
    }
    lastWasProblem = false;
  }
  if (run) drop(run.line, 'run has no time line (cut short?); ignored');

  if (samples.length === 0) {
    const first = problems.find((p) => !p.usage) ?? problems[0];
    if (first) {
      const reason = first.usage
        ? `usage text instead of a result: ${clip(first.text)}`
        : `hackbench failed: ${clip(first.text)}`;
      throw new ParseError('hackbench', reason, first.line);
    }
    if (dropped) throw new ParseError('hackbench', dropped.reason, dropped.line);
    throw new ParseError('hackbench', "no hackbench result (no 'Time:' or 'Total time:' line)");
  }
  for (const p of problems) warnings.push(`line ${p.line}: ${clip(p.text)}`);
  return { suite: 'hackbench', samples, warnings };
}
