/**
 * The operand contracts of the matrix–vector kernels: gemv, y := alpha·A·x + beta·y with
 *
 *   A: (m, n) at A[aOff + i·aRs + j·aCs],  x: n values at x[xOff + j·xs],  y: m at y[yOff + i·ys]
 *
 * and symv, the same with A symmetric n×n read from its lower triangle (column-major,
 * A[i, j] at A[aOff + i + j·lda], i ≥ j). Types only: the TypeScript routines (gemv.ts) and
 * the WebAssembly ones (wasm/gemm.wasm.ts) both take them, so they live here, at the ground,
 * and neither file imports the other for them.
 *
 * Reference: BLAS xGEMV and xSYMV (Dongarra et al., ACM TOMS 14, 1988).
 */
import type { FloatArray } from "./gemm.reference.js";

/** Operands of y := alpha·A·x + beta·y (see the file header). */
export interface GemvArgs {
  m: number;
  n: number;
  alpha: number;
  A: FloatArray;
  aOff: number;
  aRs: number;
  aCs: number;
  x: FloatArray;
  xOff: number;
  xs: number;
  beta: number;
  y: FloatArray;
  yOff: number;
  ys: number;
}

/** Operands of y := alpha·A·x + beta·y for a symmetric n×n A stored in its lower triangle. */
export interface SymvArgs {
  n: number;
  alpha: number;
  A: FloatArray;
  aOff: number;
  lda: number;
  x: FloatArray;
  xOff: number;
  xs: number;
  beta: number;
  y: FloatArray;
  yOff: number;
  ys: number;
}
