/**
 * How many CPUs a command really used: the CPU time of its children (the shell's `times`,
 * user + system) over its wall time. A hackbench of several groups keeps every CPU it may
 * use busy, so this is ~2 on an idle 2-CPU machine and ≤ 1 when it is held to one CPU.
 * Works through any transport (dash and busybox sh both print `times` as `XmY.Ys` pairs).
 */
import type { Transport } from '../../src/transport/types.js';

/** hackbench with 4 groups of 40 tasks: enough runnable tasks to fill two CPUs for a few seconds. */
export const BUSY_HACKBENCH = ['hackbench', '-g', '4', '-l', '1000'];

export interface CpuShare {
  /** user + system seconds of the children. */
  cpuSeconds: number;
  wallSeconds: number;
  share: number;
  output: string;
}

const SCRIPT =
  'start=$(date +%s%N 2>/dev/null); "$@" >/dev/null || exit $?; echo "wall $start $(date +%s%N 2>/dev/null)"; times';

export async function cpuShare(t: Transport, argv: readonly string[] = BUSY_HACKBENCH): Promise<CpuShare> {
  const r = await t.exec(['sh', '-c', SCRIPT, 'avb-share', ...argv], { timeoutMs: 300_000 });
  if (r.exitCode !== 0) throw new Error(`cpuShare: exit ${r.exitCode}: ${r.output}`);
  const lines = r.output.trim().split('\n');
  const times = lines.at(-1) ?? '';
  const secs = [...times.matchAll(/(\d+)m\s*([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  if (secs.length !== 2) throw new Error(`cpuShare: cannot read \`times\`: ${r.output}`);
  const cpuSeconds = secs[0]! + secs[1]!;
  // The shell's own clock when it has nanoseconds (coreutils, busybox), else the transport's.
  const w = /^wall (\d{10,}) (\d{10,})$/m.exec(r.output);
  const wallSeconds =
    w && w[1]!.length > 12 ? Number(BigInt(w[2]!) - BigInt(w[1]!)) / 1e9 : r.durationMs / 1000;
  return { cpuSeconds, wallSeconds, share: cpuSeconds / wallSeconds, output: r.output };
}
