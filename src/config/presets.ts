/**
 * Presets: complete suite settings plus runs per cell.
 * - `paper`: the protocol of Raho et al. (2015), 10 runs per cell (nightly).
 * - `quick`: a few minutes per environment, for pull requests.
 * - `test`: the smallest run that still exercises every tool (the project's own CI).
 */
import { SuiteSettings, type SuiteOverrides } from './suites.js';

export const PRESET_NAMES = ['paper', 'quick', 'test'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/**
 * Adaptive rounds (see docs/analysis.md, "Adaptive rounds"): after the preset's runs, when
 * a baseline is known, extra interleaved rounds for the cells whose comparison is suggestive
 * but not decided, capped by rounds and by time.
 */
export interface RoundPolicy {
  /** Rounds an extended cell may reach (its preset runs + extra rounds). */
  maxRuns: number;
  /** Time budget of the extra rounds, as a share of the time the boot group's first rounds took. */
  extraTime: number;
  /** Share of each test's α spent at the first look; the rest at the final look. */
  alphaFirstLook: number;
  /** Uncorrected first-look p below which a test that points the worse way is suggestive. */
  suggestiveP: number;
  /** A cell is extended by at least this many rounds, or not at all (the least suggestive give way). */
  minExtraRounds: number;
}

export interface Preset {
  name: PresetName;
  /** Runs per cell unless a suite says otherwise (the first look of adaptive rounds). */
  runs: number;
  /** Adaptive rounds; absent: every cell runs exactly its runs. */
  rounds?: RoundPolicy;
  suites: SuiteSettings;
}

const PAPER_UNIXBENCH_TESTS = [
  'dhry2reg',
  'whetstone-double',
  'execl',
  'pipe',
  'context1',
  'spawn',
  'shell1',
  'shell8',
  'syscall',
] as const;

/**
 * The UnixBench tests whose duration `Run` fixes at 10 seconds (execl and spawn take 30 s,
 * shell1/shell8 60 s): a predictable cost per run, also under emulation (they count loops
 * in a fixed time).
 */
export const TEN_SECOND_UNIXBENCH_TESTS = [
  'dhry2reg',
  'whetstone-double',
  'pipe',
  'context1',
  'syscall',
] as const;

const ALL_IOZONE_TESTS = [
  'write-rewrite',
  'read-reread',
  'random-read-write',
  'backwards-read',
  'record-rewrite',
  'stride-read',
  'fwrite-frewrite',
  'fread-freread',
] as const;

export const PRESETS: Record<PresetName, Preset> = {
  paper: {
    name: 'paper',
    runs: 10,
    suites: {
      // 1000 messages × 100 bytes, 40 tasks per group (20 fds a side), 40–640 tasks.
      hackbench: {
        enabled: true,
        timeoutSeconds: 600,
        modes: ['process', 'thread'],
        ipc: ['socket', 'pipe'],
        groups: [1, 2, 4, 8, 16],
        fds: 20,
        loops: 1000,
        datasize: 100,
      },
      unixbench: {
        enabled: true,
        timeoutSeconds: 3600,
        tests: [...PAPER_UNIXBENCH_TESTS],
        copies: [1],
        iterations: 1,
      },
      // 4 KB, 1 MB, 10 MB files; records 4 KB … file size; caches left on.
      iozone: {
        enabled: true,
        timeoutSeconds: 1800,
        fileSizesKb: [4, 1024, 10240],
        minRecordKb: 4,
        tests: [...ALL_IOZONE_TESTS],
        flush: false,
      },
      netperf: {
        enabled: true,
        timeoutSeconds: 120,
        peer: 'auto',
        port: 12865,
        dataPort: 12866,
        tests: ['TCP_STREAM', 'TCP_RR', 'UDP_RR'],
        lengthSeconds: 10,
        messageBytes: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 4096],
        requestBytes: 1,
        responseBytes: 1,
      },
    },
  },
  quick: {
    name: 'quick',
    runs: 6,
    rounds: { maxRuns: 12, extraTime: 0.5, alphaFirstLook: 0.1, suggestiveP: 0.05, minExtraRounds: 3 },
    suites: {
      hackbench: {
        enabled: true,
        timeoutSeconds: 300,
        modes: ['process', 'thread'],
        ipc: ['socket', 'pipe'],
        groups: [1, 4],
        fds: 20,
        loops: 500,
        datasize: 100,
      },
      unixbench: {
        enabled: true,
        timeoutSeconds: 1200,
        tests: ['context1', 'syscall', 'pipe'],
        copies: [1],
        iterations: 1,
      },
      iozone: {
        enabled: true,
        timeoutSeconds: 600,
        fileSizesKb: [1024],
        minRecordKb: 4,
        maxRecordKb: 64,
        tests: ['write-rewrite', 'read-reread', 'random-read-write'],
        flush: false,
      },
      netperf: {
        enabled: true,
        timeoutSeconds: 60,
        peer: 'auto',
        port: 12865,
        dataPort: 12866,
        tests: ['TCP_STREAM', 'TCP_RR', 'UDP_RR'],
        lengthSeconds: 2,
        messageBytes: [64, 1024],
        requestBytes: 1,
        responseBytes: 1,
      },
    },
  },
  test: {
    name: 'test',
    runs: 2,
    suites: {
      hackbench: {
        enabled: true,
        timeoutSeconds: 60,
        modes: ['process'],
        ipc: ['socket'],
        groups: [1],
        fds: 20,
        loops: 100,
        datasize: 100,
      },
      unixbench: {
        enabled: false,
        timeoutSeconds: 600,
        tests: ['dhry2reg'],
        copies: [1],
        iterations: 1,
      },
      iozone: {
        enabled: true,
        timeoutSeconds: 60,
        fileSizesKb: [64],
        minRecordKb: 4,
        maxRecordKb: 4,
        tests: ['write-rewrite', 'read-reread'],
        flush: false,
      },
      netperf: {
        enabled: true,
        timeoutSeconds: 30,
        peer: 'auto',
        port: 12865,
        dataPort: 12866,
        tests: ['TCP_STREAM', 'TCP_RR'],
        lengthSeconds: 1,
        messageBytes: [1024],
        requestBytes: 1,
        responseBytes: 1,
      },
    },
  },
};

/** Preset settings with a config file's per-suite overrides applied (lists are replaced, not merged). */
export function resolveSuites(preset: Preset, overrides: SuiteOverrides = {}): SuiteSettings {
  const merged = {
    hackbench: { ...preset.suites.hackbench, ...stripUndefined(overrides.hackbench) },
    unixbench: { ...preset.suites.unixbench, ...stripUndefined(overrides.unixbench) },
    iozone: { ...preset.suites.iozone, ...stripUndefined(overrides.iozone) },
    netperf: { ...preset.suites.netperf, ...stripUndefined(overrides.netperf) },
  };
  // Re-validate: an override may combine with the preset into something invalid.
  return SuiteSettings.parse(merged);
}

function stripUndefined<T extends object>(o: T | undefined): Partial<T> {
  if (!o) return {};
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A config's `adaptive` overrides (docs/configuration.md). */
export interface AdaptiveOverrides {
  enabled?: boolean;
  maxRuns?: number;
  extraTime?: number;
}

/**
 * The round policy of a run: the preset's, with the config's overrides; undefined when the
 * preset has none or the config turns it off. `runs` is the first look: maxRuns must exceed it.
 */
export function roundPolicyFor(
  preset: Preset,
  overrides: AdaptiveOverrides = {},
  runs = preset.runs,
): RoundPolicy | undefined {
  if (overrides.enabled === false || !preset.rounds) return undefined;
  const policy: RoundPolicy = {
    ...preset.rounds,
    ...(overrides.maxRuns !== undefined ? { maxRuns: overrides.maxRuns } : {}),
    ...(overrides.extraTime !== undefined ? { extraTime: overrides.extraTime } : {}),
  };
  return policy.maxRuns > runs && policy.extraTime > 0 ? policy : undefined;
}
