/**
 * The S3 object-key codec of notification records and S3 EventBridge events:
 * form-urlencoding, where a space becomes `+`, `/` stays literal, alphanumerics and `- _ .` stay, and every other character becomes `%XX` of its
 * UTF-8 bytes (upper-case hex).
 */
import { fail, show } from '../../_internals/errors.js';
import { isPlainObject } from '../../_internals/objects.js';
import { lastMemo } from '../../_internals/memo.js';

/**
 * How the two characters AWS's evidence leaves open are encoded. The default follows Java's
 * `URLEncoder` (S3's observed behaviour fits it): `*` stays literal, `~` becomes `%7E`.
 */
export interface S3KeyEncoding {
  /**
   * `'percent'` writes `~` as `%7E`; `'literal'` keeps it.
   * @defaultValue `'percent'`
   */
  tilde?: 'percent' | 'literal';
  /**
   * `'literal'` keeps `*`; `'percent'` writes it as `%2A`.
   * @defaultValue `'literal'`
   */
  asterisk?: 'literal' | 'percent';
}

/** Whether the key holds only characters that never change (`A-Z a-z 0-9 - _ . /`): returned as is, the common case. */
// Stryker disable next-line BlockStatement: a fast path; the full encoding of an unchanged key is the key itself
function isUnchanged(key: string): boolean {
  // Stryker disable next-line EqualityOperator,UpdateOperator: a fast path; answering false sends the key through the full encoding, which gives the same text
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    // '-' 45, '.' 46, '/' 47, '0'-'9' 48-57, 'A'-'Z' 65-90, '_' 95, 'a'-'z' 97-122.
    // Stryker disable next-line EqualityOperator,ConditionalExpression,LogicalOperator: a fast path; a narrower set of unchanged characters only takes the full encoding, with the same result
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 45 && c <= 57) || c === 95)) return false;
  }
  // Stryker disable next-line BooleanLiteral: a fast path; false sends the key through the full encoding, with the same result
  return true;
}
// What encodeURIComponent gets wrong for form encoding: it writes space as %20 and `/` as %2F,
// and leaves ! ' ( ) * ~ alone.
const FIXUPS = /%20|%2F|[!'()*~]/g;

type Table = Readonly<Record<string, string>>;
const base = { '%20': '+', '%2F': '/', '!': '%21', "'": '%27', '(': '%28', ')': '%29' };
const TABLES: Readonly<Record<string, Table>> = {
  'percent/literal': { ...base, '~': '%7E', '*': '*' },
  'percent/percent': { ...base, '~': '%7E', '*': '%2A' },
  'literal/literal': { ...base, '~': '~', '*': '*' },
  'literal/percent': { ...base, '~': '~', '*': '%2A' },
};
const DEFAULT_TABLE = TABLES['percent/literal'] as Table;
const replacers = new Map<Table, (match: string) => string>();
for (const table of Object.values(TABLES)) replacers.set(table, (match) => table[match] as string);

// The last key encoded, by table: the encoding is a function of both alone.
const lastEncoded = lastMemo<[string, Table], string>();

function tableOf(encoding: S3KeyEncoding | undefined): Table {
  if (encoding === undefined) return DEFAULT_TABLE;
  if (!isPlainObject(encoding))
    fail('encodeS3Key', 'encoding', `must be a plain object { tilde?, asterisk? }, got ${show(encoding)}`);
  for (const key of Object.keys(encoding)) {
    // A misspelt choice (`tilda`) would silently keep the default.
    if (key !== 'tilde' && key !== 'asterisk')
      fail('encodeS3Key', `encoding.${key}`, 'is not an encoding choice (tilde or asterisk)');
  }
  const tilde = encoding.tilde ?? 'percent';
  const asterisk = encoding.asterisk ?? 'literal';
  const table = TABLES[`${tilde}/${asterisk}`];
  if (table === undefined) {
    fail(
      'encodeS3Key',
      'encoding',
      `must be { tilde?: 'percent' | 'literal', asterisk?: 'literal' | 'percent' }, got tilde ${JSON.stringify(tilde)} and asterisk ${JSON.stringify(asterisk)}`,
    );
  }
  return table;
}

/**
 * Encodes a decoded object key as S3 writes it in events.
 * The key must be well-formed Unicode (no lone surrogates); its length is not checked here.
 * @example encodeS3Key('my photos/a+b.jpg') // 'my+photos/a%2Bb.jpg'
 */
export function encodeS3Key(key: string, encoding?: S3KeyEncoding): string {
  const table = tableOf(encoding);
  if (typeof key !== 'string') fail('encodeS3Key', 'key', `must be a string, got ${typeof key}`);
  // Stryker disable next-line ConditionalExpression: a fast path (see isUnchanged)
  if (isUnchanged(key)) return key;
  // Factories encode the same key call after call.
  return lastEncoded.get([key, table], () => {
    let encoded: string;
    try {
      encoded = encodeURIComponent(key);
    } catch {
      fail(
        'encodeS3Key',
        'key',
        'must be well-formed Unicode: it holds a lone surrogate, which has no UTF-8 encoding and cannot be an S3 key',
      );
    }
    return encoded.replace(FIXUPS, replacers.get(table) as (match: string) => string);
  });
}

const PLUS = /\+/g;

/**
 * Decodes a key as found in an S3 event (`+` → space, `%XX` → UTF-8 bytes). Accepts both
 * spellings of `~` and `*`. Throws {@link EventInputError} on malformed `%` sequences.
 * @example decodeS3Key('my+photos/a%2Bb.jpg') // 'my photos/a+b.jpg'
 */
export function decodeS3Key(key: string): string {
  if (typeof key !== 'string') fail('decodeS3Key', 'key', `must be a string, got ${typeof key}`);
  // Stryker disable next-line StringLiteral,ConditionalExpression: a fast path; replacing no '+' changes nothing
  const spaced = key.includes('+') ? key.replace(PLUS, ' ') : key;
  // Stryker disable next-line StringLiteral,ConditionalExpression: a fast path; decodeURIComponent of text without '%' is the text
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return fail(
      'decodeS3Key',
      'key',
      `${JSON.stringify(key.length > 60 ? `${key.slice(0, 57)}...` : key)} is not form-urlencoded: a '%' is not followed by two hex digits or the bytes are not UTF-8`,
    );
  }
}
