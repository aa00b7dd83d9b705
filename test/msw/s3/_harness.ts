/**
 * Composes the S3 service by hand (as `createAwsMocks` will): a virtual clock, msw's
 * `setupServer(...s3.handlers)`, and a drain loop over its DeliveryWork.
 */
import { S3Client, S3ServiceException, type S3ClientConfig } from '@aws-sdk/client-s3';
import { expect } from 'vitest';
import { setupServer } from 'msw/node';
import { createClock } from '../../../src/msw/_internals/clock.js';
import { drain } from '../../../src/msw/_internals/scheduler.js';
import type { MockContext } from '../../../src/msw/context.js';
import { createS3Service, type S3Service, type S3ServiceOptions } from '../../../src/msw/s3/index.js';

process.env.AWS_ACCESS_KEY_ID ??= 'AKIDEXAMPLE';
process.env.AWS_SECRET_ACCESS_KEY ??= 'secret';

/** A MockContext like createAwsMocks builds. */
export function makeContext(overrides: Partial<MockContext> = {}): MockContext {
  return {
    region: 'us-east-1',
    account: '123456789012',
    partition: 'aws',
    seed: 7,
    clock: createClock(new Date('2026-03-01T10:00:00.000Z')),
    ...overrides,
  };
}

/** One composed S3 mock with its msw server. */
export interface Harness {
  readonly context: MockContext;
  readonly s3: S3Service;
  readonly server: ReturnType<typeof setupServer>;
  /** A real S3 client (one attempt, so errors surface at once). */
  client(config?: S3ClientConfig): S3Client;
  /** Runs due deliveries and retries until nothing is pending. */
  drain(): Promise<void>;
}

/** Starts a harness; call `server.close()` in afterAll. */
export function startHarness(options: S3ServiceOptions = {}, context: MockContext = makeContext()): Harness {
  const s3 = createS3Service(context, options);
  const server = setupServer(...s3.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  return {
    context,
    s3,
    server,
    client: (config = {}) => new S3Client({ region: context.region, maxAttempts: 1, ...config }),
    drain: async () => {
      await drain(() => [s3], context.clock);
    },
  };
}

/** Runs `promise`, expecting it to fail with an S3 error (an `S3ServiceException`); returns that error. */
export async function failure(promise: Promise<unknown>): Promise<S3ServiceException> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(S3ServiceException);
    return error as S3ServiceException;
  }
  throw new Error('expected the call to fail');
}
