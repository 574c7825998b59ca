import { describe, expect, it } from 'vitest';
import { splitLines, toNumber } from '../../../src/suites/text.js';

describe('splitLines', () => {
  it('ends lines at LF only (line numbers as grep -n), drops CRLF, ANSI and NUL', () => {
    expect(splitLines('a\r\nb\r\r\nc')).toEqual(['a', 'b', 'c']);
    expect(splitLines('\x1b[2J\x1b[01;01Hboot\u0000 ok\n')).toEqual(['boot ok', '']);
  });
  it('keeps what shows after a lone CR (progress lines overwritten in place)', () => {
    expect(splitLines('Probing 10%\rProbing 100%\nTime: 1.5')).toEqual(['Probing 100%', 'Time: 1.5']);
  });
});

describe('toNumber', () => {
  it('reads finite decimals and exponents, nothing else', () => {
    expect(toNumber(' 12.5 ')).toBe(12.5);
    expect(toNumber('1e3')).toBe(1000);
    expect(toNumber('1e999')).toBeUndefined();
    expect(toNumber('12abc')).toBeUndefined();
    expect(toNumber('')).toBeUndefined();
    expect(toNumber(undefined)).toBeUndefined();
  });
});
