/**
 * Advanced indexing (indexing.ts) against a naive reference, as a fast-check property:
 * `slice` (gather) and `set` (scatter) with random mixes of integers, slices, newaxis, index
 * arrays and masks over random layouts, checked element by element against NumPy's rules
 * applied per element (written here), and the fast paths against the table nest.
 * The example-based tests are in indexing.test.ts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectError, indices, layoutArb, nested, pySlice, range, shapeArb, sizeOf, strided, type Model } from "../test/arbitraries.js";
import { gatherIndex } from "./indexing.js";
import * as np from "./index.js";
import { IndexError, type Index, type Slice } from "./index.js";

// ------------------------------------------------------------------ the property

/** An index item as the property draws it, before it becomes one of our index forms. */
type DrawnItem =
  | { kind: "int"; i: number }
  | { kind: "slice"; s: Slice }
  | { kind: "newaxis" }
  | { kind: "array"; shape: number[]; values: number[]; form: "js" | "int32" | "float64" }
  | { kind: "mask"; shape: number[]; values: boolean[]; form: "js" | "bool" };

/** Nested JS arrays of `values` (C order) in `shape`. */
const nest = <T>(shape: readonly number[], values: readonly T[]): unknown => {
  const c = shape.map((_, k) => sizeOf(shape.slice(k + 1)));
  return nested(shape, (idx) => values[idx.reduce((p, i, k) => p + i * c[k], 0)]);
};

function toIndex(t: DrawnItem): Index {
  switch (t.kind) {
    case "int":
      return t.i;
    case "slice":
      return t.s;
    case "newaxis":
      return null;
    case "array":
      // (a 0-d JS "array" would be a plain number: a basic index, not this item)
      if (t.form === "js" && t.shape.length > 0) return nest(t.shape, t.values) as Index;
      return np.fromTypedArray(t.form === "int32" ? Int32Array.from(t.values) : Float64Array.from(t.values), t.shape);
    case "mask":
      if (t.form === "js" && t.shape.length > 0) return nest(t.shape, t.values) as Index;
      return np.fromTypedArray(Uint8Array.from(t.values, Number), t.shape, "bool");
  }
}

/**
 * The naive reference: NumPy's rules applied per element. Returns the result's shape and,
 * for each result index, the index into the source model; or "IndexError" when the index
 * arrays do not broadcast.
 */
function referenceIndex(src: Model, items: readonly DrawnItem[]): { shape: number[]; source: (idx: readonly number[]) => number[] } | "IndexError" {
  // Masks become their nonzero() index arrays, one per axis they cover; integers 0-d arrays.
  type Adv = { axis: number; shape: number[]; values: number[] };
  type Basic = { axis: number | null; pick: number[] };
  const advanced: Adv[] = [];
  const basics: { basic: Basic; afterFirstAdvanced: boolean }[] = [];
  const positions: number[] = []; // positions in the item list of advanced items
  let axis = 0;
  items.forEach((t, pos) => {
    const after = positions.length > 0;
    if (t.kind === "newaxis") basics.push({ basic: { axis: null, pick: [0] }, afterFirstAdvanced: after });
    else if (t.kind === "slice") basics.push({ basic: { axis, pick: pySlice(t.s, src.shape[axis++]) }, afterFirstAdvanced: after });
    else if (t.kind === "int") {
      advanced.push({ axis: axis++, shape: [], values: [t.i] });
      positions.push(pos);
    } else if (t.kind === "array") {
      advanced.push({ axis: axis++, shape: t.shape, values: t.values });
      positions.push(pos);
    } else {
      const trues = indices(t.shape).filter((_, j) => t.values[j]);
      t.shape.forEach((_, k) => advanced.push({ axis: axis + k, shape: [trues.length], values: trues.map((ix) => ix[k]) }));
      axis += t.shape.length;
      if (t.shape.length === 0) advanced.push({ axis: -1, shape: [trues.length], values: trues.map(() => 0) });
      positions.push(pos);
    }
  });
  for (; axis < src.shape.length; axis++) basics.push({ basic: { axis, pick: range(src.shape[axis]) }, afterFirstAdvanced: true });
  // broadcast the advanced shapes, by the rule
  const nd = Math.max(0, ...advanced.map((a) => a.shape.length));
  const B = new Array<number>(nd).fill(1);
  for (const a of advanced) {
    for (let k = 0; k < a.shape.length; k++) {
      const o = nd - a.shape.length + k;
      if (B[o] === 1) B[o] = a.shape[k];
      else if (a.shape[k] !== 1 && a.shape[k] !== B[o]) return "IndexError";
    }
  }
  const consecutive = positions[positions.length - 1] - positions[0] === positions.length - 1;
  const pre = consecutive ? basics.filter((b) => !b.afterFirstAdvanced).map((b) => b.basic) : [];
  const post = consecutive ? basics.filter((b) => b.afterFirstAdvanced).map((b) => b.basic) : basics.map((b) => b.basic);
  const shape = [...pre.map((b) => b.pick.length), ...B, ...post.map((b) => b.pick.length)];
  const source = (idx: readonly number[]): number[] => {
    const out = new Array<number>(src.shape.length).fill(0);
    pre.forEach((b, k) => b.axis !== null && (out[b.axis] = b.pick[idx[k]]));
    const bIdx = idx.slice(pre.length, pre.length + nd);
    post.forEach((b, k) => b.axis !== null && (out[b.axis] = b.pick[idx[pre.length + nd + k]]));
    for (const a of advanced) {
      if (a.axis < 0) continue;
      const lead = nd - a.shape.length;
      let flatPos = 0;
      a.shape.forEach((d, k) => (flatPos = flatPos * d + (d === 1 ? 0 : bIdx[lead + k])));
      const v = a.values[flatPos];
      out[a.axis] = v < 0 ? v + src.shape[a.axis] : v;
    }
    return out;
  };
  return { shape, source };
}

/** Draw an index for a source of `shape`: per axis an int, a slice, an index array or a mask, sometimes newaxis. */
function indexArb(shape: readonly number[]): fc.Arbitrary<DrawnItem[]> {
  const itemArb = (n: number): fc.Arbitrary<DrawnItem> =>
    fc.oneof(
      fc.integer({ min: -n, max: n - 1 }).map((i): DrawnItem => ({ kind: "int", i })),
      fc
        .record({
          start: fc.option(fc.integer({ min: -n - 1, max: n + 1 })),
          stop: fc.option(fc.integer({ min: -n - 1, max: n + 1 })),
          step: fc.constantFrom(1, 2, -1, -2, null),
        })
        .map((s): DrawnItem => ({ kind: "slice", s })),
      fc
        .tuple(
          fc.constantFrom<number[]>([], [1], [2], [3], [2, 1], [1, 3], [2, 3]),
          fc.constantFrom("js" as const, "int32" as const, "float64" as const),
          fc.integer(),
        )
        .map(([ishape, form, seed]): DrawnItem => ({
          kind: "array",
          shape: ishape,
          form,
          values: range(sizeOf(ishape)).map((j) => ((((Math.imul(seed, j + 7) >>> 3) % (2 * n)) + 2 * n) % (2 * n)) - n),
        })),
      fc
        .tuple(fc.array(fc.boolean(), { minLength: n, maxLength: n }), fc.constantFrom("js" as const, "bool" as const))
        .map(([values, form]): DrawnItem => ({ kind: "mask", shape: [n], values, form })),
    );
  // items for the first `count` axes (the rest are implicit ':'), one of them at least an index array
  return fc
    .tuple(
      fc.tuple(...shape.map((n) => fc.tuple(itemArb(n), fc.integer({ min: 0, max: 3 })))),
      fc.integer({ min: 1, max: shape.length }),
      fc.nat(),
      fc.constantFrom<number[]>([2], [1], [3]),
    )
    .map(([perAxis, count, forcedRaw, fshape]) => {
      const forced = forcedRaw % count;
      const items: DrawnItem[] = [];
      for (let k = 0; k < count; k++) {
        const [t, newaxis] = perAxis[k];
        if (newaxis === 0) items.push({ kind: "newaxis" });
        const advanced = t.kind === "array" || t.kind === "mask";
        items.push(k === forced && !advanced ? { kind: "array", shape: fshape, form: "js", values: range(sizeOf(fshape)).map((j) => j % shape[k]) } : t);
      }
      return items;
    });
}

const caseArb = shapeArb({ minNdim: 1, maxNdim: 4, minDim: 1, maxDim: 3 }).chain((shape) =>
  fc.record({ shape: fc.constant(shape), layout: layoutArb(shape.length), index: indexArb(shape), seed: fc.integer() }),
);

describe("slice and set with index arrays against a per-element reference (property)", () => {
  it("gather: same shape and elements as NumPy's rules applied per element; a copy; fast = table nest", () => {
    fc.assert(
      fc.property(caseArb, ({ shape, layout, index }) => {
        const x = strided(shape, layout, "float64", (p) => p * 10 + 1);
        const items = index.map(toIndex);
        const ref = referenceIndex(x.model, index);
        if (ref === "IndexError") {
          expectError(() => x.view.slice(...items), IndexError, "slice", "shape mismatch");
          return;
        }
        const r = x.view.slice(...items);
        expect(r.shape).toEqual(ref.shape);
        expect(r.flags.ownData).toBe(true);
        expect(r.toArray()).toEqual(nested(ref.shape, (idx) => x.model.at(ref.source(idx)) * 10 + 1));
        expect(gatherIndex(x.view, items, "slice", { fast: false }).toArray()).toEqual(r.toArray());
      }),
      { numRuns: 300 },
    );
  });
  it("scatter: writes the value to the referenced elements in C order (last write wins), nothing else", () => {
    fc.assert(
      fc.property(caseArb, ({ shape, layout, index, seed }) => {
        const x = strided(shape, layout, "float64", (p) => p);
        const items = index.map(toIndex);
        const ref = referenceIndex(x.model, index);
        if (ref === "IndexError") return;
        const n = sizeOf(ref.shape);
        const values = range(n).map((k) => -1 - ((k * 31 + seed) & 1023));
        const want = Array.from(x.base.data);
        indices(ref.shape).forEach((idx, k) => (want[x.model.at(ref.source(idx))] = values[k]));
        x.view.set(...items, np.fromTypedArray(Float64Array.from(values), ref.shape));
        expect(Array.from(x.base.data)).toEqual(want);
      }),
      { numRuns: 200 },
    );
  });
});
