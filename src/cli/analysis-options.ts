/** The analysis flags `compare` and `report` share (one table, one parser). */
import type { AnalyzeOptions } from '../analysis/types.js';
import { UsageError, type OptionSpec, type Values } from './spec.js';

export const ANALYSIS_OPTIONS: OptionSpec[] = [
  {
    name: 'min-effect',
    type: 'string',
    value: 'FRACTION',
    default: '5%',
    description: 'smallest relative change a regression must be able to reach (5% or 0.05)',
  },
  {
    name: 'alpha',
    type: 'string',
    value: 'LEVEL',
    default: '0.05',
    description: 'significance level of the report',
  },
  {
    name: 'correction',
    type: 'string',
    value: 'holm|bh',
    default: 'holm',
    description:
      'multiple-testing correction: Holm (family-wise) or Benjamini-Hochberg (false discovery rate)',
  },
  {
    name: 'max-cv',
    type: 'string',
    value: 'FRACTION',
    default: '25%',
    description: 'a cell noisier than this coefficient of variation is "erratic", not judged',
  },
  {
    name: 'host-env',
    type: 'string',
    value: 'ID',
    description: 'environment the overheads are measured against (default: the one of kind host)',
  },
  {
    name: 'expect-change',
    type: 'string',
    value: 'KEY',
    multiple: true,
    description:
      'a setup fact changed on purpose (e.g. cgroupCpuLimit): compared anyway (changes under test — kernel, hypervisor, QEMU, Docker — always are)',
  },
  {
    name: 'expect-same',
    type: 'string',
    value: 'KEY',
    multiple: true,
    description:
      'a fingerprint key that must not change (e.g. kernel): a difference makes the cells incomparable',
  },
];

function fraction(name: string, v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const s = String(v);
  const pct = s.endsWith('%');
  const n = Number(pct ? s.slice(0, -1) : s);
  if (s.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${name}: not a number: '${s}'`);
  return pct ? n / 100 : n;
}

/** Analysis options from the shared flags; errors name the flag and the allowed range. */
export function analysisOptions(values: Values): AnalyzeOptions {
  const correction = values['correction'];
  if (correction !== undefined && correction !== 'holm' && correction !== 'bh') {
    throw new UsageError(`--correction must be holm or bh (got '${String(correction)}')`);
  }
  const opts: AnalyzeOptions = {};
  const minEffect = fraction('min-effect', values['min-effect']);
  const alpha = fraction('alpha', values['alpha']);
  const maxCv = fraction('max-cv', values['max-cv']);
  if (minEffect !== undefined) {
    if (!(minEffect >= 0 && minEffect < 1))
      throw new UsageError(`--min-effect must be in [0, 1) (got ${minEffect})`);
    opts.minEffect = minEffect;
  }
  if (alpha !== undefined) {
    if (!(alpha > 0 && alpha < 1)) throw new UsageError(`--alpha must be in (0, 1) (got ${alpha})`);
    opts.alpha = alpha;
  }
  if (maxCv !== undefined) {
    if (!(maxCv > 0)) throw new UsageError(`--max-cv must be > 0 (got ${maxCv})`);
    opts.maxCv = maxCv;
  }
  if (correction !== undefined) opts.correction = correction;
  if (typeof values['host-env'] === 'string') opts.hostEnv = values['host-env'];
  if (Array.isArray(values['expect-change'])) opts.expectChanges = values['expect-change'];
  if (Array.isArray(values['expect-same'])) opts.expectSame = values['expect-same'];
  return opts;
}
