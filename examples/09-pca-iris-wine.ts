/**
 * 09 — PCA on real data: iris and wine (issue #13, "walkthroughs on real data"). Iris's four
 * measurements are in the same unit (cm), so PCA goes straight at them: two components keep
 * 97.8% of the variance and separate the species. Wine's thirteen are not (proline, in mg/L,
 * has a variance of ~99 000; hue, ~0.05): unscaled, PC1 *is* proline and explains 99.8% of the
 * "variance", a statement about units, not about wine. Standardised first (StandardScaler: each
 * feature to mean 0, variance 1), the variance spreads over many components and the first two
 * separate the three cultivars. Charts: the 2-D projections coloured by class (pcaScatter) and
 * the scree plots (screePlot), written to out/09-pca-iris-wine/.
 *
 * Run: npx tsx examples/09-pca-iris-wine.ts
 * Every result is checked; a wrong number throws. Lines marked `py:` are the scikit-learn
 * Python each step translates. Expected values were computed by scikit-learn 1.2.1
 * (/usr/bin/python3) on the same CSV files, read as
 *   X = np.loadtxt("datasets/iris.csv", delimiter=",", skiprows=1, dtype=str)[:, :-1].astype(float)
 * (identical to load_iris().data; for wine the CSV has 9.9 where
 * load_wine() has 9.899999 in row 171, color_intensity, which moves the ratios by ~1e-10, so
 * the CSV is the reference), and pasted as literals.
 *
 * scikit-learn → Sliderule here:
 *   X, y = load_iris(return_X_y=True)            → const { data: X, target: y } = loadIris()
 *   PCA().fit(X), PCA(n_components=2)            → new PCA().fit(X), new PCA({ nComponents: 2 })
 *   pca.explained_variance_ratio_, .components_  → pca.explainedVarianceRatio, pca.components
 *   pca.fit_transform(X)                         → pca.fitTransform(X)
 *   StandardScaler().fit_transform(X)            → new StandardScaler().fitTransform(X)
 *   X.var(axis=0, ddof=1)                        → np.var(X, 0, { ddof: 1 })
 *   plt.scatter(Z[:, 0], Z[:, 1], c=y)           → pcaScatter(Z, y, { targetNames, explainedVarianceRatio })
 *   plt.bar(k, ratio); plt.step(k, cumsum)       → screePlot(pca.explainedVarianceRatio)
 *   plt.savefig(...)                             → await writeCharts(outDir, { name: spec }, { title })
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import * as np from "@sliderule/ndarray";
import * as linalg from "@sliderule/linalg";
import { PCA, StandardScaler } from "@sliderule/ml";
import { loadIris, loadWine } from "@sliderule/ml/datasets";
import { pcaScatter, screePlot } from "@sliderule/ml/plot";
import { writeCharts } from "@sliderule/ml/node";

const str = (a: np.NDArray) => np.arrayToString(a); // Python's str(a)
const pct = (r: number) => `${(100 * r).toFixed(2)}%`;
const eps = 2 ** -52;

// ================================================================ how close to scikit-learn?
// Both libraries compute the SVD of the centred data X_c = X − X̄ by backward-stable methods, so
// each works with X_c + ΔX, ‖ΔX‖ ≤ δ ≈ (n + d)·eps·‖X‖_F (centring rounds each entry relative
// to |x|, not to |x − x̄|, hence ‖X‖_F, not ‖X_c‖_F). Then:
//   • each σ_k moves by at most δ (Weyl), so a ratio r_k = σ_k² / Σ_j σ_j² moves by at most
//     2δ·(σ_k + r_k·Σ_j σ_j) / ‖X_c‖_F² ≤ 2(1 + √d)·δ / ‖X_c‖_F;
//   • a right singular vector v_k turns by at most ~δ / gap_k, gap_k = the distance from σ_k to
//     the nearest other σ (Wedin; Golub & Van Loan §8.6.1).
/** Bounds on the differences of ratios and of components between two backward-stable PCAs of X. */
function pcaTolerances(X: np.NDArray, S: np.NDArray) {
  const [n, d] = X.shape;
  const delta = (n + d) * eps * linalg.norm(X);
  const XcNorm = linalg.norm(X.subtract(X.mean(0)));
  const s = S.toArray() as number[];
  const gap = (k: number) => Math.min(k > 0 ? s[k - 1] - s[k] : Infinity, k + 1 < s.length ? s[k] - s[k + 1] : Infinity);
  return {
    ratio: (2 * (1 + Math.sqrt(d)) * delta) / XcNorm,
    component: (k: number) => (10 * delta) / gap(k),
  };
}

/** Row k of `ours` equals `theirs` up to sign, within tol. The sign of a singular vector is
 * arbitrary: scikit-learn 1.2 picks it from U (svd_flip's u_based_decision=True), ours from
 * the row of Vᵀ (largest |entry| positive, as scikit-learn ≥ 1.5), so they may differ. */
function assertSameAxis(ours: np.NDArray, theirs: number[], tol: number, label: string) {
  const t = np.array(theirs);
  const s = Math.sign(np.dot(ours, t) as number);
  const err = linalg.norm(ours.multiply(s).subtract(t), Infinity);
  assert.ok(err <= tol, `${label}: differs from scikit-learn's by ${err} (tolerance ${tol})`);
  return s;
}

/** Share of samples closer to their own class's centroid than to any other, in projections Z (n, 2). */
function nearestCentroidAccuracy(Z: np.NDArray, y: np.NDArray): number {
  const classes = np.unique(y);
  // centroids (c, 2): the mean of each class's rows
  const C = np.stack((classes.toArray() as number[]).map((c) => Z.slice(y.equal(c)).mean(0)));
  // squared distances (n, c) by broadcasting: Σ_j (Z[:, None, j] − C[None, :, j])²
  const D = np.square(Z.slice(":", np.newaxis, ":").subtract(C.slice(np.newaxis))).sum(2);
  const predicted = np.take(classes, np.argmin(D, 1));
  return np.mean(predicted.equal(y));
}

const charts: Record<string, ReturnType<typeof screePlot>> = {};

// ================================================================ iris: one unit, no scaling needed
// py: iris = load_iris(); X, y = iris.data, iris.target
const { data: X, target: y, featureNames: irisFeatures, targetNames: irisNames } = loadIris();
console.log(`iris: X ${X.shape.join(" × ")}, features ${irisFeatures.join(", ")}, classes ${irisNames!.join(", ")}\n`);
assert.deepEqual(X.shape, [150, 4]);

// py: pca = PCA().fit(X)               # all 4 components
const pcaIris = new PCA().fit(X);
// py: print(pca.explained_variance_ratio_)
console.log(`PCA().fit(X).explainedVarianceRatio = ${str(pcaIris.explainedVarianceRatio!)}`);
// python3: PCA().fit(X).explained_variance_ratio_, .singular_values_, .components_[:2]
const skIrisRatio = [0.9246187232017271, 0.05306648311706783, 0.01710260980792977, 0.00521218387327537];
const skIrisSingular = [25.099960442183864, 6.013147382308734, 3.4136806391921013, 1.8845235082226928];
const skIrisComponents = [
  [0.3613865917853687, -0.08452251406456868, 0.8566706059498351, 0.3582891971515508],
  [0.6565887712868422, 0.7301614347850266, -0.17337266279585684, -0.0754810199174632],
];
const tolIris = pcaTolerances(X, pcaIris.singularValues!);
assert.ok(np.allclose(pcaIris.explainedVarianceRatio!, skIrisRatio, { rtol: 0, atol: tolIris.ratio }));
assert.ok(np.allclose(pcaIris.singularValues!, skIrisSingular, { rtol: 0, atol: (X.shape[0] + X.shape[1]) * eps * linalg.norm(X) }));
for (let k = 0; k < 2; k++) assertSameAxis(pcaIris.components!.slice(k), skIrisComponents[k], tolIris.component(k), `iris PC${k + 1}`);
console.log(`  = scikit-learn's to ${tolIris.ratio.toExponential(1)}; PC1 = ${str(pcaIris.components!.slice(0))}`);
console.log(`  (PC1 is mostly petal length: ${irisFeatures[2]} loads ${pcaIris.components!.get(0, 2).toFixed(3)})\n`);
assert.equal(np.abs(pcaIris.components!.slice(0)).argmax(), 2);

// py: pca2 = PCA(n_components=2); Z = pca2.fit_transform(X)
const pca2 = new PCA({ nComponents: 2 });
const Z = pca2.fitTransform(X);
const kept = pca2.explainedVarianceRatio!.sum();
console.log(`PCA(n_components=2): Z ${Z.shape.join(" × ")}, keeps ${pct(kept)} of the variance (scikit-learn: 97.77%)`);
assert.deepEqual(Z.shape, [150, 2]);
assert.ok(Math.abs(kept - 0.977685206318795) <= tolIris.ratio); // python3: PCA(2).fit(X).explained_variance_ratio_.sum()
// the projections are uncorrelated, with variances the explained variances (Z = U·Σ, so ZᵀZ/(n − 1) = Σ²/(n − 1))
const covZ = Z.T.matmul(Z).divide(Z.shape[0] - 1);
assert.ok(np.allclose(covZ, np.diag(pca2.explainedVariance!), { rtol: 0, atol: 10 * tolIris.ratio * pcaIris.explainedVariance!.sum() }));
// how well 2 numbers per flower separate the species: a sample's nearest class centroid in the plane
// python3: nearest-centroid accuracy on PCA(2).fit_transform(X) → 139/150 (every margin ≥ 1% of the distance)
const irisAccuracy = nearestCentroidAccuracy(Z, y);
console.log(`nearest class centroid in the PC1–PC2 plane: ${pct(irisAccuracy)} correct (139/150)\n`);
assert.equal(Math.round(irisAccuracy * 150), 139);

charts["iris-pca"] = pcaScatter(Z, y, {
  targetNames: irisNames,
  explainedVarianceRatio: pca2.explainedVarianceRatio,
  title: "Iris projected on its first two principal components",
});
charts["iris-scree"] = screePlot(pcaIris.explainedVarianceRatio, { title: "Iris: explained variance per component" });

// ================================================================ wine, unscaled: PCA sees units
// py: W, w = load_wine(return_X_y=True)
const { data: W, target: w, featureNames: wineFeatures, targetNames: wineNames } = loadWine();
assert.deepEqual(W.shape, [178, 13]);
// py: W.var(axis=0, ddof=1)      # the feature variances, in their own units squared
const variances = np.var(W, 0, { ddof: 1 });
const proline = wineFeatures.indexOf("proline");
const prolineShare = variances.get(proline) / variances.sum();
console.log(
  `wine: X ${W.shape.join(" × ")}; feature variances range from ${np.min(variances).toFixed(4)} (${wineFeatures[np.argmin(variances)]}) to ${np.max(variances).toFixed(0)} (proline)`,
);
console.log(`  proline alone is ${pct(prolineShare)} of the total variance (trace of the covariance)`);
// python3: v = W.var(axis=0, ddof=1); v[12] / v.sum()
assert.equal(proline, 12);
assert.ok(Math.abs(prolineShare - 0.9977383616816892) <= W.shape[0] * eps); // sums of n terms: ≲ n·eps relative

// py: PCA().fit(W)
const pcaRaw = new PCA().fit(W);
// python3: PCA().fit(W).explained_variance_ratio_[:3], .components_[0]
const skRawRatio = [0.9980912304912746, 1.7359156246897869e-3, 9.4958957579226099e-5];
const skRawPC1 = [
  1.6592647196420618e-3, -6.8101555550150144e-4, 1.949057418915728e-4, -4.6713005812767652e-3, 1.7868007506894455e-2, 9.8982968008179428e-4,
  1.5672883017930912e-3, -1.230866618103173e-4, 6.0060779182172111e-4, 2.3271431767963903e-3, 1.7138003714524562e-4, 7.0493164459112039e-4,
  9.9982293652336218e-1,
];
const tolRaw = pcaTolerances(W, pcaRaw.singularValues!);
assert.ok(np.allclose(pcaRaw.explainedVarianceRatio!.slice(":3"), skRawRatio, { rtol: 0, atol: tolRaw.ratio }));
assertSameAxis(pcaRaw.components!.slice(0), skRawPC1, tolRaw.component(0), "wine (unscaled) PC1");
console.log(`unscaled PCA: ratios ${str(pcaRaw.explainedVarianceRatio!.slice(":3"))}…: PC1 explains ${pct(pcaRaw.explainedVarianceRatio!.get(0))}`);
console.log(
  `  and PC1 is proline: its loading is ${pcaRaw.components!.get(0, proline).toFixed(5)}, the next largest |loading| ${np
    .sort(np.abs(pcaRaw.components!.slice(0)))
    .get(11)
    .toFixed(4)} (magnesium)`,
);
assert.equal(np.abs(pcaRaw.components!.slice(0)).argmax(), proline);
assert.ok(Math.abs(pcaRaw.components!.get(0, proline)) > 0.9998);
const Zraw = new PCA({ nComponents: 2 }).fitTransform(W);
// python3: nearest-centroid accuracy on PCA(2).fit_transform(W) → 129/178
const rawAccuracy = nearestCentroidAccuracy(Zraw, w);
console.log(`  nearest class centroid in its PC1–PC2 plane: ${pct(rawAccuracy)} correct (129/178)\n`);
assert.equal(Math.round(rawAccuracy * 178), 129);

charts["wine-unscaled-pca"] = pcaScatter(Zraw, w, {
  targetNames: wineNames,
  explainedVarianceRatio: pcaRaw.explainedVarianceRatio,
  title: "Wine, unscaled: PC1 is proline (mg/L)",
});
charts["wine-unscaled-scree"] = screePlot(pcaRaw.explainedVarianceRatio, { title: "Wine, unscaled: one component takes it all" });

// ================================================================ wine, standardised: PCA sees structure
// py: Ws = StandardScaler().fit_transform(W)     # (x − mean) / std per feature, std with ddof=0
const scaler = new StandardScaler();
const Ws = scaler.fitTransform(W);
assert.ok(np.allclose(np.var(Ws, 0), np.ones([13]), { rtol: 0, atol: 10 * W.shape[0] * eps }));
// py: pca_std = PCA().fit(Ws)
const pcaStd = new PCA().fit(Ws);
// python3: PCA().fit(StandardScaler().fit_transform(W)).explained_variance_ratio_, .components_[0]
const skStdRatio = [
  0.3619884810921799, 0.1920749021888408, 0.11123630540991017, 0.07069030182092746, 0.06563293680647428, 0.04935823323845075, 0.04238679329117726,
  0.02680748949201977, 0.02222153404761568, 0.0193001909258009, 0.0173683568981845, 0.0129823258895521, 0.00795214889886645,
];
const skStdPC1 = [
  0.14432939506589126, -0.24518758028360815, -0.00205106156958817, -0.23932040537008423, 0.14199204180755387, 0.39466084497214604, 0.4229342966590616,
  -0.2985331029176947, 0.3134294882585312, -0.08861670665519118, 0.2967145637684884, 0.3761674108166059, 0.28675222662490496,
];
const tolStd = pcaTolerances(Ws, pcaStd.singularValues!);
assert.ok(np.allclose(pcaStd.explainedVarianceRatio!, skStdRatio, { rtol: 0, atol: tolStd.ratio }));
assertSameAxis(pcaStd.components!.slice(0), skStdPC1, tolStd.component(0), "wine (standardised) PC1");
const cumulative = np.cumsum(pcaStd.explainedVarianceRatio!);
const k90 = (cumulative.toArray() as number[]).findIndex((c) => c >= 0.9) + 1;
console.log(`standardised PCA: ratios ${str(pcaStd.explainedVarianceRatio!.slice(":4"))}…`);
console.log(`  PC1 + PC2 explain ${pct(cumulative.get(1))}; ${k90} components are needed for 90% (the scree plot's cumulative line)`);
assert.equal(k90, 8);
// PC1 now mixes many features: its largest loadings are flavanoids and total phenols, not proline
const pc1 = pcaStd.components!.slice(0);
const order = np.argsort(np.abs(pc1)).slice("::-1");
const top3 = (order.slice(":3").toArray() as number[]).map((j) => wineFeatures[j]); // a view: read it with toArray(), not .data
console.log(`  PC1's largest |loadings|: ${top3.join(", ")}`);
assert.deepEqual(top3, ["flavanoids", "total_phenols", "od280_od315_of_diluted_wines"]);
// Standardising is PCA of the correlation matrix: the eigenvalues of corr(W) are the explained variances × (n − 1)/n
// (StandardScaler divides by the ddof-0 std, PCA by n − 1); two routes to the eigenvalues of one
// matrix, each within ~n·eps·λ_max
const n = W.shape[0];
const corrEigenvalues = np.sort(linalg.eigvalsh(np.corrcoef(W, { rowvar: false }))).slice("::-1");
assert.ok(np.allclose(pcaStd.explainedVariance!.multiply((n - 1) / n), corrEigenvalues, { rtol: 0, atol: 10 * n * eps * corrEigenvalues.get(0) }));

const ZStd = new PCA({ nComponents: 2 }).fitTransform(Ws);
// python3: nearest-centroid accuracy on PCA(2).fit_transform(StandardScaler().fit_transform(W)) → 173/178
const stdAccuracy = nearestCentroidAccuracy(ZStd, w);
console.log(`  nearest class centroid in the PC1–PC2 plane: ${pct(stdAccuracy)} correct (173/178), against ${pct(rawAccuracy)} unscaled\n`);
assert.equal(Math.round(stdAccuracy * 178), 173);
assert.ok(stdAccuracy > rawAccuracy);

charts["wine-standardised-pca"] = pcaScatter(ZStd, w, {
  targetNames: wineNames,
  explainedVarianceRatio: pcaStd.explainedVarianceRatio,
  title: "Wine, standardised: the cultivars separate",
});
charts["wine-standardised-scree"] = screePlot(pcaStd.explainedVarianceRatio, { title: "Wine, standardised: explained variance per component" });

// ================================================================ the charts
const outDir = fileURLToPath(new URL("../out/09-pca-iris-wine/", import.meta.url));
const written = await writeCharts(outDir, charts, { title: "09 — PCA on iris and wine" });
assert.equal(written.length, 2 * Object.keys(charts).length + 1);
console.log(`wrote:\n  ${written.join("\n  ")}`);
console.log("09-pca-iris-wine: all checks passed");
