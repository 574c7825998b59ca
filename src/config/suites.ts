/**
 * Per-suite settings: what each suite measures (its parameters) and how the engine runs
 * it (enabled, runs, per-cell timeout). Presets give complete settings; a config file
 * overrides any key per suite. Every key here is documented in docs/configuration.md
 * (a unit test walks these schemas and fails on an undocumented key).
 */
import { z } from 'zod';
import { SshTarget } from './board.js';
import { MAX_LIST, Runs, timeoutSeconds } from './bounds.js';

const PositiveInt = z.number().int().positive();
/** A positive integer up to `max`, with the reason in the error. */
const upTo = (max: number, why: string) =>
  PositiveInt.max(max, `at most ${max.toLocaleString('en-US')}: ${why}`);
/** A non-empty list of distinct values, at most MAX_LIST of them. */
const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .min(1, 'needs at least one value')
    .max(MAX_LIST, `at most ${MAX_LIST} values (each one is a cell in every environment and round)`)
    .refine((a) => new Set(a.map((v) => JSON.stringify(v))).size === a.length, 'values must be distinct');

/** Keys every suite has: whether it runs, how often, and how long one cell may take. */
const common = {
  enabled: z.boolean(),
  /** Runs per cell (rounds); falls back to the preset's `runs`. */
  runs: Runs.optional(),
  /** Hard limit for one cell: on expiry its process tree is killed and a failure recorded. */
  timeoutSeconds: timeoutSeconds(),
};

export const HackbenchSettings = z
  .object({
    ...common,
    modes: list(z.enum(['process', 'thread'])),
    ipc: list(z.enum(['socket', 'pipe'])),
    groups: list(upTo(1024, "each group is 2 × fds tasks; more exhausts a board's process limit")),
    /** hackbench -f: file descriptors per sender/receiver side; a group is 2×fds tasks. */
    fds: upTo(1024, 'hackbench opens 2 × fds sockets or pipes per group (the open-files limit)'),
    /** hackbench -l: messages each sender passes. */
    loops: upTo(100_000_000, 'one cell would run for days'),
    /** hackbench -s: bytes per message. */
    datasize: upTo(1_048_576, 'hackbench messages are small (the paper: 100 bytes); 1 MiB at most'),
  })
  .strict();
export type HackbenchSettings = z.infer<typeof HackbenchSettings>;

/** UnixBench's non-graphics tests (graphics tests are never run). */
export const UNIXBENCH_TESTS = [
  'dhry2reg',
  'whetstone-double',
  'execl',
  'fstime',
  'fsbuffer',
  'fsdisk',
  'fstime-w',
  'fsbuffer-w',
  'fsdisk-w',
  'fstime-r',
  'fsbuffer-r',
  'fsdisk-r',
  'pipe',
  'context1',
  'spawn',
  'shell1',
  'shell8',
  'shell16',
  'syscall',
] as const;

export const UnixbenchSettings = z
  .object({
    ...common,
    /**
     * A built byte-UnixBench tree on the board (the folder holding `Run`), at the same path
     * in the Docker image and the guests. Default: where the engine installs it
     * (src/suites/unixbench/source.ts, `defaultTreePath`).
     */
    path: z.string().min(1).startsWith('/', 'must be an absolute path').optional(),
    /** A source checkout on the target, built with `make` when `path` holds no built tree. */
    sourcePath: z.string().min(1).optional(),
    /**
     * byte-UnixBench's source on the controller (a tarball or a directory) that the engine
     * copies to the board and builds at `path` when no built tree is there.
     */
    source: z.string().min(1).optional(),
    /**
     * Git URL the controller clones `commit` from when no `source` is given and no built
     * tree is on the board. Default: $AVB_UNIXBENCH_GIT, else byte-UnixBench under
     * $GITHUB_SERVER_URL (set in every GitHub Actions job).
     */
    gitUrl: z.string().min(1).optional(),
    /** The byte-UnixBench commit a git clone checks out (default: the pinned one). */
    commit: z
      .string()
      .regex(/^[0-9a-f]{40}$/, 'a full 40-character commit id')
      .optional(),
    tests: list(z.enum(UNIXBENCH_TESTS)),
    /** Run -c: parallel copies; one result block per value. */
    copies: list(upTo(1024, "parallel copies beyond any board's CPU count")),
    /** Run -i: UnixBench's own iterations per test. */
    iterations: upTo(100, 'each iteration of a test takes 10–60 s'),
  })
  .strict();
export type UnixbenchSettings = z.infer<typeof UnixbenchSettings>;

/** IOzone test groups (iozone -i N) by name. */
export const IOZONE_TESTS = {
  'write-rewrite': 0,
  'read-reread': 1,
  'random-read-write': 2,
  'backwards-read': 3,
  'record-rewrite': 4,
  'stride-read': 5,
  'fwrite-frewrite': 6,
  'fread-freread': 7,
} as const;
export type IozoneTest = keyof typeof IOZONE_TESTS;
const IozoneTest = z.enum(Object.keys(IOZONE_TESTS) as [IozoneTest, ...IozoneTest[]]);

export const IozoneSettings = z
  .object({
    ...common,
    /** One cell per file size (iozone -s), each sweeping record sizes (-a -y -q). */
    fileSizesKb: list(upTo(67_108_864, '64 GiB, beyond the scratch space of any board')),
    /** Smallest record size (-y); the largest is the file size, capped by `maxRecordKb`. */
    minRecordKb: upTo(16_384, "IOzone's largest record is 16 MiB"),
    maxRecordKb: upTo(16_384, "IOzone's largest record is 16 MiB").optional(),
    tests: list(IozoneTest),
    /**
     * iozone -e: include fsync/fflush in the timings, so that every write reaches the
     * environment's disk. Off in the presets: the paper left the caches on.
     */
    flush: z.boolean().default(false),
    /**
     * Before per-environment scratch settings: the folder for every environment. Now the
     * default for the environments whose scratch is a folder (host, xen-dom0, docker)
     * when they name none of their own; kvm and xen-domu use their data disk.
     */
    scratchDir: z.string().min(1).startsWith('/', 'must be an absolute path').optional(),
  })
  .strict();
export type IozoneSettings = z.infer<typeof IozoneSettings>;

export const NETPERF_TESTS = ['TCP_STREAM', 'TCP_RR', 'UDP_RR'] as const;

/** An IPv4/IPv6 address or a host name (passed as one argv item, never through a shell). */
const HostAddress = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.:-]*$/, 'an IP address or host name');

/** Where netserver runs, relative to the measured environment (see NetperfPeer). */
export const PEER_KINDS = ['controller', 'board', 'external', 'self'] as const;
export type PeerKind = (typeof PEER_KINDS)[number];

/**
 * Where netserver runs; netperf always runs inside the measured environment.
 * - `auto` (the presets): `controller` when the board is reached over SSH, `board` when
 *   the run is local (then controller and board are one machine).
 * - `controller`: on the machine running the CLI or the action, started and stopped by
 *   the engine: the paper's "netperf server in the local network". `address` is the
 *   controller as the board's environments reach it (default: the client address of the
 *   board's SSH session), `listen` the controller's address netserver binds to (default:
 *   the controller's own address towards the board).
 * - `board`: on the board's own network stack, started and stopped by the engine; each
 *   environment reaches it over its own link (the docker bridge's gateway, the KVM
 *   guest's bridge, the DomU's Xen bridge; 127.0.0.1 for host and Dom0) unless `address`
 *   names one address for all; netserver binds to exactly those addresses unless `listen`.
 * - `external`: a host named by `address`; with `ssh` the engine starts and stops
 *   netserver there, without it netserver must already be running.
 * - `self`: in the environment itself on 127.0.0.1 (only when asked for: nothing crosses
 *   a virtual NIC).
 * The spellings of before (`{type: board, host, listen}`, `{type: external, host}`) are
 * still read: `type` is `kind`, `host` is `address`.
 */
export const NetperfPeer = z.union([
  z.enum(['auto', 'controller', 'board', 'self']),
  z.discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('controller'),
        address: HostAddress.optional(),
        listen: HostAddress.optional(),
      })
      .strict(),
    z
      .object({ kind: z.literal('board'), address: HostAddress.optional(), listen: HostAddress.optional() })
      .strict(),
    z
      .object({
        kind: z.literal('external'),
        address: HostAddress,
        /** Start netserver there over SSH (host key checked); without it, it must be running. */
        ssh: SshTarget.optional(),
        listen: HostAddress.optional(),
      })
      .strict(),
    z.object({ kind: z.literal('self') }).strict(),
  ]),
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('board'), host: HostAddress, listen: HostAddress.optional() }).strict(),
    z.object({ type: z.literal('external'), host: HostAddress }).strict(),
  ]),
]);
export type NetperfPeer = z.infer<typeof NetperfPeer>;

/** A peer in one spelling: what the engine works with. */
export type PeerSpec =
  | { kind: 'self' }
  | { kind: 'controller'; address?: string; listen?: string }
  | { kind: 'board'; address?: string; listen?: string }
  | { kind: 'external'; address: string; ssh?: SshTarget; listen?: string };

/** `auto` and the spellings of before → one PeerSpec; `auto` depends on how the board is reached. */
export function peerSpec(peer: NetperfPeer, boardConnection: 'local' | 'ssh'): PeerSpec {
  if (typeof peer === 'string') {
    if (peer === 'auto') return { kind: boardConnection === 'ssh' ? 'controller' : 'board' };
    return { kind: peer };
  }
  if ('type' in peer) {
    if (peer.type === 'board')
      return { kind: 'board', address: peer.host, ...(peer.listen ? { listen: peer.listen } : {}) };
    return { kind: 'external', address: peer.host };
  }
  return peer;
}

export const NetperfSettings = z
  .object({
    ...common,
    peer: NetperfPeer,
    /** netserver's control port (netperf -p, netserver -p). */
    port: z.number().int().min(1).max(65535),
    /**
     * netserver's data port (netperf -- -P ,PORT): fixed, so that NAT and firewalls can
     * pass it next to the control port.
     */
    dataPort: z.number().int().min(1).max(65535),
    tests: list(z.enum(NETPERF_TESTS)),
    /** netperf -l: seconds per test. */
    lengthSeconds: upTo(3600, 'an hour per test'),
    /** TCP_STREAM: one cell per send size (-- -m). */
    messageBytes: list(upTo(16_777_216, "16 MiB, beyond netperf's socket buffers")),
    /** TCP_RR / UDP_RR request and response sizes (-- -r REQ,RESP). */
    requestBytes: upTo(65_507, 'the largest UDP payload (UDP_RR) is 65,507 bytes'),
    responseBytes: upTo(65_507, 'the largest UDP payload (UDP_RR) is 65,507 bytes'),
  })
  .strict();
export type NetperfSettings = z.infer<typeof NetperfSettings>;

export const SuiteSettings = z
  .object({
    hackbench: HackbenchSettings,
    unixbench: UnixbenchSettings,
    iozone: IozoneSettings,
    netperf: NetperfSettings,
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.netperf.port === s.netperf.dataPort) {
      ctx.addIssue({
        code: 'custom',
        path: ['netperf', 'dataPort'],
        message: `must differ from port (${s.netperf.port}: netserver's control connections)`,
      });
    }
  });
export type SuiteSettings = z.infer<typeof SuiteSettings>;

/** What a config file may say about suites: any key of any suite, the rest from the preset. */
export const SuiteOverrides = z
  .object({
    hackbench: HackbenchSettings.partial().strict().optional(),
    unixbench: UnixbenchSettings.partial().strict().optional(),
    iozone: IozoneSettings.partial().strict().optional(),
    netperf: NetperfSettings.partial().strict().optional(),
  })
  .strict();
export type SuiteOverrides = z.infer<typeof SuiteOverrides>;
