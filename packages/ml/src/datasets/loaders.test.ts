/**
 * makeLoaders and the loaders' options. Scaled diabetes from scikit-learn 1.2.1:
 *   s = sklearn.datasets.load_diabetes()   # scaled=True, its default
 *   s.data[0].tolist(), s.data[-1].tolist(), np.abs(s.data).sum(), (s.data ** 2).sum(axis=0)
 */
import { readFileSync } from "node:fs";
import { ValueError } from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { CsvError } from "./csv.js";
import { makeLoaders } from "./loaders.js";
import { loadDiabetes, loadDigits, loadIris } from "./node.js";

const eps = 2 ** -52;

describe("loadDiabetes({ scaled: true }) is scikit-learn's load_diabetes()", () => {
  const first = [0.038075906433423026, 0.05068011873981862, 0.061696206518683294, 0.0218723855140367, -0.04422349842444599, -0.03482076283769895, -0.04340084565202491, -0.002592261998183278, 0.019907486170462722, -0.01764612515980379];
  const last = [-0.045472477940023646, -0.044641636506989144, -0.07303030271641665, -0.08141314376144114, 0.08374011738825825, 0.027808929520208008, 0.17381578478910462, -0.03949338287409329, -0.00422151393810765, 0.0030644094143684884];

  it("first and last rows, column norms 1, means 0", () => {
    const b = loadDiabetes({ scaled: true });
    const rows = b.data.toArray() as number[][];
    // each entry is (x − mean)/(std·√n): its error is a few eps relative to the column's scale (≈ 0.05)
    const tol = 64 * eps * 0.05;
    rows[0].forEach((v, j) => expect(Math.abs(v - first[j])).toBeLessThanOrEqual(tol));
    rows[441].forEach((v, j) => expect(Math.abs(v - last[j])).toBeLessThanOrEqual(tol));
    const norms = b.data.multiply(b.data).sum({ axis: 0 }).toArray() as number[];
    norms.forEach((s) => expect(Math.abs(s - 1)).toBeLessThanOrEqual(442 * eps));
    // Σ_i x_ij = 0 up to the summation's rounding, n·eps·Σ_i |x_ij|
    const sums = b.data.sum({ axis: 0 }).toArray() as number[];
    const absSums = b.data.abs().sum({ axis: 0 }).toArray() as number[];
    sums.forEach((s, j) => expect(Math.abs(s)).toBeLessThanOrEqual(442 * eps * absSums[j]));
    // np.abs(s.data).sum()
    expect(Math.abs((b.data.abs().sum() as number) - 172.22742035163108)).toBeLessThanOrEqual(4420 * eps * 172.2);
    // the target is not scaled
    expect(b.target.sum()).toBe(67243);
  });

  it("scaled: false (the default) is the file's raw values", () => {
    expect(loadDiabetes({ scaled: false }).data.toArray()).toEqual(loadDiabetes().data.toArray());
    expect((loadDiabetes().data.toArray() as number[][])[0][0]).toBe(59);
  });
});

describe("loader arguments", () => {
  it("loaders without options reject any", () => {
    const call = (f: unknown, ...a: unknown[]) => () => (f as (...b: unknown[]) => unknown)(...a);
    expect(call(loadIris, { return_X_y: true })).toThrow(new ValueError("loadIris: unknown option 'return_X_y' (write const { data: X, target: y } = loadIris()); it takes no options"));
    expect(call(loadDigits, { nClass: 5 })).toThrow(/^loadDigits: unknown option 'nClass'; it takes no options/);
    expect(call(loadIris, true)).toThrow(/^loadIris: takes no arguments, got true/);
    expect(call(loadIris, Symbol("x"))).toThrow(ValueError);
    expect((loadIris as (o: object) => ReturnType<typeof loadIris>)({}).data.shape).toEqual([150, 4]);
    expect(call(loadDiabetes, { scaled: "yes" })).toThrow(/^loadDiabetes: option scaled: expected boolean/);
    expect(call(loadDiabetes, { scale: true })).toThrow(/^loadDiabetes: unknown option 'scale'; its options are scaled/);
    expect(call(loadDiabetes, {}, 1)).toThrow(/^loadDiabetes: takes at most 1 argument/);
  });
});

describe("makeLoaders over any text source", () => {
  it("asks the source for <name>.csv and checks what it returns", () => {
    const asked: string[] = [];
    const real = (file: string) => readFileSync(new URL(`../../../../datasets/${file}`, import.meta.url), "utf8");
    const { loadWine } = makeLoaders((file) => {
      asked.push(file);
      return real(file).replace("\n14.23,", "\n14.23x,");
    });
    expect(() => loadWine()).toThrow(CsvError);
    expect(() => loadWine()).toThrow(/^loadWine: wine\.csv, line 2, field "alcohol": expected a number, got "14.23x"/);
    expect(asked).toEqual(["wine.csv", "wine.csv"]);
  });
});
