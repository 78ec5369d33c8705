import { describe, expect, it } from "vitest";
import { randomMatrix } from "../../test/corpus.js";
import { gehd2, orghr } from "./hessenberg.js";
import { lahqr } from "./hessenberg-qr.js";

describe("lahqr: deferred sweeps against dlahqr's reflector-by-reflector order (the reference twin)", () => {
  it.each([
    [1, false],
    [2, false],
    [3, false],
    [9, false],
    [30, false],
    [30, true],
    [64, false],
  ])("n = %i (eigenvalues only: %s): bit-identical T, Z and eigenvalues", (n, eigenvaluesOnly) => {
    const a = randomMatrix([n, n], 4000 + n);
    const H0 = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) H0[i + j * n] = a.get(i, j);
    const tau = new Float64Array(Math.max(n - 1, 1));
    gehd2(n, 0, n - 1, H0, n, tau);
    const Z0 = H0.slice();
    orghr(n, 0, n - 1, Z0, n, tau);
    const run = (defer: boolean) => {
      const H = H0.slice();
      const Z = Z0.slice();
      const wr = new Float64Array(n);
      const wi = new Float64Array(n);
      const want = !eigenvaluesOnly;
      expect(lahqr(want, want, n, 0, n - 1, H, n, wr, wi, 0, n - 1, Z, n, defer)).toBe(0);
      return { H, Z, wr, wi };
    };
    const fast = run(true);
    const ref = run(false);
    expect(Array.from(fast.wr)).toEqual(Array.from(ref.wr));
    expect(Array.from(fast.wi)).toEqual(Array.from(ref.wi));
    expect(Array.from(fast.H)).toEqual(Array.from(ref.H));
    expect(Array.from(fast.Z)).toEqual(Array.from(ref.Z));
  });
});
