/**
 * One million standard normals from each of NumPy's generators, reproduced bit for bit:
 *
 *   legacy      np.random.seed / randn: MT19937 + the polar Box–Muller method (two uniforms and
 *               a log per pair, with rejection)
 *   Generator   np.random.default_rng().standard_normal: PCG64 + the 256-layer ziggurat
 *
 * next to the plain-JS ceiling a student would write (Math.random and Box–Muller: one log,
 * one sqrt, one cos/sin per pair, no exactness to keep) and NumPy itself.
 * Target (issue): within 3× of the plain loop.
 */
import * as np from "@sliderule/ndarray";
import type { Contender, Workload } from "./harness.js";

const N = 1_000_000;
const size = "10^6 float64";

/** Math.random + Box–Muller, two normals per pair of uniforms. */
const boxMuller: Contender = {
  name: "naive",
  note: "Math.random + Box–Muller (not reproducible)",
  setup: () => ({
    run: () => {
      const out = new Float64Array(N);
      for (let k = 0; k < N; k += 2) {
        const u1 = 1 - Math.random();
        const u2 = Math.random();
        const r = Math.sqrt(-2 * Math.log(u1));
        out[k] = r * Math.cos(2 * Math.PI * u2);
        if (k + 1 < N) out[k + 1] = r * Math.sin(2 * Math.PI * u2);
      }
      return out;
    },
  }),
};

const legacy: Workload = {
  name: "randn (legacy RandomState)",
  size,
  note: "np.random.seed(42); np.random.randn(10**6): MT19937 + polar Box–Muller, NumPy's exact stream",
  contenders: [
    {
      name: "sliderule",
      setup: () => {
        const rs = new np.random.RandomState(42);
        return { run: () => rs.randn(N) };
      },
    },
    boxMuller,
  ],
  numpy: { setup: "rs = np.random.RandomState(42)", run: "rs.randn(1000000)" },
};

const generator: Workload = {
  name: "standard_normal (Generator)",
  size,
  note: "np.random.default_rng(42).standard_normal(10**6): PCG64 + ziggurat, NumPy's exact stream",
  contenders: [
    {
      name: "sliderule",
      setup: () => {
        const g = np.random.defaultRng(42);
        return { run: () => g.standardNormal(N) };
      },
    },
    boxMuller,
  ],
  numpy: { setup: "g = np.random.default_rng(42)", run: "g.standard_normal(1000000)" },
};

export const workloads: Workload[] = [legacy, generator];
