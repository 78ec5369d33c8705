/**
 * Advanced indexing on one million float64 elements (issue #16), against the plain loop
 * doing the same work and against NumPy:
 *
 *   mask    x.slice(mask)   NumPy x[mask]       mask = filled < 0.5 (about half true, in an
 *                                               irregular pattern: the branch is unpredictable
 *                                               for every contender alike)
 *   take    np.take(x, idx) NumPy np.take(x, idx)  idx: 1e6 int32 positions in [0, 1e6)
 *
 * The naive contenders are what one writes by hand over typed arrays: for the mask, count
 * the trues, allocate, copy the selected elements (two passes, as ours); for take,
 * `out[i] = x[idx[i]]` with no bounds check (ours checks every index and wraps negatives).
 * The target is sliderule within 2× of the naive loop.
 */
import * as np from "@sliderule/ndarray";
import { filled, type Workload } from "./harness.js";

const N = 1_000_000;
const size = "1e6 f64";

let memo: { x: Float64Array; mask: Uint8Array; idx: Int32Array } | undefined;
/** x = filled(N, 1); mask = filled(N, 2) < 0.5; idx = floor(filled(N, 3)·N), as the NumPy twin builds them. */
function inputs() {
  if (memo === undefined) {
    const u = filled(N, 2);
    const v = filled(N, 3);
    memo = { x: filled(N, 1), mask: Uint8Array.from(u, (t) => (t < 0.5 ? 1 : 0)), idx: Int32Array.from(v, (t) => Math.floor(t * N)) };
  }
  return memo;
}

const srValues = (r: np.NDArray): ArrayLike<number> => r.data as Float64Array;

const mask: Workload = {
  name: "mask",
  size,
  note: "x[mask]: count the trues, then copy the selected elements",
  contenders: [
    {
      name: "sliderule",
      setup: () => {
        const { x, mask: m } = inputs();
        const X = np.fromTypedArray(x, [N]);
        const M = np.fromTypedArray(m, [N], "bool");
        return { run: () => X.slice(M), values: srValues };
      },
    },
    {
      name: "naive",
      setup: () => {
        const { x, mask: m } = inputs();
        return {
          run: () => {
            let count = 0;
            for (let i = 0; i < N; i++) if (m[i] !== 0) count++;
            const out = new Float64Array(count);
            let k = 0;
            for (let i = 0; i < N; i++) if (m[i] !== 0) out[k++] = x[i];
            return out;
          },
          values: (r: Float64Array) => r,
        };
      },
    },
  ],
  numpy: { setup: `x = filled((${N},), 1); mask = filled((${N},), 2) < 0.5`, run: "x[mask]" },
};

const take: Workload = {
  name: "take",
  size,
  note: "np.take(x, idx) with 1e6 int32 indices: gather with a bounds check per index",
  contenders: [
    {
      name: "sliderule",
      setup: () => {
        const { x, idx } = inputs();
        const X = np.fromTypedArray(x, [N]);
        const I = np.fromTypedArray(idx, [N], "int32");
        return { run: () => np.take(X, I), values: srValues };
      },
    },
    {
      name: "naive",
      setup: () => {
        const { x, idx } = inputs();
        return {
          run: () => {
            const out = new Float64Array(N);
            for (let i = 0; i < N; i++) out[i] = x[idx[i]];
            return out;
          },
          values: (r: Float64Array) => r,
        };
      },
    },
  ],
  numpy: { setup: `x = filled((${N},), 1); idx = (filled((${N},), 3) * ${N}).astype(np.int64)`, run: "np.take(x, idx)" },
};

export const workloads: Workload[] = [mask, take];
