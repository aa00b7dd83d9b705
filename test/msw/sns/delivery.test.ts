/**
 * SNS deliveries: to SQS queues of the mocks (JSON envelope or raw, FIFO to FIFO), to handlers
 * subscribed with `mocks.sns.subscribe` (Lambda's asynchronous invocation and retries), filter
 * policies and their counts, failed deliveries and redrive, all through the real client-sns.
 * Envelope rules: SNS developer guide, "Amazon SNS message and JSON formats" and "Amazon SNS raw
 * message delivery" (https://docs.aws.amazon.com/sns/latest/dg/sns-large-payload-raw-message-delivery.html).
 */
import { createHash } from 'node:crypto';
import {
  CreateTopicCommand,
  PublishBatchCommand,
  PublishCommand,
  SNSClient,
  SubscribeCommand,
  UnsubscribeCommand,
} from '@aws-sdk/client-sns';
import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { verifySnsSignature } from '../../../src/events/sns/index.js';
import { awsTestClientConfig, DrainError, FunctionTimeoutError, type SnsHandler } from '../../../src/msw/index.js';
import { sqsClient } from '../_helpers/clients.js';
import { useAwsMocks } from '../_helpers/setup.js';

const { mocks } = useAwsMocks();
const sns = new SNSClient(awsTestClientConfig());
const sqs = sqsClient();

async function topic(name = 'orders', attributes?: Record<string, string>): Promise<string> {
  return (await sns.send(new CreateTopicCommand({ Name: name, Attributes: attributes }))).TopicArn as string;
}
async function subscribeQueue(
  topicArn: string,
  queueArn: string,
  attributes?: Record<string, string>,
): Promise<string> {
  return (
    await sns.send(
      new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sqs', Endpoint: queueArn, Attributes: attributes }),
    )
  ).SubscriptionArn as string;
}
/** What an SQS-subscribed handler receives, collected by a drain. */
async function drainQueue(queue: string): Promise<SQSEvent['Records']> {
  const records: SQSEvent['Records'] = [];
  const subscription = mocks.sqs.subscribe(queue, (event) => {
    records.push(...event.Records);
  });
  await mocks.drain();
  subscription.unsubscribe();
  return records;
}

describe('to SQS queues', () => {
  it('the JSON envelope: AWS’s key order and layout, a verifying signature, SNS as the sender, no SQS attributes', async () => {
    const arn = await topic();
    const queue = mocks.sqs.createQueue('q');
    const subscriptionArn = await subscribeQueue(arn, queue.arn);
    const { MessageId } = await sns.send(
      new PublishCommand({
        TopicArn: arn,
        Message: '{"id":1}',
        Subject: 'Order',
        MessageAttributes: { store: { DataType: 'String', StringValue: 'shop' } },
      }),
    );
    const [record] = await drainQueue('q');
    const body = JSON.parse(record!.body);
    expect(Object.keys(body)).toEqual([
      'Type',
      'MessageId',
      'TopicArn',
      'Subject',
      'Message',
      'Timestamp',
      'SignatureVersion',
      'Signature',
      'SigningCertURL',
      'UnsubscribeURL',
      'MessageAttributes',
    ]);
    expect(body).toMatchObject({
      Type: 'Notification',
      MessageId,
      TopicArn: arn,
      Subject: 'Order',
      Message: '{"id":1}',
      Timestamp: '2026-01-15T12:30:45.123Z',
      SignatureVersion: '1',
    });
    expect(body.UnsubscribeURL).toBe(
      `https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${subscriptionArn}`,
    );
    expect(body.MessageAttributes).toEqual({ store: { Type: 'String', Value: 'shop' } });
    expect(record!.body.startsWith('{\n  "Type" : "Notification",\n')).toBe(true);
    expect(verifySnsSignature(record!.body)).toBe(true);
    expect(verifySnsSignature(record!.body.replace('{\\"id\\":1}', '{\\"id\\":2}'))).toBe(false);
    expect(record!.messageAttributes).toEqual({});
    expect(record!.md5OfBody).toBe(createHash('md5').update(record!.body).digest('hex'));
    // SNS's service principal sends, not the SDK caller of SendMessage.
    const direct = mocks.sqs.send('q', 'direct');
    expect(direct.messageId).toBeDefined();
    const [directRecord] = await drainQueue('q');
    expect(record!.attributes.SenderId).toMatch(/^AIDA[A-Z0-9]{17}$/);
    expect(record!.attributes.SenderId).not.toBe(directRecord!.attributes.SenderId);
  });

  it('a message without Subject or attributes has neither key in the envelope', async () => {
    const arn = await topic();
    mocks.sqs.createQueue('q');
    await subscribeQueue(arn, mocks.sqs.createQueue('q').arn);
    await sns.send(new PublishCommand({ TopicArn: arn, Message: 'plain' }));
    const body = JSON.parse(mocks.sqs.messages('q')[0]!.body);
    expect('Subject' in body).toBe(false);
    expect('MessageAttributes' in body).toBe(false);
  });

  it('raw delivery: the message verbatim, SNS attributes as SQS attributes (the SDK checks their MD5s)', async () => {
    const arn = await topic();
    const queue = mocks.sqs.createQueue('raw');
    await subscribeQueue(arn, queue.arn, { RawMessageDelivery: 'true' });
    await sns.send(
      new PublishCommand({
        TopicArn: arn,
        Message: 'verbatim <text>',
        MessageAttributes: {
          s: { DataType: 'String', StringValue: 'x' },
          n: { DataType: 'Number', StringValue: '42' },
          b: { DataType: 'Binary', BinaryValue: new Uint8Array([1, 2, 3]) },
        },
      }),
    );
    const { Messages } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queue.url, MessageAttributeNames: ['All'] }),
    );
    expect(Messages?.[0]?.Body).toBe('verbatim <text>');
    expect(Messages?.[0]?.MessageAttributes).toEqual({
      s: { DataType: 'String', StringValue: 'x' },
      n: { DataType: 'Number', StringValue: '42' },
      b: { DataType: 'Binary', BinaryValue: new Uint8Array([1, 2, 3]) },
    });
  });

  it('MessageStructure=json: the sqs entry, else default', async () => {
    const arn = await topic();
    await subscribeQueue(arn, mocks.sqs.createQueue('q1').arn, { RawMessageDelivery: 'true' });
    await sns.send(
      new PublishCommand({
        TopicArn: arn,
        MessageStructure: 'json',
        Message: JSON.stringify({ default: 'd', sqs: 'for queues' }),
      }),
    );
    await sns.send(
      new PublishCommand({
        TopicArn: arn,
        MessageStructure: 'json',
        Message: JSON.stringify({ default: 'd', lambda: 'for functions' }),
      }),
    );
    expect(mocks.sqs.messages('q1').map((m) => m.body)).toEqual(['for queues', 'd']);
  });

  it('MessageStructure=json sends no attributes (they still select subscriptions)', async () => {
    // "Message attributes are sent only when the message structure is String, not JSON."
    // (https://docs.aws.amazon.com/sns/latest/dg/sns-message-attributes.html)
    const arn = await topic();
    await subscribeQueue(arn, mocks.sqs.createQueue('env').arn, { FilterPolicy: '{"kind":["a"]}' });
    await subscribeQueue(arn, mocks.sqs.createQueue('raw').arn, { RawMessageDelivery: 'true' });
    const MessageAttributes = { kind: { DataType: 'String', StringValue: 'a' } };
    await sns.send(
      new PublishCommand({
        TopicArn: arn,
        MessageStructure: 'json',
        Message: JSON.stringify({ default: 'd' }),
        MessageAttributes,
      }),
    );
    expect('MessageAttributes' in JSON.parse(mocks.sqs.messages('env')[0]!.body)).toBe(false);
    expect(mocks.sqs.messages('raw')[0]!.messageAttributes).toEqual({});
  });

  it('more than 10 attributes to a raw SQS subscription: discarded as a client-side error; enveloped ones carry them all', async () => {
    // "Messages with more than 10 message attributes directed towards Raw Message Delivery enabled
    // Amazon SQS subscriptions will be discarded as client side errors." (same page)
    const arn = await topic();
    const raw = await subscribeQueue(arn, mocks.sqs.createQueue('raw').arn, { RawMessageDelivery: 'true' });
    await subscribeQueue(arn, mocks.sqs.createQueue('env').arn);
    const MessageAttributes = Object.fromEntries(
      Array.from({ length: 11 }, (_, i) => [`a${i}`, { DataType: 'String', StringValue: String(i) }]),
    );
    await sns.send(new PublishCommand({ TopicArn: arn, Message: 'many', MessageAttributes }));
    expect(mocks.sqs.messages('raw')).toHaveLength(0);
    expect(mocks.sns.subscriptionCounts(raw)).toMatchObject({ failed: 1, delivered: 0 });
    expect(Object.keys(JSON.parse(mocks.sqs.messages('env')[0]!.body).MessageAttributes)).toHaveLength(11);
  });

  it('FIFO topic → FIFO queue: group order, group and deduplication ids, topic-wide deduplication', async () => {
    const arn = await topic('orders.fifo', { FifoTopic: 'true', ContentBasedDeduplication: 'true' });
    const queue = mocks.sqs.createQueue('orders.fifo', { FifoQueue: 'true' });
    await subscribeQueue(arn, queue.arn);
    const sent: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await sns.send(
        new PublishCommand({ TopicArn: arn, Message: `m${i}`, MessageGroupId: i % 2 === 0 ? 'even' : 'odd' }),
      );
      sent.push(r.MessageId as string);
    }
    // The same content again: a duplicate within five minutes, accepted but not delivered.
    const duplicate = await sns.send(new PublishCommand({ TopicArn: arn, Message: 'm0', MessageGroupId: 'even' }));
    expect(duplicate.MessageId).toBe(sent[0]);
    await sns.send(
      new PublishCommand({
        TopicArn: arn,
        Message: 'explicit',
        MessageGroupId: 'odd',
        MessageDeduplicationId: 'dedup-1',
      }),
    );
    const records = await drainQueue('orders.fifo');
    const bodies = records.map((r) => JSON.parse(r.body));
    expect(bodies.filter((_, i) => records[i]!.attributes.MessageGroupId === 'even').map((b) => b.Message)).toEqual([
      'm0',
      'm2',
      'm4',
    ]);
    expect(bodies.filter((_, i) => records[i]!.attributes.MessageGroupId === 'odd').map((b) => b.Message)).toEqual([
      'm1',
      'm3',
      'm5',
      'explicit',
    ]);
    // FIFO topic envelopes carry the topic's sequence number and no signature.
    expect(Object.keys(bodies[0])).toEqual([
      'Type',
      'MessageId',
      'SequenceNumber',
      'TopicArn',
      'Message',
      'Timestamp',
      'UnsubscribeURL',
    ]);
    const m0 = records[bodies.findIndex((b) => b.Message === 'm0')]!;
    expect(m0.attributes.MessageDeduplicationId).toBe(createHash('sha256').update('m0').digest('hex'));
    expect(records[bodies.findIndex((b) => b.Message === 'explicit')]!.attributes.MessageDeduplicationId).toBe(
      'dedup-1',
    );
  });

  it('FIFO topic → standard queue: delivered without FIFO ids', async () => {
    const arn = await topic('t.fifo', { FifoTopic: 'true' });
    await subscribeQueue(arn, mocks.sqs.createQueue('std').arn);
    await sns.send(
      new PublishCommand({ TopicArn: arn, Message: 'm', MessageGroupId: 'g', MessageDeduplicationId: 'd' }),
    );
    const [message] = mocks.sqs.messages('std');
    expect(message?.messageGroupId).toBeUndefined();
    expect(JSON.parse(message!.body).Message).toBe('m');
  });

  it('PublishBatch fans out every successful entry', async () => {
    const arn = await topic();
    await subscribeQueue(arn, mocks.sqs.createQueue('q').arn, { RawMessageDelivery: 'true' });
    await sns.send(
      new PublishBatchCommand({
        TopicArn: arn,
        PublishBatchRequestEntries: [
          { Id: 'a', Message: '1' },
          { Id: 'b', Message: '' },
          { Id: 'c', Message: '3' },
        ],
      }),
    );
    expect(mocks.sqs.messages('q').map((m) => m.body)).toEqual(['1', '3']);
  });

  it('a queue that does not exist: the delivery fails (counted, listed) and the RedrivePolicy’s queue gets the would-be body', async () => {
    const arn = await topic();
    const dlq = mocks.sqs.createQueue('dlq');
    const subscriptionArn = await subscribeQueue(arn, 'arn:aws:sqs:us-east-1:123456789012:gone', {
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn }),
    });
    const { MessageId } = await sns.send(new PublishCommand({ TopicArn: arn, Message: 'lost?' }));
    expect(mocks.sns.subscriptionCounts(subscriptionArn)).toEqual({
      matched: 1,
      filteredOut: 0,
      delivered: 0,
      failed: 1,
    });
    expect(mocks.sns.failedDeliveries()).toMatchObject([{ subscriptionArn, messageId: MessageId }]);
    const [dead] = mocks.sqs.messages('dlq');
    expect(JSON.parse(dead!.body)).toMatchObject({ Type: 'Notification', MessageId, Message: 'lost?' });
  });
});

describe('filter policies', () => {
  it('attribute and body scopes: only matching messages are delivered; the rest are counted', async () => {
    const arn = await topic();
    const shop = await subscribeQueue(arn, mocks.sqs.createQueue('shop').arn, {
      FilterPolicy: JSON.stringify({ store: ['shop'], price: [{ numeric: ['>', 10] }] }),
      RawMessageDelivery: 'true',
    });
    const big = await subscribeQueue(arn, mocks.sqs.createQueue('big').arn, {
      FilterPolicy: JSON.stringify({ order: { total: [{ numeric: ['>=', 100] }] } }),
      FilterPolicyScope: 'MessageBody',
      RawMessageDelivery: 'true',
    });
    const all = await subscribeQueue(arn, mocks.sqs.createQueue('all').arn, { RawMessageDelivery: 'true' });
    const publish = (total: number, store?: string, price?: number) => {
      const MessageAttributes: Record<string, { DataType: string; StringValue: string }> = {};
      if (store !== undefined) MessageAttributes['store'] = { DataType: 'String', StringValue: store };
      if (price !== undefined) MessageAttributes['price'] = { DataType: 'Number', StringValue: String(price) };
      return sns.send(
        new PublishCommand({ TopicArn: arn, Message: JSON.stringify({ order: { total } }), MessageAttributes }),
      );
    };
    await publish(5, 'shop', 11);
    await publish(150, 'shop', 5);
    await publish(100);
    await publish(1, 'web', 50);
    const bodies = (queue: string) => mocks.sqs.messages(queue).map((m) => JSON.parse(m.body).order.total);
    expect(bodies('shop')).toEqual([5]);
    expect(bodies('big')).toEqual([150, 100]);
    expect(bodies('all')).toEqual([5, 150, 100, 1]);
    expect(mocks.sns.subscriptionCounts(shop)).toEqual({ matched: 1, filteredOut: 3, delivered: 1, failed: 0 });
    expect(mocks.sns.subscriptionCounts(big)).toEqual({ matched: 2, filteredOut: 2, delivered: 2, failed: 0 });
    expect(mocks.sns.subscriptionCounts(all)).toEqual({ matched: 4, filteredOut: 0, delivered: 4, failed: 0 });
  });

  it('a message without the attribute matches only {"exists": false}, never anything-but', async () => {
    const arn = await topic();
    await subscribeQueue(arn, mocks.sqs.createQueue('absent').arn, { FilterPolicy: '{"colour":[{"exists":false}]}' });
    await subscribeQueue(arn, mocks.sqs.createQueue('notred').arn, {
      FilterPolicy: '{"colour":[{"anything-but":"red"}]}',
    });
    await sns.send(new PublishCommand({ TopicArn: arn, Message: 'no attributes' }));
    expect(mocks.sqs.messages('absent')).toHaveLength(1);
    expect(mocks.sqs.messages('notred')).toHaveLength(0);
  });
});

describe('to handlers (lambda subscriptions)', () => {
  it('each matching message invokes the handler once, asynchronously, with the Lambda SNS event', async () => {
    const arn = await topic();
    const events: Parameters<SnsHandler>[0][] = [];
    const subscription = mocks.sns.subscribe(
      'orders',
      (event) => {
        events.push(event);
      },
      { filterPolicy: { kind: ['order'] } },
    );
    const { MessageId } = await sns.send(
      new PublishCommand({
        TopicArn: arn,
        Message: 'hello',
        MessageAttributes: { kind: { DataType: 'String', StringValue: 'order' } },
      }),
    );
    await sns.send(
      new PublishCommand({
        TopicArn: arn,
        Message: 'ignored',
        MessageAttributes: { kind: { DataType: 'String', StringValue: 'refund' } },
      }),
    );
    expect(events).toHaveLength(0);
    await mocks.drain();
    expect(events).toHaveLength(1);
    const [record] = events[0]!.Records;
    expect(events[0]!.Records).toHaveLength(1);
    expect(record).toMatchObject({
      EventSource: 'aws:sns',
      EventVersion: '1.0',
      EventSubscriptionArn: subscription.subscriptionArn,
    });
    expect(record!.Sns).toMatchObject({
      Type: 'Notification',
      MessageId,
      TopicArn: arn,
      Subject: null,
      Message: 'hello',
      MessageAttributes: { kind: { Type: 'String', Value: 'order' } },
    });
    expect(verifySnsSignature(record)).toBe(true);
    expect(subscription.counts).toEqual({ matched: 1, filteredOut: 1, delivered: 1, failed: 0 });
    expect(subscription.functionArn).toMatch(/^arn:aws:lambda:us-east-1:123456789012:function:sns-subscriber-\d+$/);
  });

  it('a failing handler is retried twice, one and then two minutes later (Lambda’s async retries)', async () => {
    await topic();
    let calls = 0;
    const subscription = mocks.sns.subscribe('orders', () => {
      calls++;
      if (calls < 3) throw new Error(`boom ${calls}`);
    });
    const start = mocks.clock.now().getTime();
    mocks.sns.publish('orders', 'retry me');
    await mocks.drain();
    expect(subscription.invocations.map((i) => [i.attempt, i.outcome, i.time.getTime() - start])).toEqual([
      [0, 'failure', 0],
      [1, 'failure', 60_000],
      [2, 'success', 180_000],
    ]);
    expect(subscription.counts).toMatchObject({ delivered: 1, failed: 0 });
  });

  it('after the last retry the message is a failed delivery; retries: 0 tries once', async () => {
    await topic();
    const subscription = mocks.sns.subscribe('orders', () => Promise.reject(new Error('always')), { retries: 0 });
    mocks.sns.publish('orders', 'doomed');
    await mocks.drain();
    expect(subscription.invocationCount).toBe(1);
    expect(subscription.counts).toMatchObject({ delivered: 0, failed: 1 });
    expect((mocks.sns.failedDeliveries()[0]!.error as Error).message).toBe('always');
  });

  it('an invocation that runs past the function timeout fails as Lambda’s does and is retried', async () => {
    await topic();
    let calls = 0;
    const subscription = mocks.sns.subscribe(
      'orders',
      () => {
        calls++;
        if (calls === 1) mocks.clock.advance(5_000);
      },
      { timeout: 3 },
    );
    mocks.sns.publish('orders', 'slow');
    await mocks.drain();
    expect(subscription.invocations.map((i) => i.outcome)).toEqual(['failure', 'success']);
    expect(subscription.invocations[0]!.error).toBeInstanceOf(FunctionTimeoutError);
  });

  it('a handler that never settles stops drain() with a DrainError naming the subscription', async () => {
    await topic();
    const subscription = mocks.sns.subscribe('orders', () => new Promise(() => undefined));
    mocks.sns.publish('orders', 'stuck');
    const error = await mocks.drain({ stuckHandlerMs: 50 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DrainError);
    expect((error as Error).message).toContain(subscription.subscriptionArn);
  });

  it('SDK Subscribe with protocol lambda reaches the handler registered for that function; an unknown function fails without retries', async () => {
    const a = await topic('a');
    const b = await topic('b');
    const seen: string[] = [];
    const subscription = mocks.sns.subscribe(
      'a',
      (event) => {
        seen.push(event.Records[0]!.Sns.TopicArn);
      },
      { functionName: 'audit' },
    );
    await sns.send(new SubscribeCommand({ TopicArn: b, Protocol: 'lambda', Endpoint: subscription.functionArn }));
    const ghost = (
      await sns.send(
        new SubscribeCommand({
          TopicArn: b,
          Protocol: 'lambda',
          Endpoint: 'arn:aws:lambda:us-east-1:123456789012:function:ghost',
        }),
      )
    ).SubscriptionArn as string;
    await sns.send(new PublishCommand({ TopicArn: a, Message: '1' }));
    await sns.send(new PublishCommand({ TopicArn: b, Message: '2' }));
    await mocks.drain();
    expect(seen).toEqual([a, b]);
    expect(mocks.sns.subscriptionCounts(ghost)).toMatchObject({ matched: 1, failed: 1 });
  });

  it('unsubscribing drops queued attempts; SDK Unsubscribe stops deliveries', async () => {
    const arn = await topic();
    let calls = 0;
    const subscription = mocks.sns.subscribe('orders', () => {
      calls++;
    });
    mocks.sns.publish('orders', 'queued');
    subscription.unsubscribe();
    await mocks.drain();
    expect(calls).toBe(0);
    const other = mocks.sns.subscribe('orders', () => {
      calls++;
    });
    await sns.send(new UnsubscribeCommand({ SubscriptionArn: other.subscriptionArn }));
    await sns.send(new PublishCommand({ TopicArn: arn, Message: 'x' }));
    await mocks.drain();
    expect(calls).toBe(0);
  });

  it('one function, one handler: reused across topics; unsubscribing one subscription keeps the other', async () => {
    await topic('a');
    await topic('b');
    const seen: string[] = [];
    const handler: SnsHandler = (event) => {
      seen.push(event.Records[0]!.Sns.Message);
    };
    const onA = mocks.sns.subscribe('a', handler, { functionName: 'shared' });
    mocks.sns.subscribe('b', handler, { functionName: 'shared' });
    expect(() => mocks.sns.subscribe('b', () => undefined, { functionName: 'shared' })).toThrow(
      /function "shared" is already registered with another handler/,
    );
    onA.unsubscribe();
    mocks.sns.publish('a', 'to a');
    mocks.sns.publish('b', 'to b');
    await mocks.drain();
    expect(seen).toEqual(['to b']);
  });

  it('SignatureVersion 2: SQS envelopes say "2" and verify (SHA256withRSA); Lambda events say "1"', async () => {
    const arn = await topic('v2', { SignatureVersion: '2' });
    await subscribeQueue(arn, mocks.sqs.createQueue('q').arn);
    const events: Parameters<SnsHandler>[0][] = [];
    mocks.sns.subscribe('v2', (event) => {
      events.push(event);
    });
    await sns.send(new PublishCommand({ TopicArn: arn, Message: 'signed' }));
    await mocks.drain();
    const body = mocks.sqs.messages('q')[0]!.body;
    expect(JSON.parse(body).SignatureVersion).toBe('2');
    expect(verifySnsSignature(body)).toBe(true);
    expect(events[0]!.Records[0]!.Sns.SignatureVersion).toBe('1');
    expect(verifySnsSignature(events[0]!.Records[0]!)).toBe(true);
  });

  it('test-side misuse is an EventInputError naming the call', async () => {
    await topic();
    expect(() => mocks.sns.subscribe('nope', () => undefined)).toThrow(
      /mocks\.sns\.subscribe.*topic.*not a topic of these mocks/,
    );
    expect(() => mocks.sns.subscribe('orders', () => undefined, { filterPolicy: { a: 'b' } })).toThrow(
      /mocks\.sns\.subscribe.*rejected by SNS: InvalidParameter: Invalid parameter: Attributes Reason: FilterPolicy/,
    );
    expect(() => mocks.sns.publish('orders', '')).toThrow(/mocks\.sns\.publish.*Empty message/);
    expect(() => mocks.sns.subscribe('orders', 'x' as never)).toThrow(/handler.*must be a function/);
  });

  it('a subscribe refused for its options leaves no subscription behind', async () => {
    await topic();
    expect(() => mocks.sns.subscribe('orders', () => undefined, { invocationHistory: -1 })).toThrow(
      /mocks\.sns\.subscribe.*options\.invocationHistory/,
    );
    mocks.sns.publish('orders', 'hello');
    await mocks.drain();
    expect(mocks.sns.failedDeliveries()).toEqual([]);
  });
});
