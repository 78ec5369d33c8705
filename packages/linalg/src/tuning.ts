/**
 * The tuning knobs of the blocked algorithms, in one place (STYLE.md §5).
 *
 * A blocked factorisation works on panels of `nb` columns: it factors each panel with the
 * unblocked routine (the readable spec) and updates the rest of the matrix with gemm, so most
 * of the flops run in the fast kernel. Small `nb` leaves more work to the unblocked loops;
 * large `nb` makes the panels themselves slow. Matrices no larger than the block size are
 * factored by the unblocked routine alone.
 *
 * Every public routine that blocks accepts `{ blockSize }` to override its default here
 * (tests use tiny block sizes so that blocking is exercised on small matrices).
 */
import { ValueError } from "@sliderule/ndarray";

export interface BlockSizes {
  /** LU (dgetrf): panel width. */
  lu: number;
  /** Cholesky (dpotrf): panel width. */
  cholesky: number;
  /** Householder QR (dgeqrf, dorgqr): reflectors per WY block. */
  qr: number;
  /** Triangular solve (dtrsm): diagonal block size. */
  triangular: number;
  /** Bidiagonalisation for the SVD (dgebrd/dlabrd): panel width. */
  bidiagonal: number;
  /** Tridiagonalisation for eigh (dsytrd/dlatrd): panel width. */
  tridiagonal: number;
}

/** The defaults, measured on n = 500 (bench/linalg1.bench.ts). */
export const BLOCK_SIZES: Readonly<BlockSizes> = Object.freeze({
  lu: 32,
  cholesky: 32,
  qr: 32,
  triangular: 64,
  bidiagonal: 32,
  tridiagonal: 32,
});

/** Options shared by every blocked routine. */
export interface BlockOptions {
  /** Panel width of the blocked algorithm (default: {@link BLOCK_SIZES}); >= n runs the unblocked routine. */
  blockSize?: number;
}

/** Validate a caller's block size (a positive integer), or take the default. */
export function blockSizeOf(options: BlockOptions | undefined, fallback: number, fn: string): number {
  const nb = options?.blockSize;
  if (nb === undefined) return fallback;
  if (!Number.isInteger(nb) || nb < 1) throw new ValueError(`${fn}: blockSize must be a positive integer, got ${nb}`);
  return nb;
}
