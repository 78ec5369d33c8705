/**
 * Speed of the gemm kernel (packages/ndarray/src/kernels/gemm.ts), in GFLOP/s = 2·m·n·k / t.
 *
 *   npx tsx bench/gemm-kernel.bench.ts            the table: square sizes, layouts, dtypes, batched
 *   npx tsx bench/gemm-kernel.bench.ts --sweep    also sweep the block sizes mc, kc
 *   npx tsx bench/gemm-kernel.bench.ts --tiles    also time register tiles MR×NR (micro-kernel alone)
 *   npx tsx bench/gemm-kernel.bench.ts --mc 64 --kc 256 --nc 4096 --mr 4 --nr 4   one setting
 *
 * Each figure is the best of several timed runs after a warm-up, so it is the kernel's speed
 * with warm caches and a JIT-compiled kernel. Layouts: NN is C-contiguous A and B; TN has
 * A = T(X) for a C-contiguous X (the view with strides rs = 1, cs = m); NT has B = T(Y).
 */
import { strided, T, type Block } from "../packages/ndarray/src/kernels/block.js";
import { GEMM_DEFAULTS, gemm, gemmReference, gemmSmall, type FloatArray, type GemmOptions } from "../packages/ndarray/src/kernels/gemm.js";

type Layout = "NN" | "TN" | "NT";
type Ctor = Float64ArrayConstructor | Float32ArrayConstructor;

function random(Ctor: Ctor, size: number): FloatArray {
  const x = new Ctor(size);
  for (let i = 0; i < size; i++) x[i] = Math.random() - 0.5;
  return x;
}

/** A C-contiguous rows×cols view of `data`. */
const rowMajor = (data: FloatArray, rows: number, cols: number): Block => strided(data, rows, cols, 0, cols, 1);

/** Operands of a square-ish m×k · k×n product, C-contiguous C, A and B in the given layout. */
function problem(Ctor: Ctor, m: number, n: number, k: number, layout: Layout): [A: Block, B: Block, C: Block] {
  const A = layout === "TN" ? T(rowMajor(random(Ctor, m * k), k, m)) : rowMajor(random(Ctor, m * k), m, k);
  const B = layout === "NT" ? T(rowMajor(random(Ctor, k * n), n, k)) : rowMajor(random(Ctor, k * n), k, n);
  return [A, B, rowMajor(new Ctor(m * n), m, n)];
}

/** Best seconds per call of `run` over `reps` timed batches of at least `minSeconds` each. */
function timeIt(run: () => void, minSeconds = 0.2, reps = 3): number {
  run(); // warm-up: JIT and scratch buffers
  let calls = 1;
  for (;;) {
    const t0 = performance.now();
    for (let c = 0; c < calls; c++) run();
    if ((performance.now() - t0) / 1e3 >= minSeconds / 4) break;
    calls *= 2;
  }
  let best = Infinity;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    for (let c = 0; c < calls; c++) run();
    best = Math.min(best, (performance.now() - t0) / 1e3 / calls);
  }
  return best;
}

const gflops = (m: number, n: number, k: number, seconds: number): string => ((2 * m * n * k) / seconds / 1e9).toFixed(2);

function parseOptions(argv: string[]): Partial<GemmOptions> | undefined {
  const o: Partial<GemmOptions> = {};
  for (const key of ["mc", "kc", "nc", "mr", "nr", "smallWork"] as const) {
    const at = argv.indexOf(`--${key}`);
    if (at >= 0) o[key] = Number(argv[at + 1]);
  }
  return Object.keys(o).length > 0 ? o : undefined;
}

function table(options: Partial<GemmOptions> | undefined): void {
  console.log(`gemm options: ${JSON.stringify({ ...GEMM_DEFAULTS, ...options })}`);
  console.log("dtype    layout     n   gemm GFLOP/s   reference GFLOP/s");
  for (const [name, Ctor] of [
    ["float64", Float64Array],
    ["float32", Float32Array],
  ] as const) {
    for (const layout of ["NN", "TN", "NT"] as const) {
      for (const n of [64, 128, 256, 512, 1024]) {
        if (layout !== "NN" && n < 512) continue;
        const [A, B, C] = problem(Ctor, n, n, n, layout);
        const t = timeIt(() => gemm(1, A, B, 0, C, options), n >= 512 ? 1 : 0.2, n >= 1024 ? 2 : 3);
        // the triple loop only where it finishes quickly
        const ref =
          n <= 256 && layout === "NN"
            ? gflops(
                n,
                n,
                n,
                timeIt(() => gemmReference(1, A, B, 0, C), 0.2, 1),
              )
            : "";
        console.log(`${name}  ${layout}  ${String(n).padStart(8)}  ${gflops(n, n, n, t).padStart(13)}  ${ref.padStart(18)}`);
      }
    }
  }

  // batched matmul: 1000 × (16×16 @ 16×16), one gemm call per matrix, as np.matmul would make
  const batch = 1000;
  const s = 16;
  console.log(`\nbatched ${batch} × (${s}×${s} @ ${s}×${s}), float64      ms per batch   GFLOP/s`);
  // three views whose offsets move through the stacks, as products/batched-gemm.ts does
  type MovingBlock = { -readonly [F in keyof Block]: Block[F] };
  const stack = (data: FloatArray): MovingBlock => ({ data, off: 0, rs: s, cs: 1, rows: s, cols: s });
  const [A, B, C] = [stack(random(Float64Array, batch * s * s)), stack(random(Float64Array, batch * s * s)), stack(new Float64Array(batch * s * s))];
  type Kernel = (alpha: number, A: Block, B: Block, beta: number, C: Block) => void;
  const variants: [string, Kernel][] = [
    ["gemm (dispatch)", (alpha, A, B, beta, C) => gemm(alpha, A, B, beta, C, options)],
    ["gemmSmall", gemmSmall],
    ["gemm forced blocked", (alpha, A, B, beta, C) => gemm(alpha, A, B, beta, C, { ...options, smallWork: 0 })],
    ["gemmReference", gemmReference],
  ];
  for (const [label, f] of variants) {
    const t = timeIt(() => {
      for (let b = 0; b < batch; b++) {
        A.off = B.off = C.off = b * s * s;
        f(1, A, B, 0, C);
      }
    });
    console.log(`  ${label.padEnd(40)} ${(t * 1e3).toFixed(3).padStart(10)}   ${gflops(batch * s, s, s, t).padStart(7)}`);
  }

  // where the dispatch threshold sits: unpacked against packed at small cubes
  console.log("\nsmall cubes, float64 NN      n   gemmSmall GFLOP/s   blocked GFLOP/s");
  for (const n of [8, 16, 24, 32, 40, 48, 64, 96]) {
    const [A, B, C] = problem(Float64Array, n, n, n, "NN");
    const small = gflops(
      n,
      n,
      n,
      timeIt(() => gemmSmall(1, A, B, 0, C), 0.1),
    );
    const blocked = gflops(
      n,
      n,
      n,
      timeIt(() => gemm(1, A, B, 0, C, { ...options, smallWork: 0 }), 0.1),
    );
    console.log(`  ${String(n).padStart(28)}  ${small.padStart(18)}  ${blocked.padStart(16)}`);
  }
  // vector shapes (n = 1 goes unpacked)
  console.log("\nmatrix·vector, float64 NN   m=k   n   gemm GFLOP/s");
  for (const n of [1, 2, 4]) {
    const [A, B, C] = problem(Float64Array, 1024, n, 1024, "NN");
    console.log(
      `  ${"1024".padStart(29)}  ${String(n).padStart(2)}  ${gflops(
        1024,
        n,
        1024,
        timeIt(() => gemm(1, A, B, 0, C, options), 0.1),
      ).padStart(12)}`,
    );
  }
}

/** Sweep the block sizes mc, kc of the 4×4 kernel at n = 512 and 1024, float64 NN. */
function sweep(): void {
  console.log("\nsweep, float64 NN, 4×4 tile:  mc    kc   GFLOP/s n=512   n=1024");
  const [A512, B512, C512] = problem(Float64Array, 512, 512, 512, "NN");
  const [A1024, B1024, C1024] = problem(Float64Array, 1024, 1024, 1024, "NN");
  for (const kc of [128, 256, 512, 1024]) {
    for (const mc of [64, 128, 256]) {
      const o: Partial<GemmOptions> = { mc, kc };
      const g512 = gflops(
        512,
        512,
        512,
        timeIt(() => gemm(1, A512, B512, 0, C512, o), 0.5),
      );
      const g1024 = gflops(
        1024,
        1024,
        1024,
        timeIt(() => gemm(1, A1024, B1024, 0, C1024, o), 1, 2),
      );
      console.log(`  ${String(mc).padStart(28)} ${String(kc).padStart(5)} ${g512.padStart(14)} ${g1024.padStart(8)}`);
    }
  }
  // the generic micro-kernel (any mr×nr, tile kept in memory) is there for correctness only
  const generic = gflops(
    512,
    512,
    512,
    timeIt(() => gemm(1, A512, B512, 0, C512, { mr: 3, nr: 5 }), 0.5),
  );
  console.log(`  generic 3×5 micro-kernel, n=512: ${generic} GFLOP/s`);
}

/**
 * Which register tile? Time MR×NR micro-kernels alone on packed slivers (kc = 256, Ap and Bp
 * in L1/L2), each generated here with the same structure as microKernel4x4 in gemm.ts. The
 * library ships only the winner unrolled by hand; generating code is for this study only.
 */
function tiles(): void {
  console.log("\nmicro-kernel alone, kc = 256:  MR×NR   GFLOP/s");
  const kc = 256;
  for (const [MR, NR] of [
    [2, 2],
    [2, 4],
    [4, 2],
    [3, 4],
    [4, 4],
    [4, 5],
    [4, 6],
    [6, 4],
    [3, 8],
    [4, 8],
    [8, 4],
    [6, 6],
    [8, 8],
  ]) {
    const c = (i: number, j: number) => `c${i}_${j}`;
    let body = "let a = aIdx, b = bIdx;\n";
    for (let i = 0; i < MR; i++) for (let j = 0; j < NR; j++) body += `let ${c(i, j)} = 0;\n`;
    body += `for (let p = 0; p < kc; p++, a += ${MR}, b += ${NR}) {\n`;
    for (let i = 0; i < MR; i++) body += `const a${i} = Ap[a + ${i}];\n`;
    for (let j = 0; j < NR; j++) body += `const b${j} = Bp[b + ${j}];\n`;
    for (let i = 0; i < MR; i++) for (let j = 0; j < NR; j++) body += `${c(i, j)} += a${i} * b${j};\n`;
    body += "}\n";
    for (let i = 0; i < MR; i++) for (let j = 0; j < NR; j++) body += `T[${i * NR + j}] = ${c(i, j)};\n`;
    const micro = new Function("kc", "Ap", "aIdx", "Bp", "bIdx", "T", body) as (
      kc: number,
      Ap: Float64Array,
      aIdx: number,
      Bp: Float64Array,
      bIdx: number,
      T: Float64Array,
    ) => void;
    const slivers = 64; // 64 slivers of Ap: an mc = 64·MR block
    const Ap = random(Float64Array, MR * kc * slivers) as Float64Array;
    const Bp = random(Float64Array, NR * kc * 4) as Float64Array;
    const T = new Float64Array(MR * NR);
    const calls = Math.ceil(2e8 / (2 * MR * NR * kc));
    const t = timeIt(() => {
      for (let s = 0; s < calls; s++) micro(kc, Ap, (s % slivers) * MR * kc, Bp, (s & 3) * NR * kc, T);
    }, 0.3);
    console.log(`  ${`${MR}×${NR}`.padStart(34)} ${((2 * MR * NR * kc * calls) / t / 1e9).toFixed(2).padStart(9)}`);
  }
}

const argv = process.argv.slice(2);
table(parseOptions(argv));
if (argv.includes("--sweep")) sweep();
if (argv.includes("--tiles")) tiles();
