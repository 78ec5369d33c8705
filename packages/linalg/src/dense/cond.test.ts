import * as np from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { hilbert } from "../../test/corpus.js";
import { LinAlgError } from "../errors.js";
import { cond } from "./cond.js";

describe("cond", () => {
  it("2-norm by the SVD, the other orders by the inverse", () => {
    expect(cond([[1, 0], [0, 2]]).get()).toBeCloseTo(2, 14);
    expect(cond([[1, 0], [0, 2]], -2).get()).toBeCloseTo(0.5, 14);
    expect(cond([[1, 0], [0, 2]], 1).get()).toBeCloseTo(2, 14);
    expect(cond([[1, 0], [0, 2]], "fro").get()).toBeCloseTo(Math.sqrt(5) * Math.sqrt(1.25), 14);
    expect(cond(hilbert(8)).get() / 1.5257575e10).toBeCloseTo(1, 5);
  });

  it("singular matrices give inf; empty and non-square raise", () => {
    expect(cond([[1, 2], [2, 4]], 1).get()).toBe(Infinity);
    expect(cond(np.zeros([2, 2])).get()).toBe(Infinity);
    expect(() => cond(np.zeros([0, 0]))).toThrow(/cond is not defined on empty arrays/);
    expect(() => cond(np.zeros([2, 3]), 1)).toThrow(LinAlgError);
  });

  it("stacks", () => {
    expect(cond(np.stack([np.eye(2), np.array([[1, 0], [0, 4]])])).shape).toEqual([2]);
  });
});
