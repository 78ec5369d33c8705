import * as np from "@sliderule/ndarray";
import { ShapeError, ValueError } from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { Dense } from "./dense.js";
import { mlpForward } from "./forward.js";

describe("mlpForward", () => {
  const rng = np.random.defaultRng(5);
  const X = rng.standardNormal([7, 4]) as np.NDArray;
  const l1 = new Dense(4, 6, { activation: "tanh", rng: 1 });
  const l2 = new Dense(6, 3, { activation: "identity", rng: 2 });

  it("equals the chain of Dense layers, then the output activation", () => {
    const Z = l2.forward(l1.forward(X));
    const out = mlpForward(X, [l1.W, l2.W], [l1.b, l2.b], { activation: "tanh", outActivation: "identity" });
    expect(Array.from(out.data as Float64Array)).toEqual(Array.from(Z.data as Float64Array));
    const P = mlpForward(X, [l1.W, l2.W], [l1.b, l2.b], { activation: "tanh", outActivation: "softmax" });
    const sums = np.sum(P, { axis: 1 }).data as Float64Array;
    for (const s of sums) expect(Math.abs(s - 1)).toBeLessThanOrEqual(4 * 2 ** -52);
  });
  it("computes in float32 when everything is float32, else float64", () => {
    const f32 = (a: np.NDArray) => a.astype("float32");
    expect(mlpForward(f32(X), [f32(l1.W)], [f32(l1.b)]).dtype).toBe("float32");
    expect(mlpForward(f32(X), [l1.W], [f32(l1.b)]).dtype).toBe("float64");
    expect(mlpForward([[1, 2]], [[[1], [1]]], [[0.5]]).toArray()).toEqual([[3.5]]);
  });
  it("checks shapes and options", () => {
    expect(() => mlpForward(X, [l2.W], [l2.b])).toThrow(ShapeError);
    expect(() => mlpForward(X, [l1.W], [l2.b])).toThrow(/mlpForward: intercepts\[0\] must have shape \(6,\), got \(3\)/);
    expect(() => mlpForward(X, [], [])).toThrow(ValueError);
    expect(() => mlpForward(X, [l1.W], [l1.b], { activation: "gelu" as never })).toThrow(/mlpForward: activation must be one of .*, got "gelu"/);
    expect(() => mlpForward(X, [l1.W], [l1.b], { out_activation: "softmax" } as never)).toThrow(/mlpForward: unknown option 'out_activation'/);
  });
});
