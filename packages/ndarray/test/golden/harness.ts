/**
 * The golden-case harness: reads the case files NumPy/SciPy produced (cases/FORMAT.md), maps
 * each case's `op` to our function through an op registry, and checks the result the way
 * FORMAT.md says: `allclose`, `raises` or `properties`.
 *
 *   const { cases } = parseFamily(readFileSync("cases/creation.json", "utf8"));
 *   const results = runCases(cases, ndarrayOps);   // [{ id, family, status, detail }, …]
 *
 * The parts, one file each in this folder (this file runs the cases and re-exports the rest,
 * so `harness.js` stays the one import for registries, scripts/golden.ts and the tests):
 *   1. golden-json.ts: a raw-aware JSON reader: Python float tokens (`2.0`, `1e-3`) outside
 *      array `data` become `PyFloat` markers, because NumPy 1.24's value-based casting tells
 *      `int32 + 3` (int32) from `int32 + 3.0` (float64) and JSON.parse cannot; case-file.ts
 *      reads the case files with it;
 *   2. decode.ts: decoding of values: `{dtype, shape, data}` -> NDArray (int64 -> our int32,
 *      complex64 -> complex128), slices, ellipsis, newaxis, sparse inputs, random-stream calls;
 *   3. allclose.ts: the `allclose` checker (shape rule, exact ints, exact non-finite,
 *      |a - e| <= atol + rtol|e|, complex modulus), which reports a dtype mismatch apart from a
 *      value mismatch; format.ts writes values in the messages;
 *   4. properties.ts: the `properties` vocabulary of FORMAT.md, one checker per property name,
 *      on the small batched dense helpers of leaf-algebra.ts (it must not depend on the matmul
 *      it tests);
 *   5. here: `runCase` / `runCases` and a per-family summary.
 *
 * Extension point: an op registry is a plain object `{ [op]: (args, kwargs) => result }`
 * ({@link OpRegistry}). @sliderule/ndarray's lives in ./ops.ts (`ndarrayOps`); another package
 * adds its own by exporting `export const linalgOps: OpRegistry = { ... }` from its
 * `test/golden/ops.ts`, which `scripts/golden.ts` merges in (see REGISTRY_MODULES there).
 * An entry receives decoded positional and keyword arguments (NumPy's keyword names) and
 * returns what NumPy returns: a list for a tuple result, in NumPy's order (convert named
 * results such as `{ Q, R }` to `[Q, R]`). Python floats arrive as plain JS numbers unless the
 * entry is wrapped in {@link withPyFloats}, in which case they arrive as {@link PyFloat}
 * markers (use {@link num}, {@link plain}, {@link scalarArg}). A function an entry needs that
 * does not exist yet is reported by throwing {@link OpUnavailable}: the case is then skipped,
 * not failed. New output names or properties go into {@link OUTPUT_NAMES} / {@link PROPERTIES}.
 *
 * Deliberate differences from NumPy handled here, not in the library: NumPy's int64 is our
 * int32 (an int64 result that int32 cannot hold may come back as float64 holding the exact
 * integers, as the random module documents); complex64 results are our complex128.
 */
import { errorClassNames } from "../../src/errors.js";
import { checkAllclose, type Mismatch, type MismatchKind } from "./allclose.js";
import type { CheckKind, GoldenCase } from "./case-file.js";
import { decodeValue, plain, type FloatMode } from "./decode.js";
import { describe } from "./format.js";
import { checkProperties } from "./properties.js";

// The parts' public names, so that `harness.js` stays the one import.
export { PyFloat, isPyFloat, parseGoldenJson } from "./golden-json.js";
export { parseFamily, loadFamilyFile, loadFamilies, type CheckKind, type GoldenCase, type GoldenFamily } from "./case-file.js";
export {
  isEncodedArray,
  isSparseInput,
  isRandomCall,
  num,
  plain,
  scalarArg,
  ourDType,
  decodeArray,
  decodeValue,
  type EncodedArray,
  type SparseInput,
  type RandomCall,
  type FloatMode,
} from "./decode.js";
export { fmtShape, describe } from "./format.js";
export { expectedLeaf, actualLeaf, compareLeaf, checkAllclose, type Leaf, type Mismatch, type MismatchKind } from "./allclose.js";
export { hungarian } from "./leaf-algebra.js";
export { OUTPUT_NAMES, PROPERTIES, type PropertyContext, type PropertyCheck } from "./properties.js";

/** An op entry: decoded positional and keyword arguments in, NumPy's result out. */
export type OpFn = (args: unknown[], kwargs: Record<string, unknown>) => unknown;

/** NumPy/SciPy op name (as in the case files) -> entry. */
export type OpRegistry = Record<string, OpFn>;

const RAW_FLOATS = Symbol.for("sliderule.golden.pyFloats");

/** Mark an entry as wanting Python floats as {@link PyFloat} markers (value-based casting), not numbers. */
export function withPyFloats(f: OpFn): OpFn {
  (f as OpFn & { [RAW_FLOATS]?: boolean })[RAW_FLOATS] = true;
  return f;
}

function wantsPyFloats(f: OpFn): boolean {
  return (f as OpFn & { [RAW_FLOATS]?: boolean })[RAW_FLOATS] === true;
}

/**
 * Thrown by an entry when a library function it needs does not exist yet (looked up
 * dynamically); the case is reported as skipped, naming the function.
 */
export class OpUnavailable extends Error {
  constructor(readonly missing: string) {
    super(`${missing} is not available yet`);
    this.name = "OpUnavailable";
  }
}

export type CaseStatus = "passed" | "failed" | "skipped";

export interface CaseResult {
  id: string;
  family: string;
  op: string;
  check: CheckKind;
  status: CaseStatus;
  /** Empty for a pass; the reason for a skip; a readable account of a failure. */
  detail: string;
  /** For failures: shape, dtype, value, structure, type, raises, error or property. */
  failure?: MismatchKind;
  /** For skips: the op, or the missing library function. */
  skipped?: string;
}

function errorSummary(e: unknown): string {
  if (e instanceof Error) {
    const chain = errorClassNames(e).filter((n) => n !== "Error" && n !== "Object");
    return `${chain.length ? chain.join(" < ") : e.name}: ${e.message}`;
  }
  return `non-error value thrown: ${String(e)}`;
}

/** Run one case against a registry and check it. Never throws. */
export function runCase(c: GoldenCase, registry: OpRegistry): CaseResult {
  const base = { id: c.id, family: c.family, op: c.op, check: c.check };
  const fn = Object.prototype.hasOwnProperty.call(registry, c.op) ? registry[c.op] : undefined;
  if (fn === undefined) return { ...base, status: "skipped", detail: `op "${c.op}" is not in the registry`, skipped: c.op };
  const fail = (m: Mismatch): CaseResult => ({ ...base, status: "failed", detail: `${c.op}: ${m.message}`, failure: m.kind });
  const floats: FloatMode = wantsPyFloats(fn) ? "pyfloat" : "number";
  let args: unknown[];
  let kwargs: Record<string, unknown>;
  try {
    args = decodeValue(c.args, floats) as unknown[];
    kwargs = decodeValue(c.kwargs, floats) as Record<string, unknown>;
  } catch (e) {
    return fail({ kind: "error", message: `harness could not decode the arguments: ${errorSummary(e)}` });
  }
  let result: unknown;
  let thrown: unknown;
  let threw = false;
  try {
    result = fn(args, kwargs);
  } catch (e) {
    threw = true;
    thrown = e;
  }
  if (threw && thrown instanceof OpUnavailable) {
    return { ...base, status: "skipped", detail: `${thrown.missing} is not available yet`, skipped: thrown.missing };
  }
  if (c.check === "raises") {
    const want = String(c.expected);
    if (!threw) return fail({ kind: "raises", message: `expected ${want} to be thrown, but it returned ${describe(result)}` });
    const names = errorClassNames(thrown);
    if (thrown instanceof Error && !names.includes(thrown.name)) names.push(thrown.name);
    const accepted = [want, ...(c.error_bases ?? [])];
    if (names.some((n) => accepted.includes(n))) return { ...base, status: "passed", detail: "" };
    return fail({ kind: "raises", message: `expected ${accepted.join(" or ")}, but threw ${errorSummary(thrown)}` });
  }
  if (threw) {
    const stack = thrown instanceof Error && thrown.stack ? `\n${thrown.stack.split("\n").slice(1, 4).join("\n")}` : "";
    return fail({ kind: "error", message: `threw ${errorSummary(thrown)}${stack}` });
  }
  try {
    const m =
      c.check === "allclose"
        ? checkAllclose(result, c.expected, c.rtol, c.atol)
        : checkProperties(
            c,
            result,
            floats === "pyfloat" ? (plain(args) as unknown[]) : args,
            floats === "pyfloat" ? (plain(kwargs) as Record<string, unknown>) : kwargs,
          );
    return m ? fail(m) : { ...base, status: "passed", detail: "" };
  } catch (e) {
    return fail({ kind: "error", message: `harness error while checking: ${errorSummary(e)}` });
  }
}

/** Run every case in order (order matters for nothing but readability). */
export function runCases(cases: readonly GoldenCase[], registry: OpRegistry): CaseResult[] {
  return cases.map((c) => runCase(c, registry));
}

export interface FamilySummary {
  family: string;
  passed: number;
  failed: number;
  skipped: number;
  /** Skipped op (or missing function) -> number of cases. */
  skippedOps: Map<string, number>;
  failures: CaseResult[];
}

/** Per-family counts, in order of first appearance. */
export function summarize(results: readonly CaseResult[]): FamilySummary[] {
  const byFamily = new Map<string, FamilySummary>();
  for (const r of results) {
    let s = byFamily.get(r.family);
    if (!s) {
      s = { family: r.family, passed: 0, failed: 0, skipped: 0, skippedOps: new Map(), failures: [] };
      byFamily.set(r.family, s);
    }
    s[r.status]++;
    if (r.status === "skipped") s.skippedOps.set(r.skipped ?? r.op, (s.skippedOps.get(r.skipped ?? r.op) ?? 0) + 1);
    if (r.status === "failed") s.failures.push(r);
  }
  return [...byFamily.values()];
}

/** Merge registries; a later registry's entry replaces an earlier one of the same name. */
export function mergeRegistries(...registries: OpRegistry[]): OpRegistry {
  return Object.assign({}, ...registries) as OpRegistry;
}
