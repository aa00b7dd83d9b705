/** The msw subscriptions call handlers as Lambda's Node.js runtime does: (event, context, callback). */
import type { Callback, Context, SQSBatchResponse, SQSEvent, SQSHandler } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createAwsMocks } from '../../src/msw/index.js';

describe('msw subscriptions invoke handlers with a Lambda Context and a callback', () => {
  it('passes a Context in the mocks region and account, counting down on the virtual clock', async () => {
    const mocks = createAwsMocks({ region: 'eu-west-1', account: '210987654321' });
    mocks.sqs.createQueue('orders');
    const seen: { context: Context; remainingAtStart: number; remainingLater: number }[] = [];
    mocks.sqs.subscribe(
      'orders',
      async (_event, context) => {
        const remainingAtStart = context.getRemainingTimeInMillis();
        mocks.clock.advance(4000);
        seen.push({ context, remainingAtStart, remainingLater: context.getRemainingTimeInMillis() });
      },
      { timeout: 10 },
    );
    mocks.sqs.send('orders', 'a');
    mocks.sqs.send('orders', 'b', { delaySeconds: 60 });
    await mocks.drain();
    expect(seen).toHaveLength(2);
    const [first, second] = seen as [(typeof seen)[0], (typeof seen)[0]];
    expect(first.context.invokedFunctionArn).toMatch(/^arn:aws:lambda:eu-west-1:210987654321:function:/);
    expect(first.remainingAtStart).toBe(10_000);
    expect(first.remainingLater).toBe(6000);
    expect(first.context.awsRequestId).not.toBe(second.context.awsRequestId);
    // Deterministic: the same mocks and calls give the same request ids.
    const again = createAwsMocks({ region: 'eu-west-1', account: '210987654321' });
    again.sqs.createQueue('orders');
    const ids: string[] = [];
    again.sqs.subscribe('orders', async (_event, context) => void ids.push(context.awsRequestId));
    again.sqs.send('orders', 'a');
    await again.drain();
    expect(ids[0]).toBe(first.context.awsRequestId);
  });

  it('settles a callback-style handler with its callback', async () => {
    const mocks = createAwsMocks();
    mocks.sqs.createQueue('cb');
    mocks.sqs.send('cb', 'good');
    mocks.sqs.send('cb', 'bad');
    const handler = (event: SQSEvent, _context: Context, callback: Callback<SQSBatchResponse>): void => {
      setTimeout(
        () =>
          callback(null, {
            batchItemFailures: event.Records.filter((r) => r.body === 'bad').map((r) => ({
              itemIdentifier: r.messageId,
            })),
          }),
        1,
      );
    };
    const subscription = mocks.sqs.subscribe('cb', handler, { reportBatchItemFailures: true });
    await mocks.drain({ until: new Date(mocks.clock.now().getTime() + 1000) });
    expect(subscription.invocations[0]?.outcome).toBe('partial');
    expect(mocks.sqs.messages('cb').map((m) => m.body)).toEqual(['bad']);
  });

  it('a callback error fails the batch, as a throw does', async () => {
    const mocks = createAwsMocks();
    mocks.sqs.createQueue('cb');
    mocks.sqs.send('cb', 'x');
    const subscription = mocks.sqs.subscribe('cb', (_event: SQSEvent, _context: Context, callback: Callback) =>
      callback(new Error('nope')),
    );
    await mocks.drain({ until: new Date(mocks.clock.now().getTime() + 1000) });
    expect(subscription.invocations[0]?.outcome).toBe('failure');
    expect((subscription.invocations[0]?.error as Error).message).toBe('nope');
  });

  it('ignores what a non-async handler returns, as Lambda does (the batch succeeds)', async () => {
    const mocks = createAwsMocks();
    mocks.sqs.createQueue('sync');
    mocks.sqs.send('sync', 'x');
    const subscription = mocks.sqs.subscribe(
      'sync',
      ((event: SQSEvent) => ({
        batchItemFailures: [{ itemIdentifier: event.Records[0]!.messageId }],
      })) as unknown as SQSHandler,
      {
        reportBatchItemFailures: true,
      },
    );
    await mocks.drain();
    expect(subscription.invocations[0]?.outcome).toBe('success');
    expect(mocks.sqs.messages('sync')).toEqual([]);
  });
});

describe('every service passes the Context; S3 keeps its invocations', () => {
  it('S3 subscriptions record each attempt, and get a Context', async () => {
    const mocks = createAwsMocks();
    mocks.s3.createBucket('photos');
    const contexts: Context[] = [];
    let calls = 0;
    const subscription = mocks.s3.subscribe(
      'photos',
      async (_event, context) => {
        contexts.push(context);
        if (calls++ === 0) throw new Error('first attempt fails');
      },
      { retries: 1 },
    );
    expect(subscription.invocations).toEqual([]);
    mocks.s3.putObject('photos', 'cat.jpg', 'meow');
    await mocks.drain();
    expect(subscription.invocations.map((i) => [i.attempt, i.outcome])).toEqual([
      [0, 'failure'],
      [1, 'success'],
    ]);
    expect((subscription.invocations[0]!.error as Error).message).toBe('first attempt fails');
    expect(subscription.invocations[1]!.event.Records[0]!.s3.object.key).toBe('cat.jpg');
    expect(subscription.invocationCount).toBe(2);
    expect(contexts).toHaveLength(2);
    expect(contexts[0]!.getRemainingTimeInMillis()).toBeGreaterThanOrEqual(0);
    expect(contexts[0]!.awsRequestId).not.toBe(contexts[1]!.awsRequestId);
  });

  it('EventBridge targets get a Context and may call back', async () => {
    const mocks = createAwsMocks();
    const seen: string[] = [];
    const rule = mocks.eventBridge.subscribe(
      { source: 'app' },
      (event, context, callback) => {
        seen.push(`${event['detail-type']} ${context.functionName}`);
        callback(new Error('always'));
      },
      { maximumRetryAttempts: 0 },
    );
    mocks.eventBridge.publish({
      version: '0',
      id: '1',
      'detail-type': 'Ping',
      source: 'app',
      account: '123456789012',
      time: '2026-01-15T12:30:45Z',
      region: 'us-east-1',
      resources: [],
      detail: {},
    });
    await mocks.drain();
    expect(seen).toEqual(['Ping my-function']);
    expect(rule.invocations.map((i) => i.outcome)).toEqual(['failure']);
  });
});
