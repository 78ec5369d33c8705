import * as np from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { hilbert } from "../../test/corpus.js";
import { LinAlgError } from "../errors.js";
import { cond } from "./cond.js";

describe("cond", () => {
  it("2-norm by the SVD, the other orders by the inverse", () => {
    expect(
      cond([
        [1, 0],
        [0, 2],
      ]),
    ).toBeCloseTo(2, 14);
    expect(
      cond(
        [
          [1, 0],
          [0, 2],
        ],
        -2,
      ),
    ).toBeCloseTo(0.5, 14);
    expect(
      cond(
        [
          [1, 0],
          [0, 2],
        ],
        1,
      ),
    ).toBeCloseTo(2, 14);
    expect(
      cond(
        [
          [1, 0],
          [0, 2],
        ],
        "fro",
      ),
    ).toBeCloseTo(Math.sqrt(5) * Math.sqrt(1.25), 14);
    expect(cond(hilbert(8)) / 1.5257575e10).toBeCloseTo(1, 5);
  });

  it("singular matrices give inf; empty and non-square raise", () => {
    expect(
      cond(
        [
          [1, 2],
          [2, 4],
        ],
        1,
      ),
    ).toBe(Infinity);
    expect(cond(np.zeros([2, 2]))).toBe(Infinity);
    expect(() => cond(np.zeros([0, 0]))).toThrow(/cond is not defined on empty arrays/);
    expect(() => cond(np.zeros([2, 3]), 1)).toThrow(LinAlgError);
  });

  it("stacks", () => {
    expect(
      cond(
        np.batched(
          np.stack([
            np.eye(2),
            np.array([
              [1, 0],
              [0, 4],
            ]),
          ]),
        ),
      ).shape,
    ).toEqual([2]);
    // a stack in a plain NDArray is still an NDArray at run time (NumPy's behaviour)
    expect(cond(np.stack([np.eye(2), np.eye(2)]) as np.NDArray)).toBeInstanceOf(np.NDArray);
  });

  it("one matrix gives a JS number (NumPy's scalar), float32 rounded, complex input real", () => {
    const c: number = cond([
      [1, 0],
      [0, 3],
    ]);
    expect(c * 2).toBeCloseTo(6, 13);
    // np.linalg.cond(np.array([[1, 0], [0, 0.1]], np.float32)) == np.float32(10.0)
    expect(
      cond(
        np.array(
          [
            [1, 0],
            [0, 0.1],
          ],
          "float32",
        ),
      ),
    ).toBe(10);
    // np.linalg.cond([[1j, 0], [0, 2]], 1) == (2+0j): here the real number 2
    expect(cond(new np.NDArray(Float64Array.from([0, 1, 0, 0, 0, 0, 2, 0]), [2, 2], "complex128"), 1)).toBeCloseTo(2, 14);
  });
});
