/** The kit's vitest matchers as one object, for `expect.extend`. */
import { toReportBatchItemFailures } from './batchItemFailures.js';
import { toMatchEventPattern } from './eventPattern.js';
import { toHaveBeenInvoked, toHaveBeenInvokedWith } from './invocations.js';
import { toHaveReceived } from './received.js';

/**
 * Every matcher of `aws-event-kit/vitest`. Importing `aws-event-kit/vitest` registers them; pass
 * this object to `expect.extend` yourself only for another `expect` instance.
 */
export const awsEventKitMatchers = {
  toReportBatchItemFailures,
  toMatchEventPattern,
  toHaveBeenInvoked,
  toHaveBeenInvokedWith,
  toHaveReceived,
};
