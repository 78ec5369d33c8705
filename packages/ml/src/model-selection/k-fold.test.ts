import * as np from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { KFold } from "./k-fold.js";

const ids = (x: np.NDArray) => Array.from(x.data);

describe("KFold", () => {
  it("cuts consecutive folds, the first n mod k one larger", () => {
    const folds = [...new KFold({ nSplits: 3 }).split(np.zeros([8, 2]))].map(([tr, te]) => [ids(tr), ids(te)]);
    expect(folds).toEqual([
      [
        [3, 4, 5, 6, 7],
        [0, 1, 2],
      ],
      [
        [0, 1, 2, 6, 7],
        [3, 4, 5],
      ],
      [
        [0, 1, 2, 3, 4, 5],
        [6, 7],
      ],
    ]);
  });

  it("shuffles with scikit-learn's legacy stream", () => {
    // for tr, te in KFold(n_splits=3, shuffle=True, random_state=4).split(np.zeros(8))   (scikit-learn 1.2.1)
    const kf = new KFold({ nSplits: 3, shuffle: true, randomState: 4 });
    const expected = [
      [
        [0, 1, 2, 5, 6],
        [3, 4, 7],
      ],
      [
        [2, 3, 4, 6, 7],
        [0, 1, 5],
      ],
      [
        [0, 1, 3, 4, 5, 7],
        [2, 6],
      ],
    ];
    for (let run = 0; run < 2; run++) {
      const folds = [...kf.split(Array(8).fill(0))].map(([tr, te]) => [ids(tr), ids(te)]);
      expect(folds).toEqual(expected);
    }
    expect(kf.getNSplits()).toBe(3);
  });

  it("a RandomState passed in advances: each split call gives new folds, scikit-learn's", () => {
    // kf = KFold(n_splits=3, shuffle=True, random_state=np.random.RandomState(4)); two calls of kf.split(np.zeros(8))
    const kf = new KFold({ nSplits: 3, shuffle: true, randomState: new np.random.RandomState(4) });
    const split = () => [...kf.split(Array(8).fill(0))].map(([tr, te]) => [ids(tr), ids(te)]);
    expect(split()).toEqual([
      [
        [0, 1, 2, 5, 6],
        [3, 4, 7],
      ],
      [
        [2, 3, 4, 6, 7],
        [0, 1, 5],
      ],
      [
        [0, 1, 3, 4, 5, 7],
        [2, 6],
      ],
    ]);
    expect(split()).toEqual([
      [
        [0, 1, 2, 4, 7],
        [3, 5, 6],
      ],
      [
        [1, 2, 3, 5, 6],
        [0, 4, 7],
      ],
      [
        [0, 3, 4, 5, 6, 7],
        [1, 2],
      ],
    ]);
    // a Generator is accepted and shuffles too
    const g = [...new KFold({ nSplits: 2, shuffle: true, randomState: np.random.defaultRng(0) }).split(Array(6).fill(0))];
    expect(g.flatMap(([, te]) => ids(te)).sort((p, q) => p - q)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("partitions the samples: test folds are disjoint and cover 0..n-1", () => {
    const seen: number[] = [];
    for (const [tr, te] of new KFold({ nSplits: 4, shuffle: true }).split(np.zeros([11]))) {
      expect(tr.size + te.size).toBe(11);
      seen.push(...ids(te));
    }
    expect(seen.sort((p, q) => p - q)).toEqual(Array.from({ length: 11 }, (_, i) => i));
  });

  it("rejects bad options and data", () => {
    expect(() => new KFold({ nSplits: 1 })).toThrow(/KFold: option nSplits/);
    expect(() => new KFold({ randomState: 3 })).toThrow(/KFold: setting randomState \(3\) has no effect since shuffle is false/);
    expect(() => new KFold({ shuffle: true, randomState: -2 })).toThrow(/^KFold: option randomState: .*got -2/);
    expect(() => new KFold({ shuffle: true, randomState: 2 ** 32 })).toThrow(/^KFold: option randomState: .*got 4294967296/);
    expect(() => [...new KFold({ nSplits: 5 }).split([1, 2, 3])]).toThrow(
      /cannot have number of splits nSplits=5 greater than the number of samples: n_samples=3/,
    );
    expect(() => [...new KFold().split(5)]).toThrow(/KFold.split: X must be an NDArray or a JS array, got 5/);
  });
});
