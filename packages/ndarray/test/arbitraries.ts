/**
 * Test helpers for the ndarray core: random shapes and strided layouts (fast-check), a plain
 * index-function model of views to check NDArray's strided views against, and assertions
 * (errors that name the function and the values; closeness with tolerances that scale with n).
 *
 * The model: an array is `{ shape, at }`, where `at(idx)` is the flat position in a
 * C-contiguous base buffer that element `idx` reads. Every view operation (slice, transpose,
 * flip, newaxis, diagonal, broadcast) is a change of index written here without strides, so
 * `view.toArray()` can be compared with the model element by element.
 */
import fc from "fast-check";
import { expect } from "vitest";
import { NDArray, type Complex, type DType, type NestedArray, type Slice } from "../src/index.js";

/** Unit roundoff of float64 (half the gap from 1 to the next double). */
export const EPS64 = 2 ** -53;
/** Unit roundoff of float32. */
export const EPS32 = 2 ** -24;

export const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

export const sizeOf = (shape: readonly number[]): number => shape.reduce((p, d) => p * d, 1);

/** Every index tuple of `shape`, in C order (none when a dimension is 0; one, `[]`, for 0-d). */
export function indices(shape: readonly number[]): number[][] {
  let out: number[][] = [[]];
  for (const n of shape) {
    const next: number[][] = [];
    for (const prefix of out) for (let i = 0; i < n; i++) next.push([...prefix, i]);
    out = next;
  }
  return out;
}

/** Nested JS arrays of `value(idx)` over `shape` (a bare value for 0-d). */
export function nested<T>(shape: readonly number[], value: (idx: number[]) => T): unknown {
  const walk = (prefix: number[]): unknown => (prefix.length === shape.length ? value(prefix) : range(shape[prefix.length]).map((i) => walk([...prefix, i])));
  return walk([]);
}

/** The elements of an array in C order, as numbers (complex: re, im pairs flattened). */
export function flat(x: NDArray): number[] {
  const out: number[] = [];
  const visit = (v: NestedArray): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (typeof v === "boolean") out.push(v ? 1 : 0);
    else if (typeof v === "number") out.push(v);
    else out.push((v as Complex).re, (v as Complex).im);
  };
  visit(x.toArray());
  return out;
}

/** A copy of the whole buffer behind an array (to check that nothing wrote to it). */
export const snapshot = (x: NDArray): number[] => Array.from(x.data);

// ------------------------------------------------------------------ the view model

/** An array as an index function into a C-contiguous base buffer. */
export interface Model {
  shape: number[];
  at: (idx: readonly number[]) => number;
}

/** The model of a fresh C-contiguous array: at(idx) = Σ idx_k · cstride_k. */
export function cModel(shape: readonly number[]): Model {
  const strides: number[] = [];
  let s = 1;
  for (let k = shape.length - 1; k >= 0; k--) {
    strides[k] = s;
    s *= shape[k];
  }
  return { shape: shape.slice(), at: (idx) => idx.reduce((p, i, k) => p + i * strides[k], 0) };
}

/**
 * Python's slice semantics, by brute force: the positions 0..n-1 a slice selects, in order.
 * Only the start is clamped (it fixes the phase); the bounds are then plain comparisons.
 */
export function pySlice(s: Slice, n: number): number[] {
  const step = s.step ?? 1;
  const norm = (x: number): number => (x < 0 ? x + n : x);
  const out: number[] = [];
  if (step > 0) {
    const start = Math.max(s.start == null ? 0 : norm(s.start), 0);
    const stop = s.stop == null ? Infinity : norm(s.stop);
    for (let i = 0; i < n; i++) if (i >= start && i < stop && (i - start) % step === 0) out.push(i);
  } else {
    const start = Math.min(s.start == null ? n - 1 : norm(s.start), n - 1);
    const stop = s.stop == null ? -Infinity : norm(s.stop);
    for (let i = n - 1; i >= 0; i--) if (i <= start && i > stop && (start - i) % -step === 0) out.push(i);
  }
  return out;
}

/** One resolved item of a basic index, as the model applies it. */
export type ModelIndex = { kind: "int"; i: number } | { kind: "slice"; s: Slice } | { kind: "newaxis" } | { kind: "ellipsis" };

/** The model of `x.slice(...items)`. */
export function modelSlice(m: Model, items: readonly ModelIndex[]): Model {
  const consumed = items.filter((t) => t.kind === "int" || t.kind === "slice").length;
  // one entry per output axis: where its index goes in the input (or nowhere, for newaxis)
  const outAxes: ({ axis: number; pick: number[] } | null)[] = [];
  const fixed: { axis: number; i: number }[] = [];
  let axis = 0;
  const full = (a: number) => ({ axis: a, pick: range(m.shape[a]) });
  for (const t of items) {
    if (t.kind === "newaxis") outAxes.push(null);
    else if (t.kind === "ellipsis") for (let k = 0; k < m.shape.length - consumed; k++) outAxes.push(full(axis++));
    else if (t.kind === "int") {
      fixed.push({ axis, i: t.i < 0 ? t.i + m.shape[axis] : t.i });
      axis++;
    } else outAxes.push({ axis, pick: pySlice(t.s, m.shape[axis++]) });
  }
  while (axis < m.shape.length) outAxes.push(full(axis++));
  return {
    shape: outAxes.map((o) => (o === null ? 1 : o.pick.length)),
    at: (idx) => {
      const src = new Array<number>(m.shape.length).fill(0);
      for (const f of fixed) src[f.axis] = f.i;
      outAxes.forEach((o, k) => {
        if (o !== null) src[o.axis] = o.pick[idx[k]];
      });
      return m.at(src);
    },
  };
}

/** The model of `x.transpose(perm)`: output axis k is input axis perm[k]. */
export function modelTranspose(m: Model, perm: readonly number[]): Model {
  return {
    shape: perm.map((p) => m.shape[p]),
    at: (idx) => {
      const src: number[] = [];
      perm.forEach((p, k) => (src[p] = idx[k]));
      return m.at(src);
    },
  };
}

/** The model of `x.flip(axes)`. */
export function modelFlip(m: Model, axes: readonly number[]): Model {
  return { shape: m.shape, at: (idx) => m.at(idx.map((i, k) => (axes.includes(k) ? m.shape[k] - 1 - i : i))) };
}

/** The model of `x.diagonal(offset, a1, a2)`: the other axes, then the diagonal. */
export function modelDiagonal(m: Model, offset: number, a1: number, a2: number): Model {
  const rest = range(m.shape.length).filter((k) => k !== a1 && k !== a2);
  let length = 0;
  while (length + Math.max(0, -offset) < m.shape[a1] && length + Math.max(0, offset) < m.shape[a2]) length++;
  return {
    shape: [...rest.map((k) => m.shape[k]), length],
    at: (idx) => {
      const src = new Array<number>(m.shape.length);
      rest.forEach((k, j) => (src[k] = idx[j]));
      const t = idx[idx.length - 1];
      src[a1] = t + Math.max(0, -offset);
      src[a2] = t + Math.max(0, offset);
      return m.at(src);
    },
  };
}

/** The model of `x.broadcastTo(shape)`: trailing alignment, size-1 axes repeat. */
export function modelBroadcast(m: Model, shape: readonly number[]): Model {
  const lead = shape.length - m.shape.length;
  return { shape: shape.slice(), at: (idx) => m.at(m.shape.map((d, k) => (d === 1 ? 0 : idx[lead + k]))) };
}

/** The model of a reshape: same C-order sequence of elements, new shape. */
export function modelReshape(m: Model, shape: readonly number[]): Model {
  const all = indices(m.shape);
  const c = cModel(shape);
  return { shape: shape.slice(), at: (idx) => m.at(all[c.at(idx)]) };
}

/** Nested values of a model over a base of values `base(position)`. */
export function materialize(m: Model, base: (position: number) => number): unknown {
  return nested(m.shape, (idx) => base(m.at(idx)));
}

// ------------------------------------------------------------------ strided operands

/**
 * How a view of a given shape is cut from a larger C-contiguous base buffer: base axis j
 * holds view axis perm[j]; along view axis v the elements are `steps[v]` apart (negative:
 * read backwards), after `starts[v]` unused positions and before `pads[v]` more.
 */
export interface Layout {
  perm: number[];
  steps: number[];
  starts: number[];
  pads: number[];
}

export const contiguous = (ndim: number): Layout => ({
  perm: range(ndim),
  steps: new Array<number>(ndim).fill(1),
  starts: new Array<number>(ndim).fill(0),
  pads: new Array<number>(ndim).fill(0),
});

/** A random layout for an ndim-dimensional view (permuted, stepped, reversed, offset). */
export function layoutArb(ndim: number): fc.Arbitrary<Layout> {
  const per = <T>(a: fc.Arbitrary<T>) => fc.array(a, { minLength: ndim, maxLength: ndim });
  return fc.record({
    perm: fc.shuffledSubarray(range(ndim), { minLength: ndim, maxLength: ndim }),
    steps: per(fc.constantFrom(1, 1, 2, 3, -1, -2)),
    starts: per(fc.integer({ min: 0, max: 2 })),
    pads: per(fc.integer({ min: 0, max: 1 })),
  });
}

/** Shapes with ndim in [minNdim, maxNdim] and dimensions in [minDim, maxDim]. */
export function shapeArb(options: { minNdim?: number; maxNdim?: number; minDim?: number; maxDim?: number } = {}): fc.Arbitrary<number[]> {
  const { minNdim = 0, maxNdim = 4, minDim = 0, maxDim = 4 } = options;
  return fc.array(fc.integer({ min: minDim, max: maxDim }), { minLength: minNdim, maxLength: maxNdim });
}

/** A shape together with a random layout for it. */
export function stridedArb(options: Parameters<typeof shapeArb>[0] = {}): fc.Arbitrary<{ shape: number[]; layout: Layout }> {
  return shapeArb(options).chain((shape) => layoutArb(shape.length).map((layout) => ({ shape, layout })));
}

export interface StridedCase {
  /** The strided view of the requested shape. */
  view: NDArray;
  /** The C-contiguous array it was cut from (view.base). */
  base: NDArray;
  /** The view's model over base positions. */
  model: Model;
}

/**
 * Build a view of `shape` laid out as `layout`, over a base whose element at flat position p
 * is `fill(p)` (complex128: re = fill(p), im = −fill(p) − 0.5). The view is made by NDArray's
 * own slice and transpose; `model` says independently where each element must come from.
 */
export function strided(shape: readonly number[], layout: Layout, dtype: DType = "float64", fill: (p: number) => number = (p) => p): StridedCase {
  const { perm, steps, starts, pads } = layout;
  const span = (v: number) => (shape[v] === 0 ? 0 : (shape[v] - 1) * Math.abs(steps[v]) + 1);
  const baseShape = perm.map((v) => starts[v] + span(v) + pads[v]);
  const n = sizeOf(baseShape);
  const data =
    dtype === "complex128"
      ? Float64Array.from({ length: 2 * n }, (_, i) => (i % 2 === 0 ? fill(i / 2) : -fill((i - 1) / 2) - 0.5))
      : dtype === "float32"
        ? Float32Array.from({ length: n }, (_, p) => fill(p))
        : dtype === "int32"
          ? Int32Array.from({ length: n }, (_, p) => fill(p))
          : dtype === "bool"
            ? Uint8Array.from({ length: n }, (_, p) => (fill(p) !== 0 ? 1 : 0))
            : Float64Array.from({ length: n }, (_, p) => fill(p));
  const base = new NDArray(data, baseShape, dtype);
  const items: Slice[] = perm.map((v) => {
    const k = steps[v];
    if (shape[v] === 0) return { start: 0, stop: 0, step: k };
    if (k > 0) return { start: starts[v], stop: starts[v] + span(v), step: k };
    return { start: starts[v] + span(v) - 1, stop: starts[v] === 0 ? null : starts[v] - 1, step: k };
  });
  const inverse: number[] = [];
  perm.forEach((v, j) => (inverse[v] = j));
  const view = base.slice(...items).transpose(inverse);
  const c = cModel(baseShape);
  const model: Model = {
    shape: shape.slice(),
    at: (idx) => {
      const b = perm.map((v) => {
        const i = steps[v] > 0 ? idx[v] : shape[v] - 1 - idx[v];
        return starts[v] + i * Math.abs(steps[v]);
      });
      return c.at(b);
    },
  };
  return { view, base, model };
}

/**
 * A read-only operand of `target` shape broadcast from a strided array of `own` shape
 * (`own` aligned to target's trailing axes, with 1 where it is stretched).
 */
export function broadcastOperand(
  own: readonly number[],
  target: readonly number[],
  layout: Layout,
  dtype: DType = "float64",
  fill?: (p: number) => number,
): StridedCase {
  const s = strided(own, layout, dtype, fill);
  return { view: s.view.broadcastTo(target), base: s.base, model: modelBroadcast(s.model, target) };
}

/** A shape that broadcasts to `target`: some leading axes dropped, some axes set to 1. */
export function broadcastableArb(target: readonly number[]): fc.Arbitrary<number[]> {
  return fc
    .tuple(fc.integer({ min: 0, max: target.length }), fc.array(fc.boolean(), { minLength: target.length, maxLength: target.length }))
    .map(([drop, ones]) => target.slice(drop).map((d, k) => (ones[k + drop] ? 1 : d)));
}

// ------------------------------------------------------------------ assertions

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * `f()` must throw an instance of `cls` whose message starts with `fn: ` and contains each
 * of `values` (as text). Returns the error.
 */
export function expectError(f: () => unknown, cls: ErrorClass, fn: string, ...values: (string | number)[]): Error {
  let caught: unknown = undefined;
  try {
    f();
  } catch (e) {
    caught = e;
  }
  expect(caught, `${fn} should throw ${cls.name}`).toBeInstanceOf(cls);
  const message = (caught as Error).message;
  expect(message.startsWith(`${fn}: `), `message ${JSON.stringify(message)} should start with "${fn}: "`).toBe(true);
  for (const v of values) expect(message).toContain(String(v));
  return caught as Error;
}

/**
 * |actual − expected| ≤ tol element-wise (NaN matches NaN, infinities must be equal), with
 * `tol(i)` the allowed error of element i; arrays must have the same length.
 */
export function expectCloseArrays(actual: readonly number[], expected: readonly number[], tol: (i: number) => number): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i];
    const e = expected[i];
    if (Number.isNaN(e) || !Number.isFinite(e)) {
      expect(Object.is(a, e) || (Number.isNaN(a) && Number.isNaN(e)), `element ${i}: ${a} vs ${e}`).toBe(true);
      continue;
    }
    const err = Math.abs(a - e);
    if (!(err <= tol(i))) expect.fail(`element ${i}: got ${a}, expected ${e} (error ${err} > tolerance ${tol(i)})`);
  }
}

/** Exact equality of number sequences, treating NaN as equal to NaN and keeping the sign of zero. */
export function expectSameNumbers(actual: readonly number[], expected: readonly number[]): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < actual.length; i++) {
    if (!Object.is(actual[i], expected[i]) && !(Number.isNaN(actual[i]) && Number.isNaN(expected[i]))) {
      expect.fail(`element ${i}: got ${actual[i]}, expected ${expected[i]}`);
    }
  }
}

/** mulberry32: a small seeded generator, so that a property's random choices replay from its seed. */
export function rng(seed: number): { next: () => number; int: (n: number) => number } {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n) };
}

/** Element-wise |actual − expected| <= 8·n·eps·max|expected| (n: elements combined per value). */
export function expectClose(actual: unknown, expected: number | number[] | number[][] | number[][][], n = 8): void {
  const flatE = [expected].flat(3) as number[];
  const flatA = typeof actual === "number" ? [actual] : ([(actual as NDArray).toArray()].flat(3) as number[]);
  expect(flatA.length).toBe(flatE.length);
  const scale = Math.max(1, ...flatE.filter(Number.isFinite).map(Math.abs));
  flatA.forEach((v, i) => {
    if (Number.isNaN(flatE[i])) expect(v).toBeNaN();
    else expect(Math.abs(v - flatE[i])).toBeLessThanOrEqual(8 * n * EPS64 * scale);
  });
}
