/**
 * Quoting for a POSIX shell. ssh sends the remote command as one string that the remote
 * login shell parses, so every argv element is wrapped in single quotes, where nothing is
 * special except the single quote itself, which becomes '\'' (close, escaped quote, reopen).
 */

/** One argument, safe for sh/dash/bash/ash (not csh/fish). */
export function shQuote(arg: string): string {
  if (arg.includes('\0')) throw new Error('an argument cannot contain a NUL byte');
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** A whole argv as one command line for a POSIX shell. */
export function shJoin(argv: readonly string[]): string {
  return argv.map(shQuote).join(' ');
}
