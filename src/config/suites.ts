/**
 * Per-suite settings: what each suite measures (its parameters) and how the engine runs
 * it (enabled, runs, per-cell timeout). Presets give complete settings; a config file
 * overrides any key per suite. Every key here is documented in docs/configuration.md
 * (a unit test walks these schemas and fails on an undocumented key).
 */
import { z } from 'zod';

const PositiveInt = z.number().int().positive();
/** A non-empty list of distinct values. */
const list = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .min(1, 'needs at least one value')
    .refine((a) => new Set(a.map((v) => JSON.stringify(v))).size === a.length, 'values must be distinct');

/** Keys every suite has: whether it runs, how often, and how long one cell may take. */
const common = {
  enabled: z.boolean(),
  /** Runs per cell (rounds); falls back to the preset's `runs`. */
  runs: PositiveInt.optional(),
  /** Hard limit for one cell: on expiry its process tree is killed and a failure recorded. */
  timeoutSeconds: z.number().positive(),
};

export const HackbenchSettings = z
  .object({
    ...common,
    modes: list(z.enum(['process', 'thread'])),
    ipc: list(z.enum(['socket', 'pipe'])),
    groups: list(PositiveInt),
    /** hackbench -f: file descriptors per sender/receiver side; a group is 2×fds tasks. */
    fds: PositiveInt,
    /** hackbench -l: messages each sender passes. */
    loops: PositiveInt,
    /** hackbench -s: bytes per message. */
    datasize: PositiveInt,
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
    /** A built byte-UnixBench tree on the target (the folder holding `Run`). */
    path: z.string().min(1).optional(),
    /** A source checkout on the target, built with `make` when `path` holds no built tree. */
    sourcePath: z.string().min(1).optional(),
    tests: list(z.enum(UNIXBENCH_TESTS)),
    /** Run -c: parallel copies; one result block per value. */
    copies: list(PositiveInt),
    /** Run -i: UnixBench's own iterations per test. */
    iterations: PositiveInt,
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
    fileSizesKb: list(PositiveInt),
    /** Smallest record size (-y); the largest is the file size, capped by `maxRecordKb`. */
    minRecordKb: PositiveInt,
    maxRecordKb: PositiveInt.optional(),
    tests: list(IozoneTest),
    /** Folder on the environment's own disk for the per-run scratch dir (removed afterwards). */
    scratchDir: z.string().min(1).startsWith('/', 'must be an absolute path'),
  })
  .strict();
export type IozoneSettings = z.infer<typeof IozoneSettings>;

export const NETPERF_TESTS = ['TCP_STREAM', 'TCP_RR', 'UDP_RR'] as const;

/**
 * Where netserver runs. `self`: in the same environment on 127.0.0.1, started by the
 * engine. `board`: on the board, started by the engine, reached from the environment at
 * `host` (e.g. the docker bridge gateway or the guest's route to the board). `external`:
 * already running at `host`, never started or stopped by the engine.
 */
export const NetperfPeer = z.union([
  z.literal('self'),
  z
    .object({
      type: z.literal('board'),
      host: z.string().min(1),
      /** Address netserver binds to on the board. */
      listen: z.string().min(1).default('0.0.0.0'),
    })
    .strict(),
  z.object({ type: z.literal('external'), host: z.string().min(1) }).strict(),
]);
export type NetperfPeer = z.infer<typeof NetperfPeer>;

export const NetperfSettings = z
  .object({
    ...common,
    peer: NetperfPeer,
    /** netserver's control port (netperf -p, netserver -p). */
    port: z.number().int().min(1).max(65535),
    tests: list(z.enum(NETPERF_TESTS)),
    /** netperf -l: seconds per test. */
    lengthSeconds: PositiveInt,
    /** TCP_STREAM: one cell per send size (-- -m). */
    messageBytes: list(PositiveInt),
    /** TCP_RR / UDP_RR request and response sizes (-- -r REQ,RESP). */
    requestBytes: PositiveInt,
    responseBytes: PositiveInt,
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
  .strict();
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
