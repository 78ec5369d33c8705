/** Backend choice: feature detection, forcing a path, and the showConfig text. */
import { afterAll, describe, expect, it } from "vitest";
import { engineFeatures, getBackend, setBackend, showConfig, WASM_CROSSOVER, wasmFor } from "./backend.js";
import { strided, type Block } from "./block.js";
import { gemm } from "./gemm.js";
import { gemmReference } from "./gemm.reference.js";

const initial = getBackend();
afterAll(() => setBackend(initial));

// npm test runs the whole suite once per path through SLIDERULE_BACKEND: the path asked for
// must be the one that runs, or that run would silently test another
it.runIf(process.env.SLIDERULE_BACKEND !== undefined)("runs the path SLIDERULE_BACKEND asks for", () => {
  expect(initial).toBe(process.env.SLIDERULE_BACKEND);
});

/** Row-major n×n operands of C := A·B: small integers in A and B, C zero. */
const product = (n: number): [A: Block, B: Block, C: Block] => [
  strided(
    new Float64Array(n * n).map((_, i) => (i % 7) - 3),
    n,
    n,
    0,
    n,
    1,
  ),
  strided(
    new Float64Array(n * n).map((_, i) => (i % 5) - 2),
    n,
    n,
    0,
    n,
    1,
  ),
  strided(new Float64Array(n * n), n, n, 0, n, 1),
];

describe("backend", () => {
  it("detects Node 20's WebAssembly SIMD", () => {
    expect(engineFeatures()).toMatchObject({ webassembly: true, simd: true });
  });

  it("can be forced to each available path, and gemm gives the same result on each", () => {
    const [A, B, want] = product(80);
    gemmReference(1, A, B, 0, want);
    const names = ["typescript", "wasm-simd", ...(engineFeatures().relaxedSimd ? ["wasm-relaxed-simd" as const] : [])] as const;
    for (const name of names) {
      setBackend(name);
      expect(getBackend()).toBe(name);
      // above the crossover: wasm when a wasm backend is active
      expect(wasmFor(80, 80, 80) === null).toBe(name === "typescript");
      const [, , got] = product(80);
      gemm(1, A, B, 0, got);
      expect(got.data).toEqual(want.data); // small integers: exact on every path
    }
    setBackend("auto");
    expect(getBackend()).toBe(engineFeatures().relaxedSimd ? "wasm-relaxed-simd" : "wasm-simd");
  });

  it("keeps products below the crossover, and thin ones, on the TypeScript kernel", () => {
    setBackend("wasm-simd");
    expect(wasmFor(WASM_CROSSOVER - 1, WASM_CROSSOVER, WASM_CROSSOVER)).toBeNull();
    expect(wasmFor(500, 1, 500)).toBeNull();
    expect(wasmFor(WASM_CROSSOVER, WASM_CROSSOVER, WASM_CROSSOVER)).not.toBeNull();
  });

  it("rejects unknown or unavailable backends by name", () => {
    expect(() => setBackend("gpu" as never)).toThrow(/^setBackend: backend must be one of auto, typescript, wasm-simd, wasm-relaxed-simd, got gpu/);
    if (!engineFeatures().relaxedSimd) expect(() => setBackend("wasm-relaxed-simd")).toThrow(/^setBackend: wasm-relaxed-simd is not available in this engine/);
  });

  it("describes itself in showConfig", () => {
    setBackend("wasm-simd");
    const text = showConfig();
    expect(text).toMatch(/backend: +wasm-simd \(requested wasm-simd, by setBackend\)/);
    expect(text).toMatch(/SIMD yes/);
    expect(text).toContain(`m·n·k ≥ ${WASM_CROSSOVER}³`);
    expect(text).toMatch(/factorizations: +float64 LU, Cholesky, Householder QR and triangular solves whole in WebAssembly/);
    setBackend("typescript");
    expect(showConfig()).toMatch(/factorizations: +TypeScript/);
  });
});
