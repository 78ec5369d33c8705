/**
 * Which kernels run gemm: the TypeScript kernel (gemm.ts) or a WebAssembly SIMD build of
 * gemm.as.ts (wasm/gemm.wasm.ts). The analogue of NumPy's `np.show_config()`.
 *
 *   "typescript"          gemm.ts only (every engine)
 *   "wasm-simd"           f64x2 / f32x4 lanes, multiply then add (engines with SIMD: Node ≥ 16.4,
 *                         current Chrome, Firefox, Safari ≥ 16.4)
 *   "wasm-relaxed-simd"   the same with relaxed_madd (fused multiply-add where the CPU has it;
 *                         Chrome ≥ 114; Node 20 only with --experimental-wasm-relaxed-simd)
 *   "auto" (default)      the best the engine validates, in the order relaxed, simd, typescript
 *
 * Feature detection validates two tiny probe modules (WebAssembly.validate), one with an
 * f64x2.add and one with an f64x2.relaxed_madd. The choice can be forced with setBackend(),
 * or in Node with the environment variable SLIDERULE_BACKEND (read through
 * globalThis.process, no node: import, so the browser path is the same code). A backend that
 * is requested but unavailable, or a module that fails to load, falls back with one console
 * warning (setBackend throws instead: forcing is for tests, which must not pass silently).
 *
 * Only products with m·n·k ≥ WASM_CROSSOVER³ (16³) and both m, n ≥ the register tile's 6 rows
 * go to WebAssembly: below that, copying operands in and out costs more than SIMD saves.
 */
import { ValueError } from "../errors.js";
import { checkBool, checkOptions, describe, checkArity } from "../validate.js";
import { loadWasmGemm, residentAlloc, residentRelease, wasmBytes, wasmMemoryBytes, type WasmFlavour } from "./wasm/gemm.wasm.js";

export type BackendName = "typescript" | WasmFlavour;
export type BackendRequest = BackendName | "auto";

const BACKENDS: readonly BackendRequest[] = ["auto", "typescript", "wasm-simd", "wasm-relaxed-simd"];

/**
 * Side of the smallest cube m·n·k sent to WebAssembly. Measured on a 2-core AMD EPYC (Zen 4),
 * Node 20, square float64 products, copies included, time of gemm.ts ÷ time of wasm-simd:
 * 0.35 at 8³, 1.2 at 16³, 2.0 at 24³, 3.0 at 48³, 3.3 at 64³ (reproduce with
 * `npx tsx bench/matmul-backends.bench.ts --crossover`).
 */
export const WASM_CROSSOVER = 16;
/** Smallest m and n sent to WebAssembly (thinner products are mostly tile padding; measured with the earlier 6×4 tile). */
export const WASM_MIN_SIDE = 6;

// ------------------------------------------------------------------ feature detection

/** (func (result v128) (f64x2.add (i8x16.splat (i32.const 0)) (i8x16.splat (i32.const 0)))) */
const SIMD_PROBE = new Uint8Array([
  0,
  97,
  115,
  109,
  1,
  0,
  0,
  0, // \0asm, version 1
  1,
  5,
  1,
  96,
  0,
  1,
  123, // type: () -> v128
  3,
  2,
  1,
  0, // one function of type 0
  10,
  15,
  1,
  13,
  0,
  65,
  0,
  253,
  15,
  65,
  0,
  253,
  15,
  253,
  240,
  1,
  11, // code: splat, splat, f64x2.add
]);
/** The same with three splats and f64x2.relaxed_madd (0xfd 0x107), the instruction the kernel uses. */
const RELAXED_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 19, 1, 17, 0, 65, 0, 253, 15, 65, 0, 253, 15, 65, 0, 253, 15, 253, 135, 2, 11,
]);

export interface EngineFeatures {
  webassembly: boolean;
  simd: boolean;
  relaxedSimd: boolean;
}

let features: EngineFeatures | undefined;

/** What the engine validates (cached). */
export function engineFeatures(): EngineFeatures {
  if (features !== undefined) return features;
  const wa = (globalThis as { WebAssembly?: typeof WebAssembly }).WebAssembly;
  const valid = (bytes: Uint8Array<ArrayBuffer>): boolean => {
    try {
      return wa !== undefined && wa.validate(bytes);
    } catch {
      return false;
    }
  };
  features = { webassembly: wa !== undefined, simd: valid(SIMD_PROBE), relaxedSimd: valid(RELAXED_PROBE) };
  return features;
}

// ------------------------------------------------------------------ the choice

/** What was asked for, and by whom. */
let requested: BackendRequest = "auto";
let requestedBy: "default" | "SLIDERULE_BACKEND" | "setBackend" = "default";
/** What runs: resolved lazily from `requested` (undefined: not yet resolved). */
let active: BackendName | undefined;

// SLIDERULE_BACKEND, in Node only (globalThis.process exists there; browsers have none)
{
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.SLIDERULE_BACKEND;
  if (env !== undefined && env !== "") {
    if ((BACKENDS as readonly string[]).includes(env)) {
      requested = env as BackendRequest;
      requestedBy = "SLIDERULE_BACKEND";
    } else {
      console.warn(`sliderule: SLIDERULE_BACKEND=${env} is not one of ${BACKENDS.join(", ")}; using auto`);
    }
  }
}

/** Can `name` run here: validated by the engine and loaded without error? */
function usable(name: BackendName, quiet: boolean): boolean {
  if (name === "typescript") return true;
  const f = engineFeatures();
  if (!(name === "wasm-simd" ? f.simd : f.relaxedSimd)) return false;
  return loadWasmGemm(name, quiet) !== null;
}

/** Resolve `requested` to what runs. Unavailable explicit requests warn once and fall back. */
function resolve(): BackendName {
  if (active !== undefined) return active;
  if (requested === "auto") {
    active = usable("wasm-relaxed-simd", true) ? "wasm-relaxed-simd" : usable("wasm-simd", false) ? "wasm-simd" : "typescript";
  } else if (usable(requested, false)) {
    active = requested;
  } else {
    const fallback: BackendName = requested === "wasm-relaxed-simd" && usable("wasm-simd", false) ? "wasm-simd" : "typescript";
    console.warn(`sliderule: backend ${requested} (from ${requestedBy}) is not available in this engine; using ${fallback}`);
    active = fallback;
  }
  return active;
}

/**
 * Choose the gemm backend: "auto" (default), "typescript", "wasm-simd" or "wasm-relaxed-simd".
 * @throws ValueError `setBackend:` for an unknown name, a backend this engine cannot run, or an
 *   extra argument; Error while resident workspaces are in use.
 * @example
 *   setBackend("typescript"); // getBackend() === "typescript"
 */
export function setBackend(name: BackendRequest): void {
  checkArity("setBackend", arguments.length, ["name"], 1);
  if (!(BACKENDS as readonly string[]).includes(name)) {
    throw new ValueError(`setBackend: backend must be one of ${BACKENDS.join(", ")}, got ${typeof name === "string" ? name : describe(name)}`);
  }
  if (name !== "auto" && !usable(name, false)) {
    const f = engineFeatures();
    throw new ValueError(
      `setBackend: ${name} is not available in this engine (WebAssembly SIMD: ${f.simd ? "yes" : "no"}, relaxed SIMD: ${f.relaxedSimd ? "yes" : "no"})`,
    );
  }
  if (liveResident > 0) throw new Error(`setBackend: ${liveResident} resident workspace(s) still in use; release them first`);
  requested = name;
  requestedBy = "setBackend";
  active = undefined;
  resolve();
}

/** The backend gemm uses now: "typescript", "wasm-simd" or "wasm-relaxed-simd". */
export function getBackend(): BackendName {
  return resolve();
}

/**
 * The loaded WebAssembly flavour to run an m×k by k×n product on, or null for the TypeScript
 * kernel (that backend, or a product below the crossover). gemm.ts calls this per product.
 */
export function wasmFor(m: number, n: number, k: number): ReturnType<typeof loadWasmGemm> {
  if (m < WASM_MIN_SIDE || n < WASM_MIN_SIDE || m * n * k < WASM_CROSSOVER ** 3) return null;
  const b = active ?? resolve();
  return b === "typescript" ? null : loadWasmGemm(b);
}

/** The loaded WebAssembly flavour the active backend runs on, or null (TypeScript). */
export function activeWasm(): ReturnType<typeof loadWasmGemm> {
  const b = active ?? resolve();
  return b === "typescript" ? null : loadWasmGemm(b);
}

/** Float64 work arrays in WebAssembly memory, and the way to give them back. */
export interface ResidentWork {
  arrays: Float64Array[];
  /** Give the arrays back; they must not be used afterwards. Release in reverse order of allocation. */
  release(): void;
}

/**
 * Float64 work arrays of the given sizes inside the active WebAssembly backend's memory, or
 * null (TypeScript backend, or no memory to be had). gemm on operands that all lie in them
 * runs in place: nothing is copied in or out (gemm.wasm.ts, "resident workspaces"). For the
 * working matrices of factorizations, whose trailing updates are most of their gemm calls.
 * While any lives, the backend cannot change and the memory does not grow.
 */
export function residentWork(sizes: readonly number[]): ResidentWork | null {
  const b = active ?? resolve();
  if (b === "typescript") return null;
  const w = loadWasmGemm(b);
  if (w === null) return null;
  const arrays = residentAlloc(w, sizes);
  if (arrays === null) return null;
  liveResident++;
  let released = false;
  return {
    arrays,
    release: () => {
      if (released) return;
      released = true;
      residentRelease(w);
      liveResident--;
    },
  };
}

/** Resident workspaces alive now (setBackend refuses to switch while any is). */
let liveResident = 0;

/**
 * A readable description of the kernels in use: engine features, the chosen backend and why,
 * the crossover size, and the WebAssembly memory held. The analogue of `np.show_config()`.
 */
export function showConfig(options: { print?: boolean } = {}): string {
  checkOptions("showConfig", options, ["print"]);
  if (options.print !== undefined) checkBool("showConfig", "print", options.print);
  const text = configText();
  // NumPy's show_config prints; returning the text too lets a program or a test read it
  if (options.print ?? true) console.log(text);
  return text;
}

function configText(): string {
  const f = engineFeatures();
  const b = getBackend();
  const yes = (x: boolean) => (x ? "yes" : "no");
  const mem = (["wasm-simd", "wasm-relaxed-simd"] as const).map((w) => wasmMemoryBytes(w)).reduce((s, x) => s + x, 0);
  return [
    "sliderule kernels",
    `  backend:          ${b} (requested ${requested}, by ${requestedBy})`,
    `  engine:           WebAssembly ${yes(f.webassembly)}, SIMD ${yes(f.simd)}, relaxed SIMD ${yes(f.relaxedSimd)}`,
    `  gemm on wasm:     ${b === "typescript" ? "never" : `when m·n·k ≥ ${WASM_CROSSOVER}³ and m, n ≥ ${WASM_MIN_SIDE}; smaller products use the TypeScript kernel`}`,
    `  factorizations:   ${b === "typescript" ? "TypeScript (linalg's getrf, potrf, trsm)" : "float64 LU, Cholesky, Householder QR and triangular solves whole in WebAssembly on resident workspaces (factor.as.ts); float32 and complex in TypeScript"}`,
    `  float32 sums:     float64 on every backend (one rounding of C to float32)`,
    `  wasm memory:      ${(mem / 2 ** 20).toFixed(1)} MiB`,
    `  wasm module:      ${wasmBytes("wasm-simd").length} bytes (simd), ${wasmBytes("wasm-relaxed-simd").length} bytes (relaxed-simd), built from kernels.as.ts`,
    '  choose with:      setBackend("typescript" | "wasm-simd" | "wasm-relaxed-simd" | "auto"), or SLIDERULE_BACKEND in Node',
  ].join("\n");
}
