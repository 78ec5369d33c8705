/**
 * Complex LU with partial pivoting (LAPACK zgetf2, zgetrs), unblocked.
 *
 *   A = P·L·U   on a complex128 column-major block: element (i, j) is
 *               (A[2e], A[2e + 1]) with e = aOff + i + j·lda
 *
 * The same elimination as the real getf2 (dense/lu.ts), in complex arithmetic. The pivot is
 * chosen as LAPACK's izamax does, by |Re| + |Im| (cheaper than the modulus, and the choice
 * NumPy's results were computed with). Outputs on exit and the invariant are those of getf2:
 * U on and above the diagonal, L's multipliers below, ipiv 0-based, return value the first
 * exactly-zero pivot or −1.
 *
 * Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §3.4; LAPACK zgetf2, zgetrs.
 * Complex128 is computed by unblocked routines only: correct, not tuned.
 */
import { complexColMajor, lowerUnit, T, upper } from "@sliderule/ndarray/kernels";
import { ztrsm } from "./triangular-solve.js";

/** Unblocked complex LU with partial pivoting (see the header). */
export function zgetf2(m: number, n: number, A: Float64Array, aOff: number, lda: number, ipiv: Int32Array, ipOff: number): number {
  let info = -1;
  const k = Math.min(m, n);
  const at = (i: number, j: number) => 2 * (aOff + i + j * lda);
  for (let j = 0; j < k; j++) {
    // 1. pivot p = argmax_{i ≥ j} |Re A[i, j]| + |Im A[i, j]|
    let p = j;
    let maxAbs = -1;
    for (let i = j; i < m; i++) {
      const e = at(i, j);
      const v = Math.abs(A[e]) + Math.abs(A[e + 1]);
      if (v > maxAbs) {
        maxAbs = v;
        p = i;
      }
    }
    ipiv[ipOff + j] = p;
    if (maxAbs === 0) {
      if (info < 0) info = j;
      continue;
    }
    // 2. swap rows j and p
    if (p !== j) {
      for (let c = 0; c < n; c++) {
        const x = at(j, c);
        const y = at(p, c);
        const tr = A[x];
        const ti = A[x + 1];
        A[x] = A[y];
        A[x + 1] = A[y + 1];
        A[y] = tr;
        A[y + 1] = ti;
      }
    }
    // 3. multipliers l_ij = A[i, j]·(1 / A[j, j])
    const d = at(j, j);
    const mod2 = A[d] * A[d] + A[d + 1] * A[d + 1];
    const rr = A[d] / mod2;
    const ri = -A[d + 1] / mod2;
    for (let i = j + 1; i < m; i++) {
      const e = at(i, j);
      const xr = A[e];
      const xi = A[e + 1];
      A[e] = xr * rr - xi * ri;
      A[e + 1] = xr * ri + xi * rr;
    }
    // 4. Schur complement A[i, c] −= l_ij·u_jc
    for (let c = j + 1; c < n; c++) {
      const u = at(j, c);
      const ur = A[u];
      const ui = A[u + 1];
      for (let i = j + 1; i < m; i++) {
        const l = at(i, j);
        const e = at(i, c);
        A[e] -= A[l] * ur - A[l + 1] * ui;
        A[e + 1] -= A[l] * ui + A[l + 1] * ur;
      }
    }
  }
  return info;
}

/** Swap rows j and ipiv[j] of a complex column-major block, j ascending (or descending). */
function zlaswp(ncols: number, B: Float64Array, bOff: number, ldb: number, n: number, ipiv: Int32Array, reverse: boolean): void {
  for (let s = 0; s < n; s++) {
    const j = reverse ? n - 1 - s : s;
    const p = ipiv[j];
    if (p === j) continue;
    for (let c = 0; c < ncols; c++) {
      const x = 2 * (bOff + j + c * ldb);
      const y = 2 * (bOff + p + c * ldb);
      const tr = B[x];
      const ti = B[x + 1];
      B[x] = B[y];
      B[x + 1] = B[y + 1];
      B[y] = tr;
      B[y + 1] = ti;
    }
  }
}

/**
 * Solve op(A)·X = B from zgetf2's factors (LAPACK zgetrs): trans 0 A, 1 Aᵀ, 2 Aᴴ.
 * B (n×nrhs, column-major, ldb) is overwritten by X.
 */
export function zgetrs(
  trans: 0 | 1 | 2,
  n: number,
  nrhs: number,
  LU: Float64Array,
  luOff: number,
  lda: number,
  ipiv: Int32Array,
  B: Float64Array,
  bOff: number,
  ldb: number,
): void {
  const F = complexColMajor(LU, n, n, luOff, lda); // the factors, L below the diagonal and U on and above it
  const X = complexColMajor(B, n, nrhs, bOff, ldb);
  if (trans === 0) {
    zlaswp(nrhs, B, bOff, ldb, n, ipiv, false); // P⁻¹·B
    ztrsm(lowerUnit(F), X, false); // L⁻¹·(…)
    ztrsm(upper(F), X, false); // U⁻¹·(…)
  } else {
    const conj = trans === 2;
    ztrsm(T(upper(F)), X, conj); // U⁻ᵀ·B or U⁻ᴴ·B (Uᵀ is lower)
    ztrsm(T(lowerUnit(F)), X, conj); // L⁻ᵀ·(…) or L⁻ᴴ·(…) (Lᵀ is upper)
    zlaswp(nrhs, B, bOff, ldb, n, ipiv, true); // P·(…)
  }
}
