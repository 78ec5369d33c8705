/**
 * Every `@example` in the doc comments of src/ runs here and asserts its own result
 * (docs/style.md §11, §15): a doc example that goes stale fails the build.
 *
 * An example is the comment lines after `@example` up to the end of the comment (or the next
 * tag), with the leading ` *` stripped. It is plain JavaScript run with `linalg`, `np`,
 * `sparse` (= linalg.sparse, as the sparse files' examples write it) and a small `assert` in
 * scope: `assert.equal(a, b)`, `assert.deepEqual(a, b)`, and
 * `assert.close(a, b, rtol = 1e-12)` for nested arrays of numbers.
 */
import * as np from "@sliderule/ndarray";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as linalg from "../src/index.js";

const SRC = fileURLToPath(new URL("../src/", import.meta.url));

/** All .ts files under a folder, tests excluded. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [p] : [];
  });
}

/** The `@example` blocks of a file, with the line each starts on. */
function examples(file: string): { line: number; code: string }[] {
  const lines = readFileSync(file, "utf8").split("\n");
  const out: { line: number; code: string }[] = [];
  lines.forEach((l, i) => {
    if (!/^\s*\*\s*@example\s*$/.test(l)) return;
    const body: string[] = [];
    for (let j = i + 1; j < lines.length; j++) {
      const t = lines[j];
      if (/^\s*\*\//.test(t) || /^\s*\*\s*@\w+/.test(t)) break;
      body.push(t.replace(/^\s*\* ?/, ""));
    }
    out.push({ line: i + 1, code: body.join("\n") });
  });
  return out;
}

type Nested = number | Nested[];

function close(actual: Nested, expected: Nested, rtol = 1e-12, path = ""): void {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${path}: expected a list`).toBe(true);
    expect((actual as Nested[]).length, `${path}: length`).toBe(expected.length);
    expected.forEach((e, i) => close((actual as Nested[])[i], e, rtol, `${path}[${i}]`));
    return;
  }
  const a = actual as number;
  expect(Math.abs(a - expected), `${path}: ${a} vs ${expected}`).toBeLessThanOrEqual(rtol * Math.max(1, Math.abs(expected)));
}

const assert = {
  equal: (a: unknown, b: unknown) => expect(a).toBe(b),
  deepEqual: (a: unknown, b: unknown) => expect(a).toEqual(b),
  close,
};

const all = sources(SRC).flatMap((f) => examples(f).map((e) => ({ ...e, file: relative(SRC, f) })));

describe("doc examples", () => {
  it("there is an example for every public function", () => {
    expect(all.length).toBeGreaterThanOrEqual(16);
  });

  it.each(all.map((e) => [`${e.file}:${e.line}`, e] as const))("%s", (_, e) => {
    const run = new Function("linalg", "np", "sparse", "assert", e.code);
    run(linalg, np, linalg.sparse, assert);
  });
});
