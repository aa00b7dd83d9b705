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
      setTimeout(() => callback(null, { batchItemFailures: event.Records.filter((r) => r.body === 'bad').map((r) => ({ itemIdentifier: r.messageId })) }), 1);
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
    const subscription = mocks.sqs.subscribe('cb', (_event: SQSEvent, _context: Context, callback: Callback) => callback(new Error('nope')));
    await mocks.drain({ until: new Date(mocks.clock.now().getTime() + 1000) });
    expect(subscription.invocations[0]?.outcome).toBe('failure');
    expect((subscription.invocations[0]?.error as Error).message).toBe('nope');
  });

  it('ignores what a non-async handler returns, as Lambda does (the batch succeeds)', async () => {
    const mocks = createAwsMocks();
    mocks.sqs.createQueue('sync');
    mocks.sqs.send('sync', 'x');
    const subscription = mocks.sqs.subscribe('sync', ((event: SQSEvent) => ({ batchItemFailures: [{ itemIdentifier: event.Records[0]!.messageId }] })) as unknown as SQSHandler, {
      reportBatchItemFailures: true,
    });
    await mocks.drain();
    expect(subscription.invocations[0]?.outcome).toBe('success');
    expect(mocks.sqs.messages('sync')).toEqual([]);
  });
});
