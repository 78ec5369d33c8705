/**
 * gemm on matrix views, as the LAPACK-style routines here call it:
 *
 *   gemmBlock(alpha, A, B, beta, C):   C := alpha·A·B + beta·C,   A: m×k,  B: k×n,  C: m×n
 *
 * on Blocks (kernels/block.ts of @sliderule/ndarray). Every working matrix in linalg is column-major with a
 * leading dimension, and a transpose is only the view T(A) with its strides swapped, so
 * `gemmBlock(-1, A21, A12, 1, A22)` reads as A22 := A22 − A21·A12. The kernel of
 * @sliderule/ndarray/kernels takes the views as they are (`gemm(alpha, A, B, beta, C)`) and
 * checks their shapes itself; this name stays until linalg's `*Block` functions are renamed.
 */
import { type Block, gemm } from "@sliderule/ndarray/kernels";

/**
 * C := alpha·A·B + beta·C on Blocks: A m×k, B k×n, C m×n (any strides; op(A) = Aᵀ is the
 * view T(A)). beta = 0 never reads C.
 * @throws Error `internal: gemm:` when the shapes do not agree.
 */
export function gemmBlock(alpha: number, A: Block, B: Block, beta: number, C: Block): void {
  gemm(alpha, A, B, beta, C);
}
