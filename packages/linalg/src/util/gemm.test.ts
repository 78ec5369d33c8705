import { describe, expect, it } from "vitest";
import { colMajor, T } from "@sliderule/ndarray/kernels";
import { gemmBlock } from "./gemm.js";

describe("gemmBlock on views", () => {
  it("gemmBlock: C := alpha·A·B + beta·C with transposes as views", () => {
    // A (3×2), B (3×4) stored column-major; C := 2·Aᵀ·B − C (2×4)
    const a = Float64Array.from([1, 2, 3, 4, 5, 6]);
    const b = Float64Array.from({ length: 12 }, (_, i) => i - 5.5);
    const c0 = Float64Array.from({ length: 8 }, (_, i) => 0.25 * i);
    const c1 = c0.slice();
    gemmBlock(2, T(colMajor(a, 3, 2)), colMajor(b, 3, 4), -1, colMajor(c1, 2, 4));
    // by hand: C[i, j] = 2·Σ_p A[p, i]·B[p, j] − C[i, j]
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 4; j++) {
        let s = 0;
        for (let p = 0; p < 3; p++) s += a[p + 3 * i] * b[p + 3 * j];
        expect(c1[i + 2 * j]).toBe(2 * s - c0[i + 2 * j]);
      }
    }
    expect(() => gemmBlock(1, colMajor(a, 3, 2), colMajor(b, 3, 4), 0, colMajor(c1, 2, 4))).toThrow(/^internal: gemmBlock: shapes 3×2 · 3×4/);
  });
});
