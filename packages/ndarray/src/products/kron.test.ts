/**
 * kron: the definition kron(A, B)[i·p + k, j·q + l] = A[i, j]·B[k, l] checked element by
 * element for random ranks (shorter shape padded with leading 1s), strided views and dtypes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { indices, layoutArb, shapeArb, strided } from "../../test/arbitraries.js";
import { promoteTypes, type DType } from "../dtype.js";
import { NDArray } from "../ndarray.js";
import { kron } from "./kron.js";

const DTYPES: DType[] = ["float64", "float32", "int32", "bool", "complex128"];
const intFill = (seed: number) => (p: number) => (((Math.imul(p + 1, 2654435761) ^ Math.imul(seed, 40503)) >>> 0) % 9) - 4;

describe("kron against its definition", () => {
  it("random ranks, views and dtypes", () => {
    fc.assert(
      fc.property(
        fc.tuple(shapeArb({ maxNdim: 3, maxDim: 3 }), shapeArb({ maxNdim: 3, maxDim: 3 })).chain(([sa, sb]) =>
          fc.record({
            sa: fc.constant(sa),
            sb: fc.constant(sb),
            la: layoutArb(sa.length),
            lb: layoutArb(sb.length),
            da: fc.constantFrom(...DTYPES),
            db: fc.constantFrom(...DTYPES),
          }),
        ),
        ({ sa, sb, la, lb, da, db }) => {
          const a = strided(sa, la, da, intFill(1)).view;
          const b = strided(sb, lb, db, intFill(2)).view;
          const d = Math.max(sa.length, sb.length);
          const pad = (s: number[]) => [...new Array<number>(d - s.length).fill(1), ...s];
          const [pa, pb] = [pad(sa), pad(sb)];
          const K = kron(a, b);
          expect(K.shape).toEqual(pa.map((n, k) => n * pb[k]));
          expect(K.dtype).toBe(promoteTypes(da, db));
          for (const idx of indices(K.shape)) {
            const i = idx.map((x, k) => Math.floor(x / pb[k]));
            const j = idx.map((x, k) => x % pb[k]);
            const u = a.getComplex(...i.slice(d - sa.length));
            const v = b.getComplex(...j.slice(d - sb.length));
            const w = K.getComplex(...idx);
            const re = u.re * v.re - u.im * v.im;
            const im = u.re * v.im + u.im * v.re;
            if (K.dtype === "bool") expect(w.re).toBe(re !== 0 ? 1 : 0);
            else expect([w.re + 0, w.im + 0]).toEqual([re + 0, (K.dtype === "complex128" ? im : 0) + 0]);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
  it("returns an array that owns its data", () => {
    expect(kron(new NDArray(Float64Array.from([1, 2, 3, 4]), [2, 2]), [[1, 1]]).base).toBe(null);
  });
});

describe("doc examples", () => {
  it("kron", () => {
    expect(kron([1, 10], [1, 2, 3]).toArray()).toEqual([1, 2, 3, 10, 20, 30]);
  });
});
