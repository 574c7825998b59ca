/**
 * UnixBench's test descriptions (the `logmsg` of each test in byte-UnixBench's `Run`
 * script, which is what the report prints) mapped to its own short test names (what
 * `Run` accepts on its command line), with the unit the test reports.
 * Covers 5.1.x and 6.0.0 (same list), plus the 4.x/3.x spellings that differ.
 */

export interface UnixbenchTest {
  /** UnixBench's short name: the `<test>` of `unixbench.<test>`. */
  name: string;
  /** The label `Run` prints after the score. */
  unit: string;
}

const T = (name: string, unit: string): UnixbenchTest => ({ name, unit });

const BY_DESCRIPTION: Record<string, UnixbenchTest> = {
  // System Benchmarks (the index tests and the other system ones)
  'dhrystone 2 using register variables': T('dhry2reg', 'lps'),
  'double-precision whetstone': T('whetstone-double', 'MWIPS'),
  'execl throughput': T('execl', 'lps'),
  'file copy 1024 bufsize 2000 maxblocks': T('fstime', 'KBps'),
  'file read 1024 bufsize 2000 maxblocks': T('fstime-r', 'KBps'),
  'file write 1024 bufsize 2000 maxblocks': T('fstime-w', 'KBps'),
  'file copy 256 bufsize 500 maxblocks': T('fsbuffer', 'KBps'),
  'file read 256 bufsize 500 maxblocks': T('fsbuffer-r', 'KBps'),
  'file write 256 bufsize 500 maxblocks': T('fsbuffer-w', 'KBps'),
  'file copy 4096 bufsize 8000 maxblocks': T('fsdisk', 'KBps'),
  'file read 4096 bufsize 8000 maxblocks': T('fsdisk-r', 'KBps'),
  'file write 4096 bufsize 8000 maxblocks': T('fsdisk-w', 'KBps'),
  'pipe throughput': T('pipe', 'lps'),
  'pipe-based context switching': T('context1', 'lps'),
  'process creation': T('spawn', 'lps'),
  'shell scripts (1 concurrent)': T('shell1', 'lpm'),
  'shell scripts (8 concurrent)': T('shell8', 'lpm'),
  'shell scripts (16 concurrent)': T('shell16', 'lpm'),
  'system call overhead': T('syscall', 'lps'),
  // Non-index benchmarks
  arithoh: T('arithoh', 'lps'),
  'arithmetic test (short)': T('short', 'lps'),
  'arithmetic test (int)': T('int', 'lps'),
  'arithmetic test (long)': T('long', 'lps'),
  'arithmetic test (float)': T('float', 'lps'),
  'arithmetic test (double)': T('double', 'lps'),
  'dc: sqrt(2) to 99 decimal places': T('dc', 'lpm'),
  'recursion test -- tower of hanoi': T('hanoi', 'lps'),
  "grep a large file (system's grep)": T('grep', 'lpm'),
  'exec system call overhead': T('sysexec', 'lps'),
  // Graphics (never run by this project, but named if a log holds them)
  '2d graphics: rectangles': T('2d-rects', 'lps'),
  '2d graphics: lines': T('2d-lines', 'lps'),
  '2d graphics: circles': T('2d-circle', 'lps'),
  '2d graphics: ellipses': T('2d-ellipse', 'lps'),
  '2d graphics: polygons': T('2d-shapes', 'lps'),
  '2d graphics: aa polygons': T('2d-aashapes', 'lps'),
  '2d graphics: complex polygons': T('2d-polys', 'lps'),
  '2d graphics: text': T('2d-text', 'lps'),
  '2d graphics: images and blits': T('2d-blit', 'lps'),
  '2d graphics: windows': T('2d-window', 'lps'),
  '3d graphics: gears': T('ubgears', 'fps'),
  // 4.x / 3.x spellings
  'dhrystone 2 without register variables': T('dhry2', 'lps'),
  'arithmetic test (type = short)': T('short', 'lps'),
  'arithmetic test (type = int)': T('int', 'lps'),
  'arithmetic test (type = long)': T('long', 'lps'),
  'arithmetic test (type = float)': T('float', 'lps'),
  'arithmetic test (type = double)': T('double', 'lps'),
  'arithmetic overhead test': T('arithoh', 'lps'),
  'register arithmetic test': T('register', 'lps'),
  'arithmetic test (type = register)': T('register', 'lps'),
  'recursion test--tower of hanoi': T('hanoi', 'lps'),
  'shell scripts (2 concurrent)': T('shell2', 'lpm'),
  'shell scripts (4 concurrent)': T('shell4', 'lpm'),
};

/** Normalise a printed description: trim, collapse blanks, lower-case. */
function key(description: string): string {
  return description.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** A lower-case slug usable as a metric name part (`[a-z0-9][a-z0-9_-]*`). */
export function slug(description: string): string {
  const s = key(description)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s === '' ? 'unnamed' : s;
}

/**
 * The test printed as `description`. `known` is false for a description this table
 * does not hold (a newer UnixBench, a C compiler test naming its compiler, ...): the
 * name is then a slug of the description, so the value is still kept.
 */
export function testFor(description: string): UnixbenchTest & { known: boolean } {
  const k = key(description);
  const hit = BY_DESCRIPTION[k];
  if (hit) return { ...hit, known: true };
  // "C Compiler Throughput (gcc)": the compiler name varies.
  if (/^c compiler throughput\b/.test(k)) return { name: 'c', unit: 'lpm', known: true }; // UnixBench's "C"; metric ids are lower-case
  return { name: slug(description), unit: '', known: false };
}
