/**
 * The Pipes REST routes (restJson1, `pipes.<region>.amazonaws.com`): `/v1/pipes/{Name}` with
 * POST (create), GET (describe), PUT (update), DELETE; `/v1/pipes/{Name}/start` and `/stop`;
 * `GET /v1/pipes` (list). Errors carry their name in `x-amzn-errortype`.
 */
import { http, type HttpHandler } from 'msw';
import { AwsServiceError, internalFailure } from '../_internals/awsError.js';
import { isAwsHostname } from '../_internals/hosts.js';
import { createPipe, deletePipe, describePipe, listPipes, setPipeState, updatePipe } from './operations/pipes.js';
import type { PipesState } from './state.js';

const ROUTE = /^\/v1\/pipes(?:\/([^/]+)(?:\/(start|stop))?)?\/?$/;

function respond(status: number, body: unknown, requestId: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId, ...headers },
  });
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
        const url = new URL(request.url);
        const [, rawName, action] = ROUTE.exec(url.pathname) as RegExpExecArray;
        const name = rawName === undefined ? undefined : decodeURIComponent(rawName);
        const text = request.method === 'GET' || request.method === 'DELETE' ? '' : await request.text();
        let body: Record<string, unknown> = {};
        if (text !== '') {
          const parsed: unknown = JSON.parse(text);
          if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
            throw new AwsServiceError('SerializationException', 'The request body must be a JSON object', 400, {
              'x-amzn-errortype': 'SerializationException',
            });
          body = parsed as Record<string, unknown>;
        }
        const method = request.method;
        let out: unknown;
        if (name === undefined && method === 'GET') out = listPipes(state, url.searchParams);
        else if (name !== undefined && action !== undefined && method === 'POST')
          out = setPipeState(state, name, action === 'start' ? 'RUNNING' : 'STOPPED');
        else if (name !== undefined && action === undefined && method === 'POST') out = createPipe(state, name, body);
        else if (name !== undefined && action === undefined && method === 'GET') out = describePipe(state, name);
        else if (name !== undefined && action === undefined && method === 'PUT') out = updatePipe(state, name, body);
        else if (name !== undefined && action === undefined && method === 'DELETE') out = deletePipe(state, name);
        else
          throw new AwsServiceError(
            'UnknownOperationException',
            `aws-event-kit/msw: Pipes ${method} ${url.pathname} is not implemented by the mocks`,
            400,
            { 'x-amzn-errortype': 'UnknownOperationException' },
          );
        return respond(200, out, id);
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
