import * as np from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { Adam, SGD, type Optimizer } from "./optimizers.js";

const EPS = 2 ** -52;

/**
 * Three steps with gradients g·(s+1) − 0.1·s (s = 0, 1, 2) from θ = ([[1,2],[3,4]], [0.5,-0.5]),
 * the same as in scikit-learn:
 *   from sklearn.neural_network._stochastic_optimizers import AdamOptimizer, SGDOptimizer
 *   g = [np.array([[0.5,-1.0],[0.25,2.0]]), np.array([-0.3,0.1])]
 *   for s in range(3): opt.update_params(params, [x*(s+1)-0.1*s for x in g])
 */
function run(make: (values: np.NDArray[]) => Optimizer): number[][] {
  const values = [
    np.array([
      [1, 2],
      [3, 4],
    ]),
    np.array([0.5, -0.5]),
  ];
  const g = [
    np.array([
      [0.5, -1.0],
      [0.25, 2.0],
    ]),
    np.array([-0.3, 0.1]),
  ];
  const opt = make(values);
  for (let s = 0; s < 3; s++) {
    const grads = g.map((x) => x.multiply(s + 1).subtract(0.1 * s));
    opt.update({ values, grads });
  }
  return values.map((v) => Array.from(v.data as Float64Array));
}

function expectClose(actual: number[][], expected: number[][]): void {
  actual.forEach((a, p) =>
    a.forEach((v, i) => expect(Math.abs(v - expected[p][i]), `param ${p}[${i}]`).toBeLessThanOrEqual(16 * EPS * Math.max(1, Math.abs(expected[p][i])))),
  );
}

describe("optimisers step as scikit-learn's", () => {
  it("Adam (η₀ = 0.01, β₁ = 0.9, β₂ = 0.999, ε = 1e-8)", () => {
    // AdamOptimizer(params, 0.01, 0.9, 0.999, 1e-8)
    const expected = [
      [0.9705509028700565, 2.029127997038996, 2.970327864880121, 3.9707149331478],
      [0.5289008640579372, -0.5299999277445836],
    ];
    expectClose(
      run((v) => new Adam(v, { learningRateInit: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 })),
      expected,
    );
  });
  it("SGD with Nesterov momentum (η = 0.1, μ = 0.9)", () => {
    // SGDOptimizer(params, 0.1, "constant", 0.9, True, 0.5)
    const expected = [
      [0.33715, 3.521, 2.701125, 1.1533000000000002],
      [1.0018699999999998, -0.5804900000000001],
    ];
    expectClose(
      run((v) => new SGD(v, { learningRateInit: 0.1, learningRate: "constant", momentum: 0.9, nesterov: true, powerT: 0.5 })),
      expected,
    );
  });
  it("SGD with classical momentum (η = 0.1, μ = 0.5)", () => {
    // SGDOptimizer(params, 0.1, "constant", 0.5, False, 0.5)
    const expected = [
      [0.6475, 2.8100000000000005, 2.84125, 2.4849999999999994],
      [0.7675, -0.5425],
    ];
    expectClose(
      run((v) => new SGD(v, { learningRateInit: 0.1, learningRate: "constant", momentum: 0.5, nesterov: false, powerT: 0.5 })),
      expected,
    );
  });
});

describe("learning-rate schedules and stalls", () => {
  const values = [np.zeros([2])];
  it("invscaling: η₀ / (t + 1)^powerT after each epoch", () => {
    const sgd = new SGD(values, { learningRateInit: 0.1, learningRate: "invscaling", momentum: 0.9, nesterov: true, powerT: 0.5 });
    sgd.epochEnd(99);
    expect(sgd.learningRate).toBe(0.1 / 10);
  });
  it("adaptive: divide by 5 on a stall until η ≤ 1e-6, then stop", () => {
    const sgd = new SGD(values, { learningRateInit: 1e-5, learningRate: "adaptive", momentum: 0.9, nesterov: true, powerT: 0.5 });
    expect(sgd.stalled()).toBe(false);
    expect(sgd.learningRate).toBeCloseTo(2e-6, 20);
    expect(sgd.stalled()).toBe(false);
    expect(sgd.stalled()).toBe(true);
    const constant = new SGD(values, { learningRateInit: 0.1, learningRate: "constant", momentum: 0.9, nesterov: true, powerT: 0.5 });
    expect(constant.stalled()).toBe(true);
    expect(new Adam(values, { learningRateInit: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }).stalled()).toBe(true);
  });
  it("state round-trips through JSON", () => {
    const a = new Adam([np.zeros([3])], { learningRateInit: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 });
    a.update({ values: [np.zeros([3])], grads: [np.array([1, -2, 3])] });
    const b = new Adam([np.zeros([3])], a.options);
    b.restore(JSON.parse(JSON.stringify(a.toJSON())), "test");
    expect(b.t).toBe(1);
    expect(Array.from(b.vs[0].data as Float64Array)).toEqual(Array.from(a.vs[0].data as Float64Array));
    expect(() =>
      new SGD([np.zeros([3])], { learningRateInit: 0.1, learningRate: "constant", momentum: 0.9, nesterov: true, powerT: 0.5 }).restore(a.toJSON(), "X"),
    ).toThrow(/X.fromJSON: optimizer state does not fit the sgd solver/);
  });
});

describe("optimiser argument checks", () => {
  it("names the optimiser, the option and the value", () => {
    const values = [np.zeros([2])];
    expect(() => new Adam(values, { learningRateInit: 0, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 })).toThrow(
      /Adam: learningRateInit must be a number in \[0, Infinity\] and > 0, got 0/,
    );
    expect(() => new Adam(values, { learningRateInit: 0.1, beta1: 1, beta2: 0.999, epsilon: 1e-8 })).toThrow(/Adam: beta1 must be a number in \[0, 1\), got 1/);
    expect(() => new SGD(values, { learningRateInit: 0.1, learningRate: "cyclic" as never, momentum: 0.9, nesterov: true, powerT: 0.5 })).toThrow(
      /SGD: learningRate must be one of/,
    );
    expect(() => new SGD([[1, 2]] as never, { learningRateInit: 0.1, learningRate: "constant", momentum: 0.9, nesterov: true, powerT: 0.5 })).toThrow(
      /SGD: values must be a list of float64 or float32 NDArrays/,
    );
    const adam = new Adam(values, { learningRateInit: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 });
    expect(() => adam.update({ values, grads: [np.zeros([3])] })).toThrow(/Adam.update: expected \{ values, grads \}/);
  });
});
