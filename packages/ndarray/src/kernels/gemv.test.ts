/** gemv against its reference twin: heap operands, resident (WebAssembly) operands, every layout. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { engineFeatures, getBackend, residentWork, setBackend } from "./backend.js";
import { gemv, gemvReference, symv, symvReference, type GemvArgs, type SymvArgs } from "./gemv.js";
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

/** Build the operands of `c` in `alloc`'s arrays (A with padding, x and y strided). */
function operands(c: Case, alloc: (sizes: number[]) => Float64Array[]): GemvArgs {
  const { m, n } = c;
  const ld = (c.layout === "rows" ? n : m) + 3;
  const aLen = ld * (c.layout === "rows" ? m : n) + 2 * m * n + 8;
  const [A, x, y] = alloc([aLen, n * c.xs + 1, m * c.ys + 1]);
  for (let i = 0; i < A.length; i++) A[i] = Math.sin(i * 0.61 + c.seed);
  for (let i = 0; i < x.length; i++) x[i] = Math.cos(i * 0.37 + c.seed);
  for (let i = 0; i < y.length; i++) y[i] = c.beta === 0 ? NaN : Math.sin(i * 1.3 + c.seed);
  const [aOff, aRs, aCs] =
    c.layout === "columns" ? [1, 1, ld] : c.layout === "rows" ? [1, ld, 1] : c.layout === "strided" ? [0, 2, 2 * m + 1] : [m - 1 + (n - 1) * m, -1, -m]; // both strides negative
  return { m, n, alpha: c.alpha, A, aOff, aRs, aCs, x, xOff: 0, xs: c.xs, beta: c.beta, y, yOff: 0, ys: c.ys };
}

const heap = (sizes: number[]) => sizes.map((s) => new Float64Array(s));

function check(c: Case, alloc: (sizes: number[]) => Float64Array[]): void {
  const got = operands(c, alloc);
  const want = operands(c, heap);
  gemv(got);
  gemvReference(want);
  const scale = c.n * Math.max(1, Math.abs(c.alpha)) * 2 ** -52 * 4;
  for (let i = 0; i < c.m; i++) {
    const g = got.y[i * c.ys];
    const w = want.y[i * c.ys];
    expect(Math.abs(g - w)).toBeLessThanOrEqual(scale * (1 + Math.abs(w)));
  }
  // entries of y between the strided ones are untouched
  if (c.ys > 1) expect(got.y[1]).toBe(want.y[1]);
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
  it("heap operands: equal to the reference on random shapes, layouts, strides, alpha and beta", () => {
    fc.assert(
      fc.property(cases, (c) => check(c, heap)),
      { numRuns: 300, seed: 7 },
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
          expect(gemvResident(got, w)).toBe(layout !== "strided");
          if (layout === "strided") continue;
          gemvReference(want);
          for (let i = 0; i < c.m; i++) expect(got.y[i]).toBeCloseTo(want.y[i], 12);
        } finally {
          work.release();
        }
      }
      // A on the heap: not the kernels' business
      expect(gemvResident(operands({ m: 45, n: 38, layout: "columns", xs: 1, ys: 1, alpha: 1, beta: 0, seed: 1 }, heap), w)).toBe(false);
    } finally {
      setBackend(before);
    }
  });
});

describe("symv (lower triangle only)", () => {
  /** A symmetric n×n in the lower triangle of a padded buffer, garbage (NaN) above it. */
  function symOperands(n: number, xs: number, ys: number, alpha: number, beta: number, seed: number, alloc: (sizes: number[]) => Float64Array[]): SymvArgs {
    const lda = n + 2;
    const [A, x, y] = alloc([lda * n + 1, n * xs + 1, n * ys + 1]);
    A.fill(NaN);
    for (let j = 0; j < n; j++) for (let i = j; i < n; i++) A[1 + i + j * lda] = Math.sin((i + 1) * (j + 2) * 0.13 + seed);
    for (let i = 0; i < x.length; i++) x[i] = Math.cos(i * 0.7 + seed);
    for (let i = 0; i < y.length; i++) y[i] = beta === 0 ? NaN : Math.sin(i + seed);
    return { n, alpha, A, aOff: 1, lda, x, xOff: 0, xs, beta, y, yOff: 0, ys };
  }
  const symCases = fc.record({
    n: fc.integer({ min: 1, max: 80 }),
    xs: fc.integer({ min: 1, max: 2 }),
    ys: fc.integer({ min: 1, max: 2 }),
    alpha: fc.constantFrom(1, -0.5),
    beta: fc.constantFrom(0, 1, 3),
    seed: fc.integer({ min: 0, max: 100 }),
  });
  const compare = (got: SymvArgs, want: SymvArgs) => {
    for (let i = 0; i < got.n; i++) {
      const w = want.y[i * want.ys];
      expect(Math.abs(got.y[i * got.ys] - w)).toBeLessThanOrEqual(4 * got.n * 2 ** -52 * (1 + Math.abs(w)));
    }
  };

  it("heap operands: equal to the reference, never reading above the diagonal", () => {
    fc.assert(
      fc.property(symCases, ({ n, xs, ys, alpha, beta, seed }) => {
        const got = symOperands(n, xs, ys, alpha, beta, seed, heap);
        const want = symOperands(n, xs, ys, alpha, beta, seed, heap);
        symv(got);
        symvReference(want);
        compare(got, want);
      }),
      { numRuns: 200, seed: 5 },
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
            expect(symvResident(got, w)).toBe(true);
            symvReference(want);
            compare(got, want);
          } finally {
            work.release();
          }
        }),
        { numRuns: 100, seed: 9 },
      );
      expect(symvResident(symOperands(40, 1, 1, 1, 0, 1, heap), w)).toBe(false);
    } finally {
      setBackend(before);
    }
  });
});
