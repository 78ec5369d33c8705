/**
 * Everyday element-wise work against NumPy (issue #16):
 *
 *   power 2          x.power(2) on 1e6 float64: with the scalar-exponent fast path it runs the
 *                    square loop, as NumPy's fast_scalar_power does
 *   square           x.square(), the same work, the yardstick for power 2
 *   power 0.5        x.power(0.5): the sqrt loop
 *   power 2.7        a general exponent: Math.pow per element (no fast path), for scale
 *   pairwise sq dist the tutorial's broadcast distances:
 *                    ((X[:, None, :] − X[None, :, :])²).sum(axis=−1) for X 500×10, i.e. a
 *                    (500, 500, 10) broadcast subtract with stride-0 axes, a square, and a sum
 *                    over a short contiguous last axis
 *
 * The naive contenders are the plain loops anyone would write (for the pairwise case, the
 * three nested loops fused, with no temporaries: the ceiling, not a fair peer).
 *
 * Paired against NumPy (standalone; the table of `npm run bench` times NumPy minutes after
 * us, and on a shared machine its ratios swing by 2× and more):
 *
 *   npx tsx bench/everyday.bench.ts --vs-numpy [rounds]
 *
 * alternates, round after round, a block of our calls and a block of NumPy's (a fresh Python
 * process) for each workload, and prints the median of the per-round ratios ours ÷ NumPy's
 * time (above 1: slower than NumPy).
 */
import { pathToFileURL } from "node:url";
import * as np from "@sliderule/ndarray";
import { filled, measure, median, TIMING, type Workload } from "./harness.js";
import { findPython, runNumpy } from "./numpy.js";

const N = 1_000_000;
const sizeN = "1e6 f64";

let memoX: Float64Array | undefined;
const xs = () => (memoX ??= filled(N, 1));
const srValues = (r: np.NDArray): ArrayLike<number> => r.flatten().data as Float64Array;

function powerWorkload(name: string, run: (x: np.NDArray) => np.NDArray, naive: (x: number) => number, numpy: string): Workload {
  return {
    name,
    size: sizeN,
    flops: N,
    contenders: [
      {
        name: "sliderule",
        setup: () => {
          const X = np.fromTypedArray(xs(), [N]);
          return { run: () => run(X), values: srValues };
        },
      },
      {
        name: "naive",
        setup: () => {
          const x = xs();
          return {
            run: () => {
              const y = new Float64Array(N);
              for (let i = 0; i < N; i++) y[i] = naive(x[i]);
              return y;
            },
            values: (r: Float64Array) => r,
          };
        },
      },
    ],
    numpy: { setup: `x = filled((${N},), 1)`, run: numpy },
  };
}

const m = 500;
const d = 10;

const pairwise: Workload = {
  name: "pairwise sq dist",
  size: `${m}×${d} f64 -> ${m}×${m}`,
  flops: 3 * m * m * d,
  note: "X.slice(':', null, ':').subtract(X.slice(null, ':', ':')).square().sum({ axis: -1 }), and the same with power(2)",
  contenders: [
    {
      name: "sliderule",
      setup: () => {
        const X = np.fromTypedArray(filled(m * d, 5), [m, d]);
        return {
          run: () =>
            X.slice(":", null, ":")
              .subtract(X.slice(null, ":", ":"))
              .power(2)
              .sum({ axis: -1 }),
          values: srValues,
        };
      },
    },
    {
      name: "sliderule square",
      setup: () => {
        const X = np.fromTypedArray(filled(m * d, 5), [m, d]);
        return {
          run: () =>
            X.slice(":", null, ":")
              .subtract(X.slice(null, ":", ":"))
              .square()
              .sum({ axis: -1 }),
          values: srValues,
        };
      },
    },
    {
      name: "naive",
      setup: () => {
        const x = filled(m * d, 5);
        return {
          run: () => {
            const D = new Float64Array(m * m);
            for (let i = 0; i < m; i++) {
              for (let j = 0; j < m; j++) {
                let s = 0;
                for (let k = 0; k < d; k++) {
                  const t = x[i * d + k] - x[j * d + k];
                  s += t * t;
                }
                D[i * m + j] = s;
              }
            }
            return D;
          },
          values: (r: Float64Array) => r,
        };
      },
    },
  ],
  numpy: { setup: `X = filled((${m}, ${d}), 5)`, run: "((X[:, None, :] - X[None, :, :])**2).sum(axis=-1)" },
};

export const workloads: Workload[] = [
  powerWorkload(
    "power 2",
    (x) => x.power(2),
    (v) => v * v,
    "x ** 2",
  ),
  powerWorkload(
    "square",
    (x) => x.square(),
    (v) => v * v,
    "np.square(x)",
  ),
  powerWorkload("power 0.5", (x) => x.power(0.5), Math.sqrt, "x ** 0.5"),
  powerWorkload(
    "power 2.7",
    (x) => x.power(2.7),
    (v) => Math.pow(v, 2.7),
    "x ** 2.7",
  ),
  pairwise,
];

// ------------------------------------------------------------------ --vs-numpy (standalone)

function vsNumpy(rounds: number): void {
  const python = findPython();
  if (python === undefined) {
    console.log("vs-numpy: no Python with numpy (see bench/numpy.ts)");
    return;
  }
  const timing = { ...TIMING, targetSeconds: 1, minSamples: 5 };
  const X = np.fromTypedArray(filled(m * d, 5), [m, d]);
  const x = np.fromTypedArray(xs(), [N]);
  const jobs: { name: string; ours: () => unknown; setup: string; run: string }[] = [
    { name: "power(2) 1e6 vs x**2", ours: () => x.power(2), setup: `x = filled((${N},), 1)`, run: "x ** 2" },
    { name: "square 1e6 vs np.square", ours: () => x.square(), setup: `x = filled((${N},), 1)`, run: "np.square(x)" },
    { name: "power(2) 1e6 vs np.square", ours: () => x.power(2), setup: `x = filled((${N},), 1)`, run: "np.square(x)" },
    {
      name: "pairwise sq dist 500×10 (power 2)",
      ours: () =>
        X.slice(":", null, ":")
          .subtract(X.slice(null, ":", ":"))
          .power(2)
          .sum({ axis: -1 }),
      setup: `X = filled((${m}, ${d}), 5)`,
      run: "((X[:, None, :] - X[None, :, :])**2).sum(axis=-1)",
    },
  ];
  const ratios = jobs.map(() => [] as number[]);
  console.log("round  " + jobs.map((j) => j.name).join(" | ") + "   (ours ms / numpy ms = ratio)");
  for (let r = 0; r < rounds; r++) {
    const cells: string[] = [];
    jobs.forEach((job, k) => {
      const ours = measure({ run: job.ours }, timing).measurement.medianMs;
      const res = runNumpy(python, [{ id: job.name, twin: { setup: job.setup, run: job.run } }], timing, true).results[0];
      if (res?.medianMs === undefined) throw new Error(`vs-numpy: numpy failed: ${res?.error ?? "no result"}`);
      ratios[k].push(ours / res.medianMs);
      cells.push(`${ours.toFixed(2)}/${res.medianMs.toFixed(2)} = ${(ours / res.medianMs).toFixed(2)}×`);
    });
    console.log(`${String(r + 1).padEnd(7)}${cells.join("   ")}`);
  }
  jobs.forEach((job, k) => {
    const rs = ratios[k];
    console.log(
      `${job.name}: median ours ÷ numpy ${median(rs).toFixed(2)}× (range ${Math.min(...rs).toFixed(2)}–${Math.max(...rs).toFixed(2)}, ${rounds} rounds)`,
    );
  });
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain && process.argv.includes("--vs-numpy")) {
  const rounds = Number(process.argv[process.argv.indexOf("--vs-numpy") + 1]);
  vsNumpy(Number.isInteger(rounds) && rounds > 0 ? rounds : 5);
}
