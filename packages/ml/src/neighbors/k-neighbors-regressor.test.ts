/**
 * KNeighborsRegressor against scikit-learn 1.2.1 on diabetes (/usr/bin/python3):
 *
 *   D = np.loadtxt("datasets/diabetes.csv", delimiter=",", skiprows=1); Xd, yd = D[:, :10], D[:, 10]
 *   r = KNeighborsRegressor(n_neighbors=7, weights=w).fit(Xd[:300], yd[:300])
 *   r.predict(Xd[300:320]).tolist(), r.score(Xd[300:], yd[300:])
 */
import { readFileSync } from "node:fs";
import * as np from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { NotFittedError } from "../base.js";
import { KNeighborsRegressor } from "./k-neighbors-regressor.js";

const rows = readFileSync(new URL("../../../../datasets/diabetes.csv", import.meta.url), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((l) => l.split(",").map(Number));
const Xd = rows.map((r) => r.slice(0, 10));
const yd = rows.map((r) => r[10]);
const eps = 2.220446049250313e-16;

function expectClose(actual: ArrayLike<number>, expected: number[], rel: number): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i] - expected[i])).toBeLessThanOrEqual(rel * Math.abs(expected[i]));
}

describe("KNeighborsRegressor", () => {
  const SKLEARN = {
    uniform: {
      predict: [
        123.28571428571429, 180.71428571428572, 188.42857142857142, 207.28571428571428, 158.14285714285714, 147.85714285714286, 131.28571428571428,
        190.57142857142858, 102.14285714285714, 150.57142857142858, 97.57142857142857, 167.57142857142858, 124.57142857142857, 215.14285714285714,
        118.71428571428571, 84.28571428571429, 140.71428571428572, 161.71428571428572, 138.14285714285714, 184.42857142857142,
      ],
      score: 0.3330482889589106,
    },
    distance: {
      predict: [
        121.4264858569444, 171.21485164804497, 191.98315955803605, 212.0620181645807, 152.02056285083196, 148.00718416703037, 130.0118986804166,
        189.89997397471706, 102.73780135544051, 150.1711264278173, 98.11421656037524, 167.80148427730697, 123.69591388338209, 218.5965579089737,
        117.12650213508034, 81.36648258991531, 141.10680325432273, 155.61227527138823, 138.1314493283725, 185.05108564568636,
      ],
      score: 0.3296357527849286,
    },
  } as const;

  it.each(["uniform", "distance"] as const)("weights %s: scikit-learn's predictions and R²", (weights) => {
    const r = new KNeighborsRegressor({ nNeighbors: 7, weights }).fit(Xd.slice(0, 300), yd.slice(0, 300));
    const p = r.predict(Xd.slice(300, 320));
    expect(p.shape).toEqual([20]);
    // weights 1/d: the distances come from the expansion, relative error ~eps·‖x‖²/d²
    expectClose(p.toTypedArray(), [...SKLEARN[weights].predict], weights === "uniform" ? 4 * eps : 1e-10);
    expect(Math.abs(r.score(Xd.slice(300), yd.slice(300)) - SKLEARN[weights].score)).toBeLessThanOrEqual(1e-10);
  });

  it("averages every output of a 2-D y", () => {
    // y2 = np.column_stack([yd, D[:, 2]]); KNeighborsRegressor(n_neighbors=4).fit(Xd[:300], y2[:300]).predict(Xd[300:305])
    const y2 = rows.map((r) => [r[10], r[2]]);
    const r = new KNeighborsRegressor({ nNeighbors: 4 }).fit(Xd.slice(0, 300), y2.slice(0, 300));
    const p = r.predict(Xd.slice(300, 305));
    expect(p.shape).toEqual([5, 2]);
    expectClose(p.toTypedArray(), [122.75, 27.05, 172.75, 26.950000000000003, 206.25, 28.65, 213.0, 27.900000000000002, 150.5, 25.925], 4 * eps);
    // r.score(Xd[300:], y2[300:]): R² averaged over the two outputs
    expect(Math.abs(r.score(Xd.slice(300), y2.slice(300)) - 0.3395404425713629)).toBeLessThanOrEqual(1e-12);
    expect(() => r.score(Xd.slice(300), yd.slice(300))).toThrow(/^KNeighborsRegressor.score: y has 1 output\(s\), but KNeighborsRegressor was fitted with 2/);
  });

  it("predicts the training targets exactly with k = 1 (each point is its own nearest)", () => {
    const Xs = [
      [0, 0],
      [1, 0],
      [0, 2],
      [5, 5],
    ];
    const r = new KNeighborsRegressor({ nNeighbors: 1 }).fit(Xs, [1.5, -2, 3, 10]);
    expect(r.predict(Xs).toArray()).toEqual([1.5, -2, 3, 10]);
    expect(r.score(Xs, [1.5, -2, 3, 10])).toBe(1);
    // an exact match takes all the weight with weights "distance"
    expect(
      new KNeighborsRegressor({ nNeighbors: 3, weights: "distance" })
        .fit(Xs, [1.5, -2, 3, 10])
        .predict([[1, 0]])
        .toArray(),
    ).toEqual([-2]);
  });

  it("rejects bad input", () => {
    const r = new KNeighborsRegressor({ nNeighbors: 2 });
    expect(() => r.predict([[1]])).toThrow(NotFittedError);
    expect(() => r.fit([[1], [2]], [1, NaN])).toThrow(/^KNeighborsRegressor: y contains NaN at index 1/);
    expect(() => r.fit([[1], [2]], [1, 2, 3])).toThrow(/^KNeighborsRegressor: X and y have different numbers of samples: X has 2, y has 3/);
    r.fit([[1], [2]], [1, 2]);
    expect(() => r.predict([[1, 2]])).toThrow(/^KNeighborsRegressor: X has 2 features, but KNeighborsRegressor was fitted with 1 features/);
    expect(() => new KNeighborsRegressor({ nNeighbors: 3 }).fit([[1], [2]], [1, 2]).predict([[1]])).toThrow(/nNeighbors = 3 with nSamplesFit = 2/);
    expect(() => new KNeighborsRegressor({ weights: 1 } as never)).toThrow(/^KNeighborsRegressor: option weights: .*got 1/);
  });

  it("round-trips through JSON with the same predictions, bit for bit", () => {
    const r = new KNeighborsRegressor({ nNeighbors: 5, weights: "distance", metric: "cityblock" }).fit(Xd.slice(0, 200), yd.slice(0, 200));
    const back = KNeighborsRegressor.fromJSON(JSON.parse(JSON.stringify(r.toJSON())));
    expect(back.predict(Xd.slice(200)).toArray()).toEqual(r.predict(Xd.slice(200)).toArray());
    expect(() =>
      KNeighborsRegressor.fromJSON({
        estimator: "KNeighborsRegressor",
        options: {},
        state: { fitX: { dtype: "float64", shape: [1, 1], data: [0] }, fitY: { dtype: "float64", shape: [2], data: [0, 1] } },
      }),
    ).toThrow(/^KNeighborsRegressor.fromJSON: field fitY must have 1 rows/);
    void np;
  });
});
