import { ParseError, type ParseResult } from '../types.js';

/** Placeholder until the iozone parser lands. */
export function parseIozone(_text: string): ParseResult {
  throw new ParseError('iozone', 'parser not implemented yet');
}
