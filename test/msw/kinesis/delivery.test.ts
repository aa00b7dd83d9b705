/** The Kinesis event source mapping played by `mocks.kinesis.subscribe` + `mocks.drain()`. */
import { KinesisDataStreamSchema } from '@aws-lambda-powertools/parser/schemas';
import { PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { describe, expect, it } from 'vitest';
import type { KinesisStreamEvent } from '../../../src/events/kinesis/index.js';
import { EventInputError } from '../../../src/_internals/errors.js';
import type { StreamFailureRecord } from '../../../src/msw/index.js';
import { useAwsMocks } from '../_helpers/setup.js';
import { kinesisClient } from './_clients.js';

const { mocks } = useAwsMocks();
const kinesis = kinesisClient();
const dataOf = (event: KinesisStreamEvent) =>
  event.Records.map((r) => Buffer.from(r.kinesis.data, 'base64').toString('utf8'));

/** The invariants every delivered Kinesis event satisfies, as factory events do. */
function assertEventInvariants(event: KinesisStreamEvent, streamArn: string): void {
  expect(KinesisDataStreamSchema.safeParse(event).success).toBe(true);
  const shard = event.Records[0]?.eventID.split(':')[0];
  let previous: bigint | undefined;
  let arrival = 0;
  for (const record of event.Records) {
    expect(record.eventSourceARN).toBe(streamArn);
    expect(record.awsRegion).toBe('us-east-1');
    expect(record.eventID).toBe(`${shard}:${record.kinesis.sequenceNumber}`);
    expect(record.invokeIdentityArn).toBe('arn:aws:iam::123456789012:role/lambda-kinesis-role');
    const seq = BigInt(record.kinesis.sequenceNumber);
    if (previous !== undefined) expect(seq > previous).toBe(true);
    previous = seq;
    expect(record.kinesis.approximateArrivalTimestamp).toBeGreaterThanOrEqual(arrival);
    arrival = record.kinesis.approximateArrivalTimestamp;
  }
}

/** Writes `count` records to one stream through the SDK, keys spread over shards. */
async function put(stream: string, count: number, prefix = 'r', key = (i: number) => `pk-${i}`): Promise<void> {
  for (let i = 0; i < count; i += 500) {
    const Records = Array.from({ length: Math.min(500, count - i) }, (_, j) => ({
      Data: new TextEncoder().encode(`${prefix}${i + j}`),
      PartitionKey: key(i + j),
    }));
    await kinesis.send(new PutRecordsCommand({ StreamName: stream, Records }));
  }
}

describe('batches', () => {
  it('batches come from one shard each, in order, within batchSize, valid under Powertools', async () => {
    const info = mocks.kinesis.createStream('events', { shardCount: 3 });
    await put('events', 250);
    const seen: KinesisStreamEvent[] = [];
    const subscription = mocks.kinesis.subscribe('events', (event) => void seen.push(event), { batchSize: 40 });
    await mocks.drain();
    expect(seen.every((e) => e.Records.length <= 40)).toBe(true);
    for (const event of seen) assertEventInvariants(event, info.arn);
    // Per shard, the deliveries are exactly the shard's records in order.
    const stored = mocks.kinesis.records('events');
    for (const shard of info.shards) {
      const delivered = seen
        .filter((e) => e.Records[0]?.eventID.startsWith(shard.shardId))
        .flatMap((e) => e.Records.map((r) => r.kinesis.sequenceNumber));
      expect(delivered).toEqual(stored.filter((r) => r.shardId === shard.shardId).map((r) => r.sequenceNumber));
    }
    expect(subscription.invocations.every((i) => i.outcome === 'success')).toBe(true);
    const lastOfShard = Object.fromEntries(
      info.shards.map((s) => [s.shardId, stored.filter((r) => r.shardId === s.shardId).at(-1)?.sequenceNumber]),
    );
    expect(subscription.checkpoints()).toEqual(lastOfShard);
    // New records after a drain are delivered by the next drain, and only they.
    seen.length = 0;
    mocks.kinesis.putRecord('events', 'late', 'pk-late');
    await mocks.drain();
    expect(seen.flatMap(dataOf)).toEqual(['late']);
  });

  it('LATEST skips what was written before subscribing; AT_TIMESTAMP starts at an arrival time', async () => {
    mocks.kinesis.createStream('positions', { shardCount: 1 });
    mocks.kinesis.putRecord('positions', 'old', 'k');
    mocks.clock.advance(10_000);
    const cut = mocks.clock.now();
    mocks.kinesis.putRecord('positions', 'mid', 'k');
    const latest: string[] = [];
    const atTime: string[] = [];
    mocks.kinesis.subscribe('positions', (e) => void latest.push(...dataOf(e)), { startingPosition: 'LATEST' });
    mocks.kinesis.subscribe('positions', (e) => void atTime.push(...dataOf(e)), {
      startingPosition: 'AT_TIMESTAMP',
      startingPositionTimestamp: cut,
    });
    mocks.kinesis.putRecord('positions', 'new', 'k');
    await mocks.drain();
    expect(latest).toEqual(['new']);
    expect(atTime).toEqual(['mid', 'new']);
  });

  it("subscribe options outside Lambda's ranges are rejected at the call", () => {
    mocks.kinesis.createStream('opts', { shardCount: 1 });
    expect(() => mocks.kinesis.subscribe('opts', () => undefined, { batchSize: 10_001 })).toThrow(EventInputError);
    expect(() => mocks.kinesis.subscribe('opts', () => undefined, { maximumRecordAgeInSeconds: 59 })).toThrow(
      /60–604,800/,
    );
    expect(() => mocks.kinesis.subscribe('opts', () => undefined, { maximumRetryAttempts: -2 })).toThrow(
      EventInputError,
    );
    expect(() => mocks.kinesis.subscribe('opts', () => undefined, { startingPosition: 'AT_TIMESTAMP' })).toThrow(
      /startingPositionTimestamp/,
    );
    expect(() => mocks.kinesis.subscribe('nope', () => undefined)).toThrow(/not a stream of these mocks/);
  });
});

describe('errors', () => {
  it('a failing batch is retried whole and blocks its shard only; other shards go on', async () => {
    const info = mocks.kinesis.createStream('blocking', { shardCount: 2 });
    const [s0, s1] = info.shards.map((s) => s.shardId) as [string, string];
    await put('blocking', 20);
    let failures = 3;
    const bySeq: string[] = [];
    const subscription = mocks.kinesis.subscribe(
      'blocking',
      (event) => {
        if (event.Records[0]?.eventID.startsWith(s0) && failures-- > 0) throw new Error('downstream down');
        bySeq.push(...event.Records.map((r) => r.eventID));
      },
      { batchSize: 100 },
    );
    const start = mocks.clock.now().getTime();
    await mocks.drain();
    const calls = subscription.invocations.map((i) => [i.shardId, i.outcome, i.time.getTime() - start]);
    // Shard 1 succeeds at once; shard 0 retries the same batch after 1, 2 and 4 s of backoff.
    expect(calls).toEqual([
      [s0, 'failure', 0],
      [s1, 'success', 0],
      [s0, 'failure', 1000],
      [s0, 'failure', 3000],
      [s0, 'success', 7000],
    ]);
    const firstBatch = subscription.invocations[0]?.event.Records.map((r) => r.eventID);
    expect(subscription.invocations[4]?.event.Records.map((r) => r.eventID)).toEqual(firstBatch);
    expect(subscription.failures).toEqual([]);
  });

  it('maximumRetryAttempts discards the batch after the retries; the on-failure destination gets metadata only', async () => {
    const info = mocks.kinesis.createStream('poison', { shardCount: 1 });
    await put('poison', 3, 'p', () => 'k');
    const destination: StreamFailureRecord[] = [];
    const handled: string[] = [];
    const subscription = mocks.kinesis.subscribe(
      'poison',
      (event) => {
        if (dataOf(event).includes('p1')) throw new Error('poison');
        handled.push(...dataOf(event));
      },
      {
        batchSize: 10,
        maximumRetryAttempts: 2,
        onFailure: (record) => void destination.push(record),
        functionName: 'consumer',
      },
    );
    await mocks.drain();
    expect(subscription.invocations.map((i) => i.outcome)).toEqual(['failure', 'failure', 'failure']);
    expect(handled).toEqual([]);
    const stored = mocks.kinesis.records('poison');
    expect(destination).toHaveLength(1);
    const record = destination[0] as StreamFailureRecord;
    expect(Object.keys(record).sort()).toEqual([
      'KinesisBatchInfo',
      'requestContext',
      'responseContext',
      'timestamp',
      'version',
    ]);
    expect(record.requestContext).toMatchObject({
      functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:consumer',
      condition: 'RetryAttemptsExhausted',
      approximateInvokeCount: 3,
    });
    expect(record.requestContext.requestId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(record.responseContext).toEqual({ statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' });
    expect(record.version).toBe('1.0');
    expect(record.timestamp).toBe(mocks.clock.now().toISOString());
    expect(record.KinesisBatchInfo).toEqual({
      shardId: 'shardId-000000000000',
      startSequenceNumber: stored[0]?.sequenceNumber,
      endSequenceNumber: stored[2]?.sequenceNumber,
      approximateArrivalOfFirstRecord: stored[0]?.approximateArrivalTimestamp.toISOString(),
      approximateArrivalOfLastRecord: stored[2]?.approximateArrivalTimestamp.toISOString(),
      batchSize: 3,
      streamArn: info.arn,
    });
    expect(JSON.stringify(record)).not.toContain(Buffer.from('p1').toString('base64'));
    expect(subscription.failures).toEqual(destination);
    // The shard moves on after the discard.
    mocks.kinesis.putRecord('poison', 'fine', 'k');
    await mocks.drain();
    expect(handled).toEqual(['fine']);
    expect(subscription.checkpoints()['shardId-000000000000']).toBe(
      mocks.kinesis.records('poison').at(-1)?.sequenceNumber,
    );
  });

  it('maximumRecordAgeInSeconds discards records that grew too old while retrying', async () => {
    mocks.kinesis.createStream('aging', { shardCount: 1 });
    mocks.kinesis.putRecord('aging', 'a', 'k');
    const destination: StreamFailureRecord[] = [];
    const subscription = mocks.kinesis.subscribe(
      'aging',
      () => {
        throw new Error('always');
      },
      { maximumRecordAgeInSeconds: 60, onFailure: (r) => void destination.push(r) },
    );
    const start = mocks.clock.now().getTime();
    await mocks.drain();
    expect(destination.map((d) => d.requestContext.condition)).toEqual(['RecordAgeExceeded']);
    // Backoff 1, 2, 4, 8, 16, 32 s: the 7th try (at 63 s) finds the record over 60 s old.
    expect(subscription.invocations).toHaveLength(6);
    expect(mocks.clock.now().getTime() - start).toBe(63_000);
    expect(destination[0]?.requestContext.approximateInvokeCount).toBe(6);
  });

  it('bisectBatchOnFunctionError isolates a poison record; splits do not use up retries', async () => {
    mocks.kinesis.createStream('bisect', { shardCount: 1 });
    await put('bisect', 8, 'b', () => 'k');
    const destination: StreamFailureRecord[] = [];
    const ok: string[] = [];
    const subscription = mocks.kinesis.subscribe(
      'bisect',
      (event) => {
        if (dataOf(event).includes('b5')) throw new Error('poison b5');
        ok.push(...dataOf(event));
      },
      { bisectBatchOnFunctionError: true, maximumRetryAttempts: 0, onFailure: (r) => void destination.push(r) },
    );
    await mocks.drain();
    const sizes = subscription.invocations.map(
      (i) => `${i.event.Records.length}${i.outcome === 'success' ? '✓' : '✗'}`,
    );
    // 8 ✗ → [0..3] ✓, [4..7] ✗ → [4,5] ✗ → [4] ✓, [5] ✗ (discarded: no retries) → [6,7] ✓
    expect(sizes).toEqual(['8✗', '4✓', '4✗', '2✗', '1✓', '1✗', '2✓']);
    expect(ok).toEqual(['b0', 'b1', 'b2', 'b3', 'b4', 'b6', 'b7']);
    expect(destination.map((d) => d.KinesisBatchInfo?.batchSize)).toEqual([1]);
    expect(destination[0]?.KinesisBatchInfo?.startSequenceNumber).toBe(
      mocks.kinesis.records('bisect')[5]?.sequenceNumber,
    );
  });

  it('reportBatchItemFailures checkpoints before the lowest reported sequence number and retries from it', async () => {
    mocks.kinesis.createStream('partial', { shardCount: 1 });
    await put('partial', 6, 'x', () => 'k');
    const stored = mocks.kinesis.records('partial');
    let first = true;
    const checkpoints: Array<string | undefined> = [];
    const subscription = mocks.kinesis.subscribe(
      'partial',
      async (event) => {
        checkpoints.push(subscription.checkpoints()['shardId-000000000000']);
        if (!first) return { batchItemFailures: [] };
        first = false;
        // Reports x4 and x2: Lambda retries from the lowest, x2.
        return {
          batchItemFailures: [
            { itemIdentifier: event.Records[4]?.kinesis.sequenceNumber },
            { itemIdentifier: event.Records[2]?.kinesis.sequenceNumber },
          ],
        };
      },
      { reportBatchItemFailures: true },
    );
    await mocks.drain();
    expect(subscription.invocations.map((i) => [i.outcome, dataOf(i.event).join(',')])).toEqual([
      ['partial', 'x0,x1,x2,x3,x4,x5'],
      ['success', 'x2,x3,x4,x5'],
    ]);
    expect(subscription.invocations[0]?.retryFrom).toBe(stored[2]?.sequenceNumber);
    expect(checkpoints).toEqual([undefined, stored[1]?.sequenceNumber]);
    expect(subscription.checkpoints()['shardId-000000000000']).toBe(stored[5]?.sequenceNumber);
  });

  it('an invalid batch response fails the whole batch', async () => {
    mocks.kinesis.createStream('invalid', { shardCount: 1 });
    mocks.kinesis.putRecord('invalid', 'v', 'k');
    let calls = 0;
    const subscription = mocks.kinesis.subscribe(
      'invalid',
      async () => (calls++ === 0 ? { batchItemFailures: [{ itemIdentifier: '123' }] } : undefined),
      { reportBatchItemFailures: true },
    );
    await mocks.drain();
    expect(subscription.invocations.map((i) => i.outcome)).toEqual(['failure', 'success']);
    expect(subscription.invocations[0]?.reason).toMatch(/not the sequence number of a record in the batch/);
  });

  it('unsubscribe stops deliveries; reset stops subscriptions', async () => {
    mocks.kinesis.createStream('stop', { shardCount: 1 });
    const seen: string[] = [];
    const subscription = mocks.kinesis.subscribe('stop', (e) => void seen.push(...dataOf(e)));
    mocks.kinesis.putRecord('stop', 'one', 'k');
    await mocks.drain();
    subscription.unsubscribe();
    mocks.kinesis.putRecord('stop', 'two', 'k');
    await mocks.drain();
    expect(seen).toEqual(['one']);
    mocks.kinesis.subscribe('stop', () => {
      throw new Error('x');
    });
    mocks.reset();
    expect(mocks.kinesis.nextDueTime()).toBeUndefined();
    expect((await mocks.drain()).steps).toBe(0);
  });
});
