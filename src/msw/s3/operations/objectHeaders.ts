/** The object headers and metadata S3 keeps from a write, and the ones it sends back on reads. */
import { utf8Length } from '../../../_internals/limits.js';
import { checksumHeader } from '../checksums.js';
import { S3Error } from '../errors.js';
import { httpDate } from '../http.js';
import type { Bucket, ObjectHeaders, ObjectVersion } from '../store.js';

/** `application/octet-stream` is what the SDK sends for blobs; S3's own default is `binary/octet-stream`. */
const DEFAULT_CONTENT_TYPE = 'binary/octet-stream';

/** Largest total size of user metadata S3 accepts (2 KB, keys and values). */
const METADATA_LIMIT = 2048;

/** The stored headers of a write (`aws-chunked` removed from `content-encoding`, as S3 does). */
export function objectHeadersOf(headers: Headers): ObjectHeaders {
  const out: ObjectHeaders = { contentType: headers.get('content-type') ?? DEFAULT_CONTENT_TYPE };
  const encoding = headers.get('content-encoding');
  if (encoding !== null) {
    const kept = encoding
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '' && part.toLowerCase() !== 'aws-chunked');
    if (kept.length > 0) out.contentEncoding = kept.join(', ');
  }
  const copy = (name: string, field: Exclude<keyof ObjectHeaders, 'contentType' | 'contentEncoding'>): void => {
    const value = headers.get(name);
    if (value !== null) out[field] = value;
  };
  copy('content-disposition', 'contentDisposition');
  copy('content-language', 'contentLanguage');
  copy('cache-control', 'cacheControl');
  copy('expires', 'expires');
  return out;
}

/** `x-amz-meta-*` headers, by lower-case name without the prefix; `MetadataTooLarge` beyond 2 KB. */
export function metadataOf(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  let size = 0;
  for (const [name, value] of headers) {
    if (!name.startsWith('x-amz-meta-')) continue;
    const key = name.slice('x-amz-meta-'.length);
    out[key] = value;
    size += utf8Length(key) + utf8Length(value);
  }
  if (size > METADATA_LIMIT) {
    throw new S3Error('MetadataTooLarge', 400, 'Your metadata headers exceed the maximum allowed metadata size.', {
      Size: String(size),
      MaxSizeAllowed: String(METADATA_LIMIT),
    });
  }
  return out;
}

/** The storage class of a write; `InvalidStorageClass` for unknown ones. */
export function storageClassOf(headers: Headers): string {
  const value = headers.get('x-amz-storage-class') ?? 'STANDARD';
  if (
    !/^(STANDARD|REDUCED_REDUNDANCY|STANDARD_IA|ONEZONE_IA|INTELLIGENT_TIERING|GLACIER|DEEP_ARCHIVE|GLACIER_IR|EXPRESS_ONEZONE)$/.test(
      value,
    )
  ) {
    throw new S3Error('InvalidStorageClass', 400, 'The storage class you specified is not valid', {
      StorageClassRequested: value,
    });
  }
  return value;
}

/** The `x-amz-version-id` S3 reports for a version: none in buckets that were never versioned. */
export function versionHeader(bucket: Bucket, version: { versionId: string } | undefined): string | undefined {
  if (version === undefined || bucket.versioning === 'Unversioned') return undefined;
  return version.versionId;
}

/** The headers of a GET/HEAD of `version` (without content length and range). */
export function readHeaders(
  bucket: Bucket,
  version: ObjectVersion,
  checksumMode: boolean,
): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {
    'accept-ranges': 'bytes',
    'content-type': version.headers.contentType,
    'content-encoding': version.headers.contentEncoding,
    'content-disposition': version.headers.contentDisposition,
    'content-language': version.headers.contentLanguage,
    'cache-control': version.headers.cacheControl,
    expires: version.headers.expires,
    etag: `"${version.eTag}"`,
    'last-modified': httpDate(version.lastModified),
    'x-amz-server-side-encryption': 'AES256',
    'x-amz-version-id': versionHeader(bucket, version),
    'x-amz-storage-class': version.storageClass === 'STANDARD' ? undefined : version.storageClass,
  };
  // The SDK validates a returned checksum while reading the body: send only ones the mock computed.
  if (checksumMode && version.checksum !== undefined) {
    headers[checksumHeader(version.checksum.algorithm)] = version.checksum.value;
    headers['x-amz-checksum-type'] = 'FULL_OBJECT';
  }
  for (const [name, value] of Object.entries(version.metadata)) headers[`x-amz-meta-${name}`] = value;
  return headers;
}
