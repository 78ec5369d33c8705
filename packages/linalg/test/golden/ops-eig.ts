/**
 * The golden-case registry entries of the general eigensolver (dense/eig.ts), in the shape of
 * ./ops.ts: NumPy's op name -> our function, decoded arguments in, NumPy's result out.
 *
 *   linalg.eig     -> [w, v]   (eigenvalues, eigenvectors as columns)
 *   linalg.eigvals -> w
 *
 * Kept apart from ops.ts while the solver is written next to the rest of linalg; merge with
 * `{ ...linalgOps, ...eigOps }` (the op names do not overlap).
 */
import type { NDArray } from "@sliderule/ndarray";
import type { OpRegistry } from "../../../ndarray/test/golden/harness.js";
import { eig, eigvals } from "../../src/dense/eig.js";

/** Reject keyword arguments an op does not know, so a new case cannot pass by accident. */
function known(op: string, kwargs: Record<string, unknown>, names: readonly string[]): void {
  for (const k of Object.keys(kwargs)) {
    if (!names.includes(k)) throw new Error(`golden registry: ${op} does not map the keyword argument '${k}'`);
  }
}

export const eigOps: OpRegistry = {
  "linalg.eig": ([a], kw) => {
    known("linalg.eig", kw, []);
    const { eigenvalues, eigenvectors } = eig(a as NDArray);
    return [eigenvalues, eigenvectors];
  },
  "linalg.eigvals": ([a], kw) => {
    known("linalg.eigvals", kw, []);
    return eigvals(a as NDArray);
  },
};
