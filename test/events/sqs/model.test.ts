import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventInputError } from '../../../src/_internals/errors.js';
import { createRandom } from '../../../src/_internals/random.js';
import {
  md5OfMessageAttributes,
  normaliseSqsMessageAttributes,
  parseSqsQueueUrl,
  resolveSqsQueue,
  sqsNumberProblem,
  sqsQueueNameProblem,
  sqsReceiptHandle,
  sqsSequenceNumber,
  sqsQueueUrl,
  sqsQueue,
  toSqsEvent,
  toSqsRecord,
  withSqsMd5OfMessageAttributes,
  type SqsEmptyMd5OfMessageAttributes,
  type SqsRecordParts,
} from '../../../src/events/sqs/index.js';
import { NUM_RUNS } from '../../_helpers/runs.js';
import { defaultAttributes } from '../../../arbitraries/_internals/sqs.js';
import { expectValidEvent, expectValidRecord, referenceMd5OfAttributes } from './_invariants.js';

describe('md5OfMessageAttributes', () => {
  it('reproduces the real value of a recorded Lambda event', () => {
    // Our own copy of the attributes of LocalStack's AWS recording (test_message_body_and_attributes_passed_correctly).
    const { attributes } = normaliseSqsMessageAttributes('t', 'a', {
      WeeksOn: { dataType: 'Number', stringValue: '6' },
      Author: { dataType: 'String', stringValue: 'John Grisham' },
      Title: { dataType: 'String', stringValue: 'The Whistler' },
    });
    expect(md5OfMessageAttributes(attributes)).toBe('d25a6aea97eb8f585bfa92d314504a92');
  });

  it('is null exactly when there are no attributes', () => {
    expect(md5OfMessageAttributes({})).toBeNull();
  });

  // @aws-sdk/client-sqs checks MD5OfBody but not MD5OfMessageAttributes (middleware-sdk-sqs has no
  // attribute check), so the cross-check hashes with the SDK's own pure-JS MD5 (Md5Js) over a buffer
  // built independently.
  it('equals a reference built on the AWS SDK MD5', async () => {
    await fc.assert(
      fc.asyncProperty(defaultAttributes(), async (input) => {
        const { attributes } = normaliseSqsMessageAttributes('t', 'a', input);
        expect(md5OfMessageAttributes(attributes)).toBe(await referenceMd5OfAttributes(attributes));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('is independent of attribute order and sensitive to every part', () => {
    const a = normaliseSqsMessageAttributes('t', 'a', { x: '1', y: 2 }).attributes;
    const b = normaliseSqsMessageAttributes('t', 'a', { y: 2, x: '1' }).attributes;
    expect(md5OfMessageAttributes(a)).toBe(md5OfMessageAttributes(b));
    const c = normaliseSqsMessageAttributes('t', 'a', { x: '1', y: '2' }).attributes; // type String, not Number
    expect(md5OfMessageAttributes(c)).not.toBe(md5OfMessageAttributes(a));
  });
});

describe('toSqsRecord: the form of an empty md5OfMessageAttributes', () => {
  const parts = <E extends SqsEmptyMd5OfMessageAttributes>(
    emptyMd5OfMessageAttributes: E,
    attributes = {},
  ): SqsRecordParts<E> => ({
    queue: sqsQueue('q', 'us-east-1', '123456789012', 'aws'),
    messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
    receiptHandle: sqsReceiptHandle(createRandom(1, 'h')),
    body: 'hello',
    messageAttributes: normaliseSqsMessageAttributes('t', 'a', attributes).attributes,
    sentTimestamp: 1_700_000_000_000,
    firstReceiveTimestamp: 1_700_000_000_005,
    receiveCount: 1,
    senderId: 'AIDAIENQZJOLO23YVJ4VO',
    emptyMd5OfMessageAttributes,
  });
  const ORDER = [
    'messageId',
    'receiptHandle',
    'body',
    'attributes',
    'messageAttributes',
    'md5OfMessageAttributes',
    'md5OfBody',
    'eventSource',
    'eventSourceARN',
    'awsRegion',
  ];

  it("'omit' leaves the field out, 'null' sets null in its real place; nothing else differs", async () => {
    const omitted = toSqsRecord(parts('omit'));
    const withNull = toSqsRecord(parts('null'));
    expect(omitted).not.toHaveProperty('md5OfMessageAttributes');
    expect(Object.hasOwn(withNull, 'md5OfMessageAttributes')).toBe(true);
    expect(withNull.md5OfMessageAttributes).toBeNull();
    expect(Object.keys(withNull)).toEqual(ORDER);
    expect(Object.keys(omitted)).toEqual(ORDER.filter((k) => k !== 'md5OfMessageAttributes'));
    expect(withNull).toEqual({ ...omitted, md5OfMessageAttributes: null });
    await expectValidRecord(omitted, 'omit');
    await expectValidRecord(withNull, 'null');
    await expectValidEvent(toSqsEvent([omitted]), 'omit');
  });

  it('records with attributes carry the MD5 in both forms', async () => {
    for (const form of ['omit', 'null'] as const) {
      const record = toSqsRecord(parts(form, { WeeksOn: 6, Author: 'John Grisham', Title: 'The Whistler' }));
      expect(record.md5OfMessageAttributes).toBe('d25a6aea97eb8f585bfa92d314504a92');
      expect(Object.keys(record)).toEqual(ORDER);
      await expectValidRecord(record, form);
    }
  });

  it('a missing or unknown form is a TypeError, never a silent default', () => {
    expect(() =>
      toSqsRecord({ ...parts('omit'), emptyMd5OfMessageAttributes: undefined } as unknown as SqsRecordParts),
    ).toThrow(/^toSqsRecord: parts\.emptyMd5OfMessageAttributes must be 'omit' or 'null', got undefined$/);
    expect(() =>
      toSqsRecord({ ...parts('omit'), emptyMd5OfMessageAttributes: 'absent' } as unknown as SqsRecordParts),
    ).toThrow(/got 'absent'$/);
  });

  it('withSqsMd5OfMessageAttributes recomputes the field in the same form and place', () => {
    const base = toSqsRecord(parts('omit'));
    const added = withSqsMd5OfMessageAttributes(
      { ...base, messageAttributes: normaliseSqsMessageAttributes('t', 'a', { k: 'v' }).attributes },
      'omit',
    );
    expect(added.md5OfMessageAttributes).toBe(md5OfMessageAttributes(added.messageAttributes));
    expect(Object.keys(added)).toEqual(ORDER);
    const cleared = toSqsRecord(parts('null', { k: 'v' }));
    expect(withSqsMd5OfMessageAttributes({ ...cleared, messageAttributes: {} }, 'omit')).toEqual(base);
    expect(Object.keys(withSqsMd5OfMessageAttributes({ ...cleared, messageAttributes: {} }, 'omit'))).toEqual(
      Object.keys(base),
    );
    const nulled = withSqsMd5OfMessageAttributes({ ...cleared, messageAttributes: {} }, 'null');
    expect(nulled.md5OfMessageAttributes).toBeNull();
    expect(Object.keys(nulled)).toEqual(ORDER);
  });
});

describe('ids', () => {
  it('SequenceNumber follows the layout of two real FIFO records', () => {
    // AWS docs FIFO sample and Powertools' SNS→SQS FIFO capture.
    expect(sqsSequenceNumber(1573251510774, 2)).toBe('18849496460467696128');
    expect(sqsSequenceNumber(1665754525442, 1)).toBe('18873177232222703872');
    expect(() => sqsSequenceNumber(1, 1000)).toThrow(RangeError);
  });

  it('receipt handles look like real ones and differ', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 200 }), (seed, n) => {
        const random = createRandom(seed, 'h');
        const handles = Array.from({ length: n }, () => sqsReceiptHandle(random));
        for (const h of handles) {
          expect(h.startsWith('AQEB')).toBe(true);
          expect(h.length).toBeGreaterThanOrEqual(284);
          expect(h.length).toBeLessThanOrEqual(432);
          expect(Buffer.from(h, 'base64').toString('base64')).toBe(h); // canonical base64
        }
        expect(new Set(handles).size).toBe(n);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('validation', () => {
  it.each([
    ['', 'must not be empty'],
    ['a'.repeat(81), '1–80'],
    ['my.queue', "a '.' is allowed only"],
    ['.fifo', 'at least one character'],
    ['bad name.fifo', 'before the ".fifo"'],
  ])('queue name %j is rejected', (name, rule) => {
    expect(sqsQueueNameProblem(name)).toContain(rule);
  });
  it.each(['a', 'a'.repeat(80), 'a'.repeat(75) + '.fifo', 'My_Queue-1'])('queue name %j is accepted', (name) => {
    expect(sqsQueueNameProblem(name)).toBeUndefined();
  });
  it.each([
    ['abc', 'not a number'],
    ['1'.repeat(39), '38'],
    ['1e127', 'range'],
    ['1e-129', 'range'],
    ['', 'not a number'],
    ['.', 'not a number'],
  ])('Number %j is rejected', (value, rule) => {
    expect(sqsNumberProblem(value)).toContain(rule);
  });
  it.each(['0', '-1.5', '6.02e23', '1'.repeat(38), '1'.repeat(38) + '000', '0.000', '+7'])(
    'Number %j is accepted',
    (value) => {
      expect(sqsNumberProblem(value)).toBeUndefined();
    },
  );
  it('queue URLs round-trip and ARNs must agree with options', () => {
    expect(parseSqsQueueUrl(sqsQueueUrl('eu-west-1', '111122223333', 'q.fifo'))).toEqual({
      region: 'eu-west-1',
      account: '111122223333',
      name: 'q.fifo',
    });
    expect(sqsQueueUrl('cn-north-1', '111122223333', 'q')).toBe(
      'https://sqs.cn-north-1.amazonaws.com.cn/111122223333/q',
    );
    const context = { defaultRegion: 'us-east-1', defaultAccount: '123456789012' };
    expect(resolveSqsQueue('f', 'queue', 'arn:aws:sqs:eu-west-1:111122223333:q', context)).toMatchObject({
      region: 'eu-west-1',
      account: '111122223333',
      fifo: false,
    });
    expect(() =>
      resolveSqsQueue('f', 'queue', 'arn:aws:sqs:eu-west-1:111122223333:q', { ...context, region: 'us-west-2' }),
    ).toThrow(/eu-west-1.*us-west-2.*agree/);
    expect(() => resolveSqsQueue('f', 'queue', 'arn:aws:sns:eu-west-1:111122223333:q', context)).toThrow(
      EventInputError,
    );
  });
});

describe('attribute names', () => {
  it('letters of any script are allowed, and a name counts in UTF-8 bytes', async () => {
    // SQS accepts "attr.1øßä" (LocalStack's SQS snapshot tests, validated against AWS).
    const { makeSqsEvent } = await import('../../../src/index.js');
    const { normaliseSqsMessageAttributes, sqsAttributeNameProblem } = await import('../../../src/events/sqs/index.js');
    expect(sqsAttributeNameProblem('attr.1øßä')).toBeUndefined();
    expect(sqsAttributeNameProblem('名前')).toBeUndefined();
    expect(sqsAttributeNameProblem('a b')).toMatch(/letters, digits/);
    expect(sqsAttributeNameProblem('a/b')).toMatch(/letters, digits/);
    const ascii = normaliseSqsMessageAttributes('test', 'attributes', { abcd: 'x' });
    const latin = normaliseSqsMessageAttributes('test', 'attributes', { øßä: 'x' }); // 3 characters, 6 bytes
    expect(latin.bytes - ascii.bytes).toBe(2);
    const record = makeSqsEvent([{ body: 'b', messageAttributes: { 'attr.1øßä': 'v' } }]).Records[0]!;
    expect(record.messageAttributes['attr.1øßä']?.stringValue).toBe('v');
    expect(record.md5OfMessageAttributes).toMatch(/^[0-9a-f]{32}$/);
  });
});
