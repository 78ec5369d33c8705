/**
 * Block: a matrix view, the calling convention of the matrix kernels (here and in @sliderule/linalg).
 *
 * A Block is a rows×cols window on a typed buffer, with a row stride and a column stride:
 *
 *   element (i, j) of A  is  A.data[A.off + i·A.rs + j·A.cs],   0 ≤ i < A.rows, 0 ≤ j < A.cols
 *
 * The column-major working matrices of the LAPACK-style routines have rs = 1 and cs = ld (the
 * leading dimension); a C-contiguous (row-major) matrix has rs = cols and cs = 1. Everything
 * else is arithmetic on those six numbers, never on the data:
 *
 *   sub(A, i, j, r, c)   the r×c window whose top-left element is A's (i, j)
 *   T(A)                 Aᵀ: the same elements, strides and shape swapped
 *   quadrants(A, r, c)   A split after row r and column c:
 *
 *                     c
 *              ⎡ A11 │ A12 ⎤      A11 = sub(A, 0, 0, r, c)      A12 = sub(A, 0, c, r, cols − c)
 *            r ⎣ A21 │ A22 ⎦      A21 = sub(A, r, 0, rows − r, c)
 *                                 A22 = sub(A, r, c, rows − r, cols − c)
 *
 *   column(A, i, j, len) the len elements of column j from row i down, as a len×1 view
 *   row(A, i, j, len)    the len elements of row i from column j on, as a len×1 view: a
 *                        vector is a one-column Block, whichever stride it walks
 *
 *   lower(A), lowerUnit(A), upper(A), upperUnit(A), triangle(A, uplo, unit)
 *                        the same view tagged with the triangle a kernel is to read (and
 *                        whether its diagonal is taken as ones), for the triangular solve;
 *                        T() of a lower triangle is an upper one.
 *
 * So blocked code reads as its header draws: LU's trailing update is
 * `trsm(lowerUnit(A11), A12, nb); gemm(-1, A21, A12, 1, A22)`, with no offset
 * expression in sight. A blocked step builds a handful of small view objects; nothing is
 * allocated per element.
 *
 * Every matrix kernel takes views: ndarray's gemm(alpha, A, B, beta, C), gemv(alpha, A, x,
 * beta, y), symv(alpha, lower(A), x, beta, y) and the WebAssembly factorizations
 * (trsmResident(T, B, leaf), getrfResident(A, ipiv, nb), …), and linalg's blocked routines
 * under their LAPACK names (getrf, potrf, geqrf, orgqr, ormqrT, larfb, trsm). Shapes come from
 * the views; each kernel checks its operands once per call with `checkInside` (O(1): every
 * element lies inside its buffer) and its own shape rules. LAPACK's positional form
 * (A, aOff, lda) remains only where a view is converted to the AssemblyScript twins' byte
 * pointers (one place per entry) and in the leaf kernels below.
 *
 * Leaf kernels. The index loops live in the unblocked routines (getf2, laswp, potf2, geqr2,
 * org2r, larft), which keep LAPACK's positional arguments; their view forms carry the suffix
 * Block (getf2Block, laswpBlock, potf2Block, geqr2Block, org2rBlock, larftBlock) and pass a
 * view's fields in. Measured on V8 (Node 20): the same loop nest ran about 10% slower
 * with its bounds and offsets read from an object into locals than with them as parameters,
 * and a per-call view adds nothing measurable to an O(n³) or O(n²) loop.
 *
 * Invariant: a view never owns or copies data. Writing through a sub-view writes the parent's
 * buffer; `sub` checks that the window lies inside its parent (an internal error otherwise),
 * and `colMajor` that the matrix lies inside its buffer, so a kernel handed a Block cannot
 * address an element outside it (typed arrays would drop such writes silently).
 *
 * Reference: LAPACK's (A, lda) convention, a matrix as a pointer to its first element and a
 * leading dimension (here with both strides explicit, as BLIS does); prior art for a view
 * object as the argument of every kernel: BLIS's object API (obj_t, bli_acquire_mpart_*:
 * F. Van Zee, R. van de Geijn, "BLIS: a framework for rapidly instantiating BLAS
 * functionality", ACM TOMS 41(3), 2015) and FLAME's FLA_Part_2x2 (Gunnels, Gustavson, Henry,
 * van de Geijn, "FLAME: Formal Linear Algebra Methods Environment", ACM TOMS 27(4), 2001);
 * Julia's SubArray views (`view(A, i:j, k:l)`, `transpose`, `LowerTriangular`, `UnitLowerTriangular`).
 */
/** The element types the matrix kernels compute in (all operands of one call share one). */
export type FloatArray = Float64Array | Float32Array;

/** A rows×cols matrix view: element (i, j) at data[off + i·rs + j·cs] (see the file header). */
export interface Block {
  readonly data: FloatArray;
  readonly off: number;
  /** Row stride: from (i, j) to (i + 1, j). 1 for a column-major matrix. */
  readonly rs: number;
  /** Column stride: from (i, j) to (i, j + 1). The leading dimension of a column-major matrix. */
  readonly cs: number;
  readonly rows: number;
  readonly cols: number;
}

/** A square Block of which a kernel reads one triangle only; `unit`: the diagonal is taken as ones and not read. */
export interface TriangularBlock extends Block {
  readonly uplo: "lower" | "upper";
  readonly unit: boolean;
}

/** A view's shape, offset and strides, for the internal error messages. */
export function formatView(A: Block): string {
  return `${A.rows}×${A.cols} (off ${A.off}, strides ${A.rs}, ${A.cs})`;
}

/**
 * The check every kernel makes of its operands: each element of A lies inside A.data. O(1),
 * for any strides: the two extreme corners do. `width` is the numbers per element, 2 for a
 * complex view (interleaved re, im; off and strides count complex elements). `fn` and `name`
 * name the kernel and the operand in the error; the message is built out of line, so that this
 * stays small enough for V8 to inline into every kernel.
 * @throws Error `internal:` when an element lies outside.
 */
export function checkInside(fn: string, name: string, A: Block, width = 1): void {
  const { off, rs, cs, rows, cols } = A;
  if (rows === 0 || cols === 0) return;
  const r = (rows - 1) * rs; // from the first row to the last, and from the first column to the last
  const c = (cols - 1) * cs;
  const lo = off + (r < 0 ? r : 0) + (c < 0 ? c : 0);
  const hi = off + (r > 0 ? r : 0) + (c > 0 ? c : 0);
  // (a fractional offset or stride would make the typed array read undefined: NaN, silently)
  if (!(lo >= 0 && width * hi + width - 1 < A.data.length && Number.isInteger(lo) && Number.isInteger(hi))) outside(fn, name, A, lo, hi, width);
}

function outside(fn: string, name: string, A: Block, lo: number, hi: number, width: number): never {
  const unit = width === 1 ? "elements" : "complex elements";
  throw new Error(`internal: ${fn}: ${name} ${formatView(A)} spans ${unit} [${lo}, ${hi}] outside a buffer of ${A.data.length / width} ${unit}`);
}

/** The checks of a view constructor: integer sizes ≥ 0, integer offset and strides. */
function checkSizes(fn: string, rows: number, cols: number, off: number, rs: number, cs: number): void {
  if (!(Number.isInteger(rows) && Number.isInteger(cols) && Number.isInteger(off) && Number.isInteger(rs) && Number.isInteger(cs) && rows >= 0 && cols >= 0)) {
    throw new Error(`internal: ${fn}: invalid ${rows}×${cols} matrix at offset ${off} with strides ${rs}, ${cs}`);
  }
}

/**
 * The rows×cols column-major matrix data[off + i + j·ld] (LAPACK's (A, lda)) as a Block.
 * @throws Error `internal:` when the sizes are not integers ≥ 0, ld < rows, or an element lies outside data.
 */
export function colMajor(data: FloatArray, rows: number, cols: number, off = 0, ld = rows): Block {
  return columnMajor("colMajor", data, rows, cols, off, ld, 1);
}

/**
 * The rows×cols column-major complex matrix whose element (i, j) is (data[2e], data[2e + 1]),
 * e = off + i + j·ld: a complex view, its offset and strides counted in complex elements (the
 * complex kernels, such as linalg's ztrsm, take these).
 * @throws Error `internal:` as {@link colMajor}, counting complex elements.
 */
export function complexColMajor(data: Float64Array, rows: number, cols: number, off = 0, ld = rows): Block {
  return columnMajor("complexColMajor", data, rows, cols, off, ld, 2);
}

function columnMajor(fn: string, data: FloatArray, rows: number, cols: number, off: number, ld: number, width: number): Block {
  checkSizes(fn, rows, cols, off, 1, ld);
  if (off < 0 || ld < rows) throw new Error(`internal: ${fn}: invalid ${rows}×${cols} matrix at offset ${off} with leading dimension ${ld}`);
  const A: Block = { data, off, rs: 1, cs: ld, rows, cols };
  checkInside(fn, "the matrix", A, width);
  return A;
}

/**
 * The rows×cols matrix data[off + i·rs + j·cs] with any strides (negative or zero included, as
 * NumPy views have them) as a Block.
 * @throws Error `internal:` when the sizes are not integers ≥ 0 or a corner element lies outside data.
 */
export function strided(data: FloatArray, rows: number, cols: number, off: number, rs: number, cs: number): Block {
  checkSizes("strided", rows, cols, off, rs, cs);
  const A: Block = { data, off, rs, cs, rows, cols };
  checkInside("strided", "the matrix", A);
  return A;
}

/**
 * The n values data[off + i·stride] as an n×1 Block (a column vector).
 * @throws Error `internal:` as {@link strided}.
 */
export function vector(data: FloatArray, n: number, off = 0, stride = 1): Block {
  return strided(data, n, 1, off, stride, 0);
}

/**
 * The rows×cols sub-matrix of A whose top-left element is A's (i, j): a view, no copy
 * (a plain Block: a triangle tag does not carry over to a window).
 * @throws Error `internal:` when the window does not lie inside A.
 */
export function sub(A: Block, i: number, j: number, rows: number, cols: number): Block {
  if (!(
    Number.isInteger(i) &&
    Number.isInteger(j) &&
    Number.isInteger(rows) &&
    Number.isInteger(cols) &&
    i >= 0 &&
    j >= 0 &&
    rows >= 0 &&
    cols >= 0 &&
    i + rows <= A.rows &&
    j + cols <= A.cols
  )) {
    throw new Error(`internal: sub: the ${rows}×${cols} window at (${i}, ${j}) is not inside the ${formatView(A)} view`);
  }
  return { data: A.data, off: A.off + i * A.rs + j * A.cs, rs: A.rs, cs: A.cs, rows, cols };
}

/** The len elements A[i, j], A[i + 1, j], …: part of column j, as a len×1 view. */
export function column(A: Block, i: number, j: number, len: number): Block {
  return sub(A, i, j, len, 1);
}

/** The len elements A[i, j], A[i, j + 1], …: part of row i, as a len×1 view (a vector, not a 1×len matrix). */
export function row(A: Block, i: number, j: number, len: number): Block {
  return T(sub(A, i, j, 1, len));
}

/** Aᵀ as a view: strides and shape swapped; the transpose of a lower triangle is an upper one. */
export function T(A: TriangularBlock): TriangularBlock;
export function T(A: Block): Block;
export function T(A: Block | TriangularBlock): Block | TriangularBlock {
  if ("uplo" in A) return triangle(T(plain(A)), A.uplo === "lower" ? "upper" : "lower", A.unit);
  return { data: A.data, off: A.off, rs: A.cs, cs: A.rs, rows: A.cols, cols: A.rows };
}

/**
 * A split after row r and column c into [A11, A12, A21, A22] (see the header); any of the
 * four may be empty.
 * @throws Error `internal:` when r or c is outside [0, rows] or [0, cols].
 */
export function quadrants(A: Block, r: number, c: number): [A11: Block, A12: Block, A21: Block, A22: Block] {
  return [sub(A, 0, 0, r, c), sub(A, 0, c, r, A.cols - c), sub(A, r, 0, A.rows - r, c), sub(A, r, c, A.rows - r, A.cols - c)];
}

/** A's lower triangle, diagonal included (a square view). */
export function lower(A: Block): TriangularBlock {
  return triangle(A, "lower", false);
}

/** A's strict lower triangle with ones on the diagonal, as LU leaves L (a square view). */
export function lowerUnit(A: Block): TriangularBlock {
  return triangle(A, "lower", true);
}

/** A's upper triangle, diagonal included (a square view). */
export function upper(A: Block): TriangularBlock {
  return triangle(A, "upper", false);
}

/** A's strict upper triangle with ones on the diagonal (a square view). */
export function upperUnit(A: Block): TriangularBlock {
  return triangle(A, "upper", true);
}

/** A's named triangle, unit diagonal or not: lower, lowerUnit, upper or upperUnit chosen by value (a square view). */
export function triangle(A: Block, uplo: "lower" | "upper", unit: boolean): TriangularBlock {
  if (A.rows !== A.cols) throw new Error(`internal: ${uplo}${unit ? "Unit" : ""}: a triangle of a non-square ${formatView(A)} view`);
  return { data: A.data, off: A.off, rs: A.rs, cs: A.cs, rows: A.rows, cols: A.cols, uplo, unit };
}

function plain(A: Block): Block {
  return { data: A.data, off: A.off, rs: A.rs, cs: A.cs, rows: A.rows, cols: A.cols };
}

/**
 * The leading dimension of a column-major view (rs = 1), for the leaf kernels whose index
 * loops walk contiguous columns. `fn` names the kernel in the internal error.
 * @throws Error `internal:` when A's rows are not contiguous.
 */
export function leadingDim(A: Block, fn: string): number {
  if (A.rs !== 1) throw new Error(`internal: ${fn}: expected a column-major view (row stride 1), got ${formatView(A)}`);
  return A.cs;
}
