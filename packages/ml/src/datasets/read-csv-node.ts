/**
 * `readCsv(path, schema)`: a CSV file from disk, streamed and checked row by row (Node only;
 * exported by `@sliderule/ml/node`). The same format, schema use and `CsvError`s as parseCsv
 * (csv.ts, csv-rows.ts); the messages name the file's base name, and `CsvError.path` its path.
 *
 *   fs.createReadStream(path, "utf8") → papaparse (stream mode, `step`) → CsvRowReader → Row[]
 *
 * Each row is validated as it arrives and only the schema's output is kept, so a large file
 * is never held whole in memory (papaparse holds one 64 KiB chunk and a partial line). The
 * line break (LF, CRLF) is read from the file's first line before streaming (papaparse would
 * guess from the first chunk alone), and a leading BOM is dropped.
 *
 *   const rows = await readCsv("data/iris.csv", z.object({ sepal_length: csvNumber(), species: z.string() }));
 *
 * Reference: papaparse, "Papa Parse for Node" (a Readable passed to Papa.parse); RFC 4180.
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { ValueError } from "@sliderule/ndarray";
import Papa from "papaparse";
import type { z } from "zod";
import { show } from "../base.js";
import { checkCsvArgs, CsvRowReader, stripBom, type CsvOptions } from "./csv-rows.js";

/** The file's line break, from the bytes up to its first "\n" (read in 64 KiB blocks). */
async function fileNewline(path: string): Promise<"\n" | "\r\n" | "\r"> {
  const fh = await open(path, "r");
  try {
    const block = Buffer.alloc(65536);
    let previous = -1; // the last byte of the previous block
    let sawCR = false;
    for (;;) {
      const { bytesRead } = await fh.read(block, 0, block.length, null);
      if (bytesRead === 0) return sawCR ? "\r" : "\n";
      const lf = block.subarray(0, bytesRead).indexOf(10);
      if (lf >= 0) return (lf > 0 ? block[lf - 1] : previous) === 13 ? "\r\n" : "\n";
      if (block.subarray(0, bytesRead).includes(13)) sawCR = true;
      previous = block[bytesRead - 1];
    }
  } finally {
    await fh.close();
  }
}

/**
 * Read and check a CSV file, streaming it.
 *
 * @param path    the file: a path string or a `file:` URL (`new URL("./x.csv", import.meta.url)`)
 * @param schema  a zod schema for one row (`z.object({ x: csvNumber(), label: z.enum([...]) })`)
 * @param options `name` (for messages; default the base name), `header` (default true)
 * @returns a promise of the schema's output for every row, in file order
 * @throws (rejects with) CsvError at the first malformed row
 *   (`readCsv: iris-bad.csv, line 7, field "petal_width": expected a number, got "abc"`);
 *   ValueError for a path that is not a string or file URL, a non-zod schema, an unknown
 *   option; the file system's error (ENOENT …) with "readCsv: " before its message.
 */
export async function readCsv<Row>(path: string | URL, schema: z.ZodType<Row>, options?: CsvOptions): Promise<Row[]> {
  const fn = "readCsv";
  const isUrl = path instanceof URL;
  if (!(typeof path === "string" && path !== "") && !(isUrl && path.protocol === "file:")) {
    throw new ValueError(`${fn}: path must be a file path (a non-empty string) or a file: URL, got ${isUrl ? `the URL ${JSON.stringify(path.href)}` : typeof path === "function" ? "a function" : show(path)}`);
  }
  const o = checkCsvArgs(fn, schema, options);
  const file = isUrl ? fileURLToPath(path) : path;
  const reader = new CsvRowReader<Row>(fn, o.name ?? basename(file), file, schema, o.header);
  const fsError = (e: unknown): unknown => {
    if (e instanceof Error && !e.message.startsWith(`${fn}: `)) e.message = `${fn}: ${e.message}`;
    return e;
  };

  let newline: "\n" | "\r\n" | "\r";
  try {
    newline = await fileNewline(file);
  } catch (e) {
    throw fsError(e);
  }
  return new Promise<Row[]>((resolve, reject) => {
    const stream = createReadStream(file, { encoding: "utf8" });
    let failure: unknown = null;
    Papa.parse<string[]>(stream, {
      delimiter: ",",
      newline,
      header: false,
      dynamicTyping: false,
      skipEmptyLines: false,
      beforeFirstChunk: (chunk) => stripBom(chunk),
      step(result, parser) {
        if (failure !== null) return;
        try {
          reader.push(result.data, result.meta.cursor, result.errors);
        } catch (e) {
          failure = e;
          parser.abort();
        }
      },
      complete() {
        stream.destroy();
        if (failure !== null) return reject(failure);
        try {
          resolve(reader.finish());
        } catch (e) {
          reject(e);
        }
      },
      error(e: Error) {
        stream.destroy();
        reject(fsError(e));
      },
    });
  });
}
