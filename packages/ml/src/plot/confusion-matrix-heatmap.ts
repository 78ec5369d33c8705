/**
 * Confusion matrix heat map: how many samples of each true class went to each predicted class.
 *
 * What a course draws instead: scikit-learn's `ConfusionMatrixDisplay.from_predictions(y_true,
 * y_pred, normalize=...)` (or `.from_estimator`), which draws `confusion_matrix(...)` with
 * `imshow` and the counts as text. Same orientation: rows = true label (y axis, top to bottom
 * in class order), columns = predicted label (x axis, left to right).
 *
 *   normalize "true": each row divided by its sum (recall on the diagonal)
 *             "pred": each column divided by its sum (precision on the diagonal)
 *             "all":  every cell divided by the total
 *   0/0 (a class with no samples) gives 0, as scikit-learn's `np.nan_to_num` does.
 *
 * Encoding: data rows { true: labels[i], predicted: labels[j], count: cm[i][j], value } for
 * every cell (labels as strings; value = the normalised count, or the count);
 *   rect  x = predicted (nominal), y = true (nominal), colour = value (viridis)
 *   text  the value ("d" for whole counts, ".2g" otherwise, as scikit-learn's default
 *         values_format), white on the dark half of the colour scale, black on the light half.
 * Returns a vega-lite spec with the data inlined. Reference: scikit-learn
 * `sklearn.metrics.ConfusionMatrixDisplay`, `confusion_matrix(normalize=...)`.
 */
import type { TopLevelSpec } from "vega-lite";
import { ValueError } from "@sliderule/ndarray";
import { show } from "../base.js";
import { checkChartOptions, header, labelsArg, matrixArg, size, type ChartOptions } from "./validate.js";

export interface ConfusionMatrixHeatmapOptions extends ChartOptions {
  /** (k,) class names or values, in the order of cm's rows (default 0 … k − 1). */
  labels?: unknown;
  /** "true" (rows), "pred" (columns), "all", or null/undefined for counts (scikit-learn's `normalize`). */
  normalize?: "true" | "pred" | "all" | null;
}

const FN = "confusionMatrixHeatmap";

/**
 * Rect marks with the counts as text; rows = true label, columns = predicted (see the file header).
 * @param cm (k, k) `confusionMatrix(yTrue, yPred)`, non-negative.
 * @throws ValueError for a non-square, negative or non-finite cm, labels of another length or
 *   with repeats, an unknown normalize, or an unknown option.
 * @example
 *   const spec = confusionMatrixHeatmap(confusionMatrix(yTest, yPred), { labels: ["setosa", "versicolor", "virginica"] });
 */
export function confusionMatrixHeatmap(cm: unknown, options?: ConfusionMatrixHeatmapOptions): TopLevelSpec {
  const o = checkChartOptions<ConfusionMatrixHeatmapOptions>(FN, options, ["labels", "normalize"]);
  const { rows: C, n: k, d } = matrixArg(FN, "cm", cm);
  if (k !== d) throw new ValueError(`${FN}: cm must be square (k, k), got shape (${k}, ${d})`);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) if (C[i][j] < 0) throw new ValueError(`${FN}: cm must be non-negative counts, got ${C[i][j]} at row ${i}, column ${j}`);
  }
  const normalize = o.normalize ?? null;
  if (normalize !== null && normalize !== "true" && normalize !== "pred" && normalize !== "all") {
    throw new ValueError(`${FN}: option normalize must be "true", "pred", "all" or null, got ${show(normalize)}`);
  }
  // class names as strings (the axes are nominal), in the order of cm's rows
  const labels = (o.labels === undefined ? Array.from({ length: k }, (_, i) => i) : labelsArg(FN, "option labels", o.labels, k, "classes (rows of cm)")).map(
    String,
  );
  if (new Set(labels).size !== k) throw new ValueError(`${FN}: option labels must be distinct, got ${show(labels)}`);

  // divisor of cell (i, j): row sum, column sum or total
  const rowSum = C.map((r) => r.reduce((a, b) => a + b, 0));
  const colSum = C[0].map((_, j) => C.reduce((a, r) => a + r[j], 0));
  const total = rowSum.reduce((a, b) => a + b, 0);
  const divisor = (i: number, j: number): number => (normalize === "true" ? rowSum[i] : normalize === "pred" ? colSum[j] : normalize === "all" ? total : 1);

  const values: { true: string; predicted: string; count: number; value: number }[] = [];
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const s = divisor(i, j);
      const value = s === 0 ? 0 : C[i][j] / s;
      lo = Math.min(lo, value);
      hi = Math.max(hi, value);
      values.push({ true: labels[i], predicted: labels[j], count: C[i][j], value });
    }
  }
  // scikit-learn's text colour: light on cells below the middle of the colour range
  const threshold = (lo + hi) / 2;
  const whole = normalize === null && values.every((v) => Number.isInteger(v.count));
  const side = Math.min(480, Math.max(160, 48 * k));
  return {
    ...header(o),
    ...size(o, side, side),
    data: { values },
    encoding: {
      x: { field: "predicted", type: "nominal", sort: labels, title: "Predicted label", axis: { labelAngle: 0 } },
      y: { field: "true", type: "nominal", sort: labels, title: "True label" },
    },
    layer: [
      {
        mark: { type: "rect" },
        encoding: {
          color: { field: "value", type: "quantitative", title: normalize === null ? "count" : "fraction", scale: { scheme: "viridis" } },
        },
      },
      {
        mark: { type: "text" },
        encoding: {
          text: { field: "value", type: "quantitative", format: whole ? "d" : ".2g" },
          color: { condition: { test: `datum.value < ${threshold}`, value: "white" }, value: "black" },
        },
      },
    ],
  };
}
