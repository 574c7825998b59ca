/**
 * netperf omni output selectors: `-k` (KEY=value lines), `-o` (a CSV title line, then values)
 * and `-O` (four rows of column titles, then values). `-o`/`-O` print human titles, so the
 * selectors this parser uses are mapped back from their titles (nettest_omni.c).
 * An unknown selector prints an empty value (`56721.96,,`): empty values are absent, never 0.
 */

/** Human title (lower case, single spaces) → selector, for the selectors the parser reads. */
const TITLES: Record<string, string> = {
  throughput: 'THROUGHPUT',
  'throughput units': 'THROUGHPUT_UNITS',
  'elapsed time (sec)': 'ELAPSED_TIME',
  'request size bytes': 'REQUEST_SIZE',
  'response size bytes': 'RESPONSE_SIZE',
  'local send size': 'LOCAL_SEND_SIZE',
  'local recv size': 'LOCAL_RECV_SIZE',
  'remote send size': 'REMOTE_SEND_SIZE',
  'remote recv size': 'REMOTE_RECV_SIZE',
  protocol: 'PROTOCOL',
  direction: 'DIRECTION',
  'transaction rate tran/s': 'TRANSACTION_RATE',
  'confidence level percent': 'CONFIDENCE_LEVEL',
  'confidence width target': 'CONFIDENCE_INTERVAL',
  'confidence iterations run': 'CONFIDENCE_ITERATION',
  'throughput confidence width (%)': 'THROUGHPUT_CONFID',
  'minimum latency microseconds': 'MIN_LATENCY',
  'maximum latency microseconds': 'MAX_LATENCY',
  '50th percentile latency microseconds': 'P50_LATENCY',
  '90th percentile latency microseconds': 'P90_LATENCY',
  '99th percentile latency microseconds': 'P99_LATENCY',
  'mean latency microseconds': 'MEAN_LATENCY',
  'stddev latency microseconds': 'STDDEV_LATENCY',
};

export function selectorOfTitle(title: string): string | undefined {
  return TITLES[title.trim().replace(/\s+/g, ' ').toLowerCase()];
}

/** The latency selectors of `-j`; reported as extra metrics `netperf.<test>.<selector lower-case>`. */
export const LATENCY_SELECTORS = [
  'MIN_LATENCY',
  'MEAN_LATENCY',
  'P50_LATENCY',
  'P90_LATENCY',
  'P99_LATENCY',
  'MAX_LATENCY',
  'STDDEV_LATENCY',
] as const;

export const KV_LINE = /^([A-Z][A-Z0-9_]*)=(.*)$/;

export interface OmniRecord {
  values: Map<string, string>;
  /** Values printed without a title (unknown selectors), for a warning. */
  untitled: number;
}

function put(values: Map<string, string>, selector: string | undefined, raw: string | undefined): void {
  const v = raw?.trim();
  if (selector !== undefined && v !== undefined && v !== '') values.set(selector, v);
}

/** `-o`: a title line and a value line, both comma-separated. */
export function fromCsv(titleLine: string, valueLine: string): OmniRecord {
  const titles = titleLine.split(',');
  const fields = valueLine.split(',');
  const values = new Map<string, string>();
  titles.forEach((title, i) => put(values, selectorOfTitle(title), fields[i]));
  const untitled = Math.max(0, fields.length - titles.length);
  return { values, untitled };
}

/**
 * `-O`: titles stacked over up to four rows, each column left-aligned at the same position in
 * every row and top-aligned, so the words of the first row mark where the columns start.
 */
export function fromColumns(titleRows: string[], valueRow: string): OmniRecord {
  const first = titleRows[0] ?? '';
  const starts: number[] = [];
  for (let p = 0; p < first.length; p++) {
    if (first[p] !== ' ' && (p === 0 || first[p - 1] === ' ')) starts.push(p);
  }
  const values = new Map<string, string>();
  starts.forEach((s, i) => {
    const e = starts[i + 1] ?? Number.POSITIVE_INFINITY;
    const title = titleRows
      .map((r) => r.slice(s, e).trim())
      .filter((w) => w !== '')
      .join(' ');
    put(values, selectorOfTitle(title), valueRow.slice(s, e));
  });
  return { values, untitled: 0 };
}

/** `-k`: KEY=value lines; the selector names are printed as such. */
export function fromKeyValues(lines: string[]): OmniRecord {
  const values = new Map<string, string>();
  for (const line of lines) {
    const m = KV_LINE.exec(line.trim());
    if (m) put(values, m[1], m[2]);
  }
  return { values, untitled: 0 };
}
