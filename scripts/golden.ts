/**
 * `npm run golden -- [folder ...]`: run the golden cases NumPy/SciPy computed against Sliderule.
 *
 * Loads every `*.json` case file of the given folders (default: both packages' cases folders),
 * merges the op registries of REGISTRY_MODULES that exist, runs every case with the harness of
 * packages/ndarray/test/golden/harness.ts and prints, per family, `passed / failed / skipped`,
 * the names of skipped ops and the details of every failure. Exits 1 on any failure (or a
 * registry that fails to load); skips alone exit 0.
 *
 * To add a package's ops: export `const <name>: OpRegistry = { "op.name": (args, kwargs) => … }`
 * from `packages/<pkg>/test/golden/ops.ts` and list it in REGISTRY_MODULES.
 */
import { existsSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  loadFamilies,
  loadFamilyFile,
  mergeRegistries,
  runCases,
  summarize,
  type GoldenFamily,
  type OpRegistry,
} from "../packages/ndarray/test/golden/harness.js";

const ROOT = resolve(fileURLToPath(new URL(".", import.meta.url)), "..");

/** Registries merged in this order (a later one's entry replaces an earlier one's of the same op). */
const REGISTRY_MODULES: { file: string; exportName: string }[] = [
  { file: "packages/ndarray/test/golden/ops.ts", exportName: "ndarrayOps" },
  { file: "packages/linalg/test/golden/ops.ts", exportName: "linalgOps" },
  { file: "packages/ml/test/golden/ops.ts", exportName: "mlOps" },
];

const DEFAULT_FOLDERS = ["packages/ndarray/test/golden/cases", "packages/linalg/test/golden/cases", "packages/ml/test/golden/cases"];

async function loadRegistries(): Promise<{ registry: OpRegistry; problems: string[] }> {
  const registries: OpRegistry[] = [];
  const problems: string[] = [];
  for (const { file, exportName } of REGISTRY_MODULES) {
    const path = join(ROOT, file);
    if (!existsSync(path)) {
      console.log(`(registry ${file} does not exist yet; its ops are skipped)`);
      continue;
    }
    try {
      const mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
      const reg = mod[exportName];
      if (reg === null || typeof reg !== "object") throw new Error(`it does not export '${exportName}'`);
      registries.push(reg as OpRegistry);
    } catch (e) {
      problems.push(`registry ${file} failed to load: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }
  const seen = new Map<string, string>();
  REGISTRY_MODULES.forEach(({ file }, i) => {
    for (const op of Object.keys(registries[i] ?? {})) {
      if (seen.has(op)) console.log(`(op ${op}: ${file} replaces ${seen.get(op)})`);
      seen.set(op, file);
    }
  });
  return { registry: mergeRegistries(...registries), problems };
}

function loadFolder(folder: string): GoldenFamily[] {
  const path = resolve(process.cwd(), folder);
  if (!existsSync(path)) throw new Error(`golden: no such folder or file: ${folder}`);
  return statSync(path).isDirectory() ? loadFamilies(path) : [loadFamilyFile(path)];
}

async function main(): Promise<number> {
  const folders = process.argv.slice(2).filter((a) => a !== "--");
  const targets = folders.length > 0 ? folders : DEFAULT_FOLDERS.map((f) => join(ROOT, f));
  const families = targets.flatMap(loadFolder);
  const { registry, problems } = await loadRegistries();
  const cases = families.flatMap((f) => f.cases);
  const results = runCases(cases, registry);
  const summaries = summarize(results);

  console.log(`golden: ${families.length} families, ${cases.length} cases from ${targets.map((t) => relative(process.cwd(), t) || ".").join(", ")}\n`);
  const width = Math.max(...summaries.map((s) => s.family.length), 6);
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const s of summaries) {
    passed += s.passed;
    failed += s.failed;
    skipped += s.skipped;
    const skippedOps = [...s.skippedOps].map(([op, n]) => `${op} (${n})`).join(", ");
    // failures by kind, so that a dtype mismatch is told apart from a wrong value
    const kinds = new Map<string, number>();
    for (const f of s.failures) kinds.set(f.failure ?? "?", (kinds.get(f.failure ?? "?") ?? 0) + 1);
    const byKind = [...kinds].map(([k, n]) => `${n} ${k}`).join(", ");
    console.log(
      `${s.family.padEnd(width)}  ${String(s.passed).padStart(4)} passed  ${String(s.failed).padStart(4)} failed  ${String(s.skipped).padStart(4)} skipped` +
        (byKind ? `   failed: ${byKind}` : "") +
        (skippedOps ? `   skipped: ${skippedOps}` : ""),
    );
  }
  const failures = summaries.flatMap((s) => s.failures);
  if (failures.length > 0) {
    console.log(`\nfailures:`);
    for (const f of failures) console.log(`\n  ✗ ${f.id} [${f.failure}]\n    ${f.detail.replace(/\n/g, "\n    ")}`);
  }
  for (const p of problems) console.log(`\n✗ ${p}`);
  console.log(`\ntotal: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  return failed > 0 || problems.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e);
    process.exitCode = 2;
  },
);
