/**
 * Joining and splitting arrays: NumPy's `concatenate`, `stack`, `vstack`, `hstack`, `dstack`,
 * `column_stack` and `split`, `array_split`, `hsplit`, `vsplit`, `dsplit`.
 *
 * Joining allocates one C-contiguous result and copies every input into its slab of it:
 *
 *   out[..., o_k : o_k + n_k, ...] = x_k        (o_k = n_0 + … + n_{k-1} along `axis`)
 *
 * with the strided-copy kernel, which also casts each input to the promoted dtype of all of
 * them (`promoteTypes`, as NumPy's `result_type` for arrays). `stack` is `concatenate` of the
 * inputs each given a new length-1 axis; `vstack`, `hstack`, `dstack` and `columnStack` first
 * raise their inputs to at least 2, 1, 3 and 2 dimensions as NumPy does.
 *
 * Splitting never copies: every piece is a view of the input (`a.slice(...)`), as in NumPy.
 * `arraySplit` into k sections of an axis of length n gives the first n % k pieces
 * ⌊n/k⌋ + 1 elements and the rest ⌊n/k⌋; `split` insists on equal pieces.
 *
 * Reference: NumPy 1.24 `numpy/core/shape_base.py` and `numpy/lib/shape_base.py`.
 */
import { checkOptions, describe, checkArity } from "./validate.js";
import { promoteTypes } from "./dtype.js";
import { ShapeError, ValueError } from "./errors.js";
import { asarray, zeros, type ArrayLike } from "./creation.js";
import { copyStrided } from "./kernels/copy.js";
import { intList, isTypedArray, arrayArg } from "./array-args.js";
import { fromNested, NDArray, type NestedArray, type Slice } from "./ndarray.js";
import { fmtShape, normalizeAxis, shapesEqual } from "./shape.js";

// ------------------------------------------------------------------ joining

/**
 * The shared body of every joining function: check the inputs against each other, allocate
 * the result in the promoted dtype and copy input k into `out[..., o_k : o_k + n_k, ...]`.
 * `fn` names the public function in error messages.
 */
function join(xs: readonly NDArray[], axis: number, fn: string): NDArray {
  if (xs.length === 0) throw new ValueError(`${fn}: need at least one array to concatenate`);
  const first = xs[0];
  if (first.ndim === 0) throw new ValueError(`${fn}: zero-dimensional arrays cannot be concatenated`);
  const ndim = first.ndim;
  const ax = normalizeAxis(axis, ndim, fn);
  const shapes = () => xs.map((x) => fmtShape(x.shape)).join(", ");

  // Every input must agree with the first on every dimension but the joining one.
  for (let k = 1; k < xs.length; k++) {
    const x = xs[k];
    if (x.ndim !== ndim) {
      throw new ShapeError(
        `${fn}: all the input arrays must have same number of dimensions, but the array at index 0 has ${ndim} dimension(s) ` +
          `and the array at index ${k} has ${x.ndim} dimension(s) (shapes ${shapes()}; axis ${axis})`,
      );
    }
    for (let d = 0; d < ndim; d++) {
      if (d !== ax && x.shape[d] !== first.shape[d]) {
        throw new ShapeError(
          `${fn}: all the input array dimensions except for the concatenation axis must match exactly, but along dimension ${d}, ` +
            `the array at index 0 has size ${first.shape[d]} and the array at index ${k} has size ${x.shape[d]} (shapes ${shapes()}; axis ${axis})`,
        );
      }
    }
  }

  const dtype = xs.map((x) => x.dtype).reduce(promoteTypes);
  const shape = first.shape.slice();
  shape[ax] = xs.reduce((n, x) => n + x.shape[ax], 0);
  const out = zeros(shape, dtype);

  // Input k fills the slab o_k : o_k + n_k of the joining axis (the kernel casts as it copies).
  const index: Slice[] = shape.map(() => ({}));
  let o = 0;
  for (const x of xs) {
    const n = x.shape[ax];
    if (n > 0) {
      index[ax] = { start: o, stop: o + n };
      copyStrided(x.shape, x, out.slice(...index));
    }
    o += n;
  }
  return out;
}

/** NumPy's `atleast_1d`, `atleast_2d`, `atleast_3d` for one array (views). */
function atleast(x: NDArray, ndim: 1 | 2 | 3): NDArray {
  if (x.ndim >= ndim) return x;
  if (ndim === 1) return x.reshape(1);
  if (ndim === 2) return x.reshape(1, x.size); // () -> (1,1), (N,) -> (1,N)
  // atleast_3d: () -> (1,1,1), (N,) -> (1,N,1), (M,N) -> (M,N,1)
  if (x.ndim === 0) return x.reshape(1, 1, 1);
  if (x.ndim === 1) return x.reshape(1, x.shape[0], 1);
  return x.reshape(x.shape[0], x.shape[1], 1);
}

/** The axis as NumPy takes it: positional (`stack(xs, 1)`) or as the keyword (`stack(xs, { axis: 1 })`). */
function axisArg(fn: string, arg: number | null | { axis?: number | null } | undefined, fallback: number): number | null {
  if (arg === undefined) return fallback;
  if (arg !== null && typeof arg === "object") {
    const o = checkOptions(fn, arg, ["axis"]);
    return o.axis === undefined ? fallback : o.axis;
  }
  return arg;
}

/**
 * The list of arrays to join: a JS array of array-likes (each converted as `asarray` does, with
 * errors naming `fn`), or one NDArray, read as the list of its rows (as NumPy iterates it).
 */
function listOfArrays(fn: string, arrays: unknown): NDArray[] {
  if (arrays instanceof NDArray) return Array.from({ length: arrays.shape[0] ?? 0 }, (_, i) => arrays.slice(i));
  if (!Array.isArray(arrays)) throw new ValueError(`${fn}: expected a list of arrays, got ${describe(arrays)}`);
  return arrays.map((a: unknown) => arrayArg(a, fn));
}

/**
 * `np.concatenate(arrays, axis)`: join arrays along an existing axis.
 *
 * Shapes: inputs `(..., n_k, ...)` that agree on every other axis give `(..., Σ n_k, ...)`.
 * With `axis = null` every input is flattened first and the result is 1-D of length Σ size_k.
 * The dtype is the promotion of all the inputs' dtypes. The result is a new C-contiguous array.
 *
 * @throws ValueError if `arrays` is empty or an input is 0-d (with `axis` not null).
 * @throws AxisError if `axis` is out of range for the inputs' dimension.
 * @throws ShapeError if the inputs differ in dimension, or in size along another axis.
 *
 * @example
 * const c = concatenate([[[1, 2]], [[3, 4], [5, 6]]]); // (1,2) and (2,2) along axis 0
 * // c.shape -> [3, 2]; c.toArray() -> [[1, 2], [3, 4], [5, 6]]
 */
export function concatenate(arrays: readonly ArrayLike[], axisOrOptions: number | null | { axis?: number | null } = 0): NDArray {
  checkArity("concatenate", arguments.length, ["arrays", "axis"]);
  const axis = axisArg("concatenate", axisOrOptions, 0);
  const xs = listOfArrays("concatenate", arrays);
  if (axis === null)
    return join(
      xs.map((x) => x.ravel()),
      0,
      "concatenate",
    );
  return join(xs, axis, "concatenate");
}

/**
 * `np.stack(arrays, axis)`: join arrays of one shape along a new axis.
 *
 * Shapes: k inputs of shape `S` give a result with `k` inserted into `S` at `axis`
 * (`axis` counts in the result, so it may be `-1` for last or `S.length` for after the last).
 *
 * @throws ValueError if `arrays` is empty.
 * @throws ShapeError if the inputs' shapes differ.
 * @throws AxisError if `axis` is outside `[-(ndim+1), ndim]`.
 *
 * @example
 * const s = stack([[1, 2, 3], [4, 5, 6]], 1);
 * // s.shape -> [3, 2]; s.toArray() -> [[1, 4], [2, 5], [3, 6]]
 */
export function stack(arrays: readonly ArrayLike[], axisOrOptions: number | { axis?: number } = 0): NDArray {
  const axis = axisArg("stack", axisOrOptions, 0);
  if (axis === null) throw new ValueError(`stack: axis must be an integer, got null`);
  const xs = listOfArrays("stack", arrays);
  if (xs.length === 0) throw new ValueError(`stack: need at least one array to stack`);
  for (let k = 1; k < xs.length; k++) {
    if (!shapesEqual(xs[k].shape, xs[0].shape)) {
      throw new ShapeError(
        `stack: all input arrays must have the same shape, but the array at index 0 has shape ${fmtShape(xs[0].shape)} ` +
          `and the array at index ${k} has shape ${fmtShape(xs[k].shape)}`,
      );
    }
  }
  const ax = normalizeAxis(axis, xs[0].ndim + 1, "stack");
  return join(
    xs.map((x) => x.expandDims(ax)),
    ax,
    "stack",
  );
}

/**
 * `np.vstack(arrays)`: stack row-wise, along axis 0, after raising 1-D inputs `(N,)` to
 * `(1, N)` (and 0-d to `(1, 1)`). Rows of a matrix: `(m_k, N)` inputs give `(Σ m_k, N)`.
 *
 * @throws ValueError if `arrays` is empty; ShapeError if the column counts differ.
 *
 * @example
 * vstack([[1, 2, 3], [4, 5, 6]]).shape; // [2, 3]
 */
export function vstack(arrays: readonly ArrayLike[]): NDArray {
  checkArity("vstack", arguments.length, ["arrays"]);
  return join(
    listOfArrays("vstack", arrays).map((x) => atleast(x, 2)),
    0,
    "vstack",
  );
}

/**
 * `np.hstack(arrays)`: stack column-wise. 1-D inputs are joined end to end (axis 0); inputs
 * of two or more dimensions along axis 1: `(M, n_k)` give `(M, Σ n_k)`. 0-d inputs count as `(1,)`.
 *
 * @throws ValueError if `arrays` is empty; ShapeError if the inputs do not line up.
 *
 * @example
 * hstack([[1, 2], [3, 4, 5]]).toArray(); // [1, 2, 3, 4, 5]
 */
export function hstack(arrays: readonly ArrayLike[]): NDArray {
  checkArity("hstack", arguments.length, ["arrays"]);
  const xs = listOfArrays("hstack", arrays).map((x) => atleast(x, 1));
  return join(xs, xs.length > 0 && xs[0].ndim === 1 ? 0 : 1, "hstack");
}

/**
 * `np.dstack(arrays)`: stack depth-wise, along axis 2, after raising inputs to 3-D
 * (`(N,)` -> `(1, N, 1)`, `(M, N)` -> `(M, N, 1)`). Two `(M, N)` inputs give `(M, N, 2)`.
 *
 * @throws ValueError if `arrays` is empty; ShapeError if the inputs do not line up.
 *
 * @example
 * dstack([[[1, 2]], [[3, 4]]]).shape; // [1, 2, 2]
 */
export function dstack(arrays: readonly ArrayLike[]): NDArray {
  checkArity("dstack", arguments.length, ["arrays"]);
  return join(
    listOfArrays("dstack", arrays).map((x) => atleast(x, 3)),
    2,
    "dstack",
  );
}

/**
 * `np.column_stack(arrays)`: 1-D inputs `(N,)` become columns `(N, 1)`; 2-D inputs are
 * kept; all are joined along axis 1, giving `(N, Σ n_k)`.
 *
 * @throws ValueError if `arrays` is empty; ShapeError if the row counts differ.
 *
 * @example
 * columnStack([[1, 2, 3], [4, 5, 6]]).toArray(); // [[1, 4], [2, 5], [3, 6]]
 */
export function columnStack(arrays: readonly ArrayLike[]): NDArray {
  checkArity("columnStack", arguments.length, ["arrays"]);
  const xs = listOfArrays("columnStack", arrays).map((x) => {
    return x.ndim < 2 ? x.reshape(x.size, 1) : x; // () -> (1,1), (N,) -> (N,1)
  });
  return join(xs, 1, "columnStack");
}

// ------------------------------------------------------------------ splitting

/**
 * The shared body of the splitting functions: cut `a` along `axis` at the division points
 * `0 = p_0 ≤ p_1 … ≤ p_k = n` into views `a[..., p_i : p_{i+1}, ...]` (Python slice semantics,
 * so a point past the end gives an empty piece, and a negative one counts from the end).
 */
function splitAt(a: NDArray, points: readonly number[], ax: number): NDArray[] {
  const index: Slice[] = a.shape.map(() => ({}));
  const pieces: NDArray[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    index[ax] = { start: points[i], stop: points[i + 1] };
    pieces.push(a.slice(...index));
  }
  return pieces;
}

/**
 * Division points for `arraySplit`: a list of indices (a JS array, typed array or 1-D NDArray
 * of integers), or a number of sections. Anything else is a ValueError naming `fn`.
 */
function divisionPoints(n: number, indicesOrSections: unknown, fn: string): number[] {
  if (typeof indicesOrSections !== "number") return [0, ...intList(fn, "indicesOrSections", indicesOrSections), n];
  const k = indicesOrSections;
  if (!Number.isInteger(k) || k <= 0) throw new ValueError(`${fn}: number sections must be larger than 0, got ${k}`);
  // the first n % k sections hold ⌊n/k⌋ + 1 elements, the others ⌊n/k⌋
  const each = Math.floor(n / k);
  const extras = n % k;
  const points = [0];
  for (let i = 0; i < k; i++) points.push(points[i] + each + (i < extras ? 1 : 0));
  return points;
}

/**
 * `np.array_split(a, indices_or_sections, axis)`: split into views along `axis`, allowing
 * unequal pieces.
 *
 * - a number k: k pieces; along an axis of length n the first `n % k` have `⌊n/k⌋ + 1`
 *   elements and the rest `⌊n/k⌋` (`arraySplit(arange(7), 3)` -> lengths 3, 2, 2);
 * - a list of indices `[i_1, …, i_m]`: the m + 1 pieces `a[:i_1]`, `a[i_1:i_2]`, …, `a[i_m:]`
 *   (Python slices: indices past the end give empty pieces).
 *
 * Every piece is a view of `a` (writes through it change `a`).
 *
 * @throws ValueError if the number of sections is not a positive integer.
 * @throws AxisError if `axis` is out of range.
 *
 * @example
 * arraySplit([0, 1, 2, 3, 4], 3).map((p) => p.toArray()); // [[0, 1], [2, 3], [4]]
 */
export function arraySplit(a: ArrayLike, indicesOrSections: number | readonly number[], axis = 0): NDArray[] {
  checkArity("arraySplit", arguments.length, ["a", "indicesOrSections", "axis"]);
  return splitImpl(arrayArg(a, "arraySplit"), indicesOrSections, axis, "arraySplit", false);
}

/**
 * `np.split(a, indices_or_sections, axis)`: as {@link arraySplit}, but a number of sections
 * must divide the axis length exactly. Returns views.
 *
 * @throws ValueError "array split does not result in an equal division" if it does not.
 * @throws AxisError if `axis` is out of range.
 *
 * @example
 * split([1, 2, 3, 4, 5, 6], [2, 5]).map((p) => p.toArray()); // [[1, 2], [3, 4, 5], [6]]
 */
export function split(a: ArrayLike, indicesOrSections: number | readonly number[], axis = 0): NDArray[] {
  checkArity("split", arguments.length, ["a", "indicesOrSections", "axis"]);
  return splitImpl(arrayArg(a, "split"), indicesOrSections, axis, "split", true);
}

function splitImpl(a: NDArray, indicesOrSections: number | readonly number[], axis: number, fn: string, equal: boolean): NDArray[] {
  const ax = normalizeAxis(axis, a.ndim, fn);
  const n = a.shape[ax];
  if (equal && typeof indicesOrSections === "number" && Number.isInteger(indicesOrSections) && indicesOrSections > 0) {
    if (n % indicesOrSections !== 0) {
      throw new ValueError(
        `${fn}: array split does not result in an equal division: axis ${ax} of shape ${fmtShape(a.shape)} has length ${n}, not a multiple of ${indicesOrSections}`,
      );
    }
  }
  return splitAt(a, divisionPoints(n, indicesOrSections, fn), ax);
}

/**
 * `np.hsplit(a, indices_or_sections)`: {@link split} along axis 1 (axis 0 for 1-D input).
 *
 * @throws ValueError for 0-d input, or an unequal division.
 *
 * @example
 * hsplit([[1, 2, 3, 4]], 2).map((p) => p.shape); // [[1, 2], [1, 2]]
 */
export function hsplit(a: ArrayLike, indicesOrSections: number | readonly number[]): NDArray[] {
  checkArity("hsplit", arguments.length, ["a", "indicesOrSections"]);
  const x = arrayArg(a, "hsplit");
  if (x.ndim === 0) throw new ValueError(`hsplit: hsplit only works on arrays of 1 or more dimensions, got shape ${fmtShape(x.shape)}`);
  return splitImpl(x, indicesOrSections, x.ndim > 1 ? 1 : 0, "hsplit", true);
}

/**
 * `np.vsplit(a, indices_or_sections)`: {@link split} along axis 0 of an array of 2 or more
 * dimensions.
 *
 * @throws ValueError for input of fewer than 2 dimensions, or an unequal division.
 *
 * @example
 * vsplit([[1, 2], [3, 4], [5, 6], [7, 8]], [1]).map((p) => p.shape); // [[1, 2], [3, 2]]
 */
export function vsplit(a: ArrayLike, indicesOrSections: number | readonly number[]): NDArray[] {
  checkArity("vsplit", arguments.length, ["a", "indicesOrSections"]);
  const x = arrayArg(a, "vsplit");
  if (x.ndim < 2) throw new ValueError(`vsplit: vsplit only works on arrays of 2 or more dimensions, got shape ${fmtShape(x.shape)}`);
  return splitImpl(x, indicesOrSections, 0, "vsplit", true);
}

/**
 * `np.dsplit(a, indices_or_sections)`: {@link split} along axis 2 of an array of 3 or more
 * dimensions.
 *
 * @throws ValueError for input of fewer than 3 dimensions, or an unequal division.
 *
 * @example
 * dsplit(zeros([2, 2, 4]), 2).map((p) => p.shape); // [[2, 2, 2], [2, 2, 2]]
 */
export function dsplit(a: ArrayLike, indicesOrSections: number | readonly number[]): NDArray[] {
  const x = asarray(a);
  if (x.ndim < 3) throw new ValueError(`dsplit: dsplit only works on arrays of 3 or more dimensions, got shape ${fmtShape(x.shape)}`);
  return splitImpl(x, indicesOrSections, 2, "dsplit", true);
}
