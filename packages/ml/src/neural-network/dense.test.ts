import * as np from "@sliderule/ndarray";
import { NDArray, ShapeError, ValueError } from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { ACTIVATIONS } from "./activations.js";
import { Dense } from "./dense.js";

/** ‖a − b‖ / max(‖a‖, ‖b‖): the norm-wise relative error of a gradient. */
function relError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    d += (a[i] - b[i]) ** 2;
    na += a[i] ** 2;
    nb += b[i] ** 2;
  }
  return Math.sqrt(d) / Math.max(Math.sqrt(na), Math.sqrt(nb), 1e-300);
}

/** Central differences of L(θ) over every entry of the buffer θ (restored afterwards). */
function numericGradient(theta: Float64Array, L: () => number, h = 1e-6): Float64Array {
  const g = new Float64Array(theta.length);
  for (let e = 0; e < theta.length; e++) {
    const t = theta[e];
    theta[e] = t + h;
    const plus = L();
    theta[e] = t - h;
    const minus = L();
    theta[e] = t;
    g[e] = (plus - minus) / (2 * h);
  }
  return g;
}

const rng = np.random.defaultRng(7);
const randn = (shape: number[]): NDArray => rng.standardNormal(shape) as NDArray;

describe("Dense forward", () => {
  it("computes f(X·W + b) (checked entry by entry with plain loops)", () => {
    const X = randn([5, 3]);
    const layer = new Dense(3, 4, { activation: "tanh", rng: 1 });
    const A = layer.forward(X);
    expect(A.shape).toEqual([5, 4]);
    const x = X.data as Float64Array;
    const W = layer.W.data as Float64Array;
    const b = layer.b.data as Float64Array;
    for (let i = 0; i < 5; i++) {
      for (let k = 0; k < 4; k++) {
        let z = b[k];
        for (let j = 0; j < 3; j++) z += x[i * 3 + j] * W[j * 4 + k];
        expect(Math.abs((A.data as Float64Array)[i * 4 + k] - Math.tanh(z))).toBeLessThanOrEqual(4 * 2 ** -52);
      }
    }
  });
  it("returns fresh arrays by default, its own reused buffers with reuseBuffers", () => {
    const X = randn([4, 3]);
    const fresh = new Dense(3, 2, { rng: 0 });
    expect(fresh.forward(X)).not.toBe(fresh.forward(X));
    const reusing = new Dense(3, 2, { rng: 0, reuseBuffers: true });
    const A1 = reusing.forward(X);
    expect(reusing.forward(X)).toBe(A1);
    expect(reusing.forward(randn([2, 3])).shape).toEqual([2, 2]); // a smaller batch: a view of the same buffer
  });
  it("float32: parameters and results in float32, close to float64", () => {
    const X = randn([6, 5]);
    const l64 = new Dense(5, 3, { activation: "relu", rng: 3 });
    const l32 = new Dense(5, 3, { activation: "relu", rng: 3, dtype: "float32" });
    expect(l32.W.dtype).toBe("float32");
    const A32 = l32.forward(X);
    expect(A32.dtype).toBe("float32");
    const A64 = l64.forward(X).data as Float64Array;
    const scale = Math.max(...Array.from(A64, Math.abs));
    (A32.data as Float32Array).forEach((v, i) => expect(Math.abs(v - A64[i])).toBeLessThanOrEqual(5 * 10 * 2 ** -23 * scale));
  });
  it("takes given W and b (copied)", () => {
    const W = [
      [1, 2],
      [3, 4],
    ];
    const layer = new Dense(2, 2, { W, b: [0.5, -0.5] });
    expect(layer.forward(np.array([[1, 1]])).toArray()).toEqual([[4.5, 5.5]]);
    W[0][0] = 100;
    expect((layer.W.data as Float64Array)[0]).toBe(1);
  });
});

describe("Dense backward: gradients against central differences (float64, relative error < 1e-6)", () => {
  for (const activation of ACTIVATIONS) {
    it(activation, () => {
      const m = 6;
      const X = randn([m, 4]);
      const layer = new Dense(4, 3, { activation, rng: 11 });
      const dA = randn([m, 3]); // L = Σ dA ⊙ f(X·W + b): ∂L/∂A = dA
      const L = (): number => {
        const A = layer.forward(X).data as Float64Array;
        const d = dA.data as Float64Array;
        let s = 0;
        for (let e = 0; e < A.length; e++) s += d[e] * A[e];
        return s;
      };
      layer.forward(X);
      const dX = layer.backward(dA) as NDArray;
      const dW = Float64Array.from(layer.dW.data as Float64Array);
      const db = Float64Array.from(layer.db.data as Float64Array);
      expect(relError(dW, numericGradient(layer.W.data as Float64Array, L))).toBeLessThan(1e-6);
      expect(relError(db, numericGradient(layer.b.data as Float64Array, L))).toBeLessThan(1e-6);
      expect(relError(dX.data as Float64Array, numericGradient(X.data as Float64Array, L))).toBeLessThan(1e-6);
    });
  }
  it("inputGrad: false skips dX but still fills dW and db", () => {
    const layer = new Dense(3, 2, { rng: 0 });
    layer.forward(randn([4, 3]));
    expect(layer.backward(np.ones([4, 2]), { inputGrad: false })).toBeNull();
    expect(Array.from(layer.db.data as Float64Array)).toEqual([4, 4]);
  });
});

describe("Dense argument checks", () => {
  it("rejects bad construction", () => {
    expect(() => new Dense(0, 3)).toThrow(/Dense: fanIn must be an integer >= 1, got 0/);
    expect(() => new Dense(2, 2.5)).toThrow(/Dense: fanOut must be an integer >= 1, got 2.5/);
    expect(() => new Dense(2, 2, { activation: "softplus" as never })).toThrow(/Dense: activation must be one of .*, got "softplus"/);
    expect(() => new Dense(2, 2, { units: 3 } as never)).toThrow(/Dense: unknown option 'units'/);
    expect(() => new Dense(2, 2, { W: [[1, 2]], b: [0, 0] })).toThrow(ShapeError);
    expect(
      () =>
        new Dense(2, 2, {
          W: [
            [1, 2],
            [3, 4],
          ],
        }),
    ).toThrow(/give both W and b/);
    expect(() => new Dense(2, 2, { init: "zeros" as never })).toThrow(/Dense: init must be one of/);
  });
  it("rejects bad forward and backward calls", () => {
    const layer = new Dense(3, 2, { rng: 0 });
    expect(() => layer.backward(np.ones([1, 2]))).toThrow(/Dense.backward: call forward\(X\) first/);
    expect(() => layer.forward(np.ones([2, 4]))).toThrow(/Dense.forward: X must be an array of shape \(m, 3\), got an array of shape \(2, 4\)/);
    expect(() => layer.forward([[1, 2, 3]] as never)).toThrow(ShapeError);
    layer.forward(np.ones([2, 3]));
    expect(() => layer.backward(np.ones([3, 2]))).toThrow(/Dense.backward: dA must have the shape of the last output \(2, 2\)/);
    expect(() => new Dense(2, 2, { reuseBuffers: "yes" as never })).toThrow(ValueError);
  });
});
