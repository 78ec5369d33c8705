/**
 * svdCompressionError: error against rank as a line with points, relative errors on a percent
 * axis; the errors of a real truncated SVD (Eckart–Young: ‖A − A_k‖_F = √(Σ_{i>k} σ_i²));
 * a clean compile and a render with one point per rank.
 *
 *   A = np.arange(1., 13.).reshape(4, 3) + np.eye(4, 3); s = np.linalg.svd(A, compute_uv=False)
 *   U, s, Vh = np.linalg.svd(A, full_matrices=False)
 *   [np.linalg.norm(A - U[:, :k] @ np.diag(s[:k]) @ Vh[:k]) for k in (0, 1, 2, 3)]
 *   → [26.13426869074396, 1.4016803180602289, 0.9821953543147232, 1.0520791118724068e-14]
 */
import * as np from "@sliderule/ndarray";
import * as linalg from "@sliderule/linalg";
import { ValueError } from "@sliderule/ndarray";
import { describe, expect, it } from "vitest";
import { compileSpec, renderSvg } from "./render.js";
import { svdCompressionError } from "./svd-compression-error.js";

const count = (svg: string, role: string) => svg.split(`aria-roledescription="${role}"`).length - 1;
/** Specs are read field by field below; vega-lite's types are unions too deep to narrow in a test. */
type Any = any;

describe("svdCompressionError", () => {
  it("plots the errors of a truncated SVD against the rank", () => {
    const A = np.arange(1, 13).reshape(4, 3).add(np.eye(4, 3));
    const { U, S, Vh } = linalg.svd(A, { fullMatrices: false }) as Any;
    const ranks = [0, 1, 2, 3];
    const errors = ranks.map((k) => {
      const Ak = k === 0 ? np.zerosLike(A) : np.matmul(U.slice(":", `:${k}`).multiply(S.slice(`:${k}`)), Vh.slice(`:${k}`));
      return linalg.norm(A.subtract(Ak)) as number;
    });
    const spec = svdCompressionError(ranks, errors, { title: "compression" }) as Any;
    expect(spec.title).toBe("compression");
    expect(spec.mark).toEqual({ type: "line", point: true });
    expect(spec.encoding.x).toMatchObject({ field: "rank", type: "quantitative" });
    expect(spec.encoding.y).toMatchObject({ field: "error", type: "quantitative" });
    expect(spec.data.values.map((v: Any) => v.rank)).toEqual(ranks);
    expect(spec.data.values.map((v: Any) => v.error)).toEqual(errors);
    // our truncated SVD's errors are NumPy's, within 10·n·eps·‖A‖_F (the full-rank one is rounding)
    const NUMPY = [26.13426869074396, 1.4016803180602289, 0.9821953543147232, 1.0520791118724068e-14];
    const tol = 10 * 4 * 2.220446049250313e-16 * NUMPY[0];
    errors.forEach((e, k) => expect(Math.abs(e - NUMPY[k])).toBeLessThan(tol));
  });

  it("formats relative errors as percent, and takes NDArrays without modifying them", () => {
    const k = np.array([5, 1, 10], "int32");
    const spec = svdCompressionError(k, [0.1, 0.4, 0.02], { relative: true }) as Any;
    expect(k.toArray()).toEqual([5, 1, 10]);
    expect(spec.encoding.y.axis.format).toBe("%");
    expect(spec.encoding.y.title).toMatch(/^relative error/);
    expect(spec.encoding.order).toEqual({ field: "rank", type: "quantitative" });
    expect(spec.data.values[0]).toEqual({ rank: 5, error: 0.1 });
  });

  it("compiles without warnings and renders one point per rank", async () => {
    const spec = svdCompressionError([1, 2, 4, 8, 16], [9, 5, 2, 1, 0.1]);
    expect(compileSpec(spec).warnings).toEqual([]);
    const svg = await renderSvg(spec);
    expect(count(svg, "point")).toBe(5);
    expect(count(svg, "line mark")).toBe(1);
  });

  it("rejects bad input with ValueError naming svdCompressionError", () => {
    const bad: [string, () => unknown, RegExp][] = [
      ["length mismatch", () => svdCompressionError([1, 2], [0.5]), /^svdCompressionError: ranks and errors have different lengths: 2 and 1/],
      ["NaN", () => svdCompressionError([1, 2], [0.5, NaN]), /^svdCompressionError: errors contains NaN at index 1/],
      ["fractional rank", () => svdCompressionError([1.5], [0.5]), /^svdCompressionError: ranks must be integers >= 0, got 1.5 at index 0/],
      ["repeated rank", () => svdCompressionError([1, 1], [0.5, 0.4]), /^svdCompressionError: ranks repeats 1/],
      ["negative error", () => svdCompressionError([1], [-0.5]), /^svdCompressionError: errors must be >= 0/],
      ["unknown option", () => svdCompressionError([1], [1], { normalize: true } as Any), /^svdCompressionError: unknown option 'normalize'/],
    ];
    for (const [what, f, message] of bad) {
      expect(f, what).toThrow(ValueError);
      expect(f, what).toThrow(message);
    }
  });
});
