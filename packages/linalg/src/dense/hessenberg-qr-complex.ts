/**
 * The complex Schur form of a complex Hessenberg matrix by the single-shift QR algorithm
 * (LAPACK zlahqr): the complex twin of hessenberg-qr.ts lahqr, with one Wilkinson shift per
 * step and 2×2 reflectors, ending in an upper triangular T (no 2×2 blocks: every eigenvalue
 * is a 1×1 block of T).
 *
 *   H = Z·T·Zᴴ     H upper Hessenberg (interleaved re, im, column-major),  Z unitary,  T upper triangular
 *
 * First a diagonal unitary similarity makes every subdiagonal entry real and non-negative
 * (makeSubdiagonalReal). Then one iteration on the active block H[l..i, l..i], in named stages:
 *   1. findDeflation: the lowest k with a negligible subdiagonal h[k, k−1] (Ahues & Kressner's
 *      test, as lahqr, with |re| + |im| for the magnitudes); it is set to zero, l = k. When
 *      l = i, h[i, i] is an eigenvalue.
 *   2. chooseShift: t = the eigenvalue of the trailing 2×2 block nearer h[i, i] (Wilkinson's
 *      shift), or at every 10th / 20th iteration without deflation an exceptional shift
 *      h[l, l] + 0.75·|h[l+1, l]| (from the top) or h[i, i] + 0.75·|h[i, i−1]| (the bottom).
 *   3. bulgeStart: the lowest m where the first column (h[m, m] − t, h[m+1, m]) of H − t·I
 *      makes a bulge that leaves h[m, m−1] negligible (two consecutive small subdiagonals),
 *      else m = l.
 *   4. chaseBulge: a 2×2 reflector G_m maps that column to a multiple of e_m; G_{m+1}, …,
 *      G_{i−1} chase the bulge off the bottom (the implicit single-shift QR step). When the
 *      step started below l, a unit scaling keeps h[m, m−1] real; at the end another keeps
 *      h[i, i−1] real (keepSubdiagonalReal).
 * 30·max(10, n) iterations per eigenvalue without convergence is a failure (returns its index).
 *
 * On exit from zlahqr (with wantt): H holds T (entries below the subdiagonal are garbage until
 * zhseqr zeroes them); w: the eigenvalues, interleaved; with wantz, Z[iloz..ihiz, :] :=
 * Z·(the accumulated reflectors and scalings).
 * Invariant: ‖H − Z·T·Zᴴ‖ ≤ c·n²·eps·‖H‖, ‖ZᴴZ − I‖ ≤ c·n·eps: backward stable.
 * Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §7.5 (the complex Schur form
 * and the single-shift QR step); Ahues & Kressner (LAWN 122); LAPACK zlahqr, zladiv.
 * Siblings: hessenberg-qr.ts lahqr (real input, double shift); hseqr.ts zhseqr (the driver).
 */
import { zlarfg } from "../complex/householder.js";
import { SAFMIN, ULP } from "../machine.js";

/** Exceptional shifts: every KEXSH iterations without a deflation (LAPACK's constants). */
const KEXSH = 10;
const DAT1 = 0.75;

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
 * The matrices one zlahqr call transforms and the reach of its transformations: rows i1.. and
 * columns ..i2 of H (the whole of H with wantt, else the active block), rows iloz..ihiz of Z.
 * v: the 2-vector (interleaved) of the reflector being built.
 */
interface ComplexQrState {
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
}

/**
 * Complex single-shift QR on the Hessenberg block H[ilo..ihi, ilo..ihi] of the n×n
 * interleaved column-major H (LAPACK zlahqr): the complex twin of lahqr, with one
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
  // clear out the trash below the subdiagonal
  for (let j = ilo; j <= ihi - 3; j++) {
    H[at(j + 2, j)] = H[at(j + 2, j) + 1] = 0;
    H[at(j + 3, j)] = H[at(j + 3, j) + 1] = 0;
  }
  if (ilo <= ihi - 2) H[at(ihi, ihi - 2)] = H[at(ihi, ihi - 2) + 1] = 0;

  const S: ComplexQrState = { H, ldh, Z, ldz, wantz, iloz, ihiz, i1: 0, i2: n - 1, v: new Float64Array(4) };
  makeSubdiagonalReal(S, wantt ? 0 : ilo, wantt ? n - 1 : ihi, ilo, ihi);

  const nh = ihi - ilo + 1;
  const smlnum = SAFMIN * (nh / ULP);
  const itmax = 30 * Math.max(10, nh);
  const t = new Float64Array(2); // the shift, re and im
  let kdefl = 0; // iterations since the last deflation

  // the active block is H[l..i, l..i]; i moves up as eigenvalues converge at the bottom
  let i = ihi;
  while (i >= ilo) {
    let l = ilo;
    let converged = false;
    for (let its = 0; its <= itmax; its++) {
      // 1. deflation: a negligible h[l, l−1] splits the problem
      l = findDeflation(H, ldh, ilo, ihi, l, i, smlnum);
      if (l > ilo) H[at(l, l - 1)] = H[at(l, l - 1) + 1] = 0;
      if (l >= i) {
        converged = true;
        break;
      }
      kdefl++;
      if (!wantt) {
        S.i1 = l;
        S.i2 = i;
      }
      // 2. the shift t; 3. where the bulge starts; 4. the single-shift QR step
      chooseShift(H, ldh, l, i, kdefl, t);
      const m = bulgeStart(H, ldh, l, i, t[0], t[1], S.v);
      chaseBulge(S, l, m, i);
      keepSubdiagonalReal(S, i);
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

/** H[i, j0..j1] *= (sr + i·si) (part of row i of the interleaved H). */
function scaleRow(H: Float64Array, ldh: number, i: number, j0: number, j1: number, sr: number, si: number): void {
  for (let j = j0; j <= j1; j++) {
    const e = 2 * (i + j * ldh);
    const re = H[e];
    H[e] = re * sr - H[e + 1] * si;
    H[e + 1] = re * si + H[e + 1] * sr;
  }
}

/** X[r0..r1, j] *= (sr + i·si) (part of column j of the interleaved X). */
function scaleCol(X: Float64Array, ld: number, j: number, r0: number, r1: number, sr: number, si: number): void {
  for (let r = r0; r <= r1; r++) {
    const e = 2 * (r + j * ld);
    const re = X[e];
    X[e] = re * sr - X[e + 1] * si;
    X[e + 1] = re * si + X[e + 1] * sr;
  }
}

/**
 * Make the subdiagonal of H[ilo..ihi] real and non-negative by a diagonal unitary similarity
 * D·H·Dᴴ: h[i, i−1] = |h[i, i−1]|·e^{iφ} is scaled by sc = e^{−iφ} along row i (columns
 * i..jhi) and by conj(sc) along column i (rows jlo..min(jhi, i+1)), and Z's column i likewise.
 */
function makeSubdiagonalReal(S: ComplexQrState, jlo: number, jhi: number, ilo: number, ihi: number): void {
  const { H, ldh, Z, ldz, wantz, iloz, ihiz } = S;
  for (let i = ilo + 1; i <= ihi; i++) {
    const e = 2 * (i + (i - 1) * ldh);
    if (H[e + 1] === 0) continue;
    const c1 = cabs1(H[e], H[e + 1]);
    let sr = H[e] / c1;
    let si = H[e + 1] / c1;
    const a = Math.hypot(sr, si);
    sr /= a;
    si = -si / a; // sc = conj(h / |h|)
    H[e] = Math.hypot(H[e], H[e + 1]);
    H[e + 1] = 0;
    scaleRow(H, ldh, i, i, jhi, sr, si);
    scaleCol(H, ldh, i, jlo, Math.min(jhi, i + 1), sr, -si);
    if (wantz) scaleCol(Z, ldz, i, iloz, ihiz, sr, -si);
  }
}

/**
 * Stage 1: the largest k in l+1..i whose subdiagonal entry h[k, k−1] is negligible, searching
 * from the bottom up (Ahues & Kressner's test with CABS1 magnitudes), or l when there is none.
 */
function findDeflation(H: Float64Array, ldh: number, ilo: number, ihi: number, l: number, i: number, smlnum: number): number {
  const at = (i: number, j: number): number => 2 * (i + j * ldh);
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
  return k;
}

/**
 * Stage 2: the shift into t = [re, im]: exceptional (every KEXSH-th iteration without
 * deflation, from the bottom at every 2·KEXSH-th, else from the top), or Wilkinson's shift,
 * the eigenvalue of the trailing 2×2 block nearer h[i, i]: t = h[i, i] − u·(u / (x + y)) with
 * u² = h[i−1, i]·h[i, i−1], x = (h[i−1, i−1] − h[i, i]) / 2, y = sqrt(x² + u²) (sign as x's).
 */
function chooseShift(H: Float64Array, ldh: number, l: number, i: number, kdefl: number, t: Float64Array): void {
  const at = (i: number, j: number): number => 2 * (i + j * ldh);
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
  t[0] = tr;
  t[1] = ti;
}

/** v := (h[m, m] − t, h[m+1, m]) / s, s = |h[m, m] − t|₁ + |h[m+1, m]| (interleaved, v[3] = 0); returns v's h21 part. */
function shiftedColumn(H: Float64Array, ldh: number, m: number, tr: number, ti: number, v: Float64Array): number {
  const mm = 2 * (m + m * ldh);
  let h11r = H[mm] - tr;
  let h11i = H[mm + 1] - ti;
  let h21 = H[mm + 2]; // h[m+1, m]
  const s = cabs1(h11r, h11i) + Math.abs(h21);
  h11r /= s;
  h11i /= s;
  h21 /= s;
  v[0] = h11r;
  v[1] = h11i;
  v[2] = h21;
  v[3] = 0;
  return h21;
}

/**
 * Stage 3: where the bulge starts. Returns the largest m in l..i−1 such that starting the
 * step at row m leaves h[m, m−1] negligible (two consecutive small subdiagonals), else l;
 * v holds the scaled first column of H[m.., m..] − t·I.
 */
function bulgeStart(H: Float64Array, ldh: number, l: number, i: number, tr: number, ti: number, v: Float64Array): number {
  const at = (i: number, j: number): number => 2 * (i + j * ldh);
  let m = i - 1;
  for (; m > l; m--) {
    const h21 = shiftedColumn(H, ldh, m, tr, ti, v);
    const h10 = H[at(m, m - 1)];
    const h11 = at(m, m);
    const h22 = at(m + 1, m + 1);
    if (Math.abs(h10) * Math.abs(h21) <= ULP * (cabs1(v[0], v[1]) * (cabs1(H[h11], H[h11 + 1]) + cabs1(H[h22], H[h22 + 1])))) break;
  }
  if (m === l) shiftedColumn(H, ldh, l, tr, ti, v);
  return m;
}

/**
 * Stage 4: the single-shift QR step on H[l..i, l..i] from row m: 2×2 reflectors
 * G_k = I − tau·v·vᴴ (v = [1, v2]) chase the bulge from row m to i, each applied from the
 * left to rows k, k+1 (columns k..i2), from the right to columns k, k+1 (rows
 * i1..min(k+2, i)) and to Z.
 */
function chaseBulge(S: ComplexQrState, l: number, m: number, i: number): void {
  const { H, ldh, Z, ldz, wantz, iloz, ihiz, i1, i2, v } = S;
  const at = (i: number, j: number): number => 2 * (i + j * ldh);
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
    if (k === m && m > l) keepStartSubdiagonalReal(S, l, m, i, t1r, t1i);
  }
}

/**
 * After G_m of a step that started below l: h[m, m−1] was multiplied by 1 − conj(tau); the
 * unit scaling p = (1 − tau) / |1 − tau| of rows and columns m..i (all but m+1, whose two
 * affected entries are scaled directly) makes it real again.
 */
function keepStartSubdiagonalReal(S: ComplexQrState, l: number, m: number, i: number, t1r: number, t1i: number): void {
  const { H, ldh, Z, ldz, wantz, iloz, ihiz, i1, i2 } = S;
  const at = (i: number, j: number): number => 2 * (i + j * ldh);
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
    if (i2 > j) scaleRow(H, ldh, j, j + 1, i2, pr, pi);
    scaleCol(H, ldh, j, i1, j - 1, pr, -pi);
    if (wantz) scaleCol(Z, ldz, j, iloz, ihiz, pr, -pi);
  }
}

/** After the step: h[i, i−1] := |h[i, i−1]| by a unit scaling of row and column i (and Z's column i). */
function keepSubdiagonalReal(S: ComplexQrState, i: number): void {
  const { H, ldh, Z, ldz, wantz, iloz, ihiz, i1, i2 } = S;
  const e = 2 * (i + (i - 1) * ldh);
  if (H[e + 1] !== 0) {
    const rtemp = Math.hypot(H[e], H[e + 1]);
    const pr = H[e] / rtemp;
    const pi = H[e + 1] / rtemp;
    H[e] = rtemp;
    H[e + 1] = 0;
    if (i2 > i) scaleRow(H, ldh, i, i + 1, i2, pr, -pi);
    scaleCol(H, ldh, i, i1, i - 1, pr, pi);
    if (wantz) scaleCol(Z, ldz, i, iloz, ihiz, pr, pi);
  }
}
