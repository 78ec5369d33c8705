import { describe, expect, it } from "vitest";
import { addL2Gradient, lossAndGradient, LOSSES, sumOfSquares, type LossName } from "./losses.js";

const EPS = 2 ** -52;

/** Loss value only (the gradient written into scratch). */
function lossOf(loss: LossName, Z: readonly number[], Y: readonly number[], m: number, k: number): number {
  const P = new Float64Array(m * k);
  const dZ = new Float64Array(m * k);
  return lossAndGradient(loss, Float64Array.from(Z), Float64Array.from(Y), P, dZ, m, k);
}

describe("loss values match scikit-learn's LOSS_FUNCTIONS", () => {
  it("softmax cross-entropy", () => {
    // log_loss(Y, softmax(Z, axis=1)), Z = [[0.3,-1.2,2.0],[1.1,0.4,-0.6]], Y one-hot [2, 0]
    const L = lossOf("softmaxCrossEntropy", [0.3, -1.2, 2.0, 1.1, 0.4, -0.6], [0, 0, 1, 1, 0, 0], 2, 3);
    expect(Math.abs(L - 0.36001486105512026)).toBeLessThanOrEqual(8 * EPS);
  });
  it("sigmoid cross-entropy, clipped at eps as scikit-learn (a confident mistake costs -log(eps))", () => {
    // binary_log_loss(y, expit(z)), z = [[0.7],[-2.5],[40.]], y = [[1],[0],[0]]
    const L = lossOf("sigmoidCrossEntropy", [0.7, -2.5, 40], [1, 0, 0], 3, 1);
    expect(Math.abs(L - 12.175243057431722)).toBeLessThanOrEqual(8 * EPS * 12);
  });
  it("squared error: scikit-learn's ((y - p)**2).mean() / 2 over all entries", () => {
    // squared_loss(T, P), P = [[0.5,-1],[2,0.25],[1,1]], T = [[0,0],[1,1],[3,-1]]
    const L = lossOf("squaredError", [0.5, -1, 2, 0.25, 1, 1], [0, 0, 1, 1, 3, -1], 3, 2);
    expect(Math.abs(L - 0.9010416666666666)).toBeLessThanOrEqual(4 * EPS);
  });
});

describe("∂L/∂Z = (P − Y)/m against central differences (float64, relative error < 1e-6)", () => {
  const m = 4;
  const cases: Record<LossName, { k: number; Y: number[] }> = {
    softmaxCrossEntropy: { k: 3, Y: [1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1] },
    sigmoidCrossEntropy: { k: 2, Y: [1, 0, 0, 1, 1, 1, 0, 0] }, // two independent logistic outputs (multi-label)
    squaredError: { k: 1, Y: [0.5, -1.5, 2.25, 0] }, // one output: the gradient is the reported loss's
  };
  for (const loss of LOSSES) {
    it(loss, () => {
      const { k, Y } = cases[loss];
      const Z = Array.from({ length: m * k }, (_, e) => Math.sin(3.7 * e + 1) * 2);
      const P = new Float64Array(m * k);
      const dZ = new Float64Array(m * k);
      lossAndGradient(loss, Float64Array.from(Z), Float64Array.from(Y), P, dZ, m, k);
      let diff = 0;
      let norm = 0;
      for (let e = 0; e < m * k; e++) {
        const h = 1e-6;
        const plus = Z.slice();
        plus[e] += h;
        const minus = Z.slice();
        minus[e] -= h;
        const numeric = (lossOf(loss, plus, Y, m, k) - lossOf(loss, minus, Y, m, k)) / (2 * h);
        diff += (dZ[e] - numeric) ** 2;
        norm += numeric ** 2;
      }
      expect(Math.sqrt(diff / norm)).toBeLessThan(1e-6);
    });
  }
  it("squared error with k outputs: the gradient is k × the reported loss's (scikit-learn's convention)", () => {
    const k = 3;
    const Z = [0.2, -0.4, 1.0, 0.8, 0.1, -0.3];
    const Y = [0, 0, 1, 1, 0, 0];
    const P = new Float64Array(6);
    const dZ = new Float64Array(6);
    lossAndGradient("squaredError", Float64Array.from(Z), Float64Array.from(Y), P, dZ, 2, k);
    const h = 1e-6;
    const plus = Z.slice();
    plus[0] += h;
    const minus = Z.slice();
    minus[0] -= h;
    const numeric = (lossOf("squaredError", plus, Y, 2, k) - lossOf("squaredError", minus, Y, 2, k)) / (2 * h);
    expect(Math.abs(dZ[0] - k * numeric) / Math.abs(dZ[0])).toBeLessThan(1e-6);
  });
});

describe("L2 penalty (α/2m)·Σ‖W‖²", () => {
  it("its gradient (α/m)·W matches central differences", () => {
    const W = Float64Array.from([0.3, -1.2, 0.5, 2.0]);
    const alpha = 0.7;
    const m = 5;
    const penalty = (): number => (0.5 * alpha * sumOfSquares([W])) / m;
    const dW = new Float64Array(4);
    addL2Gradient(W, dW, alpha / m);
    for (let e = 0; e < 4; e++) {
      const h = 1e-6;
      const t = W[e];
      W[e] = t + h;
      const plus = penalty();
      W[e] = t - h;
      const minus = penalty();
      W[e] = t;
      const numeric = (plus - minus) / (2 * h);
      expect(Math.abs(dW[e] - numeric) / Math.abs(numeric)).toBeLessThan(1e-6);
    }
  });
});
