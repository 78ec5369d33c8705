/**
 * Training curve: the loss after each epoch, and the validation score when early stopping kept one.
 *
 * What a course draws instead: `plt.plot(mlp.loss_curve_)` (scikit-learn's "Compare stochastic
 * learning strategies for MLPClassifier"), with `plt.plot(mlp.validation_scores_)` on a second
 * axes when `early_stopping=True`, and `plt.yscale("log")` to see the late epochs.
 *
 * Encoding: data rows { epoch: t (1-based), loss: L_t, validationScore?: s_t };
 *   panel 1   line with points, x = epoch, y = loss (log scale with logScale)
 *   panel 2   (validationScores given) line with points, x = epoch, y = validation score
 * The two panels sit side by side (hconcat): loss and score have different units, and two
 * panels read more plainly than a second y axis.
 * Returns a vega-lite spec with the data inlined. Reference: scikit-learn MLPClassifier
 * attributes `loss_curve_`, `validation_scores_`.
 */
import type { TopLevelSpec } from "vega-lite";
import { ValueError } from "@sliderule/ndarray";
import { boolOption, checkChartOptions, header, size, vectorArg, type ChartOptions } from "./validate.js";

export interface LossCurveOptions extends ChartOptions {
  /** (epochs,) `mlp.validationScores` (early stopping); null or undefined: no second panel. */
  validationScores?: unknown;
  /** Loss axis on a log scale (default false); every loss must then be > 0. */
  logScale?: boolean;
}

const FN = "lossCurve";

/**
 * Loss per epoch, and the validation score in a second panel (see the file header).
 * @param loss (epochs,) `mlp.lossCurve`.
 * @throws ValueError for non-1-D or non-finite input, validation scores of another length,
 *   a loss ≤ 0 with logScale, or an unknown option.
 * @example
 *   const spec = lossCurve(mlp.lossCurve, { validationScores: mlp.validationScores, logScale: true });
 */
export function lossCurve(loss: unknown, options?: LossCurveOptions): TopLevelSpec {
  const o = checkChartOptions<LossCurveOptions>(FN, options, ["validationScores", "logScale"]);
  const logScale = boolOption(FN, "logScale", o.logScale, false);
  const L = vectorArg(FN, "loss", loss);
  if (logScale) {
    const bad = L.findIndex((v) => v <= 0);
    if (bad >= 0) throw new ValueError(`${FN}: loss must be > 0 on a log scale, got ${L[bad]} at epoch ${bad + 1}; set logScale: false`);
  }
  const scores = o.validationScores === undefined || o.validationScores === null ? undefined : vectorArg(FN, "validationScores", o.validationScores);
  if (scores !== undefined && scores.length !== L.length) {
    throw new ValueError(`${FN}: option validationScores has length ${scores.length}, but loss has ${L.length} epochs`);
  }

  const values = L.map((l, t) => (scores ? { epoch: t + 1, loss: l, validationScore: scores[t] } : { epoch: t + 1, loss: l }));
  const dims = size(o, 360, 240);
  const epoch = { field: "epoch", type: "quantitative", title: "epoch", axis: { tickMinStep: 1, format: "d" } } as const;
  const lossPanel = {
    ...dims,
    mark: { type: "line", point: L.length <= 50 },
    encoding: {
      x: epoch,
      y: { field: "loss", type: "quantitative", title: "training loss", scale: logScale ? { type: "log" as const } : { zero: false } },
    },
  } as const;
  if (scores === undefined) return { ...header(o), data: { values }, ...lossPanel };
  return {
    ...header(o),
    data: { values },
    hconcat: [
      { ...lossPanel, title: "training loss" },
      {
        ...dims,
        title: "validation score",
        mark: { type: "line", point: L.length <= 50, color: "#f58518" },
        encoding: {
          x: epoch,
          y: { field: "validationScore", type: "quantitative", title: "validation score", scale: { zero: false } },
        },
      },
    ],
  };
}
