/** Helpers to observe processes from tests (Linux /proc). */
import { readFileSync } from 'node:fs';

/** True when the process is gone (or a zombie waiting to be reaped), polling until `withinMs`. */
export async function processGone(pid: number, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    let alive: boolean;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Field 3 (after the parenthesised command name) is the state; Z = exited, not reaped.
      alive = !/\) Z /.test(stat);
    } catch {
      alive = false;
    }
    if (!alive) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
}
