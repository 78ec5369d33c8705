/**
 * Complex triangular solve: X = op(T)⁻¹·B for complex128 T and B (LAPACK ztrsm, unblocked).
 *
 * The same substitution as the real `trsmReference` (primitives/triangular-solve.ts), in
 * complex arithmetic, on complex views: a Block (kernels/block.ts of @sliderule/ndarray) whose
 * data is the interleaved Float64Array (re, im) and whose off, rs, cs count complex elements,
 *
 *   element (i, j) of T  is  (T.data[2e], T.data[2e + 1]),   e = T.off + i·T.rs + j·T.cs
 *
 * T is a TriangularBlock (lower(A), upperUnit(A), …: its tag names the triangle read and
 * whether the diagonal is unit), so Tᵀ is the transposed view T(lower(A)); `conjugate` reads
 * T as its conjugate T̄, so with the transposed view the solve is with Tᴴ.
 *
 *   x_k = b_k / T[k, k];   b_i −= T[i, k]·x_k  for the unsolved rows i
 *
 * Build complex views with the kernels' complexColMajor, not colMajor/strided: those check
 * that a view fits its buffer counting real elements, which is half the bound a complex view
 * needs. ztrsm checks its views once per call in complex elements (checkInside, width 2).
 *
 * Invariant: op(T)·X = B_in up to rounding (backward stable, Higham §8.1).
 * Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §3.1; LAPACK/BLAS ztrsm.
 * Complex128 is computed by unblocked routines only: correct, not tuned.
 */
import { checkInside, type Block, type TriangularBlock } from "@sliderule/ndarray/kernels";

/**
 * B := op(T)⁻¹·B in complex arithmetic on complex views (see the header): T n×n triangular,
 * B n×nrhs overwritten by X; op(T) = T̄ (elementwise conjugate) when `conjugate`.
 * @throws Error `internal:` when T is not square, B's rows are not T's order, either is not a
 *   Float64Array, or an element lies outside its buffer.
 */
export function ztrsm(T: TriangularBlock, B: Block, conjugate: boolean): void {
  if (T.rows !== T.cols || B.rows !== T.rows || (T.uplo !== "lower" && T.uplo !== "upper")) {
    throw new Error(
      `internal: ztrsm: shapes T ${T.rows}×${T.cols} (${String(T.uplo)}), B ${B.rows}×${B.cols} do not agree: T⁻¹·B needs a square T with B's rows`,
    );
  }
  if (!(T.data instanceof Float64Array && B.data instanceof Float64Array)) {
    throw new Error(`internal: ztrsm: complex views are interleaved Float64Arrays, got ${T.data.constructor.name} and ${B.data.constructor.name}`);
  }
  checkInside("ztrsm", "T", T, 2);
  checkInside("ztrsm", "B", B, 2);
  const { off: tOff, rs: tRs, cs: tCs, rows: n } = T;
  const { off: bOff, rs: bRs, cs: bCs, cols: nrhs } = B;
  const t = T.data;
  const b = B.data;
  const lower = T.uplo === "lower";
  const unitDiagonal = T.unit;
  const sgn = conjugate ? -1 : 1; // imaginary parts of T are read times sgn
  for (let step = 0; step < n; step++) {
    const k = lower ? step : n - 1 - step;
    const iBegin = lower ? k + 1 : 0;
    const iEnd = lower ? n : k;
    // x_k = b_k / T[k, k]: multiply by 1/t = t̄/|t|²
    if (!unitDiagonal) {
      const e = 2 * (tOff + k * tRs + k * tCs);
      const tr = t[e];
      const ti = sgn * t[e + 1];
      const d = tr * tr + ti * ti;
      const ir = tr / d;
      const ii = -ti / d;
      for (let j = 0; j < nrhs; j++) {
        const f = 2 * (bOff + k * bRs + j * bCs);
        const br = b[f];
        const bi = b[f + 1];
        b[f] = br * ir - bi * ii;
        b[f + 1] = br * ii + bi * ir;
      }
    }
    // b_i −= T[i, k]·x_k
    for (let j = 0; j < nrhs; j++) {
      const x = 2 * (bOff + k * bRs + j * bCs);
      const xr = b[x];
      const xi = b[x + 1];
      for (let i = iBegin; i < iEnd; i++) {
        const e = 2 * (tOff + i * tRs + k * tCs);
        const tr = t[e];
        const ti = sgn * t[e + 1];
        const f = 2 * (bOff + i * bRs + j * bCs);
        b[f] -= tr * xr - ti * xi;
        b[f + 1] -= tr * xi + ti * xr;
      }
    }
  }
}
