/**
 * Lambda's REST-JSON protocol as one msw handler: `/2015-03-31/functions/{FunctionName}/invocations`
 * (Invoke, with `X-Amz-Invocation-Type`, `X-Amz-Log-Type`, `X-Amz-Client-Context` in and
 * `X-Amz-Function-Error`, `X-Amz-Log-Result`, `X-Amz-Executed-Version` out),
 * `/2015-03-31/functions[/{FunctionName}]` (GetFunction, ListFunctions) and
 * `/2015-03-31/event-source-mappings[/{UUID}]`. Any other Lambda operation is an
 * `UnknownOperationException` naming it.
 * @see https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
 */
import { http, type HttpHandler } from 'msw';
import { AwsServiceError, internalFailure, unknownOperation } from '../_internals/awsError.js';
import type { JsonObject } from '../_internals/input.js';
import { credentialScope } from '../_internals/request.js';
import { lambdaError, lambdaErrorResponse } from './errors.js';
import { logTail } from './logs.js';
import type { LambdaInvokeOptions, LambdaInvokeResult } from './service.js';
import { esmOperation, type EsmOperations } from './operations/eventSourceMappings.js';
import { invokeOperation, functionOperation } from './operations/functions.js';

/** What the wire layer calls. */
export interface LambdaWireSpec {
  isAwsUrl(url: URL): boolean;
  requestId(): string;
  defaultRegion: string;
  invoke(
    fn: string,
    payload: string,
    options: LambdaInvokeOptions & { region: string; qualifier?: string },
  ): Promise<LambdaInvokeResult>;
  getFunction(fn: string, region: string, qualifier: string | null): unknown;
  listFunctions(query: URLSearchParams, region: string): unknown;
  esm: EsmOperations;
}

/** One parsed request. */
export interface LambdaCall {
  readonly request: Request;
  readonly url: URL;
  readonly method: string;
  /** Path segments after `/2015-03-31/`, decoded. */
  readonly segments: readonly string[];
  readonly region: string;
  readonly requestId: string;
}

const PREFIX = '/2015-03-31/';
const LAMBDA_HOST = /^lambda(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$|^lambda\.([a-z0-9-]+)\.api\.aws$/;

/** A JSON response with Lambda's headers. */
export function lambdaJson(
  call: LambdaCall,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-requestid': call.requestId, ...headers },
  });
}

/** The JSON object body of a request (`{}` when empty), or Lambda's serialization error. */
export async function jsonBody(request: Request): Promise<JsonObject> {
  const text = await request.text();
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw lambdaError('SerializationException', 'The request body is not valid JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw lambdaError('SerializationException', 'The request body must be a JSON object');
  return parsed as JsonObject;
}

/** The Lambda msw handler. */
export function createLambdaHandler(spec: LambdaWireSpec): HttpHandler {
  return http.all(
    ({ request }) => {
      const url = new URL(request.url);
      if (!url.pathname.startsWith(PREFIX) || !spec.isAwsUrl(url)) return false;
      return LAMBDA_HOST.test(url.hostname) || credentialScope(request)?.signingName === 'lambda';
    },
    async ({ request }) => {
      const url = new URL(request.url);
      const host = LAMBDA_HOST.exec(url.hostname);
      const region = host?.[1] ?? host?.[2] ?? credentialScope(request)?.region ?? spec.defaultRegion;
      // Invoke answers with the invocation's request id; other operations get a fresh one.
      const call: LambdaCall = {
        request,
        url,
        method: request.method,
        segments: url.pathname
          .slice(PREFIX.length)
          .split('/')
          .filter((s) => s !== '')
          .map((s) => decodeURIComponent(s)),
        region,
        requestId: spec.requestId(),
      };
      try {
        const [collection, id, sub] = call.segments;
        if (collection === 'functions') {
          if (id !== undefined && sub === 'invocations' && call.method === 'POST')
            return await invokeOperation(spec, call, id, logTail);
          const answer = functionOperation(spec, call, id, sub);
          if (answer !== undefined) return answer;
        } else if (collection === 'event-source-mappings' && sub === undefined) {
          const answer = await esmOperation(spec.esm, call, id);
          if (answer !== undefined) return answer;
        }
        throw unknownOperation('Lambda', `${call.method} ${url.pathname}`);
      } catch (error) {
        return lambdaErrorResponse(error instanceof AwsServiceError ? error : internalFailure(error), call.requestId);
      }
    },
  );
}
