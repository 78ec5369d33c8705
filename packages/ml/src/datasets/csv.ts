/**
 * Reading CSV text into checked records (browser-safe): papaparse splits, a zod schema
 * converts and validates each row, and a malformed row throws `CsvError` naming the source,
 * the line, the field and the value. The file format and the error rules: csv-rows.ts.
 *
 *   const Row = z.object({ sepal_length: csvNumber(), species: z.enum(["setosa", "versicolor", "virginica"]) });
 *   const rows = parseCsvSync(text, Row);            // [{ sepal_length: 5.1, species: "setosa" }, …]
 *   const rows2 = await parseCsv(file, Row);          // a browser File (or any Blob); the message names file.name
 *
 * Fields reach the schema as strings, so the schema converts them:
 *   csvNumber()          "5.1" → 5.1; rejects "", "  ", "abc", "NaN", "Infinity" (our choice for numbers)
 *   z.coerce.number()    Number(s): also accepts "" and "  " as 0, silently; prefer csvNumber()
 *   z.preprocess(Number, z.number())   the same as z.coerce.number() for strings
 *   z.enum([...])        a label from a fixed set; `.transform(...)` maps it to a code
 * Returns the records in file order (what the schema outputs), every row or an error.
 * Notes: `parseCsv` of a Blob reads it whole (`blob.text()`); on Node, `readCsv` from
 * `@sliderule/ml/node` streams a file from disk instead. Schemas must be synchronous.
 * Reference: RFC 4180; papaparse (https://www.papaparse.com/docs); zod (https://zod.dev).
 */
import { ValueError } from "@sliderule/ndarray";
import Papa from "papaparse";
import { z } from "zod";
import { show } from "../base.js";
import { checkCsvArgs, CsvRowReader, detectNewline, stripBom, type CsvOptions, type RowSchema } from "./csv-rows.js";

export { CsvError } from "./csv-rows.js";
export type { CsvOptions } from "./csv-rows.js";

/**
 * A zod schema for a numeric CSV field: the string as a finite number (`Number(s)`, so
 * "1e3", " 2.5 " and "-0" are numbers), rejecting an empty field, "abc", "NaN" and
 * "Infinity" with `expected a number`. Unlike `z.coerce.number()`, "" is never 0.
 * @example csvNumber().parse("5.1") === 5.1
 */
export function csvNumber() {
  return z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v), z.number());
}

/**
 * The rows of CSV `text`, checked: the shared body of parseCsvSync, parseCsv and the loaders
 * (`fn` names the caller in messages).
 */
export function parseCsvText<Row>(fn: string, text: string, schema: RowSchema<Row>, source: string, header: boolean): Row[] {
  const reader = new CsvRowReader<Row>(fn, source, null, schema, header);
  const body = stripBom(text);
  let failure: unknown = null;
  Papa.parse<string[]>(body, {
    delimiter: ",",
    newline: detectNewline(body),
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    step(result, parser) {
      if (failure !== null) return;
      try {
        reader.push(result.data, result.meta.cursor, result.errors);
      } catch (e) {
        failure = e;
        parser.abort();
      }
    },
  });
  if (failure !== null) throw failure;
  return reader.finish();
}

/**
 * Parse CSV text synchronously (papaparse parses a string in one pass), validating each row.
 *
 * @param text    the CSV text (header row first; LF or CRLF; a leading BOM is dropped)
 * @param schema  a zod schema for one row: `z.object({ column: csvNumber(), … })` (with
 *                `header: false`, a `z.tuple([...])` or `z.array(...)` of the row's strings)
 * @param options `name` (for messages; default "<string>"), `header` (default true)
 * @returns the schema's output for every row, in file order
 * @throws CsvError (a ValueError) at the first malformed row: `parseCsvSync: <string>, line 3, field "x": expected a number, got "abc"`
 * @throws ValueError for a non-string text, a schema that is not zod's, an unknown option
 */
export function parseCsvSync<Row>(text: string, schema: z.ZodType<Row>, options?: CsvOptions): Row[] {
  const fn = "parseCsvSync";
  if (typeof text !== "string") throw new ValueError(`${fn}: text must be a string of CSV, got ${show(text)}${typeof Blob !== "undefined" && (text as unknown) instanceof Blob ? " (for a Blob or File use await parseCsv(blob, schema))" : ""}`);
  const o = checkCsvArgs(fn, schema, options);
  return parseCsvText(fn, text, schema, o.name ?? "<string>", o.header);
}

/**
 * Parse CSV from a string or a Blob (a browser File, a fetch response's blob), validating
 * each row. Same format, schema and errors as parseCsvSync; the messages start "parseCsv:".
 *
 * @param source  the CSV text, or a Blob/File (read whole with `blob.text()`)
 * @param schema  a zod schema for one row
 * @param options `name` (default: the File's name, "<Blob>" or "<string>"), `header` (default true)
 * @returns a promise of the rows, in file order
 * @throws (rejects with) CsvError at the first malformed row; ValueError for bad arguments
 */
export async function parseCsv<Row>(source: string | Blob, schema: z.ZodType<Row>, options?: CsvOptions): Promise<Row[]> {
  const fn = "parseCsv";
  const isBlob = typeof Blob !== "undefined" && (source as unknown) instanceof Blob;
  if (typeof source !== "string" && !isBlob) throw new ValueError(`${fn}: source must be a string of CSV text or a Blob/File, got ${show(source)}`);
  const o = checkCsvArgs(fn, schema, options);
  if (typeof source === "string") return parseCsvText(fn, source, schema, o.name ?? "<string>", o.header);
  const fileName = (source as Blob & { name?: unknown }).name;
  const name = o.name ?? (typeof fileName === "string" && fileName !== "" ? fileName : "<Blob>");
  return parseCsvText(fn, await source.text(), schema, name, o.header);
}
