/**
 * The real Schur form of a Hessenberg matrix by the Francis implicit double-shift QR algorithm
 * (LAPACK dlahqr): the spec of the real QR algorithm. hseqr.ts calls it for small matrices,
 * schur-aed.ts (the multishift algorithm, dlaqr0) for every small active block and window.
 *
 *   H = Z·T·Zᵀ     H upper Hessenberg,  Z orthogonal,  T upper quasi-triangular ("real Schur form")
 *
 * T is upper triangular except for 2×2 blocks on its diagonal, one per complex-conjugate pair
 * of eigenvalues a ± ib, in the standard form [a b; c a] with b·c < 0 (schur-2x2.ts lanv2).
 *
 * One iteration on the active block H[l..i, l..i] (l = top, i = bottom), in named stages:
 *   1. findDeflation: the lowest k with a negligible subdiagonal h[k, k−1] (the criterion of
 *      Ahues & Kressner (2004), which compares it with its neighbours, not only with
 *      eps·(|h[k−1, k−1]| + |h[k, k]|)); it is set to zero, the problem splits, l = k. When
 *      the bottom 1×1 or 2×2 block has split off, it has converged (deflateBottom).
 *   2. chooseShifts: σ₁, σ₂ = the eigenvalues of the trailing 2×2 block (Francis' double
 *      shift); after 10 and 20 iterations without deflation, exceptional shifts from the
 *      bottom or the top of the block break the rare cycles of the plain strategy.
 *   3. bulgeStart: x = (H − σ₁I)(H − σ₂I)·e_m has only three nonzero entries, and is real
 *      even when σ₁,₂ are a conjugate pair (x = [h00² + h01·h10 − s·h00 + p; h10·(h00 + h11 −
 *      s); h10·h21], s = σ₁ + σ₂, p = σ₁·σ₂); m is the lowest row where the bulge it makes
 *      leaves h[m, m−1] negligible (two consecutive small subdiagonals), else m = l.
 *   4. chaseBulge: a 3×3 reflector G_m maps x to a multiple of e_m; H := G_m·H·G_m makes a
 *      "bulge" below the subdiagonal; reflectors G_{m+1}, …, G_{i−1} chase it down and off the
 *      bottom, restoring the Hessenberg form (the implicit Q theorem: the result is the double
 *      QR step). chaseBulgeFast is the fast twin (the default): the same arithmetic in the
 *      same order per element, with the updates far from the bulge applied once per sweep.
 * 30·max(10, n) iterations per eigenvalue without convergence is a failure (returns its index).
 *
 * On exit from lahqr (with wantt): H holds T (entries below the subdiagonal are garbage until
 * hseqr zeroes them); wr, wi: the eigenvalues, a pair in (i−1, i) with wi[i−1] > 0 > wi[i];
 * with wantz, Z[iloz..ihiz, :] := Z·(the accumulated reflectors and rotations).
 *
 * Invariant: ‖H − Z·T·Zᵀ‖ ≤ c·n²·eps·‖H‖, ‖ZᵀZ − I‖ ≤ c·n·eps: backward stable. The
 * eigenvalues themselves are as accurate as their condition numbers allow (a Jordan block of
 * size k perturbs them by eps^(1/k)).
 * Cost: about 10n³ flops for T alone, 25n³ with Z (two iterations per eigenvalue on average).
 * Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §7.5 (Algorithms 7.5.1, 7.5.2);
 * Francis (1961); Ahues & Kressner, "A Small-Bulge Multishift QR Algorithm with Aggressive
 * Early Deflation" (LAWN 122); LAPACK dlahqr.
 * Siblings: hessenberg-qr-complex.ts zlahqr (complex input); schur-aed.ts laqr0 (large
 * matrices: multishift with aggressive early deflation); hseqr.ts chooses between them.
 */
import { rot } from "../primitives/givens.js";
import { larfg } from "../primitives/householder.js";
import { lanv2 } from "./schur-2x2.js";
import { SAFMIN, ULP } from "../machine.js";

/** Exceptional shifts: every KEXSH iterations without a deflation (LAPACK's constants). */
const KEXSH = 10;
const DAT1 = 0.75;
const DAT2 = -0.4375;

/**
 * The matrices one lahqr call transforms and the reach of its transformations: rows i1.. and
 * columns ..i2 of H (the whole of H with wantt, else the active block), rows iloz..ihiz of Z.
 * v: the reflector being built; sweep: one sweep's reflectors G_m, G_{m+1}, … as
 * (v2, v3, t1 = tau, t2 = tau·v2, t3 = tau·v3) each (v = [1, v2, v3]), for the deferred updates.
 */
interface FrancisState {
  H: Float64Array;
  ldh: number;
  Z: Float64Array;
  ldz: number;
  wantz: boolean;
  iloz: number;
  ihiz: number;
  i1: number;
  i2: number;
  v: Float64Array;
  sweep: Float64Array;
}

/**
 * Francis double-shift QR on the Hessenberg block H[ilo..ihi, ilo..ihi] of the n×n
 * column-major H (LAPACK dlahqr). `wantt`: compute the full Schur form T (else only the
 * eigenvalues, on the active block). `wantz`: Z[iloz..ihiz, :] := Z·(the transformations).
 * wr, wi: eigenvalues ilo..ihi. Returns 0, or i + 1 when eigenvalue i failed to converge.
 * `deferUpdates` (default): apply each sweep's reflectors to the parts of H and Z the chase
 * does not read in one pass after the sweep (chaseBulgeFast, faster); false: dlahqr's
 * order, reflector by reflector (chaseBulge, the reference twin; both run the same tests).
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
  clearBelowSubdiagonal(H, ldh, ilo, ihi);

  const nh = ihi - ilo + 1;
  const smlnum = SAFMIN * (nh / ULP);
  const itmax = 30 * Math.max(10, nh);
  const S: FrancisState = { H, ldh, Z, ldz, wantz, iloz, ihiz, i1: 0, i2: n - 1, v: new Float64Array(3), sweep: new Float64Array(5 * n) };
  const shifts = new Float64Array(4); // σ₁ = rt1r + i·rt1i, σ₂ = rt2r + i·rt2i
  let kdefl = 0; // iterations since the last deflation

  // the active block is H[l..i, l..i]; i moves up as eigenvalues converge at the bottom
  let i = ihi;
  while (i >= ilo) {
    let l = ilo;
    let converged = false;
    for (let its = 0; its <= itmax; its++) {
      // 1. deflation: a negligible h[l, l−1] splits the problem
      l = findDeflation(H, ldh, ilo, ihi, l, i, smlnum);
      if (l > ilo) H[l + (l - 1) * ldh] = 0;
      // a 1×1 or 2×2 block has split off at the bottom
      if (l >= i - 1) {
        converged = true;
        break;
      }
      kdefl++;
      // eigenvalues only: transform the active block alone
      if (!wantt) {
        S.i1 = l;
        S.i2 = i;
      }
      // 2. the shifts; 3. where the bulge starts; 4. the double-shift QR step
      chooseShifts(H, ldh, l, i, kdefl, shifts);
      const m = bulgeStart(H, ldh, l, i, shifts, S.v);
      if (deferUpdates) chaseBulgeFast(S, l, m, i);
      else chaseBulge(S, l, m, i);
    }
    if (!converged) return i + 1;
    // 5. the bottom block H[l..i, l..i] (1×1 or 2×2) has converged
    deflateBottom(S, wantt, l, i, wr, wi);
    kdefl = 0;
    i = l - 1;
  }
  return 0;
}

/** Zero the entries of H[ilo..ihi, ilo..ihi] below its subdiagonal ("clear out the trash"). */
function clearBelowSubdiagonal(H: Float64Array, ldh: number, ilo: number, ihi: number): void {
  for (let j = ilo; j <= ihi - 3; j++) {
    H[j + 2 + j * ldh] = 0;
    H[j + 3 + j * ldh] = 0;
  }
  if (ilo <= ihi - 2) H[ihi + (ihi - 2) * ldh] = 0;
}

/**
 * Stage 1: the largest k in l+1..i whose subdiagonal entry h[k, k−1] is negligible, searching
 * from the bottom up (Ahues & Kressner's test), or l when there is none. The new top of the
 * active block.
 */
function findDeflation(H: Float64Array, ldh: number, ilo: number, ihi: number, l: number, i: number, smlnum: number): number {
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
  return k;
}

/**
 * Stage 2: the shifts σ₁, σ₂ into shifts = [rt1r, rt1i, rt2r, rt2i]: the eigenvalues of the
 * trailing 2×2 block H[i−1..i, i−1..i] (Francis' double shift, the 2nd-degree generalised
 * Rayleigh quotient), or at every KEXSH-th iteration without deflation those of the
 * exceptional block [h11 DAT2·s; s h11], h11 = DAT1·s + h[i, i] (from the bottom, every
 * 2·KEXSH-th) or h[l, l] (from the top). Two real shifts are replaced by the one nearer h22, twice.
 */
function chooseShifts(H: Float64Array, ldh: number, l: number, i: number, kdefl: number, shifts: Float64Array): void {
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
  shifts[0] = rt1r;
  shifts[1] = rt1i;
  shifts[2] = rt2r;
  shifts[3] = rt2i;
}

/**
 * Stage 3: where the bulge starts. Returns the largest m in l..i−2 such that the bulge made
 * by v = (H − σ₁)(H − σ₂)·e_m (left in v, scaled) leaves h[m, m−1] negligible (two
 * consecutive small subdiagonals), else m = l.
 */
function bulgeStart(H: Float64Array, ldh: number, l: number, i: number, shifts: Float64Array, v: Float64Array): number {
  const rt1r = shifts[0];
  const rt1i = shifts[1];
  const rt2r = shifts[2];
  const rt2i = shifts[3];
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
  return m;
}

/**
 * The reflector G_k of the chase (order nr: 3, or 2 at the very bottom), returning its tau:
 * G_m from v (bulgeStart's), each later G_k from column k−1, which it restores to
 * Hessenberg form (h[k, k−1] := beta, the entries below := 0). v := [1, v2, v3].
 */
function bulgeReflector(H: Float64Array, ldh: number, l: number, m: number, i: number, k: number, nr: number, v: Float64Array): number {
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
  return t1;
}

/**
 * X[r0..r1, k..k+nr−1] := X[r0..r1, k..k+nr−1]·G_k (G_k = I − tau·v·vᵀ, v = [1, v2, v3],
 * t1 = tau, t2 = tau·v2, t3 = tau·v3): one reflector from the right, row by row.
 */
function reflectRight(
  X: Float64Array,
  ld: number,
  k: number,
  nr: number,
  r0: number,
  r1: number,
  v2: number,
  v3: number,
  t1: number,
  t2: number,
  t3: number,
): void {
  const c0 = k * ld;
  const c1 = c0 + ld;
  if (nr === 3) {
    const c2 = c1 + ld;
    for (let j = r0; j <= r1; j++) {
      const sum = X[c0 + j] + v2 * X[c1 + j] + v3 * X[c2 + j];
      X[c0 + j] -= sum * t1;
      X[c1 + j] -= sum * t2;
      X[c2 + j] -= sum * t3;
    }
  } else {
    for (let j = r0; j <= r1; j++) {
      const sum = X[c0 + j] + v2 * X[c1 + j];
      X[c0 + j] -= sum * t1;
      X[c1 + j] -= sum * t2;
    }
  }
}

/** H[k..k+nr−1, j0..j1] := G_k·H[k..k+nr−1, j0..j1] (G_k = G_kᵀ; arguments as reflectRight), column by column. */
function reflectLeft(
  H: Float64Array,
  ldh: number,
  k: number,
  nr: number,
  j0: number,
  j1: number,
  v2: number,
  v3: number,
  t1: number,
  t2: number,
  t3: number,
): void {
  if (nr === 3) {
    for (let j = j0, e = k + j0 * ldh; j <= j1; j++, e += ldh) {
      const sum = H[e] + v2 * H[e + 1] + v3 * H[e + 2];
      H[e] -= sum * t1;
      H[e + 1] -= sum * t2;
      H[e + 2] -= sum * t3;
    }
  } else {
    for (let j = j0, e = k + j0 * ldh; j <= j1; j++, e += ldh) {
      const sum = H[e] + v2 * H[e + 1];
      H[e] -= sum * t1;
      H[e + 1] -= sum * t2;
    }
  }
}

/**
 * Stage 4, the reference (dlahqr's order): the double-shift QR step on H[l..i, l..i] from row
 * m. Each reflector G_k (3×3; 2×2 at the bottom) is applied at once, in full: from the left
 * to rows k..k+2, columns k..i2; from the right to columns k..k+2, rows i1..min(k+3, i); to Z.
 */
function chaseBulge(S: FrancisState, l: number, m: number, i: number): void {
  const { H, ldh, Z, ldz, wantz, iloz, ihiz, i1, i2, v } = S;
  for (let k = m; k <= i - 1; k++) {
    const nr = Math.min(3, i - k + 1); // G_k's order: 3, or 2 at the very bottom
    const t1 = bulgeReflector(H, ldh, l, m, i, k, nr, v);
    const v2 = v[1];
    const t2 = t1 * v2;
    const v3 = nr === 3 ? v[2] : 0;
    const t3 = t1 * v3;
    reflectLeft(H, ldh, k, nr, k, i2, v2, v3, t1, t2, t3);
    reflectRight(H, ldh, k, nr, i1, Math.min(k + 3, i), v2, v3, t1, t2, t3);
    if (wantz) reflectRight(Z, ldz, k, nr, iloz, ihiz, v2, v3, t1, t2, t3); // Z := Z·G_k
  }
}

/**
 * Stage 4, the fast twin of {@link chaseBulge}: the same arithmetic in the same order per
 * element, with each element loaded and stored once per sweep instead of three times. Every
 * update from the left waits until the chase needs its column (column j catches up with
 * G_m..G_{j−2} when G_{j−2} first touches it from the right; columns beyond i after the
 * sweep), and the updates from the right of H[i1..m−1, m..i] and Z wait until the end of the
 * sweep (sweepLeft, sweepRight, catchUpColumn, with the reflectors kept in S.sweep).
 */
function chaseBulgeFast(S: FrancisState, l: number, m: number, i: number): void {
  const { H, ldh, Z, ldz, wantz, iloz, ihiz, i1, i2, v, sweep } = S;
  for (let k = m; k <= i - 1; k++) {
    const nr = Math.min(3, i - k + 1); // G_k's order: 3, or 2 at the very bottom
    const t1 = bulgeReflector(H, ldh, l, m, i, k, nr, v);
    const v2 = v[1];
    const t2 = t1 * v2;
    const v3 = nr === 3 ? v[2] : 0;
    const t3 = t1 * v3;
    const q = 5 * (k - m);
    sweep[q] = v2;
    sweep[q + 1] = v3;
    sweep[q + 2] = t1;
    sweep[q + 3] = t2;
    sweep[q + 4] = t3;
    // G_k from the left, lazily: columns k and k+1 are current through G_{k−1}, so they get
    // G_k alone; column k+2 (first touched from the right now) catches up with G_m..G_k in
    // one pass down the column; columns beyond wait their turn
    for (let j = k, e = k + k * ldh; j <= k + 1; j++, e += ldh) {
      const sum = H[e] + v2 * H[e + 1] + (nr === 3 ? v3 * H[e + 2] : 0);
      H[e] -= sum * t1;
      H[e + 1] -= sum * t2;
      if (nr === 3) H[e + 2] -= sum * t3;
    }
    if (k + 2 <= i) catchUpColumn(H, (k + 2) * ldh, m, k, sweep);
    // G_k from the right: columns k..k+2, rows m..min(k+3, i) (rows above m after the sweep)
    reflectRight(H, ldh, k, nr, m, Math.min(k + 3, i), v2, v3, t1, t2, t3);
  }
  // the far parts: H[m..i, i+1..i2] := G_{i−1}ᵀ···G_mᵀ·(…), H[i1..m−1, m..i] and Z := (…)·G_m···G_{i−1}
  if (i2 > i) sweepLeft(H, ldh, m, i, i + 1, i2, sweep);
  if (m > i1) sweepRight(H, ldh, i1, m - 1, m, i, sweep);
  if (wantz) sweepRight(Z, ldz, iloz, ihiz, m, i, sweep);
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
 * X[r0..r1, m..i] := X[r0..r1, m..i]·G_m·G_{m+1}···G_{i−1} for one sweep's reflectors
 * (G_k acts on columns k, k+1, k+2; the last, G_{i−1}, on columns i−1, i). Row by row, the
 * three columns a reflector touches are kept in registers as the window slides right.
 */
function sweepRight(X: Float64Array, ld: number, r0: number, r1: number, m: number, i: number, sweep: Float64Array): void {
  let r = r0;
  // four rows at a time: the four windows share each column's cache line
  for (; r + 3 <= r1; r += 4) sweepRightFourRows(X, ld, r, m, i, sweep);
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

/** sweepRight on rows r..r+3 at once (the rows a, b, c, d: four windows of three columns). */
function sweepRightFourRows(X: Float64Array, ld: number, r: number, m: number, i: number, sweep: Float64Array): void {
  let e = r + m * ld;
  let a0 = X[e],
    b0 = X[e + 1],
    c0 = X[e + 2],
    d0 = X[e + 3];
  e += ld;
  let a1 = X[e],
    b1 = X[e + 1],
    c1 = X[e + 2],
    d1 = X[e + 3];
  let q = 0;
  for (let k = m; k < i - 1; k++, q += 5) {
    const v2 = sweep[q];
    const v3 = sweep[q + 1];
    const t1 = sweep[q + 2];
    const t2 = sweep[q + 3];
    const t3 = sweep[q + 4];
    const f = r + k * ld; // column k
    const g = f + 2 * ld; // column k + 2
    const a2 = X[g],
      b2 = X[g + 1],
      c2 = X[g + 2],
      d2 = X[g + 3];
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

/**
 * Stage 5: the bottom block H[l..i, l..i] has split off. 1×1 (l = i): one real eigenvalue.
 * 2×2 (l = i − 1): put it in standard form (lanv2) and carry its rotation through the rest
 * of rows and columns i−1, i of H (with wantt) and through Z.
 */
function deflateBottom(S: FrancisState, wantt: boolean, l: number, i: number, wr: Float64Array, wi: Float64Array): void {
  const { H, ldh, Z, ldz, wantz, iloz, ihiz, i1, i2 } = S;
  if (l === i) {
    // h[i, i−1] negligible: one real eigenvalue has converged
    wr[i] = H[i + i * ldh];
    wi[i] = 0;
    return;
  }
  // h[i−1, i−2] negligible: a 2×2 block has converged; put it in standard form
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
