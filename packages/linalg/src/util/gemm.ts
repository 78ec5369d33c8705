/**
 * gemm on column-major blocks, as the LAPACK-style routines here call it.
 *
 * Every working matrix in linalg is column-major with a leading dimension (element (i, j) of
 * a block at X[off + i + j·ld]); transposing an operand is only a swap of its two strides.
 * This is a thin adapter over the strided kernel in @sliderule/ndarray/kernels:
 *
 *   C := alpha·op(A)·op(B) + beta·C,   op(A): m×k,  op(B): k×n,  C: m×n
 *
 * with op(X) = X, or Xᵀ when its `trans` flag is set.
 */
import { gemm } from "@sliderule/ndarray/kernels";
import type { FloatArray } from "./batch.js";

export function gemmColMajor(
  m: number,
  n: number,
  k: number,
  alpha: number,
  A: FloatArray,
  aOff: number,
  lda: number,
  transA: boolean,
  B: FloatArray,
  bOff: number,
  ldb: number,
  transB: boolean,
  beta: number,
  C: FloatArray,
  cOff: number,
  ldc: number,
): void {
  if (m === 0 || n === 0) return;
  gemm({
    m,
    n,
    k,
    alpha,
    A,
    aOff,
    aRs: transA ? lda : 1,
    aCs: transA ? 1 : lda,
    B,
    bOff,
    bRs: transB ? ldb : 1,
    bCs: transB ? 1 : ldb,
    beta,
    C,
    cOff,
    cRs: 1,
    cCs: ldc,
  });
}
