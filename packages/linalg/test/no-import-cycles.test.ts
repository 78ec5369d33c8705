/**
 * No import circle in the library code: the relative imports (`import … from "./x.js"`,
 * `export … from`, `import "./x.js"`, `import("./x.js")`) of every .ts file under
 * packages/{ndarray,linalg,ml}/src form a graph; its strongly connected components (Tarjan)
 * of more than one file, or a file importing itself, are the circles. A circle makes the load
 * order matter and hides a layering mistake (issue #15: schur.ts ↔ schur-aed.ts was one).
 * Type-only imports (`import type …`) count too, and so does a module augmentation (`declare
 * module "./x.js" { … }`, how sparse/csr.ts adds its class to base.ts's SparseFormatClasses): they
 * load nothing at run time, but a circle
 * through them is still two files that cannot be read, tested or moved one without the other
 * (the kernel contracts belong in one file at the ground, issue #15).
 * Every circle must be in KNOWN_CYCLES, which lists the ones that remain to be removed; a new
 * circle, or a known one that grows, fails with its files and one closed path through them. A
 * known circle that has gone must be deleted from the list.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const SOURCE_DIRS = ["packages/ndarray/src", "packages/linalg/src", "packages/ml/src"];

/**
 * The circles that remain, each as the files of its strongly connected component (relative to
 * the repository root). A circle found later passes when its files are a subset of one of
 * these (a knot that shrinks is fine); one that reaches a file outside fails.
 * None remain (issue #15): the last, linalg's sparse format classes, went when they began to
 * build one another through the format registry of sparse/base.ts.
 */
const KNOWN_CYCLES: string[][] = [];

/** Every .ts file under dir (recursively), as paths relative to ROOT. */
function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) out.push(...tsFiles(path));
    else if (name.endsWith(".ts") && !name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

/** The relative module specifiers a file imports, re-exports or augments, types included (comments stripped first). */
function relativeSpecifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const specs: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?(?:[\w*$]+\s*,?\s*)?(?:\{[^}]*\}|\*\s+as\s+[\w$]+|[\w$]+)?\s*from\s*["'](\.{1,2}\/[^"']+)["']/g,
    /\bimport\s*["'](\.{1,2}\/[^"']+)["']/g,
    /\bimport\s*\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g,
    /\bdeclare\s+module\s*["'](\.{1,2}\/[^"']+)["']/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) specs.push(m[1]);
  return specs;
}

/** The file a specifier names: "./x.js" → x.ts, "./dir" → dir/index.ts; undefined when not a .ts file of ours. */
function resolveSpecifier(from: string, spec: string, files: Set<string>): string | undefined {
  const base = join(dirname(from), spec);
  const candidates = [base.replace(/\.js$/, ".ts"), `${base}.ts`, join(base, "index.ts")];
  return candidates.find((c) => files.has(c));
}

/** The import graph of the library sources: file → the files it imports. */
function importGraph(): Map<string, string[]> {
  const files = SOURCE_DIRS.flatMap(tsFiles);
  const set = new Set(files);
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const targets = relativeSpecifiers(readFileSync(join(ROOT, f), "utf8"))
      .map((s) => resolveSpecifier(f, s, set))
      .filter((t): t is string => t !== undefined);
    graph.set(f, [...new Set(targets)]);
  }
  return graph;
}

/** The strongly connected components with a circle in them (Tarjan), each sorted. */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

/** One closed import path through the files of a component: a → b → … → a (breadth-first). */
function closedPath(graph: Map<string, string[]>, scc: string[]): string {
  const inside = new Set(scc);
  const start = scc[0];
  const prev = new Map<string, string>();
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q];
    for (const w of graph.get(v) ?? []) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let u: string | undefined = v; u !== undefined && u !== start; u = prev.get(u)) path.unshift(u);
        path.unshift(start);
        return path.map((p) => relative("packages", p)).join(" → ");
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return scc.join(", ");
}

/** Whether every file of `files` is in `known`. */
const within = (files: string[], known: string[]): boolean => files.every((f) => known.includes(f));

describe("import circles under packages/*/src", () => {
  const graph = importGraph();
  const found = cycles(graph);

  it("the scan sees the packages' imports (a sanity check of the parser)", () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get("packages/linalg/src/dense/schur.ts")).toContain("packages/linalg/src/dense/hseqr.ts");
    expect(graph.get("packages/linalg/src/dense/schur-aed.ts")).toContain("packages/linalg/src/dense/hessenberg-qr.ts");
    // a module augmentation is an edge too (sparse/csr.ts → base.ts, by its import and by its augmentation)
    expect(relativeSpecifiers(`declare module "./base.js" {\n  interface SparseFormatClasses {}\n}`)).toEqual(["./base.js"]);
    // the detector finds a planted circle
    const planted = new Map(graph);
    planted.set("packages/linalg/src/dense/schur-2x2.ts", ["packages/linalg/src/dense/schur.ts"]);
    expect(cycles(planted).some((c) => c.includes("packages/linalg/src/dense/schur-2x2.ts"))).toBe(true);
  });

  it("no new circle (every circle lies within a known one of KNOWN_CYCLES)", () => {
    const fresh = found.filter((c) => !KNOWN_CYCLES.some((k) => within(c, k)));
    expect(
      fresh.map((c) => ({ path: closedPath(graph, c), files: c })),
      "new import circles",
    ).toEqual([]);
  });

  it("no stale entry in KNOWN_CYCLES (a circle that has gone is deleted from the list)", () => {
    const gone = KNOWN_CYCLES.filter((k) => !found.some((c) => within(c, k)));
    expect(gone, "gone: delete from KNOWN_CYCLES").toEqual([]);
  });

  it("linalg's dense and sparse folders are in no circle at all (the Schur layers, the sparse formats among them)", () => {
    const layered = /^packages\/linalg\/src\/(dense|sparse)\//;
    expect(found.filter((c) => c.some((f) => layered.test(f))).map((c) => closedPath(graph, c))).toEqual([]);
  });
});
