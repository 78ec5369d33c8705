/**
 * einsum: Einstein summation over any number of operands, with NumPy's whole grammar.
 *
 *   out[o] = Σ_{s} Π_t op_t[ letters of t ]       o: the output letters, s: all other letters
 *
 * e.g. "ij,jk->ik" is C[i,k] = Σ_j A[i,j]·B[j,k] and "ii->" the trace. The subscripts are
 * parsed in einsum-subscripts.ts (implicit output, "...", repeated letters, errors).
 *
 * Evaluation, in four stages, never an element loop over all letters at once:
 *
 *   1. Views. Each operand becomes a view with one axis per distinct letter: a letter repeated
 *      in an operand takes the diagonal (the axes merge into one whose stride is the sum of
 *      theirs — no copy); a size-1 axis of a letter that is longer elsewhere gets stride 0.
 *   2. Sums. Letters that only one operand has and the output lacks are summed out of it
 *      at once (a reduction), so they never enlarge a product.
 *   3. Pairs. While two or more operands remain, the pair chosen by the greedy order
 *      (einsum-path.ts) is contracted into one operand. Letters of the pair split into
 *        batch  b: in both, still needed       contracted p: in both, no longer needed
 *        own    i: only in X, needed           own        j: only in Y, needed
 *      and the product is the batched matrix product
 *        R[b, i, j] = Σ_p X[b, i, p]·Y[b, p, j]
 *      run by gemm after X is transposed to (b, i, p) and Y to (b, p, j), each letter group
 *      flattened to one axis (views where the strides allow). With no contracted letter the
 *      product is a broadcast multiply instead (a Hadamard or outer product has no sum).
 *   4. Output. The last operand holds exactly the output letters; a transpose puts them in
 *      order. A one-operand einsum with nothing to sum is therefore a view of its input
 *      (transpose, diagonal), as NumPy's.
 *
 * Dtypes: the result is `resultType` of the operands (NumPy's einsum). int32 sums and products
 * wrap modulo 2³²; bool is computed as 0/1 counts in float64 and returned as (count ≠ 0), the
 * OR of ANDs NumPy computes; complex128 contractions run on real gemms (batched-gemm.ts).
 *
 * Reference: NumPy's `einsum` (numpy/core/einsumfunc.py with optimize="greedy", which also
 * contracts pairwise through tensordot/BLAS); opt_einsum (Smith & Gray, JOSS 2018).
 */
import { asarray, type ArrayLike } from "../creation.js";
import { allocate, promoteTypes, resultType, type DType } from "../dtype.js";
import { NDArray } from "../ndarray.js";
import { sum } from "../reductions.js";
import { sizeOf } from "../shape.js";
import { multiply } from "../ufunc.js";
import { gemmBatched } from "./batched-gemm.js";
import { distinct, greedyOrder, keptLetters } from "./einsum-path.js";
import { parseSubscripts } from "./einsum-subscripts.js";

/** An operand during evaluation: an array with one axis per letter of `labels` (all distinct). */
interface Term {
  array: NDArray;
  labels: string;
}

/**
 * `np.einsum(subscripts, *operands)`: Einstein summation.
 *
 * Shapes: one letter per axis of each operand (`"ij,jk->ik"`: `a: (I, J)`, `b: (J, K)` ->
 * `(I, K)`); `"..."` stands for leading (or any unlettered) axes, which broadcast across
 * operands: `"...ij,...jk->...ik"` with `(2, 1, M, K)` and `(3, K, N)` -> `(2, 3, M, N)`.
 * Without `->` the output is `"..."` then the letters used once, sorted.
 *
 * Notes: two-operand contractions run as one batched gemm; three or more operands are
 * contracted pairwise in greedy order (see `einsumPath`); a one-operand einsum is a view
 * plus a sum (a pure transpose or diagonal returns a view of the input). Result dtype
 * `resultType` of the operands.
 *
 * @throws ValueError (message `einsum: ...`) for an invalid subscript letter, a stray '.',
 *   more or fewer operands than subscripts, too many or too few subscripts for an operand,
 *   inconsistent sizes of one letter (naming the letter and both sizes), an output letter
 *   that never appears in an input or appears twice.
 *
 * @example
 * einsum("ij,jk->ik", [[1, 2], [3, 4]], [[1, 0], [0, 1]]).toArray(); // [[1, 2], [3, 4]]
 * einsum("ii", [[1, 2], [3, 4]]).item();                             // 5, the trace
 */
export function einsum(subscripts: string, ...operands: ArrayLike[]): NDArray {
  const arrays = operands.map((x) => asarray(x));
  const spec = parseSubscripts(
    subscripts,
    arrays.map((a) => a.shape),
  );
  const T = resultType(arrays.map((a) => ({ dtype: a.dtype, scalar: a.ndim === 0 })));
  const W: DType = T === "bool" ? "float64" : T; // the dtype computed in

  // 1. views with one axis per distinct letter
  let terms = arrays.map((a, t) => letterView(castForCompute(a, W), spec.inputs[t], spec.sizes));
  // the pairwise order, fixed up front on the distinct letters (as einsumPath reports it)
  const order = greedyOrder(
    terms.map((t) => t.labels),
    spec.output,
    spec.sizes,
  );

  // 2. sum the letters only one operand has and the output lacks
  terms = terms.map((t, k) => sumUnneeded(t, neededBy(spec.output, terms, [k])));

  // 3. contract pairs: remove operands i < j, append their product
  for (const step of order) {
    const [i, j] = step.operands;
    const y = terms.splice(j, 1)[0];
    const x = terms.splice(i, 1)[0];
    terms.push(contractPair(x, y, neededBy(spec.output, terms, [])));
  }

  // 4. the output letters in order
  const last = terms[0];
  const result = last.array.transpose([...spec.output].map((ch) => last.labels.indexOf(ch)));
  if (T === "bool") return result.astype("bool");
  return result.dtype === T ? result : result.astype(T);
}

/** Letters needed by the output and by every term not listed in `except`. */
function neededBy(output: string, terms: readonly Term[], except: readonly number[]): Set<string> {
  const needed = new Set(output);
  terms.forEach((t, k) => {
    if (!except.includes(k)) for (const ch of t.labels) needed.add(ch);
  });
  return needed;
}

/**
 * The operand in the dtype computed in: itself when it already is, or when it is real float64
 * in a complex einsum (the gemms and ufuncs mix real and complex without a cast).
 */
function castForCompute(a: NDArray, W: DType): NDArray {
  if (a.dtype === W) return a;
  if (W === "complex128") return a.dtype === "float64" ? a : a.astype("float64");
  return a.astype(W);
}

/**
 * The view of `a` with one axis per distinct letter of `term` (stage 1): the axes of a
 * repeated letter merge into their diagonal, stride = Σ of their strides; a size-1 axis of a
 * letter whose size is larger gets stride 0 (broadcast).
 */
function letterView(a: NDArray, term: string, sizes: ReadonlyMap<string, number>): Term {
  const labels = distinct(term);
  const shape: number[] = [];
  const strides: number[] = [];
  for (const ch of labels) {
    let stride = 0;
    let length = 1;
    for (let axis = 0; axis < term.length; axis++) {
      if (term[axis] !== ch) continue;
      stride += a.strides[axis];
      length = a.shape[axis]; // equal on every axis of a repeated letter (checked when parsing)
    }
    const size = sizes.get(ch)!;
    shape.push(size);
    strides.push(length === size ? stride : 0);
  }
  const same = labels === term && shape.every((d, k) => d === a.shape[k]);
  return { array: same ? a : a.view(shape, strides, a.offset), labels };
}

/** Sum out the letters of `t` that are not needed (stage 2 and inside a pair). */
function sumUnneeded(t: Term, needed: ReadonlySet<string>): Term {
  const axes = [...t.labels].map((ch, k) => (needed.has(ch) ? -1 : k)).filter((k) => k >= 0);
  if (axes.length === 0) return t;
  return { array: sum(t.array, { axis: axes }), labels: [...t.labels].filter((ch) => needed.has(ch)).join("") };
}

/**
 * The product of two terms with only the `needed` letters kept (stage 3):
 * R[b, i, j] = Σ_p X[b, i, p]·Y[b, p, j] by batched gemm, or X[b, i]·Y[b, j] by a broadcast
 * multiply when no letter is summed. The result's letters are b, then i, then j
 * (`keptLetters`, the order einsumPath reports).
 */
function contractPair(x0: Term, y0: Term, needed: ReadonlySet<string>): Term {
  // letters only one side has and nobody needs: summed before the product
  const x = sumUnneeded(x0, new Set([...needed, ...y0.labels]));
  const y = sumUnneeded(y0, new Set([...needed, ...x0.labels]));
  const X = x.array;
  const Y = y.array;
  const axisX = (ch: string) => x.labels.indexOf(ch);
  const axisY = (ch: string) => y.labels.indexOf(ch);
  const b = [...x.labels].filter((ch) => y.labels.includes(ch) && needed.has(ch));
  const i = [...x.labels].filter((ch) => !y.labels.includes(ch));
  const j = [...y.labels].filter((ch) => !x.labels.includes(ch));
  // contracted letters, ordered by X's strides (largest first) so X's flattening is a view
  const p = [...x.labels]
    .filter((ch) => y.labels.includes(ch) && !needed.has(ch))
    .sort((u, v) => Math.abs(X.strides[axisX(v)]) - Math.abs(X.strides[axisX(u)]));
  const labels = [...b, ...i, ...j].join("");
  if (labels !== keptLetters(x.labels, y.labels, needed)) throw new Error(`internal: einsum: pair letters ${labels} out of order`);
  const bShape = b.map((ch) => X.shape[axisX(ch)]);
  const iShape = i.map((ch) => X.shape[axisX(ch)]);
  const jShape = j.map((ch) => Y.shape[axisY(ch)]);

  if (p.length === 0) {
    // no sum: X as (b, i, 1…), Y as (b, 1…, j), broadcast multiply
    const Xv = X.transpose([...b, ...i].map(axisX)).reshape([...bShape, ...iShape, ...jShape.map(() => 1)]);
    const Yv = Y.transpose([...b, ...j].map(axisY)).reshape([...bShape, ...iShape.map(() => 1), ...jShape]);
    return { array: multiply(Xv, Yv), labels };
  }
  // gemm: X as (b…, M, K), Y as (b…, K, N)
  const pShape = p.map((ch) => X.shape[axisX(ch)]);
  const [M, N, K] = [sizeOf(iShape), sizeOf(jShape), sizeOf(pShape)];
  const Xm = X.transpose([...b, ...i, ...p].map(axisX)).reshape([...bShape, M, K]);
  const Ym = Y.transpose([...b, ...p, ...j].map(axisY)).reshape([...bShape, K, N]);
  const dtype = promoteTypes(X.dtype, Y.dtype);
  const data = allocate(dtype, sizeOf(bShape) * M * N);
  gemmBatched(Xm, Ym, new NDArray(data, [...bShape, M, N], dtype));
  return { array: new NDArray(data, [...bShape, ...iShape, ...jShape], dtype), labels };
}
