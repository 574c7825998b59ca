/**
 * The analysis model: what `analyze()` returns and the report renders. Plain data only
 * (JSON-serialisable: numbers are finite or null, no Maps, no functions), so it can be
 * written next to results.json and consumed by other tools.
 */
import type { Better, EnvironmentKind, Params, SuiteId } from '../results/schema.js';

export const ANALYSIS_SCHEMA_ID = 'arm-virt-bench/analysis@1';

export type Verdict = 'regression' | 'improvement' | 'unchanged' | 'incomparable' | 'erratic' | 'missing';
export const VERDICTS: readonly Verdict[] = [
  'regression',
  'improvement',
  'unchanged',
  'incomparable',
  'erratic',
  'missing',
];

export type Correction = 'holm' | 'bh';

/** Who changes a fingerprint fact: the code under test (compared), or the lab's setup (incomparable). */
export type ChangeClass = 'under-test' | 'setup';

export interface AnalyzeOptions {
  /** The results to compare against; without it there are no verdicts, only stats and overheads. */
  baseline?: import('../results/schema.js').Results;
  /** Smallest relative degradation worth a verdict (0.05 = 5%). */
  minEffect?: number;
  /** Family-wise (holm) or false-discovery (bh) level across every compared cell. */
  alpha?: number;
  correction?: Correction;
  /** A cell whose coefficient of variation exceeds this on either side is `erratic`. */
  maxCv?: number;
  /** Id of the environment overheads are measured against (default: the one of kind `host`). */
  hostEnv?: string;
  /**
   * Fingerprint keys whose difference is compared anyway (a setup change made on purpose, e.g.
   * `cgroupCpuLimit`). Changes under test (kernel, hypervisor, QEMU, Docker, images) are
   * compared by default.
   */
  expectChanges?: string[];
  /** Fingerprint keys that must not differ: a difference makes the cells incomparable (e.g. `kernel`). */
  expectSame?: string[];
  /**
   * Share of alpha given to the suite-level aggregates (tested first); the rest goes to the
   * cells, which also inherit the share of every aggregate found changed (default 0.5).
   */
  aggregateShare?: number;
  /** Bootstrap resamples for overhead intervals (default 1000; 0 = no intervals, for simulations). */
  bootstrap?: number;
}

export interface ResolvedOptions {
  minEffect: number;
  alpha: number;
  correction: Correction;
  maxCv: number;
  hostEnv: string | null;
  expectChanges: string[];
  expectSame: string[];
  aggregateShare: number;
  /** Power the minimum detectable effects are computed for (0.8). */
  power: number;
  bootstrap: number;
  /** The confidence level of every interval in the analysis (0.95). */
  confidence: number;
}

/** One cell: an environment × metric × params. */
export interface CellRef {
  env: string;
  suite: SuiteId;
  metric: string;
  params: Params;
  /** Canonical `metric|k=v,...` (environment-agnostic) key. */
  metricKey: string;
  unit: string;
  better: Better;
  /** Human label of metric + params, e.g. `TCP_RR 1/1 B`. */
  label: string;
}

export interface CellStats extends CellRef {
  n: number;
  mean: number;
  median: number;
  /** Sample standard deviation (n − 1); null when n < 2. */
  sd: number | null;
  /** sd / mean; null when n < 2 or the mean is 0. */
  cv: number | null;
  /** 95% interval of the mean on the log scale (always > 0 for positive values); null when n < 2. */
  ciLow: number | null;
  ciHigh: number | null;
  min: number;
  max: number;
  /** Samples carrying a tool warning (e.g. netperf's confidence warning). */
  warnings: number;
}

export interface Overhead extends CellRef {
  hostEnv: string;
  /** Paper definition (fraction): lower-is-better (env − host)/host; higher-is-better (host − env)/host. */
  overhead: number;
  /** Percentile bootstrap interval of the overhead (ratio of means), seeded per cell. */
  ciLow: number;
  ciHigh: number;
  nEnv: number;
  nHost: number;
  envMean: number;
  hostMean: number;
  /** "KVM TCP_RR 1/1 B overhead 32.5% ± 2.0% (n=10)". */
  sentence: string;
  /**
   * Set when the overhead does not measure the virtualization layer alone: the environment
   * had other CPUs or memory than the host ("unequal resources: ..."; analysis/resources.ts).
   */
  verdict?: 'incomparable';
  reason?: string;
}

export interface SideSummary {
  n: number;
  mean: number;
  cv: number | null;
}

interface VerdictFields {
  verdict: Verdict;
  /** Relative degradation, direction-aware (> 0 is worse): fraction. null when not tested. */
  change: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  p: number | null;
  pAdjusted: number | null;
  /** Why the verdict is what it is, for anything other than a plain test outcome. */
  reason: string | null;
  /**
   * Minimum detectable effect: the smallest degradation (fraction) this test had an 80%
   * chance to flag, from its own n and CV at the level it was tested at; null when not tested.
   */
  mde: number | null;
  /** Extra rounds of the current run behind this test (adaptive rounds), 0 without. */
  extraRounds: number;
}

export interface Comparison extends CellRef, VerdictFields {
  baseline: SideSummary | null;
  current: SideSummary | null;
}

export interface OverheadComparison extends CellRef, VerdictFields {
  hostEnv: string;
  baselineOverhead: number | null;
  currentOverhead: number | null;
  /** "KVM TCP_RR 1/1 B overhead grew from 30.1% to 38.2% (+8.1 pp) ..." */
  sentence: string;
}

/** A suite's overhead in one environment: the geometric mean over its cells of env/host. */
export interface SuiteOverhead {
  env: string;
  suite: SuiteId;
  hostEnv: string;
  /** "KVM IOzone". */
  label: string;
  /** Paper definition (fraction) applied to the geometric mean of the cells' ratios. */
  overhead: number;
  /** Interval from the rounds (round-clustered variance, t with rounds − 1 df); null below 2 rounds. */
  ciLow: number | null;
  ciHigh: number | null;
  cells: number;
  rounds: number;
  sentence: string;
}

/** A suite-level overhead verdict: has this environment's overhead for the whole suite changed? */
export interface AggregateComparison extends VerdictFields {
  env: string;
  suite: SuiteId;
  hostEnv: string;
  label: string;
  /** Cells in the aggregate: compared on both sides. */
  cells: number;
  baselineOverhead: number | null;
  currentOverhead: number | null;
  /** Rounds on each side (clusters of the variance). */
  rounds: { baseline: number; current: number };
  /** "KVM IOzone overhead grew from 12.0% to 17.6% (…)" */
  sentence: string;
}

/** A test whose minimum detectable effect is above the configured minimum effect. */
export interface Underpowered {
  test: 'aggregate' | 'overhead' | 'absolute';
  env: string;
  suite: SuiteId;
  label: string;
  mde: number;
}

export interface EnvironmentSummary {
  id: string;
  kind: EnvironmentKind;
  bootMode: string;
  label: string;
  isHost: boolean;
  skipped: string | null;
  cells: number;
  failures: number;
  /** What it measured through, as read from inside it (fingerprint keys `scratch`, `netperfPeer`). */
  paths?: {
    scratch?: { path: string; source: string; fstype: string };
    netperfPeer?: { kind: string; address: string; via: string };
  };
}

export interface FailureGroup {
  env: string;
  suite: string;
  params: Params;
  kinds: string[];
  rounds: number[];
  /** First message (untrusted tool output: escape before rendering). */
  message: string;
}

export interface FingerprintDifference {
  env: string;
  key: string;
  baseline: string;
  current: string;
  /** Compared anyway (a change under test, or listed in expectChanges): reported, not a reason for incomparable. */
  expected: boolean;
  /** Which side of the split the key is on by default. */
  class: ChangeClass;
  /** Suite the difference is limited to (tool versions), or null for the whole environment. */
  suite: SuiteId | null;
}

export interface RunSummary {
  id: string;
  preset: string;
  started: string;
  finished: string | null;
  status: string | null;
  gitSha: string | null;
  board: string;
  toolVersion: string;
}

export interface VerdictCounts {
  regression: number;
  improvement: number;
  unchanged: number;
  incomparable: number;
  erratic: number;
  missing: number;
}

export type HeadlineStatus = 'regression' | 'ok' | 'no-baseline' | 'incomparable';

export interface Headline {
  /**
   * regression: at least one (aggregate, overhead or absolute) regression; ok: compared, none;
   * incomparable: a baseline, but not one test could be run (`reason` says why);
   * no-baseline: nothing to compare.
   */
  status: HeadlineStatus;
  /** One sentence for the first line of a report whose status is incomparable; else null. */
  reason: string | null;
  aggregateRegressions: AggregateComparison[];
  overheadRegressions: OverheadComparison[];
  regressions: Comparison[];
  aggregateCounts: VerdictCounts;
  overheadCounts: VerdictCounts;
  absoluteCounts: VerdictCounts;
  /** Tests in the correction family (aggregates and cells). */
  tests: number;
  /** Tests whose minimum detectable effect exceeds the minimum effect. */
  underpowered: number;
}

/** How the tests of a report were corrected and with which design (for the report's method line). */
export interface TestDesign {
  /** 'holm': weighted Holm with drill-down (FWER); 'bh': Benjamini-Hochberg per level. */
  correction: Correction;
  aggregateTests: number;
  cellTests: number;
  /** Adaptive rounds of the current run: the first look's share of alpha; null for one look. */
  alphaFirstLook: number | null;
  extendedCells: number;
  extraRounds: number;
}

export interface Analysis {
  schema: typeof ANALYSIS_SCHEMA_ID;
  options: ResolvedOptions;
  current: RunSummary;
  baseline: RunSummary | null;
  environments: EnvironmentSummary[];
  cells: CellStats[];
  baselineCells: CellStats[];
  overheads: Overhead[];
  /** Point estimates: ciLow = ciHigh = overhead (the comparison carries its own interval). */
  baselineOverheads: Overhead[];
  /** Per environment × suite, the current run's geometric-mean overhead. */
  suiteOverheads: SuiteOverhead[];
  /** Suite-level overhead verdicts (tested first; the cells are the drill-down). */
  aggregates: AggregateComparison[];
  comparisons: Comparison[];
  overheadComparisons: OverheadComparison[];
  headline: Headline;
  design: TestDesign;
  /** Tests that could not have seen a change of the minimum effect (MDE above it). */
  underpowered: Underpowered[];
  failures: FailureGroup[];
  fingerprintDifferences: FingerprintDifference[];
  notes: string[];
}
