/**
 * DynamoDB Streams: records written by table changes (the seed story: an UpdateItem on a new key
 * arrives as an INSERT, a DeleteItem as a REMOVE), read through the real
 * `@aws-sdk/client-dynamodb-streams` and delivered by `mocks.dynamodb.subscribe`.
 */
import { DynamoDBStreamSchema } from '@aws-lambda-powertools/parser/schemas';
import {
  CreateTableCommand,
  DeleteItemCommand,
  DescribeTableCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ListStreamsCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb-streams';
import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import {
  itemSizeBytes,
  type DynamoDBStreamEvent,
  type DynamoDBStreamRecord,
  type StreamViewType,
} from '../../../src/events/dynamodb/index.js';
import type { StreamFailureRecord } from '../../../src/msw/index.js';
import { useAwsMocks } from '../_helpers/setup.js';
import { dynamoClient, streamsClient } from './_clients.js';

const { mocks } = useAwsMocks();
const dynamo = dynamoClient();
const streams = streamsClient();

async function createTable(TableName: string, StreamViewType: StreamViewType): Promise<string> {
  const out = await dynamo.send(
    new CreateTableCommand({
      TableName,
      KeySchema: [
        { AttributeName: 'key1', KeyType: 'HASH' },
        { AttributeName: 'key2', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'key1', AttributeType: 'S' },
        { AttributeName: 'key2', AttributeType: 'S' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamEnabled: true, StreamViewType },
    }),
  );
  return out.TableDescription?.LatestStreamArn as string;
}

/** The seed story: an UpdateItem on a key that does not exist yet, then a DeleteItem. */
async function seedStory(TableName: string): Promise<void> {
  const Key = marshall({ key1: 'value', key2: 'value' });
  await dynamo.send(
    new UpdateItemCommand({
      TableName,
      Key,
      UpdateExpression: 'SET column1 = :c1, column2 = :c2',
      ExpressionAttributeValues: marshall({ ':c1': 'column1 value', ':c2': 42 }),
    }),
  );
  mocks.clock.advance(2000);
  await dynamo.send(new DeleteItemCommand({ TableName, Key }));
}

/** Invariants of delivered DynamoDB events: increasing sequence numbers, images by view type, Keys within images. */
function assertEventInvariants(event: DynamoDBStreamEvent, streamArn: string, viewType: StreamViewType): void {
  expect(DynamoDBStreamSchema.safeParse(event).success).toBe(true);
  let previous: bigint | undefined;
  for (const record of event.Records) {
    expect(record.eventSourceARN).toBe(streamArn);
    expect(record.eventVersion).toBe('1.1');
    expect(record.eventID).toMatch(/^[0-9a-f]{32}$/);
    expect(record.dynamodb.StreamViewType).toBe(viewType);
    expect(record.dynamodb.SequenceNumber).toMatch(/^[1-9]\d{20,39}$/);
    const seq = BigInt(record.dynamodb.SequenceNumber);
    if (previous !== undefined) expect(seq > previous).toBe(true);
    previous = seq;
    const { Keys, NewImage, OldImage } = record.dynamodb;
    expect(record.dynamodb.SizeBytes).toBe(
      itemSizeBytes(Keys) + (NewImage ? itemSizeBytes(NewImage) : 0) + (OldImage ? itemSizeBytes(OldImage) : 0),
    );
    expect(Number.isInteger(record.dynamodb.ApproximateCreationDateTime)).toBe(true);
    expect(record.userIdentity).toBeUndefined();
  }
}

const IMAGES: Record<StreamViewType, { insert: string[]; remove: string[] }> = {
  KEYS_ONLY: { insert: [], remove: [] },
  NEW_IMAGE: { insert: ['NewImage'], remove: [] },
  OLD_IMAGE: { insert: [], remove: ['OldImage'] },
  NEW_AND_OLD_IMAGES: { insert: ['NewImage'], remove: ['OldImage'] },
};

describe('the seed story: UpdateItem on a new key is an INSERT, DeleteItem a REMOVE', () => {
  for (const viewType of Object.keys(IMAGES) as StreamViewType[]) {
    it(`a subscribed handler sees INSERT then REMOVE with the ${viewType} images`, async () => {
      const streamArn = await createTable('your_table_name', viewType);
      const seen: DynamoDBStreamEvent[] = [];
      const subscription = mocks.dynamodb.subscribe('your_table_name', (event) => void seen.push(event));
      const start = mocks.clock.now();
      await seedStory('your_table_name');
      await mocks.drain();
      const records = seen.flatMap((e) => e.Records);
      expect(records.map((r) => r.eventName)).toEqual(['INSERT', 'REMOVE']);
      for (const event of seen) assertEventInvariants(event, streamArn, viewType);
      const [insert, remove] = records as [DynamoDBStreamRecord, DynamoDBStreamRecord];
      const item = {
        key1: { S: 'value' },
        key2: { S: 'value' },
        column1: { S: 'column1 value' },
        column2: { N: '42' },
      };
      expect(insert.dynamodb.Keys).toEqual({ key1: { S: 'value' }, key2: { S: 'value' } });
      expect(Object.keys(insert.dynamodb).filter((k) => k.endsWith('Image'))).toEqual(IMAGES[viewType].insert);
      expect(Object.keys(remove.dynamodb).filter((k) => k.endsWith('Image'))).toEqual(IMAGES[viewType].remove);
      if (insert.dynamodb.NewImage) expect(insert.dynamodb.NewImage).toEqual(item);
      if (remove.dynamodb.OldImage) expect(remove.dynamodb.OldImage).toEqual(item);
      expect(insert.dynamodb.ApproximateCreationDateTime).toBe(Math.floor(start.getTime() / 1000));
      expect(remove.dynamodb.ApproximateCreationDateTime).toBe(Math.floor(start.getTime() / 1000) + 2);
      expect(insert.awsRegion).toBe('us-east-1');
      expect(subscription.invocations.every((i) => i.outcome === 'success')).toBe(true);
      expect(mocks.dynamodb.streamRecords('your_table_name')).toEqual(records);
    });
  }

  it('GetRecords gives the same records in the SDK shape; ApproximateCreationDateTime parses into a Date', async () => {
    const streamArn = await createTable('your_table_name', 'NEW_AND_OLD_IMAGES');
    const start = mocks.clock.now();
    await seedStory('your_table_name');
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    expect(StreamDescription).toMatchObject({
      StreamArn: streamArn,
      StreamStatus: 'ENABLED',
      StreamViewType: 'NEW_AND_OLD_IMAGES',
      TableName: 'your_table_name',
    });
    expect(StreamDescription?.StreamLabel).toBe(start.toISOString().slice(0, 23));
    const shard = StreamDescription?.Shards?.[0];
    expect(shard?.ShardId).toMatch(/^shardId-\d{20}-[0-9a-f]{8}$/);
    const { ShardIterator } = await streams.send(
      new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard?.ShardId, ShardIteratorType: 'TRIM_HORIZON' }),
    );
    const out = await streams.send(new GetRecordsCommand({ ShardIterator }));
    expect(out.Records?.map((r) => r.eventName)).toEqual(['INSERT', 'REMOVE']);
    const first = out.Records?.[0];
    expect(first?.dynamodb?.ApproximateCreationDateTime).toEqual(new Date(Math.floor(start.getTime() / 1000) * 1000));
    expect(first?.dynamodb?.NewImage).toEqual({
      key1: { S: 'value' },
      key2: { S: 'value' },
      column1: { S: 'column1 value' },
      column2: { N: '42' },
    });
    expect(first?.dynamodb?.SequenceNumber).toBe(shard?.SequenceNumberRange?.StartingSequenceNumber);
    expect(Object.keys(first ?? {})).not.toContain('eventSourceARN');
    const lambdaForm = mocks.dynamodb.streamRecords('your_table_name');
    expect(out.Records?.map((r) => r.eventID)).toEqual(lambdaForm.map((r) => r.eventID));
    // The iterator of the tip returns nothing until the table changes again.
    const next = await streams.send(new GetRecordsCommand({ ShardIterator: out.NextShardIterator }));
    expect(next.Records).toEqual([]);
    const after = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shard?.ShardId,
        ShardIteratorType: 'AFTER_SEQUENCE_NUMBER',
        SequenceNumber: first?.dynamodb?.SequenceNumber,
      }),
    );
    expect(
      (await streams.send(new GetRecordsCommand({ ShardIterator: after.ShardIterator }))).Records?.map(
        (r) => r.eventName,
      ),
    ).toEqual(['REMOVE']);
    const latest = await streams.send(
      new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard?.ShardId, ShardIteratorType: 'LATEST' }),
    );
    await dynamo.send(new PutItemCommand({ TableName: 'your_table_name', Item: marshall({ key1: 'b', key2: 'b' }) }));
    expect(
      (await streams.send(new GetRecordsCommand({ ShardIterator: latest.ShardIterator, Limit: 1 }))).Records?.map(
        (r) => r.eventName,
      ),
    ).toEqual(['INSERT']);
    mocks.clock.advance(15 * 60 * 1000 + 1);
    await expect(streams.send(new GetRecordsCommand({ ShardIterator: latest.ShardIterator }))).rejects.toBeInstanceOf(
      ExpiredIteratorException,
    );
  });

  it("ListStreams, DescribeTable's LatestStreamArn, and unknown streams", async () => {
    const arn = await createTable('listed', 'KEYS_ONLY');
    await dynamo.send(
      new CreateTableCommand({
        TableName: 'plain',
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: 'listed' }));
    expect(Table?.LatestStreamArn).toBe(arn);
    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'KEYS_ONLY' });
    const listed = await streams.send(new ListStreamsCommand({}));
    expect(listed.Streams?.map((s) => [s.TableName, s.StreamArn])).toEqual([['listed', arn]]);
    expect((await streams.send(new ListStreamsCommand({ TableName: 'plain' }))).Streams).toEqual([]);
    await expect(
      streams.send(new DescribeStreamCommand({ StreamArn: `${arn.slice(0, -3)}999` })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });
});

describe('which changes make records', () => {
  it('no MODIFY when nothing changed; MODIFY carries both images; deleting a missing item writes nothing', async () => {
    mocks.dynamodb.createTable('changes', { partitionKey: 'id', streamViewType: 'NEW_AND_OLD_IMAGES' });
    const Key = marshall({ id: 'x' });
    await dynamo.send(new PutItemCommand({ TableName: 'changes', Item: marshall({ id: 'x', n: 1 }) }));
    await dynamo.send(new PutItemCommand({ TableName: 'changes', Item: marshall({ id: 'x', n: 1 }) }));
    await dynamo.send(
      new UpdateItemCommand({
        TableName: 'changes',
        Key,
        UpdateExpression: 'SET n = :one',
        ExpressionAttributeValues: marshall({ ':one': 1 }),
      }),
    );
    await dynamo.send(
      new UpdateItemCommand({
        TableName: 'changes',
        Key,
        UpdateExpression: 'SET n = n + :one',
        ExpressionAttributeValues: marshall({ ':one': 1 }),
      }),
    );
    await dynamo.send(new DeleteItemCommand({ TableName: 'changes', Key: marshall({ id: 'missing' }) }));
    // A failed condition writes nothing either.
    await dynamo
      .send(
        new UpdateItemCommand({
          TableName: 'changes',
          Key,
          UpdateExpression: 'SET n = :one',
          ConditionExpression: 'n = :one',
          ExpressionAttributeValues: marshall({ ':one': 1 }),
        }),
      )
      .catch(() => undefined);
    const records = mocks.dynamodb.streamRecords('changes');
    expect(records.map((r) => r.eventName)).toEqual(['INSERT', 'MODIFY']);
    expect(records[1]?.dynamodb.OldImage).toEqual({ id: { S: 'x' }, n: { N: '1' } });
    expect(records[1]?.dynamodb.NewImage).toEqual({ id: { S: 'x' }, n: { N: '2' } });
  });

  it('test-side putItem/deleteItem write stream records too; a table without a stream cannot be subscribed', async () => {
    mocks.dynamodb.createTable('side', { partitionKey: { name: 'id', type: 'N' }, streamViewType: 'NEW_IMAGE' });
    mocks.dynamodb.putItem('side', { id: 1, name: 'one' });
    mocks.dynamodb.deleteItem('side', { id: 1 });
    expect(mocks.dynamodb.streamRecords('side').map((r) => r.eventName)).toEqual(['INSERT', 'REMOVE']);
    mocks.dynamodb.createTable('nostream', { partitionKey: 'id' });
    expect(() => mocks.dynamodb.subscribe('nostream', () => undefined)).toThrow(/has no stream/);
    expect(() =>
      mocks.dynamodb.subscribe('side', () => undefined, {
        startingPosition: 'AT_TIMESTAMP',
        startingPositionTimestamp: 0,
      }),
    ).toThrow(/TRIM_HORIZON, LATEST/);
  });
});

describe('delivery semantics shared with Kinesis', () => {
  it('retries block the shard until maximumRetryAttempts; the destination gets DDBStreamBatchInfo', async () => {
    const table = mocks.dynamodb.createTable('retry', { partitionKey: 'id', streamViewType: 'NEW_IMAGE' });
    for (let i = 0; i < 3; i++) mocks.dynamodb.putItem('retry', { id: `i${i}` });
    const destination: StreamFailureRecord[] = [];
    const ok: string[] = [];
    const subscription = mocks.dynamodb.subscribe(
      'retry',
      (event) => {
        if (event.Records.some((r) => (r.dynamodb.Keys['id'] as { S: string }).S === 'i1')) throw new Error('bad item');
        ok.push(...event.Records.map((r) => (r.dynamodb.Keys['id'] as { S: string }).S as string));
      },
      { batchSize: 2, maximumRetryAttempts: 1, onFailure: (r) => void destination.push(r) },
    );
    await mocks.drain();
    expect(subscription.invocations.map((i) => [i.event.Records.length, i.outcome])).toEqual([
      [2, 'failure'],
      [2, 'failure'],
      [1, 'success'],
    ]);
    expect(ok).toEqual(['i2']);
    const records = mocks.dynamodb.streamRecords('retry');
    expect(destination).toHaveLength(1);
    const info = destination[0]?.DDBStreamBatchInfo;
    expect(info).toEqual({
      shardId: expect.stringMatching(/^shardId-\d{20}-[0-9a-f]{8}$/),
      startSequenceNumber: records[0]?.dynamodb.SequenceNumber,
      endSequenceNumber: records[1]?.dynamodb.SequenceNumber,
      approximateArrivalOfFirstRecord: new Date((records[0]?.dynamodb.ApproximateCreationDateTime ?? 0) * 1000)
        .toISOString()
        .replace('.000Z', 'Z'),
      approximateArrivalOfLastRecord: new Date((records[1]?.dynamodb.ApproximateCreationDateTime ?? 0) * 1000)
        .toISOString()
        .replace('.000Z', 'Z'),
      batchSize: 2,
      streamArn: table.streamArn,
    });
    expect(destination[0]?.KinesisBatchInfo).toBeUndefined();
    expect(destination[0]?.requestContext.condition).toBe('RetryAttemptsExhausted');
  });

  it('reportBatchItemFailures uses dynamodb.SequenceNumber as itemIdentifier', async () => {
    mocks.dynamodb.createTable('partial', { partitionKey: 'id', streamViewType: 'KEYS_ONLY' });
    for (let i = 0; i < 4; i++) mocks.dynamodb.putItem('partial', { id: `p${i}` });
    let first = true;
    const subscription = mocks.dynamodb.subscribe(
      'partial',
      async (event) => {
        if (!first) return undefined;
        first = false;
        return { batchItemFailures: [{ itemIdentifier: event.Records[2]?.dynamodb.SequenceNumber }] };
      },
      { reportBatchItemFailures: true },
    );
    await mocks.drain();
    expect(
      subscription.invocations.map((i) =>
        i.event.Records.map((r) => (r.dynamodb.Keys['id'] as { S: string }).S).join(),
      ),
    ).toEqual(['p0,p1,p2,p3', 'p2,p3']);
  });
});
