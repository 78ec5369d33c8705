/**
 * Reordering the real Schur form: swap two adjacent diagonal blocks (LAPACK dlaexc), and move
 * one block to another position by a chain of such swaps (dtrexc). Aggressive early deflation
 * (schur-aed.ts) uses them to push the converged eigenvalues of its window to the bottom.
 *
 *   T = ⎡A11 A12⎤  (A11: p×p, A22: q×q, p, q ∈ {1, 2}),   Qᵀ·T·Q = ⎡B11 B12⎤   with  λ(B11) = λ(A22),
 *       ⎣ 0  A22⎦                                                 ⎣ 0  B22⎦         λ(B22) = λ(A11)
 *
 * The swap (Bai & Demmel 1993): solve the Sylvester equation A11·X − X·A22 = scale·A12 (lasy2).
 * Then
 *   ⎡A11 A12⎤ ⎡−X      ⎤   ⎡−X      ⎤
 *   ⎣ 0  A22⎦ ⎣scale·I ⎦ = ⎣scale·I ⎦·A22,
 * so the columns of [−X; scale·I] span an invariant subspace belonging to λ(A22). An orthogonal
 * Q whose first q columns span it (built from one or two 3×3 Householder reflectors, or one
 * rotation for p = q = 1) makes Qᵀ·T·Q block upper triangular with A22's eigenvalues on top.
 * In floating point the new block (2,1) is not exactly zero: the swap is carried out on a copy
 * D of the (p+q)×(p+q) block first, and rejected (returns 1, T untouched) if that entry exceeds
 * 10·eps·‖D‖_max — only when A11 and A22 have nearly equal eigenvalues (ill-conditioned
 * swap). The 2×2 blocks of the result are put back in standard form by lanv2 (schur-2x2.ts).
 *
 * On exit from laexc / trexc: T (n×n column-major) := Qᵀ·T·Q with the blocks reordered, Q :=
 * Q·(the orthogonal transformations) when given. Entries of T below the subdiagonal must be
 * zero on entry; they stay zero.
 * Invariant: ‖Q_newᵀ·T_old·Q_new − T_new‖ ≤ c·eps·‖T‖ (each swap is backward stable: the
 * rejected ones are exactly those that would not be).
 * Reference: Bai & Demmel, "On swapping diagonal blocks in real Schur form", Linear Algebra
 * Appl. 186 (1993) 73–95; Golub & Van Loan, "Matrix Computations", 4th ed., §7.6.2; Kressner,
 * "Numerical Methods for General and Structured Eigenvalue Problems" (2005), §1.7; LAPACK
 * dlaexc, dtrexc, dlasy2.
 */
import { lartg, rot } from "../primitives/givens.js";
import { larfg } from "../primitives/householder.js";
import { lanv2 } from "./schur-2x2.js";
// dlaexc's EPS = dlamch("P") is ULP (2⁻⁵²); its SMLNUM = dlamch("S")/EPS is SMLNUM
import { SMLNUM, ULP } from "../machine.js";

// scratch for the small problems (the routines are not re-entrant and need no more)
const K = new Float64Array(16);
const RHS = new Float64Array(4);
const Y = new Float64Array(4);
const PERM = new Int32Array(4);
const D = new Float64Array(16);
const X = new Float64Array(4);
const U1 = new Float64Array(3);
const U2 = new Float64Array(3);

function swap(a: Float64Array | Int32Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/** X[off.., 3 rows × ncols] := (I − tau·u·uᵀ)·X (a 3×3 reflector from the left, LAPACK dlarfx). */
function reflectLeft3(u: Float64Array, tau: number, ncols: number, A: Float64Array, off: number, ld: number): void {
  if (tau === 0) return;
  const u0 = u[0];
  const u1 = u[1];
  const u2 = u[2];
  for (let j = 0, e = off; j < ncols; j++, e += ld) {
    const sum = tau * (u0 * A[e] + u1 * A[e + 1] + u2 * A[e + 2]);
    A[e] -= sum * u0;
    A[e + 1] -= sum * u1;
    A[e + 2] -= sum * u2;
  }
}

/** X[off.., nrows × 3 columns] := X·(I − tau·u·uᵀ) (a 3×3 reflector from the right). */
function reflectRight3(u: Float64Array, tau: number, nrows: number, A: Float64Array, off: number, ld: number): void {
  if (tau === 0) return;
  const u0 = u[0];
  const u1 = u[1];
  const u2 = u[2];
  for (let i = 0, e = off; i < nrows; i++, e++) {
    const sum = tau * (u0 * A[e] + u1 * A[e + ld] + u2 * A[e + 2 * ld]);
    A[e] -= sum * u0;
    A[e + ld] -= sum * u1;
    A[e + 2 * ld] -= sum * u2;
  }
}

/**
 * Solve the small Sylvester equation TL·X − X·TR = scale·B (LAPACK dlasy2 with isgn = −1, no
 * transposes) for TL n1×n1, TR n2×n2, B n1×n2 (n1, n2 ∈ {1, 2}; all column-major at the given
 * offsets and leading dimensions). X (n1×n2, column-major, ld n1) is written to `X`; returns
 * scale ≤ 1, chosen so that X does not overflow. Written as the Kronecker system
 *   (I ⊗ TL − TRᵀ ⊗ I)·vec(X) = scale·vec(B)     (order n1·n2 ≤ 4)
 * solved by Gaussian elimination with complete pivoting; a pivot below
 * smin = max(eps·max|T|, smlnum) is replaced by smin (the equation is then nearly singular,
 * A11 and A22 share an eigenvalue to working precision, and the swap test will judge).
 */
export function lasy2(
  n1: number,
  n2: number,
  A: Float64Array,
  tlOff: number,
  ldtl: number,
  trOff: number,
  ldtr: number,
  bOff: number,
  ldb: number,
  X: Float64Array,
): number {
  const m = n1 * n2;
  // K (m×m, row-major here) and the right-hand side r, with vec index p = i + j·n1
  K.fill(0);
  const r = RHS;
  let tmax = 0;
  for (let i = 0; i < n1; i++) for (let k = 0; k < n1; k++) tmax = Math.max(tmax, Math.abs(A[tlOff + i + k * ldtl]));
  for (let i = 0; i < n2; i++) for (let k = 0; k < n2; k++) tmax = Math.max(tmax, Math.abs(A[trOff + i + k * ldtr]));
  const smin = Math.max(ULP * tmax, SMLNUM);
  for (let j = 0; j < n2; j++) {
    for (let i = 0; i < n1; i++) {
      const p = i + j * n1;
      r[p] = A[bOff + i + j * ldb];
      // (TL·X)[i, j] = Σ_k TL[i, k]·X[k, j]
      for (let k = 0; k < n1; k++) K[4 * p + k + j * n1] += A[tlOff + i + k * ldtl];
      // −(X·TR)[i, j] = −Σ_l X[i, l]·TR[l, j]
      for (let l = 0; l < n2; l++) K[4 * p + i + l * n1] -= A[trOff + l + j * ldtr];
    }
  }
  // elimination with complete pivoting; perm[c] = the unknown in column c
  const perm = PERM;
  for (let c = 0; c < 4; c++) perm[c] = c;
  for (let c = 0; c < m; c++) {
    let ip = c;
    let jp = c;
    let big = -1;
    for (let i = c; i < m; i++) {
      for (let j = c; j < m; j++) {
        const a = Math.abs(K[4 * i + j]);
        if (a > big) {
          big = a;
          ip = i;
          jp = j;
        }
      }
    }
    if (ip !== c) {
      for (let j = 0; j < m; j++) swap(K, 4 * c + j, 4 * ip + j);
      swap(r, c, ip);
    }
    if (jp !== c) {
      for (let i = 0; i < m; i++) swap(K, 4 * i + c, 4 * i + jp);
      swap(perm, c, jp);
    }
    if (Math.abs(K[4 * c + c]) < smin) K[4 * c + c] = smin;
    for (let i = c + 1; i < m; i++) {
      const f = K[4 * i + c] / K[4 * c + c];
      if (f === 0) continue;
      for (let j = c; j < m; j++) K[4 * i + j] -= f * K[4 * c + j];
      r[i] -= f * r[c];
    }
  }
  // scale the right-hand side down if the back substitution could overflow
  let scale = 1;
  let rmax = 0;
  let pmin = Infinity;
  for (let i = 0; i < m; i++) {
    rmax = Math.max(rmax, Math.abs(r[i]));
    pmin = Math.min(pmin, Math.abs(K[4 * i + i]));
  }
  if (8 * SMLNUM * rmax > pmin) {
    scale = 0.125 / rmax;
    for (let i = 0; i < m; i++) r[i] *= scale;
  }
  // back substitution, then undo the column permutation
  const y = Y;
  for (let i = m - 1; i >= 0; i--) {
    let s = r[i];
    for (let j = i + 1; j < m; j++) s -= K[4 * i + j] * y[j];
    y[i] = s / K[4 * i + i];
  }
  for (let c = 0; c < m; c++) X[perm[c]] = y[c];
  return scale;
}

/** Put the 2×2 block T[j..j+1, j..j+1] in standard form (lanv2) and carry its rotation through T and Q. */
function standardize(n: number, T: Float64Array, ldt: number, Q: Float64Array | null, ldq: number, j: number): void {
  const a = j + j * ldt;
  const r = lanv2(T[a], T[a + ldt], T[a + 1], T[a + 1 + ldt]);
  T[a] = r.a;
  T[a + ldt] = r.b;
  T[a + 1] = r.c;
  T[a + 1 + ldt] = r.d;
  // rows j, j+1 to the right of the block; columns j, j+1 above it
  if (j + 2 < n) rot(n - j - 2, T, j + (j + 2) * ldt, ldt, T, j + 1 + (j + 2) * ldt, ldt, r.cs, r.sn);
  rot(j, T, j * ldt, 1, T, (j + 1) * ldt, 1, r.cs, r.sn);
  if (Q) rot(n, Q, j * ldq, 1, Q, (j + 1) * ldq, 1, r.cs, r.sn);
}

/**
 * Swap the adjacent diagonal blocks T11 (n1×n1, rows j1..j1+n1−1) and T22 (n2×n2, below it)
 * of the n×n upper quasi-triangular T (LAPACK dlaexc); n1, n2 ∈ {1, 2}. Q (if not null) :=
 * Q·(the transformation). Returns 0, or 1 when the swap was rejected as too ill-conditioned
 * (T and Q unchanged).
 */
export function laexc(n: number, T: Float64Array, ldt: number, Q: Float64Array | null, ldq: number, j1: number, n1: number, n2: number): number {
  if (n <= 1 || n1 + n2 > n - j1 || n1 <= 0 || n2 <= 0) return 0;
  const j2 = j1 + 1;
  const j3 = j1 + 2;

  if (n1 === 1 && n2 === 1) {
    // two 1×1 blocks: the rotation G with G·[t12; t22 − t11] = [r; 0] swaps them exactly
    const t11 = T[j1 + j1 * ldt];
    const t22 = T[j2 + j2 * ldt];
    const g = lartg(T[j1 + j2 * ldt], t22 - t11);
    if (j3 < n) rot(n - j3, T, j1 + j3 * ldt, ldt, T, j2 + j3 * ldt, ldt, g.c, g.s);
    rot(j1, T, j1 * ldt, 1, T, j2 * ldt, 1, g.c, g.s);
    T[j1 + j1 * ldt] = t22;
    T[j2 + j2 * ldt] = t11;
    if (Q) rot(n, Q, j1 * ldq, 1, Q, j2 * ldq, 1, g.c, g.s);
    return 0;
  }

  // D: a copy of the (n1+n2)-square block, on which the swap is tried first
  const nd = n1 + n2;
  let dnorm = 0;
  for (let j = 0; j < nd; j++) {
    for (let i = 0; i < nd; i++) {
      D[i + 4 * j] = T[j1 + i + (j1 + j) * ldt];
      dnorm = Math.max(dnorm, Math.abs(D[i + 4 * j]));
    }
  }
  const thresh = Math.max(10 * ULP * dnorm, SMLNUM);
  // X: T11·X − X·T22 = scale·T12
  const scale = lasy2(n1, n2, D, 0, 4, n1 + 4 * n1, 4, 4 * n1, 4, X);
  const x = (i: number, j: number): number => X[i + j * n1];

  if (n1 === 1 && n2 === 2) {
    // u = [scale, x11, x12] is orthogonal to range([−X; scale·I]) (T22's invariant subspace);
    // the reflector H with H·u ∥ e₃ has that subspace as the span of its first two columns
    const u = U1;
    u[0] = scale;
    u[1] = x(0, 0);
    u[2] = x(0, 1);
    const tau = larfg(3, u, 2, 0, 1);
    u[2] = 1;
    const t11 = T[j1 + j1 * ldt];
    reflectLeft3(u, tau, 3, D, 0, 4);
    reflectRight3(u, tau, 3, D, 0, 4);
    // the swap test: row 3 of H·D·H must be [0 0 t11]
    if (Math.max(Math.abs(D[2]), Math.abs(D[2 + 4]), Math.abs(D[2 + 8] - t11)) > thresh) return 1;
    reflectLeft3(u, tau, n - j1, T, j1 + j1 * ldt, ldt);
    reflectRight3(u, tau, j2 + 1, T, j1 * ldt, ldt);
    T[j3 + j1 * ldt] = 0;
    T[j3 + j2 * ldt] = 0;
    T[j3 + j3 * ldt] = t11;
    if (Q) reflectRight3(u, tau, n, Q, j1 * ldq, ldq);
  } else if (n1 === 2 && n2 === 1) {
    // [−x11, −x21, scale] spans T22's invariant subspace; the reflector H maps it onto e₁
    const u = U1;
    u[0] = -x(0, 0);
    u[1] = -x(1, 0);
    u[2] = scale;
    const tau = larfg(3, u, 0, 1, 1);
    u[0] = 1;
    const t33 = T[j3 + j3 * ldt];
    reflectLeft3(u, tau, 3, D, 0, 4);
    reflectRight3(u, tau, 3, D, 0, 4);
    // the swap test: column 1 of H·D·H must be [t33 0 0]ᵀ
    if (Math.max(Math.abs(D[1]), Math.abs(D[2]), Math.abs(D[0] - t33)) > thresh) return 1;
    reflectRight3(u, tau, j3 + 1, T, j1 * ldt, ldt);
    reflectLeft3(u, tau, n - j1 - 1, T, j1 + j2 * ldt, ldt);
    T[j1 + j1 * ldt] = t33;
    T[j2 + j1 * ldt] = 0;
    T[j3 + j1 * ldt] = 0;
    if (Q) reflectRight3(u, tau, n, Q, j1 * ldq, ldq);
  } else {
    // two 2×2 blocks: H1 maps [−X; scale·I]'s first column onto e₁, H2 (rows 2..4) its second onto span(e₁, e₂)
    const u1 = U1;
    u1[0] = -x(0, 0);
    u1[1] = -x(1, 0);
    u1[2] = scale;
    const tau1 = larfg(3, u1, 0, 1, 1);
    u1[0] = 1;
    const temp = -tau1 * (x(0, 1) + u1[1] * x(1, 1));
    const u2 = U2;
    u2[0] = -temp * u1[1] - x(1, 1);
    u2[1] = -temp * u1[2];
    u2[2] = scale;
    const tau2 = larfg(3, u2, 0, 1, 1);
    u2[0] = 1;
    reflectLeft3(u1, tau1, 4, D, 0, 4);
    reflectRight3(u1, tau1, 4, D, 0, 4);
    reflectLeft3(u2, tau2, 4, D, 1, 4);
    reflectRight3(u2, tau2, 4, D, 4, 4);
    // the swap test: the new (2,1) block must vanish
    if (Math.max(Math.abs(D[2]), Math.abs(D[2 + 4]), Math.abs(D[3]), Math.abs(D[3 + 4])) > thresh) return 1;
    const j4 = j1 + 3;
    reflectLeft3(u1, tau1, n - j1, T, j1 + j1 * ldt, ldt);
    reflectRight3(u1, tau1, j4 + 1, T, j1 * ldt, ldt);
    reflectLeft3(u2, tau2, n - j1, T, j2 + j1 * ldt, ldt);
    reflectRight3(u2, tau2, j4 + 1, T, j2 * ldt, ldt);
    T[j3 + j1 * ldt] = 0;
    T[j3 + j2 * ldt] = 0;
    T[j4 + j1 * ldt] = 0;
    T[j4 + j2 * ldt] = 0;
    if (Q) {
      reflectRight3(u1, tau1, n, Q, j1 * ldq, ldq);
      reflectRight3(u2, tau2, n, Q, j2 * ldq, ldq);
    }
  }
  // the new blocks: T22's old eigenvalues at j1 (n2×n2), T11's below (n1×n1), back in standard form
  if (n2 === 2) standardize(n, T, ldt, Q, ldq, j1);
  if (n1 === 2) standardize(n, T, ldt, Q, ldq, j1 + n2);
  return 0;
}

/** The result of {@link trexc}: where the block ended up, and whether it got all the way. */
export interface TrexcResult {
  /** First row of the moved block on exit. */
  ilst: number;
  /** False when a swap was rejected (the block stopped at `ilst`). */
  ok: boolean;
}

/**
 * Move the diagonal block of the n×n real Schur form T that contains row ifst to row ilst by
 * adjacent swaps (LAPACK dtrexc, compq = "V" when Q is given). A 2×2 block that splits into
 * two real eigenvalues on the way is moved on as two 1×1 blocks. T, Q as {@link laexc}.
 */
export function trexc(n: number, T: Float64Array, ldt: number, Q: Float64Array | null, ldq: number, ifst: number, ilst: number): TrexcResult {
  if (n <= 1) return { ilst, ok: true };
  const sub = (i: number): number => T[i + 1 + i * ldt]; // T[i+1, i]
  // the first rows and sizes of the block to move (nbf) and of the block at the target (nbl)
  if (ifst > 0 && T[ifst + (ifst - 1) * ldt] !== 0) ifst--;
  let nbf = ifst < n - 1 && sub(ifst) !== 0 ? 2 : 1;
  if (ilst > 0 && T[ilst + (ilst - 1) * ldt] !== 0) ilst--;
  const nbl = ilst < n - 1 && sub(ilst) !== 0 ? 2 : 1;
  if (ifst === ilst) return { ilst, ok: true };

  let here = ifst;
  if (ifst < ilst) {
    // move down: the target row is where the block's first row lands
    if (nbf === 2 && nbl === 1) ilst--;
    if (nbf === 1 && nbl === 2) ilst++;
    while (here < ilst) {
      if (nbf !== 3) {
        // a 1×1 or 2×2 block swaps with the block below it
        const nbnext = here + nbf + 1 <= n - 1 && sub(here + nbf) !== 0 ? 2 : 1;
        if (laexc(n, T, ldt, Q, ldq, here, nbf, nbnext) !== 0) return { ilst: here, ok: false };
        here += nbnext;
        // did the 2×2 block split into two 1×1 blocks?
        if (nbf === 2 && sub(here) === 0) nbf = 3;
      } else {
        // nbf = 3: two 1×1 blocks (here, here+1) that each swap on their own
        let nbnext = here + 3 <= n - 1 && sub(here + 2) !== 0 ? 2 : 1;
        if (laexc(n, T, ldt, Q, ldq, here + 1, 1, nbnext) !== 0) return { ilst: here, ok: false };
        if (nbnext === 1) {
          laexc(n, T, ldt, Q, ldq, here, 1, 1);
          here++;
        } else {
          if (sub(here + 1) === 0) nbnext = 1; // the 2×2 block it passed split
          if (nbnext === 2) {
            if (laexc(n, T, ldt, Q, ldq, here, 1, 2) !== 0) return { ilst: here, ok: false };
          } else {
            laexc(n, T, ldt, Q, ldq, here, 1, 1);
            laexc(n, T, ldt, Q, ldq, here + 1, 1, 1);
          }
          here += 2;
        }
      }
    }
  } else {
    // move up
    while (here > ilst) {
      if (nbf !== 3) {
        const nbnext = here >= 2 && T[here - 1 + (here - 2) * ldt] !== 0 ? 2 : 1;
        if (laexc(n, T, ldt, Q, ldq, here - nbnext, nbnext, nbf) !== 0) return { ilst: here, ok: false };
        here -= nbnext;
        if (nbf === 2 && sub(here) === 0) nbf = 3;
      } else {
        let nbnext = here >= 2 && T[here - 1 + (here - 2) * ldt] !== 0 ? 2 : 1;
        if (laexc(n, T, ldt, Q, ldq, here - nbnext, nbnext, 1) !== 0) return { ilst: here, ok: false };
        if (nbnext === 1) {
          laexc(n, T, ldt, Q, ldq, here, 1, 1);
          here--;
        } else {
          if (T[here + (here - 1) * ldt] === 0) nbnext = 1;
          if (nbnext === 2) {
            if (laexc(n, T, ldt, Q, ldq, here - 1, 2, 1) !== 0) return { ilst: here, ok: false };
          } else {
            laexc(n, T, ldt, Q, ldq, here, 1, 1);
            laexc(n, T, ldt, Q, ldq, here - 1, 1, 1);
          }
          here -= 2;
        }
      }
    }
  }
  return { ilst: here, ok: true };
}
