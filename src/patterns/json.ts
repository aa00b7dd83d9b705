/**
 * JSON text as AWS's engine reads it: a streaming tokenizer with the JSON parser's (Jackson's)
 * checks and error texts, and an iterative parser on top that keeps each number's text. Nothing
 * here recurses, so depth is bounded only by {@link JsonLimits.maxDepth}.
 */
import type { NumberLiteral } from './ast.js';
import { isNumberLiteral, trustedNumberLiteral } from './numbers.js';
import type { PatternTextLocation } from './errors.js';

export { isNumberLiteral } from './numbers.js';

/** A JSON value whose numbers are {@link NumberLiteral}s (their text kept). */
export type LosslessJson = null | boolean | string | NumberLiteral | LosslessJson[] | { [key: string]: LosslessJson };

/**
 * Invalid JSON text. `message` is the JSON parser's wording (Jackson's, which AWS's engine uses,
 * as far as it is known), without a location suffix; `location` says where.
 */
export class JsonTextError extends SyntaxError {
  override readonly name = 'JsonTextError';
  /** Where the error was found (1-based line and column). */
  readonly location: PatternTextLocation;
  /** The offset in the text (0-based, UTF-16 units). */
  readonly offset: number;
  /**
   * `false` when the JSON parser raises it as a limit rather than a syntax error (nesting depth,
   * number length): AWS's engine then does not retry with its legacy compiler.
   */
  readonly syntax: boolean;

  constructor(message: string, offset: number, location: PatternTextLocation, syntax = true) {
    super(message);
    this.offset = offset;
    this.location = location;
    this.syntax = syntax;
  }
}

/** Limits of the JSON reader (defaults are Jackson's `StreamReadConstraints` defaults). */
export interface JsonLimits {
  /**
   * Deepest nesting of objects and arrays.
   * @defaultValue 1000
   */
  readonly maxDepth?: number;
  /**
   * Most digits in one number.
   * @defaultValue 1000
   */
  readonly maxNumberLength?: number;
}

/** Token kinds, named after Jackson's `JsonToken`. */
export const Tok = {
  StartObject: 0,
  EndObject: 1,
  StartArray: 2,
  EndArray: 3,
  FieldName: 4,
  String: 5,
  Number: 6,
  True: 7,
  False: 8,
  Null: 9,
  /** End of input at the root. */
  End: 10,
} as const;
/** A token kind. */
export type Tok = (typeof Tok)[keyof typeof Tok];

const VALID_VALUES = "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";

/** Jackson's way of showing a character (one UTF-16 unit) in a message. */
function charDesc(code: number): string {
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return `(CTRL-CHAR, code ${code})`;
  const ch = String.fromCharCode(code);
  if (code > 255) return `'${ch}' (code ${code} / 0x${code.toString(16)})`;
  return `'${ch}' (code ${code})`;
}

const Ctx = { Root: 0, Object: 1, Array: 2 } as const;
type Ctx = (typeof Ctx)[keyof typeof Ctx];

interface Frame {
  readonly type: Ctx;
  readonly start: number;
  /** Entries seen so far (a comma is expected before the next one). */
  count: number;
}

function isIdentPart(code: number): boolean {
  // Java's Character.isJavaIdentifierPart, close enough for error texts: letters, digits, _ and $.
  return /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}\p{Sc}]/u.test(String.fromCodePoint(code));
}

/**
 * A pull tokenizer over JSON text that behaves like the JSON parser AWS's engine runs: strings are
 * read lazily (a bad string is reported when its text is read or skipped), a field's value is
 * looked at as the name is read, and trailing text after the root value is never read.
 */
export class JsonTokenizer {
  private readonly text: string;
  private pos = 0;
  private readonly stack: Frame[] = [{ type: Ctx.Root, start: 0, count: 0 }];
  private readonly maxDepth: number;
  private readonly maxNumberLength: number;
  /** The current token. */
  token: Tok | undefined;
  /** The current token's text: the field name, the string (once read) or the number text. */
  private value = '';
  /** Offset of the current token's first character. */
  tokenStart = 0;
  /** A string value whose body starts here and has not been read yet (-1: none). */
  private lazyString = -1;
  /** The value token already read after a field name, returned by the next call. */
  private pending: { tok: Tok; value: string; start: number; lazy: number } | undefined;
  /** The field name of the innermost object's current entry. */
  currentName = '';

  constructor(text: string, limits: JsonLimits = {}) {
    this.text = text;
    this.maxDepth = limits.maxDepth ?? 1000;
    this.maxNumberLength = limits.maxNumberLength ?? 1000;
  }

  /** Line and column (1-based) of an offset. */
  locate(offset: number): PatternTextLocation {
    let line = 1;
    let lineStart = 0;
    const end = Math.min(offset, this.text.length);
    for (let i = 0; i < end; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 10 || (c === 13 && this.text.charCodeAt(i + 1) !== 10)) {
        line++;
        lineStart = i + 1;
      }
    }
    return { line, column: offset - lineStart + 1 };
  }

  /** Jackson's location text for a start marker, used inside some of its messages. */
  private sourceRef(offset: number): string {
    const { line, column } = this.locate(offset);
    const max = 500;
    const shown =
      this.text.length > max
        ? `"${this.text.slice(0, max)}"[truncated ${this.text.length - max} chars]`
        : `"${this.text}"`;
    return `[Source: (String)${shown}; line: ${line}, column: ${column}]`;
  }

  /** The offset just after the last character read. */
  get offset(): number {
    return this.pos;
  }

  /** Throws a {@link JsonTextError} at `offset`. */
  fail(message: string, offset: number = this.pos, syntax = true): never {
    throw new JsonTextError(message, offset, this.locate(offset), syntax);
  }

  private unexpected(offset: number, rest: string): never {
    this.fail(`Unexpected character (${charDesc(this.text.charCodeAt(offset))}): ${rest}`, offset);
  }

  /** The current string token's text (reads a lazy string body). */
  getText(): string {
    if (this.lazyString >= 0) {
      this.value = this.readString(this.lazyString, false);
      this.lazyString = -1;
    }
    return this.value;
  }

  private get frame(): Frame {
    return this.stack[this.stack.length - 1]!;
  }

  private skipWs(): number {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) {
        this.pos++;
      } else if (c === 47 /* / */) {
        this.unexpected(
          this.pos,
          "maybe a (non-standard) comment? (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)",
        );
      } else if (c < 32) {
        const rs =
          c === 0x1e
            ? ' (consider enabling `JsonReadFeature.ALLOW_RS_CONTROL_CHAR` to allow use of Record Separators (\\u001E))'
            : '';
        this.fail(
          `Illegal character (${charDesc(c)}): only regular white space (\\r, \\n, \\t) is allowed between tokens${rs}`,
        );
      } else {
        return c;
      }
    }
    return -1;
  }

  private eofInContainer(): never {
    const f = this.frame;
    const marker = f.type === Ctx.Array ? 'Array' : 'Object';
    this.fail(
      `Unexpected end-of-input: expected close marker for ${marker} (start marker at ${this.sourceRef(f.start)})`,
    );
  }

  /** Reads the next token; returns `Tok.End` at the end of input at the root. */
  next(): Tok {
    if (this.pending !== undefined) {
      const p = this.pending;
      this.pending = undefined;
      this.tokenStart = p.start;
      this.value = p.value;
      this.lazyString = p.lazy;
      return this.open(p.tok);
    }
    if (this.lazyString >= 0) {
      // An unread string is skipped, which still checks it.
      this.readString(this.lazyString, true);
      this.lazyString = -1;
    }
    const f = this.frame;
    let c = this.skipWs();
    if (c < 0) {
      if (f.type !== Ctx.Root) this.eofInContainer();
      return (this.token = Tok.End);
    }
    if (c === 93 /* ] */ || c === 125 /* } */) return this.close(c);
    if (f.count > 0 && f.type !== Ctx.Root) {
      if (c !== 44) {
        this.unexpected(
          this.pos,
          `was expecting comma to separate ${f.type === Ctx.Array ? 'Array' : 'Object'} entries`,
        );
      }
      this.pos++;
      c = this.skipWs();
      if (c < 0)
        this.fail(`Unexpected end-of-input within/between ${f.type === Ctx.Array ? 'Array' : 'Object'} entries`);
    }
    f.count++;
    if (f.type === Ctx.Object) return this.fieldName(c);
    this.tokenStart = this.pos;
    return this.open(this.value0(c));
  }

  private close(c: number): Tok {
    const f = this.frame;
    const start = this.pos;
    if (c === 93 && f.type !== Ctx.Array) {
      this.fail(
        `Unexpected close marker ']': expected '}' (for ${f.type === Ctx.Object ? 'Object' : 'root'} starting at ${this.sourceRef(f.start)})`,
        start,
      );
    }
    if (c === 125 && f.type !== Ctx.Object) {
      this.fail(
        `Unexpected close marker '}': expected ']' (for ${f.type === Ctx.Array ? 'Array' : 'root'} starting at ${this.sourceRef(f.start)})`,
        start,
      );
    }
    this.pos++;
    this.stack.pop();
    this.tokenStart = start;
    return (this.token = c === 93 ? Tok.EndArray : Tok.EndObject);
  }

  /** Pushes the context of a container token. */
  private open(tok: Tok): Tok {
    if (tok === Tok.StartArray || tok === Tok.StartObject) {
      if (this.stack.length > this.maxDepth) {
        this.fail(
          `Document nesting depth (${this.stack.length}) exceeds the maximum allowed (${this.maxDepth}, from \`StreamReadConstraints.getMaxNestingDepth()\`)`,
          this.tokenStart,
          false,
        );
      }
      this.stack.push({ type: tok === Tok.StartArray ? Ctx.Array : Ctx.Object, start: this.tokenStart, count: 0 });
    }
    return (this.token = tok);
  }

  private fieldName(c: number): Tok {
    const nameStart = this.pos;
    if (c !== 34) this.unexpected(this.pos, 'was expecting double-quote to start field name');
    const name = this.readString(this.pos + 1, false, true);
    this.currentName = name;
    const colon = this.skipWs();
    if (colon < 0) this.fail('Unexpected end-of-input within/between Object entries');
    if (colon !== 58) this.unexpected(this.pos, 'was expecting a colon to separate field name and value');
    this.pos++;
    const v = this.skipWs();
    if (v < 0) this.fail('Unexpected end-of-input within/between Object entries');
    // The value's first token is read with the name, as the JSON parser does.
    const valueStart = this.pos;
    const tok = this.value0(v);
    this.pending = { tok, value: this.value, start: valueStart, lazy: this.lazyString };
    this.lazyString = -1;
    this.value = name;
    this.tokenStart = nameStart;
    return (this.token = Tok.FieldName);
  }

  /** Reads a value's first token at `this.pos` (character `c`). Containers are opened by the caller. */
  private value0(c: number): Tok {
    const t = this.text;
    switch (c) {
      case 34: // "
        this.lazyString = ++this.pos;
        this.value = '';
        return Tok.String;
      case 123:
        this.pos++;
        return Tok.StartObject;
      case 91:
        this.pos++;
        return Tok.StartArray;
      case 125: // a '}' where a field's value should be
        this.unexpected(this.pos, 'expected a value');
      case 116:
        this.literal('true');
        return Tok.True;
      case 102:
        this.literal('false');
        return Tok.False;
      case 110:
        this.literal('null');
        return Tok.Null;
      case 45:
        return this.number();
      default:
        if (c >= 48 && c <= 57) return this.number();
        if (c === 78 || c === 73) {
          // `NaN` and `Infinity` are recognised (then refused) as whole words only.
          const word = c === 78 ? 'NaN' : 'Infinity';
          this.literal(word);
          this.fail(
            `Non-standard token '${word}': enable \`JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS\` to allow`,
            this.pos - word.length,
          );
        }
        if (c === 43 /* + */) {
          if (this.pos + 1 >= t.length) this.fail('Unexpected end-of-input in a Number value');
          this.fail(
            "Unexpected character ('+' (code 43)) in numeric value: JSON spec does not allow numbers to have plus signs: enable `JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS` to allow",
          );
        }
        // Java's isJavaIdentifierStart: letters, letter numbers, currency symbols, connector punctuation.
        if (/[\p{L}\p{Nl}\p{Sc}\p{Pc}]/u.test(String.fromCodePoint(c))) this.invalidToken(this.pos, this.pos);
        this.unexpected(this.pos, `expected a valid value ${VALID_VALUES}`);
    }
  }

  /** Jackson's "Unrecognized token" with the identifier-like run starting at `start`. */
  private invalidToken(start: number, from: number): never {
    let end = from;
    const t = this.text;
    while (end < t.length && end - start < 256) {
      const cp = t.codePointAt(end)!;
      if (!isIdentPart(cp)) break;
      end += cp > 0xffff ? 2 : 1;
    }
    const shown = t.slice(start, end) + (end - start >= 256 ? '...' : '');
    this.fail(`Unrecognized token '${shown}': was expecting ${VALID_VALUES}`, start);
  }

  private literal(word: string): void {
    const t = this.text;
    const start = this.pos;
    for (let i = 1; i < word.length; i++) {
      // Jackson reports a short or wrong literal as an unrecognized token, even at the end of input.
      if (t.charCodeAt(start + i) !== word.charCodeAt(i)) this.invalidToken(start, start + i);
    }
    this.pos = start + word.length;
    if (this.pos < t.length && isIdentPart(t.codePointAt(this.pos)!)) this.invalidToken(start, this.pos);
  }

  private number(): Tok {
    const t = this.text;
    const start = this.pos;
    let i = start;
    if (t.charCodeAt(i) === 45) {
      i++;
      const d = t.charCodeAt(i);
      if (!(d >= 48 && d <= 57)) {
        // Jackson's wording, without a separator.
        if (i >= t.length) this.fail('Unexpected end-of-inputNo digit following sign', i);
        if (t.startsWith('Infinity', i)) {
          this.fail(
            "Non-standard token '-Infinity': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow",
            start,
          );
        }
        this.fail(
          `Unexpected character (${charDesc(t.charCodeAt(i))}) in numeric value: expected digit (0-9) to follow minus sign, for valid numeric value`,
          i,
        );
      }
    }
    const intStart = i;
    while (i < t.length && t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57) i++;
    const intLen = i - intStart;
    if (intLen > 1 && t.charCodeAt(intStart) === 48)
      this.fail('Invalid numeric value: Leading zeroes not allowed', intStart);
    let fracLen = 0;
    let expLen = 0;
    let isFloat = false;
    if (t.charCodeAt(i) === 46) {
      isFloat = true;
      i++;
      const s = i;
      while (i < t.length && t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57) i++;
      fracLen = i - s;
      if (fracLen === 0) {
        // At the end of input Jackson names the last character it read, the point.
        const at = i >= t.length ? i - 1 : i;
        this.fail(
          `Unexpected character (${charDesc(t.charCodeAt(at))}) in numeric value: Decimal point not followed by a digit`,
          at,
        );
      }
    }
    const e = t.charCodeAt(i);
    if (e === 101 || e === 69) {
      isFloat = true;
      i++;
      const sign = t.charCodeAt(i);
      if (sign === 43 || sign === 45) i++;
      const s = i;
      while (i < t.length && t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57) i++;
      expLen = i - s;
      if (expLen === 0) {
        if (i >= t.length) this.fail('Unexpected end-of-inputexpected a digit for number exponent', i);
        this.fail(
          `Unexpected character (${charDesc(t.charCodeAt(i))}) in numeric value: Exponent indicator not followed by a digit`,
          i,
        );
      }
    }
    const length = isFloat ? intLen + fracLen + expLen : intLen;
    if (length > this.maxNumberLength) {
      this.fail(
        `Number value length (${length}) exceeds the maximum allowed (${this.maxNumberLength}, from \`StreamReadConstraints.getMaxNumberLength()\`)`,
        start,
        false,
      );
    }
    if (this.frame.type === Ctx.Root && i < t.length) {
      const c = t.charCodeAt(i);
      if (!(c === 32 || c === 10 || c === 13 || c === 9))
        this.unexpected(i, 'Expected space separating root-level values');
    }
    this.pos = i;
    this.value = t.slice(start, i);
    return Tok.Number;
  }

  /**
   * Reads a string body starting at `start` (after the quote), leaving `pos` after the closing
   * quote. `skip` only checks it.
   */
  private readString(start: number, skip: boolean, name = false): string {
    const t = this.text;
    let i = start;
    let out = '';
    let chunk = i;
    for (;;) {
      if (i >= t.length) {
        this.pos = i;
        this.fail(
          name
            ? 'Unexpected end-of-input in field name'
            : 'Unexpected end-of-input: was expecting closing quote for a string value',
          i,
        );
      }
      const c = t.charCodeAt(i);
      if (c === 34) {
        if (!skip) out += t.slice(chunk, i);
        this.pos = i + 1;
        return out;
      }
      if (c === 92) {
        if (!skip) out += t.slice(chunk, i);
        i++;
        if (i >= t.length) this.fail('Unexpected end-of-input in character escape sequence', i);
        const e = t.charCodeAt(i);
        let decoded: string;
        switch (e) {
          case 34:
          case 92:
          case 47:
            decoded = String.fromCharCode(e);
            break;
          case 98:
            decoded = '\b';
            break;
          case 102:
            decoded = '\f';
            break;
          case 110:
            decoded = '\n';
            break;
          case 114:
            decoded = '\r';
            break;
          case 116:
            decoded = '\t';
            break;
          case 117: {
            let code = 0;
            for (let k = 1; k <= 4; k++) {
              if (i + k >= t.length) this.fail('Unexpected end-of-input in character escape sequence', i + k);
              const h = parseInt(t[i + k]!, 16);
              if (Number.isNaN(h)) this.unexpected(i + k, 'expected a hex-digit for character escape sequence');
              code = (code << 4) | h;
            }
            decoded = String.fromCharCode(code);
            i += 4;
            break;
          }
          default:
            this.fail(`Unrecognized character escape ${charDesc(t.charCodeAt(i))}`, i);
        }
        if (!skip) out += decoded;
        i++;
        chunk = i;
        continue;
      }
      if (c < 32) {
        this.fail(
          `Illegal unquoted character (${charDesc(c)}): has to be escaped using backslash to be included in ${name ? 'name' : 'string value'}`,
          i,
        );
      }
      i++;
    }
  }

  /** The text of the current number token. */
  numberText(): string {
    return this.value;
  }
}

/** Sets a key on a plain object, keeping `__proto__` as data. */
function setKey(target: Record<string, LosslessJson>, key: string, value: LosslessJson): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

/**
 * Parses JSON text into a {@link LosslessJson} value, iteratively (a 10,000-deep text is fine when
 * `limits.maxDepth` allows it). The last of duplicate keys wins; text after the value is an error.
 * @param what names the input in error messages, e.g. `testEventPattern: event`.
 * @throws JsonTextError for invalid JSON, its message prefixed with `what`.
 */
export function parseJsonText(
  text: string,
  what: string,
  limits: JsonLimits = { maxDepth: Infinity, maxNumberLength: Infinity },
): LosslessJson {
  const tz = new JsonTokenizer(text, limits);
  try {
    const containers: (LosslessJson[] | Record<string, LosslessJson>)[] = [];
    const names: string[] = [];
    let root: LosslessJson | undefined;
    let done = false;
    while (!done) {
      const tok = tz.next();
      let value: LosslessJson | undefined;
      let opened: LosslessJson[] | Record<string, LosslessJson> | undefined;
      switch (tok) {
        case Tok.FieldName:
          names.push(tz.currentName);
          continue;
        case Tok.StartObject:
          opened = {};
          break;
        case Tok.StartArray:
          opened = [];
          break;
        case Tok.EndObject:
        case Tok.EndArray:
          value = containers.pop()!;
          break;
        case Tok.String:
          value = tz.getText();
          break;
        case Tok.Number:
          value = trustedNumberLiteral(tz.numberText());
          break;
        case Tok.True:
          value = true;
          break;
        case Tok.False:
          value = false;
          break;
        case Tok.Null:
          value = null;
          break;
        case Tok.End:
          tz.fail('No content to map due to end-of-input', text.length);
      }
      if (opened !== undefined) {
        containers.push(opened);
        continue;
      }
      const parent = containers[containers.length - 1];
      if (parent === undefined) {
        root = value;
        done = true;
      } else if (Array.isArray(parent)) {
        parent.push(value!);
      } else {
        setKey(parent, names.pop()!, value!);
      }
    }
    // Unlike the pattern compiler, a JSON document must end after its value.
    const rest = text.slice(skipSpaces(text, tz.offset));
    if (rest.length > 0) {
      const offset = text.length - rest.length;
      throw new JsonTextError(
        `Unexpected character (${charDesc(rest.charCodeAt(0))}): expected end of input after the JSON value`,
        offset,
        tz.locate(offset),
      );
    }
    return root as LosslessJson;
  } catch (error) {
    if (error instanceof JsonTextError) {
      throw new JsonTextError(
        `${what} is not valid JSON: ${error.message}`,
        error.offset,
        error.location,
        error.syntax,
      );
    }
    throw error;
  }
}

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  return i;
}

/**
 * Converts a JavaScript value to {@link LosslessJson} (numbers get the text `JSON.stringify`
 * writes), iteratively. `toJSON` methods are honoured as `JSON.stringify` does.
 * @throws TypeError naming the path for what JSON cannot hold: cycles, functions, symbols,
 * bigints, `undefined`, `NaN` and infinities.
 */
export function toLossless(value: unknown, what = 'value'): LosslessJson {
  const seen = new Set<object>();
  const describe = (path: string, v: unknown): never => {
    const kind = typeof v === 'number' ? String(v) : v === undefined ? 'undefined' : typeof v;
    throw new TypeError(
      `${what}${path} is ${kind === 'function' ? 'a function' : kind === 'symbol' ? 'a symbol' : kind === 'bigint' ? 'a bigint' : kind}, which JSON cannot represent`,
    );
  };
  interface Job {
    readonly input: unknown;
    readonly path: string;
    readonly assign: (v: LosslessJson) => void;
  }
  let result: LosslessJson = null;
  const jobs: (Job | { exit: object })[] = [{ input: value, path: '', assign: (v) => (result = v) }];
  while (jobs.length > 0) {
    const job = jobs.pop()!;
    if ('exit' in job) {
      seen.delete(job.exit);
      continue;
    }
    let v = job.input;
    if (
      v !== null &&
      typeof v === 'object' &&
      typeof (v as { toJSON?: unknown }).toJSON === 'function' &&
      !isNumberLiteral(v)
    ) {
      v = (v as { toJSON: (key: string) => unknown }).toJSON('');
    }
    if (v instanceof Number || v instanceof String || v instanceof Boolean) v = v.valueOf();
    if (v === null || typeof v === 'string' || typeof v === 'boolean') {
      job.assign(v as LosslessJson);
      continue;
    }
    if (isNumberLiteral(v)) {
      job.assign(v);
      continue;
    }
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) describe(job.path, v);
      job.assign(trustedNumberLiteral(JSON.stringify(v)));
      continue;
    }
    if (typeof v !== 'object') describe(job.path, v);
    const obj = v as object;
    if (seen.has(obj)) throw new TypeError(`${what}${job.path} is a circular reference, which JSON cannot represent`);
    seen.add(obj);
    jobs.push({ exit: obj });
    if (Array.isArray(obj)) {
      const out: LosslessJson[] = new Array<LosslessJson>(obj.length).fill(null);
      job.assign(out);
      for (let i = obj.length - 1; i >= 0; i--) {
        jobs.push({ input: obj[i], path: `${job.path}[${i}]`, assign: (x) => (out[i] = x) });
      }
    } else {
      const out: Record<string, LosslessJson> = {};
      job.assign(out);
      const keys = Object.keys(obj);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        jobs.push({
          input: (obj as Record<string, unknown>)[key],
          path: `${job.path}.${key}`,
          assign: (x) => setKey(out, key, x),
        });
      }
    }
  }
  return result;
}

/**
 * Writes a {@link LosslessJson} value as JSON text, iteratively; numbers keep their text.
 * Keys keep their insertion order, as `JSON.stringify` writes them.
 */
export function stringifyLossless(value: LosslessJson): string {
  const out: string[] = [];
  const stack: (LosslessJson | { raw: string })[] = [value];
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (
      v !== null &&
      typeof v === 'object' &&
      'raw' in v &&
      !isNumberLiteral(v) &&
      !Array.isArray(v) &&
      Object.getPrototypeOf(v) === RAW
    ) {
      out.push((v as { raw: string }).raw);
    } else if (v === null || typeof v === 'boolean') {
      out.push(String(v));
    } else if (typeof v === 'string') {
      out.push(JSON.stringify(v));
    } else if (isNumberLiteral(v)) {
      out.push(v.text);
    } else if (Array.isArray(v)) {
      stack.push(raw(']'));
      for (let i = v.length - 1; i >= 0; i--) {
        stack.push(v[i]!);
        if (i > 0) stack.push(raw(','));
      }
      out.push('[');
    } else {
      const keys = Object.keys(v);
      stack.push(raw('}'));
      for (let i = keys.length - 1; i >= 0; i--) {
        stack.push((v as Record<string, LosslessJson>)[keys[i]!]!);
        stack.push(raw(`${i > 0 ? ',' : ''}${JSON.stringify(keys[i])}:`));
      }
      out.push('{');
    }
  }
  return out.join('');
}

/** Marker prototype for pre-written text pieces in {@link stringifyLossless}. */
const RAW = Object.freeze(Object.create(null) as object);

function raw(text: string): { raw: string } {
  const piece = Object.create(RAW) as { raw: string };
  piece.raw = text;
  return piece;
}
