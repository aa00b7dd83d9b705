/** HTTP conditional requests on objects (`If-Match`, `If-None-Match`, `If-(Un)Modified-Since`). */
import { S3Error } from '../errors.js';

function etagList(header: string): string[] {
  return header.split(',').map((part) =>
    part
      .trim()
      .replace(/^W\//, '')
      .replace(/^"(.*)"$/, '$1'),
  );
}

/** Whether an `If-Match`-style header matches `eTag` (`*` matches any existing object). */
export function etagMatches(header: string, eTag: string): boolean {
  const list = etagList(header);
  return list.includes('*') || list.includes(eTag);
}

const preconditionFailed = (condition: string): S3Error =>
  new S3Error('PreconditionFailed', 412, 'At least one of the pre-conditions you specified did not hold', {
    Condition: condition,
  });

function parseDate(text: string | null): number | undefined {
  if (text === null) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * Evaluates read preconditions in the order RFC 9110 gives (S3 follows it): 412 as an S3Error,
 * `'not-modified'` for a 304, or undefined to serve the object. HTTP dates have whole seconds,
 * so modification times are compared at second precision.
 */
export function checkReadConditions(
  headers: Headers,
  eTag: string,
  lastModified: Date,
  names = {
    match: 'if-match',
    noneMatch: 'if-none-match',
    modified: 'if-modified-since',
    unmodified: 'if-unmodified-since',
  },
): 'not-modified' | undefined {
  const modifiedSecond = Math.floor(lastModified.getTime() / 1000) * 1000;
  const ifMatch = headers.get(names.match);
  if (ifMatch !== null) {
    if (!etagMatches(ifMatch, eTag)) throw preconditionFailed('If-Match');
  } else {
    const since = parseDate(headers.get(names.unmodified));
    if (since !== undefined && modifiedSecond > since) throw preconditionFailed('If-Unmodified-Since');
  }
  const ifNoneMatch = headers.get(names.noneMatch);
  if (ifNoneMatch !== null) {
    if (etagMatches(ifNoneMatch, eTag)) return 'not-modified';
  } else {
    const since = parseDate(headers.get(names.modified));
    if (since !== undefined && modifiedSecond <= since) return 'not-modified';
  }
  return undefined;
}

/**
 * Conditional writes (`If-None-Match: *`, `If-Match: <etag>` on PutObject and
 * CompleteMultipartUpload): 412 when the condition fails, `NoSuchKey` for `If-Match` on a
 * missing key, as S3 answers.
 */
export function checkWriteConditions(headers: Headers, current: { eTag: string } | undefined, key: string): void {
  const ifNoneMatch = headers.get('if-none-match');
  if (ifNoneMatch !== null) {
    if (ifNoneMatch.trim() !== '*') {
      throw new S3Error('NotImplemented', 501, 'A header you provided implies functionality that is not implemented', {
        Header: 'If-None-Match',
        additionalMessage: "We don't accept the provided value of If-None-Match header for this API",
      });
    }
    if (current !== undefined) throw preconditionFailed('If-None-Match');
  }
  const ifMatch = headers.get('if-match');
  if (ifMatch !== null) {
    if (current === undefined) throw new S3Error('NoSuchKey', 404, 'The specified key does not exist.', { Key: key });
    if (!etagMatches(ifMatch, current.eTag)) throw preconditionFailed('If-Match');
  }
}
