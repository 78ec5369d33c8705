/**
 * Householder reflectors: generation, application, and the blocked WY form (LAPACK dlarfg,
 * dlarf, dlarft, dlarfb). Shared by QR, and later by bidiagonalisation (SVD),
 * tridiagonalisation (eigh) and Hessenberg reduction (eig).
 *
 * A reflector is H = I − tau·v·vᵀ with v[0] = 1. It is orthogonal and symmetric (H = Hᵀ = H⁻¹)
 * when tau = 0 or tau·vᵀv = 2. Given a vector [alpha; x] of length n, `larfg` chooses v and
 * tau so that
 *
 *   H·[alpha; x] = [beta; 0],   beta = −sign(alpha)·‖[alpha; x]‖₂
 *   v = [1; x / (alpha − beta)],   tau = (beta − alpha) / beta   (1 ≤ tau ≤ 2)
 *
 * The sign of beta is opposite to alpha's so that alpha − beta never cancels (Golub & Van
 * Loan §5.1.3). When x = 0 nothing needs zeroing and tau = 0 (H = I), as LAPACK does.
 *
 * Applying H to an m×n matrix C never forms H:
 *   from the left   H·C = C − tau·v·(vᵀ·C)      (larfLeft: one dot and one axpy per column)
 *   from the right  C·H = C − tau·(C·v)·vᵀ      (larfRight)
 *
 * The WY form (Schreiber & Van Loan 1989) merges k reflectors into one block:
 *
 *   H_0·H_1···H_{k−1} = I − V·T·Vᵀ
 *
 * with V = [v_0 … v_{k−1}] (m×k, unit lower trapezoidal: column i is zero above row i and 1
 * at row i) and T k×k upper triangular (`larft`). Applying the block (`larfb`) is then three
 * matrix products, all gemm:  W = Vᵀ·C;  W := T·W (or Tᵀ·W);  C := C − V·W.
 *
 * The blocked code calls both on Blocks (@sliderule/ndarray kernels/block.ts: larftBlock, larfb); larft
 * itself is the leaf loop and keeps LAPACK's positional arguments, as do the vector-level
 * larfg, larfLeft and larfRight (X, off, inc).
 *
 * Storage: vectors live where QR leaves them, below the diagonal of a column-major matrix
 * (v[0] = 1 implied, not stored); routines that need v[0] read it as 1.
 *
 * Invariant: ‖H·C − exact‖ ≤ c·m·eps·‖C‖ (Householder transformations are backward stable,
 * Higham §19.3).
 * Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §5.1 (Algorithms 5.1.1, 5.1.2),
 * §5.1.7 (the WY representation); LAPACK dlarfg, dlarf, dlarft, dlarfb.
 */
import { withWork, type FloatArray } from "../util/batch.js";
import { type Block, colMajor, gemm, leadingDim, T as transposed } from "@sliderule/ndarray/kernels";
import { SMLNUM } from "../machine.js";

/** ‖x‖₂ of n elements X[off + i·inc], without overflow or harmful underflow (LAPACK dnrm2). */
export function nrm2(n: number, X: FloatArray, off: number, inc: number): number {
  // fast path: the plain sum of squares, when it neither overflows nor underflows
  let ss = 0;
  for (let i = 0, e = off; i < n; i++, e += inc) ss += X[e] * X[e];
  if (ss > 1e-290 && ss < 1e290) return Math.sqrt(ss);
  // otherwise (zero, tiny or huge entries) the scaled sum: ‖x‖ = scale·sqrt(ssq), scale = max |x_i| so far
  let scale = 0;
  let ssq = 1;
  for (let i = 0, e = off; i < n; i++, e += inc) {
    const a = Math.abs(X[e]);
    if (a === 0) continue;
    if (scale < a) {
      ssq = 1 + ssq * (scale / a) * (scale / a);
      scale = a;
    } else {
      ssq += (a / scale) * (a / scale);
    }
  }
  return scale * Math.sqrt(ssq);
}

/**
 * Generate a reflector (LAPACK dlarfg). [alpha; x] is X[alphaAt] followed by the n−1 elements
 * X[xOff + i·incx]. On exit X[alphaAt] = beta, x holds v[1:] (v[0] = 1 is implied), and the
 * return value is tau.
 */
export function larfg(n: number, X: FloatArray, alphaAt: number, xOff: number, incx: number): number {
  if (n <= 1) return 0;
  let xnorm = nrm2(n - 1, X, xOff, incx);
  if (xnorm === 0) return 0; // x is already zero: H = I
  let alpha = X[alphaAt];
  let beta = -Math.sign(alpha || 1) * Math.hypot(alpha, xnorm);
  // beta tiny: scale up x and alpha (at most a few times) so that 1/(alpha − beta) is accurate
  let knt = 0;
  // dlarfg's SAFMIN = dlamch('S')/dlamch('E'); here SMLNUM = SAFMIN/ULP, half of it (machine.ts)
  if (Math.abs(beta) < SMLNUM) {
    const rsafmn = 1 / SMLNUM;
    do {
      knt++;
      for (let i = 0, e = xOff; i < n - 1; i++, e += incx) X[e] *= rsafmn;
      beta *= rsafmn;
      alpha *= rsafmn;
    } while (Math.abs(beta) < SMLNUM && knt < 20);
    xnorm = nrm2(n - 1, X, xOff, incx);
    beta = -Math.sign(alpha || 1) * Math.hypot(alpha, xnorm);
  }
  const tau = (beta - alpha) / beta;
  // v[1:] = x / (alpha − beta)
  const scal = 1 / (alpha - beta);
  for (let i = 0, e = xOff; i < n - 1; i++, e += incx) X[e] *= scal;
  for (let j = 0; j < knt; j++) beta *= SMLNUM;
  X[alphaAt] = beta;
  return tau;
}

/**
 * C := H·C = C − tau·v·(vᵀ·C) for the m×n column-major block C[cOff + i + j·ldc]
 * (LAPACK dlarf, side = left). v has m elements V[vOff + i·incv], v[0] read as stored
 * (callers put 1 there, as LAPACK does).
 */
export function larfLeft(m: number, n: number, V: FloatArray, vOff: number, incv: number, tau: number, C: FloatArray, cOff: number, ldc: number): void {
  if (tau === 0) return;
  for (let j = 0; j < n; j++) {
    const cj = cOff + j * ldc;
    // w_j = vᵀ·C[:, j]
    let w = 0;
    for (let i = 0, e = vOff; i < m; i++, e += incv) w += V[e] * C[cj + i];
    if (w === 0) continue;
    // C[:, j] −= tau·w_j·v
    w *= tau;
    for (let i = 0, e = vOff; i < m; i++, e += incv) C[cj + i] -= w * V[e];
  }
}

/**
 * C := C·H = C − tau·(C·v)·vᵀ for the m×n column-major block C (LAPACK dlarf, side = right).
 * v has n elements V[vOff + j·incv]; `work` holds at least m numbers.
 */
export function larfRight(
  m: number,
  n: number,
  V: FloatArray,
  vOff: number,
  incv: number,
  tau: number,
  C: FloatArray,
  cOff: number,
  ldc: number,
  work: Float64Array,
): void {
  if (tau === 0) return;
  // w = C·v
  work.fill(0, 0, m);
  for (let j = 0, e = vOff; j < n; j++, e += incv) {
    const vj = V[e];
    if (vj === 0) continue;
    const cj = cOff + j * ldc;
    for (let i = 0; i < m; i++) work[i] += C[cj + i] * vj;
  }
  // C −= tau·w·vᵀ
  for (let j = 0, e = vOff; j < n; j++, e += incv) {
    const s = tau * V[e];
    if (s === 0) continue;
    const cj = cOff + j * ldc;
    for (let i = 0; i < m; i++) C[cj + i] -= s * work[i];
  }
}

/**
 * Form the k×k upper triangular T of the WY form H_0···H_{k−1} = I − V·T·Vᵀ (LAPACK dlarft,
 * direct = forward, storev = columnwise). V is the m×k block V[vOff + i + j·ldv] holding the
 * vectors below its diagonal (unit diagonal implied, above-diagonal entries ignored); T is
 * written to T[tOff + i + j·ldt] (zeros below the diagonal). A leaf kernel: its loops take
 * LAPACK's positional arguments (see @sliderule/ndarray kernels/block.ts, "Leaf kernels"); the blocked code
 * calls it through {@link larftBlock}.
 */
export function larft(
  m: number,
  k: number,
  V: FloatArray,
  vOff: number,
  ldv: number,
  tau: ArrayLike<number>,
  tauOff: number,
  T: FloatArray,
  tOff: number,
  ldt: number,
): void {
  for (let i = 0; i < k; i++) {
    const ti = tau[tauOff + i];
    const colT = tOff + i * ldt;
    for (let j = i + 1; j < k; j++) T[colT + j] = 0; // below the diagonal
    if (ti === 0) {
      // H_i = I: column i of T is zero
      for (let j = 0; j <= i; j++) T[colT + j] = 0;
      continue;
    }
    // T[0:i, i] = −tau_i·V[i:m, 0:i]ᵀ·v_i  (v_i is 1 at row i, zero above)
    const vi = vOff + i * ldv;
    for (let j = 0; j < i; j++) {
      const vj = vOff + j * ldv;
      let s = V[vj + i]; // row i: V[i, j]·1
      for (let r = i + 1; r < m; r++) s += V[vj + r] * V[vi + r];
      T[colT + j] = -ti * s;
    }
    // T[0:i, i] := T[0:i, 0:i]·T[0:i, i] (upper triangular times vector, in place top-down)
    for (let j = 0; j < i; j++) {
      let s = 0;
      for (let l = j; l < i; l++) s += T[tOff + j + l * ldt] * T[colT + l];
      T[colT + j] = s;
    }
    T[colT + i] = ti;
  }
}

/** {@link larft} on views: V the m×k column-major block of vectors, T the k×k column-major factor. */
export function larftBlock(V: Block, tau: ArrayLike<number>, tauOff: number, T: Block): void {
  const k = V.cols;
  if (T.rows !== k || T.cols !== k) throw new Error(`internal: larft: T is ${T.rows}×${T.cols}, expected ${k}×${k}`);
  larft(V.rows, k, V.data, V.off, leadingDim(V, "larft"), tau, tauOff, T.data, T.off, leadingDim(T, "larft"));
}

/**
 * Apply the block reflector I − V·op(T)·Vᵀ to the m×n view C from the left (LAPACK dlarfb,
 * side = left, direct = forward, storev = columnwise): H with op(T) = T, Hᵀ with op(T) = Tᵀ,
 * the view block.ts's T(T) (imported here as `transposed`, T being the WY factor's name).
 * V (m×k, vectors below its diagonal) and T (k×k) as for {@link larftBlock}.
 * Three gemms on an explicit copy of V:
 *
 *   W = Vᵀ·C          (k×n)
 *   W2 = op(T)·W
 *   C := C − V·W2
 */
export function larfb(V: Block, opT: Block, C: Block): void {
  const { rows: m, cols: n } = C;
  const k = V.cols;
  if (V.rows !== m || opT.rows !== k || opT.cols !== k) {
    throw new Error(`internal: larfb: V ${V.rows}×${V.cols}, T ${opT.rows}×${opT.cols} and C ${m}×${n} do not agree`);
  }
  if (m === 0 || n === 0 || k === 0) return;
  const { data: v, off: vOff, rs: vRs, cs: vCs } = V;
  // Vx, W, W2 as zeroed work arrays: resident in WebAssembly memory when large enough (withWork),
  // so that with a resident C all three gemms run in place there, with no copies
  withWork(v instanceof Float32Array ? "float32" : "float64", [m * k, k * n, k * n], ([vx, w, w2]) => {
    const Vx = colMajor(vx, m, k);
    const W = colMajor(w, k, n);
    const W2 = colMajor(w2, k, n);
    // V explicitly: the stored vectors with their unit diagonal and zeros above it
    for (let j = 0; j < k; j++) {
      const src = vOff + j * vCs;
      const dst = j * m;
      vx[dst + j] = 1;
      for (let i = j + 1; i < m; i++) vx[dst + i] = v[src + i * vRs];
    }
    // W = Vᵀ·C
    gemm(1, transposed(Vx), C, 0, W);
    // W2 = op(T)·W  (T is upper triangular and stored with zeros below its diagonal)
    gemm(1, opT, W, 0, W2);
    // C := C − V·W2
    gemm(-1, Vx, W2, 1, C);
  });
}
