/**
 * linalg.sparse: SciPy's scipy.sparse and scipy.sparse.linalg in one module, names in
 * camelCase (csr_matrix → csrMatrix, eliminate_zeros → eliminateZeros; see README.md,
 * "Sparse matrices").
 *
 *   import * as linalg from "@sliderule/linalg";
 *   const S = linalg.sparse.csrMatrix([data, [row, col]], { shape: [3, 3] });
 *   const y = S.matmul(x);
 *
 * Formats: CsrMatrix, CscMatrix, CooMatrix (classes exported as types: build them with the
 * constructors). Every function is wrapped by `publicFunction`, so an error names the
 * function called. This file is a plain list of exports; each solver adds its own lines.
 */
import { publicFunction } from "../util/public-function.js";

// ---------------------------------------------------------------- formats and constructors
// The three format classes register themselves in base.ts's registry as they load (they build
// one another through it, see base.ts): loaded here, all three are there before any matrix is.
import "./csr.js";
import "./csc.js";
import "./coo.js";
export type { SparseMatrix, SparseDType, SparseFormat } from "./base.js";
export type { CsrMatrix } from "./csr.js";
export type { CscMatrix } from "./csc.js";
export type { CooMatrix } from "./coo.js";
export type { SparseInput, SparseMatrixOptions } from "./construct.js";
export type { EyeOptions, DiagsOptions, RandomOptions } from "./special-matrices.js";
import { isSparse as isSparseImpl } from "./base.js";
import { cooMatrix as cooMatrixImpl, cscMatrix as cscMatrixImpl, csrMatrix as csrMatrixImpl } from "./construct.js";
import { diags as diagsImpl, eye as eyeImpl, random as randomImpl } from "./special-matrices.js";
export const csrMatrix = publicFunction("csrMatrix", csrMatrixImpl);
export const cscMatrix = publicFunction("cscMatrix", cscMatrixImpl);
export const cooMatrix = publicFunction("cooMatrix", cooMatrixImpl);
export const eye = publicFunction("eye", eyeImpl);
export const diags = publicFunction("diags", diagsImpl);
export const random = publicFunction("random", randomImpl);
/** SciPy's `scipy.sparse.issparse(x)`. */
export const issparse = publicFunction("issparse", isSparseImpl);

// ---------------------------------------------------------------- operators and solvers
export type { LinearOperatorLike, MatvecInto } from "./linear-operator.js";
// solvers and eigenvalues (cg.ts, minres.ts, jacobi.ts, spsolve.ts, eigsh.ts + lanczos.ts, svds.ts)
export type { CgOptions, IterativeFields, IterativeResult, OperatorInput } from "./cg.js";
export type { MinresOptions } from "./minres.js";
export type { JacobiPreconditioner } from "./jacobi.js";
export type { EigshOptions, EigshFields, EigshResult } from "./eigsh.js";
export type { Which } from "./lanczos.js";
export type { SvdsOptions, SvdsFields, SvdsResult } from "./svds.js";
export { ArpackNoConvergence, SIGMA_DENSE_MAX_N } from "./eigsh.js";
export { SPSOLVE_MAX_N } from "./spsolve.js";
import { cg as cgImpl } from "./cg.js";
import { minres as minresImpl } from "./minres.js";
import { jacobi as jacobiImpl } from "./jacobi.js";
import { spsolve as spsolveImpl } from "./spsolve.js";
import { eigsh as eigshImpl } from "./eigsh.js";
import { svds as svdsImpl } from "./svds.js";
export const cg = publicFunction("cg", cgImpl);
export const minres = publicFunction("minres", minresImpl);
export const jacobi = publicFunction("jacobi", jacobiImpl);
export const spsolve = publicFunction("spsolve", spsolveImpl);
export const eigsh = publicFunction("eigsh", eigshImpl);
export const svds = publicFunction("svds", svdsImpl);
