/**
 * batched-gemm: the dtype strategies and batch paths matmul, dot, tensordot and einsum rely
 * on, checked directly — castCompact keeps broadcast axes at stride 0, the folded single-gemm
 * path and the per-matrix loop give the same products, complex operands mixed with real ones,
 * exact int32, and the internal checks.
 */
import { describe, expect, it } from "vitest";
import { flat } from "../../test/arbitraries.js";
import { NDArray } from "../ndarray.js";
import { castCompact, gemmBatched } from "./batched-gemm.js";

const seq = (n: number, s = 0) => Float64Array.from({ length: n }, (_, i) => ((i * 5 + s) % 7) - 3);

/** c[β] = a[β]·b[β] by loops, on float64 views (complex not needed here). */
function gemmBatchedReference(a: NDArray, b: NDArray): number[] {
  const nd = a.ndim;
  const [M, K] = a.shape.slice(-2);
  const N = b.shape[nd - 1];
  const batch = a.shape.slice(0, -2);
  const count = batch.reduce((p, d) => p * d, 1);
  const out: number[] = [];
  for (let e = 0; e < count; e++) {
    const idx = batch.map((_, k) => Math.floor(e / batch.slice(k + 1).reduce((p, d) => p * d, 1)) % batch[k]);
    for (let i = 0; i < M; i++)
      for (let j = 0; j < N; j++) {
        let s = 0;
        for (let p = 0; p < K; p++) s += a.get(...idx, i, p) * b.get(...idx, p, j);
        out.push(s);
      }
  }
  return out;
}

describe("castCompact", () => {
  it("copies only the distinct elements of a broadcast operand", () => {
    const m = new NDArray(Int32Array.from([1, 2, 3, 4]), [2, 2]).broadcastTo([1000, 2, 2]);
    const c = castCompact(m, "float64");
    expect(c.dtype).toBe("float64");
    expect(c.data.length).toBe(4);
    expect(c.strides[0]).toBe(0);
    expect(flat(c.slice(999))).toEqual([1, 2, 3, 4]);
  });
});

describe("gemmBatched: batch paths", () => {
  it("shared B: the folded gemm over (batch·M) rows, also with a 2-level batch", () => {
    const a = new NDArray(seq(3 * 4 * 5 * 6), [3, 4, 5, 6]);
    const b = new NDArray(seq(6 * 2, 1), [6, 2]).broadcastTo([3, 4, 6, 2]);
    const c = new NDArray(new Float64Array(3 * 4 * 5 * 2), [3, 4, 5, 2]);
    gemmBatched(a, b, c);
    expect(flat(c)).toEqual(gemmBatchedReference(a, b));
  });
  it("shared B but A's rows not in one sequence (a sliced batch): the per-matrix loop", () => {
    const a = new NDArray(seq(6 * 5 * 6), [6, 5, 6]).slice("::2", "1:", ":"); // (3, 4, 6), gaps between matrices
    const b = new NDArray(seq(12, 1), [6, 2]).broadcastTo([3, 6, 2]);
    const c = new NDArray(new Float64Array(24), [3, 4, 2]);
    gemmBatched(a, b, c);
    expect(flat(c)).toEqual(gemmBatchedReference(a, b));
  });
  it("C written through strides (a transposed stack)", () => {
    const a = new NDArray(seq(2 * 3 * 4), [2, 3, 4]);
    const b = new NDArray(seq(2 * 4 * 5, 2), [2, 4, 5]);
    const buf = new NDArray(new Float64Array(30), [5, 3, 2]);
    gemmBatched(a, b, buf.transpose(2, 1, 0));
    expect(flat(buf.transpose(2, 1, 0))).toEqual(gemmBatchedReference(a, b));
  });
});

describe("gemmBatched: dtypes", () => {
  it("complex with real, real with complex, complex with complex", () => {
    const z = new NDArray(Float64Array.from([1, 2, 3, 4]), [1, 2], "complex128"); // [1+2i, 3+4i]
    const r = new NDArray(Float64Array.from([1, 1]), [2, 1]);
    const w = new NDArray(Float64Array.from([0, 1, 1, 0]), [2, 1], "complex128"); // [i, 1]
    const out = () => new NDArray(new Float64Array(2), [1, 1], "complex128");
    let c = out();
    gemmBatched(z, r, c);
    expect(c.getComplex(0, 0)).toEqual({ re: 4, im: 6 });
    c = out();
    gemmBatched(r.T, z.T, c);
    expect(c.getComplex(0, 0)).toEqual({ re: 4, im: 6 });
    c = out();
    gemmBatched(z, w, c); // (1+2i)·i + (3+4i) = (-2+i) + (3+4i)
    expect(c.getComplex(0, 0)).toEqual({ re: 1, im: 5 });
  });
  it("float32 operands into a float32 result stay on the Float32Array gemm", () => {
    const a = new NDArray(Float32Array.from([0.1, 0.2]), [1, 2]);
    const c = new NDArray(new Float32Array(1), [1, 1]);
    gemmBatched(a, a.T, c);
    expect(c.data[0]).toBe(Math.fround(Math.fround(0.1) ** 2 + Math.fround(0.2) ** 2));
  });
  it("int32 from bool operands; exact past 2⁵³", () => {
    const t = new NDArray(Uint8Array.from([1, 1]), [1, 2], "bool");
    const c = new NDArray(new Int32Array(1), [1, 1]);
    gemmBatched(t, t.T, c);
    expect(c.data[0]).toBe(2);
    const big = new NDArray(Int32Array.from([2147483647, 2147483647, 2147483647]), [1, 3]);
    gemmBatched(big, big.T, c);
    expect(c.data[0]).toBe(Number(BigInt.asIntN(32, 3n * 2147483647n * 2147483647n)));
  });
  it("internal checks", () => {
    const a = new NDArray(new Float64Array(6), [2, 3]);
    expect(() => gemmBatched(a, a, new NDArray(new Float64Array(4), [2, 2]))).toThrow(/^internal: gemmBatched/);
    const z = new NDArray(new Float64Array(8), [2, 2], "complex128");
    expect(() => gemmBatched(z, z, new NDArray(new Float64Array(4), [2, 2]))).toThrow(/^internal: gemmBatched: complex/);
  });
});
