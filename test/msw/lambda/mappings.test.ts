/**
 * Event source mappings through the real @aws-sdk/client-lambda: SQS queues, Kinesis streams and
 * DynamoDB streams of the mocks, with AWS's defaults, validation, states, filters and on-failure
 * destinations; and `subscribe` with the same filters.
 * Sources: https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html,
 * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-parameters.html (SQS batch size 10,
 * ≤ 10,000 with a window; FIFO ≤ 10), https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html
 * (batch size 100, StartingPosition required), https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html
 * (non-matching SQS messages deleted, stream records skipped). The batching-window message is the
 * one AWS answered in ansible-collections/amazon.aws#1995 and aws/chalice#1778; the StartingPosition,
 * missing-function and duplicate-mapping answers are localstack's, snapshot-tested against AWS
 * (localstack/localstack, services/lambda_/provider.py, PR #7696).
 */
import {
  CreateEventSourceMappingCommand,
  DeleteEventSourceMappingCommand,
  GetEventSourceMappingCommand,
  LambdaClient,
  ListEventSourceMappingsCommand,
  UpdateEventSourceMappingCommand,
} from '@aws-sdk/client-lambda';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import type { DynamoDBStreamEvent, KinesisStreamEvent, SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { awsTestClientConfig } from '../../../src/msw/index.js';
import { sqsClient } from '../_helpers/clients.js';
import { useAwsMocks } from '../_helpers/setup.js';
import { rejectionWithStatus as rejection } from '../_helpers/rejection.js';

const { mocks } = useAwsMocks();
const lambda = new LambdaClient(awsTestClientConfig({ region: 'us-east-1' }));
const sqs = sqsClient();

function recorder<E>(): { events: E[]; handler: (event: E) => Promise<void> } {
  const events: E[] = [];
  return { events, handler: async (event: E) => void events.push(event) };
}

describe('SQS mappings', () => {
  it('creates with AWS defaults (Creating, then Enabled) and delivers what the SDK sends', async () => {
    const queue = mocks.sqs.createQueue('orders');
    const { events, handler } = recorder<SQSEvent>();
    mocks.lambda.createFunction('consumer', handler);
    const created = await lambda.send(
      new CreateEventSourceMappingCommand({ FunctionName: 'consumer', EventSourceArn: queue.arn }),
    );
    expect(created.$metadata.httpStatusCode).toBe(202);
    expect(created).toMatchObject({
      State: 'Creating',
      BatchSize: 10,
      MaximumBatchingWindowInSeconds: 0,
      EventSourceArn: queue.arn,
      FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:consumer',
      FunctionResponseTypes: [],
    });
    expect(created.UUID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(created.StartingPosition).toBeUndefined();
    expect(created.LastModified).toBeInstanceOf(Date);
    const got = await lambda.send(new GetEventSourceMappingCommand({ UUID: created.UUID }));
    expect(got.State).toBe('Enabled');
    await sqs.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: 'hello' }));
    await mocks.drain();
    expect(events.flatMap((e) => e.Records.map((r) => r.body))).toEqual(['hello']);
    expect(mocks.sqs.messages(queue.arn)).toEqual([]);
    expect(mocks.lambda.invocations('consumer')[0]?.trigger).toEqual({ eventSourceMappingUUID: created.UUID });
  });

  it('validates as Lambda: batching window for batches over 10, FIFO limits, stream-only parameters, duplicates', async () => {
    const queue = mocks.sqs.createQueue('q');
    const fifo = mocks.sqs.createQueue('q.fifo', { FifoQueue: 'true' });
    mocks.lambda.createFunction('fn', async () => undefined);
    const create = (input: Record<string, unknown>) =>
      lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'fn', EventSourceArn: queue.arn, ...input }));
    expect(await rejection(create({ BatchSize: 11 }))).toEqual({
      name: 'InvalidParameterValueException',
      message: 'Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10',
      status: 400,
    });
    expect((await rejection(create({ BatchSize: 10_001, MaximumBatchingWindowInSeconds: 1 }))).name).toBe(
      'ValidationException',
    );
    expect((await rejection(create({ BatchSize: 0 }))).name).toBe('ValidationException');
    expect((await rejection(create({ MaximumBatchingWindowInSeconds: 301 }))).name).toBe('ValidationException');
    expect((await rejection(create({ StartingPosition: 'LATEST' }))).name).toBe('InvalidParameterValueException');
    expect((await rejection(create({ MaximumRetryAttempts: 3 }))).message).toBe(
      'Unsupported MaximumRetryAttempts parameter for given event source mapping type.',
    );
    expect((await rejection(create({ FunctionResponseTypes: ['Nope'] as never }))).name).toBe('ValidationException');
    expect(
      (
        await rejection(
          lambda.send(
            new CreateEventSourceMappingCommand({
              FunctionName: 'fn',
              EventSourceArn: fifo.arn,
              BatchSize: 11,
              MaximumBatchingWindowInSeconds: 1,
            }),
          ),
        )
      ).name,
    ).toBe('InvalidParameterValueException');
    expect(await rejection(create({ FunctionName: 'missing' }))).toEqual({
      name: 'InvalidParameterValueException',
      message: 'Function does not exist',
      status: 400,
    });
    expect((await rejection(create({ EventSourceArn: 'arn:aws:sqs:us-east-1:123456789012:nope' }))).name).toBe(
      'InvalidParameterValueException',
    );
    const ok = await create({ BatchSize: 100, MaximumBatchingWindowInSeconds: 5 });
    const dup = await rejection(create({}));
    expect(dup).toEqual({
      name: 'ResourceConflictException',
      message: `An event source mapping with SQS arn (" ${queue.arn} ") and function (" fn ") already exists. Please update or delete the existing mapping with UUID ${ok.UUID}`,
      status: 409,
    });
  });

  it('rejects invalid FilterCriteria with Lambda error at create and at update', async () => {
    const queue = mocks.sqs.createQueue('q');
    mocks.lambda.createFunction('fn', async () => undefined);
    const bad = await rejection(
      lambda.send(
        new CreateEventSourceMappingCommand({
          FunctionName: 'fn',
          EventSourceArn: queue.arn,
          FilterCriteria: { Filters: [{ Pattern: '{"body": {"a": [{"prefx": "x"}]}}' }] },
        }),
      ),
    );
    expect(bad).toEqual({
      name: 'InvalidParameterValueException',
      message: 'Invalid filter pattern definition.',
      status: 400,
    });
    const six = Array.from({ length: 6 }, () => ({ Pattern: '{"body": {"a": ["x"]}}' }));
    expect(
      (
        await rejection(
          lambda.send(
            new CreateEventSourceMappingCommand({
              FunctionName: 'fn',
              EventSourceArn: queue.arn,
              FilterCriteria: { Filters: six },
            }),
          ),
        )
      ).name,
    ).toBe('InvalidParameterValueException');
    const created = await lambda.send(
      new CreateEventSourceMappingCommand({ FunctionName: 'fn', EventSourceArn: queue.arn }),
    );
    expect(
      (
        await rejection(
          lambda.send(
            new UpdateEventSourceMappingCommand({
              UUID: created.UUID,
              FilterCriteria: { Filters: [{ Pattern: 'not json' }] },
            }),
          ),
        )
      ).message,
    ).toBe('Invalid filter pattern definition.');
  });

  it('filters: a message matching no filter is deleted and never reaches the function; the mapping says why', async () => {
    const queue = mocks.sqs.createQueue('orders');
    const { events, handler } = recorder<SQSEvent>();
    mocks.lambda.createFunction('consumer', handler);
    const created = await lambda.send(
      new CreateEventSourceMappingCommand({
        FunctionName: 'consumer',
        EventSourceArn: queue.arn,
        FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ body: { type: ['order'] } }) }] },
      }),
    );
    expect(created.FilterCriteria).toEqual({ Filters: [{ Pattern: '{"body":{"type":["order"]}}' }] });
    for (const body of [{ type: 'order', n: 1 }, { type: 'refund', n: 2 }, 'plain text', { type: 'order', n: 3 }])
      mocks.sqs.send(queue.arn, typeof body === 'string' ? body : JSON.stringify(body));
    await mocks.drain();
    expect(events.flatMap((e) => e.Records.map((r) => JSON.parse(r.body).n))).toEqual([1, 3]);
    expect(mocks.sqs.messages(queue.arn)).toEqual([]);
    const [mapping] = mocks.lambda.eventSourceMappings({ functionName: 'consumer' });
    expect(mapping?.filteredCount).toBe(2);
    expect(mapping?.filtered.map((f) => (f.record as { body: string }).body)).toEqual([
      '{"type":"refund","n":2}',
      'plain text',
    ]);
    expect(mapping?.filtered[0]?.reason).toMatch(/^filter 1: /);
    expect(mapping?.filtered[0]?.reason).toContain('refund');
    expect(mapping?.filtered[1]?.reason).toContain('not a JSON object');
  });

  it('Update changes batch size and filters in place; Enabled false stops deliveries and keeps messages', async () => {
    const queue = mocks.sqs.createQueue('q');
    const { events, handler } = recorder<SQSEvent>();
    mocks.lambda.createFunction('fn', handler);
    const { UUID } = await lambda.send(
      new CreateEventSourceMappingCommand({ FunctionName: 'fn', EventSourceArn: queue.arn, BatchSize: 1 }),
    );
    const disabled = await lambda.send(new UpdateEventSourceMappingCommand({ UUID, Enabled: false }));
    expect(disabled.State).toBe('Disabling');
    expect((await lambda.send(new GetEventSourceMappingCommand({ UUID }))).State).toBe('Disabled');
    mocks.sqs.send(queue.arn, 'a');
    mocks.sqs.send(queue.arn, 'b');
    await mocks.drain();
    expect(events).toEqual([]);
    expect(mocks.sqs.messages(queue.arn)).toHaveLength(2);
    const updated = await lambda.send(new UpdateEventSourceMappingCommand({ UUID, Enabled: true, BatchSize: 5 }));
    expect(updated).toMatchObject({ State: 'Enabling', BatchSize: 5 });
    await mocks.drain();
    expect(events.map((e) => e.Records.map((r) => r.body))).toEqual([['a', 'b']]);
  });

  it('Update with another FunctionName retargets the mapping', async () => {
    const queue = mocks.sqs.createQueue('q');
    const got: string[] = [];
    mocks.lambda.createFunction('first', async () => void got.push('first'));
    mocks.lambda.createFunction('second', async () => void got.push('second'));
    const { UUID } = await lambda.send(
      new CreateEventSourceMappingCommand({ FunctionName: 'first', EventSourceArn: queue.arn }),
    );
    const updated = await lambda.send(new UpdateEventSourceMappingCommand({ UUID, FunctionName: 'second' }));
    expect(updated.FunctionArn).toBe('arn:aws:lambda:us-east-1:123456789012:function:second');
    mocks.sqs.send(queue.arn, 'm');
    await mocks.drain();
    expect(got).toEqual(['second']);
    expect(
      (await rejection(lambda.send(new UpdateEventSourceMappingCommand({ UUID, FunctionName: 'third' })))).message,
    ).toBe('Function does not exist');
  });

  it('Delete answers Deleting and stops deliveries; Get then says ResourceNotFoundException', async () => {
    const queue = mocks.sqs.createQueue('q');
    const { events, handler } = recorder<SQSEvent>();
    mocks.lambda.createFunction('fn', handler);
    const { UUID } = await lambda.send(
      new CreateEventSourceMappingCommand({ FunctionName: 'fn', EventSourceArn: queue.arn }),
    );
    expect((await lambda.send(new DeleteEventSourceMappingCommand({ UUID }))).State).toBe('Deleting');
    expect(await rejection(lambda.send(new GetEventSourceMappingCommand({ UUID })))).toEqual({
      name: 'ResourceNotFoundException',
      message: 'The resource you requested does not exist.',
      status: 404,
    });
    mocks.sqs.send(queue.arn, 'x');
    await mocks.drain();
    expect(events).toEqual([]);
  });

  it('lists by function and by source, paged', async () => {
    const queues = ['a', 'b', 'c'].map((n) => mocks.sqs.createQueue(n));
    mocks.lambda.createFunction('f1', async () => undefined);
    mocks.lambda.createFunction('f2', async () => undefined);
    for (const q of queues)
      await lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'f1', EventSourceArn: q.arn }));
    await lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'f2', EventSourceArn: queues[0]?.arn }));
    expect(
      (await lambda.send(new ListEventSourceMappingsCommand({ FunctionName: 'f1' }))).EventSourceMappings,
    ).toHaveLength(3);
    expect(
      (
        await lambda.send(new ListEventSourceMappingsCommand({ EventSourceArn: queues[0]?.arn }))
      ).EventSourceMappings?.map((m) => m.FunctionArn?.split(':').pop()),
    ).toEqual(['f1', 'f2']);
    const page = await lambda.send(new ListEventSourceMappingsCommand({ MaxItems: 3 }));
    expect(page.EventSourceMappings).toHaveLength(3);
    const rest = await lambda.send(new ListEventSourceMappingsCommand({ MaxItems: 3, Marker: page.NextMarker }));
    expect(rest.EventSourceMappings).toHaveLength(1);
    expect(rest.NextMarker).toBeUndefined();
  });
});

describe('Kinesis and DynamoDB stream mappings', () => {
  it('require StartingPosition, default BatchSize 100, and skip records no filter matches (checkpoint past them)', async () => {
    const stream = mocks.kinesis.createStream('clicks', { shardCount: 1 });
    const { events, handler } = recorder<KinesisStreamEvent>();
    mocks.lambda.createFunction('reader', handler);
    expect(
      await rejection(
        lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'reader', EventSourceArn: stream.arn })),
      ),
    ).toEqual({
      name: 'InvalidParameterValueException',
      message:
        "1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null.",
      status: 400,
    });
    // A plain-value pattern on Kinesis data is refused (the data is JSON).
    expect(
      (
        await rejection(
          lambda.send(
            new CreateEventSourceMappingCommand({
              FunctionName: 'reader',
              EventSourceArn: stream.arn,
              StartingPosition: 'TRIM_HORIZON',
              FilterCriteria: { Filters: [{ Pattern: '{"data": ["x"]}' }] },
            }),
          ),
        )
      ).message,
    ).toBe('Invalid filter pattern definition.');
    const created = await lambda.send(
      new CreateEventSourceMappingCommand({
        FunctionName: 'reader',
        EventSourceArn: stream.arn,
        StartingPosition: 'TRIM_HORIZON',
        FilterCriteria: { Filters: [{ Pattern: '{"data": {"kind": ["click"]}}' }] },
      }),
    );
    expect(created).toMatchObject({
      BatchSize: 100,
      StartingPosition: 'TRIM_HORIZON',
      MaximumRetryAttempts: -1,
      MaximumRecordAgeInSeconds: -1,
      BisectBatchOnFunctionError: false,
      ParallelizationFactor: 1,
      State: 'Creating',
    });
    const kinds = ['click', 'view', 'click', 'view'];
    kinds.forEach((kind, i) => mocks.kinesis.putRecord(stream.arn, JSON.stringify({ kind, i }), 'pk'));
    await mocks.drain();
    const delivered = events.flatMap((e) =>
      e.Records.map((r) => JSON.parse(Buffer.from(r.kinesis.data, 'base64').toString()).i),
    );
    expect(delivered).toEqual([0, 2]);
    const [mapping] = mocks.lambda.eventSourceMappings({ eventSourceArn: stream.arn });
    expect(mapping?.filteredCount).toBe(2);
    expect(mapping?.filtered.every((f) => f.reason.startsWith('filter 1:'))).toBe(true);
  });

  it('MaximumBatchingWindowInSeconds holds a stream batch until the window closes or the batch is full; records carry the function role', async () => {
    const stream = mocks.kinesis.createStream('w', { shardCount: 1 });
    const batches: Array<{ at: number; size: number; role: string | undefined }> = [];
    mocks.lambda.createFunction(
      'windowed',
      async (event: KinesisStreamEvent) =>
        void batches.push({
          at: mocks.clock.now().getTime(),
          size: event.Records.length,
          role: event.Records[0]?.invokeIdentityArn,
        }),
      { role: 'arn:aws:iam::123456789012:role/reader' },
    );
    await lambda.send(
      new CreateEventSourceMappingCommand({
        FunctionName: 'windowed',
        EventSourceArn: stream.arn,
        StartingPosition: 'LATEST',
        BatchSize: 4,
        MaximumBatchingWindowInSeconds: 5,
      }),
    );
    const start = mocks.clock.now().getTime();
    for (let i = 0; i < 3; i++) mocks.kinesis.putRecord(stream.arn, `r${i}`, 'pk');
    await mocks.drain({ until: new Date(start + 4_000) });
    expect(batches).toEqual([]);
    await mocks.drain();
    expect(batches).toEqual([{ at: start + 5_000, size: 3, role: 'arn:aws:iam::123456789012:role/reader' }]);
    // A full batch goes at once.
    for (let i = 0; i < 4; i++) mocks.kinesis.putRecord(stream.arn, `s${i}`, 'pk');
    await mocks.drain();
    expect(batches.map((b) => b.size)).toEqual([3, 4]);
    expect(batches[1]?.at).toBe(start + 5_000);
  });

  it('ReportBatchItemFailures with filters: the reported record is retried from its place, the skipped one before it stays skipped', async () => {
    const stream = mocks.kinesis.createStream('p', { shardCount: 1 });
    const batches: number[][] = [];
    let failedOnce = false;
    mocks.lambda.createFunction('partial', async (event: KinesisStreamEvent) => {
      const items = event.Records.map((r) => ({
        i: (JSON.parse(Buffer.from(r.kinesis.data, 'base64').toString()) as { i: number }).i,
        seq: r.kinesis.sequenceNumber,
      }));
      batches.push(items.map((x) => x.i));
      const two = items.find((x) => x.i === 2);
      if (two !== undefined && !failedOnce) {
        failedOnce = true;
        return { batchItemFailures: [{ itemIdentifier: two.seq }] };
      }
      return { batchItemFailures: [] };
    });
    await lambda.send(
      new CreateEventSourceMappingCommand({
        FunctionName: 'partial',
        EventSourceArn: stream.arn,
        StartingPosition: 'TRIM_HORIZON',
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        FilterCriteria: { Filters: [{ Pattern: '{"data": {"keep": [true]}}' }] },
      }),
    );
    for (const i of [0, 1, 2, 3]) mocks.kinesis.putRecord(stream.arn, JSON.stringify({ i, keep: i !== 1 }), 'pk');
    await mocks.drain();
    expect(batches).toEqual([
      [0, 2, 3],
      [2, 3],
    ]);
    const [mapping] = mocks.lambda.eventSourceMappings({ functionName: 'partial' });
    // Record 1 was skipped once, not again on the retry.
    expect(mapping?.filteredCount).toBe(1);
    expect(mapping?.invocationCount).toBe(2);
  });

  it('a batch whose records all fail the filters is never invoked, and the checkpoint moves past it', async () => {
    const stream = mocks.kinesis.createStream('s', { shardCount: 1 });
    let calls = 0;
    mocks.lambda.createFunction('reader', async () => void calls++);
    mocks.kinesis.putRecord(stream.arn, JSON.stringify({ kind: 'view' }), 'pk');
    const sub = mocks.kinesis.subscribe(stream.arn, async () => void calls++, {
      filterCriteria: { Filters: [{ Pattern: '{"data": {"kind": ["click"]}}' }] },
    });
    await mocks.drain();
    expect(calls).toBe(0);
    expect(Object.values(sub.checkpoints())).toHaveLength(1);
    expect(sub.filteredCount).toBe(1);
  });

  it('DynamoDB streams: filter on eventName and the new image; on-failure records go to an SQS queue of the mocks', async () => {
    const table = mocks.dynamodb.createTable('items', { partitionKey: 'id', streamViewType: 'NEW_AND_OLD_IMAGES' });
    const dlq = mocks.sqs.createQueue('failures');
    const seen: string[] = [];
    mocks.lambda.createFunction('ddb', async (event: DynamoDBStreamEvent) => {
      for (const r of event.Records) seen.push(`${r.eventName}:${r.dynamodb?.Keys?.['id']?.S}`);
      if (event.Records.some((r) => r.dynamodb?.NewImage?.['poison'] !== undefined)) throw new Error('poison');
    });
    expect(
      await rejection(
        lambda.send(
          new CreateEventSourceMappingCommand({
            FunctionName: 'ddb',
            EventSourceArn: table.streamArn,
            StartingPosition: 'AT_TIMESTAMP',
            StartingPositionTimestamp: new Date(),
          }),
        ),
      ),
    ).toMatchObject({
      name: 'InvalidParameterValueException',
      message: `Unsupported starting position for arn type: ${table.streamArn}`,
    });
    await lambda.send(
      new CreateEventSourceMappingCommand({
        FunctionName: 'ddb',
        EventSourceArn: table.streamArn,
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: 1,
        MaximumRetryAttempts: 1,
        DestinationConfig: { OnFailure: { Destination: dlq.arn } },
        FilterCriteria: { Filters: [{ Pattern: '{"eventName": ["INSERT"]}' }] },
      }),
    );
    mocks.dynamodb.putItem('items', { id: 'a' });
    mocks.dynamodb.putItem('items', { id: 'a', v: 2 });
    mocks.dynamodb.putItem('items', { id: 'b', poison: true });
    mocks.dynamodb.putItem('items', { id: 'c' });
    await mocks.drain();
    // The MODIFY of a is filtered out; b fails twice (1 retry) and goes to the destination; c follows.
    expect(seen).toEqual(['INSERT:a', 'INSERT:b', 'INSERT:b', 'INSERT:c']);
    const failures = mocks.sqs.messages(dlq.arn).map((m) => JSON.parse(m.body));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({
      requestContext: {
        condition: 'RetryAttemptsExhausted',
        functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:ddb',
        approximateInvokeCount: 2,
      },
      DDBStreamBatchInfo: { batchSize: 1, streamArn: table.streamArn },
    });
  });

  it('an on-failure destination that is not a queue of the mocks is refused', async () => {
    const stream = mocks.kinesis.createStream('s', { shardCount: 1 });
    mocks.lambda.createFunction('reader', async () => undefined);
    const create = (destination: string) =>
      lambda.send(
        new CreateEventSourceMappingCommand({
          FunctionName: 'reader',
          EventSourceArn: stream.arn,
          StartingPosition: 'LATEST',
          DestinationConfig: { OnFailure: { Destination: destination } },
        }),
      );
    expect((await rejection(create('arn:aws:sqs:us-east-1:123456789012:absent'))).name).toBe(
      'InvalidParameterValueException',
    );
    expect((await rejection(create('arn:aws:sns:us-east-1:123456789012:topic'))).message).toMatch(/SQS queues only/);
  });
});

describe('subscribe with filterCriteria', () => {
  it('SQS subscribe takes the same filters and rejects invalid ones naming the option', async () => {
    const queue = mocks.sqs.createQueue('q');
    const bodies: string[] = [];
    const sub = mocks.sqs.subscribe(queue.arn, async (event) => void bodies.push(...event.Records.map((r) => r.body)), {
      filterCriteria: {
        Filters: [{ Pattern: '{"attributes": {"MessageGroupId": [{"exists": false}]}, "body": [{"prefix": "keep"}]}' }],
      },
    });
    for (const b of ['keep 1', 'drop 2', 'keep 3']) mocks.sqs.send(queue.arn, b);
    await mocks.drain();
    expect(bodies).toEqual(['keep 1', 'keep 3']);
    expect(sub.filtered.map((f) => f.record.body)).toEqual(['drop 2']);
    expect(() =>
      mocks.sqs.subscribe(queue.arn, async () => undefined, {
        filterCriteria: { Filters: [{ Pattern: '{"body": [{"bad": 1}]}' }] },
      }),
    ).toThrow(/options\.filterCriteria.*Invalid filter pattern definition/);
  });
});
