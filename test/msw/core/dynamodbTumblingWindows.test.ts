/**
 * Tumbling windows on DynamoDB Streams mappings (`TumblingWindowInSeconds`): changes written with
 * the real `@aws-sdk/client-dynamodb`, delivered through `mocks.dynamodb.subscribe` and through
 * Lambda's CreateEventSourceMapping, as the window event of `toDynamoDBTumblingWindowEvent`.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-windows.html
 */
import { DynamoDBStreamSchema } from '@aws-lambda-powertools/parser/schemas';
import { CreateTableCommand, DeleteItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand } from '@aws-sdk/client-dynamodb-streams';
import {
  CreateEventSourceMappingCommand,
  GetEventSourceMappingCommand,
  LambdaClient,
  UpdateEventSourceMappingCommand,
} from '@aws-sdk/client-lambda';
import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import type { DynamoDBTumblingWindowEvent } from '../../../src/events/dynamodb/index.js';
import { EventInputError } from '../../../src/_internals/errors.js';
import { awsTestClientConfig } from '../../../src/msw/index.js';
import { useAwsMocks } from '../_helpers/setup.js';
import { dynamoClient, streamsClient } from '../dynamodb/_clients.js';

const { mocks } = useAwsMocks();
const dynamo = dynamoClient();
const streams = streamsClient();
const lambda = new LambdaClient(awsTestClientConfig({ region: 'us-east-1' }));
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
const ids = (event: DynamoDBTumblingWindowEvent) =>
  event.Records.map((r) => `${r.eventName}:${(r.dynamodb.Keys['id'] as { S: string }).S}`);

/** Moves the virtual clock to the next multiple of `seconds` since the epoch (a window boundary). */
function toBoundary(seconds: number): number {
  const now = mocks.clock.now().getTime();
  const next = Math.ceil(now / (seconds * 1000)) * seconds * 1000;
  mocks.clock.set(new Date(next));
  return next;
}

async function createTable(TableName: string): Promise<string> {
  const out = await dynamo.send(
    new CreateTableCommand({
      TableName,
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    }),
  );
  return out.TableDescription?.LatestStreamArn as string;
}

const put = (TableName: string, id: string, amount: number) =>
  dynamo.send(new PutItemCommand({ TableName, Item: marshall({ id, amount }) }));

/** The AWS guide's aggregation: sums `amount` of new images into the window's state. */
function summing(seen: DynamoDBTumblingWindowEvent[]) {
  return async (event: DynamoDBTumblingWindowEvent) => {
    seen.push(structuredClone(event));
    let total = (event.state['total'] as number | undefined) ?? 0;
    for (const r of event.Records)
      total += Number((r.dynamodb.NewImage?.['amount'] as { N: string } | undefined)?.N ?? 0);
    return { state: { total }, batchItemFailures: [] };
  };
}

describe('tumbling windows (DynamoDB Streams)', () => {
  it('passes state between the invocations of a window and ends it with a final invocation after the window', async () => {
    const streamArn = await createTable('orders');
    const t0 = toBoundary(60);
    const seen: DynamoDBTumblingWindowEvent[] = [];
    mocks.dynamodb.subscribe('orders', summing(seen) as never, { tumblingWindowInSeconds: 60, batchSize: 2 });
    await put('orders', 'a', 1);
    await put('orders', 'b', 2);
    await dynamo.send(
      new UpdateItemCommand({
        TableName: 'orders',
        Key: marshall({ id: 'a' }),
        UpdateExpression: 'SET amount = :n',
        ExpressionAttributeValues: marshall({ ':n': 10 }),
      }),
    );
    mocks.clock.advance(10_000);
    await mocks.drain({ until: t0 + 30_000 });
    expect(seen.map(ids)).toEqual([['INSERT:a', 'INSERT:b'], ['MODIFY:a']]);
    expect(seen.map((e) => e.state)).toEqual([{}, { total: 3 }]);
    expect(seen.every((e) => !e.isFinalInvokeForWindow && !e.isWindowTerminatedEarly)).toBe(true);
    expect(seen[0]?.window).toEqual({ start: iso(t0), end: iso(t0 + 60_000) });
    expect(seen[0]?.eventSourceARN).toBe(streamArn);
    expect(seen[0]?.Records.every((r) => r.eventSourceARN === streamArn)).toBe(true);
    // The stream's one shard, as DescribeStream names it.
    const described = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    expect(seen[0]?.shardId).toBe(described.StreamDescription?.Shards?.[0]?.ShardId);
    expect(seen[0]?.shardId).toMatch(/^shardId-\d{20}-[0-9a-f]{8}$/);
    expect(DynamoDBStreamSchema.safeParse({ ...seen[1], state: { total: '3' } }).success).toBe(true);
    // A change in the next window waits for this window's end.
    mocks.clock.set(new Date(t0 + 61_000));
    await dynamo.send(new DeleteItemCommand({ TableName: 'orders', Key: marshall({ id: 'b' }) }));
    await mocks.drain({ until: t0 + 200_000 });
    const final = seen[2] as DynamoDBTumblingWindowEvent;
    expect(final.isFinalInvokeForWindow).toBe(true);
    expect(final.Records).toEqual([]);
    expect(final.state).toEqual({ total: 13 });
    expect(final.window.start).toBe(iso(t0));
    // The next window starts with empty state and has its own final invocation.
    expect(ids(seen[3] as DynamoDBTumblingWindowEvent)).toEqual(['REMOVE:b']);
    expect(seen[3]?.state).toEqual({});
    expect(seen[3]?.window).toEqual({ start: iso(t0 + 60_000), end: iso(t0 + 120_000) });
    expect(seen[4]?.isFinalInvokeForWindow).toBe(true);
    expect(seen[4]?.state).toEqual({ total: 0 });
    expect(seen).toHaveLength(5);
  });

  it('assigns changes to windows by their whole-second creation time', async () => {
    await createTable('edges');
    const t0 = toBoundary(10);
    mocks.clock.set(new Date(t0 + 9_999));
    await put('edges', 'last-ms', 1);
    mocks.clock.set(new Date(t0 + 10_000));
    await put('edges', 'next', 1);
    const seen: DynamoDBTumblingWindowEvent[] = [];
    mocks.dynamodb.subscribe('edges', summing(seen) as never, { tumblingWindowInSeconds: 10 });
    mocks.clock.set(new Date(t0 + 100_000));
    await mocks.drain({ until: t0 + 200_000 });
    expect(seen.map((e) => [ids(e), e.window.start, e.isFinalInvokeForWindow])).toEqual([
      [['INSERT:last-ms'], iso(t0), true],
      [['INSERT:next'], iso(t0 + 10_000), true],
    ]);
  });

  it('retries a failed batch with the same state', async () => {
    await createTable('retry');
    const t0 = toBoundary(60);
    const seen: DynamoDBTumblingWindowEvent[] = [];
    let fails = 1;
    mocks.dynamodb.subscribe(
      'retry',
      (async (event: DynamoDBTumblingWindowEvent) => {
        seen.push(structuredClone(event));
        if (ids(event).includes('INSERT:b') && fails-- > 0) throw new Error('boom');
        return { state: { n: ((event.state['n'] as number | undefined) ?? 0) + event.Records.length } };
      }) as never,
      { tumblingWindowInSeconds: 60, batchSize: 1 },
    );
    await put('retry', 'a', 1);
    await put('retry', 'b', 1);
    await mocks.drain({ until: t0 + 120_000 });
    expect(seen.map((e) => [ids(e), e.state, e.isFinalInvokeForWindow])).toEqual([
      [['INSERT:a'], {}, false],
      [['INSERT:b'], { n: 1 }, false],
      [['INSERT:b'], { n: 1 }, false],
      [[], { n: 2 }, true],
    ]);
  });

  it('gives each invocation its own state: a handler that changes it and fails is retried with the state as it was', async () => {
    await createTable('mutate');
    const t0 = toBoundary(60);
    const states: unknown[] = [];
    let fails = 1;
    mocks.dynamodb.subscribe(
      'mutate',
      (async (event: DynamoDBTumblingWindowEvent) => {
        states.push(structuredClone(event.state));
        event.state['dirty'] = true;
        if (fails-- > 0) throw new Error('boom');
        return { state: { n: event.Records.length } };
      }) as never,
      { tumblingWindowInSeconds: 60 },
    );
    await put('mutate', 'a', 1);
    await mocks.drain({ until: t0 + 30_000 });
    expect(states).toEqual([{}, {}]);
  });

  it('validates the window length on subscribe', async () => {
    await createTable('validate');
    expect(() => mocks.dynamodb.subscribe('validate', () => undefined, { tumblingWindowInSeconds: 901 })).toThrow(
      /options\.tumblingWindowInSeconds.*0–900/,
    );
    expect(() => mocks.dynamodb.subscribe('validate', () => undefined, { tumblingWindowInSeconds: -1 })).toThrow(
      EventInputError,
    );
  });

  it('works through CreateEventSourceMapping with TumblingWindowInSeconds on a stream ARN', async () => {
    const streamArn = await createTable('esm');
    const t0 = toBoundary(120);
    const seen: DynamoDBTumblingWindowEvent[] = [];
    mocks.lambda.createFunction('agg', summing(seen) as never);
    const created = await lambda.send(
      new CreateEventSourceMappingCommand({
        FunctionName: 'agg',
        EventSourceArn: streamArn,
        StartingPosition: 'TRIM_HORIZON',
        TumblingWindowInSeconds: 120,
      }),
    );
    expect(created.TumblingWindowInSeconds).toBe(120);
    expect((await lambda.send(new GetEventSourceMappingCommand({ UUID: created.UUID }))).TumblingWindowInSeconds).toBe(
      120,
    );
    await put('esm', 'x', 5);
    await put('esm', 'y', 7);
    await mocks.drain({ until: t0 + 300_000 });
    expect(seen.map((e) => [ids(e), e.state, e.isFinalInvokeForWindow, e.eventSourceARN])).toEqual([
      [['INSERT:x', 'INSERT:y'], {}, false, streamArn],
      [[], { total: 12 }, true, streamArn],
    ]);
    await expect(
      lambda.send(new UpdateEventSourceMappingCommand({ UUID: created.UUID, TumblingWindowInSeconds: 901 })),
    ).rejects.toThrow(/tumblingWindowInSeconds/);
  });
});
