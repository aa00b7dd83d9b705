/**
 * The S3 invariants of notification records and EventBridge events, written independently of the
 * mappers (the expected field sets are restated here from AWS's documentation, not read from src tables),
 * so a mapper bug cannot hide behind itself.
 */
import { expect } from 'vitest';
import { decodeS3Key, encodeS3Key, type S3KeyEncoding } from '../../../src/events/s3/keyCodec.js';
import { s3BucketNameProblem } from '../../../src/events/s3/validate.js';
import { partitionOfRegion } from '../../../src/_internals/aws.js';

const EMPTY_MD5 = 'd41d8cd98f00b204e9800998ecf8427e';
const ETAG = /^[0-9a-f]{32}(-\d+)?$/;
export const SEQUENCER = /^00[0-9A-F]{16}$/;
export const REQUEST_ID = /^[0-9A-Z]{16}$/;
export const HOST_ID = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
export const VERSION_ID = /^[A-Za-z0-9._]{32}$/;
const EVENT_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const EB_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
export const EB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MIB = 1024 * 1024;

/**
 * eventVersion by event type.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html
 */
function expectedEventVersion(eventName: string): string {
  if (eventName.startsWith('Replication:')) return '2.2';
  if (
    /^(LifecycleExpiration:|LifecycleTransition$|IntelligentTiering$|ObjectTagging:|ObjectAcl:Put$|ObjectRestore:Delete$)/.test(
      eventName,
    )
  )
    return '2.3';
  return '2.1';
}

/** Which object fields a record of `eventName` carries. */
function expectedObjectFields(eventName: string, versioned: boolean): string[] {
  const v = versioned ? ['versionId'] : [];
  if (eventName === 'ObjectRemoved:Delete' || eventName === 'LifecycleExpiration:Delete')
    return ['key', ...v, 'sequencer'];
  if (eventName.endsWith(':DeleteMarkerCreated')) return ['key', 'eTag', 'versionId', 'sequencer'];
  if (eventName.startsWith('ObjectTagging:') || eventName === 'ObjectAcl:Put') return ['key', 'eTag', ...v];
  if (eventName === 'LifecycleTransition' || eventName === 'IntelligentTiering') return ['key', 'size', 'eTag', ...v];
  return ['key', 'size', 'eTag', ...v, 'sequencer'];
}

const S3_INITIATED =
  /^(LifecycleExpiration:|LifecycleTransition$|IntelligentTiering$|Replication:|ReducedRedundancyLostObject$|ObjectRestore:Delete$)/;

/** The epoch second a sequencer embeds (`00` + 8 hex digits of the second). */
export function sequencerSecond(sequencer: string): number {
  return Number.parseInt(sequencer.slice(2, 10), 16);
}

function checkKey(encoded: string, encoding?: S3KeyEncoding): string {
  expect(encoded).not.toMatch(/ |%20|%2F/);
  const decoded = decodeS3Key(encoded);
  expect(encodeS3Key(decoded, encoding)).toBe(encoded);
  const bytes = Buffer.byteLength(decoded, 'utf8');
  expect(bytes).toBeGreaterThanOrEqual(1);
  expect(bytes).toBeLessThanOrEqual(1024);
  return decoded;
}

function checkMultipart(size: number | undefined, eTag: string): void {
  const dash = eTag.indexOf('-');
  if (dash < 0 || size === undefined) return;
  const parts = Number(eTag.slice(dash + 1));
  expect(parts).toBeGreaterThanOrEqual(1);
  expect(parts).toBeLessThanOrEqual(10_000);
  expect(size).toBeGreaterThanOrEqual((parts - 1) * 5 * MIB);
  expect(size).toBeLessThanOrEqual(parts * 5 * 1024 * MIB);
}

type AnyRecord = Record<string, any>;

/** Asserts every invariant of one notification record. */
export function assertS3RecordInvariants(
  record: AnyRecord,
  options: { eventVersion?: string; keyEncoding?: S3KeyEncoding } = {},
): void {
  const name: string = record.eventName;
  expect(name).not.toMatch(/^s3:/);
  expect(record.eventSource).toBe('aws:s3');
  expect(record.eventVersion).toBe(options.eventVersion ?? expectedEventVersion(name));
  expect(record.eventTime).toMatch(EVENT_TIME);
  const eventMs = Date.parse(record.eventTime);
  expect(record.responseElements['x-amz-request-id']).toMatch(REQUEST_ID);
  const hostId: string = record.responseElements['x-amz-id-2'];
  expect(hostId).toMatch(HOST_ID);
  expect([64, 76, 96]).toContain(hostId.length);
  expect(record.s3.s3SchemaVersion).toBe('1.0');
  expect(typeof record.s3.configurationId).toBe('string');
  const bucket = record.s3.bucket;
  expect(s3BucketNameProblem(bucket.name)).toBeUndefined();
  expect(bucket.arn).toBe(`arn:${partitionOfRegion(record.awsRegion)}:s3:::${bucket.name}`);
  expect(bucket.ownerIdentity.principalId).toMatch(/^A[0-9A-Z]{12,20}$/);

  const object = record.s3.object;
  const versioned = object.versionId !== undefined;
  expect(Object.keys(object)).toEqual(expectedObjectFields(name, versioned));
  checkKey(object.key, options.keyEncoding);
  expect('urlDecodedKey' in object).toBe(false);
  if ('size' in object) expect(Number.isSafeInteger(object.size) && object.size >= 0).toBe(true);
  if ('eTag' in object) {
    expect(object.eTag).toMatch(ETAG);
    checkMultipart(object.size, object.eTag);
  }
  if (name.endsWith(':DeleteMarkerCreated')) expect(object.eTag).toBe(EMPTY_MD5);
  if (name === 'ObjectCreated:CompleteMultipartUpload') expect(object.eTag).toMatch(/-\d+$/);
  if (name === 'ObjectCreated:Put' || name === 'ObjectCreated:Post') expect(object.eTag).toMatch(/^[0-9a-f]{32}$/);
  if (versioned) expect(object.versionId).toMatch(VERSION_ID);
  if ('sequencer' in object) {
    expect(object.sequencer).toMatch(SEQUENCER);
    expect(sequencerSecond(object.sequencer)).toBe(Math.floor(eventMs / 1000));
  }

  if (S3_INITIATED.test(name)) {
    expect(record.userIdentity.principalId).toBe('s3.amazonaws.com');
    expect(record.requestParameters.sourceIPAddress).toBe('s3.amazonaws.com');
  } else {
    expect(record.requestParameters.sourceIPAddress).toMatch(
      /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*)$/,
    );
  }
  if (name === 'ObjectRestore:Completed')
    expect(record.userIdentity.principalId).toBe(`AmazonCustomer:${bucket.ownerIdentity.principalId}`);

  const extras = Object.keys(record).filter(
    (k) =>
      ![
        'eventVersion',
        'eventSource',
        'awsRegion',
        'eventTime',
        'eventName',
        'userIdentity',
        'requestParameters',
        'responseElements',
        's3',
      ].includes(k),
  );
  const expectedExtra =
    name === 'ObjectRestore:Completed'
      ? ['glacierEventData']
      : name === 'LifecycleTransition'
        ? ['lifecycleEventData']
        : name === 'IntelligentTiering'
          ? ['intelligentTieringEventData']
          : name.startsWith('Replication:')
            ? ['replicationEventData']
            : [];
  expect(extras).toEqual(expectedExtra);
  if (name === 'ObjectRestore:Completed') {
    const data = record.glacierEventData.restoreEventData;
    expect(data.lifecycleRestorationExpiryTime).toMatch(EVENT_TIME);
    expect(Date.parse(data.lifecycleRestorationExpiryTime)).toBeGreaterThan(eventMs);
    expect(typeof data.lifecycleRestoreStorageClass).toBe('string');
  }
  if (name === 'IntelligentTiering')
    expect(['ARCHIVE_ACCESS', 'DEEP_ARCHIVE_ACCESS']).toContain(
      record.intelligentTieringEventData.destinationAccessTier,
    );
  if (name.startsWith('Replication:')) {
    const data = record.replicationEventData;
    expect(Object.keys(data)).toEqual([
      'replicationRuleId',
      'destinationBucket',
      's3Operation',
      'requestTime',
      ...(name === 'Replication:OperationFailedReplication' ? ['failureReason'] : []),
    ]);
    expect(data.destinationBucket).toMatch(new RegExp(`^arn:${partitionOfRegion(record.awsRegion)}:s3:::`));
    expect(s3BucketNameProblem(data.destinationBucket.split(':::')[1])).toBeUndefined();
    expect(data.requestTime).toMatch(EVENT_TIME);
    expect(Date.parse(data.requestTime)).toBeLessThanOrEqual(eventMs);
    expect(versioned).toBe(true);
  }
}

/** Asserts every invariant of a notification. */
export function assertS3EventInvariants(
  event: AnyRecord,
  options: { eventVersion?: string; keyEncoding?: S3KeyEncoding } = {},
): void {
  expect(Object.keys(event)).toEqual(['Records']);
  expect(event.Records).toHaveLength(1);
  for (const record of event.Records) assertS3RecordInvariants(record, options);
}

const BY_REQUEST = new Set([
  'Object Created',
  'Object Restore Initiated',
  'Object Tags Added',
  'Object Tags Deleted',
  'Object ACL Updated',
]);

/**
 * The detail.object fields of an S3 EventBridge event, by detail type.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/ev-events.html
 */
function expectedEventBridgeObjectFields(
  detailType: string,
  deletionType: string | undefined,
  versioned: boolean,
): string[] {
  const v = versioned ? ['version-id'] : [];
  switch (detailType) {
    case 'Object Created':
      return ['key', 'size', 'etag', ...v, 'sequencer'];
    case 'Object Deleted':
      return deletionType === 'Delete Marker Created'
        ? ['key', 'etag', 'version-id', 'sequencer']
        : ['key', ...v, 'sequencer'];
    case 'Object Restore Expired':
    case 'Object Tags Added':
    case 'Object Tags Deleted':
    case 'Object ACL Updated':
      return ['key', 'etag', ...v];
    default:
      return ['key', 'size', 'etag', ...v];
  }
}

/** Asserts every invariant of an S3 EventBridge event (its detail fields, envelope, `resources[0]` the bucket ARN). */
export function assertS3EventBridgeInvariants(event: AnyRecord, options: { keyEncoding?: S3KeyEncoding } = {}): void {
  expect(Object.keys(event)).toEqual([
    'version',
    'id',
    'detail-type',
    'source',
    'account',
    'time',
    'region',
    'resources',
    'detail',
  ]);
  expect(event.version).toBe('0');
  expect(event.source).toBe('aws.s3');
  expect(event.id).toMatch(EB_ID);
  expect(event.time).toMatch(EB_TIME);
  expect(event.account).toMatch(/^\d{12}$/);
  const detail = event.detail;
  const type: string = event['detail-type'];
  expect(detail.version).toBe('0');
  expect(s3BucketNameProblem(detail.bucket.name)).toBeUndefined();
  expect(event.resources).toEqual([`arn:${partitionOfRegion(event.region)}:s3:::${detail.bucket.name}`]);
  expect(detail['request-id']).toMatch(REQUEST_ID);
  const deletionType: string | undefined = detail['deletion-type'];
  const object = detail.object;
  const versioned = 'version-id' in object;
  expect(Object.keys(object)).toEqual(expectedEventBridgeObjectFields(type, deletionType, versioned));
  checkKey(object.key, options.keyEncoding);
  if ('etag' in object) {
    expect(object.etag).toMatch(ETAG);
    checkMultipart(object.size, object.etag);
  }
  if (deletionType === 'Delete Marker Created') expect(object.etag).toBe(EMPTY_MD5);
  if (versioned) expect(object['version-id']).toMatch(VERSION_ID);
  if ('size' in object) expect(Number.isSafeInteger(object.size) && object.size >= 0).toBe(true);
  if ('sequencer' in object) {
    expect(object.sequencer).toMatch(SEQUENCER);
    expect(sequencerSecond(object.sequencer)).toBe(Math.floor(Date.parse(event.time) / 1000));
  }
  const byRequest = BY_REQUEST.has(type) || (type === 'Object Deleted' && detail.reason === 'DeleteObject');
  expect('source-ip-address' in detail).toBe(byRequest);
  expect(detail.requester).toMatch(byRequest ? /^\d{12}$/ : /^s3\.amazonaws\.com$/);
  if (type === 'Object Created')
    expect(['PutObject', 'POST Object', 'CopyObject', 'CompleteMultipartUpload']).toContain(detail.reason);
  else if (type === 'Object Deleted') {
    expect(['DeleteObject', 'Lifecycle Expiration']).toContain(detail.reason);
    expect(['Permanently Deleted', 'Delete Marker Created']).toContain(deletionType);
  } else {
    expect('reason' in detail).toBe(false);
    expect('deletion-type' in detail).toBe(false);
  }
  if (type === 'Object Created' && detail.reason === 'CompleteMultipartUpload') expect(object.etag).toMatch(/-\d+$/);
  if (type === 'Object Created' && (detail.reason === 'PutObject' || detail.reason === 'POST Object'))
    expect(object.etag).toMatch(/^[0-9a-f]{32}$/);
  const extras = Object.keys(detail)
    .filter(
      (k) =>
        ![
          'version',
          'bucket',
          'object',
          'request-id',
          'requester',
          'source-ip-address',
          'reason',
          'deletion-type',
        ].includes(k),
    )
    .sort();
  const expected: Record<string, string[]> = {
    'Object Restore Initiated': ['source-storage-class'],
    'Object Restore Completed': ['restore-expiry-time', 'source-storage-class'],
    'Object Storage Class Changed': ['destination-storage-class'],
    'Object Access Tier Changed': ['destination-access-tier'],
  };
  expect(extras).toEqual(expected[type] ?? []);
  if (type === 'Object Restore Completed') {
    expect(detail['restore-expiry-time']).toMatch(EB_TIME);
    expect(Date.parse(detail['restore-expiry-time'])).toBeGreaterThan(Date.parse(event.time));
  }
}
