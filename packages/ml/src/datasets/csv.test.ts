import { ValueError } from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CsvError, csvNumber, parseCsv, parseCsvSync } from "./csv.js";

const Iris = z.object({
  sepal_length: csvNumber(),
  sepal_width: csvNumber(),
  petal_length: csvNumber(),
  petal_width: csvNumber(),
  species: z.enum(["setosa", "versicolor", "virginica"]),
});
const HEAD = "sepal_length,sepal_width,petal_length,petal_width,species";
const GOOD = [HEAD, "5.1,3.5,1.4,0.2,setosa", "7,3.2,4.7,1.4,versicolor", "6.3,3.3,6,2.5,virginica"];

/** The CsvError thrown by f (fails the test if f does not throw one). */
function csvError(f: () => unknown): CsvError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CsvError);
    expect(e).toBeInstanceOf(ValueError);
    return e as CsvError;
  }
  throw new Error("expected a CsvError");
}

describe("parseCsvSync on good text", () => {
  const expected = [
    { sepal_length: 5.1, sepal_width: 3.5, petal_length: 1.4, petal_width: 0.2, species: "setosa" },
    { sepal_length: 7, sepal_width: 3.2, petal_length: 4.7, petal_width: 1.4, species: "versicolor" },
    { sepal_length: 6.3, sepal_width: 3.3, petal_length: 6, petal_width: 2.5, species: "virginica" },
  ];

  it("reads LF, CRLF, with and without a final line break, with a BOM", () => {
    for (const text of [GOOD.join("\n"), `${GOOD.join("\n")}\n`, GOOD.join("\r\n"), `${GOOD.join("\r\n")}\r\n`, `\uFEFF${GOOD.join("\n")}\n`, `\uFEFF${GOOD.join("\r\n")}\r\n`]) {
      expect(parseCsvSync(text, Iris)).toEqual(expected);
    }
  });

  it("skips truly empty lines at the end only", () => {
    expect(parseCsvSync(`${GOOD.join("\n")}\n\n\n`, Iris)).toEqual(expected);
    expect(parseCsvSync(`${GOOD.join("\r\n")}\r\n\r\n`, Iris)).toEqual(expected);
    // a trailing line of spaces is not empty: it is a row with too few fields
    const e = csvError(() => parseCsvSync(`${GOOD.join("\n")}\n  \n`, Iris));
    expect(e.line).toBe(5);
  });

  it("a header-only file gives no rows", () => {
    expect(parseCsvSync(HEAD, Iris)).toEqual([]);
    expect(parseCsvSync(`${HEAD}\r\n`, Iris)).toEqual([]);
  });

  it("keeps quoted commas, quotes and line breaks, and counts lines after them", () => {
    const S = z.object({ id: csvNumber(), note: z.string() });
    const text = 'id,note\n1,"a, b"\n2,"say ""hi"""\n3,"two\nlines"\n4,"three\r\nlines\nhere"\n5,x\n6,bad\n';
    expect(parseCsvSync(text.replace("6,bad\n", ""), S)).toEqual([
      { id: 1, note: "a, b" },
      { id: 2, note: 'say "hi"' },
      { id: 3, note: "two\nlines" },
      { id: 4, note: "three\r\nlines\nhere" },
      { id: 5, note: "x" },
    ]);
    // lines: header 1, rows 2, 3, 4-5, 6-8, 9, then "6,bad" at 10
    const e = csvError(() => parseCsvSync(text.replace("6,bad", "bad,6"), S));
    expect(e.line).toBe(10);
    expect(e.message).toBe('parseCsvSync: <string>, line 10, field "id": expected a number, got "bad"');
  });

  it("ignores columns a z.object does not list, rejects them with z.strictObject", () => {
    const text = "a,b,extra\n1,2,zz\n";
    expect(parseCsvSync(text, z.object({ a: csvNumber(), b: csvNumber() }))).toEqual([{ a: 1, b: 2 }]);
    const e = csvError(() => parseCsvSync(text, z.strictObject({ a: csvNumber(), b: csvNumber() })));
    expect([e.line, e.field, e.value]).toEqual([2, "extra", "zz"]);
  });

  it("a one-column file: an empty line between rows is an empty value", () => {
    expect(parseCsvSync("name\nx\n\ny\n\n", z.object({ name: z.string() }))).toEqual([{ name: "x" }, { name: "" }, { name: "y" }]);
    const e = csvError(() => parseCsvSync("v\n1\n\n2\n", z.object({ v: csvNumber() })));
    expect([e.line, e.field, e.value]).toEqual([3, "v", ""]);
  });

  it("header: false hands each row to the schema as string[]", () => {
    const S = z.tuple([csvNumber(), z.string()]);
    expect(parseCsvSync("1,a\r\n2,b\r\n", S, { header: false })).toEqual([[1, "a"], [2, "b"]]);
    expect(parseCsvSync("", S, { header: false })).toEqual([]);
    const e = csvError(() => parseCsvSync("1,a\n2,b\nc,d\n", S, { header: false }));
    expect([e.line, e.field, e.value]).toEqual([3, 0, "c"]);
    expect(e.message).toBe('parseCsvSync: <string>, line 3, field 0: expected a number, got "c"');
    const short = csvError(() => parseCsvSync("1,a\n2\n", S, { header: false }));
    expect([short.line, short.field]).toEqual([2, 1]);
  });
});

describe("parseCsvSync on malformed rows: CsvError with source, line, field, value", () => {
  const bad = (row: string, at = 3) => {
    const lines = GOOD.slice();
    lines.splice(at - 1, 0, row);
    return `${lines.join("\n")}\n`;
  };

  it("a value the schema rejects", () => {
    const lines = [HEAD, ...Array(5).fill("5.1,3.5,1.4,0.2,setosa"), "5.0,3.6,1.4,abc,setosa"];
    const e = csvError(() => parseCsvSync(lines.join("\n"), Iris, { name: "iris-bad.csv" }));
    expect(e.message).toBe('parseCsvSync: iris-bad.csv, line 7, field "petal_width": expected a number, got "abc"');
    expect([e.source, e.line, e.field, e.value, e.path]).toEqual(["iris-bad.csv", 7, "petal_width", "abc", null]);
    const label = csvError(() => parseCsvSync(bad("5,3,1,0.2,rose", 4), Iris));
    expect([label.line, label.field, label.value]).toEqual([4, "species", "rose"]);
    expect(label.message).toContain('expected one of "setosa"|"versicolor"|"virginica", got "rose"');
  });

  it("an empty numeric field: csvNumber rejects it, z.coerce.number would read 0", () => {
    const e = csvError(() => parseCsvSync(bad("5,,1,0.2,setosa"), Iris));
    expect([e.line, e.field, e.value]).toEqual([3, "sepal_width", ""]);
    expect(e.message).toContain('field "sepal_width": expected a number, got ""');
    // the documented trap
    expect(parseCsvSync("x\n\"\"\n", z.object({ x: z.coerce.number() }))).toEqual([{ x: 0 }]);
  });

  it("too few fields (papaparse's TooFewFields)", () => {
    const e = csvError(() => parseCsvSync(bad("5,3,1,0.2"), Iris));
    expect([e.line, e.field, e.value]).toEqual([3, "species", undefined]);
    expect(e.message).toBe('parseCsvSync: <string>, line 3, field "species": missing: the row has 4 fields, the header 5 (papaparse TooFewFields)');
  });

  it("too many fields (papaparse's TooManyFields)", () => {
    const e = csvError(() => parseCsvSync(bad("5,3,1,0.2,setosa,9", 2), Iris));
    expect([e.line, e.field, e.value]).toEqual([2, null, "9"]);
    expect(e.message).toContain("line 2: the row has 6 fields, the header 5; unexpected value \"9\"");
  });

  it("an empty line between rows", () => {
    const e = csvError(() => parseCsvSync(bad(""), Iris));
    expect([e.line, e.field]).toEqual([3, null]);
    expect(e.message).toContain("line 3: empty line between rows");
    const crlf = csvError(() => parseCsvSync(bad("").replace(/\n/g, "\r\n"), Iris));
    expect(crlf.line).toBe(3);
  });

  it("a header without a column the schema requires, a duplicate column, an empty file", () => {
    const missing = csvError(() => parseCsvSync("sepal_length,sepal_width,petal_length,species\n1,2,3,setosa\n", Iris));
    expect([missing.line, missing.field]).toEqual([1, "petal_width"]);
    expect(missing.message).toContain('line 1, field "petal_width": the header has no column "petal_width"');
    const dup = csvError(() => parseCsvSync("a,b,a\n1,2,3\n", z.object({ a: z.string() })));
    expect([dup.line, dup.field]).toEqual([1, "a"]);
    for (const empty of ["", "\uFEFF", "\n\n"]) {
      const e = csvError(() => parseCsvSync(empty, Iris));
      expect(e.line).toBe(1);
      expect(e.message).toMatch(/^parseCsvSync: <string>, line 1: (the file is empty|empty line where the header)/);
    }
  });

  it("an unterminated quote", () => {
    const e = csvError(() => parseCsvSync(bad('5,3,1,0.2,"setosa'), Iris));
    expect(e.line).toBe(3);
    expect(e.message).toContain("a quoted field is never closed (papaparse MissingQuotes)");
  });

  it("a column named __proto__ is an ordinary column", () => {
    const rows = parseCsvSync("__proto__,b\n1,2\n", z.object({ b: csvNumber() }).passthrough());
    expect(Object.getPrototypeOf(rows[0])).toBe(Object.prototype);
    expect(rows[0].b).toBe(2);
  });
});

describe("csvNumber", () => {
  it("reads what Number reads, rejects empty, NaN and infinite", () => {
    expect(["1", " 2.5 ", "-0", "1e3", "0.07871"].map((s) => csvNumber().parse(s))).toEqual([1, 2.5, -0, 1000, 0.07871]);
    for (const s of ["", "   ", "abc", "NaN", "Infinity", "1,5"]) expect(csvNumber().safeParse(s).success).toBe(false);
  });
});

describe("parseCsv (strings, Blobs, Files)", () => {
  it("reads a string and a Blob like parseCsvSync", async () => {
    const text = GOOD.join("\r\n");
    const want = parseCsvSync(text, Iris);
    await expect(parseCsv(text, Iris)).resolves.toEqual(want);
    await expect(parseCsv(new Blob([`\uFEFF${text}`]), Iris)).resolves.toEqual(want);
  });

  it("names the File, the Blob or the string in its messages", async () => {
    const text = `${HEAD}\n5,3,1,x,setosa\n`;
    const e1 = await parseCsv(new File([text], "iris-bad.csv"), Iris).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(CsvError);
    expect((e1 as CsvError).message).toBe('parseCsv: iris-bad.csv, line 2, field "petal_width": expected a number, got "x"');
    await expect(parseCsv(new Blob([text]), Iris)).rejects.toThrow(/^parseCsv: <Blob>, line 2/);
    await expect(parseCsv(text, Iris)).rejects.toThrow(/^parseCsv: <string>, line 2/);
    await expect(parseCsv(text, Iris, { name: "mine" })).rejects.toThrow(/^parseCsv: mine, line 2/);
  });
});

describe("bad arguments", () => {
  it("parseCsvSync: text, schema, options", () => {
    const call = (...a: unknown[]) => () => (parseCsvSync as (...b: unknown[]) => unknown)(...a);
    expect(call(42, Iris)).toThrow(new ValueError("parseCsvSync: text must be a string of CSV, got 42"));
    expect(call(Symbol("s"), Iris)).toThrow(ValueError);
    expect(call(new Blob(["a"]), Iris)).toThrow(/for a Blob or File use await parseCsv/);
    expect(call("a\n1", { a: "number" })).toThrow(/^parseCsvSync: schema must be a zod schema/);
    expect(call("a\n1", (x: unknown) => x)).toThrow(/^parseCsvSync: schema must be a zod schema .*got a function$/);
    expect(call("a\n1", undefined)).toThrow(ValueError);
    expect(call("a\n1", Iris, { delimiter: ";" })).toThrow(/^parseCsvSync: unknown option 'delimiter'; its options are name, header/);
    expect(call("a\n1", Iris, { header: "yes" })).toThrow(/^parseCsvSync: option header: expected boolean.*got "yes"/);
    expect(call("a\n1", Iris, "name")).toThrow(/^parseCsvSync: options must be an object/);
  });

  it("parseCsv rejects with ValueError naming parseCsv", async () => {
    const call = (...a: unknown[]) => (parseCsv as (...b: unknown[]) => Promise<unknown>)(...a);
    await expect(call(42, Iris)).rejects.toThrow(new ValueError("parseCsv: source must be a string of CSV text or a Blob/File, got 42"));
    await expect(call(Symbol("s"), Iris)).rejects.toThrow(ValueError);
    await expect(call("a\n1", z)).rejects.toThrow(/^parseCsv: schema must be a zod schema/);
    await expect(call("a\n1", Iris, { skipEmptyLines: true })).rejects.toThrow(/^parseCsv: unknown option 'skipEmptyLines'/);
  });
});
