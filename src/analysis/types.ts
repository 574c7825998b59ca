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
  /** Fingerprint keys changed on purpose (e.g. `kernel` in a kernel-upgrade PR): not a reason for `incomparable`. */
  expectChanges?: string[];
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
  /** Listed in expectChanges: reported, but not a reason for incomparable. */
  expected: boolean;
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

export interface Headline {
  /** regression: at least one (overhead or absolute) regression; ok: compared, none; no-baseline: nothing to compare. */
  status: 'regression' | 'ok' | 'no-baseline';
  overheadRegressions: OverheadComparison[];
  regressions: Comparison[];
  overheadCounts: VerdictCounts;
  absoluteCounts: VerdictCounts;
  /** Tests in the correction family. */
  tests: number;
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
  comparisons: Comparison[];
  overheadComparisons: OverheadComparison[];
  headline: Headline;
  failures: FailureGroup[];
  fingerprintDifferences: FingerprintDifference[];
  notes: string[];
}
