/**
 * What every subscription shares (SQS event source mappings, S3 asynchronous invocations) and
 * `drain()`: the handler-response rules, the function timeout on the virtual clock, the guard
 * against handlers that never settle, the bounded invocation history and `drain({ until })`.
 *
 * Sources: https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html (success
 * and failure conditions of a partial batch response), https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html
 * (default timeout 3 s, at most 900 s), https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html
 * (asynchronous retries one and two minutes after a failure).
 */
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { awsTestClientConfig, DrainError } from '../../../src/msw/index.js';
import { FunctionTimeoutError } from '../../../src/msw/_internals/invoke.js';
import { useAwsMocks } from '../_helpers/setup.js';

const { mocks } = useAwsMocks();
const sqs = new SQSClient(awsTestClientConfig({ region: 'us-east-1' }));
const s3 = new S3Client(awsTestClientConfig({ region: 'us-east-1' }));

describe('SQS handler responses', () => {
  it.each([
    ['an empty list', []],
    ['an empty string', ''],
    ['null', null],
    ['an empty object', {}],
    ['an empty batchItemFailures', { batchItemFailures: [] }],
  ])('%s is a success: the batch is deleted after one invocation', async (_, response) => {
    const queue = mocks.sqs.createQueue('jobs', { VisibilityTimeout: '5' });
    mocks.sqs.send(queue.url, 'a');
    mocks.sqs.send(queue.url, 'b');
    const subscription = mocks.sqs.subscribe('jobs', async () => response, { reportBatchItemFailures: true });
    await mocks.drain();
    expect(subscription.invocations.map((i) => i.outcome)).toEqual(['success']);
    expect(mocks.sqs.messages('jobs')).toEqual([]);
  });

  it.each([
    ['a function', () => () => undefined],
    ['a batchItemFailures object', (id: string) => ({ batchItemFailures: { itemIdentifier: id } })],
    ['a numeric itemIdentifier', () => ({ batchItemFailures: [{ itemIdentifier: 7 }] })],
    ['a misspelt key', (id: string) => ({ batchItemFailures: [{ itemIdentifer: id }] })],
  ])('%s fails the whole batch; the function returned normally, so functionError is null', async (_, respond) => {
    mocks.sqs.createQueue('jobs', { VisibilityTimeout: '5' });
    mocks.sqs.send('jobs', 'a');
    let calls = 0;
    const subscription = mocks.sqs.subscribe(
      'jobs',
      async (event) => (++calls === 1 ? respond(event.Records[0]?.messageId as string) : undefined),
      { reportBatchItemFailures: true },
    );
    await mocks.drain();
    expect(subscription.invocations.map((i) => [i.outcome, i.functionError, i.failedMessageIds.length])).toEqual([
      ['failure', null, 1],
      ['success', undefined, 0],
    ]);
    expect(subscription.invocations[1]!.time.getTime() - subscription.invocations[0]!.time.getTime()).toBe(5000);
  });

  it('a thrown error is "Unhandled"', async () => {
    mocks.sqs.createQueue('jobs', { VisibilityTimeout: '5' });
    mocks.sqs.send('jobs', 'a');
    let calls = 0;
    const subscription = mocks.sqs.subscribe('jobs', () => {
      if (++calls === 1) throw new Error('boom');
    });
    await mocks.drain();
    expect(subscription.invocations.map((i) => i.functionError)).toEqual(['Unhandled', undefined]);
  });
});

describe('function timeout', () => {
  it('an SQS invocation past its timeout fails with "Task timed out after 3.00 seconds" and the batch returns after the visibility timeout', async () => {
    mocks.sqs.createQueue('jobs', { VisibilityTimeout: '30' });
    mocks.sqs.send('jobs', 'a');
    let calls = 0;
    const subscription = mocks.sqs.subscribe('jobs', async () => {
      if (++calls === 1) mocks.clock.advance(3000);
    });
    await mocks.drain();
    expect(subscription.invocations.map((i) => [i.outcome, i.reason, i.functionError])).toEqual([
      ['failure', 'Task timed out after 3.00 seconds', 'Unhandled'],
      ['success', undefined, undefined],
    ]);
    const error = subscription.invocations[0]?.error as FunctionTimeoutError;
    expect(error).toBeInstanceOf(FunctionTimeoutError);
    expect([error.errorType, error.timeoutSeconds]).toEqual(['Sandbox.Timedout', 3]);
    expect(subscription.invocations[1]!.time.getTime() - subscription.invocations[0]!.time.getTime()).toBe(30_000);
  });

  it('the SQS timeout option: 10 s allows a handler 4 s of virtual work; out-of-range values are rejected', async () => {
    mocks.sqs.createQueue('jobs');
    mocks.sqs.send('jobs', 'a');
    const subscription = mocks.sqs.subscribe('jobs', () => void mocks.clock.advance(4000), { timeout: 10 });
    await mocks.drain();
    expect(subscription.invocations.map((i) => i.outcome)).toEqual(['success']);
    expect(() => mocks.sqs.subscribe('jobs', () => undefined, { timeout: 901 })).toThrow(/options\.timeout.*1–900/);
  });

  it('a never-settling SQS handler stops drain() with a DrainError naming the queue, and its message is retried later', async () => {
    const queue = mocks.sqs.createQueue('hangs', { VisibilityTimeout: '10' });
    mocks.sqs.send('hangs', 'a');
    let calls = 0;
    const subscription = mocks.sqs.subscribe('hangs', () => (++calls === 1 ? new Promise(() => undefined) : undefined));
    const error = await mocks.drain({ stuckHandlerMs: 50 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DrainError);
    expect((error as Error).message).toContain(queue.arn);
    expect((error as Error).message).toMatch(
      /neither settled nor moved the virtual clock nor called the mocks for 50 ms/,
    );
    expect(mocks.sqs.messages('hangs').map((m) => m.state)).toEqual(['inFlight']);
    await mocks.drain();
    expect(subscription.invocations.map((i) => i.outcome)).toEqual(['failure', 'success']);
    expect(mocks.sqs.messages('hangs')).toEqual([]);
  });

  it('a handler that keeps calling the mocks for longer than stuckHandlerMs is slow, not stuck', async () => {
    const queue = mocks.sqs.createQueue('source');
    const sink = mocks.sqs.createQueue('sink');
    mocks.sqs.send(queue.url, 'go');
    let sent = 0;
    const subscription = mocks.sqs.subscribe('source', async () => {
      const until = performance.now() + 900;
      while (performance.now() < until) {
        // Real waits between the calls, so the real-time guard gets its turns.
        await new Promise((resolve) => setTimeout(resolve, 20));
        await sqs.send(new SendMessageCommand({ QueueUrl: sink.url, MessageBody: String(sent++) }));
      }
    });
    await mocks.drain({ stuckHandlerMs: 300 });
    expect(subscription.invocations.map((i) => i.outcome)).toEqual(['success']);
    expect(mocks.sqs.messages('sink')).toHaveLength(sent);
  });

  it('drain rejects a bad stuckHandlerMs', async () => {
    await expect(mocks.drain({ stuckHandlerMs: 0 })).rejects.toThrow(/stuckHandlerMs/);
    await expect(mocks.drain({ stuckHandlerMs: Number.NaN })).rejects.toThrow(/stuckHandlerMs/);
  });

  it('an S3 notification past its timeout is retried a minute after the attempt ended, then recorded as failed', async () => {
    mocks.s3.createBucket('uploads');
    const times: number[] = [];
    mocks.s3.subscribe(
      'uploads',
      () => {
        times.push(mocks.clock.now().getTime());
        mocks.clock.advance(5000);
      },
      { timeout: 4 },
    );
    await s3.send(new PutObjectCommand({ Bucket: 'uploads', Key: 'a.txt', Body: 'x' }));
    await mocks.drain();
    expect(times.map((t) => t - (times[0] as number))).toEqual([0, 65_000, 190_000]);
    const [failed] = mocks.s3.failedDeliveries();
    expect(failed?.attempts).toBe(3);
    expect(failed?.error).toBeInstanceOf(FunctionTimeoutError);
    expect((failed?.error as Error).message).toBe('Task timed out after 4.00 seconds');
  });

  it('a never-settling S3 handler stops drain() naming the notification; the other deliveries stay queued', async () => {
    mocks.s3.createBucket('uploads');
    const seen: string[] = [];
    mocks.s3.subscribe(
      'uploads',
      (event) =>
        event.Records[0]?.s3.object.key === 'hang.txt'
          ? new Promise(() => undefined)
          : void seen.push(event.Records[0]?.s3.object.key as string),
      { id: 'resizer', retries: 0 },
    );
    await s3.send(new PutObjectCommand({ Bucket: 'uploads', Key: 'hang.txt', Body: 'x' }));
    await s3.send(new PutObjectCommand({ Bucket: 'uploads', Key: 'b.txt', Body: 'x' }));
    const error = await mocks.drain({ stuckHandlerMs: 50 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DrainError);
    expect((error as Error).message).toContain('the S3 notification resizer on bucket uploads');
    await mocks.drain();
    expect(seen).toEqual(['b.txt']);
    expect(mocks.s3.failedDeliveries().map((f) => f.event.Records[0]?.s3.object.key)).toEqual(['hang.txt']);
  });

  it('an S3 handler whose response the runtime cannot serialise fails like a thrown error', async () => {
    mocks.s3.createBucket('uploads');
    mocks.s3.subscribe('uploads', async () => ({ size: 1n }), { retries: 0 });
    await s3.send(new PutObjectCommand({ Bucket: 'uploads', Key: 'a.txt', Body: 'x' }));
    await mocks.drain();
    expect((mocks.s3.failedDeliveries()[0]?.error as Error).message).toMatch(/Unable to stringify response body/);
  });
});

describe('drain({ until })', () => {
  it('moves the clock to until with nothing scheduled: a message an SDK consumer received becomes visible again', async () => {
    const queue = mocks.sqs.createQueue('work', { VisibilityTimeout: '30' });
    mocks.sqs.send('work', 'job');
    const first = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queue.url }));
    expect(first.Messages).toHaveLength(1);
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl: queue.url }))).Messages ?? []).toEqual([]);
    const until = new Date(mocks.clock.now().getTime() + 30_000);
    const report = await mocks.drain({ until });
    expect(report.time).toEqual(until);
    expect(mocks.clock.now()).toEqual(until);
    const again = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queue.url, MessageSystemAttributeNames: ['ApproximateReceiveCount'] }),
    );
    expect(again.Messages?.map((m) => [m.Body, m.Attributes?.ApproximateReceiveCount])).toEqual([['job', '2']]);
  });

  it('never moves the clock back', async () => {
    mocks.clock.advance(10_000);
    const now = mocks.clock.now();
    await mocks.drain({ until: new Date(now.getTime() - 5000) });
    expect(mocks.clock.now()).toEqual(now);
  });
});

describe('bounded invocation history', () => {
  it('a poison message keeps only the latest invocations, and counts them all', async () => {
    mocks.sqs.createQueue('poison', { VisibilityTimeout: '1' });
    mocks.sqs.send('poison', 'bad');
    const subscription = mocks.sqs.subscribe(
      'poison',
      () => {
        throw new Error('poison');
      },
      { invocationHistory: 5 },
    );
    const start = mocks.clock.now().getTime();
    await mocks.drain({ until: new Date(start + 99_000) });
    expect(subscription.invocationCount).toBe(100);
    expect(subscription.outcomeCounts).toEqual({ success: 0, failure: 100, partial: 0 });
    expect(subscription.invocations.map((i) => i.time.getTime() - start)).toEqual([
      95_000, 96_000, 97_000, 98_000, 99_000,
    ]);
    expect(subscription.invocations.map((i) => i.event.Records[0]?.attributes.ApproximateReceiveCount)).toEqual([
      '96',
      '97',
      '98',
      '99',
      '100',
    ]);
  });

  it('by default the last 1,000 are kept', async () => {
    mocks.sqs.createQueue('poison', { VisibilityTimeout: '1' });
    mocks.sqs.send('poison', 'bad');
    const subscription = mocks.sqs.subscribe('poison', () => {
      throw new Error('poison');
    });
    await expect(mocks.drain({ maxSteps: 1200 })).rejects.toBeInstanceOf(DrainError);
    expect(subscription.invocationCount).toBe(1201);
    expect(subscription.invocations).toHaveLength(1000);
    expect(subscription.invocations[0]?.event.Records[0]?.attributes.ApproximateReceiveCount).toBe('202');
  });

  it('stream subscriptions keep a bounded history too; invocationHistory 0 keeps none', async () => {
    mocks.kinesis.createStream('s', { shardCount: 1 });
    mocks.kinesis.putRecord('s', 'x', 'pk');
    const subscription = mocks.kinesis.subscribe(
      's',
      () => {
        throw new Error('poison');
      },
      { maximumRetryAttempts: 20, invocationHistory: 0 },
    );
    await mocks.drain();
    expect(subscription.invocations).toEqual([]);
    expect(subscription.invocationCount).toBe(21);
    expect(subscription.failures).toHaveLength(1);
    expect(() => mocks.kinesis.subscribe('s', () => undefined, { invocationHistory: -1 })).toThrow(
      /options\.invocationHistory/,
    );
  });
});
