/**
 * 02 — Matrix properties, inverses and linear systems: the tutorial's sections "Matrix
 * Properties" (det, matrix_rank, trace, matrix and vector norms, cond), "Matrix Inverse and
 * Pseudo-Inverse" and "Solving Linear Systems" (solve, several right-hand sides, least squares
 * with lstsq), plus the FAQs "How do I handle singular matrices?" and "When should I use
 * np.dot vs @ vs np.matmul?", line by line.
 *
 * Run: npx tsx examples/02-matrix-properties-and-solving.ts
 * Every result is checked; a wrong number throws.
 *
 * NumPy → Sliderule here: np.linalg.matrix_rank → linalg.matrixRank, np.trace → linalg.trace,
 * np.linalg.lstsq(A, b, rcond=None) → linalg.lstsq(A, b, { rcond: null }) → { x, residuals,
 * rank, s }. Scalar results (det, norm, cond, rank, trace) are 0-d arrays: `.item()` is the number.
 */
import assert from "node:assert/strict";
import * as np from "@sliderule/ndarray";
import * as linalg from "@sliderule/linalg";

const show = (label: string, a: np.NDArray | number | string | boolean) => console.log(`${label}:\n${String(a)}\n`);
const eps = 2 ** -52;
/** |a − b| ≤ tol·max(1, |b|): a close-enough check for one number. */
const near = (a: number, b: number, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} is not close to ${b}`);

// ================================================================ Matrix Properties
const A = np.array([
  [1, 2, 3],
  [4, 5, 6],
  [7, 8, 10],
]);

// Determinant
const det = linalg.det(A); // a JS number, as NumPy's scalar
console.log(`Determinant: ${det.toFixed(4)}`); // NumPy: Determinant: -3.0000
assert.equal(det.toFixed(4), "-3.0000");
near(det, -3, 1e-13); // computed from the LU factors, so within a few ulps of the exact -3

// Matrix rank
const rank = linalg.matrixRank(A);
console.log(`Rank: ${rank}`);
assert.equal(rank, 3);

// Trace (sum of diagonal): a JS number, as np.trace's scalar
const trace = linalg.trace(A);
console.log(`Trace: ${trace}`);
assert.equal(trace, 16);

// Norms
const frobeniusNorm = linalg.norm(A); // Frobenius (default)
const frobeniusNormExplicit = linalg.norm(A, "fro");
const spectralNorm = linalg.norm(A, 2); // largest singular value
const l1Norm = linalg.norm(A, 1); // max column sum
const infNorm = linalg.norm(A, Infinity); // max row sum
const nuclearNorm = linalg.norm(A, "nuc"); // sum of singular values
console.log(`Frobenius norm: ${frobeniusNorm.toFixed(4)}`); // NumPy: 17.4356
console.log(`Spectral norm: ${spectralNorm.toFixed(4)}`); // NumPy: 17.4125
console.log(`L1 norm: ${l1Norm}, inf norm: ${infNorm}, nuclear norm: ${nuclearNorm.toFixed(4)}\n`);
assert.equal(frobeniusNorm.toFixed(4), "17.4356");
assert.equal(spectralNorm.toFixed(4), "17.4125");
near(frobeniusNorm, Math.sqrt(304)); // sqrt(1 + 4 + 9 + ... + 100)
assert.equal(frobeniusNormExplicit, frobeniusNorm);
assert.equal(l1Norm, 19); // column 3: 3 + 6 + 10
assert.equal(infNorm, 25); // row 3: 7 + 8 + 10
// The SVD ties the three unitarily invariant norms together: σ_max, sqrt(Σσ²), Σσ
const sigma = linalg.svd(A, { computeUv: false });
show("Singular values of A", sigma);
near(spectralNorm, sigma.get(0));
near(frobeniusNorm, Math.sqrt(sigma.square().sum()));
near(nuclearNorm, sigma.sum());
assert.ok(spectralNorm <= frobeniusNorm && frobeniusNorm <= nuclearNorm);

// Vector norms
const v = np.array([3, 4]);
const l1 = linalg.norm(v, 1); // |3| + |4| = 7
const l2 = linalg.norm(v, 2); // sqrt(9 + 16) = 5
const linf = linalg.norm(v, Infinity); // max(|3|, |4|) = 4
console.log(`Vector norms of [3, 4]: L1 = ${l1}, L2 = ${l2}, Linf = ${linf}`);
assert.equal(l1, 7);
assert.equal(l2, 5);
assert.equal(linf, 4);

// Condition number (indicates numerical stability): σ_max / σ_min
const cond = linalg.cond(A);
console.log(`Condition number: ${cond.toFixed(4)}\n`); // NumPy: 88.4483
assert.equal(cond.toFixed(4), "88.4483");
near(cond, sigma.get(0) / sigma.get(2), 1e-12);

// ================================================================ Matrix Inverse and Pseudo-Inverse
// Square invertible matrix
const A2 = np.array([
  [4, 7],
  [2, 6],
]);

// Matrix inverse: 1/10 · [[6, -7], [-2, 4]]
const A2inv = linalg.inv(A2);
show("Inverse", A2inv);
assert.ok(
  np.allclose(A2inv, [
    [0.6, -0.7],
    [-0.2, 0.4],
  ]),
);

// Verify: A @ A_inv = I
const identityCheck = A2.matmul(A2inv);
show("A @ A_inv", identityCheck);
assert.ok(np.allclose(identityCheck, np.eye(2), { rtol: 0, atol: 10 * eps }));

// For numerical stability, prefer solving directly over inverting:
// instead of x = A_inv @ b, use x = linalg.solve(A, b) (see "Solving Linear Systems" below).
// (The tutorial's SciPy comparison, scipy.linalg.inv vs np.linalg.inv, has no counterpart:
// Sliderule has one inv, so there is no second implementation to compare against.)

// Moore-Penrose pseudo-inverse (for non-square or singular matrices)
const B = np.array([
  [1, 2, 3],
  [4, 5, 6],
]); // 2x3 matrix
const Bpinv = linalg.pinv(B);
console.log(`Pseudo-inverse shape: ${JSON.stringify(Bpinv.shape)}`); // (3, 2)
assert.deepEqual(Bpinv.shape, [3, 2]);

// Verify: B @ B_pinv @ B ≈ B
const reconstruction = B.matmul(Bpinv).matmul(B);
show("Reconstruction check", reconstruction);
assert.ok(np.allclose(reconstruction, B, { rtol: 0, atol: 100 * eps * linalg.norm(B) }));
// The other three Penrose conditions: B⁺BB⁺ = B⁺, and BB⁺, B⁺B symmetric
assert.ok(np.allclose(Bpinv.matmul(B).matmul(Bpinv), Bpinv, { rtol: 0, atol: 1e-13 }));
assert.ok(np.allclose(B.matmul(Bpinv), B.matmul(Bpinv).T, { rtol: 0, atol: 1e-13 }));
assert.ok(np.allclose(Bpinv.matmul(B), Bpinv.matmul(B).T, { rtol: 0, atol: 1e-13 }));

// FAQ: How do I handle singular matrices?
const singular = np.array([
  [1, 2],
  [2, 4],
]); // rank 1
// inv raises LinAlgError (kind "singular"), as np.linalg.inv does
assert.throws(
  () => linalg.inv(singular),
  (e: unknown) => e instanceof linalg.LinAlgError && e.kind === "singular",
);
// Use the pseudo-inverse instead: for this rank-1 A = u·uᵀ with u = [1, 2], A⁺ = A / ‖u‖⁴ = A / 25
const singularPinv = linalg.pinv(singular);
show("pinv of the singular [[1, 2], [2, 4]]", singularPinv);
assert.ok(np.allclose(singularPinv, singular.divide(25), { rtol: 0, atol: 1e-15 }));
// Or check the condition number first
const singularCond = linalg.cond(singular);
if (singularCond > 1e10) console.log(`Matrix is near-singular! (cond = ${singularCond.toExponential(2)})\n`);
assert.ok(singularCond > 1e10);

// ================================================================ Solving Linear Systems
// System: Ax = b
//   3x + 2y = 7
//    x + 4y = 9
const As = np.array([
  [3, 2],
  [1, 4],
]);
const b = np.array([7, 9]);

// Method 1: Direct solve (recommended)
const x = linalg.solve(As, b);
console.log(`Solution: x=${x.get(0).toFixed(4)}, y=${x.get(1).toFixed(4)}`); // x=1.0000, y=2.0000
assert.ok(np.allclose(x, [1, 2], { rtol: 0, atol: 10 * eps }));

// Verify
const Ax = As.matmul(x);
console.log(`Verification: A @ x = ${String(Ax)}`);
assert.ok(np.allclose(Ax, b, { rtol: 0, atol: 100 * eps }));

// Method 2: Using inverse (less stable, slower)
const xInv = linalg.inv(As).matmul(b);
console.log(`Via inverse: ${String(xInv)}\n`);
assert.ok(np.allclose(xInv, x, { rtol: 0, atol: 100 * eps }));

// Multiple right-hand sides: each column of B is its own system
const Bs = np.array([
  [7, 14],
  [9, 18],
]); // two systems
const X = linalg.solve(As, Bs);
show("Multiple solutions", X);
assert.deepEqual(X.shape, [2, 2]);
assert.ok(
  np.allclose(
    X,
    [
      [1, 2],
      [2, 4],
    ],
    { rtol: 0, atol: 100 * eps },
  ),
);
assert.ok(np.allclose(X.slice(":", 0), x)); // the first column is the system above

// Least squares solution (for overdetermined systems): more equations than unknowns.
// Fit y = slope·t + intercept through (1, 2.1), (2, 3.9), (3, 6.2), (4, 7.8).
const Aover = np.array([
  [1, 1],
  [2, 1],
  [3, 1],
  [4, 1],
]);
const bover = np.array([2.1, 3.9, 6.2, 7.8]);

// Using lstsq: NumPy's tuple (x, residuals, rank, s) is an object here
const { x: xLs, residuals, rank: lsRank, s } = linalg.lstsq(Aover, bover, { rcond: null });
console.log(`Least squares solution: slope=${xLs.get(0).toFixed(4)}, intercept=${xLs.get(1).toFixed(4)}`);
console.log(`Residuals: ${String(residuals)}\n`);
// NumPy prints: slope=1.9400, intercept=0.1500 and Residuals: [0.082]
assert.equal(xLs.get(0).toFixed(4), "1.9400");
assert.equal(xLs.get(1).toFixed(4), "0.1500");
near(xLs.get(0), 1.94, 1e-13); // Sxy / Sxx = 9.7 / 5
near(xLs.get(1), 0.15, 1e-12); // mean(y) − slope·mean(t) = 5 − 1.94·2.5
assert.deepEqual(residuals.shape, [1]);
near(residuals.get(0), 0.082, 1e-12); // 0.01² + 0.13² + 0.23² + 0.11²
assert.equal(lsRank, 2);
assert.deepEqual(s.shape, [2]);
// residuals is ‖b − A·x‖², and the residual vector is orthogonal to A's columns (normal equations)
const r = bover.subtract(Aover.matmul(xLs));
near(r.square().sum(), residuals.get(0), 1e-12);
assert.ok(np.allclose(Aover.T.matmul(r), [0, 0], { rtol: 0, atol: 1e-13 }));

// FAQ: When should I use np.dot vs @ vs np.matmul? For vectors both give the scalar 11
const u1 = np.array([1, 2]);
const u2 = np.array([3, 4]);
assert.equal(np.dot(u1, u2), 11);
assert.equal(u1.matmul(u2).item(), 11);
assert.ok(np.arrayEqual(np.matmul(As, Bs), np.dot(As, Bs)));

console.log("02-matrix-properties-and-solving: all checks passed");
