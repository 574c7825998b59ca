import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  acquireBoardLock,
  acquireLocalLock,
  BoardLockedError,
  deadLocalOwner,
  parseLockAnswer,
  refreshBoardLock,
  releaseBoardLock,
} from '../../../src/board/lock.js';
import { LocalTransport } from '../../../src/transport/local.js';

// The board-side scripts are plain POSIX sh: here they run for real on this machine
// through the local transport (on a board they run through SSH).
const t = new LocalTransport();

describe('board lock (atomic mkdir, run for real)', () => {
  it('one owner at a time; refresh and release only by the owner', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'avb-lock-'));
    const path = join(dir, 'sub', 'board.lock');
    const a = { path, owner: 'runner-a:1:x', staleSeconds: 3600, timeoutMs: 10_000 };
    const b = { ...a, owner: 'runner-b:2:y' };
    await expect(acquireBoardLock(t, a)).resolves.toEqual({ acquired: true });
    expect((await readFile(join(path, 'owner'), 'utf8')).trim()).toBe('runner-a:1:x');
    await expect(acquireBoardLock(t, b)).rejects.toThrow(/is held by runner-a:1:x since \d+/);
    await expect(refreshBoardLock(t, b)).rejects.toThrow(/was lost: LOST runner-a:1:x/);
    await refreshBoardLock(t, a);
    await releaseBoardLock(t, b); // not b's: stays
    await expect(acquireBoardLock(t, b)).rejects.toThrow(BoardLockedError);
    await releaseBoardLock(t, a);
    await expect(acquireBoardLock(t, b)).resolves.toEqual({ acquired: true });
  });

  it('takes over at once the lock of a killed run on this controller (not waiting out staleSeconds)', async () => {
    const { hostname } = await import('node:os');
    const dir = await mkdtemp(join(tmpdir(), 'avb-lock-'));
    const path = join(dir, 'board.lock');
    // A pid that is surely gone: a child that has exited.
    const { spawnSync } = await import('node:child_process');
    const gone = spawnSync('true').pid!;
    const killed = {
      path,
      owner: `${hostname()}:${gone}:2026-01-01T00:00:00.000Z`,
      staleSeconds: 3600,
      timeoutMs: 10_000,
    };
    await acquireBoardLock(t, killed);
    const next = { ...killed, owner: `${hostname()}:${process.pid}:now` };
    await expect(acquireBoardLock(t, next)).resolves.toEqual({
      acquired: true,
      tookOverFrom: expect.stringMatching(new RegExp(`^${hostname()}:${gone}:`)),
    });
    // A live holder on this machine, or one on another controller, keeps it.
    const other = { ...killed, owner: `${hostname()}:1:x` };
    await expect(acquireBoardLock(t, other)).rejects.toThrow(BoardLockedError);
    expect(deadLocalOwner(`elsewhere:${gone}:x since 1 (now 2)`)).toBeUndefined();
    expect(deadLocalOwner(`${hostname()}:${gone}:x since 1 (now 2)`)).toBe(`${hostname()}:${gone}:x`);
  });

  it('takes over a stale lock and says from whom', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'avb-lock-'));
    const path = join(dir, 'board.lock');
    const a = { path, owner: 'old-job', staleSeconds: 3600, timeoutMs: 10_000 };
    await acquireBoardLock(t, a);
    await writeFile(join(path, 'time'), `${Math.floor(Date.now() / 1000) - 7200}\n`);
    const got = await acquireBoardLock(t, { ...a, owner: 'new-job' });
    expect(got.acquired).toBe(true);
    expect(got.tookOverFrom).toMatch(/^old-job \(idle 72\d\d s\)$/);
    expect((await readFile(join(path, 'owner'), 'utf8')).trim()).toBe('new-job');
  });

  it('parseLockAnswer', () => {
    expect(parseLockAnswer('ACQUIRED\n', 0)).toEqual({ acquired: true });
    expect(parseLockAnswer('HELD x since 1 (now 2)\n', 3)).toEqual({
      acquired: false,
      heldBy: 'x since 1 (now 2)',
    });
    expect(parseLockAnswer('sh: mkdir: Permission denied\n', 4)).toEqual({
      acquired: false,
      heldBy: '(lock script failed, exit 4: sh: mkdir: Permission denied)',
    });
  });
});

describe('controller lockfile', () => {
  it('excludes a second holder while the first lives; takes over a dead pid', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'avb-llock-'));
    const path = join(dir, 'board.lock');
    const release = await acquireLocalLock(path, 'b1');
    // Our own pid holds it: a second acquire (as another job would) is refused.
    await expect(acquireLocalLock(path, 'b1')).rejects.toThrow(/is held by pid \d+ on .* \(board b1\)/);
    await release();
    // A lock left by a process that no longer exists (pid far beyond pid_max) is stale.
    const host = (await import('node:os')).hostname();
    await writeFile(path, JSON.stringify({ pid: 2 ** 30, host, time: 'then', board: 'b1' }));
    const release2 = await acquireLocalLock(path, 'b1');
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ pid: process.pid, board: 'b1' });
    await release2();
  });
});
