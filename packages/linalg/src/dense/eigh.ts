/**
 * Eigenvalues and eigenvectors of a symmetric (Hermitian) matrix (NumPy's `eigh` and
 * `eigvalsh`; LAPACK dsyev's path).
 *
 *   A = Z·Λ·Zᴴ,   A = Aᴴ n×n (one triangle read),   Λ = diag(λ_0 ≤ … ≤ λ_{n−1}) real,   Z unitary
 *
 * Scaling first, as dsyevd: when max|a_ij| lies outside [2⁻⁴⁸⁵, 2⁴⁸⁵] (sqrt(safmin/eps) and its
 * inverse), A is multiplied by a power of two f that brings it inside (safe-scale.ts) and the
 * eigenvalues are divided by f at the end (entries near 1e308 then converge; 1e−300 keeps
 * its digits). Then two stages:
 *   1. tridiagonalise (tridiagonalize.ts): Qᴴ·A·Q = T by Householder reflectors, reading only
 *      the UPLO triangle (the upper one is read as the conjugate transpose of a lower one);
 *      complex Hermitian A gives a real T (zlarfg's betas are real);
 *   2. the tridiagonal eigenproblem: for real A of order above DIVIDE_AND_CONQUER.minOrder
 *      (tuning.ts), divide and conquer (tridiagonal-dc.ts) gives T = Z_T·Λ·Z_Tᵀ and Z = Q·Z_T
 *      is applied by Q's WY blocks (tridiagonalize.ts ormtr), as LAPACK's dsyevd; otherwise
 *      implicit QL/QR with Wilkinson's shift (symmetric-qr.ts, the reference), the rotations
 *      accumulated into Z = Q.
 *
 * Outputs on exit: `{ eigenvalues, eigenvectors }`, eigenvalues ascending, eigenvectors the
 * columns of Z (each determined up to sign, or phase for complex input).
 * Invariant: ‖A·Z − Z·Λ‖ ≤ c·n·eps·‖A‖, ‖ZᴴZ − I‖ ≤ c·n·eps; each λ_i has absolute error
 * ≤ c·n·eps·‖A‖₂ (Weyl: symmetric eigenvalues are perfectly conditioned).
 *
 * float32 is computed in float64 and rounded on output. For non-symmetric matrices use `eig`.
 * Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §8.3, §8.4.4; LAPACK dsyev,
 * dsyevd, dsytrd, dorgtr, dormtr, dsteqr, dstedc, zheev.
 */
import { namedTuple, type NamedTuple, type NDArray, ValueError } from "@sliderule/ndarray";
import { LinAlgError } from "../errors.js";
import { BLOCK_SIZES, blockSizeOf, DIVIDE_AND_CONQUER, type BlockOptions } from "../tuning.js";
import {
  asArray,
  assertSquare,
  batchOffsets,
  batchShapeOf,
  loadMatrix,
  matrixStrides,
  stackOf,
  storeMatrix,
  withWork,
  workDType,
  type ArrayInput,
} from "../util/batch.js";
import { EIGH_RANGE, scaleIntoRange } from "../primitives/safe-scale.js";
import { colMajor } from "@sliderule/ndarray/kernels";
import { steqr } from "./symmetric-qr.js";
import { stedc } from "./tridiagonal-dc.js";
import { orgtr, ormtr, sytrd, zhetd2, zungtr } from "./tridiagonalize.js";
import { z } from "zod";
import { checkOptions, OPTION, optionsSchema } from "../util/options.js";

/** The options of eigh and eigvalsh (util/options.ts); UPLO is checked below, with NumPy's message. */
const EIGH_OPTIONS = optionsSchema({
  blockSize: OPTION.blockSize,
  UPLO: OPTION.any,
  divideAndConquer: z.strictObject({ minOrder: OPTION.number.optional(), leafSize: z.number().int().positive().optional() }),
});

export interface EighOptions extends BlockOptions {
  /** Which triangle of a to read: "L" (default) or "U" (lower case accepted, as NumPy). */
  UPLO?: "L" | "U" | "l" | "u";
  /**
   * The tridiagonal eigensolver's knobs when eigenvectors are wanted (defaults:
   * {@link DIVIDE_AND_CONQUER}): real matrices of order above `minOrder` use divide and
   * conquer (tridiagonal-dc.ts) with steqr on blocks of at most `leafSize`; the others, and
   * complex ones, use steqr alone (symmetric-qr.ts, the reference).
   */
  divideAndConquer?: { minOrder?: number; leafSize?: number };
}

/** `eigh`'s result: A = eigenvectors·diag(eigenvalues)·eigenvectorsᴴ. */
export interface EighFields {
  /** (…, M): ascending; float64 (float32 for float32 input, float64 for complex). */
  eigenvalues: NDArray;
  /** (…, M, M): orthonormal eigenvectors, by columns. */
  eigenvectors: NDArray;
}

/** EighFields, also iterable in NumPy's tuple order: `[eigenvalues, eigenvectors]`. */
export type EighResult = NamedTuple<EighFields, ["eigenvalues", "eigenvectors"]>;

/** NumPy's UPLO check: ValueError "UPLO argument must be 'L' or 'U'". */
function uploOf(options: EighOptions, fn: string): "L" | "U" {
  const u = String(options.UPLO ?? "L").toUpperCase();
  if (u !== "L" && u !== "U") throw new ValueError(`${fn}: UPLO argument must be 'L' or 'U', got '${String(options.UPLO)}'`);
  return u;
}

/**
 * The eigendecomposition of each matrix of a stack, in working storage: `each(p, d, Z)` gets
 * the ascending eigenvalues d and (with vectors) Z (n×n column-major, interleaved if complex).
 */
function eighStack(
  fn: string,
  a: ArrayInput,
  options: EighOptions,
  vectors: boolean,
): { A: NDArray; n: number; batch: number[]; complex: boolean; results: { d: Float64Array; Z: Float64Array | null }[] } {
  const A = asArray(a);
  const uplo = uploOf(options, fn);
  assertSquare(A, fn);
  const nb = blockSizeOf(options, BLOCK_SIZES.tridiagonal, fn);
  const dc = {
    minOrder: options.divideAndConquer?.minOrder ?? DIVIDE_AND_CONQUER.minOrder,
    leafSize: options.divideAndConquer?.leafSize ?? DIVIDE_AND_CONQUER.leafSize,
  };
  const n = A.shape[A.ndim - 1];
  const complex = workDType(A.dtype) === "complex128";
  const batch = batchShapeOf(A, 2);
  const offs = batchOffsets(A, batch, 2);
  const { rs, cs } = matrixStrides(A);
  const slots = complex ? 2 : 1;
  const results: { d: Float64Array; Z: Float64Array | null }[] = [];
  // the working matrix, and for real vectors the eigenvector matrix, in WebAssembly memory when
  // a backend has it (withWork): the tridiagonalisation's symmetric matrix–vector products and
  // updates, the divide and conquer's products and Q's block reflectors then run in place
  const real = !complex && vectors;
  withWork(complex ? "complex128" : "float64", real ? [n * n, n * n] : [n * n], ([Wf, Zf]) => {
    const W = Wf as Float64Array;
    const Zw = Zf as Float64Array | undefined; // copied out per matrix (it must not escape)
    for (let p = 0; p < offs.length; p++) {
      // the lower triangle: A's own (UPLO = L), or that of Aᴴ (UPLO = U)
      W.fill(0);
      loadMatrix(A, offs[p], rs, cs, n, n, W, 0, n, complex, uplo === "U", uplo === "U");
      for (let j = 0; j < n; j++) {
        let acc = 0;
        for (let i = slots * (j + j * n); i < slots * (n + j * n); i++) acc += W[i] - W[i];
        if (acc !== 0)
          throw new LinAlgError(`${fn}: Eigenvalues did not converge (NaN or Inf in the ${uplo === "L" ? "lower" : "upper"} triangle)`, "noConvergence");
      }
      // 0. max|a_ij| into [2⁻⁴⁸⁵, 2⁴⁸⁵] by f = 2^e (dsyevd's sigma; safe-scale.ts), λ unscaled below
      const f = scaleIntoRange(W, 0, n * n, EIGH_RANGE, complex);
      const d = new Float64Array(n);
      const e = new Float64Array(Math.max(n - 1, 0));
      let Z: Float64Array | null = null;
      if (complex) {
        // A = Q·T·Qᴴ, T real
        const tau = new Float64Array(2 * Math.max(n - 1, 0));
        zhetd2(n, W, 0, n, d, e, tau);
        if (vectors) {
          Z = new Float64Array(2 * n * n);
          zungtr(n, W, 0, n, tau, Z, 0, n);
        }
        steqr(n, d, e, Z ? colMajor(Z, 2 * n, n) : undefined, fn);
      } else {
        // A = Q·T·Qᵀ
        const tau = new Float64Array(Math.max(n - 1, 0));
        sytrd(n, W, 0, n, d, e, tau, nb);
        if (vectors && n > dc.minOrder) {
          // T = Z_T·Λ·Z_Tᵀ by divide and conquer, then Z = Q·Z_T with Q's WY blocks (LAPACK dsyevd)
          stedc(n, d, e, Zw!, 0, n, fn, { leafSize: dc.leafSize });
          ormtr(n, n, W, 0, n, tau, Zw!, 0, n, BLOCK_SIZES.qr);
          Z = Zw!.slice();
        } else {
          if (vectors) orgtr(n, W, 0, n, tau, Zw!, 0, n, BLOCK_SIZES.qr);
          steqr(n, d, e, vectors ? colMajor(Zw!, n, n) : undefined, fn);
          if (vectors) Z = Zw!.slice();
        }
      }
      // λ(A) = λ(f·A)/f; the eigenvectors are those of f·A
      if (f !== 1) for (let i = 0; i < n; i++) d[i] /= f;
      results.push({ d, Z });
    }
  });
  return { A, n, batch, complex, results };
}

/**
 * Eigenvalues and eigenvectors of a Hermitian (real symmetric) matrix (NumPy's `np.linalg.eigh`).
 *
 * @param a `(..., M, M)`; only the `UPLO` triangle is read.
 * @param options.UPLO "L" (default) or "U".
 * @returns `{ eigenvalues (..., M), eigenvectors (..., M, M) }`: eigenvalues ascending (real:
 *   float32 for float32 input, else float64); eigenvectors by columns (complex128 for complex).
 * @throws ValueError "UPLO argument must be 'L' or 'U'"; LinAlgError kind "invalidInput" when
 *   a is not square or not at least 2-D; kind "noConvergence" for NaN/Inf or after 30·M sweeps.
 *
 * Notes: Householder tridiagonalisation (blocked, dsytrd), then (LAPACK dsyevd's path) divide
 * and conquer on the tridiagonal (dstedc) and its eigenvectors turned into A's by Q's WY blocks
 * (dormtr); small or complex matrices use implicit QL/QR with Wilkinson's shift (dsteqr) on
 * Q instead. float32 is computed in float64 and rounded.
 *
 * @example
 *   const { eigenvalues, eigenvectors } = linalg.eigh([[2, 1], [1, 2]]);
 *   assert.close(eigenvalues.toArray(), [1, 3]);
 */
export function eigh(a: ArrayInput, options: EighOptions = {}): EighResult {
  const fn = "eigh";
  checkOptions(fn, EIGH_OPTIONS, options);
  const { A, n, batch, complex, results } = eighStack(fn, a, options, true);
  const wDType = A.dtype === "float32" ? "float32" : "float64";
  const w = stackOf(batch, [n], wDType);
  const v = stackOf(batch, [n, n], complex ? "complex128" : wDType);
  results.forEach(({ d, Z }, p) => {
    for (let i = 0; i < n; i++) w.data[p * n + i] = d[i];
    storeMatrix(Z as Float64Array, 0, n, n, n, v, p * n * n);
  });
  return namedTuple({ eigenvalues: w, eigenvectors: v }, ["eigenvalues", "eigenvectors"]);
}

/**
 * Eigenvalues of a Hermitian (real symmetric) matrix (NumPy's `np.linalg.eigvalsh`).
 *
 * @param a `(..., M, M)`; only the `UPLO` triangle is read.
 * @returns `(..., M)` ascending; float32 for float32 input, else float64.
 * @throws as {@link eigh}.
 *
 * Notes: the eigh path without accumulating vectors (tridiagonal QL/QR only).
 *
 * @example
 *   assert.close(linalg.eigvalsh([[2, 1], [1, 2]]).toArray(), [1, 3]);
 */
export function eigvalsh(a: ArrayInput, options: EighOptions = {}): NDArray {
  const fn = "eigvalsh";
  checkOptions(fn, EIGH_OPTIONS, options);
  const { A, n, batch, results } = eighStack(fn, a, options, false);
  const w = stackOf(batch, [n], A.dtype === "float32" ? "float32" : "float64");
  results.forEach(({ d }, p) => {
    for (let i = 0; i < n; i++) w.data[p * n + i] = d[i];
  });
  return w;
}
