/**
 * Model-based: random topics, subscriptions (SQS queues raw or enveloped, handlers) with filter
 * policies, and random publishes. After a drain, every message reached exactly the subscriptions
 * whose policy it matches (judged by this file's own evaluator of the small policy language it
 * generates, not by the engine), none was lost or doubled, counts agree, and on FIFO topics each
 * message group arrives in publish order with duplicates within the window dropped.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAwsMocks } from '../../../src/msw/index.js';
import { NUM_RUNS } from '../../_helpers/runs.js';

const COLOURS = ['red', 'green', 'blue'] as const;

/** The generated policy language: colour in a set, size above a bound, colour absent, or none. */
type Policy =
  | { kind: 'none' }
  | { kind: 'colour'; values: string[] }
  | { kind: 'size'; above: number }
  | { kind: 'both'; values: string[]; above: number }
  | { kind: 'noColour' };

interface Message {
  colour?: string;
  size?: number;
  group: string;
  dedup: string;
}

const policyArb: fc.Arbitrary<Policy> = fc.oneof(
  fc.constant<Policy>({ kind: 'none' }),
  fc.subarray([...COLOURS], { minLength: 1 }).map((values): Policy => ({ kind: 'colour', values })),
  fc.integer({ min: -5, max: 5 }).map((above): Policy => ({ kind: 'size', above })),
  fc
    .record({ values: fc.subarray([...COLOURS], { minLength: 1 }), above: fc.integer({ min: -5, max: 5 }) })
    .map((r): Policy => ({ kind: 'both', ...r })),
  fc.constant<Policy>({ kind: 'noColour' }),
);

function policyJson(policy: Policy): object | undefined {
  switch (policy.kind) {
    case 'none':
      return undefined;
    case 'colour':
      return { colour: policy.values };
    case 'size':
      return { size: [{ numeric: ['>', policy.above] }] };
    case 'both':
      return { colour: policy.values, size: [{ numeric: ['>', policy.above] }] };
    case 'noColour':
      return { colour: [{ exists: false }] };
  }
}

/** The oracle: SNS's semantics for this language (AND across keys; a missing attribute matches only exists:false). */
function matches(policy: Policy, m: Message): boolean {
  switch (policy.kind) {
    case 'none':
      return true;
    case 'colour':
      return m.colour !== undefined && policy.values.includes(m.colour);
    case 'size':
      return m.size !== undefined && m.size > policy.above;
    case 'both':
      return (
        m.colour !== undefined && policy.values.includes(m.colour) && m.size !== undefined && m.size > policy.above
      );
    case 'noColour':
      return m.colour === undefined;
  }
}

const messageArb: fc.Arbitrary<Message> = fc.record(
  {
    colour: fc.constantFrom(...COLOURS),
    size: fc.integer({ min: -6, max: 6 }),
    group: fc.constantFrom('g1', 'g2', 'g3'),
    dedup: fc.constantFrom('d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8'),
  },
  { requiredKeys: ['group', 'dedup'] },
);

const subscriptionArb = fc.record({ kind: fc.constantFrom('queue', 'rawQueue', 'handler'), policy: policyArb });

function attributesOf(m: Message): Record<string, { DataType: string; StringValue: string }> {
  const out: Record<string, { DataType: string; StringValue: string }> = {};
  if (m.colour !== undefined) out['colour'] = { DataType: 'String', StringValue: m.colour };
  if (m.size !== undefined) out['size'] = { DataType: 'Number', StringValue: String(m.size) };
  return out;
}

const mocks = createAwsMocks();

describe('SNS fan-out model', () => {
  it.each([false, true])(
    'every message reaches exactly the matching subscriptions (FIFO topic: %s)',
    async (fifo) => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(subscriptionArb, { minLength: 1, maxLength: 5 }),
          fc.array(messageArb, { maxLength: 25 }),
          async (subscriptions, messages) => {
            mocks.reset();
            const topic = mocks.sns.createTopic(fifo ? 't.fifo' : 't', fifo ? { FifoTopic: 'true' } : {});
            const received = new Map<number, { index: number; group: string }[]>();
            const arns: string[] = [];
            for (const [i, s] of subscriptions.entries()) {
              received.set(i, []);
              const policy = policyJson(s.policy);
              const kind = fifo && s.kind === 'handler' ? 'queue' : s.kind; // FIFO topics deliver to SQS only
              if (kind === 'handler') {
                const sub = mocks.sns.subscribe(
                  topic.arn,
                  (event) => {
                    const r = event.Records[0]!;
                    received.get(i)!.push({ index: Number(r.Sns.Message), group: '' });
                  },
                  policy === undefined ? {} : { filterPolicy: policy },
                );
                arns.push(sub.subscriptionArn);
                continue;
              }
              const queue = mocks.sqs.createQueue(fifo ? `q${i}.fifo` : `q${i}`, fifo ? { FifoQueue: 'true' } : {});
              arns.push(
                mocks.sns.subscribeQueue(topic.arn, queue.arn, {
                  rawMessageDelivery: kind === 'rawQueue',
                  ...(policy === undefined ? {} : { filterPolicy: policy }),
                }),
              );
              mocks.sqs.subscribe(queue.arn, (event) => {
                for (const record of event.Records) {
                  const text =
                    kind === 'rawQueue' ? record.body : (JSON.parse(record.body) as { Message: string }).Message;
                  received.get(i)!.push({ index: Number(text), group: record.attributes.MessageGroupId ?? '' });
                }
              });
            }
            // The model: which messages are published (FIFO: a repeated deduplication id within the window is dropped).
            const published: number[] = [];
            const seen = new Set<string>();
            for (const [index, m] of messages.entries()) {
              mocks.sns.publish(topic.arn, String(index), {
                messageAttributes: attributesOf(m),
                ...(fifo ? { messageGroupId: m.group, messageDeduplicationId: m.dedup } : {}),
              });
              if (fifo && seen.has(m.dedup)) continue;
              seen.add(m.dedup);
              published.push(index);
            }
            await mocks.drain();
            for (const [i, s] of subscriptions.entries()) {
              const expected = published.filter((index) => matches(s.policy, messages[index]!));
              const got = received.get(i)!;
              expect([...got.map((g) => g.index)].sort((a, b) => a - b)).toEqual(expected);
              if (fifo) {
                for (const group of ['g1', 'g2', 'g3']) {
                  expect(got.filter((g) => g.group === group).map((g) => g.index)).toEqual(
                    expected.filter((index) => messages[index]!.group === group),
                  );
                }
              }
              expect(mocks.sns.subscriptionCounts(arns[i]!)).toEqual({
                matched: expected.length,
                filteredOut: published.length - expected.length,
                delivered: expected.length,
                failed: 0,
              });
            }
          },
        ),
        { numRuns: NUM_RUNS },
      );
    },
    120_000,
  );
});
