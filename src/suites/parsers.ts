/** The parser of each suite, by suite id. A new suite adds its folder and one line here. */
import type { SuiteId } from '../results/schema.js';
import type { Parser } from './types.js';
import { parseHackbench } from './hackbench/parse.js';
import { parseUnixbench } from './unixbench/parse.js';
import { parseIozone } from './iozone/parse.js';
import { parseNetperf } from './netperf/parse.js';

export const parsers: Record<SuiteId, Parser> = {
  hackbench: (text, hints) => parseHackbench(text, hints?.ipc ? { ipc: hints.ipc } : {}),
  unixbench: (text) => parseUnixbench(text),
  iozone: (text) => parseIozone(text),
  netperf: (text, hints) => parseNetperf(text, hints?.test ? { test: hints.test } : {}),
};
