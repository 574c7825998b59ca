/**
 * `run [--config FILE] [--env LIST] [--preset quick|paper|test] [--out DIR]`:
 * DIR/results.json, DIR/logs/, DIR/report.md, DIR/report.html. Without --config, the
 * embedded default for the local machine. Progress on stderr, one line per cell.
 * SIGINT/SIGTERM cancel: the cell in flight is killed, teardown runs, results say cancelled.
 */
import { parseArgs } from 'node:util';
import { loadConfigFile } from '../config/load.js';
import { PRESET_NAMES, type PresetName } from '../config/presets.js';
import { localDefaultConfig } from '../engine/local-default.js';
import { lineReporter } from '../engine/reporter.js';
import { runBench } from '../engine/run.js';
import { LocalTransport } from '../transport/local.js';

export async function runCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      config: { type: 'string' },
      env: { type: 'string' },
      preset: { type: 'string' },
      out: { type: 'string', default: 'out' },
    },
    strict: true,
    allowPositionals: false,
  });
  const reporter = lineReporter((t) => process.stderr.write(t));
  if (values.preset !== undefined && !(PRESET_NAMES as readonly string[]).includes(values.preset)) {
    process.stderr.write(`run: --preset must be one of ${PRESET_NAMES.join(', ')}\n`);
    return 2;
  }
  const envs = values.env
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

  let config;
  if (values.config !== undefined) {
    config = await loadConfigFile(values.config);
  } else {
    const local = new LocalTransport();
    const d = await localDefaultConfig(local);
    reporter.info('no --config: using the embedded default for this machine');
    for (const s of d.skipped) reporter.info(`skipped ${s.env}: ${s.reason}`);
    for (const n of d.notes) reporter.info(n);
    config = d.config;
  }

  const controller = new AbortController();
  const onSignal = (sig: NodeJS.Signals): void => {
    if (controller.signal.aborted) return;
    process.stderr.write(
      `\n${sig}: cancelling — stopping the cell in flight, tearing down, keeping what was measured\n`,
    );
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const results = await runBench(config, {
      envs,
      preset: values.preset as PresetName | undefined,
      outDir: values.out!,
      signal: controller.signal,
      reporter,
      gitSha: process.env.GITHUB_SHA,
    });
    const status = results.run.status;
    if (status === 'cancelled') return 130;
    return status === 'complete' ? 0 : 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
