/**
 * The einsum subscripts grammar: parsing "ij,jk->ik" into one label per axis of each operand
 * and of the output, with NumPy's rules and error messages that name the fault.
 *
 *   subscripts := term ("," term)* ["->" term]      spaces anywhere are ignored
 *   term       := (letter | "...")*                 at most one "..." per term
 *   letter     := a–z | A–Z                         52 labels, case-sensitive
 *
 * - Explicit output ("->" given): exactly the labels listed, each once, each one seen in an input.
 * - Implicit output (no "->"): the broadcast dimensions ("..."), if any input has them, then
 *   every letter that appears exactly once in the inputs, sorted by character code (so
 *   uppercase before lowercase, as NumPy).
 * - A letter repeated within one operand takes that operand's diagonal (sizes must match
 *   exactly); a letter shared by operands is multiplied along; a letter absent from the output
 *   is summed over.
 * - "..." stands for the axes not covered by letters; these broadcast against each other
 *   across operands (aligned at the right), as do size-1 axes of a shared letter.
 *
 * After parsing, every "..." is replaced by unused letters (one per broadcast dimension,
 * right-aligned), as opt_einsum does; the rest of einsum then only sees letters.
 *
 * Reference: NumPy's `einsum` (numpy/core/src/multiarray/einsum.c.src, `parse_operand_subscripts`
 * and `parse_output_subscripts`).
 */
import { ValueError } from "../errors.js";
import { fmtShape } from "../shape.js";

/** A parsed einsum: one letter per axis of each operand, the output letters, each letter's size. */
export interface EinsumSpec {
  /** Per operand, one letter per axis (repeated letters kept: "ii" is a diagonal). */
  inputs: string[];
  /** Output letters, in output axis order, each once. */
  output: string;
  /** Size of each letter (size-1 axes broadcast to it). */
  sizes: Map<string, number>;
  /** The letters that stand for the "..." dimensions, leftmost first ("" if none). */
  broadcast: string;
}

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const isLetter = (ch: string): boolean => LETTERS.includes(ch) && ch.length === 1;

/** One term split into its letters and where (if anywhere) its "..." sits. */
interface Term {
  letters: string[];
  /** Index into `letters` before which the ellipsis stands, or -1. */
  ellipsisAt: number;
}

/** Parse one term; `where` says "operand 0" or "the output" in messages. */
function parseTerm(term: string, where: string, subscripts: string): Term {
  const letters: string[] = [];
  let ellipsisAt = -1;
  for (let i = 0; i < term.length; i++) {
    const ch = term[i];
    if (isLetter(ch)) {
      letters.push(ch);
    } else if (ch === ".") {
      if (term.slice(i, i + 3) !== "...") {
        throw new ValueError(`einsum: subscripts ${JSON.stringify(subscripts)} contain a '.' that is not part of an ellipsis ('...') in ${where}`);
      }
      if (ellipsisAt >= 0) throw new ValueError(`einsum: subscripts ${JSON.stringify(subscripts)} contain more than one ellipsis ('...') in ${where}`);
      ellipsisAt = letters.length;
      i += 2;
    } else {
      throw new ValueError(`einsum: invalid subscript '${ch}' in ${JSON.stringify(subscripts)}: subscripts must be letters (a-z, A-Z)`);
    }
  }
  return { letters, ellipsisAt };
}

/**
 * Parse `subscripts` for operands of the given shapes.
 * @throws ValueError naming the fault: an invalid character, a stray '.', the wrong number of
 *   operands, too many or too few subscripts for an operand, unequal sizes of a repeated
 *   letter in one operand, sizes of one letter that do not broadcast across operands, an
 *   output letter that never appears in an input or appears twice, broadcast dimensions with
 *   no "..." in an explicit output, or more than 52 distinct labels.
 */
export function parseSubscripts(subscripts: string, shapes: readonly (readonly number[])[]): EinsumSpec {
  if (typeof subscripts !== "string") throw new ValueError(`einsum: subscripts must be a string, got ${typeof subscripts}`);
  const text = subscripts.replace(/\s+/g, "");
  const arrow = text.indexOf("->");
  if (arrow >= 0 && text.indexOf("->", arrow + 1) >= 0) {
    throw new ValueError(`einsum: subscripts ${JSON.stringify(subscripts)} contain more than one '->'`);
  }
  const lhs = arrow >= 0 ? text.slice(0, arrow) : text;
  const rhs = arrow >= 0 ? text.slice(arrow + 2) : null;
  for (const ch of lhs)
    if (ch === "-" || ch === ">")
      throw new ValueError(`einsum: invalid subscript '${ch}' in ${JSON.stringify(subscripts)}: subscripts must be letters (a-z, A-Z)`);
  if (rhs !== null && rhs.includes(",")) {
    throw new ValueError(`einsum: subscripts ${JSON.stringify(subscripts)} have a ',' in the output (after '->')`);
  }
  const termTexts = lhs.split(",");
  if (shapes.length === 0) throw new ValueError(`einsum: at least one operand is required (subscripts ${JSON.stringify(subscripts)})`);
  if (termTexts.length !== shapes.length) {
    const named = termTexts.length;
    throw new ValueError(
      `einsum: subscripts ${JSON.stringify(subscripts)} name ${named} operand${named === 1 ? "" : "s"}, but ${shapes.length} ${shapes.length === 1 ? "was" : "were"} given ` +
        `(${shapes.length > named ? "too many" : "too few"} operands)`,
    );
  }
  const terms = termTexts.map((t, i) => parseTerm(t, `operand ${i}`, subscripts));

  // how many axes each "..." covers; the broadcast dimensions are the most of any operand
  const ellipsisDims = terms.map((t, i) => {
    const ndim = shapes[i].length;
    const L = t.letters.length;
    if (L > ndim) {
      throw new ValueError(
        `einsum: too many subscripts for operand ${i}: ${JSON.stringify(termTexts[i])} has ${L} subscript${L === 1 ? "" : "s"}, the operand has ${ndim} dimension${ndim === 1 ? "" : "s"} (shape ${fmtShape(shapes[i])})`,
      );
    }
    if (t.ellipsisAt < 0 && L < ndim) {
      throw new ValueError(
        `einsum: operand ${i} has ${ndim} dimensions (shape ${fmtShape(shapes[i])}) but ${JSON.stringify(termTexts[i])} has only ${L} subscript${L === 1 ? "" : "s"} and no '...' for the rest`,
      );
    }
    return t.ellipsisAt < 0 ? 0 : ndim - L;
  });
  const nb = Math.max(0, ...ellipsisDims);
  const anyEllipsis = terms.some((t) => t.ellipsisAt >= 0);

  // the output term
  const used = new Set(terms.flatMap((t) => t.letters));
  let out: Term;
  if (rhs !== null) {
    out = parseTerm(rhs, "the output", subscripts);
    const seen = new Set<string>();
    for (const ch of out.letters) {
      if (!used.has(ch)) throw new ValueError(`einsum: output subscript '${ch}' in ${JSON.stringify(subscripts)} never appears in an input`);
      if (seen.has(ch)) throw new ValueError(`einsum: output subscript '${ch}' appears more than once in ${JSON.stringify(subscripts)}`);
      seen.add(ch);
    }
    if (out.ellipsisAt < 0 && nb > 0) {
      throw new ValueError(
        `einsum: the inputs of ${JSON.stringify(subscripts)} have ${nb} broadcast ('...') dimension${nb === 1 ? "" : "s"}, but the output has no '...' to hold them`,
      );
    }
  } else {
    const count = new Map<string, number>();
    for (const t of terms) for (const ch of t.letters) count.set(ch, (count.get(ch) ?? 0) + 1);
    const once = [...count.keys()].filter((ch) => count.get(ch) === 1).sort();
    out = { letters: once, ellipsisAt: anyEllipsis ? 0 : -1 };
  }

  // letters for the broadcast dimensions: the first unused ones
  const free = [...LETTERS].filter((ch) => !used.has(ch));
  if (free.length < nb) throw new ValueError(`einsum: ${JSON.stringify(subscripts)} needs more than 52 distinct labels`);
  const broadcast = free.slice(0, nb).join("");
  const expand = (t: Term, e: number): string =>
    t.ellipsisAt < 0 ? t.letters.join("") : t.letters.slice(0, t.ellipsisAt).join("") + broadcast.slice(nb - e) + t.letters.slice(t.ellipsisAt).join("");
  const inputs = terms.map((t, i) => expand(t, ellipsisDims[i]));
  const output = expand(out, nb);

  // sizes: a repeated letter within an operand must match exactly; across operands 1 broadcasts
  const label = (ch: string): string => {
    const k = broadcast.indexOf(ch);
    return k < 0 ? `subscript '${ch}'` : `broadcast ('...') dimension ${k}`;
  };
  const sizes = new Map<string, number>();
  const from = new Map<string, number>(); // the operand a size > 1 was first seen in
  inputs.forEach((letters, i) => {
    const mine = new Map<string, number>();
    [...letters].forEach((ch, axis) => {
      const d = shapes[i][axis];
      const prev = mine.get(ch);
      if (prev !== undefined && prev !== d) {
        throw new ValueError(`einsum: dimensions in operand ${i} for repeated ${label(ch)} don't match (${prev} != ${d}), shape ${fmtShape(shapes[i])}`);
      }
      mine.set(ch, d);
      const s = sizes.get(ch);
      if (s === undefined || s === 1) {
        sizes.set(ch, d);
        if (d !== 1) from.set(ch, i);
      } else if (d !== 1 && d !== s) {
        const j = from.get(ch)!;
        throw new ValueError(
          `einsum: size of ${label(ch)} is ${s} in operand ${j} (shape ${fmtShape(shapes[j])}) but ${d} in operand ${i} (shape ${fmtShape(shapes[i])})`,
        );
      }
    });
  });
  return { inputs, output, sizes, broadcast };
}

/** The subscripts of a parsed einsum with its "..." written out as letters: "ij,jk->ik". */
export function formatSpec(inputs: readonly string[], output: string): string {
  return `${inputs.join(",")}->${output}`;
}
