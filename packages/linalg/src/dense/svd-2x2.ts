/**
 * The SVD of a real 2×2 upper triangular matrix [f g; 0 h], the building block of the
 * bidiagonal QR sweeps (bidiagonal-svd.ts: dlas2 gives the shift, dlasv2 finishes a 2×2 block).
 *
 *   las2(f, g, h)  = [σ_min, σ_max]                      (LAPACK dlas2: values only)
 *   lasv2(f, g, h) = { ssmin, ssmax, csl, snl, csr, snr }  (LAPACK dlasv2: values and rotations)
 *
 *   ⎡ csl  snl⎤ ⎡f  g⎤ ⎡csr −snr⎤   ⎡ssmax    0 ⎤
 *   ⎣−snl  csl⎦ ⎣0  h⎦ ⎣snr  csr⎦ = ⎣  0  ssmin⎦
 *
 * Both avoid overflow and underflow in the intermediate quantities and are accurate to a few
 * ulps in every entry, including the tiny singular value (Demmel & Kahan need this for the
 * relative accuracy of the whole bidiagonal SVD). Also `sign`, Fortran's SIGN(a, b).
 * Reference: LAPACK dlas2, dlasv2; Demmel & Kahan, "Accurate singular values of bidiagonal
 * matrices", SIAM J. Sci. Stat. Comput. 11 (1990).
 */
// dlas2's EPS = dlamch('E') is UNIT_ROUNDOFF (2⁻⁵³)
import { UNIT_ROUNDOFF } from "../machine.js";

/** Fortran SIGN(a, b): |a| with the sign of b. */
export function sign(a: number, b: number): number {
  return b >= 0 ? Math.abs(a) : -Math.abs(a);
}

/**
 * Singular values of the 2×2 upper triangular [f g; 0 h] (LAPACK dlas2), without overflow:
 * returns [σ_min, σ_max].
 */
export function las2(f: number, g: number, h: number): [number, number] {
  const fa = Math.abs(f);
  const ga = Math.abs(g);
  const ha = Math.abs(h);
  const fhmn = Math.min(fa, ha);
  const fhmx = Math.max(fa, ha);
  if (fhmn === 0) {
    if (fhmx === 0) return [0, ga];
    const big = Math.max(fhmx, ga);
    const small = Math.min(fhmx, ga);
    return [0, big * Math.sqrt(1 + (small / big) ** 2)];
  }
  if (ga < fhmx) {
    const as = 1 + fhmn / fhmx;
    const at = (fhmx - fhmn) / fhmx;
    const au = (ga / fhmx) ** 2;
    const c = 2 / (Math.sqrt(as * as + au) + Math.sqrt(at * at + au));
    return [fhmn * c, fhmx / c];
  }
  const au = fhmx / ga;
  if (au === 0) return [(fhmn * fhmx) / ga, ga];
  const as = 1 + fhmn / fhmx;
  const at = (fhmx - fhmn) / fhmx;
  const c = 1 / (Math.sqrt(1 + (as * au) ** 2) + Math.sqrt(1 + (at * au) ** 2));
  return [2 * (fhmn * c * au), ga / (c + c)];
}

/** The SVD of a 2×2 upper triangular matrix (see {@link lasv2}). */
export interface Svd2 {
  ssmin: number;
  ssmax: number;
  /** Right rotation (cosR, sinR) and left rotation (cosL, sinL). */
  snr: number;
  csr: number;
  snl: number;
  csl: number;
}

/**
 * The SVD of [f g; 0 h] (LAPACK dlasv2):
 *
 *   ⎡ csl  snl⎤ ⎡f  g⎤ ⎡csr −snr⎤   ⎡ssmax    0 ⎤
 *   ⎣−snl  csl⎦ ⎣0  h⎦ ⎣snr  csr⎦ = ⎣  0  ssmin⎦
 *
 * |ssmax| ≥ |ssmin|; the signs are those that make the identity hold. Accurate to a few ulps
 * in every entry, including the tiny singular value.
 */
export function lasv2(f: number, g: number, h: number): Svd2 {
  let ft = f;
  let fa = Math.abs(ft);
  let ht = h;
  let ha = Math.abs(h);
  // pmax: which of f, g, h has the largest magnitude (1, 2, 3)
  let pmax = 1;
  const swap = ha > fa;
  if (swap) {
    pmax = 3;
    [ft, ht] = [ht, ft];
    [fa, ha] = [ha, fa];
  }
  const gt = g;
  const ga = Math.abs(gt);
  let clt: number, crt: number, slt: number, srt: number, ssmin: number, ssmax: number;
  if (ga === 0) {
    // already diagonal
    ssmin = ha;
    ssmax = fa;
    clt = 1;
    crt = 1;
    slt = 0;
    srt = 0;
  } else {
    let gasmal = true;
    ssmin = 0;
    ssmax = 0;
    clt = crt = slt = srt = 0;
    if (ga > fa) {
      pmax = 2;
      if (fa / ga < UNIT_ROUNDOFF) {
        // g very large against f and h
        gasmal = false;
        ssmax = ga;
        ssmin = ha > 1 ? fa / (ga / ha) : (fa / ga) * ha;
        clt = 1;
        slt = ht / gt;
        srt = 1;
        crt = ft / gt;
      }
    }
    if (gasmal) {
      const dd = fa - ha;
      let l = dd === fa ? 1 : dd / fa; // copes with infinite f or h
      const m = gt / ft;
      let t = 2 - l;
      const mm = m * m;
      const tt = t * t;
      const s = Math.sqrt(tt + mm);
      const r = l === 0 ? Math.abs(m) : Math.sqrt(l * l + mm);
      const a = 0.5 * (s + r);
      ssmin = ha / a;
      ssmax = fa * a;
      if (mm === 0) {
        t = l === 0 ? sign(2, ft) * sign(1, gt) : gt / sign(dd, ft) + m / t;
      } else {
        t = (m / (s + t) + m / (r + l)) * (1 + a);
      }
      l = Math.sqrt(t * t + 4);
      crt = 2 / l;
      srt = t / l;
      clt = (crt + srt * m) / a;
      slt = ((ht / ft) * srt) / a;
    }
  }
  let csl: number, snl: number, csr: number, snr: number;
  if (swap) {
    csl = srt;
    snl = crt;
    csr = slt;
    snr = clt;
  } else {
    csl = clt;
    snl = slt;
    csr = crt;
    snr = srt;
  }
  // correct the signs of ssmax and ssmin
  let tsign = 1;
  if (pmax === 1) tsign = sign(1, csr) * sign(1, csl) * sign(1, f);
  if (pmax === 2) tsign = sign(1, snr) * sign(1, csl) * sign(1, g);
  if (pmax === 3) tsign = sign(1, snr) * sign(1, snl) * sign(1, h);
  ssmax = sign(ssmax, tsign);
  ssmin = sign(ssmin, tsign * sign(1, f) * sign(1, h));
  return { ssmin, ssmax, snr, csr, snl, csl };
}
