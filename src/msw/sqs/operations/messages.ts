/** The single-message operations: send, receive, delete, change visibility. */
import { md5OfMessageAttributes } from '../../../events/sqs/index.js';
import { readInteger, readString, readStringList, type JsonObject } from '../../_internals/input.js';
import { READABLE_ATTRIBUTES } from '../attributes.js';
import { invalidParameter, SQS_INPUT_ERRORS, sqsError } from '../errors.js';
import { md5OfSystemAttributes, readSendInput, selectMessageAttributes, toWireAttributes } from '../messages.js';
import type { MockQueue, StoredMessage } from '../queue.js';
import { checkVisibility, queueOf, type Operation, type OperationContext } from './context.js';

const SYSTEM_ATTRIBUTES = new Set([
  'All',
  'SenderId',
  'SentTimestamp',
  'ApproximateReceiveCount',
  'ApproximateFirstReceiveTimestamp',
  'SequenceNumber',
  'MessageDeduplicationId',
  'MessageGroupId',
  'AWSTraceHeader',
  'DeadLetterQueueSourceArn',
]);
/** Sends one message (SendMessage, or an entry of SendMessageBatch) and answers its output members. */
export function sendOutput(
  queue: MockQueue,
  context: OperationContext,
  input: JsonObject,
  api: string,
): Record<string, unknown> {
  const send = readSendInput(input, context.senderId(), api);
  const result = queue.send(send, context.nowMs(), api === 'SendMessageBatch');
  const output: Record<string, unknown> = { MD5OfMessageBody: result.md5OfBody, MessageId: result.messageId };
  if (result.md5OfMessageAttributes !== null) output['MD5OfMessageAttributes'] = result.md5OfMessageAttributes;
  const systemMd5 = md5OfSystemAttributes(send.awsTraceHeader);
  if (systemMd5 !== undefined) output['MD5OfMessageSystemAttributes'] = systemMd5;
  if (result.sequenceNumber !== undefined) output['SequenceNumber'] = result.sequenceNumber;
  return output;
}

/** One received message in the API form, through the record mapper for every derived field. */
function wireMessage(
  queue: MockQueue,
  message: StoredMessage,
  systemNames: ReadonlySet<string>,
  attributeNames: readonly string[] | undefined,
): Record<string, unknown> {
  const record = queue.toRecord(message, false);
  const out: Record<string, unknown> = {
    MessageId: record.messageId,
    ReceiptHandle: record.receiptHandle,
    MD5OfBody: record.md5OfBody,
    Body: record.body,
  };
  if (systemNames.size > 0) {
    const all = systemNames.has('All');
    const attributes: Record<string, string> = {};
    for (const [name, value] of Object.entries(record.attributes))
      if (value !== undefined && (all || systemNames.has(name))) attributes[name] = value;
    out['Attributes'] = attributes;
  }
  const selected = selectMessageAttributes(message.messageAttributes, attributeNames);
  if (Object.keys(selected).length > 0) {
    out['MD5OfMessageAttributes'] =
      selected === message.messageAttributes ? message.md5OfMessageAttributes : md5OfMessageAttributes(selected);
    out['MessageAttributes'] = toWireAttributes(selected);
  }
  return out;
}

/** SendMessage: one message, its MD5s and (FIFO) sequence number. */
export const SendMessage: Operation = (input, info, context) => {
  return sendOutput(queueOf(input, info, context), context, input, 'SendMessage');
};

/** ReceiveMessage: up to `MaxNumberOfMessages` visible messages, with the attributes asked for. */
export const ReceiveMessage: Operation = (input, info, context) => {
  const queue = queueOf(input, info, context);
  const max = readInteger(input, 'MaxNumberOfMessages', SQS_INPUT_ERRORS) ?? 1;
  if (max < 1 || max > 10) throw invalidParameter('MaxNumberOfMessages', 'Must be between 1 and 10, if provided.', max);
  const visibility = readInteger(input, 'VisibilityTimeout', SQS_INPUT_ERRORS);
  checkVisibility('VisibilityTimeout', visibility);
  const wait = readInteger(input, 'WaitTimeSeconds', SQS_INPUT_ERRORS);
  if (wait !== undefined && (wait < 0 || wait > 20))
    throw invalidParameter('WaitTimeSeconds', 'Must be >= 0 and <= 20, if provided.', wait);
  // Long polling is answered at once: the virtual clock only moves in drain() or when a test moves it.
  const systemNames = new Set([
    ...(readStringList(input, 'MessageSystemAttributeNames', SQS_INPUT_ERRORS) ?? []),
    ...(readStringList(input, 'AttributeNames', SQS_INPUT_ERRORS) ?? []),
  ]);
  for (const name of systemNames) {
    if (!SYSTEM_ATTRIBUTES.has(name) && !READABLE_ATTRIBUTES.has(name))
      throw sqsError('InvalidAttributeName', `Unknown Attribute ${name}.`);
  }
  const attributeNames = readStringList(input, 'MessageAttributeNames', SQS_INPUT_ERRORS);
  readString(input, 'ReceiveRequestAttemptId', SQS_INPUT_ERRORS);
  const { messages } = queue.receive(context.nowMs(), max, visibility ?? queue.config.visibilityTimeout);
  if (messages.length === 0) return {};
  return { Messages: messages.map((message) => wireMessage(queue, message, systemNames, attributeNames)) };
};

/** DeleteMessage by receipt handle. */
export const DeleteMessage: Operation = (input, info, context) => {
  const queue = queueOf(input, info, context);
  queue.delete(readString(input, 'ReceiptHandle', SQS_INPUT_ERRORS, true), context.nowMs());
  return {};
};

/** ChangeMessageVisibility of an in-flight message by receipt handle. */
export const ChangeMessageVisibility: Operation = (input, info, context) => {
  const queue = queueOf(input, info, context);
  const handle = readString(input, 'ReceiptHandle', SQS_INPUT_ERRORS, true);
  const timeout = readInteger(input, 'VisibilityTimeout', SQS_INPUT_ERRORS, true) as number;
  checkVisibility('VisibilityTimeout', timeout);
  queue.changeVisibility(handle, timeout, context.nowMs());
  return {};
};
