import { describe, expect, it } from 'vitest';
import '../../src/vitest/index.js';
import { makeS3EventBridgeEvent, makeSqsEvent } from '../../src/index.js';
import { createAwsMocks } from '../../src/msw/index.js';

function failure(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the assertion to fail');
}

describe('toMatchEventPattern', () => {
  const event = makeS3EventBridgeEvent('Object Created', 'photos', { key: 'cats/tom.jpg' });

  it('passes and fails as the pattern engine decides, with its explanation', () => {
    expect(event).toMatchEventPattern({ source: ['aws.s3'], detail: { bucket: { name: ['photos'] } } });
    expect(event).toMatchEventPattern('{"detail":{"object":{"key":[{"prefix":"cats/"}]}}}');
    expect(event).not.toMatchEventPattern({ detail: { bucket: { name: ['videos'] } } });
    const message = failure(() =>
      expect(event).toMatchEventPattern({ source: ['aws.s3'], detail: { bucket: { name: ['videos'] } } }),
    );
    expect(message).toContain('The event does not match the pattern:');
    expect(message).toContain('✔ source: equals "aws.s3", got "aws.s3"');
    expect(message).toContain('✘ detail.bucket.name: equals "videos", got "photos"');
    expect(failure(() => expect(event).not.toMatchEventPattern({ source: ['aws.s3'] }))).toContain(
      'Expected the event not to match the pattern, but it does:\nmatches',
    );
  });

  it('throws the engine error for an invalid pattern, also under .not', () => {
    expect(() => expect(event).toMatchEventPattern({ source: 'aws.s3' })).toThrow();
    expect(() => expect(event).not.toMatchEventPattern({ source: 'aws.s3' })).toThrow();
  });

  it('works as an asymmetric matcher', () => {
    expect({ events: [event] }).toEqual({
      events: [expect.toMatchEventPattern({ 'detail-type': ['Object Created'] })],
    });
  });
});

describe('toHaveReceived', () => {
  it('queues: predicate on the message as sent, pattern as Lambda filtering reads it, deleted messages included', async () => {
    const mocks = createAwsMocks();
    const queue = mocks.sqs.createQueue('orders');
    const other = mocks.sqs.createQueue('other');
    mocks.sqs.send('orders', JSON.stringify({ type: 'order', total: 42 }));
    mocks.sqs.send('orders', 'plain text');
    mocks.sqs.subscribe('orders', async () => {});
    await mocks.drain();
    expect(mocks.sqs.messages('orders')).toEqual([]);
    expect(queue).toHaveReceived((message) => message.body === 'plain text');
    expect(queue).toHaveReceived({ body: { type: ['order'], total: [{ numeric: ['>', 40] }] } });
    expect(queue).toHaveReceived({ body: ['plain text'] });
    expect(queue).not.toHaveReceived({ body: { type: ['refund'] } });
    expect(other).not.toHaveReceived(() => true);
    const message = failure(() => expect(queue).toHaveReceived({ body: { type: ['refund'] } }));
    expect(message).toContain(`Nothing received matches the pattern. queue ${queue.arn} has received 2:`);
    expect(message).toContain('"body": "plain text"');
    expect(message).toContain('Closest, item #1:');
    expect(message).toContain('✘ body.type: equals "refund", got "order"');
    expect(failure(() => expect(other).toHaveReceived(() => true))).toContain(
      `queue ${other.arn} has received nothing.`,
    );
    expect(failure(() => expect(queue).not.toHaveReceived((m) => m.body.startsWith('plain')))).toContain(
      'but it accepts item #2',
    );
  });

  it('EventBridge: what was put', async () => {
    const mocks = createAwsMocks();
    mocks.eventBridge.publish(makeS3EventBridgeEvent('Object Created', 'photos', { key: 'a.jpg' }) as never);
    expect(mocks.eventBridge).toHaveReceived({ source: ['aws.s3'], detail: { object: { key: [{ suffix: '.jpg' }] } } });
    expect(mocks.eventBridge).toHaveReceived((event) => event['detail-type'] === 'Object Created');
    expect(mocks.eventBridge).not.toHaveReceived({ source: ['aws.ec2'] });
    expect(failure(() => expect(mocks.eventBridge).toHaveReceived({ source: ['aws.ec2'] }))).toContain(
      '✘ source: equals "aws.ec2", got "aws.s3"',
    );
  });

  it('refuses what has received nothing to look at, and a bad expectation', () => {
    expect(() => expect({}).toHaveReceived(() => true)).toThrow(/^toHaveReceived: expects a queue/);
    const mocks = createAwsMocks();
    const queue = mocks.sqs.createQueue('q');
    expect(() => expect(queue).toHaveReceived(5 as never)).toThrow(
      /^toHaveReceived: expects a predicate function or an event pattern/,
    );
  });

  it('the queue object still compares and serialises as before', () => {
    const mocks = createAwsMocks();
    const queue = mocks.sqs.createQueue('q');
    expect(queue).toEqual({ name: 'q', url: queue.url, arn: queue.arn, fifo: false });
    expect(Object.keys(JSON.parse(JSON.stringify(queue)))).toEqual(['name', 'url', 'arn', 'fifo']);
  });
});

describe('import "aws-event-kit/vitest" registers every matcher', () => {
  it('batch failures and invocations too', async () => {
    expect(makeSqsEvent(['a'])).not.toHaveProperty('batchItemFailures');
    expect({ batchItemFailures: [{ itemIdentifier: 'x' }] }).toReportBatchItemFailures(['x']);
    const mocks = createAwsMocks();
    mocks.sqs.createQueue('q');
    const subscription = mocks.sqs.subscribe('q', async () => {});
    expect(subscription).not.toHaveBeenInvoked();
  });
});

describe('toHaveReceived on SNS topics', () => {
  it('sees every message the topic accepted, a JSON message matched as its value', () => {
    const mocks = createAwsMocks();
    const topic = mocks.sns.createTopic('orders');
    const other = mocks.sns.createTopic('other');
    mocks.sns.publish('orders', JSON.stringify({ type: 'order', total: 42 }), {
      subject: 'new',
      messageAttributes: { kind: { DataType: 'String', StringValue: 'order' } },
    });
    mocks.sns.publish('orders', 'plain');
    expect(topic).toHaveReceived(
      (message) => message.subject === 'new' && message.messageAttributes['kind']?.Value === 'order',
    );
    expect(topic).toHaveReceived({ message: { type: ['order'], total: [{ numeric: ['>=', 42] }] } });
    expect(topic).toHaveReceived({ message: ['plain'] });
    expect(topic).not.toHaveReceived({ message: { type: ['refund'] } });
    expect(other).not.toHaveReceived(() => true);
    expect(failure(() => expect(topic).toHaveReceived({ message: { type: ['refund'] } }))).toContain(
      `Nothing received matches the pattern. topic ${topic.arn} has received 2:`,
    );
    expect(Object.keys(JSON.parse(JSON.stringify(topic)))).toEqual(['name', 'arn', 'fifo']);
  });
});
