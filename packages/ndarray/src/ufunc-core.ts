/**
 * The ufunc machinery: how one element-wise call runs, shared by every ufunc (ufunc-binary.ts,
 * ufunc-unary.ts, where-clip.ts). `makeBinary(def)` and `makeUnary(def)` turn a definition
 * (scalar function per dtype kind, loop and output dtype rules) into the public function.
 *
 * How one call runs:
 *   1. inputs become arrays (JS numbers are 0-d scalars, which take part in promotion by kind
 *      only, as NumPy 1.24's value-based casting);
 *   2. the loop dtype is the promoted dtype, adjusted per function (true division of
 *      integers loops in float64; comparisons output bool);
 *   3. inputs not of the loop dtype are cast, shapes broadcast, and the strided map kernel
 *      (kernels/elementwise.ts) fills the output: `out` itself when given with the result
 *      dtype, else a new array (copied into `out` afterwards, casting "same_kind").
 *
 * Reference: NumPy's ufunc machinery (numpy/core/src/umath/ufunc_object.c; "Universal
 * functions (ufunc)" in the NumPy reference, type casting rules and `out`).
 */
import { allocate, resultType, scalarDType, type DType, type TypeOperand } from "./dtype.js";
import { DTypeError, ShapeError, ValueError } from "./errors.js";
import { copyStrided, type Strided } from "./kernels/copy.js";
import {
  mapBinary,
  mapComplexBinary,
  mapComplexUnary,
  mapUnary,
  Op,
  UnaryOp,
  type Binary,
  type ComplexBinary,
  type ComplexUnary,
  type Unary,
} from "./kernels/elementwise.js";
import { checkOptions, describe } from "./validate.js";
import { fromNested, NDArray, type NestedArray } from "./ndarray.js";
import { broadcastOperandShapes, broadcastStrides, fmtShape, shapesEqual, type Shape } from "./shape.js";

/** What an element-wise function accepts: an array, a JS scalar or nested JS arrays. */
export type ArrayInput = NDArray | number | boolean | NestedArray;

export interface UfuncOptions {
  /** Write the result here (it must have the broadcast shape; its dtype is cast to). */
  out?: NDArray;
}

export interface Input {
  array: NDArray;
  scalar: boolean;
}

export function toInput(x: ArrayInput, fn: string): Input {
  if (x instanceof NDArray) return { array: x, scalar: x.ndim === 0 };
  if (typeof x === "number" || typeof x === "boolean") {
    const dtype = scalarDType(x);
    const data = allocate(dtype, 1);
    data[0] = Number(x);
    return { array: new NDArray(data, [], dtype), scalar: true };
  }
  const array = fromNested(x, fn);
  return { array, scalar: array.ndim === 0 };
}

/** A strided description of `a` read as `shape` (broadcast). */
export function readAs(a: NDArray, shape: Shape): Strided {
  return { data: a.data, dtype: a.dtype, strides: broadcastStrides(a.shape, a.strides, shape), offset: a.offset };
}

/** A ufunc's options: only `out`, which must be an NDArray. */
function checkUfuncOptions(fn: string, options: UfuncOptions): void {
  checkOptions(fn, options, ["out"]);
  if (options.out !== undefined && !(options.out instanceof NDArray)) throw new ValueError(`${fn}: out must be an NDArray, got ${describe(options.out)}`);
}

/** Kinds in NumPy's casting order: bool < integer < float < complex. */
const KIND_ORDER: Record<DType, number> = { bool: 0, int32: 1, float32: 2, float64: 2, complex128: 3 };

/** The output array: `out` itself when given with the result dtype, else a fresh array. */
function prepareOut(fn: string, shape: number[], dtype: DType, out?: NDArray): NDArray {
  if (out === undefined)
    return new NDArray(
      allocate(
        dtype,
        shape.reduce((p, d) => p * d, 1),
      ),
      shape,
      dtype,
    );
  if (!shapesEqual(out.shape, shape)) {
    throw new ShapeError(`${fn}: out has shape ${fmtShape(out.shape)}, but the result has shape ${fmtShape(shape)}`);
  }
  if (!out.flags.writeable) throw new ValueError(`${fn}: out is read-only`);
  if (out.dtype === dtype) return out;
  // NumPy's default casting rule for out, "same_kind": float64 -> float32 is allowed, float ->
  // int or int -> bool is not (np.add(ints, 0.5, out=ints) raises rather than truncate).
  if (KIND_ORDER[dtype] > KIND_ORDER[out.dtype]) {
    throw new DTypeError(
      `${fn}: cannot cast the ${dtype} result to out's dtype ${out.dtype} with casting rule 'same_kind'; compute into a ${dtype} array, or cast explicitly with astype("${out.dtype}")`,
    );
  }
  return new NDArray(allocate(dtype, out.size), shape, dtype);
}

/** Copy the result into the caller's `out` when it was computed in a temporary of another dtype. */
export function finish(result: NDArray, out?: NDArray): NDArray {
  if (out === undefined || out === result) return result;
  copyStrided(result.shape, result, out);
  return out;
}

/** An input that shares memory with `out` in another layout is copied first (so a[1:] = a[:-1] + 1 is right). */
function guardOverlap(a: NDArray, out: NDArray | undefined): NDArray {
  if (out === undefined || a.data !== out.data) return a;
  if (a.offset === out.offset && shapesEqual(a.shape, out.shape) && a.strides.every((s, i) => s === out.strides[i])) return a;
  return a.copy();
}

// ------------------------------------------------------------------ binary ufuncs

export interface BinaryDef {
  name: string;
  /** The dedicated-loop code, for the four arithmetic operators. */
  op?: Op;
  /** The scalar function on floats (and on ints, unless `int` is given). */
  f: Binary;
  /** int32 version (wrapping multiply, floor division by 0 = 0, …). */
  int?: Binary;
  /** bool version; when absent, bool inputs loop in int32. */
  bool?: Binary | "error";
  complex?: ComplexBinary;
  /** Loop dtype from the promoted input dtype (default: the promoted dtype itself). */
  loop?: (t: DType) => DType;
  /** Output dtype from the loop dtype (default: the loop dtype). */
  out?: (t: DType) => DType;
}

export const floatLoop = (t: DType): DType => (t === "int32" || t === "bool" ? "float64" : t);
export const boolOut = (): DType => "bool";

export function makeBinary(def: BinaryDef) {
  return function ufunc(x: ArrayInput, y: ArrayInput, options: UfuncOptions = {}): NDArray {
    const fn = def.name;
    checkUfuncOptions(fn, options);
    const a = toInput(x, fn);
    const b = toInput(y, fn);
    let loop = resultType([a, b].map((o): TypeOperand => ({ dtype: o.array.dtype, scalar: o.scalar })));
    if (def.loop) loop = def.loop(loop);
    if (loop === "bool" && def.bool === "error") {
      throw new DTypeError(`${fn}: not supported for bool operands; use logicalXor/logicalNot or cast with astype("int32")`);
    }
    if (loop === "bool" && def.bool === undefined) loop = "int32";
    if (loop === "complex128" && !def.complex) throw new DTypeError(`${fn}: not supported for complex128 operands`);
    const outType = def.out ? def.out(loop) : loop;
    const shape = broadcastOperandShapes(fn, [a.array.shape, b.array.shape]);
    const A = guardOverlap(a.array.dtype === loop ? a.array : a.array.astype(loop), options.out);
    const B = guardOverlap(b.array.dtype === loop ? b.array : b.array.astype(loop), options.out);
    const result = prepareOut(fn, shape, outType, options.out);
    if (loop === "complex128") {
      mapComplexBinary(shape, readAs(A, shape), readAs(B, shape), result, outType === "complex128", def.complex!);
    } else {
      const f = loop === "int32" ? (def.int ?? def.f) : loop === "bool" ? (def.bool as Binary) : def.f;
      // the dedicated loops are exact for floats; ints and bools go through f (wrapping, logic)
      const op = loop === "float64" || loop === "float32" ? (def.op ?? Op.Generic) : Op.Generic;
      mapBinary(shape, readAs(A, shape), readAs(B, shape), result, op, f);
    }
    return finish(result, options.out);
  };
}

// ------------------------------------------------------------------ unary ufuncs

export interface UnaryDef {
  name: string;
  f: Unary;
  /** The dedicated float64 loop when f is one of kernels' UnaryOp operators (square, sqrt, …). */
  op?: UnaryOp;
  int?: Unary;
  bool?: Unary | "error";
  complex?: ComplexUnary;
  /** dtype of the complex result: complex128 (default) or float64 (abs, angle, real, imag). */
  complexOut?: DType;
  loop?: (t: DType) => DType;
  out?: (t: DType) => DType;
}

export function makeUnary(def: UnaryDef) {
  return function ufunc(x: ArrayInput, options: UfuncOptions = {}): NDArray {
    const fn = def.name;
    checkUfuncOptions(fn, options);
    const a = toInput(x, fn).array;
    let loop: DType = def.loop ? def.loop(a.dtype) : a.dtype;
    if (loop === "bool" && def.bool === "error") throw new DTypeError(`${fn}: not supported for bool input; cast with astype("int32") first`);
    if (loop === "bool" && def.bool === undefined) loop = "int32";
    if (loop === "complex128" && !def.complex) throw new DTypeError(`${fn}: not supported for complex128 input`);
    const outType = loop === "complex128" ? (def.complexOut ?? "complex128") : def.out ? def.out(loop) : loop;
    const A = guardOverlap(a.dtype === loop ? a : a.astype(loop), options.out);
    const result = prepareOut(fn, A.shape.slice(), outType, options.out);
    if (loop === "complex128") mapComplexUnary(A.shape, A, result, outType === "complex128", def.complex!);
    else
      mapUnary(
        A.shape,
        A,
        result,
        loop === "int32" ? (def.int ?? def.f) : loop === "bool" ? (def.bool as Unary) : def.f,
        loop === "float64" ? (def.op ?? UnaryOp.Generic) : UnaryOp.Generic,
      );
    return finish(result, options.out);
  };
}
