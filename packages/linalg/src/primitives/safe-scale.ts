/**
 * Scaling a matrix into a safe range before a decomposition, and its results back after it
 * (the step LAPACK's drivers take with dlascl: dgesdd, dgesvd, dgelsd, dsyevd, dgeev).
 *
 *   anrm = max |a_ij|
 *   anrm < lo:  A := f·A with f = 2^e ≥ lo/anrm     (e the least integer putting anrm·f in [lo, 2·lo))
 *   anrm > hi:  A := f·A with f = 2^−e ≤ hi/anrm    (anrm·f in (hi/2, hi])
 *   otherwise   f = 1, nothing done
 *   then decompose f·A, and unscale: σ(A) = σ(f·A)/f, λ(A) = λ(f·A)/f, x = (f_A/f_b)·x'
 *
 * Why: the inner loops square entries (Householder norms, rotations, shifts) and compare
 * with safmin/eps; an A of size 1e−300 loses every digit to underflow there and one of size
 * 1e300 overflows ("did not converge"). Inside [lo, hi] no product of two entries leaves the
 * normal range.
 *
 * The ranges (LAPACK's, with dlamch('S') = safmin = 2⁻¹⁰²², dlamch('P') = eps = 2⁻⁵²):
 *   SVD_RANGE   dgesdd/dgesvd: smlnum = sqrt(safmin)/eps = 2⁻⁴⁵⁹, bignum = 1/smlnum = 2⁴⁵⁹;
 *               used by svd and lstsq (whose dgelsd uses the wider safmin/eps, but runs the
 *               same bidiagonal SVD as svd here);
 *   EIGH_RANGE  dsyevd/dsyev: rmin = sqrt(safmin/eps) = 2⁻⁴⁸⁵, rmax = 1/rmin = 2⁴⁸⁵.
 *
 * Unlike LAPACK, which scales anrm to exactly smlnum (cto/cfrom, not representable, so dlascl
 * multiplies in steps that cannot overflow), the factor here is a power of two: it is
 * representable (|e| ≤ 616), and multiplying by it is exact unless the product is subnormal,
 * so one multiplication is as safe as dlascl's steps, and scaling then unscaling returns the
 * original values bit for bit. Entries that are tiny next to anrm may underflow when a huge A
 * is scaled down, as in LAPACK.
 *
 * Invariant: after `A := f·A`, lo ≤ max|a_ij| ≤ hi (or A = 0, or f = 1 with anrm in range).
 * Reference: LAPACK dlascl, dgesdd (steps "Scale A if max element outside range
 * [SMLNUM,BIGNUM]" and "Undo scaling if necessary"), dsyevd, dgelsd; Anderson et al.,
 * "LAPACK Users' Guide", 3rd ed., §4.4 (over/underflow).
 */
import type { FloatArray } from "../util/batch.js";
import { BIGNUM_DRIVER, RMAX, RMIN, SMLNUM_DRIVER } from "../machine.js";

/** A range [lo, hi] for the largest |entry| of a matrix. */
export interface SafeRange {
  lo: number;
  hi: number;
}

/** dgesdd/dgesvd: [sqrt(safmin)/eps, eps/sqrt(safmin)] = [2⁻⁴⁵⁹, 2⁴⁵⁹] (machine.ts SMLNUM_DRIVER, BIGNUM_DRIVER). */
export const SVD_RANGE: Readonly<SafeRange> = Object.freeze({ lo: SMLNUM_DRIVER, hi: BIGNUM_DRIVER });

/** dsyevd/dsyev: [sqrt(safmin/eps), sqrt(eps/safmin)] = [2⁻⁴⁸⁵, 2⁴⁸⁵] (machine.ts RMIN, RMAX). */
export const EIGH_RANGE: Readonly<SafeRange> = Object.freeze({ lo: RMIN, hi: RMAX });

/**
 * max |x_i| over `count` entries from `off` (LAPACK dlange('M')); with `complex`, the entries
 * are interleaved (re, im) pairs and |x| is the modulus. NaN propagates (returns NaN).
 */
export function maxAbs(X: FloatArray, off: number, count: number, complex = false): number {
  let anrm = 0;
  if (complex) {
    for (let i = 0; i < count; i++) {
      const a = Math.hypot(X[off + 2 * i], X[off + 2 * i + 1]);
      if (a > anrm || a !== a) anrm = a;
    }
  } else {
    // four running maxima (Math.max propagates NaN), so that the comparisons overlap
    let m1 = 0;
    let m2 = 0;
    let m3 = 0;
    const end = off + count;
    let i = off;
    for (; i + 4 <= end; i += 4) {
      anrm = Math.max(anrm, Math.abs(X[i]));
      m1 = Math.max(m1, Math.abs(X[i + 1]));
      m2 = Math.max(m2, Math.abs(X[i + 2]));
      m3 = Math.max(m3, Math.abs(X[i + 3]));
    }
    for (; i < end; i++) anrm = Math.max(anrm, Math.abs(X[i]));
    anrm = Math.max(anrm, m1, m2, m3);
  }
  return anrm;
}

/**
 * The power of two f that brings anrm into [lo, hi] (see the file header), or 1 when anrm is
 * already there, is 0, or is not finite (the caller's NaN/Inf check decides those).
 */
export function safeScaleFactor(anrm: number, range: Readonly<SafeRange>): number {
  if (!(anrm > 0) || anrm === Infinity || (anrm >= range.lo && anrm <= range.hi)) return 1;
  // a first guess from log2 (ratios stay finite: anrm ≥ 2⁻¹⁰⁷⁴, lo ≥ 2⁻⁴⁸⁵), then exact steps
  let e = anrm < range.lo ? Math.ceil(Math.log2(range.lo / anrm)) : -Math.ceil(Math.log2(anrm / range.hi));
  while (anrm * 2 ** e < range.lo) e++;
  while (anrm * 2 ** e > range.hi) e--;
  while (e > 0 && anrm * 2 ** (e - 1) >= range.lo) e--; // the least e that reaches lo
  while (e < 0 && anrm * 2 ** (e + 1) <= range.hi) e++; // the largest e that stays under hi
  return 2 ** e;
}

/** x_i := f·x_i for `count` entries from `off` (dlascl with cto/cfrom = f, a power of two). */
export function scaleBy(X: FloatArray, off: number, count: number, f: number): void {
  if (f === 1) return;
  for (let i = off; i < off + count; i++) X[i] *= f;
}

/**
 * x_i := x_i·(cto/cfrom) for `count` entries from `off`, cfrom and cto powers of two (LAPACK
 * dlascl(cfrom, cto)), e.g. to undo two scalings at once: x = x'·f_A/f_b. The ratio may not be
 * representable (up to 2^±1232), so it is applied in two halves; the intermediate lies between
 * x' and x in magnitude, so it over- or underflows only if one of them does.
 */
export function rescale(X: FloatArray, off: number, count: number, cfrom: number, cto: number): void {
  const d = Math.log2(cto) - Math.log2(cfrom); // exact for powers of two
  if (d === 0) return;
  const h = Math.trunc(d / 2);
  const f1 = 2 ** h;
  const f2 = 2 ** (d - h);
  for (let i = off; i < off + count; i++) X[i] = X[i] * f1 * f2;
}

/**
 * Scale the `count` entries of X from `off` (interleaved pairs when `complex`: 2·count numbers)
 * into `range` in place. Returns the factor f applied (1 when none): the decomposition of the
 * scaled matrix gives σ(A) = σ/f.
 */
export function scaleIntoRange(X: FloatArray, off: number, count: number, range: Readonly<SafeRange>, complex = false): number {
  const f = safeScaleFactor(maxAbs(X, off, count, complex), range);
  scaleBy(X, off, complex ? 2 * count : count, f);
  return f;
}
