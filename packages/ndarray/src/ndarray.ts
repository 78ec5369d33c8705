/**
 * The NDArray, complete: the class (ndarray-class.ts) with advanced indexing installed
 * (advanced-index.ts), and the types and helpers that go with it. Import NDArray from here.
 *
 *   element (i_0, …, i_{d-1})  lives at  data[offset + Σ_k i_k · strides[k]]
 *
 * Where each part lives:
 *   ndarray-class.ts   the class: layout accessors, get/set, views, copies, casting
 *   slicing.ts         Slice, slice(), parseSlice, sliceIndices, the basic-indexing view
 *   advanced-index.ts  gather/scatter through index arrays and masks (copies)
 *   reshape.ts         reshape targets and no-copy strides
 *   nested.ts          nested JS arrays -> buffer (np.array's parse)
 *   flags.ts           a.flags and the read-only attribute error
 * Arithmetic, reductions, printing and the rest are installed as methods by `methods.ts`.
 *
 * The gather builds NDArrays, so the class cannot import it without an import cycle; it is
 * installed here, once, before any module that imports this one runs.
 */
import { gatherIndex, scatterIndex } from "./advanced-index.js";
import { installAdvancedIndexing } from "./ndarray-class.js";

installAdvancedIndexing({ gather: gatherIndex, scatter: scatterIndex });

export { assign, fromNested, NDArray } from "./ndarray-class.js";
export type { Index, IndexArray } from "./ndarray-class.js";
export type { Flags } from "./flags.js";
export { MAX_DIMS } from "./nested.js";
export type { Complex, NestedArray } from "./nested.js";
export { checkedParseSlice, checkedSliceIndices, newaxis, parseSlice, slice, sliceIndices } from "./slicing.js";
export type { Slice } from "./slicing.js";
