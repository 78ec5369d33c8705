/**
 * gemm: the reference triple loop and the fast kernel under the same tests (docs/style.md §6).
 *
 * Every variant is checked against a dense float64 oracle computed here, with the error bound
 * of a floating-point inner product (Higham, "Accuracy and Stability of Numerical Algorithms",
 * §3.1): |C − Ĉ|_ij ≤ γ·(k·eps64 + r·eps32)·(|alpha|·(|A|·|B|)_ij + |beta|·|C₀|_ij), where r
 * counts the float32 roundings of C (one per rank-kc update) and γ is a small constant. The
 * blocked kernel also runs with tiny block sizes and an odd micro-tile, so that problems of a
 * few dozen rows cross every block and sliver boundary. The WebAssembly builds (wasm/) run
 * the same tests, called directly (whatever the backend), in each flavour this engine
 * validates; with float32 sums (f32x4) the bound counts one float32 rounding per step, as for
 * a float32 BLAS. Operands are matrix views (Block, block.ts) in every layout: strided,
 * transposed (T(A)), offset, reversed, broadcast; mismatched shapes, element types and views
 * outside their buffers throw `internal: gemm:`.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GEMM_DEFAULTS, gemm, gemmSmall, type Block, type FloatArray, type GemmOptions } from "./gemm.js";
import { gemmReference } from "./gemm.reference.js";
import { colMajor, lower, strided, T } from "./block.js";
import { engineFeatures } from "./backend.js";
import { gemmWasm, type WasmFlavour } from "./wasm/gemm.wasm.js";

type Ctor = Float64ArrayConstructor | Float32ArrayConstructor;
/** C := alpha·A·B + beta·C, the signature every gemm variant shares. */
type Kernel = (alpha: number, A: Block, B: Block, beta: number, C: Block) => void;

const EPS64 = 2 ** -53;
const EPS32 = 2 ** -24;

/** mulberry32: a small seeded generator, so every failure reproduces. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How a rows×cols operand sits in its buffer. */
interface Layout {
  /** Column-major (a transposed view) instead of row-major. */
  transposed: boolean;
  /** Extra elements between consecutive rows (or columns, if transposed). */
  pad: number;
  /** Stride along the contiguous dimension (1 = contiguous). */
  step: number;
  /** Elements before the first one. */
  offset: number;
  /** Rows in reverse order (a negative row stride, as a [::-1] view). */
  reverse: boolean;
  /** Row stride 0: every row is the same (a broadcast view); never used for C. */
  broadcast: boolean;
}

const CONTIGUOUS: Layout = { transposed: false, pad: 0, step: 1, offset: 0, reverse: false, broadcast: false };

/** A rows×cols operand in `layout`, as a view; the whole buffer (also the gaps) is filled by `fill`. */
function operand(Ctor: Ctor, rows: number, cols: number, layout: Layout, fill: () => number): Block {
  const { transposed, pad, step, offset } = layout;
  let rs = transposed ? step : cols * step + pad;
  const cs = transposed ? rows * step + pad : step;
  if (layout.broadcast) rs = 0;
  const rowSpan = Math.max(0, rows - 1) * Math.abs(rs);
  const size = offset + rowSpan + Math.max(0, cols - 1) * cs + 1 + 3;
  const data = new Ctor(size);
  for (let t = 0; t < size; t++) data[t] = fill();
  if (layout.reverse && rs !== 0) return strided(data, rows, cols, offset + rowSpan, -rs, cs);
  return strided(data, rows, cols, offset, rs, cs);
}

const at = (X: Block, i: number, j: number): number => X.data[X.off + i * X.rs + j * X.cs];

interface Case {
  Ctor: Ctor;
  m: number;
  n: number;
  k: number;
  alpha: number;
  beta: number;
  layouts: [Layout, Layout, Layout];
  seed: number;
}

/** Build a case's operands: random A, B; C random, or NaN where beta = 0 (it must not be read). */
function build(c: Case): { A: Block; B: Block; C: Block; C0: FloatArray } {
  const r = rng(c.seed);
  const value = () => (c.Ctor === Float32Array ? Math.fround(2 * r() - 1) : 2 * r() - 1);
  const A = operand(c.Ctor, c.m, c.k, c.layouts[0], value);
  const B = operand(c.Ctor, c.k, c.n, c.layouts[1], value);
  const C = operand(c.Ctor, c.m, c.n, { ...c.layouts[2], broadcast: false }, value);
  if (c.beta === 0) for (let i = 0; i < c.m; i++) for (let j = 0; j < c.n; j++) C.data[C.off + i * C.rs + j * C.cs] = NaN;
  return { A, B, C, C0: C.data.slice() };
}

/**
 * Run `kernel` on the case and check every C[i, j] against the float64 oracle within the
 * inner-product error bound, and that no element of C's buffer outside the m×n view changed.
 * `roundings`: how many times float32 C may be rounded (⌈k/kc⌉ for the blocked kernel).
 */
function check(kernel: Kernel, c: Case, roundings = 1): void {
  const { A, B, C, C0 } = build(c);
  const { m, n, k, alpha, beta } = c;
  kernel(alpha, A, B, beta, C);
  const touched = new Set<number>();
  const unit = 4 * (k * EPS64 + (c.Ctor === Float32Array ? (roundings + 1) * EPS32 : EPS64));
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const idx = C.off + i * C.rs + j * C.cs;
      touched.add(idx);
      // the oracle: alpha·Σ_p A[i,p]·B[p,j] + beta·C₀[i,j], and the bound's magnitude
      let s = 0;
      let mag = 0;
      if (alpha !== 0) {
        for (let p = 0; p < k; p++) {
          s += at(A, i, p) * at(B, p, j);
          mag += Math.abs(at(A, i, p) * at(B, p, j));
        }
      }
      const c0 = beta === 0 ? 0 : beta * C0[idx];
      const want = alpha * s + c0;
      const bound = unit * (Math.abs(alpha) * mag + Math.abs(c0)) + Number.MIN_VALUE;
      const got = C.data[idx];
      if (!(Math.abs(got - want) <= bound)) {
        expect.fail(`C[${i}, ${j}] = ${got}, want ${want} ± ${bound} (m=${m}, n=${n}, k=${k}, alpha=${alpha}, beta=${beta})`);
      }
    }
  }
  for (let t = 0; t < C.data.length; t++) {
    if (!touched.has(t) && !Object.is(C.data[t], C0[t])) expect.fail(`C buffer element ${t} outside the view changed`);
  }
}

/** Tiny blocks and an odd tile (generic micro-kernel): 3×5 slivers in 7×5 and 5×11 blocks. */
const TINY_ODD: Partial<GemmOptions> = { smallWork: 0, mc: 7, kc: 5, nc: 11, mr: 3, nr: 5 };
/** Small blocks with the unrolled 4×4 micro-kernel. */
const SMALL_4X4: Partial<GemmOptions> = { smallWork: 0, mc: 12, kc: 16, nc: 20, mr: 4, nr: 4 };

// [name, kernel, the kc it uses on small problems (for the float32 rounding count)]
const variants: [string, Kernel, number][] = [
  ["reference", gemmReference, Infinity],
  ["blocked", (alpha, A, B, beta, C) => gemm(alpha, A, B, beta, C), GEMM_DEFAULTS.kc],
  ["gemmSmall", gemmSmall, Infinity],
  ["blocked 4×4, small blocks", (alpha, A, B, beta, C) => gemm(alpha, A, B, beta, C, SMALL_4X4), SMALL_4X4.kc!],
  ["blocked 3×5, tiny blocks", (alpha, A, B, beta, C) => gemm(alpha, A, B, beta, C, TINY_ODD), TINY_ODD.kc!],
];

/**
 * A WebAssembly memory budget that fits A, the panels and about a third of B and C, so the
 * product runs in three or more column panels (gemm.wasm.ts). A column-major C is computed as
 * Cᵀ = Bᵀ·Aᵀ there, so m and n trade places first.
 */
function panelBudget(A: Block, C: Block): number {
  const k = A.cols;
  const [m, n] = Math.abs(C.cs) > Math.abs(C.rs) ? [C.cols, C.rows] : [C.rows, C.cols];
  const kc = Math.min(256, k);
  return 4096 + 8 * (2 * m * k + 64 + (m + 6) * kc + (n + 8) * kc + (k + m) * Math.ceil(n / 3));
}

// The WebAssembly flavours this engine can run (relaxed SIMD needs Chrome ≥ 114, or Node 20
// with --experimental-wasm-relaxed-simd); float64 sums round float32 C once, float32 sums
// once per step (kc = 1 in the rounding count).
const flavours: WasmFlavour[] = [];
if (engineFeatures().simd) flavours.push("wasm-simd");
if (engineFeatures().relaxedSimd) flavours.push("wasm-relaxed-simd");
for (const f of flavours) {
  variants.push(
    [f, (alpha, A, B, beta, C) => gemmWasm(alpha, A, B, beta, C, f), Infinity],
    [`${f}, tiny blocks`, (alpha, A, B, beta, C) => gemmWasm(alpha, A, B, beta, C, f, { mc: 7, kc: 5, nc: 11 }), Infinity],
    [`${f}, float32 sums`, (alpha, A, B, beta, C) => gemmWasm(alpha, A, B, beta, C, f, { float32Sums: "float32" }), 1],
    [`${f}, column panels`, (alpha, A, B, beta, C) => gemmWasm(alpha, A, B, beta, C, f, { budgetBytes: panelBudget(A, C) }), Infinity],
  );
}

const base = (over: Partial<Case>): Case => ({
  Ctor: Float64Array,
  m: 5,
  n: 6,
  k: 7,
  alpha: 1,
  beta: 0,
  layouts: [CONTIGUOUS, CONTIGUOUS, CONTIGUOUS],
  seed: 1,
  ...over,
});

describe.each(variants)("gemm (%s)", (_name, kernel, kc) => {
  const run = (over: Partial<Case>) => {
    const c = base(over);
    check(kernel, c, Math.ceil(c.k / kc));
  };

  it("handles empty shapes: m = 0, n = 0, and k = 0 (C := beta·C)", () => {
    run({ m: 0, n: 4, k: 3 });
    run({ m: 4, n: 0, k: 3 });
    run({ m: 0, n: 0, k: 0 });
    run({ m: 3, n: 4, k: 0, beta: 0 }); // NaN C becomes 0
    run({ m: 3, n: 4, k: 0, beta: 0.5 });
    run({ m: 3, n: 4, k: 0, beta: 1, alpha: -1 });
  });

  it("matches the oracle on shapes 1..70, including 1 and non-multiples of every block size", () => {
    const r = rng(7);
    const shapes: [number, number, number][] = [
      [1, 1, 1],
      [1, 70, 33],
      [70, 1, 33],
      [33, 70, 1],
      [2, 3, 4],
      [4, 4, 4],
      [5, 5, 5],
      [8, 8, 8],
      [9, 13, 17],
      [16, 16, 16],
      [17, 15, 31],
      [64, 64, 64],
      [65, 63, 67],
    ];
    for (let t = 0; t < 30; t++) shapes.push([1 + Math.floor(70 * r()), 1 + Math.floor(70 * r()), 1 + Math.floor(70 * r())]);
    for (const [m, n, k] of shapes) run({ m, n, k, seed: m * 10000 + n * 100 + k });
  });

  it("crosses the default mc, kc and nc boundaries (m = 130, k = 530; n = 4100)", () => {
    run({ m: 130, n: 70, k: 530, beta: 0.5, seed: 3 });
    run({ m: 2, n: 4100, k: 40, seed: 4 });
    run({ m: 300, n: 301, k: 9, alpha: 2, seed: 5 });
  });

  it("applies alpha and beta as BLAS: beta = 0 overwrites NaN, alpha = 0 does not read A·B", () => {
    for (const alpha of [1, -2.5, 0]) {
      for (const beta of [0, 1, 0.5, -3]) run({ m: 9, n: 11, k: 13, alpha, beta, seed: 11 });
    }
    // alpha = 0: NaN in A and B must not reach C
    const { A, B, C } = build(base({ m: 6, n: 7, k: 5, alpha: 0, beta: 2 }));
    A.data.fill(NaN);
    B.data.fill(Infinity);
    kernel(0, A, B, 2, C);
    for (let i = 0; i < 6; i++) for (let j = 0; j < 7; j++) expect(Number.isFinite(at(C, i, j))).toBe(true);
  });

  it("reads strided, transposed, offset, reversed and broadcast operands and writes strided C", () => {
    const T: Layout = { ...CONTIGUOUS, transposed: true };
    const padded: Layout = { ...CONTIGUOUS, pad: 3, step: 2, offset: 5 };
    const reversed: Layout = { ...CONTIGUOUS, reverse: true, offset: 2 };
    const broadcast: Layout = { ...CONTIGUOUS, broadcast: true, offset: 1 };
    const layouts: [Layout, Layout, Layout][] = [
      [T, CONTIGUOUS, CONTIGUOUS],
      [CONTIGUOUS, T, CONTIGUOUS],
      [T, T, T],
      [padded, padded, padded],
      [reversed, T, padded],
      [broadcast, reversed, T],
      [CONTIGUOUS, broadcast, reversed],
      [{ ...T, pad: 2, step: 3, offset: 4 }, padded, { ...T, pad: 1, offset: 3 }],
    ];
    for (const [t, l] of layouts.entries()) {
      run({ m: 23, n: 19, k: 21, layouts: l, beta: t % 2 === 0 ? 0 : 0.5, seed: 100 + t });
      run({ m: 70, n: 66, k: 69, layouts: l, seed: 200 + t });
    }
  });

  it("computes float32 in float32 buffers within float32 tolerance", () => {
    for (const [m, n, k] of [
      [1, 1, 1],
      [7, 9, 11],
      [33, 31, 29],
      [70, 65, 69],
      [3, 5, 600],
    ] as const) {
      run({ Ctor: Float32Array, m, n, k, beta: 0, seed: m + n + k });
      run({ Ctor: Float32Array, m, n, k, alpha: 0.75, beta: -0.5, layouts: [{ ...CONTIGUOUS, transposed: true }, CONTIGUOUS, CONTIGUOUS], seed: 9 });
    }
  });

  it("rejects mismatched shapes, mixed dtypes and views outside their buffers with an internal error", () => {
    const { A, B, C } = build(base({})); // A 5×7, B 7×6, C 5×6
    const C0 = C.data.slice();
    // shapes that do not agree: A's rows ≠ C's rows, A's columns ≠ B's rows, B's columns ≠ C's
    expect(() => kernel(1, { ...A, rows: 4 }, B, 0, C)).toThrow(/^internal: gemm: shapes 4×7 · 7×6 → 5×6 do not agree$/);
    expect(() => kernel(1, A, { ...B, rows: 6 }, 0, C)).toThrow(/^internal: gemm: shapes 5×7 · 6×6 → 5×6 do not agree$/);
    expect(() => kernel(1, A, B, 0, { ...C, cols: 5 })).toThrow(/^internal: gemm: shapes 5×7 · 7×6 → 5×5 do not agree$/);
    expect(() => kernel(1, T(A), B, 0, C)).toThrow(/^internal: gemm: shapes 7×5 · 7×6 → 5×6 do not agree$/);
    // sizes that are not non-negative integers
    expect(() => kernel(1, { ...A, rows: -1 }, B, 0, { ...C, rows: -1 })).toThrow(/^internal: gemm: shapes -1×7/);
    expect(() => kernel(1, { ...A, cols: 2.5 }, { ...B, rows: 2.5 }, 0, C)).toThrow(/^internal: gemm: shapes 5×2\.5 · 2\.5×6/);
    // one element type
    expect(() => kernel(1, A, { ...B, data: new Float32Array(B.data.length) }, 0, C)).toThrow(
      /^internal: gemm: A, B, C must be all Float64Array or all Float32Array, got Float64Array, Float32Array, Float64Array$/,
    );
    expect(() => kernel(1, A, B, 0, { ...C, data: new Float32Array(C.data.length) })).toThrow(/^internal: gemm: A, B, C must be all/);
    // views reaching outside their buffers, at either end
    expect(() => kernel(1, { ...A, off: A.data.length }, B, 0, C)).toThrow(
      /^internal: gemm: A 5×7 \(off \d+, strides 7, 1\) spans elements \[\d+, \d+\] outside a buffer of \d+ elements/,
    );
    expect(() => kernel(1, A, { ...B, off: -1 }, 0, C)).toThrow(/^internal: gemm: B 7×6 \(off -1, strides 6, 1\) spans elements \[-1, 40\] outside/);
    expect(() => kernel(1, A, B, 0, { ...C, rs: -1 })).toThrow(/^internal: gemm: C 5×6/);
    expect(() => kernel(1, A, B, 0, { ...C, off: 1.5 })).toThrow(/^internal: gemm: C 5×6/);
    // A and B are not read (nor checked against their buffers) when alpha = 0 or k = 0; C always is
    expect(() => kernel(0, { ...A, off: A.data.length }, B, 0, { ...C, off: C.data.length })).toThrow(/^internal: gemm: C 5×6/);
    kernel(0, { ...A, off: A.data.length }, { ...B, off: -100 }, 1, C);
    // nothing was written by a rejected call (C := 1·C leaves it as it was)
    for (let t = 0; t < C0.length; t++) expect(Object.is(C.data[t], C0[t])).toBe(true);
  });

  it("takes transposes as views: C := 2·Aᵀ·B − C on column-major A (3×2), B (3×4), C (2×4)", () => {
    const a = Float64Array.from([1, 2, 3, 4, 5, 6]);
    const b = Float64Array.from({ length: 12 }, (_, i) => i - 5.5);
    const c0 = Float64Array.from({ length: 8 }, (_, i) => 0.25 * i);
    const c1 = c0.slice();
    kernel(2, T(colMajor(a, 3, 2)), colMajor(b, 3, 4), -1, colMajor(c1, 2, 4));
    // by hand: C[i, j] = 2·Σ_p A[p, i]·B[p, j] − C[i, j]; small integers and halves, exact on every path
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 4; j++) {
        let s = 0;
        for (let p = 0; p < 3; p++) s += a[p + 3 * i] * b[p + 3 * j];
        expect(c1[i + 2 * j]).toBe(2 * s - c0[i + 2 * j]);
      }
    }
    // the same product with a triangle-tagged view (more fields on the object): gemm reads the whole square
    const sq = Float64Array.from({ length: 9 }, (_, i) => i + 1);
    const got = new Float64Array(12);
    const want = new Float64Array(12);
    kernel(1, lower(colMajor(sq, 3, 3)), colMajor(b, 3, 4), 0, colMajor(got, 3, 4));
    gemmReference(1, colMajor(sq, 3, 3), colMajor(b, 3, 4), 0, colMajor(want, 3, 4));
    expect(got).toEqual(want);
    expect(() => kernel(1, colMajor(a, 3, 2), colMajor(b, 3, 4), 0, colMajor(c1, 2, 4))).toThrow(/^internal: gemm: shapes 3×2 · 3×4 → 2×4 do not agree$/);
  });

  it("property: random shapes, layouts, dtypes and alpha, beta match the oracle", () => {
    const layout = fc.record({
      transposed: fc.boolean(),
      pad: fc.integer({ min: 0, max: 3 }),
      step: fc.integer({ min: 1, max: 3 }),
      offset: fc.integer({ min: 0, max: 4 }),
      reverse: fc.boolean(),
      broadcast: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.record({
          f32: fc.boolean(),
          m: fc.integer({ min: 0, max: 40 }),
          n: fc.integer({ min: 0, max: 40 }),
          k: fc.integer({ min: 0, max: 40 }),
          alpha: fc.constantFrom(1, -1, 0.5, 0, 3),
          beta: fc.constantFrom(0, 1, -0.25),
          layouts: fc.tuple(layout, layout, layout),
          seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        }),
        ({ f32, ...c }) => {
          const full: Case = { ...c, Ctor: f32 ? Float32Array : Float64Array };
          check(kernel, full, Math.ceil(c.k / kc));
        },
      ),
      { numRuns: 150, seed: 42 },
    );
  });
});

describe("gemm (blocked) against gemmReference", () => {
  it("property: the fast kernel agrees with the reference twin within k·eps·(|A||B|)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 90 }),
        fc.integer({ min: 1, max: 90 }),
        fc.integer({ min: 1, max: 90 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (m, n, k, transA, transB, seed) => {
          const c = base({
            m,
            n,
            k,
            alpha: 1.5,
            beta: 0.5,
            seed,
            layouts: [{ ...CONTIGUOUS, transposed: transA }, { ...CONTIGUOUS, transposed: transB }, CONTIGUOUS],
          });
          const ref = build(c);
          const fast = build(c);
          gemmReference(c.alpha, ref.A, ref.B, c.beta, ref.C);
          gemm(c.alpha, fast.A, fast.B, c.beta, fast.C, SMALL_4X4);
          for (let i = 0; i < m; i++) {
            for (let j = 0; j < n; j++) {
              let mag = 0;
              for (let p = 0; p < k; p++) mag += Math.abs(at(ref.A, i, p) * at(ref.B, p, j));
              const bound = 4 * k * EPS64 * (1.5 * mag + 0.5 * Math.abs(at({ ...ref.C, data: ref.C0 }, i, j)));
              expect(Math.abs(at(fast.C, i, j) - at(ref.C, i, j))).toBeLessThanOrEqual(bound);
            }
          }
        },
      ),
      { numRuns: 60, seed: 7 },
    );
  });

  it("reuses its scratch: a large call then smaller ones give fresh results", () => {
    for (const [m, n, k] of [
      [200, 210, 220],
      [66, 67, 68],
      [130, 5, 700],
      [66, 67, 68],
    ] as const) {
      check((alpha, A, B, beta, C) => gemm(alpha, A, B, beta, C, { smallWork: 0 }), base({ m, n, k, seed: m }), Math.ceil(k / GEMM_DEFAULTS.kc));
    }
  });
});
