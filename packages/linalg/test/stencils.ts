/**
 * The model problems of the sparse tests and bench/sparse.bench.ts: the 2-D Poisson matrix
 * (5-point stencil, Dirichlet boundary) as CSR, and the 1-D Laplacian tridiag(−1, 2, −1) as a
 * matrix-free operator. Known spectra: 1-D, λ_k = 2 − 2·cos(kπ/(n+1)); 2-D on a q×q grid, the
 * sums λ_j + λ_k of two 1-D ones (SciPy builds it as the Kronecker sum of two 1-D Laplacians).
 */
import * as np from "@sliderule/ndarray";
import * as linalg from "@sliderule/linalg";

/** The 2-D Poisson matrix on a q×q grid, as CSR: n = q², 4 on the diagonal, −1 for each grid neighbour. */
export function poisson2d(q: number): linalg.sparse.CsrMatrix {
  const row: number[] = [];
  const col: number[] = [];
  const val: number[] = [];
  for (let i = 0; i < q; i++) {
    for (let j = 0; j < q; j++) {
      const r = i * q + j;
      const put = (c: number, v: number) => (row.push(r), col.push(c), val.push(v));
      put(r, 4);
      if (i > 0) put(r - q, -1);
      if (i < q - 1) put(r + q, -1);
      if (j > 0) put(r - 1, -1);
      if (j < q - 1) put(r + 1, -1);
    }
  }
  const i32 = (a: number[]) => np.fromTypedArray(Int32Array.from(a));
  return linalg.sparse.csrMatrix([np.fromTypedArray(Float64Array.from(val)), [i32(row), i32(col)]], { shape: [q * q, q * q] });
}

/** The 1-D Laplacian tridiag(−1, 2, −1) of order n as a matrix-free operator (matvecInto). */
export const laplacian1d = (n: number) => ({
  shape: [n, n] as [number, number],
  matvecInto(x: Float64Array, y: Float64Array) {
    for (let i = 0; i < n; i++) y[i] = 2 * x[i] - (i > 0 ? x[i - 1] : 0) - (i < n - 1 ? x[i + 1] : 0);
  },
});
