import * as np from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { trainTestSplit } from "./train-test-split.js";

const a = np.arange(20, undefined, 1, "int32");
const ids = (x: unknown) => Array.from((x as np.NDArray).data);
// y = np.array([0]*7 + [1]*5 + [2]*8)[np.random.RandomState(2).permutation(20)]
const y = [2, 0, 2, 0, 1, 0, 0, 1, 0, 2, 1, 2, 2, 0, 1, 0, 2, 2, 2, 1];

describe("trainTestSplit draws scikit-learn's legacy stream exactly (scikit-learn 1.2.1)", () => {
  it("shuffled, by test and by train size", () => {
    // train_test_split(np.arange(10), test_size=0.3, random_state=42) -> [0, 7, 2, 9, 4, 3, 6], [8, 1, 5]
    const [tr, te] = trainTestSplit(np.arange(10, undefined, 1, "int32"), { testSize: 0.3, randomState: 42 });
    expect(ids(tr)).toEqual([0, 7, 2, 9, 4, 3, 6]);
    expect(ids(te)).toEqual([8, 1, 5]);
    // train_test_split(np.arange(20), train_size=0.5, random_state=3)
    const [tr2, te2] = trainTestSplit(a, { trainSize: 0.5, randomState: 3 });
    expect(ids(tr2)).toEqual([9, 11, 19, 18, 13, 5, 0, 8, 3, 10]);
    expect(ids(te2)).toEqual([14, 2, 1, 17, 4, 16, 6, 7, 15, 12]);
  });

  it("stratified", () => {
    // train_test_split(np.arange(20), test_size=0.3, random_state=5, stratify=y)
    const [tr, te] = trainTestSplit(a, { testSize: 0.3, randomState: 5, stratify: y });
    expect(ids(tr)).toEqual([9, 2, 3, 17, 10, 7, 15, 16, 0, 8, 19, 1, 5, 11]);
    expect(ids(te)).toEqual([18, 13, 4, 14, 6, 12]);
    // train_test_split(np.arange(20), test_size=7, train_size=11, random_state=1, stratify=y)
    const [tr2, te2] = trainTestSplit(a, { testSize: 7, trainSize: 11, randomState: 1, stratify: y });
    expect(ids(tr2)).toEqual([17, 15, 9, 5, 7, 0, 11, 1, 10, 3, 14]);
    expect(ids(te2)).toEqual([16, 8, 19, 4, 12, 6, 2]);
  });

  it("without shuffling, and on several arrays of any kind", () => {
    // train_test_split(np.arange(20), test_size=0.25, shuffle=False)
    const [tr, te] = trainTestSplit(a, { testSize: 0.25, shuffle: false });
    expect(ids(tr)).toEqual(Array.from({ length: 15 }, (_, i) => i));
    expect(ids(te)).toEqual([15, 16, 17, 18, 19]);
    const X = np.arange(20).reshape(10, 2);
    const labels = "abcdefghij".split("");
    const [Xtr, Xte, ltr, lte] = trainTestSplit(X, labels, { testSize: 0.3, randomState: 42 });
    expect((Xtr as np.NDArray).toArray()).toEqual([0, 7, 2, 9, 4, 3, 6].map((i) => [2 * i, 2 * i + 1]));
    expect((Xte as np.NDArray).shape).toEqual([3, 2]);
    expect(ltr).toEqual(["a", "h", "c", "j", "e", "d", "g"]);
    expect(lte).toEqual(["i", "b", "f"]);
    // the default test size is 0.25, and the inputs are untouched
    expect((trainTestSplit(X)[1] as np.NDArray).shape).toEqual([3, 2]);
    expect(Array.from(X.data)).toEqual(Array.from(np.arange(20).data));
  });

  it("rejects bad arguments with clear errors", () => {
    expect(() => trainTestSplit()).toThrow(/trainTestSplit: at least one array required/);
    expect(() => trainTestSplit([1, 2, 3], [1, 2])).toThrow(/inconsistent numbers of samples: array 0 has 3, array 1 has 2/);
    expect(() => trainTestSplit(a, { testSize: 1.5 })).toThrow(/option testSize=1.5 should be either positive and smaller than the number of samples 20/);
    expect(() => trainTestSplit(a, { testSize: 0.6, trainSize: 0.6 })).toThrow(/the sum of testSize and trainSize = 1.2/);
    expect(() => trainTestSplit(a, { testSize: 15, trainSize: 10 })).toThrow(/the sum of train and test sizes = 25/);
    expect(() => trainTestSplit(a, { testSize: 0.3, shuffle: false, stratify: y })).toThrow(/not implemented for shuffle=false/);
    expect(() => trainTestSplit(a, { stratify: [0, ...Array(19).fill(1)] })).toThrow(/least populated class in stratify has only 1 member/);
    expect(() => trainTestSplit(a, { randomState: -1 })).toThrow(/option randomState must be an integer in \[0, 2\*\*32 - 1\]/);
    expect(() => trainTestSplit(a, { random_state: 1 } as never)).toThrow(/trainTestSplit: unknown option 'random_state'/);
    expect(() => trainTestSplit(5 as never)).toThrow(/array 0 must be an NDArray or a JS array, got 5/);
  });
});

describe("trainTestSplit with a RandomState object (scikit-learn's random_state=np.random.RandomState(seed))", () => {
  it("draws from it, and its state moves on: two calls on one stream give the seeded split, then the next", () => {
    const rs = new np.random.RandomState(42);
    const [tr1, te1] = trainTestSplit(np.arange(10, undefined, 1, "int32"), { testSize: 0.3, randomState: rs });
    // the same as randomState: 42 (train_test_split(np.arange(10), test_size=0.3, random_state=42))
    expect([ids(tr1), ids(te1)]).toEqual([
      [0, 7, 2, 9, 4, 3, 6],
      [8, 1, 5],
    ]);
    // rs = np.random.RandomState(42); train_test_split(..., random_state=rs) twice: the second call
    // permutes with the stream where the first left it: rs.permutation(10) after one permutation(10)
    const next = new np.random.RandomState(42);
    next.permutation(10);
    const p = Array.from(next.permutation(10).data as Int32Array);
    const [tr2, te2] = trainTestSplit(np.arange(10, undefined, 1, "int32"), { testSize: 0.3, randomState: rs });
    expect([ids(te2), ids(tr2)]).toEqual([p.slice(0, 3), p.slice(3)]);
  });
  it("refuses a Generator, naming what it takes", () => {
    expect(() => trainTestSplit(a, { randomState: np.random.defaultRng(0) as never })).toThrow(
      /^trainTestSplit: option randomState must be an integer in \[0, 2\*\*32 - 1\], null or a RandomState .* got a Generator/,
    );
  });
});
