/**
 * Complex Householder reflectors: generation and application from either side (LAPACK zlarfg,
 * zlarf with side = left and side = right). The complex twin of primitives/householder.ts,
 * shared by complex QR (complex/qr.ts), Hessenberg reduction (dense/hessenberg.ts: zgehd2),
 * bidiagonalisation (dense/bidiagonalize.ts: zgebd2), tridiagonalisation (dense/tridiagonalize.ts)
 * and the complex Hessenberg QR sweep (dense/hessenberg-qr-complex.ts).
 *
 * Storage: complex128 interleaved, element k of a vector or (i, j) of a column-major block at
 * (X[2e], X[2e + 1]), e = off + k·inc or e = off + i + j·ld.
 *
 * A reflector is H = I − tau·v·vᴴ with v[0] = 1 and tau complex. It is unitary (HᴴH = I) when
 * tau = 0 or |1 − tau·vᴴv| = 1, but not Hermitian unless tau is real. Given [alpha; x] of
 * length n, `zlarfg` chooses
 *
 *   beta = −sign(Re alpha)·‖[alpha; x]‖₂  (real),   tau = (beta − alpha) / beta,
 *   v = [1; x / (alpha − beta)],   so that  Hᴴ·[alpha; x] = [beta; 0]
 *
 * (note Hᴴ = I − conj(tau)·v·vᴴ: callers that want H·[alpha; x] = [beta; 0] apply conj(tau)).
 * Re(tau) ∈ [1, 2] and |tau − 1| ≤ 1. When x = 0 and alpha is real nothing needs doing and
 * tau = 0 (H = I), as LAPACK does; when x = 0 and alpha is not real, H still rotates alpha to
 * the real beta, so the reduced matrices (R, H, B, T) always have a real diagonal.
 *
 * Applying H to an m×n block C never forms H (pass conj(tau) to apply Hᴴ):
 *   from the left   H·C = C − tau·v·(vᴴ·C)       (zlarfLeft: one dot and one axpy per column)
 *   from the right  C·H = C − tau·(C·v)·vᴴ       (zlarfRight: w = C·v, then a rank-1 update)
 * v[0] is read as stored: the callers write 1 there around the call, over beta.
 *
 * Complex128 is computed by unblocked routines only, so there is no zlarft / zlarfb here.
 *
 * Invariant: ‖H·C − exact‖ ≤ c·m·eps·‖C‖ (Householder transformations are backward stable,
 * Higham §19.3); ‖HᴴH − I‖ ≤ c·n·eps.
 * Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §5.1.13 (complex Householder);
 * Lehoucq, "The computation of elementary unitary matrices", LAPACK Working Note 72 (1994);
 * LAPACK zlarfg, zlarf (zgemv + zgerc).
 */

/** Generate a complex reflector (LAPACK zlarfg): alpha at A[2·alphaAt], x at n−1 elements from xOff, stride incx. Returns tau as [re, im]. */
export function zlarfg(n: number, A: Float64Array, alphaAt: number, xOff: number, incx: number): [number, number] {
  if (n <= 0) return [0, 0];
  const ar = A[2 * alphaAt];
  const ai = A[2 * alphaAt + 1];
  // ‖x‖₂, accumulated via hypot for safety
  let xnorm = 0;
  for (let i = 0, e = xOff; i < n - 1; i++, e += incx) xnorm = Math.hypot(xnorm, A[2 * e], A[2 * e + 1]);
  if (xnorm === 0 && ai === 0) return [0, 0]; // H = I
  const beta = -Math.sign(ar || 1) * Math.hypot(ar, ai, xnorm);
  const tr = (beta - ar) / beta;
  const ti = -ai / beta;
  // scale = 1 / (alpha − beta) = 1 / (dr + i·di), by Smith's division (LAPACK's zladiv does the
  // same): dividing through by the larger of |dr|, |di| first, so that nothing is squared. The
  // textbook (dr − i·di)/(dr² + di²) underflows to 0/0 once |alpha − beta| < 2⁻⁵¹¹, which a
  // matrix scaled near 2⁻⁵⁰⁰ reaches (complex eigh then failed to converge).
  const dr = ar - beta;
  const di = ai;
  let sr: number;
  let si: number;
  if (Math.abs(dr) >= Math.abs(di)) {
    const r = di / dr;
    const den = dr + di * r;
    sr = 1 / den;
    si = -r / den;
  } else {
    const r = dr / di;
    const den = di + dr * r;
    sr = r / den;
    si = -1 / den;
  }
  for (let i = 0, e = xOff; i < n - 1; i++, e += incx) {
    const xr = A[2 * e];
    const xi = A[2 * e + 1];
    A[2 * e] = xr * sr - xi * si;
    A[2 * e + 1] = xr * si + xi * sr;
  }
  A[2 * alphaAt] = beta;
  A[2 * alphaAt + 1] = 0;
  return [tr, ti];
}

/**
 * C := (I − tau·v·vᴴ)·C for the m×n complex block C (LAPACK zlarf, side = left); v has m
 * elements from vOff (stride 1), v[0] read as stored.
 */
export function zlarfLeft(m: number, n: number, V: Float64Array, vOff: number, tr: number, ti: number, C: Float64Array, cOff: number, ldc: number): void {
  if (tr === 0 && ti === 0) return;
  for (let j = 0; j < n; j++) {
    // w = vᴴ·C[:, j]
    let wr = 0;
    let wi = 0;
    for (let i = 0; i < m; i++) {
      const v = 2 * (vOff + i);
      const c = 2 * (cOff + i + j * ldc);
      // conj(v)·c
      wr += V[v] * C[c] + V[v + 1] * C[c + 1];
      wi += V[v] * C[c + 1] - V[v + 1] * C[c];
    }
    // s = tau·w;  C[:, j] −= s·v
    const sr = tr * wr - ti * wi;
    const si = tr * wi + ti * wr;
    for (let i = 0; i < m; i++) {
      const v = 2 * (vOff + i);
      const c = 2 * (cOff + i + j * ldc);
      C[c] -= sr * V[v] - si * V[v + 1];
      C[c + 1] -= sr * V[v + 1] + si * V[v];
    }
  }
}

/**
 * C := C·(I − tau·v·vᴴ) = C − tau·(C·v)·vᴴ for the m×n complex column-major block C
 * (LAPACK zlarf, side = right: zgemv then zgerc). v has n elements V[vOff + j·incv]
 * (interleaved), v[0] read as stored; `work` holds at least 2m numbers.
 */
export function zlarfRight(
  m: number,
  n: number,
  V: Float64Array,
  vOff: number,
  incv: number,
  tr: number,
  ti: number,
  C: Float64Array,
  cOff: number,
  ldc: number,
  work: Float64Array,
): void {
  if (tr === 0 && ti === 0) return;
  // w = C·v
  work.fill(0, 0, 2 * m);
  for (let j = 0; j < n; j++) {
    const vr = V[2 * (vOff + j * incv)];
    const vi = V[2 * (vOff + j * incv) + 1];
    if (vr === 0 && vi === 0) continue;
    for (let i = 0; i < m; i++) {
      const c = 2 * (cOff + i + j * ldc);
      work[2 * i] += C[c] * vr - C[c + 1] * vi;
      work[2 * i + 1] += C[c] * vi + C[c + 1] * vr;
    }
  }
  // C[:, j] −= tau·w·conj(v_j)
  for (let j = 0; j < n; j++) {
    const vr = V[2 * (vOff + j * incv)];
    const vi = -V[2 * (vOff + j * incv) + 1];
    // s = tau·conj(v_j)
    const sr = tr * vr - ti * vi;
    const si = tr * vi + ti * vr;
    if (sr === 0 && si === 0) continue;
    for (let i = 0; i < m; i++) {
      const c = 2 * (cOff + i + j * ldc);
      const wr = work[2 * i];
      const wi = work[2 * i + 1];
      C[c] -= wr * sr - wi * si;
      C[c + 1] -= wr * si + wi * sr;
    }
  }
}
