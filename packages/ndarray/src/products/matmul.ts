/**
 * matmul: NumPy's `a @ b`, the matrix product of stacks of matrices.
 *
 *   C[..., i, j] = Σ_p A[..., i, p]·B[..., p, j]
 *   a: (..., M, K),  b: (..., K, N)  ->  (..., M, N), the batch dimensions broadcast
 *
 * NumPy's rules for vectors: a 1-D `a` is a row (1, K) and a 1-D `b` a column (K, 1); the axis
 * added for it is removed from the result again, so vector @ vector is a 0-d array,
 * matrix @ vector is (..., M) and vector @ matrix is (..., N). 0-d operands are an error (use
 * `multiply` to scale by a scalar).
 *
 * The result dtype is `promoteTypes(a.dtype, b.dtype)`; float32 is computed in float32, int32
 * exactly (wrapping modulo 2³² as NumPy's int32 does), bool as OR of ANDs, complex128 by four
 * real gemms on the parts — see batched-gemm.ts, which runs every product.
 *
 * Differs from `dot` on stacks: matmul pairs the matrices of two stacks, dot multiplies every
 * matrix of one with every matrix of the other (dot.ts).
 *
 * Reference: NumPy's `matmul` gufunc, signature (n?,k),(k,m?)->(n?,m?) (NEP 20); PEP 465.
 */
import { asarray, type ArrayLike } from "../creation.js";
import { allocate, KIND, promoteTypes, type DType } from "../dtype.js";
import { DTypeError, ShapeError, ValueError } from "../errors.js";
import { copyStrided } from "../kernels/copy.js";
import { NDArray } from "../ndarray.js";
import { broadcastStrides, fmtShape, shapesEqual, sizeOf } from "../shape.js";
import { gemmBatched } from "./batched-gemm.js";

export interface MatmulOptions {
  /**
   * Write the result here: it must have the result's shape and be writeable; a dtype of
   * another kind than the result's is allowed if the result casts to it safely by kind
   * (bool < int < float < complex), as NumPy's `same_kind` casting.
   */
  out?: NDArray;
}

/**
 * `np.matmul(a, b, out=out)`, i.e. `a @ b`: the matrix product of (stacks of) matrices.
 *
 * Shapes: `a: (..., M, K)`, `b: (..., K, N)` -> `(..., M, N)` with broadcast batch
 * dimensions; a 1-D `a` is `(K,)` -> row, a 1-D `b` is `(K,)` -> column, and the added axis is
 * dropped from the result (`(K,) @ (K,)` -> `()`, `(M, K) @ (K,)` -> `(M,)`).
 *
 * Notes: result dtype `promoteTypes(a.dtype, b.dtype)`; int32 wraps modulo 2³² (NumPy's
 * default int64 would not); runs on the gemm kernel, one call per matrix of a batch (one call
 * in all when b is a single matrix shared by the batch).
 *
 * @throws ValueError if an operand is 0-d.
 * @throws ShapeError (a ValueError) if the inner dimensions differ —
 *   `matmul: shapes (2,3) and (2,2) not aligned: 3 (dim 1) != 2 (dim 0)` — or the batch
 *   dimensions do not broadcast, or `out` has the wrong shape.
 * @throws DTypeError if the result cannot be cast to `out`'s dtype.
 *
 * @example
 * const C = matmul([[1, 2], [3, 4]], [[5], [6]]);
 * // C.toArray() is [[17], [39]]; matmul([1, 2], [3, 4]).item() is 11
 */
export function matmul(x: ArrayLike, y: ArrayLike, options: MatmulOptions = {}): NDArray {
  const a = asarray(x);
  const b = asarray(y);
  const plan = planMatmul(a, b, "matmul");
  return runMatmul(plan, options.out, "matmul");
}

/** Everything matmul decides before computing: views, shapes and the result dtype. */
export interface MatmulPlan {
  /** a broadcast to (...batch, M, K) (1-D: a row). */
  A: NDArray;
  /** b broadcast to (...batch, K, N) (1-D: a column). */
  B: NDArray;
  /** (...batch, M, N). */
  fullShape: number[];
  /** fullShape without the axes added for 1-D operands. */
  shape: number[];
  /** Axes of fullShape that are not in shape. */
  added: number[];
  dtype: DType;
}

/**
 * Check and broadcast matmul's operands (shared with the functions that call matmul under
 * their own name). `fn` names the caller in error messages.
 */
export function planMatmul(a: NDArray, b: NDArray, fn: string): MatmulPlan {
  [a, b].forEach((op, i) => {
    if (op.ndim === 0) {
      throw new ValueError(`${fn}: operand ${i} is 0-d (shape ()); ${fn} needs at least one dimension (use multiply to scale by a scalar)`);
    }
  });
  // a (K,) -> (1, K);  b (K,) -> (K, 1)
  const A0 = a.ndim === 1 ? a.expandDims(0) : a;
  const B0 = b.ndim === 1 ? b.expandDims(1) : b;
  const M = A0.shape[A0.ndim - 2];
  const K = A0.shape[A0.ndim - 1];
  const Kb = B0.shape[B0.ndim - 2];
  const N = B0.shape[B0.ndim - 1];
  if (K !== Kb) {
    const bDim = b.ndim === 1 ? 0 : b.ndim - 2;
    throw new ShapeError(`${fn}: shapes ${fmtShape(a.shape)} and ${fmtShape(b.shape)} not aligned: ${K} (dim ${a.ndim - 1}) != ${Kb} (dim ${bDim})`);
  }
  const batch = broadcastBatch(A0.shape.slice(0, -2), B0.shape.slice(0, -2), a.shape, b.shape, fn);
  const nb = batch.length;
  const fullShape = [...batch, M, N];
  const added: number[] = [];
  if (a.ndim === 1) added.push(nb);
  if (b.ndim === 1) added.push(nb + 1);
  const broadcast = (x: NDArray, shape: number[]): NDArray =>
    new NDArray(x.data, shape, x.dtype, broadcastStrides(x.shape, x.strides, shape), x.offset, x.base ?? x, false);
  return {
    A: broadcast(A0, [...batch, M, K]),
    B: broadcast(B0, [...batch, K, N]),
    fullShape,
    shape: fullShape.filter((_, k) => !added.includes(k)),
    added,
    dtype: promoteTypes(a.dtype, b.dtype),
  };
}

/** Broadcast the batch dimensions of two stacks, naming both full shapes on failure. */
function broadcastBatch(p: readonly number[], q: readonly number[], aShape: readonly number[], bShape: readonly number[], fn: string): number[] {
  const nd = Math.max(p.length, q.length);
  const out: number[] = [];
  for (let i = nd; i >= 1; i--) {
    const dp = p.length - i >= 0 ? p[p.length - i] : 1;
    const dq = q.length - i >= 0 ? q[q.length - i] : 1;
    if (dp !== dq && dp !== 1 && dq !== 1) {
      throw new ShapeError(
        `${fn}: batch dimensions of shapes ${fmtShape(aShape)} and ${fmtShape(bShape)} cannot be broadcast together: ` +
          `${fmtShape(p)} vs ${fmtShape(q)} (${dp} != ${dq})`,
      );
    }
    out.push(dp === 1 ? dq : dp);
  }
  return out;
}

const KIND_RANK = { b: 0, i: 1, f: 2, c: 3 } as const;

/** Check `out` against the result: shape, writeability, and a cast by kind. */
export function checkOut(out: NDArray, shape: readonly number[], dtype: DType, fn: string): void {
  if (!shapesEqual(out.shape, shape)) {
    throw new ShapeError(`${fn}: out has shape ${fmtShape(out.shape)}, but the result has shape ${fmtShape(shape)}`);
  }
  if (!out.flags.writeable) throw new ValueError(`${fn}: out is read-only`);
  if (KIND_RANK[KIND[out.dtype]] < KIND_RANK[KIND[dtype]]) {
    throw new DTypeError(`${fn}: cannot cast the ${dtype} result to out's dtype ${out.dtype}`);
  }
}

/** Compute a planned matmul into `out` (checked here) or a fresh array. */
export function runMatmul(plan: MatmulPlan, out: NDArray | undefined, fn: string): NDArray {
  const { A, B, fullShape, shape, added, dtype } = plan;
  if (out !== undefined) {
    checkOut(out, shape, dtype, fn);
    // gemm writes straight into out when it has the result dtype and shares no memory
    const direct = out.dtype === dtype && out.data !== A.data && out.data !== B.data;
    if (direct) {
      gemmBatched(A, B, out.expandDims(added));
      return out;
    }
    const tmp = new NDArray(allocate(dtype, sizeOf(fullShape)), fullShape, dtype);
    gemmBatched(A, B, tmp);
    copyStrided(shape, new NDArray(tmp.data, shape, dtype), out);
    return out;
  }
  // one buffer, seen with the full shape for gemm and the reduced one for the caller
  const data = allocate(dtype, sizeOf(fullShape));
  gemmBatched(A, B, new NDArray(data, fullShape, dtype));
  return new NDArray(data, shape, dtype);
}
