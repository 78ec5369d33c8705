/**
 * Standard normal variates by the ziggurat method, as NumPy's `Generator.standard_normal`
 * (`random_standard_normal`, float64) and `standard_normal(dtype=float32)`
 * (`random_standard_normal_f`) in `numpy/random/src/distributions/distributions.c`.
 *
 * Algorithm (Marsaglia & Tsang, 256 layers)
 *   The half-density f(x) = exp(−x²/2) is covered by 255 rectangles of equal area v and a base
 *   strip (rectangle [0, r] plus the tail x > r), with x_255 = r and
 *     x_{i−1} = f⁻¹(f(x_i) + v/x_i),   f⁻¹(y) = √(−2 log y).
 *   Draw 64 bits: the low 8 pick a layer i, the next one a sign, the next 52 a uniform
 *   integer rabs; x = rabs · w_i. Accept at once if rabs < k_i (x lies under the layer above,
 *   ≈ 99.3% of draws); in layer 0 sample the tail by Marsaglia's exponential method
 *   (x = −log(1−U₁)/r until 2·(−log(1−U₂)) > x², return r + x); otherwise accept x if a
 *   uniform point in the wedge lies under f.
 *   Tables, as NumPy's ziggurat_constants.h defines them (index i = layer from the top):
 *     w_i = x_i / 2^52 (w_0 = (v/f(r)) / 2^52),  f_i = f(x_i),
 *     k_i = rint(2^52 · x_{i−1}/x_i) (k_0 = rint(2^52 · r·f(r)/v), k_1 = 0);
 *   float versions use 2^23 and float32 rounding.
 *
 * Outputs
 *   {@link standardNormal}(bg): one float64 variate; {@link standardNormalF}(bg): one float32
 *   variate (a JS number holding a float32 value). Both consume `bg` exactly as NumPy does.
 *
 * Invariant
 *   The tables are rebuilt at module load from r = 3.6541528853610088 and
 *   v = 0.0049286732339746519 by NumPy's generating recursion, with correctly rounded exp and
 *   log. They then equal NumPy's tables bit for bit, except for one rounding: the libm that
 *   generated NumPy's tables returned the upper neighbour of exp(−0.38951100007894385) (true
 *   value 0.498 ulp above the lower one), which fixes x_217…x_1; {@link expAsNumPyTables}
 *   reproduces that single rounding.
 *
 * Reference
 *   G. Marsaglia & W. W. Tsang, "The Ziggurat Method for Generating Random Variables", J. Stat.
 *   Software 5(8), 2000; J. A. Doornik, "An Improved Ziggurat Method to Generate Normal Random
 *   Samples" (2005). Sibling: `legacy-gauss.ts` (the polar method of RandomState).
 */
import { nextFloat, type BitGenerator } from "./bit-generator.js";
import { expCR, logCR } from "./correctly-rounded.js";
import { nextUp } from "./double-double.js";
import { log1pfGlibc, log1pGlibc } from "./log1p.js";

const LAYERS = 256;
/** Right edge r of the base layer (NumPy's ziggurat_nor_r). */
export const ZIGGURAT_NOR_R = 3.6541528853610087963519472518;
/** 1 / r (NumPy's ziggurat_nor_inv_r). */
export const ZIGGURAT_NOR_INV_R = 0.27366123732975827203338247596;
/** Area v of each layer. */
const LAYER_AREA = 0.0049286732339746519;
const ZIGGURAT_NOR_R_F = Math.fround(ZIGGURAT_NOR_R);
const ZIGGURAT_NOR_INV_R_F = Math.fround(ZIGGURAT_NOR_INV_R);

// The one argument where the table-generating libm's exp rounded up (see the header).
const MISROUNDED_EXP_ARG = -0.38951100007894385;

/** exp(y) as the libm that generated NumPy's tables returned it: correctly rounded, but one. */
export function expAsNumPyTables(y: number): number {
  const e = expCR(y);
  return y === MISROUNDED_EXP_ARG ? nextUp(e) : e;
}

/** NumPy's np.round: round half to even. */
function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const d = v - f;
  if (d < 0.5) return f;
  if (d > 0.5) return f + 1;
  return f % 2 === 0 ? f : f + 1;
}

export interface ZigguratTables {
  /** k_i: acceptance thresholds for rabs (exact integers < 2^52). */
  kiDouble: Float64Array;
  /** w_i: layer widths x_i / 2^52. */
  wiDouble: Float64Array;
  /** f_i = exp(−x_i²/2). */
  fiDouble: Float64Array;
  /** k_i for the 23-bit float path. */
  kiFloat: Int32Array;
  /** w_i = x_i / 2^23 rounded to float32. */
  wiFloat: Float32Array;
  /** f_i rounded to float32. */
  fiFloat: Float32Array;
}

/** Build the ziggurat tables by NumPy's recursion (x_0 = 0 … x_255 = r, here ascending). */
export function buildZigguratTables(): ZigguratTables {
  const r = ZIGGURAT_NOR_R;
  const v = LAYER_AREA;
  const pdf = (x: number): number => expAsNumPyTables(-0.5 * x * x);
  // Layer edges from the base upwards: x_255 = r, x_{i−1} = f⁻¹(f(x_i) + v/x_i), x_0 = 0.
  const x = new Float64Array(LAYERS);
  x[LAYERS - 1] = r;
  for (let i = LAYERS - 2; i >= 1; i--) {
    const xi = x[i + 1];
    x[i] = Math.sqrt(-2 * logCR(pdf(xi) + v / xi));
  }
  x[0] = 0;
  const fr = pdf(r);
  const make = (scale: number): { k: Float64Array; w: Float64Array } => {
    const k = new Float64Array(LAYERS);
    const w = new Float64Array(LAYERS);
    // k_0 covers the base strip: the fraction r·f(r)/v of it is the rectangle.
    k[0] = roundHalfEven(((r * fr) / v) * scale);
    for (let i = 1; i < LAYERS; i++) k[i] = roundHalfEven((x[i - 1] / x[i]) * scale);
    // w_0 = (v / f(r)) / scale: the base strip is sampled as a rectangle of width v/f(r).
    w[0] = v / fr / scale;
    for (let i = 1; i < LAYERS; i++) w[i] = x[i] / scale;
    return { k, w };
  };
  const d = make(2 ** 52);
  const f = make(2 ** 23);
  const fiDouble = new Float64Array(LAYERS);
  for (let i = 0; i < LAYERS; i++) fiDouble[i] = pdf(x[i]);
  return {
    kiDouble: d.k,
    wiDouble: d.w,
    fiDouble,
    kiFloat: Int32Array.from(f.k),
    wiFloat: Float32Array.from(f.w),
    fiFloat: Float32Array.from(fiDouble),
  };
}

const TABLES = buildZigguratTables();
const KI = TABLES.kiDouble;
const WI = TABLES.wiDouble;
const FI = TABLES.fiDouble;
const KI_F = TABLES.kiFloat;
const WI_F = TABLES.wiFloat;
const FI_F = TABLES.fiFloat;

/**
 * One float64 standard normal variate: NumPy's `random_standard_normal(bitgen)`.
 * Consumes one 64-bit draw per try (plus doubles in the tail and wedges).
 */
export function standardNormal(bg: BitGenerator): number {
  for (;;) {
    // 64 bits = [3 unused | 52 bits rabs | 1 bit sign | 8 bits layer index]
    bg.nextUint64();
    const hi = bg.hi;
    const lo = bg.lo;
    const idx = lo & 0xff;
    const rabs = (hi & 0x1fffffff) * 8388608 + (lo >>> 9);
    let x = rabs * WI[idx];
    if ((lo >>> 8) & 1) x = -x;
    if (rabs < KI[idx]) return x; // inside the layer below: ≈ 99.3% of draws
    if (idx === 0) {
      // Tail beyond r (Marsaglia 1964), with 1 − U to avoid log(0) as NumPy does.
      for (;;) {
        const xx = -ZIGGURAT_NOR_INV_R * log1pGlibc(-bg.nextDouble());
        const yy = -log1pGlibc(-bg.nextDouble());
        if (yy + yy > xx * xx) {
          // bit 8 of rabs is bit 17 of the draw
          return (lo >>> 17) & 1 ? -(ZIGGURAT_NOR_R + xx) : ZIGGURAT_NOR_R + xx;
        }
      }
    }
    // Wedge between layers idx−1 and idx: accept if a uniform height lies under f(x).
    if ((FI[idx - 1] - FI[idx]) * bg.nextDouble() + FI[idx] < Math.exp(-0.5 * x * x)) return x;
  }
}

const fround = Math.fround;

/**
 * One float32 standard normal variate: NumPy's `random_standard_normal_f(bitgen)`, with every
 * operation rounded to float as C's float arithmetic does. Consumes one 32-bit draw per try.
 */
export function standardNormalF(bg: BitGenerator): number {
  for (;;) {
    // 32 bits = [23 bits rabs | 1 bit sign | 8 bits layer index]
    const r = bg.nextUint32();
    const idx = r & 0xff;
    const rabs = (r >>> 9) & 0x007fffff;
    let x = fround(rabs * WI_F[idx]);
    if ((r >>> 8) & 1) x = -x;
    if (rabs < KI_F[idx]) return x;
    if (idx === 0) {
      for (;;) {
        const xx = fround(-ZIGGURAT_NOR_INV_R_F * log1pfGlibc(-nextFloat(bg)));
        const yy = -log1pfGlibc(-nextFloat(bg));
        if (fround(yy + yy) > fround(xx * xx)) {
          return (rabs >>> 8) & 1 ? -fround(ZIGGURAT_NOR_R_F + xx) : fround(ZIGGURAT_NOR_R_F + xx);
        }
      }
    }
    const height = fround(fround(fround(FI_F[idx - 1] - FI_F[idx]) * nextFloat(bg)) + FI_F[idx]);
    if (height < fround(Math.exp(fround(fround(-0.5 * x) * x)))) return x;
  }
}
