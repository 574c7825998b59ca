import type { TransportError } from '../transport/types.js';

/** Board-control failures. Each names the log files that tell the whole story. */
export class BoardError extends Error {
  override readonly name: string = 'BoardError';
  constructor(
    message: string,
    /** Logs kept for this failure (board.log, probes, console, power-cycle output). */
    readonly logs: string[] = [],
  ) {
    super(logs.length > 0 ? `${message} (logs: ${logs.join(', ')})` : message);
  }
}

/** The board did not answer SSH within the boot timeout, power-cycles included. */
export class BoardUnreachableError extends BoardError {
  override readonly name = 'BoardUnreachableError';
}

/** The board came back, but not in the mode that was asked for. */
export class BootSwitchError extends BoardError {
  override readonly name = 'BootSwitchError';
}

/**
 * The board answered, but refused us in a way no wait or power-cycle can fix: its host key
 * does not match known_hosts, or it does not accept our key. A configuration error (the CLI
 * exits 2); the message ends with the transport's own reason.
 */
export class BoardConfigError extends BoardError {
  override readonly name = 'BoardConfigError';
}

/** The BoardConfigError for a refused connection: what is wrong, then the transport's reason. */
export function refusal(board: string, e: TransportError): BoardConfigError {
  const what =
    e.failure === 'host-key'
      ? 'its host key is not the one in knownHosts'
      : 'it does not accept the configured key (identityFile/identityEnv)';
  return new BoardConfigError(
    `board ${board} answers but refuses the connection: ${what}; neither waiting nor a power-cycle can fix that. ${e.message}`,
  );
}

/** The run was cancelled while board control waited (the message says for what). */
export class BoardCancelledError extends BoardError {
  override readonly name = 'BoardCancelledError';
}
