import { readFileSync } from "node:fs";
import * as np from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { expectBitwiseEqual, expectMatchesSklearn } from "../../test/mlp-helpers.js";
import { NotFittedError } from "../base.js";
import { MLPRegressor } from "./mlp-regressor.js";

// the first 300 digits, pixels scaled to [0, 1]; targets made from pixels
const rows = readFileSync(new URL("../../../../datasets/digits.csv", import.meta.url), "utf8")
  .trim()
  .split("\n")
  .slice(1, 301)
  .map((l) => l.split(",").map(Number));
const X = np.array(rows.map((r) => r.slice(0, 64).map((v) => v / 16)));
const yr = rows.map((r) => (r[10] / 16) * 2 + r[20] / 16 - 0.5);
const yr2 = np.array(rows.map((r, i) => [yr[i], r[30] / 16]));

/*
 * scikit-learn 1.2.1: d = np.loadtxt("datasets/digits.csv", delimiter=",", skiprows=1)
 *   X = d[:300, :64] / 16.0;  yr = X[:, 10] * 2 + X[:, 20] - 0.5;  yr2 = np.stack([yr, X[:, 30]], 1)
 *   summary(est) as in mlp-classifier.test.ts
 */
const SKLEARN = {
  // reg = MLPRegressor(hidden_layer_sizes=(8, 6), max_iter=4, random_state=4, early_stopping=True).fit(X, yr); reg.score(X, yr)
  regEs: {
    lossCurve: [0.2537058181658381, 0.23406694402976413, 0.21732535436037062, 0.20484530425497494],
    validationScores: [0.20758516083527956, 0.2853187712719004, 0.3561775557690844, 0.4150270453246063],
    coefSums: [6.390192394650597, 1.7989712057169314, -0.008735964781140151],
    coef0: [0.2652283547825264, 0.02621150504522672, 0.2684732842620054, 0.12093488889480986],
    lastIntercept: [0.37490908654920413],
    nIter: 4,
    score: 0.25421311614701125,
  },
  // MLPRegressor(hidden_layer_sizes=(8,), solver="sgd", max_iter=4, random_state=5, learning_rate="invscaling", learning_rate_init=0.1, nesterovs_momentum=False).fit(X, yr2)
  reg2Sgd: {
    lossCurve: [1.2420098539531321, 0.3265596011040172, 0.34609299836775825, 0.8670081993382571],
    validationScores: null,
    coefSums: [-25.429711779413978, 2.5616221492354514],
    coef0: [-0.16050717816482118, 0.21404221094970016, -0.16932562761420197, 0.24168491056677677],
    lastIntercept: [1.5222242330552036, 0.12783776592630614],
    nIter: 4,
  },
  // MLPRegressor(hidden_layer_sizes=(8,), solver="sgd", max_iter=40, random_state=6, learning_rate="adaptive", learning_rate_init=0.3, n_iter_no_change=2, tol=1e-2).fit(X, yr)
  // (η is divided by 5 at each stall; training stops at epoch 38 when η ≤ 1e-6)
  regAdaptive: {
    lossCurve: [
      4.4407766465844425, 3.6899124310844993, 0.5426039045661479, 0.5308290683939836, 0.44690648426405916, 0.2714811550665512, 0.24501511878481466,
      0.2225496629169185, 0.1554719593666124, 0.14016257392802517, 0.0906771749013552, 0.08993423654079097, 0.21847161880595398, 0.6119661128316075,
      0.3539064496200268, 0.25929075550411923, 0.2929175293463998, 0.3432938585231769, 0.392368717339908, 0.42822484587874327, 0.4437510643345528,
      0.45402330097455007, 0.45852476752746213, 0.4574629284615818, 0.4554625882738596, 0.4528789636225599, 0.4493129590366124, 0.44618355880282906,
      0.4432538271437422, 0.4404879046173357, 0.43825429477964556, 0.43633829459261686, 0.4346951455370362, 0.4333900637820682, 0.43229199656961204,
      0.4313742795244368, 0.43062937693906134, 0.4300007546870002,
    ],
    validationScores: null,
    coefSums: [-523.0630321064316, -73.94709740135141],
    coef0: [0.22680289237470364, -0.09700008004314407, 0.18544943781699466, -0.26458405234192545],
    lastIntercept: [0.4968626000550551],
    nIter: 38,
  },
};

describe("MLPRegressor trains exactly as scikit-learn", () => {
  it("adam with early stopping: R² of the held-out part per epoch, score", () => {
    const reg = new MLPRegressor({ hiddenLayerSizes: [8, 6], maxIter: 4, randomState: 4, earlyStopping: true }).fit(X, yr);
    expectMatchesSklearn(reg, SKLEARN.regEs);
    expect(Math.abs(reg.score(X, yr) - SKLEARN.regEs.score)).toBeLessThan(1e-10);
    expect(reg.predict(X).shape).toEqual([300]);
  });
  it("sgd, classical momentum, invscaling, two targets (loss: scikit-learn's mean over all entries)", () => {
    const reg = new MLPRegressor({
      hiddenLayerSizes: [8],
      solver: "sgd",
      maxIter: 4,
      randomState: 5,
      learningRate: "invscaling",
      learningRateInit: 0.1,
      nesterovsMomentum: false,
    }).fit(X, yr2);
    expectMatchesSklearn(reg, SKLEARN.reg2Sgd);
    expect(reg.predict(X).shape).toEqual([300, 2]);
  });
  it("sgd with the adaptive schedule: η / 5 on each stall, stop at η ≤ 1e-6", () => {
    // 38 epochs at η up to 0.3 amplify rounding differences between gemm kernels, hence 1e-8
    const reg = new MLPRegressor({
      hiddenLayerSizes: [8],
      solver: "sgd",
      maxIter: 40,
      randomState: 6,
      learningRate: "adaptive",
      learningRateInit: 0.3,
      nIterNoChange: 2,
      tol: 1e-2,
    }).fit(X, yr);
    expectMatchesSklearn(reg, SKLEARN.regAdaptive, 1e-8);
    expect(reg.stopReason).toBe("noImprovement");
  });
});

describe("MLPRegressor fits, predicts and round-trips", () => {
  it("learns a smooth function well (R² > 0.95)", () => {
    // y = sin(3x₀) + x₁², 200 points in [-1, 1]²
    const rng = np.random.defaultRng(0);
    const P = rng.uniform(-1, 1, [200, 2]) as np.NDArray;
    const p = P.data as Float64Array;
    const y = Array.from({ length: 200 }, (_, i) => Math.sin(3 * p[2 * i]) + p[2 * i + 1] ** 2);
    const reg = new MLPRegressor({ hiddenLayerSizes: [32, 32], activation: "tanh", learningRateInit: 0.01, maxIter: 400, randomState: 0, tol: 1e-6 }).fit(P, y);
    expect(reg.score(P, y)).toBeGreaterThan(0.95);
  });
  it("JSON round trip: the same predictions bit for bit", () => {
    const reg = new MLPRegressor({ hiddenLayerSizes: [8], maxIter: 5, randomState: 1 }).fit(X, yr2);
    const back = MLPRegressor.fromJSON(JSON.parse(JSON.stringify(reg.toJSON())));
    expect(back.predict(X).shape).toEqual([300, 2]);
    expectBitwiseEqual(back.predict(X).data as Float64Array, reg.predict(X).data as Float64Array, "predict");
    const f32 = new MLPRegressor({ hiddenLayerSizes: [8], maxIter: 3, randomState: 1, dtype: "float32" }).fit(X, yr);
    const back32 = MLPRegressor.fromJSON(JSON.parse(JSON.stringify(f32.toJSON())));
    expect(back32.coefs![0].dtype).toBe("float32");
    expectBitwiseEqual(back32.predict(X).data as Float32Array, f32.predict(X).data as Float32Array, "predict float32");
  });
  it("partialFit: one epoch per call, continuing", () => {
    const reg = new MLPRegressor({ hiddenLayerSizes: [8], randomState: 0 });
    reg.partialFit(X, yr).partialFit(X, yr);
    expect(reg.nIter).toBe(2);
    expect(reg.lossCurve!.length).toBe(2);
    expect(() => reg.partialFit(X, yr2)).toThrow(/MLPRegressor.partialFit: y has 2 target\(s\), but MLPRegressor was fitted with 1/);
  });
  it("checks its arguments", () => {
    const reg = new MLPRegressor({ hiddenLayerSizes: [4], maxIter: 2, randomState: 0 });
    expect(() => reg.predict(X)).toThrow(NotFittedError);
    expect(() => reg.fit(X, yr.slice(1))).toThrow(/MLPRegressor: X and y have different numbers of samples: X has 300, y has 299/);
    expect(() => reg.fit(X, [NaN, ...yr.slice(1)])).toThrow(/MLPRegressor: y contains NaN at index 0/);
    const Xi = X.copy();
    (Xi.data as Float64Array)[64 * 3 + 2] = -Infinity;
    expect(() => reg.fit(Xi, yr)).toThrow(/MLPRegressor: X contains -infinity at row 3, column 2/);
    reg.fit(X, yr);
    expect(() => reg.predict([[1, 2, 3]])).toThrow(/MLPRegressor: X has 3 features, but MLPRegressor was fitted with 64 features/);
    expect(() => new MLPRegressor({ maxIter: 0 })).toThrow(/MLPRegressor: option maxIter: .*got 0/);
    expect(() => new MLPRegressor({ activation: "softmax" } as never)).toThrow(/MLPRegressor: option activation: .*got "softmax"/);
  });
});
