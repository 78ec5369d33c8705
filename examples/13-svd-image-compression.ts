/**
 * 13 — Image compression with the SVD: the tutorial's "Singular Value Decomposition → Image
 * compression", on a handwritten digit (8 × 8, from the digits set) and on a larger synthetic
 * picture (48 × 64, a house under a sun, drawn by a formula). An image is a matrix A (m × n);
 * its SVD A = U·Σ·Vᵀ = Σ_i σ_i·u_i·v_iᵀ writes it as a sum of rank-one layers, largest first,
 * and keeping the first k,
 *
 *   A_k = U[:, :k]·diag(σ_1 … σ_k)·Vᵀ[:k, :]        (k·(m + n + 1) numbers instead of m·n)
 *
 * is the best rank-k approximation in the Frobenius (and spectral) norm, with the error known in
 * advance from the discarded singular values (Eckart–Young, 1936):
 *
 *   ‖A − A_k‖_F² = σ_{k+1}² + … + σ_r²,   so   ‖A − A_k‖_F / ‖A‖_F = √(Σ_{i>k} σ_i² / Σ_i σ_i²).
 *
 * Each reconstruction is computed and its error checked against that identity, to a tolerance
 * of the SVD's backward error, n·‖A‖·eps. Charts (imageGrid of the reconstructions,
 * svdCompressionError of the relative error against k) go to out/13-svd-image-compression/.
 *
 * Run: npx tsx examples/13-svd-image-compression.ts
 * Every result is checked; a wrong number throws. Lines marked `py:` are the NumPy each step
 * translates. Singular values were computed by NumPy 2.4 (/usr/bin/python3: the calls are
 * beside them; load_digits().images[0] is row 0 of datasets/digits.csv) and pasted as literals.
 *
 * NumPy → Sliderule here:
 *   U, S, Vt = np.linalg.svd(A, full_matrices=False)  → const { U, S, Vh } = linalg.svd(A, { fullMatrices: false })
 *   U[:, :k] @ np.diag(S[:k]) @ Vt[:k, :]             → U.slice(":", `:${k}`).multiply(S.slice(`:${k}`)).matmul(Vh.slice(`:${k}`))
 *                                                      (U·diag(s) is U times s broadcast along rows: no diag formed)
 *   np.linalg.norm(A - A_k), np.linalg.norm(A, "fro")  → linalg.norm(A.subtract(Ak)), linalg.norm(A)
 *   np.linalg.matrix_rank(A)                           → linalg.matrixRank(A)
 *   np.clip(A_k, lo, hi)                               → np.clip(Ak, lo, hi)
 *   plt.imshow(A_k, cmap="gray_r") per subplot         → imageGrid(np.stack(images), { titles, cmap })
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import * as np from "@sliderule/ndarray";
import * as linalg from "@sliderule/linalg";
import { loadDigits } from "@sliderule/ml/datasets";
import { imageGrid, svdCompressionError, type TopLevelSpec } from "@sliderule/ml/plot";
import { writeCharts } from "@sliderule/ml/node";

const eps = 2 ** -52;
const str = (a: np.NDArray) => np.arrayToString(a); // Python's str(a)
const charts: Record<string, TopLevelSpec> = {};

/** The rank-k truncated SVD: A_k = U[:, :k]·diag(S[:k])·Vh[:k, :] (k = 0 gives the zero matrix). */
function truncate(U: np.NDArray, S: np.NDArray, Vh: np.NDArray, k: number): np.NDArray {
  // py: U[:, :k] @ np.diag(S[:k]) @ Vt[:k, :]
  return U.slice(":", `:${k}`)
    .multiply(S.slice(`:${k}`))
    .matmul(Vh.slice(`:${k}`));
}

/**
 * Compress A at every rank 0 … min(m, n), check Eckart–Young at each, and return the relative
 * errors and the reconstructions at `shown` ranks.
 *   check 1: U and V have orthonormal columns, ‖UᵀU − I‖ / (n·eps) and ‖VᵀV − I‖ / (n·eps) small;
 *   check 2: U·Σ·Vᵀ = A to n·‖A‖·eps (the full rank rebuilds the image);
 *   check 3: | ‖A − A_k‖_F − √(Σ_{i>k} σ_i²) | ≤ 10·n·‖A‖_F·eps for every k. The computed factors
 *            are an exact SVD of A + ΔA with ‖ΔA‖ ≲ n·eps·‖A‖ (backward stability; Golub & Van
 *            Loan §8.6.3), and forming A_k and A − A_k adds as much again; a norm moves by at
 *            most the perturbation's norm.
 */
function compress(label: string, A: np.NDArray, shown: number[]) {
  const [m, n] = A.shape;
  const N = Math.max(m, n);
  // py: U, S, Vt = np.linalg.svd(A, full_matrices=False)
  const { U, S, Vh } = linalg.svd(A, { fullMatrices: false });
  const r = S.shape[0]; // min(m, n)
  const normA = linalg.norm(A); // Frobenius
  const orthU = linalg.norm(U.T.matmul(U).subtract(np.eye(r))) / (N * eps);
  const orthV = linalg.norm(Vh.matmul(Vh.T).subtract(np.eye(r))) / (N * eps);
  const rebuild = linalg.norm(A.subtract(truncate(U, S, Vh, r))) / (N * normA * eps);
  console.log(`${label}: A ${m} × ${n}, ‖A‖_F = ${normA.toFixed(4)}, rank ${linalg.matrixRank(A)}`);
  console.log(`  ‖UᵀU − I‖/(n·eps) = ${orthU.toFixed(2)}, ‖VᵀV − I‖/(n·eps) = ${orthV.toFixed(2)}, ‖A − U·Σ·Vᵀ‖/(n·‖A‖·eps) = ${rebuild.toFixed(2)}`);
  assert.ok(orthU < 10 && orthV < 10 && rebuild < 10);
  // Σ σ_i² = ‖A‖_F² (the Frobenius norm is unitarily invariant)
  const s2 = np.square(S);
  assert.ok(Math.abs(s2.sum() - normA ** 2) <= 10 * N * eps * normA ** 2);

  const tol = 10 * N * normA * eps;
  const ranks: number[] = [];
  const relative: number[] = [];
  const images = new Map<number, np.NDArray>();
  let worst = 0;
  for (let k = 0; k <= r; k++) {
    const Ak = truncate(U, S, Vh, k);
    // py: err = np.linalg.norm(A - A_k)
    const err = linalg.norm(A.subtract(Ak));
    // Eckart–Young: the error is the energy of the discarded singular values
    const tail = Math.sqrt(s2.slice(`${k}:`).sum());
    worst = Math.max(worst, Math.abs(err - tail) / (N * normA * eps));
    assert.ok(Math.abs(err - tail) <= tol, `${label}, rank ${k}: ‖A − A_k‖_F = ${err} but √(Σ_{i>k} σ_i²) = ${tail}`);
    ranks.push(k);
    relative.push(err / normA);
    if (shown.includes(k)) images.set(k, Ak);
  }
  console.log(`  Eckart–Young at every rank 0…${r}: max |‖A − A_k‖_F − √(Σ_{i>k} σ_i²)| / (n·‖A‖·eps) = ${worst.toFixed(2)}`);
  // the error never grows with k, and reaches rounding level at the numerical rank
  for (let k = 1; k <= r; k++) assert.ok(relative[k] <= relative[k - 1] + tol / normA);
  return { S, ranks, relative, images, m, n };
}

/** Storage of the rank-k factors, k·(m + n + 1) (k columns of U and of V, k singular values), against m·n pixels. */
const storage = (k: number, m: number, n: number) => k * (m + n + 1);

/** One row of the console table: rank, relative error, numbers stored and their share of m·n. */
function printTable(ranks: number[], relative: number[], m: number, n: number, show: number[]) {
  console.log("   rank   rel. error   numbers stored   of m·n");
  for (const k of show) {
    const c = storage(k, m, n);
    console.log(
      `   ${String(k).padStart(4)}   ${(100 * relative[ranks.indexOf(k)]).toFixed(2).padStart(8)}%   ${String(c).padStart(14)}   ${((100 * c) / (m * n)).toFixed(1).padStart(5)}%`,
    );
  }
}

// ================================================================ a handwritten digit
// py: digits = load_digits(); A = digits.images[0]        # an 8 × 8 "0", pixels 0 … 16
const digits = loadDigits();
const A = digits.images.slice(0).copy();
assert.equal(digits.target.get(0), 0);
console.log(`digit ${digits.target.get(0)}:\n${str(A)}\n`);
const digit = compress("digit", A, [1, 2, 3, 4]);
// python3: np.linalg.svd(load_digits().images[0], compute_uv=False)
const numpyDigitS = [48.307845002607586, 24.955852639787043, 8.020753260580454, 6.029373007622525, 3.534479321858529, 0.6157632795726036, 0, 0];
assert.ok(np.allclose(digit.S, numpyDigitS, { rtol: 0, atol: 10 * 8 * eps * numpyDigitS[0] }));
console.log(`  σ = ${str(digit.S)}`);
// Columns 0 and 7 are blank, so the rank is at most 6; and it is 6
assert.equal(linalg.matrixRank(A), 6);
// python3: relative errors √(Σ_{i>k} σ_i²) / ‖A‖_F for k = 1, 2, 3
const numpyDigitRelative = [0.48974902540388204, 0.1923263464170941, 0.12662629024222813];
assert.ok(np.allclose(digit.relative.slice(1, 4), numpyDigitRelative, { rtol: 0, atol: 10 * 8 * eps }));
printTable(digit.ranks, digit.relative, 8, 8, [1, 2, 3, 4, 6]);
// storage: k·(8 + 8 + 1) = 17k beats 64 pixels only for k ≤ 3 (k < 64/17 ≈ 3.8), and rank 3 still
// leaves a 12.7% error: an 8 × 8 picture is too small for the SVD to save anything.
const breakEven = (m: number, n: number) => Math.ceil((m * n) / (m + n + 1)) - 1; // the largest k with k(m + n + 1) < m·n
assert.equal(breakEven(8, 8), 3);
assert.equal(storage(3, 8, 8), 51);
assert.ok(storage(4, 8, 8) > 64);
console.log(`  ranks up to ${breakEven(8, 8)} store fewer numbers than the 64 pixels; rank 6 (exact) needs ${storage(6, 8, 8)}\n`);

// display: imshow clips to the colour range of the original (0 … 16); the reconstructions overshoot a little
const digitTitles = ["rank 1", "rank 2", "rank 3", "rank 4", "original"];
const digitImages = [1, 2, 3, 4].map((k) => np.clip(digit.images.get(k)!, 0, 16));
digitImages.push(A);
charts["digit-reconstructions"] = imageGrid(np.stack(digitImages), {
  titles: digitTitles,
  columns: 5,
  title: "A digit rebuilt from its first k singular triplets",
});
charts["digit-error"] = svdCompressionError(digit.ranks, digit.relative, { relative: true, title: "Digit: relative error ‖A − A_k‖_F / ‖A‖_F" });

// ================================================================ a larger picture
// A 48 × 64 cartoon: a sky darkening downwards, a sun (a disc), a house with a roof (a triangle)
// and a window, the ground. Axis-aligned rectangles cost one rank each; the disc's and the roof's
// slanted edges cost more, one new row pattern per row they change.
function picture(): np.NDArray {
  const m = 48;
  const n = 64;
  const P = new Float64Array(m * n);
  for (let r = 0; r < m; r++) {
    for (let c = 0; c < n; c++) {
      let v = 0.25 + (0.5 * r) / 47; // sky
      if ((r - 12) ** 2 + (c - 48) ** 2 <= 64) v = 1.0; // sun
      if (r >= 14 && r <= 25 && Math.abs(c - 19) <= r - 14) v = 0.35; // roof
      if (r >= 26 && r <= 44 && c >= 8 && c <= 30) v = 0.1; // wall
      if (r >= 30 && r <= 35 && c >= 12 && c <= 17) v = 0.9; // window
      if (r >= 45) v = 0.6; // ground
      P[r * n + c] = v;
    }
  }
  return np.fromTypedArray(P).reshape(m, n);
}
// the same picture in Python (loops as above) gives B.sum() = 1413.8659574468084: the pixels are equal
const B = picture();
assert.ok(Math.abs(B.sum() - 1413.8659574468084) <= 48 * 64 * eps * 1413.8659574468084);
const shownRanks = [1, 2, 5, 10, 20];
const big = compress("picture", B, shownRanks);
// python3: np.linalg.svd(B, compute_uv=False)[:21]
const numpyPictureS = [
  27.190442686748231, 5.9472513350463707, 4.4787450176747523, 3.4951721864829186, 1.8692807511566585, 1.2829370121294212, 0.86142894570605144,
  0.78481810397105012, 0.77910568555084037, 0.41438656669282886, 0.24262903337056391, 0.16654929589160261, 0.12978548533320686, 0.11089944400711366,
  0.099138434444139251, 0.080035343086044292, 0.068338774039082339, 0.0554331602517492, 0.048066679004713966, 0.036398959480359053,
];
const sTol = 10 * 64 * eps * numpyPictureS[0];
assert.ok(np.allclose(big.S.slice(":20"), numpyPictureS, { rtol: 0, atol: sTol }));
// the rest are zero to rounding: the picture has rank exactly 20 (a gap of 13 orders of magnitude)
assert.ok(np.max(big.S.slice("20:")) <= sTol);
assert.equal(linalg.matrixRank(B), 20);
console.log(`  σ_1 … σ_5 = ${str(big.S.slice(":5"))}, σ_20 = ${big.S.get(19).toFixed(4)}, σ_21 = ${big.S.get(20).toExponential(1)}`);
printTable(big.ranks, big.relative, 48, 64, [1, 2, 5, 10, 15, 20]);
// storage: k·(48 + 64 + 1) = 113k numbers against 3072 pixels: rank 10 keeps 98.7% of the image
// (error 1.3%) in 37% of the numbers, and rank 20 is lossless in 74%. Break-even is k = 27.
assert.equal(breakEven(48, 64), 27);
assert.equal(storage(10, 48, 64), 1130);
// python3: s = np.linalg.svd(B, compute_uv=False); np.sqrt((s[10:]**2).sum()) / np.linalg.norm(B)
assert.ok(Math.abs(big.relative[10] - 0.013267934249864319) <= 10 * 64 * eps);
assert.ok(big.relative[20] <= 10 * 64 * eps);
console.log(`  ranks up to ${breakEven(48, 64)} store fewer numbers than the ${48 * 64} pixels\n`);

const pictureImages = shownRanks.map((k) => np.clip(big.images.get(k)!, 0, 1));
pictureImages.push(B);
const pictureTitles = [...shownRanks.map((k) => `rank ${k} (${((100 * storage(k, 48, 64)) / (48 * 64)).toFixed(0)}% of the numbers)`), "original"];
charts["picture-reconstructions"] = imageGrid(np.stack(pictureImages), {
  titles: pictureTitles,
  columns: 3,
  width: 128,
  cmap: "gray",
  title: "A 48 × 64 picture at ranks 1, 2, 5, 10, 20",
});
charts["picture-error"] = svdCompressionError(big.ranks, big.relative, { relative: true, title: "Picture: relative error ‖A − A_k‖_F / ‖A‖_F" });

// ================================================================ the charts
const outDir = fileURLToPath(new URL("../out/13-svd-image-compression/", import.meta.url));
const written = await writeCharts(outDir, charts, { title: "13 — SVD image compression" });
assert.equal(written.length, 2 * Object.keys(charts).length + 1);
console.log(`wrote:\n  ${written.join("\n  ")}`);
console.log("13-svd-image-compression: all checks passed");
