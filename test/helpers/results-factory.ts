/**
 * Synthetic results.json documents for the action's tests (phase: report needs results, not a
 * benchmark). Deterministic: the same arguments give byte-identical files.
 */
import { RESULTS_SCHEMA_ID, type Results } from '../../src/results/schema.js';

export interface FactoryOptions {
  board?: string;
  runId?: string;
  /** Mean hackbench time (s) per environment id. */
  means?: Record<string, number>;
  rounds?: number;
}

/** A fixed ±1.5% wobble pattern so every cell has spread but no randomness. */
const WOBBLE = [0, 0.012, -0.01, 0.015, -0.006, 0.004, -0.013, 0.008, -0.002, 0.009];

export function makeResults(o: FactoryOptions = {}): Results {
  const board = o.board ?? 'rk3399-a';
  const means = o.means ?? { host: 0.5, kvm: 0.55 };
  const rounds = o.rounds ?? 10;
  const samples: Results['samples'] = [];
  const logs: Results['logs'] = [];
  for (const [env, mean] of Object.entries(means)) {
    for (const groups of [1, 4]) {
      for (let round = 0; round < rounds; round++) {
        const ref = `${env}/hackbench/g${groups}/r${round}`;
        logs.push({ ref, path: `logs/${ref}.log`, sha256: 'a'.repeat(64), bytes: 64 });
        samples.push({
          env,
          suite: 'hackbench',
          metric: 'hackbench.time',
          params: {
            mode: 'process',
            ipc: 'socket',
            groups,
            fds: 40,
            loops: 1000,
            datasize: 100,
            tasks: groups * 40,
          },
          value: Number((mean * groups * (1 + WOBBLE[round % WOBBLE.length]!)).toFixed(4)),
          unit: 's',
          better: 'lower',
          round,
          log: ref,
        });
      }
    }
  }
  return {
    schema: RESULTS_SCHEMA_ID,
    run: {
      id: o.runId ?? `${board}-run`,
      toolVersion: '0.1.0',
      started: '2026-11-01T00:00:00.000Z',
      finished: '2026-11-01T00:10:00.000Z',
      preset: 'quick',
      configDigest: 'sha256:' + '0'.repeat(64),
      status: 'complete',
    },
    board: { name: board, fingerprints: { linux: { kernel: '6.1.0', arch: 'aarch64' } } },
    environments: Object.keys(means).map((id) => ({
      id,
      kind: id === 'host' ? 'host' : id === 'docker' ? 'docker' : 'kvm',
      bootMode: 'linux',
      fingerprint: { kernel: '6.1.0', arch: 'aarch64' },
    })),
    samples,
    failures: [],
    logs,
  };
}

/** The files of a results artifact as the run phase uploads it. */
export function artifactFiles(results: Results, meta?: object): Record<string, string> {
  const files: Record<string, string> = { 'results.json': `${JSON.stringify(results, null, 2)}\n` };
  if (meta) files['avb-meta.json'] = `${JSON.stringify(meta, null, 2)}\n`;
  return files;
}
