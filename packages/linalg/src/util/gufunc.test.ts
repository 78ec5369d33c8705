/**
 * gufunc, the batch driver of solve, luSolve, choSolve, inv and solveTriangular, and its
 * several-output form gufuncOutputs (lu, luFactor, cholesky, choFactor), with bodies simple
 * enough to predict: copy an operand out, add two operands, count the factorizations.
 * Also rightHandSide, NumPy 1.24's vector-or-matrix rule for b.
 */
import * as np from "@sliderule/ndarray";
import { ShapeError } from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { gufunc, gufuncOutputs, rightHandSide, type FloatArray } from "./batch.js";

/** An array 0, 1, 2, … of `shape` times `scale`. */
const ramp = (shape: number[], scale = 1, dtype: np.DType = "float64") =>
  np
    .multiply(
      np.reshape(
        np.arange(
          0,
          shape.reduce((p, d) => p * d, 1),
        ),
        shape,
      ),
      scale,
    )
    .astype(dtype);

describe("rightHandSide", () => {
  it.each([
    [[3, 3], [3], { vector: true, core: 1, rows: 3, nrhs: 1 }],
    [[3, 3], [3, 2], { vector: false, core: 2, rows: 3, nrhs: 2 }],
    [[2, 3, 3], [2, 3], { vector: true, core: 1, rows: 3, nrhs: 1 }], // b.ndim == a.ndim − 1: vectors
    [[2, 3, 3], [3, 2], { vector: true, core: 1, rows: 2, nrhs: 1 }], // even when a matrix would fit (NumPy 1.24)
    [[2, 3, 3], [3], { vector: false, core: 2, rows: -1, nrhs: 0 }], // neither: no rows axis
    [[3, 3], [], { vector: false, core: 2, rows: -1, nrhs: 0 }],
    [[3, 3], [4, 3, 0], { vector: false, core: 2, rows: 3, nrhs: 0 }],
  ])("a %j, b %j", (aShape, bShape, want) => {
    expect(rightHandSide(np.zeros(aShape), np.zeros(bShape))).toEqual(want);
  });
});

describe("gufunc", () => {
  it("returns each problem's block at its batch index: (n,k)->(n,k) on a transposed, stepped view is a copy", () => {
    const base = ramp([4, 6, 5], 0.5);
    const B = base.slice("::-1", "::2", ":").T; // (5, 3, 4), strides of every sign and size
    const out = gufunc({ fn: "f", inputs: [{ array: B, core: 2 }], dtype: "float64", output: [3, 4], work: [12] }, ([X], step) => {
      step.load(0, X);
      return X;
    });
    expect(out.shape).toEqual([5, 3, 4]);
    expect(out.toArray()).toEqual(B.toArray());
  });

  it("broadcasts the batch axes as NumPy: (2,1) with (1,3) gives (2,3), the sum of both operands per problem", () => {
    const A = ramp([2, 1, 2, 2]);
    const B = ramp([1, 3, 2, 2], 10);
    const seen: number[] = [];
    const out = gufunc(
      {
        fn: "f",
        inputs: [
          { array: A, core: 2 },
          { array: B, core: 2 },
        ],
        dtype: "float64",
        output: [2, 2],
        work: [4, 4],
      },
      ([W, X], step) => {
        seen.push(step.index);
        step.load(0, W);
        step.load(1, X);
        for (let i = 0; i < 4; i++) X[i] += W[i];
        return X;
      },
    );
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
    expect(out.shape).toEqual([2, 3, 2, 2]);
    expect(out.toArray()).toEqual(np.add(A, B).toArray());
  });

  it("reads a core-1 operand as an M×1 column and returns (n) cores for output [n]", () => {
    const b = ramp([3, 4]).slice(":", "::-1"); // (3, 4), negative last stride
    const out = gufunc({ fn: "f", inputs: [{ array: b, core: 1 }], dtype: "float64", output: [4], work: [4] }, ([X], step) => {
      step.load(0, X);
      X[0] *= -1;
      return X;
    });
    expect(out.toArray()).toEqual([
      [-3, 2, 1, 0],
      [-7, 6, 5, 4],
      [-11, 10, 9, 8],
    ]);
  });

  it("offset(i) points at the operand's first element, for operands read in place (pivots)", () => {
    const piv = np.asarray(
      [
        [0, 1],
        [1, 1],
      ],
      "int32",
    );
    const offs: number[] = [];
    gufunc(
      {
        fn: "f",
        inputs: [
          { array: np.zeros([3, 1, 2, 2]), core: 2 },
          { array: piv, core: 1 },
        ],
        dtype: "float64",
        output: [1],
        work: [1],
      },
      ([X], step) => {
        offs.push(step.offset(1));
        return X;
      },
    );
    // batch (3, 2): piv rows 0, 1 for each of the 3
    expect(offs).toEqual([0, 2, 0, 2, 0, 2]);
  });

  it("fresh(i) is false exactly when a broadcast operand repeats the previous problem's", () => {
    const run = (aShape: number[], bShape: number[]) => {
      const fresh: boolean[] = [];
      gufunc(
        {
          fn: "f",
          inputs: [
            { array: np.zeros(aShape), core: 2 },
            { array: np.zeros(bShape), core: 1 },
          ],
          dtype: "float64",
          output: [2],
          work: [2],
        },
        ([X], step) => {
          fresh.push(step.fresh(0));
          return X;
        },
      );
      return fresh;
    };
    expect(run([1, 2, 2], [3, 2])).toEqual([true, false, false]);
    expect(run([2, 1, 2, 2], [1, 3, 2])).toEqual([true, false, false, true, false, false]);
    expect(run([1, 2, 2, 2], [3, 1, 2])).toEqual([true, true, true, true, true, true]); // a alternates
  });

  it("load transposes and conjugates on request, with a leading dimension", () => {
    const A = np.fromTypedArray(new Float64Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]), [2, 3], "complex128"); // (2, 3)
    const got: number[][] = [];
    gufunc({ fn: "f", inputs: [{ array: A, core: 2 }], dtype: "complex128", output: [1], work: [8, 8] }, ([W, X], step) => {
      step.load(0, W, { transpose: true, conjugate: true, ld: 4 }); // Aᴴ: 3×2, ld 4
      got.push(Array.from(W));
      return X;
    });
    // Aᴴ(r, c) = conj(A(c, r)) at W[2·(r + 4c)]
    expect(got[0]).toEqual([1, -2, 3, -4, 5, -6, 0, 0, 7, -8, 9, -10, 11, -12, 0, 0]);
  });

  it("computes in the given dtype: float32 rounds on load and returns float32, ints become float64, complex stays complex", () => {
    const x = np.asarray([[0.1, 1 / 3]]);
    const copy = (a: np.NDArray, dtype: "float32" | "float64" | "complex128") =>
      gufunc({ fn: "f", inputs: [{ array: a, core: 1 }], dtype, output: [2], work: [2] }, ([X], step) => {
        step.load(0, X);
        return X;
      });
    const f32 = copy(x, "float32");
    expect(f32.dtype).toBe("float32");
    expect(Array.from(f32.data as Float32Array)).toEqual([Math.fround(0.1), Math.fround(1 / 3)]);
    const ints = copy(np.asarray([[7, -2]], "int32"), "float64");
    expect(ints.dtype).toBe("float64");
    expect(ints.toArray()).toEqual([[7, -2]]);
    const c = copy(x, "complex128");
    expect(c.dtype).toBe("complex128");
    expect(Array.from(c.data as Float64Array)).toEqual([0.1, 0, 1 / 3, 0]);
  });

  it("an empty batch never runs the body and returns (0, ...output); an empty core runs it", () => {
    let calls = 0;
    const body = ([X]: FloatArray[]) => {
      calls++;
      return X;
    };
    const out = gufunc({ fn: "f", inputs: [{ array: np.zeros([0, 3, 3]), core: 2 }], dtype: "float64", output: [3, 2], work: [6] }, body);
    expect(out.shape).toEqual([0, 3, 2]);
    expect(calls).toBe(0);
    const empty = gufunc({ fn: "f", inputs: [{ array: np.zeros([2, 0, 0]), core: 2 }], dtype: "float64", output: [0], work: [0] }, body);
    expect(empty.shape).toEqual([2, 0]);
    expect(calls).toBe(2);
  });

  it("batch shapes that do not broadcast: a ShapeError naming the function and each distinct shape once", () => {
    const inputs = [
      { array: np.zeros([2, 3, 3]), core: 2 },
      { array: np.zeros([3, 3]), core: 1 },
      { array: np.zeros([2, 3]), core: 1 },
    ] as const;
    const call = () => gufunc({ fn: "luSolve", inputs, dtype: "float64", output: [3], work: [3] }, ([X]) => X);
    expect(call).toThrow(ShapeError);
    expect(call).toThrow("luSolve: batch dimensions (2,) and (3,) cannot be broadcast together");
  });

  it("resident and plain working buffers give the same result, and a body that throws leaves nothing behind", () => {
    const A = ramp([3, 70, 70], 0.25); // 70·70 ≥ RESIDENT_MIN: resident when the backend has WebAssembly
    const run = (resident: boolean) =>
      gufunc({ fn: "f", inputs: [{ array: A, core: 2 }], dtype: "float64", output: [70, 70], work: [70 * 70], resident }, ([W], step) => {
        step.load(0, W, { transpose: true });
        return W;
      });
    const want = np.swapaxes(A, -1, -2).toArray();
    expect(run(false).toArray()).toEqual(want);
    expect(run(true).toArray()).toEqual(want);
    const boom = () =>
      gufunc({ fn: "f", inputs: [{ array: A, core: 2 }], dtype: "float64", output: [1], work: [70 * 70], resident: true }, () => {
        throw new RangeError("boom");
      });
    expect(boom).toThrow("boom");
    expect(run(true).toArray()).toEqual(want); // the resident buffers were given back
  });

  it("does not modify its inputs", () => {
    const A = ramp([2, 3, 3]);
    const before = A.toArray();
    gufunc({ fn: "f", inputs: [{ array: A, core: 2 }], dtype: "float64", output: [3, 3], work: [9] }, ([W], step) => {
      step.load(0, W);
      W.fill(-1);
      return W;
    });
    expect(A.toArray()).toEqual(before);
  });
});

describe("gufuncOutputs", () => {
  it("stores one block per output: parts of one buffer (L and U of a packed LU), a transposed store, an int32 vector", () => {
    // (2, 3, 4) → per problem: the lower part (3×3 unit lower of the 3×4 block: ld 3),
    // the upper part (3×4), the transpose (4×3), and an int32 vector [p, p + 1, p + 2]
    const A = ramp([2, 3, 4], 1);
    const piv = new Int32Array(3);
    const [L, U, At, v] = gufuncOutputs(
      {
        fn: "f",
        inputs: [{ array: A, core: 2 }],
        dtype: "float64",
        outputs: [
          { core: [3, 3], ld: 3, part: "unitLower" },
          { core: [3, 4], part: "upper" },
          { core: [4, 3], transpose: true, ld: 3 },
          { core: [3], dtype: "int32" },
        ],
        work: [12],
      },
      ([W], step) => {
        step.load(0, W);
        for (let i = 0; i < 3; i++) piv[i] = step.index + i;
        return [W, W, W, piv];
      },
    );
    const a = A.toArray() as number[][][];
    for (let p = 0; p < 2; p++) {
      const l = (L.toArray() as number[][][])[p];
      const u = (U.toArray() as number[][][])[p];
      const t = (At.toArray() as number[][][])[p];
      for (let i = 0; i < 3; i++) {
        for (let j = 0; j < 4; j++) {
          if (j < 3) expect(l[i][j]).toBe(i > j ? a[p][i][j] : i === j ? 1 : 0);
          expect(u[i][j]).toBe(i <= j ? a[p][i][j] : 0);
          expect(t[j][i]).toBe(a[p][i][j]);
        }
      }
    }
    expect(v.dtype).toBe("int32");
    expect(v.toArray()).toEqual([
      [0, 1, 2],
      [1, 2, 3],
    ]);
  });

  it("conjugates a transposed complex store on request (Lᴴ of a complex factor)", () => {
    // [[1, 2 + i], [3 − 2i, 4]], interleaved (re, im)
    const A = np.fromTypedArray(Float64Array.of(1, 0, 2, 1, 3, -2, 4, 0), [2, 2], "complex128");
    const [H] = gufuncOutputs(
      { fn: "f", inputs: [{ array: A, core: 2 }], dtype: "complex128", outputs: [{ core: [2, 2], transpose: true, conjugate: true }], work: [4] },
      ([W], step) => {
        step.load(0, W);
        return [W];
      },
    );
    // Aᴴ = [[1, 3 + 2i], [2 − i, 4]]
    expect(Array.from(H.data as Float64Array)).toEqual([1, -0, 3, 2, 2, -1, 4, -0]);
  });
});
