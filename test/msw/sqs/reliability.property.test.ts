/**
 * Reliability of the SQS mock under random interleavings of SDK sends, receives and deletes,
 * subscribed handlers that succeed, throw or partially fail, and clock moves past visibility
 * timeouts, checked against a simple model of what was observed:
 * - no message is lost: each ends deleted after a receive, or in the dead-letter queue;
 * - none is received after its deletion;
 * - receive counts rise by one per observed receive;
 * - FIFO: a message is received only when every earlier message of its group is gone or in the same batch before it;
 * - the DLQ holds exactly the messages received `maxReceiveCount` times and never deleted.
 */
import { DeleteMessageCommand, ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { SqsEvent } from '../../../src/events/sqs/index.js';
import { NUM_RUNS } from '../../_helpers/runs.js';
import { sqsClient } from '../_helpers/clients.js';
import { useAwsMocks } from '../_helpers/setup.js';

const { mocks } = useAwsMocks();
const sqs = sqsClient();

type Op =
  | { kind: 'send'; group: number }
  | { kind: 'receive'; max: number; visibility: number }
  | { kind: 'delete'; pick: number }
  | { kind: 'advance'; ms: number }
  | { kind: 'deliver'; mode: 'succeed' | 'throw' | 'partial'; failMask: number; forMs: number; batchSize: number };

const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('send' as const), group: fc.integer({ min: 0, max: 2 }) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('receive' as const),
      max: fc.integer({ min: 1, max: 10 }),
      visibility: fc.constantFrom(0, 5, 30),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 40_000 }) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('deliver' as const),
      mode: fc.constantFrom('succeed' as const, 'throw' as const, 'partial' as const),
      failMask: fc.nat({ max: 1023 }),
      forMs: fc.integer({ min: 0, max: 60_000 }),
      batchSize: fc.integer({ min: 1, max: 10 }),
    }),
  },
);

interface Sent {
  seq: number;
  group: string;
}

it('no loss, no delivery after deletion, FIFO group order, exact dead-lettering', { timeout: 600_000 }, async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.boolean(),
      fc.integer({ min: 1, max: 4 }),
      fc.constantFrom(0, 10, 30),
      fc.array(opArbitrary, { maxLength: 30 }),
      async (fifo, maxReceiveCount, queueVisibility, ops) => {
        mocks.reset();
        const suffix = fifo ? '.fifo' : '';
        const dlq = mocks.sqs.createQueue(`dead${suffix}`, fifo ? { FifoQueue: 'true' } : {});
        const main = mocks.sqs.createQueue(`main${suffix}`, {
          ...(fifo ? { FifoQueue: 'true' } : {}),
          VisibilityTimeout: String(queueVisibility),
          RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount }),
        });
        const sent = new Map<string, Sent>();
        const deleted = new Set<string>();
        const counts = new Map<string, number>();
        const latest = new Map<string, { handle: string; visibleAt: number }>();
        const now = (): number => mocks.clock.now().getTime();
        // Handlers must not throw on a violation (that would look like a handler failure): collect them.
        const violations: string[] = [];
        const deadLettered = new Set<string>();
        const check = (ok: boolean, message: string): void => {
          if (!ok) violations.push(message);
        };
        const inDlq = (): Set<string> => new Set(mocks.sqs.messages(dlq.name).map((m) => m.messageId));

        /** Checks one observed receive (SDK or delivery) of `ids` from the main queue, in batch order. */
        const observe = (batch: { id: string; handle: string; count: number }[], visibility: number): void => {
          const moved = inDlq();
          const earlierInBatch = new Set<string>();
          for (const { id, handle, count } of batch) {
            check(!deleted.has(id), `message ${id} received after its deletion`);
            check(
              count === (counts.get(id) ?? 0) + 1,
              `receive count of ${id} is ${count} after ${counts.get(id) ?? 0} observed receives`,
            );
            counts.set(id, count);
            latest.set(id, { handle, visibleAt: now() + visibility * 1000 });
            if (fifo) {
              const me = sent.get(id) as Sent;
              for (const [otherId, other] of sent) {
                if (other.group === me.group && other.seq < me.seq) {
                  check(
                    deleted.has(otherId) ||
                      moved.has(otherId) ||
                      deadLettered.has(otherId) ||
                      earlierInBatch.has(otherId),
                    `FIFO order: ${id} received while ${otherId}, earlier in group ${me.group}, is still queued`,
                  );
                }
              }
            }
            earlierInBatch.add(id);
          }
        };
        const observeEvent = (event: SqsEvent): void =>
          observe(
            event.Records.map((r) => ({
              id: r.messageId,
              handle: r.receiptHandle,
              count: Number(r.attributes.ApproximateReceiveCount),
            })),
            queueVisibility,
          );

        let seq = 0;
        for (const op of ops) {
          switch (op.kind) {
            case 'send': {
              const body = `m${seq}`;
              const { MessageId } = await sqs.send(
                new SendMessageCommand({
                  QueueUrl: main.url,
                  MessageBody: body,
                  ...(fifo ? { MessageGroupId: `g${op.group}`, MessageDeduplicationId: body } : {}),
                }),
              );
              sent.set(MessageId as string, { seq: seq++, group: `g${op.group}` });
              break;
            }
            case 'receive': {
              const { Messages = [] } = await sqs.send(
                new ReceiveMessageCommand({
                  QueueUrl: main.url,
                  MaxNumberOfMessages: op.max,
                  VisibilityTimeout: op.visibility,
                  MessageSystemAttributeNames: ['ApproximateReceiveCount'],
                }),
              );
              observe(
                Messages.map((m) => ({
                  id: m.MessageId as string,
                  handle: m.ReceiptHandle as string,
                  count: Number(m.Attributes?.ApproximateReceiveCount),
                })),
                op.visibility,
              );
              break;
            }
            case 'delete': {
              const held = [...latest.keys()].filter((id) => !deleted.has(id));
              if (held.length === 0) break;
              const id = held[op.pick % held.length] as string;
              const { handle, visibleAt } = latest.get(id) as { handle: string; visibleAt: number };
              const movedAway = inDlq().has(id);
              const expired = fifo && now() > visibleAt && !movedAway;
              const result = await sqs
                .send(new DeleteMessageCommand({ QueueUrl: main.url, ReceiptHandle: handle }))
                .then(
                  () => 'ok',
                  (e: Error) => e.name,
                );
              // The latest handle deletes; a FIFO handle past its visibility timeout is rejected; a moved message is gone already.
              expect(result).toBe(expired ? 'InvalidParameterValue' : 'ok');
              if (!expired && !movedAway) deleted.add(id);
              break;
            }
            case 'advance':
              mocks.clock.advance(op.ms);
              break;
            case 'deliver': {
              const subscription = mocks.sqs.subscribe(
                main.name,
                async (event) => {
                  observeEvent(event);
                  if (op.mode === 'throw') throw new Error('handler failure');
                  const failed = event.Records.filter((_, i) => op.mode === 'partial' && (op.failMask >> i) & 1).map(
                    (r) => r.messageId,
                  );
                  // Lambda deletes the rest as soon as the handler returns: the model records that now.
                  for (const record of event.Records)
                    if (!failed.includes(record.messageId)) deleted.add(record.messageId);
                  return op.mode === 'succeed'
                    ? undefined
                    : { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
                },
                { batchSize: op.batchSize, reportBatchItemFailures: true },
              );
              await mocks.drain({ until: new Date(now() + op.forMs) });
              subscription.unsubscribe();
              for (const invocation of subscription.invocations) {
                const expected =
                  op.mode === 'throw'
                    ? invocation.event.Records.map((r) => r.messageId)
                    : invocation.event.Records.filter((_, i) => op.mode === 'partial' && (op.failMask >> i) & 1).map(
                        (r) => r.messageId,
                      );
                check(
                  JSON.stringify(invocation.failedMessageIds) === JSON.stringify(expected),
                  `invocation failures ${JSON.stringify(invocation.failedMessageIds)} ≠ ${JSON.stringify(expected)}`,
                );
              }
              break;
            }
          }
          expect(violations, `after ${op.kind}`).toEqual([]);
        }

        // Final phase: a healthy consumer on both queues until nothing is pending.
        const done = new Set<string>();
        mocks.sqs.subscribe(main.name, (event) => {
          observeEvent(event);
          for (const record of event.Records) done.add(record.messageId);
        });
        mocks.sqs.subscribe(dlq.name, (event) => {
          for (const record of event.Records) {
            check(
              !deleted.has(record.messageId) && !done.has(record.messageId),
              `dead-lettered ${record.messageId} was already processed`,
            );
            check(
              record.attributes.DeadLetterQueueSourceArn === main.arn,
              `DeadLetterQueueSourceArn of ${record.messageId}`,
            );
            deadLettered.add(record.messageId);
          }
        });
        await mocks.drain({ maxSteps: 10_000 });

        expect(violations).toEqual([]);
        expect(mocks.sqs.messages(main.name)).toEqual([]);
        expect(mocks.sqs.messages(dlq.name)).toEqual([]);
        for (const id of sent.keys()) {
          const outcomes = [deleted.has(id), done.has(id), deadLettered.has(id)].filter(Boolean).length;
          expect(outcomes, `message ${id} lost or processed twice`).toBe(1);
          // Exactly the messages that used up their receives (and were never deleted) are dead-lettered.
          expect(
            deadLettered.has(id),
            `DLQ membership of ${id} (receives ${counts.get(id) ?? 0}/${maxReceiveCount})`,
          ).toBe((counts.get(id) ?? 0) >= maxReceiveCount && !deleted.has(id) && !done.has(id));
        }
      },
    ),
    { numRuns: NUM_RUNS },
  );
});
