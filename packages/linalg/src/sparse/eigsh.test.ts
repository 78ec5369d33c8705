/**
 * eigsh (eigsh.ts, lanczos.ts): against dense eigh on small random symmetric matrices for
 * every `which`, SciPy's output orders, shift-invert, the 1-D Laplacian's known spectrum
 * 2 − 2cos(jπ/(n+1)) at n = 1e5 (the 5 smallest, by shift-invert with sigma = 0 and a
 * tridiagonal OPinv: plain Lanczos for "LA"/"SA" at n = 1e5 needs tens of thousands of steps,
 * as ARPACK does, far past a test's budget), orthonormal eigenvectors to 1e-10,
 * ArpackNoConvergence, and the bad inputs.
 */
import * as np from "@sliderule/ndarray";
import { NDArray, ShapeError, ValueError } from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import * as linalg from "../index.js";
import { laplacian1d, poisson2d } from "../../test/stencils.js";
import { getBackend, setBackend } from "@sliderule/ndarray/kernels";
import { LinAlgError } from "../errors.js";
import { keptCount } from "./lanczos.js";

const { sparse } = linalg;
type Which = linalg.sparse.Which;

/** A random symmetric n×n matrix (B + Bᵀ)/2, B standard normal from defaultRng(seed). */
function randomSymmetric(n: number, seed: number): NDArray {
  const B = np.random.defaultRng(seed).standardNormal([n, n]) as NDArray;
  return B.add(B.T).multiply(0.5);
}

/** The k eigenvalues `which` selects from the ascending spectrum w, returned ascending. */
function select(w: number[], k: number, which: Which): number[] {
  const idx = w.map((_, i) => i);
  const by: Record<Which, (a: number, b: number) => number> = {
    LA: (a, b) => w[b] - w[a],
    SA: (a, b) => w[a] - w[b],
    LM: (a, b) => Math.abs(w[b]) - Math.abs(w[a]),
    SM: (a, b) => Math.abs(w[a]) - Math.abs(w[b]),
    BE: () => 0,
  };
  let chosen: number[];
  if (which === "BE") chosen = [...idx.slice(0, Math.floor(k / 2)), ...idx.slice(w.length - Math.ceil(k / 2))];
  else chosen = idx.sort(by[which]).slice(0, k);
  return chosen.map((i) => w[i]).sort((a, b) => a - b);
}

/** ‖VᵀV − I‖_max. */
function orthogonalityError(V: NDArray): number {
  const G = V.T.matmul(V);
  const k = V.shape[1];
  let e = 0;
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) e = Math.max(e, Math.abs(G.get(i, j) - (i === j ? 1 : 0)));
  return e;
}

describe("eigsh against dense eigh", () => {
  for (const seed of [1, 2]) {
    const A = randomSymmetric(40, seed);
    const w = Array.from(linalg.eigvalsh(A).toTypedArray());
    const normA = Math.max(...w.map(Math.abs));
    for (const which of ["LM", "SM", "LA", "SA", "BE"] as const) {
      it(`seed ${seed}, which ${which}, k = 5: eigenvalues, A·v = v·diag(w), vᵀv = I`, () => {
        const { eigenvalues, eigenvectors } = sparse.eigsh(A, { k: 5, which });
        const got = Array.from(eigenvalues.toTypedArray());
        const want = select(w, 5, which);
        for (let i = 0; i < 5; i++) expect(Math.abs(got[i] - want[i])).toBeLessThan(1e-12 * normA);
        expect(orthogonalityError(eigenvectors)).toBeLessThan(1e-10);
        const R = A.matmul(eigenvectors).subtract(eigenvectors.multiply(eigenvalues));
        expect(linalg.norm(R)).toBeLessThan(1e-10 * normA);
      });
    }
  }
  it("returnEigenvectors: false gives w in SciPy's order for each which", () => {
    // SciPy 1.17 (eigsh(A, k=4, which=..., return_eigenvectors=False) on a 12×12 symmetric A):
    // LM ascending |λ|, SM descending |λ|, LA ascending, SA descending, BE ascending
    const A = randomSymmetric(30, 5);
    const key: Record<Which, (x: number) => number> = { LM: Math.abs, SM: (x) => -Math.abs(x), LA: (x) => x, SA: (x) => -x, BE: (x) => x };
    for (const which of ["LM", "SM", "LA", "SA", "BE"] as const) {
      const w = Array.from(sparse.eigsh(A, { k: 4, which, returnEigenvectors: false }).toTypedArray());
      const sortedW = [...w].sort((a, b) => key[which](a) - key[which](b));
      expect(w).toEqual(sortedW);
      const [wv] = sparse.eigsh(A, { k: 4, which });
      expect(np.allclose(np.sort(np.array(w)), wv, { rtol: 1e-12, atol: 1e-12 })).toBe(true);
    }
  });
  it("SciPy 1.17's values on the 1-D Laplacian, n = 30, k = 5, LA (the golden case)", () => {
    // scipy.sparse.linalg.eigsh(L30, k=5, which='LA', return_eigenvectors=False)
    const w = sparse.eigsh(laplacian1d(30), { k: 5, which: "LA", returnEigenvectors: false });
    expect(np.allclose(w, [3.748693232289166, 3.8379156232404634, 3.908278512800109, 3.9590598825049845, 3.989738646783786], { rtol: 1e-12, atol: 0 })).toBe(
      true,
    );
  });
  it("is deterministic (default v0 from defaultRng(0))", () => {
    const A = randomSymmetric(40, 3);
    const a = sparse.eigsh(A, { k: 3 });
    const b = sparse.eigsh(A, { k: 3 });
    expect(np.arrayEqual(a.eigenvectors, b.eigenvectors)).toBe(true);
  });
});

describe("eigsh: shift-invert", () => {
  const A = randomSymmetric(40, 4);
  const w = Array.from(linalg.eigvalsh(A).toTypedArray());
  it("sigma = 0.3, LM: the eigenvalues nearest sigma (dense LU of A − σI)", () => {
    const { eigenvalues, eigenvectors } = sparse.eigsh(A, { k: 4, sigma: 0.3 });
    const want = [...w]
      .sort((a, b) => Math.abs(a - 0.3) - Math.abs(b - 0.3))
      .slice(0, 4)
      .sort((a, b) => a - b);
    expect(np.allclose(eigenvalues, want, { rtol: 0, atol: 1e-12 })).toBe(true);
    expect(orthogonalityError(eigenvectors)).toBeLessThan(1e-10);
  });
  it("sigma on a LinearOperator solves by MINRES; LA refers to 1/(λ − σ)", () => {
    const dense = A;
    const op = { shape: [40, 40], matvec: (x: NDArray) => dense.matmul(x) };
    const got = sparse.eigsh(op, { k: 3, sigma: 0.3, which: "LA" }).eigenvalues;
    // largest 1/(λ − σ): the λ just above σ
    const want = w.filter((l) => l > 0.3).slice(0, 3);
    expect(np.allclose(got, want, { rtol: 0, atol: 1e-9 })).toBe(true);
  });
  it("the 1-D Laplacian's 5 smallest eigenvalues at n = 1e5 (sigma = 0, tridiagonal OPinv)", () => {
    const n = 100000;
    // OPinv: y = L⁻¹·x by the Thomas algorithm on tridiag(−1, 2, −1)
    const cp = new Float64Array(n);
    const OPinv = {
      shape: [n, n] as [number, number],
      matvecInto(x: Float64Array, y: Float64Array) {
        let denom = 2;
        cp[0] = -1 / denom;
        y[0] = x[0] / denom;
        for (let i = 1; i < n; i++) {
          denom = 2 + cp[i - 1];
          cp[i] = -1 / denom;
          y[i] = (x[i] + y[i - 1]) / denom;
        }
        for (let i = n - 2; i >= 0; i--) y[i] -= cp[i] * y[i + 1];
      },
    };
    const { eigenvalues, eigenvectors } = sparse.eigsh(laplacian1d(n), { k: 5, sigma: 0, OPinv });
    for (let j = 1; j <= 5; j++) {
      // 2 − 2cos(jπ/(n+1)), written 4·sin²(jπ/(2(n+1))) to avoid cancellation (λ₁ ≈ 9.9e−10)
      const exact = 4 * Math.sin((j * Math.PI) / (2 * (n + 1))) ** 2;
      // Weyl: a backward-stable solve perturbs L by O(eps·‖L‖), ‖L‖ ≤ 4, so λ moves by that much
      expect(Math.abs(eigenvalues.get(j - 1) - exact)).toBeLessThan(16 * Number.EPSILON * 4);
      expect(Math.abs(eigenvalues.get(j - 1) - exact) / exact).toBeLessThan(1e-6);
    }
    expect(orthogonalityError(eigenvectors)).toBeLessThan(1e-10);
  }, 30000);
  it("a CsrMatrix: the 2-D Poisson matrix's largest eigenvalues", () => {
    const q = 20;
    const exact: number[] = [];
    for (let i = 1; i <= q; i++) for (let j = 1; j <= q; j++) exact.push(4 - 2 * Math.cos((i * Math.PI) / (q + 1)) - 2 * Math.cos((j * Math.PI) / (q + 1)));
    exact.sort((a, b) => a - b);
    const w = sparse.eigsh(poisson2d(q), { k: 5, which: "LA", returnEigenvectors: false });
    expect(np.allclose(w, exact.slice(-5), { rtol: 0, atol: 1e-10 })).toBe(true);
  });
});

describe("eigsh: failures and bad input", () => {
  const A = randomSymmetric(40, 6);
  it("maxiter too small throws ArpackNoConvergence with the converged pairs", () => {
    let err: unknown;
    try {
      sparse.eigsh(laplacian1d(2000), { k: 5, which: "LA", maxiter: 2 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(sparse.ArpackNoConvergence);
    expect(err).toBeInstanceOf(LinAlgError);
    const e = err as InstanceType<typeof sparse.ArpackNoConvergence>;
    expect(e.kind).toBe("noConvergence");
    expect(e.message).toMatch(/^eigsh: .*no convergence/);
    expect(e.eigenvectors.shape).toEqual([2000, e.eigenvalues.shape[0]]);
  });
  it("an operator that throws mid-iteration: its error comes through, the WebAssembly workspace is given back", () => {
    let calls = 0;
    let failing = true;
    const d = Float64Array.from({ length: 300 }, (_, i) => i + 1);
    const op = {
      shape: [300, 300] as [number, number],
      matvec: (x: NDArray) => {
        if (++calls === 50 && failing) throw new RangeError("operator failed");
        const v = x.toTypedArray() as Float64Array;
        return v.map((t, i) => d[i] * t);
      },
    };
    expect(() => sparse.eigsh(op, { k: 3 })).toThrow("operator failed");
    // setBackend refuses to switch while a resident workspace (lanczos's V) is still held
    expect(() => setBackend(getBackend())).not.toThrow();
    failing = false;
    const w = sparse.eigsh(op, { k: 3, returnEigenvectors: false });
    expect(np.allclose(w, [298, 299, 300], { rtol: 1e-12, atol: 0 })).toBe(true);
  });
  it("keeps ARPACK's number of Ritz vectors at a restart (dsaup2: k + min(nconv, (m − k)/2))", () => {
    expect(keptCount(5, 20, 0)).toBe(5);
    expect(keptCount(5, 20, 3)).toBe(8);
    expect(keptCount(5, 20, 4)).toBe(9);
    expect(keptCount(8, 20, 7)).toBe(14); // at most ⌊(m − k)/2⌋ = 6 more
    expect(keptCount(1, 20, 0)).toBe(10); // k = 1: m/2 when m ≥ 6
    expect(keptCount(1, 4, 0)).toBe(2);
    expect(keptCount(1, 2, 0)).toBe(1); // never m: one new direction at least
  });
  it("k ≥ n, k < 1, which, ncv, v0, sigma, non-square, unknown options", () => {
    expect(() => sparse.eigsh(A, { k: 40 })).toThrow(ValueError);
    expect(() => sparse.eigsh(A, { k: 40 })).toThrow(/^eigsh: k = 40 must be less than n = 40/);
    expect(() => sparse.eigsh(A, { k: 0 })).toThrow(/^eigsh: k must be a positive integer, got 0/);
    expect(() => sparse.eigsh(A, { which: "XX" as never })).toThrow(/^eigsh: which must be one of LM, SM, LA, SA, BE, got "XX"/);
    expect(() => sparse.eigsh(A, { k: 6, ncv: 6 })).toThrow(/^eigsh: ncv must be an integer with k < ncv <= n/);
    expect(() => sparse.eigsh(A, { v0: np.zeros([40]) })).toThrow(/^eigsh: v0 must not be the zero vector/);
    expect(() => sparse.eigsh(A, { v0: np.ones([3]) })).toThrow(ShapeError);
    expect(() => sparse.eigsh(A, { sigma: NaN })).toThrow(/^eigsh: sigma must be a finite number, got NaN/);
    expect(() => sparse.eigsh(np.ones([3, 4]), { k: 1 })).toThrow(/^eigsh: A must be square/);
    expect(() => sparse.eigsh(A, { return_eigenvectors: false } as never)).toThrow(
      /^eigsh: unknown option 'return_eigenvectors' \(did you mean 'returnEigenvectors'\?\)/,
    );
    expect(() => sparse.eigsh(A, { OPinv: A })).toThrow(/^eigsh: OPinv is used only with sigma/);
  });
});

describe("SciPy's positional k: eigsh(A, 3), svds(A, 2)", () => {
  const A = linalg.sparse.diags([[1, 2, 3, 4, 5, 6, 7, 8]], [0]);
  it("eigsh(A, 3) is eigsh(A, { k: 3 }), and takes options after it", () => {
    expect(linalg.sparse.eigsh(A, 3).eigenvalues.toArray()).toEqual(linalg.sparse.eigsh(A, { k: 3 }).eigenvalues.toArray());
    const w = linalg.sparse.eigsh(A, 2, { which: "SA", returnEigenvectors: false }) as NDArray;
    // without eigenvectors SciPy returns them in ARPACK's order (here [2, 1]); compare as a set
    expect(
      Array.from(w.data as Float64Array)
        .map((x) => Math.round(x * 1e10) / 1e10)
        .sort(),
    ).toEqual([1, 2]);
  });
  it("svds(A, 2) is svds(A, { k: 2 })", () => {
    expect(linalg.sparse.svds(A, 2).S.toArray()).toEqual(linalg.sparse.svds(A, { k: 2 }).S.toArray());
  });
  it("k given twice, or options that are not an object, throw naming the function", () => {
    expect(() => linalg.sparse.eigsh(A, 2, { k: 3 } as never)).toThrow(/^eigsh: k given twice/);
    expect(() => linalg.sparse.svds(A, 2, 5 as never)).toThrow(/^svds: options must be an object, got 5/);
  });
});
