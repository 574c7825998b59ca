/**
 * "Unequal resources": an overhead is the cost of a virtualization layer only when the
 * environment and the host had the same CPUs and memory (the paper gave each 1 CPU and
 * 1 GB). Each environment's fingerprint says what it really got, read from inside it
 * (`cpusAvailable`, `memoryLimitBytes`); when an environment differs from the host of its
 * run, its overheads are incomparable with this reason — unless the run's config said
 * that this is what the user wants to measure (`resources.allowUnequal`, recorded in
 * results.run.resources). A fact one side did not record decides nothing. Pure.
 */
import type { Results } from '../results/schema.js';
import { envLabel } from './labels.js';

/** Memory within this fraction of the host's counts as equal (a guest's MemTotal is its RAM less the kernel's share). */
export const MEMORY_TOLERANCE = 0.1;

function gib(bytes: number): string {
  return `${(bytes / 2 ** 30).toFixed(bytes >= 10 * 2 ** 30 ? 0 : 2).replace(/\.?0+$/, '')} GiB`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Why `env`'s resources differ from `hostEnv`'s in these results, or null. */
export function unequalResources(results: Results, env: string, hostEnv: string | null): string | null {
  if (hostEnv === null || env === hostEnv) return null;
  if (results.run.resources?.allowUnequal) return null;
  const fp = (id: string) => results.environments.find((e) => e.id === id)?.fingerprint;
  const e = fp(env);
  const h = fp(hostEnv);
  if (!e || !h) return null;
  const parts: string[] = [];
  if (e.cpusAvailable !== undefined && h.cpusAvailable !== undefined && e.cpusAvailable !== h.cpusAvailable) {
    parts.push(`${plural(e.cpusAvailable, 'CPU')} vs the host's ${h.cpusAvailable}`);
  }
  const em = e.memoryLimitBytes;
  const hm = h.memoryLimitBytes;
  if (em !== undefined && hm !== undefined && Math.abs(em - hm) > MEMORY_TOLERANCE * hm) {
    parts.push(`${gib(em)} of memory vs the host's ${gib(hm)}`);
  }
  return parts.length === 0 ? null : `unequal resources: ${parts.join(', ')}`;
}

/** One note per environment whose resources differ from the host's (for the report). */
export function unequalResourceNotes(results: Results, hostEnv: string | null): string[] {
  const notes: string[] = [];
  for (const e of results.environments) {
    const why = unequalResources(results, e.id, hostEnv);
    if (why) {
      notes.push(
        `${envLabel(e.id, e.kind)}: ${why} — its overheads are marked incomparable (set resources.allowUnequal to measure this on purpose).`,
      );
    }
  }
  return notes;
}
