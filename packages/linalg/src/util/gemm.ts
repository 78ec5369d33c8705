/**
 * gemm on matrix views, as the LAPACK-style routines here call it:
 *
 *   gemmBlock(alpha, A, B, beta, C):   C := alpha·A·B + beta·C,   A: m×k,  B: k×n,  C: m×n
 *
 * on Blocks (kernels/block.ts of @sliderule/ndarray). Every working matrix in linalg is column-major with a
 * leading dimension, and a transpose is only the view T(A) with its strides swapped, so
 * `gemmBlock(-1, A21, A12, 1, A22)` reads as A22 := A22 − A21·A12. This is a thin adapter
 * over the strided kernel of @sliderule/ndarray/kernels, which takes the views' strides as
 * they are.
 */
import { type Block, gemm } from "@sliderule/ndarray/kernels";

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
