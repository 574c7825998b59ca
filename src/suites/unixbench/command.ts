/**
 * UnixBench cells: one per test × copies, run as `./Run -c N -i I TEST` inside a built
 * byte-UnixBench tree. Where that tree comes from (a built tree at `path`, else a build
 * of `sourcePath` on the target, else a clear error) is decided by `locateUnixbench`.
 */
import type { UnixbenchSettings } from '../../config/suites.js';
import type { CellSpec } from '../command.js';

export function unixbenchCells(s: UnixbenchSettings, tree: string): CellSpec[] {
  const cells: CellSpec[] = [];
  for (const test of s.tests) {
    for (const copies of s.copies) {
      cells.push({
        suite: 'unixbench',
        key: `${test}-c${copies}`,
        params: { test, copies },
        argv: ['./Run', '-c', String(copies), '-i', String(s.iterations), test],
        cwd: tree,
      });
    }
  }
  return cells;
}

/** A probe the engine runs on the target: argv that exits 0 when true. */
export interface Probe {
  argv: string[];
}

/** A tree counts as built when `Run` and a compiled benchmark program are there. */
export function builtTreeProbes(tree: string): Probe[] {
  return [{ argv: ['test', '-x', `${tree}/Run`] }, { argv: ['test', '-x', `${tree}/pgms/dhry2reg`] }];
}

export function sourceTreeProbes(tree: string): Probe[] {
  return [{ argv: ['test', '-f', `${tree}/Makefile`] }, { argv: ['test', '-x', `${tree}/Run`] }];
}

/** Builds a checkout in place (the Makefile's default target; graphics tests are never built or run). */
export function unixbenchBuildArgv(sourcePath: string): string[] {
  return ['make', '-C', sourcePath];
}

/** The message when neither a built tree nor a source tree is configured/usable. */
export function unixbenchMissingMessage(
  s: Pick<UnixbenchSettings, 'path' | 'sourcePath'>,
  env: string,
): string {
  const parts: string[] = [];
  if (s.path) parts.push(`no built tree at ${s.path} (needs ${s.path}/Run and ${s.path}/pgms/dhry2reg)`);
  else parts.push('suites.unixbench.path (a built byte-UnixBench tree) is not set');
  if (s.sourcePath) parts.push(`no source tree at ${s.sourcePath} (needs Makefile and Run)`);
  else parts.push('suites.unixbench.sourcePath (a checkout to build on the target) is not set');
  return `unixbench cannot run in environment '${env}': ${parts.join('; ')}`;
}
