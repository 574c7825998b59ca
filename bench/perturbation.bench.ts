/**
 * Harness perturbation: does running hackbench through the engine change what hackbench
 * measures? The paper cell (process, socket, 1 group of 40 tasks, 1000 × 100 B) is run
 * side by side, interleaved in rotating order:
 *   direct      — hackbench spawned by Node directly;
 *   engine      — runBench on the host through the local transport (one run per call);
 *   engine+ssh  — runBench on the host reached through a real sshd on 127.0.0.1.
 * The figure is hackbench's own "Time:" (median over the pairs); goal: the engine's
 * median within ±1% of direct. Pairs: AVB_PERTURBATION_PAIRS (default 15).
 * Run: npx vitest bench --run bench/perturbation.bench.ts
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, bench, describe } from 'vitest';
import { parseConfig } from '../src/config/load.js';
import { runBench } from '../src/engine/run.js';
import { parseHackbench } from '../src/suites/hackbench/parse.js';
import { minimalEnv } from '../src/transport/process.js';
import { SshTransport } from '../src/transport/ssh.js';
import { startSshd, type Sshd } from '../test/helpers/sshd.js';

const PAIRS = Number(process.env.AVB_PERTURBATION_PAIRS ?? 15);
const ARGV = ['-P', '-s', '100', '-l', '1000', '-f', '20', '-g', '1'];
const run = promisify(execFile);

const config = parseConfig({
  preset: 'test',
  runs: 1,
  environments: [{ kind: 'host' }],
  suites: {
    hackbench: { modes: ['process'], ipc: ['socket'], groups: [1], loops: 1000, datasize: 100, fds: 20 },
    iozone: { enabled: false },
    netperf: { enabled: false },
  },
});

async function direct(): Promise<number> {
  const { stdout } = await run('hackbench', ARGV, { env: minimalEnv() });
  return parseHackbench(stdout).samples[0]!.value;
}

async function viaEngine(out: string, board?: SshTransport): Promise<number> {
  await rm(out, { recursive: true, force: true });
  const r = await runBench(config, { outDir: out, reports: false, ...(board ? { board } : {}) });
  const s = r.samples.find((x) => x.metric === 'hackbench.time');
  if (!s) throw new Error(`no sample: ${JSON.stringify(r.failures)}`);
  return s.value;
}

/**
 * 95% bootstrap interval of the relative difference of medians (b vs a), in %: with
 * the noise of a shared machine, a point estimate alone would over-claim.
 */
function bootstrapDelta(a: number[], b: number[], resamples = 2000): [number, number] {
  let seed = 42;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const pick = (xs: number[]): number[] => xs.map(() => xs[rand(xs.length)]!);
  const deltas: number[] = [];
  for (let i = 0; i < resamples; i++) {
    const ma = median(pick(a));
    deltas.push(((median(pick(b)) - ma) / ma) * 100);
  }
  deltas.sort((x, y) => x - y);
  return [deltas[Math.floor(resamples * 0.025)]!, deltas[Math.floor(resamples * 0.975)]!];
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

describe('harness perturbation (hackbench process/socket g1, 1000 × 100 B)', () => {
  let sshd: Sshd | undefined;
  let dir: string | undefined;
  afterAll(async () => {
    await sshd?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  bench(
    `${PAIRS} interleaved rounds: direct vs engine (local) vs engine (ssh)`,
    async () => {
      dir = await mkdtemp(join(tmpdir(), 'avb-perturbation-'));
      sshd = await startSshd();
      const ssh = new SshTransport({
        host: sshd.host,
        port: sshd.port,
        user: sshd.user,
        knownHosts: sshd.knownHosts,
        identityFile: sshd.clientKey,
      });
      const values: Record<string, number[]> = { direct: [], engine: [], 'engine+ssh': [] };
      const order = ['direct', 'engine', 'engine+ssh'] as const;
      for (let i = 0; i < PAIRS; i++) {
        // Rotate the order so no side always runs first (or right after another).
        for (let k = 0; k < order.length; k++) {
          const which = order[(i + k) % order.length]!;
          const v =
            which === 'direct'
              ? await direct()
              : which === 'engine'
                ? await viaEngine(join(dir, 'local'))
                : await viaEngine(join(dir, 'ssh'), ssh);
          values[which]!.push(v);
        }
      }
      await ssh.close();
      const base = median(values.direct!);
      const lines = Object.entries(values).map(([k, v]) => {
        const m = median(v);
        const delta = ((m - base) / base) * 100;
        const [lo, hi] = k === 'direct' ? [0, 0] : bootstrapDelta(values.direct!, v);
        const sign = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(2)}%`;
        return `${k.padEnd(11)} median ${m.toFixed(3)} s  min ${Math.min(...v).toFixed(3)}  max ${Math.max(...v).toFixed(3)}  vs direct ${sign(delta)} (95% CI ${sign(lo)} … ${sign(hi)})`;
      });
      console.log(`\nhackbench Time over ${PAIRS} interleaved rounds:\n${lines.join('\n')}\n`);
    },
    { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
  );
});
