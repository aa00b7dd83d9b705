/**
 * aws-event-kit/vitest: expect matchers for Lambda handlers and the msw mocks. Import it once in a
 * setup file (`setupFiles: ['./test/setup.ts']` with `import 'aws-event-kit/vitest'`) and every
 * test has, with types:
 *
 * - `expect(result).toReportBatchItemFailures(['id-2'])`
 * - `expect(event).toMatchEventPattern({ source: ['aws.s3'] })`
 * - `expect(subscription).toHaveBeenInvoked()` / `.toHaveBeenInvokedWith(expect.objectContaining({ … }))`
 * - `expect(queue).toHaveReceived({ body: { type: ['order'] } })`, `expect(mocks.eventBridge).toHaveReceived((e) => …)`
 *
 * vitest is an optional peer dependency: only this entry needs it.
 * @packageDocumentation
 */
import { expect } from 'vitest';
import { awsEventKitMatchers } from './matchers.js';
import type { AwsEventKitMatchers } from './types.js';

export { awsEventKitMatchers } from './matchers.js';
export type { AwsEventKitMatchers, InvokedEventOf, ReceivedItemOf } from './types.js';
export type { EventPatternInput } from './eventPattern.js';

expect.extend(awsEventKitMatchers);

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Assertion<T = any> extends AwsEventKitMatchers<void, T> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AsymmetricMatchersContaining extends AwsEventKitMatchers<unknown> {}
}
