/** A stand-in for `createAwsMocks` with `s3`, composing the S3 service as the core will (docs test only). */
import { createClock } from '../../../src/msw/_internals/clock.js';
import { drain } from '../../../src/msw/_internals/scheduler.js';
import { createS3Service } from '../../../src/msw/s3/index.js';

/** The subset of `createAwsMocks` the S3 docs example uses. */
export function createAwsMocks(options: { region?: string } = {}) {
  const clock = createClock(new Date('2026-01-15T12:30:45.123Z'));
  const s3 = createS3Service({ region: options.region ?? 'us-east-1', account: '123456789012', partition: 'aws', seed: 0, clock });
  return { handlers: s3.handlers, s3, clock, drain: () => drain(() => [s3], clock) };
}
