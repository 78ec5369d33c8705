/**
 * einsum and einsumPath: random subscripts against the explicit sum (einsum.reference.ts),
 * NumPy's grammar case by case, views for one-operand einsums, the error messages, and the
 * greedy contraction order.
 *
 * The random cases are built from a seed: 1–3 operands of 0–4 letters drawn from "abcdeAB"
 * (repeats within an operand are diagonals), sizes 0–4, sometimes a "..." of up to two
 * broadcast dimensions, size-1 axes that broadcast, implicit or explicit output, random
 * strided layouts and dtypes. The generator writes each case twice — as the subscripts string
 * einsum parses, and with "..." already spelled out for the reference — so the reference does
 * not share einsum's parser. Operands hold small integers (complex: half-integers), so every
 * sum is exact and results must match exactly.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectCloseArrays, expectError, flat, rng, strided, type Layout } from "../../test/arbitraries.js";
import { resultType, type DType } from "../dtype.js";
import { ValueError } from "../errors.js";
import { NDArray } from "../ndarray.js";
import { einsum } from "./einsum.js";
import { einsumPath, greedyOrder } from "./einsum-path.js";
import { einsumReference } from "./einsum.reference.js";

const DTYPES: DType[] = ["float64", "float32", "int32", "bool", "complex128"];
const intFill = (seed: number) => (p: number) => (((Math.imul(p + 1, 2654435761) ^ Math.imul(seed, 40503)) >>> 0) % 9) - 4;

/** One random einsum: what einsum is called with, and the same spelled out for the reference. */
interface Case {
  subscripts: string;
  operands: NDArray[];
  /** Per operand, one label per axis, "..." replaced by digit labels ("1" = second from the right). */
  refInputs: string[];
  refOutput: string;
}

function randomCase(seed: number): Case {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[r.int(xs.length)];
  const pool = [..."abcdeAB"].sort(() => r.next() - 0.5).slice(0, 1 + r.int(6));
  const size = new Map(pool.map((ch) => [ch, pick([1, 2, 3, 2, 3, 4, 2, 3, 0, 3, 4])]));
  const bshape = [pick([1, 2, 3]), pick([1, 2, 3])]; // the broadcast dims, rightmost last
  const useEllipsis = r.next() < 0.35;
  const nops = 1 + r.int(3);

  const terms: string[] = [];
  const refInputs: string[] = [];
  const operands: NDArray[] = [];
  let nbEff = 0;
  for (let t = 0; t < nops; t++) {
    // 0–4 letters, mostly distinct (a repeat, a diagonal, about one time in five)
    const letters: string[] = [];
    for (let n = pick([0, 1, 2, 2, 3, 3, 4]); letters.length < n;) {
      const fresh = pool.filter((ch) => !letters.includes(ch));
      letters.push(fresh.length > 0 && r.next() < 0.8 ? pick(fresh) : pick(pool));
    }
    const hasEllipsis = useEllipsis && r.next() < 0.7;
    const e = hasEllipsis ? r.int(3) : 0;
    const pos = r.int(letters.length + 1);
    nbEff = Math.max(nbEff, e);
    // the ellipsis dims: the last e of bshape, some stretched from 1; labels count from the right
    const eDims = bshape.slice(2 - e).map((d) => (r.next() < 0.25 ? 1 : d));
    const eLabels = Array.from({ length: e }, (_, k) => String(e - 1 - k));
    const letterDims = letters.map((ch) => {
      const repeated = letters.filter((x) => x === ch).length > 1;
      return !repeated && r.next() < 0.15 ? 1 : size.get(ch)!;
    });
    const shape = [...letterDims.slice(0, pos), ...eDims, ...letterDims.slice(pos)];
    terms.push(hasEllipsis ? letters.slice(0, pos).join("") + "..." + letters.slice(pos).join("") : letters.join(""));
    refInputs.push([...letters.slice(0, pos), ...eLabels, ...letters.slice(pos)].join(""));
    const layout: Layout = {
      perm: shape.map((_, k) => k).sort(() => r.next() - 0.5),
      steps: shape.map(() => pick([1, 1, 2, -1])),
      starts: shape.map(() => r.int(2)),
      pads: shape.map(() => r.int(2)),
    };
    operands.push(strided(shape, layout, pick(DTYPES), intFill(seed + t)).view);
  }
  const anyEllipsis = terms.some((t) => t.includes("..."));
  const bLabels = Array.from({ length: nbEff }, (_, k) => String(nbEff - 1 - k)).join("");
  const used = [...new Set(terms.join("").replace(/\./g, ""))];
  let subscripts = terms.join(r.next() < 0.1 ? " , " : ",");
  let refOutput: string;
  if (r.next() < 0.4) {
    // implicit: "..." first, then the letters used exactly once, in character-code order
    const once = used.filter((ch) => terms.join("").split(ch).length === 2).sort();
    refOutput = (anyEllipsis ? bLabels : "") + once.join("");
  } else {
    const out = used.sort(() => r.next() - 0.5).slice(0, r.int(used.length + 1));
    const withEllipsis = nbEff > 0 || (anyEllipsis && r.next() < 0.5);
    const pos = r.int(out.length + 1);
    subscripts += "->" + (withEllipsis ? out.slice(0, pos).join("") + "..." + out.slice(pos).join("") : out.join(""));
    refOutput = withEllipsis ? out.slice(0, pos).join("") + bLabels + out.slice(pos).join("") : out.join("");
  }
  return { subscripts, operands, refInputs, refOutput };
}

describe("einsum against the explicit sum", () => {
  it("random subscripts, 1–3 operands, views, broadcasting and dtypes: exact", () => {
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const c = randomCase(seed);
        const before = c.operands.map(flat);
        const dtype = resultType(c.operands.map((a) => ({ dtype: a.dtype, scalar: a.ndim === 0 })));
        const expected = einsumReference(c.refInputs, c.refOutput, c.operands, dtype);
        const got = einsum(c.subscripts, ...c.operands);
        const what = `einsum(${JSON.stringify(c.subscripts)}, ${c.operands.map((a) => `${a.dtype}(${a.shape})`).join(", ")})`;
        expect(got.shape, what).toEqual(expected.shape);
        expect(got.dtype, what).toBe(dtype);
        expectCloseArrays(flat(got), flat(expected), () => 0);
        expect(c.operands.map(flat), what).toEqual(before);
      }),
      { numRuns: 600 },
    );
  });
});

describe("einsum: the grammar", () => {
  const A = new NDArray(Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]), [3, 3]);
  const M = new NDArray(Float64Array.from([1, 2, 3, 4, 5, 6]), [2, 3]);
  it("trace, diagonal, transpose, sums", () => {
    expect(einsum("ii", A).item()).toBe(15);
    expect(einsum("ii->i", A).toArray()).toEqual([1, 5, 9]);
    expect(einsum("ij->ji", M).toArray()).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    expect(einsum("ij->", M).item()).toBe(21);
    expect(einsum("ij->j", M).toArray()).toEqual([5, 7, 9]);
  });
  it("implicit output: letters used once, sorted by character code (uppercase first)", () => {
    expect(einsum("ji", M).shape).toEqual([3, 2]); // output "ij": a transpose
    expect(einsum("Ba,ab", M, M.T).shape).toEqual([2, 2]); // output "Bb"
    expect(einsum("ij,jk", M, M.T).toArray()).toEqual([
      [14, 32],
      [32, 77],
    ]);
  });
  it("ellipsis: broadcasting leading dimensions, implicit '...' first", () => {
    const S = new NDArray(
      Float64Array.from({ length: 12 }, (_, i) => i),
      [2, 2, 3],
    );
    expect(einsum("...ij,...jk->...ik", S, M.T).shape).toEqual([2, 2, 2]);
    expect(
      einsum(
        "...ii->...i",
        new NDArray(
          Float64Array.from({ length: 18 }, (_, i) => i),
          [2, 3, 3],
        ),
      ).toArray(),
    ).toEqual([
      [0, 4, 8],
      [9, 13, 17],
    ]);
    expect(einsum("i...->...", M).toArray()).toEqual([5, 7, 9]);
    expect(einsum("...j,j", M, [1, 1, 1]).toArray()).toEqual([6, 15]); // implicit output "..."
  });
  it("scalars and 0-d operands; spaces are ignored", () => {
    expect(einsum("", 3).item()).toBe(3);
    expect(einsum(",", 2, 3).item()).toBe(6);
    expect(einsum("i,", [1, 2], 2.5).toArray()).toEqual([2.5, 5]);
    expect(einsum(" i j , j k -> i k ", M, M.T).toArray()).toEqual([
      [14, 32],
      [32, 77],
    ]);
  });
  it("three and more operands", () => {
    expect(einsum("i,ij,j->", [1, 1], M, [1, 0, 1]).item()).toBe(1 + 3 + 4 + 6);
    expect(einsum("i,j,k->ijk", [1, 2], [1, 3], [1, 5]).shape).toEqual([2, 2, 2]);
    expect(einsum("ij,jk,kl,lm->im", M, M.T, M, M.T).toArray()).toEqual([
      [1220, 2912],
      [2912, 6953],
    ]);
  });
  it("dtypes: int32 stays int32 (wrapping), bool is OR of ANDs, float32 stays float32", () => {
    const I = new NDArray(Int32Array.from([2 ** 30, 2 ** 30]), [2]);
    expect(einsum("i,i", I, I).dtype).toBe("int32");
    expect(einsum("i,i", I, I).item()).toBe(0); // 2·2⁶⁰ mod 2³²
    const t = new NDArray(Uint8Array.from([1, 1, 0, 1]), [2, 2], "bool");
    expect(einsum("ij,jk->ik", t, t).toArray()).toEqual([
      [true, true],
      [false, true],
    ]);
    expect(einsum("ii", t).toArray()).toBe(true);
    expect(einsum("ij,jk", new NDArray(Float32Array.from([1, 2, 3, 4]), [2, 2]), new NDArray(Float32Array.from([1, 0, 0, 1]), [2, 2])).dtype).toBe("float32");
  });
});

describe("einsum: one operand is a view plus a sum", () => {
  const A = new NDArray(Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]), [3, 3]);
  it("transpose and diagonal are views of the input's buffer", () => {
    const t = einsum("ij->ji", A);
    expect(t.data).toBe(A.data);
    const d = einsum("ii->i", A);
    expect(d.data).toBe(A.data);
    expect(d.strides).toEqual([4]);
  });
  it("a sum is a new array", () => {
    expect(einsum("ij->i", A).data).not.toBe(A.data);
  });
});

describe("einsum: errors start with einsum: and name the fault", () => {
  const M = new NDArray(new Float64Array(12), [3, 4]);
  it.each([
    ["i1", [M], "invalid subscript '1'"],
    ["i.j", [M], "'.' that is not part of an ellipsis"],
    ["...i...", [M], "more than one ellipsis"],
    ["ij,jk->ik", [M], "name 2 operands, but 1 was given"],
    ["ij", [M, M], "name 1 operand, but 2 were given"],
    ["ijk", [M], "too many subscripts for operand 0"],
    ["i", [M], "operand 0 has 2 dimensions"],
    ["ij,jk->ik", [M, new NDArray(new Float64Array(10), [5, 2])], "size of subscript 'j' is 4 in operand 0 (shape (3,4)) but 5 in operand 1"],
    ["ii", [M], "repeated subscript 'i' don't match (3 != 4)"],
    ["ij->k", [M], "output subscript 'k'"],
    ["ij->ii", [M], "output subscript 'i' appears more than once"],
    ["...j->j", [new NDArray(new Float64Array(24), [2, 3, 4])], "no '...'"],
    ["ij->i->j", [M], "more than one '->'"],
  ])("%s", (subscripts, operands, fragment) => {
    expectError(() => einsum(subscripts, ...operands), ValueError, "einsum", fragment);
  });
  it("at least one operand", () => {
    expectError(() => einsum("ij"), ValueError, "einsum", "at least one operand");
  });
});

describe("einsumPath: the greedy order", () => {
  const z = (...shape: number[]) => new NDArray(new Float64Array(shape.reduce((p, d) => p * d, 1)), shape);
  it("contracts the pair with the smallest intermediate first", () => {
    // ij,jk,kl with i = l = 100, j = 2, k = 3: jk,kl -> jl (200 elements) beats ij,jk -> ik (300)
    const p = einsumPath("ij,jk,kl->il", z(100, 2), z(2, 3), z(3, 100));
    expect(p.path).toEqual([
      [1, 2],
      [0, 1],
    ]);
    expect(p.steps.map((s) => s.subscripts)).toEqual(["jk,kl->jl", "ij,jl->il"]);
    expect(p.steps[0].summed).toBe("k");
    // flops: (j·k·l)·2 then (i·j·l)·2
    expect(p.steps.map((s) => s.flops)).toEqual([2 * 3 * 100 * 2, 100 * 2 * 100 * 2]);
    expect(p.naiveFlops).toBe(100 * 2 * 3 * 100 * 3);
    expect(p.largestIntermediate).toBe(100 * 100);
  });
  it("reads like np.einsum_path's report", () => {
    const text = String(einsumPath("ij,jk,kl->il", z(100, 2), z(2, 3), z(3, 100)));
    expect(text).toContain("  Complete contraction:  ij,jk,kl->il");
    expect(text).toContain("         Naive scaling:  4");
    expect(text).toContain("     Optimized scaling:  3");
    expect(text).toContain("      Naive FLOP count:  1.800e+05");
    expect(text).toMatch(/jk,kl->jl\s+ij,jl->il/);
  });
  it("one and two operands; '...' is spelled out", () => {
    expect(einsumPath("ii->i", z(3, 3)).path).toEqual([[0]]);
    expect(einsumPath("ij,jk", z(2, 3), z(3, 4)).path).toEqual([[0, 1]]);
    expect(einsumPath("...ij,...jk->...ik", z(5, 2, 3), z(3, 4)).subscripts).toBe("Aij,jk->Aik");
  });
  it("a chain with thin links: the cheap middle pair first, ties to the first pair", () => {
    const order = greedyOrder(
      ["ab", "bc", "cd", "de"],
      "ae",
      new Map([
        ["a", 50],
        ["b", 2],
        ["c", 50],
        ["d", 2],
        ["e", 50],
      ]),
    );
    // bc,cd->bd (4 elements); then ab,bd->ad and de,bd->eb tie at 100 elements and 400 flops
    expect(order.map((s) => s.operands)).toEqual([
      [1, 2],
      [0, 2],
      [0, 1],
    ]);
    expect(order.map((s) => s.subscripts)).toEqual(["bc,cd->bd", "ab,bd->ad", "de,ad->ea"]);
  });
  it("errors as einsum", () => {
    expectError(() => einsumPath("ij,jk", z(2, 3)), ValueError, "einsum", "name 2 operands");
  });
});

describe("doc examples", () => {
  const z = (...shape: number[]) => new NDArray(new Float64Array(shape.reduce((a, d) => a * d, 1)), shape);
  it("einsum", () => {
    expect(
      einsum(
        "ij,jk->ik",
        [
          [1, 2],
          [3, 4],
        ],
        [
          [1, 0],
          [0, 1],
        ],
      ).toArray(),
    ).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(
      einsum("ii", [
        [1, 2],
        [3, 4],
      ]).item(),
    ).toBe(5);
  });
  it("einsumPath", () => {
    const p = einsumPath("ij,jk,kl->il", z(100, 2), z(2, 3), z(3, 100));
    expect(p.path).toEqual([
      [1, 2],
      [0, 1],
    ]);
    expect(String(p).startsWith("  Complete contraction:  ij,jk,kl->il")).toBe(true);
  });
});
