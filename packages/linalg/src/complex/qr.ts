/**
 * Complex Householder QR (LAPACK zlarfg, zlarf, zgeqr2, zung2r, zunm2r), unblocked.
 *
 *   A = Q·R,   Q = H_0·H_1···H_{k−1},   H_j = I − tau_j·v_j·v_jᴴ
 *
 * on complex128 column-major blocks (element (i, j) at (A[2e], A[2e + 1]),
 * e = aOff + i + j·lda). A complex reflector is not Hermitian when tau is not real; LAPACK's
 * zlarfg chooses
 *
 *   beta = −sign(Re alpha)·‖[alpha; x]‖₂  (real),   tau = (beta − alpha) / beta,
 *   v = [1; x / (alpha − beta)],   so that  H_jᴴ·[alpha; x] = [beta; 0]
 *
 * and zgeqr2 applies H_jᴴ to the trailing columns, leaving R with a real diagonal. Outputs on
 * exit are those of the real geqr2 (dense/qr.ts): R above, v_j[1:] below the diagonal, tau
 * interleaved (tau[2j], tau[2j + 1]).
 *
 * Invariant: Q·R = A, QᴴQ = I up to rounding (backward stable).
 * Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §5.1.13 (complex Householder);
 * LAPACK zlarfg, zgeqr2, zung2r, zunm2r. Complex128 is computed by unblocked routines only.
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

/** Unblocked complex QR (LAPACK zgeqr2): R and the reflectors overwrite A; tau interleaved from tau[2·tauOff]. */
export function zgeqr2(m: number, n: number, A: Float64Array, aOff: number, lda: number, tau: Float64Array, tauOff: number): void {
  const k = Math.min(m, n);
  for (let j = 0; j < k; j++) {
    const ajj = aOff + j + j * lda;
    // H_jᴴ zeroes A[j+1:m, j]
    const [tr, ti] = zlarfg(m - j, A, ajj, ajj + 1, 1);
    tau[2 * (tauOff + j)] = tr;
    tau[2 * (tauOff + j) + 1] = ti;
    // A[j:m, j+1:n] := H_jᴴ·A[j:m, j+1:n]  (H_jᴴ = I − conj(tau)·v·vᴴ)
    if (j + 1 < n) {
      const br = A[2 * ajj];
      const bi = A[2 * ajj + 1];
      A[2 * ajj] = 1;
      A[2 * ajj + 1] = 0;
      zlarfLeft(m - j, n - j - 1, A, ajj, tr, -ti, A, ajj + lda, lda);
      A[2 * ajj] = br;
      A[2 * ajj + 1] = bi;
    }
  }
}

/** Form the m×n Q₁ = first n columns of H_0···H_{k−1} in place (LAPACK zung2r; m ≥ n ≥ k). */
export function zung2r(m: number, n: number, k: number, A: Float64Array, aOff: number, lda: number, tau: Float64Array, tauOff: number): void {
  for (let j = k; j < n; j++) {
    for (let i = 0; i < m; i++) {
      A[2 * (aOff + i + j * lda)] = 0;
      A[2 * (aOff + i + j * lda) + 1] = 0;
    }
    A[2 * (aOff + j + j * lda)] = 1;
  }
  for (let j = k - 1; j >= 0; j--) {
    const ajj = aOff + j + j * lda;
    const tr = tau[2 * (tauOff + j)];
    const ti = tau[2 * (tauOff + j) + 1];
    // columns j+1..n−1 := H_j·(…)
    if (j + 1 < n) {
      A[2 * ajj] = 1;
      A[2 * ajj + 1] = 0;
      zlarfLeft(m - j, n - j - 1, A, ajj, tr, ti, A, ajj + lda, lda);
    }
    // column j := H_j·e_j = e_j − tau·v
    for (let i = j + 1; i < m; i++) {
      const e = 2 * (ajj + i - j);
      const vr = A[e];
      const vi = A[e + 1];
      A[e] = -(tr * vr - ti * vi);
      A[e + 1] = -(tr * vi + ti * vr);
    }
    A[2 * ajj] = 1 - tr;
    A[2 * ajj + 1] = -ti;
    for (let i = 0; i < j; i++) {
      A[2 * (aOff + i + j * lda)] = 0;
      A[2 * (aOff + i + j * lda) + 1] = 0;
    }
  }
}

/** C := Qᴴ·C = H_{k−1}ᴴ···H_0ᴴ·C for the m×nrhs complex block C (LAPACK zunm2r, trans = C). */
export function zunmqrH(m: number, nrhs: number, k: number, A: Float64Array, aOff: number, lda: number, tau: Float64Array, C: Float64Array, cOff: number, ldc: number): void {
  for (let j = 0; j < k; j++) {
    const ajj = aOff + j + j * lda;
    const br = A[2 * ajj];
    const bi = A[2 * ajj + 1];
    A[2 * ajj] = 1;
    A[2 * ajj + 1] = 0;
    zlarfLeft(m - j, nrhs, A, ajj, tau[2 * j], -tau[2 * j + 1], C, cOff + j, ldc);
    A[2 * ajj] = br;
    A[2 * ajj + 1] = bi;
  }
}
