/**
 * Square test matrices for the nonsymmetric eigensolver (hessenberg, schur, eig), with their
 * true spectra where known. Each entry has a tolerance factor `cond` for the eigenvalue check
 *
 *   |λ − λ_true| ≤ cond·n·eps·‖A‖_F           (cond = 1e3 for well-conditioned spectra)
 *
 * and `spectrumTol` overriding it where perturbation theory says more (a Jordan block of size k
 * moves its eigenvalue by ‖E‖^(1/k)). The square matrices of test/corpus.ts are added, and
 * `withViews` derives stacks and strided views as corpus() does.
 */
import * as np from "@sliderule/ndarray";
import type { NDArray } from "@sliderule/ndarray";
import { baseCorpus, batched, normals, randomComplex, randomMatrix, rng, slicedView, transposedView } from "./corpus.js";

export interface EigCase {
  name: string;
  a: NDArray;
  /** The true eigenvalues as [re, im] pairs, when known (per matrix; stacks: of the first). */
  spectrum?: [number, number][];
  /** Absolute tolerance for the spectrum check (default 1e3·n·eps·‖A‖_F). */
  spectrumTol?: number;
  tags: string[];
}

/** The companion matrix of the monic polynomial x^n + c[n−1]·x^{n−1} + … + c[0] (NumPy's roots() layout). */
export function companion(c: readonly number[]): NDArray {
  const n = c.length;
  const A = np.zeros([n, n]);
  for (let j = 0; j < n; j++) A.set(0, j, -c[n - 1 - j]);
  for (let i = 1; i < n; i++) A.set(i, i - 1, 1);
  return A;
}

/** Coefficients c[0..n−1] of Π(x − r_k) (monic, lowest degree first; real roots). */
export function polyFromRoots(roots: readonly number[]): number[] {
  let p = [1]; // highest degree first
  for (const r of roots) {
    const q = new Array<number>(p.length + 1).fill(0);
    for (let i = 0; i < p.length; i++) {
      q[i] += p[i];
      q[i + 1] -= r * p[i];
    }
    p = q;
  }
  // p = [1, a_{n−1}, …, a_0] → c[k] = a_k
  return p.slice(1).reverse();
}

/** A copy of A with the entries below diagonal k zeroed (NumPy's triu). */
function triu(a: NDArray, k = 0): NDArray {
  const b = a.copy();
  const [m, n] = b.shape;
  for (let i = 0; i < m; i++) for (let j = 0; j < Math.min(n, i + k); j++) b.set(i, j, 0);
  return b;
}

/** A copy of A with the entries above the diagonal zeroed (NumPy's tril). */
function tril(a: NDArray): NDArray {
  const b = a.copy();
  const [m, n] = b.shape;
  for (let i = 0; i < m; i++) for (let j = i + 1; j < n; j++) b.set(i, j, 0);
  return b;
}

const real = (xs: readonly number[]): [number, number][] => xs.map((x) => [x, 0]);

/** The base cases (single matrices), in groups. */
export function eigBaseCases(): EigCase[] {
  const out: EigCase[] = [];
  const add = (name: string, a: NDArray, tags: string[], spectrum?: [number, number][], spectrumTol?: number) =>
    out.push({ name, a, tags, spectrum, spectrumTol });
  simpleCases(add);
  knownSpectrumCases(add);
  defectiveCases(add);
  structuredCases(add);
  precisionAndScaleCases(add);
  return out;
}

/** Adds one case: name, matrix, tags, and optionally its known spectrum (re, im) and tolerance. */
type AddCase = (name: string, a: NDArray, tags: string[], spectrum?: [number, number][], spectrumTol?: number) => void;

/** The square real matrices of the base corpus, a random 100×100, the empty, 1×1 and zero matrices. */
function simpleCases(add: AddCase): void {
  for (const c of baseCorpus()) {
    const [m, n] = c.a.shape;
    if (m !== n || c.tags.includes("complex") || c.tags.includes("empty")) continue;
    add(c.name, c.a, ["corpus", ...c.tags]);
  }
  add("random 100x100", randomMatrix([100, 100], 4242), ["random"]);
  add("empty 0x0", np.zeros([0, 0]), ["empty"], []);
  add("1x1", np.array([[-3.5]]), ["1x1"], real([-3.5]));
  add("zero 4x4", np.zeros([4, 4]), ["zero"], real([0, 0, 0, 0]));
}

/** Symmetric, rotations, companion matrices of known polynomials, the cyclic shift. */
function knownSpectrumCases(add: AddCase): void {
  // symmetric: real spectrum
  const S = randomMatrix([7, 7], 77);
  add("symmetric 7", S.add(S.T), ["symmetric"]);
  // rotation by θ: e^{±iθ}
  const th = 0.7;
  add(
    "rotation 2x2",
    np.array([
      [Math.cos(th), -Math.sin(th)],
      [Math.sin(th), Math.cos(th)],
    ]),
    ["complex-pair"],
    [
      [Math.cos(th), Math.sin(th)],
      [Math.cos(th), -Math.sin(th)],
    ],
  );
  add(
    "rotation by 90°",
    np.array([
      [0, -1],
      [1, 0],
    ]),
    ["complex-pair"],
    [
      [0, 1],
      [0, -1],
    ],
  );
  // companion matrices of known polynomials
  add("companion (x−1)(x−2)(x−3)(x−4)", companion(polyFromRoots([1, 2, 3, 4])), ["companion"], real([1, 2, 3, 4]), 1e-10);
  const r8 = Math.SQRT1_2;
  add(
    "companion x⁴ + 1",
    companion([1, 0, 0, 0]),
    ["companion", "complex-pair"],
    [
      [r8, r8],
      [r8, -r8],
      [-r8, r8],
      [-r8, -r8],
    ],
  );
  add(
    "companion x³ − 1",
    companion([-1, 0, 0]),
    ["companion", "complex-pair"],
    [
      [1, 0],
      [-0.5, Math.sqrt(3) / 2],
      [-0.5, -Math.sqrt(3) / 2],
    ],
  );
  // the cyclic shift: plain Francis shifts stall on it (exceptional shifts needed); spectrum: 4th roots of 1
  add(
    "cyclic permutation 4",
    np.array([
      [0, 0, 0, 1],
      [1, 0, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 1, 0],
    ]),
    ["exceptional"],
    [
      [1, 0],
      [-1, 0],
      [0, 1],
      [0, -1],
    ],
  );
}

/** Jordan blocks, bare and hidden by similarities. */
function defectiveCases(add: AddCase): void {
  // defective: Jordan blocks (eigenvalue error ~ eps^(1/k))
  add(
    "Jordan block 2, λ = 3",
    np.array([
      [3, 1],
      [0, 3],
    ]),
    ["defective"],
    real([3, 3]),
    1e-7,
  );
  const J4 = np.zeros([4, 4]);
  for (let i = 0; i < 4; i++) {
    J4.set(i, i, 2);
    if (i < 3) J4.set(i, i + 1, 1);
  }
  add("Jordan block 4, λ = 2", J4, ["defective"], real([2, 2, 2, 2]), 1e-3);
  // J4 hidden by the similarity S·J4·S⁻¹, S = I + ¼·11ᵀ, S⁻¹ = I − ⅛·11ᵀ (exact in binary)
  const S4 = np.eye(4).add(np.ones([4, 4]).multiply(0.25));
  const S4i = np.eye(4).subtract(np.ones([4, 4]).multiply(0.125));
  const hidden = np.zeros([4, 4]);
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      let s = 0;
      for (let p = 0; p < 4; p++) for (let q = 0; q < 4; q++) s += S4.get(i, p) * J4.get(p, q) * S4i.get(q, j);
      hidden.set(i, j, s);
    }
  }
  add("Jordan block 4, dense (S·J·S⁻¹)", hidden, ["defective"], real([2, 2, 2, 2]), 1e-3);
  // a Jordan block hidden by a similarity (not triangular any more)
  add(
    "defective 3 (similar to a Jordan block)",
    np
      .array([
        [1, 1, 0],
        [-1, 3, 1],
        [0, 0, 2],
      ])
      .astype("float64"),
    ["defective"],
    real([2, 2, 2]),
    1e-4,
  );
}

/** Diagonal, triangular, partly isolated, badly scaled, block triangular with complex pairs. */
function structuredCases(add: AddCase): void {
  add(
    "diagonal, repeated",
    np
      .array([
        [2, 0, 0, 0],
        [0, -1, 0, 0],
        [0, 0, 2, 0],
        [0, 0, 0, 5],
      ])
      .astype("float64"),
    ["diagonal"],
    real([2, -1, 2, 5]),
  );
  // upper triangular: eigenvalues on the diagonal (balancing isolates every one of them)
  const U = triu(randomMatrix([6, 6], 66));
  add("upper triangular 6", U, ["triangular"], real(Array.from({ length: 6 }, (_, i) => U.get(i, i))));
  const L = tril(randomMatrix([5, 5], 55));
  add("lower triangular 5", L, ["triangular"], real(Array.from({ length: 5 }, (_, i) => L.get(i, i))));
  // partly isolated: a block triangular matrix, up to a permutation
  const P = randomMatrix([5, 5], 5);
  for (let j = 0; j < 5; j++) if (j !== 2) P.set(2, j, 0); // row 2 isolates P[2, 2]
  add("row isolating an eigenvalue", P, ["isolated"]);
  // badly scaled: D·C·D⁻¹ of a companion matrix, D = diag(2^(±40k)): same roots
  const roots = [1, 2, 3, 4, 5];
  const C = companion(polyFromRoots(roots));
  const Dd = [1, 2 ** 40, 2 ** -40, 2 ** 80, 2 ** -60];
  const B = np.zeros([5, 5]);
  for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) B.set(i, j, (Dd[i] * C.get(i, j)) / Dd[j]);
  add("badly scaled companion (roots 1..5)", B, ["badly-scaled"], real(roots), 1e-6);
  // known complex spectrum through a similarity: S·blockdiag·S⁻¹ is messy, so use a
  // block upper triangular matrix with 2×2 rotation-like blocks
  const K = randomMatrix([6, 6], 600);
  const Kt = triu(K);
  const blocks = [
    [1, 2],
    [-3, 0.5],
    [4, 1],
  ]; // (a, b) → block [[a, b], [−b, a]]: a ± ib
  const spec: [number, number][] = [];
  for (let k = 0; k < 3; k++) {
    const [a, b] = blocks[k];
    Kt.set(2 * k, 2 * k, a);
    Kt.set(2 * k + 1, 2 * k + 1, a);
    Kt.set(2 * k, 2 * k + 1, b);
    Kt.set(2 * k + 1, 2 * k, -b);
    spec.push([a, b], [a, -b]);
  }
  add("block triangular, three complex pairs", Kt, ["complex-pair"], spec);
}

/** float32, a split Hessenberg matrix, tiny and huge entries. */
function precisionAndScaleCases(add: AddCase): void {
  add("float32 7x7", randomMatrix([7, 7], 700, "float32"), ["float32"]);
  // an upper Hessenberg matrix with an exact zero on its subdiagonal (splits at once)
  const Hs = triu(randomMatrix([6, 6], 61), -1);
  Hs.set(3, 2, 0);
  add("Hessenberg, split", Hs, ["hessenberg"]);
  // tiny and huge entries: dgeev's scaling of ‖A‖ into range
  add("tiny entries (1e-300)", randomMatrix([4, 4], 41).multiply(1e-300), ["scaled"]);
  add("huge entries (1e300)", randomMatrix([4, 4], 42).multiply(1e300), ["scaled"]);
}

/** Complex cases. */
export function eigComplexCases(): EigCase[] {
  const out: EigCase[] = [];
  const add = (name: string, a: NDArray, tags: string[], spectrum?: [number, number][], spectrumTol?: number) =>
    out.push({ name, a, tags, spectrum, spectrumTol });
  add("complex 4x4", randomComplex([4, 4], 700), ["complex"]);
  add("complex 12x12", randomComplex([12, 12], 701), ["complex"]);
  add("complex 40x40", randomComplex([40, 40], 702), ["complex"]);
  add("complex 1x1", np.fromTypedArray(new Float64Array([2, -1]), [1, 1], "complex128"), ["complex", "1x1"], [[2, -1]]);
  // upper triangular complex: spectrum on the diagonal
  const t = normals(rng(703), 2 * 25);
  for (let i = 0; i < 5; i++) for (let j = 0; j < i; j++) t[2 * (i * 5 + j)] = t[2 * (i * 5 + j) + 1] = 0;
  const T = np.fromTypedArray(t, [5, 5], "complex128");
  add(
    "complex upper triangular 5",
    T,
    ["complex", "triangular"],
    Array.from({ length: 5 }, (_, i) => [t[2 * (i * 5 + i)], t[2 * (i * 5 + i) + 1]] as [number, number]),
  );
  // Hermitian: real spectrum
  const z = normals(rng(704), 2 * 36);
  const h = new Float64Array(2 * 36);
  for (let i = 0; i < 6; i++) {
    for (let j = 0; j < 6; j++) {
      h[2 * (i * 6 + j)] = z[2 * (i * 6 + j)] + z[2 * (j * 6 + i)];
      h[2 * (i * 6 + j) + 1] = z[2 * (i * 6 + j) + 1] - z[2 * (j * 6 + i) + 1];
    }
  }
  add("complex Hermitian 6", np.fromTypedArray(h, [6, 6], "complex128"), ["complex", "hermitian"]);
  // a real matrix stored as complex: the complex QR must find the conjugate pairs
  add(
    "real rotation as complex",
    np
      .array([
        [0, -2],
        [2, 0],
      ])
      .astype("complex128"),
    ["complex"],
    [
      [0, 2],
      [0, -2],
    ],
  );
  add(
    "complex Jordan block 3",
    np
      .array([
        [1, 1, 0],
        [0, 1, 1],
        [0, 0, 1],
      ])
      .astype("complex128"),
    ["complex", "defective"],
    real([1, 1, 1]),
    1e-4,
  );
  return out;
}

/** Every case, plus a batched stack and two strided views of each nonempty one. */
export function withViews(cases: EigCase[]): EigCase[] {
  const out: EigCase[] = [];
  for (const c of cases) {
    out.push(c);
    out.push({ ...c, name: `${c.name}, batched`, a: batched(c.a), spectrum: undefined, tags: [...c.tags, "batched"] });
    if (c.a.size > 0) {
      out.push({ ...c, name: `${c.name}, transposed view`, a: transposedView(c.a), tags: [...c.tags, "strided"] });
      out.push({ ...c, name: `${c.name}, sliced view`, a: slicedView(c.a), tags: [...c.tags, "strided"] });
    }
  }
  return out;
}
