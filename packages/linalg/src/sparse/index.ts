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
export type { SparseMatrix, SparseDType, SparseFormat } from "./base.js";
export type { CsrMatrix } from "./csr.js";
export type { CscMatrix } from "./csc.js";
export type { CooMatrix } from "./coo.js";
export type { SparseInput, SparseMatrixOptions, EyeOptions, DiagsOptions, RandomOptions } from "./construct.js";
import { isSparse as isSparseImpl } from "./base.js";
import { cooMatrix as cooMatrixImpl, cscMatrix as cscMatrixImpl, csrMatrix as csrMatrixImpl, diags as diagsImpl, eye as eyeImpl, random as randomImpl } from "./construct.js";
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
