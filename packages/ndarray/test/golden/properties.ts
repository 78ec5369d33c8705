/**
 * The `properties` vocabulary of cases/FORMAT.md (part 4 of the harness): for ops whose
 * outputs are not unique (Q and R up to signs, eigenvectors up to phase, ...) a case lists
 * properties such as "Q@R == A" or "Q^H@Q == I", and each name here maps to a checker that
 * returns null when the property holds and a message when it does not. `OUTPUT_NAMES` names an
 * op's outputs; `checkProperties` builds the {@link PropertyContext} (named actual and
 * expected outputs, the matrix A) and runs a case's list, returning the first {@link Mismatch}.
 * New output names or properties go into OUTPUT_NAMES / PROPERTIES.
 */
import { actualLeaf, expectedScalarOrArray, type Leaf, type Mismatch } from "./allclose.js";
import type { GoldenCase } from "./case-file.js";
import { isSparseInput, num, type SparseInput } from "./decode.js";
import { describe, fmtElem, fmtShape } from "./format.js";
import {
  absLeaf,
  approx,
  conjT,
  frobenius,
  hungarian,
  identityLeaf,
  last2,
  maskLeaf,
  matmulLeaf,
  PropertyError,
  scaleColumns,
  subMatrix,
  subtractLeaf,
  zerosLeaf,
} from "./leaf-algebra.js";

/** What a property checker sees: the case, its decoded arguments and the named outputs. */
export interface PropertyContext {
  case: GoldenCase;
  args: unknown[];
  kwargs: Record<string, unknown>;
  rtol: number;
  atol: number;
  /** Output names in order (see OUTPUT_NAMES) and the actual / expected values by name. */
  names: string[];
  actual: Record<string, unknown>;
  expected: Record<string, unknown>;
  /** Leaf of an actual output; throws if it is missing or not numeric. */
  out(name: string): Leaf;
  /** Leaf of an expected output. */
  exp(name: string): Leaf;
  /** The matrix A of FORMAT.md (first argument as float64; Hermitian from UPLO for eigh; dense for sparse). */
  A(): Leaf;
}

/** A property checker: null when it holds, else a message. */
export type PropertyCheck = (ctx: PropertyContext) => string | null;

/** Names of an op's outputs, in `expected` order, by op (default: "result", or result0, result1, … for lists). */
export const OUTPUT_NAMES: Record<string, (kwargs: Record<string, unknown>) => string[]> = {
  "linalg.qr": (kw) => (kw.mode === "r" ? ["R"] : ["Q", "R"]),
  "linalg.svd": (kw) => (kw.compute_uv === false ? ["S"] : ["U", "S", "Vh"]),
  "linalg.eig": () => ["w", "v"],
  "linalg.eigh": () => ["w", "v"],
  "linalg.eigvals": () => ["w"],
  "linalg.eigvalsh": () => ["w"],
  "sparse.linalg.eigsh": (kw) => (kw.return_eigenvectors === false ? ["w"] : ["w", "v"]),
  "scipy.linalg.lu": (kw) => (kw.permute_l === true ? ["PL", "U"] : ["P", "L", "U"]),
  "scipy.linalg.lu_factor": () => ["lu", "piv"],
  "sparse.linalg.cg": () => ["x", "info"],
  "linalg.solve": () => ["x"],
  "linalg.lstsq": () => ["x", "residuals", "rank", "s"],
  "linalg.slogdet": () => ["sign", "logabsdet"],
};

/** A leaf seen as `count` rows of length `n` (its last axis; a 0-d leaf is one row of one). */
function rowsOf(a: Leaf): { count: number; n: number } {
  const n = a.shape.length === 0 ? 1 : a.shape[a.shape.length - 1];
  return { count: n === 0 ? 0 : a.re.length / n, n };
}

/** Identity check `X ≈ I` for a stack of square matrices. */
function nearIdentity(X: Leaf, rtol: number, atol: number, what: string): string | null {
  const [k, k2] = last2(X, what);
  if (k !== k2) return `${what}: not square, shape ${fmtShape(X.shape)}`;
  return approx(X, identityLeaf(X.shape.slice(0, -2), k), rtol, atol, what);
}

/** `X ≈ 0` on the entries selected by `where(i, j)` (a triangle). */
function zeroWhere(X: Leaf, where: (i: number, j: number) => boolean, atol: number, rtol: number, what: string): string | null {
  const part = maskLeaf(X, where);
  return approx(part, zerosLeaf(X.shape.slice(), false), rtol, atol, what);
}

const lowerStrict = (i: number, j: number): boolean => i > j;
const upperStrict = (i: number, j: number): boolean => j > i;

/** Every property name of FORMAT.md's vocabulary, with its checker. */
export const PROPERTIES: Record<string, PropertyCheck> = {
  "shapes match expected": (c) => {
    for (const name of c.names) {
      const e = expectedScalarOrArray(c.expected[name]);
      const a = actualLeaf(c.actual[name]);
      if (e === null) return `harness: expected output ${name} is not a value`;
      if (a === null) return `output ${name}: expected ${fmtShape(e.shape)}, got ${describe(c.actual[name])}`;
      if (a.shape.length !== e.shape.length || a.shape.some((d, k) => d !== e.shape[k])) {
        return `output ${name}: shape ${fmtShape(a.shape)}, expected ${fmtShape(e.shape)}`;
      }
    }
    return null;
  },
  "Q@R == A": (c) => approx(matmulLeaf(c.out("Q"), c.out("R")), c.A(), c.rtol, c.atol, "Q@R vs A"),
  "Q^H@Q == I": (c) => {
    const Q = c.out("Q");
    return nearIdentity(matmulLeaf(conjT(Q), Q), c.rtol, c.atol, "Q^H@Q vs I");
  },
  "R upper triangular": (c) => zeroWhere(c.out("R"), lowerStrict, c.atol, c.rtol, "tril(R, -1) vs 0"),
  "|R| == |expected R|": (c) => approx(absLeaf(c.out("R")), absLeaf(c.exp("R")), c.rtol, c.atol, "|R| vs |expected R|"),
  "R^H@R == A^H@A": (c) => {
    const R = c.out("R");
    const A = c.A();
    return approx(matmulLeaf(conjT(R), R), matmulLeaf(conjT(A), A), c.rtol, c.atol, "R^H@R vs A^H@A");
  },
  "U@diag(S)@Vh == A": (c) => {
    const U = c.out("U");
    const S = c.out("S");
    const Vh = c.out("Vh");
    const k = S.shape[S.shape.length - 1];
    const [m] = last2(U, "U");
    const [, n] = last2(Vh, "Vh");
    const US = scaleColumns(subMatrix(U, m, k), S);
    return approx(matmulLeaf(US, subMatrix(Vh, k, n)), c.A(), c.rtol, c.atol, "U[:, :k]*S@Vh[:k] vs A");
  },
  "U^H@U == I": (c) => {
    const U = c.out("U");
    return nearIdentity(matmulLeaf(conjT(U), U), c.rtol, c.atol, "U^H@U vs I");
  },
  "Vh@Vh^H == I": (c) => {
    const Vh = c.out("Vh");
    return nearIdentity(matmulLeaf(Vh, conjT(Vh)), c.rtol, c.atol, "Vh@Vh^H vs I");
  },
  "S == expected S": (c) => approx(c.out("S"), c.exp("S"), c.rtol, c.atol, "S vs expected S"),
  "S descending nonnegative": (c) => {
    const S = c.out("S");
    const { count, n } = rowsOf(S);
    for (let r = 0; r < count; r++) {
      for (let i = 0; i < n; i++) {
        const s = S.re[r * n + i];
        if (!(s >= -c.atol)) return `S[${r}][${i}] = ${s} is negative (beyond atol ${c.atol})`;
        if (i + 1 < n) {
          const next = S.re[r * n + i + 1];
          if (!(next - s <= c.atol + c.rtol * Math.abs(next))) return `S not descending at batch ${r}: S[${i}] = ${s} < S[${i + 1}] = ${next}`;
        }
      }
    }
    return null;
  },
  "w == expected w (multiset)": (c) => {
    const w = c.out("w");
    const e = c.exp("w");
    if (w.shape.length !== e.shape.length || w.shape.some((d, k) => d !== e.shape[k])) {
      return `w shape ${fmtShape(w.shape)}, expected ${fmtShape(e.shape)}`;
    }
    const { count, n } = rowsOf(e);
    for (let r = 0; r < count; r++) {
      const at = (x: Leaf, i: number): [number, number] => [x.re[r * n + i], x.im ? x.im[r * n + i] : 0];
      const cost = Array.from({ length: n }, (_, i) =>
        Array.from({ length: n }, (_, j) => {
          const [ar, ai] = at(w, i);
          const [er, ei] = at(e, j);
          const d = Math.hypot(ar - er, ai - ei);
          return Number.isFinite(d) ? d : 1e300;
        }),
      );
      const match = hungarian(cost);
      for (let i = 0; i < n; i++) {
        const [ar, ai] = at(w, i);
        const [er, ei] = at(e, match[i]);
        const d = Math.hypot(ar - er, ai - ei);
        const tol = c.atol + c.rtol * Math.hypot(er, ei);
        if (!(d <= tol)) {
          return `eigenvalue w[${count > 1 ? `${r}, ` : ""}${i}] = ${fmtElem(ar, ai)} best matches expected ${fmtElem(er, ei)}, |diff| ${d.toExponential(3)} > tol ${tol.toExponential(3)}`;
        }
      }
    }
    return null;
  },
  "w == expected w": (c) => approx(c.out("w"), c.exp("w"), c.rtol, c.atol, "w vs expected w"),
  "sorted(w) == sorted(expected w)": (c) => {
    const sortRows = (x: Leaf): Leaf => {
      const { count, n } = rowsOf(x);
      const re = x.re.slice();
      for (let r = 0; r < count; r++) re.subarray(r * n, (r + 1) * n).sort();
      return { ...x, re, im: null };
    };
    return approx(sortRows(c.out("w")), sortRows(c.exp("w")), c.rtol, c.atol, "sorted(w) vs sorted(expected w)");
  },
  "A@v == v*w": (c) => {
    const v = c.out("v");
    return approx(matmulLeaf(c.A(), v), scaleColumns(v, c.out("w")), c.rtol, c.atol, "A@v vs v*w");
  },
  "v columns unit norm": (c) => {
    const v = c.out("v");
    const [m, k] = last2(v, "v");
    const count = v.re.length / Math.max(m * k, 1);
    const norms = zerosLeaf([...v.shape.slice(0, -2), k], false);
    for (let t = 0; t < count; t++) {
      for (let j = 0; j < k; j++) {
        let s = 0;
        for (let i = 0; i < m; i++) {
          const e = t * m * k + i * k + j;
          s += v.re[e] * v.re[e] + (v.im ? v.im[e] * v.im[e] : 0);
        }
        norms.re[t * k + j] = Math.sqrt(s);
      }
    }
    const ones = zerosLeaf(norms.shape.slice(), false);
    ones.re.fill(1);
    return approx(norms, ones, c.rtol, c.atol, "column norms of v vs 1");
  },
  "v^H@v == I": (c) => {
    const v = c.out("v");
    return nearIdentity(matmulLeaf(conjT(v), v), c.rtol, c.atol, "v^H@v vs I");
  },
  "P@L@U == A": (c) => {
    const PL = c.names.includes("PL") ? c.out("PL") : matmulLeaf(c.out("P"), c.out("L"));
    return approx(matmulLeaf(PL, c.out("U")), c.A(), c.rtol, c.atol, "P@L@U vs A");
  },
  "P permutation matrix": (c) => {
    const P = c.out("P");
    const [m, n] = last2(P, "P");
    if (m !== n) return `P is not square: shape ${fmtShape(P.shape)}`;
    const count = P.re.length / Math.max(n * n, 1);
    for (let t = 0; t < count; t++) {
      const rowOnes = new Array<number>(n).fill(0);
      const colOnes = new Array<number>(n).fill(0);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const e = t * n * n + i * n + j;
          const x = P.re[e];
          if ((x !== 0 && x !== 1) || (P.im && P.im[e] !== 0)) return `P[${i}, ${j}] = ${x} is not exactly 0 or 1`;
          rowOnes[i] += x;
          colOnes[j] += x;
        }
      }
      const badRow = rowOnes.findIndex((s) => s !== 1);
      if (badRow >= 0) return `row ${badRow} of P has ${rowOnes[badRow]} ones`;
      const badCol = colOnes.findIndex((s) => s !== 1);
      if (badCol >= 0) return `column ${badCol} of P has ${colOnes[badCol]} ones`;
    }
    return null;
  },
  "L unit lower triangular": (c) => {
    const L = c.out("L");
    const upper = zeroWhere(L, upperStrict, c.atol, c.rtol, "triu(L, 1) vs 0");
    if (upper) return upper;
    const [m, n] = last2(L, "L");
    const k = Math.min(m, n);
    const count = L.re.length / Math.max(m * n, 1);
    const diag = zerosLeaf([count, k], L.im !== null);
    for (let t = 0; t < count; t++) {
      for (let i = 0; i < k; i++) {
        diag.re[t * k + i] = L.re[t * m * n + i * n + i];
        if (diag.im && L.im) diag.im[t * k + i] = L.im[t * m * n + i * n + i];
      }
    }
    const ones = zerosLeaf([count, k], false);
    ones.re.fill(1);
    return approx(diag, ones, c.rtol, c.atol, "diag(L) vs 1");
  },
  "U upper triangular": (c) => zeroWhere(c.out("U"), lowerStrict, c.atol, c.rtol, "tril(U, -1) vs 0"),
  "A@x == b (backward stable)": (c) => {
    const A = c.A();
    const x = c.out("x");
    const b = leafOfArgument(c.args[1], "b");
    const r = frobenius(subtractLeaf(matmulLeaf(A, x), b));
    const bound = c.atol + c.rtol * (frobenius(A) * frobenius(x) + frobenius(b));
    return r <= bound ? null : `‖A@x - b‖_F = ${r.toExponential(3)} > ${bound.toExponential(3)} = atol + rtol·(‖A‖‖x‖ + ‖b‖)`;
  },
  "info == 0": (c) => {
    const info = actualLeaf(c.actual.info);
    if (info === null || info.re.length !== 1) return `info is ${describe(c.actual.info)}, expected 0`;
    return info.re[0] === 0 ? null : `info = ${info.re[0]}, expected 0`;
  },
  "cg residual": (c) => {
    const A = c.A();
    const x = c.out("x");
    const b = leafOfArgument(c.args[1], "b");
    const tol = c.kwargs.tol === undefined ? 1e-5 : num(c.kwargs.tol);
    const atol = c.kwargs.atol === undefined || c.kwargs.atol === null ? 0 : num(c.kwargs.atol);
    const r = frobenius(subtractLeaf(b, matmulLeaf(A, x)));
    const bound = 10 * Math.max(tol * frobenius(b), atol);
    return r <= bound ? null : `‖b - A@x‖_2 = ${r.toExponential(3)} > ${bound.toExponential(3)} = 10·max(tol·‖b‖, atol)`;
  },
  "x == expected x": (c) => approx(c.out("x"), c.exp("x"), c.rtol, c.atol, "x vs expected x"),
  "result > 1e11 (inf allowed)": (c) => {
    const r = c.out(c.names[0]);
    for (let i = 0; i < r.re.length; i++) {
      const x = r.re[i];
      if (!(x > 1e11) || (r.im && r.im[i] !== 0)) return `element ${i} = ${fmtElem(x, r.im ? r.im[i] : null)} is not > 1e11`;
    }
    return null;
  },
};

/** Leaf of a decoded argument (NDArray, number, sparse input). */
function leafOfArgument(x: unknown, what: string): Leaf {
  if (isSparseInput(x)) return denseOfSparse(x);
  const leaf = actualLeaf(x);
  if (leaf === null) throw new PropertyError(`argument ${what} is ${describe(x)}, not an array`);
  return leaf;
}

/** The dense matrix of a sparse input (duplicate entries summed, as SciPy). */
function denseOfSparse(s: SparseInput): Leaf {
  const [m, n] = s.shape;
  const data = actualLeaf(s.data)!;
  const row = s.row.toTypedArray();
  const col = s.col.toTypedArray();
  const out = zerosLeaf([m, n], data.im !== null);
  for (let k = 0; k < row.length; k++) {
    const e = row[k] * n + col[k];
    out.re[e] += data.re[k];
    if (out.im && data.im) out.im[e] += data.im[k];
  }
  return out;
}

/** The Hermitian matrix eigh sees: `tril(A) + tril(A, -1)^H` for UPLO="L" (U likewise); diagonal imaginary parts ignored. */
function hermitianFromTriangle(a: Leaf, uplo: string): Leaf {
  const [n] = last2(a, "eigh input");
  const out: Leaf = { dtype: a.dtype, shape: a.shape.slice(), re: a.re.slice(), im: a.im ? a.im.slice() : null };
  const count = a.re.length / Math.max(n * n, 1);
  const lower = uplo.toUpperCase() !== "U";
  for (let t = 0; t < count; t++) {
    const o = t * n * n;
    for (let i = 0; i < n; i++) {
      if (out.im) out.im[o + i * n + i] = 0;
      for (let j = 0; j < i; j++) {
        // (i, j) is below the diagonal; the kept triangle supplies both entries
        const [src, dst] = lower ? [o + i * n + j, o + j * n + i] : [o + j * n + i, o + i * n + j];
        out.re[dst] = a.re[src];
        if (out.im && a.im) out.im[dst] = -a.im[src];
      }
    }
  }
  return out;
}

/** The A of FORMAT.md's properties for a case. */
function matrixA(c: GoldenCase, args: unknown[], kwargs: Record<string, unknown>): Leaf {
  const a = leafOfArgument(args[0], "A");
  if (c.op === "linalg.eigh" || c.op === "linalg.eigvalsh") {
    return hermitianFromTriangle(a, typeof kwargs.UPLO === "string" ? kwargs.UPLO : "L");
  }
  return a;
}

export function checkProperties(c: GoldenCase, result: unknown, args: unknown[], kwargs: Record<string, unknown>): Mismatch | null {
  const expectedList = Array.isArray(c.expected) ? (c.expected as unknown[]) : [c.expected];
  const names = OUTPUT_NAMES[c.op]?.(kwargs) ?? (Array.isArray(c.expected) ? expectedList.map((_, i) => `result${i}`) : ["result"]);
  if (names.length !== expectedList.length) {
    return { kind: "error", message: `harness: ${c.op} has ${expectedList.length} expected outputs but OUTPUT_NAMES gives ${names.join(", ")}` };
  }
  let actualList: unknown[];
  if (Array.isArray(c.expected)) {
    if (!Array.isArray(result) || result.length !== expectedList.length) {
      return { kind: "structure", message: `expected a list of ${expectedList.length} outputs (${names.join(", ")}), got ${describe(result)}` };
    }
    actualList = result;
  } else actualList = [result];
  const actual = Object.fromEntries(names.map((n, i) => [n, actualList[i]]));
  const expected = Object.fromEntries(names.map((n, i) => [n, expectedList[i]]));
  let A: Leaf | undefined;
  const ctx: PropertyContext = {
    case: c,
    args,
    kwargs,
    rtol: c.rtol,
    atol: c.atol,
    names,
    actual,
    expected,
    out(name) {
      if (!(name in actual)) throw new PropertyError(`${c.op} has no output named ${name} (outputs: ${names.join(", ")})`);
      const leaf = actualLeaf(actual[name]);
      if (leaf === null) throw new PropertyError(`output ${name} is ${describe(actual[name])}, not an array`);
      return leaf;
    },
    exp(name) {
      const leaf = expectedScalarOrArray(expected[name]);
      if (leaf === null) throw new PropertyError(`expected output ${name} is not a value`);
      return leaf;
    },
    A() {
      return (A ??= matrixA(c, args, kwargs));
    },
  };
  for (const p of c.properties ?? []) {
    const check = PROPERTIES[p];
    if (!check) return { kind: "error", message: `harness: unknown property ${JSON.stringify(p)}` };
    let msg: string | null;
    try {
      msg = check(ctx);
    } catch (e) {
      if (!(e instanceof PropertyError)) throw e;
      msg = e.message;
    }
    if (msg !== null) return { kind: "property", message: `property "${p}" fails: ${msg}` };
  }
  return null;
}
