/**
 * ml: distances and k-means, against SciPy and scikit-learn.
 *
 *   pairwise euclidean 2000×10      D = distances between the rows of X and themselves (2000×2000)
 *   pairwise euclidean 2000×2000×64 D = distances between 2000 rows of X and 2000 of Y, 64 features
 *   kmeans digits                   Lloyd's k-means on datasets/digits.csv (1797×64), k = 10, one init
 *
 * Contenders for the distances, the tutorial's three formulations side by side
 * (packages/ml/src/distance/euclidean.ts) and SciPy:
 *   sliderule            pairwiseDistances: ‖x‖² + ‖y‖² − 2·x·y through one gemm (the default)
 *   sliderule cdist      cdist: each pair from its differences (exact, SciPy's definition)
 *   sliderule loops      pairwiseDistancesLoops: the three nested loops
 *   sliderule broadcast  pairwiseDistancesBroadcast: (X[:, None, :] − Y[None, :, :])² summed,
 *                        with NDArray operations (in blocks of 2²² elements); 2000×10 only
 *   numpy                scipy.spatial.distance.cdist (C loops over the pairs)
 * Target (issue #12): faster than SciPy's cdist.
 *
 * k-means: KMeans({ nClusters: 10, init: C0, nInit: 1 }) against scikit-learn's
 * KMeans(n_clusters=10, init=C0, n_init=1) (algorithm "lloyd", one thread), from the same
 * initial centres C0 = the k-means++ centres kmeansPlusPlus(digits, 10, { randomState: 0 })
 * picks (rows KPP_ROWS), so both run the same iterations (22 here) and end on the same
 * centres. Target: within 1.5× of scikit-learn.
 *
 * The "numpy" row is SciPy's or scikit-learn's call, timed by bench/numpy.ts in the first
 * Python that imports NumPy. Without SciPy or scikit-learn there, that row shows an error
 * saying so, and everything else runs. Debian's python3-sklearn lives in /usr/bin/python3:
 *
 *   BENCH_PYTHON=/usr/bin/python3 npm run bench -- ml
 *
 * Paired against SciPy / scikit-learn (each round: a block of our calls, then a block of
 * theirs in a fresh Python process, so both sides of a ratio see the same load on a shared
 * machine; the table above times Python minutes after the JS contenders):
 *
 *   BENCH_PYTHON=/usr/bin/python3 npx tsx bench/ml-neighbours.bench.ts --paired [rounds] [filter]
 */
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as np from "@sliderule/ndarray";
import { KMeans, cdist, kmeansPlusPlus, pairwiseDistances, pairwiseDistancesBroadcast, pairwiseDistancesLoops } from "@sliderule/ml";
import { TIMING, filled, measure, median, type Contender, type Workload } from "./harness.js";
import { findPython, runNumpy } from "./numpy.js";

const DIGITS = fileURLToPath(new URL("../datasets/digits.csv", import.meta.url));
/** kmeansPlusPlus(digits, 10, { randomState: 0 }).indices (checked in setup): scikit-learn ≥ 1.3's draws from RandomState(0) (1.2 drew the first centre by randint, so its own picks differ: C0 is passed to both). */
const KPP_ROWS = [986, 748, 768, 1431, 137, 1507, 817, 230, 465, 1097];

/** Python: import what a twin needs, or fail with a note saying what is missing. */
const need = (module: string, what: string) =>
  `try:\n    ${module}\nexcept ImportError:\n    raise RuntimeError("${what} is not installed for this Python: contender skipped (Debian's is in /usr/bin/python3: BENCH_PYTHON=/usr/bin/python3)") from None\n`;
const SCIPY = need("from scipy.spatial.distance import cdist", "SciPy");
const SKLEARN = need("from sklearn.cluster import KMeans", "scikit-learn");

const flat = (r: np.NDArray): Float64Array => r.toTypedArray() as Float64Array;
const matrix = (m: number, n: number, seed: number) => np.fromTypedArray(filled(m * n, seed), [m, n]);

/** One contender per formulation, on X (m, n) against itself or against Y (p, n). */
function formulations(m: number, p: number | null, n: number, broadcast: boolean): Contender[] {
  const inputs = () => ({ X: matrix(m, n, 1), Y: p === null ? null : matrix(p, n, 2) });
  const list: Contender[] = [
    {
      name: "sliderule",
      note: "pairwiseDistances: ‖x‖² + ‖y‖² − 2·x·y by gemm",
      setup: () => {
        const { X, Y } = inputs();
        return { run: () => pairwiseDistances(X, Y), values: flat };
      },
    },
    {
      name: "sliderule cdist",
      note: "cdist: each pair from its differences",
      setup: () => {
        const { X, Y } = inputs();
        return { run: () => cdist(X, Y ?? X), values: flat };
      },
    },
    {
      name: "sliderule loops",
      note: "pairwiseDistancesLoops",
      setup: () => {
        const { X, Y } = inputs();
        return { run: () => pairwiseDistancesLoops(X, Y), values: flat };
      },
    },
  ];
  if (broadcast) {
    list.push({
      name: "sliderule broadcast",
      note: "pairwiseDistancesBroadcast: (X[:, None] − Y[None])² summed",
      setup: () => {
        const { X, Y } = inputs();
        return { run: () => pairwiseDistancesBroadcast(X, Y), values: flat };
      },
    });
  }
  return list;
}

const selfSmall: Workload = {
  name: "ml pairwise euclidean self",
  size: "2000×10 vs itself",
  flops: 3 * 2000 * 2000 * 10,
  note: "flops: 3·m·p·n (the differences, squares and sums of the definition); numpy = scipy.spatial.distance.cdist(X, X)",
  contenders: formulations(2000, null, 10, true),
  numpy: { setup: `${SCIPY}x = filled((2000, 10), 1)`, run: "cdist(x, x)" },
};

const crossWide: Workload = {
  name: "ml pairwise euclidean cross",
  size: "2000×2000×64",
  flops: 3 * 2000 * 2000 * 64,
  note: "X (2000, 64) against Y (2000, 64); numpy = scipy.spatial.distance.cdist(X, Y)",
  contenders: formulations(2000, 2000, 64, false),
  numpy: { setup: `${SCIPY}x = filled((2000, 64), 1); y = filled((2000, 64), 2)`, run: "cdist(x, y)" },
};

let digitsMemo: np.NDArray | undefined;
function digits(): np.NDArray {
  if (!digitsMemo) {
    const rows = readFileSync(DIGITS, "utf8").trim().split("\n").slice(1);
    const x = new Float64Array(rows.length * 64);
    rows.forEach((line, i) =>
      line
        .split(",")
        .slice(0, 64)
        .forEach((v, j) => (x[i * 64 + j] = Number(v))),
    );
    digitsMemo = np.fromTypedArray(x, [rows.length, 64]);
  }
  return digitsMemo;
}

const kmeans: Workload = {
  name: "ml kmeans digits",
  size: "1797×64, k=10, one init",
  note: "Lloyd from the same k-means++ centres (22 iterations, as scikit-learn's); numpy = sklearn.cluster.KMeans(10, init=C0, n_init=1).fit(X)",
  contenders: [
    {
      name: "sliderule",
      setup: () => {
        const X = digits();
        const idx = Array.from(kmeansPlusPlus(X, 10, { randomState: 0 }).indices.toTypedArray());
        if (idx.join() !== KPP_ROWS.join()) throw new Error(`ml kmeans: k-means++ picked rows ${idx.join()}, expected ${KPP_ROWS.join()}`);
        const C0 = np.array(KPP_ROWS.map((i) => Array.from(X.slice(i).toTypedArray())));
        return { run: () => new KMeans({ nClusters: 10, init: C0, nInit: 1 }).fit(X), values: (km: KMeans) => flat(km.clusterCenters as np.NDArray) };
      },
    },
  ],
  numpy: {
    setup: `${SKLEARN}import warnings\nwarnings.simplefilter("ignore")\nx = np.loadtxt(${JSON.stringify(DIGITS)}, delimiter=",", skiprows=1)[:, :64]\nc0 = x[${JSON.stringify(KPP_ROWS)}]`,
    run: "KMeans(n_clusters=10, init=c0, n_init=1).fit(x).cluster_centers_",
  },
};

export const workloads: Workload[] = [selfSmall, crossWide, kmeans];

// ------------------------------------------------------------------ --paired (standalone)

/**
 * Each workload's `sliderule` contender against its Python twin, paired round by round (as
 * matmul-backends.bench.ts --vs-numpy): prints each round's medians and their ratio (theirs ÷
 * ours: above 1, sliderule is faster), then the median ratio.
 */
async function paired(rounds: number, filter: string | undefined): Promise<void> {
  const python = findPython();
  if (python === undefined) {
    console.log("paired: no Python with numpy (see bench/numpy.ts)");
    return;
  }
  const timing = { ...TIMING, targetSeconds: 1, minSamples: 5 };
  for (const w of workloads) {
    if (!w.numpy || (filter !== undefined && !`${w.name} ${w.size}`.includes(filter))) continue;
    const timed = await w.contenders[0].setup();
    console.log(`${w.name} ${w.size}: round, sliderule ms, python ms, python ÷ sliderule`);
    const ratios: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const ours = measure(timed, timing).measurement.medianMs;
      const res = runNumpy(python, [{ id: w.name, twin: w.numpy }], timing, true).results[0];
      if (res?.medianMs === undefined) {
        console.log(`  python: ${res?.error ?? "no result"}`);
        break;
      }
      ratios.push(res.medianMs / ours);
      console.log(`  ${r + 1}  ${ours.toFixed(2).padStart(8)}  ${res.medianMs.toFixed(2).padStart(8)}  ${ratios[r].toFixed(3).padStart(7)}`);
    }
    if (ratios.length > 0)
      console.log(`  median ratio ${median(ratios).toFixed(3)} (range ${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)})`);
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain && process.argv.includes("--paired")) {
  const [rounds, filter] = process.argv.slice(process.argv.indexOf("--paired") + 1);
  await paired(Number.isInteger(Number(rounds)) && Number(rounds) > 0 ? Number(rounds) : 6, filter);
}
