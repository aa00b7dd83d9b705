/** The *Batch operations: up to 10 entries, each answered on its own. */
import { utf8Length } from '../../../_internals/limits.js';
import { SQS_MAX_MESSAGE_BYTES } from '../../../events/sqs/index.js';
import { AwsServiceError } from '../../_internals/awsError.js';
import { asStructure, readInteger, readList, readObject, readString, type JsonObject } from '../../_internals/input.js';
import { SQS_INPUT_ERRORS, sqsCode, sqsError } from '../errors.js';
import { checkVisibility, queueOf, type Operation } from './context.js';
import { sendOutput } from './messages.js';

const BATCH_ENTRY_ID = /^[A-Za-z0-9_-]{1,80}$/;

/** The JSON type of a batch entry member. */
type MemberType = 'string' | 'integer' | 'structure';

// The members of each batch entry, by JSON type (SQS API reference, the *BatchRequestEntry types).
const SEND_ENTRY: Readonly<Record<string, MemberType>> = {
  Id: 'string',
  MessageBody: 'string',
  DelaySeconds: 'integer',
  MessageAttributes: 'structure',
  MessageSystemAttributes: 'structure',
  MessageDeduplicationId: 'string',
  MessageGroupId: 'string',
};
const DELETE_ENTRY: Readonly<Record<string, MemberType>> = { Id: 'string', ReceiptHandle: 'string' };
const VISIBILITY_ENTRY: Readonly<Record<string, MemberType>> = {
  Id: 'string',
  ReceiptHandle: 'string',
  VisibilityTimeout: 'integer',
};

/** The batch rules every *Batch operation shares; returns the entries as structures. */
function batchEntries(
  input: JsonObject,
  entryShape: string,
  memberTypes: Readonly<Record<string, MemberType>>,
): JsonObject[] {
  const entries = readList(input, 'Entries', SQS_INPUT_ERRORS, true) as unknown[];
  // A member of the wrong JSON type fails the whole request while it is read, before any rule.
  const structures = entries.map((entry) => {
    const structure = asStructure(entry, 'Entries.member', SQS_INPUT_ERRORS);
    for (const [member, type] of Object.entries(memberTypes)) {
      if (type === 'string') readString(structure, member, SQS_INPUT_ERRORS);
      else if (type === 'integer') readInteger(structure, member, SQS_INPUT_ERRORS);
      else readObject(structure, member, SQS_INPUT_ERRORS);
    }
    return structure;
  });
  if (structures.length === 0)
    throw sqsError('EmptyBatchRequest', `There should be at least one ${entryShape} in the request.`);
  if (structures.length > 10)
    throw sqsError(
      'TooManyEntriesInBatchRequest',
      `Maximum number of entries per request are 10. You have sent ${structures.length}.`,
    );
  const seen = new Set<string>();
  return structures.map((structure) => {
    const id = readString(structure, 'Id', SQS_INPUT_ERRORS, true);
    if (!BATCH_ENTRY_ID.test(id)) {
      throw sqsError(
        'InvalidBatchEntryId',
        'A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.',
      );
    }
    if (seen.has(id)) throw sqsError('BatchEntryIdsNotDistinct', `Id ${id} repeated.`);
    seen.add(id);
    return structure;
  });
}

/** A failed batch entry, as SQS reports it. */
function failedEntry(id: string, error: unknown): { Id: string; SenderFault: boolean; Code: string; Message: string } {
  if (!(error instanceof AwsServiceError)) throw error; // not an AWS error: a bug, reported as InternalFailure
  return { Id: id, SenderFault: error.status < 500, Code: sqsCode(error), Message: error.message };
}

/** A batch answer: AWS leaves `Failed` out when no entry failed. */
function batchResult(successful: unknown[], failed: unknown[]): Record<string, unknown> {
  return failed.length === 0 ? { Successful: successful } : { Successful: successful, Failed: failed };
}

/**
 * The bytes an entry adds to a batch as SQS counts them: body plus each attribute's name, data
 * type and value (base64 values by their decoded length). Malformed members count as they are;
 * the entry's own validation reports them.
 */
function wireMessageBytes(entry: JsonObject): number {
  let bytes = typeof entry['MessageBody'] === 'string' ? utf8Length(entry['MessageBody']) : 0;
  const attributes = entry['MessageAttributes'];
  if (attributes === null || typeof attributes !== 'object' || Array.isArray(attributes)) return bytes;
  for (const [name, value] of Object.entries(attributes)) {
    bytes += utf8Length(name);
    if (value === null || typeof value !== 'object') continue;
    const { DataType, StringValue, BinaryValue } = value as Record<string, unknown>;
    if (typeof DataType === 'string') bytes += utf8Length(DataType);
    if (typeof StringValue === 'string') bytes += utf8Length(StringValue);
    if (typeof BinaryValue === 'string') bytes += base64Length(BinaryValue);
  }
  return bytes;
}

function base64Length(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((text.length * 3) / 4) - padding);
}

/** SendMessageBatch: the whole request within 1 MiB, FIFO ids checked for every entry first. */
export const SendMessageBatch: Operation = (input, info, context) => {
  const queue = queueOf(input, info, context);
  const entries = batchEntries(input, 'SendMessageBatchRequestEntry', SEND_ENTRY);
  // The whole request counts against 1 MiB, bodies and message attributes alike, whatever the
  // queue's MaximumMessageSize (which applies to each entry).
  let total = 0;
  for (const entry of entries) total += wireMessageBytes(entry);
  if (total > SQS_MAX_MESSAGE_BYTES) {
    throw sqsError(
      'BatchRequestTooLong',
      `Batch requests cannot be longer than ${SQS_MAX_MESSAGE_BYTES} bytes. You have sent ${total} bytes.`,
    );
  }
  // A FIFO entry without its group or deduplication id fails the whole request, not one entry.
  if (queue.info.fifo) {
    for (const entry of entries) {
      if (entry['MessageGroupId'] === undefined || entry['MessageGroupId'] === null) {
        throw sqsError('InvalidParameterValue', 'The request must contain the parameter MessageGroupId.');
      }
      if (
        (entry['MessageDeduplicationId'] === undefined || entry['MessageDeduplicationId'] === null) &&
        !queue.config.contentBasedDeduplication
      ) {
        throw sqsError(
          'InvalidParameterValue',
          'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly',
        );
      }
    }
  }
  const successful: unknown[] = [];
  const failed: unknown[] = [];
  for (const entry of entries) {
    const id = entry['Id'] as string;
    try {
      successful.push({ Id: id, ...sendOutput(queue, context, entry, 'SendMessageBatch') });
    } catch (error) {
      failed.push(failedEntry(id, error));
    }
  }
  return batchResult(successful, failed);
};

/** DeleteMessageBatch by receipt handles. */
export const DeleteMessageBatch: Operation = (input, info, context) => {
  const queue = queueOf(input, info, context);
  const entries = batchEntries(input, 'DeleteMessageBatchRequestEntry', DELETE_ENTRY);
  const successful: unknown[] = [];
  const failed: unknown[] = [];
  for (const entry of entries) {
    const id = entry['Id'] as string;
    try {
      queue.delete(readString(entry, 'ReceiptHandle', SQS_INPUT_ERRORS, true), context.nowMs());
      successful.push({ Id: id });
    } catch (error) {
      failed.push(failedEntry(id, error));
    }
  }
  return batchResult(successful, failed);
};

/** ChangeMessageVisibilityBatch by receipt handles. */
export const ChangeMessageVisibilityBatch: Operation = (input, info, context) => {
  const queue = queueOf(input, info, context);
  const entries = batchEntries(input, 'ChangeMessageVisibilityBatchRequestEntry', VISIBILITY_ENTRY);
  const successful: unknown[] = [];
  const failed: unknown[] = [];
  for (const entry of entries) {
    const id = entry['Id'] as string;
    try {
      const timeout = readInteger(entry, 'VisibilityTimeout', SQS_INPUT_ERRORS, true) as number;
      checkVisibility('VisibilityTimeout', timeout);
      queue.changeVisibility(readString(entry, 'ReceiptHandle', SQS_INPUT_ERRORS, true), timeout, context.nowMs());
      successful.push({ Id: id });
    } catch (error) {
      failed.push(failedEntry(id, error));
    }
  }
  return batchResult(successful, failed);
};
