import fc from 'fast-check';
import { SnsSchema, SnsRecordSchema } from '@aws-lambda-powertools/parser/schemas';
import { describe, expect, it } from 'vitest';
import { snsEvent, snsRecord } from '../../arbitraries/index.js';
import { verifySnsSignature } from '../../src/index.js';
import { NUM_RUNS } from '../_helpers/runs.js';
import { expectValidSnsRecord } from '../events/sns/_invariants.js';

describe('snsRecord', () => {
  it('every record keeps every invariant, verifies and passes SnsRecordSchema', () => {
    fc.assert(
      fc.property(snsRecord(), (record) => {
        expectValidSnsRecord(record as unknown as Record<string, unknown>);
        expect(verifySnsSignature(record)).toBe(true);
        expect(SnsRecordSchema.safeParse(record).success).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });
  it('pinned parts are honoured', () => {
    fc.assert(
      fc.property(
        snsRecord({
          message: fc.json(),
          region: 'cn-north-1',
          account: '111122223333',
          signatureVersion: '2',
          subject: null,
          messageAttributes: {},
        }),
        (record) => {
          expectValidSnsRecord(record as unknown as Record<string, unknown>);
          expect(record.Sns.TopicArn.startsWith('arn:aws-cn:sns:cn-north-1:111122223333:')).toBe(true);
          expect(record.Sns.SignatureVersion).toBe('2');
          expect(record.Sns.Subject).toBeNull();
          expect(record.Sns.MessageAttributes).toEqual({});
          expect(() => JSON.parse(record.Sns.Message)).not.toThrow();
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
  it('a tampered record fails verification', () => {
    for (const record of fc.sample(snsRecord(), { numRuns: 20, seed: 7 })) {
      expect(verifySnsSignature({ ...record.Sns, Message: `${record.Sns.Message}!` })).toBe(false);
      expect(verifySnsSignature({ ...record.Sns, TopicArn: `${record.Sns.TopicArn}x` })).toBe(false);
    }
  });
  it('hard cases come: S3 notifications with their Subject, attributes of every type, China and GovCloud', () => {
    const records = fc.sample(snsRecord(), { numRuns: 300, seed: 1 });
    expect(records.some((r) => r.Sns.Subject === 'Amazon S3 Notification')).toBe(true);
    const types = new Set(
      records.flatMap((r) =>
        Object.values(r.Sns.MessageAttributes).map((a) =>
          a.Type.split('.')[0] === 'String' && a.Type.startsWith('String.Array')
            ? 'String.Array'
            : a.Type.split('.')[0],
        ),
      ),
    );
    expect(types).toEqual(new Set(['String', 'Number', 'Binary', 'String.Array']));
    expect(records.some((r) => r.Sns.TopicArn.startsWith('arn:aws-cn:'))).toBe(true);
    expect(records.some((r) => r.Sns.TopicArn.startsWith('arn:aws-us-gov:'))).toBe(true);
  });
  it('bad constraints are TypeErrors naming the arbitrary', () => {
    expect(() => snsRecord({ topicName: 'orders.fifo' })).toThrow(
      /^snsRecord: topicName "orders.fifo" is a FIFO topic name; Lambda cannot subscribe to FIFO topics/,
    );
    expect(() => snsRecord({ topicName: 'bad name' })).toThrow(
      /^snsRecord: topicName "bad name" breaks SNS's topic naming rules/,
    );
  });
});

describe('snsEvent', () => {
  it('one record, every invariant, SnsSchema', () => {
    fc.assert(
      fc.property(snsEvent(), (event) => {
        expect(event.Records).toHaveLength(1);
        expectValidSnsRecord(event.Records[0] as unknown as Record<string, unknown>);
        expect(SnsSchema.safeParse(event).success).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });
  it('shrunk values keep every invariant', () => {
    const seen: unknown[] = [];
    const result = fc.check(
      fc.property(snsEvent(), (event) => {
        seen.push(event);
        return event.Records[0]!.Sns.Message.length < 5;
      }),
      { numRuns: 50, seed: 42 },
    );
    expect(result.failed).toBe(true);
    for (const event of seen) expectValidSnsRecord((event as { Records: Record<string, unknown>[] }).Records[0]!);
  });
});
