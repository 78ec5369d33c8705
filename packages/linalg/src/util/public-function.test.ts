/**
 * Errors name the function the user called (public-function.ts): every public function of the
 * package, called with inputs that fail inside an inner routine (NaN matrices, singular,
 * non-square, wrong types, bad options), throws one of our classes with a message that starts
 * with its own name, never an inner one's.
 */
import * as np from "@sliderule/ndarray";
import { AxisError, DTypeError, IndexError, ShapeError, ValueError } from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { LinAlgError, type LinAlgErrorKind } from "../errors.js";
import * as linalg from "../index.js";
import { norm as normImpl } from "../dense/norm.js";
import { svd as svdImpl } from "../dense/svd.js";
import { publicFunction, publicMessage, renameError } from "./public-function.js";

type ErrorClass = new (...args: never[]) => Error;

const nan = [
  [NaN, 1],
  [1, 1],
];
const singular = [
  [1, 2],
  [2, 4],
];
const exactlySingular = [
  [1, 0],
  [0, 0],
];
const rect = np.zeros([2, 3]);
const spd = [
  [4, 1],
  [1, 3],
];
const bad = { nope: 1 } as never;

/** [public name, call, expected class, LinAlgError kind (if any), text the message must contain]. */
type Case = [string, () => unknown, ErrorClass, LinAlgErrorKind | null, string | RegExp];

const CASES: Case[] = [
  // errors raised by an inner routine the public function calls (svd, inv, norm, asarray)
  ["norm", () => linalg.norm(nan, 2), LinAlgError, "noConvergence", "SVD did not converge (in svd)"],
  ["norm", () => linalg.norm(nan, "nuc"), LinAlgError, "noConvergence", "(in svd)"],
  [
    "norm",
    () =>
      linalg.norm([
        [1, 2],
        ["x", 3],
      ] as never),
    ValueError,
    null,
    /\(in \w+\)$/,
  ],
  ["cond", () => linalg.cond(nan), LinAlgError, "noConvergence", "SVD did not converge (in svd)"],
  ["cond", () => linalg.cond(nan, 1), ValueError, null, "array must not contain infs or NaNs (in inv)"],
  ["cond", () => linalg.cond(singular, 3), ValueError, null, "Invalid norm order for matrices. (in norm)"],
  ["cond", () => linalg.cond(rect, 1), LinAlgError, "invalidInput", "must be square"],
  ["pinv", () => linalg.pinv(nan), LinAlgError, "noConvergence", "(in svd)"],
  ["matrixRank", () => linalg.matrixRank(nan), LinAlgError, "noConvergence", "(in svd)"],
  ["matrixRank", () => linalg.matrixRank(np.zeros([0, 0])), ValueError, null, "zero-size array"],
  ["matrixPower", () => linalg.matrixPower(singular, -1), LinAlgError, "singular", "(in inv)"],
  ["matrixPower", () => linalg.matrixPower(rect, 2), LinAlgError, "invalidInput", "must be square"],
  ["matrixPower", () => linalg.matrixPower(spd, 0.5), DTypeError, null, "0.5"],
  ["lstsq", () => linalg.lstsq(nan, [1, 2]), LinAlgError, "noConvergence", "did not converge"],
  ["lstsq", () => linalg.lstsq(singular, [1, 2, 3]), LinAlgError, "invalidInput", "Incompatible dimensions"],
  ["svd", () => linalg.svd(nan), LinAlgError, "noConvergence", "SVD did not converge"],
  ["svd", () => linalg.svd(Symbol("x") as never), ValueError, null, "(in array)"],
  ["eigh", () => linalg.eigh(nan), LinAlgError, "noConvergence", "did not converge"],
  ["eigvalsh", () => linalg.eigvalsh(nan), LinAlgError, "noConvergence", "did not converge"],
  ["eig", () => linalg.eig(nan), LinAlgError, "invalidInput", "infs or NaNs"],
  [
    "eig",
    () =>
      linalg.eig([
        [1n, 2n],
        [3n, 4n],
      ] as never),
    DTypeError,
    null,
    "BigInt",
  ],
  ["eigvals", () => linalg.eigvals(nan), LinAlgError, "invalidInput", "infs or NaNs"],
  ["hessenberg", () => linalg.hessenberg(nan), LinAlgError, "invalidInput", "infs or NaNs"],
  ["schur", () => linalg.schur(nan), LinAlgError, "invalidInput", "infs or NaNs"],
  ["schur", () => linalg.schur(rect), LinAlgError, "invalidInput", "square"],
  // singular matrices
  ["solve", () => linalg.solve(singular, [1, 2]), LinAlgError, "singular", "Singular matrix"],
  ["inv", () => linalg.inv(singular), LinAlgError, "singular", "Singular matrix"],
  ["luSolve", () => linalg.luSolve(linalg.luFactor(singular), [1, 2]), LinAlgError, "singular", "exactly zero"],
  ["cholesky", () => linalg.cholesky(singular), LinAlgError, "notPositiveDefinite", "not positive definite"],
  ["choFactor", () => linalg.choFactor(singular), LinAlgError, "notPositiveDefinite", "not positive definite"],
  ["lstsqQR", () => linalg.lstsqQR(exactlySingular, [1, 2]), LinAlgError, "singular", "rank deficient"],
  [
    "solveTriangular",
    () =>
      linalg.solveTriangular(
        [
          [1, 0],
          [1, 0],
        ],
        [1, 2],
        { lower: true },
      ),
    LinAlgError,
    "singular",
    "singular",
  ],
  // shapes, types and NaN
  ["det", () => linalg.det(rect), LinAlgError, "invalidInput", "Last 2 dimensions of the array must be square"],
  ["det", () => linalg.det("abc" as never), ValueError, null, '"abc"'],
  ["det", () => linalg.det([[1, 2], [3]] as never), ValueError, null, "ragged"],
  ["slogdet", () => linalg.slogdet(nan), ValueError, null, "infs or NaNs"],
  ["slogdet", () => linalg.slogdet([1, 2]), LinAlgError, "invalidInput", "1-dimensional"],
  ["solve", () => linalg.solve(np.zeros([2, 2, 2]), np.zeros([3, 2, 2])), ShapeError, null, "(2,) and (3,)"],
  ["qr", () => linalg.qr(nan), ValueError, null, "infs or NaNs"],
  ["lu", () => linalg.lu(nan), ValueError, null, "infs or NaNs"],
  ["luFactor", () => linalg.luFactor([1, 2]), ValueError, null, "(2,)"],
  ["luSolve", () => linalg.luSolve(null as never, [1, 2]), ValueError, null, "null"],
  ["choSolve", () => linalg.choSolve([np.eye(2), true], [1, 2, 3]), ValueError, null, "incompatible"],
  ["choSolve", () => linalg.choSolve({ c: np.eye(2) } as never, [1, 2]), ValueError, null, "choFactor's"],
  ["multiDot", () => linalg.multiDot([rect, rect]), ValueError, null, "not aligned"],
  ["trace", () => linalg.trace([1, 2]), ValueError, null, "(2,)"],
  ["trace", () => linalg.trace(np.eye(2), { axis1: 4 }), AxisError, null, "axis 4"],
  ["norm", () => linalg.norm(np.zeros([2, 2, 2]), 1), ValueError, null, "Improper number of dimensions"],
  ["norm", () => linalg.norm([1, 2], null, 3), AxisError, null, "axis 3"],
  ["norm", () => linalg.norm([1, 2], true as never), ValueError, null, "Invalid norm order"],
  // options
  ["pinv", () => linalg.pinv(singular, { rcond: "x" as never }), ValueError, null, '"x"'],
  ["svd", () => linalg.svd(spd, { full_matrices: false } as never), ValueError, null, "fullMatrices"],
  ["eigh", () => linalg.eigh(spd, { UPLO: "X" as never }), ValueError, null, "UPLO"],
  ["qr", () => linalg.qr(spd, { mode: "x" as never }), ValueError, null, "'x'"],
  ["lu", () => linalg.lu(spd, bad), ValueError, null, "nope"],
  ["det", () => linalg.det(spd, bad), ValueError, null, "nope"],
  ["cond", () => linalg.cond(spd, "x" as never), ValueError, null, "Invalid norm order"],
  ["eig", () => linalg.eig(spd, bad), ValueError, null, "nope"],
  ["eigvals", () => linalg.eigvals(spd, bad), ValueError, null, "nope"],
  ["matrixRank", () => linalg.matrixRank(spd, bad), ValueError, null, "nope"],
  ["lstsq", () => linalg.lstsq(spd, [1, 2], bad), ValueError, null, "nope"],
  ["lstsqQR", () => linalg.lstsqQR(spd, [1, 2], bad), ValueError, null, "nope"],
  ["luFactor", () => linalg.luFactor(spd, bad), ValueError, null, "nope"],
  ["cholesky", () => linalg.cholesky(spd, bad), ValueError, null, "nope"],
  ["choFactor", () => linalg.choFactor(spd, bad), ValueError, null, "nope"],
  ["eigvalsh", () => linalg.eigvalsh(spd, bad), ValueError, null, "nope"],
  ["slogdet", () => linalg.slogdet(spd, bad), ValueError, null, "nope"],
  ["inv", () => linalg.inv(spd, bad), ValueError, null, "nope"],
  ["solveTriangular", () => linalg.solveTriangular(spd, [1, 2], bad), ValueError, null, "nope"],
  ["trace", () => linalg.trace(spd, bad), ValueError, null, "nope"],
  ["hessenberg", () => linalg.hessenberg([[1, 2], [3]] as never), ValueError, null, "ragged"],
];

describe("errors name the public function the caller called", () => {
  it.each(CASES.map((c, i) => [`${c[0]} #${i}`, c] as const))("%s", (_, [name, call, cls, kind, text]) => {
    let caught: unknown = null;
    try {
      call();
    } catch (e) {
      caught = e;
    }
    expect(caught, `${name}: the error thrown`).toBeInstanceOf(cls);
    const e = caught as Error;
    expect(e.message.startsWith(`${name}: `), e.message).toBe(true);
    // no second prefix: the public name appears once at the start, "name: name:" never
    expect(e.message.startsWith(`${name}: ${name}: `)).toBe(false);
    if (kind !== null) expect((e as LinAlgError).kind).toBe(kind);
    if (typeof text === "string") expect(e.message).toContain(text);
    else expect(e.message).toMatch(text);
    expect(String(e.stack).startsWith(`${e.name}: ${e.message}`)).toBe(true);
  });

  it("covers every public function of the package, each wrapped and named", () => {
    const publicFns = Object.entries(linalg)
      // functions, not classes (LinAlgError, LinAlgWarning); batched is @sliderule/ndarray's, re-exported
      .filter(([k, v]) => typeof v === "function" && !/^class[\s{]/.test(Function.prototype.toString.call(v)) && k !== "batched")
      .map(([k]) => k)
      .sort();
    expect(publicFns.length).toBeGreaterThanOrEqual(28);
    const covered = new Set(CASES.map((c) => c[0]));
    expect(publicFns.filter((k) => !covered.has(k))).toEqual([]);
    for (const k of publicFns) expect((linalg as unknown as Record<string, { name: string }>)[k].name).toBe(k);
  });

  it("the inner functions keep their own names (only the public boundary renames)", () => {
    expect(() => svdImpl(nan)).toThrow(/^svd: SVD did not converge$/);
    expect(() => normImpl(nan, 2)).toThrow(/^svd: SVD did not converge$/);
    expect(() => linalg.svd(nan)).toThrow(/^svd: SVD did not converge$/);
  });

  it("keeps class, kind, index and the error object itself", () => {
    let inner: LinAlgError | null = null;
    const f = publicFunction("outer", () => {
      inner = new LinAlgError("inner: Singular matrix at 3", "singular", 3);
      throw inner;
    });
    let caught: unknown;
    try {
      f();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBe(inner);
    expect(caught).toBeInstanceOf(LinAlgError);
    expect((caught as LinAlgError).kind).toBe("singular");
    expect((caught as LinAlgError).index).toBe(3);
    expect((caught as Error).message).toBe("outer: Singular matrix at 3 (in inner)");
    expect((caught as Error).name).toBe("LinAlgError");
  });

  it("passes results, this and arguments through; leaves errors that are not ours alone", () => {
    const obj = {
      k: 2,
      times: publicFunction("times", function (this: { k: number }, x: number) {
        return this.k * x;
      }),
    };
    expect(obj.times(21)).toBe(42);
    expect(obj.times.name).toBe("times");
    expect(obj.times.length).toBe(1);
    const native = new TypeError("boom: not ours");
    const g = publicFunction("g", () => {
      throw native;
    });
    expect(() => g()).toThrow(native);
    expect(native.message).toBe("boom: not ours");
    // our classes, each kept
    for (const E of [ValueError, ShapeError, DTypeError, IndexError, AxisError]) {
      const h = publicFunction("pub", () => {
        throw new E("inner: bad value 3");
      });
      expect(() => h()).toThrow(E);
      expect(() => h()).toThrow(/^pub: bad value 3 \(in inner\)$/);
    }
  });

  it("publicMessage: one prefix, the innermost routine kept", () => {
    expect(publicMessage("svd: SVD did not converge", "norm")).toBe("norm: SVD did not converge (in svd)");
    expect(publicMessage("norm: Invalid norm order", "norm")).toBe("norm: Invalid norm order");
    expect(publicMessage("Last 2 dimensions must be square", "det")).toBe("det: Last 2 dimensions must be square");
    expect(publicMessage("norm: SVD did not converge (in svd)", "cond")).toBe("cond: SVD did not converge (in svd)");
    expect(publicMessage("internal: pivot out of range", "lu")).toBe("lu: internal: pivot out of range");
    expect(publicMessage("np.asarray: bad", "qr")).toBe("qr: bad (in np.asarray)");
    // a longer name that starts with the public one is another function
    expect(publicMessage("luFactor: bad", "lu")).toBe("lu: bad (in luFactor)");
    const e = new ValueError("inner: x");
    expect(renameError(e, "outer")).toBe(e);
    expect(renameError(renameError(e, "outer"), "outer")).toBe(e);
    expect(e.message).toBe("outer: x (in inner)");
  });
});
