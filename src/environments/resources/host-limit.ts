/**
 * Holds the host's benchmark processes to `resources` (the paper limited the host to 1 CPU
 * and 1 GB): a cgroup made on the board with a cpuset and a memory limit, which every
 * command of the environment enters before it runs — cgroup v2 (one group under
 * /sys/fs/cgroup/arm-virt-bench/) or v1 (a group in the cpuset and the memory hierarchies,
 * under the cgroup the board's shell is in, so outer limits still hold). Where the cpuset
 * controller is not available, CPU affinity (taskset) pins the processes instead. The
 * group is removed afterwards (its processes killed first). Nothing else is ever removed:
 * a group without processes may belong to another environment or run between two of its
 * commands (a crashed run leaves an empty folder behind, which costs nothing).
 *
 * Every script is fixed text; names, CPU lists and sizes are positional arguments.
 */
import { randomBytes } from 'node:crypto';
import type { Resources } from '../../config/resources.js';
import type { ExecOptions, ExecResult, Transport } from '../../transport/types.js';
import { formatCpuList, parseCpuList, pickCpus } from './cpus.js';

/** Prints `online LIST`, `layout v2|v1|none`, `controllers ...` (v2) of the board. */
export const LIMIT_PROBE_SCRIPT = `echo "online $(cat /sys/devices/system/cpu/online 2>/dev/null)"
if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
  echo "layout v2"; echo "controllers $(cat /sys/fs/cgroup/cgroup.controllers)"
elif [ -d /sys/fs/cgroup/memory ] || [ -d /sys/fs/cgroup/cpuset ]; then
  echo "layout v1"
  for c in cpuset memory; do [ -d "/sys/fs/cgroup/$c" ] && echo "v1 $c"; done
else
  echo "layout none"
fi
command -v taskset >/dev/null 2>&1 && echo "taskset yes"
exit 0`;

export interface LimitProbe {
  online: number[];
  layout: 'v2' | 'v1' | 'none';
  /** v2: the root's available controllers; v1: the hierarchies that exist. */
  controllers: string[];
  taskset: boolean;
}

export function parseLimitProbe(text: string): LimitProbe {
  const field = (name: string): string | undefined =>
    new RegExp(`^${name} ?(.*)$`, 'm').exec(text)?.[1]?.trim();
  const layout = field('layout');
  const v1 = [...text.matchAll(/^v1 (\S+)$/gm)].map((m) => m[1]!);
  return {
    online: parseCpuList(field('online') ?? '') ?? [],
    layout: layout === 'v2' || layout === 'v1' ? layout : 'none',
    controllers: layout === 'v2' ? (field('controllers') ?? '').split(/\s+/).filter(Boolean) : v1,
    taskset: field('taskset') === 'yes',
  };
}

/**
 * Args: LAYOUT NAME CPUS MEMBYTES (CPUS or MEMBYTES empty: not limited). Makes the group(s)
 * and prints `dir PATH` for each, or `error REASON` and exits 1.
 */
export const LIMIT_SETUP_SCRIPT = `set -u
layout=$1; name=$2; cpus=$3; mem=$4
fail() { echo "error $*"; exit 1; }
if [ "$layout" = v2 ]; then
  root=/sys/fs/cgroup; base=$root/arm-virt-bench; dir=$base/$name; ctl=""
  [ -n "$cpus" ] && ctl="cpuset"
  [ -n "$mem" ] && ctl="$ctl memory"
  for c in $ctl; do
    grep -qw "$c" "$root/cgroup.controllers" || fail "cgroup v2 has no $c controller (available: $(cat "$root/cgroup.controllers"))"
  done
  mkdir -p "$base" || fail "cannot create $base (not root?)"
  for c in $ctl; do
    grep -qw "$c" "$root/cgroup.subtree_control" || echo "+$c" > "$root/cgroup.subtree_control" || fail "cannot enable the $c controller in $root/cgroup.subtree_control"
    grep -qw "$c" "$base/cgroup.subtree_control" || echo "+$c" > "$base/cgroup.subtree_control" || fail "cannot enable the $c controller in $base/cgroup.subtree_control"
  done
  mkdir "$dir" || fail "cannot create $dir"
  if [ -n "$cpus" ]; then echo "$cpus" > "$dir/cpuset.cpus" || fail "cannot set $dir/cpuset.cpus to $cpus"; fi
  if [ -n "$mem" ]; then
    echo "$mem" > "$dir/memory.max" || fail "cannot set $dir/memory.max to $mem"
    # No swapping past the limit: a process that needs more than it is stopped, as on a smaller machine.
    if [ -e "$dir/memory.swap.max" ]; then echo 0 > "$dir/memory.swap.max"; fi
  fi
  echo "dir $dir"
  exit 0
fi
for c in cpuset memory; do
  if [ "$c" = cpuset ] && [ -z "$cpus" ]; then continue; fi
  if [ "$c" = memory ] && [ -z "$mem" ]; then continue; fi
  mnt=/sys/fs/cgroup/$c
  [ -d "$mnt" ] || fail "no cgroup v1 $c hierarchy at $mnt"
  self=$(sed -n "s/^[0-9]*:\\([^:]*,\\)\\{0,1\\}$c\\(,[^:]*\\)\\{0,1\\}:\\(.*\\)$/\\3/p" /proc/self/cgroup)
  base="$mnt\${self%/}/arm-virt-bench"; dir="$base/$name"
  mkdir -p "$base" || fail "cannot create $base (not root?)"
  if [ "$c" = cpuset ]; then
    # v1 cpusets start empty: the folder gets its parent's CPUs and memory nodes.
    [ -n "$(cat "$base/cpuset.cpus")" ] || cat "$base/../cpuset.cpus" > "$base/cpuset.cpus" || fail "cannot set $base/cpuset.cpus"
    [ -n "$(cat "$base/cpuset.mems")" ] || cat "$base/../cpuset.mems" > "$base/cpuset.mems" || fail "cannot set $base/cpuset.mems"
    mkdir "$dir" || fail "cannot create $dir"
    echo "$cpus" > "$dir/cpuset.cpus" || fail "cannot set $dir/cpuset.cpus to $cpus"
    cat "$base/cpuset.mems" > "$dir/cpuset.mems" || fail "cannot set $dir/cpuset.mems"
  else
    mkdir "$dir" || fail "cannot create $dir"
    echo "$mem" > "$dir/memory.limit_in_bytes" || fail "cannot set $dir/memory.limit_in_bytes to $mem"
    if [ -e "$dir/memory.memsw.limit_in_bytes" ]; then echo "$mem" > "$dir/memory.memsw.limit_in_bytes"; fi
  fi
  echo "dir $dir"
done
exit 0`;

/**
 * Args: N DIR1..DIRN ARGV... Moves this shell into each group, then runs ARGV in its place
 * (same pid: the transport's timeout still kills the whole tree).
 */
export const LIMIT_ENTER_SCRIPT = `n=$1; shift
while [ "$n" -gt 0 ]; do
  echo $$ > "$1/cgroup.procs" || { echo "arm-virt-bench: cannot enter the cgroup $1" >&2; exit 125; }
  shift; n=$((n - 1))
done
exec "$@"`;

/** Args: DIR... Kills what is left in each group, removes it and its parent folder when empty. */
export const LIMIT_REMOVE_SCRIPT = `for d in "$@"; do
  [ -d "$d" ] || continue
  if [ -w "$d/cgroup.kill" ]; then echo 1 > "$d/cgroup.kill"
  else for p in $(cat "$d/cgroup.procs"); do kill -9 "$p" 2>/dev/null; done; fi
  i=0
  while [ -n "$(cat "$d/cgroup.procs" 2>/dev/null)" ] && [ "$i" -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
  rmdir "$d" || echo "left $d"
  rmdir "$(dirname "$d")" 2>/dev/null
done
exit 0`;

export interface HostLimitPlan {
  cpus?: string;
  memoryBytes?: number;
}

/** What to limit, from the settings and the board's online CPUs (throws when impossible). */
export function planHostLimit(resources: Resources, online: readonly number[]): HostLimitPlan {
  const plan: HostLimitPlan = {};
  if (resources.cpus !== null) plan.cpus = formatCpuList(pickCpus(online, resources.cpus, resources.cpuList));
  if (resources.memoryBytes !== null) plan.memoryBytes = resources.memoryBytes;
  return plan;
}

const SHORT_MS = 30_000;

/** The board's online CPUs and cgroup layout. */
export async function probeLimits(board: Transport, signal?: AbortSignal): Promise<LimitProbe> {
  const r = await board.exec(['sh', '-c', LIMIT_PROBE_SCRIPT], { timeoutMs: SHORT_MS, signal });
  if (r.exitCode !== 0)
    throw new Error(`cannot read the CPUs and cgroups of ${board.description}: ${r.output.trim()}`);
  return parseLimitProbe(r.output);
}

/** The CPUs an environment on this board gets (docker's cpuset, the guest's pinning). */
export async function boardCpuList(
  board: Transport,
  resources: Resources,
  signal?: AbortSignal,
): Promise<string | undefined> {
  if (resources.cpus === null) return undefined;
  const probe = await probeLimits(board, signal);
  return formatCpuList(pickCpus(probe.online, resources.cpus, resources.cpuList));
}

/** A group made on the board, and a transport whose commands run inside it. */
export class HostLimit {
  private constructor(
    private readonly board: Transport,
    /** The group folders (one for v2, one per hierarchy for v1). */
    readonly dirs: string[],
    /** CPU affinity instead of a cpuset (no cpuset controller), or undefined. */
    readonly taskset: string | undefined,
    /** One line for the log: what was applied, and how. */
    readonly summary: string,
  ) {}

  static async apply(
    board: Transport,
    resources: Resources,
    name: string,
    signal?: AbortSignal,
  ): Promise<HostLimit> {
    const probe = await probeLimits(board, signal);
    const plan = planHostLimit(resources, probe.online);
    if (plan.cpus === undefined && plan.memoryBytes === undefined) {
      return new HostLimit(board, [], undefined, 'no CPU or memory limit (resources: all)');
    }
    let taskset: string | undefined;
    let cpus = plan.cpus;
    const hasCpuset = probe.controllers.includes('cpuset');
    if (cpus !== undefined && !hasCpuset) {
      if (!probe.taskset)
        throw new Error(
          `cannot hold the host to CPUs ${cpus} on ${board.description}: no cpuset controller and no taskset (install util-linux)`,
        );
      taskset = cpus;
      cpus = undefined;
    }
    if (probe.layout === 'none' && plan.memoryBytes !== undefined) {
      throw new Error(
        `cannot hold the host to ${plan.memoryBytes} bytes on ${board.description}: no cgroup filesystem at /sys/fs/cgroup (or set resources.host: boot and limit memory with the kernel's mem= argument)`,
      );
    }
    const group = `${name}-${randomBytes(3).toString('hex')}`;
    let dirs: string[] = [];
    if (cpus !== undefined || plan.memoryBytes !== undefined) {
      const r = await board.exec(
        [
          'sh',
          '-c',
          LIMIT_SETUP_SCRIPT,
          'avb-limit',
          probe.layout,
          group,
          cpus ?? '',
          String(plan.memoryBytes ?? ''),
        ],
        { timeoutMs: SHORT_MS, signal },
      );
      dirs = [...r.output.matchAll(/^dir (\/\S+)$/gm)].map((m) => m[1]!);
      const error = /^error (.*)$/m.exec(r.output)?.[1];
      if (r.exitCode !== 0 || error || dirs.length === 0) {
        await removeGroups(board, dirs);
        throw new Error(
          `cannot make the host's cgroup on ${board.description}: ${error ?? r.output.trim().slice(0, 300)}`,
        );
      }
    }
    const parts = [
      ...(plan.cpus !== undefined
        ? [`CPU ${plan.cpus}${taskset ? ' (taskset: no cpuset controller)' : ''}`]
        : []),
      ...(plan.memoryBytes !== undefined ? [`${plan.memoryBytes} bytes`] : []),
    ];
    const how = dirs.length > 0 ? `cgroup ${probe.layout} ${dirs.join(' ')}` : 'CPU affinity';
    return new HostLimit(board, dirs, taskset, `held to ${parts.join(' and ')} (${how})`);
  }

  /** argv that runs `argv` inside the group(s) (and under taskset when needed). */
  wrap(argv: readonly string[]): string[] {
    const inner = this.taskset ? ['taskset', '-c', this.taskset, ...argv] : [...argv];
    if (this.dirs.length === 0) return inner;
    return ['sh', '-c', LIMIT_ENTER_SCRIPT, 'avb-enter', String(this.dirs.length), ...this.dirs, ...inner];
  }

  /** The board transport with every command run inside the limits. */
  transport(): Transport {
    const board = this.board;
    const wrap = (argv: readonly string[]) => this.wrap(argv);
    return {
      description: board.description,
      exec: (argv: readonly string[], options: ExecOptions): Promise<ExecResult> =>
        board.exec(wrap(argv), options),
      copyTo: (l, r, o) => board.copyTo(l, r, o),
      close: async () => undefined, // the board's transport is the engine's to close
    };
  }

  /** Kills what is left in the group(s) and removes them; never throws. */
  async remove(): Promise<string[]> {
    return removeGroups(this.board, this.dirs);
  }
}

/** Returns the folders that could not be removed. */
async function removeGroups(board: Transport, dirs: readonly string[]): Promise<string[]> {
  if (dirs.length === 0) return [];
  try {
    const r = await board.exec(['sh', '-c', LIMIT_REMOVE_SCRIPT, 'avb-unlimit', ...dirs], {
      timeoutMs: SHORT_MS,
    });
    return [...r.output.matchAll(/^left (\S+)$/gm)].map((m) => m[1]!);
  } catch {
    return [...dirs];
  }
}
