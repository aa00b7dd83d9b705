/**
 * Tumbling windows on Kinesis stream mappings (`TumblingWindowInSeconds`), through
 * `mocks.kinesis.subscribe` and through Lambda's CreateEventSourceMapping with the real SDK.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-windows.html
 */
import { CreateEventSourceMappingCommand, GetEventSourceMappingCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { PutRecordCommand } from '@aws-sdk/client-kinesis';
import { describe, expect, it } from 'vitest';
import type { KinesisTumblingWindowEvent } from '../../../src/events/kinesis/index.js';
import { EventInputError } from '../../../src/_internals/errors.js';
import { awsTestClientConfig } from '../../../src/msw/index.js';
import { useAwsMocks } from '../_helpers/setup.js';
import { kinesisClient } from '../kinesis/_clients.js';

const { mocks } = useAwsMocks();
const kinesis = kinesisClient();
const lambda = new LambdaClient(awsTestClientConfig({ region: 'us-east-1' }));
const dataOf = (event: KinesisTumblingWindowEvent) =>
  event.Records.map((r) => Buffer.from(r.kinesis.data, 'base64').toString('utf8'));

/** Moves the virtual clock to the next multiple of `seconds` since the epoch (a window boundary). */
function toBoundary(seconds: number): number {
  const now = mocks.clock.now().getTime();
  const next = Math.ceil(now / (seconds * 1000)) * seconds * 1000;
  mocks.clock.set(new Date(next));
  return next;
}

async function put(stream: string, data: string, key = 'pk'): Promise<void> {
  await kinesis.send(
    new PutRecordCommand({ StreamName: stream, Data: new TextEncoder().encode(data), PartitionKey: key }),
  );
}

/** A handler that sums record counts into the state, as the AWS guide's example does. */
function counting(seen: KinesisTumblingWindowEvent[]) {
  return async (event: KinesisTumblingWindowEvent) => {
    seen.push(structuredClone(event));
    const count = ((event.state['count'] as number | undefined) ?? 0) + event.Records.length;
    return { state: { count }, batchItemFailures: [] };
  };
}

describe('tumbling windows (Kinesis)', () => {
  it('passes state between the invocations of a window and ends it with a final invocation after the window', async () => {
    const { arn } = mocks.kinesis.createStream('w', { shardCount: 1 });
    const t0 = toBoundary(60);
    const seen: KinesisTumblingWindowEvent[] = [];
    mocks.kinesis.subscribe('w', counting(seen) as never, { tumblingWindowInSeconds: 60, batchSize: 2 });
    for (const d of ['a', 'b', 'c']) await put('w', d);
    mocks.clock.advance(10_000);
    await mocks.drain({ until: t0 + 30_000 });
    // Two batches so far, both in the window [t0, t0+60 s); none final yet.
    expect(seen.map(dataOf)).toEqual([['a', 'b'], ['c']]);
    expect(seen.map((e) => e.state)).toEqual([{}, { count: 2 }]);
    expect(seen.every((e) => !e.isFinalInvokeForWindow && !e.isWindowTerminatedEarly)).toBe(true);
    expect(seen[0]?.window).toEqual({
      start: new Date(t0).toISOString().replace('.000Z', 'Z'),
      end: new Date(t0 + 60_000).toISOString().replace('.000Z', 'Z'),
    });
    // A record of the next window waits for this window's end.
    mocks.clock.set(new Date(t0 + 61_000));
    await put('w', 'd');
    await mocks.drain({ until: t0 + 200_000 });
    const final = seen[2] as KinesisTumblingWindowEvent;
    expect(final.isFinalInvokeForWindow).toBe(true);
    expect(final.Records).toEqual([]);
    expect(final.state).toEqual({ count: 3 });
    expect(final.eventSourceARN).toBe(arn);
    // The next window starts with empty state and has its own final invocation.
    expect(dataOf(seen[3] as KinesisTumblingWindowEvent)).toEqual(['d']);
    expect(seen[3]?.state).toEqual({});
    expect(seen[3]?.window.start).toBe(new Date(t0 + 60_000).toISOString().replace('.000Z', 'Z'));
    expect(seen[4]?.isFinalInvokeForWindow).toBe(true);
    expect(seen[4]?.state).toEqual({ count: 1 });
    expect(seen).toHaveLength(5);
  });

  it('puts the remaining records of a window that is already over into its final invocation, and never mixes windows in a batch', async () => {
    mocks.kinesis.createStream('late', { shardCount: 1 });
    const t0 = toBoundary(30);
    await put('late', 'a');
    mocks.clock.set(new Date(t0 + 31_000));
    await put('late', 'b');
    const seen: KinesisTumblingWindowEvent[] = [];
    mocks.kinesis.subscribe('late', counting(seen) as never, { tumblingWindowInSeconds: 30 });
    mocks.clock.set(new Date(t0 + 200_000));
    await mocks.drain({ until: t0 + 400_000 });
    expect(seen.map((e) => [dataOf(e), e.isFinalInvokeForWindow])).toEqual([
      [['a'], true],
      [['b'], true],
    ]);
  });

  it('retries a failed batch with the same state, and keeps the state a retried window had', async () => {
    mocks.kinesis.createStream('retry', { shardCount: 1 });
    const t0 = toBoundary(60);
    const seen: KinesisTumblingWindowEvent[] = [];
    let fails = 1;
    mocks.kinesis.subscribe(
      'retry',
      (async (event: KinesisTumblingWindowEvent) => {
        seen.push(structuredClone(event));
        if (event.Records.some((r) => Buffer.from(r.kinesis.data, 'base64').toString() === 'b') && fails-- > 0)
          throw new Error('boom');
        return { state: { total: ((event.state['total'] as number | undefined) ?? 0) + event.Records.length } };
      }) as never,
      { tumblingWindowInSeconds: 60, batchSize: 1 },
    );
    await put('retry', 'a');
    await put('retry', 'b');
    await mocks.drain({ until: t0 + 120_000 });
    expect(seen.map((e) => [dataOf(e), e.state, e.isFinalInvokeForWindow])).toEqual([
      [['a'], {}, false],
      [['b'], { total: 1 }, false],
      [['b'], { total: 1 }, false],
      [[], { total: 2 }, true],
    ]);
  });

  it('ends a window early when the state passes 1 MB', async () => {
    mocks.kinesis.createStream('big', { shardCount: 1 });
    toBoundary(900);
    const seen: KinesisTumblingWindowEvent[] = [];
    mocks.kinesis.subscribe(
      'big',
      (async (event: KinesisTumblingWindowEvent) => {
        seen.push(event);
        return { state: { blob: 'x'.repeat(1024 * 1024) } };
      }) as never,
      { tumblingWindowInSeconds: 900, batchSize: 1 },
    );
    await put('big', 'a');
    await put('big', 'b');
    await mocks.drain({ until: mocks.clock.now().getTime() + 1000 });
    expect(seen.map((e) => [dataOf(e), e.isFinalInvokeForWindow, e.isWindowTerminatedEarly])).toEqual([
      [['a'], false, false],
      [['b'], true, true],
    ]);
  });

  it('fails a batch whose response state is not an object', async () => {
    mocks.kinesis.createStream('bad', { shardCount: 1 });
    toBoundary(60);
    const sub = mocks.kinesis.subscribe('bad', (async () => ({ state: 'nope' })) as never, {
      tumblingWindowInSeconds: 60,
      maximumRetryAttempts: 0,
    });
    await put('bad', 'a');
    await mocks.drain({ until: mocks.clock.now().getTime() + 1000 });
    expect(sub.invocations[0]?.outcome).toBe('failure');
    expect(sub.invocations[0]?.reason).toMatch(/state "nope" is not a JSON object/);
  });

  // DynamoDB Streams windows: dynamodbTumblingWindows.test.ts.
  it('validates the window length', () => {
    mocks.kinesis.createStream('v', { shardCount: 1 });
    expect(() => mocks.kinesis.subscribe('v', () => undefined, { tumblingWindowInSeconds: 901 })).toThrow(
      /options\.tumblingWindowInSeconds.*0–900/,
    );
    expect(() => mocks.kinesis.subscribe('v', () => undefined, { tumblingWindowInSeconds: 1.5 })).toThrow(
      EventInputError,
    );
  });

  it('works through CreateEventSourceMapping with TumblingWindowInSeconds', async () => {
    const stream = mocks.kinesis.createStream('esm', { shardCount: 1 });
    const t0 = toBoundary(120);
    const seen: KinesisTumblingWindowEvent[] = [];
    mocks.lambda.createFunction('agg', counting(seen) as never);
    const created = await lambda.send(
      new CreateEventSourceMappingCommand({
        FunctionName: 'agg',
        EventSourceArn: stream.arn,
        StartingPosition: 'TRIM_HORIZON',
        TumblingWindowInSeconds: 120,
      }),
    );
    expect(created.TumblingWindowInSeconds).toBe(120);
    expect((await lambda.send(new GetEventSourceMappingCommand({ UUID: created.UUID }))).TumblingWindowInSeconds).toBe(
      120,
    );
    await put('esm', 'x');
    await put('esm', 'y');
    await mocks.drain({ until: t0 + 300_000 });
    expect(seen.map((e) => [dataOf(e), e.state, e.isFinalInvokeForWindow])).toEqual([
      [['x', 'y'], {}, false],
      [[], { count: 2 }, true],
    ]);
    await expect(
      lambda.send(
        new CreateEventSourceMappingCommand({
          FunctionName: 'agg',
          EventSourceArn: stream.arn,
          StartingPosition: 'LATEST',
          TumblingWindowInSeconds: 901,
        }),
      ),
    ).rejects.toThrow(/tumblingWindowInSeconds/);
  });
});
