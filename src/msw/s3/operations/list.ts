/** ListObjectsV2 and ListObjects (v1): prefix, delimiter, max-keys, pagination, `encoding-type=url`. */
import { encodeS3Key } from '../../../events/s3/keyCodec.js';
import { invalidArgument, S3Error } from '../errors.js';
import { type S3Call, respondXml, xmlDate } from '../http.js';
import type { S3Runtime } from '../runtime.js';
import { type Bucket, type ObjectVersion, compareKeys } from '../store.js';
import { el, xmlDocument } from '../xml.js';

/** One page of a listing: objects and common prefixes in key order, and where it stopped. */
interface Page {
  readonly contents: ObjectVersion[];
  readonly prefixes: string[];
  readonly truncated: boolean;
  /** The last key or common prefix returned (what the next page starts after). */
  readonly last: { kind: 'key' | 'prefix'; value: string } | undefined;
}

/**
 * Walks the current keys after `after` (exclusive; a common prefix excludes all keys under it),
 * rolling keys up to common prefixes at the first `delimiter` after `prefix`.
 */
function page(
  runtime: S3Runtime,
  bucket: Bucket,
  prefix: string,
  delimiter: string,
  maxKeys: number,
  after: Page['last'],
): Page {
  const contents: ObjectVersion[] = [];
  const prefixes: string[] = [];
  let last: Page['last'];
  let count = 0;
  for (const key of runtime.store.currentKeys(bucket)) {
    if (!key.startsWith(prefix)) continue;
    if (after !== undefined && compareKeys(key, after.value) <= 0) continue;
    let common: string | undefined;
    if (delimiter !== '') {
      const at = key.indexOf(delimiter, prefix.length);
      if (at >= 0) common = key.slice(0, at + delimiter.length);
    }
    // A page that ended on a common prefix (or a v1 marker equal to one) resumes after all of it.
    if (common !== undefined && after !== undefined && compareKeys(common, after.value) <= 0) continue;
    if (common !== undefined && last?.kind === 'prefix' && last.value === common) continue;
    if (count === maxKeys) return { contents, prefixes, truncated: true, last };
    count++;
    if (common !== undefined) {
      prefixes.push(common);
      last = { kind: 'prefix', value: common };
    } else {
      contents.push(runtime.store.current(bucket, key) as ObjectVersion);
      last = { kind: 'key', value: key };
    }
  }
  return { contents, prefixes, truncated: false, last };
}

/** `max-keys` (default and cap 1000), or S3's `InvalidArgument`. */
export function maxKeysOf(call: S3Call): number {
  const text = call.query.get('max-keys');
  if (text === null) return 1000;
  if (!/^\d+$/.test(text))
    throw invalidArgument('Provided max-keys not an integer or within integer range', 'max-keys', text);
  return Math.min(Number(text), 1000);
}

/** How listed keys are written: as they are, or URL-encoded with `encoding-type=url`. */
export function encoderOf(call: S3Call): (value: string) => string {
  const encoding = call.query.get('encoding-type');
  if (encoding === null) return (value) => value;
  if (encoding !== 'url')
    throw invalidArgument('Invalid Encoding Method specified in Request', 'encoding-type', encoding);
  // S3 form-encodes listed keys exactly as it does keys in events (space as '+', '/' kept).
  return (value) => (value === '' ? value : encodeS3Key(value));
}

function contentsXml(
  runtime: S3Runtime,
  items: ObjectVersion[],
  encode: (value: string) => string,
  withOwner: boolean,
): string {
  let out = '';
  for (const item of items) {
    out += `<Contents>${el('Key', encode(item.key))}${el('LastModified', xmlDate(item.lastModified))}${el('ETag', `"${item.eTag}"`)}${item.checksum === undefined ? '' : el('ChecksumAlgorithm', item.checksum.algorithm) + el('ChecksumType', 'FULL_OBJECT')}${el('Size', item.body.length)}${withOwner ? `<Owner>${el('ID', runtime.context.account)}</Owner>` : ''}${el('StorageClass', item.storageClass)}</Contents>`;
  }
  return out;
}

/** The `<CommonPrefixes>` elements of a listing. */
export function prefixesXml(prefixes: string[], encode: (value: string) => string): string {
  let out = '';
  for (const prefix of prefixes) out += `<CommonPrefixes>${el('Prefix', encode(prefix))}</CommonPrefixes>`;
  return out;
}

/** Continuation tokens are opaque to callers; here they are base64 of where the page stopped. */
function encodeToken(last: NonNullable<Page['last']>): string {
  return Buffer.from(`${last.kind === 'key' ? 'k' : 'p'}:${last.value}`, 'utf8').toString('base64');
}

function decodeToken(token: string): NonNullable<Page['last']> {
  const text = Buffer.from(token, 'base64').toString('utf8');
  if (Buffer.from(text, 'utf8').toString('base64') !== token || !/^[kp]:/.test(text)) {
    // S3 names the argument without echoing the token.
    throw new S3Error('InvalidArgument', 400, 'The continuation token provided is incorrect', {
      ArgumentName: 'continuation-token',
    });
  }
  return { kind: text[0] === 'k' ? 'key' : 'prefix', value: text.slice(2) };
}

/** ListObjectsV2. */
export function listObjectsV2(runtime: S3Runtime, call: S3Call): Response {
  const bucket = runtime.store.bucket(call.route.bucket as string);
  const prefix = call.query.get('prefix') ?? '';
  const delimiter = call.query.get('delimiter') ?? '';
  const maxKeys = maxKeysOf(call);
  const encode = encoderOf(call);
  const token = call.query.get('continuation-token');
  const startAfter = call.query.get('start-after');
  const after =
    token !== null
      ? decodeToken(token)
      : startAfter !== null && startAfter !== ''
        ? { kind: 'key' as const, value: startAfter }
        : undefined;
  const result = page(runtime, bucket, prefix, delimiter, maxKeys, after);
  const body =
    el('Name', bucket.name) +
    el('Prefix', encode(prefix)) +
    (token === null ? '' : el('ContinuationToken', token)) +
    (result.truncated && result.last !== undefined ? el('NextContinuationToken', encodeToken(result.last)) : '') +
    el('KeyCount', result.contents.length + result.prefixes.length) +
    el('MaxKeys', maxKeys) +
    (delimiter === '' ? '' : el('Delimiter', encode(delimiter))) +
    (call.query.has('encoding-type') ? el('EncodingType', 'url') : '') +
    (startAfter === null ? '' : el('StartAfter', encode(startAfter))) +
    el('IsTruncated', result.truncated) +
    contentsXml(runtime, result.contents, encode, call.query.get('fetch-owner') === 'true') +
    prefixesXml(result.prefixes, encode);
  return respondXml(call, xmlDocument('ListBucketResult', body));
}

/** ListObjects (v1): `marker` instead of tokens; `NextMarker` only with a delimiter, as S3 does. */
export function listObjects(runtime: S3Runtime, call: S3Call): Response {
  const bucket = runtime.store.bucket(call.route.bucket as string);
  const prefix = call.query.get('prefix') ?? '';
  const delimiter = call.query.get('delimiter') ?? '';
  const maxKeys = maxKeysOf(call);
  const encode = encoderOf(call);
  const marker = call.query.get('marker') ?? '';
  const after = marker === '' ? undefined : { kind: 'key' as const, value: marker };
  const result = page(runtime, bucket, prefix, delimiter, maxKeys, after);
  const body =
    el('Name', bucket.name) +
    el('Prefix', encode(prefix)) +
    el('Marker', encode(marker)) +
    (result.truncated && delimiter !== '' && result.last !== undefined
      ? el('NextMarker', encode(result.last.value))
      : '') +
    el('MaxKeys', maxKeys) +
    (delimiter === '' ? '' : el('Delimiter', encode(delimiter))) +
    (call.query.has('encoding-type') ? el('EncodingType', 'url') : '') +
    el('IsTruncated', result.truncated) +
    contentsXml(runtime, result.contents, encode, true) +
    prefixesXml(result.prefixes, encode);
  return respondXml(call, xmlDocument('ListBucketResult', body));
}
