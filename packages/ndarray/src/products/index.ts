/**
 * Products: matmul, dot, vdot, inner, outer, cross, tensordot, kron, einsum, einsumPath.
 *
 * Every sum of products here runs on the gemm kernel through batched-gemm.ts (the one bridge
 * from NDArrays to `kernels/gemm.ts`); the products without a sum (outer, kron, cross) are
 * broadcast element-wise ufuncs.
 *
 *   matmul.ts              a @ b on stacks, NumPy's 1-D rules
 *   dot.ts                 dot, vdot, inner, outer
 *   tensordot.ts           tensordot (transpose + reshape to one gemm)
 *   cross.ts               cross products of 3- and 2-vectors
 *   kron.ts                Kronecker product
 *   einsum.ts              einsum (views, sums, pairwise gemm contractions)
 *   einsum-subscripts.ts   the subscripts grammar and its errors
 *   einsum-path.ts         greedy contraction order, einsumPath
 *   batched-gemm.ts        C[β] = A[β]·B[β] for every dtype
 */
export { matmul } from "./matmul.js";
export type { MatmulOptions } from "./matmul.js";
export { dot, vdot, inner, outer } from "./dot.js";
export type { DotOptions } from "./dot.js";
export { tensordot } from "./tensordot.js";
export type { TensordotAxes } from "./tensordot.js";
export { cross } from "./cross.js";
export type { CrossOptions } from "./cross.js";
export { kron } from "./kron.js";
export { einsum } from "./einsum.js";
export { einsumPath } from "./einsum-path.js";
export type { EinsumPath, EinsumPathStep } from "./einsum-path.js";
