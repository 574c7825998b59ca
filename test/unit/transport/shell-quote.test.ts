import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shJoin, shQuote } from '../../../src/transport/shell-quote.js';

/** Let a real /bin/sh parse the quoted line and print each word NUL-terminated. */
function roundTrip(args: string[]): string[] {
  const out = execFileSync('/bin/sh', ['-c', `printf '%s\\0' ${shJoin(args)}`], { encoding: 'utf8' });
  return out.split('\0').slice(0, -1);
}

describe('shQuote', () => {
  it('wraps in single quotes and escapes single quotes', () => {
    expect(shQuote('')).toBe("''");
    expect(shQuote('a b')).toBe("'a b'");
    expect(shQuote("it's")).toBe("'it'\\''s'");
  });

  it('rejects NUL bytes', () => {
    expect(() => shQuote('a\0b')).toThrow(/NUL/);
  });

  it('survives hostile arguments through a real sh', () => {
    const hostile = [
      'with space',
      "single'quote",
      'double"quote',
      '$(touch /tmp/avb-pwned)',
      '`id`',
      'a; rm -rf /tmp/avb-nothing',
      'line1\nline2',
      '$HOME ${PATH}',
      '\\back\\slash',
      '*',
      '-n',
      '',
      '|&<>(){}!#~',
    ];
    expect(roundTrip(hostile)).toEqual(hostile);
  });

  it('round-trips arbitrary strings (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ unit: 'binary-ascii' }).filter((s) => !s.includes('\0')),
          { minLength: 1, maxLength: 5 },
        ),
        (args) => {
          expect(roundTrip(args)).toEqual(args);
        },
      ),
      { numRuns: 40 },
    );
  });
});
