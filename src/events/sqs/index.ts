/**
 * SQS: the one source of truth of the Lambda SQS event shape. Parts types, the record mapper,
 * the MD5 codecs, id generators, queue helpers and input validation. Used by the factories
 * (`fixtures/sqs.ts`), the arbitraries and the msw SQS mock.
 */
export type {
  SqsEmptyMd5OfMessageAttributes,
  SqsEvent,
  SqsMessageAttribute,
  SqsMessageAttributes,
  SqsRecord,
  SqsRecordAttributes,
} from './types.js';
export { md5OfBody, md5OfMessageAttributes } from './md5.js';
export {
  normaliseSqsMessageAttributes,
  sqsAttributeNameProblem,
  sqsNumberProblem,
  type NormalisedSqsMessageAttributes,
  type SqsMessageAttributeInput,
  type SqsMessageAttributesInput,
} from './attributes.js';
export { assertSqsText, isSqsText } from './body.js';
export {
  assertSqsQueueName,
  isSqsQueueName,
  parseSqsQueueArn,
  parseSqsQueueUrl,
  resolveSqsQueue,
  sqsQueue,
  sqsQueueArn,
  sqsQueueNameProblem,
  sqsQueueUrl,
  type SqsQueue,
  type SqsQueueContext,
} from './queue.js';
export {
  SQS_RECEIPT_HANDLE_LENGTHS,
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
  assertSqsMessageSize,
  assertSqsTraceHeader,
  sqsFifoIdProblem,
  sqsSequenceNumberProblem,
  sqsTraceHeaderProblem,
} from './validate.js';
export { jsonStringBytes, sqsRecordJsonBytes } from './payload.js';
