/**
 * Two jobs must never drive one board. Two locks:
 *  - on the board itself: a directory made with an atomic `mkdir` (owner, pid, time
 *    inside), kept across reboots (it lives on the rootfs), refreshed after each boot, and
 *    taken over only when older than `staleSeconds`;
 *  - on the controller: an exclusive-create lockfile holding our pid, taken over when
 *    that pid is gone.
 * The scripts are fixed text; path, owner and limits arrive as positional arguments.
 */
import { hostname } from 'node:os';
import { open, readFile, rm } from 'node:fs/promises';
import type { Transport } from '../transport/types.js';

/**
 * $1 lock dir, $2 owner, $3 stale seconds, $4 (optional) an owner known to be dead: its lock is
 * taken over at once. Prints ACQUIRED / TAKEN-OVER <old> / HELD <owner>.
 */
export const BOARD_LOCK_ACQUIRE = [
  'd=$1; owner=$2; stale=$3; dead=${4:-}; now=$(date +%s)',
  'mkdir -p "$(dirname "$d")" || exit 4',
  'write() { printf "%s\\n" "$owner" >"$d/owner" && printf "%s\\n" "$now" >"$d/time" && sync; }',
  'if mkdir "$d" 2>/dev/null; then write; echo ACQUIRED; exit 0; fi',
  'held=$(cat "$d/owner" 2>/dev/null); t=$(cat "$d/time" 2>/dev/null); case "$t" in ""|*[!0-9]*) t=0;; esac',
  'if [ "$held" = "$owner" ]; then write; echo ACQUIRED; exit 0; fi',
  'if [ $((now - t)) -gt "$stale" ] || { [ -n "$dead" ] && [ "$held" = "$dead" ]; }; then',
  // Rename is atomic: of two jobs taking over at once, only one renames the old dir away.
  '  if mv "$d" "$d.stale.$$" 2>/dev/null && mkdir "$d" 2>/dev/null; then rm -rf "$d.stale.$$"; write; echo "TAKEN-OVER $held (idle $((now - t)) s)"; exit 0; fi',
  'fi',
  'echo "HELD $held since $t (now $now)"; exit 3',
].join('\n');

/** $1 lock dir, $2 owner: refresh the time if we own it. Prints OK / LOST <owner>. */
export const BOARD_LOCK_REFRESH = [
  'd=$1; owner=$2',
  'held=$(cat "$d/owner" 2>/dev/null)',
  'if [ "$held" = "$owner" ]; then date +%s >"$d/time"; sync; echo OK; exit 0; fi',
  'echo "LOST $held"; exit 3',
].join('\n');

/** $1 lock dir, $2 owner: remove it only if it is ours. */
export const BOARD_LOCK_RELEASE = [
  'd=$1; owner=$2',
  'held=$(cat "$d/owner" 2>/dev/null)',
  'if [ "$held" = "$owner" ]; then rm -rf "$d"; sync; echo RELEASED; exit 0; fi',
  'echo "NOT-OURS $held"; exit 0',
].join('\n');

export class BoardLockedError extends Error {
  override readonly name = 'BoardLockedError';
}

export interface BoardLockOptions {
  path: string;
  owner: string;
  staleSeconds: number;
  timeoutMs: number;
  logPath?: string;
}

export type BoardLockOutcome = { acquired: true; tookOverFrom?: string };

/** Parses the acquire script's answer (pure). */
export function parseLockAnswer(
  output: string,
  exitCode: number | null,
): BoardLockOutcome | { acquired: false; heldBy: string } {
  const line = output.trim().split('\n').pop() ?? '';
  if (exitCode === 0 && line === 'ACQUIRED') return { acquired: true };
  if (exitCode === 0 && line.startsWith('TAKEN-OVER '))
    return { acquired: true, tookOverFrom: line.slice('TAKEN-OVER '.length) };
  if (line.startsWith('HELD ')) return { acquired: false, heldBy: line.slice('HELD '.length) };
  return {
    acquired: false,
    heldBy: `(lock script failed, exit ${String(exitCode)}: ${output.trim().slice(0, 200)})`,
  };
}

/**
 * The owner of a board lock (`host:pid:time`) when it is a process of this machine that is gone:
 * its run was killed, and its lock need not wait out staleSeconds.
 */
export function deadLocalOwner(
  heldBy: string,
  alive: (pid: number) => boolean = pidAlive,
): string | undefined {
  const owner = heldBy.replace(/ since \S+ \(now \S+\)$/, '');
  const m = /^([^:]+):(\d+):/.exec(owner);
  if (!m || m[1] !== hostname()) return undefined;
  return alive(Number(m[2])) ? undefined : owner;
}

export async function acquireBoardLock(board: Transport, o: BoardLockOptions): Promise<BoardLockOutcome> {
  const attempt = async (dead?: string) => {
    const r = await board.exec(
      [
        'sh',
        '-c',
        BOARD_LOCK_ACQUIRE,
        'avb-lock',
        o.path,
        o.owner,
        String(o.staleSeconds),
        ...(dead ? [dead] : []),
      ],
      { timeoutMs: o.timeoutMs, logPath: o.logPath },
    );
    return parseLockAnswer(r.output, r.exitCode);
  };
  let a = await attempt();
  if (!a.acquired) {
    // A holder on this controller whose process is gone (a killed run) is no holder.
    const dead = deadLocalOwner(a.heldBy);
    if (dead) a = await attempt(dead);
  }
  if (!a.acquired)
    throw new BoardLockedError(`board lock ${o.path} is held by ${a.heldBy}: another job drives this board`);
  return a;
}

export async function refreshBoardLock(board: Transport, o: BoardLockOptions): Promise<void> {
  const r = await board.exec(['sh', '-c', BOARD_LOCK_REFRESH, 'avb-lock', o.path, o.owner], {
    timeoutMs: o.timeoutMs,
    logPath: o.logPath,
  });
  if (r.exitCode !== 0) throw new BoardLockedError(`board lock ${o.path} was lost: ${r.output.trim()}`);
}

export async function releaseBoardLock(board: Transport, o: BoardLockOptions): Promise<void> {
  await board.exec(['sh', '-c', BOARD_LOCK_RELEASE, 'avb-lock', o.path, o.owner], {
    timeoutMs: o.timeoutMs,
    logPath: o.logPath,
  });
}

interface LocalLockContent {
  pid: number;
  host: string;
  time: string;
  board: string;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The controller-side lock. Returns a release function. */
export async function acquireLocalLock(path: string, board: string): Promise<() => Promise<void>> {
  const content: LocalLockContent = {
    pid: process.pid,
    host: hostname(),
    time: new Date().toISOString(),
    board,
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fh = await open(path, 'wx', 0o644);
      await fh.writeFile(JSON.stringify(content) + '\n');
      await fh.close();
      return async () => {
        try {
          const now = JSON.parse(await readFile(path, 'utf8')) as Partial<LocalLockContent>;
          if (now.pid === process.pid) await rm(path, { force: true });
        } catch {
          // Already gone.
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let held: Partial<LocalLockContent> = {};
      try {
        held = JSON.parse(await readFile(path, 'utf8')) as Partial<LocalLockContent>;
      } catch {
        // Unreadable or half-written: treated as stale below only when no pid can be read.
      }
      const stale =
        typeof held.pid !== 'number' ||
        (held.host === hostname() && held.pid !== process.pid && !pidAlive(held.pid));
      if (!stale || attempt > 0) {
        throw new BoardLockedError(
          `controller lock ${path} is held by pid ${String(held.pid)} on ${String(held.host)} since ${String(held.time)} (board ${board})`,
        );
      }
      await rm(path, { force: true });
    }
  }
  throw new BoardLockedError(`controller lock ${path}: could not be taken`);
}
