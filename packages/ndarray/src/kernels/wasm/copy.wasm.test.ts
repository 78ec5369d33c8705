/** The resident copies and NaN check (copy.as.ts via copy.wasm.ts) against plain loops. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getBackend, residentWork } from "../backend.js";
import { allFiniteResident, loadResident, storeResident } from "./copy.wasm.js";

const HAS_RESIDENT = getBackend() !== "typescript";

/** Strides of an m×n view of a buffer: row-major, column-major, padded, reversed. */
const layouts = (m: number, n: number): [string, number, number, number, number][] => [
  // name, offset, row stride, column stride, buffer length
  ["row-major", 0, n, 1, m * n],
  ["column-major (a transposed view)", 0, 1, m, m * n],
  ["padded rows, offset", 3, n + 1, 1, 3 + m * (n + 1)],
  ["both strides negative", m * n - 1, -n, -1, m * n],
];

describe.skipIf(!HAS_RESIDENT)("loadResident / storeResident", () => {
  it("property: load then store reproduces the block in every layout, as the plain loops do", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 70 }), fc.integer({ min: 1, max: 70 }), fc.integer({ min: 0, max: 3 }), fc.boolean(), (m, n, which, transposeW) => {
        const [, off, rs, cs, len] = layouts(m, n)[which];
        const X = new Float64Array(len + 2).map((_, i) => Math.sin(i * 0.7) * 100);
        const ld = (transposeW ? n : m) + 2;
        const [wRs, wCs] = transposeW ? [ld, 1] : [1, ld];
        const work = residentWork([ld * (transposeW ? m : n) + 1])!;
        try {
          const [W] = work.arrays;
          W.fill(-7);
          expect(loadResident(X, off, rs, cs, m, n, W, 1, wRs, wCs)).toBe(true);
          for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) expect(W[1 + i * wRs + j * wCs]).toBe(X[off + i * rs + j * cs]);
          // nothing outside the block was written
          expect(W[0]).toBe(-7);
          const out = new Float64Array(m * n + 4).fill(9);
          expect(storeResident(W, 1, wRs, wCs, m, n, out, 2)).toBe(true);
          for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) expect(out[2 + i * n + j]).toBe(X[off + i * rs + j * cs]);
          expect([out[0], out[1], out[m * n + 2], out[m * n + 3]]).toEqual([9, 9, 9, 9]);
        } finally {
          work.release();
        }
      }),
      { numRuns: 60 },
    );
  });

  it("declines, touching nothing: heap W, a sparse view, a float32 source", () => {
    const X = new Float64Array(100).fill(1);
    const heapW = new Float64Array(100);
    expect(loadResident(X, 0, 10, 1, 10, 10, heapW, 0, 1, 10)).toBe(false);
    expect(storeResident(heapW, 0, 1, 10, 10, 10, X, 0)).toBe(false);
    expect(heapW.every((v) => v === 0)).toBe(true);
    const work = residentWork([100])!;
    try {
      const [W] = work.arrays;
      W.fill(0);
      // a 2×2 view spread over 10⁴ elements: gathering beats copying the span
      expect(loadResident(new Float64Array(10001), 0, 5000, 1, 2, 2, W, 0, 1, 2)).toBe(false);
      expect(loadResident(new Float32Array(100), 0, 10, 1, 10, 10, W, 0, 1, 10)).toBe(false);
      expect(W.every((v) => v === 0)).toBe(true);
    } finally {
      work.release();
    }
  });
});

describe.skipIf(!HAS_RESIDENT)("allFiniteResident", () => {
  it.each([0, 1, 3, 4, 5, 64, 1001])("finds NaN, +Inf and -Inf at every position of %i values", (count) => {
    const work = residentWork([count + 2])!;
    try {
      const [W] = work.arrays;
      for (let i = 0; i < W.length; i++) W[i] = Math.cos(i) * 1e300;
      W[0] = NaN; // outside the range checked
      W[count + 1] = Infinity;
      expect(allFiniteResident(W, 1, count)).toBe(true);
      for (const bad of [NaN, Infinity, -Infinity]) {
        for (const at of new Set([0, 1, 2, count >> 1, count - 1].filter((p) => p >= 0 && p < count))) {
          const keep = W[1 + at];
          W[1 + at] = bad;
          expect(allFiniteResident(W, 1, count)).toBe(false);
          W[1 + at] = keep;
        }
      }
    } finally {
      work.release();
    }
  });

  it("is undefined for an ordinary array", () => {
    expect(allFiniteResident(new Float64Array(4), 0, 4)).toBeUndefined();
  });
});
