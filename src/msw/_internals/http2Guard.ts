/**
 * msw intercepts `http`, `https`, `fetch` and XMLHttpRequest, but not `node:http2`
 * (mswjs/interceptors#485). The SDK's Kinesis client speaks HTTP/2 by default
 * (`NodeHttp2Handler`), so its requests would bypass the mocks: on Node 20 they fail late with
 * `ENOTFOUND`-style network errors, on Node 22 they hang.
 * The guard wraps `http2.connect` so a connection to a host the mocks own fails at once with an
 * error that names the cause and the fix. Other HTTP/2 traffic is untouched.
 */
import { createRequire, syncBuiltinESMExports } from 'node:module';

type Http2Module = typeof import('node:http2');
type Connect = Http2Module['connect'];

const require = createRequire(import.meta.url);
// The CommonJS module object is the one `import http2 from 'node:http2'` returns: the SDK calls
// `http2.connect(…)` on it at request time, so replacing the property is enough.
const http2 = require('node:http2') as Http2Module;

/** Thrown when an HTTP/2 client (the default Kinesis client) tries to reach a mocked AWS host. */
export class Http2NotInterceptedError extends Error {
  override readonly name = 'Http2NotInterceptedError';
  /** Node-style code, so the SDK's retry logic does not treat it as a transient network error. */
  readonly code = 'ERR_AWS_EVENT_KIT_HTTP2';
}

const owners = new Set<(url: URL) => boolean>();
let original: Connect | undefined;

function authorityUrl(authority: unknown): URL | undefined {
  if (authority instanceof URL) return authority;
  if (typeof authority === 'string' && URL.canParse(authority)) return new URL(authority);
  if (
    authority !== null &&
    typeof authority === 'object' &&
    typeof (authority as { hostname?: unknown }).hostname === 'string'
  ) {
    const {
      protocol = 'https:',
      hostname,
      port,
    } = authority as { protocol?: string; hostname: string; port?: string | number };
    return new URL(`${protocol}//${hostname}${port === undefined || port === '' ? '' : `:${String(port)}`}`);
  }
  return undefined;
}

function guardedConnect(this: unknown, authority: unknown, ...rest: unknown[]): unknown {
  const url = authorityUrl(authority);
  if (url !== undefined) {
    for (const owns of owners) {
      if (owns(url)) {
        throw new Http2NotInterceptedError(
          `aws-event-kit/msw: an HTTP/2 connection to ${url.origin} was blocked. msw cannot intercept node:http2, ` +
            'so this request would bypass the mocks (and hang or fail on DNS). The AWS SDK uses HTTP/2 for Kinesis by default: ' +
            'create the client with awsTestClientConfig() from aws-event-kit/msw, or pass requestHandler: new NodeHttpHandler() ' +
            'from @smithy/node-http-handler.',
        );
      }
    }
  }
  return (original as (...args: unknown[]) => unknown).call(this, authority, ...rest);
}

/**
 * Starts failing HTTP/2 connections to URLs `owns` accepts. Returns a function that removes this
 * owner; the original `http2.connect` comes back when the last owner is gone.
 */
export function installHttp2Guard(owns: (url: URL) => boolean): () => void {
  owners.add(owns);
  if (original === undefined) {
    original = http2.connect;
    http2.connect = guardedConnect as unknown as Connect;
    // Also named ESM imports (`import { connect } from 'node:http2'`).
    syncBuiltinESMExports();
  }
  return () => {
    owners.delete(owns);
    if (owners.size === 0 && original !== undefined) {
      http2.connect = original;
      original = undefined;
      syncBuiltinESMExports();
    }
  };
}
