/** PutObject, GetObject, HeadObject, DeleteObject and CopyObject. */
import { md5Hex } from '../../../_internals/hash.js';
import { utf8Length } from '../../../_internals/limits.js';
import { EMPTY_ETAG } from '../../../events/s3/eventTypes.js';
import { S3_MAX_KEY_BYTES } from '../../../events/s3/validate.js';
import { readBody } from '../body.js';
import { checksumHeader, checksumOf } from '../checksums.js';
import { S3Error, invalidArgument, invalidRequest, noSuchKey } from '../errors.js';
import { type S3Call, respond, respondXml, xmlDate } from '../http.js';
import type { S3Runtime } from '../runtime.js';
import type { Bucket, ObjectVersion } from '../store.js';
import { el, xmlDocument } from '../xml.js';
import { checkReadConditions, checkWriteConditions, etagMatches } from './conditions.js';
import { metadataOf, objectHeadersOf, readHeaders, storageClassOf, versionHeader } from './objectHeaders.js';
import { parseRange } from './range.js';
import { tagCountHeader, tagsField, tagsOfHeader } from './tagging.js';

/** `KeyTooLongError` for keys over 1024 UTF-8 bytes. */
export function checkKey(key: string): void {
  const size = utf8Length(key);
  if (size > S3_MAX_KEY_BYTES)
    throw new S3Error('KeyTooLongError', 400, 'Your key is too long', {
      MaxSizeAllowed: String(S3_MAX_KEY_BYTES),
      Size: String(size),
    });
}

/** The bucket and key of an object-level call (the router guarantees both). */
export function target(runtime: S3Runtime, call: S3Call): { bucket: Bucket; key: string } {
  const bucket = runtime.store.bucket(call.route.bucket as string);
  const key = call.route.key as string;
  checkKey(key);
  return { bucket, key };
}

/** PutObject: stores the de-framed, checksum-verified body; notifies `ObjectCreated:Put`. */
export async function putObject(runtime: S3Runtime, call: S3Call): Promise<Response> {
  const { bucket, key } = target(runtime, call);
  const tags = tagsOfHeader(call.request.headers);
  const { body, checksum } = await readBody(call.request);
  checkWriteConditions(call.request.headers, runtime.store.current(bucket, key), key);
  const sequencer = runtime.sequencer(call.now);
  const stored = runtime.store.write(
    bucket,
    {
      key,
      isDeleteMarker: false,
      body,
      eTag: md5Hex(body),
      lastModified: call.now,
      headers: objectHeadersOf(call.request.headers),
      metadata: metadataOf(call.request.headers),
      storageClass: storageClassOf(call.request.headers),
      sequencer,
      ...(checksum === undefined ? {} : { checksum }),
      ...tagsField(tags),
    },
    () => runtime.versionId(),
  );
  const versionId = versionHeader(bucket, stored);
  runtime.notify(
    bucket,
    {
      eventName: 'ObjectCreated:Put',
      key,
      size: body.length,
      eTag: stored.eTag,
      sequencer,
      ...(versionId === undefined || versionId === 'null' ? {} : { versionId }),
    },
    call.ids,
    call.now,
  );
  return respond(call, 200, null, {
    etag: `"${stored.eTag}"`,
    'x-amz-server-side-encryption': 'AES256',
    'x-amz-version-id': versionId,
    // A single-part object's checksum covers the whole object.
    ...(checksum === undefined
      ? {}
      : { [checksumHeader(checksum.algorithm)]: checksum.value, 'x-amz-checksum-type': 'FULL_OBJECT' }),
  });
}

/** The version a read or copy addresses: `versionId` if given, else the current one. */
export function addressed(
  runtime: S3Runtime,
  bucket: Bucket,
  key: string,
  versionId: string | null,
  method: string,
): ObjectVersion {
  if (versionId !== null) {
    const version = runtime.store.version(bucket, key, versionId);
    if (version === undefined) {
      runtime.store.assertVersionId(versionId);
      throw new S3Error('NoSuchVersion', 404, 'The specified version does not exist.', {
        Key: key,
        VersionId: versionId,
      });
    }
    if (version.isDeleteMarker) {
      throw new S3Error(
        'MethodNotAllowed',
        405,
        'The specified method is not allowed against this resource.',
        { Method: method, ResourceType: 'DeleteMarker' },
        { 'x-amz-delete-marker': 'true', 'x-amz-version-id': version.versionId },
      );
    }
    return version;
  }
  const current = runtime.store.current(bucket, key);
  if (current === undefined) {
    const marker = runtime.store.newestIsDeleteMarker(bucket, key);
    throw noSuchKey(
      key,
      marker === undefined ? {} : { 'x-amz-delete-marker': 'true', 'x-amz-version-id': marker.versionId },
    );
  }
  return current;
}

const RESPONSE_OVERRIDES: Record<string, string> = {
  'response-content-type': 'content-type',
  'response-content-language': 'content-language',
  'response-expires': 'expires',
  'response-cache-control': 'cache-control',
  'response-content-disposition': 'content-disposition',
  'response-content-encoding': 'content-encoding',
};

/** GetObject and HeadObject: `Range`, conditionals, `versionId`, `response-*` overrides, checksum mode. */
export function getObject(runtime: S3Runtime, call: S3Call): Response {
  const { bucket, key } = target(runtime, call);
  if (call.query.has('partNumber'))
    throw invalidRequest('The msw S3 mock does not serve parts of multipart objects (partNumber).');
  const version = addressed(runtime, bucket, key, call.query.get('versionId'), call.method);
  const headers = {
    ...readHeaders(bucket, version, call.request.headers.get('x-amz-checksum-mode')?.toUpperCase() === 'ENABLED'),
    ...tagCountHeader(version),
  };
  if (checkReadConditions(call.request.headers, version.eTag, version.lastModified) === 'not-modified') {
    return respond(call, 304, null, {
      etag: headers.etag,
      'last-modified': headers['last-modified'],
      'x-amz-version-id': headers['x-amz-version-id'],
    });
  }
  for (const [parameter, header] of Object.entries(RESPONSE_OVERRIDES)) {
    const value = call.query.get(parameter);
    if (value !== null) headers[header] = value;
  }
  const size = version.body.length;
  const range = parseRange(call.request.headers.get('range'), size);
  if (range === undefined) {
    return respond(call, 200, version.body, { ...headers, 'content-length': String(size) });
  }
  // A part of the object: its full-object checksum would not match, so S3 leaves it out. A range
  // that covers the whole object keeps it (recorded against AWS: `bytes=-15` of 10 bytes).
  if (range.start > 0 || range.end < size - 1)
    for (const name of Object.keys(headers)) if (name.startsWith('x-amz-checksum-')) delete headers[name];
  return respond(call, 206, version.body.subarray(range.start, range.end + 1), {
    ...headers,
    'content-length': String(range.end - range.start + 1),
    'content-range': `bytes ${range.start}-${range.end}/${size}`,
  });
}

/** DeleteObject: removes (or hides behind a delete marker) and notifies `ObjectRemoved:*`. */
export function deleteObject(runtime: S3Runtime, call: S3Call): Response {
  const { bucket, key } = target(runtime, call);
  const outcome = deleteOne(runtime, call, bucket, key, call.query.get('versionId') ?? undefined);
  return respond(call, 204, null, {
    'x-amz-delete-marker': outcome.deleteMarker ? 'true' : undefined,
    'x-amz-version-id': outcome.versionId,
  });
}

/** One delete, shared by DeleteObject and DeleteObjects; notifies when something changed. */
export function deleteOne(
  runtime: S3Runtime,
  call: S3Call,
  bucket: Bucket,
  key: string,
  versionId: string | undefined,
): { deleteMarker: boolean; versionId?: string } {
  const sequencer = runtime.sequencer(call.now);
  const outcome = runtime.store.delete(
    bucket,
    key,
    versionId,
    () => ({
      lastModified: call.now,
      headers: { contentType: 'binary/octet-stream' },
      metadata: {},
      storageClass: 'STANDARD',
      sequencer,
    }),
    () => runtime.versionId(),
  );
  if (outcome.eventName !== undefined) {
    const reported =
      outcome.versionId === undefined || outcome.versionId === 'null' ? {} : { versionId: outcome.versionId };
    if (outcome.eventName === 'ObjectRemoved:DeleteMarkerCreated') {
      runtime.notify(
        bucket,
        { eventName: outcome.eventName, key, eTag: EMPTY_ETAG, sequencer, ...reported },
        call.ids,
        call.now,
      );
    } else {
      runtime.notify(bucket, { eventName: outcome.eventName, key, sequencer, ...reported }, call.ids, call.now);
    }
  }
  return {
    deleteMarker: outcome.deleteMarker,
    ...(outcome.versionId === undefined ? {} : { versionId: outcome.versionId }),
  };
}

/** The checksum algorithms S3 accepts, in the order its message lists them. */
const CHECKSUM_ALGORITHMS = ['CRC32', 'CRC32C', 'CRC64NVME', 'SHA1', 'SHA256'];

/** Throws S3's `InvalidRequest` for a checksum algorithm it does not know (recorded against AWS). */
export function assertChecksumAlgorithm(algorithm: string): void {
  if (!CHECKSUM_ALGORITHMS.includes(algorithm)) {
    throw invalidRequest(
      `Checksum algorithm provided is unsupported. Please try again with any of the valid types: [${CHECKSUM_ALGORITHMS.join(', ')}]`,
    );
  }
}

/** Parses `x-amz-copy-source`: `[/]bucket/key[?versionId=…]`, URL-encoded. */
export function parseCopySource(header: string): { bucket: string; key: string; versionId: string | undefined } {
  const [path = '', query = ''] = header.split('?', 2);
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    throw invalidArgument('Invalid copy source encoding', 'x-amz-copy-source', header);
  }
  const trimmed = decoded.startsWith('/') ? decoded.slice(1) : decoded;
  const slash = trimmed.indexOf('/');
  // S3 gives the header's name as ArgumentValue here, not its value (recorded against AWS).
  if (slash <= 0 || slash === trimmed.length - 1)
    throw invalidArgument('Invalid copy source object key', 'x-amz-copy-source', 'x-amz-copy-source');
  const versionId = new URLSearchParams(query).get('versionId') ?? undefined;
  return { bucket: trimmed.slice(0, slash), key: trimmed.slice(slash + 1), versionId };
}

/** A CopyObject directive header: `COPY` (its default) or `REPLACE`, in any case. */
function copyDirective(headers: Headers, header: string, what: 'metadata' | 'tagging'): 'COPY' | 'REPLACE' {
  const directive = (headers.get(header) ?? 'COPY').toUpperCase();
  if (directive !== 'COPY' && directive !== 'REPLACE')
    throw invalidArgument(`Unknown ${what} directive.`, header, directive);
  return directive;
}

/**
 * The checksum of a copy: of the algorithm the request asks for, else of the source's algorithm,
 * computed over the copied bytes; none when neither names one.
 */
function copyChecksum(headers: Headers, original: ObjectVersion): { algorithm: 'CRC32'; value: string } | undefined {
  const algorithmHeader = headers.get('x-amz-checksum-algorithm')?.toUpperCase();
  const algorithm = algorithmHeader ?? original.checksum?.algorithm;
  if (algorithm !== undefined) assertChecksumAlgorithm(algorithm);
  if (algorithm === 'CRC64NVME')
    throw invalidRequest(
      'The msw S3 mock does not compute CRC64NVME checksums, so it cannot copy with one (use CRC32, CRC32C, SHA1 or SHA256).',
    );
  return algorithm === undefined
    ? undefined
    : { algorithm: algorithm as 'CRC32', value: checksumOf(algorithm as 'CRC32', original.body) };
}

/** CopyObject: COPY or REPLACE metadata; notifies `ObjectCreated:Copy`. */
export function copyObject(runtime: S3Runtime, call: S3Call): Response {
  const { bucket, key } = target(runtime, call);
  const headers = call.request.headers;
  const source = parseCopySource(headers.get('x-amz-copy-source') as string);
  const sourceBucket = runtime.store.bucket(source.bucket);
  const original = addressed(runtime, sourceBucket, source.key, source.versionId ?? null, 'GET');
  checkCopyConditions(headers, original, call.now);
  const directive = copyDirective(headers, 'x-amz-metadata-directive', 'metadata');
  const taggingDirective = copyDirective(headers, 'x-amz-tagging-directive', 'tagging');
  // COPY keeps the source's tags (and ignores x-amz-tagging); REPLACE takes the header's, or none.
  const tags = taggingDirective === 'REPLACE' ? (tagsOfHeader(headers) ?? []) : (original.tags ?? []);
  const storageClass = headers.has('x-amz-storage-class') ? storageClassOf(headers) : original.storageClass;
  if (
    sourceBucket === bucket &&
    source.key === key &&
    directive === 'COPY' &&
    storageClass === original.storageClass &&
    source.versionId === undefined
  ) {
    throw invalidRequest(
      "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
    );
  }
  const checksum = copyChecksum(headers, original);
  const sequencer = runtime.sequencer(call.now);
  const stored = runtime.store.write(
    bucket,
    {
      key,
      isDeleteMarker: false,
      body: original.body,
      // A server-side copy is written in one piece: its eTag is the MD5 even of a multipart source.
      eTag: original.partsCount === undefined ? original.eTag : md5Hex(original.body),
      lastModified: call.now,
      headers: directive === 'REPLACE' ? objectHeadersOf(headers) : original.headers,
      metadata: directive === 'REPLACE' ? metadataOf(headers) : original.metadata,
      storageClass,
      sequencer,
      ...(checksum === undefined ? {} : { checksum }),
      ...tagsField(tags),
    },
    () => runtime.versionId(),
  );
  const versionId = versionHeader(bucket, stored);
  runtime.notify(
    bucket,
    {
      eventName: 'ObjectCreated:Copy',
      key,
      size: stored.body.length,
      eTag: stored.eTag,
      sequencer,
      ...(versionId === undefined || versionId === 'null' ? {} : { versionId }),
    },
    call.ids,
    call.now,
  );
  const checksumXml =
    checksum === undefined
      ? ''
      : `${el('ChecksumType', 'FULL_OBJECT')}${el(`Checksum${checksum.algorithm}`, checksum.value)}`;
  return respondXml(
    call,
    xmlDocument(
      'CopyObjectResult',
      `${el('ETag', `"${stored.eTag}"`)}${el('LastModified', xmlDate(stored.lastModified))}${checksumXml}`,
    ),
    {
      'x-amz-version-id': versionId,
      'x-amz-copy-source-version-id': versionHeader(sourceBucket, original),
      'x-amz-server-side-encryption': 'AES256',
    },
  );
}

/** The `x-amz-copy-source-if-*` conditions of CopyObject and UploadPartCopy. */
export function checkCopyConditions(headers: Headers, original: ObjectVersion, now: Date): void {
  const ifMatch = headers.get('x-amz-copy-source-if-match');
  const ifNoneMatch = headers.get('x-amz-copy-source-if-none-match');
  const failed = (condition: string): S3Error =>
    new S3Error('PreconditionFailed', 412, 'At least one of the pre-conditions you specified did not hold', {
      Condition: condition,
    });
  if (ifMatch !== null && !etagMatches(ifMatch, original.eTag)) throw failed('x-amz-copy-source-If-Match');
  if (ifNoneMatch !== null && etagMatches(ifNoneMatch, original.eTag)) throw failed('x-amz-copy-source-If-None-Match');
  // S3 compares at second precision (HTTP dates carry no milliseconds); unparsable dates are ignored.
  const seconds = Math.floor(original.lastModified.getTime() / 1000);
  const dateOf = (name: string): number | undefined => {
    const value = headers.get(name);
    const ms = value === null ? Number.NaN : Date.parse(value);
    return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
  };
  const unmodifiedSince = dateOf('x-amz-copy-source-if-unmodified-since');
  if (ifMatch === null && unmodifiedSince !== undefined && seconds > unmodifiedSince)
    throw failed('x-amz-copy-source-If-Unmodified-Since');
  const modifiedSince = dateOf('x-amz-copy-source-if-modified-since');
  // A date in the future always passes (recorded against S3: localstack's
  // test_upload_part_copy_with_copy_source_if_modified_since_in_future_success).
  const future = modifiedSince !== undefined && modifiedSince > Math.floor(now.getTime() / 1000);
  if (ifNoneMatch === null && modifiedSince !== undefined && !future && seconds <= modifiedSince)
    throw failed('x-amz-copy-source-If-Modified-Since');
}
