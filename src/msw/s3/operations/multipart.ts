/**
 * Multipart uploads: CreateMultipartUpload, UploadPart, CompleteMultipartUpload (eTag
 * `<md5 of the part md5s>-<parts>`, notifies `ObjectCreated:CompleteMultipartUpload`) and
 * AbortMultipartUpload.
 */
import { createHash } from 'node:crypto';
import { md5Hex } from '../../../_internals/hash.js';
import { s3MultipartETag } from '../../../events/s3/defaults.js';
import { S3_MAX_PARTS, S3_MIN_PART_SIZE } from '../../../events/s3/validate.js';
import { readBody, readXml } from '../body.js';
import { checksumHeader } from '../checksums.js';
import { S3Error, invalidArgument, invalidRequest, malformedXml } from '../errors.js';
import { type S3Call, respond, respondXml, xmlDate } from '../http.js';
import type { S3Runtime } from '../runtime.js';
import { type Bucket, type MultipartUpload, compareKeys } from '../store.js';
import { assertRoot, el, elements, text, xmlDocument } from '../xml.js';
import { checkWriteConditions } from './conditions.js';
import { metadataOf, objectHeadersOf, storageClassOf, versionHeader } from './objectHeaders.js';
import { addressed, assertChecksumAlgorithm, checkCopyConditions, parseCopySource, target } from './objects.js';
import { encoderOf, prefixesXml } from './list.js';
import { tagsField, tagsOfHeader } from './tagging.js';

const MIN_PART_SIZE = S3_MIN_PART_SIZE;

/** A part of a pending upload. */
type UploadedPart = MultipartUpload['parts'] extends Map<number, infer Part> ? Part : never;
const MAX_PART_NUMBER = S3_MAX_PARTS;

function upload(bucket: Bucket, key: string, uploadId: string): MultipartUpload {
  const found = bucket.uploads.get(uploadId);
  if (found === undefined || found.key !== key) {
    throw new S3Error(
      'NoSuchUpload',
      404,
      'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
      { UploadId: uploadId },
    );
  }
  return found;
}

/** CreateMultipartUpload. */
export function createMultipartUpload(runtime: S3Runtime, call: S3Call): Response {
  const { bucket, key } = target(runtime, call);
  const headers = call.request.headers;
  const checksumType = checksumTypeOf(headers);
  const tags = tagsOfHeader(headers);
  const uploadId = runtime.uploadId();
  bucket.uploads.set(uploadId, {
    uploadId,
    key,
    initiated: call.now,
    headers: objectHeadersOf(headers),
    metadata: metadataOf(headers),
    storageClass: storageClassOf(headers),
    parts: new Map(),
    ...tagsField(tags),
  });
  const algorithm = headers.get('x-amz-checksum-algorithm');
  return respondXml(
    call,
    xmlDocument(
      'InitiateMultipartUploadResult',
      `${el('Bucket', bucket.name)}${el('Key', key)}${el('UploadId', uploadId)}`,
    ),
    {
      'x-amz-server-side-encryption': 'AES256',
      'x-amz-checksum-algorithm': algorithm ?? undefined,
      'x-amz-checksum-type': checksumType,
    },
  );
}

// Algorithms whose checksums combine part by part (COMPOSITE) or over the whole object (FULL_OBJECT).
const COMPOSITE_ALGORITHMS = new Set(['CRC32', 'CRC32C', 'SHA1', 'SHA256']);
const FULL_OBJECT_ALGORITHMS = new Set(['CRC32', 'CRC32C', 'CRC64NVME']);

/**
 * CreateMultipartUpload's checksum settings, checked as S3 checks them (recorded against AWS):
 * a known algorithm, a type only with an algorithm, and a type the algorithm supports. Returns
 * the upload's checksum type (default: FULL_OBJECT for CRC64NVME, else COMPOSITE).
 */
function checksumTypeOf(headers: Headers): string | undefined {
  const requested = headers.get('x-amz-checksum-algorithm');
  const type = headers.get('x-amz-checksum-type')?.toUpperCase();
  if (requested === null) {
    if (type !== undefined)
      throw invalidRequest('The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.');
    return undefined;
  }
  const algorithm = requested.toUpperCase();
  assertChecksumAlgorithm(algorithm);
  const chosen = type ?? (algorithm === 'CRC64NVME' ? 'FULL_OBJECT' : 'COMPOSITE');
  const supported =
    chosen === 'COMPOSITE' ? COMPOSITE_ALGORITHMS : chosen === 'FULL_OBJECT' ? FULL_OBJECT_ALGORITHMS : undefined;
  if (supported === undefined) throw invalidRequest(`Value for x-amz-checksum-type header is invalid.`);
  if (!supported.has(algorithm))
    throw invalidRequest(
      `The ${chosen} checksum type cannot be used with the ${algorithm.toLowerCase()} checksum algorithm.`,
    );
  return chosen;
}

/** UploadPart: stores one part (de-framed, checksum-verified). */
export async function uploadPart(runtime: S3Runtime, call: S3Call): Promise<Response> {
  const { bucket, key } = target(runtime, call);
  const partText = call.query.get('partNumber') ?? '';
  const partNumber = /^\d{1,5}$/.test(partText) ? Number(partText) : Number.NaN;
  if (!(partNumber >= 1 && partNumber <= MAX_PART_NUMBER)) {
    throw invalidArgument(
      `Part number must be an integer between 1 and ${MAX_PART_NUMBER}, inclusive`,
      'partNumber',
      partText,
    );
  }
  const target_ = upload(bucket, key, call.query.get('uploadId') as string);
  const { body, checksum } = await readBody(call.request);
  const eTag = md5Hex(body);
  target_.parts.set(partNumber, { partNumber, body, eTag, lastModified: call.now });
  return respond(call, 200, null, {
    etag: `"${eTag}"`,
    'x-amz-server-side-encryption': 'AES256',
    ...(checksum === undefined ? {} : { [checksumHeader(checksum.algorithm)]: checksum.value }),
  });
}

/** A part as a CompleteMultipartUpload document lists it. */
interface ListedPart {
  readonly partNumber: number;
  /** Without quotes. */
  readonly eTag: string;
}

/** The parts a CompleteMultipartUpload request document lists, in its order. */
async function listedParts(call: S3Call): Promise<ListedPart[]> {
  const { xml } = await readXml(call.request);
  // No part list at all (no request document) is S3's InvalidRequest; a document without parts is malformed.
  if (xml.trim() === '') throw invalidRequest('You must specify at least one part');
  try {
    assertRoot(xml, 'CompleteMultipartUpload');
  } catch {
    throw malformedXml();
  }
  const listed = elements(xml, 'Part').map((part) => ({
    partNumber: Number(text(part, 'PartNumber')),
    eTag: (text(part, 'ETag') ?? '').replace(/^"(.*)"$/, '$1'),
  }));
  if (listed.length === 0 || listed.some((part) => !Number.isInteger(part.partNumber))) throw malformedXml();
  return listed;
}

/**
 * The uploaded parts `listed` names, checked as S3 does: in ascending order, each uploaded with
 * the listed ETag, every part but the last at least 5 MiB.
 */
function completedParts(pending: MultipartUpload, listed: readonly ListedPart[], uploadId: string): UploadedPart[] {
  const invalidPart = (partNumber: number, eTag: string): S3Error =>
    new S3Error(
      'InvalidPart',
      400,
      "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
      { UploadId: uploadId, PartNumber: String(partNumber), ETag: eTag },
    );
  const parts = listed.map((entry, index) => {
    if (index > 0 && entry.partNumber <= (listed[index - 1] as { partNumber: number }).partNumber) {
      throw new S3Error(
        'InvalidPartOrder',
        400,
        'The list of parts was not in ascending order. Parts must be ordered by part number.',
        { UploadId: uploadId },
      );
    }
    const part = pending.parts.get(entry.partNumber);
    if (part === undefined || part.eTag !== entry.eTag) throw invalidPart(entry.partNumber, entry.eTag);
    return part;
  });
  parts.forEach((part, index) => {
    if (index < parts.length - 1 && part.body.length < MIN_PART_SIZE) {
      throw new S3Error('EntityTooSmall', 400, 'Your proposed upload is smaller than the minimum allowed size', {
        ProposedSize: String(part.body.length),
        MinSizeAllowed: String(MIN_PART_SIZE),
        PartNumber: String(part.partNumber),
        ETag: part.eTag,
      });
    }
  });
  return parts;
}

/** CompleteMultipartUpload: checks the part list as S3 does, then assembles the object. */
export async function completeMultipartUpload(runtime: S3Runtime, call: S3Call): Promise<Response> {
  const { bucket, key } = target(runtime, call);
  const uploadId = call.query.get('uploadId') as string;
  const pending = upload(bucket, key, uploadId);
  const parts = completedParts(pending, await listedParts(call), uploadId);
  checkWriteConditions(call.request.headers, runtime.store.current(bucket, key), key);
  const digest = createHash('md5');
  for (const part of parts) digest.update(Buffer.from(part.eTag, 'hex'));
  const eTag = s3MultipartETag(digest.digest('hex'), parts.length);
  const body = Buffer.concat(parts.map((part) => part.body));
  const sequencer = runtime.sequencer(call.now);
  const stored = runtime.store.write(
    bucket,
    {
      key,
      isDeleteMarker: false,
      body,
      eTag,
      lastModified: call.now,
      headers: pending.headers,
      metadata: pending.metadata,
      storageClass: pending.storageClass,
      partsCount: parts.length,
      sequencer,
      ...tagsField(pending.tags),
    },
    () => runtime.versionId(),
  );
  bucket.uploads.delete(uploadId);
  const versionId = versionHeader(bucket, stored);
  runtime.notify(
    bucket,
    {
      eventName: 'ObjectCreated:CompleteMultipartUpload',
      key,
      size: body.length,
      eTag,
      sequencer,
      ...(versionId === undefined || versionId === 'null' ? {} : { versionId }),
    },
    call.ids,
    call.now,
  );
  const location = `${call.route.url.origin}/${bucket.name}/${key.split('/').map(encodeURIComponent).join('/')}`;
  return respondXml(
    call,
    xmlDocument(
      'CompleteMultipartUploadResult',
      `${el('Location', location)}${el('Bucket', bucket.name)}${el('Key', key)}${el('ETag', `"${eTag}"`)}`,
    ),
    {
      'x-amz-version-id': versionId,
      'x-amz-server-side-encryption': 'AES256',
    },
  );
}

/** AbortMultipartUpload. */
export function abortMultipartUpload(runtime: S3Runtime, call: S3Call): Response {
  const { bucket, key } = target(runtime, call);
  const uploadId = call.query.get('uploadId') as string;
  upload(bucket, key, uploadId);
  bucket.uploads.delete(uploadId);
  return respond(call, 204);
}

function positiveInteger(call: S3Call, name: string, fallback: number, max: number): number {
  const value = call.query.get(name);
  // An empty value counts as absent (recorded against S3: localstack's test_list_parts_empty_part_number_marker).
  if (value === null || value === '') return fallback;
  if (!/^\d+$/.test(value))
    throw invalidArgument(`Provided ${name} not an integer or within integer range`, name, value);
  return Math.min(Number(value), max);
}

/** ListParts: the parts uploaded so far, by part number, paged with `part-number-marker`. */
export function listParts(runtime: S3Runtime, call: S3Call): Response {
  const { bucket, key } = target(runtime, call);
  const uploadId = call.query.get('uploadId') as string;
  const pending = upload(bucket, key, uploadId);
  const maxParts = positiveInteger(call, 'max-parts', 1000, 1000);
  const marker = positiveInteger(call, 'part-number-marker', 0, Number.MAX_SAFE_INTEGER);
  const all = [...pending.parts.values()]
    .filter((part) => part.partNumber > marker)
    .sort((a, b) => a.partNumber - b.partNumber);
  const shown = all.slice(0, maxParts);
  const truncated = all.length > shown.length;
  const owner = `${el('ID', runtime.context.account)}`;
  let parts = '';
  for (const part of shown)
    parts += `<Part>${el('PartNumber', part.partNumber)}${el('LastModified', xmlDate(part.lastModified))}${el('ETag', `"${part.eTag}"`)}${el('Size', part.body.length)}</Part>`;
  const body =
    el('Bucket', bucket.name) +
    el('Key', key) +
    el('UploadId', uploadId) +
    el('PartNumberMarker', marker) +
    // 0 on an empty page, as S3 answers.
    el('NextPartNumberMarker', shown.length > 0 ? (shown[shown.length - 1] as { partNumber: number }).partNumber : 0) +
    el('MaxParts', maxParts) +
    el('IsTruncated', truncated) +
    parts +
    `<Initiator>${owner}</Initiator><Owner>${owner}</Owner>` +
    el('StorageClass', pending.storageClass);
  return respondXml(call, xmlDocument('ListPartsResult', body));
}

/** ListMultipartUploads: uploads in progress by key, then by initiation time; `prefix`, `delimiter`, markers. */
export function listMultipartUploads(runtime: S3Runtime, call: S3Call): Response {
  const bucket = runtime.store.bucket(call.route.bucket as string);
  const prefix = call.query.get('prefix') ?? '';
  const delimiter = call.query.get('delimiter') ?? '';
  const keyMarker = call.query.get('key-marker') ?? '';
  const uploadIdMarker = call.query.get('upload-id-marker') ?? '';
  const maxUploads = positiveInteger(call, 'max-uploads', 1000, 1000);
  const encode = encoderOf(call);
  const all = [...bucket.uploads.values()]
    .filter((u) => u.key.startsWith(prefix))
    .sort((a, b) => compareKeys(a.key, b.key) || a.initiated.getTime() - b.initiated.getTime());
  // After the key marker: its later uploads only when an upload-id marker names where to resume.
  let start = 0;
  if (keyMarker !== '') {
    start = all.findIndex((u) => compareKeys(u.key, keyMarker) > 0);
    if (uploadIdMarker !== '') {
      const at = all.findIndex((u) => u.key === keyMarker && u.uploadId === uploadIdMarker);
      // Recorded against S3 (localstack's test_list_multiparts_next_marker): an id that is not the key's upload.
      if (at < 0) throw invalidArgument('Invalid uploadId marker', 'upload-id-marker', uploadIdMarker);
      start = at + 1;
    }
    if (start < 0) start = all.length;
  }
  const uploads: MultipartUpload[] = [];
  const prefixes: string[] = [];
  let truncated = false;
  let last: { key: string; uploadId?: string } | undefined;
  for (const item of all.slice(start)) {
    const at = delimiter === '' ? -1 : item.key.indexOf(delimiter, prefix.length);
    const common = at < 0 ? undefined : item.key.slice(0, at + delimiter.length);
    if (common !== undefined && prefixes[prefixes.length - 1] === common) continue;
    if (uploads.length + prefixes.length === maxUploads) {
      truncated = true;
      break;
    }
    if (common !== undefined) {
      prefixes.push(common);
      last = { key: common };
    } else {
      uploads.push(item);
      last = { key: item.key, uploadId: item.uploadId };
    }
  }
  const owner = el('ID', runtime.context.account);
  let items = '';
  for (const u of uploads) {
    items += `<Upload>${el('Key', encode(u.key))}${el('UploadId', u.uploadId)}<Initiator>${owner}</Initiator><Owner>${owner}</Owner>${el('StorageClass', u.storageClass)}${el('Initiated', xmlDate(u.initiated))}</Upload>`;
  }
  const body =
    el('Bucket', bucket.name) +
    el('KeyMarker', encode(keyMarker)) +
    el('UploadIdMarker', uploadIdMarker) +
    // S3 names where the page ended even when it is the last one ('' for an empty page).
    el('NextKeyMarker', last === undefined ? '' : encode(last.key)) +
    el('NextUploadIdMarker', last?.uploadId ?? '') +
    el('Prefix', encode(prefix)) +
    (delimiter === '' ? '' : el('Delimiter', encode(delimiter))) +
    el('MaxUploads', maxUploads) +
    (call.query.has('encoding-type') ? el('EncodingType', 'url') : '') +
    el('IsTruncated', truncated) +
    items +
    prefixesXml(prefixes, encode);
  return respondXml(call, xmlDocument('ListMultipartUploadsResult', body));
}

/**
 * UploadPartCopy: a part made of (a byte range of) an existing object, with the same copy
 * conditions as CopyObject. `x-amz-copy-source-range` is `bytes=first-last`, inside the source.
 */
export function uploadPartCopy(runtime: S3Runtime, call: S3Call): Response {
  const { bucket, key } = target(runtime, call);
  const partText = call.query.get('partNumber') ?? '';
  const partNumber = /^\d{1,5}$/.test(partText) ? Number(partText) : Number.NaN;
  if (!(partNumber >= 1 && partNumber <= MAX_PART_NUMBER)) {
    throw invalidArgument(
      `Part number must be an integer between 1 and ${MAX_PART_NUMBER}, inclusive`,
      'partNumber',
      partText,
    );
  }
  const pending = upload(bucket, key, call.query.get('uploadId') as string);
  const headers = call.request.headers;
  const source = parseCopySource(headers.get('x-amz-copy-source') as string);
  const sourceBucket = runtime.store.bucket(source.bucket);
  const original = addressed(runtime, sourceBucket, source.key, source.versionId ?? null, 'GET');
  checkCopyConditions(headers, original, call.now);
  let body = original.body;
  const range = headers.get('x-amz-copy-source-range');
  if (range !== null) {
    // The three answers as localstack recorded them against S3 (test_upload_part_copy_range).
    const match = /^bytes=(\d+)-(\d+)$/.exec(range);
    const first = Number(match?.[1]);
    const lastByte = Number(match?.[2]);
    if (match === null || first > lastByte) {
      throw invalidArgument(
        'The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy',
        'x-amz-copy-source-range',
        range,
      );
    }
    if (first >= original.body.length)
      throw invalidRequest('The specified copy range is invalid for the source object size');
    if (lastByte >= original.body.length) {
      throw invalidArgument(
        `Range specified is not valid for source object of size: ${original.body.length}`,
        'x-amz-copy-source-range',
        range,
      );
    }
    body = original.body.subarray(first, lastByte + 1);
  }
  const eTag = md5Hex(body);
  pending.parts.set(partNumber, { partNumber, body: Uint8Array.from(body), eTag, lastModified: call.now });
  return respondXml(
    call,
    xmlDocument('CopyPartResult', `${el('ETag', `"${eTag}"`)}${el('LastModified', xmlDate(call.now))}`),
    {
      'x-amz-copy-source-version-id': versionHeader(sourceBucket, original),
      'x-amz-server-side-encryption': 'AES256',
    },
  );
}
