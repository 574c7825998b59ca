/**
 * One board can be measured by several jobs (the reboot chain: Linux environments in one job,
 * Xen in the next, since a job never survives its runner's reboot). Their results artifacts
 * are merged per board before analysis; an environment measured twice keeps the first job's.
 */
import type { Results } from '../results/schema.js';

export function mergeByBoard(all: Results[]): Results[] {
  const byBoard = new Map<string, Results>();
  for (const r of all) {
    const prev = byBoard.get(r.board.name);
    if (!prev) {
      byBoard.set(r.board.name, structuredClone(r));
      continue;
    }
    const known = new Set(prev.environments.map((e) => e.id));
    const fresh = (env: string) => !known.has(env);
    prev.environments.push(...r.environments.filter((e) => fresh(e.id)));
    prev.samples.push(...r.samples.filter((s) => fresh(s.env)));
    prev.failures.push(...r.failures.filter((f) => fresh(f.env)));
    const refs = new Set(prev.logs.map((l) => l.ref));
    prev.logs.push(...r.logs.filter((l) => !refs.has(l.ref)));
    prev.board.fingerprints = { ...r.board.fingerprints, ...prev.board.fingerprints };
    if (r.run.finished && (!prev.run.finished || r.run.finished > prev.run.finished))
      prev.run.finished = r.run.finished;
    if (r.run.status && r.run.status !== 'complete') prev.run.status = r.run.status;
  }
  return [...byBoard.values()];
}
