import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ValueError } from "@sliderule/ndarray";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { CsvError, csvNumber, parseCsvSync } from "./csv.js";
import { readCsv } from "./read-csv-node.js";
import * as mlNode from "../node.js";

const dir = mkdtempSync(join(tmpdir(), "sliderule-read-csv-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const Iris = z.object({
  sepal_length: csvNumber(),
  sepal_width: csvNumber(),
  petal_length: csvNumber(),
  petal_width: csvNumber(),
  species: z.enum(["setosa", "versicolor", "virginica"]),
});
const LINES = ["sepal_length,sepal_width,petal_length,petal_width,species", "5.1,3.5,1.4,0.2,setosa", "7,3.2,4.7,1.4,versicolor", "6.3,3.3,6,2.5,virginica"];
const irisCsv = new URL("../../../../datasets/iris.csv", import.meta.url);

async function csvError(p: Promise<unknown>): Promise<CsvError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(CsvError);
  expect(e).toBeInstanceOf(ValueError);
  return e as CsvError;
}

describe("readCsv on good files", () => {
  it("reads the repository's iris.csv (150 rows) from a path and from a file URL", async () => {
    const rows = await readCsv(irisCsv, Iris);
    expect(rows.length).toBe(150);
    expect(rows[0]).toEqual({ sepal_length: 5.1, sepal_width: 3.5, petal_length: 1.4, petal_width: 0.2, species: "setosa" });
    expect(rows[149]).toEqual({ sepal_length: 5.9, sepal_width: 3, petal_length: 5.1, petal_width: 1.8, species: "virginica" });
    await expect(readCsv(irisCsv.pathname, Iris)).resolves.toEqual(rows);
  });

  it("LF, CRLF, BOM, trailing empty lines: the same rows as parseCsvSync", async () => {
    const want = parseCsvSync(LINES.join("\n"), Iris);
    expect(want.length).toBe(3);
    for (const [i, text] of [LINES.join("\n"), `${LINES.join("\n")}\n`, `${LINES.join("\r\n")}\r\n`, `\uFEFF${LINES.join("\r\n")}\r\n\r\n`, `\uFEFF${LINES.join("\n")}\n\n\n`].entries()) {
      await expect(readCsv(file(`good-${i}.csv`, text), Iris)).resolves.toEqual(want);
    }
  });

  it("a header-only file gives no rows; an empty file is an error at line 1", async () => {
    await expect(readCsv(file("header.csv", `${LINES[0]}\r\n`), Iris)).resolves.toEqual([]);
    const e = await csvError(readCsv(file("empty.csv", ""), Iris));
    expect(e.message).toBe("readCsv: empty.csv, line 1: the file is empty; expected a header row of column names");
  });
});

describe("readCsv on malformed rows", () => {
  const bad = (name: string, row: string, at: number, eol = "\n") => {
    const lines = LINES.slice();
    lines.splice(at - 1, 0, row);
    return file(name, `${lines.join(eol)}${eol}`);
  };

  it("names the file, the line, the field and the value", async () => {
    const rows = [LINES[0], ...Array(5).fill(LINES[1]), "5.0,3.6,1.4,abc,setosa", LINES[2]];
    const path = file("iris-bad.csv", rows.join("\n"));
    const e = await csvError(readCsv(path, Iris));
    expect(e.message).toBe('readCsv: iris-bad.csv, line 7, field "petal_width": expected a number, got "abc"');
    expect([e.source, e.path, e.line, e.field, e.value]).toEqual(["iris-bad.csv", path, 7, "petal_width", "abc"]);
  });

  it("each kind of malformed row, LF and CRLF", async () => {
    for (const eol of ["\n", "\r\n"]) {
      const few = await csvError(readCsv(bad("few.csv", "5,3,1,0.2", 3, eol), Iris));
      expect([few.line, few.field]).toEqual([3, "species"]);
      expect(few.message).toContain("readCsv: few.csv, line 3, field \"species\": missing: the row has 4 fields, the header 5");
      const many = await csvError(readCsv(bad("many.csv", "5,3,1,0.2,setosa,1", 4, eol), Iris));
      expect([many.line, many.field, many.value]).toEqual([4, null, "1"]);
      const label = await csvError(readCsv(bad("label.csv", "5,3,1,0.2,rose", 2, eol), Iris));
      expect([label.line, label.field, label.value]).toEqual([2, "species", "rose"]);
      const empty = await csvError(readCsv(bad("gap.csv", "", 3, eol), Iris));
      expect(empty.line).toBe(3);
      expect(empty.message).toContain("empty line between rows");
      const quote = await csvError(readCsv(bad("quote.csv", '5,3,1,0.2,"setosa', 5, eol), Iris));
      expect(quote.line).toBe(5);
      expect(quote.message).toContain("MissingQuotes");
    }
    const header = await csvError(readCsv(file("nohead.csv", "a,b\n1,2\n"), Iris));
    expect([header.line, header.field]).toEqual([1, "sepal_length"]);
  });

  it("counts lines across quoted line breaks", async () => {
    const S = z.object({ id: csvNumber(), note: z.string() });
    const e = await csvError(readCsv(file("notes.csv", 'id,note\r\n1,"a\r\nb"\r\n2,"c\nd\ne"\r\nx,y\r\n'), S));
    expect([e.line, e.field, e.value]).toEqual([7, "id", "x"]);
  });
});

describe("readCsv streams a large file", () => {
  it("200,000 rows (LF and CRLF, non-ASCII labels across chunk boundaries) in order", async () => {
    const n = 200_000;
    const labels = ["café", "naïve", "Ωmega"];
    const parts: string[] = ["i,x,y,label"];
    for (let i = 0; i < n; i++) parts.push(`${i},${(i * 0.5).toString()},${-i},${labels[i % 3]}`);
    const S = z.object({ i: csvNumber(), x: csvNumber(), y: csvNumber(), label: z.enum(["café", "naïve", "Ωmega"]) });
    for (const eol of ["\n", "\r\n"]) {
      const path = file(`big${eol.length}.csv`, `\uFEFF${parts.join(eol)}${eol}`);
      const rows = await readCsv(path, S);
      expect(rows.length).toBe(n);
      let ok = true;
      for (let i = 0; i < n; i += 997) ok &&= rows[i].i === i && rows[i].x === i * 0.5 && rows[i].y === -i && rows[i].label === labels[i % 3];
      expect(ok).toBe(true);
      expect(rows[n - 1]).toEqual({ i: n - 1, x: (n - 1) * 0.5, y: -(n - 1), label: labels[(n - 1) % 3] });
    }
    // an error near the end still has the right line (row i is on line i + 2)
    const k = 187_654;
    parts[k + 1] = `${k},oops,0,café`;
    const e = await csvError(readCsv(file("big-bad.csv", parts.join("\n")), S));
    expect([e.line, e.field, e.value]).toEqual([k + 2, "x", "oops"]);
  });
});

describe("readCsv: bad arguments and missing files", () => {
  const call = (...a: unknown[]) => (readCsv as (...b: unknown[]) => Promise<unknown>)(...a);

  it("throws ValueError naming readCsv", async () => {
    await expect(call(42, Iris)).rejects.toThrow(new ValueError("readCsv: path must be a file path (a non-empty string) or a file: URL, got 42"));
    await expect(call("", Iris)).rejects.toThrow(ValueError);
    await expect(call(Symbol("p"), Iris)).rejects.toThrow(ValueError);
    await expect(call(new URL("https://example.com/x.csv"), Iris)).rejects.toThrow(/^readCsv: path must be .*got the URL "https:\/\/example.com\/x.csv"/);
    await expect(call(irisCsv, { parse: () => 1 })).rejects.toThrow(/^readCsv: schema must be a zod schema/);
    await expect(call(irisCsv, Iris, { encoding: "latin1" })).rejects.toThrow(/^readCsv: unknown option 'encoding'/);
    await expect(call(irisCsv, Iris, { name: 3 })).rejects.toThrow(/^readCsv: option name/);
  });

  it("a missing file: the file system's error, prefixed", async () => {
    const e = await call(join(dir, "nope.csv"), Iris).catch((err: unknown) => err);
    expect((e as NodeJS.ErrnoException).code).toBe("ENOENT");
    expect((e as Error).message).toMatch(/^readCsv: ENOENT/);
  });

  it("is exported by @sliderule/ml/node with CsvError and parseCsv", () => {
    expect(mlNode.readCsv).toBe(readCsv);
    expect(mlNode.CsvError).toBe(CsvError);
    expect(typeof mlNode.parseCsv).toBe("function");
  });
});

describe("the options name and header", () => {
  it("name replaces the base name; header: false gives string[] rows", async () => {
    const path = file("plain.csv", "1,a\r\n2,b\r\nz,c\r\n");
    const e = await csvError(readCsv(path, z.tuple([csvNumber(), z.string()]), { header: false, name: "my data" }));
    expect(e.message).toBe('readCsv: my data, line 3, field 0: expected a number, got "z"');
    await expect(readCsv(file("plain2.csv", "1,a\n2,b\n"), z.tuple([csvNumber(), z.string()]), { header: false })).resolves.toEqual([[1, "a"], [2, "b"]]);
  });
});

// keep the pathToFileURL import honest: a URL made from a path reads the same file
it("a URL from pathToFileURL", async () => {
  const path = file("url.csv", LINES.join("\n"));
  await expect(readCsv(pathToFileURL(path), Iris)).resolves.toHaveLength(3);
});
