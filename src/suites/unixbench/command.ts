/**
 * UnixBench cells: one per test × copies, run as `./Run -c N -i I TEST` inside a built
 * byte-UnixBench tree. Where that tree comes from (a built tree at `path`, built by the
 * engine from a source on the controller, else a build of `sourcePath` on the target, else a
 * clear error) is decided by src/engine/unixbench.ts and src/engine/sessions.ts.
 */
import type { UnixbenchSettings } from '../../config/suites.js';
import type { CellSpec } from '../command.js';
import { defaultTreePath, noSourceHint } from './source.js';

/**
 * `Run` starts with `make check`, which always re-runs `make all` (its check target depends
 * on every program and then calls `all`): that needs make in every environment, and a
 * compiler as soon as a timestamp looks newer (trees copied into images and initramfs
 * guests). The session has already checked that the tree is built, so `Run` is told to use
 * `true` as its make.
 */
export const RUN_ENV: Readonly<Record<string, string>> = { MAKE: 'true' };

/** The built tree the engine uses: `path`, or the default install path. */
export function unixbenchTreePath(s: Pick<UnixbenchSettings, 'path' | 'commit'>): string {
  return s.path ?? defaultTreePath(s.commit);
}

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
        env: { ...RUN_ENV },
      });
    }
  }
  return cells;
}

/** A probe the engine runs on the target: argv that exits 0 when true. */
export interface Probe {
  argv: string[];
}

/** A tree counts as built when `Run`, a compiled benchmark program and `tmp/` are there. */
export function builtTreeProbes(tree: string): Probe[] {
  return [
    { argv: ['test', '-x', `${tree}/Run`] },
    { argv: ['test', '-x', `${tree}/pgms/dhry2reg`] },
    { argv: ['test', '-d', `${tree}/tmp`] },
  ];
}

export function sourceTreeProbes(tree: string): Probe[] {
  return [{ argv: ['test', '-f', `${tree}/Makefile`] }, { argv: ['test', '-x', `${tree}/Run`] }];
}

/** Builds a checkout in place (the Makefile's default target; graphics tests are never built or run). */
export function unixbenchBuildArgv(sourcePath: string): string[] {
  return ['make', '-C', sourcePath];
}

/** The Perl modules `Run` uses (its `use` lines); Debian's perl-base alone lacks FindBin and Time::HiRes. */
export const RUN_PERL_MODULES = ['POSIX', 'Time::HiRes', 'IO::Handle', 'File::Path', 'FindBin'] as const;

/** Exits 0 when perl runs and loads every module `Run` uses. */
export const PERL_CHECK_ARGV = ['perl', ...RUN_PERL_MODULES.map((m) => `-M${m}`), '-e', '1'];

/** The message when neither a built tree nor a source tree is configured/usable. */
export function unixbenchMissingMessage(
  s: Pick<UnixbenchSettings, 'path' | 'sourcePath' | 'commit'>,
  env: string,
): string {
  const tree = unixbenchTreePath(s);
  const parts: string[] = [
    `no built byte-UnixBench tree at ${tree} (needs ${tree}/Run, ${tree}/pgms/dhry2reg and ${tree}/tmp)`,
  ];
  if (s.sourcePath) parts.push(`no source tree at ${s.sourcePath} (needs Makefile and Run)`);
  return `unixbench cannot run in environment '${env}': ${parts.join('; ')}; ${noSourceHint()}`;
}
