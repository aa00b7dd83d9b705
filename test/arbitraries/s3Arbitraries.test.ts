import { S3EventNotificationEventBridgeSchema, S3Schema } from '@aws-lambda-powertools/parser/schemas';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { s3BucketName } from '../../arbitraries/s3BucketName.js';
import { s3Event } from '../../arbitraries/s3Event.js';
import { s3EventBridgeEvent } from '../../arbitraries/s3EventBridgeEvent.js';
import { s3ObjectKey } from '../../arbitraries/s3ObjectKey.js';
import { s3Record } from '../../arbitraries/s3Record.js';
import { s3BucketNameProblem } from '../../src/events/s3/validate.js';
import { NUM_RUNS } from '../_helpers/runs.js';
import {
  assertS3EventBridgeInvariants,
  assertS3EventInvariants,
  assertS3RecordInvariants,
} from '../events/s3/_invariants.js';

const IPV6_PATH = /sourceIPAddress|source-ip-address/;

/** Powertools rejects IPv6 source addresses (schema stricter than AWS: it allows IPv4 or s3.amazonaws.com only): the one named exception. */
function onlyIpv6Issues(issues: readonly { path: readonly PropertyKey[] }[], ip: string): boolean {
  return ip.includes(':') && issues.length === 1 && IPV6_PATH.test(String(issues[0]!.path.at(-1)));
}

describe('s3BucketName', () => {
  it('generates valid names', () => {
    fc.assert(
      fc.property(s3BucketName(), (name) => {
        expect(s3BucketNameProblem(name)).toBeUndefined();
      }),
      { numRuns: NUM_RUNS },
    );
  });
  it('dots: false never has dots', () => {
    fc.assert(
      fc.property(s3BucketName({ dots: false }), (name) => {
        expect(name).not.toContain('.');
        expect(s3BucketNameProblem(name)).toBeUndefined();
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('s3ObjectKey', () => {
  it('keys are 1 to 1,024 UTF-8 bytes of well-formed Unicode', () => {
    fc.assert(
      fc.property(s3ObjectKey(), (key) => {
        const bytes = Buffer.byteLength(key, 'utf8');
        expect(bytes >= 1 && bytes <= 1024).toBe(true);
        expect(Buffer.from(key, 'utf8').toString('utf8')).toBe(key);
      }),
      { numRuns: NUM_RUNS },
    );
  });
  it('produces the hard cases on purpose: spaces, +, %, unicode, emoji and 1,024-byte keys', () => {
    const keys = fc.sample(s3ObjectKey(), { numRuns: 2000, seed: 1 });
    expect(keys.some((k) => k.includes(' '))).toBe(true);
    expect(keys.some((k) => k.includes('+'))).toBe(true);
    expect(keys.some((k) => k.includes('%'))).toBe(true);
    expect(keys.some((k) => k.includes('/'))).toBe(true);
    expect(keys.some((k) => /\p{Extended_Pictographic}/u.test(k))).toBe(true);
    expect(keys.some((k) => /[^\x00-\x7f]/.test(k))).toBe(true);
    expect(keys.some((k) => Buffer.byteLength(k, 'utf8') === 1024)).toBe(true);
  });
  it('rejects nonsense constraints with a TypeError naming the arbitrary', () => {
    expect(() => s3ObjectKey({ maxBytes: 2000 })).toThrow(/^s3ObjectKey: maxBytes must be an integer from 4 to 1024/);
  });
});

describe('s3Record / s3Event', () => {
  it('every record keeps every invariant', () => {
    fc.assert(
      fc.property(s3Record(), (record) => {
        assertS3RecordInvariants(record);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('every event passes Powertools S3Schema, except IPv6 sources', () => {
    fc.assert(
      fc.property(s3Event(), (event) => {
        assertS3EventInvariants(event);
        const result = S3Schema.safeParse(event);
        if (!result.success)
          expect(onlyIpv6Issues(result.error.issues, event.Records[0]!.requestParameters.sourceIPAddress)).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('pins parts to values', () => {
    fc.assert(
      fc.property(s3Event({ bucket: 'photos', eventNames: ['ObjectCreated:Put'], ipv6: false }), (event) => {
        const record = event.Records[0]!;
        expect(record.s3.bucket.name).toBe('photos');
        expect(record.eventName).toBe('ObjectCreated:Put');
        expect(S3Schema.safeParse(event).success).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('pins parts to arbitraries', () => {
    fc.assert(
      fc.property(s3Record({ key: s3ObjectKey({ maxBytes: 8 }), region: fc.constant('us-gov-west-1') }), (record) => {
        expect(record.s3.bucket.arn.startsWith('arn:aws-us-gov:s3:::')).toBe(true);
        assertS3RecordInvariants(record);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('every value on the shrink path keeps every invariant', () => {
    for (const arbitrary of [s3Event(), s3EventBridgeEvent()] as fc.Arbitrary<any>[]) {
      const violations: unknown[] = [];
      let visited = 0;
      // A property that fails on purpose (short keys), so fast-check shrinks; every value it tries is checked.
      const details = fc.check(
        fc.property(arbitrary, (event) => {
          visited += 1;
          try {
            if ('Records' in event) assertS3EventInvariants(event);
            else assertS3EventBridgeInvariants(event);
          } catch (error) {
            violations.push(error);
          }
          const key: string = 'Records' in event ? event.Records[0].s3.object.key : event.detail.object.key;
          return key.length < 3;
        }),
        { seed: 7, numRuns: 1000 },
      );
      expect(details.failed).toBe(true);
      expect(details.numShrinks).toBeGreaterThan(0);
      expect(visited).toBeGreaterThan(details.numRuns);
      expect(violations).toEqual([]);
    }
  });

  it('rejects nonsense constraints with TypeErrors naming the arbitrary', () => {
    expect(() => s3Event({ eventNames: [] })).toThrow(/^s3Event: eventNames must be a non-empty array/);
    expect(() => s3Record({ eventNames: ['s3:ObjectCreated:Put' as 'ObjectCreated:Put'] })).toThrow(
      /^s3Record: eventNames holds "s3:ObjectCreated:Put", which is not an S3 event name; valid names:/,
    );
    expect(() => s3Event({ bucket: 'Bad_Bucket' })).toThrow(
      /^s3Event: bucket "Bad_Bucket" breaks S3's bucket naming rules/,
    );
    expect(() => s3Event({ region: 'moon' })).toThrow(TypeError);
  });
});

describe('s3EventBridgeEvent', () => {
  it('every event keeps every invariant and passes the Powertools schema, except IPv6 sources', () => {
    fc.assert(
      fc.property(s3EventBridgeEvent(), (event) => {
        assertS3EventBridgeInvariants(event);
        const result = S3EventNotificationEventBridgeSchema.safeParse(event);
        if (!result.success)
          expect(
            onlyIpv6Issues(
              result.error.issues,
              String((event.detail as { 'source-ip-address'?: string })['source-ip-address']),
            ),
          ).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('pins detail types and parts', () => {
    fc.assert(
      fc.property(s3EventBridgeEvent({ detailTypes: ['Object Deleted'], bucket: 'photos', ipv6: false }), (event) => {
        expect(event['detail-type']).toBe('Object Deleted');
        expect(event.resources).toEqual([`arn:${event.resources[0]!.split(':')[1]}:s3:::photos`]);
        expect(S3EventNotificationEventBridgeSchema.safeParse(event).success).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('rejects unknown detail types, listing the valid ones', () => {
    expect(() => s3EventBridgeEvent({ detailTypes: ['Object Put' as 'Object Created'] })).toThrow(
      /^s3EventBridgeEvent: detailTypes holds "Object Put", .*valid detail types: Object Created/,
    );
  });
});
