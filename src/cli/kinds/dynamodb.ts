/**
 * The DynamoDB Streams family's CLI kinds: a stream batch of one INSERT, MODIFY and REMOVE
 * (`dynamodb`), and change data delivered through Kinesis Data Streams (`dynamodb:kinesis`).
 */
import { dynamodbChange, makeDynamoDBKinesisEvent, makeDynamoDBStreamEvent } from '../../../fixtures/dynamodb.js';
import { listValue, NO_INPUTS, type FactoryInputs, type KindFamily, type KindInput } from '../inputs.js';
import { ALL_SHARED, defineCliFamily, withOptions } from './_shared.js';
import { SHARD_ID, STREAM } from './kinesis.js';

const TABLE: KindInput = {
  flag: 'table',
  value: 'TABLE',
  target: 'table',
  description: 'the table: a name, a table ARN or a stream ARN; eventSourceARN follows (default lambda-table)',
};
const KEYS: KindInput = {
  flag: 'keys',
  value: 'PK[,SK]',
  target: 'keys',
  parse: listValue,
  description: "the table's key attributes; the sample items and Keys follow (default id)",
};
/** The inputs of the `dynamodb` kind (and of `pipes:dynamodb`). */
export const DYNAMODB: KindFamily = {
  title: 'DynamoDB Streams',
  inputs: [
    TABLE,
    KEYS,
    {
      flag: 'stream-view-type',
      value: 'TYPE',
      target: 'streamViewType',
      description:
        'NEW_AND_OLD_IMAGES, NEW_IMAGE, OLD_IMAGE or KEYS_ONLY; the images follow (default NEW_AND_OLD_IMAGES)',
    },
  ],
  shared: ALL_SHARED,
  options: ['table', 'keys', 'streamViewType', 'streamLabel', 'eventVersion'],
};
const DYNAMODB_KINESIS: KindFamily = {
  title: 'DynamoDB through Kinesis',
  inputs: [
    TABLE,
    KEYS,
    { ...STREAM, description: 'the Kinesis stream: a name or a stream ARN (default <table>-changes)' },
    SHARD_ID,
  ],
  shared: ALL_SHARED,
  options: ['table', 'keys', 'precision', 'stream', 'shardId', 'role'],
};

/** The sample order with the table's key attributes (`id` by default) first. */
function order(inputs: FactoryInputs, fields: Record<string, unknown>): Record<string, unknown> {
  const keys = inputs.options.keys;
  if (!Array.isArray(keys)) return { id: 'order-1001', ...fields };
  const item: Record<string, unknown> = {};
  const own = (key: string, value: unknown) =>
    Object.defineProperty(item, key, { value, enumerable: true, writable: true, configurable: true });
  keys.forEach((key, i) => {
    if (typeof key === 'string') own(key, i === 0 ? 'order-1001' : 'details');
  });
  for (const [key, value] of Object.entries(fields)) if (!Object.hasOwn(item, key)) own(key, value);
  return item;
}

/** The `dynamodb` kind's event (`pipes:dynamodb` wraps it). */
export const dynamodbBatch = (seed: number, inputs: FactoryInputs = NO_INPUTS) =>
  makeDynamoDBStreamEvent(
    [
      dynamodbChange.insert(order(inputs, { status: 'NEW', total: 42.5 })),
      dynamodbChange.modify(
        order(inputs, { status: 'NEW', total: 42.5 }),
        order(inputs, { status: 'PAID', total: 42.5 }),
      ),
      dynamodbChange.remove(order(inputs, { status: 'PAID', total: 42.5 })),
    ],
    withOptions({}, inputs, seed),
  );

/** The DynamoDB Streams family's CLI descriptor. */
export const dynamodbCliFamily = defineCliFamily({
  name: 'dynamodb',
  kinds: [
    {
      name: 'dynamodb',
      description: 'DynamoDB Streams batch: INSERT, MODIFY, REMOVE (NEW_AND_OLD_IMAGES)',
      family: DYNAMODB,
      make: dynamodbBatch,
    },
    {
      name: 'dynamodb:kinesis',
      description: 'DynamoDB change data delivered through Kinesis Data Streams',
      family: DYNAMODB_KINESIS,
      make: (seed, inputs = NO_INPUTS) =>
        makeDynamoDBKinesisEvent(
          [dynamodbChange.insert(order(inputs, { status: 'NEW' }))],
          withOptions({}, inputs, seed),
        ),
    },
  ],
});
