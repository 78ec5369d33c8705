/**
 * Compressed storage: the array algorithms CSR and CSC share (SciPy's sparsetools `csr.h`,
 * `coo.h`), written once on "major" and "minor" axes. CSR is compressed along rows (major =
 * row, minor = column), CSC along columns (major = column, minor = row), so one routine
 * serves both and the transpose of one is the other.
 *
 *   slice i of the major axis:  positions p = indptr[i] .. indptr[i+1]−1
 *                               minor index indices[p], value data[p]
 *
 *   indptr   [0, 2, 3, 6]            A = [[1, 0, 2],      CSR: row 0 is p = 0..1,
 *   indices  [0, 2, 2, 0, 1, 2]           [0, 0, 3],           row 1 is p = 2,
 *   data     [1, 2, 3, 4, 5, 6]           [4, 5, 6]]           row 2 is p = 3..5
 *
 * Canonical form (SciPy's `has_canonical_format`): within every slice the minor indices are
 * strictly increasing, so there are no duplicates and each entry's position is found by
 * binary search. Sorted form allows equal neighbours (duplicates not yet summed).
 *
 * Summation order, so that results match SciPy's bit for bit: duplicate entries are added
 * left to right in the order they were given (SciPy sorts each row with a sort that is stable
 * on rows of up to 16 entries, then adds neighbours; ours is stable on every row). float32
 * values are added in float32, as SciPy's templates do; int32 in float64 then wrapped to int32.
 *
 * Every routine returns new arrays except `sortIndicesInPlace`. None checks its input: the
 * constructors (construct.ts) validate, and the matrices keep the invariants.
 * Reference: SciPy `sparsetools/csr.h` (`csr_tocsc`, `csr_sort_indices`,
 * `csr_sum_duplicates`, `csr_eliminate_zeros`, `csr_has_canonical_format`) and `coo.h`
 * (`coo_tocsr`); Saad, "Iterative Methods for Sparse Linear Systems", 2nd ed., §3.4.
 */
import { allocData, dtypeOf, type SparseDType } from "./base.js";
import type { SparseData } from "./spmv.js";

/** The three arrays of a compressed matrix. */
export interface Compressed {
  indptr: Int32Array;
  indices: Int32Array;
  data: SparseData;
}

/** a + b in the storage type: float32 rounds every partial sum, as a float32 loop in C does. */
const adder = (dtype: SparseDType) => (dtype === "float32" ? (a: number, b: number) => Math.fround(a + b) : (a: number, b: number) => a + b);

/**
 * Triplets (major[k], minor[k], data[k]) → canonical compressed arrays, duplicates summed in
 * the order given (SciPy's `coo_tocsr` followed by `sum_duplicates`).
 *
 * Two stable counting sorts, first by minor index then by major index, leave the entries in
 * (major, minor) order with duplicates in their original order; one pass then adds runs of
 * equal (major, minor). O(nnz + nMajor + nMinor).
 */
export function triplesToCompressed(nMajor: number, nMinor: number, major: Int32Array, minor: Int32Array, data: SparseData): Compressed {
  const nnz = data.length;
  // stable counting sort of 0..nnz−1 by minor index
  const byMinor = countingSort(nMinor, minor, null, nnz);
  // then by major index, stable: ties keep (minor, original) order
  const order = countingSort(nMajor, major, byMinor, nnz);
  const dtype = dtypeOf(data);
  const add = adder(dtype);
  const indptr = new Int32Array(nMajor + 1);
  const indices = new Int32Array(nnz);
  const sums = new Float64Array(nnz);
  let out = 0;
  let q = 0;
  for (let i = 0; i < nMajor; i++) {
    // entries of slice i are order[q .. q + count − 1], minor indices non-decreasing
    while (q < nnz && major[order[q]] === i) {
      const k = order[q];
      const j = minor[k];
      let s = data[k];
      q++;
      while (q < nnz && major[order[q]] === i && minor[order[q]] === j) s = add(s, data[order[q++]]);
      indices[out] = j;
      sums[out] = s;
      out++;
    }
    indptr[i + 1] = out;
  }
  const values = allocData(dtype, out);
  for (let p = 0; p < out; p++) values[p] = sums[p];
  return { indptr, indices: out === nnz ? indices : indices.slice(0, out), data: values };
}

/**
 * Positions 0..n−1 (or the given `order`) stably sorted by key[position], keys in [0, nKeys).
 */
function countingSort(nKeys: number, key: Int32Array, order: Int32Array | null, n: number): Int32Array {
  const start = new Int32Array(nKeys + 1);
  for (let k = 0; k < n; k++) start[key[k] + 1]++;
  for (let i = 0; i < nKeys; i++) start[i + 1] += start[i];
  const out = new Int32Array(n);
  for (let t = 0; t < n; t++) {
    const k = order === null ? t : order[t];
    out[start[key[k]]++] = k;
  }
  return out;
}

/**
 * The same matrix compressed along the other axis (SciPy's `csr_tocsc`; also the transpose's
 * arrays in the same format). Duplicates are kept; each new slice comes out sorted, since the
 * old slices are visited in order. O(nnz + nMajor + nMinor).
 */
export function swapCompression(nMajor: number, nMinor: number, a: Compressed): Compressed {
  const { indptr, indices, data } = a;
  const nnz = indptr[nMajor];
  // count the entries of each minor index: they become the new slices' lengths
  const next = new Int32Array(nMinor + 1);
  for (let p = 0; p < nnz; p++) next[indices[p] + 1]++;
  for (let j = 0; j < nMinor; j++) next[j + 1] += next[j];
  const outPtr = next.slice();
  const outIdx = new Int32Array(nnz);
  const outData = allocData(dtypeOf(data), nnz);
  // scatter: entry (i, j) goes to the next free place of slice j
  for (let i = 0; i < nMajor; i++) {
    for (let p = indptr[i], end = indptr[i + 1]; p < end; p++) {
      const dest = next[indices[p]]++;
      outIdx[dest] = i;
      outData[dest] = data[p];
    }
  }
  return { indptr: outPtr, indices: outIdx, data: outData };
}

/** Minor indices non-decreasing in every slice (SciPy's `has_sorted_indices`). */
export function hasSortedIndices(nMajor: number, indptr: Int32Array, indices: Int32Array): boolean {
  for (let i = 0; i < nMajor; i++) {
    for (let p = indptr[i] + 1, end = indptr[i + 1]; p < end; p++) if (indices[p - 1] > indices[p]) return false;
  }
  return true;
}

/** Minor indices strictly increasing in every slice: sorted, no duplicates (SciPy's `has_canonical_format`). */
export function hasCanonicalFormat(nMajor: number, indptr: Int32Array, indices: Int32Array): boolean {
  for (let i = 0; i < nMajor; i++) {
    for (let p = indptr[i] + 1, end = indptr[i + 1]; p < end; p++) if (indices[p - 1] >= indices[p]) return false;
  }
  return true;
}

/**
 * Sort every slice by minor index, in place and stably (SciPy's `csr_sort_indices`): short
 * slices by insertion sort, long ones by sorting keys minor·len + offset (unique, so the typed
 * array's numeric sort gives the stable order) and gathering.
 */
export function sortIndicesInPlace(nMajor: number, indptr: Int32Array, indices: Int32Array, data: SparseData): void {
  let keys: Float64Array | null = null;
  let tmpData: Float64Array | null = null;
  for (let i = 0; i < nMajor; i++) {
    const start = indptr[i];
    const end = indptr[i + 1];
    const len = end - start;
    let sorted = true;
    for (let p = start + 1; p < end && sorted; p++) if (indices[p - 1] > indices[p]) sorted = false;
    if (sorted) continue;
    if (len <= 32) {
      // insertion sort: move (j, v) left past strictly larger indices only (stable)
      for (let p = start + 1; p < end; p++) {
        const j = indices[p];
        const v = data[p];
        let q = p - 1;
        for (; q >= start && indices[q] > j; q--) {
          indices[q + 1] = indices[q];
          data[q + 1] = data[q];
        }
        indices[q + 1] = j;
        data[q + 1] = v;
      }
      continue;
    }
    if (keys === null || keys.length < len) {
      keys = new Float64Array(len);
      tmpData = new Float64Array(len);
    }
    const k = keys.subarray(0, len);
    for (let t = 0; t < len; t++) {
      k[t] = indices[start + t] * len + t;
      tmpData![t] = data[start + t];
    }
    k.sort();
    for (let t = 0; t < len; t++) {
      const off = k[t] % len;
      indices[start + t] = (k[t] - off) / len;
      data[start + t] = tmpData![off];
    }
  }
}

/**
 * Sum runs of equal minor indices in every slice (the indices must be sorted); explicit zeros,
 * including sums that cancel, are kept (SciPy's `csr_sum_duplicates`).
 */
export function sumDuplicatesSorted(nMajor: number, a: Compressed): Compressed {
  const { indptr, indices, data } = a;
  const nnz = indptr[nMajor];
  const dtype = dtypeOf(data);
  const add = adder(dtype);
  const outPtr = new Int32Array(nMajor + 1);
  const outIdx = new Int32Array(nnz);
  const outData = allocData(dtype, nnz);
  let out = 0;
  for (let i = 0; i < nMajor; i++) {
    let p = indptr[i];
    const end = indptr[i + 1];
    while (p < end) {
      const j = indices[p];
      let s = data[p++];
      while (p < end && indices[p] === j) s = add(s, data[p++]);
      outIdx[out] = j;
      outData[out] = s;
      out++;
    }
    outPtr[i + 1] = out;
  }
  return { indptr: outPtr, indices: outIdx.slice(0, out), data: outData.slice(0, out) };
}

/** Drop the entries whose value is exactly 0 (SciPy's `csr_eliminate_zeros`; NaN is kept). */
export function eliminateZerosCompressed(nMajor: number, a: Compressed): Compressed {
  const { indptr, indices, data } = a;
  const nnz = indptr[nMajor];
  let kept = 0;
  for (let p = 0; p < nnz; p++) if (data[p] !== 0) kept++;
  const outPtr = new Int32Array(nMajor + 1);
  const outIdx = new Int32Array(kept);
  const outData = allocData(dtypeOf(data), kept);
  let out = 0;
  for (let i = 0; i < nMajor; i++) {
    for (let p = indptr[i], end = indptr[i + 1]; p < end; p++) {
      if (data[p] === 0) continue;
      outIdx[out] = indices[p];
      outData[out++] = data[p];
    }
    outPtr[i + 1] = out;
  }
  return { indptr: outPtr, indices: outIdx, data: outData };
}

/** A canonical copy: sorted (stably) and duplicates summed; the input is not touched. */
export function canonicalCopy(nMajor: number, a: Compressed): Compressed {
  if (hasCanonicalFormat(nMajor, a.indptr, a.indices)) return { indptr: a.indptr.slice(), indices: a.indices.slice(), data: a.data.slice() };
  const indices = a.indices.slice();
  const data = a.data.slice();
  sortIndicesInPlace(nMajor, a.indptr, indices, data);
  return sumDuplicatesSorted(nMajor, { indptr: a.indptr, indices, data });
}
