/**
 * @sliderule/ml/plot: the figures of a machine-learning course as vega-lite specs, and a
 * headless renderer to SVG and one HTML page. Browser-safe (vega runs in both); writing the
 * files to disk is `writeCharts` in `@sliderule/ml/node`.
 *
 *   import { screePlot, renderSvg } from "@sliderule/ml/plot";
 *   const svg = await renderSvg(screePlot(pca.explainedVarianceRatio));
 *
 * Each helper returns plain JSON (data inlined, `$schema` set): save it as .vl.json for the
 * vega-lite editor, hand it to vega-embed in a page, or render it with renderSvg. A separate
 * entry from `@sliderule/ml` because vega is heavy: importing the estimators never loads it.
 */
export { pcaScatter } from "./pca-scatter.js";
export type { PcaScatterOptions } from "./pca-scatter.js";
export { screePlot } from "./scree-plot.js";
export type { ScreePlotOptions } from "./scree-plot.js";
export { regressionPlot } from "./regression-plot.js";
export type { RegressionPlotOptions } from "./regression-plot.js";
export { lossCurve } from "./loss-curve.js";
export type { LossCurveOptions } from "./loss-curve.js";
export { svdCompressionError } from "./svd-compression-error.js";
export type { SvdCompressionErrorOptions } from "./svd-compression-error.js";
export { confusionMatrixHeatmap } from "./confusion-matrix-heatmap.js";
export type { ConfusionMatrixHeatmapOptions } from "./confusion-matrix-heatmap.js";
export { kmeansClusters } from "./kmeans-clusters.js";
export type { KmeansClustersOptions } from "./kmeans-clusters.js";
export { imageGrid } from "./image-grid.js";
export type { ImageGridOptions } from "./image-grid.js";
export { compileSpec, renderSvg, htmlPage, escapeHtml } from "./render.js";
export type { PageChart } from "./render.js";
export { VEGA_LITE_SCHEMA } from "./validate.js";
export type { ChartOptions } from "./validate.js";
export type { TopLevelSpec } from "vega-lite";
