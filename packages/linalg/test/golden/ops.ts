/**
 * The golden-case registry of @sliderule/linalg: NumPy/SciPy op names (as in the case files,
 * /work/shared/golden/FORMAT.md) mapped to our functions. Each entry takes the decoded
 * positional arguments (NDArrays, numbers, strings, lists) and keyword arguments, with
 * NumPy's keyword names, and returns what NumPy returns: a list for tuple results, in
 * NumPy's order.
 *
 * Ops of linalg that are not implemented yet (pinv, lstsq, svd, eig, …) are absent, so the
 * runner reports their cases as skipped.
 */
import type { NDArray } from "@sliderule/ndarray";
import type { OpFn, OpRegistry } from "../../../ndarray/test/golden/harness.js";
import * as linalg from "../../src/index.js";
import { eigOps } from "./ops-eig.js";
import { spectralOps } from "./ops-spectral.js";
import { sparseOps } from "./ops-sparse.js";

const arr = (x: unknown): NDArray => x as NDArray;

/** Reject keyword arguments an op does not know, so a new case cannot pass by accident. */
function known(op: string, kwargs: Record<string, unknown>, names: readonly string[]): void {
  for (const k of Object.keys(kwargs)) {
    if (!names.includes(k)) throw new Error(`golden registry: ${op} does not map the keyword argument '${k}'`);
  }
}

/** The factorisations and solvers of dense/ (LU, Cholesky, QR, det, solve, inv, …). */
const denseOps: OpRegistry = {
  "linalg.det": ([a], kw) => {
    known("linalg.det", kw, []);
    return linalg.det(arr(a));
  },
  "linalg.slogdet": ([a], kw) => {
    known("linalg.slogdet", kw, []);
    const { sign, logabsdet } = linalg.slogdet(arr(a));
    return [sign, logabsdet];
  },
  "linalg.inv": ([a], kw) => {
    known("linalg.inv", kw, []);
    return linalg.inv(arr(a));
  },
  "linalg.solve": ([a, b], kw) => {
    known("linalg.solve", kw, []);
    return linalg.solve(arr(a), arr(b));
  },
  "linalg.cholesky": ([a], kw) => {
    known("linalg.cholesky", kw, ["upper"]);
    return linalg.cholesky(arr(a), { upper: kw.upper === true });
  },
  "linalg.qr": ([a], kw) => {
    known("linalg.qr", kw, ["mode"]);
    const mode = (kw.mode ?? "reduced") as linalg.QrMode;
    const r = linalg.qr(arr(a), { mode });
    if (mode === "r") return r;
    if (mode === "raw") {
      const { h, tau } = r as linalg.QrRawResult;
      return [h, tau];
    }
    const { Q, R } = r as linalg.QrResult;
    return [Q, R];
  },
  "scipy.linalg.lu": ([a], kw) => {
    known("scipy.linalg.lu", kw, ["permute_l", "check_finite", "overwrite_a"]);
    if (kw.permute_l === true) {
      const { PL, U } = linalg.lu(arr(a), { permuteL: true, checkFinite: kw.check_finite !== false });
      return [PL, U];
    }
    const { P, L, U } = linalg.lu(arr(a), { checkFinite: kw.check_finite !== false });
    return [P, L, U];
  },
  "scipy.linalg.lu_factor": ([a], kw) => {
    known("scipy.linalg.lu_factor", kw, ["check_finite", "overwrite_a"]);
    const { lu, piv } = linalg.luFactor(arr(a), { checkFinite: kw.check_finite !== false });
    return [lu, piv];
  },
  "scipy.linalg.lu_solve": ([factors, b], kw) => {
    known("scipy.linalg.lu_solve", kw, ["trans", "check_finite", "overwrite_b"]);
    const [lu, piv] = factors as [NDArray, NDArray];
    return linalg.luSolve({ lu, piv }, arr(b), { trans: (kw.trans ?? 0) as linalg.Trans, checkFinite: kw.check_finite !== false });
  },
  "scipy.linalg.solve_triangular": ([a, b], kw) => {
    known("scipy.linalg.solve_triangular", kw, ["lower", "trans", "unit_diagonal", "check_finite", "overwrite_b"]);
    return linalg.solveTriangular(arr(a), arr(b), {
      lower: kw.lower === true,
      trans: (kw.trans ?? 0) as linalg.Trans,
      unitDiagonal: kw.unit_diagonal === true,
      checkFinite: kw.check_finite !== false,
    });
  },
  trace: ([a, offset, axis1, axis2, dtype], kw) => {
    known("trace", kw, ["offset", "axis1", "axis2", "dtype"]);
    return linalg.trace(arr(a), {
      offset: (kw.offset ?? offset ?? 0) as number,
      axis1: (kw.axis1 ?? axis1 ?? 0) as number,
      axis2: (kw.axis2 ?? axis2 ?? 1) as number,
      dtype: (kw.dtype ?? dtype ?? undefined) as NDArray["dtype"] | undefined,
    });
  },
  "linalg.matrix_power": ([a, n], kw) => {
    known("linalg.matrix_power", kw, []);
    return linalg.matrixPower(arr(a), n as number);
  },
  "linalg.multi_dot": ([arrays], kw) => {
    known("linalg.multi_dot", kw, []);
    return linalg.multiDot(arrays as NDArray[]);
  },
};

/** Every linalg op the golden cases name: the dense solvers, the spectral routines, eig. */
export const linalgOps: OpRegistry = { ...denseOps, ...spectralOps, ...eigOps, ...sparseOps };
