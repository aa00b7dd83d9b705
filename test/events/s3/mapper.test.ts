import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/_internals/random.js';
import {
  S3_EVENT_NAMES,
  s3CanonicalUserId,
  s3ETag,
  s3EventBridgeEventId,
  s3EventBridgeTypeOf,
  s3HostId,
  s3IamPrincipalId,
  s3RequestId,
  s3Sequencer,
  s3SequencerAt,
  s3SourceIPv4,
  s3VersionId,
  toS3EventBridgeEvent,
  toS3Record,
  type S3EventBridgeParts,
  type S3RecordParts,
} from '../../../src/events/s3/index.js';
import { EventInputError } from '../../../src/_internals/errors.js';
import { assertS3RecordParts, buildS3Record, toS3Event, uploadKindOf } from '../../../src/events/s3/record.js';
import {
  assertS3EventBridgeInvariants,
  assertS3RecordInvariants,
  EB_ID,
  HOST_ID,
  REQUEST_ID,
  SEQUENCER,
  sequencerSecond,
  VERSION_ID,
} from './_invariants.js';

const NOW = new Date('2023-04-12T20:43:38.021Z');
// The record of a union of event names, read field by field.
const anyS3Record = (parts: S3RecordParts): Record<string, any> => toS3Record(parts);

function recordParts(overrides: Partial<S3RecordParts> = {}): S3RecordParts {
  const r = createRandom(1, 'test');
  return {
    eventName: 'ObjectCreated:Put',
    bucket: 'photos',
    key: 'my photos/a+b.jpg',
    size: 104681,
    eTag: s3ETag(r),
    sequencer: s3Sequencer(NOW, r),
    eventTime: NOW,
    region: 'us-east-1',
    account: '123456789012',
    partition: 'aws',
    requestId: s3RequestId(r),
    hostId: s3HostId(r),
    principalId: s3IamPrincipalId(r),
    sourceIPAddress: '93.108.161.96',
    configurationId: 'SNS',
    bucketOwnerId: s3CanonicalUserId(r),
    ...overrides,
  };
}

describe('id generators', () => {
  it('produce the formats S3 uses', () => {
    const r = createRandom('ids', 'test');
    for (let i = 0; i < 200; i++) {
      expect(s3RequestId(r)).toMatch(REQUEST_ID);
      const host = s3HostId(r);
      expect(host).toMatch(HOST_ID);
      expect([64, 76, 96]).toContain(host.length);
      expect(s3VersionId(r)).toMatch(VERSION_ID);
      expect(s3ETag(r)).toMatch(/^[0-9a-f]{32}$/);
      expect(s3EventBridgeEventId(r)).toMatch(EB_ID);
      expect(s3CanonicalUserId(r)).toMatch(/^A[0-9A-Z]{13}$/);
      expect(s3IamPrincipalId(r)).toMatch(/^AWS:AIDA[0-9A-Z]{17}$/);
      expect(s3SourceIPv4(r)).toMatch(/^(?:[1-9]\d?|1\d\d|2[01]\d|22[0-3])(?:\.\d{1,3}){3}$/);
      const sequencer = s3Sequencer(NOW, r);
      expect(sequencer).toMatch(SEQUENCER);
      expect(sequencerSecond(sequencer)).toBe(Math.floor(NOW.getTime() / 1000));
    }
  });

  it('reproduce a real sequencer from its second and low bits (powertools-ts__s3-via-sqs.json: 00643717F9F8B85354)', () => {
    expect(s3SequencerAt(new Date('2023-04-12T20:43:37.900Z'), 0xf8b85354)).toBe('00643717F9F8B85354');
    expect(sequencerSecond('00643717F9F8B85354')).toBe(Date.parse('2023-04-12T20:43:37Z') / 1000);
  });

  it('s3SequencerAt orders events within one second by a counter', () => {
    const a = s3SequencerAt(NOW, 1);
    const b = s3SequencerAt(NOW, 2);
    const c = s3SequencerAt(new Date(NOW.getTime() + 1000), 0);
    expect(a < b && b < c).toBe(true);
  });

  it('are deterministic for one (seed, stream) and differ across seeds', () => {
    expect(s3RequestId(createRandom(7, 's'))).toBe(s3RequestId(createRandom(7, 's')));
    expect(s3RequestId(createRandom(7, 's'))).not.toBe(s3RequestId(createRandom(8, 's')));
  });
});

describe('toS3Record', () => {
  it('maps parts to the record S3 sends', () => {
    const record = toS3Record(recordParts());
    assertS3RecordInvariants(record);
    expect(record.s3.object.key).toBe('my+photos/a%2Bb.jpg');
    expect(record.s3.bucket.arn).toBe('arn:aws:s3:::photos');
  });

  it('emits, for each event name, only the fields that type carries', () => {
    for (const eventName of S3_EVENT_NAMES) {
      const r = createRandom(eventName, 'test');
      const record = toS3Record(
        recordParts({
          eventName,
          eTag: eventName.endsWith('DeleteMarkerCreated')
            ? undefined
            : eventName === 'ObjectCreated:CompleteMultipartUpload'
              ? `${s3ETag(r)}-1`
              : s3ETag(r),
          versionId: s3VersionId(r),
          principalId: /^(Lifecycle|Intelligent|Replication|Reduced|ObjectRestore:Delete)/.test(eventName)
            ? 's3.amazonaws.com'
            : 'AWS:AIDAINPONIXQXHT3IKHL2',
          sourceIPAddress: /^(Lifecycle|Intelligent|Replication|Reduced|ObjectRestore:Delete)/.test(eventName)
            ? 's3.amazonaws.com'
            : '205.255.255.255',
          ...(eventName === 'ObjectRestore:Completed'
            ? {
                principalId: 'AmazonCustomer:A3I5XTEXAMAI3E',
                bucketOwnerId: 'A3I5XTEXAMAI3E',
                restoreExpiryTime: new Date('2023-04-14T00:00:00Z'),
              }
            : {}),
          replication: {
            ruleId: 'rule',
            destinationBucket: 'photos-replica',
            requestTime: new Date(NOW.getTime() - 5000),
            failureReason: 'DstBucketNotFound',
          },
        }),
      );
      assertS3RecordInvariants(record);
    }
  });

  it('never emits glacierEventData outside ObjectRestore:Completed, nor failureReason outside failed replication', () => {
    const record = toS3Record(recordParts({ restoreExpiryTime: new Date('2030-01-01T00:00:00Z') }));
    expect('glacierEventData' in record).toBe(false);
    const replicated = toS3Record({
      ...recordParts(),
      eventName: 'Replication:OperationMissedThreshold' as const,
      ...{
        versionId: 'abcdeH0Xp66ep__QDjR76LK7Gc9X4wKO',
        principalId: 's3.amazonaws.com',
        sourceIPAddress: 's3.amazonaws.com',
        replication: { ruleId: 'r', destinationBucket: 'dst', requestTime: NOW, failureReason: 'x' },
      },
    });
    expect('failureReason' in replicated.replicationEventData).toBe(false);
  });

  it('rejects bad parts, naming the part and the rule', () => {
    const cases: [Partial<S3RecordParts>, RegExp][] = [
      [{ bucket: 'My_Bucket' }, /toS3Record: parts\.bucket "My_Bucket" breaks S3's bucket naming rules/],
      [{ key: '' }, /parts\.key must not be empty/],
      [{ size: -1 }, /parts\.size must be an object size in bytes/],
      [{ size: undefined }, /parts\.size must be an object size/],
      [{ eTag: '"abc"' }, /parts\.eTag .* is not an S3 eTag/],
      [{ versionId: 'null' }, /parts\.versionId "null" is not an S3 version id/],
      [{ sequencer: 'Happy Sequencer' }, /parts\.sequencer .* is not an S3 sequencer/],
      [
        { eventName: 's3:ObjectCreated:Put' as 'ObjectCreated:Put' },
        /parts\.eventName "s3:ObjectCreated:Put" is not an S3 event name \(S3 sends event names without the "s3:" prefix\); valid names: ObjectCreated:Put, /,
      ],
      [{ eventVersion: '3' }, /parts\.eventVersion "3" is not an S3 eventVersion/],
      [{ region: 'eu-central-1', partition: 'aws-cn' }, /does not match region/],
      [
        { eventName: 'ObjectRemoved:DeleteMarkerCreated', versionId: 'abcdeH0Xp66ep__QDjR76LK7Gc9X4wKO' },
        /parts\.eTag must be "d41d8cd98f00b204e9800998ecf8427e"/,
      ],
      [{ eTag: `${'a'.repeat(32)}-3`, size: 10 }, /parts\.size 10 cannot be the size of an object uploaded in 3 parts/],
      [{ eventName: 'ObjectCreated:CompleteMultipartUpload' }, /parts\.eTag .* must be a multipart eTag/],
      [{ eTag: `${'a'.repeat(32)}-1` }, /parts\.eTag .* must be a single-part eTag/],
      [
        { eventName: 'Replication:OperationNotTracked' },
        /parts\.replication is required for Replication:OperationNotTracked/,
      ],
    ];
    for (const [overrides, message] of cases) {
      expect(() => toS3Record(recordParts(overrides))).toThrow(EventInputError);
      expect(() => toS3Record(recordParts(overrides))).toThrow(message);
    }
  });
});

describe('toS3EventBridgeEvent', () => {
  const base = (overrides: Partial<S3EventBridgeParts> = {}): S3EventBridgeParts => ({
    detailType: 'Object Created',
    bucket: 'example-bucket',
    key: 'IMG_m7fzo3.jpg',
    size: 184662,
    eTag: '4e68adba0abe2dc8653dc3354e14c01d',
    sequencer: '006408CAD69598B05E',
    eventTime: new Date('2023-03-08T17:50:14Z'),
    region: 'eu-west-1',
    account: '123456789012',
    partition: 'aws',
    eventId: 'f5f1e65c-dc3a-93ca-6c1e-b1647eac7963',
    requestId: '57H08PA84AB1JZW0',
    requester: '123456789012',
    sourceIPAddress: '34.252.34.74',
    ...overrides,
  });

  it('reproduces the real Object Created capture (powertools-ts__s3-eventbridge-object-created.json) field for field', () => {
    expect(toS3EventBridgeEvent(base())).toEqual({
      version: '0',
      id: 'f5f1e65c-dc3a-93ca-6c1e-b1647eac7963',
      'detail-type': 'Object Created',
      source: 'aws.s3',
      account: '123456789012',
      time: '2023-03-08T17:50:14Z',
      region: 'eu-west-1',
      resources: ['arn:aws:s3:::example-bucket'],
      detail: {
        version: '0',
        bucket: { name: 'example-bucket' },
        object: {
          key: 'IMG_m7fzo3.jpg',
          size: 184662,
          etag: '4e68adba0abe2dc8653dc3354e14c01d',
          sequencer: '006408CAD69598B05E',
        },
        'request-id': '57H08PA84AB1JZW0',
        requester: '123456789012',
        'source-ip-address': '34.252.34.74',
        reason: 'PutObject',
      },
    });
  });

  it('maps every notification event name that EventBridge knows to a valid event', () => {
    for (const eventName of S3_EVENT_NAMES) {
      const type = s3EventBridgeTypeOf(eventName);
      if (eventName.startsWith('Replication:') || eventName === 'ReducedRedundancyLostObject') {
        expect(type).toBeUndefined();
        continue;
      }
      expect(type).toBeDefined();
      const byS3 = /^(Lifecycle|Intelligent|ObjectRestore:(Completed|Delete))/.test(eventName);
      const event = toS3EventBridgeEvent(
        base({
          ...type!,
          eTag:
            type!.deletionType === 'Delete Marker Created'
              ? undefined
              : type!.reason === 'CompleteMultipartUpload'
                ? '4e68adba0abe2dc8653dc3354e14c01d-1'
                : '4e68adba0abe2dc8653dc3354e14c01d',
          versionId: 'KKsjUC1.6gIjqtvhfg5AdMI0eCePIiT3',
          requester: byS3 ? 's3.amazonaws.com' : '123456789012',
          restoreExpiryTime: new Date('2023-03-10T00:00:00Z'),
        }),
      );
      assertS3EventBridgeInvariants(event);
    }
  });

  it('rejects bad parts, naming the part and the rule', () => {
    expect(() => toS3EventBridgeEvent(base({ detailType: 'Object Put' as 'Object Created' }))).toThrow(
      /parts\.detailType "Object Put" is not a detail-type of S3 EventBridge events; valid detail types: Object Created, Object Deleted/,
    );
    expect(() => toS3EventBridgeEvent(base({ eventId: 'xmpl' }))).toThrow(
      /parts\.eventId "xmpl" is not an EventBridge event id/,
    );
    expect(() => toS3EventBridgeEvent(base({ reason: 'DeleteObject' }))).toThrow(
      /parts\.reason "DeleteObject" is not a reason of "Object Created" events/,
    );
    expect(() => toS3EventBridgeEvent(base({ detailType: 'Object ACL Updated', reason: 'PutObject' }))).toThrow(
      /parts\.reason applies only to "Object Created" and "Object Deleted"/,
    );
    expect(() => toS3EventBridgeEvent(base({ sourceIPAddress: 's3.amazonaws.com' }))).toThrow(
      /parts\.sourceIPAddress .* must be the caller's IPv4 or IPv6 address/,
    );
    expect(() => toS3EventBridgeEvent(base({ size: undefined }))).toThrow(
      /parts\.size is required for "Object Created" events/,
    );
  });
});

describe('toS3Record: extra blocks, defaults and the rules of their parts', () => {
  const s3Initiated = { principalId: 's3.amazonaws.com', sourceIPAddress: 's3.amazonaws.com' };
  const replication = {
    ruleId: 'rule-1',
    destinationBucket: 'photos-replica',
    requestTime: new Date(NOW.getTime() - 5000),
  };
  const restoreExpiry = new Date('2023-04-14T00:00:00Z');
  const restored = (overrides: Partial<S3RecordParts> = {}) =>
    recordParts({
      eventName: 'ObjectRestore:Completed',
      principalId: 'AmazonCustomer:A3I5XTEXAMAI3E',
      restoreExpiryTime: restoreExpiry,
      ...overrides,
    });

  // The documented defaults: https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html
  it('fills the documented defaults: GLACIER restore and transition classes, ARCHIVE_ACCESS tier, OBJECT_PUT replication', () => {
    const restore = anyS3Record(restored());
    expect(restore.glacierEventData).toEqual({
      restoreEventData: {
        lifecycleRestorationExpiryTime: '2023-04-14T00:00:00.000Z',
        lifecycleRestoreStorageClass: 'GLACIER',
      },
    });
    expect(
      anyS3Record(restored({ sourceStorageClass: 'DEEP_ARCHIVE' })).glacierEventData.restoreEventData
        .lifecycleRestoreStorageClass,
    ).toBe('DEEP_ARCHIVE');

    const transition = anyS3Record(recordParts({ eventName: 'LifecycleTransition', ...s3Initiated }));
    expect(transition.lifecycleEventData).toEqual({ transitionEventData: { destinationStorageClass: 'GLACIER' } });
    expect(
      anyS3Record(
        recordParts({ eventName: 'LifecycleTransition', ...s3Initiated, destinationStorageClass: 'STANDARD_IA' }),
      ).lifecycleEventData.transitionEventData.destinationStorageClass,
    ).toBe('STANDARD_IA');

    const tiering = anyS3Record(recordParts({ eventName: 'IntelligentTiering', ...s3Initiated }));
    expect(tiering.intelligentTieringEventData).toEqual({ destinationAccessTier: 'ARCHIVE_ACCESS' });
    expect(
      anyS3Record(
        recordParts({ eventName: 'IntelligentTiering', ...s3Initiated, destinationAccessTier: 'DEEP_ARCHIVE_ACCESS' }),
      ).intelligentTieringEventData.destinationAccessTier,
    ).toBe('DEEP_ARCHIVE_ACCESS');

    const missed = anyS3Record(
      recordParts({ eventName: 'Replication:OperationMissedThreshold', ...s3Initiated, replication }),
    );
    expect(missed.replicationEventData).toEqual({
      replicationRuleId: 'rule-1',
      destinationBucket: 'arn:aws:s3:::photos-replica',
      s3Operation: 'OBJECT_PUT',
      requestTime: new Date(NOW.getTime() - 5000).toISOString(),
    });
    const failed = anyS3Record(
      recordParts({
        eventName: 'Replication:OperationFailedReplication',
        ...s3Initiated,
        replication: { ...replication, s3Operation: 'DELETE_MARKER', failureReason: 'DstBucketNotFound' },
      }),
    );
    expect(failed.replicationEventData).toMatchObject({
      s3Operation: 'DELETE_MARKER',
      failureReason: 'DstBucketNotFound',
    });
  });

  it('writes each record its own eventTime and eventVersion', () => {
    const first = anyS3Record(recordParts());
    const later = new Date(NOW.getTime() + 61_001);
    const second = anyS3Record(recordParts({ eventTime: later, sequencer: s3SequencerAt(later, 1) }));
    expect(first.eventTime).toBe('2023-04-12T20:43:38.021Z');
    expect(second.eventTime).toBe('2023-04-12T20:44:39.022Z');
    expect(anyS3Record(recordParts({ eventVersion: '2.2' })).eventVersion).toBe('2.2');
    expect(first.eventVersion).toBe('2.1');
  });

  it('rejects bad account, restore expiry, replication and configuration parts, naming the part and the rule', () => {
    const cases: [S3RecordParts, RegExp][] = [
      [
        recordParts({ account: '12345' }),
        /toS3Record: parts\.account "12345" is not an AWS account id \(exactly 12 digits, as a string\)/,
      ],
      [
        recordParts({ account: 123456789012 as unknown as string }),
        /parts\.account 123456789012 is not an AWS account id/,
      ],
      [
        restored({ restoreExpiryTime: undefined }),
        /parts\.restoreExpiryTime must be a Date after eventTime for ObjectRestore:Completed/,
      ],
      [restored({ restoreExpiryTime: NOW }), /parts\.restoreExpiryTime must be a Date after eventTime/],
      [
        restored({ restoreExpiryTime: new Date(NOW.getTime() - 1) }),
        /parts\.restoreExpiryTime must be a Date after eventTime/,
      ],
      [
        restored({ restoreExpiryTime: new Date(Number.NaN) }),
        /parts\.restoreExpiryTime must be a Date after eventTime/,
      ],
      [
        restored({ restoreExpiryTime: '2030-01-01T00:00:00Z' as unknown as Date }),
        /parts\.restoreExpiryTime must be a Date after eventTime/,
      ],
      [
        recordParts({ eventName: 'Replication:OperationFailedReplication', ...s3Initiated, replication }),
        /parts\.replication\.failureReason is required for Replication:OperationFailedReplication records/,
      ],
      [
        recordParts({
          eventName: 'Replication:OperationMissedThreshold',
          ...s3Initiated,
          replication: { ...replication, ruleId: '' },
        }),
        /parts\.replication\.ruleId/,
      ],
      [
        recordParts({
          eventName: 'Replication:OperationMissedThreshold',
          ...s3Initiated,
          replication: { ...replication, destinationBucket: 'Bad_Bucket' },
        }),
        /parts\.replication\.destinationBucket "Bad_Bucket" breaks S3's bucket naming rules/,
      ],
      [
        recordParts({
          eventName: 'Replication:OperationMissedThreshold',
          ...s3Initiated,
          replication: { ...replication, requestTime: new Date(NOW.getTime() + 1) },
        }),
        /parts\.replication\.requestTime must be a Date not after eventTime/,
      ],
      [
        recordParts({
          eventName: 'Replication:OperationMissedThreshold',
          ...s3Initiated,
          replication: { ...replication, requestTime: new Date(Number.NaN) },
        }),
        /parts\.replication\.requestTime must be a Date not after eventTime/,
      ],
      [
        recordParts({ configurationId: 7 as unknown as string }),
        /parts\.configurationId must be a string \(the notification configuration Id\)/,
      ],
      [recordParts({ requestId: '' }), /parts\.requestId/],
      [recordParts({ hostId: '' }), /parts\.hostId/],
      [recordParts({ principalId: '' }), /parts\.principalId/],
      [recordParts({ bucketOwnerId: '' }), /parts\.bucketOwnerId/],
      [recordParts({ region: 'mars-1' }), /parts\.region/],
      [recordParts({ eventTime: new Date(Number.NaN) }), /parts\.eventTime/],
      [recordParts({ sourceIPAddress: 'localhost' }), /parts\.sourceIPAddress/],
      [recordParts({ versionId: 'v' }), /parts\.versionId "v" is not an S3 version id/],
      [recordParts({ sequencer: undefined }), /parts\.sequencer/],
      [recordParts({ eTag: undefined }), /parts\.eTag/],
      [
        recordParts({ eventName: 'ObjectRemoved:DeleteMarkerCreated', eTag: undefined, versionId: undefined }),
        /parts\.versionId/,
      ],
      [recordParts({ eventName: 'ObjectRemoved:Delete', eTag: undefined, size: 5.5 }), /parts\.size/],
      [
        recordParts({ eventName: 'ObjectRemoved:Delete', eTag: `${'a'.repeat(32)}-3`, size: 10 }),
        /parts\.size 10 cannot be the size of an object uploaded in 3 parts/,
      ],
      [null as unknown as S3RecordParts, /toS3Record: parts must be an object of S3 record parts/],
      ['parts' as unknown as S3RecordParts, /toS3Record: parts must be an object of S3 record parts/],
    ];
    for (const [parts, message] of cases) {
      expect(() => anyS3Record(parts), String(message)).toThrow(message);
    }
  });

  it('accepts the edges of those rules', () => {
    // Replication may be requested at the very instant of the event; a versionless record has no versionId.
    expect(
      anyS3Record(
        recordParts({
          eventName: 'Replication:OperationMissedThreshold',
          ...s3Initiated,
          replication: { ...replication, requestTime: NOW },
        }),
      ).replicationEventData.requestTime,
    ).toBe('2023-04-12T20:43:38.021Z');
    expect('versionId' in anyS3Record(recordParts()).s3.object).toBe(false);
    expect(anyS3Record(recordParts({ account: '000000000000' })).s3.bucket.name).toBe('photos');
  });

  it('uploadKindOf tells multipart from single-part uploads by event name (notification and EventBridge spellings)', () => {
    expect(['ObjectCreated:CompleteMultipartUpload', 'CompleteMultipartUpload'].map(uploadKindOf)).toEqual([
      'multipart',
      'multipart',
    ]);
    expect(['ObjectCreated:Put', 'ObjectCreated:Post', 'PutObject', 'POST Object'].map(uploadKindOf)).toEqual([
      'single',
      'single',
      'single',
      'single',
    ]);
    expect(['ObjectCreated:Copy', 'CopyObject', 'ObjectRemoved:Delete'].map(uploadKindOf)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('toS3Record validates only the parts a record carries; buildS3Record still names a missing part', () => {
  it('a part the event type does not carry may be absent', () => {
    const del = anyS3Record(recordParts({ eventName: 'ObjectRemoved:Delete', size: undefined, eTag: undefined }));
    expect(Object.keys(del.s3.object)).toEqual(['key', 'sequencer']);
    expect(
      anyS3Record(recordParts({ eventName: 'ObjectRemoved:Delete', size: undefined, eTag: `${'a'.repeat(32)}-3` })).s3
        .object,
    ).not.toHaveProperty('size');
    expect(
      Object.keys(
        anyS3Record(recordParts({ eventName: 'ObjectTagging:Put', sequencer: undefined, size: undefined })).s3.object,
      ),
    ).toEqual(['key', 'eTag']);
    expect(anyS3Record(recordParts({ account: undefined })).eventSource).toBe('aws:s3');
  });

  it('a part given where the type does not carry it is still checked', () => {
    expect(() =>
      anyS3Record(recordParts({ eventName: 'ObjectRemoved:Delete', size: undefined, eTag: '"abc"' })),
    ).toThrow(/toS3Record: parts\.eTag .* is not an S3 eTag/);
    expect(() =>
      anyS3Record(recordParts({ eventName: 'ObjectTagging:Put', size: undefined, sequencer: 'nope' })),
    ).toThrow(/toS3Record: parts\.sequencer "nope" is not an S3 sequencer/);
    expect(() =>
      anyS3Record(
        recordParts({ eventName: 'ObjectRemoved:DeleteMarkerCreated', eTag: undefined, versionId: undefined }),
      ),
    ).toThrow(/toS3Record: parts\.versionId undefined is not an S3 version id/);
    expect(() => anyS3Record(recordParts({ eventName: 'ObjectCreated:CompleteMultipartUpload' }))).toThrow(
      /for ObjectCreated:CompleteMultipartUpload records/,
    );
    expect(() => assertS3RecordParts(recordParts({ bucket: 'A' }))).toThrow(/^toS3Record: parts\.bucket/);
  });

  it('toS3Event wraps the one record S3 sends per notification', () => {
    const event = toS3Event(recordParts());
    expect(event).toEqual({ Records: [anyS3Record(recordParts())] });
  });

  it('buildS3Record (no format checks) names the part a type needs when it is missing', () => {
    const cases: [S3RecordParts, string][] = [
      [recordParts({ size: undefined }), 'toS3Record: parts.size is required for ObjectCreated:Put records'],
      [recordParts({ eTag: undefined }), 'toS3Record: parts.eTag is required for ObjectCreated:Put records'],
      [recordParts({ sequencer: undefined }), 'toS3Record: parts.sequencer is required for ObjectCreated:Put records'],
      [
        recordParts({ eventName: 'ObjectRemoved:DeleteMarkerCreated', eTag: undefined, versionId: undefined }),
        'toS3Record: parts.versionId is required for ObjectRemoved:DeleteMarkerCreated records',
      ],
      [
        recordParts({ eventName: 'ObjectRestore:Completed' }),
        'toS3Record: parts.restoreExpiryTime is required for ObjectRestore:Completed records',
      ],
      [
        recordParts({ eventName: 'Replication:OperationNotTracked', principalId: 's3.amazonaws.com' }),
        'toS3Record: parts.replication is required for Replication:OperationNotTracked records',
      ],
    ];
    for (const [parts, message] of cases)
      expect(() => buildS3Record(parts as S3RecordParts & { eventName: 'ObjectCreated:Put' })).toThrow(message);
    expect(() =>
      buildS3Record(
        recordParts({ size: undefined }) as S3RecordParts & { eventName: 'ObjectCreated:Put' },
        'makeS3PutEvent',
      ),
    ).toThrow('makeS3PutEvent: parts.size is required');
  });
});
