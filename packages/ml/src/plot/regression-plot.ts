/**
 * Regression diagnostics: predicted against true values, and the residuals.
 *
 * What a course draws instead: scikit-learn's `PredictionErrorDisplay.from_predictions(y_true,
 * y_pred, kind=...)` with both kinds side by side ("actual_vs_predicted" and
 * "residual_vs_predicted"), or `plt.scatter(y_test, y_pred); plt.plot([lo, hi], [lo, hi])`.
 * With the option `x` (one feature), a third panel: the data and the fitted values against x,
 * the `plt.scatter(X, y); plt.plot(X, y_pred)` figure of simple linear regression.
 *
 * Encoding (hconcat of 2 or 3 panels), data rows { true: y_i, predicted: ŷ_i,
 * residual: y_i − ŷ_i (scikit-learn's sign), x?: x_i }:
 *   1. points x = true, y = predicted; the rule y = x from lo to hi = min/max of y and ŷ,
 *      both axes on [lo, hi], so a perfect model puts every point on the rule
 *   2. points x = predicted, y = residual; a rule at residual 0
 *   3. (x given) points x = x, y = true; line x = x, y = predicted (sorted by x)
 * Returns a vega-lite spec with the data inlined. Reference: scikit-learn user guide §3.4.7
 * "Visual evaluation of regression models".
 */
import type { TopLevelSpec } from "vega-lite";
import { ValueError } from "@sliderule/ndarray";
import { show } from "../base.js";
import { checkChartOptions, header, size, vectorArg, type ChartOptions } from "./validate.js";

export interface RegressionPlotOptions extends ChartOptions {
  /** (n,) a single feature: adds the panel "data and fitted values against x". */
  x?: unknown;
  /** Axis title of that feature (default "x"). */
  xTitle?: string;
}

const FN = "regressionPlot";
/** One panel of an hconcat spec. */
type Panel = Extract<TopLevelSpec, { hconcat: unknown }>["hconcat"][number];

/**
 * Predicted vs true with the y = x line, and residuals vs predicted with a zero rule (see the file header).
 * @param yTrue (n,) the observed targets.
 * @param yPred (n,) the model's predictions.
 * @throws ValueError for non-1-D or non-finite inputs, lengths that differ, or an unknown option.
 * @example
 *   const spec = regressionPlot(yTest, model.predict(XTest), { title: "LinearRegression on diabetes" });
 */
export function regressionPlot(yTrue: unknown, yPred: unknown, options?: RegressionPlotOptions): TopLevelSpec {
  const o = checkChartOptions<RegressionPlotOptions>(FN, options, ["x", "xTitle"]);
  const y = vectorArg(FN, "yTrue", yTrue);
  const yHat = vectorArg(FN, "yPred", yPred);
  if (y.length !== yHat.length) throw new ValueError(`${FN}: yTrue and yPred have different lengths: ${y.length} and ${yHat.length}`);
  const x = o.x === undefined ? undefined : vectorArg(FN, "x", o.x);
  if (x !== undefined && x.length !== y.length) throw new ValueError(`${FN}: option x has length ${x.length}, but yTrue has ${y.length}`);
  if (o.xTitle !== undefined && typeof o.xTitle !== "string") throw new ValueError(`${FN}: option xTitle must be a string, got ${show(o.xTitle)}`);

  const values = y.map((yi, i) => ({ true: yi, predicted: yHat[i], residual: yi - yHat[i], ...(x ? { x: x[i] } : {}) }));
  // [lo, hi]: the range of both y and ŷ, so the diagonal spans the panel
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < y.length; i++) {
    lo = Math.min(lo, y[i], yHat[i]);
    hi = Math.max(hi, y[i], yHat[i]);
  }
  if (lo === hi) {
    lo -= 1;
    hi += 1;
  }
  const domain = [lo, hi];
  const dims = size(o, 300, 300);
  // (x given) the data and the fitted values against the feature
  const fitPanel: Panel[] =
    x === undefined
      ? []
      : [
          {
            ...dims,
            title: "data and fit",
            layer: [
              {
                mark: { type: "point", filled: true },
                encoding: {
                  x: { field: "x", type: "quantitative", title: o.xTitle ?? "x", scale: { zero: false } },
                  y: { field: "true", type: "quantitative", title: "y", scale: { zero: false } },
                },
              },
              {
                mark: { type: "line", color: "black" },
                encoding: {
                  x: { field: "x", type: "quantitative" },
                  y: { field: "predicted", type: "quantitative" },
                  order: { field: "x", type: "quantitative" },
                },
              },
            ],
          },
        ];
  return {
    ...header(o),
    data: { values },
    hconcat: [
      {
        ...dims,
        title: "predicted vs true",
        layer: [
          {
            mark: { type: "point", filled: true },
            encoding: {
              x: { field: "true", type: "quantitative", title: "true value", scale: { domain } },
              y: { field: "predicted", type: "quantitative", title: "predicted value", scale: { domain } },
            },
          },
          {
            data: { values: [{ from: lo, to: hi }] },
            mark: { type: "rule", strokeDash: [4, 4], color: "black" },
            encoding: {
              x: { field: "from", type: "quantitative" },
              y: { field: "from", type: "quantitative" },
              x2: { field: "to" },
              y2: { field: "to" },
            },
          },
        ],
      },
      {
        ...dims,
        title: "residuals vs predicted",
        layer: [
          {
            mark: { type: "point", filled: true },
            encoding: {
              x: { field: "predicted", type: "quantitative", title: "predicted value", scale: { zero: false } },
              y: { field: "residual", type: "quantitative", title: "residual (true − predicted)" },
            },
          },
          {
            data: { values: [{ zero: 0 }] },
            mark: { type: "rule", strokeDash: [4, 4], color: "black" },
            encoding: { y: { field: "zero", type: "quantitative" } },
          },
        ],
      },
      ...fitPanel,
    ],
  };
}
