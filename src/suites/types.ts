/**
 * The parser contract shared by every suite: a pure function from a raw log to samples
 * and warnings, or a typed `ParseError` naming the suite and (when it can) the line.
 */
import type { ParsedSample, SuiteId } from '../results/schema.js';
import type { NetperfTest } from './netperf/tests.js';

export interface ParseResult {
  suite: SuiteId;
  samples: ParsedSample[];
  /** Log-level warnings (e.g. IOzone's "Timer resolution is poor"), with line numbers. */
  warnings: string[];
}

/**
 * What the caller knows and the log cannot say (hackbench prints nothing about socket vs
 * pipe; netperf `-P 0` rows carry no test name). What the log states always wins.
 */
export interface ParseHints {
  ipc?: 'socket' | 'pipe' | 'inet';
  test?: NetperfTest;
}

export type Parser = (text: string, hints?: ParseHints) => ParseResult;

export class ParseError extends Error {
  override readonly name = 'ParseError';
  constructor(
    readonly suite: SuiteId,
    readonly reason: string,
    /** 1-based line number in the log, when the error points at one. */
    readonly line?: number,
  ) {
    super(`${suite}: ${line !== undefined ? `line ${line}: ` : ''}${reason}`);
  }
}
