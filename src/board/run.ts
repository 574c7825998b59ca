/**
 * The engine with board control: when the config names a switch strategy, the run holds
 * the board (locks), gives the engine `switchBootMode` as its hook, and — whatever
 * happens, failure and cancel included — puts the board back in its default mode.
 * Board-control logs go to OUT/logs/board/.
 */
import { join } from 'node:path';
import type { Config } from '../config/schema.js';
import { runBench, type RunOptions } from '../engine/run.js';
import type { Results } from '../results/schema.js';
import { LocalTransport } from '../transport/local.js';
import { SshTransport, sshHostFromConfig } from '../transport/ssh.js';
import { withBoard } from './controller.js';

export async function runBenchWithBoard(config: Config, options: RunOptions): Promise<Results> {
  const b = config.board;
  if (!b.switch || b.connection.type !== 'ssh') return runBench(config, options);
  const host = sshHostFromConfig(b.connection);
  return withBoard(
    {
      config: b,
      connect: () => new SshTransport(host),
      controller: new LocalTransport(),
      logDir: join(options.outDir, 'logs', 'board'),
      signal: options.signal,
      log: (line) => options.reporter?.info(line),
    },
    (controller) =>
      runBench(config, {
        ...options,
        restoreBootMode: false,
        switchBootMode: async (mode) => {
          await controller.switchBootMode(mode);
        },
      }),
  );
}
