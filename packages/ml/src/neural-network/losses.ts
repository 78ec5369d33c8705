/**
 * Output losses of a network, each fused with its output activation so that the gradient with
 * respect to the last layer's pre-activation Z is the simple residual (P − Y)/m.
 *
 *   softmaxCrossEntropy    P = softmax(Z) per row,  L = −(1/m)·Σ_i Σ_k Y[i,k]·log P[i,k]
 *   sigmoidCrossEntropy    P = σ(Z),  L = −(1/m)·Σ_i Σ_k (Y·log P + (1 − Y)·log(1 − P))
 *   squaredError           P = Z,     L = (1/2m)·Σ_i Σ_k (P[i,k] − Y[i,k])²
 *
 *   ∂L/∂Z = (P − Y) / m   for all three (m: the rows of the batch)
 *
 * Derivation for softmax (Y one-hot rows, Σ_k Y[i,k] = 1): per row L_i = −Σ_k y_k·log p_k and
 * ∂p_k/∂z_j = p_k·([k = j] − p_j), so
 *   ∂L_i/∂z_j = −Σ_k y_k·(1/p_k)·p_k·([k = j] − p_j) = −y_j + p_j·Σ_k y_k = p_j − y_j.
 * For the sigmoid, ∂L_i/∂p = −y/p + (1 − y)/(1 − p) = (p − y)/(p(1 − p)) and σ' = p(1 − p), so
 * ∂L_i/∂z = p − y. For the squared error, ∂/∂z of ½(z − y)² is z − y. Averaging over the batch
 * divides by m. Fusing avoids dividing by p(1 − p) or forming the softmax Jacobian, both of
 * which lose accuracy when p is near 0 or 1.
 *
 * The reported loss values follow scikit-learn's `neural_network/_base.py`, so that lossCurve
 * matches it: probabilities are clipped to [ε, 1 − ε] (ε the dtype's machine epsilon) before
 * the log, and `squared_loss` is ((y − p)²).mean() / 2, the mean over all m·k entries, i.e.
 * the L above divided by k outputs. scikit-learn's gradient is nevertheless (P − Y)/m, the
 * gradient of L (not of L/k): we do the same, so for k > 1 regression outputs the gradient
 * is k times that of the reported value (one output: they agree). With a two-class
 * softmax-free model (one logistic output), log_loss and binary_log_loss agree.
 *
 * The L2 penalty (scikit-learn's `alpha`) is part of the training loss:
 *   L_total = L + (α / 2m)·Σ_layers ‖W‖²_F,   ∂/∂W = (α/m)·W   (biases are not penalised).
 *
 * Reference: Goodfellow, Bengio & Courville, "Deep Learning", §6.2.2 (output units and their
 * losses); Bishop, "Pattern Recognition and Machine Learning", §4.3.2 and §5.2; scikit-learn's
 * `LOSS_FUNCTIONS` and `_backprop` (`deltas[last] = activations[-1] - y`).
 */
import type { FloatArray } from "./activations.js";
import { sigmoidScalar, softmaxRows } from "./activations.js";

export const LOSSES = ["softmaxCrossEntropy", "sigmoidCrossEntropy", "squaredError"] as const;
export type LossName = (typeof LOSSES)[number];

/** Machine epsilon of the training dtype (NumPy's finfo(dtype).eps): the log-loss clip. */
export function epsOf(P: FloatArray): number {
  return P instanceof Float32Array ? 2 ** -23 : 2 ** -52;
}

/**
 * P = the output activation of a loss applied to Z (m, k): softmax rows, σ, or Z itself.
 * This is what `predictProba` / `predict` return. P may be Z (in place).
 */
export function outputActivation(loss: LossName, Z: FloatArray, P: FloatArray, m: number, k: number): void {
  const len = m * k;
  if (loss === "softmaxCrossEntropy") softmaxRows(Z, P, m, k);
  else if (loss === "sigmoidCrossEntropy") for (let e = 0; e < len; e++) P[e] = sigmoidScalar(Z[e]);
  else if (P !== Z) for (let e = 0; e < len; e++) P[e] = Z[e];
}

/**
 * The loss of a batch and its gradient: given the last layer's pre-activation Z (m, k) and
 * the targets Y (m, k), write P (the output activation) and dZ = ∂L/∂Z = (P − Y)/m, and
 * return L as scikit-learn reports it (see the file header). P may be Z; dZ must differ from
 * P only if the caller still needs P afterwards.
 */
export function lossAndGradient(loss: LossName, Z: FloatArray, Y: FloatArray, P: FloatArray, dZ: FloatArray, m: number, k: number): number {
  outputActivation(loss, Z, P, m, k);
  const len = m * k;
  let L = 0;
  switch (loss) {
    case "softmaxCrossEntropy": {
      // L = −Σ Y·log(clip(P)) / m   (scikit-learn's log_loss; xlogy(0, ·) = 0)
      const eps = epsOf(P);
      for (let e = 0; e < len; e++) {
        if (Y[e] !== 0) L -= Y[e] * Math.log(Math.min(Math.max(P[e], eps), 1 - eps));
      }
      L /= m;
      break;
    }
    case "sigmoidCrossEntropy": {
      // L = −Σ (Y·log p + (1 − Y)·log(1 − p)) / m,  p = clip(P)   (binary_log_loss)
      const eps = epsOf(P);
      for (let e = 0; e < len; e++) {
        const p = Math.min(Math.max(P[e], eps), 1 - eps);
        if (Y[e] !== 0) L -= Y[e] * Math.log(p);
        if (Y[e] !== 1) L -= (1 - Y[e]) * Math.log(1 - p);
      }
      L /= m;
      break;
    }
    case "squaredError": {
      // L = Σ (P − Y)² / (2·m·k)   (squared_loss: the mean over all entries, halved)
      for (let e = 0; e < len; e++) {
        const r = P[e] - Y[e];
        L += r * r;
      }
      L /= 2 * len;
      break;
    }
    default:
      throw new Error(`internal: lossAndGradient: unknown loss ${String(loss satisfies never)}`);
  }
  // ∂L/∂Z = (P − Y)/m, the same for the three fused pairs (file header)
  const invM = 1 / m;
  for (let e = 0; e < len; e++) dZ[e] = (P[e] - Y[e]) * invM;
  return L;
}

/** Σ_layers ‖W‖²_F, for the L2 penalty (α/2m)·Σ‖W‖² (accumulated in float64). */
export function sumOfSquares(Ws: readonly FloatArray[]): number {
  let s = 0;
  for (const W of Ws) for (let e = 0; e < W.length; e++) s += W[e] * W[e];
  return s;
}

/** dW += (α/m)·W: the gradient of the L2 penalty (α/2m)·‖W‖². */
export function addL2Gradient(W: FloatArray, dW: FloatArray, alphaOverM: number): void {
  if (alphaOverM === 0) return;
  for (let e = 0; e < W.length; e++) dW[e] += alphaOverM * W[e];
}
