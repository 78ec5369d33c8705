/**
 * Reduction to upper Hessenberg form by Householder reflections (LAPACK dgehd2 / dorghr, and
 * the complex zgehd2 / zunghr; SciPy's `scipy.linalg.hessenberg`).
 *
 *   A = Q·H·Qᵀ     A: n×n,  Q orthogonal (unitary: Qᴴ),  H upper Hessenberg (H[i, j] = 0 for i > j + 1)
 *
 * Q = H_ilo·H_{ilo+1}···H_{ihi−1}, where the reflector H_i = I − tau_i·v_i·v_iᵀ zeroes column i
 * below the subdiagonal: v_i is zero in rows 0..i, 1 in row i+1, and nonzero in rows i+2..ihi.
 * H_i is applied from both sides, so the eigenvalues are kept (a similarity). When A has been
 * balanced (balance.ts), A is already triangular outside rows/columns ilo..ihi and only that
 * block is reduced.
 *
 * On exit from gehd2: on and above the first subdiagonal, H; below it, column i: v_i[i+2..ihi]
 * (v_i[i+1] = 1 implied); `tau[i]`: the scalar of H_i (0 outside ilo..ihi−1). `orghr` turns
 * that into the explicit Q.
 *
 * Step i of gehd2 (i = ilo, …, ihi − 2):
 *   1. H_i from larfg so that H_i·A[i+1..ihi, i] = [beta; 0];
 *   2. A[0..ihi, i+1..ihi] := A[0..ihi, i+1..ihi]·H_i       (from the right: columns mix)
 *   3. A[i+1..ihi, i+1..n−1] := H_i·A[i+1..ihi, i+1..n−1]    (from the left: rows mix)
 *
 * Invariant: ‖A − Q·H·Qᵀ‖ ≤ c·n²·eps·‖A‖ and ‖QᵀQ − I‖ ≤ c·n·eps (backward stable).
 * The blocked gehrd (dgehrd) reduces panels of nb columns with lahr2 and updates the rest of
 * A with gemm; gehd2Fast, gehd2's fused twin, does the last columns (and is the whole
 * reduction for small n); gehd2 is the spec, and all three run the same tests.
 *
 * Cost: 10n³/3 flops for H, 4n³/3 more for Q. This is the first step of the eigenvalue
 * solver (eig.ts); the QR algorithm (schur.ts) keeps the Hessenberg form, so each of its
 * sweeps costs O(n²) instead of O(n³).
 * Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §7.4.3 (Algorithm 7.4.2);
 * LAPACK dgehd2, dorghr, zgehd2, zunghr.
 */
import { namedTuple, ValueError, type NamedTuple, type NDArray } from "@sliderule/ndarray";
import { type Block, colMajor, column, gemm, gemv, row, sub, T as transpose } from "@sliderule/ndarray/kernels";
import { zlarfg, zlarfLeft, zlarfRight } from "../complex/householder.js";
import { zung2r } from "../complex/qr.js";
import { LinAlgError } from "../errors.js";
import { larfb, larfg, larfLeft, larfRight } from "../primitives/householder.js";
import { BLOCK_SIZES, HESSENBERG_BLOCK } from "../tuning.js";
import {
  asArray,
  assertFinite,
  assertSquare,
  batchOffsets,
  batchShapeOf,
  loadMatrix,
  matrixStrides,
  stackOf,
  storeMatrix,
  withWork,
  type ArrayInput,
} from "../util/batch.js";
import { orgqrFast } from "./qr.js";

// ------------------------------------------------------------------ checks

/**
 * NumPy's `_assert_finite` for the eigenvalue routines: NaN or Inf anywhere raises LinAlgError
 * "Array must not contain infs or NaNs" (kind invalidInput), not the ValueError of the solvers.
 */
export function assertFiniteLinAlg(a: NDArray, fn: string): void {
  try {
    assertFinite(a, fn);
  } catch (e) {
    if (e instanceof ValueError) throw new LinAlgError(`${fn}: Array must not contain infs or NaNs`, "invalidInput");
    throw e;
  }
}

// ------------------------------------------------------------------ real

/**
 * Reduce the n×n column-major A[i + j·lda] to upper Hessenberg form in rows and columns
 * ilo..ihi (LAPACK dgehd2). Outputs as in the header; `tau` has n − 1 entries.
 */
export function gehd2(n: number, ilo: number, ihi: number, A: Float64Array, lda: number, tau: Float64Array): void {
  const work = new Float64Array(n);
  for (let i = 0; i < n - 1; i++) tau[i] = 0;
  for (let i = ilo; i < ihi; i++) {
    const sub = i + 1 + i * lda; // A[i+1, i], the subdiagonal entry of column i
    // 1. H_i zeroes A[i+2..ihi, i]: A[i+1, i] becomes beta, below it v_i[i+2..ihi]
    const t = larfg(ihi - i, A, sub, Math.min(i + 2, n - 1) + i * lda, 1);
    tau[i] = t;
    const beta = A[sub];
    A[sub] = 1; // v_i[i+1] = 1 in place, for the products
    // 2. A[0..ihi, i+1..ihi] := A[0..ihi, i+1..ihi]·H_i
    larfRight(ihi + 1, ihi - i, A, sub, 1, t, A, (i + 1) * lda, lda, work);
    // 3. A[i+1..ihi, i+1..n−1] := H_i·A[i+1..ihi, i+1..n−1]
    larfLeft(ihi - i, n - i - 1, A, sub, 1, t, A, i + 1 + (i + 1) * lda, lda);
    A[sub] = beta;
  }
}

/**
 * The fast twin of {@link gehd2}: the same reduction with the two updates of each step
 * fused into one rank-2 update, so that the trailing matrix is read twice per step instead of
 * five times (gehd2's larfRight reads and writes A[0..ihi, i+1..ihi], its larfLeft reads
 * A[i+1..ihi, i+1..n−1] twice and writes it). With v = v_i, tau = tau_i and, on the old A,
 *
 *   w = A[0..ihi, i+1..ihi]·v        u = vᵀ·A[i+1..ihi, i+1..n−1]        γ = vᵀ·w = u·v
 *
 * the two-sided product H_i·A·H_i is
 *
 *   A[0..ihi, j]    −= tau·w·v_j                       (j ≤ ihi: the right update)
 *   A[i+1..ihi, j]  −= tau·v·(u_j − tau·γ·v_j)         (the left update; v_j = 0 for j > ihi)
 *
 * computed in one pass over the columns after one pass that forms w and u together.
 * Outputs as gehd2 (equal up to rounding: the sums are formed in another order).
 */
export function gehd2Fast(n: number, ilo: number, ihi: number, A: Float64Array, lda: number, tau: Float64Array): void {
  const w = new Float64Array(n);
  const u = new Float64Array(n);
  for (let i = 0; i < n - 1; i++) tau[i] = 0;
  for (let i = ilo; i < ihi; i++) {
    const sub = i + 1 + i * lda;
    // H_i zeroes A[i+2..ihi, i] (larfg); v = A[i+1..ihi, i] with v[i+1] = 1
    const t = larfg(ihi - i, A, sub, Math.min(i + 2, n - 1) + i * lda, 1);
    tau[i] = t;
    if (t === 0) continue; // H_i = I
    const beta = A[sub];
    A[sub] = 1;
    const v0 = i * lda; // v_r = A[v0 + r] for r in i+1..ihi
    // pass 1: w = A[0..ihi, i+1..ihi]·v and u_j = vᵀ·A[i+1..ihi, j]
    w.fill(0, 0, ihi + 1);
    let gamma = 0;
    for (let j = i + 1; j < n; j++) {
      const c = j * lda;
      let uj = 0;
      for (let r = i + 1; r <= ihi; r++) uj += A[v0 + r] * A[c + r];
      u[j] = uj;
      if (j <= ihi) {
        const vj = A[v0 + j];
        for (let r = 0; r <= ihi; r++) w[r] += A[c + r] * vj;
      }
    }
    for (let r = i + 1; r <= ihi; r++) gamma += A[v0 + r] * w[r];
    // pass 2: the rank-2 update, column by column
    for (let j = i + 1; j < n; j++) {
      const c = j * lda;
      const vj = j <= ihi ? A[v0 + j] : 0;
      const a = t * vj; // right: A[:, j] −= w·(tau·v_j)
      const b = t * (u[j] - t * gamma * vj); // left: A[i+1..ihi, j] −= v·b
      if (a !== 0) for (let r = 0; r <= i; r++) A[c + r] -= w[r] * a;
      for (let r = i + 1; r <= ihi; r++) A[c + r] -= w[r] * a + A[v0 + r] * b;
    }
    A[sub] = beta;
  }
}

/**
 * The panel step of the blocked reduction (LAPACK dlahr2). Reduces the nb columns
 * k0..k0+nb−1 of A (rows 0..ihi) so that their entries below the first subdiagonal vanish,
 * and returns the block reflector Q_p = H_k0···H_{k0+nb−1} = I − V·T·Vᵀ and Y = A·V·T, with
 * which the caller updates the rest of A by gemm. Only the panel's own columns are updated
 * here (each one just before its reflector is generated, from the Y and T found so far):
 *
 *   b := (I − V·Tᵀ·Vᵀ)·(b − Y·V[row k0+i, :]ᵀ)     column i of the panel, before H_i
 *
 * On exit: the panel holds H's entries and the vectors (as gehd2); tau[k0..]; T (nb×nb upper
 * triangular, ldt); Y (rows 0..ihi, nb columns, ldy). Written with LAPACK's 1-based indices
 * relative to the panel (a(r, c) is A[r−1, k0+c−1]) so that it can be read beside dlahr2.f:
 * here K = k0 + 1 and N = ihi + 1.
 */
function lahr2(
  ihi: number,
  k0: number,
  nb: number,
  A: Float64Array,
  lda: number,
  tau: Float64Array,
  T: Float64Array,
  ldt: number,
  Y: Float64Array,
  ldy: number,
): void {
  const p = lahr2Panel(ihi, k0, nb, A, lda, T, ldt, Y, ldy);
  const { N, K, a } = p;
  let ei = 0;
  for (let I = 1; I <= nb; I++) {
    if (I > 1) {
      updatePanelColumn(p, I, nb);
      A[a(K + I - 1, I - 1)] = ei;
    }
    // H_I zeroes a(K+I+1:N, I)
    const ti = larfg(N - K - I + 1, A, a(K + I, I), a(Math.min(K + I + 1, N), I), 1);
    tau[k0 + I - 1] = ti;
    ei = A[a(K + I, I)];
    A[a(K + I, I)] = 1;
    appendToYAndT(p, I, ti);
  }
  A[a(K + nb, nb)] = ei;
  rowsAbovePanel(p, nb);
}

/**
 * lahr2's panel in LAPACK's 1-based indices: N = ihi + 1, K = k0 + 1, and a(r, c), t(r, c),
 * y(r, c) the positions of a(r, c) = A[r−1, k0+c−1], T[r−1, c−1] and Y[r−1, c−1].
 * The same as views, for the matrix–vector products: P, the panel's columns k0..ihi (rows
 * 0..ihi, N×(N−K+1)), Yb (N×nb) and Tb (nb×nb). Views count from 0, so a(r, c) is P's
 * element (r−1, c−1): dlahr2's A(K+1, I) is `column(P, K, I − 1, ·)`.
 */
interface Lahr2Panel {
  N: number;
  K: number;
  A: Float64Array;
  lda: number;
  T: Float64Array;
  ldt: number;
  Y: Float64Array;
  ldy: number;
  a: (r: number, c: number) => number;
  t: (r: number, c: number) => number;
  y: (r: number, c: number) => number;
  P: Block;
  Yb: Block;
  Tb: Block;
}

function lahr2Panel(ihi: number, k0: number, nb: number, A: Float64Array, lda: number, T: Float64Array, ldt: number, Y: Float64Array, ldy: number): Lahr2Panel {
  const N = ihi + 1;
  const K = k0 + 1;
  return {
    N: ihi + 1,
    K: k0 + 1,
    A,
    lda,
    T,
    ldt,
    Y,
    ldy,
    a: (r, c) => r - 1 + (k0 + c - 1) * lda,
    t: (r, c) => r - 1 + (c - 1) * ldt,
    y: (r, c) => r - 1 + (c - 1) * ldy,
    P: colMajor(A, N, N - K + 1, k0 * lda, lda),
    Yb: colMajor(Y, N, nb, 0, ldy),
    Tb: colMajor(T, nb, nb, 0, ldt),
  };
}

/**
 * Column I of the panel, before its reflector: the reflectors H_1..H_{I−1} found so far,
 * applied from both sides through Y and T (dlahr2's first block):
 *   b := b − Y·a(K+I−1, 1:I−1)ᵀ,  then  b := (I − V·Tᵀ·Vᵀ)·b   (w in T(:, nb))
 */
function updatePanelColumn(p: Lahr2Panel, I: number, nb: number): void {
  const { N, K, A, T, a, t, P, Yb, Tb } = p;
  // column I of the panel: b := b − Y·a(K+I−1, 1:I−1)ᵀ on rows K+1..N,
  // A(K+1:N, I) −= Y(K+1:N, 1:I−1)·A(K+I−1, 1:I−1)ᵀ
  gemv(-1, sub(Yb, K, 0, N - K, I - 1), row(P, K + I - 2, 0, I - 1), 1, column(P, K, I - 1, N - K));
  // b := (I − V·Tᵀ·Vᵀ)·b, V = [V1; V2] (V1 unit lower, rows K+1..K+I−1), w in T(:, nb)
  const w = (c: number): number => t(c, nb);
  for (let c = 1; c < I; c++) T[w(c)] = A[a(K + c, I)]; // w = b1
  for (let c = 1; c < I; c++) {
    // w := V1ᵀ·w (top down: uses w_r, r > c, not yet changed)
    let s = T[w(c)];
    for (let r = c + 1; r < I; r++) s += A[a(K + r, c)] * T[w(r)];
    T[w(c)] = s;
  }
  // w += V2ᵀ·b2,  V2 = A(K+I:N, 1:I−1),  b2 = A(K+I:N, I),  w = T(1:I−1, nb)
  const V2 = sub(P, K + I - 1, 0, N - K - I + 1, I - 1);
  const b2 = column(P, K + I - 1, I - 1, N - K - I + 1);
  const wv = column(Tb, 0, nb - 1, I - 1);
  gemv(1, transpose(V2), b2, 1, wv);
  for (let c = I - 1; c >= 1; c--) {
    // w := Tᵀ·w (bottom up)
    let s = 0;
    for (let r = 1; r <= c; r++) s += T[t(r, c)] * T[w(r)];
    T[w(c)] = s;
  }
  // b2 −= V2·w
  gemv(-1, V2, wv, 1, b2);
  for (let r = I - 1; r >= 1; r--) {
    // w := V1·w (bottom up), then b1 −= w
    let s = T[w(r)];
    for (let c = 1; c < r; c++) s += A[a(K + r, c)] * T[w(c)];
    T[w(r)] = s;
  }
  for (let r = 1; r < I; r++) A[a(K + r, I)] -= T[w(r)];
}

/**
 * With H_I = I − τ·v·vᵀ found (v = a(K+I:N, I), its unit entry in place): column I of Y and
 * of T (dlahr2's second block):
 *   Y(K+1:N, I) = τ·(A(K+1:N, I+1:) ·v − Y(K+1:N, 1:I−1)·T(1:I−1, I)),   T(1:I−1, I) = −τ·T·V2ᵀ·v,   T(I, I) = τ
 */
function appendToYAndT(p: Lahr2Panel, I: number, ti: number): void {
  const { N, K, T, Y, t, y, P, Yb, Tb } = p;
  // Y(K+1:N, I) = A(K+1:N, I+1:N−K+1)·v,  v = A(K+I:N, I)  (gemv: SIMD when A is resident)
  const v = column(P, K + I - 1, I - 1, N - K - I + 1);
  const yCol = column(Yb, K, I - 1, N - K);
  gemv(1, sub(P, K, I, N - K, N - K - I + 1), v, 0, yCol);
  if (I > 1) {
    // T(1:I−1, I) = V2ᵀ·v,  V2 = A(K+I:N, 1:I−1)
    const tCol = column(Tb, 0, I - 1, I - 1);
    gemv(1, transpose(sub(P, K + I - 1, 0, N - K - I + 1, I - 1)), v, 0, tCol);
    // Y(K+1:N, I) −= Y(K+1:N, 1:I−1)·T(1:I−1, I)
    gemv(-1, sub(Yb, K, 0, N - K, I - 1), tCol, 1, yCol);
  }
  // then *= tau
  for (let r = K + 1; r <= N; r++) Y[y(r, I)] *= ti;
  // T(1:I−1, I) := T(1:I−1, 1:I−1)·(−tau·T(1:I−1, I)), T(I, I) = tau
  for (let c = 1; c < I; c++) T[t(c, I)] *= -ti;
  for (let r = 1; r < I; r++) {
    let s = 0;
    for (let c = r; c < I; c++) s += T[t(r, c)] * T[t(c, I)];
    T[t(r, I)] = s;
  }
  T[t(I, I)] = ti;
}

/** Y(1:K, 1:nb) = A(1:K, 2:nb+1)·V·T: the rows above the panel (dlahr2's last block). */
function rowsAbovePanel(p: Lahr2Panel, nb: number): void {
  const { N, K, A, lda, T, Y, ldy, a, t, y } = p;
  for (let c = 1; c <= nb; c++) for (let r = 1; r <= K; r++) Y[y(r, c)] = A[a(r, c + 1)];
  for (let c = 1; c <= nb; c++) {
    // Y := Y·V1 (V1 = a(K+1:K+nb, 1:nb) unit lower), column c from columns j > c (left to right)
    for (let j = c + 1; j <= nb; j++) {
      const v = A[a(K + j, c)];
      if (v === 0) continue;
      for (let r = 1; r <= K; r++) Y[y(r, c)] += Y[y(r, j)] * v;
    }
  }
  if (N > K + nb) {
    // Y(1:K, 1:nb) += A(1:K, nb+2:N−K+1)·V2, V2 = a(K+nb+1:N, 1:nb) (V's rows below V1);
    // the panel's columns k0..ihi (a(1, 1) = A[0, k0]) as the N×(N−K+1) view P
    const P = colMajor(A, N, N - K + 1, a(1, 1), lda);
    gemm(1, sub(P, 0, nb + 1, K, N - K - nb), sub(P, K + nb, 0, N - K - nb, nb), 1, colMajor(Y, K, nb, 0, ldy));
  }
  for (let c = nb; c >= 1; c--) {
    // Y := Y·T (T upper), right to left
    const tcc = T[t(c, c)];
    for (let r = 1; r <= K; r++) Y[y(r, c)] *= tcc;
    for (let j = 1; j < c; j++) {
      const tj = T[t(j, c)];
      if (tj === 0) continue;
      for (let r = 1; r <= K; r++) Y[y(r, c)] += Y[y(r, j)] * tj;
    }
  }
}

/**
 * Blocked Hessenberg reduction (LAPACK dgehrd): panels of nb columns by lahr2, each followed
 * by two gemm-rich updates of the rest of A,
 *
 *   A[0..ihi, i+nb..ihi]  −= Y·V[i+nb.., :]ᵀ                  (from the right: A·Q_p)
 *   A[i+1..ihi, i+nb..n−1] := (I − V·Tᵀ·Vᵀ)·(…)               (from the left: larfb)
 *
 * and the columns of the panel above it; the last `nx` columns by the fused unblocked
 * {@link gehd2Fast}. Outputs as gehd2 (equal up to rounding).
 */
export function gehrd(
  n: number,
  ilo: number,
  ihi: number,
  A: Float64Array,
  lda: number,
  tau: Float64Array,
  nb = HESSENBERG_BLOCK.nb,
  nx = HESSENBERG_BLOCK.nx,
): void {
  for (let i = 0; i < n - 1; i++) tau[i] = 0;
  const nh = ihi - ilo + 1;
  let i = ilo;
  if (nb > 1 && nb < nh) {
    // T and Y in WebAssembly memory when the backend has it (withWork): with a resident A the
    // panel's matrix–vector products and the trailing gemm then run in place
    withWork("float64", [nb * nb, n * nb], ([Tf, Yf]) => {
      const [T, Y] = [Tf as Float64Array, Yf as Float64Array];
      const Ab = colMajor(A, n, n, 0, lda);
      for (; i < ihi - nx; i += nb) {
        const ib = Math.min(nb, ihi - i);
        // the panel: columns i..i+ib−1; Q_p = I − V·T·Vᵀ, Y = A·V·T (rows 0..ihi)
        lahr2(ihi, i, ib, A, lda, tau, T, nb, Y, n);
        // A[0..ihi, i+ib..ihi] −= Y·Vᵀ, V's rows i+ib..ihi (with v's unit entry at (i+ib, i+ib−1))
        const corner = i + ib + (i + ib - 1) * lda;
        const ei = A[corner];
        A[corner] = 1;
        const V = sub(Ab, i + ib, i, ihi - i - ib + 1, ib);
        gemm(-1, colMajor(Y, ihi + 1, ib, 0, n), transpose(V), 1, sub(Ab, 0, i + ib, ihi + 1, ihi - i - ib + 1));
        A[corner] = ei;
        // the panel's columns above it: A[0..i, i+1..i+ib−1] −= (Y·V1ᵀ)[0..i, 0..ib−2]
        for (let c = ib - 2; c >= 0; c--) {
          // Y[:, c] := Y[:, c] + Σ_{j<c} Y[:, j]·V1[c, j]  (V1 = A[i+1..i+ib−1, i..i+ib−2], unit lower)
          for (let j = 0; j < c; j++) {
            const v = A[i + 1 + c + (i + j) * lda];
            if (v === 0) continue;
            for (let r = 0; r <= i; r++) Y[r + c * n] += Y[r + j * n] * v;
          }
        }
        for (let c = 0; c < ib - 1; c++) for (let r = 0; r <= i; r++) A[r + (i + c + 1) * lda] -= Y[r + c * n];
        // A[i+1..ihi, i+ib..n−1] := Q_pᵀ·(…), Q_p = I − V·T·Vᵀ with V = A[i+1..ihi, i..i+ib−1] (unit lower)
        const Tp = colMajor(T, ib, ib, 0, nb);
        larfb(sub(Ab, i + 1, i, ihi - i, ib), transpose(Tp), sub(Ab, i + 1, i + ib, ihi - i, n - i - ib));
      }
    });
  }
  // the rest, unblocked (its own tau entries; the earlier ones are kept)
  const rest = tau.slice();
  gehd2Fast(n, i, ihi, A, lda, rest);
  for (let q = i; q < n - 1; q++) tau[q] = rest[q];
}

/**
 * Form Q = H_ilo···H_{ihi−1} in place over the output of gehd2 (LAPACK dorghr): the vectors
 * are shifted one column right, so that the block Q[ilo+1..ihi, ilo+1..ihi] is a QR-style
 * product of ihi − ilo reflectors (orgqr, blocked); Q is the identity outside that block.
 */
export function orghr(n: number, ilo: number, ihi: number, A: Float64Array, lda: number, tau: Float64Array): void {
  const nh = ihi - ilo;
  // shift the vectors: column j receives column j−1's rows j+1..ihi; zeros elsewhere
  for (let j = ihi; j > ilo; j--) {
    for (let i = 0; i < j; i++) A[i + j * lda] = 0;
    for (let i = j + 1; i <= ihi; i++) A[i + j * lda] = A[i + (j - 1) * lda];
    for (let i = ihi + 1; i < n; i++) A[i + j * lda] = 0;
  }
  // columns 0..ilo and ihi+1..n−1 are columns of the identity
  const unit = (j: number): void => {
    for (let i = 0; i < n; i++) A[i + j * lda] = 0;
    A[j + j * lda] = 1;
  };
  for (let j = 0; j <= ilo && j < n; j++) unit(j);
  for (let j = ihi + 1; j < n; j++) unit(j);
  if (nh > 0) orgqrFast(colMajor(A, nh, nh, ilo + 1 + (ilo + 1) * lda, lda), nh, tau.subarray(ilo), BLOCK_SIZES.qr);
}

// ------------------------------------------------------------------ complex

/**
 * Complex Hessenberg reduction (LAPACK zgehd2): as {@link gehd2}, with A = Q·H·Qᴴ, A and tau
 * interleaved (tau: 2(n − 1) numbers). H_iᴴ is applied from the left, H_i from the right.
 */
export function zgehd2(n: number, ilo: number, ihi: number, A: Float64Array, lda: number, tau: Float64Array): void {
  const work = new Float64Array(2 * n);
  tau.fill(0, 0, 2 * Math.max(n - 1, 0));
  for (let i = ilo; i < ihi; i++) {
    const sub = i + 1 + i * lda;
    // 1. H_iᴴ zeroes A[i+2..ihi, i]
    const [tr, ti] = zlarfg(ihi - i, A, sub, Math.min(i + 2, n - 1) + i * lda, 1);
    tau[2 * i] = tr;
    tau[2 * i + 1] = ti;
    const br = A[2 * sub];
    const bi = A[2 * sub + 1];
    A[2 * sub] = 1;
    A[2 * sub + 1] = 0;
    // 2. A[0..ihi, i+1..ihi] := A[0..ihi, i+1..ihi]·H_i
    zlarfRight(ihi + 1, ihi - i, A, sub, 1, tr, ti, A, (i + 1) * lda, lda, work);
    // 3. A[i+1..ihi, i+1..n−1] := H_iᴴ·A[i+1..ihi, i+1..n−1]   (H_iᴴ = I − conj(tau)·v·vᴴ)
    zlarfLeft(ihi - i, n - i - 1, A, sub, tr, -ti, A, i + 1 + (i + 1) * lda, lda);
    A[2 * sub] = br;
    A[2 * sub + 1] = bi;
  }
}

/** Form the unitary Q in place over the output of zgehd2 (LAPACK zunghr); see {@link orghr}. */
export function zunghr(n: number, ilo: number, ihi: number, A: Float64Array, lda: number, tau: Float64Array): void {
  const nh = ihi - ilo;
  const set = (i: number, j: number, re: number, im: number): void => {
    A[2 * (i + j * lda)] = re;
    A[2 * (i + j * lda) + 1] = im;
  };
  for (let j = ihi; j > ilo; j--) {
    for (let i = 0; i < j; i++) set(i, j, 0, 0);
    for (let i = j + 1; i <= ihi; i++) set(i, j, A[2 * (i + (j - 1) * lda)], A[2 * (i + (j - 1) * lda) + 1]);
    for (let i = ihi + 1; i < n; i++) set(i, j, 0, 0);
  }
  const unit = (j: number): void => {
    for (let i = 0; i < n; i++) set(i, j, 0, 0);
    set(j, j, 1, 0);
  };
  for (let j = 0; j <= ilo && j < n; j++) unit(j);
  for (let j = ihi + 1; j < n; j++) unit(j);
  if (nh > 0) zung2r(nh, nh, nh, A, ilo + 1 + (ilo + 1) * lda, lda, tau, ilo);
}

// ------------------------------------------------------------------ the public function

/** `hessenberg(a)`: A = Q·H·Qᴴ. */
export interface HessenbergFields {
  /** (…, M, M) upper Hessenberg: zero below the first subdiagonal. */
  H: NDArray;
  /** (…, M, M) orthogonal (unitary for complex input). */
  Q: NDArray;
}

/** HessenbergFields, also iterable in NumPy's tuple order: `[H, Q]`. */
export type HessenbergResult = NamedTuple<HessenbergFields, ["H", "Q"]>;

/**
 * Hessenberg form of a square matrix, A = Q·H·Qᴴ (SciPy's `scipy.linalg.hessenberg` with
 * `calc_q=True`).
 *
 * @param a `(..., M, M)`, real or complex.
 * @returns `{ H, Q }` (also `[H, Q]`, SciPy's tuple order), each `(..., M, M)`: float64 for real input (float32 and integers are
 *   computed in float64), complex128 for complex input.
 * @throws LinAlgError kind "invalidInput" when a is not square, has fewer than 2 dimensions, or
 *   contains NaN or Inf.
 * @throws ValueError for a second argument (SciPy's calc_q, overwrite_a, check_finite are not
 *   offered: Q is always formed, a is never overwritten, and a is always checked).
 *
 * Notes: blocked Householder reduction (LAPACK dgehrd/dlahr2, unblocked zgehd2 for complex),
 * Q formed by dorghr / zunghr. No
 * balancing, as SciPy. The Hessenberg form is not unique (signs of Q's columns).
 *
 * @example
 *   const { H, Q } = linalg.hessenberg([[1, 2, 3], [4, 5, 6], [7, 8, 10]]);
 *   assert.equal(H.get(2, 0), 0);
 *   // Q's first column is e_0, so H[0, 0] = A[0, 0]
 *   assert.close(Q.toArray().map((row) => row[0]), [1, 0, 0]);
 *   assert.close(H.get(0, 0), 1);
 */
export function hessenberg(a: ArrayInput): HessenbergResult {
  const fn = "hessenberg";
  // one argument: NumPy-style extras (scipy.linalg.hessenberg(a, calc_q=True)) must not pass silently
  if (arguments.length > 1) throw new ValueError(`${fn}: takes 1 argument (a), got ${arguments.length}; Q is always returned`);
  const A = asArray(a);
  assertSquare(A, fn);
  assertFiniteLinAlg(A, fn);
  const n = A.shape[A.ndim - 1];
  const complex = A.dtype === "complex128";
  const dtype = complex ? "complex128" : "float64";
  const batch = batchShapeOf(A, 2);
  const offs = batchOffsets(A, batch, 2);
  const { rs, cs } = matrixStrides(A);
  const H = stackOf(batch, [n, n], dtype);
  const Q = stackOf(batch, [n, n], dtype);
  const W = new Float64Array((complex ? 2 : 1) * n * n);
  const Z = new Float64Array((complex ? 2 : 1) * n * n);
  const tau = new Float64Array((complex ? 2 : 1) * Math.max(n - 1, 1));
  for (let p = 0; p < offs.length; p++) {
    loadMatrix(A, offs[p], rs, cs, n, n, W, 0, n, complex);
    if (complex) zgehd2(n, 0, n - 1, W, n, tau);
    else gehrd(n, 0, n - 1, W, n, tau);
    Z.set(W);
    if (complex) zunghr(n, 0, n - 1, Z, n, tau);
    else orghr(n, 0, n - 1, Z, n, tau);
    // H: zero below the first subdiagonal (where the reflectors were)
    for (let j = 0; j < n; j++)
      for (let i = j + 2; i < n; i++) {
        if (complex) {
          W[2 * (i + j * n)] = 0;
          W[2 * (i + j * n) + 1] = 0;
        } else W[i + j * n] = 0;
      }
    storeMatrix(W, 0, n, n, n, H, p * n * n);
    storeMatrix(Z, 0, n, n, n, Q, p * n * n);
  }
  return namedTuple({ H, Q }, ["H", "Q"]);
}
