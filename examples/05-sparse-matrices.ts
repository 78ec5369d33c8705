/**
 * 05 — SciPy and sparse matrices: the tutorial's "How Can You Use SciPy for Advanced
 * Operations?", its sub-sections "SciPy vs NumPy Comparison" and "Sparse Matrices". (Its third
 * sub-section, "LU Decomposition", runs in 03-decompositions.ts.)
 *
 * Run: npx tsx examples/05-sparse-matrices.ts
 * Every result is checked; a wrong number throws. Lines marked `py:` are the tutorial's Python;
 * the line below translates them. Expected values were computed by NumPy 2.4 / SciPy 1.17 (the
 * Python call is beside each) and pasted as literals.
 *
 * SciPy vs NumPy: NumPy has np.linalg, SciPy has scipy.linalg (a superset, with more LAPACK:
 * lu, lu_factor, cho_factor, solve_triangular, …). Sliderule has one module for both:
 *   np.linalg.inv(A), scipy.linalg.inv(A)        → linalg.inv(A)
 *   np.linalg.det(A), scipy.linalg.det(A)        → linalg.det(A) (a number)
 *   np.linalg.solve(A, b), scipy.linalg.solve    → linalg.solve(A, b)
 *   scipy.linalg.lu / lu_factor / lu_solve       → linalg.lu / luFactor / luSolve
 *   scipy.linalg.cho_factor / cho_solve          → linalg.choFactor / choSolve
 *   scipy.linalg.solve_triangular(L, b, lower=True) → linalg.solveTriangular(L, b, { lower: true })
 *
 * Sparse matrices: NOT AVAILABLE YET. scipy.sparse (csr_matrix, eye, random) and
 * scipy.sparse.linalg (cg, eigsh) are planned as `linalg.sparse` (DESIGN.md: linalg/sparse/ with
 * CSR, conjugate gradient and Lanczos), tracked by issue #14. Until it lands, this walkthrough
 * prints the tutorial's SciPy lines, says so, and shows what dense arrays can show honestly: the
 * 3×3 example as a dense array, the CSR layout SciPy stores for it, and the memory comparison
 * with the CSR size computed by formula from nnz (data 8·nnz + indices 4·nnz + indptr 4·(n + 1)
 * bytes, float64 values and int32 indices, as SciPy reports), never from a sparse object of ours.
 * When `linalg.sparse` exists, the section runs on it instead (and throws, asking for this file
 * to be updated, if its API differs from the one assumed below).
 */
import assert from "node:assert/strict";
import * as np from "@sliderule/ndarray";
import * as linalg from "@sliderule/linalg";

const show = (label: string, a: np.NDArray | number | string | boolean) => console.log(`${label}:\n${String(a)}\n`);
const str = (a: np.NDArray) => np.arrayToString(a); // Python's str(a), what an f-string prints
/** Python's f"{x:.{d}e}": two exponent digits at least (JavaScript writes 2.48e-16 but 0.00e+0). */
const pyExp = (x: number, digits: number) => x.toExponential(digits).replace(/e([+-])(\d)$/, "e$10$2");
const eps = 2 ** -52;

// ================================================================ SciPy vs NumPy Comparison
const A = np.array([
  [1, 2, 3],
  [4, 5, 6],
  [7, 8, 10],
]);
// Both work similarly for basic operations
// py: np_inv = np.linalg.inv(A); scipy_inv = scipy_linalg.inv(A)
const npInv = linalg.inv(A);
const scipyInv = linalg.inv(A); // the same function: there is one linalg
// py: print(f"Difference: {np.linalg.norm(np_inv - scipy_inv):.2e}")
const difference = linalg.norm(npInv.subtract(scipyInv));
console.log(`Difference: ${pyExp(difference, 2)}`);
// NumPy 2.4 + SciPy 1.17 print "Difference: 2.48e-16": two LAPACK drivers (NumPy's gesv against
// the identity, SciPy's getrf + getri) round differently. One implementation gives exactly 0.
assert.equal(pyExp(difference, 2), "0.00e+00");
assert.equal(difference, 0);

// Both are the true inverse to working accuracy: A⁻¹ = adj(A) / det(A), det(A) = −3
const exactInv = np.array([
  [-2 / 3, -4 / 3, 1],
  [-2 / 3, 11 / 3, -2],
  [1, -2, 1],
]);
show("linalg.inv(A)", npInv);
const condA = linalg.cond(A);
const invError = linalg.norm(npInv.subtract(exactInv)) / linalg.norm(exactInv);
console.log(`‖inv(A) − A⁻¹‖ / ‖A⁻¹‖ = ${pyExp(invError, 2)}, cond(A) = ${condA.toFixed(1)}`);
assert.ok(invError <= 10 * 3 * condA * eps); // forward error of a backward-stable inverse ≲ n·cond(A)·eps

// The same for det and solve: np.linalg.det / scipy.linalg.det → linalg.det, and so on
const det = linalg.det(A);
console.log(`linalg.det(A) = ${det}  (np.linalg.det: -2.9999999999999996, scipy.linalg.det: -3.0)`);
assert.ok(Math.abs(det + 3) <= 10 * 3 * eps * 3); // |det − (−3)| within a few ulps
const b = np.array([1, 2, 3]);
const x = linalg.solve(A, b);
console.log(`linalg.solve(A, [1, 2, 3]) = ${str(x)}  (exact: [-1/3, 2/3, 0])\n`);
// np.linalg.solve and scipy.linalg.solve: [-0.33333333333333337, 0.6666666666666666, 3.172065784643303e-17]
assert.ok(np.allclose(x, [-1 / 3, 2 / 3, 0], { rtol: 0, atol: 10 * 3 * condA * eps }));
assert.ok(linalg.norm(A.matmul(x).subtract(b)) <= 10 * 3 * linalg.norm(A) * linalg.norm(x) * eps); // backward error

// ================================================================ Sparse Matrices
console.log(`The tutorial's SciPy lines, which linalg.sparse will translate:
    from scipy import sparse
    from scipy.sparse import linalg as sparse_linalg
    row = np.array([0, 0, 1, 2, 2, 2]); col = np.array([0, 2, 2, 0, 1, 2]); data = np.array([1, 2, 3, 4, 5, 6])
    sparse_matrix = sparse.csr_matrix((data, (row, col)), shape=(3, 3))
    sparse_eye = sparse.eye(size)
    A_sparse = sparse.random(1000, 1000, density=0.01, format='csr')
    x, info = sparse_linalg.cg(A_sparse.T @ A_sparse, A_sparse.T @ b)
    eigenvalues, eigenvectors = sparse_linalg.eigsh(A_symmetric, k=5)
`);

// py: row = np.array([0, 0, 1, 2, 2, 2]); col = np.array([0, 2, 2, 0, 1, 2]); data = np.array([1, 2, 3, 4, 5, 6])
const row = np.array([0, 0, 1, 2, 2, 2], "int32");
const col = np.array([0, 2, 2, 0, 1, 2], "int32");
const data = np.array([1, 2, 3, 4, 5, 6], "int32"); // NumPy makes int64 from Python ints; ours is int32

/** The sparse API this walkthrough assumes (scipy.sparse's names in camelCase). */
interface SparseMatrixLike {
  shape: number[];
  nnz: number;
  toarray(): np.NDArray;
  data: np.NDArray;
}
interface SparseModuleLike {
  csrMatrix(arg: [np.NDArray, [np.NDArray, np.NDArray]], options: { shape: [number, number] }): SparseMatrixLike;
  eye(n: number): SparseMatrixLike;
}
const sparse = (linalg as unknown as { sparse?: Partial<SparseModuleLike> }).sparse;

if (sparse === undefined) {
  console.log("Note: linalg.sparse is not available yet (sparse matrices are tracked by issue #14).");
  console.log("Below: the same example as a dense array, and SciPy's memory figures computed by formula.\n");
} else {
  runSparseSection(sparse);
}

/** The tutorial's sparse section on linalg.sparse, once it exists. */
function runSparseSection(sp: Partial<SparseModuleLike>): void {
  const missing = (["csrMatrix", "eye"] as const).filter((name) => typeof sp[name] !== "function");
  if (missing.length > 0) {
    throw new Error(`05-sparse-matrices: linalg.sparse exists but has no ${missing.join(", ")}: update this walkthrough to its API (issue #14)`);
  }
  const { csrMatrix, eye } = sp as SparseModuleLike;
  // py: sparse_matrix = sparse.csr_matrix((data, (row, col)), shape=(3, 3))
  const sparseMatrix = csrMatrix([data, [row, col]], { shape: [3, 3] });
  show("Sparse matrix", sparseMatrix.toarray());
  console.log(`Non-zero elements: ${sparseMatrix.nnz}`);
  console.log(`Sparsity: ${(100 * (1 - sparseMatrix.nnz / sparseMatrix.shape[0] ** 2)).toFixed(2)}%`);
  assert.equal(sparseMatrix.nnz, 6);
  assert.deepEqual(sparseMatrix.toarray().toArray(), [
    [1, 0, 2],
    [0, 0, 3],
    [4, 5, 6],
  ]);
  // py: sparse_eye = sparse.eye(size); sparse_eye.data.nbytes
  const sparseEye = eye(1000);
  console.log(`Sparse memory: ${(sparseEye.data.nbytes / 1e6).toFixed(2)} MB\n`);
  assert.equal(sparseEye.nnz, 1000);
  // cg and eigsh: add them here when linalg.sparse has them (issue #14)
}

// ---------------------------------------------------------------- what dense arrays can show
// sparse_matrix.toarray(): the dense matrix the triplets (data[k] at row[k], col[k]) describe,
// built here by scattering into zeros (duplicate (row, col) pairs would add up, as in SciPy)
const n3 = 3;
const dense3 = np.zeros([n3, n3], "int32");
for (let k = 0; k < data.shape[0]; k++) {
  const [i, j] = [row.get(k), col.get(k)];
  dense3.set(i, j, [dense3.get(i, j) + data.get(k)]);
}
console.log(`Sparse matrix (as a dense array: sparse_matrix.toarray()):\n${str(dense3)}`);
const nnz = np.countNonzero(dense3);
console.log(`Non-zero elements: ${nnz}`);
console.log(`Sparsity: ${(100 * (1 - nnz / n3 ** 2)).toFixed(2)}%\n`);
// SciPy prints the same matrix, "Non-zero elements: 6" and "Sparsity: 33.33%"
assert.equal(str(dense3), "[[1 0 2]\n [0 0 3]\n [4 5 6]]");
assert.equal(nnz, 6);
assert.equal(`${(100 * (1 - nnz / n3 ** 2)).toFixed(2)}%`, "33.33%");

// What CSR stores for it (SciPy: sparse_matrix.data, .indices, .indptr), read off the dense array
// row by row: the nonzero values, their column indices, and where each row starts in both.
const csrData: number[] = [];
const csrIndices: number[] = [];
const csrIndptr: number[] = [0];
for (let i = 0; i < n3; i++) {
  for (let j = 0; j < n3; j++) {
    if (dense3.get(i, j) !== 0) {
      csrData.push(dense3.get(i, j));
      csrIndices.push(j);
    }
  }
  csrIndptr.push(csrData.length); // row i is data[indptr[i] : indptr[i + 1]]
}
console.log(`CSR layout: data = [${csrData.join(", ")}], indices = [${csrIndices.join(", ")}], indptr = [${csrIndptr.join(", ")}]\n`);
// SciPy 1.17: data [1 2 3 4 5 6], indices [0 2 2 0 1 2], indptr [0 2 3 6] (indices and indptr int32)
assert.deepEqual(csrData, [1, 2, 3, 4, 5, 6]);
assert.deepEqual(csrIndices, [0, 2, 2, 0, 1, 2]);
assert.deepEqual(csrIndptr, [0, 2, 3, 6]);

// Memory comparison
// py: size = 1000; dense = np.eye(size)
const size = 1000;
const dense = np.eye(size); // dense identity matrix
/** Bytes of an n_rows-row CSR matrix with nnz stored float64 values and int32 indices, by formula. */
const csrBytes = (nnzCount: number, nRows: number) => 8 * nnzCount + 4 * nnzCount + 4 * (nRows + 1);
console.log(`Dense memory: ${(dense.nbytes / 1e6).toFixed(2)} MB`); // SciPy/NumPy: Dense memory: 8.00 MB
assert.equal(dense.nbytes, 8 * size * size);
assert.equal(`${(dense.nbytes / 1e6).toFixed(2)}`, "8.00");
// The tutorial prints sparse_eye.data.nbytes: 8000 bytes, "Sparse memory: 0.01 MB" (sparse.eye
// gives SciPy's DIA format, whose data is the 1000 ones). In CSR the identity also stores its
// indices and row pointers:
const eyeNnz = size; // the identity has one nonzero per row
const eyeCsr = csrBytes(eyeNnz, size);
console.log(`Sparse memory (by formula, not a Sliderule object): data ${(8 * eyeNnz / 1e6).toFixed(2)} MB, CSR in all ${(eyeCsr / 1e6).toFixed(3)} MB = 8·${eyeNnz} + 4·${eyeNnz} + 4·${size + 1} bytes`);
// SciPy 1.17: sparse.eye(1000).data.nbytes = 8000; sparse.eye(1000, format='csr'): data 8000 + indices 4000 + indptr 4004
assert.equal(8 * eyeNnz, 8000);
assert.equal(eyeCsr, 8000 + 4000 + 4004);
assert.equal(`${(8 * eyeNnz / 1e6).toFixed(2)}`, "0.01");
// sparse.random(1000, 1000, density=0.01, format='csr'): nnz = 0.01·10⁶ = 10 000 entries
const randomNnz = Math.round(0.01 * size * size);
const randomCsr = csrBytes(randomNnz, size);
console.log(`sparse.random(1000, 1000, density=0.01) in CSR (by formula): ${(randomCsr / 1e6).toFixed(3)} MB against ${(dense.nbytes / 1e6).toFixed(2)} MB dense, ${(dense.nbytes / randomCsr).toFixed(1)}x less\n`);
// SciPy 1.17: A_sparse.nnz = 10000; data + indices + indptr = 124004 bytes
assert.equal(randomCsr, 124004);
// CSR pays 12 bytes per nonzero against 8 per entry dense: it wins below a density of about 2/3
assert.ok(csrBytes(0.66 * size * size, size) < dense.nbytes && dense.nbytes < csrBytes(0.67 * size * size, size));

console.log("05-sparse-matrices: all checks passed");
