import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { SuiteId } from '../results/schema.js';
import { parsers } from '../suites/parsers.js';
import { ParseError, type ParseHints } from '../suites/types.js';
import { NetperfTest } from '../suites/netperf/tests.js';
import { z } from 'zod';

const Ipc = z.enum(['socket', 'pipe', 'inet']);

/** `parse --suite S FILE`: JSON on stdout; exit 1 with a one-line reason when no result. */
export async function parseCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { suite: { type: 'string' }, ipc: { type: 'string' }, test: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const suite = SuiteId.safeParse(values.suite);
  if (!suite.success) {
    process.stderr.write(`parse: --suite must be one of ${SuiteId.options.join(', ')}\n`);
    return 2;
  }
  if (positionals.length !== 1) {
    process.stderr.write('parse: exactly one FILE is needed\n');
    return 2;
  }
  // Hints for what a log cannot say: hackbench's socket/pipe/inet, netperf's test in -P 0 rows.
  const hints: ParseHints = {};
  if (values.ipc !== undefined) {
    const ipc = Ipc.safeParse(values.ipc);
    if (!ipc.success) {
      process.stderr.write(`parse: --ipc must be one of ${Ipc.options.join(', ')}\n`);
      return 2;
    }
    hints.ipc = ipc.data;
  }
  if (values.test !== undefined) {
    const test = NetperfTest.safeParse(values.test.toUpperCase());
    if (!test.success) {
      process.stderr.write(`parse: --test must be one of ${NetperfTest.options.join(', ')}\n`);
      return 2;
    }
    hints.test = test.data;
  }
  const file = positionals[0]!;
  const text = await readFile(file, 'latin1');
  try {
    const result = parsers[suite.data](text, hints);
    const out = {
      suite: result.suite,
      samples: result.samples.map(({ metric, params, value, unit, better, warnings }) => ({
        metric,
        params,
        value,
        unit,
        better,
        ...(warnings && warnings.length > 0 ? { warnings } : {}),
      })),
      warnings: result.warnings,
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof ParseError) {
      process.stderr.write(`${file}: ${err.message.replace(/\s+/g, ' ')}\n`);
      return 1;
    }
    throw err;
  }
}
