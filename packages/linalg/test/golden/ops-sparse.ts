/**
 * The golden-case registry of linalg.sparse (cases/sparse.json, SciPy 1.10): the
 * `scipy.sparse.csr_matrix` ops (toarray, nnz, canonical, transpose, matmul) mapped to our
 * CsrMatrix, and the decoding of a sparse input `{"sparse": "csr", shape, data, row, col}`
 * (decoded by the harness into a SparseInput of NDArrays) into `csrMatrix([data, [row, col]],
 * { shape })`, built inside the op so that construction errors are part of a case.
 * The solvers (sparse.linalg.cg, sparse.linalg.eigsh) are added below by their owner.
 * Merged into the package registry by ./ops.ts.
 */
import { NDArray } from "@sliderule/ndarray";
import { isSparseInput, type OpRegistry, type SparseInput } from "../../../ndarray/test/golden/harness.js";
import * as linalg from "../../src/index.js";

const { sparse } = linalg;

/** Reject keyword arguments an op does not know, so a new case cannot pass by accident. */
function known(op: string, kwargs: Record<string, unknown>, names: readonly string[]): void {
  for (const k of Object.keys(kwargs)) {
    if (!names.includes(k)) throw new Error(`golden registry: ${op} does not map the keyword argument '${k}'`);
  }
}

/** `scipy.sparse.csr_matrix((data, (row, col)), shape=shape)` for a decoded sparse input. */
export function csrOfInput(s: SparseInput): linalg.sparse.CsrMatrix {
  return sparse.csrMatrix([s.data, [s.row, s.col]], { shape: [s.shape[0], s.shape[1]] });
}

/** A decoded argument that must be a sparse input. */
function csrArg(op: string, x: unknown): linalg.sparse.CsrMatrix {
  if (!isSparseInput(x)) throw new Error(`golden registry: ${op} expects a sparse input as its first argument`);
  return csrOfInput(x);
}

export const sparseOps: OpRegistry = {
  "sparse.csr_matrix.toarray": ([S], kw) => {
    known("sparse.csr_matrix.toarray", kw, []);
    return csrArg("toarray", S).toarray();
  },
  "sparse.csr_matrix.nnz": ([S], kw) => {
    known("sparse.csr_matrix.nnz", kw, []);
    return csrArg("nnz", S).nnz;
  },
  "sparse.csr_matrix.canonical": ([S], kw) => {
    known("sparse.csr_matrix.canonical", kw, []);
    const A = csrArg("canonical", S);
    A.sumDuplicates();
    return [new NDArray(A.data, [A.nnz], A.dtype), new NDArray(A.indices, [A.nnz], "int32"), new NDArray(A.indptr, [A.indptr.length], "int32")];
  },
  "sparse.csr_matrix.transpose": ([S], kw) => {
    known("sparse.csr_matrix.transpose", kw, []);
    return csrArg("transpose", S).T.toarray();
  },
  "sparse.csr_matrix.matmul": ([S, x], kw) => {
    known("sparse.csr_matrix.matmul", kw, []);
    const A = csrArg("matmul", S);
    const r = A.matmul(isSparseInput(x) ? csrOfInput(x) : x);
    return r instanceof NDArray ? r : r.toarray(); // sparse @ sparse: the result given densely
  },
  // SciPy 1.10's cg(A, b, x0, tol, maxiter, M, callback, atol): its `tol` is our rtol (SciPy ≥ 1.12's name)
  "sparse.linalg.cg": ([S, b], kw) => {
    known("sparse.linalg.cg", kw, ["tol", "atol", "maxiter"]);
    const { x, info } = sparse.cg(csrArg("cg", S), b as NDArray, {
      ...(kw.tol !== undefined ? { rtol: kw.tol as number } : {}),
      ...(kw.atol !== undefined && kw.atol !== null ? { atol: kw.atol as number } : {}),
      ...(kw.maxiter !== undefined && kw.maxiter !== null ? { maxiter: kw.maxiter as number } : {}),
    });
    return [x, info];
  },
  "sparse.linalg.eigsh": ([S], kw) => {
    known("sparse.linalg.eigsh", kw, ["k", "which", "return_eigenvectors"]);
    const options = { k: kw.k as number | undefined, which: kw.which as linalg.sparse.Which | undefined };
    if (kw.return_eigenvectors === false) return sparse.eigsh(csrArg("eigsh", S), { ...options, returnEigenvectors: false });
    const { eigenvalues, eigenvectors } = sparse.eigsh(csrArg("eigsh", S), options);
    return [eigenvalues, eigenvectors];
  },
};
