/** gemv and symv against their reference twins: heap and resident (WebAssembly) views, every layout, float32, and the view checks. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { engineFeatures, getBackend, residentWork, setBackend } from "./backend.js";
import { colMajor, lower, lowerUnit, strided, sub, T, upper, vector, type Block, type FloatArray } from "./block.js";
import { gemv, gemvReference, symv, symvReference } from "./gemv.js";
import { loadWasmGemm } from "./wasm/gemm.wasm.js";
import { gemvResident, symvResident } from "./wasm/gemv.wasm.js";

interface Case {
  m: number;
  n: number;
  layout: "columns" | "rows" | "strided" | "reversed";
  xs: number;
  ys: number;
  alpha: number;
  beta: number;
  seed: number;
}

/** The operands of one product y := alpha·A·x + beta·y, as views. */
interface Operands {
  alpha: number;
  A: Block;
  x: Block;
  beta: number;
  y: Block;
}

type Alloc = (sizes: number[]) => FloatArray[];

/** Build the operands of `c` in `alloc`'s arrays (A with padding, x and y strided; y all NaN when beta = 0). */
function operands(c: Case, alloc: Alloc): Operands {
  const { m, n } = c;
  const ld = (c.layout === "rows" ? n : m) + 3;
  const aLen = ld * (c.layout === "rows" ? m : n) + 2 * m * n + 8;
  const [a, x, y] = alloc([aLen, n * c.xs + 1, m * c.ys + 1]);
  for (let i = 0; i < a.length; i++) a[i] = Math.sin(i * 0.61 + c.seed);
  for (let i = 0; i < x.length; i++) x[i] = Math.cos(i * 0.37 + c.seed);
  for (let i = 0; i < y.length; i++) y[i] = c.beta === 0 ? NaN : Math.sin(i * 1.3 + c.seed);
  const [aOff, aRs, aCs] =
    c.layout === "columns" ? [1, 1, ld] : c.layout === "rows" ? [1, ld, 1] : c.layout === "strided" ? [0, 2, 2 * m + 1] : [m - 1 + (n - 1) * m, -1, -m]; // both strides negative
  return { alpha: c.alpha, A: strided(a, m, n, aOff, aRs, aCs), x: vector(x, n, 0, c.xs), beta: c.beta, y: vector(y, m, 0, c.ys) };
}

const heap: Alloc = (sizes) => sizes.map((s) => new Float64Array(s));
const heap32: Alloc = (sizes) => sizes.map((s) => new Float32Array(s));

/** y_i of a view. */
const at = (v: Block, i: number): number => v.data[v.off + i * v.rs];

function check(c: Case, alloc: Alloc): void {
  const got = operands(c, alloc);
  const want = operands(c, heap);
  gemv(got.alpha, got.A, got.x, got.beta, got.y);
  gemvReference(want.alpha, want.A, want.x, want.beta, want.y);
  const scale = c.n * Math.max(1, Math.abs(c.alpha)) * 2 ** -52 * 4;
  for (let i = 0; i < c.m; i++) {
    const g = at(got.y, i);
    const w = at(want.y, i);
    expect(Math.abs(g - w)).toBeLessThanOrEqual(scale * (1 + Math.abs(w)));
  }
  // entries of y between the strided ones are untouched
  if (c.ys > 1) expect(got.y.data[1]).toBe(want.y.data[1]);
}

const cases = fc.record({
  m: fc.integer({ min: 1, max: 70 }),
  n: fc.integer({ min: 0, max: 70 }),
  layout: fc.constantFrom("columns", "rows", "strided", "reversed") as fc.Arbitrary<Case["layout"]>,
  xs: fc.integer({ min: 1, max: 3 }),
  ys: fc.integer({ min: 1, max: 2 }),
  alpha: fc.constantFrom(1, -1, 0.5),
  beta: fc.constantFrom(0, 1, -2),
  seed: fc.integer({ min: 0, max: 1000 }),
});

describe("gemv", () => {
  it("a small product by hand: y := 2·A·x − y, and the transposed product through T(A)", () => {
    // A = [[1, 2], [3, 4], [5, 6]] column-major; A·[1, −1] = [−1, −1, −1]; Aᵀ·[1, 0, −1] = [−4, −4]
    const A = colMajor(new Float64Array([1, 3, 5, 2, 4, 6]), 3, 2);
    const y = vector(new Float64Array([1, 2, 3]), 3);
    gemv(2, A, vector(new Float64Array([1, -1]), 2), -1, y);
    expect(Array.from(y.data)).toEqual([-3, -4, -5]);
    const z = vector(new Float64Array([NaN, NaN]), 2); // beta = 0: z is not read
    gemv(1, T(A), vector(new Float64Array([1, 0, -1]), 3), 0, z);
    expect(Array.from(z.data)).toEqual([-4, -4]);
    gemvReference(1, T(A), vector(new Float64Array([1, 0, -1]), 3), 0, z);
    expect(Array.from(z.data)).toEqual([-4, -4]);
  });

  it("heap operands: equal to the reference on random shapes, layouts, strides, alpha and beta", () => {
    fc.assert(
      fc.property(cases, (c) => check(c, heap)),
      { numRuns: 300, seed: 7 },
    );
  });

  it("float32 operands: computed in the TypeScript loops, equal to the float64 reference to float32 rounding", () => {
    fc.assert(
      fc.property(cases, (c) => {
        const got = operands(c, heap32);
        const want = operands(c, heap);
        gemv(got.alpha, got.A, got.x, got.beta, got.y);
        // the reference on float32 operands too: same contract, also rounded to float32
        const ref32 = operands(c, heap32);
        gemvReference(ref32.alpha, ref32.A, ref32.x, ref32.beta, ref32.y);
        // the spec on the float64 values of the same float32 inputs, with its error bound:
        // each of the n + 2 roundings to float32 costs at most 2⁻²⁴ of Σ|alpha·a_ij·x_j| + |beta·y_i|
        for (let i = 0; i < c.m; i++) {
          let s = 0;
          let abs = 0;
          for (let j = 0; j < c.n; j++) {
            const p = got.A.data[got.A.off + i * got.A.rs + j * got.A.cs] * got.x.data[got.x.off + j * got.x.rs];
            s += p;
            abs += Math.abs(p);
          }
          const y0 = c.beta === 0 ? 0 : Math.fround(at(want.y, i));
          const w = c.alpha * s + c.beta * y0;
          const bound = (c.n + 2) * 2 ** -23 * (Math.abs(c.alpha) * abs + Math.abs(c.beta * y0));
          expect(Math.abs(at(got.y, i) - w)).toBeLessThanOrEqual(bound);
          expect(Math.abs(at(ref32.y, i) - w)).toBeLessThanOrEqual(bound);
        }
        if (c.ys > 1) expect(got.y.data[1]).toBe(Math.fround(want.y.data[1]));
      }),
      { numRuns: 200, seed: 13 },
    );
  });

  it.skipIf(!engineFeatures().simd)("resident operands (the SIMD kernels): equal to the reference", () => {
    const before = getBackend();
    setBackend("wasm-simd");
    try {
      fc.assert(
        fc.property(cases, (c) => {
          let work: ReturnType<typeof residentWork> = null;
          try {
            check({ ...c, m: c.m + 30, n: c.n + 30 }, (sizes) => {
              work = residentWork(sizes);
              expect(work).not.toBeNull();
              return work!.arrays;
            });
          } finally {
            (work as ReturnType<typeof residentWork>)?.release();
          }
        }),
        { numRuns: 200, seed: 11 },
      );
    } finally {
      setBackend(before);
    }
  });

  it.skipIf(!engineFeatures().simd)("the SIMD kernels take resident A with contiguous columns or rows, and only those", () => {
    const before = getBackend();
    setBackend("wasm-simd");
    const w = loadWasmGemm("wasm-simd")!;
    try {
      for (const layout of ["columns", "rows", "strided"] as const) {
        const c: Case = { m: 45, n: 38, layout, xs: 2, ys: 1, alpha: -1, beta: 1, seed: 3 };
        const work = residentWork([4000, 100, 100])!;
        try {
          const got = operands(c, () => work.arrays);
          const want = operands(c, heap);
          expect(gemvResident(got.alpha, got.A, got.x, got.beta, got.y, w)).toBe(layout !== "strided");
          if (layout === "strided") continue;
          gemvReference(want.alpha, want.A, want.x, want.beta, want.y);
          for (let i = 0; i < c.m; i++) expect(at(got.y, i)).toBeCloseTo(at(want.y, i), 12);
        } finally {
          work.release();
        }
      }
      // A on the heap: not the kernels' business
      const h = operands({ m: 45, n: 38, layout: "columns", xs: 1, ys: 1, alpha: 1, beta: 0, seed: 1 }, heap);
      expect(gemvResident(h.alpha, h.A, h.x, h.beta, h.y, w)).toBe(false);
    } finally {
      setBackend(before);
    }
  });

  it("views that do not fit throw an internal error: shapes, element types, bounds", () => {
    const A = colMajor(new Float64Array(12), 3, 4);
    const x4 = vector(new Float64Array(4), 4);
    const y3 = vector(new Float64Array(3), 3);
    for (const f of [gemv, gemvReference]) {
      // x of the wrong length, y of the wrong length, x not a column
      expect(() => f(1, A, vector(new Float64Array(3), 3), 0, y3)).toThrow(/^internal: gemv(Reference)?: shapes 3×4 · 3×1 → 3×1 do not agree/);
      expect(() => f(1, A, x4, 0, vector(new Float64Array(4), 4))).toThrow(/^internal: gemv(Reference)?: shapes 3×4 · 4×1 → 4×1 do not agree/);
      expect(() => f(1, T(A), x4, 0, y3)).toThrow(/^internal: .*shapes 4×3 · 4×1 → 3×1/);
      expect(() => f(1, A, sub(colMajor(new Float64Array(8), 4, 2), 0, 0, 4, 2), 0, y3)).toThrow(/^internal: .*shapes 3×4 · 4×2 → 3×1/);
      // float32 x with float64 A and y
      expect(() => f(1, A, vector(new Float32Array(4), 4), 0, y3)).toThrow(/^internal: .*element types differ/);
      // a hand-made view reaching past its buffer (colMajor would refuse it)
      const bad: Block = { data: new Float64Array(11), off: 0, rs: 1, cs: 3, rows: 3, cols: 4 };
      expect(() => f(1, bad, x4, 0, y3)).toThrow(/^internal: .*A 3×4 \(off 0, strides 1, 3\) spans elements \[0, 11\] outside a buffer of 11 elements/);
      const badY: Block = { data: new Float64Array(3), off: 0, rs: -1, cs: 0, rows: 3, cols: 1 };
      expect(() => f(1, A, x4, 0, badY)).toThrow(/^internal: .*y .* spans elements .* outside/);
    }
    // nothing was written by the refused calls
    expect(Array.from(y3.data)).toEqual([0, 0, 0]);
  });
});

describe("symv (lower triangle only)", () => {
  /** A symmetric n×n in the lower triangle of a padded buffer, garbage (NaN) above it; y all NaN when beta = 0. */
  function symOperands(n: number, xs: number, ys: number, alpha: number, beta: number, seed: number, alloc: Alloc) {
    const lda = n + 2;
    const [a, x, y] = alloc([lda * n + 1, n * xs + 1, n * ys + 1]);
    a.fill(NaN);
    for (let j = 0; j < n; j++) for (let i = j; i < n; i++) a[1 + i + j * lda] = Math.sin((i + 1) * (j + 2) * 0.13 + seed);
    for (let i = 0; i < x.length; i++) x[i] = Math.cos(i * 0.7 + seed);
    for (let i = 0; i < y.length; i++) y[i] = beta === 0 ? NaN : Math.sin(i + seed);
    return { alpha, A: lower(colMajor(a, n, n, 1, lda)), x: vector(x, n, 0, xs), beta, y: vector(y, n, 0, ys) };
  }
  type SymOperands = ReturnType<typeof symOperands>;
  const symCases = fc.record({
    n: fc.integer({ min: 1, max: 80 }),
    xs: fc.integer({ min: 1, max: 2 }),
    ys: fc.integer({ min: 1, max: 2 }),
    alpha: fc.constantFrom(1, -0.5),
    beta: fc.constantFrom(0, 1, 3),
    seed: fc.integer({ min: 0, max: 100 }),
  });
  const compare = (got: SymOperands, want: SymOperands) => {
    const n = got.A.rows;
    for (let i = 0; i < n; i++) {
      const w = at(want.y, i);
      expect(Math.abs(at(got.y, i) - w)).toBeLessThanOrEqual(4 * n * 2 ** -52 * (1 + Math.abs(w)));
    }
  };

  it("a small product by hand", () => {
    // A = [[2, 1], [1, 3]] stored in its lower triangle (the 9 above the diagonal is never read)
    const A = lower(colMajor(new Float64Array([2, 1, 9, 3]), 2, 2));
    const y = vector(new Float64Array([1, 1]), 2);
    symv(1, A, vector(new Float64Array([1, 2]), 2), 10, y); // A·[1, 2] = [4, 7]
    expect(Array.from(y.data)).toEqual([14, 17]);
    symvReference(1, A, vector(new Float64Array([1, 2]), 2), 0, y);
    expect(Array.from(y.data)).toEqual([4, 7]);
  });

  it("heap operands: equal to the reference, never reading above the diagonal", () => {
    fc.assert(
      fc.property(symCases, ({ n, xs, ys, alpha, beta, seed }) => {
        const got = symOperands(n, xs, ys, alpha, beta, seed, heap);
        const want = symOperands(n, xs, ys, alpha, beta, seed, heap);
        symv(got.alpha, got.A, got.x, got.beta, got.y);
        symvReference(want.alpha, want.A, want.x, want.beta, want.y);
        compare(got, want);
      }),
      { numRuns: 200, seed: 5 },
    );
  });

  it("float32 operands: equal to the reference to float32 rounding", () => {
    fc.assert(
      fc.property(symCases, ({ n, xs, ys, alpha, beta, seed }) => {
        const got = symOperands(n, xs, ys, alpha, beta, seed, heap32);
        const want = symOperands(n, xs, ys, alpha, beta, seed, heap32);
        symv(got.alpha, got.A, got.x, got.beta, got.y);
        symvReference(want.alpha, want.A, want.x, want.beta, want.y);
        // each of the ≤ n + 2 roundings to float32 costs at most 2⁻²⁴ of Σ_j|alpha·a_ij·x_j| + |beta·y_i|
        const { data: a, off, cs: lda } = got.A;
        const y0 = symOperands(n, xs, ys, alpha, beta, seed, heap32).y;
        for (let i = 0; i < n; i++) {
          let abs = 0;
          for (let j = 0; j < n; j++) abs += Math.abs(a[off + (i >= j ? i + j * lda : j + i * lda)] * at(got.x, j));
          const bound = (n + 2) * 2 ** -23 * (Math.abs(alpha) * abs + (beta === 0 ? 0 : Math.abs(beta * at(y0, i))));
          expect(Math.abs(at(got.y, i) - at(want.y, i))).toBeLessThanOrEqual(2 * bound);
        }
      }),
      { numRuns: 100, seed: 6 },
    );
  });

  it.skipIf(!engineFeatures().simd)("resident operands: the SIMD kernel, equal to the reference", () => {
    const before = getBackend();
    setBackend("wasm-simd");
    const w = loadWasmGemm("wasm-simd")!;
    try {
      fc.assert(
        fc.property(symCases, ({ n, xs, ys, alpha, beta, seed }) => {
          const m = n + 32;
          const work = residentWork([(m + 2) * m + 1, m * xs + 1, m * ys + 1])!;
          try {
            const got = symOperands(m, xs, ys, alpha, beta, seed, () => work.arrays);
            const want = symOperands(m, xs, ys, alpha, beta, seed, heap);
            expect(symvResident(got.alpha, got.A, got.x, got.beta, got.y, w)).toBe(true);
            symvReference(want.alpha, want.A, want.x, want.beta, want.y);
            compare(got, want);
            // and through symv's dispatch
            const again = symOperands(m, xs, ys, alpha, beta, seed, () => work.arrays);
            symv(again.alpha, again.A, again.x, again.beta, again.y);
            compare(again, want);
          } finally {
            work.release();
          }
        }),
        { numRuns: 100, seed: 9 },
      );
      const h = symOperands(40, 1, 1, 1, 0, 1, heap);
      expect(symvResident(h.alpha, h.A, h.x, h.beta, h.y, w)).toBe(false);
    } finally {
      setBackend(before);
    }
  });

  it("anything but lower(A) of a column-major view, or mismatched shapes, throws an internal error", () => {
    const M = colMajor(new Float64Array(9), 3, 3);
    const x = vector(new Float64Array(3), 3);
    const y = vector(new Float64Array(3), 3);
    for (const f of [symv, symvReference]) {
      expect(() => f(1, upper(M), x, 0, y)).toThrow(/^internal: symv(Reference)?: expected lower\(A\).* upper view/);
      expect(() => f(1, lowerUnit(M), x, 0, y)).toThrow(/^internal: symv(Reference)?: expected lower\(A\).* lower unit view/);
      expect(() => f(1, T(lower(M)), x, 0, y)).toThrow(/^internal: .*expected lower\(A\)/);
      // a plain Block, as plain JS could pass it
      expect(() => f(1, M as never, x, 0, y)).toThrow(/^internal: .*expected lower\(A\)/);
      // a lower triangle of a row-major view: its row stride is not 1
      expect(() => f(1, lower(T(M)), x, 0, y)).toThrow(/^internal: .*column-major/);
      expect(() => f(1, lower(M), vector(new Float64Array(2), 2), 0, y)).toThrow(/^internal: .*shapes 3×3 · 2×1 → 3×1 do not agree/);
      expect(() => f(1, lower(M), x, 0, vector(new Float32Array(3), 3))).toThrow(/^internal: .*element types differ/);
    }
  });
});
