/**
 * An in-process transport for an AWS SDK v3 client: the client's requests go straight to the
 * mock's JSON-RPC dispatchers instead of through msw's network interception. Every client
 * middleware still runs (serialisation, signing, retries, error parsing); only the interception
 * (sockets, fetch Request/Response copies) is skipped, which is most of a mocked call's cost.
 */
import { Readable } from 'node:stream';
import type { HttpRequestHandlerLike } from '../clientConfig.js';
import type { JsonRpcAnswer, JsonRpcCall } from '../_internals/jsonProtocol.js';
import { credentialScope } from '../_internals/request.js';

/** The fields of the SDK's `HttpRequest` the transport reads. */
interface SdkHttpRequest {
  method: string;
  protocol: string;
  hostname: string;
  port?: number;
  path: string;
  headers: Record<string, string>;
  body?: unknown;
}

/** A JSON-RPC service the transport serves: its target prefix and dispatcher. */
export interface InProcessService {
  readonly targetPrefix: string;
  readonly dispatch: (call: JsonRpcCall) => Promise<JsonRpcAnswer>;
  readonly isAwsUrl: (url: URL) => boolean;
}

function header(headers: Record<string, string>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

/**
 * An SDK `requestHandler` answering JSON-RPC calls of `services` in process. A call none of
 * them serves fails with an error naming it (as msw's `onUnhandledRequest: 'error'` would).
 */
export function inProcessRequestHandler(services: readonly InProcessService[], api: string): HttpRequestHandlerLike {
  return {
    async handle(raw: unknown) {
      const request = raw as SdkHttpRequest;
      const url = new URL(
        `${request.protocol}//${request.hostname}${request.port === undefined ? '' : `:${request.port}`}${request.path}`,
      );
      const target = header(request.headers, 'x-amz-target') ?? '';
      const service = services.find((s) => target.startsWith(`${s.targetPrefix}.`) && s.isAwsUrl(url));
      if (request.method !== 'POST' || service === undefined)
        throw new Error(`${api}: no mock answers ${request.method} ${url.href} (x-amz-target ${target || 'absent'})`);
      const body = request.body;
      let text: string;
      if (body === undefined || body === null) text = '';
      else if (typeof body === 'string') text = body;
      else if (body instanceof Uint8Array)
        text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
      else throw new TypeError(`${api}: a streaming request body cannot be sent in process`);
      const authorization = header(request.headers, 'authorization');
      const region =
        authorization === undefined
          ? undefined
          : credentialScope({ headers: new Headers({ authorization }) } as Request)?.region;
      const out = await service.dispatch({
        operation: target.slice(service.targetPrefix.length + 1),
        text,
        url,
        region,
      });
      return {
        response: {
          statusCode: out.status,
          headers: { ...out.headers },
          body: Readable.from([Buffer.from(out.body, 'utf8')]),
        },
      };
    },
  };
}
