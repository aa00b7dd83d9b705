/**
 * The AWS JSON-RPC protocols (awsJson1_0 for SQS, awsJson1_1 for EventBridge) as msw handlers:
 * `POST /` with `x-amz-target: <Prefix>.<Operation>` and a JSON body; answers are JSON with the
 * same content type and an `x-amzn-requestid`; errors are `{"__type","message"}` with a 4xx/5xx.
 * The handler never throws into msw: every failure becomes an AWS-shaped response.
 */
import { http, type HttpHandler } from 'msw';
import { utf8Length } from '../../_internals/limits.js';
import { AwsServiceError, internalFailure, unknownOperation } from './awsError.js';
import { serializationError, type JsonObject } from './input.js';
import { credentialScope } from './request.js';

/** What an operation knows about its request. */
export interface JsonRequestInfo {
  /** The request URL. */
  readonly url: URL;
  /** The SigV4 signing region, or undefined when the request is unsigned. */
  readonly region: string | undefined;
}

/** One operation: input JSON in, output JSON out (or throws {@link AwsServiceError}). */
export type JsonOperation = (input: JsonObject, info: JsonRequestInfo) => unknown;

/** A JSON-RPC service. */
export interface JsonServiceSpec {
  /** Human name for messages (`SQS`). */
  service: string;
  /** The `x-amz-target` prefix (`AmazonSQS`). */
  targetPrefix: string;
  /** `application/x-amz-json-1.0` or `-1.1`. */
  contentType: string;
  /** Operations by name. */
  operations: Readonly<Record<string, JsonOperation>>;
  /** The request URLs the mocks own. */
  isAwsUrl(url: URL): boolean;
  /** A new request id per response. */
  requestId(): string;
  /** Largest request body accepted, in bytes; larger bodies get `tooLarge()`. */
  maxBodyBytes?: number;
  /** The error for a body over `maxBodyBytes`. */
  tooLarge?(bytes: number): AwsServiceError;
}

/** A JSON response with AWS's headers (no `Date`: the SDK would skew its clock from it). */
function jsonResponse(
  status: number,
  body: unknown,
  contentType: string,
  requestId: string,
  extra?: Readonly<Record<string, string>>,
): Response {
  const headers: Record<string, string> = { 'content-type': contentType, 'x-amzn-requestid': requestId };
  if (extra !== undefined) Object.assign(headers, extra);
  return new Response(JSON.stringify(body), { status, headers });
}

/** The JSON error response of `error`. */
export function jsonErrorResponse(error: AwsServiceError, contentType: string, requestId: string): Response {
  return jsonResponse(
    error.status,
    { __type: error.type, message: error.message, ...error.fields },
    contentType,
    requestId,
    error.headers,
  );
}

/** A JSON-RPC answer before it becomes a `Response`. */
export interface JsonRpcAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** What a JSON-RPC request brings: its operation (after the target prefix), body text, URL and SigV4 region. */
export interface JsonRpcCall {
  readonly operation: string;
  readonly text: string;
  readonly url: URL;
  readonly region: string | undefined;
}

function answer(
  status: number,
  body: unknown,
  contentType: string,
  requestId: string,
  extra?: Readonly<Record<string, string>>,
): JsonRpcAnswer {
  const headers: Record<string, string> = { 'content-type': contentType, 'x-amzn-requestid': requestId };
  if (extra !== undefined) Object.assign(headers, extra);
  return { status, headers, body: JSON.stringify(body) };
}

/**
 * The protocol of one JSON-RPC service without msw: a call in, an answer out (never throws).
 * The msw handler and in-process transports share it.
 */
export function createJsonRpcDispatcher(spec: JsonServiceSpec): (call: JsonRpcCall) => Promise<JsonRpcAnswer> {
  const operations = new Map(Object.entries(spec.operations));
  return async ({ operation, text, url, region }) => {
    const requestId = spec.requestId();
    try {
      if (spec.maxBodyBytes !== undefined && spec.tooLarge !== undefined && text.length * 3 > spec.maxBodyBytes) {
        // UTF-8 takes at most 3 bytes per UTF-16 unit: count bytes only when the limit is reachable.
        const bytes = utf8Length(text);
        if (bytes > spec.maxBodyBytes) throw spec.tooLarge(bytes);
      }
      let input: unknown;
      try {
        input = text === '' ? {} : JSON.parse(text);
      } catch {
        throw serializationError(
          'Start of structure or map found where not expected: the request body is not valid JSON',
        );
      }
      if (input === null || typeof input !== 'object' || Array.isArray(input)) {
        throw serializationError('The request body must be a JSON object (structure)');
      }
      const run = operations.get(operation);
      if (run === undefined) throw unknownOperation(spec.service, operation);
      const output = await run(input as JsonObject, { url, region });
      return answer(200, output ?? {}, spec.contentType, requestId);
    } catch (error) {
      const e = error instanceof AwsServiceError ? error : internalFailure(error);
      return answer(
        e.status,
        { __type: e.type, message: e.message, ...e.fields },
        spec.contentType,
        requestId,
        e.headers,
      );
    }
  };
}

/** The msw handler of one JSON-RPC service. */
export function createJsonRpcHandler(spec: JsonServiceSpec): HttpHandler {
  const prefix = `${spec.targetPrefix}.`;
  const dispatch = createJsonRpcDispatcher(spec);
  return http.post(
    ({ request }) => {
      const target = request.headers.get('x-amz-target');
      return target !== null && target.startsWith(prefix) && spec.isAwsUrl(new URL(request.url));
    },
    async ({ request }) => {
      const operation = (request.headers.get('x-amz-target') as string).slice(prefix.length);
      const out = await dispatch({
        operation,
        text: await request.text(),
        url: new URL(request.url),
        region: credentialScope(request)?.region,
      });
      return new Response(out.body, { status: out.status, headers: out.headers });
    },
  );
}
