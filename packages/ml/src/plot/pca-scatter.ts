/**
 * PCA scatter: the samples projected on two principal components, coloured by class.
 *
 * What a course draws instead: `plt.scatter(X_pca[:, 0], X_pca[:, 1], c=y)` after
 * `PCA(n_components=2).fit_transform(X)` (scikit-learn's "PCA example with Iris Data-set"),
 * axis labels "PC1 (72.9%)" from `pca.explained_variance_ratio_`.
 *
 * Encoding: one filled point per sample (row i of `projected`);
 *   x = projected[i, components[0]]   field "PC<c0+1>", quantitative
 *   y = projected[i, components[1]]   field "PC<c1+1>", quantitative
 *   colour = labels[i], or targetNames[labels[i]]   field "class", nominal (in targetNames' order)
 * Axis titles "PC1 (72.9%)" when explainedVarianceRatio is given (one decimal, ratio × 100).
 * Returns a vega-lite spec with the data inlined. Reference: vega-lite "point" mark.
 */
import type { TopLevelSpec } from "vega-lite";
import { ValueError } from "@sliderule/ndarray";
import { show } from "../base.js";
import { checkChartOptions, header, labelsArg, matrixArg, namesArg, percent, size, vectorArg, type ChartOptions } from "./validate.js";

export interface PcaScatterOptions extends ChartOptions {
  /** Class names: labels must then be integers 0 … targetNames.length − 1 (scikit-learn's `target_names`; null: none). */
  targetNames?: readonly string[] | null;
  /** The two columns of `projected` to plot, 0-based (default [0, 1]: PC1 against PC2). */
  components?: readonly [number, number];
  /** `pca.explainedVarianceRatio` (k,): puts each axis's share of the variance in its title. */
  explainedVarianceRatio?: unknown;
}

const FN = "pcaScatter";

/**
 * Points on two principal components, coloured by class (see the file header).
 * @param projected (n, k ≥ 2) `pca.transform(X)`.
 * @param labels (n,) class of each sample (numbers or strings), or undefined for one colour.
 * @throws ValueError for a non-2-D or non-finite `projected`, labels of another length, a
 *   component out of range, a label with no target name, or an unknown option.
 * @example
 *   const spec = pcaScatter(pca.transform(X), y, { targetNames: ["setosa", "versicolor", "virginica"],
 *     explainedVarianceRatio: pca.explainedVarianceRatio });
 */
export function pcaScatter(projected: unknown, labels?: unknown, options?: PcaScatterOptions): TopLevelSpec {
  const o = checkChartOptions<PcaScatterOptions>(FN, options, ["targetNames", "components", "explainedVarianceRatio"]);
  const { rows, n, d } = matrixArg(FN, "projected", projected, { minCols: 2 });

  // which two columns
  const comps = o.components ?? [0, 1];
  if (!Array.isArray(comps) || comps.length !== 2 || !comps.every((c) => Number.isInteger(c) && c >= 0 && c < d) || comps[0] === comps[1]) {
    throw new ValueError(`${FN}: option components must be two different column indices in [0, ${d - 1}] (projected has ${d} columns), got ${show(comps)}`);
  }
  const [c0, c1] = comps;
  const xField = `PC${c0 + 1}`;
  const yField = `PC${c1 + 1}`;

  // axis titles with the explained variance
  let xTitle = xField;
  let yTitle = yField;
  if (o.explainedVarianceRatio !== undefined) {
    const ratio = vectorArg(FN, "explainedVarianceRatio", o.explainedVarianceRatio);
    if (ratio.length <= Math.max(c0, c1)) {
      throw new ValueError(`${FN}: option explainedVarianceRatio has ${ratio.length} entries, but component ${Math.max(c0, c1)} (0-based) is plotted`);
    }
    const bad = ratio.findIndex((r) => r < 0 || r > 1);
    if (bad >= 0)
      throw new ValueError(
        `${FN}: option explainedVarianceRatio must hold ratios in [0, 1], got ${ratio[bad]} at index ${bad} (pass explainedVarianceRatio, not explainedVariance)`,
      );
    xTitle = `${xField} (${percent(ratio[c0])})`;
    yTitle = `${yField} (${percent(ratio[c1])})`;
  }

  // classes, named through targetNames when given
  let classes: (number | string)[] | undefined;
  let names: string[] | undefined;
  if (labels !== undefined) classes = labelsArg(FN, "labels", labels, n);
  if (o.targetNames !== undefined && o.targetNames !== null) {
    names = namesArg(FN, "targetNames", o.targetNames);
    if (classes === undefined) throw new ValueError(`${FN}: option targetNames needs labels (the class index of each sample)`);
    const nm = names;
    classes = classes.map((c, i) => {
      if (typeof c !== "number" || !Number.isInteger(c) || c < 0 || c >= nm.length) {
        throw new ValueError(`${FN}: labels[${i}] is ${show(c)}, not a class index in [0, ${nm.length - 1}] of targetNames`);
      }
      return nm[c];
    });
  }

  const values = rows.map((r, i) => (classes === undefined ? { [xField]: r[c0], [yField]: r[c1] } : { [xField]: r[c0], [yField]: r[c1], class: classes[i] }));
  return {
    ...header(o),
    ...size(o, 360, 300),
    data: { values },
    mark: { type: "point", filled: true },
    encoding: {
      x: { field: xField, type: "quantitative", title: xTitle, scale: { zero: false } },
      y: { field: yField, type: "quantitative", title: yTitle, scale: { zero: false } },
      ...(classes === undefined ? {} : { color: { field: "class", type: "nominal", title: "class", ...(names ? { scale: { domain: names } } : {}) } }),
    },
  };
}
