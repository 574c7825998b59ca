// Recovery after a crash, on this machine through the local transport (the board-side scripts
// are plain POSIX sh; on a board they run through SSH): a dead run's labelled processes are
// killed and its record removed, one log line each; a live run's are left alone. The whole
// path — a SIGKILLed `run`, then a second run — is test/integration/kill-recovery.test.ts.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  isDead,
  parseRecords,
  processStartTime,
  RUN_RECORD_SCHEMA,
  RunLedger,
  type RunRecord,
} from '../../../src/engine/leftovers.js';
import { LocalTransport } from '../../../src/transport/local.js';
import { currentRunLabel, minimalEnv, setRunLabel } from '../../../src/transport/process.js';
import { processGone } from '../../helpers/procs.js';

const root = mkdtempSync(join(tmpdir(), 'avb-runs-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) {
    try {
      process.kill(c.pid!, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  rmSync(root, { recursive: true, force: true });
});

function record(runId: string, pid: number, startTime: string | null): RunRecord {
  return {
    schema: RUN_RECORD_SCHEMA,
    runId,
    controller: { host: hostname(), pid, startTime },
    started: '2026-01-01T00:00:00.000Z',
    environments: [{ id: 'host', kind: 'host' }],
  };
}

function writeRecord(r: RunRecord): void {
  mkdirSync(join(root, r.runId), { recursive: true });
  writeFileSync(join(root, r.runId, 'run.json'), JSON.stringify(r));
}

/** A process labelled as a run's, left running (what a SIGKILLed run leaves). */
function labelled(runId: string): number {
  const c = spawn('sleep', ['300'], {
    env: { PATH: '/usr/bin:/bin', AVB_RUN: runId },
    detached: true,
    stdio: 'ignore',
  });
  c.unref();
  children.push(c);
  return c.pid!;
}

describe('labels', () => {
  it('every process a run starts carries its id, and nothing does outside a run', () => {
    setRunLabel('20260101T000000-abc123');
    try {
      expect(minimalEnv()['AVB_RUN']).toBe('20260101T000000-abc123');
      expect(currentRunLabel()).toBe('20260101T000000-abc123');
    } finally {
      setRunLabel(undefined);
    }
    expect(minimalEnv()['AVB_RUN']).toBeUndefined();
  });
});

describe('a dead run and a live one', () => {
  it('isDead: a gone pid, or the same pid with another start time; another controller only when stale', () => {
    const gone = spawnSync('true').pid!;
    const self = { host: hostname(), staleSeconds: 3600 };
    expect(isDead({ record: record('a', gone, '1'), ageSeconds: 0 }, self)).toBe(true);
    expect(
      isDead({ record: record('b', process.pid, processStartTime(process.pid)), ageSeconds: 0 }, self),
    ).toBe(false);
    expect(isDead({ record: record('c', process.pid, '1'), ageSeconds: 0 }, self)).toBe(true);
    const other = { ...record('d', 1, null), controller: { host: 'elsewhere', pid: 1, startTime: null } };
    expect(isDead({ record: other, ageSeconds: 10 }, self)).toBe(false);
    expect(isDead({ record: other, ageSeconds: 7200 }, self)).toBe(true);
    expect(parseRecords('@@record 5 /x/run.json\n{"half":')).toEqual([]);
  });

  it("removes the dead run's processes and record, one line each, and leaves the live run's alone", async () => {
    const gone = spawnSync('true').pid!;
    writeRecord(record('dead-run-1', gone, null));
    writeRecord(record('live-run-2', process.pid, processStartTime(process.pid)));
    const deadPid = labelled('dead-run-1');
    const livePid = labelled('live-run-2');
    const lines: string[] = [];
    const warnings: string[] = [];
    const ledger = new RunLedger({
      runId: 'this-run-3',
      environments: [{ id: 'host', kind: 'host' }],
      places: [{ name: 'board local', transport: () => new LocalTransport() }],
      staleSeconds: 3600,
      log: (l) => lines.push(l),
      warn: (l) => warnings.push(l),
      root,
    });
    await ledger.open();
    expect(warnings).toEqual([]);
    expect(await processGone(deadPid, 3000)).toBe(true);
    expect(await processGone(livePid, 200)).toBe(false);
    expect(lines[0]).toMatch(
      /^leftovers on board local: run dead-run-1 \(pid \d+ on \S+, started 2026-01-01T00:00:00\.000Z\) is gone; removing what it left$/,
    );
    expect(lines).toContainEqual(
      expect.stringMatching(new RegExp(`: run dead-run-1 .*: killed process ${deadPid} \\(sleep 300`)),
    );
    expect(lines).toContainEqual(expect.stringMatching(/: run dead-run-1 .*: removed its record /));
    expect(lines.join('\n')).not.toContain('live-run-2');
    expect(existsSync(join(root, 'dead-run-1'))).toBe(false);
    expect(existsSync(join(root, 'live-run-2', 'run.json'))).toBe(true);
    expect(existsSync(join(root, 'this-run-3', 'run.json'))).toBe(true);
    await ledger.close();
    expect(existsSync(join(root, 'this-run-3'))).toBe(false);
  });
});
