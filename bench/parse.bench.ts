/**
 * Parse throughput per suite. Each suite's fixtures (discovered at run time, see
 * test/unit/parsers/corpus.ts) are concatenated and repeated to exactly 1,000,000 characters
 * (latin1: one byte each), so the ops/s vitest prints for a suite IS its throughput in MB/s.
 * Goal: ≥ 50 MB/s. Run: npx vitest bench --run --project unit bench/parse.bench.ts
 */
import { bench, describe } from 'vitest';
import { SUITES } from '../src/results/schema.js';
import { parsers } from '../src/suites/parsers.js';
import { splitLines } from '../src/suites/text.js';
import { ParseError } from '../src/suites/types.js';
import { loadCorpus } from '../test/unit/parsers/corpus.js';

const BYTES = 1_000_000;
const corpus = loadCorpus();

describe('parse 1 MB of fixtures (ops/s = MB/s)', () => {
  // The floor: only the shared line splitter (src/suites/text.ts) over all suites' fixtures. It
  // puts the figures in proportion on a loaded machine.
  const all = corpus.map((f) => f.text).join('\n');
  const mixed = all.repeat(Math.ceil(BYTES / all.length)).slice(0, BYTES);
  bench('splitLines only (reference)', () => {
    splitLines(mixed);
  });

  for (const suite of SUITES) {
    const files = corpus.filter((c) => c.suite === suite);
    if (files.length === 0) continue;
    const one = files.map((f) => f.text).join('\n');
    const text = one.repeat(Math.ceil(BYTES / one.length)).slice(0, BYTES);
    const parse = parsers[suite];
    bench(`${suite} (${files.length} fixtures)`, () => {
      try {
        parse(text);
      } catch (err) {
        // A suite whose corpus has no result (or a placeholder parser) still measures the scan.
        if (!(err instanceof ParseError)) throw err;
      }
    });
  }
});
