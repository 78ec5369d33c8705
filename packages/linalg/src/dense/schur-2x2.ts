/**
 * The standard form of a real 2×2 block (LAPACK dlanv2): the Schur factorisation of
 * [a b; c d] by one rotation, used wherever a 2×2 block of the real Schur form converges or is
 * created (hessenberg-qr.ts lahqr, schur-aed.ts, schur-swap.ts).
 *
 *   ⎡a b⎤   ⎡cs −sn⎤ ⎡aa bb⎤ ⎡ cs sn⎤
 *   ⎣c d⎦ = ⎣sn  cs⎦ ⎣cc dd⎦ ⎣−sn cs⎦,     cs² + sn² = 1
 *
 * On exit (`Lanv2Result`): a..d hold aa..dd with either cc = 0 (two real eigenvalues aa, dd:
 * upper triangular) or aa = dd and bb·cc < 0 (the complex pair aa ± i·sqrt(|bb·cc|): the
 * "standard form" of a 2×2 block of the real Schur form); rt1r + i·rt1i, rt2r + i·rt2i are the
 * eigenvalues (rt1i > 0 > rt2i for a pair); (cs, sn) the rotation.
 *
 * How: when the block is not already triangular or standard, p = (a − d)/2 and
 * z = p² + b·c (computed scaled) decide: z ≥ 4·eps means real eigenvalues, and the rotation
 * that zeroes c is built from the eigenvalue d + p + sign(p)·sqrt(z) (no cancellation);
 * otherwise a rotation whose angle comes from a − d and b + c equalises the diagonal, after
 * which sign(b) = sign(c) still means real eigenvalues (a second rotation makes the block
 * triangular).
 *
 * Invariant: the rotation is orthogonal to rounding and ‖[a b; c d] − R·[aa bb; cc dd]·Rᵀ‖ ≤
 * c·eps·‖[a b; c d]‖ (backward stable).
 * Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §7.4.1 (the real Schur
 * decomposition); LAPACK dlanv2.
 * Siblings: the complex Schur form needs no 2×2 blocks (hessenberg-qr-complex.ts).
 */
// dlanv2's EPS = dlamch("P") is ULP; its SAFMN2 = 2^⌊log₂(SAFMIN/EPS)/2⌋ and SAFMX2 = 1/SAFMN2,
// the scaling bounds of the equal-diagonal rotation, are RMIN and RMAX (machine.ts)
import { RMAX, RMIN, ULP } from "../machine.js";

/** z ≥ MULTPL·eps: the eigenvalues are taken as real and distinct. */
const MULTPL = 4;

/** A standardised 2×2 block [a b; c d], its eigenvalues and the rotation that produced it. */
export interface Lanv2Result {
  a: number;
  b: number;
  c: number;
  d: number;
  rt1r: number;
  rt1i: number;
  rt2r: number;
  rt2i: number;
  cs: number;
  sn: number;
}

/** Fortran's SIGN(1, x). */
const sgn = (x: number): number => (x >= 0 ? 1 : -1);

/**
 * The Schur factorisation of a real 2×2 matrix (LAPACK dlanv2):
 *
 *   ⎡a b⎤   ⎡cs −sn⎤ ⎡aa bb⎤ ⎡ cs sn⎤
 *   ⎣c d⎦ = ⎣sn  cs⎦ ⎣cc dd⎦ ⎣−sn cs⎦
 *
 * with either cc = 0 (two real eigenvalues aa, dd) or aa = dd and bb·cc < 0 (the complex pair
 * aa ± sqrt(|bb·cc|)·i). Returned a..d are aa..dd.
 */
export function lanv2(a: number, b: number, c: number, d: number): Lanv2Result {
  let cs = 1;
  let sn = 0;
  if (c === 0) {
    // already upper triangular
  } else if (b === 0) {
    // swap rows and columns
    cs = 0;
    sn = 1;
    const temp = d;
    d = a;
    a = temp;
    b = -c;
    c = 0;
  } else if (a - d === 0 && sgn(b) !== sgn(c)) {
    // already standard: equal diagonal, b·c < 0
  } else {
    const temp = a - d;
    let p = 0.5 * temp;
    const bcmax = Math.max(Math.abs(b), Math.abs(c));
    const bcmis = Math.min(Math.abs(b), Math.abs(c)) * sgn(b) * sgn(c);
    let scale = Math.max(Math.abs(p), bcmax);
    let z = (p / scale) * p + (bcmax / scale) * bcmis;
    if (z >= MULTPL * ULP) {
      // real eigenvalues: compute a and d, then the rotation that zeroes c
      z = p + sgn(p) * Math.sqrt(scale) * Math.sqrt(z);
      a = d + z;
      d = d - (bcmax / z) * bcmis;
      const tau = Math.hypot(c, z);
      cs = z / tau;
      sn = c / tau;
      b = b - c;
      c = 0;
    } else {
      // complex or (almost) equal real eigenvalues: make the diagonal entries equal
      let count = 0;
      let sigma = b + c;
      let t = temp;
      for (;;) {
        count++;
        scale = Math.max(Math.abs(t), Math.abs(sigma));
        if (scale >= RMAX) {
          sigma *= RMIN;
          t *= RMIN;
          if (count <= 20) continue;
        }
        if (scale <= RMIN) {
          sigma *= RMAX;
          t *= RMAX;
          if (count <= 20) continue;
        }
        break;
      }
      p = 0.5 * t;
      let tau = Math.hypot(sigma, t);
      cs = Math.sqrt(0.5 * (1 + Math.abs(sigma) / tau));
      sn = -(p / (tau * cs)) * sgn(sigma);
      // [aa bb; cc dd] = [a b; c d]·[cs −sn; sn cs]
      const aa = a * cs + b * sn;
      const bb = -a * sn + b * cs;
      const cc = c * cs + d * sn;
      const dd = -c * sn + d * cs;
      // [a b; c d] = [cs sn; −sn cs]·[aa bb; cc dd]
      a = aa * cs + cc * sn;
      b = bb * cs + dd * sn;
      c = -aa * sn + cc * cs;
      d = -bb * sn + dd * cs;
      const mid = 0.5 * (a + d);
      a = mid;
      d = mid;
      if (c !== 0) {
        if (b !== 0) {
          if (sgn(b) === sgn(c)) {
            // real eigenvalues after all: reduce to upper triangular form
            const sab = Math.sqrt(Math.abs(b));
            const sac = Math.sqrt(Math.abs(c));
            p = sgn(c) * sab * sac;
            tau = 1 / Math.sqrt(Math.abs(b + c));
            a = mid + p;
            d = mid - p;
            b = b - c;
            c = 0;
            const cs1 = sab * tau;
            const sn1 = sac * tau;
            const t2 = cs * cs1 - sn * sn1;
            sn = cs * sn1 + sn * cs1;
            cs = t2;
          }
        } else {
          b = -c;
          c = 0;
          const t2 = cs;
          cs = -sn;
          sn = t2;
        }
      }
    }
  }
  const rt1r = a;
  const rt2r = d;
  let rt1i = 0;
  let rt2i = 0;
  if (c !== 0) {
    rt1i = Math.sqrt(Math.abs(b)) * Math.sqrt(Math.abs(c));
    rt2i = -rt1i;
  }
  return { a, b, c, d, rt1r, rt1i, rt2r, rt2i, cs, sn };
}
