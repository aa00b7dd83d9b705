/**
 * SQS errors as the JSON protocol sends them (aws-sdk-wire.md §2): `__type` is
 * `com.amazonaws.sqs#<Shape>` and, because SQS is query-compatible, the header
 * `x-amzn-query-error: <legacy query code>;Sender` carries the old code, which the SDK exposes as
 * `err.Code`. The SDK maps the shape name to its error class (`QueueDoesNotExist` …).
 */
import { AwsServiceError } from '../_internals/awsError.js';
import { coralWrongType, type InputErrorPolicy } from '../_internals/input.js';

// Shape name → legacy query code (SQS API reference, each action's Errors section).
const QUERY_CODES: Readonly<Record<string, string>> = {
  QueueDoesNotExist: 'AWS.SimpleQueueService.NonExistentQueue',
  QueueNameExists: 'QueueAlreadyExists',
  PurgeQueueInProgress: 'AWS.SimpleQueueService.PurgeQueueInProgress',
  EmptyBatchRequest: 'AWS.SimpleQueueService.EmptyBatchRequest',
  TooManyEntriesInBatchRequest: 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest',
  BatchEntryIdsNotDistinct: 'AWS.SimpleQueueService.BatchEntryIdsNotDistinct',
  InvalidBatchEntryId: 'AWS.SimpleQueueService.InvalidBatchEntryId',
  BatchRequestTooLong: 'AWS.SimpleQueueService.BatchRequestTooLong',
  MessageNotInflight: 'AWS.SimpleQueueService.MessageNotInflight',
  UnsupportedOperation: 'AWS.SimpleQueueService.UnsupportedOperation',
};

/** An SQS error of shape `shape` (e.g. `QueueDoesNotExist`, or a common code like `InvalidParameterValue`). */
export function sqsError(shape: string, message: string, status = 400): AwsServiceError {
  const queryCode = QUERY_CODES[shape] ?? shape;
  return new AwsServiceError(`com.amazonaws.sqs#${shape}`, message, status, { 'x-amzn-query-error': `${queryCode};Sender` });
}

/** `QueueDoesNotExist`, with the real service's message. */
export function queueDoesNotExist(): AwsServiceError {
  return sqsError('QueueDoesNotExist', 'The specified queue does not exist.');
}

/** `InvalidParameterValue` for `member`. */
export function invalidParameter(member: string, reason: string, value?: unknown): AwsServiceError {
  const shown = value === undefined ? '' : ` ${typeof value === 'string' ? value : JSON.stringify(value)}`;
  return sqsError('InvalidParameterValue', `Value${shown} for parameter ${member} is invalid. Reason: ${reason}`);
}

/** How SQS reports broken request members. */
export const SQS_INPUT_ERRORS: InputErrorPolicy = {
  missing: (member) => sqsError('MissingParameter', `The request must contain the parameter ${member}.`),
  wrongType: coralWrongType,
};
