/**
 * Object tagging: the `x-amz-tagging` header of writes, Put/Get/DeleteObjectTagging and their
 * `ObjectTagging:Put` / `ObjectTagging:Delete` notifications, with S3's limits and answers.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-tagging.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObjectTagging.html
 */
import { readXml } from '../body.js';
import { S3Error, invalidArgument, malformedXml } from '../errors.js';
import { type S3Call, respond, respondXml } from '../http.js';
import type { S3Runtime } from '../runtime.js';
import type { Bucket, ObjectVersion, S3Tag } from '../store.js';
import { assertRoot, el, elements, unescapeXml, xmlDocument } from '../xml.js';
import { addressed, target } from './objects.js';
import { versionHeader } from './objectHeaders.js';

/** "You can associate up to 10 tags with an object." */
const S3_MAX_OBJECT_TAGS = 10;
/** Tag keys: 1–128 characters; values: 0–256 (S3 counts UTF-16 code units). */
const MAX_KEY = 128;
const MAX_VALUE = 256;
// "Unicode letters or numbers, white space, and the following symbols: _ . : / = + - @" (the pattern IAM prints for tags).
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

const HEADER_MESSAGE =
  "The header 'x-amz-tagging' shall be encoded as UTF-8 then URLEncoded URL query parameters without tag name duplicates.";

/**
 * Checks a tag set as S3 does: the count (`BadRequest`), then each tag's key and value
 * (`InvalidTag` naming the tag), duplicates and the reserved `aws:` prefix.
 */
function assertTags(tags: readonly S3Tag[]): void {
  if (tags.length > S3_MAX_OBJECT_TAGS)
    throw new S3Error('BadRequest', 400, `Object tags cannot be greater than ${S3_MAX_OBJECT_TAGS}`);
  const seen = new Set<string>();
  for (const { key, value } of tags) {
    if (key.length === 0 || key.length > MAX_KEY || !TAG_TEXT.test(key))
      throw new S3Error('InvalidTag', 400, 'The TagKey you have provided is invalid', { TagKey: key });
    if (value.length > MAX_VALUE || !TAG_TEXT.test(value))
      throw new S3Error('InvalidTag', 400, 'The TagValue you have provided is invalid', {
        TagKey: key,
        TagValue: value,
      });
    // Recorded against S3 (localstack's test_tagging_validation snapshot, 2026): objects word it so, buckets otherwise.
    if (key.toLowerCase().startsWith('aws:'))
      throw new S3Error('InvalidTag', 400, 'Your TagKey cannot be prefixed with aws:', { TagKey: key });
    if (seen.has(key))
      throw new S3Error('InvalidTag', 400, 'Cannot provide multiple Tags with the same key', { TagKey: key });
    seen.add(key);
  }
}

/** Decodes one form-encoded component (`+` is a space), or undefined when it is not UTF-8. */
function formDecode(component: string): string | undefined {
  try {
    return decodeURIComponent(component.replaceAll('+', ' '));
  } catch {
    return undefined;
  }
}

/**
 * The tags of an `x-amz-tagging` header (`a=1&b=2`, URL-encoded; `a` alone has the empty value),
 * or undefined without the header. A header that is not such a query is S3's `InvalidArgument`.
 */
export function tagsOfHeader(headers: Headers): S3Tag[] | undefined {
  const header = headers.get('x-amz-tagging');
  if (header === null) return undefined;
  const bad = (): S3Error => invalidArgument(HEADER_MESSAGE, 'x-amz-tagging', header);
  const tags: S3Tag[] = [];
  const seen = new Set<string>();
  for (const pair of header.split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    // A pair with a second raw '=' is no query pair to S3 (`key1=val1,key2=val2` is recorded as InvalidArgument).
    if (at >= 0 && pair.indexOf('=', at + 1) >= 0) throw bad();
    const key = formDecode(at < 0 ? pair : pair.slice(0, at));
    const value = at < 0 ? '' : formDecode(pair.slice(at + 1));
    if (key === undefined || value === undefined || key === '' || seen.has(key)) throw bad();
    seen.add(key);
    tags.push({ key, value });
  }
  assertTags(tags);
  return tags;
}

/** The `x-amz-tagging-count` header of a version (none when it has no tags). */
export function tagCountHeader(version: ObjectVersion): Record<string, string | undefined> {
  return {
    'x-amz-tagging-count':
      version.tags === undefined || version.tags.length === 0 ? undefined : String(version.tags.length),
  };
}

/** Reads a `<Tagging><TagSet><Tag><Key/><Value/></Tag>…</TagSet></Tagging>` document. */
async function readTagging(call: S3Call): Promise<S3Tag[]> {
  const { xml } = await readXml(call.request);
  if (xml.trim() === '') throw new S3Error('MissingRequestBodyError', 400, 'Request Body is empty');
  try {
    assertRoot(xml, 'Tagging');
  } catch {
    throw malformedXml();
  }
  if (elements(xml, 'TagSet').length !== 1) throw malformedXml();
  const tags = elements(xml, 'Tag').map((tag) => {
    const key = elements(tag, 'Key')[0];
    const value = elements(tag, 'Value')[0];
    if (key === undefined || value === undefined) throw malformedXml();
    return { key: unescapeXml(key), value: unescapeXml(value) };
  });
  assertTags(tags);
  return tags;
}

/** The version a tagging call addresses (`versionId`, else the current one) with its bucket. */
function taggedVersion(runtime: S3Runtime, call: S3Call): { bucket: Bucket; key: string; version: ObjectVersion } {
  const { bucket, key } = target(runtime, call);
  return { bucket, key, version: addressed(runtime, bucket, key, call.query.get('versionId'), call.method) };
}

/** Replaces the version's tags and sends the tagging notification. */
function retag(
  runtime: S3Runtime,
  call: S3Call,
  bucket: Bucket,
  version: ObjectVersion,
  tags: readonly S3Tag[],
  eventName: 'ObjectTagging:Put' | 'ObjectTagging:Delete',
): void {
  const { tags: _old, ...rest } = version;
  runtime.store.replace(bucket, version, tags.length === 0 ? rest : { ...rest, tags });
  const versionId = versionHeader(bucket, version);
  runtime.notify(
    bucket,
    {
      eventName,
      key: version.key,
      eTag: version.eTag,
      ...(versionId === undefined || versionId === 'null' ? {} : { versionId }),
    },
    call.ids,
    call.now,
  );
}

/** PutObjectTagging: replaces the tag set (an empty set removes it); notifies `ObjectTagging:Put`. */
export async function putObjectTagging(runtime: S3Runtime, call: S3Call): Promise<Response> {
  const { bucket, version } = taggedVersion(runtime, call);
  const tags = await readTagging(call);
  retag(runtime, call, bucket, version, tags, 'ObjectTagging:Put');
  return respond(call, 200, null, { 'x-amz-version-id': versionHeader(bucket, version) });
}

/** GetObjectTagging: the tag set (empty when there is none). */
export function getObjectTagging(runtime: S3Runtime, call: S3Call): Response {
  const { bucket, version } = taggedVersion(runtime, call);
  const tags = (version.tags ?? []).map((tag) => `<Tag>${el('Key', tag.key)}${el('Value', tag.value)}</Tag>`).join('');
  return respondXml(call, xmlDocument('Tagging', `<TagSet>${tags}</TagSet>`), {
    'x-amz-version-id': versionHeader(bucket, version),
  });
}

/** DeleteObjectTagging: removes the tag set; notifies `ObjectTagging:Delete`. */
export function deleteObjectTagging(runtime: S3Runtime, call: S3Call): Response {
  const { bucket, version } = taggedVersion(runtime, call);
  retag(runtime, call, bucket, version, [], 'ObjectTagging:Delete');
  return respond(call, 204, null, { 'x-amz-version-id': versionHeader(bucket, version) });
}

/** The tag set a write stores: the header's, when it has one. */
export function tagsField(tags: readonly S3Tag[] | undefined): { tags?: readonly S3Tag[] } {
  return tags === undefined || tags.length === 0 ? {} : { tags };
}
