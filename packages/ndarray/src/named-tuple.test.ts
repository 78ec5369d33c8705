import { describe, expect, it } from "vitest";
import { ValueError } from "./errors.js";
import * as np from "./index.js";
import { namedTuple } from "./named-tuple.js";

describe("namedTuple", () => {
  it("reads by name, by destructuring and by index, in NumPy's order, with the length of the tuple", () => {
    const r = namedTuple({ x: 1, s: "two", a: [3] }, ["x", "s", "a"]);
    expect(r.x).toBe(1);
    const [x, s, a] = r;
    expect([x, s, a]).toEqual([1, "two", [3]]);
    expect([r[0], r[1], r[2]]).toEqual([1, "two", [3]]);
    expect(r.length).toBe(3);
    expect(Array.from(r)).toEqual([1, "two", [3]]);
    // typed per position: these assignments type-check only with the order as a type
    const n: number = r[0];
    const t: string = r[1];
    expect([n, t]).toEqual([1, "two"]);
  });

  it("prints, spreads and serialises as its named fields only", () => {
    const r = namedTuple({ values: 1, counts: 2 }, ["values", "counts"]);
    expect(Object.keys(r)).toEqual(["values", "counts"]);
    expect({ ...r }).toEqual({ values: 1, counts: 2 });
    expect(JSON.stringify(r)).toBe('{"values":1,"counts":2}');
  });

  it("an index follows its field", () => {
    const r = namedTuple({ a: 1, b: 2 }, ["b", "a"]);
    r.b = 5;
    expect(r[0]).toBe(5);
    expect(r[2]).toBeUndefined(); // past the end, as a tuple
  });

  it("NumPy's np.unique(a, return_counts=True)[1] habit", () => {
    const u = np.unique([3, 1, 3, 2], { returnCounts: true });
    expect(u[0]).toBe(u.values);
    expect(u[1]).toBe(u.counts);
    expect(Array.from((u[1] as np.NDArray).toTypedArray())).toEqual([1, 1, 2]); // np.unique([3, 1, 3, 2], return_counts=True)[1]
  });

  it("rejects an order that names something other than its own fields", () => {
    expect(() => namedTuple({ a: 1 }, ["b" as "a"])).toThrow(ValueError);
  });
});
