/**
 * The benchmark runner: `npm run bench -- [filter ...] [options]`.
 *
 * Discovers bench/*.bench.ts files that export `workloads` (harness.ts `Workload[]`; a
 * *.bench.ts without that export is a standalone script, skipped without being imported),
 * keeps the workloads whose "file/name size" contains any filter substring, times each
 * contender, runs the NumPy twins in one Python process, prints a table per workload and a
 * summary, and writes bench/results/latest.json.
 *
 * Each workload runs in a fresh Node process (this script with --worker), so a figure does
 * not depend on which workloads ran before it in the same JIT and heap: the same command
 * with or without a filter gives the same numbers.
 *
 * Options:
 *   --time S             seconds of sampling per contender (default TIMING.targetSeconds)
 *   --quick              --time 0.25, for a smoke run
 *   --contenders a,b     only these contenders (sliderule is always kept: it is the reference)
 *   --no-numpy           skip the NumPy contender
 *   --inline             run the workloads in this process (to profile with node --cpu-prof)
 *   --all                with no filter, also the workloads marked `extended`
 *   --list               list the workloads and exit
 *   --out FILE           write the JSON there instead of bench/results/latest.json
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  CHECK_TOLERANCE,
  TIMING,
  checksumError,
  measure,
  measurePaired,
  primeHarness,
  type Checksum,
  type Measurement,
  type Paired,
  type Timed,
  type TimingOptions,
  type Workload,
} from "./harness.js";
import { PYTHON_CANDIDATES, findPython, runNumpy, type NumpyInfo, type NumpyJob } from "./numpy.js";

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const RUN_FILE = fileURLToPath(import.meta.url);

/** What one contender gave, as the worker reports it. */
interface ContenderResult extends Partial<Measurement> {
  name: string;
  note?: string;
  precision: "float64" | "float32";
  check?: Checksum;
  error?: string;
  // derived by enrich() once every contender, NumPy included, has run
  gflops?: number;
  /** medianMs ÷ sliderule's medianMs: above 1, sliderule is faster. */
  vsSliderule?: number;
  /** Relative checksum difference from sliderule's result, and whether it is within tolerance. */
  checkError?: number;
  checkOk?: boolean;
}

interface WorkloadResult {
  file: string;
  name: string;
  size: string;
  flops?: number;
  note?: string;
  checkTolerance?: number;
  contenders: ContenderResult[];
  /** sliderule<suffix> against naive<suffix>, timed in alternating rounds (harness.ts measurePaired). */
  paired?: Paired[];
}

interface Args {
  filters: string[];
  timing: TimingOptions;
  contenders?: string[];
  numpy: boolean;
  inline: boolean;
  list: boolean;
  all: boolean;
  out: string;
  worker?: { file: string; name: string; result: string };
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    filters: [],
    timing: { ...TIMING },
    numpy: true,
    inline: false,
    list: false,
    all: false,
    out: join(BENCH_DIR, "results", "latest.json"),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`bench: ${a} needs a value`);
      return v;
    };
    if (a === "--time") args.timing.targetSeconds = Number(value());
    else if (a === "--quick") args.timing = { ...args.timing, targetSeconds: 0.25, warmupSeconds: 0.1, minSamples: 3 };
    else if (a === "--contenders") args.contenders = value().split(",");
    else if (a === "--no-numpy") args.numpy = false;
    else if (a === "--inline") args.inline = true;
    else if (a === "--list") args.list = true;
    else if (a === "--all") args.all = true;
    else if (a === "--out") args.out = value();
    else if (a === "--timing")
      args.timing = JSON.parse(value()) as TimingOptions; // worker: the parent's policy
    else if (a === "--worker") args.worker = { file: value(), name: value(), result: value() };
    else if (a.startsWith("--")) throw new Error(`bench: unknown option ${a}`);
    else args.filters.push(a);
  }
  if (!(args.timing.targetSeconds > 0)) throw new Error("bench: --time must be a positive number of seconds");
  return args;
}

// ------------------------------------------------------------------ discovery

interface Found {
  /** Path relative to bench/, e.g. "elementwise.bench.ts". */
  file: string;
  workloads: Workload[];
}

/** A bench file that declares `export const workloads` (or exports a `workloads` binding). */
const EXPORTS_WORKLOADS = /export\s+(const|let|var)\s+workloads\b|export\s*\{[^}]*\bworkloads\b[^}]*\}/;

async function discover(): Promise<{ found: Found[]; skipped: string[] }> {
  const found: Found[] = [];
  const skipped: string[] = [];
  for (const file of readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith(".bench.ts"))
    .sort()) {
    if (!EXPORTS_WORKLOADS.test(readFileSync(join(BENCH_DIR, file), "utf8"))) {
      skipped.push(file);
      continue;
    }
    try {
      found.push({ file, workloads: await load(file) });
    } catch (e) {
      // one broken file (mid-edit, say) does not stop the others
      console.error(`bench: cannot load ${file}: ${e instanceof Error ? e.message : String(e)}`);
      skipped.push(`${file} (failed to load)`);
    }
  }
  return { found, skipped };
}

async function load(file: string): Promise<Workload[]> {
  const mod = (await import(pathToFileURL(join(BENCH_DIR, file)).href)) as { workloads?: Workload[] };
  if (!Array.isArray(mod.workloads)) throw new Error(`bench: ${file} does not export a workloads array`);
  return mod.workloads;
}

const label = (file: string, w: Workload): string => `${file.replace(/\.bench\.ts$/, "")}/${w.name} ${w.size}`;

/** With no filter: the default set (every workload not marked `extended`, or all with --all). */
function selected(args: Args, file: string, w: Workload): boolean {
  if (args.filters.length === 0) return args.all || !w.extended;
  return args.filters.some((f) => label(file, w).includes(f));
}

// ------------------------------------------------------------------ running one workload

const gc = (globalThis as { gc?: () => void }).gc;

/** The pairs timed against each other: "sliderule" with "naive", "sliderule (out)" with "naive (out)". */
const PAIR = /^(sliderule|naive)(.*)$/;

/**
 * Time every contender of `w` in this process, one after the other; then time each
 * sliderule/naive pair again in alternating rounds, for the ratio the targets are judged by.
 */
async function runWorkload(file: string, w: Workload, args: Args): Promise<WorkloadResult> {
  const result: WorkloadResult = { file, name: w.name, size: w.size, flops: w.flops, note: w.note, checkTolerance: w.checkTolerance, contenders: [] };
  const kept = new Map<string, Timed>(); // the sliderule and naive contenders, kept for the pairs
  primeHarness();
  for (const [k, c] of w.contenders.entries()) {
    if (k > 0 && args.contenders && !args.contenders.includes(c.name)) continue;
    const r: ContenderResult = { name: c.name, note: c.note, precision: c.precision ?? "float64" };
    gc?.(); // start each contender from a collected heap (the worker runs with --expose-gc)
    try {
      const timed = await c.setup();
      if (PAIR.test(c.name)) kept.set(c.name, timed);
      const { measurement, check } = measure(timed, args.timing);
      Object.assign(r, measurement, { check });
      process.stderr.write(`  ${w.name}: ${c.name.padEnd(20)} ${fmtMs(measurement.medianMs).padStart(10)} ms\n`);
    } catch (e) {
      r.error = e instanceof Error ? e.message : String(e);
      process.stderr.write(`  ${w.name}: ${c.name.padEnd(20)} failed: ${r.error}\n`);
    }
    result.contenders.push(r);
  }
  for (const [name, naive] of kept) {
    const [, who, suffix] = PAIR.exec(name)!;
    const ours = kept.get(`sliderule${suffix}`);
    if (who !== "naive" || ours === undefined) continue;
    gc?.();
    const p = measurePaired({ name: `sliderule${suffix}`, timed: ours }, { name, timed: naive }, args.timing);
    (result.paired ??= []).push(p);
    process.stderr.write(`  ${w.name}: ${`${p.a} ÷ ${p.b}`.padEnd(36)} ${fmtRatio(p.ratio).padStart(7)} (paired)\n`);
  }
  return result;
}

/** Run `w` in a fresh Node process (this file with --worker), with the same loader flags as this one. */
function runInChild(file: string, w: Workload, args: Args, tmp: string): WorkloadResult {
  const out = join(tmp, `${file}-${w.name}.json`.replace(/[^\w.-]+/g, "_"));
  const argv = [...process.execArgv, "--expose-gc", RUN_FILE, "--worker", file, w.name, out, "--timing", JSON.stringify(args.timing)];
  if (args.contenders) argv.push("--contenders", args.contenders.join(","));
  const r = spawnSync(process.execPath, argv, { stdio: ["ignore", "inherit", "inherit"] });
  if (r.status !== 0) {
    return {
      file,
      name: w.name,
      size: w.size,
      flops: w.flops,
      note: w.note,
      contenders: [{ name: "sliderule", precision: "float64", error: `worker exited with ${r.status ?? r.signal}` }],
    };
  }
  return JSON.parse(readFileSync(out, "utf8")) as WorkloadResult;
}

async function worker(args: Args): Promise<void> {
  const { file, name, result } = args.worker!;
  const w = (await load(file)).find((x) => x.name === name);
  if (!w) throw new Error(`bench: no workload ${name} in ${file}`);
  writeFileSync(result, JSON.stringify(await runWorkload(file, w, args)));
}

// ------------------------------------------------------------------ report

function fmtMs(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3);
}
const fmtRatio = (x: number): string => (x >= 10 ? `${x.toFixed(0)}×` : `${x.toFixed(2)}×`);

/** Derived figures for the table and the JSON: GFLOP/s, time ÷ sliderule's, the check. */
function enrich(w: WorkloadResult): void {
  const ref = w.contenders[0];
  for (const c of w.contenders) {
    if (c.medianMs === undefined) continue;
    if (w.flops) c.gflops = w.flops / (c.medianMs * 1e-3) / 1e9;
    if (ref.medianMs !== undefined) c.vsSliderule = c.medianMs / ref.medianMs;
    if (c !== ref && c.check && ref.check) {
      c.checkError = checksumError(c.check, ref.check);
      const tol = Math.max(w.checkTolerance ?? 0, CHECK_TOLERANCE[c.precision === "float32" || ref.precision === "float32" ? "float32" : "float64"]);
      c.checkOk = c.checkError <= tol;
    }
  }
}

function printWorkload(w: WorkloadResult): void {
  console.log(`\n${w.name}  ${w.size}${w.flops ? `  (${(w.flops / 1e6).toFixed(1)} MFLOP)` : ""}`);
  if (w.note) console.log(`  ${w.note}`);
  console.log(
    `  ${"contender".padEnd(20)} ${"median ms".padStart(10)} ${"p10–p90 ms".padStart(15)} ${"GFLOP/s".padStart(8)} ${"÷ sliderule".padStart(12)} ${"samples".padStart(8)}  check / note`,
  );
  for (const c of w.contenders) {
    if (c.error !== undefined) {
      console.log(`  ${c.name.padEnd(20)} ${"—".padStart(10)} ${"".padStart(15)} ${"".padStart(8)} ${"".padStart(12)} ${"".padStart(8)}  error: ${c.error}`);
      continue;
    }
    const check =
      c.checkOk === undefined ? (c === w.contenders[0] ? "reference" : "unchecked") : c.checkOk ? "ok" : `MISMATCH (${c.checkError!.toExponential(1)})`;
    const notes = [check, c.note].filter(Boolean).join("; ");
    const samples = `${c.samples}${c.batch! > 1 ? `×${c.batch}` : ""}`;
    const spread = c.p10Ms === undefined ? "" : `${fmtMs(c.p10Ms)}–${fmtMs(c.p90Ms!)}`;
    console.log(
      `  ${c.name.padEnd(20)} ${fmtMs(c.medianMs!).padStart(10)} ${spread.padStart(15)} ${(c.gflops?.toFixed(2) ?? "").padStart(8)} ${(c.vsSliderule === undefined ? "" : fmtRatio(c.vsSliderule)).padStart(12)} ${samples.padStart(8)}  ${notes}`,
    );
  }
}

function printPaired(w: WorkloadResult): void {
  for (const p of w.paired ?? []) {
    console.log(
      `  paired: ${p.a} ÷ ${p.b} = ${fmtRatio(p.ratio)} (p10–p90 ${fmtRatio(p.ratioP10)}–${fmtRatio(p.ratioP90)}; ${fmtMs(p.aMs)} vs ${fmtMs(p.bMs)} ms over ${p.rounds} interleaved rounds)`,
    );
  }
}

/** One line per workload: sliderule against the plain loop, NumPy and the fastest JS peer. */
function printSummary(ws: WorkloadResult[]): void {
  const ms = (w: WorkloadResult, name: string) => w.contenders.find((c) => c.name === name)?.medianMs;
  console.log("\nsummary (ratios are time ÷ time; sl/naive is the paired, interleaved ratio: above 1, sliderule is slower than the plain loop)");
  console.log(
    `  ${"workload".padEnd(16)} ${"sliderule ms".padStart(12)} ${"naive ms".padStart(9)} ${"sl/naive".padStart(9)} ${"numpy ms".padStart(9)} ${"sl/numpy".padStart(9)}  fastest JS peer`,
  );
  for (const w of ws) {
    const s = ms(w, "sliderule");
    const nv = ms(w, "naive");
    const pair = w.paired?.find((p) => p.a === "sliderule" && p.b === "naive");
    const slNaive = pair ? pair.ratio : s !== undefined && nv !== undefined ? s / nv : undefined;
    const py = ms(w, "numpy");
    const peers = w.contenders.filter((c) => !c.name.startsWith("sliderule") && !c.name.startsWith("naive") && c.name !== "numpy" && c.medianMs !== undefined);
    const best = peers.sort((p, q) => p.medianMs! - q.medianMs!)[0];
    const cell = (x: number | undefined, f: (x: number) => string) => (x === undefined ? "—" : f(x));
    console.log(
      `  ${w.name.padEnd(16)} ${cell(s, fmtMs).padStart(12)} ${cell(nv, fmtMs).padStart(9)} ${cell(slNaive, fmtRatio).padStart(9)} ${cell(py, fmtMs).padStart(9)} ${cell(s !== undefined && py !== undefined ? s / py : undefined, fmtRatio).padStart(9)}  ${best ? `${best.name} ${fmtMs(best.medianMs!)} ms` : "—"}`,
    );
  }
}

function gitState(): { commit?: string; dirty?: boolean } {
  const rev = spawnSync("git", ["rev-parse", "HEAD"], { cwd: BENCH_DIR, encoding: "utf8" });
  if (rev.status !== 0) return {};
  const st = spawnSync("git", ["status", "--porcelain"], { cwd: BENCH_DIR, encoding: "utf8" });
  return { commit: rev.stdout.trim(), dirty: st.stdout.trim().length > 0 };
}

function machine() {
  const cpus = os.cpus();
  return {
    node: process.version,
    v8: process.versions.v8,
    cpu: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    /** 1-minute load average before the run: above ~0.5, something else was using a core. */
    loadAverage: os.loadavg()[0],
  };
}

// ------------------------------------------------------------------ main

/**
 * Say so when our packages resolve to their dist/ build (a bare `npx tsx bench/run.ts`), which
 * is only as new as the last `npm run build`; `npm run bench` passes --conditions=sliderule-source
 * and measures the source.
 */
function warnIfDist(): void {
  const entry = fileURLToPath(import.meta.resolve("@sliderule/ndarray"));
  if (!entry.includes("/dist/")) return;
  console.error(
    `bench: note: measuring the dist/ build (${relative(process.cwd(), entry)}), as new as the last \`npm run build\`; \`npm run bench\` measures the source`,
  );
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.worker) return worker(args);

  const { found, skipped } = await discover();
  const chosen = found.flatMap(({ file, workloads }) => workloads.filter((w) => selected(args, file, w)).map((w) => ({ file, w })));
  if (args.list) {
    for (const { file, w } of chosen) {
      console.log(
        `${label(file, w)}${w.extended ? " (extended)" : ""}   [${w.contenders
          .map((c) => c.name)
          .concat(w.numpy ? ["numpy"] : [])
          .join(", ")}]`,
      );
    }
    for (const f of skipped) console.log(`(skipped ${f}: no \`workloads\` export; a standalone script: npx tsx bench/${f})`);
    return;
  }
  if (chosen.length === 0) throw new Error(`bench: no workload matches ${args.filters.join(" ")} (npm run bench -- --list)`);

  const started = new Date();
  warnIfDist();
  const m = machine();
  if (m.loadAverage > 0.5) console.error(`bench: warning: load average ${m.loadAverage.toFixed(2)}: another process is busy, figures will be noisy`);
  console.error(`bench: ${chosen.length} workload(s), ${args.timing.targetSeconds} s per contender${args.inline ? ", inline" : ", one process each"}`);
  const tmp = mkdtempSync(join(os.tmpdir(), "sliderule-bench-"));
  const results: WorkloadResult[] = [];
  try {
    for (const { file, w } of chosen) {
      console.error(`${label(file, w)}`);
      results.push(args.inline ? await runWorkload(file, w, args) : runInChild(file, w, args, tmp));
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  // NumPy: all twins in one Python process
  let numpy: NumpyInfo | { skipped: string };
  const jobs: NumpyJob[] = chosen.flatMap(({ w }, k) => (w.numpy ? [{ id: String(k), twin: w.numpy }] : []));
  const python = args.numpy && jobs.length > 0 ? findPython() : undefined;
  if (!args.numpy) numpy = { skipped: "--no-numpy" };
  else if (args.contenders && !args.contenders.includes("numpy")) numpy = { skipped: "not among --contenders" };
  else if (jobs.length === 0) numpy = { skipped: "no workload has a NumPy twin" };
  else if (python === undefined)
    numpy = { skipped: `no Python with numpy among ${PYTHON_CANDIDATES.join(", ")} (set BENCH_PYTHON, or apt-get install python3-numpy)` };
  else {
    console.error(`numpy (${python})`);
    try {
      const r = runNumpy(python, jobs, args.timing);
      numpy = r.info;
      for (const { id, error, ...measured } of r.results) {
        results[Number(id)].contenders.push({ name: "numpy", precision: "float64", ...measured, ...(error ? { error } : {}) });
      }
    } catch (e) {
      numpy = { skipped: e instanceof Error ? e.message : String(e) };
    }
  }

  for (const w of results) enrich(w);
  console.log(`\nSliderule bench, ${started.toISOString()}: node ${m.node}, ${m.cpu} (${m.cores} cores), ${m.platform}, load ${m.loadAverage.toFixed(2)}`);
  if ("skipped" in numpy) console.log(`numpy: skipped (${numpy.skipped})`);
  else {
    const info = numpy;
    const libs = (info.blas as { source: string; libraries: { internal_api?: string; version?: string; architecture?: string; num_threads?: number }[] }) ?? {
      source: "",
      libraries: [],
    };
    const blas = libs.libraries
      .map((l) =>
        [l.internal_api, l.version, l.architecture && `kernel ${l.architecture}`, l.num_threads && `${l.num_threads} thread(s)`].filter(Boolean).join(" "),
      )
      .join("; ");
    console.log(`numpy ${info.numpyVersion} (python ${info.pythonVersion}), BLAS: ${blas || "none found"} [${libs.source}]`);
  }
  for (const w of results) {
    printWorkload(w);
    printPaired(w);
  }
  printSummary(results);
  if (skipped.length > 0) console.log(`\nnot run (no \`workloads\` export: standalone scripts): ${skipped.join(", ")}`);

  mkdirSync(dirname(args.out), { recursive: true });
  const json = {
    date: started.toISOString(),
    machine: m,
    git: gitState(),
    filters: args.filters,
    timing: args.timing,
    peers: (await import("./peers.js")).peerVersions(),
    numpy,
    workloads: results,
  };
  writeFileSync(args.out, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nwrote ${relative(process.cwd(), args.out)}`);
}

await main();
