/**
 * The parser corpus: every capture under test/fixtures that is the output of one suite,
 * discovered at run time so that new fixtures (and the parsers of every suite) are picked up
 * by the fuzz test and the parse benchmark without editing them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { SuiteId } from '../../../src/results/schema.js';

export interface CorpusFile {
  suite: SuiteId;
  /** Path relative to test/fixtures. */
  path: string;
  text: string;
}

export const FIXTURES = 'test/fixtures';

/** Which suite's output a fixture directory holds; containers/ mixes hackbench, netperf and Docker. */
const DIRS: [string, (name: string) => SuiteId | undefined][] = [
  ['hackbench', () => 'hackbench'],
  ['guest', () => 'hackbench'],
  [
    'containers',
    (n) => (n.includes('hackbench') ? 'hackbench' : n.includes('netperf') ? 'netperf' : undefined),
  ],
  ['unixbench', () => 'unixbench'],
  ['iozone', () => 'iozone'],
  ['netperf', () => 'netperf'],
];

/** Commands, exit codes, notes, file lists, scripts and binary spreadsheets are not tool output. */
const NOT_OUTPUT = /\.(cmd|rc|md|tsv|list|sh|json|xls|gz|tar|cpio)$/i;

function walk(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

export function loadCorpus(): CorpusFile[] {
  const out: CorpusFile[] = [];
  for (const [dir, suiteOf] of DIRS) {
    for (const file of walk(join(FIXTURES, dir)).sort()) {
      const name = relative(join(FIXTURES, dir), file);
      if (NOT_OUTPUT.test(name)) continue;
      const suite = suiteOf(name);
      if (!suite) continue;
      // The CLI reads logs as latin1: every byte is one character, whatever the encoding.
      const text = readFileSync(file, 'latin1');
      if (text.includes('\u0000')) continue;
      out.push({ suite, path: relative(FIXTURES, file), text });
    }
  }
  return out;
}
