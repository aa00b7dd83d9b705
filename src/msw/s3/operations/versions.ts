/**
 * ListObjectVersions: every version and delete marker, by key and then newest first, paged with
 * `key-marker` / `version-id-marker`, rolled up by `delimiter`.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectVersions.html
 */
import { invalidArgument } from '../errors.js';
import { type S3Call, respondXml, xmlDate } from '../http.js';
import type { S3Runtime } from '../runtime.js';
import { type ObjectVersion, compareKeys } from '../store.js';
import { el, xmlDocument } from '../xml.js';
import { encoderOf, maxKeysOf, prefixesXml } from './list.js';

interface Entry {
  readonly version: ObjectVersion;
  readonly isLatest: boolean;
}

/** The `<Version>` and `<DeleteMarker>` elements of a page, in its order. */
function entriesXml(entries: readonly Entry[], encode: (text: string) => string, account: string): string {
  let items = '';
  for (const { version, isLatest } of entries) {
    const common = `${el('Key', encode(version.key))}${el('VersionId', version.versionId)}${el('IsLatest', isLatest)}${el('LastModified', xmlDate(version.lastModified))}`;
    const owner = `<Owner>${el('ID', account)}</Owner>`;
    items += version.isDeleteMarker
      ? `<DeleteMarker>${common}${owner}</DeleteMarker>`
      : `<Version>${el('ETag', `"${version.eTag}"`)}${version.checksum === undefined ? '' : el('ChecksumAlgorithm', version.checksum.algorithm) + el('ChecksumType', 'FULL_OBJECT')}${el('Size', version.body.length)}${el('StorageClass', version.storageClass)}${common}${owner}</Version>`;
  }
  return items;
}

/** ListObjectVersions. */
export function listObjectVersions(runtime: S3Runtime, call: S3Call): Response {
  const bucket = runtime.store.bucket(call.route.bucket as string);
  const prefix = call.query.get('prefix') ?? '';
  const delimiter = call.query.get('delimiter') ?? '';
  const maxKeys = maxKeysOf(call);
  const encode = encoderOf(call);
  const keyMarker = call.query.get('key-marker') ?? '';
  const versionMarker = call.query.get('version-id-marker') ?? '';
  if (versionMarker !== '' && keyMarker === '') {
    throw invalidArgument(
      'A version-id marker cannot be specified without a key marker.',
      'version-id-marker',
      versionMarker,
    );
  }
  if (versionMarker !== '') runtime.store.assertVersionId(versionMarker);
  const keys = [...bucket.keys.keys()].filter((key) => key.startsWith(prefix)).sort(compareKeys);
  const entries: Entry[] = [];
  const prefixes: string[] = [];
  let truncated = false;
  let last: { key: string; versionId?: string } | undefined;
  outer: for (const key of keys) {
    const order = compareKeys(key, keyMarker);
    // Without a version marker the page starts after every version of the key marker.
    if (keyMarker !== '' && (order < 0 || (order === 0 && versionMarker === ''))) continue;
    if (delimiter !== '') {
      const at = key.indexOf(delimiter, prefix.length);
      if (at >= 0) {
        const common = key.slice(0, at + delimiter.length);
        if (
          prefixes[prefixes.length - 1] === common ||
          (keyMarker !== '' && compareKeys(common, keyMarker) <= 0 && keyMarker.startsWith(common))
        )
          continue;
        if (entries.length + prefixes.length === maxKeys) {
          truncated = true;
          break;
        }
        prefixes.push(common);
        last = { key: common };
        continue;
      }
    }
    const versions = [...(bucket.keys.get(key) as ObjectVersion[])].reverse();
    let skipping = order === 0;
    for (const [index, version] of versions.entries()) {
      if (skipping) {
        if (version.versionId === versionMarker) skipping = false;
        continue;
      }
      if (entries.length + prefixes.length === maxKeys) {
        truncated = true;
        break outer;
      }
      entries.push({ version, isLatest: index === 0 });
      last = { key, versionId: version.versionId };
    }
  }
  const items = entriesXml(entries, encode, runtime.context.account);
  const body =
    el('Name', bucket.name) +
    el('Prefix', encode(prefix)) +
    el('KeyMarker', encode(keyMarker)) +
    el('VersionIdMarker', versionMarker) +
    (truncated && last !== undefined
      ? el('NextKeyMarker', encode(last.key)) +
        (last.versionId === undefined ? '' : el('NextVersionIdMarker', last.versionId))
      : '') +
    el('MaxKeys', maxKeys) +
    (delimiter === '' ? '' : el('Delimiter', encode(delimiter))) +
    (call.query.has('encoding-type') ? el('EncodingType', 'url') : '') +
    el('IsTruncated', truncated) +
    items +
    prefixesXml(prefixes, encode);
  return respondXml(call, xmlDocument('ListVersionsResult', body));
}
