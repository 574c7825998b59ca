/** The board's transport from the config: local, or the system OpenSSH client. */
import type { BoardConfig } from '../config/board.js';
import { LocalTransport } from '../transport/local.js';
import type { EnvironmentDeps } from '../environments/registry.js';
import { SshTransport, sshHostFromConfig } from '../transport/ssh.js';
import type { Transport } from '../transport/types.js';

export function boardDeps(board: BoardConfig): EnvironmentDeps {
  return board.connection.type === 'ssh' ? { boardSsh: sshHostFromConfig(board.connection) } : {};
}

export async function createBoardTransport(board: BoardConfig): Promise<Transport> {
  if (board.connection.type === 'local') return new LocalTransport();
  return new SshTransport(sshHostFromConfig(board.connection));
}
