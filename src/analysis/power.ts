/**
 * The smallest change a test could see: the minimum detectable effect (MDE) at a given power,
 * from the test's own standard error (its n and CV) and degrees of freedom, at the level it was
 * tested at (after the correction). The usual approximation for a two-sided t-test:
 *   δ = (t(1 − a/2, df) + t(power, df)) · se      (log scale)
 * (it leaves out the far tail, which at these levels holds less than 10⁻⁶ of the probability).
 * δ is a difference of log means, turned into the degradation it stands for ("12% worse").
 */
import { tQuantile } from './distributions.js';

/** Minimum detectable log-scale shift of a two-sided test at `level`. */
export function mdeLog(se: number, df: number, level: number, power = 0.8): number {
  if (!(se >= 0) || !(df > 0) || !(level > 0 && level < 1)) return Infinity;
  if (se === 0) return 0;
  return (tQuantile(1 - level / 2, df) + tQuantile(power, df)) * se;
}

/** A log-scale shift in the worse direction as a degradation (fraction): the paper's overhead scale. */
export function worseBy(logShift: number, better: 'higher' | 'lower'): number {
  if (!Number.isFinite(logShift)) return Infinity;
  // lower is better: values grow by e^δ → (e^δ − 1) worse; higher is better: they shrink by e^−δ.
  return better === 'lower' ? Math.expm1(logShift) : -Math.expm1(-logShift);
}

/** MDE as a degradation (fraction); Infinity → null (not computable: no df or no level). */
export function mde(
  se: number,
  df: number,
  level: number,
  better: 'higher' | 'lower',
  power = 0.8,
): number | null {
  const d = worseBy(mdeLog(se, df, level, power), better);
  return Number.isFinite(d) ? d : null;
}
