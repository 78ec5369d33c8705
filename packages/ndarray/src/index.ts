/**
 * @sliderule/ndarray: n-d arrays with NumPy's semantics.
 *
 *   import * as np from "@sliderule/ndarray";
 *   const a = np.arange(6).reshape(2, 3);
 *   a.add(1).sum({ axis: 0 });
 */
import "./methods.js";

export { NDArray, newaxis, slice, checkedParseSlice as parseSlice, checkedSliceIndices as sliceIndices } from "./ndarray.js";
export type { Complex, Flags, Index, IndexArray, NestedArray, Slice } from "./ndarray.js";
export { DTYPES, ITEMSIZE, checkedPromoteTypes as promoteTypes, checkedResultType as resultType } from "./dtype.js";
export type { DType, TypedArray } from "./dtype.js";
export { AxisError, DTypeError, IndexError, MemoryError, ShapeError, ValueError, ZeroDivisionError } from "./errors.js";
export { broadcastShapes } from "./shape.js";
export * from "./creation.js";
export * from "./manipulation.js";
export { tile, repeat } from "./tiling.js";
export { pad } from "./padding.js";
export type { PadMode, PadOptions, PadPairs } from "./padding.js";
export * from "./ufunc.js";
export {
  sum,
  prod,
  mean,
  variance,
  variance as var,
  std,
  min,
  max,
  min as amin,
  max as amax,
  any,
  all,
  argmin,
  argmax,
  cumsum,
  cumprod,
} from "./reductions.js";
export type { ReduceOptions, VarOptions, ArgOptions, AccumulateOptions } from "./reductions.js";
export * from "./sorting.js";
export { take, put, compress, nonzero, flatnonzero, argwhere, countNonzero } from "./indexing.js";
export type { TakeMode, TakeOptions, CountNonzeroOptions } from "./indexing.js";
export type { SortOptions } from "./sorting.js";
export { median, quantile, percentile, average, ptp } from "./statistics.js";
export type { QuantileMethod, QuantileOptions, MedianOptions, AverageOptions, AverageResult, AxisArg, FullOf, AlongOf } from "./statistics.js";
export * from "./covariance.js";
export * from "./nan-reductions.js";
export * from "./histograms.js";
export * from "./sets.js";
export { isclose, allclose, arrayEqual } from "./compare.js";
export type { CloseOptions } from "./compare.js";
export { concatenate, stack, vstack, hstack, dstack, columnStack, split, arraySplit, hsplit, vsplit, dsplit } from "./stacking.js";
export { matmul, dot, vdot, inner, outer, tensordot, cross, kron, einsum, einsumPath } from "./products/index.js";
export type { MatmulOptions, DotOptions, TensordotAxes, CrossOptions, EinsumPath, EinsumPathStep } from "./products/index.js";
export { formatArray, arrayToString, setPrintOptions, getPrintOptions, withPrintOptions } from "./print.js";
export type { PrintOptions, FloatMode } from "./print.js";
export { formatFloatPositional, formatFloatScientific } from "./dragon4.js";
export type { PositionalOptions, ScientificOptions, TrimMode } from "./dragon4.js";
export * as random from "./random/index.js";
export { defaultRng } from "./random/index.js";
export { showConfig, setBackend, getBackend } from "./kernels/index.js";
export { triu, tril, trace, fillDiagonal } from "./triangles.js";
export type { TraceOptions } from "./triangles.js";
export { batched } from "./batched.js";
export type { Batched, RealVector, ComplexVector, RealMatrix, ComplexMatrix, NestedStack } from "./batched.js";
export { namedTuple } from "./named-tuple.js";
export * as warnings from "./warnings.js";
export { Warning, RuntimeWarning, LinAlgWarning } from "./warnings.js";
export type { NamedTuple } from "./named-tuple.js";
export { sharesMemory, mayShareMemory } from "./memory.js";
export { toNpy, fromNpy } from "./io/npy.js";
export { toNpz, fromNpz } from "./io/npz.js";
