/** sqsEvent({ messages }): labelled batches, records in the messages' order, messages never rewritten. */
import type { SQSHandler } from 'aws-lambda';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sqsEvent, type SqsEventMessage } from '../../arbitraries/index.js';
import { invokeHandler, md5OfMessageAttributes } from '../../src/index.js';
import { NUM_RUNS } from '../_helpers/runs.js';

// The code under test: fails the records whose body is not a JSON object with a numeric total.
const handler: SQSHandler = async (event) => ({
  batchItemFailures: event.Records.filter((record) => {
    try {
      const parsed: unknown = JSON.parse(record.body);
      return typeof (parsed as { total?: unknown })?.total !== 'number';
    } catch {
      return true;
    }
  }).map((record) => ({ itemIdentifier: record.messageId })),
});

const good = fc.record({ total: fc.integer() }).map((order) => ({ body: order, bad: false }));
const bad = fc
  .oneof(
    fc.constant('not json'),
    fc.string({ minLength: 1 }).filter((s) => s.trim() !== '' && !s.startsWith('{')),
    fc.constant({ total: 'ten' }),
  )
  .map((body) => ({ body, bad: true }));

describe('sqsEvent({ messages })', () => {
  it('keeps the messages, in order, so a property can say which records are bad', async () => {
    const labelled = fc.array(fc.oneof(good, bad), { minLength: 1, maxLength: 10 });
    await fc.assert(
      fc.asyncProperty(
        labelled.chain((messages) =>
          sqsEvent({ messages: fc.constant(messages.map((m) => ({ body: m.body }))) }).map((event) => ({
            messages,
            event,
          })),
        ),
        async ({ messages, event }) => {
          expect(event.Records).toHaveLength(messages.length);
          event.Records.forEach((record, i) => {
            const body = messages[i]!.body;
            expect(record.body).toBe(typeof body === 'string' ? body : JSON.stringify(body));
          });
          const expected = event.Records.filter((_, i) => messages[i]!.bad).map((record) => record.messageId);
          const result = await invokeHandler(handler, event);
          expect(new Set((result || { batchItemFailures: [] }).batchItemFailures.map((f) => f.itemIdentifier))).toEqual(
            new Set(expected),
          );
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('each message may pin its attributes; others get none; batch invariants hold', () => {
    fc.assert(
      fc.property(
        sqsEvent({ messages: [{ body: 'a', messageAttributes: { kind: 'x' } }, 'b', { json: true }] }),
        (event) => {
          expect(event.Records.map((r) => r.body)).toEqual(['a', 'b', '{"json":true}']);
          expect(event.Records[0]!.messageAttributes).toEqual({
            kind: { stringValue: 'x', stringListValues: [], binaryListValues: [], dataType: 'String' },
          });
          expect(event.Records[0]!.md5OfMessageAttributes).toBe(
            md5OfMessageAttributes(event.Records[0]!.messageAttributes),
          );
          expect(event.Records[1]!.messageAttributes).toEqual({});
          expect(new Set(event.Records.map((r) => r.messageId)).size).toBe(3);
          expect(new Set(event.Records.map((r) => r.eventSourceARN)).size).toBe(1);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('more than 10 messages come from a standard queue', () => {
    const many: SqsEventMessage[] = Array.from({ length: 11 }, (_, i) => `m${i}`);
    fc.assert(
      fc.property(sqsEvent({ messages: many }), (event) => {
        expect(event.Records[0]!.eventSourceARN.endsWith('.fifo')).toBe(false);
      }),
      { numRuns: 20 },
    );
  });

  it.each([
    [[], /^sqsEvent: messages is empty; Lambda never invokes/],
    [[''], /^sqsEvent: messages\[0\] is empty; SQS rejects an empty value/],
    [['ok', { body: 'a\u0000b' }], /^sqsEvent: messages\[1\]\.body contains .*a character SQS rejects/],
    [[{ body: 'x', messageAttributes: { '': 'v' } }], /^sqsEvent: messages\[0\]\.messageAttributes/],
    [[Number.NaN], /^sqsEvent: messages\[0\] /],
    [['x'.repeat(1024 * 1024 + 1)], /^sqsEvent: messages\[0\] is 1048577 bytes .*SQS's message size limit is 1048576/],
  ])('refuses a fixed batch %# at once, naming the message', (messages, error) => {
    expect(() => sqsEvent({ messages: messages as SqsEventMessage[] })).toThrow(error);
  });

  it('refuses a FIFO batch over 10 and a batch over 6 MB, never dropping a message', () => {
    expect(() => sqsEvent({ fifo: true, messages: Array.from({ length: 11 }, () => 'm') })).toThrow(
      /^sqsEvent: messages has 11 messages; Lambda's batch size limit for a FIFO queue is 10$/,
    );
    const big = Array.from({ length: 7 }, () => 'x'.repeat(1_000_000));
    expect(() => fc.sample(sqsEvent({ messages: big }), 1)).toThrow(
      /^sqsEvent: messages do not fit in one invocation: Lambda's payload limit \(6291456 bytes\) is reached at messages\[6\]/,
    );
  });

  it('refuses an invalid generated message when it is drawn, naming it', () => {
    expect(() => fc.sample(sqsEvent({ messages: fc.constant(['ok', '']) }), 1)).toThrow(
      /^sqsEvent: messages\[1\] is empty/,
    );
  });

  it('does not combine with body, messageAttributes, minRecords or maxRecords', () => {
    expect(() => sqsEvent({ messages: ['a'], body: 'b' })).toThrow(/^sqsEvent: body cannot be combined with messages/);
    expect(() => sqsEvent({ messages: ['a'], maxRecords: 3 })).toThrow(
      /^sqsEvent: maxRecords cannot be combined with messages/,
    );
    expect(() => sqsEvent({ messages: 'a' as never })).toThrow(
      /^sqsEvent: messages must be an array of messages or an arbitrary/,
    );
  });
});
