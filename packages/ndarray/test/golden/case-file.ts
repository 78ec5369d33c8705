/**
 * Golden case files (cases/FORMAT.md): one `<family>.json` per family, `{family,
 * numpy_version, cases: [...]}`, each case `{id, op, args, kwargs, expected, check, rtol, atol,
 * ...}` with `check` one of "allclose", "properties", "raises". `parseFamily` returns a
 * {@link GoldenFamily} whose cases keep their values encoded (decode.ts decodes them when a case
 * runs); `loadFamilyFile` / `loadFamilies` read them from disk (Node only: the harness is test
 * code).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { num } from "./decode.js";
import { parseGoldenJson } from "./golden-json.js";

export type CheckKind = "allclose" | "properties" | "raises";

/** One golden case, as stored (values still encoded; scalars may be PyFloat markers). */
export interface GoldenCase {
  id: string;
  family: string;
  op: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
  expected: unknown;
  check: CheckKind;
  rtol: number;
  atol: number;
  notes?: string;
  properties?: string[];
  message?: string;
  error_bases?: string[];
}

export interface GoldenFamily {
  family: string;
  numpyVersion?: string;
  cases: GoldenCase[];
}

/** Parse one `<family>.json` file. */
export function parseFamily(text: string, source = "<text>"): GoldenFamily {
  const root = parseGoldenJson(text) as Record<string, unknown>;
  if (root === null || typeof root !== "object" || !Array.isArray(root.cases)) {
    throw new SyntaxError(`golden: ${source} is not a case file (no "cases" list)`);
  }
  const family = String(root.family ?? source);
  const cases = (root.cases as Record<string, unknown>[]).map((c): GoldenCase => {
    const check = c.check as CheckKind;
    if (check !== "allclose" && check !== "properties" && check !== "raises") {
      throw new SyntaxError(`golden: ${source}: case ${String(c.id)} has unknown check ${JSON.stringify(c.check)}`);
    }
    return {
      id: String(c.id),
      family,
      op: String(c.op),
      args: (c.args ?? []) as unknown[],
      kwargs: (c.kwargs ?? {}) as Record<string, unknown>,
      expected: c.expected,
      check,
      rtol: num(c.rtol ?? 0),
      atol: num(c.atol ?? 0),
      notes: c.notes as string | undefined,
      properties: c.properties as string[] | undefined,
      message: c.message as string | undefined,
      error_bases: c.error_bases as string[] | undefined,
    };
  });
  return { family, numpyVersion: root.numpy_version as string | undefined, cases };
}

/** Read one case file from disk. */
export function loadFamilyFile(path: string): GoldenFamily {
  return parseFamily(readFileSync(path, "utf8"), path);
}

/** Every `*.json` case file of a folder, sorted by name. */
export function loadFamilies(dir: string): GoldenFamily[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => loadFamilyFile(join(dir, f)));
}
