/**
 * Which requests are S3's, and where the bucket and key are in them.
 *
 * AWS hosts are recognised by name: `s3.amazonaws.com`, `s3.<region>.amazonaws.com`,
 * `s3-<region>` (legacy), `s3.dualstack.<region>`, `s3-fips.<region>`, `.amazonaws.com.cn`,
 * each path-style or with the bucket in front (virtual-hosted). S3 Control, access points and
 * other `s3-*` services are not S3 and do not match.
 *
 * Custom endpoints (`http://localhost:4566`, `http://127.0.0.1:9000`) must be registered: the
 * SDK sends them path-style (`forcePathStyle`, or an IP) or virtual-hosted
 * (`http://<bucket>.localhost:4566`). Such an endpoint is often shared by every service
 * (LocalStack style), so a request to it is S3's only when its SigV4 scope names `s3` (or it is
 * unsigned); SQS or DynamoDB calls to the same origin fall through to their own handlers.
 */

import { endpointOrigin } from '../_internals/hosts.js';

/** Where an S3 request points. */
export interface S3Route {
  /** The bucket, or undefined for service-level requests (ListBuckets). */
  readonly bucket: string | undefined;
  /** The decoded key, or undefined for bucket-level requests. */
  readonly key: string | undefined;
  /** The region in the host or the SigV4 scope, when there is one. */
  readonly region: string | undefined;
  /** The parsed request URL. */
  readonly url: URL;
  /** Set when the path is not valid percent-encoding: the request gets `InvalidURI`. */
  readonly invalidUri?: true;
}

const REGION = '[a-z]{2}(?:-[a-z]+)+-\\d{1,2}';
const AWS_HOST = new RegExp(
  `^(?:(.+)\\.)?s3(?:-fips)?(?:\\.dualstack)?(?:[.-](${REGION}))?\\.amazonaws\\.com(?:\\.cn)?$`,
);
const SCOPE = /Credential=[^/,\s]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/;

interface Endpoint {
  readonly protocol: string;
  readonly hostname: string;
  readonly port: string;
}

/** The SigV4 scope (region, service) of a request, from `Authorization` or a presigned URL. */
function signingScope(request: Request, url: URL): { region: string; service: string } | undefined {
  const authorization = request.headers.get('authorization');
  const credential =
    authorization ??
    (url.searchParams.has('X-Amz-Credential') ? `Credential=${url.searchParams.get('X-Amz-Credential')}` : null);
  if (credential === null) return undefined;
  const match = SCOPE.exec(credential);
  return match ? { region: match[1] as string, service: match[2] as string } : undefined;
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function route(url: URL, bucket: string | undefined, region: string | undefined): S3Route {
  // The raw (still encoded) path: decoding it whole would turn an encoded '/' into a separator.
  const path = url.pathname;
  let rawBucket: string | undefined;
  let rawKey: string;
  if (bucket !== undefined) {
    rawKey = path.slice(1);
  } else {
    const slash = path.indexOf('/', 1);
    rawBucket = slash < 0 ? path.slice(1) : path.slice(1, slash);
    rawKey = slash < 0 ? '' : path.slice(slash + 1);
  }
  const decodedBucket = bucket ?? (rawBucket === '' || rawBucket === undefined ? undefined : decode(rawBucket));
  const decodedKey = rawKey === '' ? undefined : decode(rawKey);
  const invalid =
    (rawBucket !== undefined && rawBucket !== '' && decodedBucket === undefined) ||
    (rawKey !== '' && decodedKey === undefined);
  const base = { bucket: decodedBucket, key: decodedKey, region, url };
  return invalid ? { ...base, invalidUri: true } : base;
}

/** Recognises S3 requests: AWS hosts always, custom endpoints once registered. */
export class S3Hosts {
  readonly #endpoints: Endpoint[] = [];

  /**
   * Registers a custom endpoint (`http://localhost:4566`). Only its origin counts: a path in the
   * URL is ignored, as the SDK puts the bucket in front of it anyway. Throws `EventInputError`
   * (naming `api`) when it is not an http(s) URL.
   */
  add(endpoint: string, api = 's3.addEndpoint'): void {
    const url = new URL(endpointOrigin(api, 'endpoint', endpoint));
    const entry = { protocol: url.protocol, hostname: url.hostname.toLowerCase(), port: url.port };
    if (
      !this.#endpoints.some(
        (e) => e.protocol === entry.protocol && e.hostname === entry.hostname && e.port === entry.port,
      )
    )
      this.#endpoints.push(entry);
  }

  /** The registered custom endpoints, as origins. */
  list(): string[] {
    return this.#endpoints.map((e) => `${e.protocol}//${e.hostname}${e.port === '' ? '' : `:${e.port}`}`);
  }

  /** Where `request` points, or undefined when it is not an S3 request this mock serves. */
  match(request: Request): S3Route | undefined {
    const url = new URL(request.url);
    const hostname = url.hostname.toLowerCase();
    if (hostname.endsWith('.amazonaws.com') || hostname.endsWith('.amazonaws.com.cn')) {
      const aws = AWS_HOST.exec(hostname);
      if (!aws) return undefined;
      return route(url, aws[1], aws[2] ?? signingScope(request, url)?.region);
    }
    for (const endpoint of this.#endpoints) {
      if (endpoint.protocol !== url.protocol || endpoint.port !== url.port) continue;
      let bucket: string | undefined;
      if (hostname === endpoint.hostname) bucket = undefined;
      else if (hostname.endsWith(`.${endpoint.hostname}`)) bucket = hostname.slice(0, -endpoint.hostname.length - 1);
      else continue;
      const scope = signingScope(request, url);
      if (scope !== undefined && scope.service !== 's3') return undefined;
      return route(url, bucket, scope?.region);
    }
    return undefined;
  }
}
