/**
 * NumPy's array methods (`a.add(b)`, `a.sum({ axis: 0 })`, `a.matmul(b)`, `String(a)`),
 * installed on NDArray's prototype. The functions live in their own modules, which import
 * ndarray.ts; installing them here keeps that import graph free of cycles. The package's
 * index imports this module, so every NDArray has these methods.
 */
import { NDArray } from "./ndarray.js";
import * as u from "./ufunc.js";
import * as r from "./reductions.js";
import * as s from "./sorting.js";
import { formatArray } from "./print.js";
import * as p from "./products/index.js";
import type { ArrayLike } from "./creation.js";

type In = u.ArrayInput;
type UOpt = u.UfuncOptions;

declare module "./ndarray.js" {
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
    round(decimals?: number): NDArray;
    clip(min: In | null, max: In | null): NDArray;
    sum(options?: r.ReduceOptions): NDArray;
    prod(options?: r.ReduceOptions): NDArray;
    mean(options?: r.ReduceOptions): NDArray;
    var(options?: r.VarOptions): NDArray;
    std(options?: r.VarOptions): NDArray;
    min(options?: r.ReduceOptions): NDArray;
    max(options?: r.ReduceOptions): NDArray;
    any(options?: r.ReduceOptions): NDArray;
    all(options?: r.ReduceOptions): NDArray;
    argmin(options?: r.ArgOptions): NDArray;
    argmax(options?: r.ArgOptions): NDArray;
    cumsum(options?: r.AccumulateOptions): NDArray;
    cumprod(options?: r.AccumulateOptions): NDArray;
    sort(options?: s.SortOptions): NDArray;
    argsort(options?: s.SortOptions): NDArray;
    /** `a @ b`: the matrix product of (stacks of) matrices, as `np.matmul(a, b, { out })`. */
    matmul(b: ArrayLike, options?: p.MatmulOptions): NDArray;
    /** `a.dot(b)`: NumPy's dot product, as `np.dot(a, b, { out })`. */
    dot(b: ArrayLike, options?: p.DotOptions): NDArray;
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
} as const;
for (const [name, f] of Object.entries(reductions)) {
  Object.defineProperty(NDArray.prototype, name, {
    value(this: NDArray, options?: object) {
      return (f as (x: NDArray, o?: object) => NDArray)(this, options);
    },
  });
}

Object.defineProperty(NDArray.prototype, "round", {
  value(this: NDArray, decimals = 0) {
    return u.round(this, decimals);
  },
});
Object.defineProperty(NDArray.prototype, "clip", {
  value(this: NDArray, min: In | null, max: In | null) {
    return u.clip(this, min, max);
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
