import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kinesisRecord } from '../../arbitraries/kinesisRecord.js';
import { checkKinesisEvent, checkRecord } from '../events/kinesis/_invariants.js';
import { NUM_RUNS } from '../_helpers/runs.js';

describe('kinesisRecord', () => {
  it('generates records holding every invariant (and passing Powertools as a one-record event)', () => {
    fc.assert(
      fc.property(kinesisRecord(), (record) => {
        checkRecord(record);
        checkKinesisEvent({ Records: [record] });
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('pins parts and data kinds', () => {
    fc.assert(
      fc.property(
        kinesisRecord({ partitionKey: 'pk', data: fc.constant({ a: 1 }), region: 'us-gov-west-1' }),
        (record) => {
          expect(record.kinesis.partitionKey).toBe('pk');
          expect(record.kinesis.data).toBe('eyJhIjoxfQ==');
          expect(record.eventSourceARN.startsWith('arn:aws-us-gov:kinesis:us-gov-west-1:')).toBe(true);
          expect(record.invokeIdentityArn.startsWith('arn:aws-us-gov:iam::')).toBe(true);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('shrinks to records that still hold every invariant', () => {
    const result = fc.check(
      fc.property(kinesisRecord({ data: 'bytes' }), (record) => Buffer.from(record.kinesis.data, 'base64').length < 3),
      { seed: 3, numRuns: NUM_RUNS },
    );
    expect(result.failed).toBe(true);
    checkRecord(result.counterexample![0]);
  });

  it('is the same record for the same seed', () => {
    expect(fc.sample(kinesisRecord(), { seed: 9, numRuns: 5 })).toEqual(
      fc.sample(kinesisRecord(), { seed: 9, numRuns: 5 }),
    );
  });
});
