/**
 * `run [--config FILE] [--env LIST] [--preset quick|paper|test] [--out DIR]`: measure.
 * DIR/results.json, DIR/logs/, DIR/report.md, DIR/report.html, DIR/report.csv,
 * DIR/analysis.json. Progress on stderr, one line per cell. SIGINT/SIGTERM cancel: the cell
 * in flight is killed, teardown runs, the results say cancelled and the message says what was
 * cancelled; a second signal exits at once.
 */
import { join } from 'node:path';
import { BoardCancelledError } from '../board/errors.js';
import { readResultsFile } from '../report/write.js';
import { runOnBoard } from '../engine/board-run.js';
import { lineReporter, type Reporter } from '../engine/reporter.js';
import { resolveRun } from '../engine/run.js';
import { invoke, PROGRAM, type Command } from './command.js';
import { EXIT } from './exit.js';
import { probeBoard } from './probe.js';
import { CONFIG_OPTIONS, configOf, envsOf, presetOf } from './run-config.js';

export const OUTPUT_FILES_NOTE =
  'Writes into DIR: results.json (every sample, failure and fingerprint; rewritten after each cell), logs/ (the raw output of every cell, board control and environment), report.md, report.html, report.csv and analysis.json.';

export const run: Command = {
  spec: {
    name: 'run',
    brief: "measure the board's environments and report",
    summary:
      'Measure: the suites in every environment of the board (host, docker, kvm, xen-dom0, xen-domu), round by round, and write the results and the reports.',
    options: [
      ...CONFIG_OPTIONS,
      {
        name: 'out',
        short: 'o',
        type: 'string',
        value: 'DIR',
        default: 'out',
        description: 'where results, logs and reports go',
      },
      {
        name: 'baseline',
        short: 'b',
        type: 'string',
        value: 'A.json',
        description: "a previous run's results.json: the report compares with it",
      },
      {
        name: 'dry-run',
        short: 'n',
        type: 'boolean',
        description:
          'check the config, reach and fingerprint the board, list the cells with their estimated time, measure nothing (as `probe`)',
      },
    ],
    notes: [
      OUTPUT_FILES_NOTE,
      'Exit status: 0 complete, 1 partial (failures or skipped environments: see the report), 2 usage or configuration error (nothing measured: bad config, unknown environment, nothing to measure, the board refused the host key or the ssh key), 130 cancelled.',
    ],
    examples: [
      'arm-virt-bench run --out out                      # this machine, embedded default',
      'arm-virt-bench run --config lab/board.yml --preset quick --out out',
      'arm-virt-bench run --config board.yml --env host,kvm --dry-run',
    ],
  },
  async run({ values }) {
    const preset = presetOf(values);
    const envs = envsOf(values);
    const outDir = typeof values['out'] === 'string' ? values['out'] : 'out';
    let activity = 'starting';
    const lines = lineReporter((t) => process.stderr.write(t));
    const reporter: Reporter = {
      ...lines,
      activity: (what) => {
        activity = what;
      },
    };
    const config = await configOf(values, envs, reporter);
    if (values['dry-run'] === true) return probeBoard(config, { envs, preset });
    // Refused before any signal handler, board contact or output folder.
    resolveRun(config, { envs, preset });
    const baseline =
      typeof values['baseline'] === 'string' ? await readResultsFile(values['baseline']) : undefined;

    const controller = new AbortController();
    const onSignal = (sig: NodeJS.Signals): void => {
      if (controller.signal.aborted) {
        process.stderr.write(
          `\n${sig} again: exiting now without teardown (the next run on this board removes what is left)\n`,
        );
        process.exit(EXIT.cancelled);
      }
      process.stderr.write(
        `\n${sig}: cancelling — stopping ${activity}, then tearing down what was started; what was measured is kept (${sig} again exits at once)\n`,
      );
      controller.abort();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
      const base = {
        envs,
        preset,
        outDir,
        signal: controller.signal,
        reporter,
        gitSha: process.env['GITHUB_SHA'],
        ...(baseline ? { baseline } : {}),
      };
      // Board control (over ssh, with a switch strategy or code to deploy) owns the connection
      // (replaced after each reboot), deploys the code under test, switches modes, and puts the
      // board back on its known-good default at the end.
      const results = await runOnBoard(config, {
        ...base,
        boardActivity: (what) => {
          activity = what;
        },
      });
      const status = results.run.status;
      if (status === 'cancelled') {
        process.stderr.write(
          `${PROGRAM} run: cancelled while ${activity}; ${results.samples.length} samples kept in ${join(outDir, 'results.json')}\n`,
        );
        return EXIT.cancelled;
      }
      return status === 'complete' ? EXIT.ok : EXIT.partial;
    } catch (err) {
      if (controller.signal.aborted || err instanceof BoardCancelledError) {
        const why = err instanceof BoardCancelledError ? err.message : `cancelled while ${activity}`;
        process.stderr.write(`${PROGRAM} run: ${why}\n`);
        return EXIT.cancelled;
      }
      throw err;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  },
};

export const runCommand = (args: string[]): Promise<number> => invoke(run, args);
