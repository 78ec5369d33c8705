/**
 * The flagship demo (`npm run demo`): three classic models on three real data sets, in the
 * shape a scikit-learn user already knows, on Sliderule's own linear algebra, in a few seconds.
 *
 *   1. PCA of the wine data (178 wines × 13 measurements), standardised first
 *   2. Linear regression on the diabetes data (442 patients × 10 measurements), 75/25 split
 *   3. A neural network (MLPClassifier, 64-64-10) on the 8×8 handwritten digits, 75/25 split
 *
 * and the charts a course would draw for each (a 2-D projection, a scree plot, predicted vs
 * true with residuals, a loss curve, a confusion matrix), written as SVG files and one HTML
 * page into out/demo/. The walkthroughs examples/NN-*.ts go through each step slowly.
 *
 * Run: npm run demo   (or npx tsx examples/demo.ts)
 * Every result is checked against scikit-learn 1.2's (the Python is beside each number); a
 * wrong number throws.
 */
import assert from "node:assert/strict";
import * as np from "@sliderule/ndarray";
import { LinearRegression, MLPClassifier, PCA, StandardScaler, accuracyScore, confusionMatrix, trainTestSplit } from "@sliderule/ml";
import { loadDiabetes, loadDigits, loadWine } from "@sliderule/ml/datasets";
import { writeCharts } from "@sliderule/ml/node";
import { confusionMatrixHeatmap, lossCurve, pcaScatter, regressionPlot, screePlot, type TopLevelSpec } from "@sliderule/ml/plot";

const started = performance.now();
const charts: Record<string, TopLevelSpec> = {};
const percent = (r: number) => `${(100 * r).toFixed(1)}%`;

// ---------------------------------------------------------------- 1. PCA of the wine data
console.log("1. PCA of the wine data");
const wine = loadWine();
// py: Z = StandardScaler().fit_transform(X); pca = PCA(n_components=2).fit(Z)
const Z = new StandardScaler().fitTransform(wine.data);
const pca = new PCA({ nComponents: 2 }).fit(Z);
const ratio = pca.explainedVarianceRatio!.toArray() as number[];
console.log(
  `   ${wine.data.shape[0]} wines × ${wine.data.shape[1]} features; the first two components explain ${percent(ratio[0])} and ${percent(ratio[1])} of the variance`,
);
// py: pca.explained_variance_ratio_ → [0.3619884810921799, 0.1920749021888408] (on datasets/wine.csv)
assert.ok(Math.abs(ratio[0] - 0.3619884810921799) < 1e-12 && Math.abs(ratio[1] - 0.1920749021888408) < 1e-12);
charts["wine-pca"] = pcaScatter(pca.transform(Z), wine.target, {
  targetNames: wine.targetNames,
  explainedVarianceRatio: pca.explainedVarianceRatio,
  title: "Wine, standardised, on its first two principal components",
});
charts["wine-scree"] = screePlot(new PCA().fit(Z).explainedVarianceRatio, { title: "Wine: variance explained per component" });

// ---------------------------------------------------------------- 2. Linear regression
console.log("2. Linear regression on the diabetes data");
const diabetes = loadDiabetes();
// py: X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
const [XTrain, XTest, yTrain, yTest] = trainTestSplit(diabetes.data, diabetes.target, { testSize: 0.25, randomState: 0 }) as np.NDArray[];
const reg = new LinearRegression().fit(XTrain, yTrain);
const r2 = reg.score(XTest, yTest);
console.log(`   trained on ${XTrain.shape[0]} patients; R² on the ${XTest.shape[0]} held out: ${r2.toFixed(4)}`);
// py: LinearRegression().fit(X_train, y_train).score(X_test, y_test) → 0.35940880381777085
assert.ok(Math.abs(r2 - 0.35940880381777085) < 1e-10);
charts["diabetes-regression"] = regressionPlot(yTest, reg.predict(XTest), { title: "Diabetes: predicted against true progression (test set)" });

// ---------------------------------------------------------------- 3. A neural network on digits
console.log("3. A neural network on the handwritten digits");
const digits = loadDigits();
const pixels = digits.data.divide(16); // 0..16 → 0..1
const [dTrain, dTest, lTrain, lTest] = trainTestSplit(pixels, digits.target, { testSize: 0.25, randomState: 0 }) as np.NDArray[];
// py: MLPClassifier(hidden_layer_sizes=(64,), max_iter=60, random_state=0, verbose=True).fit(X_train, y_train)
// (60 epochs keeps the demo short; like scikit-learn, it ends with a ConvergenceWarning saying so)
const mlp = new MLPClassifier({ hiddenLayerSizes: [64], maxIter: 60, randomState: 0, verbose: true }).fit(dTrain, lTrain);
const predicted = mlp.predict(dTest);
const accuracy = accuracyScore(lTest, predicted);
console.log(`   ${mlp.nIter} epochs; accuracy on the ${dTest.shape[0]} held-out digits: ${percent(accuracy)}`);
// the same initial weights, shuffles and arithmetic as scikit-learn's (its RandomState stream):
// py: clf.n_iter_, clf.score(X_test, y_test), clf.loss_curve_[-1] → 60, 0.9644444444444444, 0.14099881680894708
const finalLoss = mlp.lossCurve![mlp.lossCurve!.length - 1];
assert.ok(
  mlp.nIter === 60 && accuracy === 0.9644444444444444 && Math.abs(finalLoss - 0.14099881680894708) < 1e-10 * finalLoss,
  `digits: ${mlp.nIter} epochs, accuracy ${accuracy}, final loss ${finalLoss}`,
);
charts["digits-loss"] = lossCurve(mlp.lossCurve!, { title: "Digits: training loss per epoch" });
charts["digits-confusion"] = confusionMatrixHeatmap(confusionMatrix(lTest, predicted), { title: "Digits: confusion matrix (test set)" });

// ---------------------------------------------------------------- the charts
const written = await writeCharts(new URL("../out/demo/", import.meta.url).pathname, charts, { title: "Sliderule demo" });
console.log(`\nCharts (open index.html in a browser):\n  ${written.filter((p) => p.endsWith(".svg") || p.endsWith(".html")).join("\n  ")}`);
console.log(
  `\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s. Walkthroughs: npx tsx examples/01-ndarray-basics.ts … 13-svd-image-compression.ts`,
);
