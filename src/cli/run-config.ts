/** What `run` and `probe` share: the options that choose the config, the environments and the preset. */
import { loadConfigFile } from '../config/load.js';
import { PRESET_NAMES, type PresetName } from '../config/presets.js';
import type { Config } from '../config/schema.js';
import { localDefaultConfig } from '../engine/local-default.js';
import type { Reporter } from '../engine/reporter.js';
import { LocalTransport } from '../transport/local.js';
import { UsageError, type OptionSpec, type Values } from './spec.js';

export const CONFIG_OPTIONS: OptionSpec[] = [
  {
    name: 'config',
    short: 'c',
    type: 'string',
    value: 'FILE',
    description:
      'the board, its environments and the suites (YAML or JSON; docs/configuration.md). Without it: the embedded default for this machine (host, plus docker and a TCG guest when they are available)',
  },
  {
    name: 'env',
    short: 'e',
    type: 'string',
    value: 'LIST',
    description: 'only these environments, by id, comma-separated (e.g. host,docker)',
  },
  {
    name: 'preset',
    short: 'p',
    type: 'string',
    value: PRESET_NAMES.join('|'),
    description:
      "what to measure: paper (the paper's protocol, 10 runs), quick (a few minutes per environment, for PRs), test (the smallest run that exercises every tool); default: the config's preset, else quick",
  },
];

export function presetOf(values: Values): PresetName | undefined {
  const p = values['preset'];
  if (p === undefined) return undefined;
  if (!(PRESET_NAMES as readonly string[]).includes(String(p)))
    throw new UsageError(`--preset must be one of ${PRESET_NAMES.join(', ')} (got '${String(p)}')`);
  return p as PresetName;
}

export function envsOf(values: Values): string[] | undefined {
  const v = values['env'];
  if (v === undefined) return undefined;
  const list = String(v)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (list.length === 0) throw new UsageError('--env needs at least one environment id');
  return list;
}

/** The config file, or the embedded default for this machine (its findings go to `reporter`). */
export async function configOf(
  values: Values,
  envs: string[] | undefined,
  reporter: Reporter,
): Promise<Config> {
  if (typeof values['config'] === 'string') return loadConfigFile(values['config']);
  const d = await localDefaultConfig(new LocalTransport(), envs ? { only: envs } : {});
  reporter.info('no --config: using the embedded default for this machine');
  for (const s of d.skipped) reporter.info(`skipped ${s.env}: ${s.reason}`);
  for (const n of d.notes) reporter.info(n);
  return d.config;
}
