import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { SuiteId } from '../results/schema.js';
import { parsers } from '../suites/parsers.js';
import { ParseError } from '../suites/types.js';

/** `parse --suite S FILE`: JSON on stdout; exit 1 with a one-line reason when no result. */
export async function parseCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { suite: { type: 'string' } },
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
  const file = positionals[0]!;
  const text = await readFile(file, 'latin1');
  try {
    const result = parsers[suite.data](text);
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
