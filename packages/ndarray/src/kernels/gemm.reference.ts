/**
 * gemm, the reference twin: C := alpha·A·B + beta·C by the textbook triple loop.
 *
 * This file is the spec that `gemm.ts` (packed, cache-blocked) is tested against; both run
 * the same tests in `gemm.test.ts` (docs/style.md §6). It is written for reading, not for speed.
 *
 * Operands are matrix views (Block, block.ts): element (i, j) of X at X.data[X.off + i·X.rs + j·X.cs],
 * strides in elements, any sign, zero allowed for A and B:
 *   A: m×k,  B: k×n,  C: m×n      with m = C.rows, n = C.cols, k = A.cols
 * "op(A)" is only a view: Aᵀ is T(A) (strides and shape swapped), so there are no transpose
 * flags and no sizes among the arguments; the shapes come from the views.
 *
 * On exit, for every 0 ≤ i < m, 0 ≤ j < n:
 *   C[i, j] = alpha · Σ_{p<k} A[i, p]·B[p, j] + beta · C[i, j]
 * with two BLAS conventions:
 *   - beta = 0: C is overwritten and its old contents are never read (NaN in C does not leak);
 *   - alpha = 0 or k = 0: A and B are not read; C := beta·C.
 *
 * Precision. The sum over p is accumulated in a JS number (float64). For float32 operands the
 * result is rounded to float32 once, on the store into the Float32Array C. That is at least as
 * accurate as a float32 BLAS (which rounds after every multiply-add) and well within NumPy's
 * float32 tolerances (relative error ≲ k·2⁻⁵³ + 2⁻²⁴ against ≲ k·2⁻²⁴ for float32 BLAS).
 *
 * `checkGemm` is the contract every gemm (this one, gemm.ts, wasm/gemm.wasm.ts) checks once per
 * call, in O(1).
 *
 * Reference: the BLAS routine xGEMM (Dongarra et al. 1990, "A set of level 3 basic linear
 * algebra subprograms"), here without the transpose flags: transposition is in the views.
 */

import { checkInside, type Block, type FloatArray } from "./block.js";

export type { Block, FloatArray };

/**
 * Check the contract every gemm shares: the shapes agree (A: m×k, B: k×n, C: m×n, sizes
 * non-negative integers), A, B and C are all Float64Array or all Float32Array, and every
 * element the views address lies inside its buffer: C always, A and B only when they are read
 * (alpha ≠ 0 and k > 0). O(1): only the extreme corners of each view are checked. Violations
 * are our own bugs (callers are other kernels), hence the `internal:` prefix.
 */
export function checkGemm(alpha: number, A: Block, B: Block, C: Block): void {
  const { data: a, rows: aRows, cols: k } = A;
  const { data: b, rows: bRows, cols: bCols } = B;
  const { data: c, rows: m, cols: n } = C;
  if (!(Number.isInteger(m) && Number.isInteger(n) && Number.isInteger(k) && m >= 0 && n >= 0 && k >= 0 && aRows === m && bRows === k && bCols === n)) {
    shapeError(A, B, C);
  }
  // one element type: all three Float64Array, or all three Float32Array
  if (
    a instanceof Float64Array
      ? !(b instanceof Float64Array && c instanceof Float64Array)
      : !(a instanceof Float32Array && b instanceof Float32Array && c instanceof Float32Array)
  ) {
    typeError(a, b, c);
  }
  checkInside("gemm", "C", C);
  if (alpha !== 0 && k > 0) {
    checkInside("gemm", "A", A);
    checkInside("gemm", "B", B);
  }
}

// The messages are built out of line: checkGemm stays small enough for V8 to inline into
// every gemm (measured: a stack of 20000 3×3 products ran 10% slower when it was not).

function shapeError(A: Block, B: Block, C: Block): never {
  throw new Error(`internal: gemm: shapes ${A.rows}×${A.cols} · ${B.rows}×${B.cols} → ${C.rows}×${C.cols} do not agree`);
}

function typeError(a: unknown, b: unknown, c: unknown): never {
  const name = (x: unknown): string => (typeof x === "object" && x !== null ? x.constructor.name : typeof x);
  throw new Error(`internal: gemm: A, B, C must be all Float64Array or all Float32Array, got ${name(a)}, ${name(b)}, ${name(c)}`);
}

/** C := alpha·A·B + beta·C by the triple loop (the spec; see the file header). */
export function gemmReference(alpha: number, Av: Block, Bv: Block, beta: number, Cv: Block): void {
  checkGemm(alpha, Av, Bv, Cv);
  const { data: A, off: aOff, rs: aRs, cs: aCs, cols: k } = Av;
  const { data: B, off: bOff, rs: bRs, cs: bCs } = Bv;
  const { data: C, off: cOff, rs: cRs, cs: cCs, rows: m, cols: n } = Cv;
  const skipAB = alpha === 0 || k === 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      // s = Σ_p A[i, p]·B[p, j], in float64
      let s = 0;
      if (!skipAB) for (let p = 0; p < k; p++) s += A[aOff + i * aRs + p * aCs] * B[bOff + p * bRs + j * bCs];
      const c = cOff + i * cRs + j * cCs;
      // C[i, j] := alpha·s + beta·C[i, j]; beta = 0 never reads C
      C[c] = beta === 0 ? alpha * s : alpha * s + beta * C[c];
    }
  }
}
