/**
 * SVD compression: the reconstruction error of the rank-k truncated SVD against k.
 *
 *   A_k = U[:, :k]·diag(S[:k])·Vh[:k, :]     ‖A − A_k‖_F = √(σ_{k+1}² + … + σ_r²)  (Eckart–Young)
 *
 * What a course draws instead: `plt.plot(ranks, errors, "o-")` in an image-compression
 * walkthrough (`np.linalg.svd` of a picture or a digit, then `np.linalg.norm(A - A_k)` per rank),
 * often with `plt.ylabel("relative error")` when divided by ‖A‖_F.
 *
 * Encoding: data rows { rank: k, error: e_k }; a line with points, x = rank (quantitative,
 * integer ticks), y = error. With `relative: true` the errors are read as ‖A − A_k‖/‖A‖ and the
 * axis is in percent; the values are plotted as given either way (nothing is divided here).
 * Rows are drawn in increasing rank, whatever order they came in.
 * Returns a vega-lite spec with the data inlined. Reference: Eckart & Young, "The approximation
 * of one matrix by another of lower rank", Psychometrika 1(3), 1936; Trefethen & Bau, Lecture 5.
 */
import type { TopLevelSpec } from "vega-lite";
import { ValueError } from "@sliderule/ndarray";
import { boolOption, checkChartOptions, header, size, vectorArg, type ChartOptions } from "./validate.js";

export interface SvdCompressionErrorOptions extends ChartOptions {
  /** The errors are relative (‖A − A_k‖/‖A‖): percent axis and title (default false). */
  relative?: boolean;
}

const FN = "svdCompressionError";

/**
 * Reconstruction error against rank (see the file header).
 * @param ranks (m,) the ranks k, integers ≥ 0, each once.
 * @param errors (m,) the errors ‖A − A_k‖ (≥ 0), in the same order.
 * @throws ValueError for lengths that differ, a non-integer, negative or repeated rank, a
 *   negative or non-finite error, or an unknown option.
 * @example
 *   const spec = svdCompressionError([1, 5, 10, 20], [0.41, 0.18, 0.07, 0.01], { relative: true });
 */
export function svdCompressionError(ranks: unknown, errors: unknown, options?: SvdCompressionErrorOptions): TopLevelSpec {
  const o = checkChartOptions<SvdCompressionErrorOptions>(FN, options, ["relative"]);
  const relative = boolOption(FN, "relative", o.relative, false);
  const k = vectorArg(FN, "ranks", ranks);
  const e = vectorArg(FN, "errors", errors);
  if (k.length !== e.length) throw new ValueError(`${FN}: ranks and errors have different lengths: ${k.length} and ${e.length}`);
  const seen = new Set<number>();
  k.forEach((r, i) => {
    if (!Number.isInteger(r) || r < 0) throw new ValueError(`${FN}: ranks must be integers >= 0, got ${r} at index ${i}`);
    if (seen.has(r)) throw new ValueError(`${FN}: ranks repeats ${r} (at index ${i}); each rank once`);
    seen.add(r);
  });
  const bad = e.findIndex((v) => v < 0);
  if (bad >= 0) throw new ValueError(`${FN}: errors must be >= 0 (they are norms), got ${e[bad]} at index ${bad}`);

  const values = k.map((r, i) => ({ rank: r, error: e[i] }));
  return {
    ...header(o),
    ...size(o, 360, 260),
    data: { values },
    mark: { type: "line", point: true },
    encoding: {
      x: { field: "rank", type: "quantitative", title: "rank k", axis: { tickMinStep: 1, format: "d" } },
      y: relative
        ? { field: "error", type: "quantitative", title: "relative error ‖A − A_k‖_F / ‖A‖_F", axis: { format: "%" } }
        : { field: "error", type: "quantitative", title: "reconstruction error ‖A − A_k‖_F" },
      order: { field: "rank", type: "quantitative" },
    },
  };
}
