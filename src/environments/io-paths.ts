/**
 * The I/O paths of an environment, read from inside it: where IOzone's scratch folder
 * really lies (`/proc/self/mountinfo`: mount point, source, file system, device number),
 * which interface carries the traffic to the netperf peer (`/proc/net/route` and the
 * local addresses of `/proc/net/fib_trie`), and the counters that prove a cell's bytes
 * crossed them (`/proc/net/dev`, `/sys/class/net/IF/statistics`, `/sys/dev/block/M:m/stat`).
 * Fixed scripts with values as arguments; everything else here is a pure parser (tested
 * on real captures in test/unit/environments/io-paths.test.ts). Only /proc and /sys and
 * busybox-level utilities are used: the bench container and the test guest have no more.
 */
import { z } from 'zod';

/**
 * Keys of the environments whose scratch is a folder (host, xen-dom0, docker; kvm and
 * xen-domu without a data disk).
 */
export const BoardScratch = {
  /**
   * IOzone's folder (absolute; made when missing): on the board's own storage for host
   * and Dom0 (name the SSD's mount). Default: suites.iozone.scratchDir, else /var/tmp.
   */
  scratchDir: z
    .string()
    .regex(/^\/[^\0\n]*$/, 'an absolute path')
    .optional(),
  /** Measure a scratch in RAM (tmpfs, ramfs, an initramfs) on purpose; refused otherwise. */
  allowRamScratch: z.boolean().default(false),
};

/** What an environment says about its I/O paths, after prepare (see BenchEnvironment.io). */
export interface EnvironmentIo {
  scratch: {
    /** IOzone's folder inside the environment; absent: the engine's default folder. */
    dir?: string;
    /** The configuration asked for a scratch in RAM by name (tmpfs, ramfs, an initramfs). */
    allowRam: boolean;
    /** What to configure instead, when the scratch turns out to be in RAM. */
    remedy: string;
    /**
     * A folder ON THE BOARD that receives the scratch's writes, when the environment
     * cannot see the block device itself (docker: the container's upper directory).
     */
    boardDir?: string;
  };
  net: {
    /** The board's address as this environment reaches it over its own link (absent: unknown). */
    boardAddress?: string;
    /** The board's own address those packets arrive at (where a board netserver binds). */
    boardListen?: string;
    /** The environment's virtual interface on the board's side (TAP, vif, veth), if any. */
    boardIface?: string;
  };
}

/** The board's own environments (host, Dom0): their I/O is the board's. */
export function boardIo(scratchDir: string | undefined, allowRam: boolean): EnvironmentIo {
  return {
    scratch: {
      ...(scratchDir ? { dir: scratchDir } : {}),
      allowRam,
      remedy: "set scratchDir on this environment to a folder on the board's disk (e.g. the SSD's mount)",
    },
    net: { boardAddress: '127.0.0.1', boardListen: '127.0.0.1' },
  };
}

/** File systems that live in RAM: a scratch there measures memory, not a disk. */
export const RAM_FSTYPES = ['tmpfs', 'ramfs', 'rootfs'] as const;

export function isRamFs(fstype: string): boolean {
  return (RAM_FSTYPES as readonly string[]).includes(fstype);
}

/** Fingerprint key `scratch`: IOzone's folder as the environment itself sees it. */
export interface ScratchFact {
  path: string;
  source: string;
  fstype: string;
  /** `major:minor` of the file system's device (0:N for virtual file systems). */
  device?: string;
}

/** Fingerprint key `netperfPeer`. */
export interface NetperfPeerFact {
  kind: 'controller' | 'board' | 'external' | 'self';
  address: string;
  /** The interface inside the environment that carries the traffic (`lo` for 127.0.0.0/8). */
  via: string;
}

/** Prints a file with shell builtins only (an environment's PATH may hold just the tools). */
const SHOW = `show() { while IFS= read -r l || [ -n "$l" ]; do printf '%s\\n' "$l"; done < "$1"; }`;

/**
 * $1: a folder (created when missing). Prints its real path and the mount table of the
 * process (mountinfo: one line per mount, later lines mount over earlier ones).
 */
export const SCRATCH_PROBE_SCRIPT = `${SHOW}
{ [ -d "$1" ] || mkdir -p -- "$1"; } && cd -- "$1" || exit 3
echo @@path; pwd -P; echo @@mountinfo; show /proc/self/mountinfo`;

/** mountinfo escapes space, tab, newline and backslash as \ooo. */
function unescapeMount(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
}

interface MountEntry {
  mountPoint: string;
  device: string;
  fstype: string;
  source: string;
}

export function parseMountinfo(text: string): MountEntry[] {
  const out: MountEntry[] = [];
  for (const line of text.split('\n')) {
    // ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS [OPTIONAL...] - FSTYPE SOURCE SUPEROPTIONS
    const fields = line.trim().split(' ');
    const dash = fields.indexOf('-');
    if (fields.length < 7 || dash < 6 || fields.length < dash + 3) continue;
    out.push({
      device: fields[2]!,
      mountPoint: unescapeMount(fields[4]!),
      fstype: fields[dash + 1]!,
      source: unescapeMount(fields[dash + 2]!),
    });
  }
  return out;
}

/** The mount a path lies on: the longest mount point containing it, the last such line winning. */
export function mountOf(path: string, mounts: readonly MountEntry[]): MountEntry | undefined {
  let best: MountEntry | undefined;
  for (const m of mounts) {
    const mp = m.mountPoint;
    const inside = mp === '/' || path === mp || path.startsWith(mp.endsWith('/') ? mp : `${mp}/`);
    if (inside && (!best || mp.length >= best.mountPoint.length)) best = m;
  }
  return best;
}

/** Sections `@@name` of a probe's output. */
function sections(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let name: string | undefined;
  for (const line of text.split('\n')) {
    const m = /^@@([a-z_]+)$/.exec(line.trim());
    if (m) {
      name = m[1]!;
      out[name] = '';
    } else if (name) out[name] += `${line}\n`;
  }
  return out;
}

/** The scratch probe's output → the fact; throws with the reason when it cannot tell. */
export function parseScratchProbe(text: string): ScratchFact {
  const s = sections(text);
  const path = s.path?.trim();
  if (!path?.startsWith('/'))
    throw new Error(`no real path in the scratch probe's output: ${text.trim().slice(0, 200)}`);
  const mount = mountOf(path, parseMountinfo(s.mountinfo ?? ''));
  if (!mount) throw new Error(`no mount of ${path} in /proc/self/mountinfo`);
  return { path, source: mount.source, fstype: mount.fstype, device: mount.device };
}

/** Prints the IPv4 routing table and the trie that holds the environment's own addresses. */
export const ROUTE_PROBE_SCRIPT = `${SHOW}
echo @@route; show /proc/net/route; echo @@fib_trie; show /proc/net/fib_trie 2>/dev/null; echo @@end`;

/** /proc/net/route holds addresses as little-endian hex. */
function hexToIpv4(hex: string): number {
  const n = parseInt(hex, 16);
  // little-endian: the first octet is the lowest byte
  return (
    (((n & 0xff) << 24) | (((n >>> 8) & 0xff) << 16) | (((n >>> 16) & 0xff) << 8) | ((n >>> 24) & 0xff)) >>> 0
  );
}

export function ipv4ToNumber(address: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  if (!m) return undefined;
  const o = m.slice(1, 5).map(Number);
  if (o.some((x) => x > 255)) return undefined;
  return ((o[0]! << 24) | (o[1]! << 16) | (o[2]! << 8) | o[3]!) >>> 0;
}

interface Route {
  iface: string;
  dest: number;
  mask: number;
  metric: number;
}

export function parseProcNetRoute(text: string): Route[] {
  const out: Route[] = [];
  for (const line of text.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 8) continue;
    const flags = parseInt(f[3]!, 16);
    if (!(flags & 1)) continue; // RTF_UP
    out.push({ iface: f[0]!, dest: hexToIpv4(f[1]!), mask: hexToIpv4(f[7]!), metric: Number(f[6]) || 0 });
  }
  return out;
}

/** The addresses the kernel treats as its own (`/32 host LOCAL` leaves of fib_trie). */
export function localAddresses(fibTrie: string): Set<string> {
  const out = new Set<string>();
  const lines = fibTrie.split('\n');
  for (let i = 0; i + 1 < lines.length; i++) {
    const leaf = /\|--\s+(\d+\.\d+\.\d+\.\d+)\s*$/.exec(lines[i]!);
    if (!leaf) continue;
    for (let j = i + 1; j < lines.length && /^\s+\/\d+/.test(lines[j]!); j++) {
      if (/\/32 host LOCAL/.test(lines[j]!)) out.add(leaf[1]!);
    }
  }
  return out;
}

/**
 * The interface that carries traffic to `address`, as the kernel would route it: `lo` for
 * 127.0.0.0/8 and the environment's own addresses, else the longest matching prefix
 * (lowest metric among equals); for a host name, the default route's. Undefined when
 * nothing routes it (or for an IPv6 address: only the IPv4 table is read).
 */
export function routeVia(address: string, probeOutput: string): string | undefined {
  const s = sections(probeOutput);
  if (address.includes(':')) return undefined;
  const literal = ipv4ToNumber(address);
  if (literal !== undefined && (literal >>> 24 === 127 || localAddresses(s.fib_trie ?? '').has(address)))
    return 'lo';
  // A name: it resolves to a remote host, which goes where the default route goes.
  const dst = literal ?? 0xffffffff;
  let best: Route | undefined;
  for (const r of parseProcNetRoute(s.route ?? '')) {
    if (literal === undefined && r.mask !== 0) continue;
    if ((dst & r.mask) >>> 0 !== r.dest) continue;
    const longer = !best || r.mask > best.mask;
    if (longer || (r.mask === best!.mask && r.metric < best!.metric)) best = r;
  }
  return best?.iface;
}

/** Per-interface byte counters of /proc/net/dev. */
export type NetDev = Record<string, { rxBytes: number; txBytes: number }>;

export function parseProcNetDev(text: string): NetDev {
  const out: NetDev = {};
  for (const line of text.split('\n')) {
    const m = /^\s*([^:\s]+):\s*(.*)$/.exec(line);
    if (!m) continue;
    const f = m[2]!.trim().split(/\s+/).map(Number);
    if (f.length < 16 || f.some((x) => !Number.isFinite(x))) continue;
    out[m[1]!] = { rxBytes: f[0]!, txBytes: f[8]! };
  }
  return out;
}

/** /sys/block/X/stat (Documentation/block/stat.rst): the fields the evidence keeps. */
export interface BlockStat {
  readIos: number;
  readSectors: number;
  writeIos: number;
  writeSectors: number;
}

export function parseBlockStat(text: string): BlockStat | undefined {
  const f = text.trim().split(/\s+/).map(Number);
  if (f.length < 7 || f.slice(0, 7).some((x) => !Number.isInteger(x))) return undefined;
  return { readIos: f[0]!, readSectors: f[2]!, writeIos: f[4]!, writeSectors: f[6]! };
}

/** $1: major:minor. Prints the block device's name and its stat line (nothing for 0:N). */
export const BLOCK_STAT_SCRIPT =
  'd=/sys/dev/block/$1; [ -e "$d/stat" ] || exit 4; echo @@name; basename "$(readlink -f "$d")"; echo @@stat; cat "$d/stat"';

export function parseBlockProbe(text: string): { name: string; stat: BlockStat } | undefined {
  const s = sections(text);
  const name = s.name?.trim();
  const stat = parseBlockStat(s.stat ?? '');
  return name && stat ? { name, stat } : undefined;
}

/** Prints /proc/net/dev; $1 an interface: prints its two byte counters from sysfs. */
export const NETDEV_SCRIPT = `${SHOW}
show /proc/net/dev`;
export const IFACE_STAT_SCRIPT =
  'd=/sys/class/net/$1/statistics; [ -d "$d" ] || exit 4; cat "$d/rx_bytes" "$d/tx_bytes"';

export function parseIfaceStat(text: string): { rxBytes: number; txBytes: number } | undefined {
  const [rx, tx] = text.trim().split(/\s+/).map(Number);
  return Number.isInteger(rx) && Number.isInteger(tx) ? { rxBytes: rx!, txBytes: tx! } : undefined;
}
