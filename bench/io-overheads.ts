/**
 * IOzone and netperf overheads against the host, from the run folders of the local
 * default run (`node dist/cli.js run --out DIR`, several times): per environment and
 * metric family, the median over the cells of one run of the analysis's overhead (the
 * report's numbers, DIR/analysis.json), then the median over the runs; with each
 * environment's scratch and netperf peer as its fingerprint recorded them
 * (DIR/results.json). Used for the README's before/after figures.
 *
 *   .avb-tmp/node24 bench/io-overheads.ts out1 out2 out3
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Overhead {
  env: string;
  metric: string;
  overhead: number;
}
interface Fingerprint {
  scratch?: { source: string; fstype: string };
  netperfPeer?: { kind: string; address: string; via: string };
}

const FAMILIES: [string, RegExp][] = [
  ['IOzone write/rewrite', /^iozone\.(write|rewrite)$/],
  ['IOzone read/reread', /^iozone\.(read|reread)$/],
  ['netperf TCP_STREAM', /^netperf\.tcp_stream\./],
  ['netperf TCP_RR', /^netperf\.tcp_rr\./],
];

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write('usage: bench/io-overheads.ts RUN_DIR...\n');
  process.exit(2);
}
/** env → family → one median per run */
const perRun = new Map<string, Map<string, number[]>>();
const paths = new Map<string, string>();
for (const file of files) {
  const results = JSON.parse(readFileSync(join(file, 'results.json'), 'utf8')) as {
    environments: { id: string; fingerprint: Fingerprint }[];
  };
  for (const e of results.environments) {
    const fp = e.fingerprint;
    const scratch = fp.scratch ? `${fp.scratch.source} ${fp.scratch.fstype}` : 'not recorded';
    const peer = fp.netperfPeer
      ? `${fp.netperfPeer.kind} ${fp.netperfPeer.address} via ${fp.netperfPeer.via}`
      : 'not recorded';
    paths.set(e.id, `scratch: ${scratch}; peer: ${peer}`);
  }
  const { overheads } = JSON.parse(readFileSync(join(file, 'analysis.json'), 'utf8')) as {
    overheads: Overhead[];
  };
  for (const o of overheads) {
    const family = FAMILIES.find(([, re]) => re.test(o.metric))?.[0];
    if (!family) continue;
    const byFamily = perRun.get(o.env) ?? new Map<string, number[]>();
    perRun.set(o.env, byFamily);
    const key = `${family}\u0000${file}`;
    byFamily.set(key, [...(byFamily.get(key) ?? []), o.overhead]);
  }
}
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
process.stdout.write(
  `${files.length} runs; overhead = median over cells in a run, then median (min … max) over runs\n`,
);
for (const [env, byFamily] of perRun) {
  process.stdout.write(`${env} (${paths.get(env) ?? ''})\n`);
  for (const [family] of FAMILIES) {
    const runs = files
      .map((f) => byFamily.get(`${family}\u0000${f}`))
      .filter((x): x is number[] => x !== undefined)
      .map(median);
    if (runs.length === 0) continue;
    process.stdout.write(
      `  ${family.padEnd(22)} ${pct(median(runs)).padStart(7)}  (${pct(Math.min(...runs))} … ${pct(Math.max(...runs))})\n`,
    );
  }
}
