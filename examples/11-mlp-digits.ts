/**
 * 11 — A neural network on real data: scikit-learn's MLPClassifier on the handwritten digits
 * (1,797 images of 8×8 pixels, ten classes), the network 64 → 64 (ReLU) → 10 (softmax), trained
 * by Adam on a seeded 75/25 split with a progress bar, then its test accuracy, confusion matrix
 * and mistakes, and the same fit with early stopping (a held-out validation set decides when to
 * stop). Every number is compared with scikit-learn 1.2's on the same split and settings: our
 * MLPClassifier draws its initial weights and mini-batch shuffles from NumPy's legacy
 * RandomState stream, as scikit-learn's `random_state` does, so the two runs perform the same
 * arithmetic and agree to rounding, epoch by epoch.
 *
 * Run: npx tsx examples/11-mlp-digits.ts      (a few seconds; charts into out/11-mlp-digits/)
 * Every result is checked; a wrong number throws. Lines marked `py:` are the scikit-learn
 * Python each step translates; expected values were computed by /usr/bin/python3 with
 * scikit-learn 1.2.1 (on the same data: datasets/digits.csv is sklearn's load_digits) and
 * pasted as literals.
 *
 * scikit-learn → Sliderule here:
 *   from sklearn.datasets import load_digits      → import { loadDigits } from "@sliderule/ml/datasets"
 *   X, y = digits.data / 16, digits.target        → const X = digits.data.divide(16), y = digits.target
 *   train_test_split(X, y, test_size=0.25, random_state=42)
 *                                                 → trainTestSplit(X, y, { testSize: 0.25, randomState: 42 })
 *   MLPClassifier(hidden_layer_sizes=(64,), max_iter=200, random_state=0, verbose=True)
 *                                                 → new MLPClassifier({ hiddenLayerSizes: [64], maxIter: 200, randomState: 0, verbose: true })
 *   clf.loss_curve_, clf.n_iter_, clf.coefs_      → clf.lossCurve, clf.nIter, clf.coefs
 *   clf.validation_scores_, clf.best_validation_score_ → clf.validationScores, clf.bestValidationScore
 *   accuracy_score(y_test, clf.predict(X_test))   → accuracyScore(yTest, clf.predict(XTest))
 *   confusion_matrix(y_test, y_pred)              → confusionMatrix(yTest, yPred)
 *   with warnings.catch_warnings(record=True) as w: ... → np.warnings.catchWarnings(() => ...)
 *   plt.plot(clf.loss_curve_); ConfusionMatrixDisplay(cm) → lossCurve(clf.lossCurve), confusionMatrixHeatmap(cm)
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import * as np from "@sliderule/ndarray";
import { ConvergenceWarning, MLPClassifier, accuracyScore, confusionMatrix, trainTestSplit, type EpochInfo } from "@sliderule/ml";
import { loadDigits } from "@sliderule/ml/datasets";
import { writeCharts } from "@sliderule/ml/node";
import { confusionMatrixHeatmap, imageGrid, lossCurve, type TopLevelSpec } from "@sliderule/ml/plot";

const started = performance.now();
const eps = 2 ** -52;
const charts: Record<string, TopLevelSpec> = {};
const str = (a: np.NDArray) => np.arrayToString(a); // Python's str(a)

// ================================================================ 1. The data
// py: digits = load_digits(); X, y = digits.data / 16.0, digits.target
const digits = loadDigits();
const X = digits.data.divide(16); // pixel intensities 0..16 → 0..1, the scale MLPs train well on
const y = digits.target; // int32 labels 0..9
console.log(`digits: data ${digits.data.shape.join("×")}, images ${digits.images.shape.join("×")}, ${digits.targetNames!.length} classes`);
assert.deepEqual(digits.data.shape, [1797, 64]);
assert.deepEqual(digits.images.shape, [1797, 8, 8]);
assert.equal(y.dtype, "int32");
// each image is its row of data, read 8 pixels per row: images[i, r, c] = data[i, 8r + c]
assert.ok(np.arrayEqual(digits.images.reshape(1797, 64), digits.data));
// py: np.bincount(digits.target) → [178 182 177 183 181 182 181 179 174 180]
assert.deepEqual(np.bincount(y).toArray(), [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]);
// the first ten samples are the digits 0, 1, …, 9 in order
assert.deepEqual(y.slice(":10").toArray(), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
charts["digits-sample"] = imageGrid(digits.images.slice(":10"), {
  columns: 10,
  titles: (y.slice(":10").toArray() as number[]).map((d) => `label ${d}`),
  title: "The first ten digits (8×8 pixels, intensity 0–16)",
});

// ================================================================ 2. A seeded 75/25 split
// py: X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=42)
const [XTrain, XTest, yTrain, yTest] = trainTestSplit(X, y, { testSize: 0.25, randomState: 42 }) as np.NDArray[];
console.log(`split: ${XTrain.shape[0]} training and ${XTest.shape[0]} test images`);
assert.deepEqual(XTrain.shape, [1347, 64]);
assert.deepEqual(XTest.shape, [450, 64]);
// the same rows as scikit-learn's (its permutation is NumPy's legacy stream, number for number):
// py: y_test[:10] → [6 9 3 7 2 1 5 2 5 2]
assert.equal(str(yTest.slice(":10")), "[6 9 3 7 2 1 5 2 5 2]");

// ================================================================ 3. Training, with a progress bar
// The network: 64 inputs → 64 ReLU units → 10 softmax outputs, minimising the cross-entropy
// −(1/n)·Σ log P[i, y_i] + (α/2n)·Σ‖W‖² (α = 1e-4) by Adam (η = 1e-3) on mini-batches of 200.
// verbose draws the library's progress bar on stderr when it is a terminal (redrawn in place,
// "MLPClassifier [████░░…]  52/200  loss 0.179  0.8 s"); on a pipe or file it would print
// scikit-learn's "Iteration 52, loss = …" lines instead, so the bar is asked for on a terminal only.
const onTerminal = process.stderr.isTTY === true;
const seen: EpochInfo[] = [];
// py: clf = MLPClassifier(hidden_layer_sizes=(64,), max_iter=200, random_state=0, verbose=True)
// py: with warnings.catch_warnings(record=True) as w: clf.fit(X_train, y_train)
const clf = new MLPClassifier({ hiddenLayerSizes: [64], maxIter: 200, randomState: 0, verbose: onTerminal, callback: (info) => seen.push({ ...info }) });
const trainStart = performance.now();
const { warnings } = np.warnings.catchWarnings(() => clf.fit(XTrain, yTrain));
const trainSeconds = (performance.now() - trainStart) / 1000;
console.log(`trained ${clf.nIter} epochs in ${trainSeconds.toFixed(1)} s; final training loss ${clf.loss!.toFixed(6)}`);

// The shapes: coefs[l] is (n_l, n_{l+1}), 64·64 + 64 + 64·10 + 10 = 4,810 parameters
// py: [c.shape for c in clf.coefs_] → [(64, 64), (64, 10)]
assert.deepEqual(
  clf.coefs!.map((W) => W.shape),
  [
    [64, 64],
    [64, 10],
  ],
);
assert.deepEqual(
  clf.intercepts!.map((b) => b.shape),
  [[64], [10]],
);
const nParams = [...clf.coefs!, ...clf.intercepts!].reduce((s, a) => s + a.size, 0);
// py: sum(c.size for c in clf.coefs_ + clf.intercepts_) → 4810
assert.equal(nParams, 4810);
assert.equal(clf.outActivation, "softmax");

// 200 epochs are not quite enough for tol = 1e-4: like scikit-learn, the fit says so
// py: w[0].category, str(w[0].message) → ConvergenceWarning, "Stochastic Optimizer: Maximum iterations (200) reached ..."
assert.equal(clf.nIter, 200);
assert.equal(clf.stopReason, "maxIter");
assert.equal(warnings.length, 1);
assert.equal(warnings[0].category, ConvergenceWarning);
assert.match(warnings[0].message, /Maximum iterations \(200\) reached/);
console.log(`  ${warnings[0].category.name}: ${warnings[0].message}`);
// the callback saw every epoch, with the loss that lossCurve recorded
assert.equal(seen.length, 200);
seen.forEach((info, t) => {
  assert.equal(info.epoch, t + 1);
  assert.equal(info.loss, clf.lossCurve![t]);
});

// The loss curve against scikit-learn's, epoch by epoch. Both runs do the same operations on
// the same numbers in the same order (same initial weights, same shuffles); only the summation
// order inside the matrix products differs (OpenBLAS's blocking vs our gemm), a relative
// rounding of about (d + h)·eps per epoch (d = 64 inputs, h = 64 hidden units). If training
// does not amplify it (which is what this checks), T epochs drift at most T·(d + h)·eps.
// py: clf.loss_curve_[t - 1] for t in (1, 10, 50, 100, 150, 200)
const sklearnLoss: [number, number][] = [
  [1, 2.3955230976039465],
  [10, 1.3015976513040286],
  [50, 0.18224507377871935],
  [100, 0.08104417705186229],
  [150, 0.044206219228393684],
  [200, 0.026372071976829232],
];
const drift = (T: number) => T * (64 + 64) * eps;
for (const [t, expected] of sklearnLoss) {
  const ours = clf.lossCurve![t - 1];
  console.log(`  epoch ${String(t).padStart(3)}: loss ${ours.toFixed(10)}   scikit-learn ${expected.toFixed(10)}`);
  assert.ok(Math.abs(ours - expected) <= drift(t) * expected, `epoch ${t}: loss ${ours} vs scikit-learn's ${expected}`);
}
// Adam's steps are small next to the curvature here: the training loss fell at every epoch
// py: np.sum(np.diff(clf.loss_curve_) > 0) → 0
const rises = clf.lossCurve!.filter((l, t) => t > 0 && l > clf.lossCurve![t - 1]).length;
console.log(`  the loss rose in ${rises} of 199 epochs`);
assert.equal(rises, 0);
charts["loss-curve"] = lossCurve(clf.lossCurve, { logScale: true, title: "Training loss per epoch (64-64-10, Adam, log scale)" });

// ================================================================ 4. How well it does on unseen digits
// py: y_pred = clf.predict(X_test); accuracy_score(y_test, y_pred) → 0.9844444444444445 (443 of 450)
const yPred = clf.predict(XTest);
const accuracy = accuracyScore(yTest, yPred);
console.log(`\ntest accuracy ${accuracy.toFixed(4)} (${Math.round(accuracy * 450)} of 450); scikit-learn: 0.9844`);
assert.ok(accuracy >= 0.95);
assert.equal(accuracy, 443 / 450);
// py: clf.score(X_train, y_train) → 0.9977728285077951 (1344 of 1347)
assert.equal(clf.score(XTrain, yTrain), 1344 / 1347);

// A prediction is the argmax of the softmax output. The rounding drift above (≲ 6e-12) cannot
// change one unless a test image sits within that of a tie between its two likeliest classes:
// the smallest gap between them is far larger, so the predictions must be scikit-learn's exactly.
const P = clf.predictProba(XTest); // (450, 10), rows sum to 1
const top2 = np.sort(P, { axis: 1 }).slice(":", "-2:"); // (450, 2): second largest, largest
const margin = np.min(top2.slice(":", 1).subtract(top2.slice(":", 0)));
console.log(`smallest gap between the two likeliest classes: ${margin.toFixed(4)} (scikit-learn: 0.0897)`);
// py: s = np.sort(clf.predict_proba(X_test), axis=1); (s[:, -1] - s[:, -2]).min() → 0.08971254801938677
assert.ok(Math.abs(margin - 0.08971254801938677) <= drift(200));
assert.ok(np.allclose(P.sum(1), np.ones([450]), { rtol: 0, atol: 10 * eps }));
// py: clf.predict_proba(X_test[:1])[0]
const sklearnProba0 = [
  8.604137276665652e-5, 1.813570554881037e-5, 6.818021988124085e-7, 4.349847576152875e-7, 2.192361598825774e-5, 4.7318868888954333e-5, 0.999143633008469,
  2.608112246410466e-6, 0.0006703657497129874, 8.856779422562923e-6,
];
assert.ok(np.allclose(P.slice(0), sklearnProba0, { rtol: drift(200), atol: 0 }));

// py: confusion_matrix(y_test, y_pred)   (rows: true digit, columns: predicted)
const cm = confusionMatrix(yTest, yPred);
console.log(`confusion matrix (rows: true 0..9, columns: predicted 0..9):\n${str(cm)}`);
assert.deepEqual(cm.toArray(), [
  [43, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  [0, 37, 0, 0, 0, 0, 0, 0, 0, 0],
  [0, 0, 38, 0, 0, 0, 0, 0, 0, 0],
  [0, 0, 0, 44, 0, 1, 0, 0, 1, 0],
  [0, 0, 0, 0, 55, 0, 0, 0, 0, 0],
  [0, 0, 0, 0, 0, 57, 1, 0, 0, 1],
  [0, 0, 0, 0, 0, 1, 44, 0, 0, 0],
  [0, 0, 0, 0, 0, 0, 0, 40, 0, 1],
  [0, 0, 0, 0, 0, 1, 0, 0, 37, 0],
  [0, 0, 0, 0, 0, 0, 0, 0, 0, 48],
]);
// the diagonal holds the hits, the rows the test set's class counts
assert.equal(np.trace(cm), 443);
assert.deepEqual(cm.sum(1).toArray(), np.bincount(yTest, { minlength: 10 }).toArray());
charts["confusion-matrix"] = confusionMatrixHeatmap(cm, { labels: digits.targetNames!, title: "Test set: true digit (rows) against predicted (columns)" });

// The seven mistakes, as pictures
// py: bad = np.flatnonzero(y_pred != y_test) → [133 149 234 239 244 339 431]
const bad = np.flatnonzero(yPred.notEqual(yTest));
assert.deepEqual(bad.toArray(), [133, 149, 234, 239, 244, 339, 431]);
// py: y_test[bad], y_pred[bad] → [7 3 5 8 6 5 3], [9 5 9 5 5 6 8]
assert.deepEqual(yTest.slice(bad).toArray(), [7, 3, 5, 8, 6, 5, 3]);
assert.deepEqual(yPred.slice(bad).toArray(), [9, 5, 9, 5, 5, 6, 8]);
const mistakes = (bad.toArray() as number[]).map((i) => `#${i}: ${yTest.get(i)} → ${yPred.get(i)}`);
console.log(`mistakes (test index: true → predicted): ${mistakes.join(", ")}`);
charts["mistakes"] = imageGrid(XTest.slice(bad).reshape(-1, 8, 8), { columns: 7, titles: mistakes, title: "The misclassified test digits (true → predicted)" });

// ================================================================ 5. Early stopping
// Hold out 10% of the training set (135 images), score it after every epoch, and stop when the
// score has not improved by tol for 10 epochs; the weights of the best epoch are kept. With ten
// classes scikit-learn draws that set by a plain permutation (stratified only for two classes),
// from the same stream after the initial weights, and so do we.
// py: es = MLPClassifier(hidden_layer_sizes=(64,), max_iter=200, random_state=0, early_stopping=True).fit(X_train, y_train)
const es = new MLPClassifier({ hiddenLayerSizes: [64], maxIter: 200, randomState: 0, earlyStopping: true, verbose: onTerminal }).fit(XTrain, yTrain);
const esAccuracy = accuracyScore(yTest, es.predict(XTest));
console.log(
  `\nearly stopping: stopped after ${es.nIter} epochs (${es.stopReason}), best validation accuracy ${es.bestValidationScore!.toFixed(4)}, test accuracy ${esAccuracy.toFixed(4)}`,
);
// py: es.n_iter_, es.best_validation_score_ → 62, 0.9333333333333333 (126 of 135)
assert.equal(es.nIter, 62);
assert.equal(es.stopReason, "noImprovement");
assert.equal(es.bestValidationScore, 126 / 135);
assert.equal(es.bestLoss, null); // as scikit-learn: best_loss_ is None with early stopping
// py: [round(s * 135) for s in es.validation_scores_]: the held-out hits per epoch
const sklearnHits = [
  9, 19, 49, 62, 68, 78, 82, 95, 103, 103, 105, 108, 110, 111, 112, 112, 113, 118, 117, 118, 116, 117, 118, 120, 120, 118, 119, 119, 120, 122, 121, 122, 122,
  123, 122, 122, 123, 122, 123, 124, 123, 123, 125, 124, 125, 124, 124, 124, 125, 125, 126, 126, 124, 126, 125, 126, 125, 125, 126, 125, 125, 125,
];
assert.deepEqual(
  es.validationScores!.map((s) => Math.round(s * 135)),
  sklearnHits,
);
// py: es.loss_curve_[-1] → 0.1857459982027051
assert.ok(Math.abs(es.lossCurve!.at(-1)! - 0.1857459982027051) <= drift(62) * 0.1857459982027051);
// py: accuracy_score(y_test, es.predict(X_test)) → 0.9466666666666667 (426 of 450)
assert.equal(esAccuracy, 426 / 450);
// On 135 held-out images the score moves in steps of 1/135 ≈ 0.0074 and stalls early (126 first
// reached at epoch 51): early stopping saved 138 epochs but cost 17 test images here. With so
// few validation images, a larger nIterNoChange (or a larger validationFraction) would wait longer.
charts["early-stopping"] = lossCurve(es.lossCurve, {
  validationScores: es.validationScores,
  title: "Early stopping: training loss and held-out accuracy per epoch",
});

// ================================================================ charts
const outDir = fileURLToPath(new URL("../out/11-mlp-digits/", import.meta.url));
const written = await writeCharts(outDir, charts, { title: "11 — MLPClassifier on the handwritten digits" });
assert.equal(written.length, 2 * Object.keys(charts).length + 1);
console.log(`\nwrote ${written.length} files:`);
for (const path of written) console.log(`  ${path}`);
console.log(`11-mlp-digits: all checks passed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
