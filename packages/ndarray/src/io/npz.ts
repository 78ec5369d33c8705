/**
 * NumPy's `.npz` format: several arrays in one ZIP archive (`np.savez` / `np.load`).
 *
 *   archive.npz (ZIP, see zip.ts)
 *   ├── arr_0.npy     one .npy file per array (see npy.ts), the member named <key>.npy
 *   ├── arr_1.npy     positional arrays are arr_0, arr_1, … (np.savez(f, a, b))
 *   └── weights.npy   keyword arrays keep their name (np.savez(f, weights=w))
 *
 * toNpz(arrays) writes a ZIP of stored (uncompressed) members, as `np.savez` does, with each
 * member's CRC-32. fromNpz(bytes) returns { key: NDArray } with the `.npy` suffix dropped,
 * checking every member's CRC-32. Members compressed with deflate (`np.savez_compressed`)
 * are inflated by inflate.ts (plain TypeScript, so this runs in a browser too); `load()` from
 * `@sliderule/ndarray/node` uses node:zlib for them instead.
 * Reference: NumPy, `numpy/lib/_npyio_impl.py` (`savez`, `_savez`, `NpzFile`); PKWARE APPNOTE.TXT.
 */
import { ValueError } from "../errors.js";
import { NDArray } from "../ndarray.js";
import { checkArity, describe, isPlainObject } from "../validate.js";
import { crc32 } from "./crc32.js";
import { inflateRaw } from "./inflate.js";
import { bytesArg, decodeNpy, encodeNpy } from "./npy.js";
import { readZip, writeZip } from "./zip.js";

/**
 * The `.npz` bytes of several arrays, as `np.savez` writes them (stored, not compressed).
 *
 * @param arrays  `{ name: NDArray }` (members `name.npy`, like `np.savez(f, name=a)`) or a
 *                list `[a, b]` (members `arr_0.npy`, `arr_1.npy`, like `np.savez(f, a, b)`).
 * @returns  a new Uint8Array holding the ZIP archive.
 * @throws ValueError if `arrays` is neither, a value is not an NDArray, or a name is empty
 *         or contains '/' or '\'.
 * @example
 *   const bytes = np.toNpz({ X: np.zeros([2, 3]), y: np.arange(2) });
 *   Object.keys(np.fromNpz(bytes)); // ["X", "y"]
 */
export function toNpz(arrays: Record<string, NDArray> | NDArray[]): Uint8Array {
  checkArity("toNpz", arguments.length, ["arrays"], 1);
  return encodeNpz(arrays, "toNpz");
}

/**
 * The arrays in `.npz` bytes (what `np.load` returns for a .npz file), keyed by member name
 * without `.npy`.
 *
 * @param bytes  the whole file: a Uint8Array (a Node Buffer is one) or an ArrayBuffer.
 * @returns  a new object `{ key: NDArray }`, in the archive's order.
 * Reads `np.savez` (stored) and `np.savez_compressed` (deflate) archives.
 * @throws ValueError for a damaged archive or deflate stream, a CRC-32 mismatch, a member that
 *         is not .npy, another compression method (bzip2, lzma); the errors of fromNpy for each member.
 */
export function fromNpz(bytes: Uint8Array | ArrayBuffer): Record<string, NDArray> {
  checkArity("fromNpz", arguments.length, ["bytes"], 1);
  return decodeNpz(bytesArg(bytes, "fromNpz"), "fromNpz: ", (compressed, size) => inflateRaw(compressed, size, ""));
}

// ------------------------------------------------------------------ internal, shared with node.ts

/** Raw-deflate decompression of a member into exactly `size` bytes (fromNpz passes inflate.ts's, load() node:zlib's). */
export type Inflate = (compressed: Uint8Array, size: number) => Uint8Array;

/** The `.npz` bytes of `arrays` (see toNpz); `fn` names the caller in errors. */
export function encodeNpz(arrays: unknown, fn: string): Uint8Array {
  let entries: [string, unknown][];
  if (Array.isArray(arrays)) entries = arrays.map((a, i) => [`arr_${i}`, a]);
  else if (isPlainObject(arrays)) entries = Object.entries(arrays);
  else throw new ValueError(`${fn}: arrays must be an object { name: NDArray } or a list of NDArrays, got ${describe(arrays)}`);
  const members = entries.map(([key, a]) => {
    if (!(a instanceof NDArray))
      throw new ValueError(`${fn}: arrays[${JSON.stringify(key)}] must be an NDArray (np.array(...) converts a list), got ${describe(a)}`);
    if (key === "" || /[/\\]/.test(key)) throw new ValueError(`${fn}: array name ${describe(key)} must be non-empty, without '/' or '\\'`);
    return { name: `${key}.npy`, data: encodeNpy(a) };
  });
  return writeZip(members, fn);
}

/** The arrays in `.npz` bytes. `ctx` prefixes every message; `inflate` decompresses deflate members. */
export function decodeNpz(bytes: Uint8Array, ctx: string, inflate: Inflate): Record<string, NDArray> {
  const out: Record<string, NDArray> = {};
  for (const member of readZip(bytes, ctx)) {
    if (member.name.endsWith("/")) continue; // a directory entry
    const where = `member '${member.name}'`;
    let data: Uint8Array;
    if (member.method === 0) {
      data = member.data;
    } else if (member.method === 8) {
      try {
        data = inflate(member.data, member.size);
      } catch (e) {
        throw new ValueError(`${ctx}${where} does not inflate to its ${member.size} bytes: ${e instanceof Error ? e.message : String(e)}`);
      }
    } else {
      throw new ValueError(
        `${ctx}${where} uses ZIP compression method ${member.method}; only 0 (stored, np.savez) and 8 (deflate, np.savez_compressed) are read`,
      );
    }
    if (data.length !== member.size) throw new ValueError(`${ctx}${where} holds ${data.length} bytes, but the directory says ${member.size} (corrupt archive)`);
    const crc = crc32(data);
    if (crc !== member.crc32) {
      throw new ValueError(`${ctx}${where} fails its CRC-32 check: stored 0x${hex(member.crc32)}, computed 0x${hex(crc)} (the file is corrupt)`);
    }
    const key = member.name.endsWith(".npy") ? member.name.slice(0, -4) : member.name;
    if (Object.prototype.hasOwnProperty.call(out, key)) throw new ValueError(`${ctx}the archive holds two members named '${member.name}'`);
    // defineProperty: a member named "__proto__.npy" becomes a key, not the object's prototype
    Object.defineProperty(out, key, { value: decodeNpy(data, `${ctx}${where}: `), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function hex(n: number): string {
  return n.toString(16).padStart(8, "0");
}
