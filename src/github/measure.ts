/**
 * What the run phase measures, and how: the config file when there is one; without one at the
 * default path, the runner's own machine with the embedded local default (as the CLI's `run`
 * without --config does); a config path the user chose that does not exist is an error. A
 * board with a boot-switch strategy or code to deploy is driven through board control (lock,
 * deploy, switch to Xen and back, recovery, back on the known-good), exactly as the CLI drives it.
 */
import { stat } from 'node:fs/promises';
import { normalize, resolve } from 'node:path';
import type { Config } from '../config/schema.js';
import type { Reporter } from '../engine/reporter.js';
import type { BoardRunOptions } from '../engine/board-run.js';
import type { Results } from '../results/schema.js';
import { LocalTransport } from '../transport/local.js';
import { loadConfigFile, runBench } from './deps.js';
import { INPUT_DEFAULTS } from './inputs.js';
import { escapeMarkdown } from '../report/escape.js';

/** The commented example config, in the arm-virt-bench repository. */
export const EXAMPLE_CONFIG = 'workflows-examples/arm-virt-bench.yml';

export interface RunConfig {
  config: Config;
  /** Where it came from, for the log and the summary (Markdown-safe: no outside text). */
  notes: string[];
  /** True when the embedded local default is measured (no config file). */
  localDefault: boolean;
}

export class MissingConfigError extends Error {
  override readonly name = 'MissingConfigError';
}

const exists = (p: string) =>
  stat(p).then(
    (s) => s.isFile(),
    () => false,
  );

/** `config` as the user wrote it is the default path (`./.github/arm-virt-bench.yml` too). */
function isDefaultPath(config: string): boolean {
  return normalize(config) === normalize(INPUT_DEFAULTS.config);
}

export async function resolveRunConfig(
  configInput: string,
  envs: readonly string[],
  reporter: Pick<Reporter, 'info'>,
): Promise<RunConfig> {
  const path = resolve(configInput);
  if (await exists(path)) return { config: await loadConfigFile(path), notes: [], localDefault: false };
  if (!isDefaultPath(configInput)) {
    throw new MissingConfigError(
      `input 'config': ${configInput} does not exist (looked for ${path}). Start from ${EXAMPLE_CONFIG} in the arm-virt-bench repository (one board over SSH), or leave 'config' unset to measure this runner's own machine.`,
    );
  }
  // Loaded only here: probing the machine (and building a guest) is not the common path.
  const { localDefaultConfig } = await import('../engine/local-default.js');
  const d = await localDefaultConfig(new LocalTransport(), envs.length > 0 ? { only: envs } : {});
  const envIds = d.config.environments
    .map((e) => e.id)
    .filter((id) => envs.length === 0 || envs.includes(id));
  const head = `No config file at \`${INPUT_DEFAULTS.config}\`: this run measured the runner's own machine with the embedded local default (${envIds.join(', ')}), as \`arm-virt-bench run\` does without --config. To measure a board, add a config there (start from \`${EXAMPLE_CONFIG}\`).`;
  // The reasons quote tool output (docker version) and paths: plain in the log, escaped for Markdown.
  const details = [...d.skipped.map((s) => `Left out ${s.env}: ${s.reason}`), ...d.notes];
  reporter.info(head);
  for (const line of details) reporter.info(line);
  return {
    config: d.config,
    notes: [head, ...details.map((line) => `${escapeMarkdown(line, 500)}.`)],
    localDefault: true,
  };
}

/**
 * Measure: through board control when the board switches boot modes or gets code under test
 * (deploy), else straight.
 */
export async function measure(
  config: Config,
  options: BoardRunOptions & { reporter: Reporter },
): Promise<Results> {
  const connection = config.board.connection;
  if (!config.deploy && (!config.board.switch || connection.type !== 'ssh')) return runBench(config, options);
  // Board control and deployment are loaded only when used (the action's cold start).
  const { runOnBoard } = await import('../engine/board-run.js');
  return runOnBoard(config, options);
}
