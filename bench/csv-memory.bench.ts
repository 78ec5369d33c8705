/**
 * Peak memory of reading a large CSV file (issue #13: "a 100 MB CSV streams through readCsv
 * without holding the text twice").
 *
 *   npx tsx bench/csv-memory.bench.ts [megabytes = 100]
 *
 * Writes a CSV of about that size into the system's temporary folder (10 numeric columns and
 * a label, like the data sets), then reads it in fresh Node processes, one way each, and
 * prints each process's peak resident memory (process.resourceUsage().maxRSS) above a
 * process that only imports the library:
 *
 *   readCsv          @sliderule/ml/node's readCsv: the file streamed through papaparse in
 *                    64 KiB chunks, each row checked by the zod schema and kept as an object
 *   whole text       readFileSync(path, "utf8") then parseCsvSync(text): the whole text held
 *                    as one string while the rows are built (what a naive loader does)
 *   rows only        no file at all: the same number of row objects built in a loop, the
 *                    memory the result itself needs
 *
 * What streaming buys is "whole text" − "readCsv": at least the file's size (the text as one
 * string) plus papaparse's array of string fields. "readCsv" − "rows only" is what reading
 * costs beyond the result, and should be small.
 * Not part of `npm run bench`'s tables (it has no `workloads` export): a memory figure, not a time.
 */
import { execFileSync } from "node:child_process";
import { createWriteStream, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const COLUMNS = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
const schema = z.object({ ...Object.fromEntries(COLUMNS.map((c) => [c, z.coerce.number()])), label: z.string() });

/** Rows of about 84 bytes: ten numbers with 4–6 digits and a short label. */
function row(i: number): string {
  const values = COLUMNS.map((_, j) => (((i * 7919 + j * 104729) % 100000) / 1000).toFixed(3));
  return `${values.join(",")},class_${i % 3}\n`;
}

async function writeCsv(path: string, megabytes: number): Promise<number> {
  const out = createWriteStream(path);
  out.write(`${COLUMNS.join(",")},label\n`);
  let bytes = 0;
  let rows = 0;
  while (bytes < megabytes * 1e6) {
    const chunk: string[] = [];
    for (let k = 0; k < 10000; k++) chunk.push(row(rows++));
    const text = chunk.join("");
    bytes += text.length;
    if (!out.write(text)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(resolve));
  return rows;
}

/** In a child process: read the file one way, print { maxRssMB, rows }. */
async function child(mode: string, path: string, rows: number): Promise<void> {
  const { readCsv, parseCsvSync } = await import("@sliderule/ml/node");
  let kept: unknown[] = [];
  if (mode === "readCsv") kept = await readCsv(path, schema);
  else if (mode === "whole") kept = parseCsvSync(readFileSync(path, "utf8"), schema);
  else if (mode === "rows") {
    for (let i = 0; i < rows; i++) {
      const v = row(i).trimEnd().split(",");
      kept.push(schema.parse(Object.fromEntries([...COLUMNS, "label"].map((c, j) => [c, v[j]]))));
    }
  }
  console.log(JSON.stringify({ maxRssMB: process.resourceUsage().maxRSS / 1024, rows: kept.length }));
}

async function main(): Promise<void> {
  if (process.argv[2] === "--child") return child(process.argv[3], process.argv[4], Number(process.argv[5]));
  const megabytes = Number(process.argv[2] ?? 100);
  const path = join(tmpdir(), `sliderule-csv-memory-${process.pid}.csv`);
  try {
    const rows = await writeCsv(path, megabytes);
    const size = statSync(path).size / 1e6;
    const self = fileURLToPath(import.meta.url);
    const run = (mode: string) =>
      JSON.parse(
        execFileSync(process.execPath, [...process.execArgv, self, "--child", mode, path, String(rows)], { encoding: "utf8", maxBuffer: 1 << 20 })
          .trim()
          .split("\n")
          .pop()!,
      ) as { maxRssMB: number; rows: number };
    const base = run("none").maxRssMB;
    console.log(`CSV file: ${size.toFixed(1)} MB, ${rows} rows (${join(tmpdir(), "…")}); peak RSS above a process that only imports: ${base.toFixed(0)} MB`);
    const results = Object.fromEntries(["readCsv", "whole", "rows"].map((m) => [m, run(m)]));
    for (const [mode, label] of [
      ["readCsv", "readCsv (streamed)"],
      ["whole", "whole text + parseCsvSync"],
      ["rows", "rows only (no file)"],
    ]) {
      const r = results[mode];
      if (r.rows !== rows) throw new Error(`${label}: read ${r.rows} rows, expected ${rows}`);
      console.log(`  ${label.padEnd(28)} ${(r.maxRssMB - base).toFixed(0).padStart(6)} MB  (${((r.maxRssMB - base) / size).toFixed(2)}× the file)`);
    }
    const saved = results.whole.maxRssMB - results.readCsv.maxRssMB;
    console.log(
      `streaming saves ${saved.toFixed(0)} MB (${(saved / size).toFixed(2)}× the file); reading costs ${(results.readCsv.maxRssMB - results.rows.maxRssMB).toFixed(0)} MB beyond the rows themselves`,
    );
  } finally {
    rmSync(path, { force: true });
  }
}

await main();
