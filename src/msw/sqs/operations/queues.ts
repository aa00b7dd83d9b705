/** The queue operations: create, find, list, delete, attributes, purge. */
import { readInteger, readString, readStringList, readStringMap } from '../../_internals/input.js';
import { applyAttributes, configAttributes, READABLE_ATTRIBUTES } from '../attributes.js';
import { invalidParameter, SQS_INPUT_ERRORS, sqsError } from '../errors.js';
import { queueOf, regionOf, type Operation } from './context.js';

/** CreateQueue: a new queue, or the existing one when its attributes are equal. */
export const CreateQueue: Operation = (input, info, context) => {
  const name = readString(input, 'QueueName', SQS_INPUT_ERRORS, true);
  const attributes = readStringMap(input, 'Attributes', SQS_INPUT_ERRORS) ?? {};
  readStringMap(input, 'tags', SQS_INPUT_ERRORS);
  const queue = context.registry.create(name, attributes, regionOf(info, context), context.nowMs());
  return { QueueUrl: queue.info.url };
};

/** GetQueueUrl: the URL of a queue by name (and owner account). */
export const GetQueueUrl: Operation = (input, info, context) => {
  const name = readString(input, 'QueueName', SQS_INPUT_ERRORS, true);
  const owner = readString(input, 'QueueOwnerAWSAccountId', SQS_INPUT_ERRORS);
  const queue = context.registry.find(regionOf(info, context), owner ?? context.account, name);
  if (queue === undefined) throw sqsError('QueueDoesNotExist', 'The specified queue does not exist.');
  return { QueueUrl: queue.info.url };
};

/** ListQueues: the region's queue URLs with a name prefix, at most `MaxResults`. */
export const ListQueues: Operation = (input, info, context) => {
  const prefix = readString(input, 'QueueNamePrefix', SQS_INPUT_ERRORS) ?? '';
  const max = readInteger(input, 'MaxResults', SQS_INPUT_ERRORS);
  if (max !== undefined && (max < 1 || max > 1000))
    throw invalidParameter('MaxResults', 'MaxResults must be an integer between 1 and 1000.', max);
  const region = regionOf(info, context);
  const urls = context.registry
    .all()
    .filter((q) => q.info.region === region && q.info.name.startsWith(prefix))
    .map((q) => q.info.url);
  return urls.length === 0 ? {} : { QueueUrls: urls.slice(0, max ?? 1000) };
};

/** DeleteQueue: the name stays taken for 60 seconds. */
export const DeleteQueue: Operation = (input, info, context) => {
  context.registry.delete(queueOf(input, info, context), context.nowMs());
  return {};
};

/** GetQueueAttributes: the named attributes (or `All`), with the message counts now. */
export const GetQueueAttributes: Operation = (input, info, context) => {
  const queue = queueOf(input, info, context);
  const names = readStringList(input, 'AttributeNames', SQS_INPUT_ERRORS) ?? [];
  for (const name of names)
    if (name !== 'All' && !READABLE_ATTRIBUTES.has(name))
      throw sqsError('InvalidAttributeName', `Unknown Attribute ${name}.`);
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
};

/** SetQueueAttributes: CreateQueue's attribute rules, a RedrivePolicy's target checked. */
export const SetQueueAttributes: Operation = (input, info, context) => {
  const queue = queueOf(input, info, context);
  const attributes = readStringMap(input, 'Attributes', SQS_INPUT_ERRORS);
  if (attributes === undefined) throw SQS_INPUT_ERRORS.missing('Attributes');
  queue.config = applyAttributes(
    queue.config,
    attributes,
    queue.info.fifo,
    context.registry.deadLetterCheck(queue.info.fifo, queue.info.arn),
  );
  queue.lastModifiedAt = context.nowMs();
  return {};
};

/** PurgeQueue: every message goes (at most once a minute). */
export const PurgeQueue: Operation = (input, info, context) => {
  queueOf(input, info, context).purge(context.nowMs());
  return {};
};
