/**
 * Weight initialisers: the random starting point of training, scaled so that activations and
 * gradients keep roughly the same variance from layer to layer.
 *
 *   glorotUniform   W, b ~ U(−r, r),  r = sqrt(f / (fanIn + fanOut)),
 *                   f = 6 (scikit-learn's MLP for identity, relu, tanh) or 2 (logistic)
 *   heNormal        W ~ N(0, 2 / fanIn),          b = 0
 *   heUniform       W ~ U(−r, r), r = sqrt(6 / fanIn),  b = 0
 *
 * Why these: a unit's pre-activation z = Σ_i w_i·x_i over fanIn inputs has variance
 * fanIn·Var(w)·Var(x); keeping it equal to Var(x) forward, and the gradient's variance equal
 * backward (fanOut terms), gives Var(w) = 2 / (fanIn + fanOut) (Glorot & Bengio), and U(−r, r)
 * has variance r²/3, so r = sqrt(6 / (fanIn + fanOut)). ReLU zeroes half its inputs, which
 * halves the variance; He et al. double it back: Var(w) = 2 / fanIn.
 *
 * scikit-learn's MLP (`BaseMultilayerPerceptron._init_coef`) draws the weights and then the
 * biases of each layer from the same U(−r, r), in that order, layer by layer, with
 * factor = 6.0, or 2.0 when activation == "logistic" (so r = sqrt(2 / (fanIn + fanOut)) there,
 * √3 times smaller, not √2 larger). `glorotUniform` does exactly that, on any stream with
 * NumPy's `uniform(low, high, size)`: our Generator (`np.random.defaultRng(seed)`) or our
 * RandomState (`new np.random.RandomState(seed)`, NumPy's legacy stream, which scikit-learn's
 * `random_state` is — so the same seed there gives scikit-learn's initial weights exactly).
 *
 * Reference: X. Glorot & Y. Bengio, "Understanding the difficulty of training deep
 * feedforward neural networks", AISTATS 2010 (eq. 16); K. He, X. Zhang, S. Ren & J. Sun,
 * "Delving deep into rectifiers", ICCV 2015 (§2.2); scikit-learn's
 * `neural_network/_multilayer_perceptron.py`.
 */
import * as np from "@sliderule/ndarray";
import { NDArray, ValueError } from "@sliderule/ndarray";
import { show } from "../base.js";
import type { ActivationName } from "./activations.js";

/** A random stream with NumPy's uniform/normal: our Generator or RandomState. */
export interface RandomSource {
  uniform(low: number, high: number, size: number[]): number | NDArray;
  normal(loc: number, scale: number, size: number[]): number | NDArray;
}

/** The initialisers a Dense layer accepts. */
export const INITIALIZERS = ["glorotUniform", "heNormal", "heUniform"] as const;
export type InitializerName = (typeof INITIALIZERS)[number];

/** Weights W: (fanIn, fanOut) and biases b: (fanOut,), in the training dtype. */
export interface InitialParameters {
  W: NDArray;
  b: NDArray;
}

function checkFans(fn: string, fanIn: unknown, fanOut: unknown): void {
  for (const [name, v] of [
    ["fanIn", fanIn],
    ["fanOut", fanOut],
  ] as const) {
    if (typeof v !== "number" || !Number.isInteger(v) || v < 1) throw new ValueError(`${fn}: ${name} must be an integer >= 1, got ${show(v)}`);
  }
}

function checkInitOptions(fn: string, options: unknown, allowed: readonly string[]): void {
  if (options === null || typeof options !== "object") throw new ValueError(`${fn}: options must be an object, got ${show(options)}`);
  for (const key of Object.keys(options))
    if (!allowed.includes(key)) throw new ValueError(`${fn}: unknown option '${key}'; its options are ${allowed.join(", ")}`);
  const dtype = (options as { dtype?: unknown }).dtype;
  if (dtype !== undefined && dtype !== "float64" && dtype !== "float32")
    throw new ValueError(`${fn}: dtype must be "float64" or "float32", got ${show(dtype)}`);
}

function checkSource(fn: string, rng: unknown): RandomSource {
  if (rng === null || typeof rng !== "object" || typeof (rng as RandomSource).uniform !== "function" || typeof (rng as RandomSource).normal !== "function") {
    throw new ValueError(`${fn}: rng must be a Generator (np.random.defaultRng(seed)) or a RandomState, got ${show(rng)}`);
  }
  return rng as RandomSource;
}

/**
 * Glorot (Xavier) uniform initialisation as scikit-learn's MLP does it: W then b drawn from
 * U(−r, r), r = sqrt(factor / (fanIn + fanOut)), factor 2 for the logistic activation and 6
 * otherwise. The draws are float64 (NumPy's uniform), then cast to `dtype`, as scikit-learn's
 * `astype(dtype)`.
 * @throws ValueError for fans that are not positive integers or an rng without `uniform`.
 */
export function glorotUniform(
  fanIn: number,
  fanOut: number,
  rng: RandomSource,
  options: { activation?: ActivationName; dtype?: "float64" | "float32" } = {},
): InitialParameters {
  checkFans("glorotUniform", fanIn, fanOut);
  checkInitOptions("glorotUniform", options, ["activation", "dtype"]);
  const source = checkSource("glorotUniform", rng);
  const factor = options.activation === "logistic" ? 2 : 6;
  const r = Math.sqrt(factor / (fanIn + fanOut));
  const dtype = options.dtype ?? "float64";
  const W = (source.uniform(-r, r, [fanIn, fanOut]) as NDArray).astype(dtype);
  const b = (source.uniform(-r, r, [fanOut]) as NDArray).astype(dtype);
  return { W, b };
}

/**
 * He normal initialisation: W ~ N(0, σ²), σ = sqrt(2 / fanIn); b = 0. For ReLU layers.
 * @throws ValueError as {@link glorotUniform}.
 */
export function heNormal(fanIn: number, fanOut: number, rng: RandomSource, options: { dtype?: "float64" | "float32" } = {}): InitialParameters {
  checkFans("heNormal", fanIn, fanOut);
  checkInitOptions("heNormal", options, ["dtype"]);
  const source = checkSource("heNormal", rng);
  const dtype = options.dtype ?? "float64";
  const W = (source.normal(0, Math.sqrt(2 / fanIn), [fanIn, fanOut]) as NDArray).astype(dtype);
  return { W, b: np.zeros([fanOut], dtype) };
}

/**
 * He uniform initialisation: W ~ U(−r, r), r = sqrt(6 / fanIn) (variance 2 / fanIn); b = 0.
 * @throws ValueError as {@link glorotUniform}.
 */
export function heUniform(fanIn: number, fanOut: number, rng: RandomSource, options: { dtype?: "float64" | "float32" } = {}): InitialParameters {
  checkFans("heUniform", fanIn, fanOut);
  checkInitOptions("heUniform", options, ["dtype"]);
  const source = checkSource("heUniform", rng);
  const dtype = options.dtype ?? "float64";
  const r = Math.sqrt(6 / fanIn);
  const W = (source.uniform(-r, r, [fanIn, fanOut]) as NDArray).astype(dtype);
  return { W, b: np.zeros([fanOut], dtype) };
}

/** Dispatch by name (the Dense layer's `init` option). */
export function initialize(
  name: InitializerName,
  fanIn: number,
  fanOut: number,
  rng: RandomSource,
  activation: ActivationName,
  dtype: "float64" | "float32",
): InitialParameters {
  switch (name) {
    case "glorotUniform":
      return glorotUniform(fanIn, fanOut, rng, { activation, dtype });
    case "heNormal":
      return heNormal(fanIn, fanOut, rng, { dtype });
    case "heUniform":
      return heUniform(fanIn, fanOut, rng, { dtype });
    default:
      throw new ValueError(`initialize: init must be one of ${INITIALIZERS.join(", ")}, got ${show(name satisfies never)}`);
  }
}
