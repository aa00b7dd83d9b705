/**
 * The SNS family's CLI kinds: the Lambda SNS event (`sns`) and the SQS events of the fan-out
 * chains its factories build (SNS → SQS, S3 → SNS → SQS, EventBridge → SQS), named for the queue
 * that delivers them (`sqs:sns` …).
 */
import { makeEventBridgeEvent } from '../../../fixtures/eventbridge.js';
import { makeS3PutEvent } from '../../../fixtures/s3.js';
import {
  makeSnsEvent,
  makeSqsEventFromEventBridge,
  makeSqsEventFromSns,
  type SnsMessageInput,
  type SqsFromSnsOptions,
} from '../../../fixtures/sns.js';
import { show } from '../../_internals/errors.js';
import { UsageError } from '../command.js';
import { NO_INPUTS, type FactoryInputs, type KindFamily, type KindInput } from '../inputs.js';
import { ALL_SHARED, arg, defineCliFamily, ORDER, withOptions } from './_shared.js';
import { EVENTBRIDGE } from './eventbridge.js';
import { BUCKET, KEY, S3_INPUTS } from './s3.js';
import { MESSAGE_ATTRIBUTE, QUEUE } from './sqs.js';

const TOPIC: KindInput = {
  flag: 'topic',
  value: 'TOPIC',
  target: 'topic',
  description:
    'the topic: a name or ARN; a name ending in .fifo is a FIFO topic; TopicArn, the subscription ARN and the URLs follow (default my-topic)',
};
const SNS_MESSAGE: KindInput = {
  flag: 'message',
  value: 'TEXT',
  target: 'messages',
  argument: true,
  repeat: true,
  description: 'one published message, verbatim (JSON stays as typed)',
};
const SUBJECT: KindInput = {
  flag: 'subject',
  value: 'TEXT',
  target: 'subject',
  description: 'the Subject of every message (default none: "Subject": null in the Lambda event)',
};
const SNS_ATTRIBUTE: KindInput = {
  ...MESSAGE_ATTRIBUTE,
  description:
    'an SNS message attribute of every message, e.g. priority=Number:5 (String, Number or Binary as base64; no TYPE: Number for a plain number such as 5, else String, said on stderr)',
};
const SNS_OPTIONS = ['topic', 'subject', 'messageAttributes', 'signatureVersion', 'subscriptionId'];
const SNS: KindFamily = {
  title: 'SNS',
  inputs: [
    TOPIC,
    {
      ...SNS_MESSAGE,
      description: 'the published message, verbatim (SNS invokes a function once per message: give one)',
    },
    SUBJECT,
    SNS_ATTRIBUTE,
  ],
  shared: ALL_SHARED,
  options: SNS_OPTIONS,
};
const SQS_FROM_SNS: KindFamily = {
  title: 'SQS subscribed to SNS',
  inputs: [TOPIC, QUEUE, SNS_MESSAGE, SUBJECT, SNS_ATTRIBUTE],
  shared: ALL_SHARED,
  options: [...SNS_OPTIONS, 'queue', 'raw', 'messageGroupId', 'attributes', 'emptyMd5OfMessageAttributes'],
};
const S3_VIA_SNS: KindFamily = {
  title: 'S3 → SNS → SQS',
  inputs: [S3_INPUTS[0] as KindInput, S3_INPUTS[1] as KindInput, TOPIC, QUEUE],
  shared: ALL_SHARED,
  options: ['key', 'topic', 'queue', 'raw', 'signatureVersion'],
};
const EVENTBRIDGE_SQS: KindFamily = {
  title: 'EventBridge → SQS',
  inputs: [...EVENTBRIDGE.inputs, QUEUE],
  shared: ALL_SHARED,
  options: ['queue', 'resources', 'replayName'],
};

/** The shared options (and seed) of a chain's inner event. */
function innerOptions(options: Record<string, unknown>): Record<string, unknown> {
  return {
    region: options.region,
    account: options.account,
    partition: options.partition,
    time: options.time,
    seed: options.seed,
  };
}
const sqsFromSns =
  (defaults: object) =>
  (seed: number, inputs: FactoryInputs = NO_INPUTS) =>
    makeSqsEventFromSns(
      arg<SnsMessageInput[]>(inputs, 'messages', [JSON.stringify(ORDER), 'Hello from SNS!']),
      withOptions<SqsFromSnsOptions>(defaults, inputs, seed),
    );
const snsFifo = (seed: number, inputs: FactoryInputs = NO_INPUTS) => {
  const options = withOptions<SqsFromSnsOptions>({ topic: 'orders.fifo', messageGroupId: 'orders' }, inputs, seed);
  if (typeof options.topic !== 'string' || !options.topic.endsWith('.fifo'))
    throw new UsageError(
      `sns:fifo needs a FIFO topic, a name ending in .fifo; got ${show(options.topic)} (generate sqs:sns for a standard topic)`,
    );
  return makeSqsEventFromSns(arg<SnsMessageInput[]>(inputs, 'messages', [JSON.stringify(ORDER)]), options);
};
const s3ViaSns = (seed: number, inputs: FactoryInputs = NO_INPUTS) => {
  const options = withOptions<Record<string, unknown>>({}, inputs, seed);
  const s3 = makeS3PutEvent(arg(inputs, 'bucket', BUCKET), {
    ...innerOptions(options),
    key: options.key ?? KEY,
    size: 1024,
  } as never);
  return makeSqsEventFromSns([s3], {
    ...innerOptions(options),
    topic: options.topic,
    queue: options.queue,
    raw: options.raw,
    signatureVersion: options.signatureVersion,
  } as never);
};
const eventBridgeSqs = (seed: number, inputs: FactoryInputs = NO_INPUTS) => {
  const options = withOptions<Record<string, unknown>>({}, inputs, seed);
  const event = makeEventBridgeEvent(
    arg(inputs, 'detailType', 'Order Placed'),
    arg(inputs, 'source', 'com.example.orders'),
    arg<object>(inputs, 'detail', ORDER),
    { ...innerOptions(options), resources: options.resources, replayName: options.replayName } as never,
  );
  return makeSqsEventFromEventBridge([event], { ...innerOptions(options), queue: options.queue } as never);
};

/** The SNS family's CLI descriptor. */
export const snsCliFamily = defineCliFamily({
  name: 'sns',
  kinds: [
    {
      name: 'sns',
      description:
        "SNS notification to Lambda (one record, Subject null when none, real signature by the kit's test key)",
      family: SNS,
      make: (seed, inputs = NO_INPUTS) =>
        makeSnsEvent(
          arg<SnsMessageInput[]>(inputs, 'messages', [JSON.stringify(ORDER)]),
          withOptions({}, inputs, seed),
        ),
    },
    {
      name: 'sns:fifo',
      description: 'SNS FIFO topic → FIFO queue → Lambda: the SQS event (FIFO topics deliver only to SQS)',
      family: SQS_FROM_SNS,
      make: snsFifo,
    },
    {
      name: 'sqs:sns',
      description: 'SQS batch from a queue subscribed to an SNS topic (JSON notification bodies)',
      family: SQS_FROM_SNS,
      make: sqsFromSns({}),
    },
    {
      name: 'sqs:sns:raw',
      description:
        'SQS batch from an SNS subscription with raw message delivery (body = message, SNS attributes as SQS attributes)',
      family: SQS_FROM_SNS,
      make: sqsFromSns({ raw: true }),
    },
    {
      name: 'sqs:s3-via-sns',
      description:
        'S3 → SNS → SQS: an S3 notification (Subject "Amazon S3 Notification") double-encoded in an SQS body',
      family: S3_VIA_SNS,
      make: s3ViaSns,
    },
    {
      name: 'sqs:eventbridge',
      description: 'EventBridge → SQS: the event JSON as the SQS body',
      family: EVENTBRIDGE_SQS,
      make: eventBridgeSqs,
    },
  ],
  // SQS events: what the queue of each chain hands a function (built by this family's factories).
  routeNamed: ['sqs:sns', 'sqs:sns:raw', 'sqs:s3-via-sns', 'sqs:eventbridge'],
});
