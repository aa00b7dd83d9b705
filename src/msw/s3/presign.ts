/**
 * Presigned (query-string authenticated) requests: what `@aws-sdk/s3-request-presigner` makes.
 * Expiry is checked on the mocks' virtual clock, with the `AccessDenied` "Request has expired"
 * answer S3 gives; the `x-amz-*` headers the presigner hoists into the query (`x-amz-tagging`,
 * `x-amz-meta-*`, checksums …) count as the request's headers, as S3 reads them. Signatures are
 * not checked (no mock checks SigV4).
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html
 */
import { S3Error } from './errors.js';

/** The query parameters of SigV4 query authentication (never request headers). */
const AUTH_PARAMETERS = new Set([
  'x-amz-algorithm',
  'x-amz-credential',
  'x-amz-date',
  'x-amz-expires',
  'x-amz-signedheaders',
  'x-amz-signature',
  'x-amz-security-token',
]);
/** "X-Amz-Expires … Minimum value of 1. Maximum value of 604800 (seven days)." */
const MAX_EXPIRES_SECONDS = 604_800;

/** `2026-01-15T12:30:45Z`: the second-precision UTC time S3 prints in this error. */
function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** `20260115T123045Z` → epoch ms, or undefined. */
function parseAmzDate(value: string): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (match === null) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

/** The parameters of SigV4 query authentication: any one makes the request presigned, and then all are required. */
const SIGV4_PARAMETERS = [
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Signature',
  'X-Amz-Date',
  'X-Amz-SignedHeaders',
  'X-Amz-Expires',
];

/** Whether a request authenticates with query parameters (a presigned URL). */
export function isPresigned(query: URLSearchParams): boolean {
  return SIGV4_PARAMETERS.some((name) => query.has(name));
}

/**
 * Checks a presigned request's `X-Amz-Date` and `X-Amz-Expires` against the virtual time `nowMs`:
 * past expiry is S3's 403 `AccessDenied` "Request has expired" with its `X-Amz-Expires`,
 * `Expires` and `ServerTime` elements.
 */
export function assertNotExpired(query: URLSearchParams, nowMs: number): void {
  // Both answers as localstack recorded them against S3 (test_s3.py snapshots).
  if (!SIGV4_PARAMETERS.every((name) => query.has(name))) {
    throw new S3Error(
      'AuthorizationQueryParametersError',
      400,
      'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
    );
  }
  if ((query.get('X-Amz-Credential') as string).split('/').length !== 5) {
    throw new S3Error(
      'AuthorizationQueryParametersError',
      400,
      'Error parsing the X-Amz-Credential parameter; the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".',
    );
  }
  const expiresText = query.get('X-Amz-Expires') as string;
  const dateText = query.get('X-Amz-Date') as string;
  const expires = /^\d+$/.test(expiresText) ? Number(expiresText) : Number.NaN;
  if (Number.isNaN(expires))
    throw new S3Error('AuthorizationQueryParametersError', 400, 'X-Amz-Expires should be a number');
  if (expires > MAX_EXPIRES_SECONDS)
    throw new S3Error(
      'AuthorizationQueryParametersError',
      400,
      `X-Amz-Expires must be less than a week (in seconds) that is ${MAX_EXPIRES_SECONDS}`,
    );
  const signedMs = parseAmzDate(dateText);
  if (signedMs === undefined) {
    throw new S3Error(
      'AuthorizationQueryParametersError',
      400,
      "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"",
    );
  }
  const expiresMs = signedMs + expires * 1000;
  if (nowMs > expiresMs) {
    throw new S3Error('AccessDenied', 403, 'Request has expired', {
      'X-Amz-Expires': expiresText,
      Expires: isoSeconds(expiresMs),
      ServerTime: isoSeconds(nowMs),
    });
  }
}

/**
 * The request with the `x-amz-*` parameters the presigner hoisted into the query restored as
 * headers (a header actually sent wins), so operations read them as they read any header.
 */
export function withHoistedHeaders(request: Request, query: URLSearchParams): Request {
  const hoisted: [string, string][] = [];
  for (const [name, value] of query) {
    const lower = name.toLowerCase();
    if (lower.startsWith('x-amz-') && !AUTH_PARAMETERS.has(lower) && !request.headers.has(lower))
      hoisted.push([lower, value]);
  }
  if (hoisted.length === 0) return request;
  const headers = new Headers(request.headers);
  for (const [name, value] of hoisted) headers.set(name, value);
  const init: RequestInit & { duplex?: 'half' } = { method: request.method, headers };
  if (request.body !== null) {
    init.body = request.body;
    init.duplex = 'half';
  }
  return new Request(request.url, init);
}
