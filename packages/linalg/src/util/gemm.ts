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
 *
 * Two calling conventions, one kernel:
 *   gemmBlock(alpha, A, B, beta, C)   on Blocks (primitives/block.ts): a transpose is the
 *                                     view T(A), so `gemmBlock(-1, A21, A12, 1, A22)` reads as
 *                                     A22 := A22 − A21·A12;
 *   gemmColMajor(m, n, k, alpha, A, aOff, lda, transA, …)
 *                                     LAPACK's positional form, kept for the one caller not
 *                                     yet on Blocks (sparse/lanczos.ts); dense/ uses gemmBlock.
 * Both hand the kernel the same strides, so their results are bit-identical.
 */
import { gemm } from "@sliderule/ndarray/kernels";
import type { Block } from "../primitives/block.js";
import type { FloatArray } from "./batch.js";

/**
 * C := alpha·A·B + beta·C on Blocks: A m×k, B k×n, C m×n (any strides; op(A) = Aᵀ is the
 * view T(A)). beta = 0 never reads C.
 * @throws Error `internal:` when the shapes do not agree.
 */
export function gemmBlock(alpha: number, A: Block, B: Block, beta: number, C: Block): void {
  const m = C.rows;
  const n = C.cols;
  const k = A.cols;
  if (A.rows !== m || B.rows !== k || B.cols !== n) {
    throw new Error(`internal: gemmBlock: shapes ${A.rows}×${A.cols} · ${B.rows}×${B.cols} → ${m}×${n} do not agree`);
  }
  if (m === 0 || n === 0) return;
  gemm({
    m,
    n,
    k,
    alpha,
    A: A.data,
    aOff: A.off,
    aRs: A.rs,
    aCs: A.cs,
    B: B.data,
    bOff: B.off,
    bRs: B.rs,
    bCs: B.cs,
    beta,
    C: C.data,
    cOff: C.off,
    cRs: C.rs,
    cCs: C.cs,
  });
}

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
