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
 *
 * Every function is exported through `publicFunction` (util/public-function.ts): an error
 * raised inside names the function the caller called (`cond: SVD did not converge (in svd)`).
 * Code inside the package imports the unwrapped functions from their own files.
 */
import { publicFunction } from "./util/public-function.js";

export { LinAlgError } from "./errors.js";
// SciPy's scipy.linalg.LinAlgWarning (solve, inv: ill-conditioned matrix); the channel is np.warnings
export { LinAlgWarning } from "@sliderule/ndarray";
export type { LinAlgErrorKind } from "./errors.js";
export { BLOCK_SIZES } from "./tuning.js";
export type { BlockOptions, BlockSizes } from "./tuning.js";

import { lu as luImpl, luFactor as luFactorImpl, luSolve as luSolveImpl } from "./dense/lu.js";
export const lu = publicFunction("lu", luImpl);
export const luFactor = publicFunction("luFactor", luFactorImpl);
export const luSolve = publicFunction("luSolve", luSolveImpl);
export type { LuOptions, LuResult, LuPermutedResult, LuFactorResult, LuSolveOptions } from "./dense/lu.js";
import { det as detImpl, slogdet as slogdetImpl } from "./dense/det.js";
export const det = publicFunction("det", detImpl);
export const slogdet = publicFunction("slogdet", slogdetImpl);
export type { SlogdetResult } from "./dense/det.js";
import { solve as solveImpl } from "./dense/solve.js";
export const solve = publicFunction("solve", solveImpl);
import { inv as invImpl } from "./dense/inv.js";
export const inv = publicFunction("inv", invImpl);
import { cholesky as choleskyImpl, choFactor as choFactorImpl, choSolve as choSolveImpl } from "./dense/cholesky.js";
export const cholesky = publicFunction("cholesky", choleskyImpl);
export const choFactor = publicFunction("choFactor", choFactorImpl);
export const choSolve = publicFunction("choSolve", choSolveImpl);
export type { CholeskyOptions, ChoFactorResult } from "./dense/cholesky.js";
import { qr as qrImpl, lstsqQR as lstsqQRImpl } from "./dense/qr.js";
export const qr = publicFunction("qr", qrImpl);
export const lstsqQR = publicFunction("lstsqQR", lstsqQRImpl);
export type { QrMode, QrOptions, QrResult, QrRawResult } from "./dense/qr.js";
import { solveTriangular as solveTriangularImpl } from "./primitives/triangular-solve.js";
export const solveTriangular = publicFunction("solveTriangular", solveTriangularImpl);
export type { SolveTriangularOptions, Trans } from "./primitives/triangular-solve.js";
import { trace as traceImpl } from "./dense/trace.js";
export const trace = publicFunction("trace", traceImpl);
export type { TraceOptions } from "./dense/trace.js";
import { matrixPower as matrixPowerImpl } from "./dense/matrix-power.js";
export const matrixPower = publicFunction("matrixPower", matrixPowerImpl);
import { multiDot as multiDotImpl } from "./dense/multi-dot.js";
export const multiDot = publicFunction("multiDot", multiDotImpl);
import { svd as svdImpl } from "./dense/svd.js";
export const svd = publicFunction("svd", svdImpl);
export type { SvdOptions, SvdResult } from "./dense/svd.js";
import { eigh as eighImpl, eigvalsh as eigvalshImpl } from "./dense/eigh.js";
export const eigh = publicFunction("eigh", eighImpl);
export const eigvalsh = publicFunction("eigvalsh", eigvalshImpl);
export type { EighOptions, EighResult } from "./dense/eigh.js";
import { pinv as pinvImpl } from "./dense/pinv.js";
export const pinv = publicFunction("pinv", pinvImpl);
export type { PinvOptions } from "./dense/pinv.js";
import { matrixRank as matrixRankImpl } from "./dense/matrix-rank.js";
export const matrixRank = publicFunction("matrixRank", matrixRankImpl);
export type { MatrixRankOptions } from "./dense/matrix-rank.js";
import { norm as normImpl } from "./dense/norm.js";
export const norm = publicFunction("norm", normImpl);
export type { NormOrder, NormOptions } from "./dense/norm.js";
import { cond as condImpl } from "./dense/cond.js";
export const cond = publicFunction("cond", condImpl);
import { lstsq as lstsqImpl } from "./dense/lstsq.js";
export const lstsq = publicFunction("lstsq", lstsqImpl);
export type { LstsqOptions, LstsqResult } from "./dense/lstsq.js";
import { eig as eigImpl, eigvals as eigvalsImpl } from "./dense/eig.js";
export const eig = publicFunction("eig", eigImpl);
export const eigvals = publicFunction("eigvals", eigvalsImpl);
export type { EigOptions, EigResult } from "./dense/eig.js";
import { hessenberg as hessenbergImpl } from "./dense/hessenberg.js";
export const hessenberg = publicFunction("hessenberg", hessenbergImpl);
export type { HessenbergResult } from "./dense/hessenberg.js";
import { schur as schurImpl } from "./dense/schur.js";
export const schur = publicFunction("schur", schurImpl);
export type { SchurOptions, SchurResult } from "./dense/schur.js";
export type { MultishiftOptions } from "./dense/schur-aed.js";

// scipy.sparse and scipy.sparse.linalg: linalg.sparse.csrMatrix, linalg.sparse.cg, … (sparse/index.ts)
export * as sparse from "./sparse/index.js";

// the marker for stacks, whose functions (det, slogdet, cond, matrixRank, trace) are typed NDArray
export { batched } from "@sliderule/ndarray";
export type { Batched } from "@sliderule/ndarray";
