/**
 * Golden registry entries of the everyday family (cases/everyday.json) for: clip, diff, round, sign, maximum, minimum, logical_and/or/not, tile, repeat, pad, roll, flip, meshgrid, diag, cumsum, sum, argmax.
 * Merged into `ndarrayOps` by ops.ts; see ops.ts for the binding conventions (`bind`, `lib`).
 */
import type { OpRegistry } from "./harness.js";

export const everydayElementwiseOps: OpRegistry = {};
