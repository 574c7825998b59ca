/**
 * One run on a board, as the CLI and the action start it: board control when the board is
 * reached over SSH and either switches boot modes or gets code under test (lock, console,
 * boot switches, recovery, and the board put back at the end — after a failure or a cancel
 * too), the deployment of the code under test, then the engine.
 */
import { join } from 'node:path';
import { withBoard } from '../board/controller.js';
import type { Config } from '../config/schema.js';
import { prepareDeployment, type Deployment } from '../deploy/deployment.js';
import type { Results } from '../results/schema.js';
import { LocalTransport } from '../transport/local.js';
import { SshTransport, sshHostFromConfig } from '../transport/ssh.js';
import type { Transport } from '../transport/types.js';
import { createBoardTransport } from './board.js';
import { runBench, type RunOptions } from './run.js';

export interface BoardRunOptions extends Omit<
  RunOptions,
  'board' | 'switchBootMode' | 'restoreBootMode' | 'deployment'
> {
  /** Where the deploy section's workspace paths are relative to (default: the current directory). */
  workspace?: string;
  /** A name for the change under test, e.g. `PR #42` (the config's deploy.label wins). */
  changeLabel?: string;
  /** What board control is doing now (for cancel messages). */
  boardActivity?: (what: string) => void;
}

export async function runOnBoard(config: Config, options: BoardRunOptions): Promise<Results> {
  const connection = config.board.connection;
  const reporter = options.reporter;
  const deploying = (c: Config): c is Config & { deploy: NonNullable<Config['deploy']> } =>
    c.deploy !== undefined;
  const prepare = (board?: () => Transport): Promise<Deployment> | undefined =>
    deploying(config)
      ? prepareDeployment({
          config,
          workspace: options.workspace ?? process.cwd(),
          ...(options.gitSha ? { commit: options.gitSha } : {}),
          ...(options.changeLabel ? { label: options.changeLabel } : {}),
          outDir: options.outDir,
          ...(board ? { board } : {}),
          log: (l) => reporter?.info(l),
        })
      : undefined;

  if (connection.type === 'ssh' && (config.board.switch || config.deploy)) {
    // Hashing the workspace comes first: a missing build output is an error before the board is touched.
    const deployment = await prepare();
    return withBoard(
      {
        config: config.board,
        connect: () => new SshTransport(sshHostFromConfig(connection)),
        controller: new LocalTransport(),
        logDir: join(options.outDir, 'logs', 'board'),
        ...(reporter ? { log: (line: string) => reporter.info(line) } : {}),
        ...(options.boardActivity ? { activity: options.boardActivity } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      },
      async (board) => {
        deployment?.attach(board);
        return runBench(deployment ? deployment.applyTo(config) : config, {
          ...options,
          board: () => board.transport(),
          switchBootMode: async (mode) => {
            if (deployment) await deployment.enter(mode);
            else await board.switchBootMode(mode);
          },
          restoreBootMode: false,
          ...(deployment ? { deployment } : {}),
        });
      },
      (board) => (deployment ? deployment.restore(board) : board.restoreDefault()),
    );
  }

  // No board control: the engine opens the board itself; a deployment (environments only, the
  // schema makes sure) goes over a transport of its own.
  let transport: Transport | undefined;
  try {
    let deployment: Deployment | undefined;
    if (config.deploy) {
      transport = await createBoardTransport(config.board);
      const t = transport;
      deployment = await prepare(() => t);
    }
    return await runBench(deployment ? deployment.applyTo(config) : config, {
      ...options,
      ...(transport ? { board: transport } : {}),
      ...(deployment ? { deployment } : {}),
    });
  } finally {
    await transport?.close().catch(() => undefined);
  }
}
