/** The Kinesis family's CLI kind: a batch of records from one shard (`kinesis`). */
import { makeKinesisEvent, type KinesisData } from '../../../fixtures/kinesis.js';
import { NO_INPUTS, type FactoryInputs, type KindFamily, type KindInput } from '../inputs.js';
import { ALL_SHARED, arg, defineCliFamily, ORDER, withOptions } from './_shared.js';

/** `--stream`: `dynamodb:kinesis` takes it too, with its own description. */
export const STREAM: KindInput = {
  flag: 'stream',
  value: 'STREAM',
  target: 'stream',
  description: 'the stream: a name or a stream ARN; eventSourceARN follows (default lambda-stream)',
};
/** `--shard-id`: `dynamodb:kinesis` takes it too. */
export const SHARD_ID: KindInput = {
  flag: 'shard-id',
  value: 'ID',
  target: 'shardId',
  description: 'the shard of every record, shardId- and 12 digits; eventIDs follow (default shardId-000000000000)',
};
/** The inputs of the `kinesis` kind (and of `pipes:kinesis`). */
export const KINESIS: KindFamily = {
  title: 'Kinesis',
  inputs: [
    STREAM,
    SHARD_ID,
    {
      flag: 'partition-key',
      value: 'KEY',
      target: 'partitionKey',
      description: 'the partition key of every record (default a seeded UUID each)',
    },
    {
      flag: 'data',
      value: 'TEXT',
      target: 'records',
      argument: true,
      repeat: true,
      description: 'one record whose data is the UTF-8 of TEXT, verbatim (base64 in the event)',
    },
  ],
  shared: ALL_SHARED,
  options: ['stream', 'shardId', 'partitionKey', 'role', 'encryptionType'],
};

/** The `kinesis` kind's event (`pipes:kinesis` wraps it). */
export const kinesisBatch = (seed: number, inputs: FactoryInputs = NO_INPUTS) =>
  makeKinesisEvent(
    arg<KinesisData[]>(inputs, 'records', [ORDER, 'Hello, this is a test.']),
    withOptions({}, inputs, seed),
  );

/** The Kinesis family's CLI descriptor. */
export const kinesisCliFamily = defineCliFamily({
  name: 'kinesis',
  kinds: [
    {
      name: 'kinesis',
      description: 'Kinesis Data Streams batch of 2 records from one shard',
      family: KINESIS,
      make: kinesisBatch,
    },
  ],
});
