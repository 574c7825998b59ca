/**
 * Lines by which netperf says a test did not run. netperf prints them on stdout as well as
 * stderr (the control-connection error goes to stdout), so they appear in any capture.
 */
const ERROR_LINES: readonly RegExp[] = [
  // `establish control: are you sure there is a netserver listening on H at port P?`
  /^establish[ _]control\b/,
  // getopt, argument checks and most fatal paths: `netperf: invalid option -- 'Q'`, `netperf: ...`
  /^(?:\S*\/)?netperf: /,
  /^Usage: netperf\b/,
  // send_omni / recv_response / send_tcp_stream ...: `...: data send error: ...`, `... failed`
  /^[A-Za-z_]+: .*\b(?:[Ee]rror|ERROR|[Ff]ailed|FAILED|errno)\b/,
  /^Could not open output selection file/,
];

/** Fixed phrases found anywhere in a line. */
const ERROR_PHRASES: readonly string[] = [
  'are you sure there is a netserver listening',
  // `The test you requested (X) is unknown to this netperf.`
  'is unknown to this netperf',
  'emote error ',
  'no response received',
];

/** netperf's own warnings that do not stop a test but belong in the log's warnings. */
const WARNING_LINES: readonly RegExp[] = [
  /^Ignoring unknown output selector/,
  /^Cannot determine default test output/,
  /^There can be no more than \d+ output/,
];

// One anchored alternation per list, tried at the start of the line only, and plain substring
// searches for the phrases: a single cheap pass per line (parse speed).
const anchored = (list: readonly RegExp[]): RegExp =>
  new RegExp(`^(?:${list.map((re) => re.source.replace(/^\^/, '')).join('|')})`);
const ERROR = anchored(ERROR_LINES);
const WARNING = anchored(WARNING_LINES);

export function isErrorLine(line: string): boolean {
  return ERROR.test(line) || ERROR_PHRASES.some((p) => line.includes(p));
}

export function isWarningLine(line: string): boolean {
  return WARNING.test(line);
}
