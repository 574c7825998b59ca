/**
 * Nominal durations of cells, for `probe` / `run --dry-run` before anything was measured on a
 * board (pure). Rough on purpose, and labelled so: hackbench scaled from the paper's Cortex-A15
 * (40 tasks × 1000 loops of 100 bytes ≈ 0.12 s), UnixBench from the test lengths its `Run`
 * script fixes, IOzone from the bytes its record sweep moves at ~200 MB/s plus a per-step cost,
 * netperf from its `-l` length. The run's own ETA replaces them once cells were measured.
 */
import type { SuiteSettings } from '../config/suites.js';
import type { CellSpec } from '../suites/command.js';

/** Seconds per iteration of a UnixBench test, as byte-UnixBench's Run sets them (`-i 1`). */
const UNIXBENCH_SECONDS: Record<string, number> = {
  dhry2reg: 10,
  'whetstone-double': 10,
  execl: 30,
  pipe: 10,
  context1: 10,
  spawn: 30,
  syscall: 10,
  shell1: 60,
  shell8: 60,
  shell16: 60,
};

function num(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

export function nominalCellSeconds(cell: CellSpec, s: SuiteSettings): number {
  const p = cell.params;
  switch (cell.suite) {
    case 'hackbench': {
      const tasks = num(p['tasks'], 40);
      const loops = num(p['loops'], 1000);
      const datasize = num(p['datasize'], 100);
      return 0.05 + 0.12 * (tasks / 40) * (loops / 1000) * Math.max(1, datasize / 100);
    }
    case 'unixbench': {
      const test = String(p['test'] ?? '');
      const each = UNIXBENCH_SECONDS[test] ?? 30;
      return 5 + each * s.unixbench.iterations;
    }
    case 'iozone': {
      const fileKb = num(p['file_kb'], 1024);
      const maxRec = Math.min(s.iozone.maxRecordKb ?? fileKb, fileKb);
      const minRec = Math.min(s.iozone.minRecordKb, maxRec);
      const steps = Math.max(1, Math.floor(Math.log2(maxRec / minRec)) + 1);
      const passes = 2 * s.iozone.tests.length;
      return 1 + steps * passes * (0.02 + fileKb / 1024 / 200);
    }
    case 'netperf':
      return s.netperf.lengthSeconds + 0.5;
  }
}
