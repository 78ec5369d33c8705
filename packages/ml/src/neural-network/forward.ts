/**
 * The forward pass of a multilayer perceptron over a batch: what `predict` computes.
 *
 *   A₀ = X
 *   A_l = f(A_{l−1}·W_l + b_l)      l = 1 … L−1   (hidden layers, activation f)
 *   A_L = g(A_{L−1}·W_L + b_L)                    (output layer, activation g)
 *
 *   X: (m, d),  W_l: (n_{l−1}, n_l),  b_l: (n_l,),  A_L: (m, n_L)
 *
 * g is scikit-learn's `out_activation_`: "identity" for regression, "logistic" for binary or
 * multi-label classification (one σ per output), "softmax" over each row for multi-class.
 *
 * Each layer is one np.matmul (gemm) and one fused pass adding b and applying f (activations.ts).
 * Unlike the training layers (dense.ts) nothing is kept for a backward pass, and each call
 * allocates its own arrays, so results stay valid.
 *
 * Reference: scikit-learn's `BaseMultilayerPerceptron._forward_pass_fast`; Goodfellow,
 * Bengio & Courville, "Deep Learning", §6.1.
 */
import * as np from "@sliderule/ndarray";
import { NDArray, ShapeError, ValueError } from "@sliderule/ndarray";
import { show } from "../base.js";
import { ACTIVATIONS, activateRows, softmaxRows, type ActivationName, type FloatArray } from "./activations.js";

export type OutActivationName = ActivationName | "softmax";
export const OUT_ACTIVATIONS: readonly OutActivationName[] = [...ACTIVATIONS, "softmax"];

export interface ForwardOptions {
  /** f, on hidden layers (default "relu", scikit-learn's). */
  activation?: ActivationName;
  /** g, on the output layer (default "identity"). */
  outActivation?: OutActivationName;
}

/**
 * The unchecked forward pass on C-contiguous float arrays of one dtype (estimators call this
 * after validating X once). Returns A_L: (m, n_L).
 */
export function forwardPass(
  X: NDArray,
  coefs: readonly NDArray[],
  intercepts: readonly NDArray[],
  activation: ActivationName,
  outActivation: OutActivationName,
): NDArray {
  let A = X;
  const L = coefs.length;
  for (let l = 0; l < L; l++) {
    // Z = A·W_l (gemm), then f(Z + b_l) in one pass (g on the last layer)
    const Z = np.matmul(A, coefs[l]);
    const [m, n] = Z.shape;
    const last = l === L - 1;
    const f = last ? outActivation : activation;
    const z = Z.data as FloatArray;
    if (f === "softmax") {
      activateRows("identity", z, m, n, intercepts[l].data as FloatArray);
      softmaxRows(z, z, m, n);
    } else {
      activateRows(f, z, m, n, intercepts[l].data as FloatArray);
    }
    A = Z;
  }
  return A;
}

/**
 * The forward pass of an MLP given its weights (the golden op `mlp.forward`): for each layer
 * `a = a @ W[l] + b[l]`, then `activation` on hidden layers and `outActivation` on the last.
 *
 * Shapes: X (m, d), coefs[l] (n_{l−1}, n_l) with n_0 = d, intercepts[l] (n_l,) -> (m, n_L).
 * Computed in float32 when X and every weight are float32, else float64.
 * @throws ValueError for an empty or mismatched list of layers, an unknown activation or option;
 *   ShapeError for shapes that do not chain.
 * @example mlpForward([[1, 2]], [[[1], [1]]], [[0.5]]).toArray(); // [[3.5]] (relu hidden, identity out)
 */
export function mlpForward(X: unknown, coefs: readonly unknown[], intercepts: readonly unknown[], options: ForwardOptions = {}): NDArray {
  const fn = "mlpForward";
  if (options === null || typeof options !== "object") throw new ValueError(`${fn}: options must be an object, got ${show(options)}`);
  for (const key of Object.keys(options)) {
    if (key !== "activation" && key !== "outActivation") throw new ValueError(`${fn}: unknown option '${key}'; its options are activation, outActivation`);
  }
  const activation = options.activation ?? "relu";
  const outActivation = options.outActivation ?? "identity";
  if (!ACTIVATIONS.includes(activation)) throw new ValueError(`${fn}: activation must be one of ${ACTIVATIONS.map(show).join(", ")}, got ${show(activation)}`);
  if (!OUT_ACTIVATIONS.includes(outActivation))
    throw new ValueError(`${fn}: outActivation must be one of ${OUT_ACTIVATIONS.map(show).join(", ")}, got ${show(outActivation)}`);
  if (!Array.isArray(coefs) || !Array.isArray(intercepts) || coefs.length === 0 || coefs.length !== intercepts.length) {
    throw new ValueError(`${fn}: coefs and intercepts must be lists of the same nonzero length, got ${show(coefs)} and ${show(intercepts)}`);
  }
  const read = (v: unknown, what: string): NDArray => {
    try {
      const a = np.asarray(v as np.NestedArray);
      if (a.dtype === "complex128") throw new ValueError("complex");
      return a;
    } catch (e) {
      throw new ValueError(`${fn}: ${what} could not be read as a real numeric array: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const raw = [read(X, "X"), ...coefs.map((W, l) => read(W, `coefs[${l}]`)), ...intercepts.map((b, l) => read(b, `intercepts[${l}]`))];
  const dtype = raw.every((a) => a.dtype === "float32") ? "float32" : "float64";
  const [Xa, ...rest] = raw.map((a) => (a.dtype === dtype && a.flags.cContiguous && a.offset === 0 ? a : a.astype(dtype)));
  const Ws = rest.slice(0, coefs.length);
  const bs = rest.slice(coefs.length);
  if (Xa.ndim !== 2) throw new ShapeError(`${fn}: X must be 2-D (samples, features), got shape (${Xa.shape.join(", ")})`);
  let width = Xa.shape[1];
  for (let l = 0; l < Ws.length; l++) {
    const W = Ws[l];
    const b = bs[l];
    if (W.ndim !== 2 || W.shape[0] !== width) throw new ShapeError(`${fn}: coefs[${l}] must have shape (${width}, n), got (${W.shape.join(", ")})`);
    if (b.ndim !== 1 || b.shape[0] !== W.shape[1])
      throw new ShapeError(`${fn}: intercepts[${l}] must have shape (${W.shape[1]},), got (${b.shape.join(", ")})`);
    width = W.shape[1];
  }
  return forwardPass(Xa, Ws, bs, activation, outActivation);
}
