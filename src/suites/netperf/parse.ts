import { ParseError, type ParseResult } from '../types.js';

/** Placeholder until the netperf parser lands. */
export function parseNetperf(_text: string): ParseResult {
  throw new ParseError('netperf', 'parser not implemented yet');
}
