/** One mocks instance and msw server per test file, reset between tests. */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createAwsMocks, type AwsMocks, type AwsMocksOptions } from '../../../src/msw/index.js';
import { listenStrict, type TestServer } from './msw.js';

/** Registers hooks and returns the (lazily started) mocks of this file. */
export function useAwsMocks(options: AwsMocksOptions = {}): { readonly mocks: AwsMocks; readonly server: TestServer } {
  const mocks = createAwsMocks(options);
  let server: TestServer | undefined;
  beforeAll(() => {
    server = listenStrict(mocks.handlers);
  });
  afterEach(() => {
    mocks.reset();
  });
  afterAll(() => {
    server?.close();
    mocks.dispose();
  });
  return {
    mocks,
    get server() {
      if (server === undefined) throw new Error('server not started');
      return server;
    },
  };
}
