/**
 * The structural parser shared by Pipes and rule templates: finds the placeholders, decides the
 * template's mode (a JSON template starts with `{`, a string template with `"`) and each
 * placeholder's position, and checks the JSON or
 * string syntax around them. It never throws: the first syntax problem is returned as `error`.
 * Iterative, linear in the template's length, so pathological nesting cannot overflow the stack.
 */

/** Where a placeholder sits, which decides how its value is written. */
export type SlotPosition =
  /** A JSON value, unquoted: `"k": <v>`. */
  | 'value'
  /** A whole JSON string: `"k": "<v>"`. */
  | 'quoted'
  /** Inside a longer JSON string of a JSON template: `"a/<v>/b"`. */
  | 'in-json-string'
  /** Inside a string template: `"x <v> y"`. */
  | 'in-string-template'
  /** Inside free text (Pipes): `Hello, <v>`. */
  | 'text'
  /** The whole template is one placeholder (Pipes): `<$.body>`. */
  | 'bare'
  /** An object key, which AWS forbids: `{<k>: 1}` or `{"<k>": 1}`. */
  | 'key'
  /** Inside a quoted object key, which AWS forbids too: `{"<k>": 1}`. */
  | 'quoted-key';

/** A placeholder occurrence. */
export interface RawSlot {
  /** The text between `<` and `>`. */
  readonly name: string;
  readonly position: SlotPosition;
  /** Offset of `<` in the template. */
  readonly offset: number;
  /** The end of the text the slot replaces: after `>`, or after the closing quote of a whole-quoted `"<v>"`. */
  readonly end: number;
  /** The start of the text the slot replaces: `offset`, or the opening quote of a whole-quoted `"<v>"`. */
  readonly start: number;
}

/** Literal text or a placeholder occurrence (index into `slots`). */
export type Piece = string | { readonly slot: number };

/** A JSON-template node, kept with its exact text so rendering reproduces the template's bytes. */
export type TemplateNode =
  | {
      readonly kind: 'leaf';
      readonly pieces: Piece[] /** set when the node is one unquoted or whole-quoted placeholder */;
      readonly slot?: number;
    }
  | { readonly kind: 'container'; readonly open: string; readonly items: TemplateItem[]; readonly close: string };

/** One member of an object (`pre` holds the whitespace, key and colon) or one array element. */
export interface TemplateItem {
  readonly pre: Piece[];
  readonly value: TemplateNode;
  readonly post: string;
}

/** The template's mode: JSON (`{`/`[`), string (`"`), free text, or empty (Pipes: no transformation). */
export type TemplateMode = 'json' | 'string' | 'text' | 'empty';

/** A syntax problem at an offset. */
interface RawError {
  readonly code: string;
  readonly message: string;
  readonly offset: number;
}

/** The result of {@link parseTemplate}. */
export interface ParsedTemplate {
  readonly mode: TemplateMode;
  readonly slots: RawSlot[];
  /** For JSON templates, the tree (used to omit members whose placeholder is missing). */
  readonly root?: TemplateItem;
  /** The number of quoted lines of a string template. */
  readonly lines: number;
  readonly error?: RawError;
}

/** Converts offsets of one text into 1-based lines and columns (line starts found once: linear overall). */
export function lineColumns(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

/** Converts one offset into a 1-based line and column. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  return lineColumns(text)(offset);
}

const WS = new Set([' ', '\t', '\n', '\r']);

class Fail {
  constructor(readonly error: RawError) {}
}

function fail(code: string, message: string, offset: number): never {
  throw new Fail({ code, message, offset });
}

/** Finds control characters and lone surrogates ("binary junk"); tab, CR and LF are text. */
function checkCharacters(t: string): void {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || c === 0x7f)
      fail(
        'control-character',
        `control character U+${c.toString(16).padStart(4, '0').toUpperCase()} in the template`,
        i,
      );
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = t.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
      else fail('control-character', 'lone UTF-16 surrogate in the template (not valid Unicode text)', i);
    } else if (c >= 0xdc00 && c <= 0xdfff)
      fail('control-character', 'lone UTF-16 surrogate in the template (not valid Unicode text)', i);
  }
}

/** Reads `<…>` at `i`; returns the index after `>`. The characters `<` and `>` cannot be escaped. */
function readPlaceholder(t: string, i: number): { name: string; end: number } {
  for (let j = i + 1; j < t.length; j++) {
    const c = t[j];
    if (c === '>') {
      if (j === i + 1) fail('empty-placeholder', 'empty placeholder "<>"', i);
      return { name: t.slice(i + 1, j), end: j + 1 };
    }
    if (c === '<')
      fail('nested-placeholder', 'a "<" inside a placeholder: placeholders cannot nest, and "<" cannot be escaped', j);
    if (c === '\n') break;
  }
  fail(
    'unterminated-placeholder',
    'unterminated placeholder: "<" without a matching ">" on the same line ("<" cannot be escaped)',
    i,
  );
}

/**
 * The template's literal text around its slots: `literals[k]` precedes slot `k`, the last one
 * follows the last slot. Every mode renders the template's own bytes outside the slots, so these
 * are plain slices (one pass, no string building: the 8 KiB pathological templates stay linear).
 */
export function literalsOf(t: string, slots: readonly RawSlot[]): string[] {
  const out: string[] = new Array<string>(slots.length + 1);
  let from = 0;
  for (let k = 0; k < slots.length; k++) {
    const slot = slots[k]!;
    out[k] = t.slice(from, slot.start);
    from = slot.end;
  }
  out[slots.length] = t.slice(from);
  return out;
}

/**
 * Removes the quotes that open and close each line of a string template (`outerQuotes: 'never'`),
 * keeping escaped characters as written; the slots between literals are not text, so the
 * inside-a-string state carries across them.
 */
export function unquoteLiterals(literals: readonly string[]): string[] {
  let inside = false;
  return literals.map((p) => {
    let out = '';
    for (let k = 0; k < p.length; k++) {
      const c = p[k]!;
      if (inside && c === '\\') {
        out += c + (p[k + 1] ?? '');
        k++;
      } else if (c === '"') inside = !inside;
      else out += c;
    }
    return out;
  });
}

/** Parses a template into its mode and slots (and, for JSON, its tree). */
export function parseTemplate(t: string, dialect: 'pipes' | 'rule'): ParsedTemplate {
  const slots: RawSlot[] = [];
  let lines = 0;
  let first = 0;
  while (first < t.length && WS.has(t[first]!)) first++;
  const lead = t[first];
  const mode: TemplateMode =
    t.length === 0 && dialect === 'pipes'
      ? 'empty'
      : lead === '{' || lead === '['
        ? 'json'
        : lead === '"'
          ? 'string'
          : 'text';
  try {
    checkCharacters(t);
    if (mode === 'empty') return { mode, slots, lines };
    if (mode === 'text') {
      let i = 0;
      const bare = /^<[^<>\n]+>$/.test(t);
      while (i < t.length) {
        if (t[i] === '<') {
          const { name, end } = readPlaceholder(t, i);
          slots.push({ name, position: bare ? 'bare' : 'text', offset: i, start: i, end });
          i = end;
        } else i++;
      }
      return { mode, slots, lines };
    }
    if (mode === 'string') {
      // One or more JSON string literals separated by whitespace (the multi-line form: each line keeps its quotes).
      let i = 0;
      while (i < t.length) {
        const c = t[i]!;
        if (WS.has(c)) {
          i++;
          continue;
        }
        if (c !== '"')
          fail(
            'invalid-string-template',
            `a string template holds only quoted strings, one per line; found ${JSON.stringify(c)} outside the quotes`,
            i,
          );
        i = readString(t, i, slots, 'in-string-template').end;
        lines++;
      }
      return { mode, slots, lines };
    }
    const root = parseJson(t, first, slots);
    return { mode, slots, root, lines };
  } catch (error) {
    if (error instanceof Fail) return { mode, slots, lines, error: error.error };
    throw error;
  }
}

/** Reads a JSON string at `i` (on `"`), with its placeholders; returns its node and the index after it. */
function readString(
  t: string,
  i: number,
  slots: RawSlot[],
  inside: 'in-json-string' | 'in-string-template' | 'key',
): { node: Extract<TemplateNode, { kind: 'leaf' }>; end: number } {
  const start = i;
  const pieces: Piece[] = [];
  const local: number[] = [];
  let literal = i;
  i++;
  for (;;) {
    if (i >= t.length)
      fail(
        inside === 'in-string-template' ? 'invalid-string-template' : 'invalid-json',
        "unterminated string: missing closing '\"'",
        start,
      );
    const c = t[i]!;
    if (c === '"') break;
    if (c === '\\') {
      const e = t[i + 1];
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(t.slice(i + 2, i + 6)))
          fail(
            inside === 'in-string-template' ? 'invalid-string-template' : 'invalid-json',
            'invalid \\u escape in a string',
            i,
          );
        i += 6;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
      else
        fail(
          inside === 'in-string-template' ? 'invalid-string-template' : 'invalid-json',
          `invalid escape "\\${e ?? ''}" in a string`,
          i,
        );
      continue;
    }
    if (c.charCodeAt(0) < 0x20)
      fail(
        inside === 'in-string-template' ? 'invalid-string-template' : 'invalid-json',
        'raw line break or tab inside a string (write \\n or \\t)',
        i,
      );
    if (c === '<') {
      const { name, end } = readPlaceholder(t, i);
      if (i > literal) pieces.push(t.slice(literal, i));
      slots.push({ name, position: inside === 'key' ? 'quoted-key' : inside, offset: i, start: i, end });
      local.push(slots.length - 1);
      pieces.push({ slot: slots.length - 1 });
      i = literal = end;
      continue;
    }
    i++;
  }
  pieces.push(t.slice(literal, i + 1));
  // A string that is exactly "<v>" is a whole-quoted placeholder: a string is written once quoted, an object or array is not delivered.
  if (inside !== 'key' && local.length === 1 && pieces.length === 3 && pieces[0] === '"' && pieces[2] === '"') {
    const index = local[0]!;
    const slot = slots[index]!;
    if (inside === 'in-json-string') {
      // The quotes are written by the formatter, which knows whether the value is a string.
      slots[index] = { ...slot, position: 'quoted', start, end: i + 1 };
      return { node: { kind: 'leaf', pieces: [{ slot: index }], slot: index }, end: i + 1 };
    }
  }
  return { node: { kind: 'leaf', pieces }, end: i + 1 };
}

const LITERAL = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?|true|false|null/y;

interface Frame {
  readonly open: string;
  readonly items: TemplateItem[];
  readonly isObject: boolean;
  pre: Piece[];
  /** After a value, awaiting "," or the close. */
  afterValue: boolean;
  /** Just after ",": a value (or member) must follow. */
  afterComma: boolean;
}

/** An iterative JSON parser over a template whose values may be placeholders. */
function parseJson(t: string, first: number, slots: RawSlot[]): TemplateItem {
  const rootItem: { pre: Piece[]; value?: TemplateNode; post: string } = { pre: [t.slice(0, first)], post: '' };
  const stack: Frame[] = [];
  let i = first;
  const ws = (): string => {
    const s = i;
    while (i < t.length && WS.has(t[i]!)) i++;
    return t.slice(s, i);
  };
  // Reads one value at i; returns a node or opens a container (then returns undefined).
  const value = (): TemplateNode | undefined => {
    const c = t[i];
    if (c === undefined) fail('invalid-json', 'unexpected end of the template: a JSON value is missing', i);
    if (c === '{' || c === '[') {
      stack.push({ open: c, items: [], isObject: c === '{', pre: [], afterValue: false, afterComma: false });
      i++;
      return undefined;
    }
    if (c === '"') {
      const r = readString(t, i, slots, 'in-json-string');
      i = r.end;
      return r.node;
    }
    if (c === '<') {
      const { name, end } = readPlaceholder(t, i);
      slots.push({ name, position: 'value', offset: i, start: i, end });
      i = end;
      return { kind: 'leaf', pieces: [{ slot: slots.length - 1 }], slot: slots.length - 1 };
    }
    LITERAL.lastIndex = i;
    const m = LITERAL.exec(t);
    if (m === null) fail('invalid-json', `unexpected ${JSON.stringify(c)}: expected a JSON value or a placeholder`, i);
    i += m[0].length;
    return { kind: 'leaf', pieces: [m[0]] };
  };
  // Reads an object key (and colon) into `pre`.
  const key = (frame: Frame): void => {
    const c = t[i];
    if (c === '"') {
      const r = readString(t, i, slots, 'key');
      for (const p of r.node.pieces) frame.pre.push(p);
      i = r.end;
    } else if (c === '<') {
      const { name, end } = readPlaceholder(t, i);
      slots.push({ name, position: 'key', offset: i, start: i, end });
      frame.pre.push({ slot: slots.length - 1 });
      i = end;
    } else
      fail(
        'invalid-json',
        c === undefined
          ? 'unexpected end of the template: an object key is missing'
          : `unexpected ${JSON.stringify(c)}: expected an object key in double quotes`,
        i,
      );
    frame.pre.push(ws());
    if (t[i] !== ':') fail('invalid-json', 'expected ":" after an object key', i);
    i++;
    frame.pre.push(':', ws());
  };
  let done: TemplateNode | undefined = value();
  for (;;) {
    // Attach a finished value to its parent, or finish the template.
    while (done !== undefined) {
      const frame = stack[stack.length - 1];
      if (frame === undefined) {
        rootItem.value = done;
        rootItem.post = ws();
        if (i < t.length)
          fail('invalid-json', `unexpected ${JSON.stringify(t[i])} after the end of the JSON template`, i);
        return rootItem as TemplateItem;
      }
      frame.items.push({ pre: frame.pre, value: done, post: ws() });
      frame.pre = [];
      frame.afterValue = true;
      frame.afterComma = false;
      done = undefined;
    }
    const frame = stack[stack.length - 1]!;
    const lead = ws();
    if (!frame.afterValue) frame.pre.push(lead);
    else if (lead !== '') {
      const last = frame.items[frame.items.length - 1]!;
      frame.items[frame.items.length - 1] = { ...last, post: last.post + lead };
    }
    const c = t[i];
    const close = frame.isObject ? '}' : ']';
    if (c === close && !frame.afterComma) {
      i++;
      stack.pop();
      const closeText = frame.items.length === 0 ? (frame.pre.join('') as string) + close : close;
      done = { kind: 'container', open: frame.open, items: frame.items, close: closeText };
      continue;
    }
    if (frame.afterValue) {
      if (c !== ',')
        fail(
          'invalid-json',
          c === undefined
            ? `unexpected end of the template: missing "${close}"`
            : `unexpected ${JSON.stringify(c)}: expected "," or "${close}"`,
          i,
        );
      i++;
      frame.afterValue = false;
      frame.afterComma = true;
      frame.pre = [ws()];
      if (t[i] === close) fail('invalid-json', `trailing comma before "${close}"`, i);
    }
    if (frame.isObject) key(frame);
    done = value();
  }
}
