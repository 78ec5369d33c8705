/**
 * Test helpers shared by src/neural-network/mlp-classifier.test.ts and mlp-regressor.test.ts (imported by tests
 * only; no node: imports here, the tests read the data sets themselves).
 */
import type { NDArray } from "@sliderule/ndarray";
import { expect } from "vitest";

/** What the tests keep of a scikit-learn fit (computed once in Python, pasted as literals). */
export interface SklearnSummary {
  lossCurve: readonly number[];
  validationScores: readonly number[] | null;
  /** coefs_[l].sum() per layer. */
  coefSums: readonly number[];
  /** coefs_[0].ravel()[:4]. */
  coef0: readonly number[];
  /** intercepts_[-1]. */
  lastIntercept: readonly number[];
  nIter: number;
}

interface Fitted {
  coefs?: NDArray[];
  intercepts?: NDArray[];
  lossCurve?: number[];
  validationScores?: number[] | null;
  nIter?: number;
}

/**
 * The same training as scikit-learn's (same RandomState stream, same arithmetic): everything
 * agrees to rounding. `rtol` = 1e-10 leaves room for a gemm that sums in another order (a few
 * ulps per product, grown over a few epochs), and is far below any real difference (a changed
 * shuffle, split or initial weight changes the loss in the 3rd digit).
 */
export function expectMatchesSklearn(est: Fitted, ref: SklearnSummary, rtol = 1e-10): void {
  const near = (a: number, b: number, scale: number, what: string): void => {
    if (!(Math.abs(a - b) <= rtol * scale)) expect.fail(`${what}: ${a} vs scikit-learn's ${b}`);
  };
  expect(est.nIter).toBe(ref.nIter);
  expect(est.lossCurve?.length).toBe(ref.lossCurve.length);
  ref.lossCurve.forEach((v, i) => near(est.lossCurve![i], v, Math.abs(v), `lossCurve[${i}]`));
  if (ref.validationScores === null) expect(est.validationScores).toBeNull();
  else ref.validationScores.forEach((v, i) => near(est.validationScores![i], v, Math.max(Math.abs(v), 1), `validationScores[${i}]`));
  ref.coefSums.forEach((v, l) => {
    const W = est.coefs![l].data as Float64Array;
    const scale = W.reduce((s, x) => s + Math.abs(x), 0);
    near(
      W.reduce((s, x) => s + x, 0),
      v,
      scale,
      `coefs[${l}].sum()`,
    );
  });
  ref.coef0.forEach((v, i) => near((est.coefs![0].data as Float64Array)[i], v, 1, `coefs[0][${i}]`));
  const b = est.intercepts![est.intercepts!.length - 1].data as Float64Array;
  ref.lastIntercept.forEach((v, i) => near(b[i], v, 1, `intercepts[-1][${i}]`));
}

/** Exactly equal typed arrays (bit for bit, -0 and NaN included). */
export function expectBitwiseEqual(a: ArrayLike<number>, b: ArrayLike<number>, what: string): void {
  expect(a.length, what).toBe(b.length);
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) expect.fail(`${what}[${i}]: ${a[i]} vs ${b[i]}`);
}
