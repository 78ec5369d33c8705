/**
 * pad against NumPy (values computed once with NumPy 2.4, the call in the comment): every mode
 * on a 2-D array with per-axis widths, widths wider than the axis, NumPy's padWidth forms,
 * constant values per axis and side, and argument errors.
 */
import { describe, expect, it } from "vitest";
import { expectError } from "../test/arbitraries.js";
import * as np from "./index.js";
import { ValueError } from "./index.js";
import { sourceIndex } from "./padding.js";

const m = () =>
  np.array(
    [
      [1, 2, 3],
      [4, 5, 6],
    ],
    "int32",
  );

describe("pad", () => {
  // np.pad(m, ((1, 2), (2, 3)), mode)
  const expected: Record<string, number[][]> = {
    edge: [
      [1, 1, 1, 2, 3, 3, 3, 3],
      [1, 1, 1, 2, 3, 3, 3, 3],
      [4, 4, 4, 5, 6, 6, 6, 6],
      [4, 4, 4, 5, 6, 6, 6, 6],
      [4, 4, 4, 5, 6, 6, 6, 6],
    ],
    reflect: [
      [6, 5, 4, 5, 6, 5, 4, 5],
      [3, 2, 1, 2, 3, 2, 1, 2],
      [6, 5, 4, 5, 6, 5, 4, 5],
      [3, 2, 1, 2, 3, 2, 1, 2],
      [6, 5, 4, 5, 6, 5, 4, 5],
    ],
    symmetric: [
      [2, 1, 1, 2, 3, 3, 2, 1],
      [2, 1, 1, 2, 3, 3, 2, 1],
      [5, 4, 4, 5, 6, 6, 5, 4],
      [5, 4, 4, 5, 6, 6, 5, 4],
      [2, 1, 1, 2, 3, 3, 2, 1],
    ],
    wrap: [
      [5, 6, 4, 5, 6, 4, 5, 6],
      [2, 3, 1, 2, 3, 1, 2, 3],
      [5, 6, 4, 5, 6, 4, 5, 6],
      [2, 3, 1, 2, 3, 1, 2, 3],
      [5, 6, 4, 5, 6, 4, 5, 6],
    ],
  };
  it.each(Object.keys(expected))("mode %s on a 2-D array with per-axis widths matches NumPy", (mode) => {
    const out = np.pad(
      m(),
      [
        [1, 2],
        [2, 3],
      ],
      mode as np.PadMode,
    );
    expect(out.dtype).toBe("int32");
    expect(out.toArray()).toEqual(expected[mode]);
    expect(
      np
        .pad(
          m(),
          [
            [1, 2],
            [2, 3],
          ],
          { mode: mode as np.PadMode },
        )
        .toArray(),
    ).toEqual(expected[mode]);
    // a transposed view pads like its copy
    expect(
      np
        .pad(
          m().T,
          [
            [2, 3],
            [1, 2],
          ],
          mode as np.PadMode,
        )
        .toArray(),
    ).toEqual(
      np
        .pad(
          m().T.copy(),
          [
            [2, 3],
            [1, 2],
          ],
          mode as np.PadMode,
        )
        .toArray(),
    );
  });

  it("the index maps equal NumPy's iterative padding for widths wider than the axis", () => {
    // np.pad(np.arange(1, n + 1), (7, 6), mode).tolist() for n = 1..4
    const numpy: Record<string, Record<number, number[]>> = {
      reflect: {
        1: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
        2: [2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2],
        3: [2, 3, 2, 1, 2, 3, 2, 1, 2, 3, 2, 1, 2, 3, 2, 1],
        4: [2, 1, 2, 3, 4, 3, 2, 1, 2, 3, 4, 3, 2, 1, 2, 3, 4],
      },
      symmetric: {
        1: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
        2: [2, 2, 1, 1, 2, 2, 1, 1, 2, 2, 1, 1, 2, 2, 1],
        3: [1, 1, 2, 3, 3, 2, 1, 1, 2, 3, 3, 2, 1, 1, 2, 3],
        4: [2, 3, 4, 4, 3, 2, 1, 1, 2, 3, 4, 4, 3, 2, 1, 1, 2],
      },
      wrap: {
        1: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
        2: [2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2],
        3: [3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3, 1, 2, 3],
        4: [2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4, 1, 2],
      },
      edge: {
        1: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
        2: [1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2],
        3: [1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 3, 3, 3, 3, 3, 3],
        4: [1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 4, 4, 4, 4, 4, 4, 4],
      },
    };
    for (const [mode, byN] of Object.entries(numpy)) {
      for (const [n, values] of Object.entries(byN)) {
        const a = np.arange(1, Number(n) + 1, { dtype: "int32" });
        expect(np.pad(a, [7, 6], mode as np.PadMode).toArray(), `${mode} n=${n}`).toEqual(values);
      }
    }
    expect(sourceIndex("reflect", -1, 3)).toBe(1);
    expect(sourceIndex("symmetric", 3, 3)).toBe(2);
  });

  it("constant mode: per-axis, per-side values, the later axis filling the corners, cast to the dtype", () => {
    // np.pad(m, ((1, 1), (2, 1)), constant_values=((7, 8), (9, 10)))
    expect(
      np
        .pad(
          m(),
          [
            [1, 1],
            [2, 1],
          ],
          {
            constantValues: [
              [7, 8],
              [9, 10],
            ],
          },
        )
        .toArray(),
    ).toEqual([
      [9, 9, 7, 7, 7, 10],
      [9, 9, 1, 2, 3, 10],
      [9, 9, 4, 5, 6, 10],
      [9, 9, 8, 8, 8, 10],
    ]);
    // np.pad(np.array([1, 2], dtype=np.int32), 1, constant_values=2.7)
    expect(np.pad(np.array([1, 2], "int32"), 1, "constant", { constantValues: 2.7 }).toArray()).toEqual([2, 1, 2, 2]);
    expect(np.pad([1.5], 1).toArray()).toEqual([0, 1.5, 0]);
    expect(np.pad(np.zeros([0, 2]), 1, { constantValues: 5 }).toArray()).toEqual([
      [5, 5, 5, 5],
      [5, 5, 5, 5],
    ]);
  });

  it("accepts NumPy's padWidth forms: n, [before, after], [[before, after]], [[b], [a]] per axis", () => {
    // np.pad(m, [1, 2]).shape, np.pad(m, [[1, 2]]).shape, np.pad(m, 1).shape, np.pad(m, [[1], [2]]).shape
    expect(np.pad(m(), [1, 2]).shape).toEqual([5, 6]);
    expect(np.pad(m(), [[1, 2]]).shape).toEqual([5, 6]);
    expect(np.pad(m(), 1).shape).toEqual([4, 5]);
    expect(np.pad(m(), [[1], [2]]).shape).toEqual([4, 7]);
    expect(
      np.pad(
        m(),
        np.array(
          [
            [0, 1],
            [1, 0],
          ],
          "int32",
        ),
      ).shape,
    ).toEqual([3, 4]);
    expect(np.pad(m(), 0).toArray()).toEqual(m().toArray());
  });

  it("checks its arguments", () => {
    expectError(() => np.pad(m(), -1), ValueError, "pad", "negative");
    expectError(
      () =>
        np.pad(m(), [
          [1, 2],
          [3, 4],
          [5, 6],
        ]),
      ValueError,
      "pad",
      "padWidth",
    );
    expectError(() => np.pad(m(), [1, 2, 3]), ValueError, "pad", "padWidth");
    expectError(() => np.pad(m(), [[1, 2, 3]]), ValueError, "pad", "padWidth");
    expectError(() => np.pad(m(), 1.5), ValueError, "pad", "1.5");
    expectError(() => np.pad(m(), 1, "mean" as never), ValueError, "pad", "mean");
    expectError(() => np.pad(m(), 1, { mode: "edge", constantValues: 1 }), ValueError, "pad", "constantValues");
    expectError(() => np.pad(m(), 1, { constant_values: 1 } as never), ValueError, "pad", "constant_values");
    expectError(() => np.pad(np.zeros([0, 2]), 1, "wrap"), ValueError, "pad", "empty axis 0");
    expectError(() => np.pad(m(), "1" as never), ValueError, "pad", "padWidth");
  });
});
