/**
 * Golden registry entries of the everyday family (cases/everyday.json) for: sort, argsort, unique, searchsorted, bincount, histogram, isin, median, percentile, quantile, average, cov, corrcoef, ptp, nansum, nanmean, nanmax, nanmin.
 * Merged into `ndarrayOps` by ops.ts; see ops.ts for the binding conventions (`bind`, `lib`).
 *
 * NumPy's keywords become our options objects (snake_case -> camelCase: return_counts ->
 * returnCounts, equal_nan -> equalNan); results NumPy returns as tuples (unique with flags,
 * histogram, average with returned) are our named tuples, spread into the case's list.
 * Python ints vs floats do not matter here (no value-based casting in these functions).
 */
import type { OpFn, OpRegistry } from "./harness.js";
import { arr, axisOf, bind, camel, dt, lib, type Kwargs } from "./bind.js";

/** The NumPy keywords in `p` (minus `skip`), camelCased, without undefined ones. */
function optionsFrom(p: Kwargs, skip: readonly string[]): Kwargs {
  const out: Kwargs = {};
  for (const [k, v] of Object.entries(p)) if (!skip.includes(k) && v !== undefined) out[camel(k)] = v;
  return out;
}

/** A reduction-like op: NumPy's names, `a` first, everything else as options (out must be absent). */
function reducer(op: string, ours: string, names: readonly string[], first = ["a"]): OpFn {
  return (args, kw) => {
    const p = bind(op, names, args, kw);
    if (p.out !== undefined && p.out !== null) throw new Error(`golden registry: ${op} does not map out=`);
    // overwrite_input only lets NumPy scribble on its input; ours never does
    const options = optionsFrom(p, [...first, "out", "overwrite_input"]);
    if ("axis" in options) options.axis = axisOf(options.axis);
    if ("dtype" in options) options.dtype = dt(options.dtype);
    return lib(ours)(...first.map((k) => (k === "a" || k === "m" || k === "x" ? arr(p[k]) : p[k])), options);
  };
}

/** A named-tuple result as the case's list (NumPy's tuple order); anything else unchanged. */
const asList = (r: unknown): unknown => (r !== null && typeof r === "object" && Symbol.iterator in r && !("shape" in r) ? [...(r as Iterable<unknown>)] : r);

export const everydayStatisticsOps: OpRegistry = {
  sort: reducer("sort", "sort", ["a", "axis", "kind", "order"]),
  argsort: reducer("argsort", "argsort", ["a", "axis", "kind", "order"]),
  unique: (args, kw) => {
    const p = bind("unique", ["ar", "return_index", "return_inverse", "return_counts", "axis", "equal_nan"], args, kw);
    return asList(lib("unique")(arr(p.ar), optionsFrom(p, ["ar"])));
  },
  searchsorted: (args, kw) => {
    const p = bind("searchsorted", ["a", "v", "side", "sorter"], args, kw);
    return lib("searchsorted")(arr(p.a), arr(p.v), optionsFrom(p, ["a", "v"]));
  },
  bincount: (args, kw) => {
    const p = bind("bincount", ["x", "weights", "minlength"], args, kw);
    return lib("bincount")(arr(p.x), optionsFrom(p, ["x"]));
  },
  histogram: (args, kw) => {
    const p = bind("histogram", ["a", "bins", "range", "density", "weights"], args, kw);
    return asList(lib("histogram")(arr(p.a), optionsFrom(p, ["a"])));
  },
  isin: (args, kw) => {
    const p = bind("isin", ["element", "test_elements", "assume_unique", "invert", "kind"], args, kw);
    return lib("isin")(arr(p.element), arr(p.test_elements), optionsFrom(p, ["element", "test_elements"]));
  },
  median: reducer("median", "median", ["a", "axis", "out", "overwrite_input", "keepdims"]),
  percentile: reducer("percentile", "percentile", ["a", "q", "axis", "out", "overwrite_input", "method", "keepdims"], ["a", "q"]),
  quantile: reducer("quantile", "quantile", ["a", "q", "axis", "out", "overwrite_input", "method", "keepdims"], ["a", "q"]),
  nanpercentile: reducer("nanpercentile", "nanpercentile", ["a", "q", "axis", "out", "method", "keepdims"], ["a", "q"]),
  nanquantile: reducer("nanquantile", "nanquantile", ["a", "q", "axis", "out", "method", "keepdims"], ["a", "q"]),
  average: (args, kw) => {
    const p = bind("average", ["a", "axis", "weights", "returned", "keepdims"], args, kw);
    const options = optionsFrom(p, ["a"]);
    if ("axis" in options) options.axis = axisOf(options.axis);
    return asList(lib("average")(arr(p.a), options));
  },
  cov: reducer("cov", "cov", ["m", "y", "rowvar", "bias", "ddof", "fweights", "aweights", "dtype"], ["m"]),
  corrcoef: reducer("corrcoef", "corrcoef", ["x", "y", "rowvar", "dtype"], ["x"]),
  ptp: reducer("ptp", "ptp", ["a", "axis", "out", "keepdims"]),
  nansum: reducer("nansum", "nansum", ["a", "axis", "dtype", "out", "keepdims"]),
  nanprod: reducer("nanprod", "nanprod", ["a", "axis", "dtype", "out", "keepdims"]),
  nanmean: reducer("nanmean", "nanmean", ["a", "axis", "dtype", "out", "keepdims"]),
  nanvar: reducer("nanvar", "nanvar", ["a", "axis", "dtype", "out", "ddof", "keepdims"]),
  nanstd: reducer("nanstd", "nanstd", ["a", "axis", "dtype", "out", "ddof", "keepdims"]),
  nanmax: reducer("nanmax", "nanmax", ["a", "axis", "out", "keepdims"]),
  nanmin: reducer("nanmin", "nanmin", ["a", "axis", "out", "keepdims"]),
  nanmedian: reducer("nanmedian", "nanmedian", ["a", "axis", "out", "overwrite_input", "keepdims"]),
};
