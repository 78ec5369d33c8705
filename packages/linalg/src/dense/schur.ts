/**
 * The Schur form by the Francis implicit double-shift QR algorithm (LAPACK dlahqr, dlanv2,
 * dhseqr), and its complex single-shift twin (zlahqr); SciPy's `scipy.linalg.schur`.
 *
 *   H = Z·T·Zᵀ     H upper Hessenberg,  Z orthogonal,  T upper quasi-triangular ("real Schur form")
 *
 * T is upper triangular except for 2×2 blocks on its diagonal, one per complex-conjugate pair
 * of eigenvalues a ± ib, in the standard form [a b; c a] with b·c < 0 (dlanv2). The
 * eigenvalues are the 1×1 blocks and the pairs a ± i·sqrt(|b·c|) of the 2×2 blocks. Starting
 * from A = Q·H·Qᵀ (hessenberg.ts) with Z = Q on entry, Z becomes the Schur vectors of A:
 * A = Z·T·Zᵀ. Complex input gives an upper triangular T and unitary Z: A = Z·T·Zᴴ.
 *
 * One Francis step on the active block H[l..i, l..i] (l = top, i = bottom) is an implicit QR
 * step with the two shifts σ₁, σ₂ = the eigenvalues of the trailing 2×2 block:
 *   1. x = (H − σ₁I)(H − σ₂I)·e_l: only its first three entries are nonzero, and real even
 *      when σ₁,₂ = conj pair (x = [h00² + h01·h10 − s·h00 + p; h10·(h00 + h11 − s); h10·h21],
 *      s = σ₁ + σ₂, p = σ₁·σ₂), so the step stays in real arithmetic;
 *   2. a 3×3 reflector G_0 maps x to a multiple of e_l; H := G_0·H·G_0 makes a "bulge" below
 *      the subdiagonal;
 *   3. reflectors G_1, …, G_{i−l−1} chase the bulge down and off the bottom, restoring the
 *      Hessenberg form (the implicit Q theorem: the result is the double QR step).
 * Deflation: a subdiagonal entry h[k, k−1] is set to zero when it is negligible by the
 * criterion of Ahues & Kressner (2004), which compares it with its neighbours, not only with
 * eps·(|h[k−1, k−1]| + |h[k, k]|); then the problem splits and the bottom block (1×1 or 2×2)
 * has converged. Exceptional shifts after 10 and 20 iterations without deflation break the
 * rare cycles of the plain shift strategy; 30·max(10, n) iterations per eigenvalue without
 * convergence is a failure (LinAlgError "noConvergence").
 *
 * On exit from lahqr (with wantt): H holds T (entries below the subdiagonal are garbage until
 * hseqr zeroes them); wr, wi: the eigenvalues, a pair in (i−1, i) with wi[i−1] > 0 > wi[i];
 * with wantz, Z[iloz..ihiz, :] := Z·(the accumulated reflectors and rotations).
 *
 * Invariant: ‖A − Z·T·Zᵀ‖ ≤ c·n²·eps·‖A‖, ‖ZᵀZ − I‖ ≤ c·n·eps: backward stable. The
 * eigenvalues themselves are as accurate as their condition numbers allow (a Jordan block of
 * size k perturbs them by eps^(1/k)).
 * Cost: about 10n³ flops for T alone, 25n³ with Z (two steps per eigenvalue on average).
 * Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §7.5 (Algorithms 7.5.1, 7.5.2);
 * Francis (1961); Ahues & Kressner, "A Small-Bulge Multishift QR Algorithm with Aggressive
 * Early Deflation" (LAWN 122); LAPACK dlahqr, dlanv2, dhseqr, zlahqr. (hseqr, as LAPACK's
 * dhseqr, hands real blocks of order ≥ 150 (LAPACK: 75) to the multishift QR algorithm with
 * aggressive early deflation, schur-aed.ts; lahqr is its reference twin and finishes its
 * small blocks.)
 */
import { namedTuple, type NamedTuple, type NDArray } from "@sliderule/ndarray";
import { zlarfg } from "../complex/qr.js";
import { LinAlgError } from "../errors.js";
import { rot } from "../primitives/givens.js";
import { larfg } from "../primitives/householder.js";
import { asArray, assertSquare, batchOffsets, batchShapeOf, loadMatrix, matrixStrides, stackOf, storeMatrix, type ArrayInput } from "../util/batch.js";
import { SCHUR_MULTISHIFT } from "../tuning.js";
import { assertFiniteLinAlg, gehrdBlocked, orghr, zgehd2, zunghr } from "./hessenberg.js";
import { laqr0, multishiftOptionsOf, type MultishiftOptions } from "./schur-aed.js";
import { checkOptions, OPTION, optionsSchema } from "../util/options.js";

/** The options object (util/options.ts); multishift's own fields are checked by multishiftOptionsOf. */
const SCHUR_OPTIONS = optionsSchema({ multishift: OPTION.any });

/** Unit roundoff·base (LAPACK dlamch("P")) and the safe minimum (dlamch("S")). */
const ULP = 2.220446049250313e-16;
const SAFMIN = 2.2250738585072014e-308;
/** Exceptional shifts: every KEXSH iterations without a deflation (LAPACK's constants). */
const KEXSH = 10;
const DAT1 = 0.75;
const DAT2 = -0.4375;

// ------------------------------------------------------------------ the 2×2 standard form

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

const SAFMN2 = 2 ** -485; // 2^floor(log2(safmin / eps) / 2)
const SAFMX2 = 1 / SAFMN2;
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
  const EPS = ULP;
  const MULTPL = 4;
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
    if (z >= MULTPL * EPS) {
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
        if (scale >= SAFMX2) {
          sigma *= SAFMN2;
          t *= SAFMN2;
          if (count <= 20) continue;
        }
        if (scale <= SAFMN2) {
          sigma *= SAFMX2;
          t *= SAFMX2;
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

// ------------------------------------------------------------------ real double-shift QR

/**
 * X[r0..r1, m..i] := X[r0..r1, m..i]·G_m·G_{m+1}···G_{i−1} for one sweep's reflectors
 * (G_k acts on columns k, k+1, k+2; the last, G_{i−1}, on columns i−1, i). Row by row, the
 * three columns a reflector touches are kept in registers as the window slides right.
 */
function sweepRight(X: Float64Array, ld: number, r0: number, r1: number, m: number, i: number, sweep: Float64Array): void {
  let r = r0;
  // four rows at a time: the four windows share each column's cache line
  for (; r + 3 <= r1; r += 4) {
    let e = r + m * ld;
    let a0 = X[e], b0 = X[e + 1], c0 = X[e + 2], d0 = X[e + 3];
    e += ld;
    let a1 = X[e], b1 = X[e + 1], c1 = X[e + 2], d1 = X[e + 3];
    let q = 0;
    for (let k = m; k < i - 1; k++, q += 5) {
      const v2 = sweep[q];
      const v3 = sweep[q + 1];
      const t1 = sweep[q + 2];
      const t2 = sweep[q + 3];
      const t3 = sweep[q + 4];
      const f = r + k * ld; // column k
      const g = f + 2 * ld; // column k + 2
      const a2 = X[g], b2 = X[g + 1], c2 = X[g + 2], d2 = X[g + 3];
      const sa = a0 + v2 * a1 + v3 * a2;
      const sb = b0 + v2 * b1 + v3 * b2;
      const sc = c0 + v2 * c1 + v3 * c2;
      const sd = d0 + v2 * d1 + v3 * d2;
      X[f] = a0 - sa * t1;
      X[f + 1] = b0 - sb * t1;
      X[f + 2] = c0 - sc * t1;
      X[f + 3] = d0 - sd * t1;
      a0 = a1 - sa * t2;
      b0 = b1 - sb * t2;
      c0 = c1 - sc * t2;
      d0 = d1 - sd * t2;
      a1 = a2 - sa * t3;
      b1 = b2 - sb * t3;
      c1 = c2 - sc * t3;
      d1 = d2 - sd * t3;
    }
    // G_{i−1} is 2×2: columns i−1, i
    const v2 = sweep[q];
    const t1 = sweep[q + 2];
    const t2 = sweep[q + 3];
    const sa = a0 + v2 * a1;
    const sb = b0 + v2 * b1;
    const sc = c0 + v2 * c1;
    const sd = d0 + v2 * d1;
    const f = r + (i - 1) * ld;
    const g = f + ld;
    X[f] = a0 - sa * t1;
    X[f + 1] = b0 - sb * t1;
    X[f + 2] = c0 - sc * t1;
    X[f + 3] = d0 - sd * t1;
    X[g] = a1 - sa * t2;
    X[g + 1] = b1 - sb * t2;
    X[g + 2] = c1 - sc * t2;
    X[g + 3] = d1 - sd * t2;
  }
  // the remaining rows one at a time
  for (; r <= r1; r++) {
    let x0 = X[r + m * ld];
    let x1 = X[r + (m + 1) * ld];
    let q = 0;
    for (let k = m; k < i - 1; k++, q += 5) {
      const x2 = X[r + (k + 2) * ld];
      const sum = x0 + sweep[q] * x1 + sweep[q + 1] * x2;
      X[r + k * ld] = x0 - sum * sweep[q + 2]; // column k is final
      x0 = x1 - sum * sweep[q + 3];
      x1 = x2 - sum * sweep[q + 4];
    }
    const sum = x0 + sweep[q] * x1;
    X[r + (i - 1) * ld] = x0 - sum * sweep[q + 2];
    X[r + i * ld] = x1 - sum * sweep[q + 3];
  }
}

/**
 * H[m..i, j0..j1] := G_{i−1}ᵀ···G_mᵀ·H[m..i, j0..j1] (G_k = G_kᵀ acts on rows k, k+1, k+2),
 * column by column, sliding a three-row window down each (contiguous) column.
 */
function sweepLeft(H: Float64Array, ld: number, m: number, i: number, j0: number, j1: number, sweep: Float64Array): void {
  for (let j = j0; j <= j1; j++) {
    const c = j * ld;
    let h0 = H[c + m];
    let h1 = H[c + m + 1];
    for (let k = m, q = 0; k < i - 1; k++, q += 5) {
      const h2 = H[c + k + 2];
      const sum = h0 + sweep[q] * h1 + sweep[q + 1] * h2;
      H[c + k] = h0 - sum * sweep[q + 2];
      h0 = h1 - sum * sweep[q + 3];
      h1 = h2 - sum * sweep[q + 4];
    }
    const q = 5 * (i - 1 - m);
    const sum = h0 + sweep[q] * h1;
    H[c + i - 1] = h0 - sum * sweep[q + 2];
    H[c + i] = h1 - sum * sweep[q + 3];
  }
}

/**
 * Column c of H (rows m..k1+2) := G_{k1}ᵀ···G_mᵀ·(…), all G 3×3: a lazy column catching up
 * with the reflectors of the sweep so far, in one pass with a sliding three-row window.
 */
function catchUpColumn(H: Float64Array, c: number, m: number, k1: number, sweep: Float64Array): void {
  let h0 = H[c + m];
  let h1 = H[c + m + 1];
  for (let k = m, q = 0; k <= k1; k++, q += 5) {
    const h2 = H[c + k + 2];
    const sum = h0 + sweep[q] * h1 + sweep[q + 1] * h2;
    H[c + k] = h0 - sum * sweep[q + 2];
    h0 = h1 - sum * sweep[q + 3];
    h1 = h2 - sum * sweep[q + 4];
  }
  H[c + k1 + 1] = h0;
  H[c + k1 + 2] = h1;
}

/**
 * Francis double-shift QR on the Hessenberg block H[ilo..ihi, ilo..ihi] of the n×n
 * column-major H (LAPACK dlahqr). `wantt`: compute the full Schur form T (else only the
 * eigenvalues, on the active block). `wantz`: Z[iloz..ihiz, :] := Z·(the transformations).
 * wr, wi: eigenvalues ilo..ihi. Returns 0, or i + 1 when eigenvalue i failed to converge.
 * `deferUpdates` (default): apply each sweep's reflectors to the parts of H and Z the chase
 * does not read in one pass after the sweep (faster); false: dlahqr's order, reflector by
 * reflector (the reference twin; both run the same tests).
 */
export function lahqr(
  wantt: boolean,
  wantz: boolean,
  n: number,
  ilo: number,
  ihi: number,
  H: Float64Array,
  ldh: number,
  wr: Float64Array,
  wi: Float64Array,
  iloz: number,
  ihiz: number,
  Z: Float64Array,
  ldz: number,
  deferUpdates = true,
): number {
  if (n === 0) return 0;
  if (ilo === ihi) {
    wr[ilo] = H[ilo + ilo * ldh];
    wi[ilo] = 0;
    return 0;
  }
  // clear out the trash below the subdiagonal
  for (let j = ilo; j <= ihi - 3; j++) {
    H[j + 2 + j * ldh] = 0;
    H[j + 3 + j * ldh] = 0;
  }
  if (ilo <= ihi - 2) H[ihi + (ihi - 2) * ldh] = 0;

  const nh = ihi - ilo + 1;
  const smlnum = SAFMIN * (nh / ULP);
  // i1, i2: the first row and last column of H that the transformations touch
  let i1 = 0;
  let i2 = n - 1;
  const itmax = 30 * Math.max(10, nh);
  let kdefl = 0; // iterations since the last deflation
  const v = new Float64Array(3);
  // one sweep's reflectors G_m, G_{m+1}, …: (v2, v3, t1 = tau, t2 = tau·v2, t3 = tau·v3) each (v = [1, v2, v3])
  const sweep = new Float64Array(5 * n);

  // the active block is H[l..i, l..i]; i moves up as eigenvalues converge at the bottom
  let i = ihi;
  while (i >= ilo) {
    let l = ilo;
    let converged = false;
    for (let its = 0; its <= itmax; its++) {
      // 1. deflation: look for a negligible subdiagonal entry h[k, k−1], from the bottom up
      let k = i;
      for (; k > l; k--) {
        const hkk1 = Math.abs(H[k + (k - 1) * ldh]);
        if (hkk1 <= smlnum) break;
        const hkk = H[k + k * ldh];
        const hk1k1 = H[k - 1 + (k - 1) * ldh];
        let tst = Math.abs(hk1k1) + Math.abs(hkk);
        if (tst === 0) {
          if (k - 2 >= ilo) tst += Math.abs(H[k - 1 + (k - 2) * ldh]);
          if (k + 1 <= ihi) tst += Math.abs(H[k + 1 + k * ldh]);
        }
        if (hkk1 <= ULP * tst) {
          // Ahues & Kressner: |h[k,k−1]·h[k−1,k]| small against |h[k,k]·(h[k−1,k−1] − h[k,k])|
          const hk1k = Math.abs(H[k - 1 + k * ldh]);
          const ab = Math.max(hkk1, hk1k);
          const ba = Math.min(hkk1, hk1k);
          const aa = Math.max(Math.abs(hkk), Math.abs(hk1k1 - hkk));
          const bb = Math.min(Math.abs(hkk), Math.abs(hk1k1 - hkk));
          const s = aa + ab;
          if (ba * (ab / s) <= Math.max(smlnum, ULP * (bb * (aa / s)))) break;
        }
      }
      l = k;
      if (l > ilo) H[l + (l - 1) * ldh] = 0; // h[l, l−1] is negligible: split
      // a 1×1 or 2×2 block has split off at the bottom
      if (l >= i - 1) {
        converged = true;
        break;
      }
      kdefl++;
      // eigenvalues only: transform the active block alone
      if (!wantt) {
        i1 = l;
        i2 = i;
      }

      // 2. the shifts: eigenvalues of the trailing 2×2 block (or exceptional ones)
      let h11: number, h12: number, h21: number, h22: number;
      if (kdefl % (2 * KEXSH) === 0) {
        // exceptional shift from the bottom
        const s = Math.abs(H[i + (i - 1) * ldh]) + Math.abs(H[i - 1 + (i - 2) * ldh]);
        h11 = DAT1 * s + H[i + i * ldh];
        h12 = DAT2 * s;
        h21 = s;
        h22 = h11;
      } else if (kdefl % KEXSH === 0) {
        // exceptional shift from the top
        const s = Math.abs(H[l + 1 + l * ldh]) + Math.abs(H[l + 2 + (l + 1) * ldh]);
        h11 = DAT1 * s + H[l + l * ldh];
        h12 = DAT2 * s;
        h21 = s;
        h22 = h11;
      } else {
        // Francis' double shift: the 2nd-degree generalised Rayleigh quotient
        h11 = H[i - 1 + (i - 1) * ldh];
        h21 = H[i + (i - 1) * ldh];
        h12 = H[i - 1 + i * ldh];
        h22 = H[i + i * ldh];
      }
      let rt1r: number, rt1i: number, rt2r: number, rt2i: number;
      const s0 = Math.abs(h11) + Math.abs(h12) + Math.abs(h21) + Math.abs(h22);
      if (s0 === 0) {
        rt1r = rt1i = rt2r = rt2i = 0;
      } else {
        h11 /= s0;
        h21 /= s0;
        h12 /= s0;
        h22 /= s0;
        const tr = (h11 + h22) / 2;
        const det = (h11 - tr) * (h22 - tr) - h12 * h21;
        const rtdisc = Math.sqrt(Math.abs(det));
        if (det >= 0) {
          // complex conjugate shifts tr ± i·rtdisc
          rt1r = tr * s0;
          rt2r = rt1r;
          rt1i = rtdisc * s0;
          rt2i = -rt1i;
        } else {
          // real shifts: use the one nearer h22, twice
          rt1r = tr + rtdisc;
          rt2r = tr - rtdisc;
          if (Math.abs(rt1r - h22) <= Math.abs(rt2r - h22)) {
            rt1r *= s0;
            rt2r = rt1r;
          } else {
            rt2r *= s0;
            rt1r = rt2r;
          }
          rt1i = rt2i = 0;
        }
      }

      // 3. where to start: the lowest m whose bulge would leave h[m, m−1] negligible
      //    (two consecutive small subdiagonals), else m = l. v = (H − σ₁)(H − σ₂)·e_m, scaled.
      let m = i - 2;
      for (; m >= l; m--) {
        const hmm = H[m + m * ldh];
        let h21s = H[m + 1 + m * ldh];
        let s = Math.abs(hmm - rt2r) + Math.abs(rt2i) + Math.abs(h21s);
        h21s = H[m + 1 + m * ldh] / s;
        v[0] = h21s * H[m + (m + 1) * ldh] + (hmm - rt1r) * ((hmm - rt2r) / s) - rt1i * (rt2i / s);
        v[1] = h21s * (hmm + H[m + 1 + (m + 1) * ldh] - rt1r - rt2r);
        v[2] = h21s * H[m + 2 + (m + 1) * ldh];
        s = Math.abs(v[0]) + Math.abs(v[1]) + Math.abs(v[2]);
        v[0] /= s;
        v[1] /= s;
        v[2] /= s;
        if (m === l) break;
        const h00 = Math.abs(H[m + (m - 1) * ldh]) * (Math.abs(v[1]) + Math.abs(v[2]));
        const h01 = ULP * Math.abs(v[0]) * (Math.abs(H[m - 1 + (m - 1) * ldh]) + Math.abs(hmm) + Math.abs(H[m + 1 + (m + 1) * ldh]));
        if (h00 <= h01) break;
      }

      // 4. the double-shift QR step: G_k (3×3 reflectors) chase the bulge from row m to i.
      //    With `deferUpdates`, every update from the left waits until the chase needs its
      //    column (column j catches up with G_m..G_{j−2} when G_{j−2} first touches it from
      //    the right; columns beyond i after the sweep), and the updates from the right of
      //    H[i1..m−1, m..i] and Z wait until the end of the sweep (sweepLeft, sweepRight,
      //    catchUpColumn): the same arithmetic in the same order per element, with each
      //    element loaded and stored once per sweep instead of three times.
      const jLeftEnd = i2;
      const rRightStart = deferUpdates ? m : i1;
      for (let k = m; k <= i - 1; k++) {
        const nr = Math.min(3, i - k + 1); // G_k's order: 3, or 2 at the very bottom
        // G_m comes from v; each later G_k restores column k−1 to Hessenberg form
        if (k > m) for (let r = 0; r < nr; r++) v[r] = H[k + r + (k - 1) * ldh];
        const t1 = larfg(nr, v, 0, 1, 1);
        if (k > m) {
          H[k + (k - 1) * ldh] = v[0];
          H[k + 1 + (k - 1) * ldh] = 0;
          if (k < i - 1) H[k + 2 + (k - 1) * ldh] = 0;
        } else if (m > l) {
          // h[k, k−1] := −h[k, k−1] in effect; this form survives v[1], v[2] underflowing
          H[k + (k - 1) * ldh] *= 1 - t1;
        }
        const v2 = v[1];
        const t2 = t1 * v2;
        const v3 = nr === 3 ? v[2] : 0;
        const t3 = t1 * v3;
        if (deferUpdates) {
          const q = 5 * (k - m);
          sweep[q] = v2;
          sweep[q + 1] = v3;
          sweep[q + 2] = t1;
          sweep[q + 3] = t2;
          sweep[q + 4] = t3;
        }
        if (deferUpdates) {
          // G_k from the left, lazily: columns k and k+1 are current through G_{k−1}, so
          // they get G_k alone; column k+2 (first touched from the right now) catches up
          // with G_m..G_k in one pass down the column; columns beyond wait their turn
          for (let j = k, e = k + k * ldh; j <= k + 1; j++, e += ldh) {
            const sum = H[e] + v2 * H[e + 1] + (nr === 3 ? v3 * H[e + 2] : 0);
            H[e] -= sum * t1;
            H[e + 1] -= sum * t2;
            if (nr === 3) H[e + 2] -= sum * t3;
          }
          if (k + 2 <= i) catchUpColumn(H, (k + 2) * ldh, m, k, sweep);
        }
        if (nr === 3) {
          // G_k from the left: rows k..k+2, columns k..i2
          if (!deferUpdates) for (let j = k, e = k + k * ldh; j <= jLeftEnd; j++, e += ldh) {
            const sum = H[e] + v2 * H[e + 1] + v3 * H[e + 2];
            H[e] -= sum * t1;
            H[e + 1] -= sum * t2;
            H[e + 2] -= sum * t3;
          }
          // G_k from the right: columns k..k+2, rows i1..min(k+3, i)
          const c0 = k * ldh;
          const c1 = c0 + ldh;
          const c2 = c1 + ldh;
          const jEnd = Math.min(k + 3, i);
          for (let j = rRightStart; j <= jEnd; j++) {
            const sum = H[c0 + j] + v2 * H[c1 + j] + v3 * H[c2 + j];
            H[c0 + j] -= sum * t1;
            H[c1 + j] -= sum * t2;
            H[c2 + j] -= sum * t3;
          }
          // Z := Z·G_k
          if (wantz && !deferUpdates) {
            const z0 = k * ldz;
            const z1 = z0 + ldz;
            const z2 = z1 + ldz;
            for (let j = iloz; j <= ihiz; j++) {
              const sum = Z[z0 + j] + v2 * Z[z1 + j] + v3 * Z[z2 + j];
              Z[z0 + j] -= sum * t1;
              Z[z1 + j] -= sum * t2;
              Z[z2 + j] -= sum * t3;
            }
          }
        } else {
          if (!deferUpdates) for (let j = k, e = k + k * ldh; j <= jLeftEnd; j++, e += ldh) {
            const sum = H[e] + v2 * H[e + 1];
            H[e] -= sum * t1;
            H[e + 1] -= sum * t2;
          }
          const c0 = k * ldh;
          const c1 = c0 + ldh;
          for (let j = rRightStart; j <= i; j++) {
            const sum = H[c0 + j] + v2 * H[c1 + j];
            H[c0 + j] -= sum * t1;
            H[c1 + j] -= sum * t2;
          }
          if (wantz && !deferUpdates) {
            const z0 = k * ldz;
            const z1 = z0 + ldz;
            for (let j = iloz; j <= ihiz; j++) {
              const sum = Z[z0 + j] + v2 * Z[z1 + j];
              Z[z0 + j] -= sum * t1;
              Z[z1 + j] -= sum * t2;
            }
          }
        }
      }
      if (deferUpdates) {
        // the far parts: H[m..i, i+1..i2] := G_{i−1}ᵀ···G_mᵀ·(…), H[i1..m−1, m..i] and Z := (…)·G_m···G_{i−1}
        if (i2 > i) sweepLeft(H, ldh, m, i, i + 1, i2, sweep);
        if (m > i1) sweepRight(H, ldh, i1, m - 1, m, i, sweep);
        if (wantz) sweepRight(Z, ldz, iloz, ihiz, m, i, sweep);
      }
    }
    if (!converged) return i + 1;

    if (l === i) {
      // 5a. h[i, i−1] negligible: one real eigenvalue has converged
      wr[i] = H[i + i * ldh];
      wi[i] = 0;
    } else {
      // 5b. h[i−1, i−2] negligible: a 2×2 block has converged; put it in standard form
      const r = lanv2(H[i - 1 + (i - 1) * ldh], H[i - 1 + i * ldh], H[i + (i - 1) * ldh], H[i + i * ldh]);
      H[i - 1 + (i - 1) * ldh] = r.a;
      H[i - 1 + i * ldh] = r.b;
      H[i + (i - 1) * ldh] = r.c;
      H[i + i * ldh] = r.d;
      wr[i - 1] = r.rt1r;
      wi[i - 1] = r.rt1i;
      wr[i] = r.rt2r;
      wi[i] = r.rt2i;
      if (wantt) {
        // the rotation on the rest of rows i−1, i and columns i−1, i
        if (i2 > i) rot(i2 - i, H, i - 1 + (i + 1) * ldh, ldh, H, i + (i + 1) * ldh, ldh, r.cs, r.sn);
        rot(i - i1 - 1, H, i1 + (i - 1) * ldh, 1, H, i1 + i * ldh, 1, r.cs, r.sn);
      }
      if (wantz) rot(ihiz - iloz + 1, Z, iloz + (i - 1) * ldz, 1, Z, iloz + i * ldz, 1, r.cs, r.sn);
    }
    kdefl = 0;
    i = l - 1;
  }
  return 0;
}

/**
 * Eigenvalues, and optionally the Schur form, of a Hessenberg matrix that gebal has left
 * triangular outside ilo..ihi (LAPACK dhseqr): the isolated eigenvalues are read off the
 * diagonal; a block of order ≥ SCHUR_MULTISHIFT.minOrder goes to the multishift QR algorithm
 * with aggressive early deflation (schur-aed.ts laqr0, dlaqr0), a smaller one to lahqr; with
 * `wantt` the entries below the subdiagonal are zeroed. With `wantz`, Z (n×n, Q from orghr on
 * entry: the identity outside ilo..ihi) is updated on rows ilo..ihi. `multishift` overrides
 * the tuning (`{ minOrder: Infinity }`: lahqr always). Returns laqr0's / lahqr's info.
 *
 * (schur-aed.ts imports lahqr and lanv2 from this file and this dispatch imports laqr0 from
 * it: a cycle of function references only, which ES modules resolve; nothing runs at load.)
 */
export function hseqr(
  wantt: boolean,
  wantz: boolean,
  n: number,
  ilo: number,
  ihi: number,
  H: Float64Array,
  ldh: number,
  wr: Float64Array,
  wi: Float64Array,
  Z: Float64Array,
  ldz: number,
  multishift: MultishiftOptions = {},
): number {
  for (let i = 0; i < ilo; i++) {
    wr[i] = H[i + i * ldh];
    wi[i] = 0;
  }
  for (let i = ihi + 1; i < n; i++) {
    wr[i] = H[i + i * ldh];
    wi[i] = 0;
  }
  if (n === 0) return 0;
  // Z = Q is the identity outside rows and columns ilo..ihi, and the sweeps only mix columns
  // ilo..ihi: rows ilo..ihi of Z are all that change (dhseqr passes iloz = ilo, ihiz = ihi)
  const minOrder = multishift.minOrder ?? SCHUR_MULTISHIFT.minOrder;
  const info = ihi - ilo + 1 >= minOrder ? laqr0(wantt, wantz, n, ilo, ihi, H, ldh, wr, wi, ilo, ihi, Z, ldz, multishift) : lahqr(wantt, wantz, n, ilo, ihi, H, ldh, wr, wi, ilo, ihi, Z, ldz);
  if (wantt) for (let j = 0; j < n; j++) for (let i = j + 2; i < n; i++) H[i + j * ldh] = 0;
  return info;
}

// ------------------------------------------------------------------ complex single-shift QR

/** |re| + |im|: LAPACK's CABS1, the cheap complex magnitude used in the tests. */
const cabs1 = (re: number, im: number): number => Math.abs(re) + Math.abs(im);

/** The principal square root of re + i·im, as [re, im]. */
function csqrt(re: number, im: number): [number, number] {
  if (re === 0 && im === 0) return [0, 0];
  const r = Math.hypot(re, im);
  if (re >= 0) {
    const t = Math.sqrt(0.5 * (r + re));
    return [t, im / (2 * t)];
  }
  const t = Math.sqrt(0.5 * (r - re));
  return [Math.abs(im) / (2 * t), im >= 0 ? t : -t];
}

/** (ar + i·ai) / (br + i·bi) without needless overflow (Smith's algorithm, as LAPACK zladiv). */
export function cdiv(ar: number, ai: number, br: number, bi: number): [number, number] {
  if (Math.abs(br) >= Math.abs(bi)) {
    const r = bi / br;
    const d = br + bi * r;
    return [(ar + ai * r) / d, (ai - ar * r) / d];
  }
  const r = br / bi;
  const d = bi + br * r;
  return [(ar * r + ai) / d, (ai * r - ar) / d];
}

/**
 * Complex single-shift QR on the Hessenberg block H[ilo..ihi, ilo..ihi] of the n×n
 * interleaved column-major H (LAPACK zlahqr): the complex twin of {@link lahqr}, with one
 * Wilkinson shift per step and 2×2 reflectors, ending in an upper triangular T. w: the
 * eigenvalues, interleaved. Returns 0, or i + 1 when eigenvalue i failed to converge.
 */
export function zlahqr(
  wantt: boolean,
  wantz: boolean,
  n: number,
  ilo: number,
  ihi: number,
  H: Float64Array,
  ldh: number,
  w: Float64Array,
  iloz: number,
  ihiz: number,
  Z: Float64Array,
  ldz: number,
): number {
  if (n === 0) return 0;
  const at = (i: number, j: number): number => 2 * (i + j * ldh);
  if (ilo === ihi) {
    w[2 * ilo] = H[at(ilo, ilo)];
    w[2 * ilo + 1] = H[at(ilo, ilo) + 1];
    return 0;
  }
  for (let j = ilo; j <= ihi - 3; j++) {
    H[at(j + 2, j)] = H[at(j + 2, j) + 1] = 0;
    H[at(j + 3, j)] = H[at(j + 3, j) + 1] = 0;
  }
  if (ilo <= ihi - 2) H[at(ihi, ihi - 2)] = H[at(ihi, ihi - 2) + 1] = 0;

  // scale row i and column i (its part i1..i−1 above the diagonal) by unit complex numbers
  const scaleRow = (i: number, j0: number, j1: number, sr: number, si: number): void => {
    for (let j = j0; j <= j1; j++) {
      const e = at(i, j);
      const re = H[e];
      H[e] = re * sr - H[e + 1] * si;
      H[e + 1] = re * si + H[e + 1] * sr;
    }
  };
  const scaleCol = (X: Float64Array, ld: number, j: number, r0: number, r1: number, sr: number, si: number): void => {
    for (let r = r0; r <= r1; r++) {
      const e = 2 * (r + j * ld);
      const re = X[e];
      X[e] = re * sr - X[e + 1] * si;
      X[e + 1] = re * si + X[e + 1] * sr;
    }
  };

  const jlo = wantt ? 0 : ilo;
  const jhi = wantt ? n - 1 : ihi;
  // make the subdiagonal real, by a diagonal unitary similarity
  for (let i = ilo + 1; i <= ihi; i++) {
    const e = at(i, i - 1);
    if (H[e + 1] === 0) continue;
    const c1 = cabs1(H[e], H[e + 1]);
    let sr = H[e] / c1;
    let si = H[e + 1] / c1;
    const a = Math.hypot(sr, si);
    sr /= a;
    si = -si / a; // sc = conj(h / |h|)
    H[e] = Math.hypot(H[e], H[e + 1]);
    H[e + 1] = 0;
    scaleRow(i, i, jhi, sr, si);
    scaleCol(H, ldh, i, jlo, Math.min(jhi, i + 1), sr, -si);
    if (wantz) scaleCol(Z, ldz, i, iloz, ihiz, sr, -si);
  }

  const nh = ihi - ilo + 1;
  const smlnum = SAFMIN * (nh / ULP);
  let i1 = 0;
  let i2 = n - 1;
  const itmax = 30 * Math.max(10, nh);
  let kdefl = 0;
  const v = new Float64Array(4);

  let i = ihi;
  while (i >= ilo) {
    let l = ilo;
    let converged = false;
    for (let its = 0; its <= itmax; its++) {
      // 1. deflation: a negligible subdiagonal entry (Ahues & Kressner)
      let k = i;
      for (; k > l; k--) {
        const hkk1 = cabs1(H[at(k, k - 1)], H[at(k, k - 1) + 1]);
        if (hkk1 <= smlnum) break;
        const kk = at(k, k);
        const k1k1 = at(k - 1, k - 1);
        let tst = cabs1(H[k1k1], H[k1k1 + 1]) + cabs1(H[kk], H[kk + 1]);
        if (tst === 0) {
          if (k - 2 >= ilo) tst += Math.abs(H[at(k - 1, k - 2)]);
          if (k + 1 <= ihi) tst += Math.abs(H[at(k + 1, k)]);
        }
        if (Math.abs(H[at(k, k - 1)]) <= ULP * tst) {
          const hk1k = cabs1(H[at(k - 1, k)], H[at(k - 1, k) + 1]);
          const ab = Math.max(hkk1, hk1k);
          const ba = Math.min(hkk1, hk1k);
          const dkk = cabs1(H[kk], H[kk + 1]);
          const diff = cabs1(H[k1k1] - H[kk], H[k1k1 + 1] - H[kk + 1]);
          const aa = Math.max(dkk, diff);
          const bb = Math.min(dkk, diff);
          const s = aa + ab;
          if (ba * (ab / s) <= Math.max(smlnum, ULP * (bb * (aa / s)))) break;
        }
      }
      l = k;
      if (l > ilo) H[at(l, l - 1)] = H[at(l, l - 1) + 1] = 0;
      if (l >= i) {
        converged = true;
        break;
      }
      kdefl++;
      if (!wantt) {
        i1 = l;
        i2 = i;
      }

      // 2. the shift t
      let tr: number, ti: number;
      if (kdefl % (2 * KEXSH) === 0) {
        const s = DAT1 * Math.abs(H[at(i, i - 1)]);
        tr = s + H[at(i, i)];
        ti = H[at(i, i) + 1];
      } else if (kdefl % KEXSH === 0) {
        const s = DAT1 * Math.abs(H[at(l + 1, l)]);
        tr = s + H[at(l, l)];
        ti = H[at(l, l) + 1];
      } else {
        // Wilkinson's shift: the eigenvalue of the trailing 2×2 block nearer h[i, i]
        tr = H[at(i, i)];
        ti = H[at(i, i) + 1];
        const [ar, ai] = csqrt(H[at(i - 1, i)], H[at(i - 1, i) + 1]);
        const [br, bi] = csqrt(H[at(i, i - 1)], H[at(i, i - 1) + 1]);
        const ur = ar * br - ai * bi; // u = sqrt(h[i−1, i])·sqrt(h[i, i−1])
        const ui = ar * bi + ai * br;
        let s = cabs1(ur, ui);
        if (s !== 0) {
          const xr = 0.5 * (H[at(i - 1, i - 1)] - tr); // x = (h[i−1, i−1] − h[i, i]) / 2
          const xi = 0.5 * (H[at(i - 1, i - 1) + 1] - ti);
          const sx = cabs1(xr, xi);
          s = Math.max(s, sx);
          // y = s·sqrt((x/s)² + (u/s)²)
          const xsr = xr / s;
          const xsi = xi / s;
          const usr = ur / s;
          const usi = ui / s;
          const [qr, qi] = csqrt(xsr * xsr - xsi * xsi + usr * usr - usi * usi, 2 * xsr * xsi + 2 * usr * usi);
          let yr = s * qr;
          let yi = s * qi;
          if (sx > 0 && (xr / sx) * yr + (xi / sx) * yi < 0) {
            yr = -yr;
            yi = -yi;
          }
          // t := t − u·(u / (x + y))
          const [dr, di] = cdiv(ur, ui, xr + yr, xi + yi);
          tr -= ur * dr - ui * di;
          ti -= ur * di + ui * dr;
        }
      }

      // 3. where to start: two consecutive small subdiagonals, else m = l
      let m = i - 1;
      const startAt = (mm: number): number => {
        // v = (h[mm, mm] − t, h[mm+1, mm]) scaled; returns |h21| after scaling
        let h11r = H[at(mm, mm)] - tr;
        let h11i = H[at(mm, mm) + 1] - ti;
        let h21 = H[at(mm + 1, mm)];
        const s = cabs1(h11r, h11i) + Math.abs(h21);
        h11r /= s;
        h11i /= s;
        h21 /= s;
        v[0] = h11r;
        v[1] = h11i;
        v[2] = h21;
        v[3] = 0;
        return h21;
      };
      for (; m > l; m--) {
        const h21 = startAt(m);
        const h10 = H[at(m, m - 1)];
        const h11 = at(m, m);
        const h22 = at(m + 1, m + 1);
        if (Math.abs(h10) * Math.abs(h21) <= ULP * (cabs1(v[0], v[1]) * (cabs1(H[h11], H[h11 + 1]) + cabs1(H[h22], H[h22 + 1])))) break;
      }
      if (m === l) startAt(l);

      // 4. the single-shift QR step: 2×2 reflectors chase the bulge from row m to i
      for (let k = m; k <= i - 1; k++) {
        if (k > m) {
          v[0] = H[at(k, k - 1)];
          v[1] = H[at(k, k - 1) + 1];
          v[2] = H[at(k + 1, k - 1)];
          v[3] = H[at(k + 1, k - 1) + 1];
        }
        const [t1r, t1i] = zlarfg(2, v, 0, 1, 1);
        if (k > m) {
          H[at(k, k - 1)] = v[0];
          H[at(k, k - 1) + 1] = v[1];
          H[at(k + 1, k - 1)] = H[at(k + 1, k - 1) + 1] = 0;
        }
        const v2r = v[2];
        const v2i = v[3];
        const t2 = t1r * v2r - t1i * v2i; // Re(t1·v2); t1·v2 is real
        // G from the left: sum = conj(t1)·h[k, j] + t2·h[k+1, j]
        for (let j = k; j <= i2; j++) {
          const a = at(k, j);
          const b = a + 2;
          const sr = t1r * H[a] + t1i * H[a + 1] + t2 * H[b];
          const si = t1r * H[a + 1] - t1i * H[a] + t2 * H[b + 1];
          H[a] -= sr;
          H[a + 1] -= si;
          H[b] -= sr * v2r - si * v2i;
          H[b + 1] -= sr * v2i + si * v2r;
        }
        // G from the right: sum = t1·h[j, k] + t2·h[j, k+1]
        const jEnd = Math.min(k + 2, i);
        for (let j = i1; j <= jEnd; j++) {
          const a = at(j, k);
          const b = at(j, k + 1);
          const sr = t1r * H[a] - t1i * H[a + 1] + t2 * H[b];
          const si = t1r * H[a + 1] + t1i * H[a] + t2 * H[b + 1];
          H[a] -= sr;
          H[a + 1] -= si;
          // h[j, k+1] −= sum·conj(v2)
          H[b] -= sr * v2r + si * v2i;
          H[b + 1] -= si * v2r - sr * v2i;
        }
        if (wantz) {
          for (let j = iloz; j <= ihiz; j++) {
            const a = 2 * (j + k * ldz);
            const b = 2 * (j + (k + 1) * ldz);
            const sr = t1r * Z[a] - t1i * Z[a + 1] + t2 * Z[b];
            const si = t1r * Z[a + 1] + t1i * Z[a] + t2 * Z[b + 1];
            Z[a] -= sr;
            Z[a + 1] -= si;
            Z[b] -= sr * v2r + si * v2i;
            Z[b + 1] -= si * v2r - sr * v2i;
          }
        }
        if (k === m && m > l) {
          // started below l: rescale so that h[m, m−1] stays real
          let pr = 1 - t1r;
          let pi = -t1i;
          const pa = Math.hypot(pr, pi);
          pr /= pa;
          pi /= pa;
          // h[m+1, m] *= conj(temp); h[m+2, m+1] *= temp
          {
            const e = at(m + 1, m);
            const re = H[e];
            H[e] = re * pr + H[e + 1] * pi;
            H[e + 1] = H[e + 1] * pr - re * pi;
          }
          if (m + 2 <= i) {
            const e = at(m + 2, m + 1);
            const re = H[e];
            H[e] = re * pr - H[e + 1] * pi;
            H[e + 1] = re * pi + H[e + 1] * pr;
          }
          for (let j = m; j <= i; j++) {
            if (j === m + 1) continue;
            if (i2 > j) scaleRow(j, j + 1, i2, pr, pi);
            scaleCol(H, ldh, j, i1, j - 1, pr, -pi);
            if (wantz) scaleCol(Z, ldz, j, iloz, ihiz, pr, -pi);
          }
        }
      }

      // keep h[i, i−1] real
      const e = at(i, i - 1);
      if (H[e + 1] !== 0) {
        const rtemp = Math.hypot(H[e], H[e + 1]);
        const pr = H[e] / rtemp;
        const pi = H[e + 1] / rtemp;
        H[e] = rtemp;
        H[e + 1] = 0;
        if (i2 > i) scaleRow(i, i + 1, i2, pr, -pi);
        scaleCol(H, ldh, i, i1, i - 1, pr, pi);
        if (wantz) scaleCol(Z, ldz, i, iloz, ihiz, pr, pi);
      }
    }
    if (!converged) return i + 1;
    // h[i, i−1] negligible: one eigenvalue has converged
    w[2 * i] = H[at(i, i)];
    w[2 * i + 1] = H[at(i, i) + 1];
    kdefl = 0;
    i = l - 1;
  }
  return 0;
}

/** The complex twin of {@link hseqr} (LAPACK zhseqr with zlahqr); w interleaved. */
export function zhseqr(wantt: boolean, wantz: boolean, n: number, ilo: number, ihi: number, H: Float64Array, ldh: number, w: Float64Array, Z: Float64Array, ldz: number): number {
  for (let i = 0; i < n; i++) {
    if (i >= ilo && i <= ihi) continue;
    w[2 * i] = H[2 * (i + i * ldh)];
    w[2 * i + 1] = H[2 * (i + i * ldh) + 1];
  }
  if (n === 0) return 0;
  const info = zlahqr(wantt, wantz, n, ilo, ihi, H, ldh, w, ilo, ihi, Z, ldz);
  if (wantt) for (let j = 0; j < n; j++) for (let i = j + 2; i < n; i++) H[2 * (i + j * ldh)] = H[2 * (i + j * ldh) + 1] = 0;
  return info;
}

// ------------------------------------------------------------------ scaling into range

/** dgeev's / dgees's thresholds: the largest |entry| of A is brought into [SMLNUM, BIGNUM]. */
const SMLNUM = Math.sqrt(SAFMIN) / ULP;
const BIGNUM = 1 / SMLNUM;

/**
 * Scale the n×n matrix A (interleaved when `complex`) by a scalar when its largest |entry| is
 * below sqrt(safmin)/eps or above its inverse (LAPACK dgeev/dgees's dlascl step), so that the
 * deflation tests (which compare with safmin·n/eps) and the eigenvector scaling stay in
 * range. Returns the factor that maps the eigenvalues (and T) of the scaled matrix back: 1
 * when nothing was done.
 */
export function scaleToSafeRange(n: number, A: Float64Array, complex: boolean): number {
  let anrm = 0;
  if (complex) for (let e = 0; e < n * n; e++) anrm = Math.max(anrm, Math.hypot(A[2 * e], A[2 * e + 1]));
  else for (let e = 0; e < n * n; e++) anrm = Math.max(anrm, Math.abs(A[e]));
  let cscale = 1;
  if (anrm > 0 && anrm < SMLNUM) cscale = SMLNUM;
  else if (anrm > BIGNUM) cscale = BIGNUM;
  if (cscale === 1) return 1;
  const f = cscale / anrm;
  for (let e = 0; e < (complex ? 2 : 1) * n * n; e++) A[e] *= f;
  return anrm / cscale;
}

// ------------------------------------------------------------------ the public function

/** `schur(a)`: A = Z·T·Zᵀ (Zᴴ for complex). */
export interface SchurFields {
  /** (…, M, M): quasi-upper triangular (real input) or upper triangular (complex input). */
  T: NDArray;
  /** (…, M, M): the Schur vectors, orthogonal (unitary). */
  Z: NDArray;
}

/** SchurFields, also iterable in NumPy's tuple order: `[T, Z]`. */
export type SchurResult = NamedTuple<SchurFields>;

/** Options of `schur`. */
export interface SchurOptions {
  /**
   * The real QR algorithm's knobs (defaults: tuning.ts SCHUR_MULTISHIFT): order ≥ `minOrder`
   * uses the multishift QR algorithm with aggressive early deflation (schur-aed.ts), smaller
   * the double-shift lahqr; `{ minOrder: Infinity }` forces lahqr (the reference).
   */
  multishift?: MultishiftOptions;
}

/**
 * Schur decomposition A = Z·T·Zᴴ (SciPy's `scipy.linalg.schur`, output "real" for real input
 * and "complex" for complex input).
 *
 * @param a `(..., M, M)`.
 * @param options `multishift`: see {@link SchurOptions}.
 * @returns `{ T, Z }` (also `[T, Z]`, SciPy's tuple order), each `(..., M, M)`: float64 for real input (float32 and integers are
 *   computed in float64) with T in real Schur form (2×2 blocks [a b; c a], b·c < 0, for the
 *   complex-conjugate pairs); complex128 with T upper triangular for complex input.
 * @throws LinAlgError kind "invalidInput" when a is not square, has fewer than 2 dimensions or
 *   contains NaN or Inf; kind "noConvergence" (index: the eigenvalue) when the QR algorithm
 *   does not converge.
 *
 * Notes: Hessenberg reduction (dgehrd), then the QR algorithm: multishift with aggressive
 * early deflation for order ≥ 150 (dlaqr0), Francis double-shift below (dlahqr), or complex
 * single-shift (zlahqr). A is scaled into range first when its entries are tiny or
 * huge (as LAPACK dgees); no balancing. The order of the eigenvalues on T's diagonal
 * is the algorithm's (no sorting).
 *
 * @example
 *   const { T, Z } = linalg.schur([[0, -1], [1, 0]]);   // rotation by 90°: eigenvalues ±i
 *   assert.close(T.get(0, 0), 0);
 *   assert.close(Math.abs(T.get(0, 1) * T.get(1, 0)), 1);
 */
export function schur(a: ArrayInput, options: SchurOptions = {}): SchurResult {
  const fn = "schur";
  checkOptions(fn, SCHUR_OPTIONS, options);
  const A = asArray(a);
  const multishift = multishiftOptionsOf(options, fn);
  assertSquare(A, fn);
  assertFiniteLinAlg(A, fn);
  const n = A.shape[A.ndim - 1];
  const complex = A.dtype === "complex128";
  const dtype = complex ? "complex128" : "float64";
  const batch = batchShapeOf(A, 2);
  const offs = batchOffsets(A, batch, 2);
  const { rs, cs } = matrixStrides(A);
  const T = stackOf(batch, [n, n], dtype);
  const Zs = stackOf(batch, [n, n], dtype);
  const slots = complex ? 2 : 1;
  const W = new Float64Array(slots * n * n);
  const Z = new Float64Array(slots * n * n);
  const tau = new Float64Array(slots * Math.max(n - 1, 1));
  const wr = new Float64Array(slots * n);
  const wi = new Float64Array(n);
  for (let p = 0; p < offs.length; p++) {
    loadMatrix(A, offs[p], rs, cs, n, n, W, 0, n, complex);
    const unscale = scaleToSafeRange(n, W, complex);
    // A = Q·H·Qᵀ, Z = Q
    if (complex) zgehd2(n, 0, n - 1, W, n, tau);
    else gehrdBlocked(n, 0, n - 1, W, n, tau);
    Z.set(W);
    if (complex) zunghr(n, 0, n - 1, Z, n, tau);
    else orghr(n, 0, n - 1, Z, n, tau);
    // H = Z'·T·Z'ᵀ, Z := Q·Z'
    const info = complex ? zhseqr(true, true, n, 0, n - 1, W, n, wr, Z, n) : hseqr(true, true, n, 0, n - 1, W, n, wr, wi, Z, n, multishift);
    if (info > 0) throw new LinAlgError(`${fn}: the QR algorithm did not converge (eigenvalue ${info - 1})`, "noConvergence", info - 1);
    if (unscale !== 1) for (let e = 0; e < slots * n * n; e++) W[e] *= unscale;
    storeMatrix(W, 0, n, n, n, T, p * n * n);
    storeMatrix(Z, 0, n, n, n, Zs, p * n * n);
  }
  return namedTuple({ T, Z: Zs }, ["T", "Z"]);
}
