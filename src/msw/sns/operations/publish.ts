/** Publish and PublishBatch. */
import { utf8Length } from '../../../_internals/limits.js';
import { SNS_MAX_MESSAGE_BYTES } from '../../../events/sns/index.js';
import { AwsServiceError } from '../../_internals/awsError.js';
import { invalidParameter, snsError } from '../errors.js';
import { readPublishRequest } from '../messages.js';
import { publish } from '../publishing.js';
import { xmlText } from '../query.js';
import { regionOf, type SnsOperation } from './context.js';

const BATCH_ID = /^[A-Za-z0-9_-]+$/;

/** Publish: one message to a topic (`TopicArn` or `TargetArn`), fanned out to its subscriptions. */
export const Publish: SnsOperation = (input, info, c) => {
  const topicArn = input.get('TopicArn') ?? input.get('TargetArn');
  if (topicArn === undefined) {
    if (input.get('PhoneNumber') !== undefined)
      throw invalidParameter('aws-event-kit/msw: the mocks do not send SMS (PhoneNumber); publish to a topic');
    throw invalidParameter('TopicArn or TargetArn Reason: no value for required parameter');
  }
  const topic = c.state.topic(
    topicArn,
    regionOf(info, c),
    input.get('TopicArn') === undefined ? 'TargetArn' : 'TopicArn',
  );
  const result = publish(c.state, topic, readPublishRequest(input));
  return (
    xmlText('MessageId', result.messageId) +
    (result.sequenceNumber === undefined ? '' : xmlText('SequenceNumber', result.sequenceNumber))
  );
};

/** PublishBatch: up to 10 messages to one topic, each entry succeeding or failing on its own. */
export const PublishBatch: SnsOperation = (input, info, c) => {
  const topic = c.state.topic(input.required('TopicArn'), regionOf(info, c));
  const entries = input.list('PublishBatchRequestEntries', 'member');
  if (entries.length === 0) throw snsError('EmptyBatchRequest', "The batch request doesn't contain any entries.");
  if (entries.length > 10)
    throw snsError('TooManyEntriesInBatchRequest', 'The batch request contains more entries than permissible.');
  const ids = new Set<string>();
  let total = 0;
  for (const entry of entries) {
    const id = entry.required('Id');
    if (id.length > 80)
      throw snsError('InvalidBatchEntryId', `The Id of a batch entry in the batch request is too long: ${id}`);
    if (!BATCH_ID.test(id))
      throw snsError(
        'InvalidBatchEntryId',
        `The Id of a batch entry in the batch request contains an impermissible character: ${id}`,
      );
    if (ids.has(id))
      throw snsError('BatchEntryIdsNotDistinct', 'Two or more batch entries in the request have the same Id.');
    ids.add(id);
    total += utf8Length(entry.get('Message') ?? '');
    for (const attribute of entry.list('MessageAttributes', 'entry')) {
      total +=
        utf8Length(attribute.get('Name') ?? '') +
        utf8Length(attribute.get('Value.DataType') ?? '') +
        utf8Length(attribute.get('Value.StringValue') ?? attribute.get('Value.BinaryValue') ?? '');
    }
  }
  if (total > SNS_MAX_MESSAGE_BYTES)
    throw snsError('BatchRequestTooLong', 'The length of all the messages put together is more than the limit.');
  // FIFO rules apply to the whole request, as SNS checks them before the entries.
  if (topic.topic.fifo) {
    for (const entry of entries) {
      if (entry.get('MessageGroupId') === undefined)
        throw invalidParameter('The MessageGroupId parameter is required for FIFO topics');
      if (
        entry.get('MessageDeduplicationId') === undefined &&
        topic.attributes.get('ContentBasedDeduplication') !== 'true'
      ) {
        throw invalidParameter(
          'The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly',
        );
      }
    }
  }
  let successful = '';
  let failed = '';
  for (const entry of entries) {
    const id = entry.get('Id') as string;
    try {
      const result = publish(c.state, topic, readPublishRequest(entry));
      successful += `<member>${xmlText('Id', id)}${xmlText('MessageId', result.messageId)}${result.sequenceNumber === undefined ? '' : xmlText('SequenceNumber', result.sequenceNumber)}</member>`;
    } catch (error) {
      if (!(error instanceof AwsServiceError)) throw error;
      failed += `<member>${xmlText('Id', id)}${xmlText('Code', error.code)}${xmlText('Message', error.message)}<SenderFault>${error.status < 500}</SenderFault></member>`;
    }
  }
  return `<Successful>${successful}</Successful><Failed>${failed}</Failed>`;
};
