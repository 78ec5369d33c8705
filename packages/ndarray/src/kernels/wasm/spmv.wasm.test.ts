/**
 * Resident sparse storage and the spmv kernels (spmv.as.ts via spmv.wasm.ts) against plain
 * loops written here in the spec's order (@sliderule/linalg's sparse/spmv.ts is the spec; its
 * tests check the matrices' products against it with ===): each row summed in storage order
 * from 0, xᵀ·y in row order, the scatter in storage order. Random arrays of any small size
 * (fast-check), with empty rows, repeated and unsorted indices, float64 and float32 values.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getBackend } from "../backend.js";
import { csrGatherResident, csrScatterResident, residentCsr, residentCsrBytes, residentCsrOf } from "./spmv.wasm.js";

const HAS_WASM = getBackend() !== "typescript";

/** y := A·x as the spec sums it; returns xᵀ·y (x long enough) in row order. */
function gatherLoop(nMajor: number, indptr: Int32Array, indices: Int32Array, data: ArrayLike<number>, x: Float64Array, y: Float64Array): number {
  let xy = 0;
  for (let i = 0; i < nMajor; i++) {
    let s = 0;
    for (let p = indptr[i]; p < indptr[i + 1]; p++) s += data[p] * x[indices[p]];
    y[i] = s;
    xy += x[i] * s;
  }
  return xy;
}

/** y := Aᵀ·x as the spec scatters it. */
function scatterLoop(nMajor: number, indptr: Int32Array, indices: Int32Array, data: ArrayLike<number>, x: Float64Array, y: Float64Array): void {
  y.fill(0);
  for (let i = 0; i < nMajor; i++) for (let p = indptr[i]; p < indptr[i + 1]; p++) y[indices[p]] += data[p] * x[i];
}

const same = (a: Float64Array, b: Float64Array): boolean => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

/** Random compressed arrays: nMajor slices of 0..2·nMinor entries, indices in any order with repeats. */
const arraysArb = fc
  .record({ nMajor: fc.integer({ min: 1, max: 12 }), nMinor: fc.integer({ min: 1, max: 12 }), f32: fc.boolean() })
  .chain(({ nMajor, nMinor, f32 }) =>
    fc.record({
      nMajor: fc.constant(nMajor),
      nMinor: fc.constant(nMinor),
      f32: fc.constant(f32),
      rows: fc.array(
        fc.array(fc.record({ j: fc.integer({ min: 0, max: nMinor - 1 }), v: fc.double({ min: -1e3, max: 1e3, noNaN: true }) }), { maxLength: 2 * nMinor }),
        {
          minLength: nMajor,
          maxLength: nMajor,
        },
      ),
      x: fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: Math.max(nMajor, nMinor), maxLength: Math.max(nMajor, nMinor) }),
    }),
  );

describe.skipIf(!HAS_WASM)("resident CSR storage and the spmv kernels", () => {
  it("property: gather (with and without xᵀ·y) and scatter are bit for bit the spec's loops, float64 and float32", () => {
    fc.assert(
      fc.property(arraysArb, ({ nMajor, nMinor, f32, rows, x }) => {
        const nnz = rows.reduce((s, r) => s + r.length, 0);
        const r = residentCsr(nMajor, nMinor, nnz, f32 ? "float32" : "float64")!;
        expect(r).not.toBeNull();
        let p = 0;
        rows.forEach((row, i) => {
          for (const { j, v } of row) {
            r.indices[p] = j;
            r.data[p++] = v;
          }
          r.indptr[i + 1] = p;
        });
        const xs = Float64Array.from(x);
        const xMinor = xs.slice(0, nMinor),
          xMajor = xs.slice(0, nMajor);
        const want = new Float64Array(nMajor);
        gatherLoop(nMajor, r.indptr, r.indices, r.data, xMinor, want);
        const y = new Float64Array(nMajor).fill(NaN);
        expect(csrGatherResident(r, xMinor, y, false)).toBe(0);
        expect(same(y, want)).toBe(true);
        if (nMajor === nMinor) {
          const yd = new Float64Array(nMajor);
          const xy = csrGatherResident(r, xMinor, yd, true);
          expect(Object.is(xy, gatherLoop(nMajor, r.indptr, r.indices, r.data, xMinor, want))).toBe(true);
          expect(same(yd, want)).toBe(true);
        }
        const wantT = new Float64Array(nMinor);
        scatterLoop(nMajor, r.indptr, r.indices, r.data, xMajor, wantT);
        const z = new Float64Array(nMinor).fill(NaN);
        expect(csrScatterResident(r, xMajor, z)).toBe(true);
        expect(same(z, wantT)).toBe(true);
        // x is only read
        expect(same(xMinor, xs.slice(0, nMinor))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("layout: disjoint views on one memory of whole pages, which cannot grow; the slots may be passed as x and y", () => {
    const r = residentCsr(1000, 700, 5000, "float64")!;
    const views = [r.majorSlot, r.minorSlot, r.data, r.indices, r.indptr];
    for (const v of views) expect(v.buffer).toBe(r.memory.buffer);
    const spans = views.map((v) => [v.byteOffset, v.byteOffset + v.byteLength]).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBeGreaterThanOrEqual(spans[i - 1][1]);
    expect(spans[0][0]).toBeGreaterThanOrEqual(16);
    expect(r.memory.buffer.byteLength).toBe(residentCsrBytes(1000, 700, 5000, "float64"));
    expect(r.memory.buffer.byteLength % 65536).toBe(0);
    expect(r.memory.buffer.byteLength - spans[spans.length - 1][1]).toBeLessThan(65536);
    expect(() => r.memory.grow(1)).toThrow(RangeError);
    expect([r.majorSlot.length, r.minorSlot.length, r.data.length, r.indices.length, r.indptr.length]).toEqual([1000, 700, 5000, 5000, 1001]);
    expect(residentCsrOf(r.data)).toBe(r);
    expect(residentCsrOf(r.data.slice())).toBeUndefined();
    // slots as operands: x in minorSlot is read in place, y in majorSlot written in place
    for (let i = 0; i < 1000; i++) {
      r.indptr[i + 1] = 5 * (i + 1);
      for (let t = 0; t < 5; t++) {
        r.indices[5 * i + t] = (i * 7 + t * 131) % 700;
        r.data[5 * i + t] = (t + 1) / 3;
      }
    }
    const x = Float64Array.from({ length: 700 }, (_, j) => Math.cos(j));
    const want = new Float64Array(1000);
    gatherLoop(1000, r.indptr, r.indices, r.data, x, want);
    r.minorSlot.set(x);
    expect(csrGatherResident(r, r.minorSlot, r.majorSlot, false)).toBe(0);
    expect(same(r.majorSlot, want)).toBe(true);
    const f32 = residentCsr(10, 10, 3, "float32")!;
    expect(f32.data).toBeInstanceOf(Float32Array);
    expect(f32.data.byteOffset % 16).toBe(0);
  });

  it("an entry out of range: the kernels refuse (undefined / false), leave the caller's y alone and write nothing else", () => {
    const r = residentCsr(3, 4, 4, "float64")!;
    r.indptr.set([0, 2, 3, 4]);
    r.indices.set([0, 3, 1, 2]);
    r.data.set([1, 2, 3, 4]);
    const x4 = Float64Array.of(1, 1, 1, 1),
      x3 = Float64Array.of(1, 1, 1);
    const y = Float64Array.of(-1, -1, -1),
      z = Float64Array.of(-1, -1, -1, -1);
    for (const [arr, at, bad] of [
      [r.indices, 1, 4],
      [r.indices, 2, -1],
      [r.indptr, 2, 5],
      [r.indptr, 1, -1],
    ] as const) {
      const keep = arr[at];
      arr[at] = bad;
      const before = [r.data.slice(), r.indices.slice(), r.indptr.slice()];
      expect(csrGatherResident(r, x4, y, false)).toBeUndefined();
      expect(csrScatterResident(r, x3, z)).toBe(false);
      expect(Array.from(y)).toEqual([-1, -1, -1]);
      expect(Array.from(z)).toEqual([-1, -1, -1, -1]);
      expect([r.data.slice(), r.indices.slice(), r.indptr.slice()]).toEqual(before);
      arr[at] = keep;
    }
    expect(csrGatherResident(r, x4, y, false)).toBe(0);
    expect(Array.from(y)).toEqual([3, 3, 4]);
    // a non-monotone indptr within [0, nnz] is no danger: such a slice is empty, as in the loops
    r.indptr.set([0, 3, 1, 4]);
    const want = new Float64Array(3);
    gatherLoop(3, r.indptr, r.indices, r.data, x4, want);
    expect(csrGatherResident(r, x4, y, false)).toBe(0);
    expect(same(y, want)).toBe(true);
  });
});

describe.skipIf(HAS_WASM)("resident CSR storage on the typescript backend", () => {
  it("is never allocated", () => {
    expect(residentCsr(10, 10, 100, "float64")).toBeNull();
  });
});
