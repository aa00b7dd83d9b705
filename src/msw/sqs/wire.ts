/**
 * The SQS operations over the JSON 1.0 protocol (`x-amz-target: AmazonSQS.<Operation>`): request
 * members in, response members out, limits and error codes from the SQS API reference.
 */
import { utf8Length } from '../../_internals/limits.js';
import { md5OfMessageAttributes, SQS_MAX_MESSAGE_BYTES } from '../../events/sqs/index.js';
import type { JsonOperation, JsonRequestInfo } from '../_internals/jsonProtocol.js';
import { asStructure, readInteger, readList, readObject, readString, readStringList, readStringMap, type JsonObject } from '../_internals/input.js';
import { AwsServiceError } from '../_internals/awsError.js';
import { applyAttributes, configAttributes, READABLE_ATTRIBUTES } from './attributes.js';
import { invalidParameter, SQS_INPUT_ERRORS, sqsCode, sqsError } from './errors.js';
import { md5OfSystemAttributes, readSendInput, selectMessageAttributes, toWireAttributes } from './messages.js';
import type { MockQueue, StoredMessage } from './queue.js';
import type { QueueRegistry } from './registry.js';

/** What the operations need from the service. */
export interface SqsWireContext {
  readonly registry: QueueRegistry;
  readonly defaultRegion: string;
  /** The account of every queue. */
  readonly account: string;
  /** Current virtual time, epoch ms. */
  nowMs(): number;
  /** The `SenderId` of messages sent through the API. */
  readonly senderId: () => string;
}

const SYSTEM_ATTRIBUTES = new Set([
  'All', 'SenderId', 'SentTimestamp', 'ApproximateReceiveCount', 'ApproximateFirstReceiveTimestamp',
  'SequenceNumber', 'MessageDeduplicationId', 'MessageGroupId', 'AWSTraceHeader', 'DeadLetterQueueSourceArn',
]);
const BATCH_ENTRY_ID = /^[A-Za-z0-9_-]{1,80}$/;

function regionOf(info: JsonRequestInfo, context: SqsWireContext): string {
  return info.region ?? context.defaultRegion;
}

function queueOf(input: JsonObject, info: JsonRequestInfo, context: SqsWireContext): MockQueue {
  return context.registry.fromUrl(readString(input, 'QueueUrl', SQS_INPUT_ERRORS, true), regionOf(info, context));
}

/** The JSON type of a batch entry member. */
type MemberType = 'string' | 'integer' | 'structure';

// The members of each batch entry, by JSON type (SQS API reference, the *BatchRequestEntry types).
const SEND_ENTRY: Readonly<Record<string, MemberType>> = {
  Id: 'string', MessageBody: 'string', DelaySeconds: 'integer', MessageAttributes: 'structure',
  MessageSystemAttributes: 'structure', MessageDeduplicationId: 'string', MessageGroupId: 'string',
};
const DELETE_ENTRY: Readonly<Record<string, MemberType>> = { Id: 'string', ReceiptHandle: 'string' };
const VISIBILITY_ENTRY: Readonly<Record<string, MemberType>> = { Id: 'string', ReceiptHandle: 'string', VisibilityTimeout: 'integer' };

/** The batch rules every *Batch operation shares; returns the entries as structures. */
function batchEntries(input: JsonObject, entryShape: string, memberTypes: Readonly<Record<string, MemberType>>): JsonObject[] {
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
  if (structures.length === 0) throw sqsError('EmptyBatchRequest', `There should be at least one ${entryShape} in the request.`);
  if (structures.length > 10) throw sqsError('TooManyEntriesInBatchRequest', `Maximum number of entries per request are 10. You have sent ${structures.length}.`);
  const seen = new Set<string>();
  return structures.map((structure) => {
    const id = readString(structure, 'Id', SQS_INPUT_ERRORS, true);
    if (!BATCH_ENTRY_ID.test(id)) {
      throw sqsError('InvalidBatchEntryId', 'A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.');
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

function sendOutput(queue: MockQueue, context: SqsWireContext, input: JsonObject, api: string): Record<string, unknown> {
  const send = readSendInput(input, context.senderId(), api);
  const result = queue.send(send, context.nowMs(), api === 'SendMessageBatch');
  const output: Record<string, unknown> = { MD5OfMessageBody: result.md5OfBody, MessageId: result.messageId };
  if (result.md5OfMessageAttributes !== null) output['MD5OfMessageAttributes'] = result.md5OfMessageAttributes;
  const systemMd5 = md5OfSystemAttributes(send.awsTraceHeader);
  if (systemMd5 !== undefined) output['MD5OfMessageSystemAttributes'] = systemMd5;
  if (result.sequenceNumber !== undefined) output['SequenceNumber'] = result.sequenceNumber;
  return output;
}

function checkVisibility(member: string, value: number | undefined): void {
  if (value !== undefined && (value < 0 || value > 43_200)) throw invalidParameter(member, 'VisibilityTimeout must be >= 0 and <= 43200.', value);
}

/** One received message in the API form, through the record mapper for every derived field. */
function wireMessage(queue: MockQueue, message: StoredMessage, systemNames: ReadonlySet<string>, attributeNames: readonly string[] | undefined): Record<string, unknown> {
  const record = queue.toRecord(message, false);
  const out: Record<string, unknown> = { MessageId: record.messageId, ReceiptHandle: record.receiptHandle, MD5OfBody: record.md5OfBody, Body: record.body };
  if (systemNames.size > 0) {
    const all = systemNames.has('All');
    const attributes: Record<string, string> = {};
    for (const [name, value] of Object.entries(record.attributes)) if (value !== undefined && (all || systemNames.has(name))) attributes[name] = value;
    out['Attributes'] = attributes;
  }
  const selected = selectMessageAttributes(message.messageAttributes, attributeNames);
  if (Object.keys(selected).length > 0) {
    out['MD5OfMessageAttributes'] = selected === message.messageAttributes ? message.md5OfMessageAttributes : md5OfMessageAttributes(selected);
    out['MessageAttributes'] = toWireAttributes(selected);
  }
  return out;
}

/** The SQS operations, bound to one service's state. */
export function sqsOperations(context: SqsWireContext): Record<string, JsonOperation> {
  const { registry } = context;
  return {
    CreateQueue(input, info) {
      const name = readString(input, 'QueueName', SQS_INPUT_ERRORS, true);
      const attributes = readStringMap(input, 'Attributes', SQS_INPUT_ERRORS) ?? {};
      readStringMap(input, 'tags', SQS_INPUT_ERRORS);
      const queue = registry.create(name, attributes, regionOf(info, context), context.nowMs());
      return { QueueUrl: queue.info.url };
    },

    GetQueueUrl(input, info) {
      const name = readString(input, 'QueueName', SQS_INPUT_ERRORS, true);
      const owner = readString(input, 'QueueOwnerAWSAccountId', SQS_INPUT_ERRORS);
      const queue = registry.find(regionOf(info, context), owner ?? context.account, name);
      if (queue === undefined) throw sqsError('QueueDoesNotExist', 'The specified queue does not exist.');
      return { QueueUrl: queue.info.url };
    },

    ListQueues(input, info) {
      const prefix = readString(input, 'QueueNamePrefix', SQS_INPUT_ERRORS) ?? '';
      const max = readInteger(input, 'MaxResults', SQS_INPUT_ERRORS);
      if (max !== undefined && (max < 1 || max > 1000)) throw invalidParameter('MaxResults', 'MaxResults must be an integer between 1 and 1000.', max);
      const region = regionOf(info, context);
      const urls = registry.all().filter((q) => q.info.region === region && q.info.name.startsWith(prefix)).map((q) => q.info.url);
      return urls.length === 0 ? {} : { QueueUrls: urls.slice(0, max ?? 1000) };
    },

    DeleteQueue(input, info) {
      registry.delete(queueOf(input, info, context), context.nowMs());
      return {};
    },

    GetQueueAttributes(input, info) {
      const queue = queueOf(input, info, context);
      const names = readStringList(input, 'AttributeNames', SQS_INPUT_ERRORS) ?? [];
      for (const name of names) if (name !== 'All' && !READABLE_ATTRIBUTES.has(name)) throw sqsError('InvalidAttributeName', `Unknown Attribute ${name}.`);
      if (names.length === 0) return {};
      const now = context.nowMs();
      const counts = queue.counts(now);
      const all: Record<string, string> = {
        QueueArn: queue.info.arn,
        ApproximateNumberOfMessages: String(counts.visible),
        ApproximateNumberOfMessagesNotVisible: String(counts.notVisible),
        ApproximateNumberOfMessagesDelayed: String(counts.delayed),
        CreatedTimestamp: String(Math.floor(queue.createdAt / 1000)),
        LastModifiedTimestamp: String(Math.floor(queue.lastModifiedAt / 1000)),
        ...configAttributes(queue.config, queue.info.fifo),
      };
      if (names.includes('All')) return { Attributes: all };
      const picked: Record<string, string> = {};
      for (const name of names) if (all[name] !== undefined) picked[name] = all[name];
      return { Attributes: picked };
    },

    SetQueueAttributes(input, info) {
      const queue = queueOf(input, info, context);
      const attributes = readStringMap(input, 'Attributes', SQS_INPUT_ERRORS);
      if (attributes === undefined) throw SQS_INPUT_ERRORS.missing('Attributes');
      queue.config = applyAttributes(queue.config, attributes, queue.info.fifo, registry.deadLetterCheck(queue.info.fifo, queue.info.arn));
      queue.lastModifiedAt = context.nowMs();
      return {};
    },

    SendMessage(input, info) {
      return sendOutput(queueOf(input, info, context), context, input, 'SendMessage');
    },

    SendMessageBatch(input, info) {
      const queue = queueOf(input, info, context);
      const entries = batchEntries(input, 'SendMessageBatchRequestEntry', SEND_ENTRY);
      // The whole request counts against 1 MiB, bodies and message attributes alike, whatever the
      // queue's MaximumMessageSize (which applies to each entry).
      let total = 0;
      for (const entry of entries) total += wireMessageBytes(entry);
      if (total > SQS_MAX_MESSAGE_BYTES) {
        throw sqsError('BatchRequestTooLong', `Batch requests cannot be longer than ${SQS_MAX_MESSAGE_BYTES} bytes. You have sent ${total} bytes.`);
      }
      // A FIFO entry without its group or deduplication id fails the whole request, not one entry.
      if (queue.info.fifo) {
        for (const entry of entries) {
          if (entry['MessageGroupId'] === undefined || entry['MessageGroupId'] === null) {
            throw sqsError('InvalidParameterValue', 'The request must contain the parameter MessageGroupId.');
          }
          if ((entry['MessageDeduplicationId'] === undefined || entry['MessageDeduplicationId'] === null) && !queue.config.contentBasedDeduplication) {
            throw sqsError('InvalidParameterValue', 'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly');
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
    },

    ReceiveMessage(input, info) {
      const queue = queueOf(input, info, context);
      const max = readInteger(input, 'MaxNumberOfMessages', SQS_INPUT_ERRORS) ?? 1;
      if (max < 1 || max > 10) throw invalidParameter('MaxNumberOfMessages', 'Must be between 1 and 10, if provided.', max);
      const visibility = readInteger(input, 'VisibilityTimeout', SQS_INPUT_ERRORS);
      checkVisibility('VisibilityTimeout', visibility);
      const wait = readInteger(input, 'WaitTimeSeconds', SQS_INPUT_ERRORS);
      if (wait !== undefined && (wait < 0 || wait > 20)) throw invalidParameter('WaitTimeSeconds', 'Must be >= 0 and <= 20, if provided.', wait);
      // Long polling is answered at once: the virtual clock only moves in drain() or when a test moves it.
      const systemNames = new Set([...(readStringList(input, 'MessageSystemAttributeNames', SQS_INPUT_ERRORS) ?? []), ...(readStringList(input, 'AttributeNames', SQS_INPUT_ERRORS) ?? [])]);
      for (const name of systemNames) {
        if (!SYSTEM_ATTRIBUTES.has(name) && !READABLE_ATTRIBUTES.has(name)) throw sqsError('InvalidAttributeName', `Unknown Attribute ${name}.`);
      }
      const attributeNames = readStringList(input, 'MessageAttributeNames', SQS_INPUT_ERRORS);
      readString(input, 'ReceiveRequestAttemptId', SQS_INPUT_ERRORS);
      const { messages } = queue.receive(context.nowMs(), max, visibility ?? queue.config.visibilityTimeout);
      if (messages.length === 0) return {};
      return { Messages: messages.map((message) => wireMessage(queue, message, systemNames, attributeNames)) };
    },

    DeleteMessage(input, info) {
      const queue = queueOf(input, info, context);
      queue.delete(readString(input, 'ReceiptHandle', SQS_INPUT_ERRORS, true), context.nowMs());
      return {};
    },

    DeleteMessageBatch(input, info) {
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
    },

    ChangeMessageVisibility(input, info) {
      const queue = queueOf(input, info, context);
      const handle = readString(input, 'ReceiptHandle', SQS_INPUT_ERRORS, true);
      const timeout = readInteger(input, 'VisibilityTimeout', SQS_INPUT_ERRORS, true) as number;
      checkVisibility('VisibilityTimeout', timeout);
      queue.changeVisibility(handle, timeout, context.nowMs());
      return {};
    },

    ChangeMessageVisibilityBatch(input, info) {
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
    },

    PurgeQueue(input, info) {
      queueOf(input, info, context).purge(context.nowMs());
      return {};
    },
  };
}
