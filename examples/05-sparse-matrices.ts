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
 * Sparse matrices: scipy.sparse and scipy.sparse.linalg are both `linalg.sparse`:
 *   sparse.csr_matrix((data, (row, col)), shape=(3, 3)) → sparse.csrMatrix([data, [row, col]], { shape: [3, 3] })
 *   sparse.eye(n), sparse.random(m, n, density=0.01, format='csr', rng=np.random.default_rng(42))
 *                                                    → sparse.eye(n), sparse.random(m, n, { density: 0.01, format: "csr", randomState: 42 })
 *                                                      (the same matrix as SciPy's for the same seed)
 *   A.T @ A, A + A.T, A / 2                          → A.T.matmul(A), A.add(A.T), A.multiply(0.5)
 *   x, info = sparse_linalg.cg(A, b)                 → const [x, info] = sparse.cg(A, b)
 *   w, v = sparse_linalg.eigsh(A, k=5)               → const [w, v] = sparse.eigsh(A, { k: 5 })
 * The tutorial draws its random matrix and b without a seed; here they are seeded so the
 * numbers can be checked against SciPy's.
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
const sparse = linalg.sparse;
// py: row = np.array([0, 0, 1, 2, 2, 2]); col = np.array([0, 2, 2, 0, 1, 2]); data = np.array([1, 2, 3, 4, 5, 6])
const row = np.array([0, 0, 1, 2, 2, 2], "int32");
const col = np.array([0, 2, 2, 0, 1, 2], "int32");
const data = np.array([1, 2, 3, 4, 5, 6], "int32"); // NumPy makes int64 from Python ints; ours is int32
// py: sparse_matrix = sparse.csr_matrix((data, (row, col)), shape=(3, 3))
const sparseMatrix = sparse.csrMatrix([data, [row, col]], { shape: [3, 3] });
// py: print(f"Sparse matrix:\n{sparse_matrix.toarray()}")
console.log(`Sparse matrix:\n${str(sparseMatrix.toarray())}`);
// py: print(f"Non-zero elements: {sparse_matrix.nnz}")
console.log(`Non-zero elements: ${sparseMatrix.nnz}`);
// py: print(f"Sparsity: {1 - sparse_matrix.nnz / sparse_matrix.shape[0]**2:.2%}")
const sparsity = 1 - sparseMatrix.nnz / sparseMatrix.shape[0] ** 2;
console.log(`Sparsity: ${(100 * sparsity).toFixed(2)}%\n`);
// SciPy prints the same matrix, "Non-zero elements: 6" and "Sparsity: 33.33%"
assert.equal(str(sparseMatrix.toarray()), "[[1 0 2]\n [0 0 3]\n [4 5 6]]");
assert.equal(sparseMatrix.nnz, 6);
assert.equal(`${(100 * sparsity).toFixed(2)}%`, "33.33%");

// What CSR stores: the nonzero values row by row, their column indices, and where each row
// starts in both (row i is data[indptr[i] : indptr[i + 1]]).
console.log(
  `CSR layout: data = [${[...sparseMatrix.data].join(", ")}], indices = [${[...sparseMatrix.indices].join(", ")}], indptr = [${[...sparseMatrix.indptr].join(", ")}]\n`,
);
// SciPy 1.17: sparse_matrix.data [1 2 3 4 5 6], .indices [0 2 2 0 1 2], .indptr [0 2 3 6]
assert.deepEqual([...sparseMatrix.data], [1, 2, 3, 4, 5, 6]);
assert.deepEqual([...sparseMatrix.indices], [0, 2, 2, 0, 1, 2]);
assert.deepEqual([...sparseMatrix.indptr], [0, 2, 3, 6]);

// Memory comparison
// py: size = 1000; dense = np.eye(size); sparse_eye = sparse.eye(size)
const size = 1000;
const dense = np.eye(size); // dense identity matrix
const sparseEye = sparse.eye(size); // sparse identity matrix (CSR here; SciPy's default is DIA)
// py: print(f"\nDense memory: {dense.nbytes / 1e6:.2f} MB"); print(f"Sparse memory: {sparse_eye.data.nbytes / 1e6:.2f} MB")
console.log(`Dense memory: ${(dense.nbytes / 1e6).toFixed(2)} MB`);
console.log(
  `Sparse memory: ${(sparseEye.data.byteLength / 1e6).toFixed(2)} MB (its values; with the indices and row pointers of CSR: ${(sparseEye.memoryBytes / 1e6).toFixed(3)} MB)\n`,
);
// The tutorial: "Dense memory: 8.00 MB", "Sparse memory: 0.01 MB" (the 1000 ones, 8000 bytes).
// CSR adds 4 bytes of column index per value and 4·(n + 1) of row pointers: 8·nnz + 4·nnz + 4·(n + 1).
assert.equal(dense.nbytes, 8 * size * size);
assert.equal(sparseEye.data.byteLength, 8000);
assert.equal(sparseEye.memoryBytes, 8 * size + 4 * size + 4 * (size + 1));

// Sparse operations
// py: A_sparse = sparse.random(1000, 1000, density=0.01, format='csr', rng=np.random.default_rng(42))
const Asparse = sparse.random(1000, 1000, { density: 0.01, format: "csr", randomState: 42 });
// py: np.random.seed(0); b = np.random.randn(1000)
np.random.seed(0);
const b2 = np.random.randn(1000) as np.NDArray;
// SciPy 1.17: A_sparse.nnz = 10000, A_sparse.data[:3] = [0.478018, 0.94486862, 0.36159509]
assert.equal(Asparse.nnz, 10000);
assert.ok(np.allclose(Asparse.data.slice(0, 3), [0.478018, 0.94486862, 0.36159509], { rtol: 1e-7 }));
console.log(
  `A_sparse: ${String(Asparse)}; dense it would take ${((8 * 1000 * 1000) / 1e6).toFixed(2)} MB, as CSR ${(Asparse.memoryBytes / 1e6).toFixed(3)} MB`,
);

// Solve sparse system (iterative methods)
// py: x, info = sparse_linalg.cg(A_sparse.T @ A_sparse, A_sparse.T @ b)
const AtA = Asparse.T.matmul(Asparse); // sparse @ sparse: sparse
const Atb = Asparse.T.matmul(b2); // sparse @ dense vector: dense
const { x: x2, info } = sparse.cg(AtA, Atb); // or const [x2, info] = … (typed as a union in TypeScript)
// py: print(f"\nSparse solve converged: {info == 0}")
console.log(`\nSparse solve converged: ${info === 0}`);
// SciPy: info 0, relative residual 9.4e-06 (cg stops at ‖r‖ < rtol·‖b‖, rtol = 1e-5 by default)
assert.equal(info, 0);
const relResidual = linalg.norm(AtA.matmul(x2).subtract(Atb)) / linalg.norm(Atb);
console.log(`relative residual ‖AᵀA·x − Aᵀb‖ / ‖Aᵀb‖ = ${relResidual.toExponential(2)} (below rtol = 1e-5)`);
assert.ok(relResidual < 1e-5);

// Sparse eigenvalues (find top k)
// py: A_symmetric = (A_sparse + A_sparse.T) / 2
const Asymmetric = Asparse.add(Asparse.T).multiply(0.5);
// py: eigenvalues, eigenvectors = sparse_linalg.eigsh(A_symmetric, k=5)
const { eigenvalues, eigenvectors } = sparse.eigsh(Asymmetric, { k: 5 });
// py: print(f"Top 5 eigenvalues: {eigenvalues}")
console.log(`Top 5 eigenvalues: ${str(eigenvalues)}`);
// SciPy 1.17: [-2.71578096 -2.66975171  2.63687596  2.64206294  5.40994221] (the 5 of largest
// magnitude, "LM", in ascending order); dense eigvalsh of the same matrix agrees
assert.ok(np.allclose(eigenvalues, [-2.71578096, -2.66975171, 2.63687596, 2.64206294, 5.40994221], { rtol: 0, atol: 1e-8 }));
// each pair satisfies A·v = λ·v to working precision, and the vectors are orthonormal
const residual = linalg.norm(Asymmetric.matmul(eigenvectors).subtract(eigenvectors.multiply(eigenvalues)));
assert.ok(residual < 1e-10, `eigsh residual ${residual}`);
assert.ok(linalg.norm(eigenvectors.T.matmul(eigenvectors).subtract(np.eye(5))) < 1e-10);

console.log("\n05-sparse-matrices: all checks passed");
