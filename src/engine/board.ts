/** The board's transport from the config: local, or the system OpenSSH client. */
import type { BoardConfig } from '../config/board.js';
import { LocalTransport } from '../transport/local.js';
import { SshTransport, sshHostFromConfig, type SshHost } from '../transport/ssh.js';
import type { Transport } from '../transport/types.js';

export interface BoardSshDeps {
  /** Set when the board is reached over SSH (guests are then reached through it). */
  boardSsh?: SshHost;
}

export function boardDeps(board: BoardConfig): BoardSshDeps {
  return board.connection.type === 'ssh' ? { boardSsh: sshHostFromConfig(board.connection) } : {};
}

export async function createBoardTransport(board: BoardConfig): Promise<Transport> {
  if (board.connection.type === 'local') return new LocalTransport();
  return new SshTransport(sshHostFromConfig(board.connection));
}
