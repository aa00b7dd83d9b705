/**
 * GetObjectAttributes: the attributes `x-amz-object-attributes` asks for (ETag, Checksum,
 * ObjectParts, StorageClass, ObjectSize) without the body.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObjectAttributes.html
 */
import { S3Error, invalidArgument } from '../errors.js';
import { type S3Call, httpDate, respondXml } from '../http.js';
import type { S3Runtime } from '../runtime.js';
import { el, xmlDocument } from '../xml.js';
import { checkReadConditions } from './conditions.js';
import { versionHeader } from './objectHeaders.js';
import { addressed, target } from './objects.js';

const ATTRIBUTES = new Set(['ETag', 'Checksum', 'ObjectParts', 'StorageClass', 'ObjectSize']);

/** GetObjectAttributes. */
export function getObjectAttributes(runtime: S3Runtime, call: S3Call): Response {
  const { bucket, key } = target(runtime, call);
  const requested = (call.request.headers.get('x-amz-object-attributes') ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (requested.length === 0)
    throw new S3Error(
      'InvalidRequest',
      400,
      'The x-amz-object-attributes header specifying the attributes to be retrieved is either missing or empty',
    );
  for (const name of requested)
    if (!ATTRIBUTES.has(name))
      throw invalidArgument('Invalid attribute name specified.', 'x-amz-object-attributes', name);
  const version = addressed(runtime, bucket, key, call.query.get('versionId'), 'GET');
  if (checkReadConditions(call.request.headers, version.eTag, version.lastModified) === 'not-modified') {
    throw new S3Error('NotModified', 304, 'Not Modified');
  }
  const wants = new Set(requested);
  let body = '';
  // Unlike GetObject's header, the ETag element carries no quotes.
  if (wants.has('ETag')) body += el('ETag', version.eTag);
  if (wants.has('Checksum') && version.checksum !== undefined) {
    body += `<Checksum>${el(`Checksum${version.checksum.algorithm}`, version.checksum.value)}${el('ChecksumType', 'FULL_OBJECT')}</Checksum>`;
  }
  // The SDK's TotalPartsCount is the element PartsCount on the wire.
  if (wants.has('ObjectParts') && version.partsCount !== undefined)
    body += `<ObjectParts>${el('PartsCount', version.partsCount)}</ObjectParts>`;
  if (wants.has('StorageClass')) body += el('StorageClass', version.storageClass);
  if (wants.has('ObjectSize')) body += el('ObjectSize', version.body.length);
  return respondXml(call, xmlDocument('GetObjectAttributesResponse', body), {
    'last-modified': httpDate(version.lastModified),
    'x-amz-version-id': versionHeader(bucket, version),
  });
}
