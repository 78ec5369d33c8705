/**
 * The page's input as one table: a shipped data set or a user's CSV file, turned into numeric
 * columns (the features, row-major float64) and an optional label column (the classes).
 *
 *   tableFromDataset("iris")                   loadIris() as a table: 4 numeric columns, label "species"
 *   await tableFromCsv(text, "mine.csv")        a user's file, parsed with parseCsv and a zod schema
 *
 * A user's CSV: a header row of column names, then one sample per row. A column is numeric
 * when most of its non-empty values are numbers (`Number(s)` finite); the other columns are
 * text. The label is the column the caller marks (`label: "<column>"`), or by default the last
 * text column; `label: null` means no label. Numeric columns that are not the label are the
 * features; text columns that are not the label are listed in `ignored` (shown on the page).
 *
 * Parsing: papaparse reads the header row (the column order), then two passes of parseCsv
 * (@sliderule/ml/datasets) over the text:
 *   1. every row as strings (`z.record(z.string(), z.string())`): the column counts, the
 *      quotes and the header's names are checked, and the columns classified;
 *   2. the typed rows: a zod object built from the header, `csvNumber()` for a numeric column
 *      (z.coerce.number()'s conversion, but "" or "abc" is an error, never 0 or NaN),
 *      `z.string()` for a text column.
 * A malformed file throws CsvError, whose message names the file, the line and the field:
 * `parseCsv: mine.csv, line 4, field "sepal_width": expected a number, got "abc"`. No row is
 * dropped. Reference: RFC 4180; scikit-learn's Bunch (`data`, `target`, `feature_names`).
 */
import * as np from "@sliderule/ndarray";
import { ValueError, type NDArray } from "@sliderule/ndarray";
import {
  DATASETS,
  csvNumber,
  loadBreastCancer,
  loadDiabetes,
  loadDigits,
  loadIris,
  loadWine,
  parseCsv,
  type Dataset,
  type DatasetName,
} from "@sliderule/ml/datasets";
import Papa from "papaparse";
import { z } from "zod";

/** The class of each row: `classes[codes[i]]` is row i's label. */
export interface Label {
  /** The label column's name. */
  column: string;
  /** The distinct labels, in order of first appearance (a data set's targetNames). */
  classes: string[];
  /** (n,) the index into `classes` of each row. */
  codes: Int32Array;
}

/** A data set as the page uses it. */
export interface Table {
  /** The data set's name ("iris") or the file's name. */
  source: string;
  /** Number of rows (samples). */
  n: number;
  /** Every column, in file order (features, label, target, ignored). */
  header: string[];
  /** The numeric columns, in file order. */
  columns: string[];
  /** (n, columns.length) row-major: data[i·p + j] is row i of columns[j]. */
  data: Float64Array;
  /** The class labels, or null. */
  label: Label | null;
  /** A numeric column that is a regression target, not a feature (diabetes' "progression"); null for a user's file. */
  targetColumn: string | null;
  /** Text columns that are neither numeric nor the label (not used). */
  ignored: string[];
}

/** The shipped data sets, in the order the page lists them. */
export const DATASET_NAMES: readonly DatasetName[] = ["iris", "wine", "breast_cancer", "digits", "diabetes"];

const LOADERS: Record<DatasetName, () => Dataset> = {
  iris: loadIris,
  wine: loadWine,
  breast_cancer: loadBreastCancer,
  digits: loadDigits,
  diabetes: loadDiabetes,
};

/** A value for messages: a string quoted, anything else by its type (never a raw Symbol). */
function show(v: unknown): string {
  return typeof v === "string" ? JSON.stringify(v) : typeof v;
}

/**
 * A shipped data set as a table: its features; the class target as the label, or (diabetes)
 * the float target as one more numeric column, `targetColumn`.
 * @throws ValueError for a name that is not a shipped data set.
 */
export function tableFromDataset(name: DatasetName): Table {
  if (typeof name !== "string" || !DATASET_NAMES.includes(name))
    throw new ValueError(`tableFromDataset: name must be one of ${DATASET_NAMES.join(", ")}, got ${show(name)}`);
  const ds = LOADERS[name]();
  const desc = DATASETS[name];
  const [n, p] = ds.data.shape;
  const X = ds.data.data as Float64Array;
  if (ds.targetNames !== null) {
    return {
      source: name,
      n,
      header: [...ds.featureNames, desc.target],
      columns: ds.featureNames.slice(),
      data: Float64Array.from(X.subarray(0, n * p)),
      label: { column: desc.target, classes: ds.targetNames.slice(), codes: Int32Array.from(ds.target.data as Int32Array) },
      targetColumn: null,
      ignored: [],
    };
  }
  // a regression target: appended as column p, data = [X | y]
  const y = ds.target.data as Float64Array;
  const data = new Float64Array(n * (p + 1));
  for (let i = 0; i < n; i++) {
    data.set(X.subarray(i * p, (i + 1) * p), i * (p + 1));
    data[i * (p + 1) + p] = y[i];
  }
  return {
    source: name,
    n,
    header: [...ds.featureNames, desc.target],
    columns: [...ds.featureNames, desc.target],
    data,
    label: null,
    targetColumn: desc.target,
    ignored: [],
  };
}

/** A field that reads as a finite number (what csvNumber() accepts). */
function isNumber(s: string): boolean {
  return s.trim() !== "" && Number.isFinite(Number(s));
}

/** A column is numeric when at least one value and at least half of its non-empty values are numbers. */
function looksNumeric(rows: readonly Record<string, string>[], column: string): boolean {
  let nonEmpty = 0;
  let numbers = 0;
  for (const row of rows) {
    const v = row[column];
    if (v.trim() === "") continue;
    nonEmpty++;
    if (isNumber(v)) numbers++;
  }
  return numbers > 0 && 2 * numbers >= nonEmpty;
}

/** Options of tableFromCsv. */
export interface CsvTableOptions {
  /** The label column: a column name, null for none, or undefined for the last text column. */
  label?: string | null;
}

/**
 * A user's CSV text as a table (see the file header).
 * @param text the file's text.
 * @param name the file's name, for messages.
 * @returns the table; its `columns` are the numeric columns except the label.
 * @throws CsvError (a ValueError) for a malformed row, naming the line and the field;
 *   ValueError for an empty file, a file without data rows, an unknown label column, or no numeric column.
 */
export async function tableFromCsv(text: string, name: string, options: CsvTableOptions = {}): Promise<Table> {
  const fn = "tableFromCsv";
  if (typeof text !== "string") throw new ValueError(`${fn}: text must be a string, got ${show(text)}`);
  if (typeof name !== "string" || name === "") throw new ValueError(`${fn}: name must be a non-empty string, got ${show(name)}`);
  if (options === null || typeof options !== "object") throw new ValueError(`${fn}: options must be an object, got ${show(options)}`);
  const unknown = Object.keys(options).find((k) => k !== "label");
  if (unknown !== undefined) throw new ValueError(`${fn}: unknown option ${show(unknown)}; its option is label`);
  const { label } = options;
  if (label !== undefined && label !== null && typeof label !== "string")
    throw new ValueError(`${fn}: option label must be a column name or null, got ${show(label)}`);

  // pass 1: every row as strings, by column name: an empty file, the column counts, the
  // quotes and repeated column names are errors here
  const body = await parseCsv(text, z.record(z.string(), z.string()), { name });
  if (body.length === 0) throw new ValueError(`${fn}: ${name} has a header row but no data rows`);
  // the header row in file order (a record's keys are not: "2020" would come before "name");
  // papaparse reads just the first row, quotes and all
  const header = Papa.parse<string[]>(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, { preview: 1, delimiter: ",", header: false }).data[0];
  if (header === undefined || header.length !== Object.keys(body[0]).length)
    throw new Error(`internal: tableFromCsv read a header of ${header?.length ?? 0} columns, but rows of ${Object.keys(body[0]).length}`);

  // classify the columns and pick the label
  const numeric = header.map((c) => looksNumeric(body, c));
  let labelColumn: string | null;
  if (label === undefined) {
    const textColumns = header.filter((_, j) => !numeric[j]);
    labelColumn = textColumns.length > 0 ? textColumns[textColumns.length - 1] : null;
  } else {
    if (label !== null && !header.includes(label))
      throw new ValueError(`${fn}: option label is ${show(label)}, not a column of ${name} (columns: ${header.join(", ")})`);
    labelColumn = label;
  }
  const columns = header.filter((c, j) => numeric[j] && c !== labelColumn);
  const ignored = header.filter((c, j) => !numeric[j] && c !== labelColumn);
  if (columns.length === 0) throw new ValueError(`${fn}: ${name} has no numeric column (columns: ${header.join(", ")})`);

  // pass 2: the typed rows (fromEntries makes even a column named "__proto__" an own key)
  const shape = Object.fromEntries(header.map((c, j) => [c, numeric[j] && c !== labelColumn ? csvNumber() : z.string()]));
  const rows = (await parseCsv(text, z.object(shape), { name })) as Record<string, number | string>[];

  const n = rows.length;
  const p = columns.length;
  const data = new Float64Array(n * p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) data[i * p + j] = rows[i][columns[j]] as number;
  return {
    source: name,
    n,
    header: header.slice(),
    columns,
    data,
    label: labelColumn === null ? null : encodeLabel(labelColumn, rows),
    targetColumn: null,
    ignored,
  };
}

/** The label column's values as codes into its distinct values, in order of first appearance. */
function encodeLabel(column: string, rows: readonly Record<string, number | string>[]): Label {
  const index = new Map<string, number>();
  const codes = new Int32Array(rows.length);
  rows.forEach((row, i) => {
    const v = String(row[column]);
    let k = index.get(v);
    if (k === undefined) {
      k = index.size;
      index.set(v, k);
    }
    codes[i] = k;
  });
  return { column, classes: [...index.keys()], codes };
}

/**
 * The columns `names` of the table as an (n, names.length) float64 array (a copy).
 * @throws ValueError for a name that is not a numeric column.
 */
export function selectColumns(table: Table, names: readonly string[]): NDArray {
  const p = table.columns.length;
  const idx = names.map((c) => {
    const j = table.columns.indexOf(c);
    if (j < 0) throw new ValueError(`selectColumns: ${show(c)} is not a numeric column of ${table.source} (numeric columns: ${table.columns.join(", ")})`);
    return j;
  });
  const q = idx.length;
  const out = new Float64Array(table.n * q);
  for (let i = 0; i < table.n; i++) for (let k = 0; k < q; k++) out[i * q + k] = table.data[i * p + idx[k]];
  return np.fromTypedArray(out, [table.n, q]);
}

/** The feature columns: the numeric columns except the regression target (if any) and `except`. */
export function featureColumns(table: Table, except: string | null = null): string[] {
  return table.columns.filter((c) => c !== table.targetColumn && c !== except);
}
