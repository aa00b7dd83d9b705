/**
 * SQS: the one source of truth of the Lambda SQS event shape. Parts types, the record mapper,
 * the MD5 codecs, id generators, queue helpers and input validation. Used by the factories
 * (`fixtures/sqs.ts`), the arbitraries and the msw SQS mock.
 */
export type {
  SqsEmptyMd5OfMessageAttributes,
  SqsEvent,
  SqsMessageAttributes,
  SqsRecord,
} from './types.js';
export { md5OfBody, md5OfMessageAttributes } from './md5.js';
export {
  normaliseSqsMessageAttributes,
  sqsAttributeNameProblem,
  sqsNumberProblem,
  type SqsMessageAttributesInput,
} from './attributes.js';
export { assertSqsText, isSqsText } from './body.js';
export {
  isSqsQueueName,
  parseSqsQueueArn,
  parseSqsQueueUrl,
  resolveSqsQueue,
  sqsQueue,
  sqsQueueNameProblem,
  sqsQueueUrl,
  type SqsQueue,
} from './queue.js';
export {
  sqsContentDeduplicationId,
  sqsMessageId,
  sqsReceiptHandle,
  sqsSenderId,
  sqsSequenceNumber,
} from './ids.js';
export {
  toSqsEvent,
  toSqsRecord,
  withSqsMd5OfMessageAttributes,
  type SqsFifoParts,
  type SqsRecordParts,
} from './record.js';
export * from './limits.js';
export {
  assertSqsFifoId,
  assertSqsTraceHeader,
  sqsFifoIdProblem,
  sqsSequenceNumberProblem,
  sqsTraceHeaderProblem,
} from './validate.js';
export { jsonStringBytes, sqsRecordJsonBytes } from './payload.js';
