/**
 * `ParallelizationFactor` on stream mappings: up to N batches of one shard at once, order kept per
 * partition key (Kinesis partition key; DynamoDB item partition key), nothing lost or duplicated.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html#services-kinesis-params
 */
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import {
  CreateEventSourceMappingCommand,
  GetEventSourceMappingCommand,
  LambdaClient,
  UpdateEventSourceMappingCommand,
} from '@aws-sdk/client-lambda';
import { PutRecordsCommand } from '@aws-sdk/client-kinesis';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KinesisStreamEvent } from '../../../src/events/kinesis/index.js';
import { awsTestClientConfig } from '../../../src/msw/index.js';
import { NUM_RUNS } from '../../_helpers/runs.js';
import { useAwsMocks } from '../_helpers/setup.js';
import { kinesisClient } from '../kinesis/_clients.js';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

const { mocks } = useAwsMocks();
const kinesis = kinesisClient();
const lambda = new LambdaClient(awsTestClientConfig({ region: 'us-east-1' }));
const dynamodb = new DynamoDBClient(awsTestClientConfig({ region: 'us-east-1' }));

type Delivered = { key: string; value: string };
const recordsOf = (event: KinesisStreamEvent): Delivered[] =>
  event.Records.map((r) => ({
    key: r.kinesis.partitionKey,
    value: Buffer.from(r.kinesis.data, 'base64').toString('utf8'),
  }));

async function put(stream: string, entries: Array<[key: string, value: string]>): Promise<void> {
  for (let i = 0; i < entries.length; i += 500) {
    const Records = entries
      .slice(i, i + 500)
      .map(([key, value]) => ({ PartitionKey: key, Data: new TextEncoder().encode(value) }));
    await kinesis.send(new PutRecordsCommand({ StreamName: stream, Records }));
  }
}

/** Per key, the values in delivery order. */
function byKey(delivered: readonly Delivered[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { key, value } of delivered) out.set(key, [...(out.get(key) ?? []), value]);
  return out;
}

describe('ParallelizationFactor', () => {
  it('runs several batches of one shard per poll, keeps each key in order, and lets keys interleave', async () => {
    mocks.kinesis.createStream('p', { shardCount: 1 });
    const entries: Array<[string, string]> = [];
    for (let i = 0; i < 60; i++) entries.push([`k${i % 6}`, `v${i}`]);
    await put('p', entries);
    const batches: Delivered[][] = [];
    const sub = mocks.kinesis.subscribe('p', (event) => void batches.push(recordsOf(event)), {
      parallelizationFactor: 4,
      batchSize: 5,
    });
    await mocks.drain();
    const delivered = batches.flat();
    expect(delivered.map((d) => d.value).sort()).toEqual(entries.map(([, v]) => v).sort());
    for (const [key, values] of byKey(delivered))
      expect(values).toEqual(entries.filter(([k]) => k === key).map(([, v]) => v));
    // More than one lane: batches do not follow shard order overall.
    expect(delivered.map((d) => d.value)).not.toEqual(entries.map(([, v]) => v));
    // One batch never mixes records of two lanes out of shard order, and all come from the one shard.
    expect(new Set(sub.invocations.map((i) => i.shardId)).size).toBe(1);
    const last = mocks.kinesis.records('p').at(-1)?.sequenceNumber;
    expect(Object.values(sub.checkpoints())).toEqual([last]);
  });

  it('retries a failing key without holding the other lanes back, and checkpoints only before the oldest unprocessed record', async () => {
    mocks.kinesis.createStream('r', { shardCount: 1 });
    const keys = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    await put(
      'r',
      keys.map((k, i) => [k, `v${i}`]),
    );
    const delivered: Delivered[] = [];
    let failures = 3;
    const sub = mocks.kinesis.subscribe(
      'r',
      (event) => {
        const records = recordsOf(event);
        if (records.some((r) => r.key === 'a') && failures-- > 0) throw new Error('a is not ready');
        delivered.push(...records);
      },
      { parallelizationFactor: 8, batchSize: 1 },
    );
    await mocks.drain({ until: mocks.clock.now().getTime() + 500 });
    // `a` is stuck on retries; keys in other lanes went through.
    expect(delivered.some((d) => d.key !== 'a')).toBe(true);
    expect(delivered.some((d) => d.key === 'a')).toBe(false);
    // The record of `a` is the first of the shard: nothing can be checkpointed yet.
    expect(sub.checkpoints()).toEqual({});
    await mocks.drain();
    expect(delivered.map((d) => d.value).sort()).toEqual(keys.map((_, i) => `v${i}`).sort());
    expect(Object.values(sub.checkpoints())).toEqual([mocks.kinesis.records('r').at(-1)?.sequenceNumber]);
  });

  it('validates the factor, and passes it through CreateEventSourceMapping and UpdateEventSourceMapping', async () => {
    const stream = mocks.kinesis.createStream('esm', { shardCount: 1 });
    expect(() => mocks.kinesis.subscribe('esm', () => undefined, { parallelizationFactor: 11 })).toThrow(
      /options\.parallelizationFactor.*1–10/,
    );
    expect(() => mocks.kinesis.subscribe('esm', () => undefined, { parallelizationFactor: 0 })).toThrow(
      /parallelizationFactor/,
    );
    const seen: Delivered[] = [];
    mocks.lambda.createFunction('fn', async (event: KinesisStreamEvent) => void seen.push(...recordsOf(event)));
    const created = await lambda.send(
      new CreateEventSourceMappingCommand({
        FunctionName: 'fn',
        EventSourceArn: stream.arn,
        StartingPosition: 'TRIM_HORIZON',
        ParallelizationFactor: 5,
        BatchSize: 2,
      }),
    );
    expect(created.ParallelizationFactor).toBe(5);
    const entries: Array<[string, string]> = Array.from({ length: 30 }, (_, i) => [`k${i % 5}`, `v${i}`]);
    await put('esm', entries.slice(0, 15));
    await mocks.drain();
    await lambda.send(new UpdateEventSourceMappingCommand({ UUID: created.UUID, ParallelizationFactor: 2 }));
    expect((await lambda.send(new GetEventSourceMappingCommand({ UUID: created.UUID }))).ParallelizationFactor).toBe(2);
    await put('esm', entries.slice(15));
    await mocks.drain();
    expect(seen.map((d) => d.value).sort()).toEqual(entries.map(([, v]) => v).sort());
    for (const [key, values] of byKey(seen))
      expect(values).toEqual(entries.filter(([k]) => k === key).map(([, v]) => v));
  });

  it('keeps the writes of one DynamoDB item in order', async () => {
    mocks.dynamodb.createTable('items', { partitionKey: 'id', streamViewType: 'NEW_IMAGE' });
    const order: Array<[string, string]> = [];
    for (let n = 0; n < 5; n++) {
      for (const id of ['x', 'y', 'z', 'w']) {
        await dynamodb.send(new PutItemCommand({ TableName: 'items', Item: { id: { S: id }, n: { N: String(n) } } }));
        order.push([id, String(n)]);
      }
    }
    const seen: Array<[string, string]> = [];
    mocks.dynamodb.subscribe(
      'items',
      (event) =>
        void seen.push(
          ...event.Records.map(
            (r) =>
              [(r.dynamodb?.NewImage?.['id'] as { S: string }).S, (r.dynamodb?.NewImage?.['n'] as { N: string }).N] as [
                string,
                string,
              ],
          ),
        ),
      { parallelizationFactor: 3, batchSize: 2 },
    );
    await mocks.drain();
    expect([...seen].sort()).toEqual([...order].sort());
    for (const id of ['x', 'y', 'z', 'w'])
      expect(seen.filter(([i]) => i === id).map(([, n]) => n)).toEqual(['0', '1', '2', '3', '4']);
  });

  it('property: any factor, batch size, keys and failures: every record once after its retries, each key in order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          factor: fc.integer({ min: 1, max: 10 }),
          batchSize: fc.integer({ min: 1, max: 7 }),
          shards: fc.integer({ min: 1, max: 3 }),
          keys: fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { minLength: 1, maxLength: 40 }),
          failing: fc.subarray(['a', 'b', 'c', 'd', 'e', 'f']),
          report: fc.boolean(),
        }),
        async ({ factor, batchSize, shards, keys, failing, report }) => {
          mocks.reset();
          mocks.kinesis.createStream('prop', { shardCount: shards });
          const entries: Array<[string, string]> = keys.map((k, i) => [k, `v${i}`]);
          await put('prop', entries);
          const done: Delivered[] = [];
          const failedOnce = new Set<string>();
          mocks.kinesis.subscribe(
            'prop',
            // Async: Lambda's Node.js runtime ignores what a synchronous handler returns.
            async (event) => {
              const records = recordsOf(event);
              // The first time a failing key's record is seen, the batch fails (whole, or from that record).
              const bad = records.findIndex((r) => failing.includes(r.key) && !failedOnce.has(r.value));
              if (bad === -1) return void done.push(...records);
              failedOnce.add((records[bad] as Delivered).value);
              if (!report) throw new Error('retry me');
              done.push(...records.slice(0, bad));
              return { batchItemFailures: [{ itemIdentifier: event.Records[bad]?.kinesis.sequenceNumber }] };
            },
            { parallelizationFactor: factor, batchSize, reportBatchItemFailures: report },
          );
          await mocks.drain();
          expect(done.map((d) => d.value).sort()).toEqual(entries.map(([, v]) => v).sort());
          for (const [key, values] of byKey(done))
            expect(values).toEqual(entries.filter(([k]) => k === key).map(([, v]) => v));
        },
      ),
      { numRuns: NUM_RUNS },
    );
  }, 300_000);
});
