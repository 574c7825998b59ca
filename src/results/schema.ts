/**
 * The result model: the single source of the types for `results.json`
 * (schema id `arm-virt-bench/results@1`). Contracts fixed in DESIGN.md: metric ids,
 * params, units and directions. Extend compatibly (new optional fields only).
 */
import { z } from 'zod';

export const RESULTS_SCHEMA_ID = 'arm-virt-bench/results@1';

export const SUITES = ['hackbench', 'unixbench', 'iozone', 'netperf'] as const;
export const SuiteId = z.enum(SUITES);
export type SuiteId = z.infer<typeof SuiteId>;

export const ENVIRONMENT_KINDS = ['host', 'kvm', 'docker', 'xen-dom0', 'xen-domu'] as const;
export const EnvironmentKind = z.enum(ENVIRONMENT_KINDS);
export type EnvironmentKind = z.infer<typeof EnvironmentKind>;

export const BOOT_MODES = ['linux', 'xen'] as const;
export const BootMode = z.enum(BOOT_MODES);
export type BootMode = z.infer<typeof BootMode>;

export const Better = z.enum(['higher', 'lower']);
export type Better = z.infer<typeof Better>;

/** Params are numbers where they are numbers (DESIGN.md). */
export const ParamValue = z.union([z.string(), z.number().finite()]);
export const Params = z.record(z.string(), ParamValue);
export type Params = z.infer<typeof Params>;

/** A metric id: `suite.name[.name...]`, lower-case, digits, `_` and `-` inside names. */
export const MetricId = z
  .string()
  .regex(/^(hackbench|unixbench|iozone|netperf)(\.[a-z0-9][a-z0-9_-]*)+$/, 'not a metric id');

export const Unit = z.string().min(1);

/** What a parser yields: one measured value. */
export const ParsedSample = z.object({
  metric: MetricId,
  params: Params,
  value: z.number().finite(),
  unit: Unit,
  better: Better,
  /** Warnings the tool attached to this very value (e.g. netperf's confidence "!!! WARNING"). */
  warnings: z.array(z.string()).optional(),
});
export type ParsedSample = z.infer<typeof ParsedSample>;

export const Sample = ParsedSample.extend({
  env: z.string().min(1),
  suite: SuiteId,
  round: z.number().int().nonnegative(),
  /** `ref` of the raw log in `logs[]` this value was parsed from. */
  log: z.string().min(1),
});
export type Sample = z.infer<typeof Sample>;

export const Failure = z.object({
  env: z.string().min(1),
  suite: z.union([SuiteId, z.literal('environment'), z.literal('board')]),
  params: Params,
  round: z.number().int().nonnegative(),
  message: z.string(),
  log: z.string().optional(),
  /** Machine-readable cause: timeout, parse, exit, transport, missing-tool, setup, cancelled, ... */
  kind: z.string().optional(),
});
export type Failure = z.infer<typeof Failure>;

export const LogRef = z.object({
  ref: z.string().min(1),
  path: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
});
export type LogRef = z.infer<typeof LogRef>;

/**
 * A fingerprint is an open bag of facts (kernel, cmdline, hypervisor, versions, CPU,
 * governor, memory, cgroup limits). Known keys are typed; anything else is kept.
 */
export const Fingerprint = z
  .object({
    kernel: z.string().optional(),
    cmdline: z.string().optional(),
    arch: z.string().optional(),
    hypervisor: z.string().optional(),
    hypervisorVersion: z.string().optional(),
    xenCapabilities: z.string().optional(),
    kvm: z.string().optional(),
    qemuVersion: z.string().optional(),
    dockerVersion: z.string().optional(),
    cpuModel: z.string().optional(),
    cpus: z.number().optional(),
    governor: z.string().optional(),
    cpuMHz: z.number().optional(),
    memoryBytes: z.number().optional(),
    cgroupCpuLimit: z.string().optional(),
    cgroupMemoryLimit: z.string().optional(),
    toolVersions: z.record(z.string(), z.string()).optional(),
    /** IOzone's scratch folder as the environment sees it (DESIGN.md, "Measurement paths"). */
    scratch: z
      .object({ path: z.string(), source: z.string(), fstype: z.string(), device: z.string().optional() })
      .optional(),
    /** netperf's peer: where netserver ran, its address, and the interface that carried the traffic. */
    netperfPeer: z
      .object({
        kind: z.enum(['controller', 'board', 'external', 'self']),
        address: z.string(),
        via: z.string(),
      })
      .optional(),
    /** CPUs the environment's benchmark processes may run on, read from inside it. */
    cpusAvailable: z.number().int().positive().optional(),
    /** Which physical CPUs those are (board numbering), where known. */
    cpuList: z.string().optional(),
    /** Memory the environment may use (bytes): the least of MemTotal and its cgroup limits. */
    memoryLimitBytes: z.number().positive().optional(),
  })
  .catchall(z.unknown());
export type Fingerprint = z.infer<typeof Fingerprint>;

const Bytes = z.number().int();

/**
 * What one netperf or IOzone cell moved through the environment's I/O paths: counter
 * differences read just before and after the cell (src/engine/io-counters.ts).
 */
export const IoCounters = z.object({
  env: z.string().min(1),
  suite: SuiteId,
  params: Params,
  round: z.number().int().nonnegative(),
  nic: z
    .object({
      /** The interface inside the environment towards the peer, and its bytes. */
      via: z.string(),
      rxBytes: Bytes,
      txBytes: Bytes,
      loopback: z.object({ rxBytes: Bytes, txBytes: Bytes }),
      /** The environment's virtual interface on the board (TAP, vif, veth). */
      board: z.object({ iface: z.string(), rxBytes: Bytes, txBytes: Bytes }).optional(),
    })
    .optional(),
  disk: z
    .object({
      /** Kernel name of the block device (vda, xvdb, sda2) under the scratch folder. */
      device: z.string(),
      /** Read inside the environment or, for docker's upper directory, on the board. */
      where: z.enum(['environment', 'board']),
      readIos: Bytes,
      readSectors: Bytes,
      writeIos: Bytes,
      writeSectors: Bytes,
    })
    .optional(),
  /** Counters that could not be read, and why. */
  notes: z.array(z.string()).optional(),
});
export type IoCounters = z.infer<typeof IoCounters>;

export const Environment = z.object({
  id: z.string().min(1),
  kind: EnvironmentKind,
  bootMode: BootMode,
  fingerprint: Fingerprint,
  /** Set when the environment could not be measured at all (and why). */
  skipped: z.string().optional(),
});
export type Environment = z.infer<typeof Environment>;

/**
 * The round policy of a run that added rounds after looking at its data (adaptive rounds):
 * which rounds were the first look, how much of α the analysis spends there, and which cells
 * got extra rounds. Absent: every cell ran its fixed rounds, one look.
 */
export const AdaptiveRounds = z.object({
  /** Rounds each suite's cells ran before the interim look (rounds 0 … n−1). */
  firstLook: z.partialRecord(SuiteId, z.number().int().positive()),
  /** Rounds an extended cell may reach. */
  maxRuns: z.number().int().positive(),
  /** Share of each test's α spent at the first look; the rest is spent at the final look. */
  alphaFirstLook: z.number().gt(0).lt(1),
  /** Engine cells (`env/suite/key`) that got extra rounds. */
  extended: z.array(z.string()),
  /** Extra rounds run, and why they stopped. */
  extraRounds: z.number().int().nonnegative().optional(),
  stopped: z.string().optional(),
});
export type AdaptiveRounds = z.infer<typeof AdaptiveRounds>;

export const RunInfo = z.object({
  id: z.string().min(1),
  toolVersion: z.string(),
  started: z.string(),
  finished: z.string().optional(),
  preset: z.string(),
  configDigest: z.string(),
  gitSha: z.string().optional(),
  /** in-progress while the engine runs; complete / partial / cancelled at the end. */
  status: z.enum(['in-progress', 'complete', 'partial', 'cancelled']).optional(),
  adaptive: AdaptiveRounds.optional(),
  /**
   * The CPUs and memory every environment was to get (config `resources`), and whether
   * unequal environments were measured on purpose (`allowUnequal`).
   */
  resources: z
    .object({
      cpus: z.number().int().positive().nullable(),
      memoryBytes: z.number().positive().nullable(),
      cpuList: z.string().nullable(),
      host: z.enum(['cgroup', 'boot']),
      allowUnequal: z.boolean(),
    })
    .optional(),
});
export type RunInfo = z.infer<typeof RunInfo>;

export const Board = z.object({
  name: z.string().min(1),
  fingerprints: z.record(z.string(), Fingerprint).default({}),
});
export type Board = z.infer<typeof Board>;

/** One file the run put on the board (deploy): where it came from, where it went, its checksum. */
export const DeployedFile = z.object({
  /** kernel, dtb, initrd, xen, modules, guest-kernel, guest-initrd, disk, domain-config, image, context, file */
  role: z.string().min(1),
  /** Where it applies: `linux` or `xen` (a boot), `env:<id>`, `modules` or `files`. */
  scope: z.string().min(1),
  /** The workspace path as the config names it. */
  source: z.string(),
  /** The path on the board (checked with sha256sum after the copy). */
  target: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
});
export type DeployedFile = z.infer<typeof DeployedFile>;

/** One trial boot of the under-test slot and how it ended. */
export const DeployBoot = z.object({
  mode: BootMode,
  /** booted: the under-test slot came up (marker seen); fell-back: the board came back on the known-good; unreachable: it did not come back. */
  outcome: z.enum(['booted', 'fell-back', 'unreachable']),
  bootId: z.string().optional(),
  kernel: z.string().optional(),
  /** Where the console stopped, for a boot that did not come up (boot loader, xen, kernel, init, …). */
  stage: z.string().optional(),
  message: z.string().optional(),
  /** `ref` of the console excerpt of this boot in `logs[]`. */
  log: z.string().optional(),
});
export type DeployBoot = z.infer<typeof DeployBoot>;

/** What the run deployed (provenance) and how its boots went. Absent: nothing deployed. */
export const Deploy = z.object({
  /** Content id of the deployment (files' sha256, arguments, commands, commit); the boot's slot marker. */
  id: z.string().min(1),
  /** The commit the files were built from. */
  commit: z.string().optional(),
  /** A name for the change (e.g. `PR #42`). */
  label: z.string().optional(),
  /** The under-test slot: its folder on the boot partition and on the board. */
  slot: z.object({ boot: z.string(), dir: z.string() }),
  files: z.array(DeployedFile),
  /** Command-line arguments under test, by where they go (`linux.kernelArgs`, `xen.xenArgs`, …). */
  args: z.record(z.string(), z.string()).default({}),
  commands: z
    .array(
      z.object({
        argv: z.array(z.string()),
        when: z.string(),
        mode: BootMode.optional(),
        exitCode: z.number().int().nullable(),
        log: z.string().optional(),
      }),
    )
    .default([]),
  /** Boot modes that ran from the under-test slot. */
  modes: z.array(BootMode).default([]),
  boots: z.array(DeployBoot).default([]),
  /** deployed: on the board (and every trial boot came up); failed: copying or a command failed; did-not-boot: a trial boot fell back. */
  status: z.enum(['in-progress', 'deployed', 'failed', 'did-not-boot']),
  message: z.string().optional(),
});
export type Deploy = z.infer<typeof Deploy>;

export const Results = z.object({
  schema: z.literal(RESULTS_SCHEMA_ID),
  run: RunInfo,
  board: Board,
  environments: z.array(Environment),
  samples: z.array(Sample),
  failures: z.array(Failure),
  logs: z.array(LogRef),
  /** Proof of path per netperf/IOzone cell and round (absent in files of older versions). */
  ioCounters: z.array(IoCounters).optional(),
  /** What the run deployed to the board before measuring (the code under test). */
  deploy: Deploy.optional(),
});
export type Results = z.infer<typeof Results>;
