/**
 * @sliderule/ndarray/node: the Node-only entry (docs/design.md "Node-only entries"). `.npy`
 * and `.npz` files on disk; the byte-level codecs they use run everywhere and are exported by
 * the main entry.
 *
 *   import { save, load, savez } from "@sliderule/ndarray/node";
 *   save("X.npy", X);             // np.save("X.npy", X)          (".npy" appended when missing)
 *   const X2 = load("X.npy");     // np.load("X.npy")             → NDArray
 *   savez("data.npz", { X, y });  // np.savez("data.npz", X=X, y=y) (".npz" appended when missing)
 *   const { X: X3, y: y3 } = load("data.npz") as Record<string, NDArray>;
 *
 * `load` tells the formats apart by their first bytes (the .npy magic \x93NUMPY, or a ZIP
 * header), as `np.load` does, and reads every member of an .npz at once (NumPy's NpzFile is
 * lazy). Deflated members (`np.savez_compressed`) are inflated with node:zlib and their CRC-32
 * checked. Everything is synchronous. Bytes: io/npy.ts, io/npz.ts, io/zip.ts.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { inflateRawSync } from "node:zlib";
import { ValueError } from "./errors.js";
import { arrayArg } from "./array-args.js";
import type { NDArray } from "./ndarray.js";
import { decodeNpy, encodeNpy, isNpy } from "./io/npy.js";
import { decodeNpz, encodeNpz } from "./io/npz.js";
import { isZip } from "./io/zip.js";
import { checkArity, describe } from "./validate.js";

/** A file path: a non-empty string or a file: URL. */
function pathArg(fn: string, path: unknown): string {
  if (path instanceof URL) {
    if (path.protocol !== "file:") throw new ValueError(`${fn}: path must be a file: URL, got ${describe(path.href)}`);
    return fileURLToPath(path);
  }
  if (typeof path !== "string" || path === "") throw new ValueError(`${fn}: path must be a non-empty string or a file: URL, got ${describe(path)}`);
  return path;
}

/** An error from the file system, as ours: the function, the path and the system's reason. */
function fileError(fn: string, verb: string, path: string, e: unknown): ValueError {
  const reason = e instanceof Error ? e.message : String(e);
  const err = new ValueError(`${fn}: cannot ${verb} ${JSON.stringify(path)}: ${reason}`);
  (err as { cause?: unknown }).cause = e;
  return err;
}

function write(fn: string, path: string, bytes: Uint8Array): void {
  try {
    writeFileSync(path, bytes);
  } catch (e) {
    throw fileError(fn, "write", path, e);
  }
}

/**
 * `np.save(path, a)`: write one array as a .npy file (NumPy reads it back identically).
 *
 * @param path  a file path (".npy" is appended when it does not end in it) or a file: URL.
 * @param a     an NDArray (any layout; written in C order) or nested lists.
 * @returns the path written.
 * @throws ValueError for a bad path or array, or naming the path if the file cannot be written.
 */
export function save(path: string | URL, a: NDArray): string {
  checkArity("save", arguments.length, ["path", "a"], 2);
  let file = pathArg("save", path);
  const bytes = encodeNpy(arrayArg(a, "save"));
  if (!file.endsWith(".npy")) file += ".npy";
  write("save", file, bytes);
  return file;
}

/**
 * `np.savez(path, ...)`: write several arrays as an uncompressed .npz file.
 *
 * @param path    a file path (".npz" is appended when it does not end in it) or a file: URL.
 * @param arrays  `{ name: NDArray }` (members name.npy) or `[a, b]` (members arr_0.npy, arr_1.npy).
 * @returns the path written.
 * @throws ValueError for a bad path or arrays, or naming the path if the file cannot be written.
 */
export function savez(path: string | URL, arrays: Record<string, NDArray> | NDArray[]): string {
  checkArity("savez", arguments.length, ["path", "arrays"], 2);
  let file = pathArg("savez", path);
  const bytes = encodeNpz(arrays, "savez");
  if (!file.endsWith(".npz")) file += ".npz";
  write("savez", file, bytes);
  return file;
}

/**
 * `np.load(path)`: a .npy file gives its NDArray, a .npz file `{ key: NDArray }` (keys without
 * ".npy"), told apart by the file's first bytes whatever its name.
 *
 * @throws ValueError naming the path: a missing or unreadable file, neither format, a damaged
 *         file or CRC mismatch, an integer outside int32; DTypeError for dtypes we do not read.
 */
export function load(path: string | URL): NDArray | Record<string, NDArray> {
  checkArity("load", arguments.length, ["path"], 1);
  const file = pathArg("load", path);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw fileError("load", "read", file, e);
  }
  const ctx = `load: ${JSON.stringify(file)}: `; // the whole path (describe() would shorten it)
  if (isNpy(bytes)) return decodeNpy(bytes, ctx);
  if (isZip(bytes)) return decodeNpz(bytes, ctx, inflate);
  const head = Array.from(bytes.subarray(0, 6), (b) => b.toString(16).padStart(2, "0")).join(" ");
  throw new ValueError(`${ctx}neither a .npy file (magic \\x93NUMPY) nor a .npz (ZIP) file: it starts with bytes [${head}] (pickled files are not read)`);
}

/** Raw deflate through node:zlib, refusing to produce more than the directory's size (a zip bomb stops there). */
function inflate(compressed: Uint8Array, size: number): Uint8Array {
  return inflateRawSync(compressed, { maxOutputLength: Math.max(size, 1) });
}
