/**
 * Cross-suite fuzz test: every capture under test/fixtures that belongs to a suite (found at run
 * time, see corpus.ts), cut, with lines dropped or duplicated, bytes flipped and numbers turned
 * into nan/inf/negative, is given to that suite's parser (src/suites/parsers.ts). The parser must
 * return samples that satisfy the result schema (finite values, no negative time) or throw a
 * ParseError of its suite — nothing else. fast-check prints the seed of a failing case.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParsedSample, SUITES, type SuiteId } from '../../../src/results/schema.js';
import { parsers } from '../../../src/suites/parsers.js';
import { ParseError } from '../../../src/suites/types.js';
import { loadCorpus } from './corpus.js';

const corpus = loadCorpus();

/** Suites whose every metric is a non-negative quantity (times, throughputs, rates, latencies). */
const NON_NEGATIVE: ReadonlySet<SuiteId> = new Set(['hackbench', 'netperf']);

function check(suite: SuiteId, text: string): void {
  let result;
  try {
    result = parsers[suite](text);
  } catch (err) {
    if (!(err instanceof ParseError)) throw err;
    expect(err.suite).toBe(suite);
    if (err.line !== undefined) {
      expect(Number.isInteger(err.line) && err.line >= 1).toBe(true);
    }
    return;
  }
  expect(result.suite).toBe(suite);
  for (const s of result.samples) {
    ParsedSample.parse(s); // finite value, well-formed metric id and params
    expect(s.metric.startsWith(`${suite}.`)).toBe(true);
    if (s.unit === 's' || NON_NEGATIVE.has(suite)) expect(s.value).toBeGreaterThanOrEqual(0);
  }
  for (const w of result.warnings) expect(typeof w).toBe('string');
}

const NASTY_NUMBERS = [
  'nan',
  'NaN',
  '-nan',
  'inf',
  '-inf',
  'Infinity',
  '-1',
  '-0.001',
  '1e999',
  '99999999999999999999999',
  '',
  '0x1F',
  '1.2.3',
];

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'dropLines'; picks: number[] }
  | { kind: 'dupLine'; pick: number }
  | { kind: 'flip'; flips: [number, string][] }
  | { kind: 'number'; pick: number; by: string };

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fraction }),
  fc.record({
    kind: fc.constant('dropLines' as const),
    picks: fc.array(fraction, { minLength: 1, maxLength: 6 }),
  }),
  fc.record({ kind: fc.constant('dupLine' as const), pick: fraction }),
  fc.record({
    kind: fc.constant('flip' as const),
    flips: fc.array(
      fc.tuple(
        fraction,
        fc.oneof(
          fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)),
          fc.constantFrom('-', '.', 'e', '9', '0', ' ', '\n', '\r', ',', '=', ':', '\x1b', '(', '|'),
        ),
      ),
      { minLength: 1, maxLength: 12 },
    ),
  }),
  fc.record({ kind: fc.constant('number' as const), pick: fraction, by: fc.constantFrom(...NASTY_NUMBERS) }),
);

function apply(text: string, m: Mutation): string {
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, Math.floor(m.at * text.length));
    case 'dropLines': {
      const lines = text.split('\n');
      const drop = new Set(m.picks.map((p) => Math.floor(p * lines.length)));
      return lines.filter((_, i) => !drop.has(i)).join('\n');
    }
    case 'dupLine': {
      const lines = text.split('\n');
      const i = Math.floor(m.pick * lines.length);
      lines.splice(i, 0, lines[i] ?? '');
      return lines.join('\n');
    }
    case 'flip': {
      const chars = [...text];
      for (const [p, c] of m.flips) if (chars.length > 0) chars[Math.floor(p * chars.length)] = c;
      return chars.join('');
    }
    case 'number': {
      const numbers = [...text.matchAll(/\d+(?:\.\d+)?/g)];
      const hit = numbers[Math.floor(m.pick * numbers.length)];
      if (!hit) return text;
      return text.slice(0, hit.index) + m.by + text.slice(hit.index + hit[0].length);
    }
  }
}

// ~20 s in all on a busy 2-core machine; fast-check picks a new seed each run.
const RUNS_PER_SUITE = 250;

describe('parsers survive mangled fixtures', () => {
  it('finds fixtures for the suites', () => {
    const suites = new Set(corpus.map((c) => c.suite));
    // hackbench and netperf captures ship with this test; the other suites' when their parsers land.
    expect(suites.has('hackbench') && suites.has('netperf')).toBe(true);
  });

  for (const suite of SUITES) {
    const files = corpus.filter((c) => c.suite === suite);
    if (files.length === 0) continue;

    it(`${suite}: every unmodified fixture (${files.length}) parses or is a ParseError`, () => {
      for (const f of files) check(suite, f.text);
    });

    it(`${suite}: truncations, dropped/duplicated lines, flipped bytes, nasty numbers`, () => {
      fc.assert(
        fc.property(
          fc.nat({ max: files.length - 1 }),
          fc.array(mutation, { minLength: 1, maxLength: 3 }),
          (index, mutations) => {
            const text = mutations.reduce(apply, files[index]!.text);
            check(suite, text);
          },
        ),
        { numRuns: RUNS_PER_SUITE },
      );
    });
  }
});
