/**
 * The Pipes REST routes (restJson1, `pipes.<region>.amazonaws.com`): `/v1/pipes/{Name}` with
 * POST (create), GET (describe), PUT (update), DELETE; `/v1/pipes/{Name}/start` and `/stop`;
 * `GET /v1/pipes` (list), each a handler in `operations/`. Errors carry their name in
 * `x-amzn-errortype`.
 * @see https://docs.aws.amazon.com/eventbridge/latest/pipes-reference/API_Operations.html
 */
import { http, type HttpHandler } from 'msw';
import { AwsServiceError, internalFailure } from '../_internals/awsError.js';
import { isAwsHostname } from '../_internals/hosts.js';
import { createPipe, deletePipe, describePipe, listPipes, setPipeState, updatePipe } from './operations/pipes.js';
import type { PipesState } from './state.js';
import type { Body } from './validate.js';

/** What an operation reads from a request: the path's pipe name (set when the route has one), the body, the query. */
interface PipesRequest {
  readonly name: string;
  readonly body: Body;
  readonly query: URLSearchParams;
}

/** One operation: its answer's body. */
type Operation = (state: PipesState, request: PipesRequest) => unknown;

/** The operations by method and path (after `/v1/pipes`; `{Name}` the pipe's name). */
const OPERATIONS: ReadonlyMap<string, Operation> = new Map<string, Operation>([
  ['GET', (state, r) => listPipes(state, r.query)],
  ['POST {Name}', (state, r) => createPipe(state, r.name, r.body)],
  ['GET {Name}', (state, r) => describePipe(state, r.name)],
  ['PUT {Name}', (state, r) => updatePipe(state, r.name, r.body)],
  ['DELETE {Name}', (state, r) => deletePipe(state, r.name)],
  ['POST {Name}/start', (state, r) => setPipeState(state, r.name, 'RUNNING')],
  ['POST {Name}/stop', (state, r) => setPipeState(state, r.name, 'STOPPED')],
]);

const ROUTE = /^\/v1\/pipes(?:\/([^/]+)(?:\/(start|stop))?)?\/?$/;

function respond(status: number, body: unknown, requestId: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId, ...headers },
  });
}

/** The path's pipe name decoded; one that is not valid percent-encoding is taken as written (Pipes' name rule rejects it). */
function decodeName(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The JSON object body of a request (`{}` when empty; GET and DELETE have none), or a SerializationException. */
async function bodyOf(request: Request): Promise<Body> {
  const text = request.method === 'GET' || request.method === 'DELETE' ? '' : await request.text();
  if (text === '') return {};
  // A SyntaxError here is answered as a SerializationException.
  const parsed: unknown = JSON.parse(text);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new AwsServiceError('SerializationException', 'The request body must be a JSON object', 400, {
      'x-amzn-errortype': 'SerializationException',
    });
  return parsed as Body;
}

/** Runs the operation a request names (its body read first), or answers UnknownOperationException. */
async function answer(state: PipesState, request: Request): Promise<unknown> {
  const url = new URL(request.url);
  const [, rawName, action] = ROUTE.exec(url.pathname) as RegExpExecArray;
  const name = rawName === undefined ? undefined : decodeName(rawName);
  const body = await bodyOf(request);
  const method = request.method;
  const operation = OPERATIONS.get(
    `${method}${name === undefined ? '' : ' {Name}'}${action === undefined ? '' : `/${action}`}`,
  );
  if (operation === undefined)
    throw new AwsServiceError(
      'UnknownOperationException',
      `aws-event-kit/msw: Pipes ${method} ${url.pathname} is not implemented by the mocks`,
      400,
      { 'x-amzn-errortype': 'UnknownOperationException' },
    );
  return operation(state, { name: name as string, body, query: url.searchParams });
}

/** The msw handler of the Pipes API. */
export function createPipesHandler(
  state: PipesState,
  owns: (url: URL) => boolean,
  requestId: () => string,
): HttpHandler {
  return http.all(
    ({ request }) => {
      const url = new URL(request.url);
      // On AWS hosts only Pipes' own; on a custom endpoint the /v1/pipes path is Pipes'.
      return (
        owns(url) && ROUTE.test(url.pathname) && (!isAwsHostname(url.hostname) || url.hostname.startsWith('pipes.'))
      );
    },
    async ({ request }) => {
      const id = requestId();
      try {
        return respond(200, await answer(state, request), id);
      } catch (error) {
        const e =
          error instanceof AwsServiceError
            ? error
            : error instanceof SyntaxError
              ? new AwsServiceError('SerializationException', error.message, 400)
              : internalFailure(error);
        return respond(e.status, { message: e.message, ...e.fields }, id, { 'x-amzn-errortype': e.code, ...e.headers });
      }
    },
  );
}
