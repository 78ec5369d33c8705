/**
 * Eigenvalues and right eigenvectors of a general square matrix (LAPACK dgeev / zgeev;
 * NumPy's `eig` and `eigvals`).
 *
 *   A·v_j = λ_j·v_j,   j = 0..n−1        A·V = V·diag(λ)
 *
 * The driver, step by step (each step in its own file):
 *   1. scale A into [sqrt(safmin)/eps, eps/sqrt(safmin)] if its largest entry lies outside
 *      (so that nothing under- or overflows later), and unscale λ at the end;
 *   2. balance: A' = D⁻¹·Pᵀ·A·P·D                                     (balance.ts, dgebal)
 *   3. Hessenberg: A' = Q·H·Qᵀ                                          (hessenberg.ts, dgehrd, dorghr)
 *   4. real Schur form by the QR algorithm (multishift with aggressive early deflation for
 *      large blocks, Francis double-shift for small ones):
 *      H = Z'·T·Z'ᵀ, Z := Q·Z'                   (schur-aed.ts, dlaqr0; hseqr.ts, dhseqr; hessenberg-qr.ts, dlahqr)
 *   5. eigenvectors of T by back substitution, X; V' = Z·X               (eig-vectors.ts, dtrevc)
 *   6. undo the balancing: V = P·D·V'                                    (balance.ts, dgebak)
 *   7. normalise every eigenvector to unit 2-norm; for a complex pair (stored as the real and
 *      imaginary parts in two columns) also rotate its phase so that its component of largest
 *      modulus is real (dgeev's convention, which NumPy inherits).
 *
 * On exit: eigenvalues λ in the order the QR algorithm deflated them (not sorted), a complex
 * pair as λ, conj(λ) with Im λ > 0 first; eigenvectors as the columns of V, v_j for λ_j.
 * The result is real when every eigenvalue of every matrix of the stack is real, complex
 * otherwise (as NumPy: one complex eigenvalue makes the whole stack complex).
 *
 * Invariant: ‖A·V − V·Λ‖ ≤ c·n·eps·‖A‖ with unit columns; each λ is exact for a matrix within
 * c·n·eps·‖A‖ of A (backward stable), so its error is that times its condition number (for a
 * Jordan block of size k, eps^(1/k)). For a defective A the computed V is nearly singular.
 * Reference: Golub & Van Loan, "Matrix Computations", 4th ed., §7.5–7.6; Anderson et al.,
 * LAPACK Users' Guide, 3rd ed., §2.4.5 (dgeev); LAPACK dgeev, zgeev.
 * Siblings: `eigh` for symmetric/Hermitian A (real eigenvalues, orthonormal V, faster, more
 * accurate); `schur` for the Schur form itself (orthogonal, always well conditioned).
 */
import { namedTuple, type NamedTuple, type NDArray } from "@sliderule/ndarray";
import { LinAlgError } from "../errors.js";
import { lartg, rot } from "../primitives/givens.js";
import { nrm2 } from "../primitives/householder.js";
import { asArray, assertSquare, batchOffsets, batchShapeOf, loadMatrix, matrixStrides, stackOf, withWork, type ArrayInput } from "../util/batch.js";
import { gebak, gebal } from "./balance.js";
import { ztrevc, trevc } from "./eig-vectors.js";
import { assertFiniteLinAlg, gehrd, orghr, zgehd2, zunghr } from "./hessenberg.js";
import { multishiftOptionsOf, type MultishiftOptions } from "./schur-aed.js";
import { hseqr, scaleToSafeRange, zhseqr } from "./hseqr.js";
import { checkOptions, OPTION, optionsSchema } from "../util/options.js";

/** The options object (util/options.ts); multishift's own fields are checked by multishiftOptionsOf. */
const EIG_OPTIONS = optionsSchema({ multishift: OPTION.any });

// ------------------------------------------------------------------ the drivers (one matrix)

/**
 * Eigenvalues (and with `wantv`, right eigenvectors) of the real n×n column-major A
 * (overwritten) (LAPACK dgeev, jobvl "N"). wr, wi: λ_j = wr[j] + i·wi[j]. VR (n×n): column j
 * is v_j for a real λ_j; for a pair (wi[j] > 0), columns j and j+1 are the real and imaginary
 * parts of v_j (and v_{j+1} = conj(v_j)). Returns 0, or i + 1 when the QR algorithm failed.
 */
export function geev(
  n: number,
  A: Float64Array,
  wantv: boolean,
  wr: Float64Array,
  wi: Float64Array,
  VR: Float64Array,
  multishift: MultishiftOptions = {},
): number {
  if (n === 0) return 0;
  // 1. scale A if its largest entry is outside [SMLNUM_DRIVER, BIGNUM_DRIVER] (machine.ts)
  const unscale = scaleToSafeRange(n, A, false);
  // 2. balance: A' = D⁻¹·Pᵀ·A·P·D
  const scale = new Float64Array(n);
  const { ilo, ihi } = gebal(n, A, n, scale, false);
  // 3. Hessenberg: A' = Q·H·Qᵀ
  const tau = new Float64Array(Math.max(n - 1, 1));
  gehrd(n, ilo, ihi, A, n, tau);
  let info: number;
  if (wantv) {
    // Z = Q, formed from the reflectors (copied below the subdiagonal)
    VR.set(A.subarray(0, n * n));
    orghr(n, ilo, ihi, VR, n, tau);
    // 4. H = Z'·T·Z'ᵀ; VR := Q·Z' (the Schur vectors of A')
    info = hseqr(true, true, n, ilo, ihi, A, n, wr, wi, VR, n, multishift);
    if (info > 0) return info;
    // 5. V' = Z·X, X the eigenvectors of T
    trevc(n, A, n, VR, n);
    // 6. V = P·D·V'
    gebak(n, ilo, ihi, scale, n, VR, n, false);
    // 7. unit 2-norm columns; complex pairs with their largest component real
    for (let j = 0; j < n; j++) {
      const c = j * n;
      if (wi[j] === 0) {
        const s = 1 / nrm2(n, VR, c, 1);
        for (let r = 0; r < n; r++) VR[c + r] *= s;
      } else if (wi[j] > 0) {
        const c1 = c + n;
        const s = 1 / Math.hypot(nrm2(n, VR, c, 1), nrm2(n, VR, c1, 1));
        for (let r = 0; r < n; r++) {
          VR[c + r] *= s;
          VR[c1 + r] *= s;
        }
        // k: the component of largest modulus; multiply v by the phase that makes v[k] real
        let k = 0;
        let best = -1;
        for (let r = 0; r < n; r++) {
          const m2 = VR[c + r] * VR[c + r] + VR[c1 + r] * VR[c1 + r];
          if (m2 > best) {
            best = m2;
            k = r;
          }
        }
        const g = lartg(VR[c + k], VR[c1 + k]);
        rot(n, VR, c, 1, VR, c1, 1, g.c, g.s);
        VR[c1 + k] = 0;
      }
    }
  } else {
    info = hseqr(false, false, n, ilo, ihi, A, n, wr, wi, VR, n, multishift);
    if (info > 0) return info;
  }
  // undo step 1 on the eigenvalues
  if (unscale !== 1) {
    for (let j = 0; j < n; j++) {
      wr[j] *= unscale;
      wi[j] *= unscale;
    }
  }
  return 0;
}

/**
 * The complex twin of {@link geev} (LAPACK zgeev): A, w and VR interleaved. Column j of VR is
 * v_j with unit 2-norm and its component of largest modulus real.
 */
export function zgeev(n: number, A: Float64Array, wantv: boolean, w: Float64Array, VR: Float64Array): number {
  if (n === 0) return 0;
  const unscale = scaleToSafeRange(n, A, true);
  const scale = new Float64Array(n);
  const { ilo, ihi } = gebal(n, A, n, scale, true);
  const tau = new Float64Array(2 * Math.max(n - 1, 1));
  zgehd2(n, ilo, ihi, A, n, tau);
  let info: number;
  if (wantv) {
    VR.set(A.subarray(0, 2 * n * n));
    zunghr(n, ilo, ihi, VR, n, tau);
    info = zhseqr(true, true, n, ilo, ihi, A, n, w, VR, n);
    if (info > 0) return info;
    ztrevc(n, A, n, VR, n);
    gebak(n, ilo, ihi, scale, n, VR, n, true);
    for (let j = 0; j < n; j++) {
      const c = 2 * j * n;
      // unit 2-norm
      let nrm = 0;
      for (let r = 0; r < n; r++) nrm = Math.hypot(nrm, VR[c + 2 * r], VR[c + 2 * r + 1]);
      let k = 0;
      let best = -1;
      for (let r = 0; r < 2 * n; r++) VR[c + r] /= nrm;
      for (let r = 0; r < n; r++) {
        const m2 = VR[c + 2 * r] ** 2 + VR[c + 2 * r + 1] ** 2;
        if (m2 > best) {
          best = m2;
          k = r;
        }
      }
      // v := v·conj(v[k]) / |v[k]|, making v[k] real and positive
      const m = Math.sqrt(best);
      const pr = VR[c + 2 * k] / m;
      const pi = -VR[c + 2 * k + 1] / m;
      for (let r = 0; r < n; r++) {
        const xr = VR[c + 2 * r];
        const xi = VR[c + 2 * r + 1];
        VR[c + 2 * r] = xr * pr - xi * pi;
        VR[c + 2 * r + 1] = xr * pi + xi * pr;
      }
      VR[c + 2 * k + 1] = 0;
    }
  } else {
    info = zhseqr(false, false, n, ilo, ihi, A, n, w, VR, n);
    if (info > 0) return info;
  }
  if (unscale !== 1) for (let j = 0; j < 2 * n; j++) w[j] *= unscale;
  return 0;
}

// ------------------------------------------------------------------ the public functions

/** `eig(a)`: A·V = V·diag(eigenvalues). */
export interface EigFields {
  /** (…, M): the eigenvalues, each repeated by its algebraic multiplicity, in no particular order. */
  eigenvalues: NDArray;
  /** (…, M, M): column j is the unit eigenvector of eigenvalues[…, j]. */
  eigenvectors: NDArray;
}

/** EigFields, also iterable in NumPy's tuple order: `[eigenvalues, eigenvectors]`. */
export type EigResult = NamedTuple<EigFields, ["eigenvalues", "eigenvectors"]>;

/** Options of `eig` and `eigvals`. */
export interface EigOptions {
  /**
   * The real QR algorithm's knobs (defaults: tuning.ts {@link SCHUR_MULTISHIFT}): blocks of
   * order ≥ `minOrder` use the multishift QR algorithm with aggressive early deflation
   * (schur-aed.ts), smaller ones the double-shift lahqr (hessenberg-qr.ts);
   * `{ minOrder: Infinity }` forces lahqr (the reference). Complex input always uses zlahqr.
   */
  multishift?: MultishiftOptions;
}

/** Per matrix of the stack: the eigenvalues (re, im) and, if wanted, V in the layout of geev. */
interface Solved {
  n: number;
  batch: number[];
  count: number;
  /** True when the input is complex (V and w in complex layout), or the stack's result is. */
  complexInput: boolean;
  anyComplex: boolean;
  float32: boolean;
  wr: Float64Array; // count·n (complex input: interleaved w, 2·count·n)
  wi: Float64Array; // count·n (real input only)
  VR: Float64Array | null; // count·n·n column-major per matrix (complex input: interleaved)
}

function solveAll(a: ArrayInput, wantv: boolean, fn: string, options: EigOptions): Solved {
  checkOptions(fn, EIG_OPTIONS, options);
  const A = asArray(a);
  assertSquare(A, fn);
  assertFiniteLinAlg(A, fn);
  const n = A.shape[A.ndim - 1];
  const complexInput = A.dtype === "complex128";
  const slots = complexInput ? 2 : 1;
  const batch = batchShapeOf(A, 2);
  const offs = batchOffsets(A, batch, 2);
  const count = offs.length;
  const { rs, cs } = matrixStrides(A);
  const multishift = multishiftOptionsOf(options, fn);
  const wr = new Float64Array(slots * count * n);
  const wi = new Float64Array(complexInput ? 0 : count * n);
  const VR = wantv ? new Float64Array(slots * count * n * n) : null;
  // A's working copy and the Schur vectors: in WebAssembly memory when a backend has it
  // (withWork), where the Hessenberg reduction's products and the QR sweeps' updates run in place
  withWork(complexInput ? "complex128" : "float64", [n * n, n * n], ([Wf, Vf]) => {
    const W = Wf as Float64Array;
    const V = Vf as Float64Array;
    for (let p = 0; p < count; p++) {
      loadMatrix(A, offs[p], rs, cs, n, n, W, 0, n, complexInput);
      const info = complexInput
        ? zgeev(n, W, wantv, wr.subarray(2 * p * n, 2 * (p + 1) * n), V)
        : geev(n, W, wantv, wr.subarray(p * n, (p + 1) * n), wi.subarray(p * n, (p + 1) * n), V, multishift);
      if (info > 0) {
        throw new LinAlgError(
          `${fn}: Eigenvalues did not converge (the QR algorithm failed at eigenvalue ${info - 1}${count > 1 ? ` of matrix ${p}` : ""})`,
          "noConvergence",
          info - 1,
        );
      }
      if (VR) VR.set(V.subarray(0, slots * n * n), slots * p * n * n);
    }
  });
  const anyComplex = complexInput || wi.some((x) => x !== 0);
  return { n, batch, count, complexInput, anyComplex, float32: A.dtype === "float32", wr, wi, VR };
}

/** The eigenvalues as NumPy returns them: real (float64, float32 for float32 input) or complex128. */
function eigenvaluesOf(s: Solved): NDArray {
  const { n, batch, count } = s;
  if (!s.anyComplex) {
    const w = stackOf(batch, [n], s.float32 ? "float32" : "float64");
    w.data.set(s.wr);
    return w;
  }
  const w = stackOf(batch, [n], "complex128");
  const d = w.data as Float64Array;
  if (s.complexInput) d.set(s.wr);
  else {
    for (let j = 0; j < count * n; j++) {
      d[2 * j] = s.wr[j];
      d[2 * j + 1] = s.wi[j];
    }
  }
  return w;
}

/** The eigenvectors, C order: V[…, i, j] = component i of v_j. */
function eigenvectorsOf(s: Solved): NDArray {
  const { n, batch, count } = s;
  const VR = s.VR as Float64Array;
  const nn = n * n;
  if (!s.anyComplex) {
    const V = stackOf(batch, [n, n], s.float32 ? "float32" : "float64");
    const d = V.data as Float64Array | Float32Array;
    for (let p = 0; p < count; p++) for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) d[p * nn + i * n + j] = VR[p * nn + i + j * n];
    return V;
  }
  const V = stackOf(batch, [n, n], "complex128");
  const d = V.data as Float64Array;
  for (let p = 0; p < count; p++) {
    if (s.complexInput) {
      for (let j = 0; j < n; j++) {
        for (let i = 0; i < n; i++) {
          d[2 * (p * nn + i * n + j)] = VR[2 * (p * nn + i + j * n)];
          d[2 * (p * nn + i * n + j) + 1] = VR[2 * (p * nn + i + j * n) + 1];
        }
      }
      continue;
    }
    const wi = s.wi.subarray(p * n, (p + 1) * n);
    for (let j = 0; j < n; j++) {
      // v_j: a real column; or re + i·im from columns (j, j+1) of a pair, its conjugate for j+1
      const pairFirst = wi[j] > 0;
      const pairSecond = wi[j] < 0;
      const reCol = pairSecond ? j - 1 : j;
      const imCol = pairFirst ? j + 1 : pairSecond ? j : -1;
      const sign = pairSecond ? -1 : 1;
      for (let i = 0; i < n; i++) {
        const e = 2 * (p * nn + i * n + j);
        d[e] = VR[p * nn + i + reCol * n];
        d[e + 1] = imCol < 0 ? 0 : sign * VR[p * nn + i + imCol * n];
      }
    }
  }
  return V;
}

/**
 * Eigenvalues and right eigenvectors of a general square matrix (NumPy's `np.linalg.eig`).
 *
 * @param a `(..., M, M)`, real or complex.
 * @param options `multishift`: the real QR algorithm's tuning (see {@link EigOptions});
 *   `{ multishift: { minOrder: Infinity } }` forces the double-shift lahqr.
 * @returns `{ eigenvalues, eigenvectors }` (also `[eigenvalues, eigenvectors]`, NumPy's tuple order): eigenvalues `(..., M)`, eigenvectors `(..., M, M)`
 *   with the unit eigenvector of `eigenvalues[..., j]` in column j. Real input gives float64
 *   (float32 for float32 input) when every eigenvalue of the stack is real, complex128
 *   otherwise; complex input gives complex128. A complex-conjugate pair appears as λ, conj(λ)
 *   (positive imaginary part first) with conjugate eigenvectors.
 * @throws LinAlgError kind "invalidInput" when a is not square, has fewer than 2 dimensions
 *   ("Last 2 dimensions of the array must be square"), or contains NaN or Inf ("Array must not
 *   contain infs or NaNs"); kind "noConvergence" ("Eigenvalues did not converge") when the QR
 *   algorithm fails, with `index` the eigenvalue.
 *
 * Notes: LAPACK dgeev's algorithm (balancing, Hessenberg reduction, the QR algorithm —
 * multishift with aggressive early deflation for order ≥ 150, Francis double-shift below —,
 * back substitution; zgeev's for complex input), computed in float64 for float32 input. The
 * eigenvalues are not sorted. Eigenvectors are unique only up to a (complex) scalar: each has
 * unit 2-norm, and for complex ones the component of largest modulus is real, as LAPACK.
 * For a defective matrix the eigenvectors are nearly parallel. For symmetric matrices use
 * `eigh`.
 *
 * @example
 *   const [eigenvalues, eigenvectors] = linalg.eig([[2, 0], [0, 3]]); // or const { eigenvalues, eigenvectors } = …
 *   assert.close(eigenvalues.toArray(), [2, 3]);
 *   assert.close(eigenvectors.toArray(), [[1, 0], [0, 1]]);
 */
export function eig(a: ArrayInput, options: EigOptions = {}): EigResult {
  const s = solveAll(a, true, "eig", options);
  return namedTuple({ eigenvalues: eigenvaluesOf(s), eigenvectors: eigenvectorsOf(s) }, ["eigenvalues", "eigenvectors"]);
}

/**
 * Eigenvalues of a general square matrix (NumPy's `np.linalg.eigvals`).
 *
 * @param a `(..., M, M)`, real or complex.
 * @param options as {@link eig}.
 * @returns `(..., M)`: float64 (float32 for float32 input) when every eigenvalue of the stack
 *   is real, complex128 otherwise or for complex input.
 * @throws LinAlgError as {@link eig}.
 *
 * Notes: as `eig` without the eigenvectors (the QR algorithm works on the active block only,
 * about 10n³ flops instead of 25n³). Not sorted.
 *
 * @example
 *   const w = linalg.eigvals([[0, -1], [1, 0]]);   // rotation by 90°
 *   assert.equal(w.dtype, "complex128");
 *   assert.close(w.toArray().map((z) => [z.re, z.im]), [[0, 1], [0, -1]]);
 */
export function eigvals(a: ArrayInput, options: EigOptions = {}): NDArray {
  return eigenvaluesOf(solveAll(a, false, "eigvals", options));
}
