import * as np from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { NotFittedError } from "../base.js";
import { LabelEncoder } from "./label-encoder.js";
import { OneHotEncoder } from "./one-hot-encoder.js";

describe("OneHotEncoder", () => {
  it("matches scikit-learn (dense output, handle_unknown='ignore')", () => {
    // enc = OneHotEncoder(sparse_output=False, handle_unknown="ignore").fit([["b", 2], ["a", 1], ["c", 2]])
    // enc.categories_ -> [['a','b','c'], [1, 2]]; enc.transform([["c", 1], ["z", 2]]) -> [[0,0,1,1,0],[0,0,0,0,1]]
    // enc.inverse_transform([[0,0,1,1,0],[0,0,0,0,1]]) -> [['c', 1], [None, 2]]
    const enc = new OneHotEncoder({ handleUnknown: "ignore" }).fit([
      ["b", 2],
      ["a", 1],
      ["c", 2],
    ]);
    expect(enc.categories).toEqual([
      ["a", "b", "c"],
      [1, 2],
    ]);
    const Z = enc.transform([
      ["c", 1],
      ["z", 2],
    ]);
    expect(Z.toArray()).toEqual([
      [0, 0, 1, 1, 0],
      [0, 0, 0, 0, 1],
    ]);
    expect(enc.inverseTransform(Z)).toEqual([
      ["c", 1],
      [null, 2],
    ]);
    expect(enc.getFeatureNamesOut()).toEqual(["x0_a", "x0_b", "x0_c", "x1_1", "x1_2"]);
  });

  it("round-trips numeric data and each row sums to the number of features", () => {
    const X = np.array([
      [3, 0],
      [1, 1],
      [3, 2],
      [2, 0],
    ]);
    const enc = new OneHotEncoder();
    const Z = enc.fitTransform(X);
    expect(Array.from((Z.sum(1) as np.NDArray).data)).toEqual([2, 2, 2, 2]);
    expect(enc.inverseTransform(Z)).toEqual(X.toArray());
  });

  it("uses given categories and rejects unknown ones", () => {
    const enc = new OneHotEncoder({ categories: [["x", "y", "z"]] }).fit([["y"]]);
    expect(enc.transform([["z"]]).toArray()).toEqual([[0, 0, 1]]);
    expect(() => enc.transform([["w"]])).toThrow(/OneHotEncoder: found unknown category "w" in feature 0 \(row 0\)/);
    expect(() => new OneHotEncoder({ categories: [["x"]] }).fit([["y"]])).toThrow(/unknown category "y" in feature 0 during fit/);
    expect(() => new OneHotEncoder({ categories: [["x"], ["y"]] }).fit([["x"]])).toThrow(/option categories has 2 lists but X has 1 features/);
  });

  it("rejects bad options and input", () => {
    expect(() => new OneHotEncoder({ sparseOutput: true as never })).toThrow(/OneHotEncoder: option sparseOutput/);
    expect(() => new OneHotEncoder({ handleUnknown: "infrequent_if_exist" as never })).toThrow(/option handleUnknown/);
    expect(() => new OneHotEncoder().transform([["a"]])).toThrow(NotFittedError);
    expect(() => new OneHotEncoder().fit(["a", "b"])).toThrow(/OneHotEncoder: X must be 2-D/);
    expect(() => new OneHotEncoder().fit([[NaN]])).toThrow(/X\[0\]\[0\] is NaN/);
    expect(() => new OneHotEncoder().fit([["a"], [1]])).toThrow(/feature 0 mixes numbers and strings/);
    expect(() => new OneHotEncoder().fit([["a"]]).transform([["a", "b"]])).toThrow(/X has 2 features, but OneHotEncoder was fitted with 1 features/);
  });

  it("round-trips through JSON", () => {
    const enc = new OneHotEncoder({ handleUnknown: "ignore" }).fit([
      ["b", 2],
      ["a", 1],
    ]);
    const r = OneHotEncoder.fromJSON(JSON.parse(JSON.stringify(enc)));
    expect(
      r
        .transform([
          ["a", 2],
          ["q", 1],
        ])
        .toArray(),
    ).toEqual(
      enc
        .transform([
          ["a", 2],
          ["q", 1],
        ])
        .toArray(),
    );
  });
});

describe("LabelEncoder", () => {
  it("encodes strings and numbers in sorted order, and inverts", () => {
    // LabelEncoder().fit(["paris", "tokyo", "amsterdam", "paris"]).transform(["tokyo", "paris"]) -> [2, 1]
    const le = new LabelEncoder().fit(["paris", "tokyo", "amsterdam", "paris"]);
    expect(le.classes).toEqual(["amsterdam", "paris", "tokyo"]);
    const t = le.transform(["tokyo", "paris"]);
    expect(t.dtype).toBe("int32");
    expect(Array.from(t.data)).toEqual([2, 1]);
    expect(le.inverseTransform(t)).toEqual(["tokyo", "paris"]);
    const ln = new LabelEncoder();
    expect(Array.from(ln.fitTransform(np.array([10, -1, 10, 3])).data)).toEqual([2, 0, 2, 1]);
    expect(Array.from((ln.inverseTransform([0, 2]) as np.NDArray).data)).toEqual([-1, 10]);
  });

  it("throws on unseen labels, bad codes and use before fit", () => {
    const le = new LabelEncoder().fit([1, 2]);
    expect(() => le.transform([3])).toThrow(/LabelEncoder: y contains previously unseen labels: 3 at index 0/);
    expect(() => le.inverseTransform([2])).toThrow(/codes must be integers in \[0, 1\]/);
    expect(() => le.transform(["a"])).toThrow(/y holds strings but the encoder was fitted on numbers/);
    expect(() => new LabelEncoder().transform([1])).toThrow(NotFittedError);
    expect(() => new LabelEncoder().fit([1, NaN])).toThrow(/LabelEncoder: y contains NaN at index 1/);
    expect(() => new LabelEncoder().fit([])).toThrow(/y is empty/);
  });

  it("round-trips through JSON", () => {
    for (const y of [
      ["b", "a"],
      [3, 1, 2],
    ]) {
      const le = new LabelEncoder().fit(y);
      const r = LabelEncoder.fromJSON(JSON.parse(JSON.stringify(le)));
      expect(Array.from(r.transform(y).data)).toEqual(Array.from(le.transform(y).data));
    }
  });
});
