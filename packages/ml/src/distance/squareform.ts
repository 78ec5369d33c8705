/**
 * squareform: a condensed distance vector to the square distance matrix, and back (SciPy's
 * `scipy.spatial.distance.squareform`).
 *
 *   vector -> matrix:  y of length m(m−1)/2  ->  D (m, m),  D[i, j] = D[j, i] = y[m·i − i(i+1)/2 + j − i − 1]
 *                      for i < j, D[i, i] = 0
 *   matrix -> vector:  D (m, m), symmetric with a zero diagonal  ->  its upper triangle, row by row
 *
 * The two are inverse to each other: squareform(squareform(y)) equals y element for element,
 * and squareform(squareform(D)) equals D for every valid distance matrix. The dtype is kept.
 * The vector's length must be a binomial coefficient m(m−1)/2; an empty vector gives the 1×1
 * zero matrix (one point) and a 1×1 matrix the empty vector, as in SciPy.
 *
 * Checks as SciPy's (`checks = true`): the matrix must be square, exactly symmetric and have
 * an exactly zero diagonal. With `checks: false` the upper triangle is taken as it is.
 *
 * Reference: SciPy, scipy.spatial.distance.squareform and is_valid_dm.
 */
import * as np from "@sliderule/ndarray";
import { NDArray } from "@sliderule/ndarray";
import { ValueError, show } from "../base.js";

export interface SquareformOptions {
  /** "tomatrix" or "tovector" demands that direction (the input must then be 1-D, resp. 2-D); default "no": by the input's rank. */
  force?: "no" | "tomatrix" | "tovector";
  /** Check that a matrix is symmetric with a zero diagonal before condensing it (default true). */
  checks?: boolean;
}

/**
 * `scipy.spatial.distance.squareform(X, force="no", checks=True)`.
 *
 * Shapes: `(m(m−1)/2,)` -> `(m, m)`, or `(m, m)` -> `(m(m−1)/2,)`; the dtype of X is kept
 * (nested JS arrays are float64). `force` may also be the second argument.
 *
 * @throws ValueError if X is not 1-D or 2-D, a vector's length is not m(m−1)/2, a matrix is
 *   not square, not symmetric or has a non-zero diagonal (with checks), or `force` contradicts X.
 * @example
 * squareform([5, 10, 5]).toArray()              // [[0, 5, 10], [5, 0, 5], [10, 5, 0]]
 * squareform([[0, 5, 10], [5, 0, 5], [10, 5, 0]]).toArray()   // [5, 10, 5]
 */
export function squareform(X: NDArray | number[] | number[][], forceOrOptions?: SquareformOptions["force"] | SquareformOptions): NDArray {
  const fn = "squareform";
  const options: SquareformOptions = typeof forceOrOptions === "string" ? { force: forceOrOptions } : checkOptionsObject(fn, forceOrOptions);
  const force = options.force ?? "no";
  const checks = options.checks ?? true;
  if (force !== "no" && force !== "tomatrix" && force !== "tovector") {
    throw new ValueError(`${fn}: force must be "no", "tomatrix" or "tovector", got ${show(force)}`);
  }
  if (typeof checks !== "boolean") throw new ValueError(`${fn}: option checks must be true or false, got ${show(checks)}`);
  let a: NDArray;
  if (X instanceof NDArray) a = X;
  else if (Array.isArray(X)) {
    try {
      a = np.array(X as np.NestedArray, "float64");
    } catch (e) {
      throw new ValueError(`${fn}: X could not be read as a numeric array: ${e instanceof Error ? e.message : String(e)}`);
    }
  } else throw new ValueError(`${fn}: X must be an NDArray or nested arrays of numbers, got ${show(X)}`);
  if (a.ndim !== 1 && a.ndim !== 2) {
    throw new ValueError(
      `${fn}: the first argument must be a 1-D (condensed) or 2-D (square) array; a ${a.ndim}-D array of shape (${a.shape.join(", ")}) is not permitted`,
    );
  }
  if (force === "tomatrix" && a.ndim !== 1)
    throw new ValueError(`${fn}: forcing "tomatrix" but X, of shape (${a.shape.join(", ")}), is not a condensed distance vector`);
  if (force === "tovector" && a.ndim !== 2) throw new ValueError(`${fn}: forcing "tovector" but X, of shape (${a.shape[0]},), is not a distance matrix`);
  // complex values take two slots of the buffer: copy them as pairs
  const c = a.dtype === "complex128" ? 2 : 1;
  const src = a.toTypedArray();
  return a.ndim === 1 ? toMatrix(fn, a, src, c) : toVector(fn, a, src, c, checks);
}

function checkOptionsObject(fn: string, o: unknown): SquareformOptions {
  if (o === undefined) return {};
  if (o === null || typeof o !== "object" || Array.isArray(o) || o instanceof NDArray) {
    throw new ValueError(`${fn}: the second argument must be "no", "tomatrix", "tovector" or an options object { force, checks }, got ${show(o)}`);
  }
  for (const key of Object.keys(o)) {
    if (key !== "force" && key !== "checks") throw new ValueError(`${fn}: unknown option '${key}'; its options are force, checks`);
  }
  return o as SquareformOptions;
}

/** y (L,) -> D (m, m) with L = m(m−1)/2. */
function toMatrix(fn: string, a: NDArray, y: np.TypedArray, c: number): NDArray {
  const L = a.shape[0];
  // m(m−1)/2 = L  <=>  m = (1 + sqrt(1 + 8L)) / 2; the square root is exact for these integers
  const m = Math.ceil(Math.sqrt(2 * L));
  if ((m * (m - 1)) / 2 !== L) {
    throw new ValueError(`${fn}: a condensed distance vector must have length m(m−1)/2 for some integer m ≥ 2 (1, 3, 6, 10, …), got length ${L}`);
  }
  const n = Math.max(m, 1);
  const D = new (y.constructor as new (len: number) => np.TypedArray)(n * n * c);
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++, k++) {
      for (let t = 0; t < c; t++) {
        D[(i * n + j) * c + t] = y[k * c + t];
        D[(j * n + i) * c + t] = y[k * c + t];
      }
    }
  }
  return np.fromTypedArray(D, [n, n], a.dtype);
}

/** D (m, m) -> its upper triangle (m(m−1)/2,), after SciPy's is_valid_dm checks. */
function toVector(fn: string, a: NDArray, D: np.TypedArray, c: number, checks: boolean): NDArray {
  const [m, m2] = a.shape;
  if (m !== m2) throw new ValueError(`${fn}: a distance matrix must be square, got shape (${m}, ${m2})`);
  if (checks) {
    for (let i = 0; i < m; i++) {
      for (let j = i + 1; j < m; j++) {
        for (let t = 0; t < c; t++) {
          const u = D[(i * m + j) * c + t];
          const l = D[(j * m + i) * c + t];
          if (u !== l) throw new ValueError(`${fn}: distance matrix X must be symmetric: X[${i}, ${j}] = ${u} but X[${j}, ${i}] = ${l}`);
        }
      }
    }
    for (let i = 0; i < m; i++) {
      for (let t = 0; t < c; t++) {
        const v = D[(i * m + i) * c + t];
        if (v !== 0) throw new ValueError(`${fn}: distance matrix X must have a zero diagonal: X[${i}, ${i}] = ${v}`);
      }
    }
  }
  const L = m < 2 ? 0 : (m * (m - 1)) / 2;
  const y = new (D.constructor as new (len: number) => np.TypedArray)(L * c);
  let k = 0;
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++, k++) for (let t = 0; t < c; t++) y[k * c + t] = D[(i * m + j) * c + t];
  }
  return np.fromTypedArray(y, [L], a.dtype);
}
