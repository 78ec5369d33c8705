/**
 * 07 — Linear regression: the tutorial's section "Real-World ML Applications → Linear
 * Regression with Normal Equations". Its `linear_regression_normal_eq` is written by hand with
 * the three methods it lists (1: inverse of XᵀX, 2: solve the normal equations, 3: lstsq) on
 * its synthetic data (np.random.seed(42), y = 2·x1 + 3·x2 − x3 + 5 + noise), where all three
 * agree; then a badly conditioned design (polynomial features 1, x, …, x⁹ on [0, 1]) where the
 * normal equations lose digits, because cond(XᵀX) = cond(X)², while lstsq keeps them; then
 * @sliderule/ml's `LinearRegression` (default SVD least squares, and `{ solver: "normal" }`,
 * which warns) and `Ridge`.
 *
 * Run: npx tsx examples/07-linear-regression.ts
 * Every result is checked; a wrong number throws. Lines marked `py:` are the tutorial's Python;
 * the line below translates them. Expected values were computed by NumPy 2.4 and scikit-learn
 * 1.2 (the Python call is beside each) and pasted as literals.
 *
 * NumPy / scikit-learn → Sliderule here:
 *   np.column_stack([np.ones(len(X)), X])      → np.columnStack([np.ones([n]), X])
 *   np.linalg.inv(A) @ B, np.linalg.solve(A, b)  → linalg.inv(A).matmul(B), linalg.solve(A, b)
 *   coef, residuals, rank, s = np.linalg.lstsq(X, y, rcond=None)
 *                                              → const { x: coef, residuals, rank, s } = linalg.lstsq(X, y, { rcond: null })
 *   np.linalg.cond(A)                          → linalg.cond(A) (a number)
 *   LinearRegression().fit(X, y).coef_, .intercept_ → new LinearRegression().fit(X, y).coef, .intercept
 *   Ridge(alpha=1.0)                           → new Ridge({ alpha: 1 })
 *   with warnings.catch_warnings(record=True) as w: ...  → const { result, warnings } = np.warnings.catchWarnings(() => ...)
 */
import assert from "node:assert/strict";
import * as np from "@sliderule/ndarray";
import * as linalg from "@sliderule/linalg";
import { LinearRegression, Ridge } from "@sliderule/ml";

const show = (label: string, a: np.NDArray | number | string | boolean) => console.log(`${label}:\n${String(a)}\n`);
const str = (a: np.NDArray) => np.arrayToString(a); // Python's str(a), what an f-string prints
const eps = 2 ** -52;
/** ‖a − b‖ / ‖b‖. */
const relativeError = (a: np.NDArray, b: np.NDArray) => linalg.norm(a.subtract(b)) / linalg.norm(b);

// ================================================================ the tutorial's function
type Method = "inv" | "solve" | "lstsq";
/**
 * Linear regression through the normal equations θ = (XᵀX)⁻¹·Xᵀ·y, by one of the tutorial's
 * three methods (its active line is lstsq). X: (n_samples, n_features), y: (n_samples,).
 * Returns the coefficients [bias, w_1, …, w_d].
 */
function linearRegressionNormalEq(X: np.NDArray, y: np.NDArray, method: Method = "lstsq"): np.NDArray {
  // Add bias term (column of ones)
  // py: X_bias = np.column_stack([np.ones(len(X)), X])
  const Xbias = np.columnStack([np.ones([X.shape[0]]), X]);
  switch (method) {
    case "inv":
      // Method 1: Direct inverse (not recommended)
      // py: coefficients = np.linalg.inv(X_bias.T @ X_bias) @ X_bias.T @ y
      return linalg.inv(Xbias.T.matmul(Xbias)).matmul(Xbias.T).matmul(y);
    case "solve":
      // Method 2: Solve normal equations (more stable)
      // py: coefficients = np.linalg.solve(X_bias.T @ X_bias, X_bias.T @ y)
      return linalg.solve(Xbias.T.matmul(Xbias), Xbias.T.matmul(y));
    case "lstsq": {
      // Method 3: Least squares (most stable): the SVD of X_bias itself, XᵀX is never formed
      // py: coefficients, residuals, rank, s = np.linalg.lstsq(X_bias, y, rcond=None)
      const { x: coefficients } = linalg.lstsq(Xbias, y, { rcond: null });
      return coefficients;
    }
  }
}

// ================================================================ the tutorial's synthetic data
// py: np.random.seed(42); n_samples = 100; X = np.random.randn(n_samples, 3)
np.random.seed(42);
const nSamples = 100;
const X = np.random.randn(nSamples, 3);
// py: true_coef = np.array([2, 3, -1])   (integers, as NumPy prints them)
const trueCoef = np.array([2, 3, -1], "int32");
// py: y = X @ true_coef + 5 + np.random.randn(n_samples) * 0.5  # y = 2*x1 + 3*x2 - x3 + 5 + noise
const y = X.matmul(trueCoef).add(5).add(np.random.randn(nSamples).multiply(0.5));
// The same numbers as NumPy (python3: ... as above; y[:3])
assert.ok(np.allclose(y.slice(":3"), [4.516449358947182, 7.297646025496739, 11.303851006970092], { rtol: 4 * eps, atol: 0 }));

// Fit model
// py: coefficients = linear_regression_normal_eq(X, y)
const coefficients = linearRegressionNormalEq(X, y);
console.log(`True coefficients: bias=5, coef=${str(trueCoef)}`);
console.log(`Estimated: bias=${coefficients.get(0).toFixed(4)}, coef=${str(coefficients.slice("1:"))}`);
// NumPy prints "True coefficients: bias=5, coef=[ 2  3 -1]" and
// "Estimated: bias=5.0564, coef=[ 1.96116836  2.97501822 -1.05379666]"
assert.equal(str(trueCoef), "[ 2  3 -1]");
assert.equal(coefficients.get(0).toFixed(4), "5.0564");
assert.equal(str(coefficients.slice("1:")), "[ 1.96116836  2.97501822 -1.05379666]");

// Predictions
// py: X_bias = np.column_stack([np.ones(len(X)), X]); y_pred = X_bias @ coefficients
const Xbias = np.columnStack([np.ones([nSamples]), X]);
const yPred = Xbias.matmul(coefficients);
// py: rmse = np.sqrt(np.mean((y - y_pred)**2))
const rmse = Math.sqrt(y.subtract(yPred).square().mean());
console.log(`RMSE: ${rmse.toFixed(4)}\n`); // NumPy: RMSE: 0.4350
assert.equal(rmse.toFixed(4), "0.4350");

// The three methods on this well-conditioned problem (cond(X_bias) ≈ 1.47, cond(XᵀX) ≈ 2.17)
// python3: np.linalg.lstsq(X_bias, y, rcond=None)[0]
const numpyLstsq = [5.056431145685859, 1.9611683569080305, 2.9750182246398036, -1.0537966570830128];
const condXbias = linalg.cond(Xbias);
const condGram = linalg.cond(Xbias.T.matmul(Xbias));
console.log(`cond(X_bias) = ${condXbias.toFixed(4)}, cond(X_biasᵀX_bias) = ${condGram.toFixed(4)}`);
for (const method of ["inv", "solve", "lstsq"] as const) {
  const theta = linearRegressionNormalEq(X, y, method);
  const err = relativeError(theta, np.array(numpyLstsq));
  console.log(`  ${method.padEnd(5)}: ${str(theta)}   (relative difference from NumPy's lstsq ${err.toExponential(1)})`);
  // each is within its forward-error bound: ~n·eps·cond(XᵀX) for the normal equations, cond(X) for lstsq
  assert.ok(err <= 10 * nSamples * eps * condGram, `${method}: ${err}`);
}
console.log();

// ================================================================ a badly conditioned design
// Polynomial features x⁰ … x⁹ on 100 points of [0, 1] (the columns look alike: x⁸ ≈ x⁹), with
// every true coefficient 1 and no noise, so the exact answer is known: θ = (1, …, 1).
const degree = 9;
const x = np.linspace(0, 1, 100);
const powers = np.columnStack(Array.from({ length: degree }, (_, p) => x.power(p + 1))); // x¹ … x⁹
const V = np.columnStack([np.ones([100]), powers]); // with the bias column: the Vandermonde matrix
const thetaTrue = np.ones([degree + 1]);
const yPoly = V.matmul(thetaTrue);
const p = degree + 1;

// Forming XᵀX squares the condition number: σ_i(XᵀX) = σ_i(X)²
const condV = linalg.cond(V);
const condVtV = linalg.cond(V.T.matmul(V));
console.log(`cond(X) = ${condV.toExponential(3)}, cond(X)² = ${(condV * condV).toExponential(3)}, cond(XᵀX) = ${condVtV.toExponential(3)}`);
// python3: np.linalg.cond(X) = 3720104.4109616093, np.linalg.cond(X.T @ X) = 1.383747607755834e13
// σ_min carries an absolute error ~p·eps·σ_max, so cond(X) is good to ~p·eps·cond(X) relative
// (≈ 1e-8 here), and cond(XᵀX), from σ(XᵀX), only to ~p·eps·cond(X)² (≈ 3e-2 here)
assert.ok(Math.abs(condV / 3720104.4109616093 - 1) <= 10 * p * eps * condV);
assert.ok(Math.abs(condVtV / (condV * condV) - 1) <= 10 * p * eps * condV * condV);

const errors: Record<Method, number> = { inv: 0, solve: 0, lstsq: 0 };
for (const method of ["inv", "solve", "lstsq"] as const) {
  // linearRegressionNormalEq adds the bias column itself: pass x¹ … x⁹
  const { result: theta, warnings } = np.warnings.catchWarnings(() => linearRegressionNormalEq(powers, yPoly, method));
  errors[method] = relativeError(theta, thetaTrue);
  const digits = -Math.log10(errors[method]);
  console.log(
    `  ${method.padEnd(5)}: ‖θ − θ_true‖ / ‖θ_true‖ = ${errors[method].toExponential(2)}  (${digits.toFixed(1)} correct digits)${warnings.length ? `  [${warnings[0].category.name}]` : ""}`,
  );
}
// NumPy 2.4 (python3, the same lines): inv 2.1e-03, solve 6.5e-05, lstsq 7.6e-11
// lstsq is backward stable: its error is at most ~cond(X)·eps (times a modest constant) …
assert.ok(errors.lstsq <= 10 * p * condV * eps, `lstsq: ${errors.lstsq}`);
// … the normal equations only by ~cond(X)²·eps, and they use much of it: about 16 − 2·log10 cond(X)
// ≈ 3 digits survive, against 16 − log10 cond(X) ≈ 9 or more for lstsq
assert.ok(errors.solve <= 10 * p * condV * condV * eps, `solve: ${errors.solve}`);
assert.ok(errors.solve > 1e3 * errors.lstsq, `normal equations should lose digits here: ${errors.solve} vs ${errors.lstsq}`);
assert.ok(errors.inv > 1e3 * errors.lstsq, `inv should lose digits here: ${errors.inv} vs ${errors.lstsq}`);
console.log("The normal equations lose the digits that forming XᵀX squares away; lstsq keeps them.\n");

// ================================================================ @sliderule/ml: LinearRegression and Ridge
// py: LinearRegression().fit(X, y)  (scikit-learn centres X and y, so the intercept is separate)
const lr = new LinearRegression().fit(X, y);
console.log(`LinearRegression: intercept=${(lr.intercept as number).toFixed(4)}, coef=${str(lr.coef!)}, R²=${lr.score(X, y).toFixed(4)}`);
// scikit-learn 1.2.1: coef_ = [1.9611683569080316, 2.9750182246398054, -1.0537966570830133],
// intercept_ = 5.056431145685859, score(X, y) = 0.9858578573535188
assert.ok(np.allclose(lr.coef!, [1.9611683569080316, 2.9750182246398054, -1.0537966570830133], { rtol: 0, atol: 10 * nSamples * eps * condXbias }));
assert.ok(Math.abs((lr.intercept as number) - 5.056431145685859) <= 10 * nSamples * eps * condXbias * 5);
assert.ok(Math.abs(lr.score(X, y) - 0.9858578573535188) <= 10 * nSamples * eps);
// and the hand-written lstsq: the same model
assert.ok(np.allclose(lr.coef!, coefficients.slice("1:"), { rtol: 0, atol: 10 * nSamples * eps * condXbias }));

// On the polynomial design: the default (SVD least squares) keeps the digits
const lrPoly = new LinearRegression().fit(powers, yPoly);
const lrPolyErr = relativeError(lrPoly.coef!, np.ones([degree]));
console.log(`LinearRegression() on x¹…x⁹: coefficient error ${lrPolyErr.toExponential(2)}, intercept ${lrPoly.intercept}`);
assert.ok(lrPolyErr <= 10 * p * condV * eps);
assert.ok(Math.abs((lrPoly.intercept as number) - 1) <= 10 * p * condV * eps);

// { solver: "normal" } is the tutorial's method 2, by Cholesky of X_cᵀX_c: it warns when
// cond(X_cᵀX_c) > 1e12. Caught here as Python's `with warnings.catch_warnings(record=True)`.
const { result: lrNormal, warnings } = np.warnings.catchWarnings(() => new LinearRegression({ solver: "normal" }).fit(powers, yPoly));
for (const w of warnings) console.log(`  caught ${w.category.name}: ${w.message}`);
assert.equal(warnings.length, 1);
assert.equal(warnings[0].category, np.RuntimeWarning);
assert.match(warnings[0].message, /^LinearRegression: solver "normal": cond\(XᵀX\) = /);
const lrNormalErr = relativeError(lrNormal.coef!, np.ones([degree]));
console.log(`LinearRegression({ solver: "normal" }): coefficient error ${lrNormalErr.toExponential(2)}`);
// centred, cond(X_c) ≈ 2.1e6 (python3: np.linalg.cond(Xc) = 2101028.961296478)
const condXc = linalg.cond(powers.subtract(powers.mean(0)));
assert.ok(lrNormalErr <= 10 * p * condXc * condXc * eps);
assert.ok(lrNormalErr > 1e3 * lrPolyErr, `normal: ${lrNormalErr} vs lstsq ${lrPolyErr}`);
// a filter turns the warning into an error, as warnings.simplefilter("error") does
assert.throws(
  () =>
    np.warnings.catchWarnings(() => {
      np.warnings.filterWarnings("error", np.RuntimeWarning);
      return new LinearRegression({ solver: "normal" }).fit(powers, yPoly);
    }),
  (e: unknown) => e instanceof np.RuntimeWarning,
);
console.log();

// Ridge: (X_cᵀX_c + α·I)·w = X_cᵀ·y_c, also by Cholesky, but α lifts every eigenvalue of X_cᵀX_c
// by α, so cond ≤ (σ_max² + α) / α whatever X is: stable, at the price of a bias towards 0.
// py: Ridge(alpha=1.0).fit(X, y)
const ridgeAlpha = 1;
const ridge = new Ridge({ alpha: ridgeAlpha }).fit(X, y);
console.log(`Ridge(alpha=1): intercept=${(ridge.intercept as number).toFixed(4)}, coef=${str(ridge.coef!)}`);
// scikit-learn 1.2.1: coef_ = [1.9310458437922784, 2.943111383227776, -1.05139099200932], intercept_ = 5.053168975397025
assert.ok(np.allclose(ridge.coef!, [1.9310458437922784, 2.943111383227776, -1.05139099200932], { rtol: 0, atol: 10 * nSamples * eps * condGram }));
assert.ok(Math.abs((ridge.intercept as number) - 5.053168975397025) <= 10 * nSamples * eps * condGram * 5);
// its invariant: the gradient of ‖y_c − X_c·w‖² + α‖w‖² vanishes, X_cᵀ·(y_c − X_c·w) = α·w
const Xc = X.subtract(X.mean(0));
const yc = y.subtract(y.mean());
const gradientGap = linalg.norm(Xc.T.matmul(yc.subtract(Xc.matmul(ridge.coef!))).subtract(ridge.coef!.multiply(ridgeAlpha)));
assert.ok(gradientGap <= 10 * nSamples * eps * linalg.norm(Xc) * linalg.norm(yc), `ridge gradient ${gradientGap}`);

// On the polynomial design, a small α = 1e-3 brings cond(X_cᵀX_c + αI) from ~4e12 to ~6e4, and
// no warning: the coefficients move (bias, within 0.5% of 1 here) but the fit stays excellent.
const alpha = 1e-3;
const Pc = powers.subtract(powers.mean(0));
const condRidge = linalg.cond(Pc.T.matmul(Pc).add(np.eye(degree).multiply(alpha)));
const { result: ridgePoly, warnings: ridgeWarnings } = np.warnings.catchWarnings(() => new Ridge({ alpha }).fit(powers, yPoly));
console.log(
  `Ridge(alpha=1e-3) on x¹…x⁹: cond(X_cᵀX_c + αI) = ${condRidge.toExponential(2)}, coef = ${str(ridgePoly.coef!)}, R² = ${ridgePoly.score(powers, yPoly)}`,
);
assert.equal(ridgeWarnings.length, 0);
assert.ok(condRidge <= (linalg.norm(Pc, 2) ** 2 + alpha) / alpha);
// scikit-learn 1.2.1: Ridge(alpha=1e-3).fit(X, y) for these features (y = X_bias @ ones): coef_, intercept_, score
const sklearnRidgePoly = [
  0.9985222010707004, 1.004193905544768, 0.9967797680277092, 0.9975939126034384, 1.0006333880617866, 1.002696228983262, 1.0026755224205368, 1.0003895504505615,
  0.9960220402507386,
];
assert.ok(np.allclose(ridgePoly.coef!, sklearnRidgePoly, { rtol: 0, atol: 10 * p * condRidge * eps }));
assert.ok(Math.abs((ridgePoly.intercept as number) - 1.0001574868551648) <= 10 * p * condRidge * eps);
assert.ok(Math.abs(ridgePoly.score(powers, yPoly) - 0.9999999991502339) <= 1e-12);

console.log("\n07-linear-regression: all checks passed");
