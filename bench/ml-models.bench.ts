/**
 * @sliderule/ml models against scikit-learn, and against ml-matrix doing the same computation:
 *
 *   ml-pca full          PCA(nComponents 10).fit on 5000×50 through "full" (QR, then the SVD of R)
 *   ml-pca covariance    the same through "covarianceEigh" (XᵀX/(n−1), then eigh of 50×50)
 *   ml-pca randomized    the same through "randomized" (Halko–Martinsson–Tropp, 7 power iterations)
 *   ml-linreg            LinearRegression().fit on 2000×50 (lstsq on the centred data; also "qr", "normal")
 *   ml-ridge             Ridge({ alpha: 1 }).fit on 2000×50 (Cholesky of XᵀX + αI)
 *
 * Each result checked is the learned vector (explainedVariance, coef), which is unique (the
 * components' signs are not: scikit-learn 1.2 picks them from U). Inputs are the harness's
 * sawtooth mixed through x ↦ (x·x·10⁴) mod 1 (as linalg1.bench.ts), so X is full rank and its
 * spectrum flat, which is the hard case for the randomized solver (its check is loosened).
 *
 * The "numpy" contender here is scikit-learn (its estimator, on NumPy + SciPy's LAPACK), run
 * by bench/numpy.ts in the interpreter it finds. Debian's scikit-learn lives in
 * /usr/bin/python3: run `BENCH_PYTHON=/usr/bin/python3 npm run bench -- ml` to get it. Without
 * scikit-learn the contender reports "scikit-learn is not installed" and the rest runs.
 * ml-matrix stands in for ml-pca (not installed: ml-pca is this very computation, centring
 * then ml-matrix's SVD with autoTranspose) and for ml-regression (ml-matrix's QR solve).
 * Issue targets: PCA within 1.5× of scikit-learn's time, LinearRegression and Ridge faster.
 */
import * as np from "@sliderule/ndarray";
import { PCA, LinearRegression, Ridge } from "@sliderule/ml";
import { CholeskyDecomposition, solve as mlSolve, SVD } from "ml-matrix";
import { filled, toRows, type Contender, type NumpyTwin, type Workload } from "./harness.js";
import { Matrix } from "./peers.js";

/** Harness data made full rank (see linalg1.bench.ts), bit-identical to MIXED_PY. */
function mixed(size: number, seed: number): Float64Array {
  return filled(size, seed).map((x) => (x * x * 1e4) % 1);
}
const MIXED_PY = "def mixed(shape, seed):\n    x = filled(shape, seed)\n    return (x * x * 1e4) % 1.0\n";

/** A twin that needs scikit-learn: a clear error (the contender is then skipped with it) when absent. */
function sklearnTwin(imports: string, setup: string, run: string): NumpyTwin {
  const guard = `try:\n    ${imports}\nexcept ImportError:\n    raise RuntimeError("scikit-learn is not installed for this python; run with BENCH_PYTHON=/usr/bin/python3 (Debian's python3-sklearn)")\n`;
  return { setup: `${guard}${MIXED_PY}${setup}`, run };
}

const srValues = (r: Float64Array | np.NDArray | number) => (typeof r === "number" ? r : r instanceof np.NDArray ? (r.flatten().data as Float64Array) : r);

// ------------------------------------------------------------------ PCA

const [pn, pd, pk] = [5000, 50, 10];
const pcaX = () => mixed(pn * pd, 1);

function ourPca(name: string, options: ConstructorParameters<typeof PCA>[0], note?: string): Contender {
  return {
    name,
    note,
    setup: () => {
      const X = np.fromTypedArray(pcaX(), [pn, pd]);
      return { run: () => new PCA(options).fit(X).explainedVariance!, values: srValues };
    },
  };
}

/** ml-pca's computation with ml-matrix: centre, then the SVD (right vectors only, autoTranspose). */
const mlMatrixPca: Contender = {
  name: "ml-matrix",
  note: "centre + SVD, as ml-pca",
  setup: () => {
    const rows = toRows(pcaX(), pn, pd);
    return {
      run: () => {
        const M = new Matrix(rows);
        const mean = M.mean("column");
        M.subRowVector(mean);
        const svd = new SVD(M, { computeLeftSingularVectors: false, computeRightSingularVectors: true, autoTranspose: true });
        return svd.diagonal.slice(0, pk).map((s) => (s * s) / (pn - 1));
      },
      values: (r: number[]) => r,
    };
  },
};

const pcaSize = `${pn}×${pd} f64, k=${pk}`;
const pcaFull: Workload = {
  name: "ml-pca full",
  size: pcaSize,
  note: 'sklearn: PCA(n_components=10, svd_solver="full")',
  contenders: [ourPca("sliderule", { nComponents: pk }, 'svdSolver "full"'), mlMatrixPca],
  numpy: sklearnTwin(
    "from sklearn.decomposition import PCA",
    `X = mixed((${pn}, ${pd}), 1)`,
    `PCA(n_components=${pk}, svd_solver="full").fit(X).explained_variance_`,
  ),
};
const pcaCov: Workload = {
  name: "ml-pca covariance",
  size: pcaSize,
  note: 'sklearn: PCA(n_components=10) with its default solver ("auto": randomized in 1.2, covariance_eigh from 1.5)',
  contenders: [
    ourPca("sliderule", { nComponents: pk, svdSolver: "covarianceEigh" }, 'svdSolver "covarianceEigh"'),
    ourPca("sliderule full", { nComponents: pk }),
  ],
  numpy: sklearnTwin(
    "from sklearn.decomposition import PCA",
    `X = mixed((${pn}, ${pd}), 1)`,
    `PCA(n_components=${pk}, random_state=0).fit(X).explained_variance_`,
  ),
  checkTolerance: 1e-2,
};
const pcaRandomized: Workload = {
  name: "ml-pca randomized",
  size: pcaSize,
  note: 'sklearn: PCA(n_components=10, svd_solver="randomized"); flat spectrum: the two sketches agree to ~1e-2 only',
  contenders: [ourPca("sliderule", { nComponents: pk, svdSolver: "randomized", randomState: 0 }, 'svdSolver "randomized"')],
  numpy: sklearnTwin(
    "from sklearn.decomposition import PCA",
    `X = mixed((${pn}, ${pd}), 1)`,
    `PCA(n_components=${pk}, svd_solver="randomized", random_state=0).fit(X).explained_variance_`,
  ),
  checkTolerance: 5e-2,
};

// ------------------------------------------------------------------ linear models

const [rn, rd] = [2000, 50];
const regInputs = () => ({ X: mixed(rn * rd, 2), y: mixed(rn, 3) });
const regSize = `${rn}×${rd} f64`;

function ourLinear(name: string, make: () => { fit(X: np.NDArray, y: np.NDArray): { coef?: np.NDArray } }, note?: string): Contender {
  return {
    name,
    note,
    setup: () => {
      const { X, y } = regInputs();
      const [A, b] = [np.fromTypedArray(X, [rn, rd]), np.fromTypedArray(y, [rn])];
      return { run: () => make().fit(A, b).coef!, values: srValues };
    },
  };
}

/** Least squares with an intercept through ml-matrix: [X 1]·[w; b] = y by QR (ml-matrix solve). */
const mlMatrixLinreg: Contender = {
  name: "ml-matrix",
  note: "QR solve of [X 1]",
  setup: () => {
    const { X, y } = regInputs();
    const rows = toRows(X, rn, rd).map((r) => [...r, 1]);
    const Y = Matrix.columnVector(Array.from(y));
    return {
      run: () => mlSolve(new Matrix(rows), Y).to1DArray().slice(0, rd),
      values: (r: number[]) => r,
    };
  },
};

const REG_PY = `X = mixed((${rn}, ${rd}), 2); y = mixed((${rn},), 3)`;
const linreg: Workload = {
  name: "ml-linreg",
  size: regSize,
  note: "sklearn: LinearRegression().fit(X, y) (scipy.linalg.lstsq, gelsd)",
  contenders: [
    ourLinear("sliderule", () => new LinearRegression(), 'solver "lstsq"'),
    ourLinear("sliderule qr", () => new LinearRegression({ solver: "qr" })),
    ourLinear("sliderule normal", () => new LinearRegression({ solver: "normal" }), "normal equations, Cholesky"),
    mlMatrixLinreg,
  ],
  numpy: sklearnTwin("from sklearn.linear_model import LinearRegression", REG_PY, "LinearRegression().fit(X, y).coef_"),
};

/** Ridge through ml-matrix: centre, then (XᵀX + αI)·w = Xᵀy by its Cholesky. */
const mlMatrixRidge: Contender = {
  name: "ml-matrix",
  note: "centre + Cholesky of XᵀX + αI",
  setup: () => {
    const { X, y } = regInputs();
    const rows = toRows(X, rn, rd);
    const yv = Array.from(y);
    return {
      run: () => {
        const M = new Matrix(rows);
        M.subRowVector(M.mean("column"));
        const ym = yv.reduce((s, v) => s + v, 0) / rn;
        const Y = Matrix.columnVector(yv.map((v) => v - ym));
        const G = M.transpose().mmul(M);
        for (let j = 0; j < rd; j++) G.set(j, j, G.get(j, j) + 1);
        return new CholeskyDecomposition(G).solve(M.transpose().mmul(Y)).to1DArray();
      },
      values: (r: number[]) => r,
    };
  },
};

const ridge: Workload = {
  name: "ml-ridge",
  size: `${regSize}, alpha=1`,
  note: 'sklearn: Ridge(alpha=1.0, solver="cholesky").fit(X, y)',
  contenders: [
    ourLinear("sliderule", () => new Ridge({ alpha: 1 }), 'solver "cholesky"'),
    ourLinear("sliderule svd", () => new Ridge({ alpha: 1, solver: "svd" })),
    mlMatrixRidge,
  ],
  numpy: sklearnTwin("from sklearn.linear_model import Ridge", REG_PY, 'Ridge(alpha=1.0, solver="cholesky").fit(X, y).coef_'),
};

export const workloads: Workload[] = [pcaFull, pcaCov, pcaRandomized, linreg, ridge];
