import { describe, expect, it } from "vitest";
import { arange, array, zeros } from "./creation.js";
import type { DType } from "./dtype.js";
import { formatFloatPositional, formatFloatScientific } from "./dragon4.js";
import { ValueError } from "./errors.js";
import type { NDArray, NestedArray } from "./ndarray.js";
import { arrayToString, formatArray, getPrintOptions, setPrintOptions, withPrintOptions, type PrintOptions } from "./print.js";
import fixtures from "./print.fixtures.json";

// ------------------------------------------------------------------ NumPy's own output
// print.fixtures.json holds NumPy 1.24's repr and str of ~180 arrays (see print.fixtures.py).

interface Fixture {
  name: string;
  dtype: string;
  shape: number[];
  data?: unknown[];
  arange?: [number, number];
  transpose?: boolean;
  options?: Partial<PrintOptions>;
  repr: string;
  str: string;
}

function decodeNumber(v: unknown): number {
  if (v === "nan") return NaN;
  if (v === "inf") return Infinity;
  if (v === "-inf") return -Infinity;
  return v as number;
}

function build(c: Fixture): NDArray {
  const dtype = c.dtype as DType;
  const n = c.shape.reduce((p, d) => p * d, 1);
  let flat: NestedArray[];
  if (c.arange) {
    const [start, step] = c.arange;
    flat = Array.from({ length: n }, (_, i) => i * step + start);
  } else {
    flat = (c.data ?? []).map((v) => (Array.isArray(v) ? { re: decodeNumber(v[0]), im: decodeNumber(v[1]) } : typeof v === "boolean" ? v : decodeNumber(v)));
  }
  const a = array(flat, dtype).reshape(c.shape);
  return c.transpose ? a.T : a;
}

const cases = (fixtures as { cases: Fixture[] }).cases;

describe("formatArray and arrayToString match NumPy 1.24", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const a = build(c);
    expect(formatArray(a, c.options)).toBe(c.repr);
    expect(arrayToString(a, c.options)).toBe(c.str);
  });
});

// ------------------------------------------------------------------ examples from the docs

describe("formatArray", () => {
  it("prints the doc examples", () => {
    expect(
      formatArray(
        array(
          [
            [1, 2],
            [3, 4],
          ],
          "float64",
        ),
      ),
    ).toBe("array([[1., 2.],\n       [3., 4.]])");
    expect(formatArray(array([1, 2, 3], "int32"))).toBe("array([1, 2, 3])");
    expect(formatArray(array([1, 2, 3]))).toBe("array([1., 2., 3.])"); // JS numbers are float64
    expect(formatArray(array([1, 2], "float32"))).toBe("array([1., 2.], dtype=float32)");
    expect(formatArray(array([true, false]))).toBe("array([ True, False])");
    expect(
      formatArray(
        array([
          { re: 1, im: 2 },
          { re: 0, im: -1 },
        ]),
      ),
    ).toBe("array([1.+2.j, 0.-1.j])");
    expect(formatArray(array(5.5))).toBe("array(5.5)");
    expect(formatArray(zeros([0]))).toBe("array([], dtype=float64)");
    expect(formatArray(zeros([0, 3]))).toBe("array([], shape=(0, 3), dtype=float64)");
    expect(formatArray(zeros([0], "int32"))).toBe("array([], dtype=int32)");
    expect(formatArray(array([0.5, 1e-9]))).toBe("array([5.e-01, 1.e-09])");
    expect(
      arrayToString(
        array(
          [
            [1, 2],
            [3, 4],
          ],
          "float64",
        ),
      ),
    ).toBe("[[1. 2.]\n [3. 4.]]");
    expect(arrayToString(array(0.1))).toBe("0.1");
  });

  it("accepts nested arrays", () => {
    expect(
      formatArray([
        [1, 2],
        [3, 4],
      ]),
    ).toBe("array([[1., 2.],\n       [3., 4.]])");
    expect(arrayToString([1.5, -2])).toBe("[ 1.5 -2. ]");
  });

  it("summarises above the default threshold of 1000 elements", () => {
    expect(formatArray(arange(1000))).not.toContain("...");
    expect(formatArray(arange(1001))).toBe("array([   0,    1,    2, ...,  998,  999, 1000])");
    // only the shown corners decide the format: 1e9 in the hidden middle does not force exp notation
    const a = array(Array.from({ length: 2000 }, (_, i) => i / 1000 + 1));
    a.set(1000, 1e9);
    expect(formatArray(a)).toBe("array([1.   , 1.001, 1.002, ..., 2.997, 2.998, 2.999])");
  });

  it("prints broadcast and flipped views by their logical layout", () => {
    expect(formatArray(array([1.5, 2]).broadcastTo([2, 2]))).toBe("array([[1.5, 2. ],\n       [1.5, 2. ]])");
    expect(arrayToString(arange(6).reshape(2, 3).flip())).toBe("[[5 4 3]\n [2 1 0]]");
    expect(arrayToString(arange(10).slice("1::3"))).toBe("[1 4 7]");
  });
});

// ------------------------------------------------------------------ print options

describe("print options", () => {
  it("has NumPy's defaults", () => {
    expect(getPrintOptions()).toEqual({
      precision: 8,
      threshold: 1000,
      edgeitems: 3,
      linewidth: 75,
      suppress: false,
      floatmode: "maxprec",
      sign: "-",
      nanstr: "nan",
      infstr: "inf",
    });
  });

  it("setPrintOptions changes later output until changed back", () => {
    const saved = getPrintOptions();
    try {
      setPrintOptions({ precision: 3 });
      expect(formatArray(array([1 / 3]))).toBe("array([0.333])");
      expect(getPrintOptions().precision).toBe(3);
      expect(getPrintOptions().threshold).toBe(1000);
    } finally {
      setPrintOptions(saved);
    }
    expect(formatArray(array([1 / 3]))).toBe("array([0.33333333])");
  });

  it("withPrintOptions is scoped, also when the function throws", () => {
    expect(withPrintOptions({ precision: 2 }, () => formatArray(array([2 / 3])))).toBe("array([0.67])");
    expect(getPrintOptions().precision).toBe(8);
    expect(() =>
      withPrintOptions({ suppress: true }, () => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(getPrintOptions().suppress).toBe(false);
    // nested scopes restore in order
    withPrintOptions({ precision: 1 }, () => {
      withPrintOptions({ linewidth: 10 }, () => {
        expect(getPrintOptions()).toMatchObject({ precision: 1, linewidth: 10 });
      });
      expect(getPrintOptions()).toMatchObject({ precision: 1, linewidth: 75 });
    });
  });

  it("threshold Infinity never summarises", () => {
    const text = withPrintOptions({ threshold: Infinity }, () => arrayToString(arange(1500)));
    expect(text).not.toContain("...");
    expect(text.endsWith("1498 1499]")).toBe(true);
  });

  it("rejects bad options with the function's name", () => {
    expect(() => setPrintOptions({ precision: -1 })).toThrow(ValueError);
    expect(() => setPrintOptions({ precision: 1.5 })).toThrow("setPrintOptions: precision must be a non-negative integer, got 1.5");
    expect(() => setPrintOptions({ threshold: NaN })).toThrow(/threshold/);
    expect(() => setPrintOptions({ linewidth: 0 })).toThrow(/linewidth/);
    expect(() => setPrintOptions({ floatmode: "wide" as never })).toThrow(/floatmode/);
    expect(() => setPrintOptions({ colour: 1 } as never)).toThrow('setPrintOptions: unknown print option "colour"');
    expect(() => formatArray(array([1]), { edgeitems: -2 })).toThrow(/^formatArray: edgeitems/);
    expect(() => withPrintOptions({ sign: "x" as never }, () => 0)).toThrow(/^withPrintOptions: sign/);
    expect(getPrintOptions().precision).toBe(8);
  });
});

// ------------------------------------------------------------------ Dragon4 digits

describe("formatFloatPositional / formatFloatScientific (np.format_float_*)", () => {
  it("gives shortest round-trip digits", () => {
    expect(formatFloatPositional(0.1 + 0.2)).toBe("0.30000000000000004");
    expect(formatFloatPositional(0.1, { float32: true })).toBe("0.1");
    expect(formatFloatPositional(Math.fround(0.1), { unique: false, precision: 12 })).toBe("0.100000001490");
    expect(formatFloatPositional(5e-324)).toBe("0." + "0".repeat(323) + "5");
    expect(formatFloatScientific(2 ** 1023 * 1.5)).toBe("1.348269851146737e+308");
  });

  it("rounds at a cutoff, ties to even", () => {
    expect(formatFloatPositional(1 / 3, { precision: 4 })).toBe("0.3333");
    expect(formatFloatPositional(0.125, { precision: 2 })).toBe("0.12");
    expect(formatFloatPositional(0.375, { precision: 2 })).toBe("0.38");
    expect(formatFloatPositional(9.999, { precision: 2 })).toBe("10.");
    expect(formatFloatPositional(1e-10, { precision: 8 })).toBe("0.00000000");
    expect(formatFloatPositional(1e-10, { precision: 8, trim: "." })).toBe("0.");
    expect(formatFloatScientific(Math.PI, { precision: 3 })).toBe("3.142e+00");
    expect(formatFloatScientific(9.9996, { precision: 3 })).toBe("1.e+01");
    expect(formatFloatScientific(9.9996, { precision: 3, minDigits: 3 })).toBe("1.000e+01");
  });

  it("trims and pads as asked", () => {
    expect(formatFloatPositional(2, { trim: "-" })).toBe("2");
    expect(formatFloatPositional(2, { trim: "0" })).toBe("2.0");
    expect(formatFloatPositional(2, { trim: "." })).toBe("2.");
    expect(formatFloatPositional(-2.5, { padLeft: 4, padRight: 3 })).toBe("  -2.5  ");
    expect(formatFloatPositional(1.5, { sign: true, minDigits: 3 })).toBe("+1.500");
    expect(formatFloatScientific(1e-300, { expDigits: 4 })).toBe("1.e-0300");
    expect(formatFloatScientific(1, { trim: "-" })).toBe("1e+00");
    expect(formatFloatPositional(NaN)).toBe("nan");
    expect(formatFloatPositional(-Infinity)).toBe("-inf");
    expect(formatFloatScientific(Infinity, { sign: true })).toBe("+inf");
  });

  it("checks its arguments", () => {
    expect(() => formatFloatPositional(1, { unique: false })).toThrow(ValueError);
    expect(() => formatFloatScientific(1, { precision: 2, minDigits: 3 })).toThrow(ValueError);
  });
});
