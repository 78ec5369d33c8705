/**
 * The ZIP container of `.npz` files: just enough of PKWARE's format to write stored members
 * and to read the archives Python's `zipfile` writes (internal to @sliderule/ndarray).
 *
 *   ┌ local file header 1 ┬ data 1 ┬ [data descriptor 1] ┬ … ┬ central directory ┬ [zip64 end
 *   │ PK\3\4              │        │ PK\7\8 (flag bit 3)  │   │ PK\1\2 per member │ PK\6\6 +
 *   └─────────────────────┴────────┴──────────────────────┴───┴───────────────────┴ locator PK\6\7] ┬ end of central
 *                                                                                                  │ directory PK\5\6
 *   local file header (30 bytes + name + extra): signature, version needed, flags, method,
 *     time, date, crc-32, compressed size, uncompressed size, name length, extra length
 *   central directory header (46 bytes + name + extra + comment): the same fields plus
 *     version made by, comment length, disk, attributes, and the local header's offset
 *   end of central directory (22 bytes + comment): entry count, directory size and offset
 * All integers are little-endian. A field that does not fit 32 (16) bits holds 0xFFFFFFFF
 * (0xFFFF) and the real value is in a zip64 extra field (id 0x0001: uncompressed size,
 * compressed size, local header offset, each 8 bytes, only those that overflowed) or in the
 * zip64 end of central directory record.
 *
 * Reading goes through the central directory, never the local headers' sizes: `np.savez`
 * writes members with `force_zip64=True` (a zip64 extra in each local header) and, on a
 * stream that cannot seek, puts sizes and CRC in a data descriptor after the data (flag bit 3).
 * Writing uses method 0 (stored), no zip64 (an archive must stay under 4 GiB and 65535
 * members), a fixed timestamp (1980-01-01 00:00) so the same arrays give the same bytes.
 * Reference: PKWARE, APPNOTE.TXT 6.3.10, §4.3 (structure), §4.4 (fields), §4.5.3 (zip64).
 */
import { ValueError } from "../errors.js";
import { crc32 } from "./crc32.js";

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EXTRA = 0x0001;
/** General purpose flag bits: 0 encrypted, 3 data descriptor, 11 utf-8 names. */
const FLAG_ENCRYPTED = 1 << 0;
const FLAG_UTF8 = 1 << 11;
/** MS-DOS date of 1980-01-01: (year − 1980) << 9 | month << 5 | day. */
const DOS_DATE_1980 = (1 << 5) | 1;

/** One member as the central directory describes it; `data` still compressed. */
export interface ZipMember {
  name: string;
  /** 0 stored, 8 deflate, … (APPNOTE §4.4.5) */
  method: number;
  crc32: number;
  /** the uncompressed size */
  size: number;
  /** the member's bytes as stored in the archive (a view, not a copy) */
  data: Uint8Array;
}

/** A ZIP archive of stored (uncompressed) members. `fn` names the caller in errors. */
export function writeZip(members: readonly { name: string; data: Uint8Array }[], fn: string): Uint8Array {
  if (members.length > 0xffff) throw new ValueError(`${fn}: ${members.length} members need ZIP64, which we do not write (at most 65535)`);
  const encoder = new TextEncoder();
  const names = members.map((m) => encoder.encode(m.name));
  const crcs = members.map((m) => crc32(m.data));
  // sizes: every local header + data, then the central directory, then the end record
  let localSize = 0;
  for (let i = 0; i < members.length; i++) localSize += 30 + names[i].length + members[i].data.length;
  let centralSize = 0;
  for (const name of names) centralSize += 46 + name.length;
  const total = localSize + centralSize + 22;
  if (localSize > 0xffffffff || centralSize > 0xffffffff) {
    throw new ValueError(`${fn}: the archive would be ${total} bytes; more than 4 GiB needs ZIP64, which we do not write`);
  }
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let p = 0;
  const flags = (name: string) => (/^[\x20-\x7e]*$/.test(name) ? 0 : FLAG_UTF8);
  for (let i = 0; i < members.length; i++) {
    offsets.push(p);
    view.setUint32(p, LOCAL_HEADER, true);
    view.setUint16(p + 4, 20, true); // version needed: 2.0
    view.setUint16(p + 6, flags(members[i].name), true);
    view.setUint16(p + 8, 0, true); // method: stored
    view.setUint16(p + 10, 0, true); // time 00:00:00
    view.setUint16(p + 12, DOS_DATE_1980, true);
    view.setUint32(p + 14, crcs[i], true);
    view.setUint32(p + 18, members[i].data.length, true); // compressed size
    view.setUint32(p + 22, members[i].data.length, true); // uncompressed size
    view.setUint16(p + 26, names[i].length, true);
    view.setUint16(p + 28, 0, true); // extra length
    out.set(names[i], p + 30);
    out.set(members[i].data, p + 30 + names[i].length);
    p += 30 + names[i].length + members[i].data.length;
  }
  const centralStart = p;
  for (let i = 0; i < members.length; i++) {
    view.setUint32(p, CENTRAL_HEADER, true);
    view.setUint16(p + 4, (3 << 8) | 20, true); // made by: Unix, spec 2.0 (so the attributes below are Unix modes)
    view.setUint16(p + 6, 20, true);
    view.setUint16(p + 8, flags(members[i].name), true);
    view.setUint16(p + 10, 0, true);
    view.setUint16(p + 12, 0, true);
    view.setUint16(p + 14, DOS_DATE_1980, true);
    view.setUint32(p + 16, crcs[i], true);
    view.setUint32(p + 20, members[i].data.length, true);
    view.setUint32(p + 24, members[i].data.length, true);
    view.setUint16(p + 28, names[i].length, true);
    // extra length 0, comment length 0, disk 0, internal attributes 0 (bytes 30-37)
    view.setUint32(p + 38, 0o600 << 16, true); // external: rw------- as Python's zipfile writes
    view.setUint32(p + 42, offsets[i], true);
    out.set(names[i], p + 46);
    p += 46 + names[i].length;
  }
  view.setUint32(p, END_OF_CENTRAL_DIRECTORY, true);
  // disk numbers 0 (bytes 4-7)
  view.setUint16(p + 8, members.length, true);
  view.setUint16(p + 10, members.length, true);
  view.setUint32(p + 12, p - centralStart, true);
  view.setUint32(p + 16, centralStart, true);
  view.setUint16(p + 20, 0, true); // comment length
  return out;
}

/** True when `bytes` starts like a ZIP archive (a local header, or the end record of an empty one). */
export function isZip(bytes: Uint8Array): boolean {
  if (bytes.length < 4) return false;
  const sig = bytes[0] | (bytes[1] << 8) | (bytes[2] << 16) | (bytes[3] << 24);
  return sig === LOCAL_HEADER || sig === END_OF_CENTRAL_DIRECTORY;
}

/**
 * The members of a ZIP archive, read through its central directory. `ctx` prefixes every
 * message ("fromNpz: "). Checks the structure only; decompression and the CRC are the caller's.
 */
export function readZip(bytes: Uint8Array, ctx: string): ZipMember[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fail = (what: string): never => {
    throw new ValueError(`${ctx}${what}`);
  };
  const u16 = (p: number) => view.getUint16(p, true);
  const u32 = (p: number) => view.getUint32(p, true);
  const u64 = (p: number): number => {
    const v = u32(p + 4) * 2 ** 32 + u32(p);
    return Number.isSafeInteger(v) ? v : fail(`a zip64 field at byte ${p} is too large (${v})`);
  };
  const within = (p: number, n: number, what: string) => {
    if (p < 0 || p + n > bytes.length) fail(`the archive is truncated or corrupt: ${what} at byte ${p} runs past the end (${bytes.length} bytes)`);
  };

  // --- end of central directory: the last 22 bytes, unless the archive has a comment (≤ 65535 bytes)
  let end = -1;
  for (let p = bytes.length - 22; p >= Math.max(0, bytes.length - 22 - 0xffff); p--) {
    if (u32(p) === END_OF_CENTRAL_DIRECTORY && p + 22 + u16(p + 20) <= bytes.length) {
      end = p;
      break;
    }
  }
  if (end < 0) fail(`not a ZIP archive: no end-of-central-directory record (${bytes.length} bytes)`);
  if (u16(end + 4) !== 0 || u16(end + 6) !== 0) fail("multi-disk (split) archives are not supported");
  let count = u16(end + 10);
  let centralSize = u32(end + 12);
  let centralStart = u32(end + 16);
  // --- zip64: the locator sits just before the end record and points at the zip64 end record
  if (count === 0xffff || centralSize === 0xffffffff || centralStart === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || u32(locator) !== ZIP64_LOCATOR) fail("the end record asks for zip64 but there is no zip64 locator");
    const record = u64(locator + 8);
    within(record, 56, "the zip64 end of central directory record");
    if (u32(record) !== ZIP64_END) fail(`no zip64 end of central directory record at byte ${record}`);
    count = u64(record + 32);
    centralSize = u64(record + 40);
    centralStart = u64(record + 48);
  }
  within(centralStart, centralSize, "the central directory");

  // --- the central directory: one header per member
  const members: ZipMember[] = [];
  const utf8 = new TextDecoder("utf-8", { fatal: false });
  let p = centralStart;
  for (let k = 0; k < count; k++) {
    within(p, 46, "a central directory header");
    if (u32(p) !== CENTRAL_HEADER) fail(`bad central directory header signature at byte ${p}`);
    const flags = u16(p + 8);
    const method = u16(p + 10);
    const crc = u32(p + 16);
    let compressedSize = u32(p + 20);
    let size = u32(p + 24);
    const nameLength = u16(p + 28);
    const extraLength = u16(p + 30);
    const commentLength = u16(p + 32);
    let localOffset = u32(p + 42);
    within(p + 46, nameLength + extraLength + commentLength, "a central directory header");
    const name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLength)); // utf-8 (flag 11) or ASCII
    if (flags & FLAG_ENCRYPTED) fail(`member '${name}' is encrypted`);
    // the zip64 extra field holds, in this order, the fields that overflowed
    for (let e = p + 46 + nameLength; e + 4 <= p + 46 + nameLength + extraLength;) {
      const id = u16(e);
      const length = u16(e + 2);
      if (id === ZIP64_EXTRA) {
        let q = e + 4;
        if (size === 0xffffffff) ((size = u64(q)), (q += 8));
        if (compressedSize === 0xffffffff) ((compressedSize = u64(q)), (q += 8));
        if (localOffset === 0xffffffff) localOffset = u64(q);
      }
      e += 4 + length;
    }
    // the local header: skip its own name and extra (whose length may differ from the central one)
    within(localOffset, 30, `the local header of '${name}'`);
    if (u32(localOffset) !== LOCAL_HEADER) fail(`bad local header signature for member '${name}' at byte ${localOffset}`);
    const dataStart = localOffset + 30 + u16(localOffset + 26) + u16(localOffset + 28);
    within(dataStart, compressedSize, `the data of '${name}'`);
    members.push({ name, method, crc32: crc, size, data: bytes.subarray(dataStart, dataStart + compressedSize) });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return members;
}
