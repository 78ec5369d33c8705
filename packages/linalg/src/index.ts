/**
 * @sliderule/linalg: NumPy's and SciPy's dense linear algebra, readable and blocked.
 *
 *   import * as linalg from "@sliderule/linalg";
 *   const x = linalg.solve(A, b);
 *   const { Q, R } = linalg.qr(A);
 *
 * Every function accepts stacks of matrices (..., M, N) with broadcast batch axes, computes
 * float32 input in float32 and promotes integers to float64, reads any strided view without
 * the caller copying, and never modifies its inputs. See README.md for "which decomposition?".
 */
export { LinAlgError } from "./errors.js";
export type { LinAlgErrorKind } from "./errors.js";
export { BLOCK_SIZES } from "./tuning.js";
export type { BlockOptions, BlockSizes } from "./tuning.js";

export { lu, luFactor, luSolve } from "./dense/lu.js";
export type { LuOptions, LuResult, LuPermutedResult, LuFactorResult, LuSolveOptions } from "./dense/lu.js";
export { det, slogdet } from "./dense/det.js";
export type { SlogdetResult } from "./dense/det.js";
export { solve } from "./dense/solve.js";
export { inv } from "./dense/inv.js";
export { cholesky, choFactor, choSolve } from "./dense/cholesky.js";
export type { CholeskyOptions, ChoFactorResult } from "./dense/cholesky.js";
export { qr, lstsqQR } from "./dense/qr.js";
export type { QrMode, QrOptions, QrResult, QrRawResult } from "./dense/qr.js";
export { solveTriangular } from "./primitives/triangular-solve.js";
export type { SolveTriangularOptions, Trans } from "./primitives/triangular-solve.js";
export { trace } from "./dense/trace.js";
export type { TraceOptions } from "./dense/trace.js";
export { matrixPower } from "./dense/matrix-power.js";
export { multiDot } from "./dense/multi-dot.js";
export { svd } from "./dense/svd.js";
export type { SvdOptions, SvdResult } from "./dense/svd.js";
export { eigh, eigvalsh } from "./dense/eigh.js";
export type { EighOptions, EighResult } from "./dense/eigh.js";
export { pinv } from "./dense/pinv.js";
export type { PinvOptions } from "./dense/pinv.js";
export { matrixRank } from "./dense/matrix-rank.js";
export type { MatrixRankOptions } from "./dense/matrix-rank.js";
export { norm } from "./dense/norm.js";
export type { NormOrder, NormOptions } from "./dense/norm.js";
export { cond } from "./dense/cond.js";
export { lstsq } from "./dense/lstsq.js";
export type { LstsqOptions, LstsqResult } from "./dense/lstsq.js";
export { eig, eigvals } from "./dense/eig.js";
export type { EigOptions, EigResult } from "./dense/eig.js";
export { hessenberg } from "./dense/hessenberg.js";
export type { HessenbergResult } from "./dense/hessenberg.js";
export { schur } from "./dense/schur.js";
export type { SchurOptions, SchurResult } from "./dense/schur.js";
export type { MultishiftOptions } from "./dense/schur-aed.js";
