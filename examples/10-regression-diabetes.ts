/**
 * 10 — Linear regression on real data: the diabetes set (Efron et al. 2004; issue #13,
 * "walkthroughs on real data"). 442 patients, 10 baseline measurements (age, sex, bmi, blood
 * pressure, six blood serum values s1…s6, unscaled), target: disease progression one year
 * later. A seeded 80/20 split (the same rows as scikit-learn's), ordinary least squares on all
 * ten features and on bmi alone, the coefficients and test R² against scikit-learn's, then
 * Ridge for a few α, on the raw features and standardised in a pipeline: on raw features one α
 * penalises a coefficient more the smaller its feature's spread (sex is 1 or 2, s5 a log
 * value), so scaling first is what makes α mean the same for all. Charts (regressionPlot:
 * predicted vs true and residuals; a hand-written vega-lite spec for R² against α) go to
 * out/10-regression-diabetes/.
 *
 * Run: npx tsx examples/10-regression-diabetes.ts
 * Every result is checked; a wrong number throws. Lines marked `py:` are the scikit-learn
 * Python each step translates. Expected values were computed by scikit-learn 1.2.1
 * (/usr/bin/python3) on the same CSV, read as
 *   c = np.loadtxt("datasets/diabetes.csv", delimiter=",", skiprows=1); X, y = c[:, :-1], c[:, -1]
 * (load_diabetes(scaled=False) holds the same values up to the last bit of a few s5 entries),
 * and pasted as literals.
 *
 * scikit-learn → Sliderule here:
 *   X, y = load_diabetes(return_X_y=True, scaled=False) → const { data: X, target: y } = loadDiabetes()
 *   train_test_split(X, y, test_size=0.2, random_state=42)
 *                              → trainTestSplit(X, y, { testSize: 0.2, randomState: 42 })
 *                                (the same legacy RandomState permutation: the same rows)
 *   LinearRegression().fit(X, y).coef_, .intercept_ → new LinearRegression().fit(X, y).coef, .intercept
 *   model.score(X, y), r2_score(y, y_pred)          → model.score(X, y), r2Score(y, yPred)
 *   Ridge(alpha=10)                                 → new Ridge({ alpha: 10 })
 *   make_pipeline(StandardScaler(), Ridge(alpha=10)) → makePipeline(new StandardScaler(), new Ridge({ alpha: 10 }))
 *   PredictionErrorDisplay.from_predictions(y, y_pred) → regressionPlot(y, yPred)
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import * as np from "@sliderule/ndarray";
import * as linalg from "@sliderule/linalg";
import { LinearRegression, Ridge, StandardScaler, makePipeline, meanSquaredError, r2Score, trainTestSplit } from "@sliderule/ml";
import { loadDiabetes } from "@sliderule/ml/datasets";
import { regressionPlot, VEGA_LITE_SCHEMA, type TopLevelSpec } from "@sliderule/ml/plot";
import { writeCharts } from "@sliderule/ml/node";

const str = (a: np.NDArray) => np.arrayToString(a); // Python's str(a)
const eps = 2 ** -52;
const charts: Record<string, TopLevelSpec> = {};

// ================================================================ how close to scikit-learn?
// Both fit on the centred data X_c (n × d) by backward-stable least squares (scikit-learn: SciPy's
// lstsq, LAPACK gelsd; ours: linalg.lstsq), so each solves a problem perturbed by ~(n + d)·eps
// relative, and the least-squares perturbation bound (Golub & Van Loan §5.3.7) gives
//   ‖Δw‖ / ‖w‖ ≲ (n + d)·eps·(κ + κ²·‖r‖ / (‖X_c‖·‖w‖)),   κ = cond(X_c), r the residual.
// Ridge by Cholesky solves (X_cᵀX_c + αI)·w = X_cᵀy; forming the product costs ~n·eps·‖X_c‖²,
// so ‖Δw‖ / ‖w‖ ≲ (n + d)·eps·cond(X_cᵀX_c + αI).
// A change Δw in the weights moves the test predictions by ‖Δŷ‖ ≤ ‖X_test − x̄‖_F·‖Δw‖ (the
// intercept absorbs the mean), and R² = 1 − ‖y − ŷ‖² / SS_tot by ≤ (2‖y − ŷ‖ + ‖Δŷ‖)·‖Δŷ‖ / SS_tot.
function centred(X: np.NDArray, mean: np.NDArray) {
  return X.subtract(mean);
}
function lstsqWeightTol(Xc: np.NDArray, w: np.NDArray, residual: np.NDArray): number {
  const [n, d] = Xc.shape;
  const kappa = linalg.cond(Xc);
  const wNorm = linalg.norm(w);
  return (n + d) * eps * (kappa + (kappa ** 2 * linalg.norm(residual)) / (linalg.norm(Xc, 2) * wNorm)) * wNorm;
}
function ridgeWeightTol(Xc: np.NDArray, alpha: number, w: np.NDArray): number {
  const [n, d] = Xc.shape;
  const A = Xc.T.matmul(Xc).add(np.eye(d).multiply(alpha));
  return (n + d) * eps * linalg.cond(A) * linalg.norm(w);
}
function r2Tol(XtestCentred: np.NDArray, yTest: np.NDArray, yPred: np.NDArray, wTol: number): number {
  const dy = linalg.norm(XtestCentred) * wTol;
  const ssTot = np.sum(np.square(yTest.subtract(np.mean(yTest))));
  return ((2 * linalg.norm(yTest.subtract(yPred)) + dy) * dy) / ssTot + 10 * yTest.shape[0] * eps;
}

// ================================================================ the data and the split
// py: X, y = load_diabetes(return_X_y=True, scaled=False)
const { data: X, target: y, featureNames } = loadDiabetes();
console.log(`diabetes: X ${X.shape.join(" × ")} (${featureNames.join(", ")}), y: progression, ${np.min(y)} … ${np.max(y)}\n`);
assert.deepEqual(X.shape, [442, 10]);

// py: X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)
const [XTrain, XTest, yTrain, yTest] = trainTestSplit(X, y, { testSize: 0.2, randomState: 42 }) as np.NDArray[];
console.log(`train ${XTrain.shape[0]} rows, test ${XTest.shape[0]} rows; y_test[:5] = ${str(yTest.slice(":5"))}`);
// python3: y_test[:5], y_test.sum(), y_train.sum(), X_test[:, 2].sum() → [219. 70. 202. 230. 111.], 12974.0, 54269.0, 2290.6
assert.deepEqual(yTest.slice(":5").toArray(), [219, 70, 202, 230, 111]);
assert.equal(yTest.shape[0], 89);
assert.equal(yTest.sum(), 12974);
assert.equal(yTrain.sum(), 54269);
assert.ok(Math.abs(XTest.slice(":", 2).sum() - 2290.6) <= 89 * eps * 2290.6);
console.log("  the same rows as scikit-learn's split (the legacy RandomState(42) permutation)\n");
const xBar = XTrain.mean(0);
const XTrainC = centred(XTrain, xBar);
const XTestC = centred(XTest, xBar);

// ================================================================ ordinary least squares, all ten features
// py: model = LinearRegression().fit(X_train, y_train)
const model = new LinearRegression().fit(XTrain, yTrain);
const coef = model.coef!;
const intercept = model.intercept as number;
// py: y_pred = model.predict(X_test); r2_score(y_test, y_pred)
const yPred = model.predict(XTest);
const testR2 = r2Score(yTest, yPred) as number;
const trainR2 = model.score(XTrain, yTrain);
console.log(`LinearRegression: coef = ${str(coef)}`);
console.log(
  `  intercept = ${intercept.toFixed(4)}, train R² = ${trainR2.toFixed(4)}, test R² = ${testR2.toFixed(4)}, test MSE = ${(meanSquaredError(yTest, yPred) as number).toFixed(1)}`,
);
// python3: m = LinearRegression().fit(X_train, y_train); m.coef_, m.intercept_, m.score(X_test, y_test), m.score(X_train, y_train), mean_squared_error(y_test, m.predict(X_test))
const skCoef = [
  0.1376878150024156, -23.064467722824972, 5.8463626514903115, 1.1970925183253567, -1.2816847398758882, 0.8111520257425768, 0.6016531873240485,
  10.15953916545559, 67.10896239682853, 0.2015990666984844,
];
const skIntercept = -341.37823633350547;
const skTestR2 = 0.4526027629719186;
const skTrainR2 = 0.5279193863361497;
const skTestMse = 2900.193628493486;
const wTol = lstsqWeightTol(XTrainC, coef, yTrain.subtract(model.predict(XTrain)));
const coefErr = linalg.norm(coef.subtract(skCoef));
const testR2Tol = r2Tol(XTestC, yTest, yPred, wTol);
console.log(
  `  vs scikit-learn: ‖Δcoef‖ = ${coefErr.toExponential(1)} (bound ${wTol.toExponential(1)}, cond(X_c) = ${linalg.cond(XTrainC).toFixed(0)}), |ΔR²| = ${Math.abs(testR2 - skTestR2).toExponential(1)}\n`,
);
assert.ok(coefErr <= wTol);
// b = ȳ − x̄·w, so Δb = x̄·Δw (plus rounding of ȳ)
assert.ok(Math.abs(intercept - skIntercept) <= linalg.norm(xBar) * wTol + 10 * eps * np.max(np.abs(yTrain)));
assert.ok(Math.abs(testR2 - skTestR2) <= testR2Tol);
assert.ok(Math.abs(trainR2 - skTrainR2) <= r2Tol(XTrainC, yTrain, model.predict(XTrain), wTol));
assert.ok(Math.abs((meanSquaredError(yTest, yPred) as number) - skTestMse) <= testR2Tol * np.var(yTest));
// what least squares promises: the training residual is orthogonal to every centred column (X_cᵀr = 0)
const normalResidual = linalg.norm(XTrainC.T.matmul(yTrain.subtract(model.predict(XTrain))));
assert.ok(normalResidual <= (XTrain.shape[0] + 10) * eps * linalg.norm(XTrainC, 2) * (linalg.norm(XTrainC, 2) * linalg.norm(coef) + linalg.norm(yTrain)));
// the biggest weights are on s5 and sex: per unit of each feature, and those two vary least
// (python3: np.argsort(-np.abs(m.coef_))[:2] → [8, 1])
const byWeight = (np.argsort(np.abs(coef)).slice("::-1").toArray() as number[]).map((j) => featureNames[j]);
console.log(`  largest |coef|: ${byWeight.slice(0, 3).join(", ")} (per unit of the feature)\n`);
assert.deepEqual(byWeight.slice(0, 2), ["s5", "sex"]);

charts["linear-regression"] = regressionPlot(yTest, yPred, { title: `LinearRegression, 10 features: test R² = ${testR2.toFixed(3)}` });

// ================================================================ one feature: bmi
// scikit-learn's "Linear Regression Example" fits bmi alone, the strongest single predictor
// py: bmi = LinearRegression().fit(X_train[:, [2]], y_train)
const bmi = featureNames.indexOf("bmi");
const XTrainBmi = XTrain.slice(":", [bmi]); // (n, 1): a column, as X[:, [2]]
const XTestBmi = XTest.slice(":", [bmi]);
const simple = new LinearRegression().fit(XTrainBmi, yTrain);
const yPredBmi = simple.predict(XTestBmi);
const bmiR2 = r2Score(yTest, yPredBmi) as number;
console.log(`bmi alone: progression ≈ ${simple.coef!.get(0).toFixed(4)}·bmi ${(simple.intercept as number).toFixed(4)}, test R² = ${bmiR2.toFixed(4)}`);
// python3: b = LinearRegression().fit(X_train[:, [2]], y_train); b.coef_, b.intercept_, b.score(X_test[:, [2]], y_test)
const bmiTol = lstsqWeightTol(centred(XTrainBmi, XTrainBmi.mean(0)), simple.coef!, yTrain.subtract(simple.predict(XTrainBmi)));
assert.ok(Math.abs(simple.coef!.get(0) - 10.762790900604497) <= bmiTol);
assert.ok(Math.abs((simple.intercept as number) - -131.87377836094223) <= XTrainBmi.mean() * bmiTol + 10 * eps * np.max(np.abs(yTrain)));
assert.ok(Math.abs(bmiR2 - 0.23335039815872138) <= r2Tol(centred(XTestBmi, XTrainBmi.mean(0)), yTest, yPredBmi, bmiTol));
console.log(`  the other nine features add ${(testR2 - bmiR2).toFixed(4)} to the test R²\n`);
assert.ok(testR2 > bmiR2);

charts["bmi-regression"] = regressionPlot(yTest, yPredBmi, {
  x: XTestBmi.reshape(-1),
  xTitle: "bmi (kg/m²)",
  title: `bmi alone: test R² = ${bmiR2.toFixed(3)}`,
});

// ================================================================ Ridge: raw features, then standardised
// py: for alpha in [0.1, 1, 10, 100, 1000]: Ridge(alpha=alpha).fit(X_train, y_train)
// python3: r = Ridge(alpha=a).fit(X_train, y_train); r.score(X_test, y_test), np.linalg.norm(r.coef_)
const alphas = [0.1, 1, 10, 100, 1000];
const skRidgeRaw: Record<number, [number, number]> = {
  0.1: [0.45256560038487015, 71.29469570843824],
  1: [0.4520945451686047, 65.95201809447032],
  10: [0.4455268080952063, 40.05148495061626],
  100: [0.430345469028208, 13.653214930976588],
  1000: [0.4265231624192397, 6.680832024091965],
};
// python3: p = make_pipeline(StandardScaler(), Ridge(alpha=a)).fit(X_train, y_train); p.score(X_test, y_test), np.linalg.norm(p[-1].coef_)
const skRidgeStd: Record<number, [number, number]> = {
  0.1: [0.45281775734917173, 70.21431269170937],
  1: [0.45414652070698247, 60.90884528542328],
  10: [0.4572109567780849, 43.02796965416983],
  100: [0.46052426916422706, 34.28282625787422],
  1000: [0.34850651661612286, 15.88444231961729],
};
const scalerForTol = new StandardScaler().fit(XTrain);
const ZTrain = scalerForTol.transform(XTrain); // centred already
const ZTest = scalerForTol.transform(XTest);
const path: { alpha: number; features: string; r2: number }[] = [];
console.log("  alpha   raw: test R²   ‖w‖      standardised: test R²   ‖w‖ (per std of feature)");
for (const alpha of alphas) {
  // py: raw = Ridge(alpha=alpha).fit(X_train, y_train)
  const raw = new Ridge({ alpha }).fit(XTrain, yTrain);
  const rawPred = raw.predict(XTest);
  const rawR2 = r2Score(yTest, rawPred) as number;
  const rawNorm = linalg.norm(raw.coef!);
  const rawTol = ridgeWeightTol(XTrainC, alpha, raw.coef!);
  assert.ok(Math.abs(rawNorm - skRidgeRaw[alpha][1]) <= rawTol, `Ridge(${alpha}) ‖w‖`);
  assert.ok(Math.abs(rawR2 - skRidgeRaw[alpha][0]) <= r2Tol(XTestC, yTest, rawPred, rawTol), `Ridge(${alpha}) R²`);
  // what ridge promises: the gradient of ‖y_c − X_c·w‖² + α‖w‖² vanishes, X_cᵀ(y_c − X_c·w) = α·w
  const gradient = XTrainC.T.matmul(yTrain.subtract(raw.predict(XTrain))).subtract(raw.coef!.multiply(alpha));
  assert.ok(
    linalg.norm(gradient) <=
      (XTrain.shape[0] + 10) * eps * linalg.norm(XTrainC, 2) * (linalg.norm(XTrainC, 2) * rawNorm + linalg.norm(yTrain)) + alpha * rawTol,
  );

  // py: std = make_pipeline(StandardScaler(), Ridge(alpha=alpha)).fit(X_train, y_train)
  const ridge = new Ridge({ alpha });
  const pipe = makePipeline(new StandardScaler(), ridge).fit(XTrain, yTrain);
  const stdPred = pipe.predict(XTest);
  const stdR2 = pipe.score(XTest, yTest);
  const stdNorm = linalg.norm(ridge.coef!);
  // the scaler's own rounding (one divide per entry) is far inside the (n + d)·eps·cond bound
  const stdTol = ridgeWeightTol(ZTrain, alpha, ridge.coef!);
  assert.ok(Math.abs(stdNorm - skRidgeStd[alpha][1]) <= stdTol, `pipeline Ridge(${alpha}) ‖w‖`);
  assert.ok(Math.abs(stdR2 - skRidgeStd[alpha][0]) <= r2Tol(ZTest, yTest, stdPred, stdTol), `pipeline Ridge(${alpha}) R²`);
  console.log(
    `  ${String(alpha).padStart(5)}   ${rawR2.toFixed(4)}        ${rawNorm.toFixed(2).padStart(6)}   ${stdR2.toFixed(4)}                  ${stdNorm.toFixed(2).padStart(6)}`,
  );
  path.push({ alpha, features: "raw", r2: rawR2 }, { alpha, features: "standardised", r2: stdR2 });
}
// α → 0 is least squares: Ridge(1e-8) on standardised data has OLS's test R² (the same model:
// scaling the columns rescales w, not the fitted values). The penalty moves w by at most
// α/σ_min(Z)²·‖w‖ (the filter factors σ²/(σ² + α) differ from 1 by at most α/σ_min²).
const tiny = 1e-8;
const nearOlsRidge = new Ridge({ alpha: tiny });
const nearOls = makePipeline(new StandardScaler(), nearOlsRidge).fit(XTrain, yTrain);
const sMin = np.min(linalg.svd(ZTrain, { computeUv: false }));
const nearOlsTol = (tiny / sMin ** 2) * linalg.norm(nearOlsRidge.coef!) + ridgeWeightTol(ZTrain, tiny, nearOlsRidge.coef!);
assert.ok(Math.abs(nearOls.score(XTest, yTest) - testR2) <= r2Tol(ZTest, yTest, yPred, nearOlsTol));
// the shrinkage: ‖w‖ falls as α grows, on both
const norms = alphas.map((alpha) => linalg.norm(new Ridge({ alpha }).fit(XTrain, yTrain).coef!));
for (let i = 1; i < norms.length; i++) assert.ok(norms[i] < norms[i - 1]);
// on raw features every α hurts; standardised, α up to 100 helps (and 1000 overshrinks)
const r2Of = (features: string) => path.filter((p) => p.features === features).map((p) => p.r2);
const raw = r2Of("raw");
const std = r2Of("standardised");
for (let i = 0; i < raw.length; i++) assert.ok(raw[i] < testR2);
assert.ok(std[3] > testR2 && std[3] === Math.max(...std));
console.log(`\nOn raw features Ridge only lowers the test R² (${testR2.toFixed(4)} → ${raw[raw.length - 1].toFixed(4)}): α shrinks the coefficient of`);
console.log(`a feature with a small spread (sex, s5) the hardest. Standardised, the best α = 100 gives ${std[3].toFixed(4)}.\n`);

// R² against α, raw vs standardised: a small spec by hand (no helper draws this one)
charts["ridge-alpha"] = {
  $schema: VEGA_LITE_SCHEMA,
  title: "Ridge on diabetes: test R² against α",
  description: `The dashed line is LinearRegression's test R² (${testR2.toFixed(4)}).`,
  width: 360,
  height: 260,
  layer: [
    {
      data: { values: path },
      mark: { type: "line", point: true },
      encoding: {
        x: { field: "alpha", type: "quantitative", scale: { type: "log" }, title: "α" },
        y: { field: "r2", type: "quantitative", scale: { zero: false }, title: "test R²" },
        color: { field: "features", type: "nominal", title: "features" },
      },
    },
    {
      data: { values: [{ r2: testR2 }] },
      mark: { type: "rule", strokeDash: [4, 4], color: "black" },
      encoding: { y: { field: "r2", type: "quantitative" } },
    },
  ],
};

// ================================================================ the charts
const outDir = fileURLToPath(new URL("../out/10-regression-diabetes/", import.meta.url));
const written = await writeCharts(outDir, charts, { title: "10 — Linear regression on diabetes" });
assert.equal(written.length, 2 * Object.keys(charts).length + 1);
console.log(`wrote:\n  ${written.join("\n  ")}`);
console.log("10-regression-diabetes: all checks passed");
