/**
 * @sliderule/ml/node: the Node-only entry (docs/design.md "Node-only entries"). Everything
 * that touches the file system lives here, so the rest of the package runs unchanged in a
 * browser: reading a CSV file from disk (streamed) and writing charts (SVG and one HTML page)
 * to disk.
 */
export { readCsv } from "./datasets/read-csv-node.js";
export { CsvError, csvNumber, parseCsv, parseCsvSync } from "./datasets/csv.js";
export { writeCharts } from "./plot/write-node.js";
export type { WriteChartsOptions } from "./plot/write-node.js";
