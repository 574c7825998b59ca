/**
 * The smallest change a test could see: the minimum detectable effect (MDE) at a given power,
 * from the test's own standard error (its n and CV) and degrees of freedom, at the level it was
 * tested at (after the correction). The test rejects when |T| > c = t(1 − a/2, df); under a
 * shift δ, T is a noncentral t with noncentrality λ = δ / se, and its power is
 * P(T > c) ≈ Φ((λ − c (1 − 1/(4 df))) / √(1 + c² / (2 df))) (the normal approximation of the
 * noncentral t, which carries the uncertainty of the estimated variance — the simpler
 * (c + t_power) · se understates the MDE at the few df and small levels of a corrected report:
 * measured 69% power instead of 80% at n = 6, level 0.001). Solved for λ:
 *   δ = se · (c (1 − 1/(4 df)) + z_power √(1 + c² / (2 df)))      (log scale)
 * δ is a difference of log means, turned into the degradation it stands for ("12% worse").
 */
import { probit, tQuantile } from './distributions.js';

/** Minimum detectable log-scale shift of a two-sided test at `level`. */
export function mdeLog(se: number, df: number, level: number, power = 0.8): number {
  if (!(se >= 0) || !(df > 0) || !(level > 0 && level < 1)) return Infinity;
  if (se === 0) return 0;
  const c = tQuantile(1 - level / 2, df);
  return se * (c * (1 - 1 / (4 * df)) + probit(power) * Math.sqrt(1 + (c * c) / (2 * df)));
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
