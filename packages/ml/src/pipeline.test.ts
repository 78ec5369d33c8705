import * as np from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { PCA } from "./decomposition/pca.js";
import { LinearRegression } from "./linear-model/linear-regression.js";
import { Ridge } from "./linear-model/ridge.js";
import { makePipeline, Pipeline } from "./pipeline.js";
import { StandardScaler } from "./preprocessing/standard-scaler.js";

const rng = np.random.defaultRng(11);
const X = np.add(np.multiply(rng.standardNormal([30, 4]) as np.NDArray, np.array([1, 10, 100, 0.1])), 5);
const y = np.matmul(X, np.array([1, 0.1, 0.01, 10])).add(rng.standardNormal([30]) as np.NDArray) as np.NDArray;

describe("Pipeline", () => {
  it("fits each step on the previous step's output and predicts through them", () => {
    const pipe = makePipeline(new StandardScaler(), new PCA({ nComponents: 3 }), new LinearRegression());
    expect(pipe.steps.map(([n]) => n)).toEqual(["standardscaler", "pca", "linearregression"]);
    pipe.fit(X, y);
    // the same by hand
    const s = new StandardScaler().fit(X);
    const p = new PCA({ nComponents: 3 }).fit(s.transform(X));
    const m = new LinearRegression().fit(p.transform(s.transform(X)), y);
    expect(Array.from(pipe.predict(X).data)).toEqual(Array.from(m.predict(p.transform(s.transform(X))).data));
    expect(pipe.score(X, y)).toBe(m.score(p.transform(s.transform(X)), y));
    expect((pipe.namedSteps.pca as PCA).nComponents).toBe(3);
  });

  it("transforms, fitTransforms and inverts through transformer-only pipelines", () => {
    const pipe = new Pipeline([
      ["scale", new StandardScaler()],
      ["pca", new PCA()],
    ]);
    const Z = pipe.fitTransform(X);
    expect(Array.from(pipe.transform(X).data)).toEqual(Array.from(Z.data));
    const back = pipe.inverseTransform(Z).data as Float64Array;
    const x = X.data as Float64Array;
    for (let i = 0; i < x.length; i++) expect(Math.abs(back[i] - x[i])).toBeLessThan(1e-12 * Math.max(1, Math.abs(x[i])));
  });

  it("names repeated classes with -1, -2 as make_pipeline", () => {
    expect(makePipeline(new StandardScaler(), new StandardScaler(), new Ridge()).steps.map(([n]) => n)).toEqual([
      "standardscaler-1",
      "standardscaler-2",
      "ridge",
    ]);
  });

  it("round-trips through JSON, nested pipelines included, with the same predictions bit for bit", () => {
    const pipe = makePipeline(new StandardScaler(), makePipeline(new PCA({ nComponents: 2, whiten: true })), new Ridge({ alpha: 0.5 })).fit(X, y);
    const back = Pipeline.fromJSON(JSON.parse(JSON.stringify(pipe)));
    expect(Array.from(back.predict(X).data)).toEqual(Array.from(pipe.predict(X).data));
    expect(back.steps.map(([n]) => n)).toEqual(["standardscaler", "pipeline", "ridge"]);
  });

  it("rejects malformed steps and missing methods", () => {
    expect(() => new Pipeline([])).toThrow(/Pipeline: steps must be a non-empty array/);
    expect(
      () =>
        new Pipeline([
          ["a", new StandardScaler()],
          ["a", new Ridge()],
        ]),
    ).toThrow(/step names must be unique; "a" appears twice/);
    expect(() => new Pipeline([["a__b", new Ridge()]])).toThrow(/must not contain "__"/);
    expect(
      () =>
        new Pipeline([
          ["reg", new Ridge()],
          ["scale", new StandardScaler()],
        ]),
    ).toThrow(/all intermediate steps must be transformers .* step "reg" \(Ridge\) has no transform/);
    expect(() => new Pipeline([["x", 5 as never]])).toThrow(/step "x" must be an estimator with a fit method, got 5/);
    expect(() => makePipeline(new StandardScaler()).fit(X).predict(X)).toThrow(/the last step \(StandardScaler\) has no predict/);
    expect(() => makePipeline(new Ridge()).fit(X, y).transform(X)).toThrow(/the last step \(Ridge\) has no transform/);
    expect(() =>
      Pipeline.fromJSON({ estimator: "Pipeline", options: { steps: [["m", { estimator: "Nope", options: {}, state: null }]] }, state: null }),
    ).toThrow(/unknown estimator "Nope"; known: /);
  });
});
