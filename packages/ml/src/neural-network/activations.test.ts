import * as np from "@sliderule/ndarray";
import { AxisError, NDArray, ValueError } from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import {
  ACTIVATIONS,
  activateRows,
  activationBackward,
  expit,
  identity,
  leakyRelu,
  logSoftmax,
  relu,
  sigmoid,
  sigmoidScalar,
  softmax,
  softmaxRows,
  type ActivationName,
} from "./activations.js";

const EPS = 2 ** -52;
const close = (actual: ArrayLike<number>, expected: readonly number[], rtol = 4 * EPS, atol = 0): void => {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const tol = atol + rtol * Math.abs(expected[i]);
    if (!(Math.abs(actual[i] - expected[i]) <= tol)) expect.fail(`[${i}]: ${actual[i]} vs ${expected[i]} (tol ${tol})`);
  }
};
const flat = (a: NDArray): number[] => Array.from(a.data as Float64Array);

describe("expit / sigmoid", () => {
  it("matches SciPy, with no overflow for large |x|", () => {
    // scipy.special.expit(np.array([-1000, -30, -1, 0, 1e-10, 1, 30, 1000.]))
    const expected = [0.0, 9.357622968839299e-14, 0.2689414213699951, 0.5, 0.500000000025, 0.7310585786300049, 0.9999999999999065, 1.0];
    const r = expit([-1000, -30, -1, 0, 1e-10, 1, 30, 1000]);
    close(flat(r), expected);
    expect(r.dtype).toBe("float64");
    expect(sigmoid).toBe(expit);
    expect(sigmoidScalar(-1e308)).toBe(0);
    expect(sigmoidScalar(1e308)).toBe(1);
  });
  it("keeps float32 and does not modify its input", () => {
    const x = np.array([-2, 0, 2], "float32");
    const r = expit(x);
    expect(r.dtype).toBe("float32");
    expect(Array.from(x.data as Float32Array)).toEqual([-2, 0, 2]);
    close(flat(r), [0.11920292202211755, 0.5, 0.8807970779778823], 2 ** -23);
  });
});

describe("softmax / logSoftmax", () => {
  const A = [
    [1, 2, 3],
    [-1, 0, 4],
  ];
  it("matches SciPy along each axis and over the whole array", () => {
    // scipy.special.softmax(A, axis=0), axis=1, axis=None
    close(flat(softmax(A, 0)), [0.8807970779778825, 0.8807970779778825, 0.26894142136999516, 0.11920292202211755, 0.11920292202211755, 0.7310585786300049]);
    close(
      flat(softmax(A, { axis: 1 })),
      [0.09003057317038043, 0.24472847105479767, 0.6652409557748218, 0.006573263185309083, 0.0178679818703045, 0.9755587549443865],
    );
    close(flat(softmax(A, -1)), flat(softmax(A, 1)), 0);
    close(flat(softmax(A)), [0.03154963320110001, 0.08576079462509834, 0.23312200962361304, 0.00426977854528211, 0.011606461431184656, 0.6336913225737218]);
    // scipy.special.log_softmax(A, axis=1)
    close(
      flat(logSoftmax(A, 1)),
      [-2.4076059644443806, -1.4076059644443804, -0.40760596444438035, -5.024744890138822, -4.024744890138822, -0.024744890138822587],
    );
  });
  it("works on a middle axis of a 3-D array", () => {
    // scipy.special.softmax(np.arange(24.).reshape(2,3,4)/7, axis=1).ravel()[:6]
    const B = np.arange(24).reshape(2, 3, 4).divide(7);
    const r = softmax(B, 1);
    expect(r.shape).toEqual([2, 3, 4]);
    close(flat(r).slice(0, 6), [0.16930472446194098, 0.16930472446194098, 0.16930472446194098, 0.16930472446194098, 0.29980395150062983, 0.2998039515006298]);
    // each lane along axis 1 sums to 1
    const sums = np.sum(r, { axis: 1 }).data as Float64Array;
    for (const s of sums) expect(Math.abs(s - 1)).toBeLessThanOrEqual(4 * EPS);
  });
  it("subtracts the maximum: no overflow at 1000, exact log-probabilities far below", () => {
    // scipy.special.softmax([1000., 1001, 1002]) == softmax([1., 2, 3])
    close(flat(softmax([1000, 1001, 1002])), [0.09003057317038043, 0.24472847105479767, 0.6652409557748218]);
    // scipy.special.log_softmax([-1000., 0]) == [-1000, 0] (log(softmax) would be -inf)
    expect(flat(logSoftmax([-1000, 0]))).toEqual([-1000, 0]);
  });
  it("rejects bad axes and options", () => {
    expect(() => softmax(A, 2)).toThrow(AxisError);
    expect(() => softmax(A, 2)).toThrow(/softmax: axis 2 is out of bounds/);
    expect(() => logSoftmax(A, 1.5)).toThrow(/logSoftmax: axis must be an integer or null, got 1.5/);
    expect(() => softmax(A, { axes: 1 } as never)).toThrow(/softmax: unknown option 'axes'/);
    expect(() => softmax("abc")).toThrow(ValueError);
  });
});

describe("relu, leakyRelu, identity", () => {
  it("computes element-wise", () => {
    expect(flat(relu([-1, 0, 2.5]))).toEqual([0, 0, 2.5]);
    expect(flat(leakyRelu([-1, 2]))).toEqual([-0.01, 2]);
    expect(flat(leakyRelu([-2, 2], { negativeSlope: 0.5 }))).toEqual([-1, 2]);
    const x = np.array([1, -2]);
    const y = identity(x);
    expect(flat(y)).toEqual([1, -2]);
    expect(y.data).not.toBe(x.data);
  });
  it("checks the slope", () => {
    expect(() => leakyRelu([1], { negativeSlope: 0 })).toThrow(/leakyRelu: negativeSlope must be a finite number > 0, got 0/);
    expect(() => leakyRelu([1], { slope: 0.1 } as never)).toThrow(/leakyRelu: unknown option 'slope'/);
  });
});

describe("derivatives (activationBackward) against central differences", () => {
  // points away from the kinks of relu/leakyRelu at 0
  const z = [-3.1, -0.7, -0.05, 0.02, 0.4, 1.3, 2.9];
  const f = (name: ActivationName, v: number): number => {
    const a = new Float64Array([v]);
    activateRows(name, a, 1, 1, null);
    return a[0];
  };
  for (const name of ACTIVATIONS) {
    it(name, () => {
      const A = new Float64Array(z);
      activateRows(name, A, 1, z.length, null);
      const dA = Float64Array.from(z, (_, i) => 0.5 + i); // an arbitrary upstream gradient
      const dZ = new Float64Array(z.length);
      activationBackward(name, A, dA, dZ, z.length);
      for (let i = 0; i < z.length; i++) {
        const h = 1e-6;
        const numeric = (dA[i] * (f(name, z[i] + h) - f(name, z[i] - h))) / (2 * h);
        const rel = Math.abs(dZ[i] - numeric) / Math.max(Math.abs(numeric), 1e-12);
        expect(rel, `${name} at ${z[i]}`).toBeLessThan(1e-6);
      }
    });
  }
  it("softmax: the Jacobian-vector product p ⊙ (v − p·v) matches central differences", () => {
    const zr = [0.3, -1.2, 2.0, 0.7];
    const v = [1.5, -0.5, 0.25, 2.0]; // L(z) = v · softmax(z)
    const L = (zz: number[]): number => {
      const p = new Float64Array(zz);
      softmaxRows(p, p, 1, zz.length);
      return p.reduce((s, pj, j) => s + pj * v[j], 0);
    };
    const p = new Float64Array(zr);
    softmaxRows(p, p, 1, zr.length);
    const pv = p.reduce((s, pj, j) => s + pj * v[j], 0);
    for (let k = 0; k < zr.length; k++) {
      const analytic = p[k] * (v[k] - pv); // Σ_j v_j ∂p_j/∂z_k = p_k (v_k − p·v)
      const h = 1e-6;
      const plus = zr.slice();
      plus[k] += h;
      const minus = zr.slice();
      minus[k] -= h;
      const numeric = (L(plus) - L(minus)) / (2 * h);
      expect(Math.abs(analytic - numeric) / Math.abs(numeric)).toBeLessThan(1e-6);
    }
  });
});
