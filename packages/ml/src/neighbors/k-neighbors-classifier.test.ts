/**
 * KNeighborsClassifier against scikit-learn 1.2.1 on iris (/usr/bin/python3), the training
 * set the even rows, the queries the odd rows, species coded 0, 1, 2 in order of appearance:
 *
 *   rows = list(csv.reader(open("datasets/iris.csv")))[1:]
 *   X = np.array([[float(v) for v in r[:4]] for r in rows]); y = species codes
 *   Xtr, ytr, Xte, yte = X[::2], y[::2], X[1::2], y[1::2]
 *   m = KNeighborsClassifier(n_neighbors=k, weights=w, metric=…).fit(Xtr, ytr)
 *   m.predict(Xte), m.score(Xte, yte), m.predict_proba(Xte), m.kneighbors(Xte), m.kneighbors(None, 3)
 */
import { readFileSync } from "node:fs";
import * as np from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { NotFittedError } from "../base.js";
import { cdist } from "../distance/cdist.js";
import { Pipeline, makePipeline } from "../pipeline.js";
import { StandardScaler } from "../preprocessing/standard-scaler.js";
import { KNeighborsClassifier } from "./k-neighbors-classifier.js";

const eps = 2.220446049250313e-16;
const rows = readFileSync(new URL("../../../../datasets/iris.csv", import.meta.url), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((l) => l.split(","));
const species: string[] = [];
for (const r of rows) if (!species.includes(r[4])) species.push(r[4]);
const X = rows.map((r) => r.slice(0, 4).map(Number));
const y = rows.map((r) => species.indexOf(r[4]));
const Xtr = X.filter((_, i) => i % 2 === 0);
const ytr = np.array(
  y.filter((_, i) => i % 2 === 0),
  "int32",
);
const Xte = X.filter((_, i) => i % 2 === 1);
const yte = np.array(
  y.filter((_, i) => i % 2 === 1),
  "int32",
);
const labels = (s: string) => s.split("").map(Number);

describe("KNeighborsClassifier", () => {
  // m.predict(Xte) as digits, and m.score(Xte, yte)
  const SKLEARN: [number, "uniform" | "distance", string, number][] = [
    [1, "uniform", "000000000000000000000000011111111111111112111111112222222221222222122222222", 0.96],
    [5, "uniform", "000000000000000000000000011111111111111112111111112222222222222222222222222", 0.9866666666666667],
    [5, "distance", "000000000000000000000000011111111111111112111111112222222222222222222222222", 0.9866666666666667],
    [15, "uniform", "000000000000000000000000011111111111111112111111112222222221112122122222222", 0.92],
    [15, "distance", "000000000000000000000000011111111111111112111111112222222221122222122222222", 0.9466666666666667],
  ];
  it.each(SKLEARN)("k = %i, weights %s: scikit-learn's predictions and score", (k, weights, pred, score) => {
    const m = new KNeighborsClassifier({ nNeighbors: k, weights }).fit(Xtr, ytr);
    const p = m.predict(Xte);
    expect(p.dtype).toBe("int32"); // the dtype of y
    expect(Array.from(p.toTypedArray())).toEqual(labels(pred));
    expect(m.score(Xte, yte)).toBe(score);
    expect(m.classes?.toArray()).toEqual([0, 1, 2]);
    expect([m.nFeaturesIn, m.nSamplesFit]).toEqual([4, 75]);
  });

  it("other metrics: manhattan, minkowski p = 1, cosine", () => {
    const manhattan = "000000000000000000000000011111111111111112111111112222222221222222122222222";
    expect(Array.from(new KNeighborsClassifier({ metric: "manhattan" }).fit(Xtr, ytr).predict(Xte).toTypedArray())).toEqual(labels(manhattan));
    expect(Array.from(new KNeighborsClassifier({ p: 1 }).fit(Xtr, ytr).predict(Xte).toTypedArray())).toEqual(labels(manhattan));
    const cosine = "000000000000000000000000011111111111111112111111112222222222222221222222222";
    expect(Array.from(new KNeighborsClassifier({ metric: "cosine" }).fit(Xtr, ytr).predict(Xte).toTypedArray())).toEqual(labels(cosine));
  });

  it("predictProba: the neighbours' votes, normalised", () => {
    const P = new KNeighborsClassifier({ nNeighbors: 5 }).fit(Xtr, ytr).predictProba(Xte);
    expect(P.shape).toEqual([75, 3]);
    // the rows of m.predict_proba(Xte) that are not one-hot
    const mixed: Record<number, number[]> = { 31: [0, 0.6, 0.4], 38: [0, 0.8, 0.2], 41: [0, 0.2, 0.8], 59: [0, 0.4, 0.6], 74: [0, 0.2, 0.8] };
    for (const [i, p] of Object.entries(mixed)) expect(P.slice(Number(i)).toArray()).toEqual(p);
    for (let i = 0; i < 75; i++) expect(Math.abs((P.slice(i).toTypedArray() as Float64Array).reduce((a, b) => a + b) - 1)).toBeLessThanOrEqual(4 * eps);
  });

  it("kneighbors: scikit-learn's distances; the indices a valid nearest set, ties to the lower index", () => {
    const m = new KNeighborsClassifier({ nNeighbors: 5 }).fit(Xtr, ytr);
    const { distances, indices } = m.kneighbors(Xte);
    expect(distances.shape).toEqual([75, 5]);
    expect(indices.dtype).toBe("int32");
    // m.kneighbors(Xte)[0][:4]; the expansion ‖x‖² + ‖y‖² − 2x·y errs by ~eps·‖x‖²/d (‖x‖² ≤ 100 here)
    const kn = [
      [0.14142135623730964, 0.1414213562373099, 0.24494897427831822, 0.30000000000000016, 0.49999999999999983],
      [0.22360679774997916, 0.24494897427831802, 0.26457513110645925, 0.29999999999999954, 0.29999999999999954],
      [0.33166247903553986, 0.3464101615137753, 0.36055512754639896, 0.3741657386773947, 0.38729833462074226],
      [0.17320508075688762, 0.22360679774997902, 0.22360679774997916, 0.22360679774997916, 0.2449489742783178],
    ];
    kn.forEach((row, i) => row.forEach((e, t) => expect(Math.abs(distances.get(i, t) - e)).toBeLessThanOrEqual((16 * 200 * eps) / e)));
    // row 2 has no ties: scikit-learn's indices [9, 5, 24, 22, 23] exactly
    expect(indices.slice(2).toArray()).toEqual([9, 5, 24, 22, 23]);
    // every row: the selected are the k smallest exact distances (up to the expansion's error)
    const exact = cdist(Xte, Xtr);
    for (let i = 0; i < 75; i++) {
      const all = Array.from(exact.slice(i).toTypedArray()).sort((a, b) => a - b);
      for (let t = 0; t < 5; t++) expect(Math.abs(exact.get(i, indices.get(i, t)) - all[t])).toBeLessThanOrEqual(1e-12);
    }
    const [d2, i2] = m.kneighbors(Xte, 2); // destructures in scikit-learn's order
    expect(d2.shape).toEqual([75, 2]);
    expect(i2.toArray()).toEqual(indices.slice(":", ":2").toArray());
    expect(m.kneighbors(Xte, 3, false).shape).toEqual([75, 3]);
  });

  it("kneighbors without X: each training row's neighbours among the others", () => {
    const m = new KNeighborsClassifier().fit(Xtr, ytr);
    const { distances, indices } = m.kneighbors(null, 3);
    // m.kneighbors(None, 3)[0][:3], [1][:3]
    const d = [
      [0.1414213562373093, 0.14142135623730995, 0.17320508075688743],
      [0.264575131106459, 0.264575131106459, 0.2999999999999998],
      [0.1414213562373093, 0.17320508075688767, 0.2828427124746193],
    ];
    d.forEach((row, i) => row.forEach((e, t) => expect(Math.abs(distances.get(i, t) - e)).toBeLessThanOrEqual((16 * 200 * eps) / e)));
    expect(indices.slice(0).toArray()).toEqual([2, 14, 20]);
    expect(indices.slice(2).toArray()).toEqual([0, 20, 14]);
    for (let i = 0; i < 75; i++) for (let t = 0; t < 3; t++) expect(indices.get(i, t)).not.toBe(i);
    // a duplicated row: its twin is found at distance 0, itself is dropped
    const dup = new KNeighborsClassifier({ nNeighbors: 1 }).fit(
      [
        [0, 0],
        [5, 5],
        [0, 0],
      ],
      [1, 2, 3],
    );
    expect(dup.kneighbors(undefined, 1, false).toArray()).toEqual([[2], [0], [0]]);
  });

  it("a tied vote goes to the smallest label; an exact match outweighs all with weights 'distance'", () => {
    const Xt = [[0], [1], [3], [4]];
    // query 2: neighbours at 1, 1 (labels 7 and 5), 2, 2
    expect(
      new KNeighborsClassifier({ nNeighbors: 2 })
        .fit(Xt, [7, 5, 9, 9])
        .predict([[2]])
        .toArray(),
    ).toEqual([5]);
    expect(
      new KNeighborsClassifier({ nNeighbors: 2, weights: "distance" })
        .fit(Xt, [7, 5, 9, 9])
        .predict([[2]])
        .toArray(),
    ).toEqual([5]);
    expect(
      new KNeighborsClassifier({ nNeighbors: 4, weights: "distance" })
        .fit(Xt, [1, 2, 2, 2])
        .predict([[0]])
        .toArray(),
    ).toEqual([1]);
    // nested JS labels are float64 and may be any numbers
    const p = new KNeighborsClassifier({ nNeighbors: 1 }).fit(Xt, [-1.5, 2.5, 2.5, 10]).predict([[0.2], [3.9]]);
    expect([p.dtype, p.toArray()]).toEqual(["float64", [-1.5, 10]]);
  });

  it("rejects bad input with clear errors", () => {
    const m = new KNeighborsClassifier({ nNeighbors: 3 });
    expect(() => m.predict(Xte)).toThrow(NotFittedError);
    expect(() => m.predict(Xte)).toThrow(/^KNeighborsClassifier: this KNeighborsClassifier instance is not fitted yet/);
    expect(() => m.fit([[1, NaN]], [1])).toThrow(/^KNeighborsClassifier: X contains NaN at row 0, column 1/);
    expect(() => m.fit([[1, 2]], [Infinity])).toThrow(/^KNeighborsClassifier: y contains infinity at index 0/);
    expect(() =>
      m.fit(
        [
          [1, 2],
          [3, 4],
        ],
        [1],
      ),
    ).toThrow(/^KNeighborsClassifier: X and y have different numbers of samples: X has 2, y has 1/);
    m.fit(Xtr, ytr);
    expect(() => m.predict([[1, 2, 3]])).toThrow(/^KNeighborsClassifier: X has 3 features, but KNeighborsClassifier was fitted with 4 features/);
    expect(() => m.predict([[1, 2, 3, NaN]])).toThrow(/^KNeighborsClassifier: X contains NaN/);
    expect(() => new KNeighborsClassifier({ nNeighbors: 4 }).fit([[1], [2], [3]], [0, 1, 0]).predict([[1]])).toThrow(
      /^KNeighborsClassifier.predict: expected nNeighbors <= nSamplesFit, got nNeighbors = 4 with nSamplesFit = 3/,
    );
    expect(() => m.kneighbors(null, 75)).toThrow(/^KNeighborsClassifier.kneighbors: expected nNeighbors <= nSamplesFit − 1 \(X omitted/);
    expect(() => m.kneighbors(Xte, 0)).toThrow(/^KNeighborsClassifier.kneighbors: nNeighbors must be an integer >= 1, got 0/);
    expect(() => new KNeighborsClassifier({ nNeighbors: 0 })).toThrow(/^KNeighborsClassifier: option nNeighbors: .*got 0/);
    expect(() => new KNeighborsClassifier({ nNeighbors: 2.5 })).toThrow(/^KNeighborsClassifier: option nNeighbors: .*got 2.5/);
    expect(() => new KNeighborsClassifier({ weights: "inverse" } as never)).toThrow(/^KNeighborsClassifier: option weights: .*got "inverse"/);
    expect(() => new KNeighborsClassifier({ metric: "hamming" } as never)).toThrow(/^KNeighborsClassifier: option metric: .*got "hamming"/);
    expect(() => new KNeighborsClassifier({ n_neighbors: 3 } as never)).toThrow(
      /^KNeighborsClassifier: unknown option 'n_neighbors' \(did you mean 'nNeighbors'\?\)/,
    );
    expect(() => new KNeighborsClassifier({ p: -1 })).toThrow(/^KNeighborsClassifier: option p: .*got -1/);
    expect(() => m.fit([[1, 2]], [[1, 2]] as never)).toThrow(/^KNeighborsClassifier: y must be 1-D/);
  });

  it("never modifies its inputs, and keeps its own copy of the training set", () => {
    const Xa = np.array(Xtr);
    const m = new KNeighborsClassifier().fit(Xa, ytr);
    const before = m.predict(Xte).toArray();
    Xa.set(0, 0, 100); // the caller changes their array after fit
    expect(m.predict(Xte).toArray()).toEqual(before);
    expect(Xte[0]).toEqual(X[1]);
  });

  it("round-trips through JSON with the same predictions, bit for bit", () => {
    const m = new KNeighborsClassifier({ nNeighbors: 7, weights: "distance", metric: "chebyshev" }).fit(Xtr, ytr);
    const back = KNeighborsClassifier.fromJSON(JSON.parse(JSON.stringify(m)));
    expect(back.options).toEqual(m.options);
    expect(back.predict(Xte).toArray()).toEqual(m.predict(Xte).toArray());
    expect(back.predictProba(Xte).toArray()).toEqual(m.predictProba(Xte).toArray());
    expect(back.kneighbors(Xte).distances.toArray()).toEqual(m.kneighbors(Xte).distances.toArray());
    expect(back.predict(Xte).dtype).toBe("int32");
    const unfitted = KNeighborsClassifier.fromJSON(JSON.parse(JSON.stringify(new KNeighborsClassifier({ nNeighbors: 2 }))));
    expect(() => unfitted.predict(Xte)).toThrow(NotFittedError);
    expect(() => KNeighborsClassifier.fromJSON({ estimator: "KMeans", options: {}, state: null })).toThrow(
      /^KNeighborsClassifier.fromJSON: expected the JSON of a KNeighborsClassifier/,
    );
    expect(() => new KNeighborsClassifier({ metric: (u, v) => Math.abs(u[0] - v[0]) }).fit(Xtr, ytr).toJSON()).toThrow(
      /^KNeighborsClassifier.toJSON: a metric function cannot be written to JSON/,
    );
  });

  it("works as the last step of a pipeline, which round-trips through JSON", () => {
    const pipe = makePipeline(new StandardScaler(), new KNeighborsClassifier({ nNeighbors: 3 })).fit(Xtr, ytr);
    const back = Pipeline.fromJSON(JSON.parse(JSON.stringify(pipe.toJSON())));
    const p = pipe.predict(Xte) as np.NDArray;
    expect((back.predict(Xte) as np.NDArray).toArray()).toEqual(p.toArray());
    expect(pipe.score(Xte, yte)).toBeGreaterThan(0.9);
  });
});
