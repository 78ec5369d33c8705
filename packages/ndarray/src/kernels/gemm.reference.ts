/**
 * gemm, the reference twin: C := alpha·op(A)·op(B) + beta·C by the textbook triple loop.
 *
 * This file is the spec that `gemm.ts` (packed, cache-blocked) is tested against; both run
 * the same tests in `gemm.test.ts` (docs/style.md §6). It is written for reading, not for speed.
 *
 * Shapes and layout (all strides in elements, any sign, zero allowed for A and B):
 *   A: (m, k) at A[aOff + i·aRs + p·aCs]
 *   B: (k, n) at B[bOff + p·bRs + j·bCs]
 *   C: (m, n) at C[cOff + i·cRs + j·cCs]
 * "op(A)" is only a matter of strides: Aᵀ of a C-contiguous (k, m) array is aRs = 1, aCs = m.
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
 * Reference: the BLAS routine xGEMM (Dongarra et al. 1990, "A set of level 3 basic linear
 * algebra subprograms"), here without the transpose flags: transposition is in the strides.
 */

import type { FloatArray } from "./block.js";

export type { FloatArray };

/** Operands of C := alpha·A·B + beta·C, as raw strided buffers (see the file header). */
export interface GemmArgs {
  /** Rows of A and C. */
  m: number;
  /** Columns of B and C. */
  n: number;
  /** Columns of A, rows of B: the length of each inner product. */
  k: number;
  alpha: number;
  A: FloatArray;
  aOff: number;
  aRs: number;
  aCs: number;
  B: FloatArray;
  bOff: number;
  bRs: number;
  bCs: number;
  beta: number;
  C: FloatArray;
  cOff: number;
  cRs: number;
  cCs: number;
}

/**
 * Check the contract every gemm shares: sizes are non-negative integers, A, B and C are all
 * Float64Array or all Float32Array, and every element the sizes and strides address lies inside
 * its buffer. O(1): only the extreme corners of each operand are checked. Violations are our
 * own bugs (callers are other kernels), hence the `internal:` prefix.
 */
export function checkGemmArgs(args: GemmArgs): void {
  const { m, n, k, A, B, C } = args;
  if (!(Number.isInteger(m) && Number.isInteger(n) && Number.isInteger(k) && m >= 0 && n >= 0 && k >= 0)) {
    throw new Error(`internal: gemm: sizes must be non-negative integers, got m=${m}, n=${n}, k=${k}`);
  }
  const f64 = A instanceof Float64Array;
  if (
    !(f64 || A instanceof Float32Array) ||
    B instanceof Float64Array !== f64 ||
    C instanceof Float64Array !== f64 ||
    !(B instanceof Float64Array || B instanceof Float32Array) ||
    !(C instanceof Float64Array || C instanceof Float32Array)
  ) {
    throw new Error(
      `internal: gemm: A, B, C must be all Float64Array or all Float32Array, got ` + `${A.constructor.name}, ${B.constructor.name}, ${C.constructor.name}`,
    );
  }
  checkSpan("C", C.length, m, n, args.cOff, args.cRs, args.cCs);
  if (args.alpha !== 0 && k > 0) {
    checkSpan("A", A.length, m, k, args.aOff, args.aRs, args.aCs);
    checkSpan("B", B.length, k, n, args.bOff, args.bRs, args.bCs);
  }
}

/** Every index off + r·rs + c·cs (r < rows, c < cols) must lie in [0, length). */
function checkSpan(name: string, length: number, rows: number, cols: number, off: number, rs: number, cs: number): void {
  if (rows === 0 || cols === 0) return;
  const lo = off + Math.min(0, (rows - 1) * rs) + Math.min(0, (cols - 1) * cs);
  const hi = off + Math.max(0, (rows - 1) * rs) + Math.max(0, (cols - 1) * cs);
  if (!(Number.isInteger(lo) && Number.isInteger(hi) && lo >= 0 && hi < length)) {
    throw new Error(
      `internal: gemm: ${name} (${rows}, ${cols}) with offset ${off}, strides (${rs}, ${cs}) ` + `spans [${lo}, ${hi}] outside a buffer of length ${length}`,
    );
  }
}

/** C := alpha·A·B + beta·C by the triple loop (the spec; see the file header). */
export function gemmReference(args: GemmArgs): void {
  checkGemmArgs(args);
  const { m, n, k, alpha, A, aOff, aRs, aCs, B, bOff, bRs, bCs, beta, C, cOff, cRs, cCs } = args;
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
