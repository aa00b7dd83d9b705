import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  JsonTextError,
  JsonTokenizer,
  Tok,
  isNumberLiteral,
  parseJsonText,
  stringifyLossless,
  toLossless,
  type LosslessJson,
} from '../../src/patterns/json.js';
import { NUM_RUNS } from '../_helpers/runs.js';

/** Replaces number literals by their text, for comparisons. */
function plain(value: LosslessJson): unknown {
  return JSON.parse(stringifyLossless(value), (_key, v: unknown) => v);
}

describe('parseJsonText', () => {
  it('keeps every number as written', () => {
    const value = parseJsonText('{"a": [3.0e2, 300, -0, 12345678901234567890, 1e400]}', 'event') as {
      a: LosslessJson[];
    };
    expect(value.a.map((n) => (isNumberLiteral(n) ? [n.text, n.comparable] : n))).toEqual([
      ['3.0e2', true],
      ['300', true],
      ['-0', true],
      ['12345678901234567890', false],
      ['1e400', false],
    ]);
  });

  it('keeps the last of duplicate keys and __proto__ as plain data', () => {
    const value = parseJsonText('{"a": 1, "a": 2, "__proto__": {"polluted": true}}', 'event') as Record<
      string,
      LosslessJson
    >;
    expect(Object.keys(value)).toEqual(['a', '__proto__']);
    expect(plain(value)).toEqual(JSON.parse('{"a": 2, "__proto__": {"polluted": true}}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });

  it('reads strings with every escape', () => {
    expect(parseJsonText('"\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00"', 'x')).toBe('"\\/\b\f\n\r\té😀');
  });

  it('parses 10,000 nested arrays and objects without recursion', () => {
    const deep = `${'{"a":['.repeat(10_000)}1${']}'.repeat(10_000)}`;
    let value = parseJsonText(deep, 'event');
    let depth = 0;
    while (value !== null && typeof value === 'object' && !isNumberLiteral(value)) {
      value = Array.isArray(value) ? value[0]! : value.a!;
      depth++;
    }
    expect(depth).toBe(20_000);
  });

  it.each([
    ['{"a":', 'Unexpected end-of-input within/between Object entries', 1, 6],
    ['{"a" 1}', "Unexpected character ('1' (code 49)): was expecting a colon to separate field name and value", 1, 6],
    [
      '[1,]',
      "Unexpected character (']' (code 93)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
      1,
      4,
    ],
    ['{"a":1,}', "Unexpected character ('}' (code 125)): was expecting double-quote to start field name", 1, 8],
    ['[1 2]', "Unexpected character ('2' (code 50)): was expecting comma to separate Array entries", 1, 4],
    ["{'a':1}", "Unexpected character (''' (code 39)): was expecting double-quote to start field name", 1, 2],
    [
      '[tru]',
      "Unrecognized token 'tru': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
      1,
      2,
    ],
    [
      '[truex]',
      "Unrecognized token 'truex': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
      1,
      2,
    ],
    [
      '[x]',
      "Unrecognized token 'x': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
      1,
      2,
    ],
    ['[01]', 'Invalid numeric value: Leading zeroes not allowed', 1, 2],
    ['[1.]', "Unexpected character (']' (code 93)) in numeric value: Decimal point not followed by a digit", 1, 4],
    ['[1e]', "Unexpected character (']' (code 93)) in numeric value: Exponent indicator not followed by a digit", 1, 4],
    [
      '[-x]',
      "Unexpected character ('x' (code 120)) in numeric value: expected digit (0-9) to follow minus sign, for valid numeric value",
      1,
      3,
    ],
    ['[NaN]', "Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow", 1, 2],
    ['["a\\x"]', "Unrecognized character escape 'x' (code 120)", 1, 5],
    [
      '["a\nb"]',
      'Illegal unquoted character ((CTRL-CHAR, code 10)): has to be escaped using backslash to be included in string value',
      1,
      4,
    ],
    ['["abc', 'Unexpected end-of-input: was expecting closing quote for a string value', 1, 6],
    ['[1] // c', "Unexpected character ('/' (code 47)): expected end of input after the JSON value", 1, 5],
    ['{}x', "Unexpected character ('x' (code 120)): expected end of input after the JSON value", 1, 3],
    [
      '[/* c */]',
      "Unexpected character ('/' (code 47)): maybe a (non-standard) comment? (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)",
      1,
      2,
    ],
    [
      '[\u000b]',
      'Illegal character ((CTRL-CHAR, code 11)): only regular white space (\\r, \\n, \\t) is allowed between tokens',
      1,
      2,
    ],
    [
      '{\n"a":\n[}',
      'Unexpected close marker \'}\': expected \']\' (for Array starting at [Source: (String)"{\n"a":\n[}"; line: 3, column: 1])',
      3,
      2,
    ],
    [
      '{',
      'Unexpected end-of-input: expected close marker for Object (start marker at [Source: (String)"{"; line: 1, column: 1])',
      1,
      2,
    ],
    ['', 'No content to map due to end-of-input', 1, 1],
  ])('rejects %j: %s', (text, message, line, column) => {
    let error: unknown;
    try {
      parseJsonText(text, 'testEventPattern: event');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(JsonTextError);
    expect(error).toBeInstanceOf(SyntaxError);
    expect((error as JsonTextError).message).toBe(`testEventPattern: event is not valid JSON: ${message}`);
    expect((error as JsonTextError).location).toEqual({ line, column });
  });

  it('never throws anything but JsonTextError, and agrees with JSON.parse on what is JSON', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.json().map((j) => j.slice(0, -1)),
        ),
        (text) => {
          let native: unknown;
          let nativeOk = true;
          try {
            native = JSON.parse(text);
          } catch {
            nativeOk = false;
          }
          try {
            const value = parseJsonText(text, 'x');
            expect(nativeOk).toBe(true);
            expect(plain(value)).toEqual(native);
          } catch (error) {
            expect(error).toBeInstanceOf(JsonTextError);
            expect(nativeOk).toBe(false);
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('JsonTokenizer', () => {
  it('reads a string value lazily: an unread bad string fails only when skipped', () => {
    const tz = new JsonTokenizer('["a\\q", 1]');
    expect(tz.next()).toBe(Tok.StartArray);
    expect(tz.next()).toBe(Tok.String);
    expect(() => tz.next()).toThrow("Unrecognized character escape 'q' (code 113)");
  });

  it("reads a field's value with its name, as Jackson does", () => {
    const tz = new JsonTokenizer('{"a": tru}');
    expect(tz.next()).toBe(Tok.StartObject);
    expect(() => tz.next()).toThrow("Unrecognized token 'tru'");
  });

  it('stops at the end of the root value without reading further', () => {
    const tz = new JsonTokenizer('{} garbage');
    expect(tz.next()).toBe(Tok.StartObject);
    expect(tz.next()).toBe(Tok.EndObject);
  });

  it('limits nesting and number length as configured', () => {
    const tz = new JsonTokenizer('[[1]]', { maxDepth: 1 });
    expect(tz.next()).toBe(Tok.StartArray);
    let error: unknown;
    try {
      tz.next();
    } catch (e) {
      error = e;
    }
    expect((error as JsonTextError).syntax).toBe(false);
    expect((error as JsonTextError).message).toMatch(/^Document nesting depth \(2\) exceeds the maximum allowed \(1/);
    expect(() => parseJsonText('[12345]', 'x', { maxNumberLength: 4 })).toThrow(
      'Number value length (5) exceeds the maximum allowed (4',
    );
  });
});

describe('toLossless and stringifyLossless', () => {
  it('converts values, numbers getting their JSON text, toJSON honoured', () => {
    const value = toLossless({ a: [1, 0.1, -0, 1e21, 'x', null, true], d: new Date(0), n: Object(5) as number });
    expect(stringifyLossless(value)).toBe('{"a":[1,0.1,0,1e+21,"x",null,true],"d":"1970-01-01T00:00:00.000Z","n":5}');
  });

  it('passes number literals through with their text', () => {
    const parsed = parseJsonText('{"a": 1.50}', 'x');
    expect(stringifyLossless(toLossless(parsed))).toBe('{"a":1.50}');
  });

  it('keeps a shared (not cyclic) object twice', () => {
    const shared = { x: 1 };
    expect(stringifyLossless(toLossless({ a: shared, b: [shared] }))).toBe('{"a":{"x":1},"b":[{"x":1}]}');
  });

  it.each([
    [{ a: undefined }, 'value.a is undefined'],
    [[() => 1], 'value[0] is a function'],
    [{ a: { b: Number.NaN } }, 'value.a.b is NaN'],
    [{ a: -Infinity }, 'value.a is -Infinity'],
    [{ a: 10n }, 'value.a is a bigint'],
    [Symbol('x'), 'value is a symbol'],
  ])('rejects %s', (input, message) => {
    expect(() => toLossless(input)).toThrow(TypeError);
    expect(() => toLossless(input)).toThrow(message);
  });

  it('rejects cycles, iteratively on deep values', () => {
    const a: unknown[] = [];
    a.push(a);
    expect(() => toLossless(a, 'event')).toThrow('event[0] is a circular reference');
    let deep: unknown = [];
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(stringifyLossless(toLossless(deep))).toHaveLength(20_002);
  });

  it('round-trips JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = stringifyLossless(toLossless(value));
        expect(text).toBe(JSON.stringify(value));
        expect(stringifyLossless(parseJsonText(text, 'x'))).toBe(text);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('Jackson wording at the edges', () => {
  it.each([
    [
      '[tr',
      "Unrecognized token 'tr': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
    ],
    [
      '[nul]',
      "Unrecognized token 'nul': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
    ],
    [
      '[$x]',
      "Unrecognized token '$x': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
    ],
    [
      '[\ufeff]',
      "Unexpected character ('\ufeff' (code 65279 / 0xfeff)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
    ],
    [
      '[😀]',
      "Unexpected character ('\ud83d' (code 55357 / 0xd83d)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
    ],
    ['{"a":}', "Unexpected character ('}' (code 125)): expected a value"],
    ['[1,}', "Unexpected character ('}' (code 125)): expected a value"],
    [
      '[NaNx]',
      "Unrecognized token 'NaNx': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
    ],
    ['[Infinity]', "Non-standard token 'Infinity': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow"],
    ['[-', 'Unexpected end-of-inputNo digit following sign'],
    ['[1.', "Unexpected character ('.' (code 46)) in numeric value: Decimal point not followed by a digit"],
    ['[1e', 'Unexpected end-of-inputexpected a digit for number exponent'],
    ['[1e+', 'Unexpected end-of-inputexpected a digit for number exponent'],
    ['["\\', 'Unexpected end-of-input in character escape sequence'],
    ['["\\u00', 'Unexpected end-of-input in character escape sequence'],
    ['["\\u00g0"]', "Unexpected character ('g' (code 103)): expected a hex-digit for character escape sequence"],
    ['{"a\\u0001":1}', 'valid'],
    ['{"a\\n":1}', 'valid'],
    ['["\u0085"]', 'valid'],
    [
      '[\u001e]',
      'Illegal character ((CTRL-CHAR, code 30)): only regular white space (\\r, \\n, \\t) is allowed between tokens (consider enabling `JsonReadFeature.ALLOW_RS_CONTROL_CHAR` to allow use of Record Separators (\\u001E))',
    ],
    [
      '{"a\u0001b":1}',
      'Illegal unquoted character ((CTRL-CHAR, code 1)): has to be escaped using backslash to be included in name',
    ],
  ])('%j: %s', (text, message) => {
    if (message === 'valid') expect(() => parseJsonText(text, 'p')).not.toThrow();
    else expect(() => parseJsonText(text, 'p')).toThrow(`p is not valid JSON: ${message}`);
  });
});
