import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventInputError } from '../../../src/_internals/errors.js';
import {
  assertSqsFifoId,
  assertSqsTraceHeader,
  sqsFifoIdProblem,
  sqsQueue,
  sqsSequenceNumber,
  sqsSequenceNumberProblem,
  sqsTraceHeaderProblem,
  toSqsRecord,
  type SqsFifoParts,
  type SqsRecordParts,
} from '../../../src/events/sqs/index.js';
import { makeSqsEvent, makeSqsRecord } from '../../../fixtures/sqs.js';
import { sqsEvent, sqsEventFromSns, sqsRecord } from '../../../arbitraries/index.js';
import { NUM_RUNS } from '../../_helpers/runs.js';
import { expectTraceHeader } from './_invariants.js';

// SendMessage: MessageGroupId and MessageDeduplicationId are 1–128 characters, alphanumeric or
// punctuation (!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~).
// https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html
const PUNCTUATION = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'];
const ALPHANUMERIC = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'];
// One step outside the rule each: space and DEL border the printable ASCII range; the others are
// characters a careless check lets through (control, Latin-1, BMP and astral letters).
const OUTSIDE = [' ', '\u007f', '\t', '\n', '\u0000', 'é', '\u00a0', 'Ω', '日', '😀'];

describe('FIFO ids (MessageGroupId, MessageDeduplicationId)', () => {
  it('accept 1 and 128 characters, refuse 0 and 129', () => {
    expect(sqsFifoIdProblem('a')).toBeUndefined();
    expect(sqsFifoIdProblem('a'.repeat(128))).toBeUndefined();
    expect(sqsFifoIdProblem('~'.repeat(128))).toBeUndefined();
    expect(sqsFifoIdProblem('')).toMatch(/1–128 characters/);
    expect(sqsFifoIdProblem('a'.repeat(129))).toMatch(/1–128 characters/);
    expect(sqsFifoIdProblem('!'.repeat(129))).toMatch(/1–128 characters/);
  });

  it('accept every alphanumeric character and every punctuation mark SQS lists, alone and together', () => {
    expect(PUNCTUATION).toHaveLength(32);
    for (const c of [...ALPHANUMERIC, ...PUNCTUATION]) expect(sqsFifoIdProblem(c), c).toBeUndefined();
    expect(sqsFifoIdProblem(PUNCTUATION.join(''))).toBeUndefined();
    expect(sqsFifoIdProblem(ALPHANUMERIC.join(''))).toBeUndefined();
  });

  it('refuse each character just outside the rule, alone or inside a valid id', () => {
    for (const c of OUTSIDE) {
      expect(sqsFifoIdProblem(c), JSON.stringify(c)).toMatch(/breaks SQS's rule for FIFO ids/);
      expect(sqsFifoIdProblem(`group${c}1`), JSON.stringify(c)).toMatch(/breaks SQS's rule for FIFO ids/);
    }
  });

  it('refuse what is not a string, naming the value', () => {
    for (const value of [undefined, null, 1, ['a'], { id: 'a' }])
      expect(sqsFifoIdProblem(value)).toMatch(/^must be a string, got /);
  });

  it('assertSqsFifoId throws an EventInputError naming the API, the argument and the rule', () => {
    expect(assertSqsFifoId('api', 'arg', 'g-1')).toBe('g-1');
    const error = (() => {
      try {
        assertSqsFifoId('api', 'options.messageGroupId', 'a b');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(EventInputError);
    expect((error as EventInputError).api).toBe('api');
    expect((error as EventInputError).argument).toBe('options.messageGroupId');
    expect((error as Error).message).toBe(
      `api: options.messageGroupId "a b" breaks SQS's rule for FIFO ids: 1–128 characters of a–z, A–Z, 0–9 and ASCII punctuation (no spaces)`,
    );
  });

  it('the factories take both boundaries and refuse one past each, for both ids', () => {
    for (const key of ['MessageGroupId', 'MessageDeduplicationId'] as const) {
      for (const id of ['x', 'x'.repeat(128), PUNCTUATION.join('')]) {
        const event = makeSqsEvent(['body'], { queue: 'q.fifo', attributes: { [key]: id } });
        expect(event.Records[0]!.attributes[key]).toBe(id);
      }
      for (const id of ['', 'x'.repeat(129), 'a b', 'é']) {
        expect(() => makeSqsEvent([{ body: 'b', attributes: { [key]: id } }], { queue: 'q.fifo' })).toThrow(
          new RegExp(`^makeSqsEvent: messages\\[0\\]\\.attributes\\.${key} .* breaks SQS's rule for FIFO ids`),
        );
      }
    }
  });

  it('the factories refuse FIFO ids on a standard queue, whatever their value', () => {
    for (const key of ['MessageGroupId', 'MessageDeduplicationId'] as const) {
      expect(() => makeSqsRecord({ body: 'b', attributes: { [key]: 'valid-id' } }, { queue: 'standard' })).toThrow(
        new RegExp(`^makeSqsRecord: message\\.attributes\\.${key} is set but queue "standard" is a standard queue`),
      );
      expect(() => makeSqsRecord('b', { queue: 'standard', attributes: { [key]: 'valid-id' } })).toThrow(
        new RegExp(`^makeSqsRecord: options\\.attributes\\.${key} is set but queue "standard" is a standard queue`),
      );
    }
  });
});

describe('SequenceNumber', () => {
  it('accepts the decimal of any 128-bit number, as the kit draws it and up to 2^128 − 1', () => {
    expect(sqsSequenceNumberProblem('18849496460467696128')).toBeUndefined(); // the AWS docs' FIFO sample
    expect(sqsSequenceNumberProblem(sqsSequenceNumber(1573251510774, 2))).toBeUndefined();
    expect(sqsSequenceNumberProblem('1')).toBeUndefined();
    expect(sqsSequenceNumberProblem('9')).toBeUndefined();
    expect(sqsSequenceNumberProblem((2n ** 128n - 1n).toString())).toBeUndefined();
    expect(sqsSequenceNumberProblem('9'.repeat(38))).toBeUndefined();
  });

  it('refuses anything else: empty, zero, leading zeros, signs, non-digits, more than 128 bits', () => {
    for (const value of [
      '',
      '0',
      '01',
      '018849496460467696128',
      '+1',
      '-1',
      '1e20',
      '1.5',
      ' 1',
      '1 ',
      'abc',
      '１', // a full-width digit
      (2n ** 128n).toString(),
      '9'.repeat(39),
      '1'.repeat(40),
      18849496460467696128,
      undefined,
    ]) {
      expect(sqsSequenceNumberProblem(value), String(value)).toMatch(/is not an SQS SequenceNumber/);
    }
  });
});

// The tracing header's grammar and examples, from AWS's pages:
// https://docs.aws.amazon.com/xray/latest/devguide/xray-concepts.html#xray-concepts-tracingheader
// https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-request-tracing.html
const ROOT = 'Root=1-5759e988-bd862e3fe1be46a994272793';
const VALID_HEADERS = [
  ROOT,
  `${ROOT};Sampled=1`,
  `${ROOT};Parent=53995c3f42cd8ad8;Sampled=1`,
  `${ROOT};Parent=53995c3f42cd8ad8;Sampled=0`,
  // A downstream service asks the caller to decide.
  `${ROOT};Sampled=?`,
  // X-Ray's lineage field, after the others and before them.
  `${ROOT};Parent=53995c3f42cd8ad8;Sampled=1;Lineage=a87bd80c:1|68fd508a:5|c512fbe3:2`,
  `${ROOT};Lineage=1:abcdef12:0;Parent=53995c3f42cd8ad8;Sampled=0`,
  // A load balancer puts its Self field first (its page's example, 23 hex digits and all) and keeps
  // an application's own fields.
  'Self=1-67891233-12456789abcdef012345678;Root=1-67891233-abcdef012345678912345678',
  'Self=1-67891233-12456789abcdef012345678;Root=1-67891233-abcdef012345678912345678;CalledFrom=app',
  // An application's field may hold '=' and any other printable mark but ';'.
  `${ROOT};Note=a=b,c:"d"\\e`,
  // Fields in any order; hexadecimal in either case.
  `Parent=53995c3f42cd8ad8;Sampled=1;${ROOT}`,
  'Root=1-5759E988-BD862E3FE1BE46A994272793;Parent=53995C3F42CD8AD8',
  // Recorded against AWS (LocalStack's validated SQS tests).
  'Root=1-3152b799-8954dae64eda91bc9a23a7e8;Parent=7fa8c0f79203be72;Sampled=1',
  // SQS stored this one unchanged (floci-io/floci#909, checked against eu-west-1): it does not count the digits.
  'Root=1-abc-def',
  // One digit short or long in each part, and a non-hex letter: the same rule lets them through.
  'Root=1-5759e98-bd862e3fe1be46a994272793',
  'Root=1-5759e988-bd862e3fe1be46a9942727930',
  'Root=1-5759e98g-bd862e3fe1be46a994272793',
];

/** Malformed headers, each with the reason the rule gives. */
const INVALID_HEADERS: [string, RegExp][] = [
  ['', /is not a Key=value field/],
  ['garbage', /is not a Key=value field/],
  // A bare trace id, a UUID and a URL-encoded header: what SDK users sent by mistake.
  ['1-5759e988-bd862e3fe1be46a994272793', /is not a Key=value field/],
  ['dae04c7a-6a43-4d8c-9a86-6caac024711e', /is not a Key=value field/],
  ['Root%3D1-62e56f5b-2105bde31e64e9a03fa9407c%3BParent%3D7aec6ed908b9ae33%3BSampled%3D0', /is not a Key=value field/],
  // SQS answered InvalidParameterValue for this X-Amzn-Trace-Id (aws/aws-xray-sdk-python#213).
  ['Root=dummy;Parent=53995c3f42cd8ad8;Sampled=0', /Root must be a trace id/],
  // Another version, a missing or empty part, a part that is not alphanumeric.
  ['Root=2-5759e988-bd862e3fe1be46a994272793', /Root must be a trace id/],
  ['Root=15759e988bd862e3fe1be46a994272793', /Root must be a trace id/],
  ['Root=1-5759e988', /Root must be a trace id/],
  ['Root=1--bd862e3fe1be46a994272793', /Root must be a trace id/],
  ['Root=1-5759e988-', /Root must be a trace id/],
  ['Root=1-5759e988-bd862e3f-e1be46a994272793', /Root must be a trace id/],
  ['Root=1-5759_988-bd862e3fe1be46a994272793', /Root must be a trace id/],
  ['Root= 1-5759e988-bd862e3fe1be46a994272793', /is not a Key=value field/],
  [`${ROOT};Parent=53995c3f42cd8ad`, /Parent must be a segment id of 16 hex digits/],
  [`${ROOT};Parent=53995c3f42cd8ad80`, /Parent must be a segment id of 16 hex digits/],
  [`${ROOT};Parent=53995c3f42cd8adg`, /Parent must be a segment id of 16 hex digits/],
  [`${ROOT};Sampled=2`, /Sampled must be 0, 1 or \?/],
  [`${ROOT};Sampled=10`, /Sampled must be 0, 1 or \?/],
  [`${ROOT};Sampled=true`, /Sampled must be 0, 1 or \?/],
  [`${ROOT};Sampled=`, /is not a Key=value field/],
  [`${ROOT};`, /is not a Key=value field/],
  [`;${ROOT}`, /is not a Key=value field/],
  [`${ROOT}; Sampled=1`, /is not a Key=value field/],
  [`${ROOT};;Sampled=1`, /is not a Key=value field/],
  [`${ROOT};=1`, /is not a Key=value field/],
  [`${ROOT};Sampled`, /is not a Key=value field/],
  [`${ROOT};Note=é`, /is not a Key=value field/],
  [`${ROOT};Note=a\tb`, /is not a Key=value field/],
  [`${ROOT};${ROOT}`, /it has two Root fields/],
  [`${ROOT};Sampled=1;Sampled=0`, /it has two Sampled fields/],
  ['Parent=53995c3f42cd8ad8;Sampled=1', /it has no Root field/],
  ['Self=1-67891233-abcdef012345678912345678', /it has no Root field/],
];

describe('AWSTraceHeader', () => {
  it("accepts the X-Ray header in every documented form: any field order, Self, Lineage and an application's fields", () => {
    for (const header of VALID_HEADERS) {
      expect(sqsTraceHeaderProblem(header), header).toBeUndefined();
      expectTraceHeader(header);
    }
  });

  it('refuses a malformed header, saying which part breaks which rule', () => {
    for (const [header, reason] of INVALID_HEADERS) {
      const problem = sqsTraceHeaderProblem(header);
      expect(problem, header).toMatch(reason);
      expect(problem).toMatch(/is not an X-Ray trace header/);
      expect(() => expectTraceHeader(header), header).toThrow();
    }
    for (const value of [undefined, null, 1, { Root: '1-5759e988-bd862e3fe1be46a994272793' }])
      expect(sqsTraceHeaderProblem(value)).toMatch(/^must be a string, got /);
  });

  it('assertSqsTraceHeader returns a valid header and throws an EventInputError naming the argument otherwise', () => {
    expect(assertSqsTraceHeader('api', 'arg', VALID_HEADERS[2])).toBe(VALID_HEADERS[2]);
    expect(() => assertSqsTraceHeader('api', 'options.attributes.AWSTraceHeader', 'Root=dummy')).toThrow(
      new EventInputError(
        'api',
        'options.attributes.AWSTraceHeader',
        '"Root=dummy" is not an X-Ray trace header: Root must be a trace id, 1-<time>-<id> (X-Ray writes 1-<8 hex digits>-<24 hex digits>)',
      ),
    );
  });

  it('the factories deliver every valid form verbatim and refuse a malformed one with an EventInputError', () => {
    for (const header of VALID_HEADERS) {
      expect(
        makeSqsEvent(['x'], { attributes: { AWSTraceHeader: header } }).Records[0]!.attributes.AWSTraceHeader,
      ).toBe(header);
    }
    for (const [header, reason] of INVALID_HEADERS) {
      let error: unknown;
      try {
        makeSqsEvent([{ body: 'x', attributes: { AWSTraceHeader: header } }]);
      } catch (caught) {
        error = caught;
      }
      expect(error, header).toBeInstanceOf(EventInputError);
      expect((error as EventInputError).argument).toBe('messages[0].attributes.AWSTraceHeader');
      expect((error as Error).message).toMatch(reason);
    }
  });

  it("an error names where the value was given: options.attributes, or the message's own attributes", () => {
    const argumentOf = (call: () => unknown): string => {
      try {
        call();
      } catch (error) {
        return (error as EventInputError).argument;
      }
      throw new Error('no error');
    };
    const bad = { AWSTraceHeader: 'Root=dummy' };
    expect(argumentOf(() => makeSqsEvent(['x', 'y'], { attributes: bad }))).toBe('options.attributes.AWSTraceHeader');
    expect(argumentOf(() => makeSqsRecord('x', { attributes: bad }))).toBe('options.attributes.AWSTraceHeader');
    expect(argumentOf(() => makeSqsEvent(['x', { body: 'y', attributes: bad }]))).toBe(
      'messages[1].attributes.AWSTraceHeader',
    );
    // A message's own value replaces the options' one, so the error is the message's.
    expect(
      argumentOf(() =>
        makeSqsEvent([{ body: 'y', attributes: bad }], { attributes: { AWSTraceHeader: VALID_HEADERS[0] } }),
      ),
    ).toBe('messages[0].attributes.AWSTraceHeader');
    expect(
      argumentOf(() =>
        makeSqsEvent([{ body: 'y', attributes: { SenderId: 'AIDAIENQZJOLO23YVJ4VO' } }], {
          queue: 'q.fifo',
          attributes: { MessageGroupId: 'a b' },
        }),
      ),
    ).toBe('options.attributes.MessageGroupId');
    expect(
      argumentOf(() =>
        makeSqsEvent(['x'], { queue: 'q.fifo', attributes: { MessageDeduplicationId: 'x'.repeat(129) } }),
      ),
    ).toBe('options.attributes.MessageDeduplicationId');
    expect(argumentOf(() => makeSqsEvent(['x'], { attributes: { MessageGroupId: 'g' } }))).toBe(
      'options.attributes.MessageGroupId',
    );
  });

  it('overrides still put any string in a record', () => {
    const record = makeSqsRecord('x', { overrides: { attributes: { AWSTraceHeader: 'Root=dummy' } } });
    expect(record.attributes.AWSTraceHeader).toBe('Root=dummy');
  });
});

describe('toSqsRecord refuses FIFO parts and trace headers SQS never delivers', () => {
  const parts = (fifo: SqsFifoParts | undefined, awsTraceHeader?: string): SqsRecordParts => ({
    queue: sqsQueue(fifo === undefined ? 'orders' : 'orders.fifo', 'eu-west-1', '123456789012', 'aws'),
    messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
    receiptHandle: 'AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a',
    body: 'hello',
    messageAttributes: {},
    sentTimestamp: 1573251510774,
    firstReceiveTimestamp: 1573251510780,
    receiveCount: 1,
    senderId: 'AIDAIENQZJOLO23YVJ4VO',
    fifo,
    awsTraceHeader,
    emptyMd5OfMessageAttributes: 'omit',
  });
  const fifo = (change: Partial<SqsFifoParts>): SqsFifoParts => ({
    messageGroupId: 'g',
    messageDeduplicationId: 'd',
    sequenceNumber: '18849496460467696128',
    ...change,
  });
  const refusal = (argument: string, pattern: RegExp) =>
    expect.objectContaining({
      name: 'EventInputError',
      api: 'toSqsRecord',
      argument,
      message: expect.stringMatching(pattern),
    });

  it('maps valid parts at both length boundaries, every punctuation mark and content-based deduplication', () => {
    for (const id of ['a', 'a'.repeat(128), PUNCTUATION.join('')]) {
      const a = toSqsRecord(parts(fifo({ messageGroupId: id, messageDeduplicationId: id }))).attributes;
      expect([a.MessageGroupId, a.MessageDeduplicationId]).toEqual([id, id]);
    }
    const contentBased = toSqsRecord(parts(fifo({ messageDeduplicationId: undefined }))).attributes;
    expect(contentBased.MessageDeduplicationId).toMatch(/^[0-9a-f]{64}$/);
    for (const header of VALID_HEADERS)
      expect(toSqsRecord(parts(undefined, header)).attributes.AWSTraceHeader).toBe(header);
  });

  it("writes FIFO attributes exactly as the AWS docs' FIFO record, and none on a standard queue", () => {
    // The FIFO example event of https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html, key order included.
    const record = toSqsRecord({
      ...parts(fifo({ messageGroupId: '1', messageDeduplicationId: '1' })),
      senderId: 'AIDAIO23YVJENQZJOL4VO',
      sentTimestamp: 1573251510774,
      firstReceiveTimestamp: 1573251510774,
    });
    expect(JSON.stringify(record.attributes)).toBe(
      JSON.stringify({
        ApproximateReceiveCount: '1',
        SentTimestamp: '1573251510774',
        SequenceNumber: '18849496460467696128',
        MessageGroupId: '1',
        SenderId: 'AIDAIO23YVJENQZJOL4VO',
        MessageDeduplicationId: '1',
        ApproximateFirstReceiveTimestamp: '1573251510774',
      }),
    );
    const standard = toSqsRecord(parts(undefined)).attributes;
    for (const key of ['SequenceNumber', 'MessageGroupId', 'MessageDeduplicationId'])
      expect(key in standard).toBe(false);
  });

  it('FIFO parts go with a FIFO queue only, and a FIFO queue needs them', () => {
    const standardWithFifo = { ...parts(fifo({})), queue: sqsQueue('orders', 'eu-west-1', '123456789012', 'aws') };
    expect(() => toSqsRecord(standardWithFifo)).toThrow(
      /queue orders is a standard queue, so parts\.fifo must be absent/,
    );
    const fifoWithout = { ...parts(undefined), queue: sqsQueue('orders.fifo', 'eu-west-1', '123456789012', 'aws') };
    expect(() => toSqsRecord(fifoWithout)).toThrow(/queue orders\.fifo is FIFO, so parts\.fifo .* is required/);
  });

  it('refuses a malformed MessageGroupId or MessageDeduplicationId', () => {
    for (const id of ['', 'a'.repeat(129), ...OUTSIDE]) {
      expect(() => toSqsRecord(parts(fifo({ messageGroupId: id })))).toThrow(
        refusal('parts.fifo.messageGroupId', /breaks SQS's rule for FIFO ids/),
      );
      expect(() => toSqsRecord(parts(fifo({ messageDeduplicationId: id })))).toThrow(
        refusal('parts.fifo.messageDeduplicationId', /breaks SQS's rule for FIFO ids/),
      );
    }
  });

  it('refuses a malformed SequenceNumber', () => {
    for (const sequenceNumber of ['', '0', '01', 'abc', '-1', (2n ** 128n).toString()]) {
      expect(() => toSqsRecord(parts(fifo({ sequenceNumber })))).toThrow(
        refusal('parts.fifo.sequenceNumber', /is not an SQS SequenceNumber/),
      );
    }
  });

  it('refuses a malformed trace header, on standard and FIFO queues', () => {
    for (const [header, reason] of INVALID_HEADERS) {
      expect(() => toSqsRecord(parts(undefined, header)), header).toThrow(refusal('parts.awsTraceHeader', reason));
      expect(() => toSqsRecord(parts(fifo({}), header)), header).toThrow(refusal('parts.awsTraceHeader', reason));
    }
  });
});

describe('the arbitraries draw only ids and headers the rules accept', () => {
  it('sqsRecord, sqsEvent and sqsEventFromSns: FIFO ids, sequence numbers and trace headers', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          sqsRecord().map((r) => [r]),
          sqsEventFromSns({ fifo: true }).map((e) => e.Records),
          sqsEvent({ fifo: true }).map((e) => e.Records),
        ),
        (records) => {
          for (const { attributes: a } of records) {
            if (a.AWSTraceHeader !== undefined) {
              expect(sqsTraceHeaderProblem(a.AWSTraceHeader)).toBeUndefined();
              expectTraceHeader(a.AWSTraceHeader);
            }
            if (a.SequenceNumber === undefined) continue;
            expect(sqsFifoIdProblem(a.MessageGroupId)).toBeUndefined();
            expect(sqsFifoIdProblem(a.MessageDeduplicationId)).toBeUndefined();
            expect(sqsSequenceNumberProblem(a.SequenceNumber)).toBeUndefined();
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});
