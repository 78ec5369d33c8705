/**
 * Standard normal variates by the polar Box–Muller method, as NumPy's legacy `RandomState`
 * (`legacy_gauss` in `numpy/random/src/legacy/legacy-distributions.c`).
 *
 * Algorithm (Marsaglia's polar method)
 *   Repeat: x₁ = 2U₁ − 1, x₂ = 2U₂ − 1, r² = x₁² + x₂²  until 0 < r² < 1.
 *   Then f = √(−2·log(r²)/r²) and (f·x₁, f·x₂) are two independent N(0, 1) variates.
 *   The first call returns f·x₂ and caches f·x₁; the next call returns the cache
 *   (NumPy's `has_gauss` / `gauss` on the RandomState), so an odd-length request leaves a
 *   value for the following one.
 *
 * Outputs
 *   `next(bg)`: one variate; `hasGauss`, `gauss`: the cached second value of the last pair.
 *
 * Invariant
 *   hasGauss ⇒ `gauss` is the unused f·x₁ of the last accepted pair. Reseeding the
 *   RandomState clears the cache (`reset()`), as NumPy's `_reset_state_variables` does.
 *
 * Notes
 *   log is the correctly rounded {@link logCR}: V8's Math.log differs from glibc's in ~7% of
 *   arguments, while glibc's own log misrounds only ~0.08% of these r² (checked over 5·10⁵
 *   pairs). On those pairs the output can differ from NumPy's by an ulp or two — about 0.03%
 *   of all values; every other value is identical (fixtures/numpy-streams.json lists them).
 *
 * Reference
 *   G. Marsaglia & T. A. Bray, "A convenient method for generating normal variables", SIAM
 *   Review 6(3), 1964; Knuth TAOCP vol. 2 §3.4.1 Algorithm P. Sibling: `ziggurat.ts`
 *   (`Generator.standard_normal`).
 */
import type { BitGenerator } from "./bit-generator.js";
import { logCR } from "./correctly-rounded.js";

export class LegacyGauss {
  hasGauss = false;
  gauss = 0;

  /** Forget the cached value (on reseeding). */
  reset(): void {
    this.hasGauss = false;
    this.gauss = 0;
  }

  /** One N(0, 1) variate, consuming `bg` exactly as NumPy's `legacy_gauss`. */
  next(bg: BitGenerator): number {
    if (this.hasGauss) {
      this.hasGauss = false;
      const cached = this.gauss;
      this.gauss = 0;
      return cached;
    }
    let x1: number;
    let x2: number;
    let r2: number;
    do {
      // a uniform point in the square [−1, 1)², kept if inside the unit disc (minus the centre)
      x1 = 2 * bg.nextDouble() - 1;
      x2 = 2 * bg.nextDouble() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    const f = Math.sqrt((-2 * logCR(r2)) / r2);
    this.gauss = f * x1;
    this.hasGauss = true;
    return f * x2;
  }
}
