/**
 * kron: the Kronecker product, block matrix of every a_ij·B.
 *
 *   kron(A, B)[i·p + k, j·q + l] = A[i, j]·B[k, l]      (B of shape (p, q))
 *
 * and likewise for any rank: the shapes are aligned at the right (the shorter padded with
 * leading 1s) and result axis d has length a_d·b_d, index i_d·b_d + k_d. As an outer product:
 * a viewed as (a₀, 1, a₁, 1, …) times b viewed as (1, b₀, 1, b₁, …) broadcasts to
 * (a₀, b₀, a₁, b₁, …), whose C-order buffer is exactly the Kronecker product of shape
 * (a₀b₀, a₁b₁, …). One broadcast multiply, no sum: int32 wraps, bool is AND.
 *
 * Reference: NumPy's `kron` (numpy/lib/shape_base.py); Golub & Van Loan, Matrix Computations,
 * 4th ed., §12.3.
 */
import { asarray, type ArrayLike } from "../creation.js";
import { NDArray } from "../ndarray.js";
import { multiply } from "../ufunc.js";

/**
 * `np.kron(a, b)`: the Kronecker product.
 *
 * Shapes: `a: (a₀, …, a_{d-1})`, `b: (b₀, …, b_{d-1})` (the shorter padded with leading 1s) ->
 * `(a₀·b₀, …, a_{d-1}·b_{d-1})`; `(2, 2)` ⊗ `(2, 3)` -> `(4, 6)`.
 *
 * Notes: result dtype `promoteTypes(a.dtype, b.dtype)`; a 0-d operand scales the other.
 *
 * @example
 * kron([1, 10], [1, 2, 3]).toArray(); // [1, 2, 3, 10, 20, 30]
 */
export function kron(x: ArrayLike, y: ArrayLike): NDArray {
  const a = asarray(x);
  const b = asarray(y);
  const d = Math.max(a.ndim, b.ndim);
  const pad = (s: readonly number[]) => [...new Array<number>(d - s.length).fill(1), ...s];
  const [as, bs] = [pad(a.shape), pad(b.shape)];
  // a as (a₀, 1, a₁, 1, …), b as (1, b₀, 1, b₁, …)
  const A = a.reshape(as.flatMap((n) => [n, 1]));
  const B = b.reshape(bs.flatMap((n) => [1, n]));
  const p = multiply(A, B); // (a₀, b₀, a₁, b₁, …), fresh and C-contiguous
  return new NDArray(
    p.data,
    as.map((n, k) => n * bs[k]),
    p.dtype,
  );
}
