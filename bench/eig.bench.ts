/**
 * The general (nonsymmetric) eigensolver: eig and eigvals at n = 200.
 *
 *   eig       A·V = V·diag(w)   balance, Hessenberg, Francis double-shift QR, back substitution
 *   eigvals   w only            the same without the Schur vectors (about 10n³ flops, not 25n³)
 *
 * Contenders: sliderule, ml-matrix (EigenvalueDecomposition: JAMA's orthes + hqr2, the same
 * algorithm family) and NumPy on one thread (LAPACK dgeev, whose dhseqr switches to the
 * multishift QR with aggressive early deflation above n = 75). Left out, after trying them on
 * this matrix: mathjs (`eigs` accepts nonsymmetric matrices, but at n = 200 it throws "The
 * eigenvalues failed to converge" after minutes) and numpy-ts (`linalg.eig` took 229 s per
 * call and returns complex eigenvalues as "real approximations", its own warning).
 *
 * The eigenvalues come in no particular order, so results are compared through an
 * order-free fingerprint: the sorted real parts, then the sorted |imaginary parts|.
 *
 *   npm run bench -- eig
 */
import * as np from "@sliderule/ndarray";
import * as linalg from "@sliderule/linalg";
import { EigenvalueDecomposition } from "ml-matrix";
import { filled, toRows, type Workload } from "./harness.js";
import { Matrix } from "./peers.js";

const n = 200;
const flopsEig = 25 * n ** 3; // Golub & Van Loan's count for the Schur form and eigenvectors
const flopsEigvals = 10 * n ** 3;

/** A well-conditioned "random" matrix in [0, 1), as in linalg1.bench.ts (bit-identical to NumPy's). */
function mixed(size: number, seed: number): Float64Array {
  return filled(size, seed).map((x) => (x * x * 1e4) % 1);
}
const MIXED_PY = "def mixed(shape, seed):\n    x = filled(shape, seed)\n    return (x * x * 1e4) % 1.0\n";
/** NumPy's twin of `spectrum` below. */
const SPECTRUM_PY = "def spectrum(w):\n    w = np.asarray(w, dtype=np.complex128)\n    return np.concatenate([np.sort(w.real), np.sort(np.abs(w.imag))])\n";

let memo: Float64Array | undefined;
const input = (): Float64Array => (memo ??= mixed(n * n, 7));

/** The order-free fingerprint of a spectrum: sorted real parts, then sorted |imaginary parts|. */
function spectrum(re: ArrayLike<number>, im: ArrayLike<number>): number[] {
  const r = Array.from(re).sort((x, y) => x - y);
  const i = Array.from(im, Math.abs).sort((x, y) => x - y);
  return [...r, ...i];
}

/** Real and imaginary parts of our eigenvalues (real or complex128). */
function ours(w: np.NDArray): number[] {
  const d = w.data as Float64Array | Float32Array;
  if (w.dtype !== "complex128") return spectrum(d, new Float64Array(d.length));
  const re = new Float64Array(d.length / 2);
  const im = new Float64Array(d.length / 2);
  for (let k = 0; k < re.length; k++) {
    re[k] = d[2 * k];
    im[k] = d[2 * k + 1];
  }
  return spectrum(re, im);
}

const size = `${n}×${n} f64`;

const eig: Workload = {
  name: "eig",
  size,
  flops: flopsEig,
  note: "eigenvalues and right eigenvectors; compared through the sorted spectrum",
  checkTolerance: 1e-9,
  contenders: [
    {
      name: "sliderule",
      setup: () => {
        const A = np.fromTypedArray(input().slice(), [n, n]);
        return { run: () => linalg.eig(A), values: (r: linalg.EigResult) => ours(r.eigenvalues) };
      },
    },
    {
      name: "ml-matrix",
      setup: () => {
        const A = new Matrix(toRows(input(), n, n));
        return {
          run: () => new EigenvalueDecomposition(A, { assumeSymmetric: false }),
          values: (e: EigenvalueDecomposition) => spectrum(e.realEigenvalues, e.imaginaryEigenvalues),
        };
      },
    },
  ],
  numpy: { setup: `${MIXED_PY}${SPECTRUM_PY}a = mixed((${n}, ${n}), 7)`, run: "spectrum(np.linalg.eig(a)[0])" },
};

const eigvals: Workload = {
  name: "eigvals",
  size,
  flops: flopsEigvals,
  note: "eigenvalues only; compared through the sorted spectrum",
  checkTolerance: 1e-9,
  contenders: [
    {
      name: "sliderule",
      setup: () => {
        const A = np.fromTypedArray(input().slice(), [n, n]);
        return { run: () => linalg.eigvals(A), values: ours };
      },
    },
  ],
  numpy: { setup: `${MIXED_PY}${SPECTRUM_PY}a = mixed((${n}, ${n}), 7)`, run: "spectrum(np.linalg.eigvals(a))" },
};

export const workloads: Workload[] = [eig, eigvals];
