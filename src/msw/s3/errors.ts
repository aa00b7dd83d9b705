/** S3's XML errors: what a failed operation throws inside the mock, and how it goes on the wire. */
import { el, escapeXml } from './xml.js';

/**
 * An S3 error response: the `Code` the SDK turns into an error class (`NoSuchKey`,
 * `NoSuchBucket` …), its HTTP status and message, and the extra elements S3 adds
 * (`Key`, `BucketName`, `UploadId` …).
 */
export class S3Error extends Error {
  override readonly name = 'S3Error';
  /** S3's error code, e.g. `NoSuchKey`. */
  readonly code: string;
  /** The HTTP status S3 answers with. */
  readonly status: number;
  /** Extra elements of the `<Error>` document, in order. */
  readonly extra: Readonly<Record<string, string>>;
  /** Extra response headers (e.g. `x-amz-delete-marker` on a 404 for a delete marker). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    code: string,
    status: number,
    message: string,
    extra: Record<string, string> = {},
    headers: Record<string, string> = {},
  ) {
    super(message);
    this.code = code;
    this.status = status;
    this.extra = extra;
    this.headers = headers;
  }
}

/** `NoSuchBucket` (404). */
export const noSuchBucket = (bucket: string): S3Error =>
  new S3Error('NoSuchBucket', 404, 'The specified bucket does not exist', { BucketName: bucket });

/** `NoSuchKey` (404). */
export const noSuchKey = (key: string, headers: Record<string, string> = {}): S3Error =>
  new S3Error('NoSuchKey', 404, 'The specified key does not exist.', { Key: key }, headers);

/** `InvalidArgument` (400) naming the argument, as S3 does. */
export const invalidArgument = (message: string, name: string, value: string): S3Error =>
  new S3Error('InvalidArgument', 400, message, { ArgumentName: name, ArgumentValue: value });

/** `InvalidRequest` (400). */
export const invalidRequest = (message: string): S3Error => new S3Error('InvalidRequest', 400, message);

/** `MalformedXML` (400): S3's one answer to a request document it cannot read. */
export const malformedXml = (): S3Error =>
  new S3Error(
    'MalformedXML',
    400,
    'The XML you provided was not well-formed or did not validate against our published schema',
  );

/** The ids S3 stamps on every response. */
export interface S3RequestIds {
  /** `x-amz-request-id`. */
  readonly requestId: string;
  /** `x-amz-id-2` (the "host id"). */
  readonly hostId: string;
}

/**
 * The HTTP response of an S3 error. HEAD responses carry no body (the SDK then names the error
 * after the status: `NotFound`, `Forbidden` …), exactly as S3 behaves.
 */
export function errorResponse(error: S3Error, ids: S3RequestIds, method: string): Response {
  const headers = new Headers({ 'x-amz-request-id': ids.requestId, 'x-amz-id-2': ids.hostId, ...error.headers });
  if (method === 'HEAD') return new Response(null, { status: error.status, headers });
  let extra = '';
  for (const [name, value] of Object.entries(error.extra)) extra += el(name, value);
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message>${extra}${el('RequestId', ids.requestId)}${el('HostId', ids.hostId)}</Error>`;
  headers.set('content-type', 'application/xml');
  return new Response(body, { status: error.status, headers });
}
