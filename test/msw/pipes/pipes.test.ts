/** EventBridge Pipes through the real @aws-sdk/client-pipes: the API, pipe states, and running pipes end to end. */
import {
  CreatePipeCommand,
  DeletePipeCommand,
  DescribePipeCommand,
  ListPipesCommand,
  PipesClient,
  StartPipeCommand,
  StopPipeCommand,
  UpdatePipeCommand,
} from '@aws-sdk/client-pipes';
import { describe, expect, it } from 'vitest';
import { toPipesSourceBatch } from '../../../src/events/pipes/sourceBatch.js';
import { awsTestClientConfig } from '../../../src/msw/index.js';
import { filterBatch } from '../../../src/patterns/filters.js';
import { renderPipeTemplate, transformPipeBatch } from '../../../src/pipes/index.js';
import { useAwsMocks } from '../_helpers/setup.js';

const { mocks } = useAwsMocks({ region: 'eu-west-1', account: '210987654321' });
const pipes = new PipesClient(awsTestClientConfig({ region: 'eu-west-1' }));
const RoleArn = 'arn:aws:iam::210987654321:role/pipe';

async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  try {
    await promise;
  } catch (error) {
    const e = error as Error & { $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected a rejection');
}

describe('the Pipes API', () => {
  it('create, describe, list, stop, start, update and delete, with the states DescribePipe reports', async () => {
    const source = mocks.sqs.createQueue('in');
    const target = mocks.sqs.createQueue('out');
    const created = await pipes.send(
      new CreatePipeCommand({ Name: 'p', RoleArn, Source: source.arn, Target: target.arn, Description: 'first' }),
    );
    expect(created).toMatchObject({
      Name: 'p',
      Arn: 'arn:aws:pipes:eu-west-1:210987654321:pipe/p',
      DesiredState: 'RUNNING',
      CurrentState: 'CREATING',
    });
    expect(created.CreationTime).toBeInstanceOf(Date);
    const described = await pipes.send(new DescribePipeCommand({ Name: 'p' }));
    expect(described).toMatchObject({
      Name: 'p',
      CurrentState: 'RUNNING',
      DesiredState: 'RUNNING',
      Source: source.arn,
      Target: target.arn,
      RoleArn,
      Description: 'first',
    });
    expect(
      await failure(pipes.send(new CreatePipeCommand({ Name: 'p', RoleArn, Source: source.arn, Target: target.arn }))),
    ).toMatchObject({ name: 'ConflictException', status: 409 });
    await pipes.send(
      new CreatePipeCommand({ Name: 'q', RoleArn, Source: source.arn, Target: target.arn, DesiredState: 'STOPPED' }),
    );
    expect((await pipes.send(new ListPipesCommand({}))).Pipes?.map((p) => [p.Name, p.CurrentState])).toEqual([
      ['p', 'RUNNING'],
      ['q', 'STOPPED'],
    ]);
    expect((await pipes.send(new ListPipesCommand({ CurrentState: 'STOPPED' }))).Pipes?.map((p) => p.Name)).toEqual([
      'q',
    ]);
    const page = await pipes.send(new ListPipesCommand({ Limit: 1 }));
    expect(page.Pipes?.map((p) => p.Name)).toEqual(['p']);
    expect(
      (await pipes.send(new ListPipesCommand({ Limit: 1, NextToken: page.NextToken }))).Pipes?.map((p) => p.Name),
    ).toEqual(['q']);
    expect((await pipes.send(new StopPipeCommand({ Name: 'p' }))).CurrentState).toBe('STOPPING');
    expect((await pipes.send(new DescribePipeCommand({ Name: 'p' }))).CurrentState).toBe('STOPPED');
    expect((await pipes.send(new StartPipeCommand({ Name: 'p' }))).CurrentState).toBe('STARTING');
    expect((await pipes.send(new DescribePipeCommand({ Name: 'p' }))).CurrentState).toBe('RUNNING');
    const updated = await pipes.send(
      new UpdatePipeCommand({
        Name: 'p',
        RoleArn,
        Description: 'second',
        TargetParameters: { InputTemplate: '{"b": <$.body>}' },
      }),
    );
    expect(updated.CurrentState).toBe('UPDATING');
    expect(await pipes.send(new DescribePipeCommand({ Name: 'p' }))).toMatchObject({
      CurrentState: 'RUNNING',
      Description: 'second',
      TargetParameters: { InputTemplate: '{"b": <$.body>}' },
    });
    expect((await pipes.send(new DeletePipeCommand({ Name: 'p' }))).CurrentState).toBe('DELETING');
    expect(await failure(pipes.send(new DescribePipeCommand({ Name: 'p' })))).toEqual({
      name: 'NotFoundException',
      message: 'Pipe p does not exist.',
      status: 404,
    });
  });

  it('CreatePipe refuses what the pipe could not run: missing members, bad filters and templates, FIFO targets without a group', async () => {
    const source = mocks.sqs.createQueue('in');
    const target = mocks.sqs.createQueue('out');
    const fifo = mocks.sqs.createQueue('out.fifo', { FifoQueue: 'true' });
    expect(
      (await failure(pipes.send(new CreatePipeCommand({ Name: 'x', Source: source.arn, Target: target.arn } as never))))
        .name,
    ).toBe('ValidationException');
    const badFilter = await failure(
      pipes.send(
        new CreatePipeCommand({
          Name: 'x',
          RoleArn,
          Source: source.arn,
          Target: target.arn,
          SourceParameters: { FilterCriteria: { Filters: [{ Pattern: '{"body":"x"}' }] } },
        }),
      ),
    );
    expect(badFilter.name).toBe('ValidationException');
    const badTemplate = await failure(
      pipes.send(
        new CreatePipeCommand({
          Name: 'x',
          RoleArn,
          Source: source.arn,
          Target: target.arn,
          TargetParameters: { InputTemplate: '{"a": <$.body' },
        }),
      ),
    );
    expect(badTemplate.name).toBe('ValidationException');
    expect(
      (await failure(pipes.send(new CreatePipeCommand({ Name: 'x', RoleArn, Source: source.arn, Target: fifo.arn }))))
        .name,
    ).toBe('ValidationException');
    expect(
      (
        await failure(
          pipes.send(new CreatePipeCommand({ Name: 'x', RoleArn, Source: 'arn:aws:s3:::bucket', Target: target.arn })),
        )
      ).name,
    ).toBe('ValidationException');
    expect((await pipes.send(new ListPipesCommand({}))).Pipes).toEqual([]);
  });
});

describe('hostile input', () => {
  it('wrong shapes and out-of-range source parameters are ValidationExceptions, never a broken pipe', async () => {
    const source = mocks.sqs.createQueue('in');
    const target = mocks.sqs.createQueue('out');
    const stream = mocks.kinesis.createStream('s', { shardCount: 1 });
    const cases: unknown[] = [
      { SourceParameters: 'x' },
      { SourceParameters: { SqsQueueParameters: { BatchSize: 0 } } },
      { SourceParameters: { SqsQueueParameters: { BatchSize: 'ten' } } },
      { SourceParameters: { SqsQueueParameters: { MaximumBatchingWindowInSeconds: 301 } } },
      { TargetParameters: { InputTemplate: 42 } },
      { Enrichment: 'arn:aws:sqs:eu-west-1:210987654321:not-a-function' },
      { Source: stream.arn },
      { Source: stream.arn, SourceParameters: { KinesisStreamParameters: { StartingPosition: 'NOW' } } },
    ];
    for (const extra of cases) {
      const answer = await failure(
        pipes.send(
          new CreatePipeCommand({ Name: 'x', RoleArn, Source: source.arn, Target: target.arn, ...(extra as object) }),
        ),
      );
      expect(answer.name, JSON.stringify(extra)).toBe('ValidationException');
    }
    expect(await failure(pipes.send(new DescribePipeCommand({ Name: 'bad name' })))).toMatchObject({
      name: 'ValidationException',
    });
    expect((await pipes.send(new ListPipesCommand({}))).Pipes).toEqual([]);
    expect(() =>
      mocks.pipes.create('y', {
        Source: source.arn,
        Target: target.arn,
        SourceParameters: { SqsQueueParameters: { BatchSize: -1 } },
      }),
    ).toThrow(/mocks\.pipes\.create: definition was rejected by Pipes: ValidationException/);
  });

  it('ListPipes Limit and NextToken are decimal digits (0x10, 1e1, " 5", -0 are ValidationExceptions)', async () => {
    const list = 'https://pipes.eu-west-1.amazonaws.com/v1/pipes';
    for (const query of ['Limit=0x10', 'Limit=1e1', 'Limit=%205', 'NextToken=1e0', 'NextToken=0x0', 'NextToken=-0']) {
      const response = await fetch(`${list}?${query}`);
      expect({ query, status: response.status, type: response.headers.get('x-amzn-errortype') }).toEqual({
        query,
        status: 400,
        type: 'ValidationException',
      });
    }
    expect((await fetch(`${list}?Limit=1&NextToken=0`)).status).toBe(200);
  });

  it('a pipe name that is not valid percent-encoding breaks the name rule (400), never the mock (500)', async () => {
    for (const method of ['GET', 'POST', 'DELETE']) {
      const response = await fetch('https://pipes.eu-west-1.amazonaws.com/v1/pipes/%E0%A4%A', {
        method,
        headers: { 'content-type': 'application/json' },
        ...(method === 'POST' ? { body: JSON.stringify({ RoleArn, Source: 'x', Target: 'y' }) } : {}),
      });
      expect({ method, status: response.status, type: response.headers.get('x-amzn-errortype') }).toEqual({
        method,
        status: 400,
        type: 'ValidationException',
      });
      expect((JSON.parse(await response.text()) as { message: string }).message).toContain('%E0%A4%A');
    }
  });
});

describe('running pipes', () => {
  it('SQS → filter → InputTemplate → SQS: each kept message rendered as renderPipeTemplate renders its record; dropped ones are deleted', async () => {
    const source = mocks.sqs.createQueue('orders');
    const target = mocks.sqs.createQueue('big-orders');
    const FilterCriteria = { Filters: [{ Pattern: JSON.stringify({ body: { total: [{ numeric: ['>', 100] }] } }) }] };
    const InputTemplate = '{"order": <$.body.id>, "from": "<aws.pipes.pipe-name>", "msg": "<$.messageId>"}';
    await pipes.send(
      new CreatePipeCommand({
        Name: 'big',
        RoleArn,
        Source: source.arn,
        Target: target.arn,
        SourceParameters: { FilterCriteria },
        TargetParameters: { InputTemplate },
      }),
    );
    for (const [id, total] of [
      [1, 50],
      [2, 150],
      [3, 300],
    ])
      mocks.sqs.send(source.arn, JSON.stringify({ id, total }));
    await mocks.drain();
    const info = mocks.pipes.get('big');
    const [execution] = info.executions;
    const polled = execution!.records;
    expect(polled.map((r) => JSON.parse((r as { body: string }).body).id)).toEqual([2, 3]);
    const bodies = mocks.sqs.messages(target.arn).map((m) => m.body);
    expect(bodies).toEqual(
      polled.map((record) => {
        const rendered = renderPipeTemplate(InputTemplate, record, { pipeName: 'big' });
        return rendered.delivered ? rendered.body : undefined;
      }),
    );
    expect(JSON.parse(bodies[0]!)).toMatchObject({ order: 2, from: 'big' });
    // The filtered message is deleted from the source, as Pipes deletes it; nothing is left.
    expect(mocks.sqs.messages(source.arn)).toEqual([]);
    expect(info.filtered.map((f) => JSON.parse((f.record as { body: string }).body).id)).toEqual([1]);
    // And the filter's verdicts are filterBatch's.
    expect(
      filterBatch(FilterCriteria, [...polled, ...info.filtered.map((f) => f.record)], { source: 'pipes:sqs' }).kept,
    ).toHaveLength(2);
  });

  it('a stopped pipe delivers nothing; started again it delivers what waited in the queue', async () => {
    const source = mocks.sqs.createQueue('in');
    const target = mocks.sqs.createQueue('out');
    await pipes.send(
      new CreatePipeCommand({ Name: 'p', RoleArn, Source: source.arn, Target: target.arn, DesiredState: 'STOPPED' }),
    );
    mocks.sqs.send(source.arn, 'hello');
    await mocks.drain();
    expect(mocks.sqs.messages(target.arn)).toEqual([]);
    await pipes.send(new StartPipeCommand({ Name: 'p' }));
    await mocks.drain();
    // Without an InputTemplate the target receives the whole record, as Pipes sends it.
    expect(mocks.sqs.messages(target.arn).map((m) => JSON.parse(m.body).body)).toEqual(['hello']);
  });

  it('an undeliverable batch fails and the source retries it: SQS redrives to its DLQ after maxReceiveCount', async () => {
    const dlq = mocks.sqs.createQueue('in-dlq');
    const source = mocks.sqs.createQueue('in', {
      VisibilityTimeout: '10',
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 2 }),
    });
    mocks.pipes.create('broken', { Source: source.arn, Target: 'arn:aws:sqs:eu-west-1:210987654321:missing' });
    mocks.sqs.send(source.arn, 'hello');
    await mocks.drain();
    const info = mocks.pipes.get('broken');
    expect(info.executions.map((e) => e.outcome)).toEqual(['failure', 'failure']);
    expect(mocks.sqs.messages(dlq.arn).map((m) => m.body)).toEqual(['hello']);
  });

  it('a pipe whose source does not exist is START_FAILED with a reason', async () => {
    const target = mocks.sqs.createQueue('out');
    await pipes.send(
      new CreatePipeCommand({
        Name: 'p',
        RoleArn,
        Source: 'arn:aws:sqs:eu-west-1:210987654321:nowhere',
        Target: target.arn,
      }),
    );
    const described = await pipes.send(new DescribePipeCommand({ Name: 'p' }));
    expect(described.CurrentState).toBe('START_FAILED');
    expect(described.StateReason).toMatch(/nowhere/);
  });

  it('a Lambda target reporting batchItemFailures gets only those records again', async () => {
    const source = mocks.sqs.createQueue('in', { VisibilityTimeout: '5' });
    const calls: string[][] = [];
    const fn = mocks.lambda.createFunction('picky', async (batch: Array<{ messageId: string; body: string }>) => {
      calls.push(batch.map((r) => r.body));
      // Refuses "b" the first time it sees it.
      const failures =
        calls.length === 1 ? batch.filter((r) => r.body === 'b').map((r) => ({ itemIdentifier: r.messageId })) : [];
      return { batchItemFailures: failures };
    });
    mocks.pipes.create('p', {
      Source: source.arn,
      Target: fn.arn,
      SourceParameters: { SqsQueueParameters: { BatchSize: 10 } },
    });
    for (const body of ['a', 'b', 'c']) mocks.sqs.send(source.arn, body);
    await mocks.drain();
    expect(calls).toEqual([['a', 'b', 'c'], ['b']]);
    expect(mocks.sqs.messages(source.arn)).toEqual([]);
  });

  it('DynamoDB stream → filter → Lambda enrichment → InputTemplate → SQS', async () => {
    const table = mocks.dynamodb.createTable('orders', { partitionKey: 'pk', streamViewType: 'NEW_IMAGE' });
    const target = mocks.sqs.createQueue('shipping');
    const seen: unknown[] = [];
    const enrich = mocks.lambda.createFunction('enrich', async (batch: Array<{ id: string; total: number }>) => {
      seen.push(batch);
      return batch.map((order) => ({ ...order, customer: `customer-of-${order.id}` }));
    });
    mocks.pipes.create('ship', {
      Source: table.streamArn!,
      SourceParameters: {
        DynamoDBStreamParameters: { StartingPosition: 'TRIM_HORIZON', BatchSize: 10 },
        FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ eventName: ['INSERT'] }) }] },
      },
      Enrichment: enrich.arn,
      EnrichmentParameters: {
        InputTemplate: '{"id": <$.dynamodb.NewImage.pk.S>, "total": <$.dynamodb.NewImage.total.N>}',
      },
      Target: target.arn,
      TargetParameters: { InputTemplate: '{"ship": <$.id>, "to": <$.customer>}' },
    });
    mocks.dynamodb.putItem('orders', { pk: 'a', total: 10 });
    mocks.dynamodb.putItem('orders', { pk: 'b', total: 20 });
    mocks.dynamodb.putItem('orders', { pk: 'a', total: 11 }); // MODIFY: filtered out
    await mocks.drain();
    const stream = mocks.dynamodb.streamRecords('orders');
    const inserts = stream.filter((r) => r.eventName === 'INSERT');
    // The enrichment got the rendered batch, exactly as transformPipeBatch renders it.
    const rendered = transformPipeBatch(
      '{"id": <$.dynamodb.NewImage.pk.S>, "total": <$.dynamodb.NewImage.total.N>}',
      toPipesSourceBatch({ Records: inserts }),
    );
    expect(seen).toEqual([rendered.delivered ? rendered.records : undefined]);
    expect(mocks.sqs.messages(target.arn).map((m) => JSON.parse(m.body))).toEqual([
      { ship: 'a', to: 'customer-of-a' },
      { ship: 'b', to: 'customer-of-b' },
    ]);
    expect(mocks.pipes.get('ship').filtered).toHaveLength(1);
  });

  it('Kinesis → event bus: one event per record, with the bus parameters; Lambda target gets the batch', async () => {
    const stream = mocks.kinesis.createStream('clicks', { shardCount: 1 });
    const batches: unknown[] = [];
    const fn = mocks.lambda.createFunction('sink', async (batch: unknown[]) => void batches.push(batch));
    mocks.pipes.create('to-bus', {
      Source: stream.arn,
      SourceParameters: { KinesisStreamParameters: { StartingPosition: 'TRIM_HORIZON', BatchSize: 2 } },
      Target: 'arn:aws:events:eu-west-1:210987654321:event-bus/default',
      TargetParameters: {
        InputTemplate: '{"key": <$.partitionKey>}',
        EventBridgeEventBusParameters: { Source: 'clicks', DetailType: 'Click' },
      },
    });
    mocks.pipes.create('to-fn', {
      Source: stream.arn,
      SourceParameters: { KinesisStreamParameters: { StartingPosition: 'TRIM_HORIZON', BatchSize: 2 } },
      Target: fn.arn,
    });
    for (const key of ['k1', 'k2', 'k3']) mocks.kinesis.putRecord('clicks', `{"n":"${key}"}`, key);
    await mocks.drain();
    expect(mocks.eventBridge.events().map((e) => [e.source, e['detail-type'], e.detail])).toEqual([
      ['clicks', 'Click', { key: 'k1' }],
      ['clicks', 'Click', { key: 'k2' }],
      ['clicks', 'Click', { key: 'k3' }],
    ]);
    expect(batches.map((b) => (b as Array<{ partitionKey: string }>).map((r) => r.partitionKey))).toEqual([
      ['k1', 'k2'],
      ['k3'],
    ]);
  });
});
