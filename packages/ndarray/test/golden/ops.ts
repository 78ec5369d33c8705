/**
 * The golden-case registry of @sliderule/ndarray: NumPy op names, as in the case files
 * (cases/FORMAT.md), mapped to our functions, for the families creation, broadcasting,
 * reductions, shape, indexing, stacking, products, einsum and random.
 *
 * Each entry binds NumPy's positional and keyword arguments by NumPy's parameter names
 * ({@link bind}; an unknown keyword is an error, so a new case cannot pass by accident),
 * then calls ours: snake_case -> camelCase (`floor_divide` -> `floorDivide`, `remainder` ->
 * `mod`, `absolute` -> `abs`, `expand_dims` -> `expandDims`), keywords -> our options objects,
 * NumPy's dtype names -> ours (`int64` -> `int32`).
 *
 * Functions still being written (stacking, products and einsum, random) are looked up by name
 * at call time ({@link lib}), so a case whose function has not landed is reported as skipped
 * ("np.matmul is not available yet") and starts to run the day it lands.
 *
 * Value-based casting: entries wrapped in `withPyFloats` receive Python floats as PyFloat
 * markers; element-wise ops pass them on as 0-d float64 arrays (`scalarArg`), creation
 * functions use them to choose float64 (`arange(3.0)`, `full(shape, 2.0)`).
 *
 * linalg.* ops (multi_dot, matrix_power, …) live in @sliderule/linalg's registry.
 */
import * as np from "@sliderule/ndarray";
import type { DType, NDArray } from "@sliderule/ndarray";
import { isPyFloat, num, OpUnavailable, plain, scalarArg, withPyFloats, type OpFn, type OpRegistry, type RandomCall } from "./harness.js";
import { arr, axisOf, bind, camel, dt, lib, shapeOf, type AnyFn, type Kwargs } from "./bind.js";
import { everydayIndexingOps } from "./ops-indexing.js";
import { everydayStatisticsOps } from "./ops-statistics.js";
import { everydayElementwiseOps } from "./ops-elementwise.js";

// ------------------------------------------------------------------ ufuncs

/** NumPy name -> our function name, for element-wise functions of two arguments. */
const BINARY: Record<string, string> = {
  add: "add",
  subtract: "subtract",
  multiply: "multiply",
  divide: "divide",
  true_divide: "divide",
  floor_divide: "floorDivide",
  remainder: "mod",
  mod: "mod",
  power: "power",
  maximum: "maximum",
  minimum: "minimum",
  equal: "equal",
  not_equal: "notEqual",
  less: "less",
  less_equal: "lessEqual",
  greater: "greater",
  greater_equal: "greaterEqual",
  logical_and: "logicalAnd",
  logical_or: "logicalOr",
  logical_xor: "logicalXor",
  arctan2: "arctan2",
  hypot: "hypot",
};

/** NumPy name -> our function name, for element-wise functions of one argument. */
const UNARY: Record<string, string> = {
  sqrt: "sqrt",
  exp: "exp",
  expm1: "expm1",
  log: "log",
  log2: "log2",
  log10: "log10",
  log1p: "log1p",
  absolute: "abs",
  abs: "abs",
  negative: "negative",
  positive: "positive",
  sign: "sign",
  floor: "floor",
  ceil: "ceil",
  trunc: "trunc",
  rint: "rint",
  square: "square",
  sin: "sin",
  cos: "cos",
  tan: "tan",
  arcsin: "arcsin",
  arccos: "arccos",
  arctan: "arctan",
  sinh: "sinh",
  cosh: "cosh",
  tanh: "tanh",
  isnan: "isnan",
  isinf: "isinf",
  isfinite: "isfinite",
  logical_not: "logicalNot",
  conjugate: "conj",
  conj: "conj",
  real: "real",
  imag: "imag",
  angle: "angle",
};

function ufuncEntries(): OpRegistry {
  const out: OpRegistry = {};
  for (const [op, ours] of Object.entries(BINARY)) {
    out[op] = withPyFloats((args, kw) => {
      const p = bind(op, ["x1", "x2"], args, kw);
      return lib(ours)(scalarArg(p.x1), scalarArg(p.x2));
    });
  }
  for (const [op, ours] of Object.entries(UNARY)) {
    out[op] = withPyFloats((args, kw) => {
      const p = bind(op, ["x"], args, kw);
      return lib(ours)(scalarArg(p.x));
    });
  }
  return out;
}

// ------------------------------------------------------------------ reductions

/** sum/prod/mean/std/var/min/max/any/all: NumPy's parameter order, our options object. */
function reduction(op: string, ours: string, names: readonly string[]): OpFn {
  return (args, kw) => {
    const p = bind(op, names, args, kw);
    const options: Record<string, unknown> = {};
    if (p.axis !== undefined) options.axis = axisOf(p.axis);
    if (p.keepdims !== undefined) options.keepdims = p.keepdims;
    if (p.dtype !== undefined && p.dtype !== null) options.dtype = dt(p.dtype);
    if (p.ddof !== undefined) options.ddof = p.ddof;
    return lib(ours)(arr(p.a), options);
  };
}

/** argmin/argmax/cumsum/cumprod: one axis or none (flattened). */
function axisReduction(op: string, ours: string, names: readonly string[]): OpFn {
  return (args, kw) => {
    const p = bind(op, names, args, kw);
    const options: Record<string, unknown> = {};
    if (p.axis !== undefined && p.axis !== null) options.axis = p.axis;
    if (p.keepdims !== undefined) options.keepdims = p.keepdims;
    if (p.dtype !== undefined && p.dtype !== null) options.dtype = dt(p.dtype);
    return lib(ours)(arr(p.a), options);
  };
}

// ------------------------------------------------------------------ random streams

/** NumPy's positional parameter order of each random method (after `self`). */
const RANDOM_PARAMS: Record<string, readonly string[]> = {
  random_sample: ["size"],
  random: ["size", "dtype"],
  randint: ["low", "high", "size", "dtype"],
  integers: ["low", "high", "size", "dtype", "endpoint"],
  uniform: ["low", "high", "size"],
  normal: ["loc", "scale", "size"],
  standard_normal: ["size", "dtype"],
  choice: ["a", "size", "replace", "p", "axis", "shuffle"],
  permutation: ["x"],
};

const undef = (x: unknown): unknown => (x === null ? undefined : x);

/**
 * One `{fn, args, kwargs}` call on the legacy module (`np.random`) or a Generator, with
 * NumPy's names mapped onto our signatures (see packages/ndarray/src/random/index.ts and
 * generator.ts): `rand(d0, d1, …)`, `randint(low, high, size, dtype)`,
 * `integers(low, high, size, { endpoint, dtype })`, `random(size, dtype)`, ….
 */
function callRandom(target: Record<string, unknown>, call: RandomCall, where: string): unknown {
  const method = camel(call.fn);
  const f = target[method];
  if (typeof f !== "function") throw new OpUnavailable(`${where}.${method}`);
  const m = (...a: unknown[]) => (f as AnyFn).apply(target, a);
  if (call.fn === "rand" || call.fn === "randn") {
    if (Object.keys(call.kwargs).length > 0) throw new Error(`golden registry: ${call.fn} takes no keyword arguments`);
    return m(...call.args);
  }
  const names = RANDOM_PARAMS[call.fn];
  if (!names) throw new Error(`golden registry: no mapping for the random function ${call.fn}`);
  const p = bind(call.fn, names, call.args, call.kwargs);
  const size = undef(p.size);
  switch (call.fn) {
    case "random_sample":
      return m(size);
    case "random":
    case "standard_normal":
      return p.dtype === undefined ? m(size) : m(size, p.dtype);
    case "randint":
      return m(p.low, undef(p.high), size, undef(p.dtype));
    case "integers": {
      const options: Record<string, unknown> = {};
      if (p.endpoint !== undefined) options.endpoint = p.endpoint;
      if (p.dtype !== undefined) options.dtype = p.dtype;
      return m(p.low, undef(p.high), size, options);
    }
    case "uniform":
      return m(p.low ?? 0, p.high ?? 1, size);
    case "normal":
      return m(p.loc ?? 0, p.scale ?? 1, size);
    case "choice":
      if (p.axis !== undefined) throw new Error(`golden registry: choice(axis=...) is not mapped`);
      return p.shuffle === undefined ? m(p.a, size, p.replace ?? true, undef(p.p)) : m(p.a, size, p.replace ?? true, undef(p.p), p.shuffle);
    case "permutation":
      return m(p.x);
    default:
      throw new Error(`golden registry: no mapping for the random function ${call.fn}`);
  }
}

/** `np.random` (the legacy module functions); OpUnavailable until it is exported. */
function randomModule(): Record<string, unknown> {
  const r = (np as unknown as Record<string, unknown>).random;
  if (r === null || typeof r !== "object") throw new OpUnavailable("np.random");
  return r as Record<string, unknown>;
}

/** `np.defaultRng` (or `np.random.defaultRng`). */
function defaultRng(): AnyFn {
  const top = (np as unknown as Record<string, unknown>).defaultRng;
  if (typeof top === "function") return top as AnyFn;
  const r = (np as unknown as Record<string, unknown>).random as Record<string, unknown> | undefined;
  if (r && typeof r.defaultRng === "function") return r.defaultRng as AnyFn;
  throw new OpUnavailable("np.defaultRng");
}

// ------------------------------------------------------------------ the registry

export const ndarrayOps: OpRegistry = {
  ...ufuncEntries(),

  // -------------------------------------------------------------- creation
  zeros: (args, kw) => {
    const p = bind("zeros", ["shape", "dtype", "order"], args, kw);
    return np.zeros(shapeOf(p.shape), dt(p.dtype));
  },
  ones: (args, kw) => {
    const p = bind("ones", ["shape", "dtype", "order"], args, kw);
    return np.ones(shapeOf(p.shape), dt(p.dtype));
  },
  empty: (args, kw) => {
    const p = bind("empty", ["shape", "dtype", "order"], args, kw);
    return np.empty(shapeOf(p.shape), dt(p.dtype));
  },
  full: withPyFloats((args, kw) => {
    const p = bind("full", ["shape", "fill_value", "dtype", "order"], args, kw);
    // without dtype the fill value's Python type decides: int -> int, float -> float64, bool ->
    // bool; a JS number alone gives float64 (README, "Where we differ"), so a Python int asks for int32
    const dtype = dt(p.dtype) ?? (isPyFloat(p.fill_value) ? "float64" : typeof p.fill_value === "number" ? "int32" : undefined);
    const value = typeof p.fill_value === "boolean" ? p.fill_value : num(p.fill_value);
    return np.full(shapeOf(p.shape), value, dtype);
  }),
  eye: (args, kw) => {
    const p = bind("eye", ["N", "M", "k", "dtype", "order"], args, kw);
    return np.eye(p.N as number, { M: undef(p.M) as number | undefined, k: (p.k ?? 0) as number, dtype: dt(p.dtype) });
  },
  identity: (args, kw) => {
    const p = bind("identity", ["n", "dtype"], args, kw);
    return np.identity(p.n as number, dt(p.dtype));
  },
  diag: (args, kw) => {
    const p = bind("diag", ["v", "k"], args, kw);
    return np.diag(arr(p.v), (p.k ?? 0) as number);
  },
  arange: withPyFloats((args, kw) => {
    const p = bind("arange", ["start", "stop", "step", "dtype"], args, kw);
    // a Python float among the bounds makes NumPy's result float64 even when its value is whole
    const anyFloat = [p.start, p.stop, p.step].some(isPyFloat);
    const dtype = dt(p.dtype) ?? (anyFloat ? "float64" : undefined);
    const opt = (x: unknown) => (x === undefined || x === null ? undefined : num(x));
    return np.arange(num(p.start), opt(p.stop), opt(p.step) ?? 1, dtype);
  }),
  linspace: (args, kw) => {
    const p = bind("linspace", ["start", "stop", "num", "endpoint", "retstep", "dtype", "axis"], args, kw);
    if (p.axis !== undefined && p.axis !== 0) throw new Error(`golden registry: linspace(axis=${String(p.axis)}) is not mapped`);
    const options = { endpoint: (p.endpoint ?? true) as boolean, dtype: dt(p.dtype) ?? "float64" };
    const n = (p.num ?? 50) as number;
    if (p.retstep === true) {
      const { samples, step } = np.linspaceStep(p.start as number, p.stop as number, n, options);
      return [samples, step];
    }
    return np.linspace(p.start as number, p.stop as number, n, options);
  },

  // -------------------------------------------------------------- broadcasting
  broadcast_to: (args, kw) => {
    const p = bind("broadcast_to", ["array", "shape"], args, kw);
    const shape = shapeOf(p.shape);
    return np.broadcastTo(arr(p.array), typeof shape === "number" ? [shape] : shape).copy();
  },
  broadcast_shapes: (args, kw) => {
    bind("broadcast_shapes", [], [], kw);
    return np.broadcastShapes(...args.map((s) => (typeof s === "number" ? [s] : (s as number[]))));
  },
  where: withPyFloats((args, kw) => {
    const p = bind("where", ["condition", "x", "y"], args, kw);
    return np.where(scalarArg(p.condition) as np.ArrayInput, scalarArg(p.x) as np.ArrayInput, scalarArg(p.y) as np.ArrayInput);
  }),
  clip: withPyFloats((args, kw) => {
    const p = bind("clip", ["a", "a_min", "a_max"], args, kw);
    return np.clip(scalarArg(p.a) as np.ArrayInput, scalarArg(p.a_min) as np.ArrayInput | null, scalarArg(p.a_max) as np.ArrayInput | null);
  }),

  // -------------------------------------------------------------- reductions
  sum: reduction("sum", "sum", ["a", "axis", "dtype", "out", "keepdims"]),
  prod: reduction("prod", "prod", ["a", "axis", "dtype", "out", "keepdims"]),
  mean: reduction("mean", "mean", ["a", "axis", "dtype", "out", "keepdims"]),
  std: reduction("std", "std", ["a", "axis", "dtype", "out", "ddof", "keepdims"]),
  var: reduction("var", "variance", ["a", "axis", "dtype", "out", "ddof", "keepdims"]),
  min: reduction("min", "min", ["a", "axis", "out", "keepdims"]),
  max: reduction("max", "max", ["a", "axis", "out", "keepdims"]),
  amin: reduction("amin", "min", ["a", "axis", "out", "keepdims"]),
  amax: reduction("amax", "max", ["a", "axis", "out", "keepdims"]),
  any: reduction("any", "any", ["a", "axis", "out", "keepdims"]),
  all: reduction("all", "all", ["a", "axis", "out", "keepdims"]),
  argmin: axisReduction("argmin", "argmin", ["a", "axis", "out", "keepdims"]),
  argmax: axisReduction("argmax", "argmax", ["a", "axis", "out", "keepdims"]),
  cumsum: axisReduction("cumsum", "cumsum", ["a", "axis", "dtype", "out"]),
  cumprod: axisReduction("cumprod", "cumprod", ["a", "axis", "dtype", "out"]),

  // -------------------------------------------------------------- shape
  reshape: (args, kw) => {
    const p = bind("reshape", ["a", "newshape", "order"], args, kw);
    return np.reshape(arr(p.a), shapeOf(p.newshape), (p.order ?? "C") as "C" | "F");
  },
  ravel: (args, kw) => {
    const p = bind("ravel", ["a", "order"], args, kw);
    return np.ravel(arr(p.a), (p.order ?? "C") as "C" | "F");
  },
  transpose: (args, kw) => {
    const p = bind("transpose", ["a", "axes"], args, kw);
    return np.transpose(arr(p.a), undef(p.axes) as number[] | undefined);
  },
  swapaxes: (args, kw) => {
    const p = bind("swapaxes", ["a", "axis1", "axis2"], args, kw);
    return np.swapaxes(arr(p.a), p.axis1 as number, p.axis2 as number);
  },
  moveaxis: (args, kw) => {
    const p = bind("moveaxis", ["a", "source", "destination"], args, kw);
    return np.moveaxis(arr(p.a), p.source as number | number[], p.destination as number | number[]);
  },
  squeeze: (args, kw) => {
    const p = bind("squeeze", ["a", "axis"], args, kw);
    return np.squeeze(arr(p.a), undef(p.axis) as number | number[] | undefined);
  },
  expand_dims: (args, kw) => {
    const p = bind("expand_dims", ["a", "axis"], args, kw);
    return np.expandDims(arr(p.a), p.axis as number | number[]);
  },
  flip: (args, kw) => {
    const p = bind("flip", ["m", "axis"], args, kw);
    return np.flip(arr(p.m), axisOf(p.axis));
  },
  fliplr: (args, kw) => np.fliplr(arr(bind("fliplr", ["m"], args, kw).m)),
  flipud: (args, kw) => np.flipud(arr(bind("flipud", ["m"], args, kw).m)),
  diagonal: (args, kw) => {
    const p = bind("diagonal", ["a", "offset", "axis1", "axis2"], args, kw);
    return np.diagonal(arr(p.a), (p.offset ?? 0) as number, (p.axis1 ?? 0) as number, (p.axis2 ?? 1) as number);
  },
  copy: (args, kw) => np.copy(arr(bind("copy", ["a"], args, kw).a)),

  // -------------------------------------------------------------- indexing
  getitem: (args, kw) => {
    const p = bind("getitem", ["a", "index"], args, kw);
    return arr(p.a).slice(...(p.index as np.Index[]));
  },

  // -------------------------------------------------------------- stacking (src/stacking.ts)
  concatenate: (args, kw) => {
    const p = bind("concatenate", ["arrays", "axis"], args, kw);
    return lib("concatenate")(p.arrays, p.axis === undefined ? 0 : p.axis);
  },
  stack: (args, kw) => {
    const p = bind("stack", ["arrays", "axis"], args, kw);
    return lib("stack")(p.arrays, p.axis ?? 0);
  },
  vstack: (args, kw) => lib("vstack")(bind("vstack", ["tup"], args, kw).tup),
  hstack: (args, kw) => lib("hstack")(bind("hstack", ["tup"], args, kw).tup),
  dstack: (args, kw) => lib("dstack")(bind("dstack", ["tup"], args, kw).tup),
  column_stack: (args, kw) => lib("columnStack")(bind("column_stack", ["tup"], args, kw).tup),
  split: (args, kw) => {
    const p = bind("split", ["ary", "indices_or_sections", "axis"], args, kw);
    return lib("split")(p.ary, p.indices_or_sections, p.axis ?? 0);
  },
  array_split: (args, kw) => {
    const p = bind("array_split", ["ary", "indices_or_sections", "axis"], args, kw);
    return lib("arraySplit")(p.ary, p.indices_or_sections, p.axis ?? 0);
  },
  hsplit: (args, kw) => {
    const p = bind("hsplit", ["ary", "indices_or_sections"], args, kw);
    return lib("hsplit")(p.ary, p.indices_or_sections);
  },
  vsplit: (args, kw) => {
    const p = bind("vsplit", ["ary", "indices_or_sections"], args, kw);
    return lib("vsplit")(p.ary, p.indices_or_sections);
  },
  dsplit: (args, kw) => {
    const p = bind("dsplit", ["ary", "indices_or_sections"], args, kw);
    return lib("dsplit")(p.ary, p.indices_or_sections);
  },

  // -------------------------------------------------------------- products (src/products/)
  matmul: (args, kw) => {
    const p = bind("matmul", ["x1", "x2"], args, kw);
    return lib("matmul")(p.x1, p.x2);
  },
  dot: withPyFloats((args, kw) => {
    const p = bind("dot", ["a", "b"], args, kw);
    return lib("dot")(scalarArg(p.a), scalarArg(p.b));
  }),
  vdot: (args, kw) => {
    const p = bind("vdot", ["a", "b"], args, kw);
    return lib("vdot")(p.a, p.b);
  },
  inner: (args, kw) => {
    const p = bind("inner", ["a", "b"], args, kw);
    return lib("inner")(p.a, p.b);
  },
  outer: (args, kw) => {
    const p = bind("outer", ["a", "b"], args, kw);
    return lib("outer")(p.a, p.b);
  },
  cross: (args, kw) => {
    const p = bind("cross", ["a", "b", "axisa", "axisb", "axisc", "axis"], args, kw);
    const options: Record<string, unknown> = {};
    for (const k of ["axisa", "axisb", "axisc", "axis"]) if (p[k] !== undefined && p[k] !== null) options[k] = p[k];
    return Object.keys(options).length ? lib("cross")(p.a, p.b, options) : lib("cross")(p.a, p.b);
  },
  tensordot: (args, kw) => {
    const p = bind("tensordot", ["a", "b", "axes"], args, kw);
    return lib("tensordot")(p.a, p.b, p.axes ?? 2);
  },
  kron: (args, kw) => {
    const p = bind("kron", ["a", "b"], args, kw);
    return lib("kron")(p.a, p.b);
  },
  einsum: (args, kw) => {
    bind("einsum", [], [], kw);
    const [subscripts, ...operands] = args;
    return lib("einsum")(subscripts, ...operands);
  },

  // -------------------------------------------------------------- random (src/random/)
  "random.seed": (args, kw) => {
    const p = bind("random.seed", ["seed", "calls"], args, kw);
    const module = randomModule();
    const seed = module.seed;
    if (typeof seed !== "function") throw new OpUnavailable("np.random.seed");
    (seed as AnyFn)(p.seed);
    return (p.calls as RandomCall[]).map((call) => callRandom(module, call, "np.random"));
  },
  "random.default_rng": (args, kw) => {
    const p = bind("random.default_rng", ["seed", "calls"], args, kw);
    const g = defaultRng()(p.seed) as Record<string, unknown>;
    return (p.calls as RandomCall[]).map((call) => callRandom(g, call, "Generator"));
  },

  // -------------------------------------------------------------- the everyday family (ops-*.ts)
  ...everydayIndexingOps,
  ...everydayStatisticsOps,
  ...everydayElementwiseOps,
};
