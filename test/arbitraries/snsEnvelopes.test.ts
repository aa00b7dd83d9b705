import fc from 'fast-check';
import { JSONStringified } from '@aws-lambda-powertools/parser/helpers';
import { SnsSqsEnvelope } from '@aws-lambda-powertools/parser/envelopes';
import { S3Schema, SnsSqsNotificationSchema, SqsSchema } from '@aws-lambda-powertools/parser/schemas';
import { describe, expect, it } from 'vitest';
import {
  eventBridgeEvent,
  jsonPayload,
  s3Event,
  snsNotificationBody,
  sqsEventFromSns,
} from '../../arbitraries/index.js';
import {
  makeSnsEvent,
  makeSqsEventFromEventBridge,
  makeSqsEventFromSns,
  parseSnsNotificationBody,
  unwrapSnsEvent,
  unwrapSqsEventFromEventBridge,
  unwrapSqsEventFromSns,
  verifySnsSignature,
} from '../../src/index.js';
import { NUM_RUNS } from '../_helpers/runs.js';
import { expectValidNotificationBody, expectValidSqsFromSns } from '../events/sns/_invariants.js';

describe('snsNotificationBody', () => {
  it('standard topics: every invariant, signed, SnsSqsNotificationSchema', () => {
    fc.assert(
      fc.property(snsNotificationBody(), (text) => {
        expectValidNotificationBody(text);
        expect(verifySnsSignature(text)).toBe(true);
        expect(SnsSqsNotificationSchema.safeParse(JSON.parse(text)).success).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });
  it('FIFO topics: SequenceNumber, unsigned', () => {
    fc.assert(
      fc.property(snsNotificationBody({ fifo: true }), (text) => {
        const body = expectValidNotificationBody(text);
        expect(body.SequenceNumber).toBeDefined();
        expect(verifySnsSignature(text)).toBe(false);
        expect(SnsSqsNotificationSchema.safeParse(body).success).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('sqsEventFromSns', () => {
  it('every event keeps the SNS and SQS invariants and passes SqsSchema', () => {
    fc.assert(
      fc.property(sqsEventFromSns(), (event) => {
        expectValidSqsFromSns(event as unknown as { Records: Record<string, unknown>[] });
        expect(SqsSchema.safeParse(event).success).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });
  it('FIFO topic: group and deduplication ids reach FIFO queues, sequence numbers increase', () => {
    fc.assert(
      fc.property(sqsEventFromSns({ raw: false, fifo: true }), (event) => {
        expectValidSqsFromSns(event as unknown as { Records: Record<string, unknown>[] });
        for (const record of event.Records) {
          if (record.eventSourceARN.endsWith('.fifo')) expect(record.attributes.MessageGroupId).toBeDefined();
          else expect(record.attributes.MessageGroupId).toBeUndefined();
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
  it('S3 → SNS → SQS passes Powertools SnsSqsEnvelope with S3Schema (IPv4 callers: its S3Schema refuses IPv6)', () => {
    fc.assert(
      fc.property(
        sqsEventFromSns({
          raw: false,
          fifo: false,
          message: s3Event({ ipv6: false }).map((e) => JSON.stringify(e)),
          subject: 'Amazon S3 Notification',
        }),
        (event) => {
          expect(SnsSqsEnvelope.parse(event, JSONStringified(S3Schema))).toHaveLength(event.Records.length);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
  it('raw delivery: the body is the message, at most 10 SQS attributes', () => {
    fc.assert(
      fc.property(sqsEventFromSns({ raw: true }), (event) => {
        expectValidSqsFromSns(event as unknown as { Records: Record<string, unknown>[] });
        for (const record of event.Records) expect(record.body.startsWith('{\n  "Type" : "Notification"')).toBe(false);
      }),
      { numRuns: NUM_RUNS },
    );
  });
  it('bad constraints are TypeErrors', () => {
    expect(() => sqsEventFromSns({ maxRecords: 11 })).toThrow(/^sqsEventFromSns: maxRecords/);
    expect(() => sqsEventFromSns({ fifo: 'yes' as never })).toThrow(/^sqsEventFromSns: fifo/);
  });
});

describe('envelopes unwrap to the original exactly', () => {
  // Strings are published verbatim (see the text property below); every other value as its JSON.
  const anyMessage = fc.oneof(
    jsonPayload().filter((v) => typeof v !== 'string'),
    s3Event(),
    eventBridgeEvent(),
  );
  it('SNS → SQS (raw or not, standard or FIFO topic): unwrapSqsEventFromSns returns the messages', () => {
    fc.assert(
      fc.property(
        fc.array(anyMessage, { minLength: 1, maxLength: 10 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer(),
        (messages, raw, fifo, seed) => {
          // A FIFO topic drops duplicates: publish each value once, with its index as deduplication id.
          const inputs = messages.map((m, i) =>
            fifo ? { Message: m as never, MessageDeduplicationId: `d${i}` } : { Message: m as never },
          );
          const event = makeSqsEventFromSns(inputs, { raw, topic: fifo ? 'chain.fifo' : 'chain', seed });
          expect(unwrapSqsEventFromSns(event, { raw })).toEqual(messages.map((m) => JSON.parse(JSON.stringify(m))));
          if (!raw)
            for (const record of event.Records) expect(parseSnsNotificationBody(record.body).Type).toBe('Notification');
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
  it('SNS → Lambda: unwrapSnsEvent returns the message', () => {
    fc.assert(
      fc.property(anyMessage, (message) => {
        expect(unwrapSnsEvent(makeSnsEvent([{ Message: message as never }]))).toEqual([
          JSON.parse(JSON.stringify(message)),
        ]);
      }),
      { numRuns: NUM_RUNS },
    );
  });
  it('EventBridge → SQS: unwrapSqsEventFromEventBridge returns the events', () => {
    fc.assert(
      fc.property(fc.array(eventBridgeEvent(), { minLength: 1, maxLength: 10 }), (events) => {
        expect(unwrapSqsEventFromEventBridge(makeSqsEventFromEventBridge(events))).toEqual(events);
      }),
      { numRuns: NUM_RUNS },
    );
  });
  it('text messages come back verbatim through the envelope', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, unit: 'grapheme' }), (text) => {
        expect(unwrapSqsEventFromSns(makeSqsEventFromSns([{ Message: text }]), { as: 'text' })).toEqual([text]);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
