import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { arange, array, asarray, zeros } from "./creation.js";
import type { DType } from "./dtype.js";
import { AxisError, ShapeError, ValueError } from "./errors.js";
import type { NDArray, NestedArray } from "./ndarray.js";
import { arraySplit, columnStack, concatenate, dsplit, dstack, hsplit, hstack, split, stack, vsplit, vstack } from "./stacking.js";

const f64 = (x: NestedArray) => array(x, "float64");

function expectArray(x: NDArray, shape: number[], values: NestedArray, dtype?: DType): void {
  expect(x.shape).toEqual(shape);
  expect(x.toArray()).toEqual(values);
  if (dtype) expect(x.dtype).toBe(dtype);
}

describe("concatenate", () => {
  it("joins along axis 0, 1 and -1", () => {
    const a = f64([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expectArray(
      concatenate([a, [[7, 8, 9]]]),
      [3, 3],
      [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ],
    );
    expectArray(
      concatenate([a, [[7], [8]]], 1),
      [2, 4],
      [
        [1, 2, 3, 7],
        [4, 5, 6, 8],
      ],
    );
    expectArray(
      concatenate([a, [[7], [8]]], -1),
      [2, 4],
      [
        [1, 2, 3, 7],
        [4, 5, 6, 8],
      ],
    );
  });

  it("flattens every input with axis null", () => {
    expectArray(
      concatenate(
        [
          [
            [1, 2],
            [3, 4],
          ],
          [5, 6, 7],
        ],
        null,
      ),
      [7],
      [1, 2, 3, 4, 5, 6, 7],
    );
    expectArray(concatenate([5, [[6]]], null), [2], [5, 6]);
  });

  it("joins 3-D arrays along the middle axis", () => {
    const a = arange(8).reshape(2, 2, 2);
    const b = arange(8, 12).reshape(2, 1, 2);
    const c = concatenate([a, b], 1);
    expectArray(
      c,
      [2, 3, 2],
      [
        [
          [0, 1],
          [2, 3],
          [8, 9],
        ],
        [
          [4, 5],
          [6, 7],
          [10, 11],
        ],
      ],
      "int32",
    );
  });

  it("promotes dtypes across the inputs", () => {
    expect(concatenate([array([1, 2]), array([0.5], "float32")]).dtype).toBe("float64");
    expect(concatenate([array([true]), array([1.5], "float32")]).dtype).toBe("float32");
    expect(concatenate([array([true, false]), array([3])]).toArray()).toEqual([1, 0, 3]);
    const c = concatenate([array([1, 2]), array([{ re: 0, im: 1 }])]);
    expect(c.dtype).toBe("complex128");
    expect(c.toArray()).toEqual([
      { re: 1, im: 0 },
      { re: 2, im: 0 },
      { re: 0, im: 1 },
    ]);
  });

  it("reads strided, flipped and broadcast views and returns a new contiguous array", () => {
    const a = arange(12).reshape(3, 4);
    const t = a.T; // (4,3), F-ordered view
    const f = a.flip(0).T.slice(":", "::2"); // (4,2) with negative strides
    const b = asarray(7).broadcastTo([4, 1]); // stride 0
    const c = concatenate([t.slice(":", ":2"), b, f], 1);
    expect(c.toArray()).toEqual([
      [0, 4, 7, 8, 0],
      [1, 5, 7, 9, 1],
      [2, 6, 7, 10, 2],
      [3, 7, 7, 11, 3],
    ]);
    expect(c.flags.cContiguous).toBe(true);
    expect(c.base).toBe(null);
    c.set(0, 0, 100);
    expect(a.get(0, 0)).toBe(0);
  });

  it("keeps empty inputs and empty results", () => {
    expectArray(concatenate([zeros([0, 3]), f64([[1, 2, 3]])]), [1, 3], [[1, 2, 3]]);
    expect(concatenate([zeros([2, 0]), zeros([2, 0])], 1).shape).toEqual([2, 0]);
    expect(concatenate([zeros([0])]).shape).toEqual([0]);
  });

  it("throws NumPy's errors, naming the function and the shapes", () => {
    expect(() => concatenate([])).toThrow(ValueError);
    expect(() => concatenate([])).toThrow("concatenate: need at least one array to concatenate");
    expect(() => concatenate([zeros([2, 3]), zeros([2, 3])], 2)).toThrow(AxisError);
    expect(() => concatenate([zeros([2, 3]), zeros([2, 3])], 2)).toThrow("concatenate: axis 2 is out of bounds for array of dimension 2");
    expect(() => concatenate([zeros([2, 3]), zeros([2, 4])])).toThrow(ShapeError);
    expect(() => concatenate([zeros([2, 3]), zeros([2, 4])])).toThrow(
      "concatenate: all the input array dimensions except for the concatenation axis must match exactly, but along dimension 1, " +
        "the array at index 0 has size 3 and the array at index 1 has size 4 (shapes (2,3), (2,4); axis 0)",
    );
    expect(() => concatenate([zeros([2, 3]), zeros([3])])).toThrow(/same number of dimensions.*\(2,3\), \(3,\)/);
    expect(() => concatenate([5, 6])).toThrow("concatenate: zero-dimensional arrays cannot be concatenated");
  });
});

describe("stack", () => {
  const a = f64([1, 2, 3]);
  const b = f64([4, 5, 6]);

  it("inserts a new axis at any position", () => {
    expectArray(
      stack([a, b]),
      [2, 3],
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
    );
    expectArray(
      stack([a, b], 1),
      [3, 2],
      [
        [1, 4],
        [2, 5],
        [3, 6],
      ],
    );
    expectArray(
      stack([a, b], -1),
      [3, 2],
      [
        [1, 4],
        [2, 5],
        [3, 6],
      ],
    );
    const m = arange(4).reshape(2, 2);
    expect(stack([m, m, m], 0).shape).toEqual([3, 2, 2]);
    expect(stack([m, m, m], 1).shape).toEqual([2, 3, 2]);
    expectArray(
      stack([m, arange(10, 14).reshape(2, 2), arange(20, 24).reshape(2, 2)], 2),
      [2, 2, 3],
      [
        [
          [0, 10, 20],
          [1, 11, 21],
        ],
        [
          [2, 12, 22],
          [3, 13, 23],
        ],
      ],
    );
  });

  it("stacks scalars into a vector", () => {
    expectArray(stack([1, 2, 3]), [3], [1, 2, 3], "float64");
  });

  it("rejects different shapes, empty input and bad axes", () => {
    expect(() => stack([a, f64([1, 2, 3, 4])])).toThrow(ShapeError);
    expect(() => stack([a, f64([1, 2, 3, 4])])).toThrow(/^stack: all input arrays must have the same shape.*\(3,\).*\(4,\)/);
    expect(() => stack([])).toThrow(ValueError);
    expect(() => stack([a, b], 2)).toThrow(AxisError);
    expect(() => stack([a, b], -3)).toThrow(AxisError);
  });
});

describe("vstack, hstack, dstack, columnStack", () => {
  it("vstack raises 1-D inputs to rows", () => {
    expectArray(
      vstack([
        [1, 2, 3],
        [4, 5, 6],
      ]),
      [2, 3],
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
    );
    expectArray(
      vstack([
        [
          [1, 2, 3],
          [4, 5, 6],
        ],
        [7, 8, 9],
      ]),
      [3, 3],
      [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ],
    );
    expectArray(vstack([1, 2]), [2, 1], [[1], [2]]);
    expect(() => vstack([zeros([2, 3]), zeros([2, 4])])).toThrow(/^vstack: .*along dimension 1/);
  });

  it("hstack joins vectors end to end and matrices side by side", () => {
    expectArray(
      hstack([
        [1, 2, 3],
        [4, 5],
      ]),
      [5],
      [1, 2, 3, 4, 5],
    );
    expectArray(
      hstack([
        [
          [1, 2],
          [3, 4],
        ],
        [[5], [6]],
      ]),
      [2, 3],
      [
        [1, 2, 5],
        [3, 4, 6],
      ],
    );
    expectArray(hstack([1, 2]), [2], [1, 2]);
    expect(() => hstack([])).toThrow(ValueError);
  });

  it("dstack stacks along the third axis", () => {
    expectArray(
      dstack([
        [
          [1, 2],
          [3, 4],
        ],
        [
          [5, 6],
          [7, 8],
        ],
      ]),
      [2, 2, 2],
      [
        [
          [1, 5],
          [2, 6],
        ],
        [
          [3, 7],
          [4, 8],
        ],
      ],
    );
    expectArray(
      dstack([
        [1, 2],
        [3, 4],
      ]),
      [1, 2, 2],
      [
        [
          [1, 3],
          [2, 4],
        ],
      ],
    );
  });

  it("columnStack turns vectors into columns", () => {
    expectArray(
      columnStack([
        [1, 2, 3],
        [4, 5, 6],
      ]),
      [3, 2],
      [
        [1, 4],
        [2, 5],
        [3, 6],
      ],
    );
    expectArray(
      columnStack([
        [1, 2, 3],
        [
          [4, 5],
          [6, 7],
          [8, 9],
        ],
      ]),
      [3, 3],
      [
        [1, 4, 5],
        [2, 6, 7],
        [3, 8, 9],
      ],
    );
    expect(() =>
      columnStack([
        [1, 2, 3],
        [1, 2],
      ]),
    ).toThrow(/^columnStack: .*along dimension 0/);
  });
});

describe("split family", () => {
  it("split into equal sections or at indices", () => {
    const a = f64([0, 1, 2, 3, 4, 5]);
    expect(split(a, 2).map((p) => p.toArray())).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    expect(split(a, [2, 5]).map((p) => p.toArray())).toEqual([[0, 1], [2, 3, 4], [5]]);
    expect(split(a, [4, 100]).map((p) => p.toArray())).toEqual([[0, 1, 2, 3], [4, 5], []]);
    expect(split(a, [-2]).map((p) => p.toArray())).toEqual([
      [0, 1, 2, 3],
      [4, 5],
    ]);
    expect(split(a, []).map((p) => p.toArray())).toEqual([[0, 1, 2, 3, 4, 5]]);
  });

  it("split along another axis", () => {
    const m = arange(12).reshape(2, 6);
    const parts = split(m, 3, 1);
    expect(parts.map((p) => p.toArray())).toEqual([
      [
        [0, 1],
        [6, 7],
      ],
      [
        [2, 3],
        [8, 9],
      ],
      [
        [4, 5],
        [10, 11],
      ],
    ]);
    expect(split(m, 2, -1).map((p) => p.shape)).toEqual([
      [2, 3],
      [2, 3],
    ]);
  });

  it("split returns views that write through", () => {
    const a = arange(6);
    const [p, q] = split(a, 2);
    expect(p.base).toBe(a);
    q.set(0, 40);
    expect(a.get(3)).toBe(40);
  });

  it("arraySplit gives the first n % k pieces one more element", () => {
    expect(arraySplit(arange(7), 3).map((p) => p.toArray())).toEqual([
      [0, 1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(arraySplit(arange(5), 3).map((p) => p.toArray())).toEqual([[0, 1], [2, 3], [4]]);
    expect(arraySplit(arange(2), 4).map((p) => p.toArray())).toEqual([[0], [1], [], []]);
  });

  it("hsplit, vsplit and dsplit pick their axis", () => {
    const m = arange(8).reshape(2, 4);
    expect(hsplit(m, 2).map((p) => p.toArray())).toEqual([
      [
        [0, 1],
        [4, 5],
      ],
      [
        [2, 3],
        [6, 7],
      ],
    ]);
    expect(hsplit(arange(4), 2).map((p) => p.toArray())).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(vsplit(arange(8).reshape(4, 2), [1]).map((p) => p.shape)).toEqual([
      [1, 2],
      [3, 2],
    ]);
    expect(dsplit(zeros([2, 2, 4]), [1, 3]).map((p) => p.shape)).toEqual([
      [2, 2, 1],
      [2, 2, 2],
      [2, 2, 1],
    ]);
  });

  it("throws NumPy's errors", () => {
    expect(() => split(arange(6), 4)).toThrow(ValueError);
    expect(() => split(arange(6), 4)).toThrow(/^split: array split does not result in an equal division/);
    expect(() => split(arange(6), 0)).toThrow(/number sections must be larger than 0/);
    expect(() => arraySplit(arange(6), -1)).toThrow(ValueError);
    expect(() => split(arange(6), 2, 1)).toThrow(AxisError);
    expect(() => hsplit(5, 1)).toThrow(/^hsplit: hsplit only works on arrays of 1 or more dimensions/);
    expect(() => vsplit(arange(4), 2)).toThrow(/^vsplit: vsplit only works on arrays of 2 or more dimensions/);
    expect(() => dsplit(arange(4).reshape(2, 2), 2)).toThrow(/^dsplit: dsplit only works on arrays of 3 or more dimensions/);
    expect(() => hsplit(arange(8).reshape(2, 4), 3)).toThrow(/^hsplit: array split does not result in an equal division/);
  });

  it("split then concatenate round-trips", () => {
    const a = arange(24).reshape(2, 3, 4);
    for (let axis = 0; axis < 3; axis++) {
      const pieces = arraySplit(a, 2, axis);
      expect(concatenate(pieces, axis).toArray()).toEqual(a.toArray());
    }
  });
});

// ------------------------------------------------------------------ golden cases
// NumPy's own results for this family, when the golden corpus has been copied into the package.

interface EncodedArray {
  dtype: string;
  shape: number[];
  data: unknown[];
}

type Encoded = EncodedArray | Encoded[] | number | boolean | null;

interface GoldenCase {
  id: string;
  op: string;
  args: Encoded[];
  kwargs: Record<string, Encoded>;
  expected: Encoded;
  check: "allclose" | "raises";
  error_bases?: string[];
}

const goldenPath = new URL("../test/golden/cases/stacking.json", import.meta.url);
const golden: GoldenCase[] = existsSync(goldenPath) ? JSON.parse(readFileSync(goldenPath, "utf8")).cases : [];

const isEncodedArray = (x: unknown): x is EncodedArray => typeof x === "object" && x !== null && "dtype" in x && "shape" in x;

function decodeNumber(v: unknown): number {
  if (v === "nan") return NaN;
  if (v === "inf") return Infinity;
  if (v === "-inf") return -Infinity;
  return Number(v);
}

function decode(x: Encoded): unknown {
  if (isEncodedArray(x)) {
    const dtype = (x.dtype === "int64" ? "int32" : x.dtype) as DType;
    const flat = x.data.map((v) => (Array.isArray(v) ? { re: decodeNumber(v[0]), im: decodeNumber(v[1]) } : typeof v === "boolean" ? v : decodeNumber(v)));
    return array(flat as NestedArray, dtype).reshape(x.shape);
  }
  if (Array.isArray(x)) return x.map(decode);
  return x;
}

const OPS: Record<string, (args: unknown[], kw: Record<string, unknown>) => NDArray | NDArray[]> = {
  concatenate: (a, kw) => concatenate(a[0] as NDArray[], kw.axis === undefined ? 0 : (kw.axis as number | null)),
  stack: (a, kw) => stack(a[0] as NDArray[], (kw.axis as number | undefined) ?? 0),
  vstack: (a) => vstack(a[0] as NDArray[]),
  hstack: (a) => hstack(a[0] as NDArray[]),
  dstack: (a) => dstack(a[0] as NDArray[]),
  column_stack: (a) => columnStack(a[0] as NDArray[]),
  split: (a, kw) => split(a[0] as NDArray, a[1] as number | number[], (kw.axis as number | undefined) ?? 0),
  array_split: (a, kw) => arraySplit(a[0] as NDArray, a[1] as number | number[], (kw.axis as number | undefined) ?? 0),
  hsplit: (a) => hsplit(a[0] as NDArray, a[1] as number | number[]),
  vsplit: (a) => vsplit(a[0] as NDArray, a[1] as number | number[]),
  dsplit: (a) => dsplit(a[0] as NDArray, a[1] as number | number[]),
};

function expectMatches(actual: NDArray | NDArray[], expected: Encoded): void {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual)).toBe(true);
    const list = actual as NDArray[];
    expect(list.length).toBe(expected.length);
    list.forEach((x, i) => expectMatches(x, expected[i]));
    return;
  }
  const want = decode(expected) as NDArray;
  const got = actual as NDArray;
  expect(got.shape).toEqual(want.shape);
  expect(got.dtype).toBe(want.dtype);
  expect(got.toArray()).toEqual(want.toArray());
}

describe.skipIf(golden.length === 0)("golden cases (NumPy 1.24)", () => {
  it.each(golden.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    const run = () => OPS[c.op](c.args.map(decode), Object.fromEntries(Object.entries(c.kwargs).map(([k, v]) => [k, decode(v)])));
    if (c.check === "raises") {
      let error: unknown;
      try {
        run();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(Error);
      const names = new Set<string>();
      for (let p = Object.getPrototypeOf(error); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) names.add(p.constructor.name);
      const accepted = [c.expected as unknown as string, ...(c.error_bases ?? [])];
      expect(accepted.some((n) => names.has(n))).toBe(true);
    } else {
      expectMatches(run(), c.expected);
    }
  });
});
