import * as np from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { glorotUniform, heNormal, heUniform } from "./initializers.js";

describe("glorotUniform: scikit-learn's _init_coef", () => {
  it("gives scikit-learn's weights for the same RandomState seed (logistic: factor 2)", () => {
    // m = MLPClassifier(activation="logistic"); m._random_state = np.random.RandomState(0)
    // W, b = m._init_coef(4, 3, np.float64)
    const { W, b } = glorotUniform(4, 3, new np.random.RandomState(0), { activation: "logistic" });
    expect(W.shape).toEqual([4, 3]);
    expect(Array.from(W.data as Float64Array)).toEqual([
      0.052183830726855285, 0.2300471092121621, 0.10985867004808425, 0.047982140914933025, -0.08161645257095029, 0.1559673673836247, -0.06672207771660227,
      0.4188229549471034, 0.4956763408001923, -0.12460625773619438, 0.3118671838996889, 0.03088996855248438,
    ]);
    expect(Array.from(b.data as Float64Array)).toEqual([0.07274269561340074, 0.45498194441539785, -0.45858174328672674]);
  });
  it("relu (factor 6), cast to float32 after drawing in float64", () => {
    // m = MLPClassifier(activation="relu"); ...; m._init_coef(4, 3, np.float32)[0].ravel()[:3]
    const { W } = glorotUniform(4, 3, new np.random.RandomState(0), { activation: "relu", dtype: "float32" });
    expect(W.dtype).toBe("float32");
    expect(Array.from(W.data as Float32Array).slice(0, 3)).toEqual([0.09038504958152771, 0.3984532952308655, 0.19028079509735107]);
  });
  it("stays within ±sqrt(6/(fanIn+fanOut)) on a Generator", () => {
    const r = Math.sqrt(6 / (30 + 20));
    const { W, b } = glorotUniform(30, 20, np.random.defaultRng(1));
    for (const v of [...(W.data as Float64Array), ...(b.data as Float64Array)]) expect(Math.abs(v)).toBeLessThan(r);
    expect(Math.max(...Array.from(W.data as Float64Array))).toBeGreaterThan(0.95 * r);
  });
});

describe("He initialisation: Var(W) = 2 / fanIn, b = 0", () => {
  const fanIn = 50;
  const fanOut = 400; // 20 000 draws: the sample variance is within a few percent
  const variance = (a: Float64Array): number => {
    const mean = a.reduce((s, v) => s + v, 0) / a.length;
    return a.reduce((s, v) => s + (v - mean) ** 2, 0) / a.length;
  };
  for (const [name, init] of [
    ["heNormal", heNormal],
    ["heUniform", heUniform],
  ] as const) {
    it(name, () => {
      const { W, b } = init(fanIn, fanOut, np.random.defaultRng(3));
      const v = variance(W.data as Float64Array);
      // standard error of a sample variance ≈ σ²·sqrt(2/N) (normal) ≈ 1% here; allow 5%
      expect(Math.abs(v / (2 / fanIn) - 1)).toBeLessThan(0.05);
      expect(Array.from(b.data as Float64Array).every((x) => x === 0)).toBe(true);
    });
  }
  it("checks its arguments", () => {
    expect(() => heNormal(0, 3, np.random.defaultRng(0))).toThrow(/heNormal: fanIn must be an integer >= 1, got 0/);
    expect(() => glorotUniform(2, 3, 42 as never)).toThrow(/glorotUniform: rng must be a Generator/);
  });
});
