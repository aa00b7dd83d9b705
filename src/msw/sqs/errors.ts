/**
 * SQS errors as the JSON protocol sends them: `__type` is
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
  QueueDeletedRecently: 'AWS.SimpleQueueService.QueueDeletedRecently',
  EmptyBatchRequest: 'AWS.SimpleQueueService.EmptyBatchRequest',
  TooManyEntriesInBatchRequest: 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest',
  BatchEntryIdsNotDistinct: 'AWS.SimpleQueueService.BatchEntryIdsNotDistinct',
  InvalidBatchEntryId: 'AWS.SimpleQueueService.InvalidBatchEntryId',
  BatchRequestTooLong: 'AWS.SimpleQueueService.BatchRequestTooLong',
  MessageNotInflight: 'AWS.SimpleQueueService.MessageNotInflight',
  UnsupportedOperation: 'AWS.SimpleQueueService.UnsupportedOperation',
};

// Common query codes that have no shape in the SQS model: the JSON `__type` AWS sends for them
// (recorded against AWS as botocore's `QueryErrorCode`, localstack tests/aws/services/sqs/test_sqs.snapshot.json).
const JSON_TYPES: Readonly<Record<string, string>> = {
  InvalidParameterValue: 'InvalidParameterValueException',
  MissingParameter: 'MissingRequiredParameterException',
};

// HTTP statuses other than 400: the SQS service model's `httpError` traits (as shipped in
// @aws-sdk/client-sqs), which the recordings confirm where they exist (a second PurgeQueue within
// 60 s answered 403, an unknown queue 400).
const STATUSES: Readonly<Record<string, number>> = {
  PurgeQueueInProgress: 403,
  ReceiptHandleIsInvalid: 404,
  InvalidAddress: 404,
  InvalidSecurity: 403,
  OverLimit: 403,
  RequestThrottled: 403,
};

/**
 * An SQS error: `code` is a model shape (`QueueDoesNotExist`) or a common query code
 * (`InvalidParameterValue`). The SDK names the error after the query code in
 * `x-amzn-query-error`, so both spellings reach the caller as AWS sends them.
 */
export function sqsError(code: string, message: string, status = STATUSES[code] ?? 400): AwsServiceError {
  const queryCode = QUERY_CODES[code] ?? code;
  const type = JSON_TYPES[code] ?? code;
  return new AwsServiceError(`com.amazonaws.sqs#${type}`, message, status, {
    'x-amzn-query-error': `${queryCode};Sender`,
  });
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

/** The code SQS reports for `error` (its query code: `InvalidParameterValue`, `ReceiptHandleIsInvalid`), as in a batch's `Failed` entries. */
export function sqsCode(error: AwsServiceError): string {
  const header = error.headers['x-amzn-query-error'];
  return header === undefined
    ? error.code
    : header.slice(0, header.indexOf(';') === -1 ? undefined : header.indexOf(';'));
}
