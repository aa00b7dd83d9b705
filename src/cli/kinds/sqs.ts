/** The SQS family's CLI kinds: a standard batch (`sqs`) and a FIFO one (`sqs:fifo`). */
import { makeSqsEvent, type SqsEventOptions, type SqsMessageInput } from '../../../fixtures/sqs.js';
import { show } from '../../_internals/errors.js';
import { UsageError } from '../command.js';
import { NO_INPUTS, type FactoryInputs, type KindFamily, type KindInput } from '../inputs.js';
import { messageAttribute, messageAttributes } from '../messageAttributes.js';
import { ALL_SHARED, arg, defineCliFamily, ORDER, withOptions } from './_shared.js';

/** `--queue`: the SNS fan-out kinds take it too. */
export const QUEUE: KindInput = {
  flag: 'queue',
  value: 'QUEUE',
  target: 'queue',
  description:
    'a queue name, ARN or URL; a name ending in .fifo makes a FIFO queue; ARNs, URL and awsRegion follow (default my-queue)',
};

/** `--message-attribute`: the SNS kinds take it too, with their own description. */
export const MESSAGE_ATTRIBUTE: KindInput = {
  flag: 'message-attribute',
  value: 'NAME=TYPE:VALUE',
  target: 'messageAttributes',
  repeat: true,
  parse: messageAttribute,
  collect: messageAttributes,
  description:
    'an attribute of every message, e.g. priority=Number:5 (String, Number or Binary as base64; no TYPE: Number for a plain number such as 5, else String, said on stderr)',
};

/** The inputs of the SQS kinds (and of `pipes:sqs`). */
export const SQS: KindFamily = {
  title: 'SQS',
  inputs: [
    QUEUE,
    {
      flag: 'body',
      value: 'TEXT',
      target: 'messages',
      argument: true,
      repeat: true,
      description: 'one message with this body, verbatim (JSON stays as typed); md5OfBody follows',
    },
    MESSAGE_ATTRIBUTE,
  ],
  shared: ALL_SHARED,
  options: ['queue', 'messageAttributes', 'attributes', 'emptyMd5OfMessageAttributes'],
};

/** sqs:fifo builds a FIFO batch: a queue given to it must be one. */
function fifoQueue(options: { queue?: unknown }): void {
  if (typeof options.queue !== 'string' || !options.queue.endsWith('.fifo')) {
    throw new UsageError(
      `sqs:fifo needs a FIFO queue, a name ending in .fifo; got ${show(options.queue)} (generate sqs for a standard queue)`,
    );
  }
}

/** The `sqs` kind's event (`pipes:sqs` wraps it). */
export const sqsBatch = (seed: number, inputs: FactoryInputs = NO_INPUTS) =>
  makeSqsEvent(
    arg<SqsMessageInput[]>(inputs, 'messages', [JSON.stringify(ORDER), 'Hello from SQS!']),
    withOptions({}, inputs, seed),
  );
const sqsFifo = (seed: number, inputs: FactoryInputs = NO_INPUTS) => {
  const options = withOptions<SqsEventOptions>({ queue: 'orders.fifo' }, inputs, seed);
  fifoQueue(options);
  return makeSqsEvent(arg<SqsMessageInput[]>(inputs, 'messages', [JSON.stringify(ORDER)]), options);
};

/** The SQS family's CLI descriptor (the SQS events of the SNS and EventBridge fan-outs are SNS's). */
export const sqsCliFamily = defineCliFamily({
  name: 'sqs',
  kinds: [
    {
      name: 'sqs',
      description: 'SQS batch of 2 messages (standard queue), md5s computed',
      family: SQS,
      make: sqsBatch,
    },
    {
      name: 'sqs:fifo',
      description: 'SQS batch from a FIFO queue (MessageGroupId, SequenceNumber …)',
      family: SQS,
      make: sqsFifo,
    },
  ],
});
