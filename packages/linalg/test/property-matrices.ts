/**
 * Random matrices for the fast-check properties of the SVD, eigh, lstsq, pinv and the two
 * divide-and-conquer solvers (properties-*.test.ts), and the LAPACK-style ratios they check.
 *
 * A case is drawn as a plain record (shape, kind, rank, scale, seed, layout) so that fast-check
 * prints and shrinks it; `buildGeneral` / `buildSymmetric` turn it into a matrix:
 *   - gaussian: standard normal entries (full rank with probability 1);
 *   - rank-deficient: X·Y with X m×r on the grid 2⁻²⁰ (or 2⁻¹⁰ for X·D·Xᴴ) and Y r×n of
 *     integers in [−3, 3]; every product and sum is exact in float64, so the rank is ≤ r
 *     exactly, not up to rounding (r = 0: the zero matrix);
 *   - scaled by 2^k, k ∈ {0, ±250, ±500} (about 1e±75, 1e±150): exact, so the ratios below,
 *     which are scale-free, must not move;
 *   - laid out C-contiguous, as a transposed (F-order) view, or as a step-2/step-3 slice.
 * Ratios (LAPACK TESTING, dbdt01/dort01/dsyt21 style), eps = 2⁻⁵²:
 *   reconstruction  ‖A − F‖_F / (max(m, n)·‖A‖_F·eps)      (invariants.ts reconstructionRatio)
 *   orthonormality  ‖QᴴQ − I‖_F / (max(rows, cols)·eps)
 */
import * as np from "@sliderule/ndarray";
import type { NDArray } from "@sliderule/ndarray";
import fc from "fast-check";
import { normals, rng, slicedView, transposedView } from "./corpus.js";
import { ctrans, eyeMat, mul, normF, sub, zerosMat, type Mat } from "./invariants.js";

export const EPS = 2 ** -52;

/** The threshold for every ratio (LAPACK's TESTING uses 30). */
export const C = 30;

export type Kind = "gaussian" | "rank-deficient";
export type Layout = "c" | "transposed" | "sliced";

export interface MatrixCase {
  m: number;
  n: number;
  kind: Kind;
  /** The rank bound of a rank-deficient case, 0 ≤ r < min(m, n). */
  r: number;
  /** A is scaled by 2^scaleExp. */
  scaleExp: number;
  complex: boolean;
  layout: Layout;
  seed: number;
}

/** Sizes: mostly small (1×1 included), sometimes up to `max`. */
export const sizeArb = (max: number): fc.Arbitrary<number> =>
  fc.oneof({ arbitrary: fc.integer({ min: 1, max: Math.min(8, max) }), weight: 3 }, { arbitrary: fc.integer({ min: 1, max }), weight: 2 });

/** Powers of two: 1 mostly, else about 1e±75 or 1e±150. */
export const scaleExpArb: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.constant(0), weight: 3 },
  { arbitrary: fc.constantFrom(-500, -250, 250, 500), weight: 2 },
);

export const layoutArb: fc.Arbitrary<Layout> = fc.constantFrom<Layout>("c", "c", "transposed", "sliced");

/** A general m×n case; `shape` forces square (m = n) when given "square". */
export function matrixCaseArb(options: { maxSize: number; complex?: boolean; square?: boolean }): fc.Arbitrary<MatrixCase> {
  return fc
    .record({
      m: sizeArb(options.maxSize),
      n: sizeArb(options.maxSize),
      rankDeficient: fc.boolean(),
      rFraction: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
      scaleExp: scaleExpArb,
      complex: options.complex ? fc.boolean() : fc.constant(false),
      layout: layoutArb,
      seed: fc.nat(),
    })
    .map(({ m, n, rankDeficient, rFraction, scaleExp, complex, layout, seed }) => {
      if (options.square) n = m;
      const k = Math.min(m, n);
      // rank-deficient needs min(m, n) ≥ 1; r = 0 is the zero matrix
      const kind: Kind = rankDeficient ? "rank-deficient" : "gaussian";
      const r = rankDeficient ? Math.floor(rFraction * k) : k;
      return { m, n, kind, r, scaleExp, complex, layout, seed };
    });
}

/** A Mat of standard normal entries (imaginary parts too when complex). */
function gaussianMat(m: number, n: number, complex: boolean, rand: () => number): Mat {
  const A = zerosMat(m, n);
  A.re.set(normals(rand, m * n));
  if (complex) A.im.set(normals(rand, m * n));
  return A;
}

/** Entries rounded to the grid 2^−bits (so products with small integers are exact). */
function onGrid(A: Mat, bits: number): Mat {
  const g = 2 ** bits;
  for (let i = 0; i < A.re.length; i++) {
    A.re[i] = Math.round(A.re[i] * g) / g;
    A.im[i] = Math.round(A.im[i] * g) / g;
  }
  return A;
}

/** Integers in [−k, k] (imaginary parts too when complex). */
function integerMat(m: number, n: number, complex: boolean, rand: () => number, k = 3): Mat {
  const A = zerosMat(m, n);
  for (let i = 0; i < m * n; i++) {
    A.re[i] = Math.floor(rand() * (2 * k + 1)) - k;
    if (complex) A.im[i] = Math.floor(rand() * (2 * k + 1)) - k;
  }
  return A;
}

function scaleMat(A: Mat, exp: number): Mat {
  const f = 2 ** exp;
  for (let i = 0; i < A.re.length; i++) {
    A.re[i] *= f;
    A.im[i] *= f;
  }
  return A;
}

/** A Mat as a C-contiguous NDArray (float64, or complex128 when `complex`). */
export function toArray(A: Mat, complex: boolean): NDArray {
  if (!complex) return np.fromTypedArray(Float64Array.from(A.re), [A.m, A.n]);
  const data = new Float64Array(2 * A.m * A.n);
  for (let i = 0; i < A.m * A.n; i++) {
    data[2 * i] = A.re[i];
    data[2 * i + 1] = A.im[i];
  }
  return np.fromTypedArray(data, [A.m, A.n], "complex128");
}

function laidOut(a: NDArray, layout: Layout): NDArray {
  return layout === "transposed" ? transposedView(a) : layout === "sliced" ? slicedView(a) : a;
}

/** The matrix of a general case: `A` (float64 values, for the checks) and `a` (the input). */
export function buildGeneral(c: MatrixCase): { A: Mat; a: NDArray } {
  const rand = rng(c.seed);
  let A: Mat;
  if (c.kind === "gaussian") A = gaussianMat(c.m, c.n, c.complex, rand);
  else A = mul(onGrid(gaussianMat(c.m, c.r, c.complex, rand), 20), integerMat(c.r, c.n, c.complex, rand));
  scaleMat(A, c.scaleExp);
  return { A, a: laidOut(toArray(A, c.complex), c.layout) };
}

export interface SymmetricCase {
  n: number;
  /** gaussian: (X + Xᴴ)/2; rank-deficient: shift·I + X·D·Xᴴ of rank ≤ r, so `shift` is an eigenvalue of multiplicity ≥ n − r. */
  kind: Kind;
  r: number;
  shift: number;
  scaleExp: number;
  complex: boolean;
  UPLO: "L" | "U";
  /** Fill the triangle eigh must not read with garbage. */
  garbage: boolean;
  layout: Layout;
  seed: number;
}

export function symmetricCaseArb(options: { maxSize: number; complex?: boolean }): fc.Arbitrary<SymmetricCase> {
  return fc
    .record({
      n: sizeArb(options.maxSize),
      rankDeficient: fc.boolean(),
      rFraction: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
      shift: fc.constantFrom(0, 0, 1, -2),
      scaleExp: scaleExpArb,
      complex: options.complex ? fc.boolean() : fc.constant(false),
      UPLO: fc.constantFrom<"L" | "U">("L", "U"),
      garbage: fc.boolean(),
      layout: layoutArb,
      seed: fc.nat(),
    })
    .map(({ n, rankDeficient, rFraction, shift, ...rest }) => ({
      n,
      kind: (rankDeficient ? "rank-deficient" : "gaussian") as Kind,
      r: rankDeficient ? Math.floor(rFraction * n) : n,
      shift: rankDeficient ? shift : 0,
      ...rest,
    }));
}

/**
 * The Hermitian matrix of a case: `A` (both triangles, for the checks) and `a` (the input: the
 * UPLO triangle of A, the other one garbage when asked).
 */
export function buildSymmetric(c: SymmetricCase): { A: Mat; a: NDArray } {
  const { n } = c;
  const rand = rng(c.seed);
  const A = zerosMat(n, n);
  if (c.kind === "gaussian") {
    const X = gaussianMat(n, n, c.complex, rand);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) {
        A.re[i * n + j] = A.re[j * n + i] = (X.re[i * n + j] + X.re[j * n + i]) / 2;
        const im = i === j ? 0 : (X.im[i * n + j] - X.im[j * n + i]) / 2;
        A.im[i * n + j] = im;
        A.im[j * n + i] = -im;
      }
    }
  } else {
    // shift·I + X·D·Xᴴ, X on the grid 2⁻¹⁰ and D integers: every term and sum exact
    const X = onGrid(gaussianMat(n, c.r, c.complex, rand), 10);
    const D = integerMat(1, c.r, false, rand).re;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j <= i; j++) {
        // Σ_k x_ik·d_k·conj(x_jk)
        let re = 0;
        let im = 0;
        for (let k = 0; k < c.r; k++) {
          const ar = X.re[i * c.r + k];
          const ai = X.im[i * c.r + k];
          const br = X.re[j * c.r + k];
          const bi = -X.im[j * c.r + k];
          re += D[k] * (ar * br - ai * bi);
          im += D[k] * (ar * bi + ai * br);
        }
        if (i === j) {
          re += c.shift;
          im = 0;
        }
        A.re[i * n + j] = A.re[j * n + i] = re;
        A.im[i * n + j] = im;
        A.im[j * n + i] = -im;
      }
    }
  }
  scaleMat(A, c.scaleExp);
  const input = zerosMat(n, n);
  input.re.set(A.re);
  input.im.set(A.im);
  if (c.garbage) {
    // the triangle not named by UPLO: values eigh must ignore
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const unread = c.UPLO === "L" ? j > i : j < i;
        if (unread) {
          input.re[i * n + j] = 1e3 * (rand() - 0.5) * 2 ** c.scaleExp;
          input.im[i * n + j] = c.complex ? 1e3 * (rand() - 0.5) * 2 ** c.scaleExp : 0;
        }
      }
    }
  }
  return { A, a: laidOut(toArray(input, c.complex), c.layout) };
}

/** ‖QᴴQ − I‖_F / (max(rows, cols)·eps): 0 for an empty Q. */
export function orthonormalityRatio(Q: Mat): number {
  if (Q.n === 0) return 0;
  return normF(sub(mul(ctrans(Q), Q), eyeMat(Q.n))) / (Math.max(Q.m, Q.n) * EPS);
}

/** The first `cols` columns of Q. */
export function leadingColumns(Q: Mat, cols: number): Mat {
  const out = zerosMat(Q.m, cols);
  for (let i = 0; i < Q.m; i++) {
    for (let j = 0; j < cols; j++) {
      out.re[i * cols + j] = Q.re[i * Q.n + j];
      out.im[i * cols + j] = Q.im[i * Q.n + j];
    }
  }
  return out;
}

/** Rows [r0, r1) of Q. */
export function rowsOf(Q: Mat, r0: number, r1: number): Mat {
  const out = zerosMat(r1 - r0, Q.n);
  out.re.set(Q.re.subarray(r0 * Q.n, r1 * Q.n));
  out.im.set(Q.im.subarray(r0 * Q.n, r1 * Q.n));
  return out;
}

/** Q·diag(s) (columns scaled; s real). */
export function scaleColumns(Q: Mat, s: ArrayLike<number>): Mat {
  const out = zerosMat(Q.m, Q.n);
  for (let i = 0; i < Q.m; i++) {
    for (let j = 0; j < Q.n; j++) {
      out.re[i * Q.n + j] = Q.re[i * Q.n + j] * s[j];
      out.im[i * Q.n + j] = Q.im[i * Q.n + j] * s[j];
    }
  }
  return out;
}

/** The values of a 1-D NDArray as numbers. */
export function values(x: NDArray): number[] {
  return Array.from({ length: x.size }, (_, i) => x.get(i));
}

/** A short description of a case for failure messages. */
export function describeCase(c: object): string {
  return JSON.stringify(c);
}
