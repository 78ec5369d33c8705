/**
 * Dense linear algebra II: the SVD, eigh and what rests on them.
 *
 *   svd     U, S, Vh of A (300×200)          QR first (m ≥ 1.4n), bidiagonalisation + bidiagonal QR
 *   eigh    eigenvalues, eigenvectors (300)  tridiagonalisation + divide and conquer
 *   lstsq   x minimising ‖A·x − b‖ (2000×50) QR first, then the SVD of R
 *   pinv    A⁺ (300×300)                     SVD, then V·Σ⁺·Uᵀ by gemm
 *
 * Checked through values that are unique: singular values, eigenvalues, x, A⁺.
 * Contenders: sliderule (blocked), "sliderule unblocked" (the readable gebd2 / sytd2 alone),
 * ml-matrix, mathjs (eigs and pinv only), numpy-ts and NumPy on one thread. Issue target: at
 * least 3× faster than the fastest JS library on each.
 *
 *   npm run bench -- linalg2
 */
import * as np from "@sliderule/ndarray";
import * as linalg from "@sliderule/linalg";
import { EigenvalueDecomposition, pseudoInverse, solve as mlSolve, SingularValueDecomposition } from "ml-matrix";
import { filled, toRows, type Contender, type Timed, type Workload } from "./harness.js";
import { math, Matrix, nts } from "./peers.js";

/** Mixed values in [0, 1), bit-identical to NumPy's `mixed` (see linalg1.bench.ts). */
function mixed(size: number, seed: number): Float64Array {
  return filled(size, seed).map((x) => (x * x * 1e4) % 1);
}
const MIXED_PY = "def mixed(shape, seed):\n    x = filled(shape, seed)\n    return (x * x * 1e4) % 1.0\n";

const [sm, sn] = [300, 200];
const en = 300;
const [lm, ln] = [2000, 50];
const pn = 300;

let memo: { a: Float64Array; s: Float64Array; l: Float64Array; b: Float64Array; p: Float64Array } | undefined;
function inputs() {
  if (!memo) {
    const x = mixed(en * en, 2);
    const s = new Float64Array(en * en);
    for (let i = 0; i < en; i++) for (let j = 0; j < en; j++) s[i * en + j] = x[i * en + j] + x[j * en + i];
    memo = { a: mixed(sm * sn, 1), s, l: mixed(lm * ln, 3), b: mixed(lm, 4), p: mixed(pn * pn, 5) };
  }
  return memo;
}

const sr = (x: Float64Array, shape: number[]) => np.fromTypedArray(x.slice(), shape);
const flat = (r: np.NDArray): ArrayLike<number> => r.flatten().data as Float64Array;
const UNBLOCKED = { blockSize: 1 << 30 };
type NtsArray = ReturnType<typeof nts.frombuffer>;
const ntsArray = (x: Float64Array, shape: number[]): NtsArray => nts.frombuffer(x.slice(), "float64").reshape(...shape);
const ntsFlat = (r: unknown): number[] => ((r as NtsArray).toArray() as number[][]).flat(2) as number[];
function ntsTimed<R>(run: () => R, values: (r: R) => ArrayLike<number> | number): Timed<R> {
  return {
    run,
    values,
    dispose: (r) => {
      const parts = Array.isArray(r) ? r : r instanceof Object ? Object.values(r as object) : [r];
      for (const x of parts) if (x instanceof Object && "dispose" in x) (x as { dispose(): void }).dispose();
    },
  };
}
const sortedAsc = (x: ArrayLike<number>) => Array.from(x).sort((p, q) => p - q);

function ours(run: (o: { blockSize?: number }) => ArrayLike<number>): Contender[] {
  return [
    { name: "sliderule", setup: () => ({ run: () => run({}), values: (r: ArrayLike<number>) => r }) },
    { name: "sliderule unblocked", setup: () => ({ run: () => run(UNBLOCKED), values: (r: ArrayLike<number>) => r }) },
  ];
}

const svd: Workload = {
  name: "svd",
  size: `${sm}×${sn} f64`,
  note: "full U, S, Vh; checked through S",
  contenders: [
    ...ours((o) => {
      const A = sr(inputs().a, [sm, sn]);
      return flat(linalg.svd(A, o).S);
    }),
    {
      name: "ml-matrix",
      setup: () => {
        const A = new Matrix(toRows(inputs().a, sm, sn));
        return { run: () => new SingularValueDecomposition(A), values: (r: SingularValueDecomposition) => r.diagonal };
      },
    },
    {
      name: "numpy-ts",
      setup: () => {
        const A = ntsArray(inputs().a, [sm, sn]);
        return ntsTimed(
          () => nts.linalg.svd(A) as unknown as { s: NtsArray },
          (r) => ntsFlat(r.s),
        );
      },
    },
  ],
  numpy: { setup: `${MIXED_PY}a = mixed((${sm}, ${sn}), 1)`, run: "np.linalg.svd(a)[1]" },
};

const eigh: Workload = {
  name: "eigh",
  size: `${en}×${en} f64`,
  note: "eigenvalues and eigenvectors of a symmetric matrix; checked through the eigenvalues",
  contenders: [
    ...ours((o) => {
      const S = sr(inputs().s, [en, en]);
      return flat(linalg.eigh(S, o).eigenvalues);
    }),
    {
      name: "ml-matrix",
      setup: () => {
        const S = new Matrix(toRows(inputs().s, en, en));
        return { run: () => new EigenvalueDecomposition(S, { assumeSymmetric: true }), values: (r: EigenvalueDecomposition) => sortedAsc(r.realEigenvalues) };
      },
    },
    {
      name: "mathjs",
      setup: () => {
        const S = math.matrix(toRows(inputs().s, en, en));
        return { run: () => math.eigs(S), values: (r: { values: unknown }) => sortedAsc(((r.values as math.Matrix).toArray() as number[]).flat()) };
      },
    },
    {
      name: "numpy-ts",
      setup: () => {
        const S = ntsArray(inputs().s, [en, en]);
        return ntsTimed(
          () => nts.linalg.eigh(S) as unknown as { w: NtsArray },
          (r) => sortedAsc(ntsFlat(r.w)),
        );
      },
    },
  ],
  numpy: { setup: `${MIXED_PY}x = mixed((${en}, ${en}), 2); s = x + x.T`, run: "np.linalg.eigh(s)[0]" },
};

const lstsq: Workload = {
  name: "lstsq",
  size: `${lm}×${ln} f64`,
  note: "x minimising ‖A·x − b‖, one right-hand side",
  contenders: [
    ...ours(() => {
      const { l, b } = inputs();
      return flat(linalg.lstsq(sr(l, [lm, ln]), sr(b, [lm])).x);
    }).slice(0, 1),
    {
      name: "ml-matrix",
      setup: () => {
        const { l, b } = inputs();
        const [A, B] = [new Matrix(toRows(l, lm, ln)), Matrix.columnVector(Array.from(b))];
        return { run: () => mlSolve(A, B, true), values: (r: Matrix) => r.to1DArray() };
      },
    },
    {
      name: "numpy-ts",
      setup: () => {
        const { l, b } = inputs();
        const [A, B] = [ntsArray(l, [lm, ln]), ntsArray(b, [lm])];
        return ntsTimed(
          () => nts.linalg.lstsq(A, B, null) as unknown as { x: NtsArray },
          (r) => ntsFlat(r.x),
        );
      },
    },
  ],
  numpy: { setup: `${MIXED_PY}a = mixed((${lm}, ${ln}), 3); b = mixed((${lm},), 4)`, run: "np.linalg.lstsq(a, b, rcond=None)[0]" },
};

const pinv: Workload = {
  name: "pinv",
  size: `${pn}×${pn} f64`,
  note: "A⁺ by the SVD",
  contenders: [
    ...ours(() => flat(linalg.pinv(sr(inputs().p, [pn, pn])))).slice(0, 1),
    {
      name: "ml-matrix",
      setup: () => {
        const A = new Matrix(toRows(inputs().p, pn, pn));
        return { run: () => pseudoInverse(A), values: (r: Matrix) => r.to1DArray() };
      },
    },
    {
      name: "mathjs",
      setup: () => {
        const A = math.matrix(toRows(inputs().p, pn, pn));
        return { run: () => math.pinv(A), values: (r: math.Matrix) => (r.toArray() as number[][]).flat() };
      },
    },
    {
      name: "numpy-ts",
      setup: () => {
        const A = ntsArray(inputs().p, [pn, pn]);
        return ntsTimed(() => nts.linalg.pinv(A), ntsFlat);
      },
    },
  ],
  numpy: { setup: `${MIXED_PY}a = mixed((${pn}, ${pn}), 5)`, run: "np.linalg.pinv(a)" },
  checkTolerance: 1e-6,
};

export const workloads: Workload[] = [svd, eigh, lstsq, pinv];
