import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AwsPartition } from '../../../src/_internals/aws.js';
import {
  jsonStringBytes,
  normaliseSqsMessageAttributes,
  parseSqsQueueArn,
  sqsQueue,
  sqsRecordJsonBytes,
  toSqsRecord,
  type SqsEmptyMd5OfMessageAttributes,
  type SqsRecord,
  type SqsRecordParts,
} from '../../../src/events/sqs/index.js';
import { sqsEvent, sqsRecord } from '../../../arbitraries/index.js';
import { NUM_RUNS } from '../../_helpers/runs.js';

const bytesOf = (value: unknown): number => Buffer.byteLength(JSON.stringify(value));

/** The parts `toSqsRecord` maps to `record` (checked: mapping them back gives the same record). */
function partsOf(record: SqsRecord, emptyWhenAttributes: SqsEmptyMd5OfMessageAttributes): SqsRecordParts {
  const arn = parseSqsQueueArn(record.eventSourceARN);
  if (arn === undefined) throw new Error(`not a queue ARN: ${record.eventSourceARN}`);
  const a = record.attributes;
  const emptyMd5: SqsEmptyMd5OfMessageAttributes =
    record.md5OfMessageAttributes === null
      ? 'null'
      : record.md5OfMessageAttributes === undefined
        ? 'omit'
        : emptyWhenAttributes;
  const parts: SqsRecordParts = {
    queue: sqsQueue(arn.name, arn.region, arn.account, arn.partition as AwsPartition),
    messageId: record.messageId,
    receiptHandle: record.receiptHandle,
    body: record.body,
    messageAttributes: record.messageAttributes,
    sentTimestamp: Number(a.SentTimestamp),
    firstReceiveTimestamp: Number(a.ApproximateFirstReceiveTimestamp),
    receiveCount: Number(a.ApproximateReceiveCount),
    senderId: a.SenderId,
    awsTraceHeader: a.AWSTraceHeader,
    deadLetterQueueSourceArn: a.DeadLetterQueueSourceArn,
    emptyMd5OfMessageAttributes: emptyMd5,
  };
  if (a.SequenceNumber !== undefined)
    parts.fifo = {
      messageGroupId: a.MessageGroupId as string,
      messageDeduplicationId: a.MessageDeduplicationId,
      sequenceNumber: a.SequenceNumber,
    };
  expect(toSqsRecord(parts)).toStrictEqual(record);
  return parts;
}

// Any UTF-16 text: escapes (quotes, backslashes, control characters), multi-byte characters,
// astral pairs and lone surrogates (which JSON.stringify escapes as \udxxx).
const anyText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('"', '\\', '\n', '\u0000', '\u007f', '\u00e9', '\u2028', '\ud83d', '\ude00', '😀'),
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 40,
});

// The mapper takes only valid FIFO ids and trace headers, so their JSON-escape cases are the ones
// those rules allow: every ASCII punctuation mark (quotes and backslashes included).
const fifoId = fc.oneof(fc.stringMatching(/^[!-~]{1,128}$/), fc.constantFrom('"', '\\', '\\"', '"'.repeat(128)));
const traceHeader = fc
  .tuple(
    fc.stringMatching(/^[0-9a-f]{8}$/),
    fc.stringMatching(/^[0-9a-f]{24}$/),
    fc.stringMatching(/^[!-:<-~]{1,40}$/),
    fc.constantFrom('"', '\\', '\\"', '\\u0000'),
  )
  .map(([time, id, custom, hard]) => `Self=1-${time}-${id};Root=1-${time}-${id};Custom=${custom};Hard=${hard}`);

/** Variations the arbitraries don't make: DLQ source ARNs, content-based dedup left to the mapper, odd strings. */
const variation = fc.record({
  deadLetterQueueSourceArn: fc.option(fc.oneof(fc.constant('arn:aws:sqs:us-east-1:123456789012:orders-dlq'), anyText), {
    nil: undefined,
  }),
  traceHeader: fc.option(traceHeader, { nil: undefined, freq: 4 }),
  body: fc.option(anyText, { nil: undefined }),
  group: fc.option(fifoId, { nil: undefined, freq: 4 }),
  contentBasedDedup: fc.boolean(),
  attributeName: fc.option(anyText, { nil: undefined, freq: 4 }),
  // Numbers print with String(): digits, exponents, fractions, signs.
  numbers: fc.option(
    fc.tuple(
      ...Array.from({ length: 3 }, () =>
        fc.oneof(
          fc.maxSafeNat(),
          fc.integer({ min: 1e12 - 5, max: 1e13 + 5 }),
          fc.constantFrom(0, 9, 10, 99, 100, 1e12 - 1, 1e12, 1e13 - 1, 1e13, 1e20, 1e21, 1e22 - 1, -1),
          fc.double(),
        ),
      ),
    ),
    { nil: undefined },
  ),
});

describe('sqsRecordJsonBytes', () => {
  it('equals the JSON bytes of every generated record (FIFO, attributes of all types, hard bodies, trace headers, both empty-md5 forms)', () => {
    fc.assert(
      fc.property(
        sqsRecord(),
        fc.constantFrom<SqsEmptyMd5OfMessageAttributes>('omit', 'null'),
        (record, emptyWhenAttributes) => {
          const parts = partsOf(record, emptyWhenAttributes);
          expect(sqsRecordJsonBytes(parts)).toBe(bytesOf(record));
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('equals the JSON bytes of the mapped record for varied parts (DLQ source ARNs, content-based dedup, any text in every free-text string, every punctuation mark in FIFO ids and trace headers)', () => {
    fc.assert(
      fc.property(
        sqsEvent({ maxRecords: 10 }),
        fc.constantFrom<SqsEmptyMd5OfMessageAttributes>('omit', 'null'),
        variation,
        (event, emptyWhenAttributes, v) => {
          for (const record of event.Records) {
            const parts = partsOf(record, emptyWhenAttributes);
            if (v.deadLetterQueueSourceArn !== undefined) parts.deadLetterQueueSourceArn = v.deadLetterQueueSourceArn;
            if (v.traceHeader !== undefined) parts.awsTraceHeader = v.traceHeader;
            if (v.body !== undefined) parts.body = v.body;
            if (parts.fifo !== undefined) {
              if (v.group !== undefined) parts.fifo.messageGroupId = v.group;
              if (v.contentBasedDedup) parts.fifo.messageDeduplicationId = undefined;
            }
            if (v.attributeName !== undefined) {
              const [first] = Object.values(parts.messageAttributes);
              if (first !== undefined)
                parts.messageAttributes = { ...parts.messageAttributes, [v.attributeName]: first };
            }
            if (v.numbers !== undefined)
              [parts.sentTimestamp, parts.firstReceiveTimestamp, parts.receiveCount] = v.numbers as [
                number,
                number,
                number,
              ];
            expect(sqsRecordJsonBytes(parts)).toBe(bytesOf(toSqsRecord(parts)));
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('every optional field and both empty-md5 forms, alone and together', () => {
    const queues = [
      sqsQueue('orders', 'eu-west-1', '123456789012', 'aws'),
      sqsQueue('orders.fifo', 'cn-north-1', '123456789012', 'aws-cn'),
    ];
    const attributes = normaliseSqsMessageAttributes('t', 'a', {
      s: 'x',
      n: 42,
      b: Uint8Array.of(1, 2, 3),
      'c.d': { dataType: 'String.custom', stringValue: 'é"\\' },
    }).attributes;
    for (const queue of queues) {
      for (const messageAttributes of [{}, attributes]) {
        for (const emptyMd5 of ['omit', 'null'] as const) {
          for (const trace of [
            undefined,
            'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1',
          ]) {
            for (const dlq of [undefined, 'arn:aws:sqs:eu-west-1:123456789012:orders-dlq']) {
              for (const dedup of [undefined, 'd-1']) {
                const parts: SqsRecordParts = {
                  queue,
                  messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
                  receiptHandle: 'AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a',
                  body: 'héllo "world"',
                  messageAttributes,
                  sentTimestamp: 1545082649183,
                  firstReceiveTimestamp: 1545082649185,
                  receiveCount: 12,
                  senderId: 'AIDAIENQZJOLO23YVJ4VO',
                  awsTraceHeader: trace,
                  deadLetterQueueSourceArn: dlq,
                  emptyMd5OfMessageAttributes: emptyMd5,
                  ...(queue.fifo
                    ? {
                        fifo: {
                          messageGroupId: 'g',
                          messageDeduplicationId: dedup,
                          sequenceNumber: '18849496460467696128',
                        },
                      }
                    : {}),
                };
                expect(sqsRecordJsonBytes(parts)).toBe(bytesOf(toSqsRecord(parts)));
              }
            }
          }
        }
      }
    }
  });

  it('attributes not in the event form (non-empty lists, both values) are measured as they are', () => {
    const parts: SqsRecordParts = {
      queue: sqsQueue('q', 'us-east-1', '123456789012', 'aws'),
      messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
      receiptHandle: 'AQEBabc',
      body: 'b',
      messageAttributes: {
        lists: { stringValue: 'x', stringListValues: ['a', 'é'], binaryListValues: ['AQ=='], dataType: 'String' },
        both: { stringValue: 'x', binaryValue: 'AQ==', stringListValues: [], binaryListValues: [], dataType: 'Binary' },
      },
      sentTimestamp: 0,
      firstReceiveTimestamp: 1.5,
      receiveCount: 1e21,
      senderId: '123456789012',
      emptyMd5OfMessageAttributes: 'omit',
    };
    expect(sqsRecordJsonBytes(parts)).toBe(bytesOf(toSqsRecord(parts)));
  });
});

describe('jsonStringBytes', () => {
  it('equals Buffer.byteLength(JSON.stringify(text))', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.string({ unit: 'binary' }), fc.string()), (text) => {
        expect(jsonStringBytes(text)).toBe(bytesOf(text));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
