/** DeleteObjects: up to 1,000 keys per request, each deleted (and notified) on its own. */
import { readXml } from '../body.js';
import { S3Error, invalidRequest, malformedXml } from '../errors.js';
import { type S3Call, respondXml } from '../http.js';
import type { S3Runtime } from '../runtime.js';
import { assertRoot, el, elements, text, unescapeXml, xmlDocument } from '../xml.js';
import { checkKey, deleteOne } from './objects.js';

/** The most keys one DeleteObjects request may name. */
const MAX_KEYS = 1000;

/** DeleteObjects, with S3's rule that the body carries Content-MD5 or a flexible checksum. */
export async function deleteObjects(runtime: S3Runtime, call: S3Call): Promise<Response> {
  const bucket = runtime.store.bucket(call.route.bucket as string);
  const headers = call.request.headers;
  let hasDigest = headers.has('content-md5') || headers.has('x-amz-trailer');
  for (const [name] of headers)
    if (name.startsWith('x-amz-checksum-') && name !== 'x-amz-checksum-algorithm') hasDigest = true;
  if (!hasDigest) throw invalidRequest('Missing required header for this request: Content-MD5 OR x-amz-checksum-*');
  const { xml } = await readXml(call.request);
  try {
    assertRoot(xml, 'Delete');
  } catch {
    throw malformedXml();
  }
  const objects = elements(xml, 'Object');
  if (objects.length === 0 || objects.length > MAX_KEYS) throw malformedXml();
  const quiet = text(xml, 'Quiet') === 'true';
  let results = '';
  for (const object of objects) {
    const rawKey = elements(object, 'Key')[0];
    if (rawKey === undefined) throw malformedXml();
    const key = unescapeXml(rawKey);
    const versionId = text(object, 'VersionId');
    try {
      checkKey(key);
      const outcome = deleteOne(runtime, call, bucket, key, versionId);
      if (quiet) continue;
      const marker = outcome.deleteMarker
        ? `${el('DeleteMarker', true)}${versionId === undefined ? el('DeleteMarkerVersionId', outcome.versionId) : ''}`
        : '';
      results += `<Deleted>${el('Key', key)}${versionId === undefined ? '' : el('VersionId', versionId)}${marker}</Deleted>`;
    } catch (error) {
      if (!(error instanceof S3Error)) throw error;
      results += `<Error>${el('Key', key)}${versionId === undefined ? '' : el('VersionId', versionId)}${el('Code', error.code)}${el('Message', error.message)}</Error>`;
    }
  }
  return respondXml(call, xmlDocument('DeleteResult', results));
}
