/**
 * 06 — Principal component analysis: the tutorial's section "Real-World ML Applications →
 * Principal Component Analysis (PCA)". Its `pca_from_scratch` is written by hand exactly as the
 * tutorial does (centre, covariance, eigh, sort descending, top k, transform, explained variance
 * ratio) on the tutorial's data (np.random.seed(42); X = np.random.randn(100, 10); 3
 * components), then the same fit through @sliderule/ml's `PCA` with the tutorial's solver
 * (`svdSolver: "covarianceEigh"`) and with the default "full" solver (an SVD of the centred
 * data, which never forms the covariance), and the three are shown to agree.
 *
 * Run: npx tsx examples/06-pca.ts
 * Every result is checked; a wrong number throws. Lines marked `py:` are the tutorial's Python;
 * the line below translates them. The tutorial prints no output for this section, so the
 * values checked here were computed by NumPy 2.4 / scikit-learn 1.2 (the Python call is beside
 * each), pasted as literals.
 *
 * NumPy / scikit-learn → Sliderule here:
 *   np.random.seed(42); np.random.randn(100, 10)  → np.random.seed(42); np.random.randn(100, 10)
 *                                                   (NumPy's legacy MT19937 stream, number for number)
 *   X.mean(axis=0), X - m, A.T @ B                → X.mean(0), X.subtract(m), A.T.matmul(B)
 *   eigenvalues, eigenvectors = np.linalg.eigh(C) → const { eigenvalues, eigenvectors } = linalg.eigh(C)
 *   np.argsort(w)[::-1], w[idx], V[:, idx]        → np.argsort(w).slice("::-1"), w.slice(idx), V.slice(":", idx)
 *   V[:, :k], w[:k], w.sum()                      → V.slice(":", ":k"), w.slice(":k"), w.sum() (a number)
 *   PCA(n_components=3, svd_solver="covariance_eigh") → new PCA({ nComponents: 3, svdSolver: "covarianceEigh" })
 *   pca.components_, pca.explained_variance_ratio_ → pca.components, pca.explainedVarianceRatio
 */
import assert from "node:assert/strict";
import * as np from "@sliderule/ndarray";
import * as linalg from "@sliderule/linalg";
import { PCA } from "@sliderule/ml";

const show = (label: string, a: np.NDArray | number | string | boolean) => console.log(`${label}:\n${String(a)}\n`);
const shapeOf = (a: np.NDArray) => `(${a.shape.join(", ")})`; // Python's tuple spelling
const str = (a: np.NDArray) => np.arrayToString(a); // Python's str(a), what an f-string prints
const eps = 2 ** -52;
/** ‖QᵀQ − I‖_F / (k·eps) for Q with k orthonormal columns: below ~10 for a backward-stable Q. */
const orthogonalityError = (Q: np.NDArray) => {
  const k = Q.shape[1];
  return linalg.norm(Q.T.matmul(Q).subtract(np.eye(k))) / (k * eps);
};

// ================================================================ PCA from scratch
/**
 * PCA through the eigendecomposition of the covariance matrix, line by line as the tutorial.
 * X: (n_samples, n_features). Returns X_reduced (n, k), components (d, k) as columns, the
 * explained variance ratios (k,), and (for the checks below) all d sorted eigenvalues.
 */
function pcaFromScratch(X: np.NDArray, nComponents: number) {
  // Center the data
  // py: X_centered = X - X.mean(axis=0)
  const Xcentered = X.subtract(X.mean(0));
  // Compute covariance matrix
  // py: cov_matrix = (X_centered.T @ X_centered) / (n_samples - 1)
  const nSamples = X.shape[0];
  const covMatrix = Xcentered.T.matmul(Xcentered).divide(nSamples - 1);
  // Eigendecomposition (eigh: for symmetric matrices; eigenvalues come ascending)
  // py: eigenvalues, eigenvectors = np.linalg.eigh(cov_matrix)
  let { eigenvalues, eigenvectors } = linalg.eigh(covMatrix);
  // Sort by eigenvalue (descending)
  // py: idx = np.argsort(eigenvalues)[::-1]
  const idx = np.argsort(eigenvalues).slice("::-1");
  // py: eigenvalues = eigenvalues[idx]; eigenvectors = eigenvectors[:, idx]
  eigenvalues = eigenvalues.slice(idx);
  eigenvectors = eigenvectors.slice(":", idx);
  // Select top k components
  // py: components = eigenvectors[:, :n_components]
  const components = eigenvectors.slice(":", `:${nComponents}`);
  // Transform data
  // py: X_reduced = X_centered @ components
  const Xreduced = Xcentered.matmul(components);
  // Explained variance ratio
  // py: explained_variance_ratio = eigenvalues[:n_components] / eigenvalues.sum()
  const explainedVarianceRatio = eigenvalues.slice(`:${nComponents}`).divide(eigenvalues.sum());
  return { Xreduced, components, explainedVarianceRatio, eigenvalues, covMatrix };
}

// Example usage
// py: np.random.seed(42); X = np.random.randn(100, 10)  # 100 samples, 10 features
np.random.seed(42);
const X = np.random.randn(100, 10);
const [n, d] = X.shape;
const k = 3;
// Our legacy RandomState is NumPy's stream: the same numbers, bit for bit
// (python3: np.random.seed(42); X = np.random.randn(100, 10); X[0, :3], X[99, 9])
console.log(`X[0, :3] = ${str(X.slice(0, ":3"))}, X[99, 9] = ${X.get(99, 9)} (NumPy: [ 0.49671415 -0.1382643   0.64768854], 0.5725827813561586)\n`);
assert.deepEqual(X.slice(0, ":3").toArray(), [0.4967141530112327, -0.13826430117118466, 0.6476885381006925]);
assert.equal(X.get(99, 9), 0.5725827813561586);

// py: X_reduced, components, variance_ratio = pca_from_scratch(X, n_components=3)
const { Xreduced, components, explainedVarianceRatio: varianceRatio, eigenvalues, covMatrix } = pcaFromScratch(X, k);
console.log(`Original shape: ${shapeOf(X)}`);
console.log(`Reduced shape: ${shapeOf(Xreduced)}`);
console.log(`Variance explained: ${str(varianceRatio)}`);
console.log(`Total variance: ${(100 * varianceRatio.sum()).toFixed(2)}%\n`);
assert.deepEqual(X.shape, [100, 10]);
assert.deepEqual(Xreduced.shape, [100, 3]);
assert.deepEqual(components.shape, [10, 3]);
// NumPy prints "Variance explained: [0.16326453 0.14080708 0.11550569]" and "Total variance: 41.96%"
assert.equal(str(varianceRatio), "[0.16326453 0.14080708 0.11550569]");
assert.equal(`${(100 * varianceRatio.sum()).toFixed(2)}%`, "41.96%");

// The numbers against NumPy's (python3, NumPy 2.4: pca_from_scratch as above, and
// np.linalg.eigh's sorted eigenvalues). The covariance is summed in another order than
// NumPy's BLAS, so each eigenvalue may differ by about (n + d)·eps·Σλ, and a ratio by (n + d)·eps.
const numpyEigenvalues = [
  1.5754304575467117, 1.3587259735715989, 1.114578822579557, 1.0709237887939125, 0.9645657129095017, 0.8856427248072084, 0.8305288767406659, 0.7604721471604118,
  0.6207243808114591, 0.46796465525516945,
];
const numpyRatio = [0.1632645280353388, 0.1408070751342231, 0.11550569214588105];
const totalVariance = eigenvalues.sum(); // = trace of the covariance
assert.ok(np.allclose(eigenvalues, numpyEigenvalues, { rtol: 0, atol: (n + d) * eps * totalVariance }));
assert.ok(np.allclose(varianceRatio, numpyRatio, { rtol: 0, atol: (n + d) * eps }));

// What the hand-written PCA promises, checked LAPACK's way:
// 1. the eigenpairs: ‖C·V − V·Λ‖ / (d·‖C‖·eps) small, and V orthonormal
const { eigenvalues: Lall, eigenvectors: Vall } = linalg.eigh(covMatrix); // all d pairs, ascending
const eigResidual = linalg.norm(covMatrix.matmul(Vall).subtract(Vall.multiply(Lall))) / (d * linalg.norm(covMatrix, 2) * eps);
console.log(`‖C·V − V·Λ‖ / (d·‖C‖·eps) = ${eigResidual.toFixed(2)}, ‖VᵀV − I‖ / (k·eps) = ${orthogonalityError(components).toFixed(2)}`);
assert.ok(eigResidual < 10);
assert.ok(orthogonalityError(components) < 10);
// 2. the sort: descending, and the trace is the sum of the eigenvalues
for (let i = 1; i < d; i++) assert.ok(eigenvalues.get(i - 1) >= eigenvalues.get(i));
assert.ok(Math.abs(totalVariance - linalg.trace(covMatrix)) <= d * eps * totalVariance);
// 3. the projections: column j of X_reduced has sample variance λ_j, and the columns are uncorrelated
const projectedCov = Xreduced.T.matmul(Xreduced).divide(n - 1); // X_reduced is centred already
show("Covariance of X_reduced (diagonal = the top 3 eigenvalues)", projectedCov);
assert.ok(np.allclose(projectedCov, np.diag(eigenvalues.slice(":3")), { rtol: 0, atol: 10 * (n + d) * eps * eigenvalues.get(0) }));

// ================================================================ The same with @sliderule/ml's PCA
// The sign of an eigenvector is arbitrary (if C·v = λ·v, then C·(−v) = λ·(−v)), so eigh may hand
// back v or −v. scikit-learn makes the choice deterministic with svd_flip: each component (a
// row of components_) is flipped so that its entry of largest |·| is positive. Our PCA applies
// the same rule (decomposition/svd-flip.ts), whatever solver found the vectors.
function flipLikeScikitLearn(V: np.NDArray): np.NDArray {
  // V: (d, k) components as columns → (k, d) rows with their largest-|·| entry positive
  const rows = V.T.copy();
  for (let r = 0; r < rows.shape[0]; r++) {
    const j = np.abs(rows.slice(r)).argmax();
    if (rows.get(r, j) < 0) rows.set(r, rows.slice(r).negative());
  }
  return rows;
}
const handComponents = flipLikeScikitLearn(components); // (k, d)
// python3: V = components.T; each row times sign(row[argmax |row|]); V[:, :3]
const numpyFlipped = [
  [-0.06456179252792503, 0.633580211410727, 0.1430738350352111],
  [-0.0329761985594783, 0.01963895851903616, 0.5726884598568297],
  [0.3433603973197041, -0.352421192994926, 0.06267112855926693],
];
show("Hand-written components, sign-flipped as scikit-learn, first 3 features", handComponents.slice(":", ":3"));

// How far two computations of the same eigenvector may drift: a perturbation ‖ΔC‖ of the
// covariance turns v_j by about ‖ΔC‖ / gap_j, gap_j the distance from λ_j to its nearest other
// eigenvalue (Davis–Kahan; Golub & Van Loan §8.1.3). Here ‖ΔC‖ ≲ (n + d)·eps·‖C‖, and the
// smallest gap among the top 3 is λ_3 − λ_4 ≈ 0.044.
let minGap = Infinity;
for (let j = 0; j < k; j++) {
  if (j > 0) minGap = Math.min(minGap, eigenvalues.get(j - 1) - eigenvalues.get(j));
  minGap = Math.min(minGap, eigenvalues.get(j) - eigenvalues.get(j + 1));
}
const vectorTol = (10 * (n + d) * eps * eigenvalues.get(0)) / minGap;
assert.ok(np.allclose(handComponents.slice(":", ":3"), numpyFlipped, { rtol: 0, atol: vectorTol }));

/** Compare a fitted PCA with the hand-written result: components up to sign, ratios, projections. */
function checkAgainstHandWritten(pca: PCA, label: string) {
  const C = pca.components!; // (k, d): rows are the principal axes
  assert.deepEqual(C.shape, [k, d]);
  // up to the sign of each component: s_j = sign(⟨pca_j, hand_j⟩), then ‖pca_j − s_j·hand_j‖ small
  let worst = 0;
  for (let j = 0; j < k; j++) {
    const s = Math.sign(np.dot(C.slice(j), components.slice(":", j)) as number);
    assert.notEqual(s, 0);
    worst = Math.max(worst, linalg.norm(C.slice(j).subtract(components.slice(":", j).multiply(s))));
    // and the sign is scikit-learn's: the entry of largest |·| is positive
    const row = C.slice(j);
    assert.ok(row.get(np.abs(row).argmax()) > 0, `${label}: component ${j} breaks the sign rule`);
  }
  // so, with the same rule applied to the hand-written vectors, they are equal outright
  assert.ok(np.allclose(C, handComponents, { rtol: 0, atol: vectorTol }));
  // explained variance ratios: equal (eigenvalues are well conditioned, error ≲ ‖ΔC‖)
  const ratioGap = np.max(np.abs(pca.explainedVarianceRatio!.subtract(varianceRatio)));
  assert.ok(ratioGap <= (n + d) * eps, `${label}: ratios differ by ${ratioGap}`);
  // transform(X) = X_reduced with each column times its sign
  const signs = np.sign(np.sum(C.T.multiply(components), { axis: 0 })); // (k,)
  assert.ok(np.allclose(pca.transform(X), Xreduced.multiply(signs), { rtol: 0, atol: 10 * vectorTol * linalg.norm(X, Infinity) }));
  console.log(`${label}: components agree with the hand-written ones to ${worst.toExponential(1)} (up to sign), ratios to ${ratioGap.toExponential(1)}`);
}

// py (scikit-learn ≥ 1.5): PCA(n_components=3, svd_solver="covariance_eigh").fit(X)
const pcaEigh = new PCA({ nComponents: k, svdSolver: "covarianceEigh" }).fit(X);
show('PCA({ nComponents: 3, svdSolver: "covarianceEigh" }).explainedVarianceRatio', pcaEigh.explainedVarianceRatio!);
checkAgainstHandWritten(pcaEigh, "covarianceEigh");

// py: PCA(n_components=3).fit(X)  (svd_solver="full": the SVD of X_centered, no covariance formed)
const pcaFull = new PCA({ nComponents: k }).fit(X);
show("PCA({ nComponents: 3 }).explainedVarianceRatio", pcaFull.explainedVarianceRatio!);
checkAgainstHandWritten(pcaFull, "full");
console.log();

// scikit-learn 1.2.1 (/usr/bin/python3): PCA(n_components=3).fit(X).explained_variance_
const sklearnExplainedVariance = [1.5754304575467104, 1.3587259735715973, 1.1145788225795574];
assert.ok(np.allclose(pcaFull.explainedVariance!, sklearnExplainedVariance, { rtol: 0, atol: (n + d) * eps * totalVariance }));
// explainedVariance_j = σ_j² / (n − 1): the squared singular values of X_centered are the eigenvalues of its Gram matrix
assert.ok(np.allclose(pcaFull.singularValues!.square().divide(n - 1), pcaFull.explainedVariance!, { rtol: 4 * eps, atol: 0 }));

// The covariance route squares the condition number (C = X_cᵀX_c / (n − 1)): an eigenvalue
// below ~eps·λ_max loses its relative accuracy, where the SVD keeps it. Here the spectrum is
// flat (λ_max / λ_min ≈ 3.4), so both are accurate and agree, as checked above.
console.log(`λ_max / λ_min = ${(eigenvalues.get(0) / eigenvalues.get(d - 1)).toFixed(2)}: well conditioned, both solvers agree`);

console.log("06-pca: all checks passed");
