/**
 * Kinesis answers recorded against real AWS, replayed through the real @aws-sdk/client-kinesis.
 *
 * GetRecords: localstack's snapshot recorded against AWS,
 * tests/aws/services/kinesis/test_kinesis.snapshot.json (test_record_lifecycle_data_integrity,
 * github.com/localstack/localstack): the records of an unencrypted stream have exactly
 * ApproximateArrivalTimestamp, Data, PartitionKey and SequenceNumber. Lambda events: the Lambda
 * developer guide's Kinesis example event has no `encryptionType` on an unencrypted stream
 * (https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html).
 */
import {
  CreateStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  PutRecordCommand,
} from '@aws-sdk/client-kinesis';
import { describe, expect, it } from 'vitest';
import type { KinesisStreamEvent } from '../../../src/events/kinesis/index.js';
import { useAwsMocks } from '../_helpers/setup.js';
import { kinesisClient, rawKinesis } from './_clients.js';

const { mocks } = useAwsMocks();
const kinesis = kinesisClient();

async function streamWithRecords(): Promise<string> {
  await kinesis.send(new CreateStreamCommand({ StreamName: 'plain', ShardCount: 1 }));
  for (const text of ['one', 'two'])
    await kinesis.send(new PutRecordCommand({ StreamName: 'plain', PartitionKey: 'k', Data: Buffer.from(text) }));
  const { ShardIterator } = await kinesis.send(
    new GetShardIteratorCommand({
      StreamName: 'plain',
      ShardId: 'shardId-000000000000',
      ShardIteratorType: 'TRIM_HORIZON',
    }),
  );
  return ShardIterator as string;
}

describe('records of an unencrypted stream carry no EncryptionType', () => {
  it('GetRecords on the wire: exactly the recorded keys', async () => {
    const iterator = await streamWithRecords();
    const raw = (await rawKinesis('GetRecords', JSON.stringify({ ShardIterator: iterator }))) as unknown as {
      status: number;
      json: { Records: object[] };
    };
    expect(raw.status).toBe(200);
    expect(raw.json.Records).toHaveLength(2);
    for (const record of raw.json.Records)
      expect(Object.keys(record).sort()).toEqual([
        'ApproximateArrivalTimestamp',
        'Data',
        'PartitionKey',
        'SequenceNumber',
      ]);
  });

  it('GetRecords through the SDK', async () => {
    const iterator = await streamWithRecords();
    const { Records } = await kinesis.send(new GetRecordsCommand({ ShardIterator: iterator }));
    expect(Records?.map((record) => Buffer.from(record.Data ?? []).toString())).toEqual(['one', 'two']);
    for (const record of Records ?? []) expect(record.EncryptionType).toBeUndefined();
  });

  it('the Lambda event of a subscription', async () => {
    await streamWithRecords();
    const events: KinesisStreamEvent[] = [];
    mocks.kinesis.subscribe('plain', (event) => void events.push(event));
    await mocks.drain();
    const records = events.flatMap((event) => event.Records);
    expect(records).toHaveLength(2);
    for (const record of records) expect(Object.hasOwn(record.kinesis, 'encryptionType')).toBe(false);
  });
});

describe('validation messages', () => {
  // Coral's "1 validation error detected" form with the blob printed as its Java ByteBuffer (wording unverified).
  it('Data over 1 MiB names the member in the standard form, without a blank value', async () => {
    mocks.kinesis.createStream('limits', { shardCount: 1 });
    const error = (await kinesis
      .send(new PutRecordCommand({ StreamName: 'limits', Data: new Uint8Array(1024 * 1024 + 1), PartitionKey: 'k' }))
      .catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(
      "1 validation error detected: Value 'java.nio.HeapByteBuffer[pos=0 lim=1048577 cap=1048577]' at 'data' failed to satisfy constraint: Member must have length less than or equal to 1048576",
    );
  });
});

describe('stream names', () => {
  // Kinesis API reference (CreateStream): StreamName is 1–128 of [a-zA-Z0-9_.-]; each broken
  // constraint is one clause of coral's message, joined by '; ' (as EventBridge's recorded
  // "3 validation errors detected" in localstack's test_events.snapshot.json shows).
  it('each broken constraint is reported once, in the standard form', async () => {
    const send = (StreamName: string): Promise<Error> =>
      kinesis.send(new CreateStreamCommand({ StreamName, ShardCount: 1 })).then(
        () => new Error('the request succeeded; AWS rejects it'),
        (e: unknown) => e as Error,
      );
    expect((await send('bad name')).message).toBe(
      "1 validation error detected: Value 'bad name' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
    );
    const long = 'x'.repeat(129);
    expect((await send(long)).message).toBe(
      `1 validation error detected: Value '${long}' at 'streamName' failed to satisfy constraint: Member must have length less than or equal to 128`,
    );
    const both = `${'x'.repeat(128)}!`;
    expect((await send(both)).message).toBe(
      `2 validation errors detected: Value '${both}' at 'streamName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; Value '${both}' at 'streamName' failed to satisfy constraint: Member must have length less than or equal to 128`,
    );
  });
});
