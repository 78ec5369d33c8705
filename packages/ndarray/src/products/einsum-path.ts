/**
 * The order in which einsum contracts three or more operands, and `einsumPath`, which shows it.
 *
 * An einsum of n operands is evaluated as n − 1 pairwise contractions. Each takes two operands
 * off the list and appends their product, in which every letter is kept that the output or a
 * remaining operand still needs, and every other letter of the pair is summed:
 *
 *   kept(X, Y) = (letters(X) ∪ letters(Y)) ∩ (output ∪ letters of the other operands)
 *
 * Greedy order (opt_einsum's "greedy", simplified): at each step contract the pair whose
 * result is smallest (fewest elements); ties go to the pair with fewer flops, then to the
 * first pair in list order. Cheap, and it avoids the blow-up of a bad order
 * (ij,jk,kl with i = l = 1000, j = k = 2 contracts jk,kl first: a 2×2 intermediate instead of
 * 1000×1000). Not optimal in general; opt_einsum's "optimal" search is exponential.
 *
 * Flop estimate of one contraction (opt_einsum's `flop_count`): the product of the sizes of
 * all letters involved, times (terms − 1, at least 1), plus one more if any letter is summed —
 * one multiply per term pair and one add per product that is accumulated.
 *
 * Positions follow np.einsum_path: a step names the two operands by their place in the list
 * *at that step*; both are removed and the result is appended at the end.
 *
 * Reference: D. Smith, J. Gray, "opt_einsum — A Python package for optimizing contraction
 * order for einsum-like expressions", JOSS 3(26), 2018; NumPy's `einsum_path`.
 */
import { asarray, type ArrayLike } from "../creation.js";
import { formatSpec, parseSubscripts } from "./einsum-subscripts.js";

/** One pairwise contraction of the greedy order. */
export interface Contraction {
  /** Positions of the two operands in the list at this step (i < j). */
  operands: [number, number];
  /** Letters of the two operands and of their result: `"ij,jk->ik"`. */
  subscripts: string;
  /** The result's letters, in the order einsum lays them out: shared kept, then X's, then Y's. */
  result: string;
  /** Letters summed away in this step. */
  summed: string;
  /** Estimated floating-point operations (see the file header). */
  flops: number;
  /** Elements of the result. */
  size: number;
}

/** The distinct letters of a term, in order of first appearance ("iij" -> "ij"). */
export function distinct(term: string): string {
  return [...new Set(term)].join("");
}

/** Product of the sizes of the given letters. */
export function sizeOfLetters(letters: Iterable<string>, sizes: ReadonlyMap<string, number>): number {
  let n = 1;
  for (const ch of letters) n *= sizes.get(ch)!;
  return n;
}

/** opt_einsum's flop count: Σ-free product size × max(1, terms − 1), +1 factor if anything is summed. */
export function flopCount(letters: Iterable<string>, summed: boolean, terms: number, sizes: ReadonlyMap<string, number>): number {
  const factor = Math.max(1, terms - 1) + (summed ? 1 : 0);
  return sizeOfLetters(new Set(letters), sizes) * factor;
}

/**
 * The letters of the product of operands X and Y that must be kept, in einsum's layout order:
 * letters of X also in Y, then X's own, then Y's own (each in its operand's order).
 */
export function keptLetters(x: string, y: string, needed: ReadonlySet<string>): string {
  const shared = [...x].filter((ch) => y.includes(ch) && needed.has(ch));
  const ownX = [...x].filter((ch) => !y.includes(ch) && needed.has(ch));
  const ownY = [...y].filter((ch) => !x.includes(ch) && needed.has(ch));
  return [...shared, ...ownX, ...ownY].join("");
}

/**
 * The greedy contraction order for operands with the given distinct letters (file header).
 * Returns n − 1 steps for n operands (none for one operand).
 */
export function greedyOrder(inputs: readonly string[], output: string, sizes: ReadonlyMap<string, number>): Contraction[] {
  const list = inputs.slice();
  const steps: Contraction[] = [];
  while (list.length > 1) {
    let best: (Contraction & { key: number[] }) | null = null;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        // letters still needed after X = list[i] and Y = list[j] are merged
        const needed = new Set(output);
        list.forEach((t, k) => {
          if (k !== i && k !== j) for (const ch of t) needed.add(ch);
        });
        const [x, y] = [list[i], list[j]];
        const result = keptLetters(x, y, needed);
        const summed = [...distinct(x + y)].filter((ch) => !result.includes(ch)).join("");
        const size = sizeOfLetters(result, sizes);
        const flops = flopCount(x + y, summed.length > 0, 2, sizes);
        const key = [size, flops];
        if (best === null || key[0] < best.key[0] || (key[0] === best.key[0] && key[1] < best.key[1])) {
          best = { operands: [i, j], subscripts: `${x},${y}->${result}`, result, summed, flops, size, key };
        }
      }
    }
    const { key: _key, ...step } = best!;
    const [i, j] = step.operands;
    list.splice(j, 1);
    list.splice(i, 1);
    list.push(step.result);
    steps.push(step);
  }
  return steps;
}

/** One line of an einsum path: a contraction, with what is left after it. */
export interface EinsumPathStep {
  /** Positions of the contracted operands in the list at this step (`[0]` for a single operand). */
  operands: number[];
  /** `"ij,jk->ik"`; a "..." is written out as the letters it stands for. */
  subscripts: string;
  /** Letters summed in this step. */
  summed: string;
  /** Estimated flops. */
  flops: number;
  /** Elements of the step's result. */
  size: number;
  /** Number of distinct letters in the step (its loop depth, NumPy's "scaling"). */
  scaling: number;
  /** The einsum still to do after the step: `"kl,ik->il"`. */
  remaining: string;
}

/** What `einsumPath` returns: the order, per-step costs, totals, and `toString()` for a report. */
export interface EinsumPath {
  /** Operand positions per step, as NumPy's path without its leading 'einsum_path'. */
  path: number[][];
  steps: EinsumPathStep[];
  /** The whole einsum with "..." written out: `"ij,jk,kl->il"`. */
  subscripts: string;
  /** Flops of a single loop nest over every letter at once. */
  naiveFlops: number;
  /** Σ flops of the steps. */
  optimizedFlops: number;
  /** Elements of the largest intermediate (or result). */
  largestIntermediate: number;
  /** A report in the layout of np.einsum_path's second output. */
  toString(): string;
}

/**
 * `np.einsum_path(subscripts, *operands, optimize="greedy")`: the order einsum contracts in,
 * and what each step costs.
 *
 * Shapes: the operands' shapes as for `einsum` (only their shapes are read).
 *
 * Notes: greedy pairwise order (smallest intermediate first); repeated letters in an operand
 * (diagonals) are taken before the first step and do not appear in it.
 *
 * @throws ValueError for any fault of the subscripts, as `einsum`.
 *
 * @example
 * const p = einsumPath("ij,jk,kl->il", zeros([100, 2]), zeros([2, 3]), zeros([3, 100]));
 * // p.path is [[1, 2], [0, 1]]: jk,kl->jl first (2×100 elements, not ik's 100×3), then ij,jl->il
 * // String(p) is NumPy's report: "  Complete contraction:  ij,jk,kl->il ..."
 */
export function einsumPath(subscripts: string, ...operands: ArrayLike[]): EinsumPath {
  const shapes = operands.map((x) => asarray(x).shape);
  const spec = parseSubscripts(subscripts, shapes);
  const inputs = spec.inputs.map(distinct);
  const all = distinct(spec.inputs.join(""));
  const steps: EinsumPathStep[] = [];
  if (inputs.length === 1) {
    const summed = [...inputs[0]].filter((ch) => !spec.output.includes(ch)).join("");
    steps.push({
      operands: [0],
      subscripts: formatSpec(inputs, spec.output),
      summed,
      flops: flopCount(inputs[0], summed.length > 0, 1, spec.sizes),
      size: sizeOfLetters(spec.output, spec.sizes),
      scaling: inputs[0].length,
      remaining: formatSpec([spec.output], spec.output),
    });
  } else {
    const list = inputs.slice();
    for (const c of greedyOrder(inputs, spec.output, spec.sizes)) {
      const [i, j] = c.operands;
      list.splice(j, 1);
      list.splice(i, 1);
      list.push(c.result);
      steps.push({
        operands: [i, j],
        subscripts: c.subscripts,
        summed: c.summed,
        flops: c.flops,
        size: c.size,
        scaling: distinct(c.subscripts.replace(/[,\->]/g, "")).length,
        remaining: formatSpec(list, spec.output),
      });
    }
  }
  const naiveFlops = flopCount(all, all.length > spec.output.length, inputs.length, spec.sizes);
  const optimizedFlops = steps.reduce((s, t) => s + t.flops, 0);
  const largestIntermediate = Math.max(sizeOfLetters(spec.output, spec.sizes), ...steps.map((s) => s.size));
  const result: EinsumPath = {
    path: steps.map((s) => s.operands),
    steps,
    subscripts: formatSpec(spec.inputs, spec.output),
    naiveFlops,
    optimizedFlops,
    largestIntermediate,
    toString: () => report(result, all.length),
  };
  return result;
}

/** np.einsum_path's report layout. */
function report(p: EinsumPath, naiveScaling: number): string {
  const e = (x: number) => x.toExponential(3).replace(/e([+-])(\d)$/, "e$10$2");
  const lines = [
    `  Complete contraction:  ${p.subscripts}`,
    `         Naive scaling:  ${naiveScaling}`,
    `     Optimized scaling:  ${Math.max(...p.steps.map((s) => s.scaling))}`,
    `      Naive FLOP count:  ${e(p.naiveFlops)}`,
    `  Optimized FLOP count:  ${e(p.optimizedFlops)}`,
    `   Theoretical speedup:  ${(p.naiveFlops / p.optimizedFlops).toFixed(3)}`,
    `  Largest intermediate:  ${e(p.largestIntermediate)} elements`,
    "-".repeat(74),
    `${"scaling".padEnd(25)}${"current".padEnd(40)}remaining`,
    "-".repeat(74),
  ];
  for (const s of p.steps) lines.push(`${String(s.scaling).padStart(4)}${s.subscripts.padStart(24)}${s.remaining.padStart(40)}`);
  return lines.join("\n");
}
