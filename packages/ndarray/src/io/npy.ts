/**
 * NumPy's `.npy` format: one array, its header, its raw bytes (`np.save` / `np.load`).
 *
 *   offset 0    6 bytes   magic  \x93 N U M P Y
 *          6    2 bytes   version major, minor: 1.0, 2.0 or 3.0
 *          8    2 bytes   HEADER_LEN, uint16 little-endian (version 1.0)
 *               4 bytes   HEADER_LEN, uint32 little-endian (versions 2.0 and 3.0)
 *       10/12   HEADER_LEN bytes: a Python dict literal, latin-1 (1.0, 2.0) or utf-8 (3.0),
 *                 {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }
 *               then spaces and one '\n', so that the data starts on a multiple of 64 bytes
 *   10/12 + HEADER_LEN    the elements, itemsize bytes each, in C order
 *                         (Fortran order when fortran_order is True), no gaps
 *
 *   ┌─────────┬─────┬─────┬───────────────────────────────────────────────────────────┬─────┬────────┐
 *   │\x93NUMPY│ 1 0 │ len │{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }│␠…␠\n│ data … │
 *   └─────────┴─────┴─────┴───────────────────────────────────────────────────────────┴─────┴────────┘
 *   0         6     8     10                                                                64·k
 *
 * `descr` is byte order (`<` little, `>` big, `|` not applicable) + kind + itemsize.
 *
 * toNpy(a) returns the bytes NumPy's `np.save` writes for the same array, byte for byte:
 * version 1.0 (2.0 if the header outgrows 65535 bytes), C order, little-endian, NumPy's
 * padding (21 − len(str(shape[0])) spare spaces after the dict, room for the array to grow).
 *   float64 '<f8', float32 '<f4', int32 '<i4', bool '|b1', complex128 '<c16'.
 * fromNpy(bytes) returns a new C-contiguous array that owns its data. Besides the five
 * dtypes above it reads big-endian files (byte-swapped), Fortran order (into a C-order copy),
 * complex64 '<c8' into complex128, and every integer type of at most 64 bits into int32
 * (Sliderule's integer dtype): int8/16/uint8/16 always fit; int64, uint32 and uint64 values
 * are range-checked, and one outside int32 throws naming the value and its index (never a
 * silent wrap). Strings, objects, structured dtypes and float16 throw DTypeError.
 *
 * The header is read by a small strict parser for exactly the literals NumPy writes
 * (strings, True/False/None, integers, tuples, lists), never by eval.
 * Reference: NumPy, `numpy/lib/format.py` (the format's docstring, `_wrap_header`,
 * `_write_array_header`); NEP 1, "A simple file format for NumPy arrays".
 */
import { arrayArg } from "../array-args.js";
import { allocate, checkAllocation, type DType } from "../dtype.js";
import { DTypeError, ValueError } from "../errors.js";
import { NDArray } from "../ndarray.js";
import { checkArity, describe } from "../validate.js";

/** `\x93NUMPY`: the first six bytes of every .npy file. */
export const NPY_MAGIC: readonly number[] = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
/** The data starts on a multiple of this many bytes (format.py's ARRAY_ALIGN). */
const ARRAY_ALIGN = 64;
/** Spare header spaces: len(str(8·2⁶⁴ − 1)), room to rewrite a growing first axis in place. */
const GROWTH_AXIS_MAX_DIGITS = 21;
/** NumPy refuses headers longer than this by default (format.py's _MAX_HEADER_SIZE); so do we. */
const MAX_HEADER_SIZE = 10000;
/** Our dtypes as NumPy spells them in a header. */
const DESCR: Record<DType, string> = { float64: "<f8", float32: "<f4", int32: "<i4", bool: "|b1", complex128: "<c16" };
const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

// ------------------------------------------------------------------ public functions

/**
 * The `.npy` bytes of `a`, as NumPy's `np.save` writes them (identical bytes).
 *
 * @param a  an NDArray (any layout: a strided or transposed view is written as its C-order
 *           copy), or nested lists / a typed array, converted as `np.array` does.
 * @returns  a new Uint8Array: the header (version 1.0, padded to 64 bytes) and the data.
 * @throws ValueError if `a` is not an array.
 * @example
 *   const bytes = np.toNpy(np.arange(6).reshape(2, 3));
 *   np.fromNpy(bytes).shape; // [2, 3]
 */
export function toNpy(a: NDArray): Uint8Array {
  checkArity("toNpy", arguments.length, ["a"], 1);
  return encodeNpy(arrayArg(a, "toNpy"));
}

/**
 * The array held in `.npy` bytes (what `np.load` returns for a .npy file).
 *
 * @param bytes  the whole file: a Uint8Array (a Node Buffer is one) or an ArrayBuffer.
 * @returns  a new C-contiguous NDArray: float64, float32, int32, bool or complex128 (see the
 *           file header for the dtypes read and how).
 * @throws ValueError for a bad magic, an unknown version, a header that does not parse,
 *         truncated data, or an integer outside int32; DTypeError for a dtype we do not read
 *         (strings '<U5', objects 'O', structured dtypes, float16 '<f2').
 */
export function fromNpy(bytes: Uint8Array | ArrayBuffer): NDArray {
  checkArity("fromNpy", arguments.length, ["bytes"], 1);
  return decodeNpy(bytesArg(bytes, "fromNpy"), "fromNpy: ");
}

// ------------------------------------------------------------------ internal, shared with npz.ts and node.ts

/** A Uint8Array view of `bytes` (Uint8Array, Node Buffer or ArrayBuffer); anything else throws. */
export function bytesArg(bytes: unknown, fn: string, name = "bytes"): Uint8Array {
  if (bytes instanceof Uint8Array) return bytes;
  if (bytes instanceof ArrayBuffer) return new Uint8Array(bytes);
  throw new ValueError(`${fn}: ${name} must be a Uint8Array or an ArrayBuffer, got ${describe(bytes)}`);
}

/** True when `bytes` starts with the .npy magic. */
export function isNpy(bytes: Uint8Array): boolean {
  return bytes.length >= NPY_MAGIC.length && NPY_MAGIC.every((b, i) => bytes[i] === b);
}

/** How the elements of one descr are read, and which of our dtypes they become. */
interface ElementType {
  descr: string;
  kind: "f" | "i" | "u" | "b" | "c";
  /** bytes per element (complex: both parts) */
  itemsize: number;
  littleEndian: boolean;
  dtype: DType;
}

/** The NumPy type names of the descrs we refuse, for the error message. */
const UNSUPPORTED_KIND: Record<string, string> = {
  U: "a unicode string",
  S: "a byte string",
  a: "a byte string",
  O: "a Python object (pickled)",
  V: "raw bytes (void)",
  M: "a datetime64",
  m: "a timedelta64",
};

function elementType(descr: unknown, ctx: string): ElementType {
  if (typeof descr !== "string") {
    throw new DTypeError(`${ctx}a structured dtype (descr ${showPy(descr)}) is not supported; save each field as its own array`);
  }
  // byte order, kind letter, itemsize: '<f8', '>i4', '|b1'
  const m = /^([<>|=]?)([a-zA-Z])(\d+)$/.exec(descr);
  const unsupported = (why: string): never => {
    throw new DTypeError(`${ctx}unsupported dtype '${descr}' (${why}); Sliderule reads float64, float32, complex, bool and integer arrays`);
  };
  if (m === null) return unsupported(UNSUPPORTED_KIND[descr.replace(/^[<>|=]/, "")[0]] ?? "not a numeric dtype");
  const [, order, kind, digits] = m;
  const itemsize = Number(digits);
  const dtype = readDType(kind, itemsize);
  if (dtype === null) {
    const name =
      UNSUPPORTED_KIND[kind] ??
      (kind === "f" && itemsize === 2 ? "float16" : kind === "f" && itemsize > 8 ? "long double" : "not a numeric dtype Sliderule reads");
    return unsupported(name);
  }
  // a one-byte type has no byte order; '=' means the writer's native order, which we cannot know
  if (itemsize > 1 && order !== "<" && order !== ">") unsupported(`byte order '${order}' is not '<' or '>'`);
  return { descr, kind: kind as ElementType["kind"], itemsize, littleEndian: order !== ">", dtype };
}

/** Our dtype for a NumPy kind and itemsize, or null when we do not read it. */
function readDType(kind: string, itemsize: number): DType | null {
  if (kind === "f") return itemsize === 8 ? "float64" : itemsize === 4 ? "float32" : null;
  if (kind === "c") return itemsize === 16 || itemsize === 8 ? "complex128" : null;
  if (kind === "b") return itemsize === 1 ? "bool" : null;
  if (kind === "i" || kind === "u") return [1, 2, 4, 8].includes(itemsize) ? "int32" : null;
  return null;
}

/** The array in `bytes`; `ctx` prefixes every message ("fromNpy: ", "load: 'a.npy': "). */
export function decodeNpy(bytes: Uint8Array, ctx: string): NDArray {
  // --- magic and version
  if (!isNpy(bytes)) {
    const head = Array.from(bytes.subarray(0, 6), (b) => b.toString(16).padStart(2, "0")).join(" ");
    const zip = bytes[0] === 0x50 && bytes[1] === 0x4b ? " (it is a ZIP archive: an .npz? use fromNpz)" : "";
    throw new ValueError(`${ctx}not a .npy file: expected the magic \\x93NUMPY, found bytes [${head}]${zip}`);
  }
  if (bytes.length < 10) throw new ValueError(`${ctx}the file ends inside the .npy preamble (${bytes.length} bytes)`);
  const major = bytes[6];
  const minor = bytes[7];
  if (!(major >= 1 && major <= 3 && minor === 0))
    throw new ValueError(`${ctx}unsupported .npy format version ${major}.${minor}; NumPy writes 1.0, 2.0 and 3.0`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // --- header length: uint16 (1.0) or uint32 (2.0, 3.0), little-endian
  const lengthBytes = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lengthBytes) throw new ValueError(`${ctx}the file ends inside the .npy preamble (${bytes.length} bytes)`);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = 8 + lengthBytes;
  const dataStart = headerStart + headerLength;
  if (dataStart > bytes.length) {
    throw new ValueError(`${ctx}the header claims ${headerLength} bytes but the file ends after ${bytes.length - headerStart} (truncated file?)`);
  }
  if (headerLength > MAX_HEADER_SIZE) throw new ValueError(`${ctx}the header is ${headerLength} bytes, more than NumPy's limit of ${MAX_HEADER_SIZE}`);
  const headerBytes = bytes.subarray(headerStart, dataStart);
  let text: string;
  if (major === 3) {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(headerBytes);
    } catch {
      throw new ValueError(`${ctx}the version 3.0 header is not valid utf-8`);
    }
  } else {
    text = String.fromCharCode(...headerBytes); // latin-1: one byte, one code point
  }
  const { descr, fortranOrder, shape } = parseHeaderDict(text, ctx);
  const type = elementType(descr, ctx);

  // --- data: exactly size · itemsize bytes
  const size = shape.reduce((p, d) => p * d, 1);
  const expected = size * type.itemsize;
  const found = bytes.length - dataStart;
  if (found !== expected) {
    const what = `${expected} bytes of data for shape ${pyTuple(shape)} ${type.descr}, found ${found}`;
    throw new ValueError(`${ctx}expected ${what}${found > expected ? " (trailing bytes after the array)" : ""}`);
  }
  checkAllocation(shape, ctx.replace(/: $/, ""), type.dtype);
  // Fortran order stores the transpose's C order: read it with the axes reversed, then transpose
  const stored = fortranOrder ? shape.slice().reverse() : shape;
  const out = allocate(type.dtype, size);
  readElements(
    new DataView(bytes.buffer, bytes.byteOffset + dataStart, expected),
    type,
    size,
    out,
    (p) => {
      const index = unravel(p, stored);
      return pyTuple(fortranOrder ? index.reverse() : index);
    },
    ctx,
  );
  const a = new NDArray(out, stored, type.dtype);
  return fortranOrder ? a.transpose().copy() : a;
}

/** C-order multi-index of flat position p in `shape`. */
function unravel(p: number, shape: readonly number[]): number[] {
  const index = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    index[d] = p % shape[d];
    p = Math.floor(p / shape[d]);
  }
  return index;
}

/**
 * Read `n` elements of `type` from `src` into `out` (our dtype's buffer), in file order.
 * `where(p)` names element p for a range error.
 */
function readElements(src: DataView, type: ElementType, n: number, out: ReturnType<typeof allocate>, where: (p: number) => string, ctx: string): void {
  const le = type.littleEndian;
  const tooBig = (p: number, value: bigint): never => {
    const name = `${type.kind === "u" ? "uint" : "int"}${8 * type.itemsize}`;
    throw new ValueError(
      `${ctx}${name} value ${value} at index ${where(p)} does not fit in int32 (Sliderule's integer dtype, [-2147483648, 2147483647]); convert it in NumPy first, e.g. a.astype(np.float64)`,
    );
  };
  // the fast path: the file's layout is the buffer's (little-endian host and file, same type)
  const code = `${type.kind}${type.itemsize}`;
  if (LITTLE_ENDIAN_HOST && le && (code === "f8" || code === "f4" || code === "i4" || code === "c16")) {
    new Uint8Array(out.buffer, out.byteOffset, out.byteLength).set(new Uint8Array(src.buffer, src.byteOffset, src.byteLength));
    return;
  }
  switch (code) {
    case "f8":
      for (let i = 0; i < n; i++) out[i] = src.getFloat64(8 * i, le);
      return;
    case "f4":
      for (let i = 0; i < n; i++) out[i] = src.getFloat32(4 * i, le);
      return;
    case "c16": // (re, im) float64 pairs, stored as our interleaved buffer
      for (let i = 0; i < 2 * n; i++) out[i] = src.getFloat64(8 * i, le);
      return;
    case "c8": // complex64: (re, im) float32 pairs, widened exactly
      for (let i = 0; i < 2 * n; i++) out[i] = src.getFloat32(4 * i, le);
      return;
    case "b1": // any non-zero byte is True, as in NumPy
      for (let i = 0; i < n; i++) out[i] = src.getUint8(i) !== 0 ? 1 : 0;
      return;
    case "i1":
      for (let i = 0; i < n; i++) out[i] = src.getInt8(i);
      return;
    case "u1":
      for (let i = 0; i < n; i++) out[i] = src.getUint8(i);
      return;
    case "i2":
      for (let i = 0; i < n; i++) out[i] = src.getInt16(2 * i, le);
      return;
    case "u2":
      for (let i = 0; i < n; i++) out[i] = src.getUint16(2 * i, le);
      return;
    case "i4":
      for (let i = 0; i < n; i++) out[i] = src.getInt32(4 * i, le);
      return;
    case "u4":
      for (let i = 0; i < n; i++) {
        const v = src.getUint32(4 * i, le);
        if (v > 0x7fffffff) tooBig(i, BigInt(v));
        out[i] = v;
      }
      return;
    case "i8":
    case "u8":
      // value = hi·2³² + lo; it fits int32 when hi is lo's sign extension (0 or −1) — for
      // uint64, when hi is 0 and lo < 2³¹
      for (let i = 0; i < n; i++) {
        const lo = src.getUint32(8 * i + (le ? 0 : 4), le);
        const hi = type.kind === "i" ? src.getInt32(8 * i + (le ? 4 : 0), le) : src.getUint32(8 * i + (le ? 4 : 0), le);
        if (hi !== (lo | 0) >> 31) tooBig(i, (BigInt(hi) << 32n) + BigInt(lo));
        out[i] = lo | 0;
      }
      return;
    default:
      throw new Error(`internal: no reader for descr ${type.descr}`);
  }
}

/** The .npy bytes of `a` (see toNpy). */
export function encodeNpy(a: NDArray): Uint8Array {
  // the dict, keys sorted as NumPy sorts them, then the spare spaces for a growing axis 0
  let dict = `{'descr': '${DESCR[a.dtype]}', 'fortran_order': False, 'shape': ${pyTuple(a.shape)}, }`;
  if (a.ndim > 0) dict += " ".repeat(GROWTH_AXIS_MAX_DIGITS - String(a.shape[0]).length);
  // pad with spaces and a final '\n' so that magic + version + length + header ≡ 0 (mod 64);
  // like NumPy, a header that is already aligned still gets 64 bytes of padding
  const wrap = (lengthBytes: number) => {
    const hlen = dict.length + 1;
    const padlen = ARRAY_ALIGN - ((8 + lengthBytes + hlen) % ARRAY_ALIGN);
    return { lengthBytes, headerLength: hlen + padlen };
  };
  let { lengthBytes, headerLength } = wrap(2);
  let major = 1;
  if (headerLength > 0xffff) (({ lengthBytes, headerLength } = wrap(4)), (major = 2));
  const dataStart = 8 + lengthBytes + headerLength;

  const values = a.toTypedArray(); // C order (complex: interleaved re, im)
  const out = new Uint8Array(dataStart + values.byteLength);
  const view = new DataView(out.buffer);
  out.set(NPY_MAGIC, 0);
  out[6] = major;
  out[7] = 0;
  if (lengthBytes === 2) view.setUint16(8, headerLength, true);
  else view.setUint32(8, headerLength, true);
  for (let i = 0; i < dict.length; i++) out[8 + lengthBytes + i] = dict.charCodeAt(i); // ASCII
  out.fill(0x20, 8 + lengthBytes + dict.length, dataStart - 1);
  out[dataStart - 1] = 0x0a;
  // the data, little-endian
  if (a.dtype === "bool") {
    for (let i = 0; i < values.length; i++) out[dataStart + i] = values[i] ? 1 : 0;
  } else if (LITTLE_ENDIAN_HOST) {
    out.set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength), dataStart);
  } else {
    const w = values.BYTES_PER_ELEMENT;
    for (let i = 0; i < values.length; i++) {
      if (values instanceof Float64Array) view.setFloat64(dataStart + w * i, values[i], true);
      else if (values instanceof Float32Array) view.setFloat32(dataStart + w * i, values[i], true);
      else view.setInt32(dataStart + w * i, values[i], true);
    }
  }
  return out;
}

// ------------------------------------------------------------------ the header dict

/** Python's repr of a shape tuple: `()`, `(3,)`, `(3, 4)`. */
export function pyTuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

/** A Python literal as the header parser returns it; tuples and lists are told apart. */
type PyValue = string | number | boolean | null | PySequence;
interface PySequence {
  kind: "tuple" | "list";
  items: PyValue[];
}

function showPy(v: unknown): string {
  if (v !== null && typeof v === "object" && "kind" in v) {
    const s = v as PySequence;
    const inner = s.items.map(showPy).join(", ");
    return s.kind === "list" ? `[${inner}]` : `(${inner}${s.items.length === 1 ? "," : ""})`;
  }
  if (typeof v === "string") return `'${v}'`;
  if (typeof v === "boolean") return v ? "True" : "False";
  return v === null ? "None" : String(v);
}

/**
 * Parse the header dict and check its three keys. Grammar (what `repr` produces):
 *   dict  := '{' (string ':' value ',')* [string ':' value] '}'
 *   value := string | integer | True | False | None | tuple | list
 *   tuple := '(' ')' | '(' value ',' (value ',')* [value] ')'     list := '[' [value (',' value)* [',']] ']'
 * Whitespace is allowed between tokens; anything else is an error.
 */
function parseHeaderDict(text: string, ctx: string): { descr: unknown; fortranOrder: boolean; shape: number[] } {
  let pos = 0;
  const fail = (what: string): never => {
    const shown = text.length > 80 ? `${text.slice(0, 80)}…` : text.trimEnd();
    throw new ValueError(`${ctx}the header does not parse: ${what} at character ${pos} of ${JSON.stringify(shown)}`);
  };
  const skipSpace = () => {
    while (pos < text.length && " \t\n\r".includes(text[pos])) pos++;
  };
  const expect = (c: string) => {
    skipSpace();
    if (text[pos] !== c) fail(`expected '${c}'`);
    pos++;
  };
  /** Consume `c` if it is the next token. */
  const accept = (c: string): boolean => {
    skipSpace();
    if (text[pos] !== c) return false;
    pos++;
    return true;
  };
  const parseString = (): string => {
    skipSpace();
    const quote = text[pos];
    if (quote !== "'" && quote !== '"') fail("expected a string");
    pos++;
    let s = "";
    while (pos < text.length && text[pos] !== quote) {
      if (text[pos] === "\\") {
        const e = text[pos + 1];
        if (e !== "\\" && e !== "'" && e !== '"') fail("unsupported escape in a string");
        s += e;
        pos += 2;
      } else s += text[pos++];
    }
    if (pos >= text.length) fail("unterminated string");
    pos++;
    return s;
  };
  const parseValue = (): PyValue => {
    skipSpace();
    const c = text[pos];
    if (c === "'" || c === '"') return parseString();
    if (c === "(" || c === "[") {
      pos++;
      const kind = c === "(" ? "tuple" : "list";
      const close = c === "(" ? ")" : "]";
      const items: PyValue[] = [];
      let sawComma = false;
      while (!accept(close)) {
        if (items.length > 0 && !sawComma) fail(`expected ',' or '${close}'`);
        items.push(parseValue());
        sawComma = accept(",");
      }
      // (x) is x in Python, not a tuple: NumPy always writes (x,)
      if (kind === "tuple" && items.length === 1 && !sawComma) fail("a one-element tuple needs a trailing comma");
      return { kind, items };
    }
    const word = /^(-?\d+L?|True|False|None)/.exec(text.slice(pos, pos + 32));
    if (word === null) return fail("expected a string, integer, True, False, None, tuple or list");
    pos += word[0].length;
    if (word[0] === "True") return true;
    if (word[0] === "False") return false;
    if (word[0] === "None") return null;
    const v = Number(word[0].replace("L", "")); // Python 2 wrote long integers as 3L
    if (!Number.isSafeInteger(v)) fail(`integer ${word[0]} is too large`);
    return v;
  };

  // --- the dict
  const entries = new Map<string, PyValue>();
  expect("{");
  while (!accept("}")) {
    const key = parseString();
    if (entries.has(key)) fail(`duplicate key '${key}'`);
    expect(":");
    entries.set(key, parseValue());
    if (!accept(",")) {
      expect("}");
      break;
    }
  }
  skipSpace();
  if (pos !== text.length) fail("unexpected text after the dict");

  // --- exactly the three keys, with the right types
  const keys = [...entries.keys()].sort();
  if (keys.join() !== "descr,fortran_order,shape") {
    throw new ValueError(`${ctx}the header must have the keys 'descr', 'fortran_order' and 'shape', got ${keys.map((k) => `'${k}'`).join(", ") || "none"}`);
  }
  const fortranOrder = entries.get("fortran_order");
  if (typeof fortranOrder !== "boolean") throw new ValueError(`${ctx}the header's 'fortran_order' must be True or False, got ${showPy(fortranOrder)}`);
  const shapeValue = entries.get("shape");
  const isShape = (v: PyValue | undefined): v is PySequence =>
    v !== null && typeof v === "object" && v.kind === "tuple" && v.items.every((d) => typeof d === "number" && d >= 0);
  if (!isShape(shapeValue)) throw new ValueError(`${ctx}the header's 'shape' must be a tuple of non-negative integers, got ${showPy(shapeValue)}`);
  if (shapeValue.items.length > 64) throw new ValueError(`${ctx}the header's shape has ${shapeValue.items.length} dimensions; at most 64 are allowed`);
  return { descr: entries.get("descr"), fortranOrder, shape: shapeValue.items as number[] };
}
