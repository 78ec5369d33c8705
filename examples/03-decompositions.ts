/**
 * 03 — Matrix decompositions: the tutorial's sections "Eigenvalue Decomposition", "Singular
 * Value Decomposition (SVD)", "QR Decomposition", "Cholesky Decomposition" and, from "How Can
 * You Use SciPy for Advanced Operations?", "LU Decomposition", line by line.
 *
 * Run: npx tsx examples/03-decompositions.ts
 * Every result is checked; a wrong number throws. Factorisations are checked LAPACK's way:
 * ‖A − F‖ / (n·‖A‖·eps) and ‖QᵀQ − I‖ / (n·eps) below a small constant, never a bare 1e-6.
 *
 * NumPy/SciPy → Sliderule here: tuples are named objects — `U, S, Vt = svd(A)` is
 * `const { U, S, Vh } = linalg.svd(A)`, `Q, R = qr(A)` is `const { Q, R } = linalg.qr(A)`,
 * `eigenvalues, eigenvectors = eigh(A)` is `const { eigenvalues, eigenvectors } = linalg.eigh(A)`,
 * `P, L, U = scipy.linalg.lu(A)` is `const { P, L, U } = linalg.lu(A)`; full_matrices →
 * fullMatrices, lu_factor / lu_solve → luFactor / luSolve.
 *
 * Not here: the rest of "How Can You Use SciPy for Advanced Operations?" ("SciPy vs NumPy
 * Comparison" and "Sparse Matrices") is examples/05-sparse-matrices.ts.
 */
import assert from "node:assert/strict";
import * as np from "@sliderule/ndarray";
import * as linalg from "@sliderule/linalg";

const show = (label: string, a: np.NDArray | number | string | boolean) => console.log(`${label}:\n${String(a)}\n`);
const eps = 2 ** -52;
/** |a − b| ≤ tol·max(1, |b|): a close-enough check for one number. */
const near = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} is not close to ${b}`);
/** ‖A − F‖_F / (max(m, n)·‖A‖_F·eps): LAPACK's scaled residual; below ~30 for a backward-stable F. */
const scaledError = (A: np.NDArray, F: np.NDArray) => linalg.norm(A.subtract(F)) / (Math.max(...A.shape) * linalg.norm(A) * eps);
/** ‖QᵀQ − I‖_F / (k·eps) for Q with k columns. */
const orthogonalityError = (Q: np.NDArray) => {
  const k = Q.shape[1];
  return linalg.norm(Q.T.matmul(Q).subtract(np.eye(k))) / (k * eps);
};
/** True when every entry below the diagonal (below = "upper") or above it (above = "lower") is exactly 0. */
const isTriangular = (M: np.NDArray, which: "upper" | "lower") => {
  const [m, n] = M.shape;
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) if ((which === "upper" ? i > j : j > i) && M.get(i, j) !== 0) return false;
  return true;
};

// ================================================================ Eigenvalue Decomposition
// Symmetric matrix (guaranteed real eigenvalues)
const A = np.array([
  [4, 2, 1],
  [2, 5, 3],
  [1, 3, 6],
]);

// Compute eigenvalues and eigenvectors. eig is for any square matrix: the eigenvalues come in
// the order the QR algorithm found them (not sorted), and are real here, so the result is
// float64 (a complex pair would make it complex128, as NumPy).
const { eigenvalues, eigenvectors } = linalg.eig(A);
show("Eigenvalues", eigenvalues);
show("Eigenvectors", eigenvectors);
assert.equal(eigenvalues.dtype, "float64");
assert.deepEqual(eigenvectors.shape, [3, 3]);

// For symmetric matrices (faster, more stable): ascending eigenvalues, orthonormal eigenvectors
const { eigenvalues: eigenvaluesSym, eigenvectors: eigenvectorsSym } = linalg.eigh(A);
show("Symmetric eigenvalues", eigenvaluesSym); // NumPy: [1.92134694 3.73015912 9.34849393]
assert.ok(np.allclose(eigenvaluesSym, [1.92134694, 3.73015912, 9.34849393], { rtol: 0, atol: 5e-9 }));
const lambdaTol = 10 * 3 * eps * linalg.norm(A, 2); // λ of a symmetric A: error ≤ c·n·eps·‖A‖₂
assert.ok(np.allclose(np.sort(eigenvalues), eigenvaluesSym, { rtol: 0, atol: lambdaTol }));
near(eigenvaluesSym.sum(), linalg.trace(A)); // Σλ = trace = 15
near(eigenvaluesSym.prod(), linalg.det(A)); // Πλ = det = 67
assert.ok(orthogonalityError(eigenvectorsSym) < 10);

// Eigenvalues only (faster if eigenvectors are not needed)
const eigenvaluesOnly = linalg.eigvals(A);
const eigenvaluesOnlySym = linalg.eigvalsh(A);
assert.ok(np.allclose(np.sort(eigenvaluesOnly), eigenvaluesSym, { rtol: 0, atol: lambdaTol }));
assert.ok(np.allclose(eigenvaluesOnlySym, eigenvaluesSym, { rtol: 0, atol: lambdaTol }));

// Verify: A @ v = λ * v for every eigenpair
for (let i = 0; i < eigenvalues.shape[0]; i++) {
  const v = eigenvectors.slice(":", i);
  const lam = eigenvalues.get(i);
  const Av = A.matmul(v);
  const lamV = v.multiply(lam);
  const residual = linalg.norm(Av.subtract(lamV));
  console.log(`λ=${lam.toFixed(4)}: ||Av - λv|| = ${residual.toExponential(2)}`);
  assert.ok(residual < lambdaTol);
  near(linalg.norm(v), 1); // unit eigenvectors, as LAPACK returns them
}

// Reconstruct the matrix from the eigendecomposition: V·diag(λ)·V⁻¹
const Areconstructed = eigenvectors.matmul(np.diag(eigenvalues)).matmul(linalg.inv(eigenvectors));
const eigError = linalg.norm(A.subtract(Areconstructed));
console.log(`\nReconstruction error: ${eigError.toExponential(2)}\n`);
assert.ok(scaledError(A, Areconstructed) < 30);
// With eigh, V is orthogonal, so V⁻¹ = Vᵀ and no inverse is needed
assert.ok(scaledError(A, eigenvectorsSym.matmul(np.diag(eigenvaluesSym)).matmul(eigenvectorsSym.T)) < 30);

// A matrix that is not symmetric can have complex eigenvalues: a rotation by 90° has ±i
const rotation = np.array([
  [0, -1],
  [1, 0],
]);
const rotationEigenvalues = linalg.eigvals(rotation);
show("eigvals of a 90° rotation", rotationEigenvalues);
assert.equal(rotationEigenvalues.dtype, "complex128");
assert.deepEqual(rotationEigenvalues.toArray(), [
  { re: 0, im: 1 },
  { re: 0, im: -1 },
]);

// ================================================================ Singular Value Decomposition (SVD)
// Any matrix (need not be square)
const As = np.array([
  [1, 2, 3],
  [4, 5, 6],
  [7, 8, 9],
  [10, 11, 12],
]);

// Full SVD
const { U, S, Vh } = linalg.svd(As);
console.log(`U shape: ${JSON.stringify(U.shape)}`); // (4, 4)
console.log(`S shape: ${JSON.stringify(S.shape)}`); // (3,): singular values
console.log(`Vt shape: ${JSON.stringify(Vh.shape)}`); // (3, 3)
show("\nSingular values", S); // NumPy: [2.54624074e+01 1.29066168e+00 ~2e-15]
assert.deepEqual(U.shape, [4, 4]);
assert.deepEqual(S.shape, [3]);
assert.deepEqual(Vh.shape, [3, 3]);
assert.ok(np.allclose(S.slice(":2"), [25.4624074, 1.29066168], { rtol: 0, atol: 5e-8 }));
// As has rank 2 (its columns are in arithmetic progression): the third σ is rounding noise
assert.ok(S.get(2) < 10 * 4 * eps * S.get(0));
assert.equal(linalg.matrixRank(As), 2);
assert.ok(orthogonalityError(U) < 10 && orthogonalityError(Vh.T) < 10);

// Reconstruct the full matrix. NumPy's np.fill_diagonal(S_full, S) is a write through the
// diagonal view here: S_full.diagonal() shares S_full's buffer.
const Sfull = np.zeros([4, 3]);
Sfull.diagonal().set(S);
const AsReconstructed = U.matmul(Sfull).matmul(Vh);
console.log(`Reconstruction error: ${linalg.norm(As.subtract(AsReconstructed)).toExponential(2)}`);
assert.ok(scaledError(As, AsReconstructed) < 30);

// Reduced SVD (more efficient for tall/wide matrices)
const reduced = linalg.svd(As, { fullMatrices: false });
console.log(`\nReduced U shape: ${JSON.stringify(reduced.U.shape)}`); // (4, 3)
console.log(`Reduced Vt shape: ${JSON.stringify(reduced.Vh.shape)}\n`); // (3, 3)
assert.deepEqual(reduced.U.shape, [4, 3]);
assert.deepEqual(reduced.Vh.shape, [3, 3]);
assert.ok(np.allclose(reduced.S, S, { rtol: 0, atol: 10 * 4 * eps * S.get(0) }));
assert.ok(scaledError(As, reduced.U.multiply(reduced.S).matmul(reduced.Vh)) < 30); // U·diag(S) = U * S (broadcast)

// Low-rank approximation (for compression/denoising)
/** Approximate A using its top k singular values. */
function lowRankApprox(M: np.NDArray, k: number): np.NDArray {
  const { U, S, Vh } = linalg.svd(M, { fullMatrices: false });
  return U.slice(":", `:${k}`)
    .matmul(np.diag(S.slice(`:${k}`)))
    .matmul(Vh.slice(`:${k}`, ":"));
}

// Example: image compression. A seeded random "image" so the numbers repeat from run to run.
np.random.seed(0);
const image = np.random.randn(100, 100);
const imageS = linalg.svd(image, { computeUv: false });
let previousError = Infinity;
for (const k of [5, 10, 20, 50]) {
  const approx = lowRankApprox(image, k);
  const error = linalg.norm(image.subtract(approx)) / linalg.norm(image);
  const compression = (k * (100 + 100 + 1)) / (100 * 100);
  console.log(`k=${k}: relative error=${error.toFixed(4)}, compression=${(100 * compression).toFixed(2)}%`);
  // Eckart–Young: the best rank-k error is exactly the energy in the discarded singular values
  const tail = imageS.slice(`${k}:`);
  near(error, Math.sqrt(tail.square().sum() / imageS.square().sum()), 1e-10);
  assert.equal(linalg.matrixRank(approx), k);
  assert.ok(error < previousError); // more singular values, smaller error
  previousError = error;
}
console.log();

// ================================================================ QR Decomposition
const Aq = np.array([
  [1, 2, 3],
  [4, 5, 6],
  [7, 8, 10],
]);

// QR decomposition
const { Q, R } = linalg.qr(Aq);
show("Q (orthogonal)", Q);
show("R (upper triangular)", R);
assert.ok(isTriangular(R, "upper"));
// LAPACK's signs, as NumPy: R[0, 0] = −‖A[:, 0]‖ = −sqrt(66)
near(R.get(0, 0), -Math.sqrt(66));

// Verify orthogonality: Q.T @ Q = I
show("Q.T @ Q", Q.T.matmul(Q));
assert.ok(orthogonalityError(Q) < 10);

// Verify: A = Q @ R
console.log(`Reconstruction error: ${linalg.norm(Aq.subtract(Q.matmul(R))).toExponential(2)}\n`);
assert.ok(scaledError(Aq, Q.matmul(R)) < 30);

// QR for solving least squares: fit y = slope·t + intercept through (1, 2), (2, 4), (3, 5.5)
const Als = np.array([
  [1, 1],
  [2, 1],
  [3, 1],
]);
const bls = np.array([2, 4, 5.5]);
const qrLs = linalg.qr(Als);
// Solve R @ x = Q.T @ b (R is triangular: linalg.solveTriangular does it without a second LU)
const xQr = linalg.solve(qrLs.R, qrLs.Q.T.matmul(bls));
console.log(`Least squares via QR: ${String(xQr)}`); // NumPy: [1.75       0.33333333]
assert.ok(np.allclose(xQr, [1.75, 1 / 3], { rtol: 0, atol: 1e-14 }));
assert.ok(np.allclose(linalg.solveTriangular(qrLs.R, qrLs.Q.T.matmul(bls)), xQr, { rtol: 0, atol: 1e-14 }));
assert.ok(np.allclose(linalg.lstsq(Als, bls).x, xQr, { rtol: 0, atol: 1e-14 }));
assert.ok(np.allclose(linalg.lstsqQR(Als, bls), xQr, { rtol: 0, atol: 1e-14 }));

// Reduced QR for tall matrices
const Atall = np.random.randn(100, 5);
const complete = linalg.qr(Atall, { mode: "complete" });
const reducedQr = linalg.qr(Atall, { mode: "reduced" });
console.log(`\nFull Q shape: ${JSON.stringify(complete.Q.shape)}`); // (100, 100)
console.log(`Reduced Q shape: ${JSON.stringify(reducedQr.Q.shape)}\n`); // (100, 5)
assert.deepEqual(complete.Q.shape, [100, 100]);
assert.deepEqual(complete.R.shape, [100, 5]);
assert.deepEqual(reducedQr.Q.shape, [100, 5]);
assert.deepEqual(reducedQr.R.shape, [5, 5]);
assert.ok(orthogonalityError(complete.Q) < 10 && orthogonalityError(reducedQr.Q) < 10);
assert.ok(scaledError(Atall, complete.Q.matmul(complete.R)) < 30);
assert.ok(scaledError(Atall, reducedQr.Q.matmul(reducedQr.R)) < 30);
// The reduced factors are the leading columns / rows of the complete ones; R's other 95 rows are 0
assert.ok(np.allclose(complete.Q.slice(":", ":5"), reducedQr.Q, { rtol: 0, atol: 1e-13 }));
assert.ok(np.allclose(complete.R.slice(":5"), reducedQr.R, { rtol: 0, atol: 1e-13 }));
assert.equal(np.abs(complete.R.slice("5:")).max(), 0);

// ================================================================ Cholesky Decomposition
// Positive definite matrix
const Ac = np.array([
  [4, 2, 1],
  [2, 5, 2],
  [1, 2, 6],
]);

// Cholesky decomposition: A = L @ L.T
const L = linalg.cholesky(Ac);
show("L (lower triangular)", L);
assert.ok(isTriangular(L, "lower"));
assert.ok(
  np.allclose(
    L,
    [
      [2, 0, 0],
      [1, 2, 0],
      [0.5, 0.75, Math.sqrt(6 - 0.25 - 0.5625)],
    ],
    { rtol: 0, atol: 1e-15 },
  ),
);

// Verify: A = L @ L.T
show("Reconstruction", L.matmul(L.T));
console.log(`Reconstruction error: ${linalg.norm(Ac.subtract(L.matmul(L.T))).toExponential(2)}\n`);
assert.ok(scaledError(Ac, L.matmul(L.T)) < 30);

// Solving linear systems with Cholesky (faster for SPD matrices)
const bc = np.array([1, 2, 3]);
// Step 1: Solve L @ y = b
const y = linalg.solve(L, bc);
// Step 2: Solve L.T @ x = y
const xc = linalg.solve(L.T, y);
console.log(`Solution via Cholesky: ${String(xc)}`); // NumPy: [0.03614458 0.21686747 0.42168675]
console.log(`Verification: ${String(Ac.matmul(xc))}\n`); // [1. 2. 3.]
assert.ok(np.allclose(Ac.matmul(xc), bc, { rtol: 0, atol: 1e-14 }));
assert.ok(np.allclose(xc.multiply(83), [3, 18, 35], { rtol: 0, atol: 1e-13 })); // x = [3, 18, 35] / 83 exactly
// The triangular solves are what solve(L, b) should be: O(n²) each, no LU of L. In Sliderule
// that is solveTriangular, or choFactor + choSolve (SciPy's cho_factor / cho_solve) in one go.
const yTri = linalg.solveTriangular(L, bc, { lower: true });
const xTri = linalg.solveTriangular(L.T, yTri, { lower: false });
assert.ok(np.allclose(xTri, xc, { rtol: 0, atol: 1e-15 }));
assert.ok(np.allclose(linalg.choSolve(linalg.choFactor(Ac), bc), xc, { rtol: 0, atol: 1e-15 }));

// Create a positive definite matrix from any matrix: M·Mᵀ is positive semidefinite, + 0.1·I definite
const randomMatrix = np.random.randn(4, 4);
const positiveDefinite = randomMatrix.matmul(randomMatrix.T).add(np.eye(4).multiply(0.1));
const Lrandom = linalg.cholesky(positiveDefinite);
assert.ok(isTriangular(Lrandom, "lower"));
assert.ok(np.all(Lrandom.diagonal().greater(0)));
assert.ok(scaledError(positiveDefinite, Lrandom.matmul(Lrandom.T)) < 30);
assert.ok(linalg.eigvalsh(positiveDefinite).get(0) >= 0.1 * (1 - 1e-12)); // λ_min(M·Mᵀ + 0.1·I) ≥ 0.1
// A matrix that is not positive definite is refused, as np.linalg.cholesky raises LinAlgError
assert.throws(
  () =>
    linalg.cholesky([
      [1, 2],
      [2, 1],
    ]),
  (e: unknown) => e instanceof linalg.LinAlgError && e.kind === "notPositiveDefinite",
);

// ================================================================ LU Decomposition (SciPy)
const Alu = np.array([
  [2, 1, 1],
  [4, 3, 3],
  [8, 7, 9],
]);

// LU decomposition with partial pivoting
const { P, L: Llu, U: Ulu } = linalg.lu(Alu);
show("P (permutation)", P);
show("L (lower triangular)", Llu);
show("U (upper triangular)", Ulu);
// SciPy prints the same three factors: the pivot rows are 8 7 9, then 2 1 1, then 4 3 3
assert.deepEqual(P.toArray(), [
  [0, 1, 0],
  [0, 0, 1],
  [1, 0, 0],
]);
assert.ok(
  np.allclose(
    Llu,
    [
      [1, 0, 0],
      [0.25, 1, 0],
      [0.5, 2 / 3, 1],
    ],
    { rtol: 0, atol: 1e-15 },
  ),
);
assert.ok(
  np.allclose(
    Ulu,
    [
      [8, 7, 9],
      [0, -0.75, -1.25],
      [0, 0, -2 / 3],
    ],
    { rtol: 0, atol: 1e-15 },
  ),
);
assert.ok(isTriangular(Llu, "lower") && isTriangular(Ulu, "upper"));

// Verify: A = P @ L @ U
console.log(`Reconstruction error: ${linalg.norm(Alu.subtract(P.matmul(Llu).matmul(Ulu))).toExponential(2)}`);
assert.ok(scaledError(Alu, P.matmul(Llu).matmul(Ulu)) < 30);

// Efficient solving with the LU factorisation: factor once, solve for each right-hand side
const luFactorization = linalg.luFactor(Alu);
assert.deepEqual(luFactorization.piv.toArray(), [2, 2, 2]); // SciPy's piv, 0-based
const b1 = np.array([1, 2, 3]);
const b2 = np.array([4, 5, 6]);
const x1 = linalg.luSolve(luFactorization, b1);
const x2 = linalg.luSolve(luFactorization, b2);
console.log(`\nSolution 1: ${String(x1)}`); // SciPy: [ 0.5  0.5 -0.5]
console.log(`Solution 2: ${String(x2)}\n`); // SciPy: [ 3.5 -2.5 -0.5]
assert.ok(np.allclose(x1, [0.5, 0.5, -0.5], { rtol: 0, atol: 1e-14 }));
assert.ok(np.allclose(x2, [3.5, -2.5, -0.5], { rtol: 0, atol: 1e-14 }));
assert.ok(np.allclose(Alu.matmul(x1), b1, { rtol: 0, atol: 1e-13 }));
assert.ok(np.allclose(Alu.matmul(x2), b2, { rtol: 0, atol: 1e-13 }));
// Both right-hand sides at once, as the columns of one B
assert.ok(np.allclose(linalg.luSolve(luFactorization, np.stack([b1, b2], 1)), np.stack([x1, x2], 1), { rtol: 0, atol: 1e-14 }));

console.log("03-decompositions: all checks passed");
