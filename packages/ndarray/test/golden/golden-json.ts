/**
 * The golden harness's raw-aware JSON reader (part 1 of harness.ts's parts): Python float tokens
 * (`2.0`, `1e-3`, NaN, ±Infinity) outside array `data` become {@link PyFloat} markers, because
 * NumPy 1.24's value-based casting tells `int32 + 3` (int32) from `int32 + 3.0` (float64) and
 * JSON.parse cannot. Array `data` and `shape` lists and a case's numeric fields
 * ({@link PLAIN_KEYS}) keep plain numbers.
 *
 *   parseGoldenJson('{"args": [2.0, 3], "data": [1.0]}')  // { args: [PyFloat(2), 3], data: [1] }
 *
 * Returns the parsed value; throws SyntaxError naming the offset on malformed input.
 * Reference: cases/FORMAT.md; RFC 8259 (JSON grammar).
 */

/** A Python `float` scalar read from a case (a number token with `.`, `e` or `E`, or a non-finite string). */
export class PyFloat {
  constructor(readonly pyFloat: number) {}
  toString(): string {
    return `PyFloat(${this.pyFloat})`;
  }
}

export function isPyFloat(x: unknown): x is PyFloat {
  return x instanceof PyFloat;
}

/**
 * Keys whose values are read with plain numbers: array `data` (and `shape`) lists, and the
 * case's own numeric fields. Everywhere else a float token becomes a {@link PyFloat}.
 */
const PLAIN_KEYS = new Set(["data", "shape", "rtol", "atol", "count", "format_version"]);

/**
 * Parse JSON, keeping Python's int/float distinction for scalars: a number token containing
 * `.`, `e` or `E` (or the tokens NaN, Infinity, -Infinity) becomes a {@link PyFloat}, except
 * inside the values of {@link PLAIN_KEYS}, where all numbers are plain.
 */
export function parseGoldenJson(text: string): unknown {
  let pos = 0;
  const fail = (what: string): never => {
    throw new SyntaxError(`golden JSON: ${what} at offset ${pos} (near ${JSON.stringify(text.slice(pos, pos + 40))})`);
  };
  const skipWhitespace = (): void => {
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 9 || c === 10 || c === 13) pos++;
      else break;
    }
  };
  const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
  const literal = (word: string, value: unknown): unknown => {
    if (!text.startsWith(word, pos)) fail(`unexpected token`);
    pos += word.length;
    return value;
  };
  const str = (): string => {
    const start = pos++;
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 92)
        pos += 2; // backslash escape
      else if (c === 34) {
        pos++;
        return JSON.parse(text.slice(start, pos)) as string;
      } else pos++;
    }
    return fail("unterminated string");
  };
  const value = (plain: boolean): unknown => {
    skipWhitespace();
    const ch = text[pos];
    if (ch === "{") {
      pos++;
      const obj: Record<string, unknown> = {};
      skipWhitespace();
      if (text[pos] === "}") {
        pos++;
        return obj;
      }
      for (;;) {
        skipWhitespace();
        if (text[pos] !== '"') fail("expected a key");
        const key = str();
        skipWhitespace();
        if (text[pos++] !== ":") fail("expected ':'");
        obj[key] = value(plain || PLAIN_KEYS.has(key));
        skipWhitespace();
        const sep = text[pos++];
        if (sep === "}") return obj;
        if (sep !== ",") fail("expected ',' or '}'");
      }
    }
    if (ch === "[") {
      pos++;
      const list: unknown[] = [];
      skipWhitespace();
      if (text[pos] === "]") {
        pos++;
        return list;
      }
      for (;;) {
        list.push(value(plain));
        skipWhitespace();
        const sep = text[pos++];
        if (sep === "]") return list;
        if (sep !== ",") fail("expected ',' or ']'");
      }
    }
    if (ch === '"') return str();
    if (ch === "t") return literal("true", true);
    if (ch === "f") return literal("false", false);
    if (ch === "n") return literal("null", null);
    if (ch === "N") return literal("NaN", plain ? NaN : new PyFloat(NaN));
    if (ch === "I") return literal("Infinity", plain ? Infinity : new PyFloat(Infinity));
    if (ch === "-" && text.startsWith("-Infinity", pos)) return literal("-Infinity", plain ? -Infinity : new PyFloat(-Infinity));
    NUMBER.lastIndex = pos;
    const m = NUMBER.exec(text);
    if (!m) return fail("unexpected character");
    pos += m[0].length;
    const x = Number(m[0]);
    return plain || !/[.eE]/.test(m[0]) ? x : new PyFloat(x);
  };
  const out = value(false);
  skipWhitespace();
  if (pos !== text.length) fail("trailing characters");
  return out;
}
