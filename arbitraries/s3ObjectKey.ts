import { array, constantFrom, integer, oneof, string, tuple, type Arbitrary } from 'fast-check';
import { utf8Length } from '../src/_internals/limits.js';
import { S3_MAX_KEY_BYTES } from '../src/events/s3/validate.js';
import { fakerValue } from './_internals/faker.js';

/** Constraints of {@link s3ObjectKey}. */
export interface S3ObjectKeyConstraints {
  /**
   * The largest key in UTF-8 bytes (S3 allows 1 to 1,024).
   * @defaultValue `1024`
   */
  maxBytes?: number;
  /**
   * Whether to mix in, on purpose, the keys that break naive code: spaces, `+`, `%` and
   * already-encoded-looking `%2B`, `~`, `*`, `'`, `(`, `/`, `//`, unicode (composed and
   * decomposed accents, CJK), emoji (including ZWJ sequences) and keys of exactly `maxBytes` bytes.
   * @defaultValue `true`
   */
  hardCases?: boolean;
}

const HARD_PIECES = [
  ' ',
  '  ',
  '+',
  '%',
  '%2B',
  '%20',
  '/',
  '//',
  '~',
  '*',
  "'",
  '(',
  ')',
  '!',
  '&',
  '=',
  '?',
  '#',
  '@',
  ':',
  ',',
  ';',
  '$',
  '[',
  ']',
  '{',
  '}',
  '^',
  '`',
  '|',
  '\\',
  '"',
  '<',
  '>',
  'é',
  'e\u0301',
  'ß',
  '日本語',
  'Ω',
  '😀',
  '👩‍👩‍👧',
  '\u00a0',
  'a b+c',
  'my photos/a+b.jpg',
  '.',
  '..',
  '-',
  '_',
];
// Units whose repetition fills a key to exactly N bytes: 1-, 2-, 3- and 4-byte characters.
const FILLERS = ['a', 'é', '日', '😀'] as const;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Cuts `text` to at most `maxBytes` UTF-8 bytes on a code point boundary; never returns an empty key. */
function fit(text: string, maxBytes: number): string {
  let key = text.replace(LONE_SURROGATE, '\uFFFD');
  if (utf8Length(key) > maxBytes) {
    let bytes = 0;
    let end = 0;
    for (const char of key) {
      const size = utf8Length(char);
      if (bytes + size > maxBytes) break;
      bytes += size;
      end += char.length;
    }
    key = key.slice(0, end);
  }
  return key.length === 0 ? 'a' : key;
}

/** A key of exactly `bytes` UTF-8 bytes made of `filler` characters topped up with `a`. */
function exactBytes(filler: string, bytes: number): string {
  const unit = utf8Length(filler);
  const count = Math.floor(bytes / unit);
  return filler.repeat(count) + 'a'.repeat(bytes - count * unit);
}

/**
 * Decoded S3 object keys (1 to `maxBytes` UTF-8 bytes, well-formed Unicode): human-looking paths
 * from faker, arbitrary unicode strings, and, on purpose, the characters that break key
 * encoding and the longest keys S3 accepts.
 * @example s3ObjectKey({ maxBytes: 64 })
 */
// @__NO_SIDE_EFFECTS__
export function s3ObjectKey(constraints: S3ObjectKeyConstraints = {}): Arbitrary<string> {
  const maxBytes = constraints.maxBytes ?? S3_MAX_KEY_BYTES;
  const hardCases = constraints.hardCases ?? true;
  if (!Number.isInteger(maxBytes) || maxBytes < 4 || maxBytes > S3_MAX_KEY_BYTES)
    throw new TypeError(
      `s3ObjectKey: maxBytes must be an integer from 4 to ${S3_MAX_KEY_BYTES} (S3's key limit), got ${String(maxBytes)}`,
    );
  if (typeof hardCases !== 'boolean')
    throw new TypeError(`s3ObjectKey: hardCases must be a boolean, got ${JSON.stringify(hardCases)}`);

  const human = fakerValue((faker) =>
    faker.helpers.arrayElement([
      () => faker.system.fileName(),
      () => `${faker.word.noun()}/${faker.system.fileName()}`,
      () =>
        `${faker.date.past().getFullYear()}/${faker.person.lastName()} ${faker.word.adjective()}.${faker.system.commonFileExt()}`,
      () => `${faker.commerce.department()}/${faker.commerce.productName()}.${faker.system.fileExt()}`,
      () => faker.system.filePath().slice(1),
    ])(),
  );
  const plain = string({ unit: 'grapheme', minLength: 1, maxLength: 40 });
  const simple = oneof({ arbitrary: human, weight: 2 }, { arbitrary: plain, weight: 1 });
  if (!hardCases) return simple.map((key) => fit(key, maxBytes));

  const mixed = array(oneof(constantFrom(...HARD_PIECES), string({ unit: 'grapheme', maxLength: 6 }), human), {
    minLength: 1,
    maxLength: 6,
  }).map((pieces) => pieces.join(''));
  const longest = tuple(constantFrom(...FILLERS), integer({ min: 0, max: 3 })).map(([filler, shortBy]) =>
    exactBytes(filler, maxBytes - shortBy),
  );
  return oneof(
    { arbitrary: simple, weight: 3 },
    { arbitrary: mixed, weight: 3 },
    { arbitrary: longest, weight: 1 },
  ).map((key) => fit(key, maxBytes));
}
