/**
 * Integer powers of a square matrix (NumPy's `np.linalg.matrix_power`).
 *
 *   A⁰ = I,   Aⁿ = A·A···A (n factors),   A⁻ⁿ = (A⁻¹)ⁿ
 *
 * by repeated squaring: write n in binary, n = Σ b_i·2ⁱ; then Aⁿ = Π_{b_i = 1} A^(2ⁱ), and
 * A^(2ⁱ⁺¹) = (A^(2ⁱ))². That is ⌊log₂ n⌋ squarings and at most as many further products
 * instead of n − 1 products; n = 2 and n = 3 are done directly, as NumPy does.
 *
 * Types as NumPy: integer matrices stay integer for n ≥ 0 (int32 here, wrapping on overflow
 * where NumPy's int64 would not), float32 stays float32, bool stays bool (each product is
 * np.matmul's logical OR of ANDs, as NumPy's matmul); a negative n goes through `inv`
 * (without its ill-conditioning warning, as NumPy), so its result is floating point and a
 * singular matrix raises LinAlgError.
 *
 * Invariant: matrixPower(A, m + n) = matrixPower(A, m)·matrixPower(A, n) up to rounding.
 * Reference: Knuth, TAOCP vol. 2, §4.6.3 (right-to-left binary exponentiation); NumPy
 * `matrix_power`.
 */
import * as np from "@sliderule/ndarray";
import { DTypeError, type NDArray } from "@sliderule/ndarray";
import { asArray, assertSquare, type ArrayInput } from "../util/batch.js";
import { matmul } from "../util/matmul.js";
import { show } from "../util/options.js";
import { invQuiet } from "./inv.js";

/**
 * Raise a square matrix (or a stack of them) to an integer power (NumPy's
 * `np.linalg.matrix_power`).
 *
 * @param a `(..., M, M)`.
 * @param n an integer; 0 gives the identity, negative powers invert first.
 * @returns `(..., M, M)`: a's dtype for n ≥ 0 (bool included, as NumPy), floating for n < 0.
 * @throws LinAlgError kind "invalidInput" when a is not square; kind "singular" when n < 0 and
 *   a is singular. DTypeError (a TypeError, as NumPy's) when n is not an integer.
 *
 * Notes: binary exponentiation, O(M³·log n); products by gemm.
 *
 * @example
 *   const F = linalg.matrixPower([[1, 1], [1, 0]], 10); // Fibonacci numbers F11, F10, F9
 *   assert.deepEqual(F.toArray(), [[89, 55], [55, 34]]);
 */
export function matrixPower(a: ArrayInput, n: number): NDArray {
  const fn = "matrixPower";
  let A = asArray(a);
  assertSquare(A, fn);
  if (typeof n !== "number" || !Number.isInteger(n)) throw new DTypeError(`${fn}: exponent must be an integer, got ${show(n)}`);
  const m = A.shape[A.ndim - 1];
  if (n === 0) {
    // the identity in every slot of the stack, in a's dtype
    const out = np.zeros(A.shape, A.dtype);
    const eye = np.eye(m, { dtype: A.dtype });
    out.set(eye);
    return out;
  }
  if (n < 0) {
    A = invQuiet(A);
    n = -n;
  }
  // bool: np.matmul keeps bool (OR of ANDs); util/matmul would count in int32
  const mul = A.dtype === "bool" ? (x: NDArray, y: NDArray) => np.matmul(x, y) : (x: NDArray, y: NDArray) => matmul(x, y, fn);
  if (n === 1) return A.copy();
  if (n === 2) return mul(A, A);
  if (n === 3) return mul(mul(A, A), A);
  // right-to-left binary exponentiation: z runs through A, A², A⁴, …
  let z: NDArray | null = null;
  let result: NDArray | null = null;
  let e = n;
  while (e > 0) {
    z = z === null ? A : mul(z, z);
    const bit = e % 2;
    e = Math.floor(e / 2);
    if (bit) result = result === null ? z : mul(result, z);
  }
  return result as NDArray;
}
