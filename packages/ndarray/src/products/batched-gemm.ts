/**
 * Batched gemm on NDArrays: the one place where the products (matmul, dot, tensordot, einsum)
 * meet the gemm kernel.
 *
 *   C[β] := A[β]·B[β]   for every batch index β,
 *   a: (...batch, M, K),  b: (...batch, K, N),  c: (...batch, M, N)
 *
 * The three share one batch shape; a broadcast batch dimension is a stride of 0, so nothing is
 * copied to broadcast. `c.dtype` is the dtype computed in, T; a and b may be of any dtype that
 * casts safely to T (they are cast here, copying only their distinct elements):
 *
 *   T float64, float32   gemm in T directly (float32 operands stay float32: Float32Array gemm)
 *   T complex128         four real gemms on the re/im parts, each part a float64 view of the
 *                        interleaved buffer with doubled strides (`complexPart` in reductions.ts):
 *                          Re C = Re A·Re B − Im A·Im B,   Im C = Re A·Im B + Im A·Re B;
 *                        a real operand (float64) has no imaginary part, so two gemms suffice
 *   T int32              exact: when max|A|·max|B|·K < 2⁵³ every partial sum is an integer that
 *                        float64 holds exactly, so the float64 gemm is exact and the result is
 *                        wrapped to int32 (two's complement, as C and NumPy's int32 matmul);
 *                        otherwise an integer loop wraps each multiply-add (Math.imul) — exact
 *                        modulo 2³² either way. (NumPy's default int64 would not wrap until 2⁶³:
 *                        int32 is Sliderule's integer dtype, see dtype.ts.)
 *   T bool               NumPy's bool matmul, C = OR_p (A[i,p] AND B[p,j]): a float64 gemm of
 *                        0/1 counts, then C = (count ≠ 0)
 *
 * Batches. Many small matrices cost one gemm call each, with no allocation per matrix: three
 * matrix views (A[β], B[β], C[β] as Blocks, kernels/block.ts) are made once per stack and only
 * their offsets move through the batch. Small problems
 * (m·n·k ≤ GEMM_DEFAULTS.smallWork) call `gemmSmall` directly, skipping the packing path's
 * dispatch. When B is the same matrix for the whole batch ((..., M, K) @ (K, N)) and the rows
 * of every A[β] and C[β] line up with one stride, the batch folds into a single call on
 * (batch·M) rows: B is packed once instead of once per matrix, and small products skip the
 * per-call overhead. (Measured, bench/matmul.bench.ts: 100 × (64×64 @ 64×64) with a shared B
 * went from 31 to 23 ms; 1000 × (16×16 @ 16×16) gains a little.)
 *
 * On exit c holds the products; a and b are unchanged. c must not share its buffer with a or b
 * (the caller computes into a temporary then).
 *
 * Reference: the BLAS routine xGEMM; batched form as cuBLAS's gemmStridedBatched.
 */
import { allocate, type DType } from "../dtype.js";
import { copyStrided } from "../kernels/copy.js";
import type { Block } from "../kernels/block.js";
import { checkGemm, GEMM_DEFAULTS, gemm, gemmSmall, gemmSmallChecked, type FloatArray } from "../kernels/gemm.js";
import { forEachRun } from "../kernels/strided.js";
import { NDArray } from "../ndarray.js";
import { sizeOf } from "../shape.js";

/** A real operand as gemm reads it: a float buffer, an element offset, one stride per axis. */
interface RealOperand {
  data: FloatArray;
  offset: number;
  strides: readonly number[];
}

const real = (x: NDArray): RealOperand => ({ data: x.data as FloatArray, offset: x.offset, strides: x.strides });

/** Re (part 0) or Im (part 1) of a complex128 array: the float64 slots at 2·e + part. */
const complexPart = (x: NDArray, part: 0 | 1): RealOperand => ({
  data: x.data as Float64Array,
  offset: 2 * x.offset + part,
  strides: x.strides.map((s) => 2 * s),
});

/**
 * `a` cast to `dtype`, copying only its distinct elements: axes of stride 0 (broadcast) stay
 * stride 0 in the copy, so a (K, N) matrix broadcast over a batch of 1000 is cast once.
 */
export function castCompact(a: NDArray, dtype: DType): NDArray {
  if (a.dtype === dtype) return a;
  const compactShape = a.shape.map((d, k) => (a.strides[k] === 0 ? 1 : d));
  const c = new NDArray(a.data, compactShape, a.dtype, a.strides, a.offset).astype(dtype);
  return new NDArray(
    c.data,
    a.shape,
    dtype,
    c.strides.map((s, k) => (a.strides[k] === 0 ? 0 : s)),
    0,
  );
}

/**
 * c[β] := a[β]·b[β] over the batch (see the file header for the dtype rules).
 * a: (...batch, M, K), b: (...batch, K, N), c: (...batch, M, N), one batch shape.
 * @throws Error `internal:` if the shapes do not fit together or c is a real dtype while an
 *   operand is complex (callers check shapes and promote dtypes first).
 */
export function gemmBatched(a: NDArray, b: NDArray, c: NDArray): void {
  const nd = c.ndim;
  if (a.ndim !== nd || b.ndim !== nd || nd < 2) {
    throw new Error(`internal: gemmBatched: ranks ${a.ndim}, ${b.ndim}, ${c.ndim} differ or are below 2`);
  }
  const batch = c.shape.slice(0, nd - 2);
  const [M, N] = [c.shape[nd - 2], c.shape[nd - 1]];
  const K = a.shape[nd - 1];
  for (let d = 0; d < nd - 2; d++) {
    if (a.shape[d] !== batch[d] || b.shape[d] !== batch[d]) throw new Error(`internal: gemmBatched: batch shapes differ`);
  }
  if (a.shape[nd - 2] !== M || b.shape[nd - 2] !== K || b.shape[nd - 1] !== N) {
    throw new Error(`internal: gemmBatched: (${a.shape}) @ (${b.shape}) does not give (${c.shape})`);
  }
  if (c.size === 0) return;
  const T = c.dtype;
  if ((a.dtype === "complex128" || b.dtype === "complex128") && T !== "complex128") {
    throw new Error(`internal: gemmBatched: complex operand with a ${T} result`);
  }
  const dims: Dims = { batch, M, N, K };
  switch (T) {
    case "float64":
    case "float32":
      gemmStack(dims, 1, real(castCompact(a, T)), real(castCompact(b, T)), 0, real(c));
      return;
    case "complex128":
      complexGemm(dims, a, b, c);
      return;
    case "int32":
      intGemm(dims, castCompact(a, "int32"), castCompact(b, "int32"), c);
      return;
    case "bool":
      viaFloat64(dims, a, b, c);
      return;
    default:
      return T satisfies never;
  }
}

interface Dims {
  batch: number[];
  M: number;
  N: number;
  K: number;
}

/** A Block whose fields this file moves through a batch (gemm only reads a view during a call). */
type MovingBlock = { -readonly [F in keyof Block]: Block[F] };

/** The matrix X[β] of a stack (...batch, rows, cols) at the stack's first batch index, as a view. */
function view(X: RealOperand, rows: number, cols: number, nb: number): MovingBlock {
  return { data: X.data, off: X.offset, rs: X.strides[nb], cs: X.strides[nb + 1], rows, cols };
}

/**
 * C[β] := alpha·A[β]·B[β] + beta·C[β] for real strided operands: one gemm per batch entry
 * on three views whose offsets move, or a single gemm when the batch folds into the rows.
 */
function gemmStack(dims: Dims, alpha: number, A: RealOperand, B: RealOperand, beta: number, C: RealOperand): void {
  const { batch, M, N, K } = dims;
  const nb = batch.length;
  const count = sizeOf(batch);
  if (count === 0) return;
  // plain object literals, not strided(): the views are checked by gemm on every call (or, for
  // a stack of tiny products, once below), and share one object shape (monomorphic in the kernel)
  const Av = view(A, M, K, nb);
  const Bv = view(B, K, N, nb);
  const Cv = view(C, M, N, nb);
  // The kernel is chosen by the size of one product: small ones take the unpacked tiles, even
  // when folded below (a tall (count·16) × 16 product packed would spend its time packing).
  const kernel = M * N * K <= GEMM_DEFAULTS.smallWork ? gemmSmall : gemm;
  // One B for the whole batch: if the rows of all A[β] (and of all C[β]) form one arithmetic
  // sequence, the stack is a single (count·M) × K matrix and one call does it all.
  if (count > 1 && B.strides.slice(0, nb).every((s, d) => s === 0 || batch[d] === 1)) {
    const aRs = foldedRowStride(batch, M, A.strides);
    const cRs = foldedRowStride(batch, M, C.strides);
    if (aRs !== null && cRs !== null) {
      // A: (count·M) × K with row stride aRs, C: (count·M) × N likewise
      Av.rows = Cv.rows = count * M;
      Av.rs = aRs;
      Cv.rs = cRs;
      kernel(alpha, Av, Bv, beta, Cv);
      return;
    }
  }
  if (nb === 0) {
    kernel(alpha, Av, Bv, beta, Cv);
    return;
  }
  // tiny products: the stack is checked once here, then each product runs unchecked
  let each = kernel;
  if (kernel === gemmSmall) {
    checkGemm(alpha, Av, Bv, Cv);
    checkStackInside("C", C, [...batch, M, N]);
    if (alpha !== 0 && K > 0) {
      checkStackInside("A", A, [...batch, M, K]);
      checkStackInside("B", B, [...batch, K, N]);
    }
    each = gemmSmallChecked;
  }
  const batchStrides = [A.strides.slice(0, nb), B.strides.slice(0, nb), C.strides.slice(0, nb)];
  forEachRun(batch, batchStrides, [A.offset, B.offset, C.offset], (pos, runs, step) => {
    for (let r = 0; r < runs; r++) {
      Av.off = pos[0] + r * step[0];
      Bv.off = pos[1] + r * step[1];
      Cv.off = pos[2] + r * step[2];
      each(alpha, Av, Bv, beta, Cv);
    }
  });
}

/**
 * Every matrix of a stack (dims: ...batch, rows, cols) lies inside X's buffer: the stack's
 * extreme corners do (O(ndim), for any strides; broadcast axes have stride 0).
 * @throws Error `internal:` otherwise (our own bug: operands come from NDArrays).
 */
function checkStackInside(name: string, X: RealOperand, dims: readonly number[]): void {
  let lo = X.offset;
  let hi = X.offset;
  for (let d = 0; d < dims.length; d++) {
    if (dims[d] === 0) return;
    const span = (dims[d] - 1) * X.strides[d];
    if (span < 0) lo += span;
    else hi += span;
  }
  if (!(lo >= 0 && hi < X.data.length && Number.isInteger(lo) && Number.isInteger(hi))) {
    throw new Error(
      `internal: matmul: the ${name} stack (${dims.join("×")}, offset ${X.offset}, strides ${X.strides.join(", ")}) spans [${lo}, ${hi}] outside a buffer of ${X.data.length}`,
    );
  }
}

/**
 * The single row stride of the rows of a stack (...batch, M, ·), or null if the rows do not
 * form one arithmetic sequence: each axis must step by (its inner neighbour's size × stride).
 * Axes of length 1 take no part.
 */
function foldedRowStride(batch: readonly number[], M: number, strides: readonly number[]): number | null {
  const nb = batch.length;
  const dims = [...batch, M];
  const st = strides.slice(0, nb + 1);
  let inner: { d: number; s: number } | null = null; // the nearest longer-than-1 axis inside
  for (let k = nb; k >= 0; k--) {
    if (dims[k] === 1) continue;
    if (inner !== null && st[k] !== inner.d * inner.s) return null;
    inner = { d: dims[k], s: st[k] };
  }
  // the innermost axis longer than 1 gives the stride (any stride will do if all are 1)
  for (let k = nb; k >= 0; k--) if (dims[k] !== 1) return st[k];
  return st[nb];
}

/**
 * Complex C = A·B by real gemms on the parts (file header). A real operand is float64 and
 * contributes only its real part; any other real dtype is cast to float64 first.
 */
function complexGemm(dims: Dims, a: NDArray, b: NDArray, c: NDArray): void {
  const A = a.dtype === "complex128" ? a : castCompact(a, "float64");
  const B = b.dtype === "complex128" ? b : castCompact(b, "float64");
  const [Cr, Ci] = [complexPart(c, 0), complexPart(c, 1)];
  const aC = A.dtype === "complex128";
  const bC = B.dtype === "complex128";
  const [Ar, Br] = [aC ? complexPart(A, 0) : real(A), bC ? complexPart(B, 0) : real(B)];
  // Re C := Re A·Re B (− Im A·Im B);  Im C := Re A·Im B (+ Im A·Re B)
  gemmStack(dims, 1, Ar, Br, 0, Cr);
  if (aC && bC) gemmStack(dims, -1, complexPart(A, 1), complexPart(B, 1), 1, Cr);
  if (bC) gemmStack(dims, 1, Ar, complexPart(B, 1), 0, Ci);
  if (aC) gemmStack(dims, 1, complexPart(A, 1), Br, bC ? 1 : 0, Ci);
  if (!aC && !bC) gemmStack(dims, 0, Ar, Br, 0, Ci); // both real (not reached via promotion): Im C := 0
}

/**
 * bool (and exact int32): compute the 0/1 or integer products in a float64 gemm, then store
 * into c with its dtype's cast (bool: ≠ 0; int32: wrap modulo 2³²).
 */
function viaFloat64(dims: Dims, a: NDArray, b: NDArray, c: NDArray): void {
  const A = castCompact(a, "float64");
  const B = castCompact(b, "float64");
  const tmp = new NDArray(allocate("float64", c.size), c.shape, "float64");
  gemmStack(dims, 1, real(A), real(B), 0, real(tmp));
  copyStrided(c.shape, tmp, c);
}

/** Largest |x| over the elements of a strided array. */
function maxAbs(x: NDArray): number {
  let m = 0;
  const d = x.data;
  forEachRun(x.shape, [x.strides], [x.offset], (pos, n, step) => {
    for (let r = 0, i = pos[0]; r < n; r++, i += step[0]) m = Math.max(m, Math.abs(d[i]));
  });
  return m;
}

/**
 * Exact int32 C = A·B modulo 2³²: through float64 when every partial sum is below 2⁵³ in
 * magnitude (|Σ_p A[i,p]·B[p,j]| ≤ K·max|A|·max|B|), else by an integer loop that wraps each
 * multiply-add.
 */
function intGemm(dims: Dims, a: NDArray, b: NDArray, c: NDArray): void {
  if (dims.K * maxAbs(a) * maxAbs(b) < 2 ** 53) {
    viaFloat64(dims, a, b, c);
    return;
  }
  const { batch, M, N, K } = dims;
  const nb = batch.length;
  const [A, B, C] = [a.data, b.data, c.data];
  const [aRs, aCs, bRs, bCs, cRs, cCs] = [a.strides[nb], a.strides[nb + 1], b.strides[nb], b.strides[nb + 1], c.strides[nb], c.strides[nb + 1]];
  const one = (aOff: number, bOff: number, cOff: number): void => {
    for (let i = 0; i < M; i++) {
      for (let j = 0; j < N; j++) {
        // C[i, j] = Σ_p A[i, p]·B[p, j]  (mod 2³²)
        let s = 0;
        for (let p = 0, ai = aOff + i * aRs, bj = bOff + j * bCs; p < K; p++, ai += aCs, bj += bRs) s = (s + Math.imul(A[ai], B[bj])) | 0;
        C[cOff + i * cRs + j * cCs] = s;
      }
    }
  };
  const batchStrides = [a.strides.slice(0, nb), b.strides.slice(0, nb), c.strides.slice(0, nb)];
  forEachRun(batch, batchStrides, [a.offset, b.offset, c.offset], (pos, runs, step) => {
    for (let r = 0; r < runs; r++) one(pos[0] + r * step[0], pos[1] + r * step[1], pos[2] + r * step[2]);
  });
}
