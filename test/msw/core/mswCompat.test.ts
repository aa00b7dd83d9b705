/**
 * The msw 2 / msw 3 helper: unhandled non-AWS requests must really fail under both majors
 * (msw 3 silently ignores the old `onUnhandledRequest` option and lets requests out).
 */
import { expect, it } from 'vitest';
import { createAwsMocks } from '../../../src/msw/index.js';
import { listenStrict, MSW_MAJOR, strictListenOptions } from '../_helpers/msw.js';

it('the strict listen option matches the installed msw major', () => {
  expect([2, 3]).toContain(MSW_MAJOR);
  expect(strictListenOptions()).toEqual(
    MSW_MAJOR >= 3 ? { onUnhandledFrame: 'error' } : { onUnhandledRequest: 'error' },
  );
});

it('an unmatched request fails instead of reaching the network', async () => {
  const mocks = createAwsMocks({ guardHttp2: false });
  const server = listenStrict(mocks.handlers);
  try {
    // msw itself rejects it (not DNS): msw 2 throws its error, msw 3 wraps it as the cause of "fetch failed".
    const error = (await fetch('http://unmatched.example.invalid/').catch((e: unknown) => e)) as Error & {
      cause?: unknown;
    };
    expect(`${String(error)} ${String(error.cause)}`).toMatch(
      /\[MSW\] Cannot bypass a request when using the "error" strategy/,
    );
    // An AWS host is always answered (by the catch-all), never unhandled.
    expect((await fetch('https://sts.amazonaws.com/')).status).toBe(400);
  } finally {
    server.close();
  }
});
