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
import { withBoard } from '../board/controller.js';
import { LocalTransport } from '../transport/local.js';
import { SshTransport, sshHostFromConfig } from '../transport/ssh.js';
import { join } from 'node:path';

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
    const d = await localDefaultConfig(local, envs ? { only: envs } : {});
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
    const base = {
      envs,
      preset: values.preset as PresetName | undefined,
      outDir: values.out!,
      signal: controller.signal,
      reporter,
      gitSha: process.env.GITHUB_SHA,
    };
    const connection = config.board.connection;
    // With a switch strategy, board control owns the connection (replaced after each
    // reboot), switches modes, and puts the board back in its default mode at the end.
    const results =
      config.board.switch && connection.type === 'ssh'
        ? await withBoard(
            {
              config: config.board,
              connect: () => new SshTransport(sshHostFromConfig(connection)),
              controller: new LocalTransport(),
              logDir: join(values.out!, 'logs', 'board'),
              log: (line) => reporter.info(line),
              signal: controller.signal,
            },
            (board) =>
              runBench(config, {
                ...base,
                board: () => board.transport(),
                switchBootMode: async (mode) => {
                  await board.switchBootMode(mode);
                },
                restoreBootMode: false,
              }),
          )
        : await runBench(config, base);
    const status = results.run.status;
    if (status === 'cancelled') return 130;
    return status === 'complete' ? 0 : 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
