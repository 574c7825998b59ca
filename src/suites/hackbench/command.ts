/** hackbench cells: one per mode × ipc × groups, argv as in the paper's protocol. */
import type { HackbenchSettings } from '../../config/suites.js';
import type { CellSpec } from '../command.js';

export const HACKBENCH_TOOLS = ['hackbench'] as const;

export function hackbenchCells(s: HackbenchSettings): CellSpec[] {
  const cells: CellSpec[] = [];
  for (const mode of s.modes) {
    for (const ipc of s.ipc) {
      for (const groups of s.groups) {
        cells.push({
          suite: 'hackbench',
          key: `${mode}-${ipc}-g${groups}`,
          // fds as hackbench reports it ("using 40 file descriptors each"): both sides.
          params: {
            mode,
            ipc,
            groups,
            fds: 2 * s.fds,
            loops: s.loops,
            datasize: s.datasize,
            tasks: groups * 2 * s.fds,
          },
          argv: hackbenchArgv(s, mode, ipc, groups),
          hints: { ipc },
        });
      }
    }
  }
  return cells;
}

export function hackbenchArgv(
  s: Pick<HackbenchSettings, 'fds' | 'loops' | 'datasize'>,
  mode: 'process' | 'thread',
  ipc: 'socket' | 'pipe',
  groups: number,
): string[] {
  return [
    'hackbench',
    mode === 'thread' ? '-T' : '-P',
    ...(ipc === 'pipe' ? ['-p'] : []),
    '-s',
    String(s.datasize),
    '-l',
    String(s.loops),
    '-f',
    String(s.fds),
    '-g',
    String(groups),
  ];
}
