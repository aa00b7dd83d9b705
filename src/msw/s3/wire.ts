/**
 * The S3 msw handler: matches a request to a host, routes it to its operation and answers every
 * failure with S3's XML error response.
 */
import { http, type HttpHandler } from 'msw';
import { AwsServiceError, internalFailure } from '../_internals/awsError.js';
import { S3Error, errorResponse, type S3RequestIds } from './errors.js';
import type { S3Route } from './hosts.js';
import type { S3Call } from './http.js';
import { assertNotExpired, isPresigned, withHoistedHeaders } from './presign.js';
import { notImplemented, resolve } from './router.js';
import type { S3State } from './state.js';

/** S3's limit on the request's header section. */
const MAX_HEADER_BYTES = 8192;

/** The handler serving the hosts of `state`. */
export function createS3Handler(state: S3State): HttpHandler {
  // The predicate and the resolver see the same Request: route it once.
  const routes = new WeakMap<Request, S3Route>();
  return http.all(
    ({ request }) => {
      const route = state.hosts.match(request);
      if (route === undefined) return false;
      routes.set(request, route);
      return true;
    },
    async ({ request }) => {
      const ids = state.runtime.requestIds();
      try {
        const route = routes.get(request) ?? state.hosts.match(request);
        if (route === undefined) return undefined;
        return await serve(state, request, route, ids);
      } catch (error) {
        // Never throw inside msw: every failure becomes an S3-shaped error response.
        return errorResponse(asS3Error(error), ids, request.method.toUpperCase());
      }
    },
  );
}

/** Runs the operation `route` names (presigned URLs checked and their headers hoisted first). */
async function serve(state: S3State, request: Request, route: S3Route, ids: S3RequestIds): Promise<Response> {
  assertHeaderSection(request.headers);
  const now = state.context.clock.now();
  const presigned = isPresigned(route.url.searchParams);
  if (presigned) assertNotExpired(route.url.searchParams, now.getTime());
  const served = presigned ? withHoistedHeaders(request, route.url.searchParams) : request;
  const call: S3Call = {
    request: served,
    route,
    method: request.method.toUpperCase(),
    query: route.url.searchParams,
    ids,
    now,
  };
  if (route.invalidUri)
    throw new S3Error('InvalidURI', 400, "Couldn't parse the specified URI.", { URI: route.url.pathname });
  const operation = resolve(call);
  if (operation.run === undefined) throw notImplemented(operation.name);
  return await operation.run(state.runtime, call);
}

/**
 * `RequestHeaderSectionTooLarge` for a header section over 8 KB (an `x-amz-tagging` of thousands
 * of pairs, huge metadata), counted as `name: value\r\n` lines.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
 */
function assertHeaderSection(headers: Headers): void {
  let bytes = 0;
  for (const [name, value] of headers) bytes += Buffer.byteLength(name) + Buffer.byteLength(value) + 4;
  if (bytes > MAX_HEADER_BYTES) {
    throw new S3Error(
      'RequestHeaderSectionTooLarge',
      400,
      'Your request header section exceeds the maximum allowed size.',
      { MaxSizeAllowed: String(MAX_HEADER_BYTES) },
    );
  }
}

/** Any failure as an S3 error: AWS errors keep their code and status, the unexpected is InternalError. */
function asS3Error(error: unknown): S3Error {
  if (error instanceof S3Error) return error;
  if (error instanceof AwsServiceError) return new S3Error(error.code, error.status, error.message);
  const failure = internalFailure(error);
  return new S3Error(failure.code, failure.status, failure.message);
}
