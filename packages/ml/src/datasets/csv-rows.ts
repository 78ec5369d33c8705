/**
 * The checked reading of CSV rows, shared by `parseCsv`, `parseCsvSync` (csv.ts) and the
 * Node-only `readCsv` (read-csv-node.ts): papaparse splits the text into rows of strings, and
 * `CsvRowReader` takes them one at a time and turns each into a record the zod schema accepts.
 *
 * Format (RFC 4180, comma-separated): the first row is the header (column names, unique);
 * every other row has exactly as many fields as the header. Fields are strings: the schema
 * converts them (`csvNumber()`, `z.coerce.number()`, `z.enum([...])`). Line breaks are LF or
 * CRLF (detected from the first line break of the file, as papaparse guesses them), a leading
 * byte-order mark is dropped, quoted fields may hold commas, quotes ("") and line breaks.
 *
 * What becomes an error (a `CsvError` naming the source, the 1-based line of the file where
 * the row starts, header = line 1, the field and the value):
 *   - a row with fewer or more fields than the header (papaparse's TooFewFields/TooManyFields),
 *   - a value the schema rejects (`expected a number, got "abc"`),
 *   - a column the schema requires that the header lacks (reported at line 1),
 *   - a duplicate column name, an unterminated or misplaced quote,
 *   - an empty line between rows (in a file of two or more columns),
 *   - an empty file (no header row) when `header` is true.
 * Only empty lines at the very end of the file are skipped: no row is ever dropped silently.
 *
 * Line numbers: a row starts one line after the previous row's start, plus the line breaks
 * inside its quoted fields (a field "a\nb" spans two lines of the file).
 * Reference: RFC 4180, "Common Format and MIME Type for Comma-Separated Values (CSV) Files";
 * papaparse's documentation (https://www.papaparse.com/docs), `step` and `meta.cursor`.
 */
import { ValueError } from "@sliderule/ndarray";
import type { ParseError } from "papaparse";
import { z } from "zod";
import { parseOptions, show } from "../base.js";

/**
 * A malformed CSV row: thrown by parseCsv, parseCsvSync, readCsv and the data set loaders.
 *
 *   readCsv: iris-bad.csv, line 7, field "petal_width": expected a number, got "abc"
 *
 * `source`: the name the message uses (the file's base name, a File's name, `options.name`,
 * or "<string>"); `path`: the file's path when read from disk (readCsv), else null;
 * `line`: the 1-based line of the file where the row starts (the header is line 1);
 * `field`: the column's name (its 0-based index with `header: false`), or null when the
 * problem is not one field's (an extra field beyond the header, a quote, an empty line);
 * `value`: the offending string as read, or undefined.
 */
export class CsvError extends ValueError {
  readonly source: string;
  readonly path: string | null;
  readonly line: number;
  readonly field: string | number | null;
  readonly value: string | undefined;

  constructor(fn: string, at: { source: string; path?: string | null; line: number; field?: string | number | null; value?: string }, problem: string) {
    const where = `${at.source}, line ${at.line}${at.field === undefined || at.field === null ? "" : `, field ${typeof at.field === "number" ? at.field : JSON.stringify(at.field)}`}`;
    super(`${fn}: ${where}: ${problem}`);
    this.source = at.source;
    this.path = at.path ?? null;
    this.line = at.line;
    this.field = at.field ?? null;
    this.value = at.value;
  }
}

/** The options every CSV reader takes. */
export interface CsvOptions {
  /** The name error messages give the source (default: the file's base name, a File's name, or "<string>"). */
  name?: string;
  /** Whether the first row is a header of column names (default true). With false, each row reaches the schema as a `string[]` (use `z.tuple` or `z.array`), and all rows must have the first row's length. */
  header?: boolean;
}

const OPTIONS = z.object({ name: z.string().min(1).optional(), header: z.boolean().optional() });

/** A zod schema: anything with a synchronous `safeParse` (zod 3 or 4, classic API). */
export type RowSchema<Row> = z.ZodType<Row>;

/**
 * The argument checks of a CSV reader: `schema` must be a zod schema, `options` a
 * `{ name?, header? }` object. Returns the options with defaults filled in.
 * @throws ValueError `parseCsv: schema must be a zod schema (z.object({...})), got …`
 */
export function checkCsvArgs(fn: string, schema: unknown, options: unknown): { name: string | undefined; header: boolean } {
  // a zod schema: zod 4's `_zod` (or zod 3's `_def`) and a `safeParse` method (the `z` namespace itself has safeParse too)
  const isZod = schema instanceof z.ZodType || (schema !== null && typeof schema === "object" && ("_zod" in schema || "_def" in schema) && typeof (schema as { safeParse?: unknown }).safeParse === "function");
  if (!isZod) {
    throw new ValueError(`${fn}: schema must be a zod schema (for example z.object({ x: csvNumber() })), got ${typeof schema === "function" ? "a function" : show(schema)}`);
  }
  const o = parseOptions(fn, OPTIONS, options);
  return { name: o.name, header: o.header ?? true };
}

/**
 * The line break of a file from its beginning: "\r\n" when the first "\n" follows a "\r",
 * "\r" when there is no "\n" but a "\r", else "\n". (papaparse's own guess looks only at the
 * first chunk of a stream and falls back to "\n"; we decide once and tell it.)
 */
export function detectNewline(head: string): "\n" | "\r\n" | "\r" {
  const lf = head.indexOf("\n");
  if (lf > 0 && head.charCodeAt(lf - 1) === 13) return "\r\n";
  if (lf < 0 && head.includes("\r")) return "\r";
  return "\n";
}

/** Drop a leading UTF-8 byte-order mark (U+FEFF). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The line breaks inside a field's value ("\r\n" counts once). */
function lineBreaks(s: string): number {
  if (s.indexOf("\n") < 0 && s.indexOf("\r") < 0) return 0;
  let k = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) k++;
    else if (c === 13 && s.charCodeAt(i + 1) !== 10) k++;
  }
  return k;
}

/** A zod issue as "expected a number" (the value itself is shown by the caller). */
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type") {
    const expected = String(issue.expected);
    return `expected ${/^[aeiou]/.test(expected) ? "an" : "a"} ${expected}`;
  }
  return issue.message.replace(/^Invalid input: /, "");
}

/** Column names the schema needs but cannot do without (keys of a z.object that reject undefined). */
function requiredKeys(schema: unknown): string[] {
  if (!(schema instanceof z.ZodObject)) return [];
  const shape = schema.shape as Record<string, z.ZodType>;
  return Object.keys(shape).filter((k) => !shape[k].safeParse(undefined).success);
}

/**
 * Feeds on papaparse's rows (`push` for each, then `finish`) and collects the records.
 * Throws CsvError at the first malformed row.
 */
export class CsvRowReader<Row> {
  /** The records so far, in file order. */
  readonly rows: Row[] = [];
  /** The header's column names (null before the header, or with header: false). */
  columns: string[] | null = null;
  private readonly at: { source: string; path: string | null };
  /** The line where the next row starts. */
  private line = 1;
  private cursor = 0;
  /** Expected fields per row (-1 until known). */
  private width = -1;
  private readonly keepProto: boolean[] = [];
  /** Lines that were empty, not yet known to be trailing ones. */
  private readonly emptyLines: number[] = [];

  constructor(
    private readonly fn: string,
    source: string,
    path: string | null,
    private readonly schema: RowSchema<Row>,
    private readonly header: boolean,
  ) {
    this.at = { source, path };
  }

  private error(line: number, field: string | number | null, value: string | undefined, problem: string): CsvError {
    return new CsvError(this.fn, { ...this.at, line, field, value }, problem);
  }

  /**
   * One row from papaparse's `step`: its fields, `meta.cursor` (the offset in the text just
   * past the row) and the row's parse errors.
   */
  push(fields: string[], cursor: number, errors: readonly ParseError[]): void {
    const consumed = cursor - this.cursor;
    this.cursor = cursor;
    const line = this.line;
    let breaks = 1;
    for (let j = 0; j < fields.length; j++) breaks += lineBreaks(fields[j]);
    this.line += breaks;
    if (errors.length > 0) {
      const e = errors[0];
      const what = e.code === "MissingQuotes" ? "a quoted field is never closed" : e.code === "InvalidQuotes" ? "a quote inside an unquoted field or after a closing quote" : e.message;
      throw this.error(line, null, undefined, `${what} (papaparse ${e.code})`);
    }
    // A truly empty line: one empty field and nothing consumed but the line break (quoted ""
    // consumes at least two characters more). Held back until we know whether rows follow.
    if (fields.length === 1 && fields[0] === "" && consumed <= 2) {
      this.emptyLines.push(line);
      return;
    }
    this.flushEmptyLines();
    this.take(fields, line);
  }

  /** Empty lines followed by a row are part of the data: an error unless the file has one column. */
  private flushEmptyLines(): void {
    for (const line of this.emptyLines) {
      if (this.width === 1) this.take([""], line);
      else if (this.width < 0) throw this.error(line, null, undefined, "empty line where the header row (or first row) should be");
      else throw this.error(line, null, undefined, `empty line between rows (each row needs ${this.width} fields); remove it`);
    }
    this.emptyLines.length = 0;
  }

  private take(fields: string[], line: number): void {
    if (this.width < 0) {
      this.width = fields.length;
      if (this.header) {
        this.readHeader(fields);
        return;
      }
    }
    const n = this.width;
    if (fields.length !== n) {
      const head = this.header ? "the header" : "the first row";
      if (fields.length < n) {
        const field = this.columns ? this.columns[fields.length] : fields.length;
        throw this.error(line, field, undefined, `missing: the row has ${fields.length} field${fields.length === 1 ? "" : "s"}, ${head} ${n} (papaparse TooFewFields)`);
      }
      throw this.error(line, this.header ? null : n, fields[n], `the row has ${fields.length} fields, ${head} ${n}; unexpected value ${show(fields[n])} (papaparse TooManyFields)`);
    }
    let record: unknown = fields;
    if (this.columns) {
      const r: Record<string, string> = {};
      const cols = this.columns;
      for (let j = 0; j < n; j++) {
        // a column named "__proto__" must become an own property, not the prototype
        if (this.keepProto[j]) Object.defineProperty(r, cols[j], { value: fields[j], enumerable: true, writable: true, configurable: true });
        else r[cols[j]] = fields[j];
      }
      record = r;
    }
    const result = this.schema.safeParse(record);
    if (result.success) {
      this.rows.push(result.data);
      return;
    }
    const issue = result.error.issues[0];
    let key: PropertyKey | undefined = issue.path[0];
    if (issue.code === "unrecognized_keys" && issue.path.length === 0) {
      key = issue.keys[0];
      const j = this.columns ? this.columns.indexOf(String(key)) : -1;
      throw this.error(line, String(key), j >= 0 ? fields[j] : undefined, `a column the schema does not allow (its z.strictObject has no key ${show(String(key))})`);
    }
    if (key === undefined) throw this.error(line, null, undefined, `${describeIssue(issue)} (the row: ${show(fields)})`);
    const j = this.columns ? this.columns.indexOf(String(key)) : Number(key);
    const field = this.columns ? String(key) : j;
    const value = j >= 0 && j < fields.length ? fields[j] : undefined;
    throw this.error(line, field, value, `${describeIssue(issue)}, got ${value === undefined ? "no such column" : show(value)}`);
  }

  private readHeader(fields: string[]): void {
    const seen = new Set<string>();
    for (const name of fields) {
      if (seen.has(name)) throw this.error(1, name, name, "duplicate column name in the header");
      seen.add(name);
      this.keepProto.push(name === "__proto__");
    }
    for (const key of requiredKeys(this.schema)) {
      if (!seen.has(key)) throw this.error(1, key, undefined, `the header has no column ${show(key)}, which the schema requires (columns: ${fields.join(", ")})`);
    }
    this.columns = fields;
  }

  /** The end of the input: trailing empty lines are dropped. Returns the records. */
  finish(): Row[] {
    this.emptyLines.length = 0;
    if (this.header && this.columns === null) throw this.error(1, null, undefined, "the file is empty; expected a header row of column names");
    return this.rows;
  }
}

