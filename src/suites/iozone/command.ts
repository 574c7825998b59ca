/**
 * IOzone cells: one per file size, each an auto-mode record sweep (-a -s F -y MIN -q MAX)
 * over the configured test groups, on a scratch file in a per-run folder on the
 * environment's own disk. `-i 0` is always included: IOzone needs the file written
 * before it can read it. Caches are left on, as in the paper; `flush` adds `-e`
 * (fsync/fflush inside the timings, so that the writes reach the disk).
 */
import { IOZONE_TESTS, type IozoneSettings } from '../../config/suites.js';
import type { CellSpec } from '../command.js';

export const IOZONE_TOOLS = ['iozone'] as const;

/** The per-run scratch folder: unique per run and environment, removed afterwards. */
export function iozoneScratchDir(base: string, runId: string, envId: string): string {
  return `${base.replace(/\/+$/, '')}/avb-iozone-${runId}-${envId}`;
}

export function iozoneCells(s: IozoneSettings, scratch: string): CellSpec[] {
  const groups = [...new Set([0, ...s.tests.map((t) => IOZONE_TESTS[t])])].sort((a, b) => a - b);
  return s.fileSizesKb.map((fileKb) => {
    const maxRec = Math.min(s.maxRecordKb ?? fileKb, fileKb);
    const minRec = Math.min(s.minRecordKb, maxRec);
    return {
      suite: 'iozone' as const,
      key: `s${fileKb}k`,
      params: { file_kb: fileKb },
      argv: [
        'iozone',
        '-a',
        '-s',
        `${fileKb}k`,
        '-y',
        `${minRec}k`,
        '-q',
        `${maxRec}k`,
        ...groups.flatMap((g) => ['-i', String(g)]),
        ...(s.flush ? ['-e'] : []),
        '-f',
        `${scratch}/iozone.tmp`,
      ],
    };
  });
}

export function mkdirArgv(dir: string): string[] {
  return ['mkdir', '-p', '--', dir];
}

export function removeArgv(dir: string): string[] {
  return ['rm', '-rf', '--', dir];
}
