/**
 * IOzone's names for its tests, in each of its three layouts, mapped to the op part of the
 * metric ids (`iozone.<op>`, `iozone.throughput.<op>`; DESIGN.md). The first thirteen are
 * DESIGN's list; pwrite/pread and the mixed workload (-i 8..11) are kept under the same
 * naming rule rather than dropped.
 */

/** DESIGN's thirteen ops in the order IOzone prints its auto-mode table columns. */
export const IOZONE_OPS: readonly string[] = [
  'write',
  'rewrite',
  'read',
  'reread',
  'random_read',
  'random_write',
  'bkwd_read',
  'record_rewrite',
  'stride_read',
  'fwrite',
  'frewrite',
  'fread',
  'freread',
];

/** Auto-mode table: the two header lines' labels joined by a space, lower-cased. */
export const TABLE_COLUMNS: Record<string, string> = {
  write: 'write',
  rewrite: 'rewrite',
  read: 'read',
  reread: 'reread',
  're-read': 'reread',
  'random read': 'random_read',
  'random write': 'random_write',
  'bkwd read': 'bkwd_read',
  'record rewrite': 'record_rewrite',
  'stride read': 'stride_read',
  fwrite: 'fwrite',
  frewrite: 'frewrite',
  fread: 'fread',
  freread: 'freread',
};

/** The file-size column's label across versions (`kB` in 3.4xx+, `KB`/`Kbytes` before). */
export const FILE_SIZE_LABEL = /^(kB|KB|Kb|kb|Kbytes|KBytes|kbytes)$/;

/** `-R` report section titles, lower-cased, without the quotes and the word "report". */
export const REPORT_SECTIONS: Record<string, string> = {
  writer: 'write',
  're-writer': 'rewrite',
  reader: 'read',
  're-reader': 'reread',
  'random read': 'random_read',
  'random write': 'random_write',
  'backward read': 'bkwd_read',
  'record rewrite': 'record_rewrite',
  'stride read': 'stride_read',
  fwrite: 'fwrite',
  're-fwrite': 'frewrite',
  fread: 'fread',
  're-fread': 'freread',
  pwrite: 'pwrite',
  're-pwrite': 'repwrite',
  pread: 'pread',
  're-pread': 'repread',
};

/** Throughput mode (`-t`): the "Children see throughput for N <label>" labels. */
export const THROUGHPUT_LABELS: Record<string, string> = {
  'initial writers': 'write',
  rewriters: 'rewrite',
  readers: 'read',
  're-readers': 'reread',
  'reverse readers': 'bkwd_read',
  'stride readers': 'stride_read',
  'random readers': 'random_read',
  'random writers': 'random_write',
  'mixed workload': 'random_mix',
  'record rewriters': 'record_rewrite',
  fwriters: 'fwrite',
  're-fwriters': 'frewrite',
  freaders: 'fread',
  're-freaders': 'freread',
  'pwrite writers': 'pwrite',
  're-pwrite writers': 'repwrite',
  'pread readers': 'pread',
  're-pread readers': 'repread',
  'pwritev writers': 'pwritev',
  're-pwritev writers': 'repwritev',
  'preadv readers': 'preadv',
  're-preadv readers': 'repreadv',
};

/** A metric-id-safe slug for a label IOzone printed that the tables above lack. */
export function opSlug(label: string): string {
  const s = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return s === '' ? 'unnamed' : s;
}
