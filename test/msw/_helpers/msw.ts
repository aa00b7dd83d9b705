/**
 * msw 2 / msw 3 differences the tests need: msw 3 renamed `onUnhandledRequest` to
 * `onUnhandledFrame` and silently ignores the old name, so every test
 * listens through {@link listenStrict}, which picks the right option for the installed major.
 */
import { createRequire } from 'node:module';
import type { RequestHandler } from 'msw';
import { setupServer } from 'msw/node';

const require = createRequire(import.meta.url);

/** The installed msw major version (2 or 3). */
export const MSW_MAJOR = Number((require('msw/package.json') as { version: string }).version.split('.')[0]);

/** `listen()` options that make an unhandled request an error on the installed msw. */
export function strictListenOptions(): Record<string, unknown> {
  return MSW_MAJOR >= 3 ? { onUnhandledFrame: 'error' } : { onUnhandledRequest: 'error' };
}

/** The server type both majors return (only the members the tests use). */
export interface TestServer {
  close(): void;
  resetHandlers(...handlers: RequestHandler[]): void;
  use(...handlers: RequestHandler[]): void;
}

/** Starts an msw server on `handlers` with unhandled requests as errors; close it in afterAll. */
export function listenStrict(handlers: readonly RequestHandler[]): TestServer {
  const server = setupServer(...handlers);
  (server.listen as (options: Record<string, unknown>) => void)(strictListenOptions());
  return server as unknown as TestServer;
}
