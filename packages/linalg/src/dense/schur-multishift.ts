/**
 * One small-bulge multishift QR sweep (LAPACK dlaqr5, with dlaqr1): the Francis double-shift
 * step of hessenberg-qr.ts generalised to ns shifts at once, chased as a chain of ns/2
 * tightly packed 3×3 bulges.
 *
 *   H := Qᵀ·H·Q,   Q·R = p(H) = (H − σ₁I)(H − σ₂I)···(H − σ_ns I)     (implicitly; H Hessenberg)
 *
 * on the active block H[ktop..kbot, ktop..kbot]. A multishift QR step of degree ns is the same
 * as ns/2 double-shift steps in a row (shifts taken in pairs: a complex-conjugate pair, or two
 * real ones), and by the implicit Q theorem the double-shift steps need not be done one after
 * another: bulge b (introduced by the reflector built from (H − σ_{2b}I)(H − σ_{2b+1}I)·e₁,
 * dlaqr1) can enter the top of the block as soon as bulge b−1 has moved three columns down.
 * The chain of bulges
 *
 *       ⎡ x x x x x x x x x x ⎤
 *       ⎢ x x x x x x x x x x ⎥      each bulge: a 3×3 reflector acting on rows/columns
 *       ⎢   + x x x x x x x x ⎥      k+1..k+3 restores column k to Hessenberg form and
 *       ⎢   + + x x x x x x x ⎥      pushes the bulge one column down (k := k+1);
 *       ⎢       x x x x x x x ⎥      consecutive bulges sit three columns apart
 *       ⎢         + x x x x x ⎥
 *       ⎣         + + x x x x ⎦
 *
 * moves down the diagonal together; all the work near the diagonal happens inside a window of
 * kdu = 3·ns − 3 rows and columns that slides down 3·(ns/2) − 2 columns per step ("chase
 * step"). The reflectors of one chase step touch only the window's rows and columns, so they
 * are applied there at once (level 2) and accumulated in a small orthogonal U (kdu×kdu); the
 * far parts of H — the rows to the right of the window, the columns above it — and Z are
 * then updated by gemm:  H[window, right] := Uᵀ·H[window, right],  H[above, window] :=
 * H[above, window]·U,  Z[:, window] := Z[:, window]·U  (level 3: most flops of a sweep run in
 * the fast kernel). `accumulate = false` applies every reflector to all of H and Z directly,
 * like lahqr (LAPACK's kacc22 = 0).
 *
 * Bulges that meet a negligible subdiagonal: after each chase step a "vigilant" deflation check
 * (the same Ahues–Kressner test as lahqr) sets such entries to zero at the bulges' positions,
 * so the driver sees the split. A bulge can collapse (its 3×3 block becomes numerically
 * 2×2: h[k+3, k] = h[k+3, k+1] = 0 ≠ h[k+3, k+2]) by that deflation or by underflow; then the
 * bulge is re-introduced from the shifts at row k+1 (a fresh dlaqr1 vector) if doing so adds
 * only negligible fill to column k, otherwise the old reflector is kept "with trepidation".
 * When the last bulge has room for only a 2×2 reflector at the bottom it is chased with one.
 *
 * On exit: H (n×n column-major) := Qᵀ·H·Q on rows/columns ktop..kbot (and, with wantt, the
 * rest of rows ktop..kbot and columns ktop..kbot); Z[iloz..ihiz, :] := Z·Q with wantz. The
 * shifts sr, si (at sOff..sOff+nshifts−1, conjugate pairs adjacent) are reordered in place.
 * Some subdiagonal entries may have been set to zero (deflations).
 * Invariant: Qᵀ·H·Q is Hessenberg again, ‖Q·H_new·Qᵀ − H_old‖ ≤ c·n·eps·‖H‖ (orthogonal
 * transformations only).
 * Reference: Braman, Byers & Mathias, "The multishift QR algorithm. Part I: Maintaining
 * well-focused shifts and level 3 performance", SIAM J. Matrix Anal. Appl. 23(4), 929–947,
 * 2002; Kressner, "Numerical Methods for General and Structured Eigenvalue Problems" (2005),
 * §1.5; Watkins, "The Matrix Eigenvalue Problem" (2007), §4.9; LAPACK dlaqr5, dlaqr1.
 * Siblings: hessenberg-qr.ts lahqr (one double shift per sweep, the reference); schur-aed.ts
 * laqr0 (the driver that chooses the shifts).
 */
import { larfg } from "../primitives/householder.js";
import { type Block, colMajor, gemm, leadingDim, sub, T } from "@sliderule/ndarray/kernels";
import { SAFMIN, ULP } from "../machine.js";

/**
 * The first column of (H − σ₁I)(H − σ₂I), scaled, for the 2×2 or 3×3 leading block of H at
 * H[off] (LAPACK dlaqr1): v = s·(H − σ₁I)(H − σ₂I)·e₁ with some s > 0; σ₁, σ₂ both real or
 * a conjugate pair (then v is real). Written to v[0..order−1].
 */
export function laqr1(order: 2 | 3, H: Float64Array, off: number, ldh: number, sr1: number, si1: number, sr2: number, si2: number, v: Float64Array): void {
  const h11 = H[off];
  const h21 = H[off + 1];
  const h12 = H[off + ldh];
  const h22 = H[off + 1 + ldh];
  if (order === 2) {
    const s = Math.abs(h11 - sr2) + Math.abs(si2) + Math.abs(h21);
    if (s === 0) {
      v[0] = v[1] = 0;
      return;
    }
    const h21s = h21 / s;
    v[0] = h21s * h12 + (h11 - sr1) * ((h11 - sr2) / s) - si1 * (si2 / s);
    v[1] = h21s * (h11 + h22 - sr1 - sr2);
    return;
  }
  const h31 = H[off + 2];
  const s = Math.abs(h11 - sr2) + Math.abs(si2) + Math.abs(h21) + Math.abs(h31);
  if (s === 0) {
    v[0] = v[1] = v[2] = 0;
    return;
  }
  const h21s = h21 / s;
  const h31s = h31 / s;
  const h13 = H[off + 2 * ldh];
  const h23 = H[off + 1 + 2 * ldh];
  const h32 = H[off + 2 + ldh];
  const h33 = H[off + 2 + 2 * ldh];
  v[0] = (h11 - sr1) * ((h11 - sr2) / s) - si1 * (si2 / s) + h12 * h21s + h13 * h31s;
  v[1] = h21s * (h11 + h22 - sr1 - sr2) + h23 * h31s;
  v[2] = h31s * (h11 + h33 - sr1 - sr2) + h21s * h32;
}

/**
 * The chain's state during one chase step. Bulge m (0-based) has its reflector acting on rows
 * and columns k+1..k+3, k = krcol + 3m; bulges mtop..mbot are active (3×3 reflectors); bulge
 * m22 = mbot + 1 gets a 2×2 reflector when it sits at the very bottom (bmp22).
 * V[3m..3m+2] = (tau, v2, v3) of bulge m's reflector I − tau·[1 v2 v3]ᵀ[1 v2 v3].
 */
interface Chain {
  krcol: number;
  mtop: number;
  mbot: number;
  bmp22: boolean;
  V: Float64Array;
}

/**
 * Step 1 of a chase step: the reflectors. A bulge at k = ktop − 1 is introduced from the
 * shifts (dlaqr1); the others restore column k (zeroing h[k+2, k], h[k+3, k]), with the
 * collapsed-bulge refresh described in the header.
 */
function chainReflectors(
  c: Chain,
  ktop: number,
  kbot: number,
  H: Float64Array,
  ldh: number,
  sr: Float64Array,
  si: Float64Array,
  sOff: number,
  vt: Float64Array,
): void {
  const { krcol, mtop, mbot, V } = c;
  for (let m = mtop; m <= mbot; m++) {
    const k = krcol + 3 * m;
    const q = 3 * m;
    const s = sOff + 2 * m; // the shifts of bulge m
    if (k === ktop - 1) {
      // introduce bulge m: the reflector that maps (H − σI)(H − σ'I)·e_ktop onto e_ktop
      laqr1(3, H, ktop + ktop * ldh, ldh, sr[s], si[s], sr[s + 1], si[s + 1], vt);
      V[q] = larfg(3, vt, 0, 1, 1);
      V[q + 1] = vt[1];
      V[q + 2] = vt[2];
      continue;
    }
    // chase: the reflector that zeroes h[k+2, k], h[k+3, k]
    const e = k + 1 + k * ldh; // h[k+1, k]
    vt[0] = H[e];
    vt[1] = H[e + 1];
    vt[2] = H[e + 2];
    const tau = larfg(3, vt, 0, 1, 1);
    const beta = vt[0];
    V[q] = tau;
    V[q + 1] = vt[1];
    V[q + 2] = vt[2];
    const h3 = k + 3 + (k + 1) * ldh; // h[k+3, k+1]
    if (H[e + 2] !== 0 || H[h3] !== 0 || H[h3 + ldh] === 0) {
      // the typical case: the bulge is intact
      H[e] = beta;
      H[e + 1] = 0;
      H[e + 2] = 0;
      continue;
    }
    // the bulge has collapsed: try a fresh one from the shifts at row k+1, and keep it if the
    // fill it leaves in column k (rows k+2, k+3) is negligible
    laqr1(3, H, k + 1 + (k + 1) * ldh, ldh, sr[s], si[s], sr[s + 1], si[s + 1], vt);
    const tauT = larfg(3, vt, 0, 1, 1);
    const refsum = tauT * (H[e] + vt[1] * H[e + 1]);
    const fill = Math.abs(H[e + 1] - refsum * vt[1]) + Math.abs(refsum * vt[2]);
    const near = Math.abs(H[k + k * ldh]) + Math.abs(H[k + 1 + (k + 1) * ldh]) + Math.abs(H[k + 2 + (k + 2) * ldh]);
    if (fill > ULP * near) {
      // non-negligible fill: use the old reflector after all
      H[e] = beta;
    } else {
      H[e] -= refsum;
      V[q] = tauT;
      V[q + 1] = vt[1];
      V[q + 2] = vt[2];
    }
    H[e + 1] = 0;
    H[e + 2] = 0;
  }
  if (c.bmp22) {
    // the 2×2 reflector of the bulge at the bottom (rows kbot−1, kbot)
    const m = mbot + 1;
    const k = krcol + 3 * m;
    const q = 3 * m;
    const s = sOff + 2 * m;
    if (k === ktop - 1) {
      laqr1(2, H, k + 1 + (k + 1) * ldh, ldh, sr[s], si[s], sr[s + 1], si[s + 1], vt);
      V[q] = larfg(2, vt, 0, 1, 1);
    } else {
      vt[0] = H[k + 1 + k * ldh];
      vt[1] = H[k + 2 + k * ldh];
      V[q] = larfg(2, vt, 0, 1, 1);
      H[k + 1 + k * ldh] = vt[0];
      H[k + 2 + k * ldh] = 0;
    }
    V[q + 1] = vt[1];
    V[q + 2] = 0;
  }
}

/** Step 2: H[rows of each bulge, j0..j1] := G·(…) for the chain's reflectors, column by column. */
function chainLeft(c: Chain, j0: number, j1: number, H: Float64Array, ldh: number): void {
  const { krcol, mtop, mbot, V } = c;
  for (let j = j0; j <= j1; j++) {
    // bulge m reaches column j once j ≥ its k + 1
    const mend = Math.min(mbot, Math.floor((j - krcol - 1) / 3));
    let e = krcol + 1 + j * ldh + 3 * mtop; // h[k+1, j] of bulge mtop
    for (let m = mtop; m <= mend; m++, e += 3) {
      const q = 3 * m;
      const tau = V[q];
      const v2 = V[q + 1];
      const v3 = V[q + 2];
      const refsum = tau * (H[e] + v2 * H[e + 1] + v3 * H[e + 2]);
      H[e] -= refsum;
      H[e + 1] -= refsum * v2;
      H[e + 2] -= refsum * v3;
    }
  }
  if (c.bmp22) {
    const m = mbot + 1;
    const k = krcol + 3 * m;
    const q = 3 * m;
    const tau = V[q];
    const v2 = V[q + 1];
    for (let j = Math.max(k + 1, j0); j <= j1; j++) {
      const e = k + 1 + j * ldh;
      const refsum = tau * (H[e] + v2 * H[e + 1]);
      H[e] -= refsum;
      H[e + 1] -= refsum * v2;
    }
  }
}

/**
 * Step 3: X[r0..r1, k+1..k+3] := (…)·G for each reflector of the chain; for H (`atBulge`) the
 * rows stop at min(r1, k+3) (row k+4 waits for the deflation check); for Z they are all of
 * r0..r1.
 */
function chainRight(c: Chain, r0: number, r1: number, atBulge: boolean, X: Float64Array, ldx: number): void {
  const { krcol, mtop, mbot, V } = c;
  const last = c.bmp22 ? mbot + 1 : mbot;
  for (let m = mtop; m <= last; m++) {
    const q = 3 * m;
    const tau = V[q];
    if (tau === 0) continue;
    const k = krcol + 3 * m;
    const v2 = V[q + 1];
    const v3 = V[q + 2];
    const rEnd = atBulge ? Math.min(r1, k + 3) : r1;
    // (m > mbot: the 2×2 reflector at the bottom)
    reflectRight(X, (k + 1) * ldx, ldx, r0, rEnd, tau, v2, v3, m <= mbot);
  }
}

/**
 * X[j, cols] := X[j, cols]·G for rows j0..j1, G = I − tau·v·vᵀ with v = (1, v2, v3) on the three
 * columns starting at offset c (leading dimension ld), or v = (1, v2) on two when `!three`.
 */
function reflectRight(X: Float64Array, c: number, ld: number, j0: number, j1: number, tau: number, v2: number, v3: number, three: boolean): void {
  const c2 = c + ld;
  if (three) {
    const c3 = c2 + ld;
    for (let j = j0; j <= j1; j++) {
      const refsum = tau * (X[c + j] + v2 * X[c2 + j] + v3 * X[c3 + j]);
      X[c + j] -= refsum;
      X[c2 + j] -= refsum * v2;
      X[c3 + j] -= refsum * v3;
    }
  } else {
    for (let j = j0; j <= j1; j++) {
      const refsum = tau * (X[c + j] + v2 * X[c2 + j]);
      X[c + j] -= refsum;
      X[c2 + j] -= refsum * v2;
    }
  }
}

/**
 * Step 3 for U: U[:, kms..kms+2] := U·G, on the rows uLo..uHi that can be nonzero (U = I at
 * the start of a chase window; a reflector on columns a..a+2 merges their row ranges), so the
 * accumulation skips known zeros.
 */
function chainRightU(c: Chain, incol: number, uTop: number, U: Float64Array, kdu: number, uLo: Int32Array, uHi: Int32Array): void {
  const { krcol, mtop, mbot, V } = c;
  const last = c.bmp22 ? mbot + 1 : mbot;
  for (let m = mtop; m <= last; m++) {
    const q = 3 * m;
    const tau = V[q];
    if (tau === 0) continue;
    const kms = krcol + 3 * m - incol; // H's column k+1 is U's column kms
    const width = m <= mbot ? 3 : 2;
    let lo = uLo[kms];
    let hi = uHi[kms];
    for (let col = kms + 1; col < kms + width; col++) {
      lo = Math.min(lo, uLo[col]);
      hi = Math.max(hi, uHi[col]);
    }
    for (let col = kms; col < kms + width; col++) {
      uLo[col] = lo;
      uHi[col] = hi;
    }
    const v2 = V[q + 1];
    const v3 = V[q + 2];
    reflectRight(U, kms * kdu, kdu, Math.max(lo, uTop), hi, tau, v2, v3, width === 3);
  }
}

/**
 * Step 4, vigilant deflation: a negligible subdiagonal entry h[k+1, k] at one of the bulges'
 * positions m = mstart..mend is set to zero now (the Ahues–Kressner test of lahqr), so that the
 * driver can split there.
 */
function vigilantDeflation(krcol: number, mstart: number, mend: number, ktop: number, kbot: number, H: Float64Array, ldh: number, smlnum: number): void {
  const h = (i: number, j: number): number => Math.abs(H[i + j * ldh]);
  for (let m = mstart; m <= mend; m++) {
    const k = Math.min(kbot - 1, krcol + 3 * m);
    const hk1k = h(k + 1, k);
    if (hk1k === 0) continue;
    let tst1 = h(k, k) + h(k + 1, k + 1);
    if (tst1 === 0) {
      if (k >= ktop + 1) tst1 += h(k, k - 1);
      if (k >= ktop + 2) tst1 += h(k, k - 2);
      if (k >= ktop + 3) tst1 += h(k, k - 3);
      if (k <= kbot - 2) tst1 += h(k + 2, k + 1);
      if (k <= kbot - 3) tst1 += h(k + 3, k + 1);
      if (k <= kbot - 4) tst1 += h(k + 4, k + 1);
    }
    if (hk1k > Math.max(smlnum, ULP * tst1)) continue;
    const hkk1 = h(k, k + 1);
    const h12 = Math.max(hk1k, hkk1);
    const h21 = Math.min(hk1k, hkk1);
    const d = Math.abs(H[k + k * ldh] - H[k + 1 + (k + 1) * ldh]);
    const h11 = Math.max(h(k + 1, k + 1), d);
    const h22 = Math.min(h(k + 1, k + 1), d);
    const scl = h11 + h12;
    const tst2 = h22 * (h11 / scl);
    if (tst2 === 0 || h21 * (h12 / scl) <= Math.max(smlnum, ULP * tst2)) H[k + 1 + k * ldh] = 0;
  }
}

/**
 * X := X·V, or Vᵀ·X when `left` (V square, X a column-major view), through the scratch W
 * (column-major X.rows×X.cols, then copied back into X): the far-part updates of the sweep and
 * of aggressive early deflation (schur-aed.ts).
 */
export function multiplyInPlace(X: Block, V: Block, left: boolean, W = new Float64Array(X.rows * X.cols)): void {
  if (X.rows === 0 || X.cols === 0) return;
  const Wb = colMajor(W, X.rows, X.cols);
  if (left) gemm(1, T(V), X, 0, Wb);
  else gemm(1, X, V, 0, Wb);
  const rows = X.rows;
  const ldx = leadingDim(X, "multiplyInPlace");
  for (let j = 0; j < X.cols; j++) X.data.set(W.subarray(j * rows, (j + 1) * rows), X.off + j * ldx);
}

/**
 * One multishift QR sweep with `nshifts` shifts (sr[sOff + i] + i·si[sOff + i]) over the active
 * block H[ktop..kbot, ktop..kbot] of the n×n column-major H (LAPACK dlaqr5, kacc22 = 1 when
 * `accumulate`, else 0). wantt: update all of rows/columns ktop..kbot (the full Schur form),
 * else only the active block. wantz: Z[iloz..ihiz, ktop..kbot] := Z·Q.
 */
export function laqr5(
  wantt: boolean,
  wantz: boolean,
  accumulate: boolean,
  n: number,
  ktop: number,
  kbot: number,
  nshifts: number,
  sr: Float64Array,
  si: Float64Array,
  sOff: number,
  H: Float64Array,
  ldh: number,
  iloz: number,
  ihiz: number,
  Z: Float64Array,
  ldz: number,
): void {
  if (nshifts < 2 || ktop >= kbot) return;
  // pair the shifts: complex-conjugate pairs are adjacent; real ones are grouped two by two
  for (let i = sOff; i < sOff + nshifts - 2; i += 2) {
    if (si[i] !== -si[i + 1]) {
      let t = sr[i];
      sr[i] = sr[i + 1];
      sr[i + 1] = sr[i + 2];
      sr[i + 2] = t;
      t = si[i];
      si[i] = si[i + 1];
      si[i + 1] = si[i + 2];
      si[i + 2] = t;
    }
  }
  // an odd count drops its last (real, after the shuffle) shift
  const ns = nshifts - (nshifts % 2);
  const smlnum = SAFMIN * (n / ULP);
  if (ktop + 2 <= kbot) H[ktop + 2 + ktop * ldh] = 0;

  const nbmps = ns / 2; // the number of bulges
  const kdu = 3 * ns - 3; // the chase window's order
  const chain: Chain = { krcol: 0, mtop: 0, mbot: -1, bmp22: false, V: new Float64Array(3 * (nbmps + 1)) };
  const vt = new Float64Array(3);
  const U = accumulate ? new Float64Array(kdu * kdu) : new Float64Array(0);
  const W = accumulate ? new Float64Array(kdu * Math.max(n, 1)) : new Float64Array(0);
  const uLo = new Int32Array(accumulate ? kdu : 0);
  const uHi = new Int32Array(accumulate ? kdu : 0);
  const [Hb, Zb] = [colMajor(H, n, n, 0, ldh), accumulate && wantz ? colMajor(Z, n, n, 0, ldz) : null];

  // incol: the column just left of the window, which covers columns incol+1..incol+kdu.
  // Phantom columns: incol < ktop and ndcol > kbot stand for bulges still to be introduced
  // above the block or already chased off its bottom.
  for (let incol = 3 * (1 - nbmps) + ktop - 1; incol <= kbot - 2; incol += 3 * nbmps - 2) {
    const ndcol = incol + kdu;
    if (accumulate) {
      U.fill(0);
      for (let j = 0; j < kdu; j++) {
        U[j + j * kdu] = 1;
        uLo[j] = uHi[j] = j;
      }
    }
    const uTop = Math.max(0, ktop - incol - 1);

    // the chase steps: the chain moves 3·nbmps − 2 columns; krcol is the column that bulge 0 restores
    for (let krcol = incol; krcol <= Math.min(incol + 3 * nbmps - 3, kbot - 2); krcol++) {
      const mtop = Math.max(0, Math.trunc((ktop - krcol + 1) / 3));
      const mbot = Math.min(nbmps, Math.floor((kbot - krcol) / 3)) - 1;
      const bmp22 = mbot + 1 < nbmps && krcol + 3 * (mbot + 1) === kbot - 2;
      chain.krcol = krcol;
      chain.mtop = mtop;
      chain.mbot = mbot;
      chain.bmp22 = bmp22;

      // 1. the reflectors of this step
      chainReflectors(chain, ktop, kbot, H, ldh, sr, si, sOff, vt);
      // 2. from the left: columns max(ktop, krcol)..jbot (the window's only, when accumulating)
      chainLeft(chain, Math.max(ktop, krcol), accumulate ? Math.min(ndcol, kbot) : wantt ? n - 1 : kbot, H, ldh);
      // 3. from the right: H's rows from jtop (row k+4 of a bulge follows in step 5); U or Z
      chainRight(chain, accumulate ? Math.max(ktop, incol) : wantt ? 0 : ktop, kbot, true, H, ldh);
      if (accumulate) chainRightU(chain, incol, uTop, U, kdu, uLo, uHi);
      else if (wantz) chainRight(chain, iloz, ihiz, false, Z, ldz);
      // 4. vigilant deflation at the bulges' positions (and at the bottom)
      let mstart = mtop;
      if (krcol + 3 * mstart < ktop) mstart++;
      let mend = mbot;
      if (bmp22) mend++;
      if (krcol === kbot - 2) mend++;
      vigilantDeflation(krcol, mstart, mend, ktop, kbot, H, ldh, smlnum);
      // 5. row k+4 of each bulge: G acting on columns k+1..k+3 of a row where only h[k+4, k+3] was nonzero
      const mfill = Math.min(nbmps, Math.floor((kbot - krcol - 1) / 3)) - 1;
      const V = chain.V;
      for (let m = mtop; m <= mfill; m++) {
        const k = krcol + 3 * m;
        const q = 3 * m;
        const e = k + 4 + (k + 1) * ldh; // h[k+4, k+1]
        const refsum = V[q] * V[q + 2] * H[e + 2 * ldh];
        H[e] = -refsum;
        H[e + ldh] = -refsum * V[q + 1];
        H[e + 2 * ldh] -= refsum * V[q + 2];
      }
    }
    // the far parts, by gemm with the accumulated U: rows/columns uTop..uTop+nu−1 of the
    // window are all that can differ from the identity when the window sticks out of the block
    if (accumulate) {
      const nu = kdu - Math.max(0, ndcol - kbot) - uTop;
      const r0 = incol + 1 + uTop; // H's first row/column of the window's live part
      const jtop = wantt ? 0 : ktop;
      const c0 = Math.min(ndcol, kbot) + 1; // H's first column right of the window
      const nc = (wantt ? n - 1 : kbot) - c0 + 1;
      const nr = Math.max(ktop, incol) - jtop;
      if (nu > 0) {
        const Uw = sub(colMajor(U, kdu, kdu), uTop, uTop, nu, nu); // U's live part
        // horizontal: H[r0..r0+nu−1, c0..c0+nc−1] := Uᵀ·(…)
        if (nc > 0) multiplyInPlace(sub(Hb, r0, c0, nu, nc), Uw, true, W);
        // vertical: H[jtop..max(ktop, incol)−1, r0..r0+nu−1] := (…)·U
        if (nr > 0) multiplyInPlace(sub(Hb, jtop, r0, nr, nu), Uw, false, W);
        // Z[iloz..ihiz, r0..r0+nu−1] := (…)·U
        if (Zb && ihiz >= iloz) multiplyInPlace(sub(Zb, iloz, r0, ihiz - iloz + 1, nu), Uw, false, W);
      }
    }
  }
}
