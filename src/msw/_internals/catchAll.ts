/**
 * The last handler of `mocks.handlers`: every request to an AWS host (or a configured endpoint)
 * that no service handled gets an AWS-shaped `UnknownOperationException` naming the service and
 * the operation, so nothing ever leaves the process (and no keep-alive socket is left to hang).
 */
import { http, type HttpHandler } from 'msw';
import { AwsServiceError, unknownOperation, xmlEscape } from './awsError.js';
import { jsonErrorResponse } from './jsonProtocol.js';
import { serviceName } from './request.js';

/** The operation a request asks for, as far as its protocol says. */
async function operationName(request: Request, url: URL, contentType: string): Promise<string> {
  const target = request.headers.get('x-amz-target');
  if (target !== null) return target.slice(target.indexOf('.') + 1);
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    // awsQuery (old SQS, SNS, STS …): the operation is the `Action` form field.
    const action = new URLSearchParams(await request.clone().text()).get('Action');
    if (action !== null) return action;
  }
  // REST protocols: the SDK names S3 operations in `x-id`; otherwise show method and path.
  return url.searchParams.get('x-id') ?? `${request.method} ${url.pathname}`;
}

/** The catch-all handler for AWS requests no service answered. */
export function createCatchAllHandler(isAwsUrl: (url: URL) => boolean, requestId: () => string): HttpHandler {
  return http.all(
    ({ request }) => isAwsUrl(new URL(request.url)),
    async ({ request }) => {
      const id = requestId();
      const url = new URL(request.url);
      let error: AwsServiceError;
      let contentType = '';
      try {
        contentType = request.headers.get('content-type') ?? '';
        error = unknownOperation(serviceName(request, url), await operationName(request, url, contentType));
      } catch {
        error = unknownOperation(serviceName(request, url), `${request.method} ${url.pathname}`);
      }
      if (request.headers.get('x-amz-target') !== null || contentType.startsWith('application/x-amz-json')) {
        return jsonErrorResponse(
          error,
          contentType.startsWith('application/x-amz-json') ? contentType : 'application/x-amz-json-1.1',
          id,
        );
      }
      if (request.method === 'HEAD')
        return new Response(null, { status: error.status, headers: { 'x-amz-request-id': id } });
      const body = contentType.startsWith('application/x-www-form-urlencoded')
        ? `<ErrorResponse><Error><Type>Sender</Type><Code>${error.type}</Code><Message>${xmlEscape(error.message)}</Message></Error><RequestId>${id}</RequestId></ErrorResponse>`
        : `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${error.type}</Code><Message>${xmlEscape(error.message)}</Message><RequestId>${id}</RequestId></Error>`;
      return new Response(body, {
        status: error.status,
        headers: { 'content-type': 'application/xml', 'x-amzn-requestid': id, 'x-amz-request-id': id },
      });
    },
  );
}
