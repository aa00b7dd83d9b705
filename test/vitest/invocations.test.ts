import { describe, expect, it } from 'vitest';
import { createAwsMocks } from '../../src/msw/index.js';
import '../../src/vitest/index.js';

function failure(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the assertion to fail');
}

describe('toHaveBeenInvoked / toHaveBeenInvokedWith on msw subscriptions', () => {
  it('SQS: passes once drained, with the event the handler got', async () => {
    const mocks = createAwsMocks();
    mocks.sqs.createQueue('orders');
    const subscription = mocks.sqs.subscribe('orders', async () => {});
    expect(subscription).not.toHaveBeenInvoked();
    const message = failure(() => expect(subscription).toHaveBeenInvoked());
    expect(message).toContain('the handler was never invoked');
    expect(message).toContain('await it before asserting');
    mocks.sqs.send('orders', '{"id":1}');
    await mocks.drain();
    expect(subscription).toHaveBeenInvoked();
    expect(subscription).toHaveBeenInvokedWith(
      expect.objectContaining({ Records: [expect.objectContaining({ body: '{"id":1}' })] }),
    );
    expect(subscription).not.toHaveBeenInvokedWith(
      expect.objectContaining({ Records: [expect.objectContaining({ body: 'other' })] }),
    );
    expect(failure(() => expect(subscription).not.toHaveBeenInvoked())).toContain('the handler was invoked once');
    expect(failure(() => expect(subscription).not.toHaveBeenInvokedWith(subscription.invocations[0]!.event))).toContain(
      'invocation #1 of 1 had that event',
    );
  });

  it('shows a diff from the latest event when none matches', async () => {
    const mocks = createAwsMocks();
    mocks.sqs.createQueue('orders');
    const subscription = mocks.sqs.subscribe('orders', async () => {});
    mocks.sqs.send('orders', 'hello');
    await mocks.drain();
    const message = failure(() =>
      expect(subscription).toHaveBeenInvokedWith(
        expect.objectContaining({ Records: [expect.objectContaining({ body: 'bye' })] }),
      ),
    );
    expect(message).toContain('None of the 1 invocation(s) had the expected event');
    expect(message).toMatch(/- Expected[\s\S]*\+ Received/);
    expect(message).toContain('"body": "hello"');
  });

  it('EventBridge and Kinesis subscriptions too', async () => {
    const mocks = createAwsMocks();
    const rule = mocks.eventBridge.subscribe({ source: 'app.orders' }, async () => {});
    mocks.eventBridge.publish({
      version: '0',
      id: '1',
      'detail-type': 'Order Placed',
      source: 'app.orders',
      account: '123456789012',
      time: '2026-01-15T12:30:45Z',
      region: 'us-east-1',
      resources: [],
      detail: { id: 7 },
    });
    await mocks.drain();
    expect(rule).toHaveBeenInvokedWith(expect.objectContaining({ detail: { id: 7 } }));
    mocks.kinesis.createStream('clicks');
    const stream = mocks.kinesis.subscribe('clicks', async () => {});
    expect(stream).not.toHaveBeenInvoked();
  });

  it('refuses what is not a subscription, naming the matcher', () => {
    expect(() => expect({}).toHaveBeenInvoked()).toThrow(
      /^toHaveBeenInvoked: expects a subscription of aws-event-kit\/msw/,
    );
    expect(() => expect(null).toHaveBeenInvokedWith({})).toThrow(/^toHaveBeenInvokedWith: expects a subscription/);
  });
});
