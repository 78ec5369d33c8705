/**
 * 12 — Clusters and neighbours on real data. k-means on the iris measurements (150 flowers × 4,
 * three species it is not told about): Lloyd's algorithm from scikit-learn's own k-means++
 * starting centres, giving its inertia, centres and labels; then seeded k-means++ runs, which
 * land in different local minima, and nInit = 10 keeping the best; how well the clusters match
 * the species (a contingency table, the adjusted Rand index written out by hand, the best
 * cluster → species matching); the clusters drawn on the first two principal components.
 * Then k-nearest-neighbour classification of the handwritten digits on the same seeded 75/25
 * split as examples/11-mlp-digits.ts, for several k, against scikit-learn.
 *
 * Run: npx tsx examples/12-kmeans-neighbours.ts      (a few seconds; charts into out/12-kmeans-neighbours/)
 * Every result is checked; a wrong number throws. Lines marked `py:` are the scikit-learn
 * Python each step translates; expected values were computed by /usr/bin/python3 with
 * scikit-learn 1.2.1 (datasets/iris.csv and digits.csv are sklearn's load_iris, load_digits)
 * and pasted as literals.
 *
 * scikit-learn → Sliderule here:
 *   KMeans(n_clusters=3, init=C0, n_init=1).fit(X)  → new KMeans({ nClusters: 3, init: C0, nInit: 1 }).fit(X)
 *   km.inertia_, km.cluster_centers_, km.labels_, km.n_iter_ → km.inertia, km.clusterCenters, km.labels, km.nIter
 *   kmeans_plusplus(X, 3, random_state=rng)          → kmeansPlusPlus(X, 3, { randomState }) → { centers, indices }
 *   KMeans(n_clusters=3, n_init=10, random_state=0)  → new KMeans({ nClusters: 3, nInit: 10, randomState: 0 })
 *   sklearn.metrics.cluster.contingency_matrix(y, labels) → confusionMatrix(y, labels) (both 0..2 here)
 *   adjusted_rand_score(y, labels)                   → written out below from the contingency table
 *   PCA(n_components=2).fit(X).transform(...)        → new PCA({ nComponents: 2 }).fit(X).transform(...)
 *   KNeighborsClassifier(n_neighbors=5).fit(X, y)    → new KNeighborsClassifier({ nNeighbors: 5 }).fit(X, y)
 *   knn.kneighbors(Xq) → (dist, ind)                 → knn.kneighbors(Xq) → { distances, indices }
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import * as np from "@sliderule/ndarray";
import { KMeans, KNeighborsClassifier, PCA, accuracyScore, confusionMatrix, kmeansPlusPlus, trainTestSplit } from "@sliderule/ml";
import { loadDigits, loadIris } from "@sliderule/ml/datasets";
import { writeCharts } from "@sliderule/ml/node";
import { confusionMatrixHeatmap, kmeansClusters, pcaScatter, type TopLevelSpec } from "@sliderule/ml/plot";

const started = performance.now();
const eps = 2 ** -52;
const charts: Record<string, TopLevelSpec> = {};
const str = (a: np.NDArray) => np.arrayToString(a); // Python's str(a)
/** Labels as one string of digits ("0012…"), the compact way scikit-learn's are pasted below. */
const digitString = (labels: np.NDArray) => (labels.toArray() as number[]).join("");

// ================================================================ 1. The data
// py: X, y = load_iris(return_X_y=True)
const iris = loadIris();
const X = iris.data; // (150, 4): sepal length, sepal width, petal length, petal width (cm)
const y = iris.target; // 0 setosa, 1 versicolor, 2 virginica: never shown to k-means
const species = iris.targetNames!;
const [n, d] = X.shape;
assert.deepEqual([n, d], [150, 4]);
console.log(`iris: ${n} flowers × ${d} measurements (${iris.featureNames.join(", ")})`);

// How far two correct computations of the inertia J = Σ_i ‖x_i − μ_{c_i}‖² may differ. Both
// implementations centre X on its column means and sum J from the differences x_i − μ_{c_i}; the
// distances that choose the labels (and transform's, below) come from the expansion
// ‖x‖² + ‖μ‖² − 2·x·μ (one gemm), whose rounding is relative to ‖x‖² + ‖μ‖², not to the smaller
// distance. Either way a term is off by at most about (d + 2)·eps·(‖x_i‖² + ‖μ_{c_i}‖²)
// ≤ (d + 2)·eps·2·max‖x − x̄‖², so J by n times that.
const Xc = X.subtract(X.mean(0));
const maxSq = np.max(Xc.square().sum(1)); // max_i ‖x_i − x̄‖²
const inertiaTol = n * (d + 2) * eps * 2 * maxSq;
// and a centre, the mean of at most n rows, to n·eps·max|x|
const centreTol = n * eps * np.max(np.abs(X));

// ================================================================ 2. k-means from scikit-learn's starting centres
// k-means++ picks the first centre at random, then each next one among a few candidates drawn with
// probability ∝ D(x)², the squared distance to the nearest centre so far (kmeans-plusplus.ts).
// scikit-learn's KMeans(n_clusters=3, n_init=1, random_state=0) starts from rows 47, 116, 92:
// py: kmeans_plusplus(X, 3, random_state=0)[1] → [ 47 116  92]
// Handing those rows to our KMeans as `init`, Lloyd's iterations must retrace scikit-learn's.
const C0 = X.slice([47, 116, 92]); // (3, 4)
// py: km = KMeans(n_clusters=3, init=X[[47, 116, 92]], n_init=1).fit(X)
const km0 = new KMeans({ nClusters: 3, init: C0, nInit: 1 }).fit(X);
console.log(`\nfrom scikit-learn's k-means++ centres (rows 47, 116, 92): inertia ${km0.inertia!.toFixed(6)} after ${km0.nIter} iterations`);
// py: km.inertia_, km.n_iter_ → 78.85566582597731, 8
assert.ok(Math.abs(km0.inertia! - 78.85566582597731) <= inertiaTol, `inertia ${km0.inertia}`);
assert.equal(km0.nIter, 8);
// py: "".join(map(str, km.labels_))
const sklearnLabels0 =
  "000000000000000000000000000000000000000000000000001212222222222222222222222221222222222222222222222212111121111112211112121211221111121111211121112112";
assert.equal(digitString(km0.labels!), sklearnLabels0);
// py: km.cluster_centers_
const sklearnCentres0 = [
  [5.006, 3.428, 1.4620000000000002, 0.24600000000000055],
  [6.853846153846154, 3.076923076923077, 5.7153846153846155, 2.0538461538461537],
  [5.883606557377049, 2.740983606557377, 4.388524590163934, 1.4344262295081966],
];
assert.ok(np.allclose(km0.clusterCenters!, sklearnCentres0, { rtol: 0, atol: centreTol }));
console.log(`centres (cm):\n${str(km0.clusterCenters!)}`);
// What Lloyd's algorithm guarantees at its fixed point, checked on our own result:
// every point is with its nearest centre (E-step), and every centre is its cluster's mean (M-step)
const dist0 = km0.transform(X); // (150, 3): ‖x_i − μ_j‖
assert.deepEqual(np.argmin(dist0, { axis: 1 }).toArray(), km0.labels!.toArray());
for (let j = 0; j < 3; j++) {
  const members = X.slice(km0.labels!.equal(j)).reshape(-1, d);
  assert.ok(np.allclose(members.mean(0), km0.clusterCenters!.slice(j), { rtol: 0, atol: centreTol }));
}
// and the inertia is the sum of the squared distances to the assigned centres
const J0 = np.min(dist0, { axis: 1 }).square().sum();
assert.ok(Math.abs(J0 - km0.inertia!) <= inertiaTol);

// ================================================================ 3. Seeded k-means++ and local minima
// Our randomState seeds a NumPy Generator (np.random.default_rng(seed), PCG64), where
// scikit-learn's integer random_state seeds the legacy RandomState: the same seed number picks
// other starting rows. Lloyd's algorithm only finds a local minimum of J, and which one depends
// on the start: on iris three are common (scikit-learn, KMeans(n_clusters=3, n_init=1,
// random_state=s) for s = 0..4: 78.8557, 78.8557, 142.7541, 78.8557, 78.8514).
// (No scikit-learn line to compare with: its random_state takes a seed or a legacy RandomState,
// not a Generator, so these starting rows are ours alone; section 2 compared Lloyd's iterations.)
const { indices: ppRows } = kmeansPlusPlus(X, 3, { randomState: 0 });
console.log(`\nour k-means++ with randomState 0 starts from rows ${str(ppRows)}`);
const runs: { seed: number; inertia: number; nIter: number }[] = [];
for (let seed = 0; seed < 10; seed++) {
  const km = new KMeans({ nClusters: 3, nInit: 1, randomState: seed }).fit(X);
  runs.push({ seed, inertia: km.inertia!, nIter: km.nIter! });
}
// the seeded runs are reproducible: the same seed, the same start, the same result
assert.equal(new KMeans({ nClusters: 3, nInit: 1, randomState: 0 }).fit(X).inertia, runs[0].inertia);
assert.equal(new KMeans({ nClusters: 3, randomState: 0 }).fit(X).inertia, runs[0].inertia); // nInit "auto" is 1 for k-means++
// Every run ends in one of scikit-learn's local minima (the partitions are the same, so J agrees
// to rounding):
// py: {round(KMeans(n_clusters=3, n_init=1, random_state=s).fit(X).inertia_, 6) for s in range(5)}
const minima = [78.851441426146, 78.85566582597731, 142.7540625];
for (const r of runs) {
  const nearest = minima.findIndex((m) => Math.abs(r.inertia - m) <= inertiaTol);
  assert.ok(nearest >= 0, `randomState ${r.seed}: inertia ${r.inertia} is none of scikit-learn's minima`);
}
const tally = minima.map((m) => runs.filter((r) => Math.abs(r.inertia - m) <= inertiaTol).length);
console.log(`10 seeded runs (nInit 1): ${minima.map((m, i) => `J = ${m.toFixed(4)} × ${tally[i]}`).join(", ")}`);
console.log(`  per seed: ${runs.map((r) => r.inertia.toFixed(4)).join(", ")}`);

// nInit = 10 runs k-means++ ten times and keeps the lowest J: scikit-learn's best
// py: km = KMeans(n_clusters=3, n_init=10, random_state=0).fit(X); km.inertia_ → 78.851441426146
const km = new KMeans({ nClusters: 3, nInit: 10, randomState: 0 }).fit(X);
console.log(`nInit 10, randomState 0: inertia ${km.inertia!.toFixed(6)} (scikit-learn: 78.851441)`);
assert.ok(Math.abs(km.inertia! - 78.851441426146) <= inertiaTol);
assert.ok(km.inertia! <= Math.min(...runs.map((r) => r.inertia)) + inertiaTol);

// ================================================================ 4. Do the clusters find the species?
// Cluster numbers are arbitrary (any permutation of 0, 1, 2 is the same clustering), so compare
// partitions, not labels. The contingency table n_ij = #{flowers of species i in cluster j}:
// py: sklearn.metrics.cluster.contingency_matrix(y, km.labels_)
const labels = km.labels!;
const table = confusionMatrix(y, labels); // rows: species, columns: clusters
console.log(`\ncontingency table (rows: ${species.join(", ")}; columns: clusters 0, 1, 2):\n${str(table)}`);
// The adjusted Rand index (Hubert & Arabie, "Comparing partitions", J. Classification 2, 1985):
// the fraction of the n(n−1)/2 pairs of flowers on which the partitions agree, corrected for chance:
//   ARI = (Σ_ij C(n_ij, 2) − E) / (½·(Σ_i C(a_i, 2) + Σ_j C(b_j, 2)) − E),
//   E = Σ_i C(a_i, 2)·Σ_j C(b_j, 2) / C(n, 2),  a_i, b_j the row and column sums.
// 1 for identical partitions (up to renaming), about 0 for a random one.
function adjustedRandIndex(C: np.NDArray): number {
  const pairs = (m: number) => (m * (m - 1)) / 2; // C(m, 2)
  const N = C.sum();
  let sumCells = 0;
  for (const v of C.toTypedArray()) sumCells += pairs(v);
  const sumRows = (C.sum(1).toArray() as number[]).reduce((s, a) => s + pairs(a), 0);
  const sumCols = (C.sum(0).toArray() as number[]).reduce((s, b) => s + pairs(b), 0);
  const expected = (sumRows * sumCols) / pairs(N);
  return (sumCells - expected) / ((sumRows + sumCols) / 2 - expected);
}
const ari = adjustedRandIndex(table);
const ari0 = adjustedRandIndex(confusionMatrix(y, km0.labels!));
console.log(
  `adjusted Rand index: ${ari.toFixed(4)} for the best clustering (J = 78.8514), ${ari0.toFixed(4)} for the one from scikit-learn's start (J = 78.8557)`,
);
// The sums of pair counts are integers below 2⁵³, exact; only the last few operations round.
// py: adjusted_rand_score(y, km.labels_) → 0.7302382722834697 (n_init=10), 0.7163421126838476 (init=X[[47, 116, 92]])
assert.ok(Math.abs(ari - 0.7302382722834697) <= 8 * eps);
assert.ok(Math.abs(ari0 - 0.7163421126838476) <= 8 * eps);
// Here the lower J is also the closer match to the species, but nothing promises that: k-means
// minimises the spread within clusters, and knows nothing of the labels.

// Name each cluster after a species: the one-to-one matching with the most flowers on the
// diagonal (3! = 6 matchings to try; the Hungarian algorithm for larger k).
function permutations(k: number): number[][] {
  if (k === 0) return [[]];
  return permutations(k - 1).flatMap((p) => Array.from({ length: k }, (_, i) => [...p.slice(0, i), k - 1, ...p.slice(i)]));
}
let bestMatch: number[] = [];
let bestHits = -1;
for (const perm of permutations(3)) {
  // cluster j ↦ species perm[j]
  const hits = perm.reduce((s, i, j) => s + table.get(i, j), 0);
  if (hits > bestHits) [bestMatch, bestHits] = [perm, hits];
}
const named = np.take(np.array(bestMatch, "int32"), labels); // each flower's cluster, as a species
const matched = confusionMatrix(y, named);
console.log(
  `clusters → species: ${bestMatch.map((s, j) => `${j} → ${species[s]}`).join(", ")}; ${bestHits} of 150 flowers (${((100 * bestHits) / 150).toFixed(1)}%) in their species' cluster`,
);
console.log(`matched table (rows: true species, columns: cluster named as species):\n${str(matched)}`);
// py: contingency_matrix(y, km.labels_) → [[0, 50, 0], [48, 0, 2], [14, 0, 36]]; its columns in matched order:
assert.deepEqual(matched.toArray(), [
  [50, 0, 0],
  [0, 48, 2],
  [0, 14, 36],
]);
assert.equal(accuracyScore(y, named), 134 / 150);
// setosa is a cluster of its own; versicolor and virginica overlap, and k-means splits them by size
charts["clusters-vs-species"] = confusionMatrixHeatmap(matched, { labels: species, title: "k-means clusters named after the species they match best" });

// ================================================================ 5. The clusters on the first two principal components
// py: pca = PCA(n_components=2).fit(X); Z = pca.transform(X); M = pca.transform(km.cluster_centers_)
const pca = new PCA({ nComponents: 2 }).fit(X);
const Z = pca.transform(X); // (150, 2)
const M = pca.transform(km.clusterCenters!); // (3, 2): the centres, projected the same way
const ratio = pca.explainedVarianceRatio!.toArray() as number[];
// py: pca.explained_variance_ratio_ → [0.92461872 0.05306648]
assert.ok(np.allclose(pca.explainedVarianceRatio!, [0.9246187232017271, 0.05306648311706783], { rtol: 0, atol: 10 * (n + d) * eps }));
console.log(`\nPC1 and PC2 hold ${(100 * (ratio[0] + ratio[1])).toFixed(1)}% of the variance: the 2-D picture is faithful`);
// The projection is affine (z = (x − x̄)·Vᵀ), so it maps a cluster's mean to the mean of its
// projected points: the projected centres sit at the centres of the projected clusters.
for (let j = 0; j < 3; j++) {
  const projected = Z.slice(labels.equal(j)).reshape(-1, 2);
  assert.ok(np.allclose(projected.mean(0), M.slice(j), { rtol: 0, atol: 10 * centreTol }));
}
const pcTitles = ratio.map((r, i) => `PC${i + 1} (${(100 * r).toFixed(1)}%)`) as [string, string];
charts["kmeans-clusters"] = kmeansClusters(Z, labels, M, {
  featureNames: pcTitles,
  title: "Iris: k-means clusters (k = 3) on the first two principal components",
});
charts["species"] = pcaScatter(Z, y, {
  targetNames: species,
  explainedVarianceRatio: pca.explainedVarianceRatio,
  title: "Iris: the true species on the same axes",
});

// ================================================================ 6. k nearest neighbours on the digits
// The same seeded split as examples/11-mlp-digits.ts. Pixels are all on one scale (0..16), so
// the raw Euclidean distance is meaningful without standardising.
// py: X_train, X_test, y_train, y_test = train_test_split(digits.data, digits.target, test_size=0.25, random_state=42)
const digits = loadDigits();
const [XTrain, XTest, yTrain, yTest] = trainTestSplit(digits.data, digits.target, { testSize: 0.25, randomState: 42 }) as np.NDArray[];
assert.equal(str(yTest.slice(":10")), "[6 9 3 7 2 1 5 2 5 2]"); // scikit-learn's split

// The nearest neighbours of the first test image. Its pixels are integers, so every squared
// distance is an integer below 2⁵³, exact in either summation order: the distances are the
// correctly rounded square roots, and equal scikit-learn's.
// py: KNeighborsClassifier(n_neighbors=5).fit(X_train, y_train).kneighbors(X_test[:1])
const knn = new KNeighborsClassifier({ nNeighbors: 5 }).fit(XTrain, yTrain);
const { distances, indices } = knn.kneighbors(XTest.slice(":1"));
console.log(`\nthe 5 training digits nearest to test image 0 (a ${yTest.get(0)}): rows ${str(indices)}, labels ${str(yTrain.slice(indices.reshape(-1)))}`);
assert.deepEqual(indices.toArray(), [[623, 338, 715, 1071, 1163]]);
assert.ok(
  np.allclose(distances, [[14.491376746189438, 16.73320053068151, 17.11724276862369, 17.406895185529212, 17.97220075561143]], { rtol: 2 * eps, atol: 0 }),
);

// Accuracy for several k. A prediction is a majority vote of the k nearest: exact, given the
// neighbours, so the accuracies must equal scikit-learn's outright.
// py: [accuracy_score(y_test, KNeighborsClassifier(n_neighbors=k).fit(X_train, y_train).predict(X_test)) for k in (1, 3, 5, 7, 9)]
const sklearnHits: [number, number][] = [
  [1, 442],
  [3, 444],
  [5, 447],
  [7, 447],
  [9, 444],
];
for (const [k, hits] of sklearnHits) {
  const acc = accuracyScore(yTest, new KNeighborsClassifier({ nNeighbors: k }).fit(XTrain, yTrain).predict(XTest));
  console.log(`  k = ${k}: test accuracy ${acc.toFixed(4)}   scikit-learn ${(hits / 450).toFixed(4)}`);
  assert.equal(acc, hits / 450);
}
const yPred = knn.predict(XTest);
// py: bad = np.flatnonzero(y_pred != y_test) → [71, 159, 249]; y_pred[bad] → [9, 4, 5]
const bad = np.flatnonzero(yPred.notEqual(yTest));
assert.deepEqual(bad.toArray(), [71, 159, 249]);
assert.deepEqual(yPred.slice(bad).toArray(), [9, 4, 5]);
assert.ok(accuracyScore(yTest, yPred) >= 0.95);
// No training at all, and 447 of 450: on these small, centred digits, the neighbours vote better
// than the 64-64-10 network of example 11 (443 of 450), at the cost of 450 × 1347 distances per prediction.
charts["knn-confusion"] = confusionMatrixHeatmap(confusionMatrix(yTest, yPred), {
  labels: digits.targetNames!,
  title: "Digits, 5 nearest neighbours: true digit (rows) against predicted (columns)",
});

// ================================================================ charts
const outDir = fileURLToPath(new URL("../out/12-kmeans-neighbours/", import.meta.url));
const written = await writeCharts(outDir, charts, { title: "12 — k-means on iris, k nearest neighbours on the digits" });
assert.equal(written.length, 2 * Object.keys(charts).length + 1);
console.log(`\nwrote ${written.length} files:`);
for (const path of written) console.log(`  ${path}`);
console.log(`12-kmeans-neighbours: all checks passed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
