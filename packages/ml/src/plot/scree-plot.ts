/**
 * Scree plot: the share of the variance each principal component explains, and the running total.
 *
 * What a course draws instead: `plt.bar(range(1, k + 1), pca.explained_variance_ratio_)` and
 * `plt.step(range(1, k + 1), np.cumsum(pca.explained_variance_ratio_))` on the same axes, to
 * choose k where the cumulative curve passes 90 or 95%.
 *
 * Encoding: data rows { component: k (1-based), ratio: r_k, cumulative: r_1 + … + r_k };
 *   bars   x = component (ordinal), y = ratio       (colour "individual")
 *   line   x = component, y = cumulative, with points (colour "cumulative"; omitted when
 *          cumulative is false)
 * One y axis in percent, shared by both layers (both are fractions of the total variance).
 * Returns a vega-lite spec with the data inlined. Reference: Jolliffe, "Principal Component
 * Analysis", 2nd ed., §6.1.3 (the scree graph); vega-lite "layer" encodings.
 */
import type { TopLevelSpec } from "vega-lite";
import { ValueError } from "@sliderule/ndarray";
import { boolOption, checkChartOptions, header, size, vectorArg, type ChartOptions } from "./validate.js";

export interface ScreePlotOptions extends ChartOptions {
  /** Draw the cumulative explained variance as a line over the bars (default true). */
  cumulative?: boolean;
}

const FN = "screePlot";

/**
 * Bars per component plus the cumulative line (see the file header).
 * @param explainedVarianceRatio (k,) `pca.explainedVarianceRatio`, each in [0, 1].
 * @throws ValueError for a non-1-D, empty or non-finite input, a ratio outside [0, 1], or an unknown option.
 * @example
 *   const spec = screePlot(new PCA().fit(X).explainedVarianceRatio);
 */
export function screePlot(explainedVarianceRatio: unknown, options?: ScreePlotOptions): TopLevelSpec {
  const o = checkChartOptions<ScreePlotOptions>(FN, options, ["cumulative"]);
  const cumulative = boolOption(FN, "cumulative", o.cumulative, true);
  const ratio = vectorArg(FN, "explainedVarianceRatio", explainedVarianceRatio);
  const bad = ratio.findIndex((r) => r < 0 || r > 1);
  if (bad >= 0)
    throw new ValueError(
      `${FN}: explainedVarianceRatio must hold ratios in [0, 1], got ${ratio[bad]} at index ${bad} (pass explainedVarianceRatio, not explainedVariance)`,
    );

  // running sum r_1 + … + r_k
  let total = 0;
  const values = ratio.map((r, k) => {
    total += r;
    return { component: k + 1, ratio: r, cumulative: total };
  });
  const x = { field: "component", type: "ordinal", title: "principal component", axis: { labelAngle: 0 } } as const;
  const y = { type: "quantitative", title: "explained variance ratio", axis: { format: "%" } } as const;
  const color = {
    field: "series",
    type: "nominal" as const,
    legend: { title: null, orient: "right" as const },
    scale: { domain: ["individual", "cumulative"] },
  };
  return {
    ...header(o),
    ...size(o, Math.min(480, Math.max(200, 40 * ratio.length)), 260),
    data: { values },
    layer: [
      {
        // each layer names its series in a field, so one colour legend covers both (vega-lite's
        // schema allows a legend on a field definition, not on a constant `datum`)
        transform: [{ calculate: "'individual'", as: "series" }],
        mark: { type: "bar" },
        encoding: { x, y: { ...y, field: "ratio" }, color },
      },
      ...(cumulative
        ? [
            {
              transform: [{ calculate: "'cumulative'", as: "series" }],
              mark: { type: "line" as const, point: true },
              encoding: { x, y: { ...y, field: "cumulative" }, color },
            },
          ]
        : []),
    ],
  };
}
