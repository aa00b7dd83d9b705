/**
 * The stream event source mapping (Kinesis and DynamoDB Streams) against AWS's observed
 * behaviour: which handler responses succeed, which fail the whole batch, what the on-failure
 * destination receives, and the function timeout on the virtual clock. Records are written through
 * the real SDK clients.
 *
 * Sources: https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-batchfailurereporting.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-batchfailurereporting.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html; the responses `[]` and
 * `""` were answered as successes by AWS (issue 9's recorded deliveries).
 */
import { CreateTableCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { describe, expect, it } from 'vitest';
import {
  DrainError,
  type StreamFailureRecord,
  type StreamSubscribeOptions,
  type StreamSubscription,
} from '../../../src/msw/index.js';
import { FunctionTimeoutError } from '../../../src/msw/_internals/invoke.js';
import { useAwsMocks } from '../_helpers/setup.js';
import { dynamoClient } from '../dynamodb/_clients.js';
import { kinesisClient } from '../kinesis/_clients.js';

const { mocks } = useAwsMocks();
const kinesis = kinesisClient();
const dynamo = dynamoClient();

/** What a test needs of one stream source: write `count` records, subscribe a handler. */
interface Source {
  readonly name: string;
  /** Creates the stream (one shard) and writes `count` records through the SDK; returns their sequence numbers. */
  write(count: number): Promise<string[]>;
  subscribe(
    handler: (event: { Records: unknown[] }) => unknown,
    options: StreamSubscribeOptions,
  ): StreamSubscription<{ Records: unknown[] }>;
  /** The sequence numbers of an event's records. */
  sequenceNumbers(event: { Records: unknown[] }): string[];
  readonly batchInfoKey: 'KinesisBatchInfo' | 'DDBStreamBatchInfo';
}

const sources: Source[] = [
  {
    name: 'Kinesis',
    batchInfoKey: 'KinesisBatchInfo',
    async write(count) {
      mocks.kinesis.createStream('orders', { shardCount: 1 });
      const Records = Array.from({ length: count }, (_, i) => ({
        Data: new TextEncoder().encode(`r${i}`),
        PartitionKey: `pk-${i}`,
      }));
      const out = await kinesis.send(new PutRecordsCommand({ StreamName: 'orders', Records }));
      return (out.Records ?? []).map((r) => r.SequenceNumber as string);
    },
    subscribe: (handler, options) => mocks.kinesis.subscribe('orders', handler as never, options) as never,
    sequenceNumbers: (event) =>
      (event.Records as Array<{ kinesis: { sequenceNumber: string } }>).map((r) => r.kinesis.sequenceNumber),
  },
  {
    name: 'DynamoDB Streams',
    batchInfoKey: 'DDBStreamBatchInfo',
    async write(count) {
      await dynamo.send(
        new CreateTableCommand({
          TableName: 'orders',
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          BillingMode: 'PAY_PER_REQUEST',
          StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
        }),
      );
      for (let i = 0; i < count; i++)
        await dynamo.send(new PutItemCommand({ TableName: 'orders', Item: { id: { S: `o${i}` } } }));
      return mocks.dynamodb.streamRecords('orders').map((r) => r.dynamodb.SequenceNumber as string);
    },
    subscribe: (handler, options) => mocks.dynamodb.subscribe('orders', handler as never, options) as never,
    sequenceNumbers: (event) =>
      (event.Records as Array<{ dynamodb: { SequenceNumber: string } }>).map((r) => r.dynamodb.SequenceNumber),
  },
];

describe.each(sources)('$name', (source) => {
  it.each([
    ['an empty list', []],
    ['an empty string', ''],
    ['null', null],
    ['undefined', undefined],
    ['an empty object', {}],
    ['an empty batchItemFailures', { batchItemFailures: [] }],
    ['a null batchItemFailures', { batchItemFailures: null }],
  ])(
    'a response of %s is a success: one invocation, checkpoint at the last record, no on-failure record',
    async (_, response) => {
      const sequenceNumbers = await source.write(3);
      const failures: StreamFailureRecord[] = [];
      const subscription = source.subscribe(async () => response, {
        reportBatchItemFailures: true,
        maximumRetryAttempts: 2,
        onFailure: (r) => void failures.push(r),
      });
      await mocks.drain();
      expect(subscription.invocations.map((i) => i.outcome)).toEqual(['success']);
      expect(Object.values(subscription.checkpoints())).toEqual([sequenceNumbers[2]]);
      expect(subscription.failures).toEqual([]);
      expect(failures).toEqual([]);
    },
  );

  const invalid: Array<[string, (ids: string[]) => unknown]> = [
    ['an empty itemIdentifier', () => ({ batchItemFailures: [{ itemIdentifier: '' }] })],
    ['a null itemIdentifier', () => ({ batchItemFailures: [{ itemIdentifier: null }] })],
    ['a numeric itemIdentifier', () => ({ batchItemFailures: [{ itemIdentifier: 1 }] })],
    ['an itemIdentifier not in the batch', () => ({ batchItemFailures: [{ itemIdentifier: '1' }] })],
    ['a misspelt itemIdentifier key', (ids) => ({ batchItemFailures: [{ itemIdentifer: ids[1] }] })],
    ['a batchItemFailures object', (ids) => ({ batchItemFailures: { itemIdentifier: ids[1] } })],
    ['a batchItemFailures string', (ids) => ({ batchItemFailures: ids[1] })],
    ['a null entry', () => ({ batchItemFailures: [null] })],
    ['a non-empty array', (ids) => [{ itemIdentifier: ids[1] }]],
    ['a non-empty string', () => 'failed'],
    ['a number', () => 0],
    ['a function', () => () => undefined],
  ];
  it.each(invalid)(
    'a response with %s fails the whole batch: retried, then discarded with functionError null',
    async (_, respond) => {
      const sequenceNumbers = await source.write(3);
      const failures: StreamFailureRecord[] = [];
      const subscription = source.subscribe(async (event) => respond(source.sequenceNumbers(event)), {
        reportBatchItemFailures: true,
        maximumRetryAttempts: 2,
        onFailure: (r) => void failures.push(r),
      });
      await mocks.drain();
      expect(subscription.invocations.map((i) => [i.outcome, i.retryFrom, i.functionError])).toEqual([
        ['failure', sequenceNumbers[0], null],
        ['failure', sequenceNumbers[0], null],
        ['failure', sequenceNumbers[0], null],
      ]);
      expect(subscription.invocations.every((i) => i.error === undefined)).toBe(true);
      expect(failures).toHaveLength(1);
      const [record] = failures;
      expect(record?.requestContext).toMatchObject({ condition: 'RetryAttemptsExhausted', approximateInvokeCount: 3 });
      expect(record?.responseContext).toEqual({ statusCode: 200, executedVersion: '$LATEST', functionError: null });
      expect(record?.[source.batchInfoKey]).toMatchObject({
        startSequenceNumber: sequenceNumbers[0],
        endSequenceNumber: sequenceNumbers[2],
        batchSize: 3,
      });
      // The discarded batch is checkpointed past.
      expect(Object.values(subscription.checkpoints())).toEqual([sequenceNumbers[2]]);
    },
  );

  it('without ReportBatchItemFailures the response is ignored, even a function', async () => {
    await source.write(2);
    const subscription = source.subscribe(async () => () => undefined, {});
    await mocks.drain();
    expect(subscription.invocations.map((i) => i.outcome)).toEqual(['success']);
  });

  it('a response the runtime cannot serialise (a BigInt) is an unhandled function error, whatever the response types', async () => {
    await source.write(1);
    const subscription = source.subscribe(async () => ({ total: 1n }), { maximumRetryAttempts: 0 });
    await mocks.drain();
    expect(subscription.invocations.map((i) => [i.outcome, i.functionError])).toEqual([['failure', 'Unhandled']]);
    expect(subscription.failures[0]?.responseContext?.functionError).toBe('Unhandled');
  });

  it('a thrown error is "Unhandled" in the on-failure record', async () => {
    await source.write(2);
    const subscription = source.subscribe(
      async () => {
        throw new Error('boom');
      },
      { maximumRetryAttempts: 1 },
    );
    await mocks.drain();
    expect(subscription.invocations.map((i) => i.functionError)).toEqual(['Unhandled', 'Unhandled']);
    expect(subscription.failures).toHaveLength(1);
    expect(subscription.failures[0]?.responseContext).toEqual({
      statusCode: 200,
      executedVersion: '$LATEST',
      functionError: 'Unhandled',
    });
    expect(subscription.failures[0]?.requestContext.approximateInvokeCount).toBe(2);
  });

  it('records that expire before any invocation: RecordAgeExceeded, no responseContext, approximateInvokeCount 0', async () => {
    const sequenceNumbers = await source.write(3);
    mocks.clock.advance(61_000);
    let calls = 0;
    const subscription = source.subscribe(() => void calls++, { maximumRecordAgeInSeconds: 60, batchSize: 2 });
    await mocks.drain();
    expect(calls).toBe(0);
    expect(
      subscription.failures.map((f) => [
        f.requestContext.condition,
        f.requestContext.approximateInvokeCount,
        'responseContext' in f,
        f[source.batchInfoKey]?.batchSize,
      ]),
    ).toEqual([
      ['RecordAgeExceeded', 0, false, 2],
      ['RecordAgeExceeded', 0, false, 1],
    ]);
    expect(Object.values(subscription.checkpoints())).toEqual([sequenceNumbers[2]]);
  });

  it('records that expire while retried: RecordAgeExceeded with the invoke count and the last response', async () => {
    await source.write(2);
    const subscription = source.subscribe(async () => ({ batchItemFailures: [{ itemIdentifier: '' }] }), {
      maximumRecordAgeInSeconds: 60,
      reportBatchItemFailures: true,
    });
    await mocks.drain();
    const invokes = subscription.invocations.length;
    // Retries at 1, 2, 4, 8, 16 and 32 seconds of backoff: the seventh try is at 63 s, past 60 s of age.
    expect(invokes).toBe(6);
    expect(subscription.failures).toHaveLength(1);
    expect(subscription.failures[0]?.requestContext).toMatchObject({
      condition: 'RecordAgeExceeded',
      approximateInvokeCount: invokes,
    });
    expect(subscription.failures[0]?.responseContext?.functionError).toBeNull();
  });

  it('bisected batches that expire: one record per batch, counting the invocations that held its records', async () => {
    await source.write(4);
    const subscription = source.subscribe(
      async () => {
        throw new Error('always');
      },
      { bisectBatchOnFunctionError: true, maximumRecordAgeInSeconds: 60 },
    );
    await mocks.drain();
    // [0,4) fails and splits; [0,2) fails and splits; [0,1) fails at 0 s and is retried at 1, 3, 7, 15 and 31 s;
    // at 63 s everything is older than 60 s.
    expect(
      subscription.failures.map((f) => [
        f.requestContext.condition,
        f[source.batchInfoKey]?.batchSize,
        f.requestContext.approximateInvokeCount,
        f.responseContext?.functionError,
      ]),
    ).toEqual([
      ['RecordAgeExceeded', 1, 8, 'Unhandled'],
      ['RecordAgeExceeded', 1, 2, 'Unhandled'],
      ['RecordAgeExceeded', 2, 1, 'Unhandled'],
    ]);
  });

  it('an invocation that runs past the function timeout on the virtual clock times out and is retried', async () => {
    await source.write(1);
    let calls = 0;
    const subscription = source.subscribe(() => {
      calls++;
      // The first attempt takes 4 virtual seconds: past Lambda's default timeout of 3 s.
      if (calls === 1) mocks.clock.advance(4000);
    }, {});
    await mocks.drain();
    expect(subscription.invocations.map((i) => [i.outcome, i.functionError, i.reason])).toEqual([
      ['failure', 'Unhandled', 'Task timed out after 3.00 seconds'],
      ['success', undefined, undefined],
    ]);
    expect(subscription.invocations[0]?.error).toBeInstanceOf(FunctionTimeoutError);
  });

  it('the timeout option raises the limit', async () => {
    await source.write(1);
    const subscription = source.subscribe(() => void mocks.clock.advance(4000), { timeout: 5 });
    await mocks.drain();
    expect(subscription.invocations.map((i) => i.outcome)).toEqual(['success']);
    expect(() => source.subscribe(() => undefined, { timeout: 0 })).toThrow(/options\.timeout.*1–900/);
    expect(() => source.subscribe(() => undefined, { timeout: 1.5 })).toThrow(/options\.timeout/);
  });

  it('a pending handler times out as soon as the virtual clock passes its timeout, even if it never settles', async () => {
    await source.write(1);
    const failures: StreamFailureRecord[] = [];
    const subscription = source.subscribe(
      () => {
        // The test moves the clock while the invocation hangs.
        setTimeout(() => mocks.clock.advance(3000), 10);
        return new Promise(() => undefined);
      },
      { maximumRetryAttempts: 0, onFailure: (r) => void failures.push(r) },
    );
    await mocks.drain();
    expect(subscription.invocations.map((i) => i.reason)).toEqual(['Task timed out after 3.00 seconds']);
    expect(failures[0]?.responseContext?.functionError).toBe('Unhandled');
  });

  it('a handler that neither settles nor moves the clock stops drain() with an error naming the subscription', async () => {
    await source.write(1);
    const subscription = source.subscribe(() => new Promise(() => undefined), { functionName: 'stuck-fn' });
    const error = await mocks.drain({ stuckHandlerMs: 50 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DrainError);
    expect((error as Error).message).toContain(subscription.streamArn);
    expect((error as Error).message).toContain('stuck-fn');
    // The hung invocation is booked as a failure, so a later drain retries the batch.
    expect(subscription.invocations.map((i) => i.outcome)).toEqual(['failure']);
  });
});
