/**
 * Golden registry entries of the everyday family (cases/everyday.json) for: diff, round,
 * tile, repeat, pad, roll, meshgrid. The family's other element-wise ops (clip, sign,
 * maximum, minimum, logical_and/or/not, flip, diag, cumsum, sum, argmax) run through the
 * ufunc, creation and reduction entries of ops.ts.
 * Merged into `ndarrayOps` by ops.ts; see ops.ts for the binding conventions (`bind`, `lib`).
 */
import type { NDArray } from "@sliderule/ndarray";
import { arr, bind, lib, shapeOf } from "./bind.js";
import { plain, type OpRegistry } from "./harness.js";

/** An axis argument as NumPy passes it: an int, a list of ints, or None (null). */
const axisArg = (x: unknown) => plain(x) as number | number[] | null | undefined;

export const everydayElementwiseOps: OpRegistry = {
  diff: (args, kw) => {
    const p = bind("diff", ["a", "n", "axis", "prepend", "append"], args, kw);
    const options: Record<string, unknown> = {};
    if (p.n !== undefined) options.n = plain(p.n);
    if (p.axis !== undefined) options.axis = plain(p.axis);
    if (p.prepend !== undefined) options.prepend = plain(p.prepend);
    if (p.append !== undefined) options.append = plain(p.append);
    return lib("diff")(arr(p.a), options);
  },
  round: (args, kw) => {
    const p = bind("round", ["a", "decimals", "out"], args, kw);
    return lib("round")(arr(p.a), { decimals: (plain(p.decimals) ?? 0) as number });
  },
  around: (args, kw) => {
    const p = bind("around", ["a", "decimals", "out"], args, kw);
    return lib("round")(arr(p.a), { decimals: (plain(p.decimals) ?? 0) as number });
  },
  tile: (args, kw) => {
    const p = bind("tile", ["A", "reps"], args, kw);
    return lib("tile")(arr(p.A), shapeOf(p.reps));
  },
  repeat: (args, kw) => {
    const p = bind("repeat", ["a", "repeats", "axis"], args, kw);
    const repeats = p.repeats !== null && typeof p.repeats === "object" && !Array.isArray(p.repeats) ? (p.repeats as NDArray) : plain(p.repeats);
    return lib("repeat")(arr(p.a), repeats, axisArg(p.axis) ?? null);
  },
  pad: (args, kw) => {
    const p = bind("pad", ["array", "pad_width", "mode", "constant_values"], args, kw);
    const options: Record<string, unknown> = { mode: plain(p.mode) ?? "constant" };
    if (p.constant_values !== undefined) options.constantValues = plain(p.constant_values);
    return lib("pad")(arr(p.array), plain(p.pad_width), options);
  },
  roll: (args, kw) => {
    const p = bind("roll", ["a", "shift", "axis"], args, kw);
    return lib("roll")(arr(p.a), plain(p.shift), axisArg(p.axis) ?? null);
  },
  meshgrid: (args, kw) => {
    const options: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(kw)) {
      if (k !== "indexing" && k !== "sparse" && k !== "copy") throw new Error(`golden registry: meshgrid does not map the keyword argument '${k}'`);
      options[k] = plain(v);
    }
    return lib("meshgrid")(...args.map((x) => arr(x)), options);
  },
};
