/**
 * The line shapes hackbench-like tools print, one regex per shape. Pure data, no logic.
 *
 * - rt-tests hackbench 0.8x–2.x (hackbench.c: `printf("Running in %s mode with %d groups using
 *   %d file descriptors each (== %d tasks)\n"`, then `Each sender will pass %d messages of %d bytes`,
 *   then `Time: %lu.%03lu`). The "file descriptors" figure is 2*num_fds (senders + receivers).
 * - the legacy hackbench.c (Rusty Russell / Ingo Molnar, LTP): `Running with %d*40 (== %d) tasks.`
 *   then `Time: %lu.%03lu`; it prints neither mode, loops nor message size.
 * - `perf bench sched messaging`: after the run `# %d sender and receiver %s per group`,
 *   `# %d groups == %d %s run`, then ` %14s: %lu.%03lu [sec]` with "Total time".
 */

export const RT_HEADER =
  /^Running in (process|threaded|thread) mode with (\d+) groups using (\d+) file descriptors each \(== (\d+) tasks\)$/;
export const RT_MESSAGES = /^Each sender will pass (\d+) messages of (\d+) bytes$/;
export const RT_TIME = /^Time: (\S+)$/;

export const LEGACY_HEADER = /^Running with (\d+)\*(\d+) \(== (\d+)\) tasks\.$/;

export const PERF_FDS = /^# (\d+) sender and receiver (processes|threads) per group$/;
export const PERF_GROUPS = /^# (\d+) groups == (\d+) (processes|threads) run$/;
export const PERF_TIME = /^Total time: (\S+) \[sec\]$/;

/** A kernel console line (`[   19.323438] ...`): noise in a serial log, never hackbench's. */
export const KERNEL_LINE = /^\[\s*\d+\.\d+\]/;

/**
 * Lines that mean the run did not complete normally. hackbench prints its option errors as
 * `argv[0]: ...` (so `/usr/bin/hackbench:` in a guest), `barf()`/`sneeze()` as `msg (error: strerror)`,
 * and on SIGINT/SIGTERM `Signal N caught, longjmp'ing out!` — after which it still prints a
 * `Time:` that measures an aborted run.
 */
export const ERROR_LINES: readonly RegExp[] = [
  /^(?:\S*\/)?hackbench: (?!\s*$)/,
  /\(error: [^)]*\)$/,
  /^Signal \d+ caught/,
  /^longjmp'ed out/,
  /^\*\* Operation aborted \*\*$/,
  /^No measurements available$/,
  /^sending SIGTERM to all child processes$/,
  /^-?\d+ children started\.\s+Expected \d+$/,
  /\b(?:fork|pthread_create|pthread_attr_\w+|socketpair|pipe|malloc|calloc)\b.*\b(?:[Ff]ailed|FAILED|[Ee]rror|ERROR)\b/,
  /^(?:Error|ERROR|Invalid|invalid)\b/,
  /^(?:\S*\/)?perf: /,
  /^\s*Error: /,
];

/** Usage/help text: an error only when nothing else in the log explains it. */
export const USAGE_LINES: readonly RegExp[] = [
  /^hackbench V [\d.]+$/,
  /^Usage:/,
  /^\s*Usage: (?:perf bench|hackbench)/,
];

// One alternation per list: a single regex pass per line instead of one per pattern (parse speed).
export const ERROR_LINE = new RegExp(ERROR_LINES.map((re) => `(?:${re.source})`).join('|'));
export const USAGE_LINE = new RegExp(USAGE_LINES.map((re) => `(?:${re.source})`).join('|'));
