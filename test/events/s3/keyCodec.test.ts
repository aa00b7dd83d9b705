import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventInputError } from '../../../src/_internals/errors.js';
import { decodeS3Key, encodeS3Key } from '../../../src/events/s3/keyCodec.js';
import { s3ObjectKey } from '../../../arbitraries/s3ObjectKey.js';
import { NUM_RUNS } from '../../_helpers/runs.js';

describe('encodeS3Key / decodeS3Key', () => {
  it('form-encodes as S3 does: space → +, / literal, other bytes %XX upper-case', () => {
    expect(encodeS3Key('my photos/a+b.jpg')).toBe('my+photos/a%2Bb.jpg');
    expect(encodeS3Key('a@b')).toBe('a%40b');
    expect(encodeS3Key('x:y(1)=z')).toBe('x%3Ay%281%29%3Dz');
    expect(encodeS3Key("it's!")).toBe('it%27s%21');
    expect(encodeS3Key('é😀')).toBe('%C3%A9%F0%9F%98%80');
    expect(encodeS3Key('A-Z_a.z/0-9')).toBe('A-Z_a.z/0-9');
    expect(encodeS3Key('100%')).toBe('100%25');
  });

  it('encodes ~ and * by the documented option, defaulting to Java URLEncoder (* kept, ~ → %7E)', () => {
    expect(encodeS3Key('a~b*c')).toBe('a%7Eb*c');
    expect(encodeS3Key('a~b*c', { tilde: 'literal' })).toBe('a~b*c');
    expect(encodeS3Key('a~b*c', { asterisk: 'percent' })).toBe('a%7Eb%2Ac');
    expect(encodeS3Key('a~b*c', { tilde: 'literal', asterisk: 'percent' })).toBe('a~b%2Ac');
    expect(decodeS3Key('a%7Eb%2Ac')).toBe('a~b*c');
    expect(decodeS3Key('a~b*c')).toBe('a~b*c');
  });

  it('decodes the keys of real samples as expected', () => {
    // localstack-snapshot__s3-key-encoding.json: key "a@b" arrives as "a%40b".
    expect(decodeS3Key('a%40b')).toBe('a@b');
    // AWS's own example quoted in aws-sdk-js#837 and aws-sdk-net#640.
    expect(decodeS3Key('red+flower.jpg')).toBe('red flower.jpg');
    expect(decodeS3Key('this+im+%2B+age+blah.txt')).toBe('this im + age blah.txt');
    // powertools-ts__s3-lifecycle-expiration-delete.json: '/' stays literal.
    expect(decodeS3Key('expiration/delete')).toBe('expiration/delete');
    // aws-lambda-go samples over-encode '-' as %2D; decoding still yields the key.
    expect(decodeS3Key('replication%2Dtest.png')).toBe('replication-test.png');
  });

  it('decodeS3Key(encodeS3Key(k)) === k for every key', () => {
    fc.assert(
      fc.property(s3ObjectKey(), (key) => {
        expect(decodeS3Key(encodeS3Key(key))).toBe(key);
        expect(decodeS3Key(encodeS3Key(key, { tilde: 'literal', asterisk: 'percent' }))).toBe(key);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('encoded keys use only the form-urlencoded alphabet', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), (key) => {
        expect(encodeS3Key(key)).toMatch(/^[A-Za-z0-9\-_.*/+%]*$/);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('rejects what has no encoding or decoding, naming the argument and the rule', () => {
    expect(() => encodeS3Key('a\uD800b')).toThrow(EventInputError);
    expect(() => encodeS3Key('a\uD800b')).toThrow(/encodeS3Key: key must be well-formed Unicode/);
    expect(() => decodeS3Key('a%zz')).toThrow(/decodeS3Key: key "a%zz" is not form-urlencoded/);
    expect(() => decodeS3Key('%C3')).toThrow(/not form-urlencoded/);
    expect(() => encodeS3Key('a', { tilde: 'x' as 'literal' })).toThrow(/encodeS3Key: encoding must be/);
  });
});

describe('encodeS3Key / decodeS3Key: argument checks', () => {
  it('name a non-string key, a non-object or misspelt encoding, and shorten a long undecodable key', () => {
    expect(() => encodeS3Key(5 as never)).toThrow('encodeS3Key: key must be a string, got number');
    expect(() => decodeS3Key(5 as never)).toThrow('decodeS3Key: key must be a string, got number');
    expect(() => encodeS3Key('a', 'x' as never)).toThrow(
      'encodeS3Key: encoding must be a plain object { tilde?, asterisk? }, got "x"',
    );
    expect(() => encodeS3Key('a', null as never)).toThrow('encodeS3Key: encoding must be a plain object');
    expect(() => encodeS3Key('a~', { tilda: 'literal' } as never)).toThrow(
      'encodeS3Key: encoding.tilda is not an encoding choice (tilde or asterisk)',
    );
    const long = `%zz${'a'.repeat(100)}`;
    expect(() => decodeS3Key(long)).toThrow(`decodeS3Key: key "${long.slice(0, 57)}..." is not form-urlencoded`);
    const sixty = `%zz${'a'.repeat(57)}`;
    expect(() => decodeS3Key(sixty)).toThrow(`decodeS3Key: key "${sixty}" is not form-urlencoded`);
  });
});
