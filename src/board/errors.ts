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
