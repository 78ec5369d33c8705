/**
 * Bad arguments for every exported function (issue #16): a caller from plain JS passes a wrong
 * type, an unknown option, an out-of-range axis or a NaN shape. Each call must throw one of our
 * error classes (ValueError, ShapeError, DTypeError, IndexError, AxisError, MemoryError,
 * LinAlgError, ZeroDivisionError) — never return, and never let a TypeError or RangeError
 * escape from inside the library.
 *
 * Three forms, for every function exported by @sliderule/ndarray (np.*, np.random.*) and
 * @sliderule/linalg:
 *   A. f(bad)            the first argument of a wrong type;
 *   B. f(good, bad)      a valid first argument, then a bad one (unknown option, axis 99, …);
 *   C. shape functions   NaN, negative and fractional sizes.
 * The fixed pools run exhaustively; fast-check then draws random strings, objects, BigInts
 * and numbers for the same slots. The exemptions below are values that are *valid* for that
 * function (NumPy accepts them too), each with its reason.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as np from "@sliderule/ndarray";
import * as linalg from "@sliderule/linalg";

const OURS = [np.ValueError, np.DTypeError, np.IndexError, np.MemoryError, linalg.LinAlgError];
/** Ours: an instance of one of our classes (DTypeError is a TypeError and IndexError a RangeError by design, so test the class, not the base). */
function isOurs(e: unknown): boolean {
  return OURS.some((C) => e instanceof C);
}

type Fn = (...args: unknown[]) => unknown;
const functions = (module: Record<string, unknown>, prefix: string): [string, Fn][] =>
  Object.entries(module)
    .filter(([name, v]) => typeof v === "function" && !/^[A-Z]/.test(name))
    .map(([name, v]) => [`${prefix}${name}`, v as Fn]);

const ALL: [string, Fn][] = [
  ...functions(np as unknown as Record<string, unknown>, "np."),
  ...functions(np.random as unknown as Record<string, unknown>, "np.random."),
  ...functions(linalg as unknown as Record<string, unknown>, "linalg."),
];

/** Functions that take no argument: extra arguments are ignored, as JS does. */
const NO_ARGUMENTS = new Set(["np.getBackend", "np.getPrintOptions", "np.random.getGlobalState"]);

/** Wrong types for a first argument that is an array, a shape, a number or a dtype. */
const BAD_FIRST: [string, () => unknown][] = [
  ["a string", () => "abc"],
  ["an unknown object", () => ({ bogus: 1 })],
  ["a symbol", () => Symbol("s")],
  ["a BigInt", () => 10n],
  ["a function", () => () => 1],
  ["a ragged list", () => [[1, 2], [3]]],
  ["a list with a string", () => [1, "a"]],
  ["a Map", () => new Map()],
];

/** Valid for that function as a first argument (NumPy accepts it too). */
const FIRST_EXEMPT: Record<string, string[]> = {
  // a string is what these take first
  "np.einsum": ["a string"],
  "np.einsumPath": ["a string"],
  "np.parseSlice": [],
  "np.setBackend": [],
  // seeds: NumPy's default_rng(seed) takes any int or sequence; a function or Map is still bad
  // a ragged list is a list of arrays of different lengths, which these join end to end:
  // np.concatenate([[1, 2], [3]]) and np.hstack([[1, 2], [3]]) are [1, 2, 3]
  "np.concatenate": ["a ragged list"],
  "np.hstack": ["a ragged list"],
  // NumPy's shuffle shuffles any mutable sequence in place, whatever its items
  // (np.random.shuffle([[1, 2], [3]]), np.random.shuffle([1, "a"]))
  "np.random.shuffle": ["a ragged list", "a list with a string"],
  // an options object first
  "np.setPrintOptions": [],
  "np.withPrintOptions": [],
};

/** A bad argument after a valid first one: unknown options, an axis out of range, wrong types. */
const BAD_LATER: [string, () => unknown][] = [
  ["an unknown option", () => ({ bogus: 1 })],
  ["axis 99", () => ({ axis: 99 })],
  ["a symbol", () => Symbol("s")],
  ["a BigInt", () => 10n],
  ["a function", () => () => 1],
  ["a Map", () => new Map()],
];

/** The valid first argument for form B, per function (default: a 2×2 float matrix). */
const GOOD_FIRST: Record<string, () => unknown> = {
  "np.zeros": () => [2, 2],
  "np.ones": () => [2, 2],
  "np.empty": () => [2, 2],
  "np.full": () => [2, 2],
  "np.eye": () => 2,
  "np.identity": () => 2,
  "np.arange": () => 3,
  "np.linspace": () => 0,
  "np.linspaceStep": () => 0,
  "np.einsum": () => "ij->ji",
  "np.einsumPath": () => "ij->ji",
  "np.defaultRng": () => 0,
  "np.random.defaultRng": () => 0,
  "np.random.seed": () => 0,
  "np.random.rand": () => 2,
  "np.random.randn": () => 2,
  "np.random.randint": () => 5,
  "np.random.choice": () => 5,
  "np.random.permutation": () => 5,
  "np.broadcastShapes": () => [2, 2],
  "np.promoteTypes": () => "float64",
  "np.resultType": () => "float64",
  "np.formatFloatPositional": () => 1.5,
  "np.formatFloatScientific": () => 1.5,
  "np.setBackend": () => "auto",
  "np.bincount": () => np.array([0, 1, 1], "int32"),
};

/** Functions whose later arguments take any value (nothing to reject). */
const LATER_EXEMPT = new Set([
  "np.namedTuple", // (object, keys)
  "np.random.seed", // seed only
  "np.random.shuffle", // one argument
]);

function outcome(f: Fn, args: unknown[]): "ours" | "returned" | string {
  try {
    f(...args);
    return "returned";
  } catch (e) {
    if (isOurs(e)) return "ours";
    return `${e instanceof Error ? e.constructor.name : typeof e}: ${e instanceof Error ? e.message.slice(0, 120) : String(e)}`;
  }
}

describe("every exported function rejects bad arguments with our errors", () => {
  it("A: a first argument of a wrong type", () => {
    const problems: string[] = [];
    for (const [name, f] of ALL) {
      if (NO_ARGUMENTS.has(name)) continue;
      for (const [what, make] of BAD_FIRST) {
        if (FIRST_EXEMPT[name]?.includes(what)) continue;
        const r = outcome(f, [make()]);
        if (r !== "ours") problems.push(`${name}(${what}): ${r}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("B: a valid first argument, then a bad one", () => {
    const problems: string[] = [];
    for (const [name, f] of ALL) {
      if (NO_ARGUMENTS.has(name) || LATER_EXEMPT.has(name)) continue;
      const good =
        GOOD_FIRST[name] ??
        (() =>
          np.array([
            [2, 1],
            [1, 3],
          ]));
      for (const [what, make] of BAD_LATER) {
        const r = outcome(f, [good(), make()]);
        if (r !== "ours") problems.push(`${name}(good, ${what}): ${r}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("C: NaN, negative and fractional sizes", () => {
    const shapes = [[NaN, 2], [-1, 2], [2.5], NaN, Infinity];
    // reshape takes -1 as "the rest" (np.reshape(np.arange(4), (-1, 2)) has shape (2, 2)): -2 is its bad negative
    const reshapeShapes = [[NaN, 2], [-2, 2], [2.5], NaN, Infinity];
    const calls: [string, (s: unknown) => unknown][] = [
      ["zeros", (s) => np.zeros(s as number[])],
      ["ones", (s) => np.ones(s as number[])],
      ["empty", (s) => np.empty(s as number[])],
      ["full", (s) => np.full(s as number[], 1)],
      ["reshape", (s) => np.reshape(np.arange(4), s as number[])],
      ["broadcastTo", (s) => np.broadcastTo(np.arange(2), s as number[])],
      ["random", (s) => np.defaultRng(0).random(s as number[])],
      ["standardNormal", (s) => np.defaultRng(0).standardNormal(s as number[])],
      ["random.rand", (s) => np.random.rand(s as number)],
      ["eye", (s) => np.eye(s as number)],
      ["arange", (s) => np.arange(s as number)],
    ];
    const problems: string[] = [];
    for (const [name, call] of calls) {
      for (const s of name === "reshape" ? reshapeShapes : shapes) {
        const r = outcome(call as Fn, [s]);
        if (r !== "ours") problems.push(`${name}(${JSON.stringify(s)}): ${r}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("random strings, objects, BigInts and non-integer numbers, drawn by fast-check", () => {
    const bad = fc.oneof(
      fc.string({ minLength: 1 }).filter((s) => !/^[-+\d.e\s]*$/i.test(s) && s !== "..."),
      fc
        .dictionary(
          fc.string({ minLength: 1 }).filter((k) => !["axis", "dtype", "keepdims", "out", "ddof", "k", "M", "offset"].includes(k)),
          fc.anything(),
          { minKeys: 1 },
        )
        .map((o) => ({ ...o, ["__bogus__"]: 1 })),
      fc.bigInt(),
    );
    const names = ALL.filter(([n]) => !NO_ARGUMENTS.has(n) && !LATER_EXEMPT.has(n) && !(n in FIRST_EXEMPT));
    fc.assert(
      fc.property(fc.constantFrom(...names), bad, fc.boolean(), ([name, f], value, first) => {
        const args = first
          ? [value]
          : [
              (
                GOOD_FIRST[name] ??
                (() =>
                  np.array([
                    [2, 1],
                    [1, 3],
                  ]))
              )(),
              value,
            ];
        const r = outcome(f, args);
        expect(r, `${name}(${first ? "" : "good, "}${typeof value === "bigint" ? `${value}n` : JSON.stringify(value)})`).toBe("ours");
      }),
      { numRuns: 400 },
    );
  });
});
