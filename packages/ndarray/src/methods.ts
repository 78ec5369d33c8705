/**
 * NumPy's array methods (`a.add(b)`, `a.sum({ axis: 0 })`, `a.matmul(b)`, `String(a)`),
 * installed on NDArray's prototype. The functions live in their own modules, which import
 * ndarray.ts; installing them here keeps that import graph free of cycles. The package's
 * index imports this module, so every NDArray has these methods.
 */
import { NDArray, type Complex } from "./ndarray.js";
import * as u from "./ufunc.js";
import * as r from "./reductions.js";
import * as s from "./sorting.js";
import * as t from "./tiling.js";
import * as st from "./statistics.js";
import { formatArray } from "./print.js";
import * as p from "./products/index.js";
import * as ix from "./indexing.js";
import type { ArrayLike } from "./creation.js";

type In = u.ArrayInput;
type UOpt = u.UfuncOptions;

declare module "./ndarray-class.js" {
  interface NDArray {
    add(b: In, options?: UOpt): NDArray;
    subtract(b: In, options?: UOpt): NDArray;
    multiply(b: In, options?: UOpt): NDArray;
    divide(b: In, options?: UOpt): NDArray;
    floorDivide(b: In, options?: UOpt): NDArray;
    mod(b: In, options?: UOpt): NDArray;
    power(b: In, options?: UOpt): NDArray;
    maximum(b: In, options?: UOpt): NDArray;
    minimum(b: In, options?: UOpt): NDArray;
    equal(b: In, options?: UOpt): NDArray;
    notEqual(b: In, options?: UOpt): NDArray;
    less(b: In, options?: UOpt): NDArray;
    lessEqual(b: In, options?: UOpt): NDArray;
    greater(b: In, options?: UOpt): NDArray;
    greaterEqual(b: In, options?: UOpt): NDArray;
    negative(options?: UOpt): NDArray;
    abs(options?: UOpt): NDArray;
    sqrt(options?: UOpt): NDArray;
    square(options?: UOpt): NDArray;
    exp(options?: UOpt): NDArray;
    log(options?: UOpt): NDArray;
    sin(options?: UOpt): NDArray;
    cos(options?: UOpt): NDArray;
    tanh(options?: UOpt): NDArray;
    conj(options?: UOpt): NDArray;
    real(): NDArray;
    imag(): NDArray;
    /** `a.round(decimals)` or `a.round({ decimals, out })`: NumPy's round half to even. */
    round(decimals?: number | u.RoundOptions): NDArray;
    /** `a.clip(min, max)` or `a.clip({ min, max, out })`; either bound may be null. */
    clip(min?: In | null | u.ClipOptions, max?: In | null): NDArray;
    /** `a.repeat(repeats, axis)`: each element repeated (flattened without an axis), as `np.repeat`. */
    repeat(repeats: number | readonly number[] | NDArray, axis?: number | null | { axis?: number | null }): NDArray;
    /** A number without an axis (`a.sum()`); an NDArray with one (`a.sum(0)`, `a.sum({ axis: 0 })`). */
    sum(options?: r.FullReduceOptions): number;
    sum(options: r.AxisReduceOptions): NDArray;
    sum(axis: number | readonly number[], options?: Omit<r.ReduceOptions, "axis">): NDArray;
    sum(axis?: r.Axis | r.ReduceOptions, options?: Omit<r.ReduceOptions, "axis">): NDArray | number;
    /** A number without an axis (`a.prod()`); an NDArray with one (`a.prod(0)`, `a.prod({ axis: 0 })`). */
    prod(options?: r.FullReduceOptions): number;
    prod(options: r.AxisReduceOptions): NDArray;
    prod(axis: number | readonly number[], options?: Omit<r.ReduceOptions, "axis">): NDArray;
    prod(axis?: r.Axis | r.ReduceOptions, options?: Omit<r.ReduceOptions, "axis">): NDArray | number;
    /** A number without an axis (`a.mean()`); an NDArray with one (`a.mean(0)`, `a.mean({ axis: 0 })`). */
    mean(options?: r.FullReduceOptions): number;
    mean(options: r.AxisReduceOptions): NDArray;
    mean(axis: number | readonly number[], options?: Omit<r.ReduceOptions, "axis">): NDArray;
    mean(axis?: r.Axis | r.ReduceOptions, options?: Omit<r.ReduceOptions, "axis">): NDArray | number;
    /** A number without an axis (`a.var()`); an NDArray with one (`a.var(0)`, `a.var({ axis: 0 })`). */
    var(options?: r.FullVarOptions): number;
    var(options: r.AxisVarOptions): NDArray;
    var(axis: number | readonly number[], options?: Omit<r.VarOptions, "axis">): NDArray;
    var(axis?: r.Axis | r.VarOptions, options?: Omit<r.VarOptions, "axis">): NDArray | number;
    /** A number without an axis (`a.std()`); an NDArray with one (`a.std(0)`, `a.std({ axis: 0 })`). */
    std(options?: r.FullVarOptions): number;
    std(options: r.AxisVarOptions): NDArray;
    std(axis: number | readonly number[], options?: Omit<r.VarOptions, "axis">): NDArray;
    std(axis?: r.Axis | r.VarOptions, options?: Omit<r.VarOptions, "axis">): NDArray | number;
    /** A number without an axis (`a.min()`); an NDArray with one (`a.min(0)`, `a.min({ axis: 0 })`). */
    min(options?: r.FullReduceOptions): number;
    min(options: r.AxisReduceOptions): NDArray;
    min(axis: number | readonly number[], options?: Omit<r.ReduceOptions, "axis">): NDArray;
    min(axis?: r.Axis | r.ReduceOptions, options?: Omit<r.ReduceOptions, "axis">): NDArray | number;
    /** A number without an axis (`a.max()`); an NDArray with one (`a.max(0)`, `a.max({ axis: 0 })`). */
    max(options?: r.FullReduceOptions): number;
    max(options: r.AxisReduceOptions): NDArray;
    max(axis: number | readonly number[], options?: Omit<r.ReduceOptions, "axis">): NDArray;
    max(axis?: r.Axis | r.ReduceOptions, options?: Omit<r.ReduceOptions, "axis">): NDArray | number;
    /** A boolean without an axis (`a.any()`); an NDArray with one (`a.any(0)`, `a.any({ axis: 0 })`). */
    any(options?: r.FullReduceOptions): boolean;
    any(options: r.AxisReduceOptions): NDArray;
    any(axis: number | readonly number[], options?: Omit<r.ReduceOptions, "axis">): NDArray;
    any(axis?: r.Axis | r.ReduceOptions, options?: Omit<r.ReduceOptions, "axis">): NDArray | boolean;
    /** A boolean without an axis (`a.all()`); an NDArray with one (`a.all(0)`, `a.all({ axis: 0 })`). */
    all(options?: r.FullReduceOptions): boolean;
    all(options: r.AxisReduceOptions): NDArray;
    all(axis: number | readonly number[], options?: Omit<r.ReduceOptions, "axis">): NDArray;
    all(axis?: r.Axis | r.ReduceOptions, options?: Omit<r.ReduceOptions, "axis">): NDArray | boolean;
    /** The flat index (a number) without an axis; int32 indices with one. */
    argmin(options?: { axis?: null; keepdims?: false }): number;
    argmin(options: r.ArgOptions & ({ axis: number } | { keepdims: true })): NDArray;
    argmin(axis: number, options?: Omit<r.ArgOptions, "axis">): NDArray;
    argmin(axis?: number | null | r.ArgOptions, options?: Omit<r.ArgOptions, "axis">): NDArray | number;
    argmax(options?: { axis?: null; keepdims?: false }): number;
    argmax(options: r.ArgOptions & ({ axis: number } | { keepdims: true })): NDArray;
    argmax(axis: number, options?: Omit<r.ArgOptions, "axis">): NDArray;
    argmax(axis?: number | null | r.ArgOptions, options?: Omit<r.ArgOptions, "axis">): NDArray | number;
    cumsum(axis?: number | null | r.AccumulateOptions, options?: Omit<r.AccumulateOptions, "axis">): NDArray;
    cumprod(axis?: number | null | r.AccumulateOptions, options?: Omit<r.AccumulateOptions, "axis">): NDArray;
    sort(axisOrOptions?: number | null | s.SortOptions, kind?: s.SortKind | null): NDArray;
    argsort(axisOrOptions?: number | null | s.SortOptions, kind?: s.SortKind | null): NDArray;
    /** `np.searchsorted(a, v, side, sorter)` with this 1-D array as `a`. */
    searchsorted(v: In, sideOrOptions?: "left" | "right" | s.SearchsortedOptions, sorter?: In | null): NDArray | number;
    /** `np.ptp(a, axis, keepdims)`: max − min (a number without an axis). */
    ptp(axisOrOptions?: st.AxisArg | st.MedianOptions, options?: st.MedianOptions): NDArray | number;
    /** `a @ b`: the matrix product of (stacks of) matrices, as `np.matmul(a, b, { out })`. */
    matmul(b: ArrayLike, options?: p.MatmulOptions): NDArray;
    /** `a.dot(b)`: NumPy's dot product, as `np.dot(a, b, { out })`; a JS number for 1-D·1-D (a `Complex` for complex128). */
    dot(b: ArrayLike, options: p.DotOptions & { out: NDArray }): NDArray;
    dot(b: ArrayLike, options?: p.DotOptions): NDArray | number | Complex;
    /** `np.take(a, indices, axis, mode)` with this array as `a`: a copy; without an axis, of the flattened array. */
    take(indices: ArrayLike | number, axis?: number | null | ix.TakeOptions, mode?: ix.TakeMode): NDArray;
    /** `np.put(a, ind, v, mode)`: `a.flat[ind] = v` in place (this array is modified; returns nothing). */
    put(ind: ArrayLike | number, v: ArrayLike | number, mode?: ix.TakeMode | { mode?: ix.TakeMode }): void;
    /** `np.compress(condition, a, axis)`: the slices along `axis` where condition is true (flattened without an axis). */
    compress(condition: ArrayLike, axis?: number | null | { axis?: number | null }): NDArray;
    /** `np.nonzero(a)`: one int32 index array per axis (a JS array of them, NumPy's tuple). */
    nonzero(): NDArray[];
    /** NumPy's repr: `array([[1., 2.],\n       [3., 4.]])`. */
    toString(): string;
  }
}

const binary = ["add", "subtract", "multiply", "divide", "floorDivide", "mod", "power", "maximum", "minimum"] as const;
const compare = ["equal", "notEqual", "less", "lessEqual", "greater", "greaterEqual"] as const;
for (const name of [...binary, ...compare]) {
  const f = u[name];
  Object.defineProperty(NDArray.prototype, name, {
    value(this: NDArray, b: In, options?: UOpt) {
      return f(this, b, options);
    },
  });
}

const unary = ["negative", "abs", "sqrt", "square", "exp", "log", "sin", "cos", "tanh", "conj", "real", "imag"] as const;
for (const name of unary) {
  const f = u[name];
  Object.defineProperty(NDArray.prototype, name, {
    value(this: NDArray, options?: UOpt) {
      return f(this, options);
    },
  });
}

const reductions = {
  sum: r.sum,
  prod: r.prod,
  mean: r.mean,
  var: r.variance,
  std: r.std,
  min: r.min,
  max: r.max,
  any: r.any,
  all: r.all,
  argmin: r.argmin,
  argmax: r.argmax,
  cumsum: r.cumsum,
  cumprod: r.cumprod,
  sort: s.sort,
  argsort: s.argsort,
  searchsorted: s.searchsorted,
  ptp: st.ptp,
} as const;
for (const [name, f] of Object.entries(reductions)) {
  Object.defineProperty(NDArray.prototype, name, {
    value(this: NDArray, ...args: unknown[]) {
      return (f as (x: NDArray, ...rest: unknown[]) => unknown)(this, ...args);
    },
  });
}

Object.defineProperty(NDArray.prototype, "round", {
  value(this: NDArray, decimals: number | u.RoundOptions = 0) {
    return u.round(this, decimals);
  },
});
Object.defineProperty(NDArray.prototype, "clip", {
  value(this: NDArray, min?: In | null | u.ClipOptions, max?: In | null) {
    return u.clip(this, min, max);
  },
});
Object.defineProperty(NDArray.prototype, "repeat", {
  value(this: NDArray, repeats: number | readonly number[] | NDArray, axis?: number | null | { axis?: number | null }) {
    return t.repeat(this, repeats, axis);
  },
});

Object.defineProperty(NDArray.prototype, "matmul", {
  value(this: NDArray, b: ArrayLike, options?: p.MatmulOptions) {
    return p.matmul(this, b, options);
  },
});
Object.defineProperty(NDArray.prototype, "dot", {
  value(this: NDArray, b: ArrayLike, options?: p.DotOptions) {
    return p.dot(this, b, options);
  },
});

// Advanced indexing (indexing.ts): take, put, compress, nonzero.
Object.defineProperty(NDArray.prototype, "take", {
  value(this: NDArray, indices: ArrayLike | number, axis?: number | null | ix.TakeOptions, mode?: ix.TakeMode) {
    return ix.take(this, indices, axis, mode);
  },
});
Object.defineProperty(NDArray.prototype, "put", {
  value(this: NDArray, ind: ArrayLike | number, v: ArrayLike | number, mode?: ix.TakeMode | { mode?: ix.TakeMode }) {
    ix.put(this, ind, v, mode);
  },
});
Object.defineProperty(NDArray.prototype, "compress", {
  value(this: NDArray, condition: ArrayLike, axis?: number | null | { axis?: number | null }) {
    return ix.compress(condition, this, axis);
  },
});
Object.defineProperty(NDArray.prototype, "nonzero", {
  value(this: NDArray) {
    return ix.nonzero(this);
  },
});

// Printing: String(a) and console.log(a) in Node show NumPy's repr.
Object.defineProperty(NDArray.prototype, "toString", {
  value(this: NDArray) {
    return formatArray(this);
  },
});
Object.defineProperty(NDArray.prototype, Symbol.for("nodejs.util.inspect.custom"), {
  value(this: NDArray) {
    return formatArray(this);
  },
});
