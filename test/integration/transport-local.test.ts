/**
 * The local transport, for real: real processes, real signals, real files.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalTransport } from '../../src/transport/local.js';
import { processGone } from '../helpers/procs.js';

const dir = mkdtempSync(join(tmpdir(), 'avb-local-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('local transport', () => {
  const t = new LocalTransport({ killGraceMs: 300 });

  it('runs argv without a shell and reports the exit code and output', async () => {
    const r = await t.exec(['sh', '-c', 'echo "$1"; echo err >&2; exit 3', 'sh', '$(id) ; `x` "q\''], {
      timeoutMs: 10_000,
    });
    expect(r.exitCode).toBe(3);
    expect(r.timedOut).toBe(false);
    expect(r.cancelled).toBe(false);
    expect(r.output).toContain('$(id) ; `x` "q\'\n');
    expect(r.output).toContain('err\n');
    expect(r.durationMs).toBeGreaterThan(0);
  });

  it('passes stdin and cwd', async () => {
    const r = await t.exec(['sh', '-c', 'pwd; cat'], { timeoutMs: 10_000, cwd: dir, stdin: 'hello\nworld' });
    expect(r.output).toBe(`${dir}\nhello\nworld`);
  });

  it('reports a command killed by a signal it did not expect', async () => {
    const r = await t.exec(['sh', '-c', 'kill -SEGV $$'], { timeoutMs: 10_000 });
    expect(r.exitCode).toBeNull();
    expect(r.signal).toBe('SIGSEGV');
    expect(r.timedOut).toBe(false);
  });

  it('reports a missing program as exit 127 with the reason', async () => {
    const r = await t.exec(['/nonexistent/avb-tool'], { timeoutMs: 10_000 });
    expect(r.exitCode).toBe(127);
    expect(r.output).toMatch(/cannot run "\/nonexistent\/avb-tool": ENOENT/);
  });

  it('never passes the controller environment (tokens) to the command', async () => {
    process.env.GITHUB_TOKEN = 'ghs_secret_should_not_leak';
    process.env.AVB_PARENT_ONLY = 'x';
    try {
      const r = await t.exec(['env'], { timeoutMs: 10_000, env: { AVB_GIVEN: 'yes' } });
      expect(r.exitCode).toBe(0);
      expect(r.output).not.toContain('ghs_secret_should_not_leak');
      expect(r.output).not.toMatch(/^GITHUB_TOKEN=/m);
      expect(r.output).not.toMatch(/^AVB_PARENT_ONLY=/m);
      expect(r.output).toMatch(/^AVB_GIVEN=yes$/m);
      expect(r.output).toMatch(/^PATH=\/usr\/local\/sbin:/m);
      expect(r.output).toMatch(/^LANG=C$/m);
    } finally {
      delete process.env.GITHUB_TOKEN;
      delete process.env.AVB_PARENT_ONLY;
    }
  });

  it('streams output to the raw log while the command still runs', async () => {
    const log = join(dir, 'logs', 'stream.log');
    writeFileSync(join(dir, 'go'), '');
    const p = t.exec(
      ['sh', '-c', 'echo first; while [ -e "$1" ]; do sleep 0.05; done; echo second', 'sh', join(dir, 'go')],
      {
        timeoutMs: 20_000,
        logPath: log,
      },
    );
    // The command is blocked until we remove the file: the log must already hold "first".
    const deadline = Date.now() + 10_000;
    while (!(existsSync(log) && readFileSync(log, 'utf8').includes('first')) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(readFileSync(log, 'utf8')).toBe('first\n');
    rmSync(join(dir, 'go'));
    const r = await p;
    expect(r.exitCode).toBe(0);
    expect(readFileSync(log, 'utf8')).toBe('first\nsecond\n');
    expect(r.output).toBe('first\nsecond\n');
  });

  it('kills the whole process tree on timeout', async () => {
    const pidFile = join(dir, 'tree.pid');
    const started = Date.now();
    const r = await t.exec(
      ['sh', '-c', 'sleep 1000 & echo $! > "$1"; sh -c "sleep 1001" & wait', 'sh', pidFile],
      { timeoutMs: 500 },
    );
    expect(r.timedOut).toBe(true);
    expect(r.exitCode).toBeNull();
    expect(Date.now() - started).toBeLessThan(5000);
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    expect(pid).toBeGreaterThan(1);
    expect(await processGone(pid, 3000)).toBe(true);
  });

  it('escalates to SIGKILL when the command ignores SIGTERM', async () => {
    const started = Date.now();
    const r = await t.exec(['sh', '-c', 'trap "" TERM; while :; do sleep 0.1; done'], { timeoutMs: 300 });
    expect(r.timedOut).toBe(true);
    expect(r.exitCode).toBeNull();
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('kills a child that ignores SIGTERM and let go of the output pipes, at the timeout', async () => {
    // The child redirects its output away, so the pipes close as soon as the shell dies of the
    // SIGTERM; the SIGKILL that should follow after the grace used to be cancelled right then.
    const pidFile = join(dir, 'nopipes.pid');
    const r = await t.exec(
      [
        'sh',
        '-c',
        '(trap "" TERM; echo $$ > /dev/null; sh -c \'echo $$ > "$1"; trap "" TERM; while :; do sleep 0.1; done\' x "$1") >/dev/null 2>&1 </dev/null & wait',
        'sh',
        pidFile,
      ],
      { timeoutMs: 500 },
    );
    expect(r.timedOut).toBe(true);
    const deadline = Date.now() + 3000;
    while (!existsSync(pidFile) && Date.now() < deadline) await new Promise((res) => setTimeout(res, 20));
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    expect(pid).toBeGreaterThan(1);
    expect(await processGone(pid, 3000)).toBe(true);
  });

  it('leaves nothing of a cell behind when it exits normally with a child that let go of the pipes', async () => {
    const pidFile = join(dir, 'bg.pid');
    const r = await t.exec(
      [
        'sh',
        '-c',
        'sh -c \'echo $$ > "$1"; exec sleep 1000\' x "$1" >/dev/null 2>&1 </dev/null & sleep 0.2; exit 0',
        'sh',
        pidFile,
      ],
      { timeoutMs: 10_000 },
    );
    expect(r.exitCode).toBe(0);
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    expect(await processGone(pid, 3000)).toBe(true);
  });

  it('kills the tree when aborted, and reports cancelled', async () => {
    const pidFile = join(dir, 'abort.pid');
    const ac = new AbortController();
    const p = t.exec(['sh', '-c', 'sleep 1000 & echo $! > "$1"; wait', 'sh', pidFile], {
      timeoutMs: 60_000,
      signal: ac.signal,
    });
    const deadline = Date.now() + 5000;
    while (!existsSync(pidFile) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    ac.abort();
    const r = await p;
    expect(r.cancelled).toBe(true);
    expect(r.timedOut).toBe(false);
    expect(r.exitCode).toBeNull();
    expect(await processGone(Number(readFileSync(pidFile, 'utf8')), 3000)).toBe(true);
  });

  it('copies directories recursively', async () => {
    const src = join(dir, 'src');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(src, 'a', 'b'), { recursive: true });
    writeFileSync(join(src, 'a', 'b', 'f.txt'), 'content');
    await t.copyTo(src, join(dir, 'dst'));
    expect(readFileSync(join(dir, 'dst', 'a', 'b', 'f.txt'), 'utf8')).toBe('content');
    await t.close();
    await t.close();
  });
});
