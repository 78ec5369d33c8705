/**
 * NDArray views: random chains of view operations, and each view method on its own
 * (transpose, swapaxes, moveaxis, squeeze, expandDims, flip, broadcastTo, diagonal).
 *
 * The property tests build random strided arrays (slices with steps, negative steps and
 * offsets of larger buffers, transposed) and apply random chains of view operations (slice
 * with integers, steps, newaxis and ellipsis; transpose; flip; diagonal; broadcastTo;
 * swapaxes; moveaxis; expandDims; squeeze). Each result is checked against an index-function
 * model written without strides (test/arbitraries.ts): the view, its copy and the model
 * agree; writing through a writeable view changes exactly its elements of the base; writing
 * to a copy changes nothing else.
 * Siblings (the NDArray's tests): views.test.ts, reshape.test.ts, slicing.test.ts, ndarray.test.ts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  expectError,
  flat,
  indices,
  materialize,
  modelBroadcast,
  modelDiagonal,
  modelFlip,
  modelSlice,
  modelTranspose,
  range,
  rng,
  sizeOf,
  strided,
  stridedArb,
  type Layout,
  type Model,
  type ModelIndex,
} from "../test/arbitraries.js";
import * as np from "./index.js";
import { AxisError, NDArray, ShapeError, ValueError, type DType, type Index, type Slice } from "./index.js";

/** The value a test base holds at flat position p, as `toArray` reports it for each dtype. */
function baseValue(dtype: DType): (p: number) => unknown {
  if (dtype === "complex128") return (p) => ({ re: p, im: -p - 0.5 });
  if (dtype === "bool") return (p) => p !== 0;
  return (p) => p;
}

// ------------------------------------------------------------------ random view chains

type ViewOp = { kind: "slice" | "transpose" | "flip" | "diagonal" | "broadcastTo" | "swapaxes" | "moveaxis" | "expandDims" | "squeeze" | "T"; seed: number };

const viewOpArb: fc.Arbitrary<ViewOp> = fc.record({
  kind: fc.constantFrom("slice", "slice", "slice", "transpose", "flip", "diagonal", "broadcastTo", "swapaxes", "moveaxis", "expandDims", "squeeze", "T"),
  seed: fc.integer(),
});

/** A random basic index for `shape`, as NDArray items and as the model's items. */
function randomIndex(shape: readonly number[], seed: number): { items: Index[]; model: ModelIndex[] } {
  const r = rng(seed);
  const bound = (n: number): number | null => (r.int(4) === 0 ? null : r.int(2 * n + 5) - n - 2);
  // one entry per input axis: the items that consume it (a newaxis may come first)
  const entries: { items: Index[]; model: ModelIndex[] }[] = shape.map((n) => {
    const c = r.int(7);
    if (c === 1 && n > 0) {
      const i = r.int(2 * n) - n;
      return { items: [i], model: [{ kind: "int", i }] };
    }
    if (c === 2 || c === 3 || c === 6) {
      const s: Slice = { start: bound(n), stop: bound(n), step: [1, 2, 3, -1, -2, -3, null][r.int(7)] };
      const item: Index = c === 3 ? `${s.start ?? ""}:${s.stop ?? ""}${s.step == null ? "" : `:${s.step}`}` : s;
      return { items: [item], model: [{ kind: "slice", s }] };
    }
    if (c === 4) return { items: ["::-1"], model: [{ kind: "slice", s: { step: -1 } }] };
    if (c === 5) return { items: [null, ":"], model: [{ kind: "newaxis" }, { kind: "slice", s: {} }] };
    return { items: [":"], model: [{ kind: "slice", s: {} }] };
  });
  // an ellipsis may stand for a run of entries; trailing entries may be left out
  const e = r.int(3);
  if (e === 1) {
    const p = r.int(entries.length + 1);
    const q = r.int(entries.length - p + 1);
    entries.splice(p, q, { items: ["..."], model: [{ kind: "ellipsis" }] });
  } else if (e === 2) {
    entries.length = r.int(entries.length + 1);
  }
  if (r.int(5) === 0) entries.push({ items: [null], model: [{ kind: "newaxis" }] });
  return { items: entries.flatMap((x) => x.items), model: entries.flatMap((x) => x.model) };
}

function randomPerm(n: number, seed: number): number[] {
  const r = rng(seed);
  const p = range(n);
  for (let i = n - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

/** Apply one view operation to the array and to its model; null when it does not apply. */
function applyOp(x: NDArray, m: Model, op: ViewOp): { x: NDArray; m: Model } | null {
  const r = rng(op.seed);
  const nd = x.ndim;
  switch (op.kind) {
    case "slice": {
      const { items, model } = randomIndex(x.shape, op.seed);
      return { x: x.slice(...items), m: modelSlice(m, model) };
    }
    case "transpose": {
      const perm = randomPerm(nd, op.seed);
      // sometimes with negative axes, sometimes as one array argument
      const given = perm.map((a) => (r.int(2) === 0 ? a - nd : a));
      return { x: r.int(2) === 0 ? x.transpose(given) : x.transpose(...given), m: modelTranspose(m, perm) };
    }
    case "T":
      return { x: x.T, m: modelTranspose(m, range(nd).reverse()) };
    case "flip": {
      if (r.int(4) === 0) return { x: x.flip(), m: modelFlip(m, range(nd)) };
      const axes = range(nd).filter(() => r.int(2) === 0);
      return { x: x.flip(axes), m: modelFlip(m, axes) };
    }
    case "diagonal": {
      if (nd < 2) return null;
      const a1 = r.int(nd);
      const a2 = (a1 + 1 + r.int(nd - 1)) % nd;
      const offset = r.int(5) - 2;
      return { x: x.diagonal(offset, a1 - (r.int(2) ? nd : 0), a2), m: modelDiagonal(m, offset, a1, a2) };
    }
    case "broadcastTo": {
      const target = [...(r.int(2) ? [r.int(3) + 1] : []), ...x.shape.map((d) => (d === 1 ? r.int(4) : d))];
      if (sizeOf(target) > 300) return null;
      return { x: x.broadcastTo(target), m: modelBroadcast(m, target) };
    }
    case "swapaxes": {
      if (nd < 1) return null;
      const a = r.int(nd);
      const b = r.int(nd);
      const perm = range(nd);
      [perm[a], perm[b]] = [b, a];
      return { x: x.swapaxes(a, b - nd), m: modelTranspose(m, perm) };
    }
    case "moveaxis": {
      if (nd < 1) return null;
      const src = r.int(nd);
      const dst = r.int(nd);
      const order = range(nd).filter((k) => k !== src);
      order.splice(dst, 0, src);
      return { x: x.moveaxis(src, dst - (r.int(2) ? nd : 0)), m: modelTranspose(m, order) };
    }
    case "expandDims": {
      const axis = r.int(nd + 1);
      const model: ModelIndex[] = [...range(axis).map((): ModelIndex => ({ kind: "slice", s: {} })), { kind: "newaxis" }];
      return { x: x.expandDims(axis - (r.int(2) ? nd + 1 : 0)), m: modelSlice(m, model) };
    }
    case "squeeze": {
      const model = x.shape.map((d): ModelIndex => (d === 1 ? { kind: "int", i: 0 } : { kind: "slice", s: {} }));
      return { x: x.squeeze(), m: modelSlice(m, model) };
    }
  }
}

const DTYPES_FOR_VIEWS: DType[] = ["float64", "int32", "complex128"];

describe.each(DTYPES_FOR_VIEWS)("views of %s arrays (property)", (dtype) => {
  const chainArb = fc.record({
    start: stridedArb({ maxNdim: 4, maxDim: 4 }),
    ops: fc.array(viewOpArb, { maxLength: 4 }),
  });

  /** Build the random view (steps that do not apply to the current shape are skipped). */
  function build(c: { start: { shape: number[]; layout: Layout }; ops: ViewOp[] }): { base: NDArray; x: NDArray; m: Model } {
    const s = strided(c.start.shape, c.start.layout, dtype);
    let x = s.view;
    let m = s.model;
    for (const op of c.ops) {
      const next = applyOp(x, m, op);
      if (next === null) continue;
      ({ x, m } = next);
    }
    return { base: s.base, x, m };
  }

  it("a view agrees with its model, its copy and get()", () => {
    fc.assert(
      fc.property(chainArb, (c) => {
        const { base, x, m } = build(c);
        const expected = materialize(m, baseValue(dtype) as (p: number) => number);
        expect(x.shape).toEqual(m.shape);
        expect(x.toArray()).toEqual(expected);
        expect(x.base).toBe(base);
        expect(x.data).toBe(base.data);
        const y = x.copy();
        expect(y.toArray()).toEqual(expected);
        expect(y.base).toBeNull();
        expect(y.data).not.toBe(base.data);
        expect(y.flags.cContiguous && y.flags.ownData && y.flags.writeable).toBe(true);
        expect(flat(x.ravel())).toEqual(flat(y));
        expect(flat(x.flatten())).toEqual(flat(y));
        for (const idx of indices(x.shape)) {
          const v = baseValue(dtype)(m.at(idx));
          if (dtype === "complex128") expect(x.getComplex(...idx)).toEqual(v);
          else expect(x.get(...idx)).toBe(v);
        }
      }),
    );
  });

  it("writing through a writeable view changes exactly its elements of the base; writing to a copy does not", () => {
    fc.assert(
      fc.property(chainArb, (c) => {
        const { base, x, m } = build(c);
        const before = Array.from(base.data);
        // a copy written to leaves the base alone
        const y = x.copy();
        y.set(-7);
        expect(Array.from(base.data)).toEqual(before);
        if (!x.flags.writeable) {
          expectError(() => x.set(1), ValueError, "set", "read-only");
          return;
        }
        // element k (C order) of the view gets −(k + 1)
        const w = dtype === "complex128" ? 2 : 1;
        const values = np.arange(x.size).add(1).negative().reshape(x.shape);
        x.set(values);
        const expected = before.slice();
        indices(x.shape).forEach((idx, k) => {
          const p = m.at(idx);
          expected[w * p] = -(k + 1);
          if (w === 2) expected[w * p + 1] = 0;
        });
        expect(Array.from(base.data)).toEqual(expected);
      }),
    );
  });
});

describe("strided test operands", () => {
  it("are laid out as their layout says (steps, reversal, offsets, permutation)", () => {
    const s = strided([2, 3], { perm: [1, 0], steps: [-2, 1], starts: [1, 0], pads: [0, 1] });
    // base has shape (3 + 1, 1 + 3) = (4, 4); view axis 0 runs along base axis 1 backwards from 3
    expect(s.base.shape).toEqual([4, 4]);
    expect(s.view.toArray()).toEqual([
      [3, 7, 11],
      [1, 5, 9],
    ]);
    expect(materialize(s.model, (p) => p)).toEqual(s.view.toArray());
    expect(s.view.strides).toEqual([-2, 4]);
  });

  it("match their model for random layouts", () => {
    fc.assert(
      fc.property(stridedArb({ maxNdim: 4, maxDim: 4 }), ({ shape, layout }) => {
        const s = strided(shape, layout);
        expect(s.view.shape).toEqual(shape);
        expect(s.view.toArray()).toEqual(materialize(s.model, (p) => p));
      }),
    );
  });
});

// ------------------------------------------------------------------ view methods, examples and errors

describe("view methods", () => {
  it("transpose, swapaxes and moveaxis permute axes as NumPy", () => {
    const a = np.arange(24).reshape(2, 3, 4);
    expect(a.T.shape).toEqual([4, 3, 2]);
    expect(a.T.strides).toEqual([1, 4, 12]);
    expect(a.transpose(1, 0, 2).shape).toEqual([3, 2, 4]);
    expect(a.transpose([-1, 0, 1]).shape).toEqual([4, 2, 3]);
    expect(a.swapaxes(0, 2).shape).toEqual([4, 3, 2]);
    expect(a.moveaxis(0, -1).shape).toEqual([3, 4, 2]);
    expect(a.moveaxis([0, 1], [-1, -2]).shape).toEqual([4, 3, 2]);
    expect(a.moveaxis(0, -1).get(1, 2, 1)).toBe(a.get(1, 1, 2));
    expect(np.array(3).T.shape).toEqual([]);
  });

  it("transpose, swapaxes and moveaxis reject bad axes", () => {
    const a = np.zeros([2, 3]);
    expectError(() => a.transpose(0), ValueError, "transpose", "1 axes", "dimension 2");
    expectError(() => a.transpose(0, 0), ValueError, "transpose", "[0, 0]");
    expectError(() => a.transpose(0, 2), AxisError, "transpose", "axis 2", "dimension 2");
    expectError(() => a.swapaxes(0, -3), AxisError, "swapaxes", "axis -3", "dimension 2");
    expectError(() => a.moveaxis(2, 0), AxisError, "moveaxis", "axis 2");
    expectError(() => a.moveaxis([0, 1], [0]), ValueError, "moveaxis", "2 and 1");
  });

  it("squeeze and expandDims", () => {
    const a = np.zeros([1, 3, 1]);
    expect(a.squeeze().shape).toEqual([3]);
    expect(a.squeeze(0).shape).toEqual([3, 1]);
    expect(a.squeeze([-1, 0]).shape).toEqual([3]);
    expect(a.expandDims(0).shape).toEqual([1, 1, 3, 1]);
    expect(a.expandDims(-1).shape).toEqual([1, 3, 1, 1]);
    expect(a.expandDims([0, 4]).shape).toEqual([1, 1, 3, 1, 1]);
    expectError(() => a.squeeze(1), ValueError, "squeeze", "axis 1", "size 3");
    expectError(() => a.squeeze(3), AxisError, "squeeze", "axis 3", "dimension 3");
    expectError(() => a.expandDims(5), AxisError, "expandDims", "axis 5", "dimension 4");
    expectError(() => a.expandDims([0, 0]), ValueError, "expandDims", "[0, 0]");
  });

  it("flip reverses axes with negative strides", () => {
    const a = np.arange(6).reshape(2, 3);
    expect(a.flip().toArray()).toEqual([
      [5, 4, 3],
      [2, 1, 0],
    ]);
    expect(a.flip(1).strides).toEqual([3, -1]);
    expect(a.flip(-2).toArray()).toEqual([
      [3, 4, 5],
      [0, 1, 2],
    ]);
    expect(np.zeros([0, 2]).flip(0).shape).toEqual([0, 2]);
    expectError(() => a.flip(2), AxisError, "flip", "axis 2", "dimension 2");
  });

  it("broadcastTo makes a read-only stride-0 view", () => {
    const a = np.arange(3);
    const b = a.broadcastTo([2, 3]);
    expect(b.strides).toEqual([0, 1]);
    expect(b.flags.writeable).toBe(false);
    expect(b.toArray()).toEqual([
      [0, 1, 2],
      [0, 1, 2],
    ]);
    expect(np.array(7).broadcastTo([2]).toArray()).toEqual([7, 7]);
    expect(np.zeros([1, 3]).broadcastTo([0, 3]).shape).toEqual([0, 3]);
    expectError(() => a.broadcastTo([4]), ShapeError, "broadcastTo", "(3,)", "(4,)");
    expectError(() => a.broadcastTo([]), ShapeError, "broadcastTo", "(3,)", "()");
    expectError(() => np.zeros([2, 1]).broadcastTo([3, 3]), ShapeError, "broadcastTo", "(2,1)", "(3,3)");
    expectError(() => np.zeros([1]).broadcastTo([-1]), ValueError, "broadcastTo", "-1");
  });

  it("diagonal takes offsets and axes and appends the diagonal axis", () => {
    const a = np.arange(12).reshape(3, 4);
    expect(a.diagonal().toArray()).toEqual([0, 5, 10]);
    expect(a.diagonal(1).toArray()).toEqual([1, 6, 11]);
    expect(a.diagonal(-1).toArray()).toEqual([4, 9]);
    expect(a.diagonal(5).toArray()).toEqual([]);
    expect(a.diagonal(-5).shape).toEqual([0]);
    const b = np.arange(24).reshape(2, 3, 4);
    // np.arange(24).reshape(2,3,4).diagonal(0, 0, 2) -> [[0, 13], [4, 17], [8, 21]]
    expect(b.diagonal(0, 0, 2).toArray()).toEqual([
      [0, 13],
      [4, 17],
      [8, 21],
    ]);
    expect(b.diagonal(1, -1, 1).toArray()).toEqual([
      [4, 9],
      [16, 21],
    ]);
    expectError(() => np.zeros([3]).diagonal(), ValueError, "diagonal", "(3,)");
    expectError(() => a.diagonal(0, 1, -1), ValueError, "diagonal", "same");
    expectError(() => a.diagonal(0, 0, 2), AxisError, "diagonal", "axis 2", "dimension 2");
  });
});
