/**
 * The machine constants (src/machine.ts, LAPACK dlamch) and the rule that they are defined
 * there only (issue #15).
 *
 * 1. Their values: each is the exact power of two dlamch returns in binary64 (and slamch in
 *    binary32), with the property it is named for (1 + ULP > 1, 1 + UNIT_ROUNDOFF rounds to 1,
 *    1/SAFMIN is finite, ...). Expected values from NumPy 2.4:
 *      np.finfo(np.float64).eps == 2**-52, .epsneg == 2**-53, .smallest_normal == 2**-1022,
 *      np.finfo(np.float32).eps == 2**-23.
 * 2. A scan of the library code under packages/linalg/src (not the tests, which keep their own
 *    tolerances as an independent check; not sparse/, still to be converted): no file but
 *    machine.ts defines `const EPS | ULP | SAFMIN | SMLNUM | BIGNUM` (or dlamch's other aliases
 *    SFMIN, UNFL, EPSILON) or writes the literals 2.220446049250313e-16, 2.2250738585072014e-308,
 *    or the powers 2 ** -52, 2 ** -53, 2 ** -1022.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BIGNUM, BIGNUM_DRIVER, RMAX, RMIN, SAFMIN, SMLNUM, SMLNUM_DRIVER, ULP, ULP_FLOAT32, UNIT_ROUNDOFF, UNIT_ROUNDOFF_FLOAT32 } from "../src/machine.js";

describe("machine constants (dlamch)", () => {
  it("UNIT_ROUNDOFF = 2⁻⁵³ (dlamch('E')): 1 + u rounds to 1 (ties to even), 1 + 2u does not", () => {
    expect(UNIT_ROUNDOFF).toBe(1.1102230246251565e-16); // np.finfo(np.float64).epsneg
    expect(1 + UNIT_ROUNDOFF).toBe(1);
    expect(1 + 2 * UNIT_ROUNDOFF).toBeGreaterThan(1);
    // the largest relative rounding error: 1 + u·(1 + 2u) rounds up, so u bounds |fl(x) − x|/|x|
    expect(1 + UNIT_ROUNDOFF * (1 + ULP)).toBe(1 + ULP);
  });

  it("ULP = 2⁻⁵² (dlamch('P')): the gap between 1 and the next double, NumPy's finfo.eps", () => {
    expect(ULP).toBe(2.220446049250313e-16); // np.finfo(np.float64).eps
    expect(ULP).toBe(Number.EPSILON);
    expect(ULP).toBe(2 * UNIT_ROUNDOFF);
    expect(1 + ULP).toBeGreaterThan(1);
    expect(1 + ULP / 2).toBe(1);
    const bits = new BigUint64Array(new Float64Array([1 + ULP]).buffer)[0] - new BigUint64Array(new Float64Array([1]).buffer)[0];
    expect(bits).toBe(1n); // one unit in the last place
  });

  it("SAFMIN = 2⁻¹⁰²² (dlamch('S')): the smallest normal, whose reciprocal is finite", () => {
    expect(SAFMIN).toBe(2.2250738585072014e-308); // np.finfo(np.float64).smallest_normal
    expect(SAFMIN).toBe(2 ** -1022);
    expect(Number.isFinite(1 / SAFMIN)).toBe(true);
    expect(1 / SAFMIN).toBe(2 ** 1022);
    // below it the doubles are subnormal, down to 2⁻¹⁰⁷⁴ = SAFMIN·ULP
    expect(Number.MIN_VALUE).toBe(SAFMIN * ULP);
    expect(SAFMIN * (1 - ULP)).toBeLessThan(SAFMIN);
  });

  it("the derived thresholds are the exact powers of two LAPACK's routines use", () => {
    expect(SMLNUM).toBe(2 ** -970); // dgebal SFMIN1, dlaexc SMLNUM: dlamch('S')/dlamch('P')
    expect(BIGNUM).toBe(2 ** 970);
    expect(SMLNUM * BIGNUM).toBe(1);
    expect(SMLNUM_DRIVER).toBe(2 ** -459); // dgeev/dgesdd: sqrt(dlamch('S'))/dlamch('P')
    expect(BIGNUM_DRIVER).toBe(2 ** 459);
    expect(RMIN).toBe(2 ** -485); // dsyev rmin = sqrt(safmin/eps); dlanv2 SAFMN2
    expect(RMAX).toBe(2 ** 485);
    // the point of the driver range: squares of entries in [SMLNUM_DRIVER, BIGNUM_DRIVER] stay normal and finite
    expect(SMLNUM_DRIVER * SMLNUM_DRIVER).toBeGreaterThanOrEqual(SAFMIN);
    expect(Number.isFinite(BIGNUM_DRIVER * BIGNUM_DRIVER)).toBe(true);
    expect(BIGNUM / ULP).toBe(1 / SAFMIN); // BIGNUM = ULP/SAFMIN: dividing it by ULP does not overflow
  });

  it("float32: slamch('E') = 2⁻²⁴, slamch('P') = 2⁻²³ (np.finfo(np.float32).eps)", () => {
    expect(ULP_FLOAT32).toBe(1.1920928955078125e-7); // np.finfo(np.float32).eps
    expect(UNIT_ROUNDOFF_FLOAT32).toBe(ULP_FLOAT32 / 2);
    expect(Math.fround(1 + ULP_FLOAT32)).toBeGreaterThan(1);
    expect(Math.fround(1 + UNIT_ROUNDOFF_FLOAT32)).toBe(1);
  });
});

// ------------------------------------------------------------------ defined once

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), "../src");

/** Library files under src (not tests), relative to src, skipping `skipDirs`. */
function libraryFiles(dir: string, skipDirs: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const rel = relative(SRC, path).split("\\").join("/");
    if (statSync(path).isDirectory()) {
      if (!skipDirs.includes(rel)) out.push(...libraryFiles(path, skipDirs));
    } else if (name.endsWith(".ts") && !name.endsWith(".test.ts") && !name.endsWith(".d.ts")) out.push(rel);
  }
  return out;
}

/** What only machine.ts may write: a definition of a machine constant, or its value as a literal. */
const FORBIDDEN: readonly { what: string; re: RegExp }[] = [
  { what: "a machine constant defined outside machine.ts", re: /\b(?:const|let|var)\s+(?:EPS|ULP|SAFMIN|SMLNUM|BIGNUM|SFMIN|UNFL|EPSILON)\b/ },
  { what: "the literal 2.220446049250313e-16 (use ULP)", re: /2\.220446049250313e-16/ },
  { what: "the literal 2.2250738585072014e-308 (use SAFMIN)", re: /2\.2250738585072014e-308/ },
  { what: "2 ** -52 / 2 ** -53 / 2 ** -1022 (use ULP, UNIT_ROUNDOFF, SAFMIN)", re: /2\s*\*\*\s*-\s*(?:52|53|1022)\b/ },
];

/** The offending lines of `text` (comments included: a constant in a comment is harmless, but rare enough to keep the rule simple). */
function offences(text: string): string[] {
  const found: string[] = [];
  text.split("\n").forEach((line, i) => {
    for (const { what, re } of FORBIDDEN) if (re.test(line)) found.push(`${i + 1}: ${what}: ${line.trim()}`);
  });
  return found;
}

describe("machine constants are defined in machine.ts only", () => {
  it("the scan recognises each forbidden form (and not the allowed ones)", () => {
    expect(offences("const EPS = 2 ** -53;")).toHaveLength(2);
    expect(offences("export const SAFMIN = 1e-300;")).toHaveLength(1);
    expect(offences("  const ULP = x;")).toHaveLength(1);
    expect(offences("let x = 2.2250738585072014e-308 / 2.220446049250313e-16;")).toHaveLength(2);
    expect(offences("const y = 2**-1022;")).toHaveLength(1);
    expect(offences('import { SAFMIN, ULP } from "../machine.js";')).toHaveLength(0);
    expect(offences("const smlnum = SAFMIN * (n / ULP); const EPSX = 1; const RMIN = 2 ** -485;")).toHaveLength(0);
  });

  it("no file under packages/linalg/src but machine.ts defines EPS/ULP/SAFMIN/SMLNUM/BIGNUM or writes their values", () => {
    // sparse/ is being converted separately (issue #15); remove it from this list when it is
    const files = libraryFiles(SRC, ["sparse"]).filter((f) => f !== "machine.ts");
    expect(files.length).toBeGreaterThan(40); // the scan found the tree
    expect(files).toContain("dense/hseqr.ts");
    const bad = files.flatMap((f) => offences(readFileSync(join(SRC, f), "utf8")).map((o) => `${f}:${o}`));
    expect(bad).toEqual([]);
  });
});
