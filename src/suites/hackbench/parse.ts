import { ParseError, type ParseResult } from '../types.js';

/** Placeholder until the hackbench parser lands. */
export function parseHackbench(_text: string): ParseResult {
  throw new ParseError('hackbench', 'parser not implemented yet');
}
