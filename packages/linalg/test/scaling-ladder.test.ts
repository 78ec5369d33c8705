/**
 * The scaling ladder: the SVD-based functions and eigh on 2^k·A for k from −1018 to +1018.
 *
 * Multiplying by a power of two is exact while the entries stay normal, and the drivers scale
 * into a safe range by powers of two (primitives/safe-scale.ts), so every answer must be the
 * unscaled matrix's answer times the matching power of two: singular values ×2^k, eigenvalues
 * ×2^k, pinv ×2^−k, cond and matrixRank unchanged, lstsq's x for (2^k·A, 2^k·b) unchanged.
 * Tolerance 10·n·eps: per value for singular values (the scaling is exact, so they agree to
 * rounding), normwise (relative to the largest) for eigenvalues, pinv and x, whose small
 * entries are only accurate to eps·‖·‖ (dsteqr's own rescaling is not a power of two).
 *
 * A (5×4) and S (5×5 symmetric) have entries of magnitude in [0.5, 4] and σ_max(A) = 6.8,
 * |λ|_max(S) = 9.9, so 2^k·A stays normal and finite for |k| ≤ 1018. A complex 5×3 and a
 * Hermitian 4×4 run a shorter ladder; NumPy raises nowhere on these (no entry overflows).
 */
import * as np from "@sliderule/ndarray";
import type { NDArray } from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { cond, eigh, eigvalsh, lstsq, matrixRank, norm, pinv, svd } from "../src/index.js";
import { hpdMatrix, randomComplex } from "./corpus.js";

const A = [
  [-2.484, 2.008, -0.829, 1.718],
  [-2.675, 0.576, 3.561, -3.489],
  [0.655, -3.308, 1.147, -2.935],
  [1.043, -2.921, 3.855, 3.947],
  [-2.822, -1.073, 1.882, 1.473],
];
const S = [
  [1.799, -0.703, -2.945, -2.711, -2.772],
  [-0.703, 3.81, 1.855, -0.746, 3.962],
  [-2.945, 1.855, -3.176, 3.309, 2.833],
  [-2.711, -0.746, 3.309, -1.003, -1.205],
  [-2.772, 3.962, 2.833, -1.205, 3.196],
];
const b = [3.329, 1.619, 2.382, 3.482, 2.836];
const eps = 2 ** -52;
const tol = 10 * 5 * eps;

const KS = [-1018, -1000, ...Array.from({ length: 39 }, (_, i) => -950 + 50 * i), 1000, 1018];

function scaled(M: number[][], k: number): NDArray {
  return np.array(
    M.map((row) => row.map((x) => x * 2 ** k)),
    "float64",
  );
}
function values(x: unknown): number[] {
  return typeof x === "number" ? [x] : Array.from((x as NDArray).data as Float64Array);
}
/** max_i |x_i − y_i| / |y_i| */
function relEach(x: number[], y: number[]): number {
  return Math.max(...x.map((v, i) => Math.abs(v - y[i]) / Math.abs(y[i])));
}
/** max_i |x_i − y_i| / max_i |y_i| */
function relNorm(x: number[], y: number[]): number {
  const scale = Math.max(...y.map(Math.abs));
  return Math.max(...x.map((v, i) => Math.abs(v - y[i]) / scale));
}
const times = (x: number[], f: number) => x.map((v) => v * f);

// the unscaled answers
const s0 = values(svd(A, { computeUv: false }));
const sUV0 = values(svd(A).S);
const lam0 = values(eigvalsh(S));
const eig0 = values(eigh(S).eigenvalues);
const pinv0 = values(pinv(A));
const cond0 = values(cond(A))[0];
const x0 = values(lstsq(A, b).x);
const ls0 = lstsq(A, b);
const norm2 = values(norm(A, 2))[0];
const normNuc = values(norm(A, "nuc"))[0];
const normM2 = values(norm(A, -2))[0];

describe("scaling ladder: f(2^k·A) is f(A) scaled, for k in [−1018, 1018]", () => {
  it("the unscaled answers are NumPy's", () => {
    // np.linalg.svd(A, compute_uv=False), np.linalg.eigvalsh(S), np.linalg.cond(A)
    expect(relEach(s0, [6.84375533, 6.46650624, 5.4229916, 2.07584035])).toBeLessThan(1e-8);
    expect(relEach(lam0, [-6.56257561, -2.87365253, -0.18080327, 4.39056343, 9.85246799])).toBeLessThan(1e-8);
    expect(Math.abs(cond0 - 3.2968601597749143) / cond0).toBeLessThan(1e-14);
  });

  it.each(KS)("svd, norm(2, 'nuc', -2), cond, matrixRank at k = %i", (k) => {
    const f = 2 ** k;
    const Ak = scaled(A, k);
    expect(relEach(values(svd(Ak, { computeUv: false })), times(s0, f))).toBeLessThanOrEqual(tol);
    const { U, S: Sk, Vh } = svd(Ak, { fullMatrices: false });
    expect(relEach(values(Sk), times(sUV0, f))).toBeLessThanOrEqual(tol);
    // the vectors are those of A: U·diag(S/2^k)·Vh reproduces A
    const R = np.matmul(np.multiply(U, np.divide(Sk, f)), Vh);
    expect(relNorm(values(R), A.flat())).toBeLessThanOrEqual(tol);
    expect(relEach(values(norm(Ak, 2)), [norm2 * f])).toBeLessThanOrEqual(tol);
    expect(relEach(values(norm(Ak, "nuc")), [normNuc * f])).toBeLessThanOrEqual(tol);
    expect(relEach(values(norm(Ak, -2)), [normM2 * f])).toBeLessThanOrEqual(tol);
    expect(relEach(values(cond(Ak)), [cond0])).toBeLessThanOrEqual(tol);
    expect(values(matrixRank(Ak))).toEqual([4]);
  });

  it.each(KS)("eigh and eigvalsh at k = %i", (k) => {
    const f = 2 ** k;
    const Sk = scaled(S, k);
    expect(relNorm(values(eigvalsh(Sk)), times(lam0, f))).toBeLessThanOrEqual(tol);
    const { eigenvalues, eigenvectors } = eigh(Sk);
    expect(relNorm(values(eigenvalues), times(eig0, f))).toBeLessThanOrEqual(tol);
    // Z·diag(λ/2^k)·Zᵀ reproduces S
    const R = np.matmul(np.multiply(eigenvectors, np.divide(eigenvalues, f)), eigenvectors.T);
    expect(relNorm(values(R), S.flat())).toBeLessThanOrEqual(tol);
  });

  it.each(KS)("pinv and lstsq at k = %i", (k) => {
    const f = 2 ** k;
    const Ak = scaled(A, k);
    expect(relNorm(values(pinv(Ak)), times(pinv0, 1 / f))).toBeLessThanOrEqual(tol);
    const r = lstsq(Ak, times(b, f));
    expect(relNorm(values(r.x), x0)).toBeLessThanOrEqual(tol);
    expect(r.rank).toBe(4);
    expect(relEach(values(r.s), times(values(ls0.s), f))).toBeLessThanOrEqual(tol);
    // residuals scale by 4^k: representable for |k| ≤ 500
    if (Math.abs(k) <= 500) expect(relEach(values(r.residuals), times(values(ls0.residuals), f * f))).toBeLessThanOrEqual(tol);
  });
});

describe("scaling ladder, complex input (zgesdd's and zheevd's scaling)", () => {
  const Z = randomComplex([5, 3], 11);
  const Hm = hpdMatrix(4, 12);
  const sZ = values(svd(Z, { computeUv: false }));
  const lH = values(eigvalsh(Hm));
  it.each([-1018, -700, -300, 300, 700, 1015])("svd and eigvalsh at k = %i", (k) => {
    const f = 2 ** k;
    expect(relEach(values(svd(Z.multiply(f), { computeUv: false })), times(sZ, f))).toBeLessThanOrEqual(tol);
    expect(relEach(values(svd(Z.multiply(f)).S), times(values(svd(Z).S), f))).toBeLessThanOrEqual(tol);
    expect(relNorm(values(eigvalsh(Hm.multiply(f))), times(lH, f))).toBeLessThanOrEqual(tol);
  });
});

describe("extreme magnitudes that are not powers of two", () => {
  // B (4×4), H = (B + Bᵀ)/2
  const B = [
    [-0.0986, 0.2706, -0.2167, 0.283],
    [-0.2154, 0.1093, -0.1017, -0.2134],
    [0.0858, -0.2005, 0.3064, -0.3082],
    [-0.0356, 0.1128, -0.0218, -0.1112],
  ];
  const H = B.map((r, i) => r.map((x, j) => (x + B[j][i]) / 2));
  const sB = values(svd(B, { computeUv: false }));
  const lH = values(eigvalsh(H));

  it("B·1e−308 (entries partly subnormal) keeps B's singular values and eigenvalues", () => {
    // before scaling: [0.3706, 0.2545, 0.1636, 0.0811] instead of [0.6637, 0.3658, 0.1034, 0.0499]
    const f = 1e-308;
    const s = values(
      svd(
        B.map((r) => r.map((x) => x * f)),
        { computeUv: false },
      ),
    );
    expect(relNorm(times(s, 1 / f), sB)).toBeLessThan(1e-14); // the inputs are rounded to 2^−1074
    const l = values(eigvalsh(H.map((r) => r.map((x) => x * f))));
    expect(relNorm(times(l, 1 / f), lH)).toBeLessThan(1e-14);
  });

  it("entries near 1e308 converge (svd, lstsq, pinv, eigh), as in NumPy", () => {
    // np.linalg.svd / pinv / lstsq of [[1e308, 1e308], [1e308, -1e308]]: σ = [1.41421356e308] * 2
    const C = [
      [1e308, 1e308],
      [1e308, -1e308],
    ];
    expect(relEach(values(svd(C, { computeUv: false })), [1.4142135623730951e308, 1.4142135623730951e308])).toBeLessThan(1e-15);
    expect(relEach(values(svd(C).S), [1.4142135623730951e308, 1.4142135623730951e308])).toBeLessThan(1e-15);
    expect(relNorm(values(pinv(C)), [5e-309, 5e-309, 5e-309, -5e-309])).toBeLessThan(1e-15);
    expect(relNorm(values(lstsq(C, C[0]).x), [1, 0])).toBeLessThan(1e-15);
    expect(relEach(values(eigvalsh(C)), [-1.4142135623730951e308, 1.4142135623730951e308])).toBeLessThan(1e-15);
    // np.linalg.svd(D, compute_uv=False) for D = [[1.2, .5, .1], [.5, -.9, .3], [.1, .3, .7]] * 1e308
    const D = [
      [1.2e308, 0.5e308, 0.1e308],
      [0.5e308, -0.9e308, 0.3e308],
      [0.1e308, 0.3e308, 0.7e308],
    ];
    const sD = [1.3558295014410586e308, 1.054960657721467e308, 6.991311562804078e307];
    expect(relEach(values(svd(D, { computeUv: false })), sD)).toBeLessThan(1e-14);
    expect(relEach(values(svd(D).S), sD)).toBeLessThan(1e-14);
    expect(relEach(values(eigh(D).eigenvalues), [-sD[1], sD[2], sD[0]])).toBeLessThan(1e-14);
  });
});
