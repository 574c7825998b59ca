/**
 * Lines by which netperf says a test did not run. netperf prints them on stdout as well as
 * stderr (the control-connection error goes to stdout), so they appear in any capture.
 */
const ERROR_LINES: readonly RegExp[] = [
  // `establish control: are you sure there is a netserver listening on H at port P?`
  /^establish[ _]control\b/,
  /are you sure there is a netserver listening/,
  // `The test you requested (X) is unknown to this netperf.`
  /is unknown to this netperf/,
  // getopt, argument checks and most fatal paths: `netperf: invalid option -- 'Q'`, `netperf: ...`
  /^(?:\S*\/)?netperf: /,
  /^Usage: netperf\b/,
  // send_omni / recv_response / send_tcp_stream ...: `...: data send error: ...`, `... failed`
  /^[a-z_]+: .*\b(?:error|failed|errno)\b/i,
  /\bremote error \d+/i,
  /\bno response received\b/,
  /^Could not open output selection file/,
];

/** netperf's own warnings that do not stop a test but belong in the log's warnings. */
const WARNING_LINES: readonly RegExp[] = [
  /^Ignoring unknown output selector/,
  /^Cannot determine default test output/,
  /^There can be no more than \d+ output/,
];

export function isErrorLine(line: string): boolean {
  return ERROR_LINES.some((re) => re.test(line));
}

export function isWarningLine(line: string): boolean {
  return WARNING_LINES.some((re) => re.test(line));
}
