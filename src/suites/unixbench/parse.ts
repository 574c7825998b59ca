import { ParseError, type ParseResult } from '../types.js';

/** Placeholder until the unixbench parser lands. */
export function parseUnixbench(_text: string): ParseResult {
  throw new ParseError('unixbench', 'parser not implemented yet');
}
