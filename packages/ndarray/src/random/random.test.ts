/**
 * Properties of the random module (fast-check) and its errors; building blocks against
 * published test vectors. Bit-exact agreement with NumPy is checked in random.golden.test.ts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValueError } from "../errors.js";
import { NDArray } from "../ndarray.js";
import { logCR } from "./correctly-rounded.js";
import { fma, twoProduct, lastError } from "./double-double.js";
import { defaultRng, Generator } from "./generator.js";
import * as random from "./index.js";
import { MT19937 } from "./mt19937.js";
import { PCG64 } from "./pcg64.js";
import { RandomState } from "./random-state.js";
import { SeedSequence } from "./seed-sequence.js";
import { buildZigguratTables, ZIGGURAT_NOR_R } from "./ziggurat.js";

const values = (x: number | NDArray): number[] => (typeof x === "number" ? [x] : Array.from(x.toTypedArray()));
const seedArb = fc.integer({ min: 0, max: 2 ** 32 - 1 });
const bigSeedArb = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });

/** Expect `f` to throw a ValueError whose message starts with `fn:` and contains `part`. */
function expectValueError(f: () => unknown, fn: string, part: string): void {
  let err: unknown;
  try {
    f();
  } catch (e) {
    err = e;
  }
  expect(err, `${fn} should throw`).toBeInstanceOf(ValueError);
  expect((err as Error).message.startsWith(`${fn}:`), (err as Error).message).toBe(true);
  expect((err as Error).message).toContain(part);
}

describe("bit generators: published test vectors", () => {
  it("MT19937 init_genrand(5489) and init_by_array([0x123, 0x234, 0x345, 0x456]) (mt19937ar.out)", () => {
    const mt = new MT19937();
    mt.seed(5489);
    expect([mt.nextUint32(), mt.nextUint32()]).toEqual([3499211612, 581869302]);
    mt.initByArray([0x123, 0x234, 0x345, 0x456]);
    expect([mt.nextUint32(), mt.nextUint32(), mt.nextUint32()]).toEqual([1067595299, 955945823, 477289528]);
  });

  it("SeedSequence pool and generate_state (NumPy)", () => {
    const ss = new SeedSequence(0);
    expect(Array.from(ss.pool)).toEqual([4265667335, 1328953910, 1320288413, 3365567143]);
    expect(Array.from(ss.generateState(4))).toEqual([2968811710, 3677149159, 745650761, 2884920346]);
    expect(Array.from(new SeedSequence(2 ** 53 - 1).generateState(4))).toEqual([3367776697, 1170575226, 2422347966, 3181658150]);
    expect(Array.from(new SeedSequence([1, 2, 3, 4, 5, 6]).generateState(3))).toEqual([488360481, 3956080669, 2986500235]);
  });

  it("PCG64(SeedSequence(0)) raw 64-bit outputs (NumPy's PCG64(0).random_raw)", () => {
    const p = new PCG64(new SeedSequence(0));
    const out: [number, number][] = [];
    for (let i = 0; i < 3; i++) {
      p.nextUint64();
      out.push([p.hi, p.lo]);
    }
    expect(out).toEqual([
      [2735729615, 3653403231],
      [1158725112, 2195314465],
      [175979945, 1322117304],
    ]);
  });

  it("PCG64 next_uint32 serves the low half, then the cached high half", () => {
    const a = new PCG64(new SeedSequence(7));
    const b = new PCG64(new SeedSequence(7));
    b.nextUint64();
    expect([a.nextUint32(), a.nextUint32()]).toEqual([b.lo, b.hi]);
  });
});

describe("building blocks", () => {
  it("ziggurat tables: structure and spot values of NumPy's ziggurat_constants.h", () => {
    const t = buildZigguratTables();
    expect(t.kiDouble[1]).toBe(0);
    expect(t.fiDouble[0]).toBe(1);
    expect(t.wiDouble[255] * 2 ** 52).toBe(ZIGGURAT_NOR_R);
    expect(t.kiDouble[0]).toBe(0x000ef33d8025ef6a);
    expect(t.kiDouble[255]).toBe(0x000f1a5a4b331c4a);
    expect(t.kiFloat[0]).toBe(0x007799ec);
    expect(t.wiDouble[1]).toBe(4.77933017572773682428e-17);
    expect(t.fiDouble[255]).toBe(1.26028593049859797236e-3);
    for (let i = 1; i < 255; i++) expect(t.fiDouble[i]).toBeGreaterThan(t.fiDouble[i + 1]);
  });

  it("fma emulation is a single rounding (checked against the exact error of a product)", () => {
    // |a|, |b| in [2^-100, 2^100] keeps the product's error term normal (the documented domain)
    const factor = fc
      .tuple(fc.double({ min: 1, max: 2, noNaN: true }), fc.integer({ min: -100, max: 100 }), fc.boolean())
      .map(([m, e, neg]) => (neg ? -1 : 1) * m * 2 ** e);
    fc.assert(
      fc.property(factor, factor, (a, b) => {
        // fma(a, b, −fl(a·b)) is the exact rounding error of the product
        const p = twoProduct(a, b);
        const e = lastError();
        expect(fma(a, b, -p) === e).toBe(true);
      }),
    );
  });

  it("logCR: exact cases and within an ulp of Math.log", () => {
    expect(logCR(1)).toBe(0);
    expect(logCR(0)).toBe(-Infinity);
    expect(Number.isNaN(logCR(-1))).toBe(true);
    expect(logCR(Math.E)).toBe(1);
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), (x) => {
        const y = logCR(x);
        expect(Math.abs(y - Math.log(x))).toBeLessThanOrEqual(Math.abs(y) * 2 ** -51 + 1e-300);
      }),
    );
  });
});

describe("streams are reproducible", () => {
  it("RandomState: same seed, same stream; seed() resets the cached normal", () => {
    fc.assert(
      fc.property(seedArb, fc.integer({ min: 1, max: 7 }), (s, n) => {
        const a = new RandomState(s);
        const b = new RandomState(s);
        expect(values(a.randn(n))).toEqual(values(b.randn(n)));
        expect(values(a.randint(0, 100, n))).toEqual(values(b.randint(0, 100, n)));
        a.seed(s);
        const first = values(a.randn(n));
        a.seed(s);
        expect(values(a.randn(n))).toEqual(first);
      }),
    );
  });

  it("Generator: same seed, same stream (seeds up to 2^53 − 1)", () => {
    fc.assert(
      fc.property(bigSeedArb, fc.integer({ min: 1, max: 7 }), (s, n) => {
        const a = defaultRng(s);
        const b = defaultRng(s);
        expect(values(a.standardNormal(n))).toEqual(values(b.standardNormal(n)));
        expect(values(a.integers(0, 10, n))).toEqual(values(b.integers(0, 10, n)));
        expect(values(a.random(n, "float32"))).toEqual(values(b.random(n, "float32")));
      }),
    );
  });

  it("the module-level functions share one global RandomState (np.random.seed)", () => {
    random.seed(42);
    expect(random.rand()).toBe(0.3745401188473625);
    random.seed(42);
    expect(values(random.rand(2))).toEqual([0.3745401188473625, 0.9507143064099162]);
    random.seed(0);
    expect(random.randn()).toBe(1.764052345967664);
    expect(random.getGlobalState()).toBeInstanceOf(RandomState);
    expect(random.defaultRng(42)).toBeInstanceOf(Generator);
  });

  it("unseeded generators draw fresh entropy", () => {
    expect(values(defaultRng().random(4))).not.toEqual(values(defaultRng().random(4)));
    expect(values(new RandomState().random(4))).not.toEqual(values(new RandomState().random(4)));
  });

  it("size undefined gives a number; size [] a 0-d array", () => {
    const g = defaultRng(1);
    expect(typeof g.random()).toBe("number");
    const z = g.random([]);
    expect(z).toBeInstanceOf(NDArray);
    expect(z.shape).toEqual([]);
    expect(new RandomState(1).randint(0, 5, [2, 3]).shape).toEqual([2, 3]);
  });
});

describe("ranges and distributions", () => {
  const range = fc
    .tuple(fc.integer({ min: -(2 ** 45), max: 2 ** 45 }), fc.integer({ min: 1, max: 2 ** 46 }))
    .map(([low, width]) => [low, low + width] as const);

  it("integers / randint stay in [low, high) (and [low, high] with endpoint)", () => {
    fc.assert(
      fc.property(range, seedArb, ([low, high], s) => {
        for (const v of values(defaultRng(s).integers(low, high, 20))) {
          expect(v >= low && v < high && Number.isInteger(v)).toBe(true);
        }
        for (const v of values(defaultRng(s).integers(low, high, 20, { endpoint: true }))) expect(v >= low && v <= high).toBe(true);
        for (const v of values(new RandomState(s).randint(low, high, 20))) expect(v >= low && v < high).toBe(true);
      }),
    );
  });

  it("integer dtypes: int32 when the range fits, exact float64 beyond", () => {
    expect(defaultRng(0).integers(-5, 5, 3).dtype).toBe("int32");
    expect(defaultRng(0).integers(0, 2 ** 40, 3).dtype).toBe("float64");
    expect(new RandomState(0).randint(0, 2 ** 40, 3).dtype).toBe("float64");
    expect(defaultRng(0).integers(3, 4, 5).toArray()).toEqual([3, 3, 3, 3, 3]);
  });

  it("uniform floats lie in [0, 1) and [low, high)", () => {
    fc.assert(
      fc.property(seedArb, (s) => {
        for (const v of values(defaultRng(s).random(50))) expect(v >= 0 && v < 1).toBe(true);
        for (const v of values(defaultRng(s).random(50, "float32"))) expect(v >= 0 && v < 1 && Math.fround(v) === v).toBe(true);
        for (const v of values(new RandomState(s).uniform(-2, 3, 50))) expect(v >= -2 && v < 3).toBe(true);
      }),
    );
  });

  it("standard normals have mean ≈ 0 and variance ≈ 1 (1e5 draws, 5σ bounds)", () => {
    for (const x of [defaultRng(3).standardNormal(100000), new RandomState(3).randn(100000), defaultRng(4).standardNormal(100000, "float32")]) {
      const v = values(x);
      const mean = v.reduce((a, b) => a + b, 0) / v.length;
      const variance = v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length;
      expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(v.length));
      expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / v.length));
    }
  });
});

describe("choice, shuffle, permutation", () => {
  const popAndSize = fc.integer({ min: 1, max: 30000 }).chain((pop) => fc.tuple(fc.constant(pop), fc.integer({ min: 0, max: Math.min(pop, 800) })));

  it("choice without replacement returns distinct items of the population", () => {
    fc.assert(
      fc.property(popAndSize, seedArb, fc.boolean(), ([pop, n], s, shuffle) => {
        for (const out of [defaultRng(s).choice(pop, n, false, undefined, shuffle), new RandomState(s).choice(Math.min(pop, 3000), Math.min(n, 3000), false)]) {
          const v = values(out);
          expect(new Set(v).size).toBe(v.length);
          for (const k of v) expect(Number.isInteger(k) && k >= 0 && k < pop).toBe(true);
        }
      }),
      { numRuns: 50 },
    );
  });

  it("choice without replacement with p returns distinct items with non-zero probability", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 2, maxLength: 12 }), seedArb, (w, s) => {
        const total = w.reduce((a, b) => a + b, 0);
        fc.pre(total > 0);
        const p = w.map((x) => x / total);
        const n = w.filter((x) => x > 0).length;
        for (const out of [defaultRng(s).choice(w.length, n, false, p), new RandomState(s).choice(w.length, n, false, p)]) {
          const v = values(out);
          expect(new Set(v).size).toBe(n);
          for (const k of v) expect(w[k]).toBeGreaterThan(0);
        }
      }),
    );
  });

  it("choice from an array returns its elements, in its dtype", () => {
    const a = new NDArray(Float32Array.from([1.5, 2.5, 3.5]), [3]);
    const out = defaultRng(2).choice(a, [4]) as NDArray;
    expect(out.dtype).toBe("float32");
    for (const v of values(out)) expect([1.5, 2.5, 3.5]).toContain(v);
    expect([10, 20, 30]).toContain(new RandomState(2).choice([10, 20, 30]));
  });

  it("shuffle is a permutation; rows of an n-d array move whole", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 4 }), seedArb, (n, cols, s) => {
        for (const target of [defaultRng(s), new RandomState(s)]) {
          const x = new NDArray(
            Float64Array.from({ length: n * cols }, (_, i) => i),
            [n, cols],
          );
          target.shuffle(x);
          const rows = x.toArray() as number[][];
          for (const row of rows) for (let c = 1; c < cols; c++) expect(row[c]).toBe(row[0] + c);
          expect(rows.map((r) => r[0] / cols).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
          const list = Array.from({ length: n }, (_, i) => `item${i}`);
          target.shuffle(list);
          expect([...list].sort()).toEqual(Array.from({ length: n }, (_, i) => `item${i}`).sort());
        }
      }),
    );
  });

  it("permutation(n) is a permutation of 0..n−1; permutation(array) leaves the input alone", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), seedArb, (n, s) => {
        for (const p of [defaultRng(s).permutation(n), new RandomState(s).permutation(n)]) {
          expect(p.dtype).toBe("int32");
          expect(values(p).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
        }
      }),
    );
    const x = new NDArray(Float64Array.from([1, 2, 3, 4]), [4]);
    defaultRng(0).permutation(x);
    expect(Array.from(x.data)).toEqual([1, 2, 3, 4]);
  });
});

describe("bad input", () => {
  it("seeds", () => {
    expectValueError(() => new RandomState(-1), "seed", "between 0 and 2**32 - 1");
    expectValueError(() => new RandomState(2 ** 32), "seed", "2**32 - 1");
    expectValueError(() => new RandomState(1.5), "seed", "1.5");
    expectValueError(() => new RandomState([]), "seed", "non-empty");
    expectValueError(() => new RandomState([1, -2]), "seed", "-2");
    expectValueError(() => defaultRng(-1), "defaultRng", "non-negative");
    expectValueError(() => defaultRng(0.5), "defaultRng", "0.5");
    expectValueError(() => defaultRng(2 ** 60), "defaultRng", "2**53 - 1");
    expectValueError(() => new SeedSequence(2 ** 60), "SeedSequence", "2**53 - 1");
    expectValueError(() => random.seed(-3), "seed", "-3");
  });

  it("integer ranges", () => {
    expectValueError(() => new RandomState(0).randint(5, 5), "randint", "low >= high (5 >= 5)");
    expectValueError(() => new RandomState(0).randint(0), "randint", "high <= 0");
    expectValueError(() => defaultRng(0).integers(7, 3, 2), "integers", "low >= high (7 >= 3)");
    expectValueError(() => defaultRng(0).integers(4, 3, 2, { endpoint: true }), "integers", "low > high (4 > 3)");
    expectValueError(() => defaultRng(0).integers(0, 2 ** 31 + 1, 2, { dtype: "int32" }), "integers", "out of bounds for int32");
    expectValueError(() => defaultRng(0).integers(0, 2 ** 60, 2), "integers", "too wide");
    expectValueError(() => defaultRng(0).integers(0, NaN), "integers", "finite integer");
    expectValueError(() => defaultRng(0).integers(0, 5, 2, { dtype: "uint8" as "int32" }), "integers", "dtype");
  });

  it("sizes", () => {
    expectValueError(() => defaultRng(0).random([2, -1]), "random", "negative dimensions");
    expectValueError(() => new RandomState(0).rand(-2), "rand", "negative dimensions");
    expectValueError(() => defaultRng(0).standardNormal(1.5), "standard_normal", "integers");
  });

  it("distribution parameters", () => {
    expectValueError(() => defaultRng(0).normal(0, -1, 3), "normal", "scale < 0");
    expectValueError(() => new RandomState(0).normal(0, -2), "normal", "scale < 0");
    expectValueError(() => defaultRng(0).uniform(2, 1, 3), "uniform", "high - low < 0");
    expectValueError(() => defaultRng(0).uniform(-Number.MAX_VALUE, Number.MAX_VALUE), "uniform", "exceeds");
    expectValueError(() => defaultRng(0).random(3, "int32" as "float32"), "random", "dtype");
  });

  it("choice", () => {
    const g = defaultRng(0);
    const rs = new RandomState(0);
    expectValueError(() => g.choice(3, 5, false), "choice", "larger sample than population");
    expectValueError(() => rs.choice(3, 5, false), "choice", "larger sample than population");
    expectValueError(() => g.choice(3, 2, true, [0.5, 0.6, -0.1]), "choice", "non-negative");
    expectValueError(() => rs.choice(3, 2, true, [0.2, 0.2, 0.2]), "choice", "do not sum to 1");
    expectValueError(() => g.choice(3, 2, true, [0.5, 0.5]), "choice", "same size");
    expectValueError(() => g.choice(3, 2, true, [0.5, NaN, 0.5]), "choice", "NaN");
    expectValueError(() => g.choice(3, 3, false, [0.5, 0.5, 0]), "choice", "fewer non-zero entries");
    expectValueError(() => g.choice(0, 2), "choice", "positive integer");
    expectValueError(() => g.choice([], 2), "choice", "empty");
    expectValueError(() => g.choice(new NDArray(new Float64Array(4), [2, 2]), 1), "choice", "1-dimensional");
    expect(values(g.choice(0, 0))).toEqual([]);
  });

  it("shuffle of read-only or 0-d arrays", () => {
    const ro = new NDArray(new Float64Array(3), [3], "float64", [1], 0, null, false);
    expectValueError(() => defaultRng(0).shuffle(ro), "shuffle", "read-only");
    expectValueError(() => new RandomState(0).shuffle(new NDArray(new Float64Array(1), [])), "shuffle", "1-dimensional");
  });
});
