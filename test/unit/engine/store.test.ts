import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESULTS_SCHEMA_ID, type Results } from '../../../src/results/schema.js';
import { ResultsStore, logFileFor, parseResultsText, readResultsFile } from '../../../src/results/store.js';

const empty = (): Results => ({
  schema: RESULTS_SCHEMA_ID,
  run: {
    id: 'r1',
    toolVersion: '0.1.0',
    started: '2026-11-25T16:00:00Z',
    preset: 'test',
    configDigest: 'x',
    status: 'in-progress',
  },
  board: { name: 'local', fingerprints: {} },
  environments: [],
  samples: [],
  failures: [],
  logs: [],
});

describe('results store', () => {
  it('writes atomically, leaves no temp file, and reads back validated', async () => {
    const out = await mkdtemp(join(tmpdir(), 'avb-store-'));
    const store = new ResultsStore(out, empty());
    await Promise.all([store.flush(), store.flush(), store.flush()]);
    expect(await readdir(out)).toEqual(['results.json']);
    const ref = 'host/hackbench/process-socket-g1.r0';
    await mkdir(join(out, 'logs/host/hackbench'), { recursive: true });
    await writeFile(store.logFile(ref), 'Time: 1.660\n');
    const text = await readFile(store.logFile(ref));
    const log = await store.registerLog(ref);
    expect(log).toEqual({
      ref,
      path: 'logs/host/hackbench/process-socket-g1.r0.log',
      sha256: createHash('sha256').update(text).digest('hex'),
      bytes: text.length,
    });
    store.addSample({
      env: 'host',
      suite: 'hackbench',
      metric: 'hackbench.time',
      params: { groups: 1 },
      value: 1.66,
      unit: 's',
      better: 'lower',
      round: 0,
      log: ref,
    });
    await store.flush();
    expect(await readResultsFile(join(out, 'results.json'))).toEqual(store.results);
  });

  it('lists a log that never got written as an empty file rather than a dangling ref', async () => {
    const out = await mkdtemp(join(tmpdir(), 'avb-store-'));
    const store = new ResultsStore(out, empty());
    const log = await store.registerLog('kvm/iozone/s64k.r0');
    expect(log.bytes).toBe(0);
    expect(log.sha256).toBe(createHash('sha256').update('').digest('hex'));
  });

  it('refuses log refs that would escape the logs folder', () => {
    expect(() => logFileFor('/o', '../etc/passwd')).toThrow(/unsafe log ref/);
    expect(() => logFileFor('/o', 'a/../../b')).toThrow(/unsafe log ref/);
    expect(logFileFor('/o', 'host/netperf/netserver')).toBe('/o/logs/host/netperf/netserver.log');
  });

  it('reader errors name the file, the key path and the reason', async () => {
    const bad = {
      ...empty(),
      samples: [
        {
          env: 'host',
          suite: 'hackbench',
          metric: 'Hackbench',
          params: {},
          value: 1,
          unit: 's',
          better: 'lower',
          round: 0,
          log: 'x',
        },
      ],
    };
    expect(() => parseResultsText(JSON.stringify(bad), 'r.json')).toThrow(
      'r.json: samples.0.metric: not a metric id',
    );
    expect(() => parseResultsText('{', 'r.json')).toThrow(/^r\.json: not JSON: /);
    await expect(readResultsFile('/nonexistent/r.json')).rejects.toThrow(
      '/nonexistent/r.json: cannot read: ENOENT',
    );
  });
});
