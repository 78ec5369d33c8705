/**
 * The projection every PCA variant shares, once it has learned its components.
 *
 *   transform:        Z = (X − X̄)·Vᵀ                 (÷ √λ_j per column with whiten)
 *   inverseTransform: X ≈ Z·V + X̄                    (Z·diag(√λ)·V + X̄ with whiten)
 *
 * V: (k, d) the components (rows orthonormal), X̄: (d,) the mean, λ: (k,) the explained
 * variances. Since V·Vᵀ = I, inverseTransform(transform(X)) is X projected onto the span of
 * the components, exact when k = d. Reference: scikit-learn `_BasePCA.transform` and
 * `inverse_transform`; Jolliffe, "Principal Component Analysis", §3.5.
 */
import * as np from "@sliderule/ndarray";
import type { NDArray } from "@sliderule/ndarray";
import { checkArray, checkFitted, checkNFeatures, ValueError } from "../base.js";

/** What a fitted PCA holds that the projection reads. */
export interface Fitted {
  nFeaturesIn?: number;
  nComponents?: number;
  components?: NDArray;
  explainedVariance?: NDArray;
  mean?: NDArray;
}

/** Z = (X − X̄)·Vᵀ, whitened on request: (m, k). */
export function project(model: Fitted, X: unknown, whiten: boolean, estimator: string): NDArray {
  const d = checkFitted(model.nFeaturesIn, estimator);
  const A = checkArray(X, estimator, "X", { ndim: 2, dtype: "float64" });
  checkNFeatures(A, d, estimator);
  const x = A.data as Float64Array;
  const mu = model.mean!.data as Float64Array;
  const xc = new Float64Array(x.length); // X − X̄, ours (the caller's X is never written)
  for (let i = 0; i < xc.length; i++) xc[i] = x[i] - mu[i % d];
  const Z = np.matmul(np.fromTypedArray(xc, [A.shape[0], d]), model.components!.T); // (m, k), ours
  if (whiten) {
    const z = Z.data as Float64Array;
    const r = sqrtVariances(model);
    for (let i = 0; i < z.length; i++) z[i] /= r[i % r.length];
  }
  return Z;
}

/** X ≈ Z·V + X̄ (Z·diag(√λ)·V + X̄ with whiten): (m, d). */
export function reconstruct(model: Fitted, Z: unknown, whiten: boolean, estimator: string): NDArray {
  const d = checkFitted(model.nFeaturesIn, estimator);
  const k = model.nComponents!;
  const B = checkArray(Z, estimator, "Z", { ndim: 2, dtype: "float64" });
  if (B.shape[1] !== k) throw new ValueError(`${estimator}: Z has ${B.shape[1]} columns, but ${estimator} has ${k} components`);
  let V = model.components!;
  if (whiten) {
    V = V.copy();
    const v = V.data as Float64Array;
    const r = sqrtVariances(model);
    for (let i = 0; i < k; i++) for (let j = 0; j < d; j++) v[i * d + j] *= r[i];
  }
  const Xr = np.matmul(B, V); // (m, d), ours
  const xr = Xr.data as Float64Array;
  const mu = model.mean!.data as Float64Array;
  for (let i = 0; i < xr.length; i++) xr[i] += mu[i % d];
  return Xr;
}

/** √λ_j, the standard deviation along each component. */
function sqrtVariances(model: Fitted): Float64Array {
  return (model.explainedVariance!.data as Float64Array).map(Math.sqrt);
}
