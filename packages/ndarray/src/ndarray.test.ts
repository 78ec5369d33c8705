/**
 * NDArray: views, basic indexing, assignment, reshape, copies and casts.
 *
 * The property tests build random strided arrays (slices with steps, negative steps and
 * offsets of larger buffers, transposed) and apply random chains of view operations (slice
 * with integers, steps, newaxis and ellipsis; transpose; flip; diagonal; broadcastTo;
 * swapaxes; moveaxis; expandDims; squeeze). Each result is checked against an index-function
 * model written without strides (test/arbitraries.ts): the view, its copy and the model
 * agree; writing through a writeable view changes exactly its elements of the base; writing
 * to a copy changes nothing else.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  broadcastOperand,
  cModel,
  contiguous,
  expectError,
  flat,
  indices,
  layoutArb,
  materialize,
  modelBroadcast,
  modelDiagonal,
  modelFlip,
  modelReshape,
  modelSlice,
  modelTranspose,
  pySlice,
  range,
  rng,
  shapeArb,
  sizeOf,
  strided,
  stridedArb,
  type Layout,
  type Model,
  type ModelIndex,
} from "../test/arbitraries.js";
import * as np from "./index.js";
import { AxisError, DTypeError, IndexError, NDArray, ShapeError, ValueError, type DType, type Index, type Slice } from "./index.js";

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

// ------------------------------------------------------------------ reshape

/** A random shape of the given size, possibly with one −1, for reshape. */
function reshapeTargetArb(size: number): fc.Arbitrary<{ target: number[]; shape: number[] }> {
  return fc.integer().map((seed) => {
    const r = rng(seed);
    let shape: number[];
    if (size === 0) {
      shape = range(1 + r.int(3)).map(() => r.int(3));
      shape[r.int(shape.length)] = 0;
    } else {
      // deal the prime factors of size into 1..4 dimensions, then sprinkle 1s
      const primes: number[] = [];
      for (let n = size, p = 2; n > 1; ) {
        if (n % p === 0) {
          primes.push(p);
          n /= p;
        } else p++;
      }
      shape = new Array<number>(1 + r.int(4)).fill(1);
      for (const p of primes) shape[r.int(shape.length)] *= p;
    }
    const target = shape.slice();
    if (size > 0 && r.int(2) === 0) target[r.int(target.length)] = -1;
    return { target, shape };
  });
}

describe("reshape (property)", () => {
  it("of a C-contiguous array is a view with the elements in C order", () => {
    const arb = fc
      .tuple(shapeArb({ maxNdim: 4, maxDim: 4 }), fc.integer({ min: 0, max: 2 }))
      .chain(([shape, lead]) => reshapeTargetArb(sizeOf(shape)).map((t) => ({ shape, lead, target: t.target })));
    fc.assert(
      fc.property(arb, ({ shape, lead, target }) => {
        // a C-contiguous array that is itself a view: a leading-axis slice of a bigger array
        const big = strided([lead + 1, ...shape], contiguous(shape.length + 1));
        const x = big.view.slice(lead);
        expect(x.flags.cContiguous).toBe(true);
        const y = x.reshape(target);
        expect(sizeOf(y.shape)).toBe(x.size);
        expect(y.base).toBe(big.base);
        expect(y.data).toBe(x.data);
        expect(flat(y)).toEqual(flat(x));
        // and it writes through
        if (y.size > 0) {
          y.set(-1);
          expect(flat(x).every((v) => v === -1)).toBe(true);
        }
      }),
    );
  });

  it("of any strided array gives the elements in C order; when it is a view it writes through to the right places", () => {
    const arb = stridedArb({ maxNdim: 4, maxDim: 4 }).chain((src) =>
      reshapeTargetArb(sizeOf(src.shape)).map(({ target, shape }) => ({ src, target, resolved: shape })),
    );
    fc.assert(
      fc.property(arb, ({ src, target, resolved }) => {
        const s = strided(src.shape, src.layout);
        const y = s.view.reshape(target);
        expect(y.shape).toEqual(resolved);
        expect(flat(y)).toEqual(flat(s.view));
        const m = modelReshape(s.model, y.shape);
        if (y.data === s.base.data) {
          expect(y.base).toBe(s.base);
          const before = Array.from(s.base.data);
          y.set(np.arange(y.size).add(1).negative().reshape(y.shape));
          indices(y.shape).forEach((idx, k) => (before[m.at(idx)] = -(k + 1)));
          expect(Array.from(s.base.data)).toEqual(before);
        } else {
          // a copy: writing to it leaves the base alone
          const before = Array.from(s.base.data);
          y.set(-1);
          expect(Array.from(s.base.data)).toEqual(before);
        }
      }),
    );
  });

  it("reshape(-1) round-trips", () => {
    fc.assert(
      fc.property(stridedArb({ maxNdim: 4, maxDim: 4 }), ({ shape, layout }) => {
        const x = strided(shape, layout).view;
        const r = x.reshape(-1);
        expect(r.shape).toEqual([x.size]);
        expect(r.reshape(x.shape).toArray()).toEqual(x.toArray());
        expect(np.reshape(x, -1).toArray()).toEqual(r.toArray());
      }),
    );
  });

  it("views a non-contiguous array when the strides allow it (NumPy's nocopy reshape)", () => {
    const a = np.arange(24).reshape(4, 6);
    // every other column: rows of stride 6, columns of stride 2 — merges into one stride-2 axis
    const b = a.slice(":", "::2");
    const r = b.reshape(12);
    expect(r.data).toBe(a.data);
    expect(r.strides).toEqual([2]);
    expect(r.toArray()).toEqual(range(12).map((k) => 2 * k));
    // splitting an axis of a transposed array is a view; merging its axes is a copy
    const t = np.arange(6).reshape(2, 3).T; // (3, 2), strides (1, 3)
    const split = t.reshape(3, 2, 1);
    expect(split.data).toBe(t.data);
    const merged = t.reshape(6);
    expect(merged.data).not.toBe(t.data);
    expect(merged.toArray()).toEqual([0, 3, 1, 4, 2, 5]);
    // a broadcast (stride-0) axis can be split but not merged with a real one
    const bc = np.arange(3).broadcastTo([4, 3]);
    expect(bc.reshape(2, 2, 3).data).toBe(bc.data);
    expect(bc.reshape(12).toArray()).toEqual([0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2]);
  });

  it("accepts the shape as numbers or one array, and size-0 and 0-d shapes", () => {
    const a = np.arange(6);
    expect(a.reshape(2, 3).shape).toEqual([2, 3]);
    expect(a.reshape([3, 2]).shape).toEqual([3, 2]);
    expect(a.reshape(-1, 2).shape).toEqual([3, 2]);
    expect(np.array(5).reshape(1, 1).toArray()).toEqual([[5]]);
    expect(np.array([5]).reshape([]).shape).toEqual([]);
    expect(np.zeros([0, 3]).reshape(3, 0, 5).shape).toEqual([3, 0, 5]);
  });

  it("rejects an incompatible size, two unknowns and bad dimensions", () => {
    const a = np.arange(6);
    expectError(() => a.reshape(4), ShapeError, "reshape", "size 6", "(4,)");
    expectError(() => a.reshape(4, -1), ShapeError, "reshape", "size 6", "(4,-1)");
    expectError(() => a.reshape(-1, -1), ValueError, "reshape", "(-1,-1)");
    expectError(() => a.reshape(-2, -3), ValueError, "reshape", "-2");
    expectError(() => a.reshape(2.5, 2), ValueError, "reshape", "2.5");
    expectError(() => np.zeros([0]).reshape(0, -1), ShapeError, "reshape", "size 0");
  });
});

// ------------------------------------------------------------------ basic indexing

describe("slice", () => {
  const a = np.arange(24).reshape(2, 3, 4);

  it("follows Python's slice rules (cases computed with Python)", () => {
    const n = 7;
    // [list(range(7))[s] for s in ...]
    const cases: [string, number[]][] = [
      ["::", [0, 1, 2, 3, 4, 5, 6]],
      ["2:", [2, 3, 4, 5, 6]],
      [":-2", [0, 1, 2, 3, 4]],
      ["::-1", [6, 5, 4, 3, 2, 1, 0]],
      ["-2::-2", [5, 3, 1]],
      ["5:1:-1", [5, 4, 3, 2]],
      ["1:5:-1", []],
      ["-100:100:3", [0, 3, 6]],
      ["100:-100:-3", [6, 3, 0]],
      ["-1:-8:-1", [6, 5, 4, 3, 2, 1, 0]],
      ["3:3", []],
      [":-10", []],
      ["-3:", [4, 5, 6]],
      ["::4", [0, 4]],
    ];
    const v = np.arange(n);
    for (const [s, expected] of cases) {
      expect(v.slice(s).toArray(), s).toEqual(expected);
      expect(pySlice(np.parseSlice(s), n), s).toEqual(expected);
      const { start, step, length } = np.sliceIndices(np.parseSlice(s), n);
      expect(range(length).map((k) => start + k * step), s).toEqual(expected);
    }
    expect(v.slice(np.slice(null, null, -3)).toArray()).toEqual([6, 3, 0]);
  });

  it("mixes integers, slices, newaxis and ellipsis as NumPy", () => {
    expect(a.slice(1).shape).toEqual([3, 4]);
    expect(a.slice(-1, 2).toArray()).toEqual([20, 21, 22, 23]);
    expect(a.slice(0, -1, -1).shape).toEqual([]);
    expect(a.slice(0, -1, -1).item()).toBe(11);
    expect(a.slice("...", 0).toArray()).toEqual([
      [0, 4, 8],
      [12, 16, 20],
    ]);
    expect(a.slice(np.newaxis, "...", np.newaxis).shape).toEqual([1, 2, 3, 4, 1]);
    expect(a.slice(":", np.newaxis, "::2", "1::2").shape).toEqual([2, 1, 2, 2]);
    expect(a.slice(":", np.newaxis, "::2", "1::2").toArray()).toEqual([[[[1, 3], [9, 11]]], [[[13, 15], [21, 23]]]]);
    expect(a.slice(1, "...", "::-1").slice(0).toArray()).toEqual([15, 14, 13, 12]);
    expect(a.slice().shape).toEqual([2, 3, 4]);
    // a 0-d array: only ellipsis and newaxis apply
    const z = np.array(3.5);
    expect(z.slice("...").item()).toBe(3.5);
    expect(z.slice(null).toArray()).toEqual([3.5]);
  });

  it("rejects out-of-bounds indices, too many indices, two ellipses, step 0 and bad strings", () => {
    expectError(() => a.slice(2), IndexError, "slice", "index 2", "axis 0", "size 2");
    expectError(() => a.slice(0, -4), IndexError, "slice", "index -4", "axis 1", "size 3");
    expectError(() => a.slice(0, 0, 0, 0), IndexError, "slice", "3-dimensional", "4");
    expectError(() => a.slice("...", 0, "..."), IndexError, "slice", "ellipsis");
    expectError(() => a.slice("::0"), ValueError, "slice", "step cannot be zero");
    expectError(() => a.slice("1:2:3:4"), IndexError, "slice", '"1:2:3:4"');
    expectError(() => a.slice("a:b"), IndexError, "slice", '"a:b"');
    expectError(() => a.slice(1.5), IndexError, "slice", "1.5");
  });
});

describe("get, getComplex, item", () => {
  const a = np.arange(6).reshape(2, 3);

  it("read one element, negative indices counting from the end", () => {
    expect(a.get(1, 2)).toBe(5);
    expect(a.get(-1, -3)).toBe(3);
    expect(a.T.get(2, 0)).toBe(2);
    expect(a.getComplex(1, 1)).toEqual({ re: 4, im: 0 });
    const c = np.array([{ re: 1, im: -2 }]);
    expect(c.getComplex(0)).toEqual({ re: 1, im: -2 });
    expect(np.array([[7]]).item()).toBe(7);
  });

  it("reject bad indices with IndexError naming the index, axis and size", () => {
    expectError(() => a.get(2, 0), IndexError, "get", "index 2", "axis 0", "size 2");
    expectError(() => a.get(0, -4), IndexError, "get", "index -4", "axis 1", "size 3");
    expectError(() => a.get(0), IndexError, "get", "expected 2 indices", "(2,3)", "got 1");
    expectError(() => a.get(0, 0.5), IndexError, "get", "0.5");
    expectError(() => a.getComplex(9, 0), IndexError, "getComplex", "index 9");
    expectError(() => np.array([{ re: 1, im: 0 }]).get(0), DTypeError, "get", "complex128");
    expectError(() => a.item(), ValueError, "item", "(2,3)");
  });
});

describe("set", () => {
  it("assigns a scalar, a nested array or an NDArray, broadcasting and casting", () => {
    const a = np.zeros([2, 3], "int32");
    a.set(0, ":", 7);
    a.set(1, [1.9, -2.9, 3]);
    expect(a.toArray()).toEqual([
      [7, 7, 7],
      [1, -2, 3],
    ]);
    a.set(":", 0, np.array([true, false]).reshape(2, 1).slice(":", 0));
    expect(a.toArray()).toEqual([
      [1, 7, 7],
      [0, -2, 3],
    ]);
    a.set(np.array([5, 6, 7]));
    expect(a.toArray()).toEqual([
      [5, 6, 7],
      [5, 6, 7],
    ]);
    const b = np.zeros([3], "bool");
    b.set([0, 2.5, -1]);
    expect(b.toArray()).toEqual([false, true, true]);
    const c = np.zeros([2], "complex128");
    c.set(1, 4);
    c.set(0, np.array([{ re: 1, im: 2 }]).slice(0));
    expect(c.toArray()).toEqual([
      { re: 1, im: 2 },
      { re: 4, im: 0 },
    ]);
  });

  it("drops leading length-1 axes of the value, as NumPy (a[:] = b[np.newaxis])", () => {
    const a = np.zeros([3]);
    a.set(np.array([[[1, 2, 3]]]));
    expect(a.toArray()).toEqual([1, 2, 3]);
    a.set(":", [[4, 5, 6]]);
    expect(a.toArray()).toEqual([4, 5, 6]);
    expectError(() => a.set(np.zeros([2, 3])), ShapeError, "set", "(2,3)", "(3,)");
  });

  it("reads overlapping sources before writing (a[1:] = a[:-1])", () => {
    const a = np.arange(0, 60, 10);
    a.set("1:", a.slice(":-1"));
    expect(a.toArray()).toEqual([0, 0, 10, 20, 30, 40]);
    const b = np.arange(9).reshape(3, 3);
    b.set(b.T);
    expect(b.toArray()).toEqual([
      [0, 3, 6],
      [1, 4, 7],
      [2, 5, 8],
    ]);
  });

  it("rejects a value that does not broadcast, and read-only destinations", () => {
    const a = np.zeros([2, 3]);
    expectError(() => a.set(0, [1, 2, 3, 4]), ShapeError, "set", "(4,)", "(3,)");
    expectError(() => a.set(np.zeros([3, 3])), ShapeError, "set", "(3,3)", "(2,3)");
    expectError(() => a.set(np.zeros([2, 1, 3])), ShapeError, "set", "(2,1,3)", "(2,3)");
    expectError(() => a.set([[1, 2], [3]]), ValueError, "set", "ragged");
    const ro = np.zeros([3]).broadcastTo([2, 3]);
    expectError(() => ro.set(1), ValueError, "set", "read-only");
    expectError(() => ro.slice(0).set(1), ValueError, "set", "read-only");
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

// ------------------------------------------------------------------ the array itself

describe("NDArray", () => {
  it("reports shape, strides, size, itemsize, nbytes and flags", () => {
    const a = np.zeros([2, 3], "float32");
    expect([a.ndim, a.size, a.itemsize, a.nbytes]).toEqual([2, 6, 4, 24]);
    expect(a.strides).toEqual([3, 1]);
    expect(a.flags).toEqual({ cContiguous: true, fContiguous: false, ownData: true, writeable: true });
    expect(a.T.flags).toEqual({ cContiguous: false, fContiguous: true, ownData: false, writeable: true });
    expect(a.slice(":", "::2").flags.cContiguous).toBe(false);
    expect(np.zeros([3, 1]).T.flags.cContiguous).toBe(true);
    expect(np.zeros([0, 3]).slice(":", "::2").flags.cContiguous).toBe(true);
    expect(np.zeros([2], "complex128").nbytes).toBe(32);
    expect(np.zeros([]).size).toBe(1);
  });

  it("views chain their base to the owner", () => {
    const a = np.arange(6);
    const v = a.slice("1:").reshape(5, 1).T.slice(0);
    expect(v.base).toBe(a);
    expect(a.base).toBeNull();
  });

  it("wraps buffers; rejects a buffer too small for the shape", () => {
    const buf = new Float64Array([1, 2, 3, 4]);
    const a = new NDArray(buf, [2, 2]);
    expect(a.dtype).toBe("float64");
    buf[0] = 9;
    expect(a.get(0, 0)).toBe(9);
    expect(new NDArray(buf, [2], "complex128").toArray()).toEqual([
      { re: 9, im: 2 },
      { re: 3, im: 4 },
    ]);
    expectError(() => new NDArray(buf, [5]), ShapeError, "NDArray", "length 4", "(5,)");
    expectError(() => new NDArray(buf, [3], "complex128"), ShapeError, "NDArray", "(3,)");
  });

  it("astype casts as NumPy's unsafe casting", () => {
    const x = np.array([-2.7, -0.5, 0, 0.5, 2.7, 3e9]);
    expect(flat(x.astype("int32")).slice(0, 5)).toEqual([-2, 0, 0, 0, 2]);
    expect(x.astype("bool").toArray()).toEqual([true, true, false, true, true, true]);
    expect(np.array([NaN, 1]).astype("bool").toArray()).toEqual([true, true]);
    expect(np.array([1 / 3]).astype("float32").item()).toBe(Math.fround(1 / 3));
    const c = np.array([{ re: 1.5, im: -2 }, { re: 0, im: 0 }, { re: 0, im: 1 }]);
    expect(c.astype("float64").toArray()).toEqual([1.5, 0, 0]);
    expect(c.astype("int32").toArray()).toEqual([1, 0, 0]);
    expect(c.astype("bool").toArray()).toEqual([true, false, true]);
    expect(np.array([true, false]).astype("complex128").toArray()).toEqual([
      { re: 1, im: 0 },
      { re: 0, im: 0 },
    ]);
    expectError(() => x.astype("int64" as DType), DTypeError, "astype", '"int64"');
  });

  it("toArray and toTypedArray give the elements in C order", () => {
    const a = np.arange(6).reshape(2, 3);
    expect(a.T.toArray()).toEqual([
      [0, 3],
      [1, 4],
      [2, 5],
    ]);
    expect(Array.from(a.T.toTypedArray())).toEqual([0, 3, 1, 4, 2, 5]);
    const t = a.toTypedArray();
    t[0] = 99;
    expect(a.get(0, 0)).toBe(0); // a copy
    expect(Array.from(a.slice(1).toTypedArray())).toEqual([3, 4, 5]);
    expect(np.array([true, false]).toArray()).toEqual([true, false]);
    expect(np.array(2.5).toArray()).toBe(2.5);
    expect(Array.from(np.array([{ re: 1, im: 2 }]).toTypedArray())).toEqual([1, 2]);
  });

  it("reads complex128 views through interleaved slots", () => {
    const c = np.array([
      [{ re: 1, im: 2 }, { re: 3, im: 4 }],
      [{ re: 5, im: 6 }, { re: 7, im: 8 }],
    ]);
    expect(c.T.slice(0).toArray()).toEqual([
      { re: 1, im: 2 },
      { re: 5, im: 6 },
    ]);
    expect(c.flip(1).diagonal().toArray()).toEqual([
      { re: 3, im: 4 },
      { re: 5, im: 6 },
    ]);
  });

  it("models a C-contiguous array as the identity layout", () => {
    const m = cModel([2, 3]);
    expect(materialize(m, (p) => p)).toEqual(np.arange(6).reshape(2, 3).toArray());
    expect(layoutArb(0)).toBeDefined();
    const b = broadcastOperand([1, 3], [2, 3], contiguous(2));
    expect(b.view.toArray()).toEqual(materialize(b.model, (p) => p));
  });
});
