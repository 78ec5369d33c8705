/**
 * Golden registry entries of the everyday family (cases/everyday.json) for: advanced indexing (getitem/setitem with integer arrays and masks), take, put, compress, where, nonzero, argwhere, count_nonzero.
 * Merged into `ndarrayOps` by ops.ts; see ops.ts for the binding conventions (`bind`, `lib`).
 *
 * The harness decodes the encoded arrays inside an index list to NDArrays (int64 -> int32,
 * bool masks stay bool), slices to Slice objects and ellipsis to "...", so an index list is
 * passed to `slice`/`set` as it comes. Results NumPy returns as tuples (nonzero, one-argument
 * where) are our JS arrays of index arrays, which the checker compares as the case's list.
 */
import * as np from "@sliderule/ndarray";
import type { NDArray } from "@sliderule/ndarray";
import { scalarArg, withPyFloats, type OpRegistry } from "./harness.js";
import { arr, axisOf, bind } from "./bind.js";

/** NumPy's `out=` has no counterpart in these functions: a case that uses it is a registry error. */
function noOut(op: string, out: unknown): void {
  if (out !== undefined && out !== null) throw new Error(`golden registry: ${op} does not map out=`);
}

export const everydayIndexingOps: OpRegistry = {
  // a[tuple(index)], with index arrays and masks (the basic families use the same entry in ops.ts)
  getitem: (args, kw) => {
    const p = bind("getitem", ["a", "index"], args, kw);
    return arr(p.a).slice(...(p.index as np.Index[]));
  },
  // b = a.copy(); b[tuple(index)] = value; the whole of b
  setitem: (args, kw) => {
    const p = bind("setitem", ["a", "index", "value"], args, kw);
    const b = arr(p.a).copy();
    b.set(...(p.index as np.Index[]), p.value as NDArray | np.NestedArray);
    return b;
  },
  take: (args, kw) => {
    const p = bind("take", ["a", "indices", "axis", "out", "mode"], args, kw);
    noOut("take", p.out);
    return np.take(arr(p.a), p.indices as np.ArrayLike, { axis: axisOf(p.axis) as number | null | undefined, mode: p.mode as np.TakeMode | undefined });
  },
  // np.put returns None: the case's expected value is the modified array
  put: (args, kw) => {
    const p = bind("put", ["a", "ind", "v", "mode"], args, kw);
    const b = arr(p.a).copy();
    np.put(b, p.ind as np.ArrayLike, p.v as np.ArrayLike, p.mode as np.TakeMode | undefined);
    return b;
  },
  compress: (args, kw) => {
    const p = bind("compress", ["condition", "a", "axis", "out"], args, kw);
    noOut("compress", p.out);
    return np.compress(p.condition as np.ArrayLike, arr(p.a), axisOf(p.axis) as number | null | undefined);
  },
  nonzero: (args, kw) => np.nonzero(arr(bind("nonzero", ["a"], args, kw).a)),
  flatnonzero: (args, kw) => np.flatnonzero(arr(bind("flatnonzero", ["a"], args, kw).a)),
  argwhere: (args, kw) => np.argwhere(arr(bind("argwhere", ["a"], args, kw).a)),
  count_nonzero: (args, kw) => {
    const p = bind("count_nonzero", ["a", "axis", "keepdims"], args, kw);
    return np.countNonzero(arr(p.a), { axis: axisOf(p.axis), keepdims: p.keepdims as boolean | undefined });
  },
  // where(condition) is nonzero(condition); where(condition, x, y) the element-wise choice
  where: withPyFloats((args, kw) => {
    const p = bind("where", ["condition", "x", "y"], args, kw);
    if (p.x === undefined && p.y === undefined) return np.where(scalarArg(p.condition) as np.ArrayInput);
    return np.where(scalarArg(p.condition) as np.ArrayInput, scalarArg(p.x) as np.ArrayInput, scalarArg(p.y) as np.ArrayInput);
  }),
};
