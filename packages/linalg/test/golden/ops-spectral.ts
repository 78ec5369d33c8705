/**
 * The golden-case registry of the spectral half of @sliderule/linalg (SVD, eigh and what rests
 * on them): NumPy op names mapped to our functions, in the shape of ./ops.ts (decoded
 * positional and keyword arguments in, NumPy's result out, tuples as lists in NumPy's order).
 * Merged into the package registry by whoever owns ./ops.ts; run on its own by
 * ./spectral.golden.test.ts.
 */
import type { NDArray } from "@sliderule/ndarray";
import type { OpRegistry } from "../../../ndarray/test/golden/harness.js";
import { cond } from "../../src/dense/cond.js";
import { eigh, eigvalsh, type EighOptions } from "../../src/dense/eigh.js";
import { lstsq } from "../../src/dense/lstsq.js";
import { matrixRank } from "../../src/dense/matrix-rank.js";
import { norm, type NormOrder } from "../../src/dense/norm.js";
import { pinv } from "../../src/dense/pinv.js";
import { svd } from "../../src/dense/svd.js";

const arr = (x: unknown): NDArray => x as NDArray;

/** Reject keyword arguments an op does not know, so a new case cannot pass by accident. */
function known(op: string, kwargs: Record<string, unknown>, names: readonly string[]): void {
  for (const k of Object.keys(kwargs)) {
    if (!names.includes(k)) throw new Error(`golden registry: ${op} does not map the keyword argument '${k}'`);
  }
}

/** A keyword argument, or the positional one at the same place, or the default. */
function pick<T>(kw: Record<string, unknown>, name: string, positional: unknown, fallback: T): T {
  if (name in kw) return kw[name] as T;
  if (positional !== undefined) return positional as T;
  return fallback;
}

export const spectralOps: OpRegistry = {
  "linalg.svd": ([a, fullMatrices, computeUv, hermitian], kw) => {
    known("linalg.svd", kw, ["full_matrices", "compute_uv", "hermitian"]);
    const options = {
      fullMatrices: pick(kw, "full_matrices", fullMatrices, true),
      computeUv: pick(kw, "compute_uv", computeUv, true),
      hermitian: pick(kw, "hermitian", hermitian, false),
    };
    if (!options.computeUv) return svd(arr(a), { ...options, computeUv: false });
    const { U, S, Vh } = svd(arr(a), { ...options, computeUv: true });
    return [U, S, Vh];
  },
  "linalg.eigh": ([a, UPLO], kw) => {
    known("linalg.eigh", kw, ["UPLO"]);
    const { eigenvalues, eigenvectors } = eigh(arr(a), { UPLO: pick(kw, "UPLO", UPLO, "L") as EighOptions["UPLO"] });
    return [eigenvalues, eigenvectors];
  },
  "linalg.eigvalsh": ([a, UPLO], kw) => {
    known("linalg.eigvalsh", kw, ["UPLO"]);
    return eigvalsh(arr(a), { UPLO: pick(kw, "UPLO", UPLO, "L") as EighOptions["UPLO"] });
  },
  "linalg.norm": ([x, ord, axis, keepdims], kw) => {
    known("linalg.norm", kw, ["ord", "axis", "keepdims"]);
    return norm(arr(x), {
      ord: pick<NormOrder>(kw, "ord", ord, null),
      axis: pick<number | number[] | null>(kw, "axis", axis, null),
      keepdims: pick(kw, "keepdims", keepdims, false),
    });
  },
  "linalg.cond": ([x, p], kw) => {
    known("linalg.cond", kw, ["p"]);
    return cond(arr(x), pick<NormOrder>(kw, "p", p, null));
  },
  "linalg.matrix_rank": ([A, tol, hermitian], kw) => {
    known("linalg.matrix_rank", kw, ["tol", "hermitian"]);
    return matrixRank(arr(A), { tol: pick<number | NDArray | null>(kw, "tol", tol, null), hermitian: pick(kw, "hermitian", hermitian, false) });
  },
  "linalg.pinv": ([a, rcond, hermitian], kw) => {
    known("linalg.pinv", kw, ["rcond", "hermitian"]);
    return pinv(arr(a), { rcond: pick<number | NDArray>(kw, "rcond", rcond, 1e-15), hermitian: pick(kw, "hermitian", hermitian, false) });
  },
  "linalg.lstsq": ([a, b, rcond], kw) => {
    known("linalg.lstsq", kw, ["rcond"]);
    // rcond absent: NumPy 1.24's FutureWarning default (-1); null: NumPy's new default
    const r = "rcond" in kw ? (kw.rcond as number | null) : rcond === undefined ? undefined : (rcond as number | null);
    const { x, residuals, rank, s } = lstsq(arr(a), arr(b), { rcond: r });
    return [x, residuals, rank, s];
  },
};
