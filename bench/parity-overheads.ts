/**
 * hackbench and UnixBench overheads against the host, before and after the equal-resources
 * change, from the run folders bench/parity.sh wrote (OUT/before-N, OUT/after-N): per set-up,
 * environment and suite, the median over the cells of one run of the analysis's overhead (the
 * report's numbers, analysis.json), then the median (min … max) over the runs; with what each
 * environment got as its fingerprint recorded it (results.json). Used for the README's figures.
 *
 *   .avb-tmp/node24 bench/parity-overheads.ts OUT
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

interface Overhead {
  env: string;
  metric: string;
  overhead: number;
}
interface Fingerprint {
  cpusAvailable?: number;
  cpuList?: string;
  memoryLimitBytes?: number;
}

const FAMILIES: [string, RegExp][] = [
  ['hackbench', /^hackbench\./],
  ['UnixBench dhry2reg', /^unixbench\.dhry2reg$/],
  ['UnixBench syscall', /^unixbench\.syscall$/],
];

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: bench/parity-overheads.ts OUT_DIR (of bench/parity.sh)\n');
  process.exit(2);
}
for (const setup of ['before', 'after']) {
  const runs = readdirSync(dir)
    // a run in flight (or killed) has no analysis.json yet
    .filter((d) => d.startsWith(`${setup}-`) && existsSync(join(dir, d, 'analysis.json')))
    .sort();
  /** env → family → one median per run */
  const perRun = new Map<string, Map<string, number[]>>();
  const got = new Map<string, Set<string>>();
  for (const run of runs) {
    const results = JSON.parse(readFileSync(join(dir, run, 'results.json'), 'utf8')) as {
      environments: { id: string; fingerprint: Fingerprint }[];
    };
    for (const e of results.environments) {
      const fp = e.fingerprint;
      const mem =
        fp.memoryLimitBytes === undefined ? 'all' : `${(fp.memoryLimitBytes / 2 ** 30).toFixed(2)} GiB`;
      const seen = got.get(e.id) ?? new Set<string>();
      seen.add(`${fp.cpusAvailable ?? '?'} CPU(s) [${fp.cpuList ?? '?'}], ${mem}`);
      got.set(e.id, seen);
    }
    const { overheads } = JSON.parse(readFileSync(join(dir, run, 'analysis.json'), 'utf8')) as {
      overheads: Overhead[];
    };
    const cells = new Map<string, number[]>();
    for (const o of overheads) {
      const family = FAMILIES.find(([, re]) => re.test(o.metric))?.[0];
      if (!family) continue;
      const key = `${o.env}\u0000${family}`;
      cells.set(key, [...(cells.get(key) ?? []), o.overhead]);
    }
    for (const [key, xs] of cells) {
      const [env, family] = key.split('\u0000') as [string, string];
      const byFamily = perRun.get(env) ?? new Map<string, number[]>();
      perRun.set(env, byFamily);
      byFamily.set(family, [...(byFamily.get(family) ?? []), median(xs)]);
    }
  }
  process.stdout.write(`${setup}: ${runs.length} runs (${runs.join(' ')})\n`);
  for (const [env, seen] of got) process.stdout.write(`  ${env.padEnd(8)} got ${[...seen].join(' | ')}\n`);
  for (const [env, byFamily] of perRun) {
    for (const [family] of FAMILIES) {
      const xs = byFamily.get(family);
      if (!xs) continue;
      process.stdout.write(
        `  ${env.padEnd(8)} ${family.padEnd(20)} ${pct(median(xs)).padStart(7)}  (${pct(Math.min(...xs))} … ${pct(Math.max(...xs))}; ${xs.length} runs)\n`,
      );
    }
  }
}
