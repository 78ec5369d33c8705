/**
 * Golden registry entries of the everyday family (cases/everyday.json) for: advanced indexing (getitem/setitem with integer arrays and masks), take, put, compress, where, nonzero, argwhere, count_nonzero.
 * Merged into `ndarrayOps` by ops.ts; see ops.ts for the binding conventions (`bind`, `lib`).
 */
import type { OpRegistry } from "./harness.js";

export const everydayIndexingOps: OpRegistry = {};
