/** The SQS event source mapping played by `mocks.sqs.subscribe` + `mocks.drain()`. */
import { SqsSchema } from '@aws-lambda-powertools/parser/schemas';
import { SendMessageBatchCommand, SendMessageCommand, type SendMessageBatchRequestEntry } from '@aws-sdk/client-sqs';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { md5OfMessageAttributes, type SqsEvent } from '../../../src/events/sqs/index.js';
import { EventInputError } from '../../../src/_internals/errors.js';
import { judgeBatchResponse } from '../../../src/msw/sqs/subscription.js';
import { sqsClient } from '../_helpers/clients.js';
import { useAwsMocks } from '../_helpers/setup.js';

const { mocks } = useAwsMocks();
const sqs = sqsClient();

async function sendAll(
  QueueUrl: string,
  bodies: readonly string[],
  extra: Partial<SendMessageBatchRequestEntry> = {},
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < bodies.length; i += 10) {
    const Entries = bodies.slice(i, i + 10).map((MessageBody, j) => ({ Id: `m${i + j}`, MessageBody, ...extra }));
    const { Successful = [] } = await sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries }));
    ids.push(...Successful.map((s) => s.MessageId as string));
  }
  return ids;
}

/** The invariants every delivered SQS event must satisfy, as factory events do. */
function assertEventInvariants(event: SqsEvent, queueArn: string): void {
  expect(SqsSchema.safeParse(event).success).toBe(true);
  const ids = new Set<string>();
  for (const record of event.Records) {
    expect(record.eventSourceARN).toBe(queueArn);
    expect(record.awsRegion).toBe('us-east-1');
    expect(record.md5OfBody).toBe(createHash('md5').update(record.body, 'utf8').digest('hex'));
    expect(record.md5OfMessageAttributes ?? null).toBe(md5OfMessageAttributes(record.messageAttributes));
    expect(Number(record.attributes.ApproximateReceiveCount)).toBeGreaterThanOrEqual(1);
    expect(Number(record.attributes.ApproximateFirstReceiveTimestamp)).toBeGreaterThanOrEqual(
      Number(record.attributes.SentTimestamp),
    );
    expect(record.receiptHandle.startsWith('AQEB')).toBe(true);
    expect(record.attributes.SequenceNumber !== undefined).toBe(queueArn.endsWith('.fifo'));
    expect(ids.has(record.messageId)).toBe(false);
    ids.add(record.messageId);
  }
}

describe('batching', () => {
  it('a subscribed handler gets batches of batchSize, valid under Powertools, and successes are deleted', async () => {
    const q = mocks.sqs.createQueue('orders');
    await sendAll(
      q.url,
      Array.from({ length: 25 }, (_, i) => `order-${i}`),
      { MessageAttributes: { kind: { DataType: 'String', StringValue: 'order' } } },
    );
    const seen: SqsEvent[] = [];
    mocks.sqs.subscribe('orders', (event) => void seen.push(event), { batchSize: 10 });
    await mocks.drain();
    expect(seen.map((e) => e.Records.length)).toEqual([10, 10, 5]);
    expect(seen.flatMap((e) => e.Records.map((r) => r.body))).toEqual(
      Array.from({ length: 25 }, (_, i) => `order-${i}`),
    );
    for (const event of seen) assertEventInvariants(event, q.arn);
    expect(mocks.sqs.messages('orders')).toEqual([]);
  });

  it('a batching window gathers messages until it closes or the batch is full, on the virtual clock', async () => {
    mocks.sqs.createQueue('windowed');
    const times: number[] = [];
    const sizes: number[] = [];
    const subscription = mocks.sqs.subscribe(
      'windowed',
      (event) => {
        times.push(mocks.clock.now().getTime());
        sizes.push(event.Records.length);
      },
      { batchSize: 50, maximumBatchingWindowInSeconds: 20 },
    );
    const start = mocks.clock.now().getTime();
    for (let i = 0; i < 3; i++) mocks.sqs.send('windowed', `m${i}`);
    await mocks.drain();
    expect(sizes).toEqual([3]);
    expect(times).toEqual([start + 20_000]);
    for (let i = 0; i < 120; i++) mocks.sqs.send('windowed', `n${i}`);
    await mocks.drain();
    // Full batches go at once; the remainder waits for its window.
    expect(sizes).toEqual([3, 50, 50, 20]);
    expect(times.slice(1)).toEqual([start + 20_000, start + 20_000, start + 40_000]);
    expect(subscription.invocations.every((i) => i.outcome === 'success')).toBe(true);
  });

  it("a batch stops before Lambda's 6 MB payload limit", async () => {
    mocks.sqs.createQueue('big');
    for (let i = 0; i < 8; i++) mocks.sqs.send('big', 'x'.repeat(1_000_000));
    const sizes: number[] = [];
    mocks.sqs.subscribe(
      'big',
      (event) => {
        sizes.push(event.Records.length);
        expect(Buffer.byteLength(JSON.stringify(event))).toBeLessThanOrEqual(6 * 1024 * 1024);
      },
      { batchSize: 10 },
    );
    await mocks.drain();
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(8);
    expect(Math.max(...sizes)).toBeLessThan(8);
  });

  it("subscribe options follow Lambda's limits", () => {
    mocks.sqs.createQueue('std');
    mocks.sqs.createQueue('f.fifo', { FifoQueue: 'true' });
    expect(() => mocks.sqs.subscribe('std', () => {}, { batchSize: 11 })).toThrow(EventInputError);
    expect(() =>
      mocks.sqs.subscribe('std', () => {}, { batchSize: 10_001, maximumBatchingWindowInSeconds: 1 }),
    ).toThrow(/1–10000/);
    expect(() => mocks.sqs.subscribe('f.fifo', () => {}, { batchSize: 11, maximumBatchingWindowInSeconds: 1 })).toThrow(
      EventInputError,
    );
    expect(() => mocks.sqs.subscribe('f.fifo', () => {}, { maximumBatchingWindowInSeconds: 1 })).toThrow(/FIFO/);
    expect(() => mocks.sqs.subscribe('std', () => {}, { maximumBatchingWindowInSeconds: 301 })).toThrow(/0–300/);
    expect(() => mocks.sqs.subscribe('missing', () => {})).toThrow(/not a queue/);
  });
});

describe('failures and retries', () => {
  it('a thrown error retries the whole batch after the visibility timeout with ApproximateReceiveCount rising', async () => {
    mocks.sqs.createQueue('flaky', { VisibilityTimeout: '30' });
    mocks.sqs.send('flaky', 'a');
    mocks.sqs.send('flaky', 'b');
    const counts: string[][] = [];
    const times: number[] = [];
    const start = mocks.clock.now().getTime();
    const subscription = mocks.sqs.subscribe('flaky', (event) => {
      counts.push(event.Records.map((r) => r.attributes.ApproximateReceiveCount));
      times.push(mocks.clock.now().getTime() - start);
      if (counts.length < 3) throw new Error('downstream unavailable');
    });
    await mocks.drain();
    expect(counts).toEqual([
      ['1', '1'],
      ['2', '2'],
      ['3', '3'],
    ]);
    expect(times).toEqual([0, 30_000, 60_000]);
    expect(subscription.invocations.map((i) => i.outcome)).toEqual(['failure', 'failure', 'success']);
    expect(subscription.invocations[0]?.error).toBeInstanceOf(Error);
    expect(mocks.sqs.messages('flaky')).toEqual([]);
  });

  it('a failing handler without a redrive policy stops when retention expires; drain can be bounded', async () => {
    mocks.sqs.createQueue('doomed', { VisibilityTimeout: '600', MessageRetentionPeriod: '3600' });
    mocks.sqs.send('doomed', 'x');
    const subscription = mocks.sqs.subscribe('doomed', () => {
      throw new Error('always');
    });
    await mocks.drain({ until: new Date(mocks.clock.now().getTime() + 1_200_000) });
    expect(subscription.invocations).toHaveLength(3);
    await mocks.drain();
    expect(subscription.invocations).toHaveLength(6); // at 0, 10, 20, 30, 40, 50 minutes; gone at 60
    expect(mocks.clock.now().getTime() - subscription.invocations[0]!.time.getTime()).toBe(3_000_000);
    mocks.clock.advance(600_000);
    expect(mocks.sqs.messages('doomed')).toEqual([]);
  });

  it('a zero visibility timeout with an always-failing handler hits the drain step limit', async () => {
    mocks.sqs.createQueue('spin', { VisibilityTimeout: '0' });
    mocks.sqs.send('spin', 'x');
    mocks.sqs.subscribe('spin', () => {
      throw new Error('always');
    });
    await expect(mocks.drain({ maxSteps: 50 })).rejects.toThrow(/still busy after 50/);
  });

  it('ReportBatchItemFailures: only the reported messages come back', async () => {
    mocks.sqs.createQueue('partial', { VisibilityTimeout: '10' });
    const ids = [
      mocks.sqs.send('partial', 'ok-1').messageId,
      mocks.sqs.send('partial', 'bad').messageId,
      mocks.sqs.send('partial', 'ok-2').messageId,
    ];
    const bodies: string[][] = [];
    mocks.sqs.subscribe(
      'partial',
      async (event) => {
        bodies.push(event.Records.map((r) => r.body));
        return {
          batchItemFailures: event.Records.filter(
            (r) => r.body === 'bad' && r.attributes.ApproximateReceiveCount === '1',
          ).map((r) => ({ itemIdentifier: r.messageId })),
        };
      },
      { reportBatchItemFailures: true },
    );
    await mocks.drain();
    expect(bodies).toEqual([['ok-1', 'bad', 'ok-2'], ['bad']]);
    expect(ids).toHaveLength(3);
    expect(mocks.sqs.messages('partial')).toEqual([]);
  });

  it('without ReportBatchItemFailures the response is ignored', async () => {
    mocks.sqs.createQueue('ignored');
    const { messageId } = mocks.sqs.send('ignored', 'x');
    const subscription = mocks.sqs.subscribe('ignored', () => ({ batchItemFailures: [{ itemIdentifier: messageId }] }));
    await mocks.drain();
    expect(subscription.invocations.map((i) => i.outcome)).toEqual(['success']);
    expect(mocks.sqs.messages('ignored')).toEqual([]);
  });

  const ids = new Set(['id-1', 'id-2']);
  const cyclic: Record<string, unknown> = {};
  cyclic['self'] = cyclic;
  it.each([
    ['undefined response', undefined, 'success'],
    ['null response', null, 'success'],
    ['empty response', {}, 'success'],
    ['null list', { batchItemFailures: null }, 'success'],
    ['empty list', { batchItemFailures: [] }, 'success'],
    ['one failure', { batchItemFailures: [{ itemIdentifier: 'id-2' }] }, 'partial'],
    ['unknown id', { batchItemFailures: [{ itemIdentifier: 'id-9' }] }, 'failure'],
    ['empty id', { batchItemFailures: [{ itemIdentifier: '' }] }, 'failure'],
    ['null id', { batchItemFailures: [{ itemIdentifier: null }] }, 'failure'],
    ['wrong key name', { batchItemFailures: [{ itemIdentifer: 'id-1' }] }, 'failure'],
    ['list is not a list', { batchItemFailures: 'id-1' }, 'failure'],
    ['item is not an object', { batchItemFailures: ['id-1'] }, 'failure'],
    ['response is a string', 'id-1', 'failure'],
    ['response is an array', [{ itemIdentifier: 'id-1' }], 'failure'],
    ['response is not JSON', cyclic, 'failure'],
    ['response holds a bigint', { batchItemFailures: [{ itemIdentifier: 1n }] }, 'failure'],
  ] as const)('batchItemFailures rule: %s', (_, response, outcome) => {
    expect(judgeBatchResponse(response, ids).outcome).toBe(outcome);
  });

  it('each failure condition of the wire reference, end to end: the whole batch returns', async () => {
    mocks.sqs.createQueue('judged', { VisibilityTimeout: '5' });
    mocks.sqs.send('judged', 'a');
    mocks.sqs.send('judged', 'b');
    let calls = 0;
    const subscription = mocks.sqs.subscribe(
      'judged',
      async (event) => {
        calls++;
        return calls === 1
          ? { batchItemFailures: [{ itemIdentifier: '' }] }
          : calls === 2
            ? { batchItemFailures: [{ itemIdentifier: 'not-in-batch' }] }
            : { batchItemFailures: [] };
      },
      { reportBatchItemFailures: true },
    );
    await mocks.drain();
    expect(subscription.invocations.map((i) => [i.outcome, i.event.Records.length])).toEqual([
      ['failure', 2],
      ['failure', 2],
      ['success', 2],
    ]);
    expect(subscription.invocations[1]?.reason).toMatch(/not the messageId/);
  });
});

describe('FIFO and dead letters', () => {
  it('FIFO order per group holds under failure: a failed group waits, other groups continue', async () => {
    mocks.sqs.createQueue('seq.fifo', {
      FifoQueue: 'true',
      ContentBasedDeduplication: 'true',
      VisibilityTimeout: '30',
    });
    const url = mocks.sqs.createQueue('seq.fifo', {
      FifoQueue: 'true',
      ContentBasedDeduplication: 'true',
      VisibilityTimeout: '30',
    }).url;
    // c1 is sent last, behind the failing group's messages: it must not wait for their retry.
    for (const [body, group] of [
      ['a1', 'A'],
      ['b1', 'B'],
      ['a2', 'A'],
      ['b2', 'B'],
      ['a3', 'A'],
      ['c1', 'C'],
    ]) {
      await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: body, MessageGroupId: group }));
    }
    const start = mocks.clock.now().getTime();
    const processed: string[] = [];
    const processedAt = new Map<string, number>();
    const attempts: { body: string; at: number }[] = [];
    let failedOnce = false;
    mocks.sqs.subscribe(
      'seq.fifo',
      async (event) => {
        const at = mocks.clock.now().getTime() - start;
        const failures: { itemIdentifier: string }[] = [];
        const failedGroups = new Set<string>();
        for (const record of event.Records) {
          attempts.push({ body: record.body, at });
          const group = record.attributes.MessageGroupId as string;
          // Stop a group at its first failure and report it and every later record of that group (ordering is per group).
          if (failedGroups.has(group) || (record.body === 'a2' && !failedOnce)) {
            failedOnce = true;
            failedGroups.add(group);
            failures.push({ itemIdentifier: record.messageId });
          } else {
            processed.push(record.body);
            processedAt.set(record.body, at);
          }
        }
        return { batchItemFailures: failures };
      },
      { batchSize: 2, reportBatchItemFailures: true },
    );
    await mocks.drain();
    const order = (group: string) => processed.filter((b) => b.startsWith(group));
    expect(order('a')).toEqual(['a1', 'a2', 'a3']);
    expect(order('b')).toEqual(['b1', 'b2']);
    expect(order('c')).toEqual(['c1']);
    expect(failedOnce).toBe(true);
    // a2 failed once, then came back only after the 30 s visibility timeout.
    const a2Attempts = attempts.filter((a) => a.body === 'a2').map((a) => a.at);
    expect(a2Attempts).toHaveLength(2);
    const retryAt = processedAt.get('a2') as number;
    expect(retryAt).toBe(a2Attempts[1]);
    expect(retryAt - (a2Attempts[0] as number)).toBeGreaterThanOrEqual(30_000);
    // The other groups went on meanwhile: b2 and c1 ran before the failed group's retry, within the timeout.
    for (const body of ['b2', 'c1']) {
      const at = processedAt.get(body) as number;
      expect(at, body).toBeLessThan(retryAt);
      expect(at, body).toBeLessThan(30_000);
    }
    // The failed group itself waited: a3 ran after a2's retry, not before.
    expect(processedAt.get('a3') as number).toBeGreaterThanOrEqual(retryAt);
    expect(attempts.filter((a) => a.body === 'a3').every((a) => a.at >= retryAt)).toBe(true);
    expect(mocks.sqs.messages('seq.fifo')).toEqual([]);
  });

  it('a message that keeps failing moves to the DLQ after maxReceiveCount; a DLQ subscriber sees it', async () => {
    const dlq = mocks.sqs.createQueue('orders-dlq');
    mocks.sqs.createQueue('orders', {
      VisibilityTimeout: '10',
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 3 }),
    });
    const { messageId } = mocks.sqs.send('orders', 'poison');
    mocks.sqs.send('orders', 'fine');
    const attempts: string[] = [];
    mocks.sqs.subscribe(
      'orders',
      async (event) => {
        const failures = event.Records.filter((r) => r.body === 'poison').map((r) => {
          attempts.push(r.attributes.ApproximateReceiveCount);
          return { itemIdentifier: r.messageId };
        });
        return { batchItemFailures: failures };
      },
      { reportBatchItemFailures: true },
    );
    const dead: SqsEvent[] = [];
    mocks.sqs.subscribe('orders-dlq', (event) => void dead.push(event));
    await mocks.drain();
    expect(attempts).toEqual(['1', '2', '3']);
    expect(dead).toHaveLength(1);
    expect(dead[0]?.Records[0]).toMatchObject({
      messageId,
      body: 'poison',
      eventSourceARN: dlq.arn,
      attributes: { DeadLetterQueueSourceArn: 'arn:aws:sqs:us-east-1:123456789012:orders' },
    });
    assertEventInvariants(dead[0] as SqsEvent, dlq.arn);
  });

  it('unsubscribe stops deliveries; a handler editing its event cannot edit the queue', async () => {
    mocks.sqs.createQueue('edits', { VisibilityTimeout: '1' });
    mocks.sqs.send('edits', 'x', { messageAttributes: { a: 'one' } });
    const subscription = mocks.sqs.subscribe('edits', (event) => {
      const attribute = event.Records[0]?.messageAttributes['a'];
      if (attribute) attribute.stringValue = 'changed';
      throw new Error('retry');
    });
    await mocks.drain({ until: new Date(mocks.clock.now().getTime() + 500) });
    subscription.unsubscribe();
    await mocks.drain();
    expect(subscription.invocations).toHaveLength(1);
    expect(mocks.sqs.messages('edits')[0]?.messageAttributes['a']?.stringValue).toBe('one');
  });
});
