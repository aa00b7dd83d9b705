/**
 * Lambda's REST-JSON protocol as one msw handler: `/2015-03-31/functions/{FunctionName}/invocations`
 * (Invoke, with `X-Amz-Invocation-Type`, `X-Amz-Log-Type`, `X-Amz-Client-Context` in and
 * `X-Amz-Function-Error`, `X-Amz-Log-Result`, `X-Amz-Executed-Version` out),
 * `/2015-03-31/functions[/{FunctionName}]` (GetFunction, ListFunctions) and
 * `/2015-03-31/event-source-mappings[/{UUID}]`, each a handler in `operations/`. Any other Lambda
 * operation is an `UnknownOperationException` naming it.
 * @see https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html
 */
import { http, type HttpHandler } from 'msw';
import { AwsServiceError, internalFailure, unknownOperation } from '../_internals/awsError.js';
import { credentialScope } from '../_internals/request.js';
import { contextOwnsUrl } from '../context.js';
import { lambdaErrorResponse } from './errors.js';
import type { LambdaCall } from './operations/context.js';
import {
  CreateEventSourceMapping,
  DeleteEventSourceMapping,
  GetEventSourceMapping,
  ListEventSourceMappings,
  UpdateEventSourceMapping,
} from './operations/eventSourceMappings.js';
import { GetFunction, Invoke, ListFunctions } from './operations/functions.js';
import type { LambdaState } from './state.js';

/** One operation handler; `id` is the path's `{FunctionName}` or `{UUID}` (set when the route has one). */
type Operation = (state: LambdaState, call: LambdaCall, id: string) => Response | Promise<Response>;

/**
 * The operations by collection (the first path segment after `/2015-03-31/`), then by method and
 * the rest of the path (`{id}`: the resource's name or UUID). Looked up level by level, so a
 * decoded segment holding a `/` never matches a longer route.
 */
const OPERATIONS: ReadonlyMap<string, ReadonlyMap<string, Operation>> = new Map([
  [
    'functions',
    new Map<string, Operation>([
      ['POST {id}/invocations', Invoke],
      ['GET', ListFunctions],
      ['GET {id}', GetFunction],
    ]),
  ],
  [
    'event-source-mappings',
    new Map<string, Operation>([
      ['POST', CreateEventSourceMapping],
      ['GET', ListEventSourceMappings],
      ['GET {id}', GetEventSourceMapping],
      ['PUT {id}', UpdateEventSourceMapping],
      ['DELETE {id}', DeleteEventSourceMapping],
    ]),
  ],
]);

const PREFIX = '/2015-03-31/';
const LAMBDA_HOST = /^lambda(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$|^lambda\.([a-z0-9-]+)\.api\.aws$/;

/** A path segment decoded; one that is not valid percent-encoding is taken as written (it then names nothing). */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The request as the operations read it: its region from the host or the signature, a fresh request id. */
function callOf(state: LambdaState, request: Request): LambdaCall {
  const url = new URL(request.url);
  const host = LAMBDA_HOST.exec(url.hostname);
  return {
    request,
    url,
    method: request.method,
    segments: url.pathname
      .slice(PREFIX.length)
      .split('/')
      .filter((s) => s !== '')
      .map(decodeSegment),
    region: host?.[1] ?? host?.[2] ?? credentialScope(request)?.region ?? state.context.region,
    // Invoke answers with the invocation's request id; other operations with this one.
    requestId: state.ids.requestIds.uuidV4(),
  };
}

/** The operation of a call's method and path segments, or undefined (a route has at most three segments). */
function operationOf(call: LambdaCall): Operation | undefined {
  if (call.segments.length > 3) return undefined;
  const [collection, id, sub] = call.segments;
  const rest = `${call.method}${id === undefined ? '' : ' {id}'}${sub === undefined ? '' : `/${sub}`}`;
  return collection === undefined ? undefined : OPERATIONS.get(collection)?.get(rest);
}

/** The Lambda msw handler. */
export function createLambdaHandler(state: LambdaState): HttpHandler {
  return http.all(
    ({ request }) => {
      const url = new URL(request.url);
      if (!url.pathname.startsWith(PREFIX) || !contextOwnsUrl(state.context, url)) return false;
      return LAMBDA_HOST.test(url.hostname) || credentialScope(request)?.signingName === 'lambda';
    },
    async ({ request }) => {
      const call = callOf(state, request);
      try {
        const operation = operationOf(call);
        if (operation === undefined) throw unknownOperation('Lambda', `${call.method} ${call.url.pathname}`);
        return await operation(state, call, call.segments[1] as string);
      } catch (error) {
        return lambdaErrorResponse(error instanceof AwsServiceError ? error : internalFailure(error), call.requestId);
      }
    },
  );
}
