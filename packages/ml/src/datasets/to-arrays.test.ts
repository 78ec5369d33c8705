import { ValueError } from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { csvNumber, parseCsvSync } from "./csv.js";
import { toArrays } from "./to-arrays.js";

const text = "a,b,label,y\n1,2,x,0.5\n3,4,y,1.5\n5,6,x,2.5\n";
const rows = parseCsvSync(text, z.object({ a: csvNumber(), b: csvNumber(), label: z.enum(["x", "y"]).transform((s) => (s === "x" ? 0 : 1)), y: csvNumber() }));

describe("toArrays", () => {
  it("X (n, p) float64 in the order of features, y (n,) float64", () => {
    const { X, y } = toArrays(rows, { features: ["b", "a", "label"], target: "y" });
    expect(X.shape).toEqual([3, 3]);
    expect(X.dtype).toBe("float64");
    expect(X.toArray()).toEqual([[2, 1, 0], [4, 3, 1], [6, 5, 0]]);
    expect(y.dtype).toBe("float64");
    expect(y.toArray()).toEqual([0.5, 1.5, 2.5]);
    const only = toArrays(rows, { features: ["a"] });
    expect(only.X.shape).toEqual([3, 1]);
    expect("y" in only).toBe(false);
  });

  it("no rows: X (0, p)", () => {
    expect(toArrays([], { features: ["a", "b"], target: "y" }).X.shape).toEqual([0, 2]);
  });

  it("does not modify the rows", () => {
    const copy = JSON.parse(JSON.stringify(rows));
    toArrays(rows, { features: ["a", "b"], target: "y" });
    expect(rows).toEqual(copy);
  });

  it("a string or missing value throws, naming the row and key", () => {
    const raw = parseCsvSync(text, z.object({ a: csvNumber(), label: z.string() }));
    expect(() => toArrays(raw, { features: ["a", "label"] })).toThrow(/^toArrays: row 0, "label": expected a number, got "x" \(convert it in the schema/);
    expect(() => toArrays(raw, { features: ["a", "nope"] })).toThrow(new ValueError('toArrays: row 0, "nope": expected a number, got no such key'));
    expect(() => toArrays(raw, { features: ["a"], target: "label" })).toThrow(/^toArrays: row 0, "label"/);
  });

  it("bad arguments", () => {
    const call = (...a: unknown[]) => () => (toArrays as (...b: unknown[]) => unknown)(...a);
    expect(call("rows", { features: ["a"] })).toThrow(/^toArrays: rows must be an array of records/);
    expect(call(rows, { features: [] })).toThrow(/^toArrays: option features/);
    expect(call(rows, { features: ["a"], targets: "y" })).toThrow(/^toArrays: unknown option 'targets'; its options are features, target/);
    expect(call(rows, undefined)).toThrow(/^toArrays: option features/);
    expect(call([1, 2], { features: ["a"] })).toThrow(/^toArrays: row 0 must be an object, got 1/);
  });
});
