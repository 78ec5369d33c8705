import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import * as np from "./index.js";
import { DTypeError, ValueError } from "./errors.js";
import type { NDArray } from "./ndarray.js";
import { load, save, savez } from "./node.js";
import { EXPECTED, expectMatches, type Expected } from "./io/fixtures/expected.js";

const dir = mkdtempSync(join(tmpdir(), "sliderule-npy-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixturePath = (name: string) => new URL(`./io/fixtures/${name}`, import.meta.url);

function thrown(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected a throw");
}

describe("save and load (.npy)", () => {
  it("save appends .npy when missing, as np.save does, and load reads it back", () => {
    const a = np.arange(12).reshape(3, 4).divide(7);
    expect(save(join(dir, "x"), a)).toBe(join(dir, "x.npy"));
    expect(existsSync(join(dir, "x.npy"))).toBe(true);
    expect(save(join(dir, "y.npy"), a.T)).toBe(join(dir, "y.npy"));
    const x = load(join(dir, "x.npy")) as NDArray;
    expect(np.arrayEqual(x, a)).toBe(true);
    expect(np.arrayEqual(load(join(dir, "y.npy")) as NDArray, a.T)).toBe(true);
    // the file holds NumPy's bytes for the same array
    expect(new Uint8Array(readFileSync(join(dir, "x.npy")))).toEqual(new Uint8Array(readFileSync(fixturePath("f8_3x4.npy"))));
  });

  it("loads NumPy's fixtures by path and by file: URL, whatever the file name", () => {
    expectMatches(load(fixturePath("be_c16.npy")) as NDArray, EXPECTED["be_c16.npy"] as Expected, "URL");
    expectMatches(load(fixturePath("fortran_f8.npy").pathname) as NDArray, EXPECTED["fortran_f8.npy"] as Expected, "path");
    writeFileSync(join(dir, "renamed.bin"), readFileSync(fixturePath("i4.npy")));
    expectMatches(load(join(dir, "renamed.bin")) as NDArray, EXPECTED["i4.npy"] as Expected, "by magic");
    expect(save(pathToFileURL(join(dir, "viaurl")), np.ones(2))).toBe(join(dir, "viaurl.npy"));
  });

  it("accepts nested lists like np.save", () => {
    save(join(dir, "list"), [
      [1, 2],
      [3, 4],
    ] as never);
    expect((load(join(dir, "list.npy")) as NDArray).toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
});

describe("savez and load (.npz)", () => {
  it("savez appends .npz and load gives the arrays back by name", () => {
    const arrays = { X: np.arange(6).reshape(2, 3), y: np.array([1, 0, 1], "int32"), m: np.array([true]) };
    expect(savez(join(dir, "d"), arrays)).toBe(join(dir, "d.npz"));
    const z = load(join(dir, "d.npz")) as Record<string, NDArray>;
    expect(Object.keys(z)).toEqual(["X", "y", "m"]);
    for (const [k, a] of Object.entries(arrays)) expect(np.arrayEqual(z[k], a), k).toBe(true);
    expect(Object.keys(load(savez(join(dir, "list.npz"), [np.zeros(1), np.ones(1)])) as object)).toEqual(["arr_0", "arr_1"]);
  });

  it("loads np.savez_compressed (deflate, inflated with node:zlib) and np.savez", () => {
    for (const name of ["savez_compressed.npz", "savez.npz", "savez_streamed.npz"]) {
      const z = load(fixturePath(name)) as Record<string, NDArray>;
      const want = EXPECTED[name] as Record<string, Expected>;
      expect(Object.keys(z).sort(), name).toEqual(Object.keys(want).sort());
      for (const key of Object.keys(want)) expectMatches(z[key], want[key], `${name} ${key}`);
    }
  });

  it("a damaged deflated member throws naming the path (inflate error or CRC mismatch)", () => {
    const bytes = new Uint8Array(readFileSync(fixturePath("savez_compressed.npz")));
    // the first member's compressed data starts after its local header, name and extra
    const view = new DataView(bytes.buffer);
    const start = 30 + view.getUint16(26, true) + view.getUint16(28, true);
    for (const offset of [10, 60]) {
      const broken = bytes.slice();
      broken[start + offset] ^= 0x55;
      const path = join(dir, `broken${offset}.npz`);
      writeFileSync(path, broken);
      const e = thrown(() => load(path));
      expect(e).toBeInstanceOf(ValueError);
      expect(e.message).toMatch(new RegExp(`^load: ".*broken${offset}\\.npz": member 'x\\.npy' (does not inflate|fails its CRC-32 check|holds)`));
    }
  });
});

describe("errors name the function and the path", () => {
  it("bad paths and arguments from plain JS", () => {
    for (const bad of [3, null, undefined, "", { path: "a" }, Symbol("p")]) {
      expect(() => load(bad as never)).toThrow(/^load: path must be a non-empty string or a file: URL, got /);
      expect(() => save(bad as never, np.zeros(1))).toThrow(/^save: path must be/);
      expect(() => savez(bad as never, {})).toThrow(/^savez: path must be/);
    }
    const e = thrown(() => load(3 as never));
    expect(e).toBeInstanceOf(ValueError);
    expect(e.message).toBe("load: path must be a non-empty string or a file: URL, got 3");
    expect(() => load(new URL("https://example.com/a.npy"))).toThrow(/load: path must be a file: URL/);
    expect(() => save(join(dir, "s"), "abc" as never)).toThrow(/^save: a must be an array/);
    expect(() => savez(join(dir, "s"), np.zeros(2) as never)).toThrow(/^savez: arrays must be an object/);
    expect(() => (save as (...a: unknown[]) => unknown)(join(dir, "s"))).toThrow(/save: takes 2 arguments \(path, a\), got 1/);
    expect(() => (load as (...a: unknown[]) => unknown)(join(dir, "x.npy"), { mmapMode: "r" })).toThrow(/load: takes 1 argument \(path\), got 2/);
    expect(existsSync(join(dir, "s.npy"))).toBe(false);
  });

  it("a missing file, a directory, a file of neither format", () => {
    const missing = join(dir, "nope.npy");
    const e = thrown(() => load(missing));
    expect(e).toBeInstanceOf(ValueError);
    expect(e.message).toMatch(new RegExp(`^load: cannot read "${missing.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}": ENOENT`));
    expect(() => save(join(dir, "no-such-dir", "a"), np.zeros(1))).toThrow(/^save: cannot write ".*no-such-dir.*a\.npy": ENOENT/);
    writeFileSync(join(dir, "text.npy"), "hello, world");
    expect(() => load(join(dir, "text.npy"))).toThrow(
      /^load: ".*text\.npy": neither a \.npy file \(magic \\x93NUMPY\) nor a \.npz \(ZIP\) file: it starts with bytes \[68 65 6c 6c 6f 2c\]/,
    );
  });

  it("the codec's errors carry the path", () => {
    expect(() => load(fixturePath("i8_too_big.npy"))).toThrow(/^load: ".*i8_too_big\.npy": int64 value 3000000000 at index \(1, 1\) does not fit in int32/);
    const e = thrown(() => load(fixturePath("unsupported_U5.npy")));
    expect(e).toBeInstanceOf(DTypeError);
    expect(e.message).toMatch(/^load: ".*unsupported_U5\.npy": unsupported dtype '<U5'/);
    const truncated = join(dir, "truncated.npy");
    writeFileSync(truncated, readFileSync(fixturePath("f8_3x4.npy")).subarray(0, 168));
    expect(() => load(truncated)).toThrow(/^load: ".*truncated\.npy": expected 96 bytes of data for shape \(3, 4\) <f8, found 40$/);
  });
});
