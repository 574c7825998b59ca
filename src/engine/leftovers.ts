/**
 * Recovery after a crash. A run that is killed (SIGKILL, a lost runner, a power cut of the
 * controller) tears nothing down; the next run on the board removes what it left, before it
 * starts anything of its own.
 *
 * Labels — what a run starts carries its id:
 *  - every process, on the controller and on the board (netserver, QEMU, a cell's tree, the ssh
 *    clients and masters): `AVB_RUN=<run id>` in its environment (transport/process.ts and
 *    transport/ssh.ts add it to every command of the run);
 *  - containers: the label `arm-virt-bench.run=<run id>`;
 *  - the run itself: a record, `RUNS_ROOT/<run id>/run.json`, on the board and (when the board is
 *    another machine) on the controller: who drives it (controller host, pid and the pid's start
 *    time) and its environments (the Xen domain names, the docker command).
 *
 * A run is dead when its controller is this machine and its pid is gone (or is another process
 * now: another start time), or, for a record of another controller, when the record was not
 * refreshed within the board lock's `staleSeconds`. For each dead run: its labelled processes are
 * killed, its containers removed, its domains destroyed, its record removed — one log line each.
 * Never throws: recovery must not stop a run; what it could not do is a warning.
 */
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { CONTAINER_LABEL } from '../environments/docker.js';
import { TAP_DOWN_SCRIPT } from '../environments/guest/board-net.js';
import type { MadeOnBoard } from '../environments/types.js';
import { RUN_LABEL_VAR } from '../transport/process.js';
import type { Transport } from '../transport/types.js';

/** Where run records live (on the board, and on the controller); survives reboots like the board lock. */
export const RUNS_ROOT = '/var/tmp/arm-virt-bench/runs';
export { RUN_LABEL_VAR };
export const RUN_RECORD_SCHEMA = 'arm-virt-bench/run-record@1';

export interface RunRecord {
  schema: typeof RUN_RECORD_SCHEMA;
  runId: string;
  controller: { host: string; pid: number; startTime: string | null };
  started: string;
  environments: { id: string; kind: string; domain?: string; docker?: string[]; dockerHost?: string }[];
  /** What the run's environments made on the board besides processes (TAPs, bridges, NAT rules). */
  made?: MadeOnBoard[];
}

const TIMEOUT_MS = 60_000;

/** $1 root, $2 run id; the record on stdin. */
export const WRITE_RECORD = [
  'set -e',
  'd="$1/$2"',
  'mkdir -p "$d"',
  'cat >"$d/run.json.tmp"',
  'mv "$d/run.json.tmp" "$d/run.json"',
].join('\n');

/** $1 root, $2 run id: refreshes the record's time (the heartbeat of a run). */
export const TOUCH_RECORD = 'touch "$1/$2/run.json" 2>/dev/null || true';

/** $1 root: every record, each after a line `@@record <age seconds> <path>`. */
export const LIST_RECORDS = [
  'now=$(date +%s)',
  'for f in "$1"/*/run.json; do',
  '  [ -f "$f" ] || continue',
  '  m=$(stat -c %Y "$f" 2>/dev/null || echo 0)',
  '  printf "@@record %s %s\\n" "$((now - m))" "$f"',
  '  cat "$f"; printf "\\n"',
  'done',
].join('\n');

/**
 * $1 run id: kills every process whose environment holds AVB_RUN=<id> (two passes: a child
 * forked while the first pass ran is caught by the second). Prints `killed PID COMMAND`.
 */
export const KILL_LABELLED = [
  'id=$1; me=$$',
  // One grep over every environ (NUL-separated: -z); a grep without -z falls back to a loop.
  'list() {',
  `  if grep -q -z . /proc/self/environ 2>/dev/null; then grep -l -z -x -F "${RUN_LABEL_VAR}=$id" /proc/[0-9]*/environ 2>/dev/null`,
  `  else for e in /proc/[0-9]*/environ; do tr '\\000' '\\n' <"$e" 2>/dev/null | grep -qx "${RUN_LABEL_VAR}=$id" && echo "$e"; done; fi`,
  '}',
  'for pass in 1 2; do',
  '  for e in $(list); do',
  '    p=${e#/proc/}; p=${p%/environ}',
  '    [ "$p" = "$me" ] && continue',
  `    c=$(tr '\\000' ' ' <"/proc/$p/cmdline" 2>/dev/null | cut -c1-100)`,
  '    kill -KILL "$p" 2>/dev/null && echo "killed $p $c"',
  '  done',
  'done',
  'exit 0',
].join('\n');

/** Names...: destroys each Xen domain that exists (needs xl: in Dom0 only). */
export const DESTROY_DOMAINS = [
  'command -v xl >/dev/null 2>&1 || exit 0',
  'for n in "$@"; do',
  '  if xl list "$n" >/dev/null 2>&1; then xl destroy "$n" >/dev/null 2>&1 && echo "destroyed $n"; fi',
  'done',
].join('\n');

/** $1 root, $2 run id. */
export const REMOVE_RECORD = 'rm -rf -- "$1/$2"';

/** The start time of a process (field 22 of /proc/PID/stat, in clock ticks since boot), or null. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** Parses LIST_RECORDS' output (pure); unreadable records are skipped. */
export function parseRecords(output: string): { record: RunRecord; ageSeconds: number }[] {
  const out: { record: RunRecord; ageSeconds: number }[] = [];
  const parts = output.split(/^@@record /m).slice(1);
  for (const part of parts) {
    const nl = part.indexOf('\n');
    const head = part.slice(0, nl).trim().split(' ');
    const age = Number(head[0]);
    try {
      const r = JSON.parse(part.slice(nl + 1)) as RunRecord;
      if (r.schema === RUN_RECORD_SCHEMA && typeof r.runId === 'string' && /^[A-Za-z0-9._-]+$/.test(r.runId))
        out.push({ record: r, ageSeconds: Number.isFinite(age) ? age : 0 });
    } catch {
      // A half-written record (its run died while writing it) holds nothing to clean.
    }
  }
  return out;
}

/** Is the run of this record over (its controller process gone)? Pure but for the pid check. */
export function isDead(
  rec: { record: RunRecord; ageSeconds: number },
  self: { host: string; staleSeconds: number },
  alive: (pid: number, startTime: string | null) => boolean = pidAlive,
): boolean {
  const c = rec.record.controller;
  if (c.host === self.host) return !alive(c.pid, c.startTime);
  return rec.ageSeconds > self.staleSeconds;
}

function pidAlive(pid: number, startTime: string | null): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // The same pid, another process: the run's controller is gone.
  return startTime === null || processStartTime(pid) === startTime;
}

export interface LedgerOptions {
  runId: string;
  environments: RunRecord['environments'];
  /** Where records are kept and leftovers looked for: the board, and the controller when it is another machine. */
  places: { name: string; transport: () => Transport }[];
  staleSeconds: number;
  log(line: string): void;
  warn(line: string): void;
  /** Where the records are kept (default RUNS_ROOT; tests use their own folder). */
  root?: string;
}

/** One run's record on each place, and the removal of dead runs' leftovers there. */
export class RunLedger {
  private lastBeat = 0;
  private readonly record: RunRecord;
  private readonly root: string;

  constructor(private readonly o: LedgerOptions) {
    this.root = o.root ?? RUNS_ROOT;
    this.record = {
      schema: RUN_RECORD_SCHEMA,
      runId: o.runId,
      controller: { host: hostname(), pid: process.pid, startTime: processStartTime(process.pid) },
      started: new Date().toISOString(),
      environments: o.environments,
    };
  }

  /** Removes the leftovers of dead runs, then writes this run's record. */
  async open(signal?: AbortSignal): Promise<void> {
    for (const place of this.o.places) {
      await this.recover(place, signal);
      await this.write(place.name);
    }
  }

  /** Adds what an environment made on the board to the record (rewritten in place). */
  async track(item: MadeOnBoard): Promise<void> {
    (this.record.made ??= []).push(item);
    await this.write();
  }

  private async write(only?: string): Promise<void> {
    for (const place of this.o.places) {
      if (only !== undefined && place.name !== only) continue;
      try {
        const r = await place
          .transport()
          .exec(['sh', '-c', WRITE_RECORD, 'avb-ledger', this.root, this.o.runId], {
            timeoutMs: TIMEOUT_MS,
            stdin: `${JSON.stringify(this.record)}\n`,
          });
        if (r.exitCode !== 0)
          this.o.warn(
            `run record on ${place.name}: ${r.output.trim().slice(-200) || `exit ${String(r.exitCode)}`}`,
          );
      } catch (e) {
        this.o.warn(`run record on ${place.name}: ${(e as Error).message}`);
      }
    }
  }

  /** Refreshes the records (at most once a minute): a run of another controller is alive while it does. */
  async heartbeat(): Promise<void> {
    if (Date.now() - this.lastBeat < 60_000) return;
    this.lastBeat = Date.now();
    for (const place of this.o.places) {
      await place
        .transport()
        .exec(['sh', '-c', TOUCH_RECORD, 'avb-ledger', this.root, this.o.runId], { timeoutMs: TIMEOUT_MS })
        .catch(() => undefined);
    }
  }

  /** Removes this run's records (its teardown has run). */
  async close(): Promise<void> {
    for (const place of this.o.places) {
      await place
        .transport()
        .exec(['sh', '-c', REMOVE_RECORD, 'avb-ledger', this.root, this.o.runId], { timeoutMs: TIMEOUT_MS })
        .catch(() => undefined);
    }
  }

  private async recover(
    place: { name: string; transport: () => Transport },
    signal?: AbortSignal,
  ): Promise<void> {
    const t = place.transport();
    let listed;
    try {
      listed = await t.exec(['sh', '-c', LIST_RECORDS, 'avb-ledger', this.root], {
        timeoutMs: TIMEOUT_MS,
        signal,
      });
    } catch (e) {
      this.o.warn(`leftovers on ${place.name}: cannot list run records: ${(e as Error).message}`);
      return;
    }
    const self = { host: hostname(), staleSeconds: this.o.staleSeconds };
    const dead = parseRecords(listed.output).filter(
      (r) => r.record.runId !== this.o.runId && isDead(r, self),
    );
    for (const { record } of dead) {
      const who = `run ${record.runId} (pid ${record.controller.pid} on ${record.controller.host}, started ${record.started})`;
      this.o.log(`leftovers on ${place.name}: ${who} is gone; removing what it left`);
      await this.step(place.name, who, async () => {
        const r = await t.exec(['sh', '-c', KILL_LABELLED, 'avb-leftovers', record.runId], {
          timeoutMs: TIMEOUT_MS,
        });
        return [...r.output.matchAll(/^killed (\d+) (.*)$/gm)].map(
          (m) => `killed process ${m[1]} (${m[2]!.trim()})`,
        );
      });
      const dockers = new Map<string, { docker: string[]; dockerHost?: string }>();
      for (const e of record.environments.filter((x) => x.kind === 'docker')) {
        const docker = e.docker && e.docker.length > 0 ? e.docker : ['docker'];
        dockers.set(JSON.stringify([docker, e.dockerHost]), {
          docker,
          ...(e.dockerHost ? { dockerHost: e.dockerHost } : {}),
        });
      }
      for (const d of dockers.values()) {
        await this.step(place.name, who, async () => {
          const env = d.dockerHost ? { DOCKER_HOST: d.dockerHost } : undefined;
          const ls = await t.exec(
            [
              ...d.docker,
              'ps',
              '-a',
              '--filter',
              `label=${CONTAINER_LABEL}.run=${record.runId}`,
              '--format',
              '{{.Names}}',
            ],
            { timeoutMs: TIMEOUT_MS, ...(env ? { env } : {}) },
          );
          if (ls.exitCode !== 0) return [];
          const names = ls.output
            .split('\n')
            .map((s) => s.trim())
            .filter((s) => /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(s));
          if (names.length === 0) return [];
          const rm = await t.exec([...d.docker, 'rm', '-f', '-v', ...names], {
            timeoutMs: 120_000,
            ...(env ? { env } : {}),
          });
          return rm.exitCode === 0
            ? names.map((n) => `removed container ${n}`)
            : [`could not remove containers ${names.join(', ')}: ${rm.output.trim().slice(-200)}`];
        });
      }
      const domains = record.environments.flatMap((e) => (e.domain ? [e.domain] : []));
      if (domains.length > 0) {
        await this.step(place.name, who, async () => {
          const r = await t.exec(['sh', '-c', DESTROY_DOMAINS, 'avb-leftovers', ...domains], {
            timeoutMs: 120_000,
          });
          return [...r.output.matchAll(/^destroyed (.+)$/gm)].map((m) => `destroyed Xen domain ${m[1]}`);
        });
      }
      for (const m of record.made ?? []) {
        // After its QEMU is gone: the TAP, and the bridge, NAT rule and forwarding it set up.
        await this.step(place.name, who, async () => {
          await t.exec(
            ['sh', '-c', TAP_DOWN_SCRIPT, 'sh', m.tap, m.bridge ?? '', m.natFor ?? '', m.forwardWas ?? ''],
            { timeoutMs: TIMEOUT_MS },
          );
          return [
            `removed TAP ${m.tap}${m.bridge ? ` and bridge ${m.bridge}` : ''}${m.natFor ? ` and its NAT rule` : ''}`,
          ];
        });
      }
      await this.step(place.name, who, async () => {
        await t.exec(['sh', '-c', REMOVE_RECORD, 'avb-leftovers', this.root, record.runId], {
          timeoutMs: TIMEOUT_MS,
        });
        return [`removed its record ${this.root}/${record.runId}`];
      });
    }
  }

  private async step(where: string, who: string, f: () => Promise<string[]>): Promise<void> {
    try {
      for (const line of await f()) this.o.log(`leftovers on ${where}: ${who}: ${line}`);
    } catch (e) {
      this.o.warn(`leftovers on ${where}: ${who}: ${(e as Error).message}`);
    }
  }
}
