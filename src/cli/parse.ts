/**
 * `parse --suite S FILE`: a raw log → JSON on stdout (DESIGN.md's contract); a log with no
 * result → exit 1 and a one-line reason on stderr (with the line number where it can point at one).
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { SuiteId } from '../results/schema.js';
import { NetperfTest } from '../suites/netperf/tests.js';
import { parsers } from '../suites/parsers.js';
import { ParseError, type ParseHints } from '../suites/types.js';
import { invoke, type Command } from './command.js';
import { EXIT } from './exit.js';
import { InputError, UsageError } from './spec.js';

const Ipc = z.enum(['socket', 'pipe', 'inet']);

export const parse: Command = {
  spec: {
    name: 'parse',
    brief: 'turn one raw log into samples (JSON)',
    summary:
      'Parse one raw log of a benchmark tool into samples: JSON on stdout ({ suite, samples: [{ metric, params, value, unit, better }], warnings }).',
    positionals: [{ name: 'FILE', description: 'the raw output of one run of the tool' }],
    options: [
      {
        name: 'suite',
        short: 's',
        type: 'string',
        value: SuiteId.options.join('|'),
        description: 'which tool wrote the log (required)',
      },
      {
        name: 'ipc',
        type: 'string',
        value: Ipc.options.join('|'),
        description: 'hackbench: the IPC the run used (its output does not say socket or pipe)',
      },
      {
        name: 'test',
        type: 'string',
        value: 'TEST',
        description: `netperf: the test of a log without a banner (-P 0): ${NetperfTest.options.join(', ')}`,
      },
    ],
    notes: [
      'Exit status: 0 parsed, 1 the log holds no result (the reason and the line on stderr), 2 usage error or unreadable FILE.',
    ],
    examples: ['arm-virt-bench parse --suite netperf logs/host/netperf/tcp_rr-r1x1.r0.log'],
  },
  async run({ values, positionals }) {
    const suite = SuiteId.safeParse(values['suite']);
    if (!suite.success) throw new UsageError(`--suite must be one of ${SuiteId.options.join(', ')}`);
    const hints: ParseHints = {};
    if (values['ipc'] !== undefined) {
      const ipc = Ipc.safeParse(values['ipc']);
      if (!ipc.success) throw new UsageError(`--ipc must be one of ${Ipc.options.join(', ')}`);
      hints.ipc = ipc.data;
    }
    if (values['test'] !== undefined) {
      const test = NetperfTest.safeParse(String(values['test']).toUpperCase());
      if (!test.success) throw new UsageError(`--test must be one of ${NetperfTest.options.join(', ')}`);
      hints.test = test.data;
    }
    const file = positionals[0]!;
    let text: string;
    try {
      text = await readFile(file, 'latin1');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new InputError(
        `${file}: cannot read: ${code === 'ENOENT' ? 'no such file' : (code ?? String(err))}`,
      );
    }
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
      return EXIT.ok;
    } catch (err) {
      if (err instanceof ParseError) {
        process.stderr.write(`arm-virt-bench parse: ${file}: ${err.message.replace(/\s+/g, ' ')}\n`);
        return EXIT.partial;
      }
      throw err;
    }
  },
};

export const parseCommand = (args: string[]): Promise<number> => invoke(parse, args);
