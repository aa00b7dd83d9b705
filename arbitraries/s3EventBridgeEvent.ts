import { boolean, constant, constantFrom, date, integer, ipV4, ipV6, nat, oneof, record, type Arbitrary } from 'fast-check';
import { partitionOfRegion } from '../src/_internals/aws.js';
import { createRandom } from '../src/_internals/random.js';
import { S3_ACCESS_TIERS, S3_STORAGE_CLASSES } from '../src/events/s3/eventTypes.js';
import { isS3EventBridgeDetailType, toS3EventBridgeEvent } from '../src/events/s3/eventBridge.js';
import { s3ETag, s3EventBridgeEventId, s3RequestId, s3Sequencer, s3VersionId } from '../src/events/s3/ids.js';
import type { S3KeyEncoding } from '../src/events/s3/keyCodec.js';
import type { S3EventBridgeParts } from '../src/events/s3/parts.js';
import { S3_EVENTBRIDGE_DETAIL_TYPES, type S3EventBridgeDetailType, type S3EventBridgeEventOf } from '../src/events/s3/types.js';
import { S3_MAX_PART_SIZE, S3_MIN_PART_SIZE } from '../src/events/s3/validate.js';
import { awsAccountId } from './awsAccountId.js';
import { awsRegion } from './awsRegion.js';
import { s3BucketName } from './s3BucketName.js';
import { s3ObjectKey } from './s3ObjectKey.js';
import { checkS3PinnedParts } from './s3Record.js';

/** Constraints of {@link s3EventBridgeEvent}. Each part can be pinned to a value or an arbitrary. */
export interface S3EventBridgeEventConstraints<D extends S3EventBridgeDetailType = S3EventBridgeDetailType> {
  /**
   * The detail types to generate.
   * @defaultValue every one of `S3_EVENTBRIDGE_DETAIL_TYPES`
   */
  detailTypes?: readonly D[];
  /** The bucket name. @defaultValue `s3BucketName()` */
  bucket?: string | Arbitrary<string>;
  /** The decoded object key. @defaultValue `s3ObjectKey()` */
  key?: string | Arbitrary<string>;
  /** The region. @defaultValue `awsRegion({ partitions: ['aws', 'aws-cn', 'aws-us-gov'] })` */
  region?: string | Arbitrary<string>;
  /** The bucket owner's account (`account`). @defaultValue `awsAccountId()` */
  account?: string | Arbitrary<string>;
  /** The event time (`time` keeps whole seconds). @defaultValue a date from 2015 to 2035 */
  eventTime?: Date | Arbitrary<Date>;
  /** Whether the bucket is versioned. @defaultValue both */
  versioned?: boolean;
  /**
   * Whether `source-ip-address` may be IPv6, which Powertools' `S3EventNotificationEventBridgeSchema` rejects.
   * @defaultValue `true`
   */
  ipv6?: boolean;
  /** How `~` and `*` in keys are encoded. @defaultValue `{ tilde: 'percent', asterisk: 'literal' }` */
  keyEncoding?: S3KeyEncoding;
}

const MIB = 1024 * 1024;
const BY_REQUEST = new Set<string>(['Object Created', 'Object Restore Initiated', 'Object Tags Added', 'Object Tags Deleted', 'Object ACL Updated']);
const WITH_SIZE = new Set<string>(['Object Created', 'Object Restore Initiated', 'Object Restore Completed', 'Object Storage Class Changed', 'Object Access Tier Changed']);

function pin<T>(value: T | Arbitrary<T> | undefined, fallback: Arbitrary<T>): Arbitrary<T> {
  if (value === undefined) return fallback;
  if (typeof value === 'object' && value !== null && typeof (value as { generate?: unknown }).generate === 'function') return value as Arbitrary<T>;
  return constant(value as T);
}

/**
 * S3 events as Amazon EventBridge delivers them, mapped through the one mapper
 * (`toS3EventBridgeEvent`): each detail type with exactly its `detail` fields.
 * @example s3EventBridgeEvent({ detailTypes: ['Object Created', 'Object Deleted'] })
 */
// @__NO_SIDE_EFFECTS__
export function s3EventBridgeEvent<D extends S3EventBridgeDetailType = S3EventBridgeDetailType>(constraints: S3EventBridgeEventConstraints<D> = {}): Arbitrary<S3EventBridgeEventOf<D>> {
  const api = 's3EventBridgeEvent';
  const detailTypes = constraints.detailTypes ?? (S3_EVENTBRIDGE_DETAIL_TYPES as readonly S3EventBridgeDetailType[] as readonly D[]);
  if (!Array.isArray(detailTypes) || detailTypes.length === 0) throw new TypeError(`${api}: detailTypes must be a non-empty array of detail types`);
  for (const type of detailTypes) {
    if (!isS3EventBridgeDetailType(type)) throw new TypeError(`${api}: detailTypes holds ${JSON.stringify(type)}, which is not an S3 EventBridge detail type; valid detail types: ${S3_EVENTBRIDGE_DETAIL_TYPES.join(', ')}`);
  }
  checkS3PinnedParts(api, constraints);
  const ipv6 = constraints.ipv6 ?? true;
  if (typeof ipv6 !== 'boolean') throw new TypeError(`${api}: ipv6 must be a boolean`);
  if (constraints.versioned !== undefined && typeof constraints.versioned !== 'boolean') throw new TypeError(`${api}: versioned must be a boolean`);
  const keyEncoding = constraints.keyEncoding;
  const ip = ipv6 ? oneof({ arbitrary: ipV4(), weight: 4 }, { arbitrary: ipV6(), weight: 1 }) : ipV4();

  return record({
    detailType: constantFrom(...detailTypes),
    bucket: pin(constraints.bucket, s3BucketName()),
    key: pin(constraints.key, s3ObjectKey()),
    region: pin(constraints.region, awsRegion({ partitions: ['aws', 'aws-cn', 'aws-us-gov'] })),
    account: pin(constraints.account, awsAccountId()),
    eventTime: pin(constraints.eventTime, date({ min: new Date('2015-01-01T00:00:00.000Z'), max: new Date('2035-12-31T23:59:59.999Z'), noInvalidDate: true })),
    versioned: constraints.versioned === undefined ? boolean() : constant(constraints.versioned),
    seed: nat(),
    size: oneof(constantFrom(0, 1, 5 * MIB), nat({ max: 10 * MIB }), integer({ min: 0, max: 5 * 1024 * 1024 * MIB })),
    multipart: boolean(),
    partCount: oneof(integer({ min: 1, max: 5 }), integer({ min: 1, max: 10_000 })),
    createdReason: constantFrom('PutObject', 'POST Object', 'CopyObject', 'CompleteMultipartUpload') as Arbitrary<'PutObject' | 'POST Object' | 'CopyObject' | 'CompleteMultipartUpload'>,
    deletedReason: constantFrom('DeleteObject', 'Lifecycle Expiration') as Arbitrary<'DeleteObject' | 'Lifecycle Expiration'>,
    deletionType: constantFrom('Permanently Deleted', 'Delete Marker Created') as Arbitrary<'Permanently Deleted' | 'Delete Marker Created'>,
    sourceIPAddress: ip,
    otherRequester: oneof({ arbitrary: constant(undefined), weight: 3 }, { arbitrary: awsAccountId(), weight: 1 }),
    restoreDays: integer({ min: 1, max: 30 }),
    storageClass: constantFrom('GLACIER', 'DEEP_ARCHIVE'),
    destinationStorageClass: constantFrom(...S3_STORAGE_CLASSES),
    destinationAccessTier: constantFrom(...S3_ACCESS_TIERS),
  }).map((g) => {
    const random = createRandom(g.seed, 's3-eventbridge');
    const type: S3EventBridgeDetailType = g.detailType;
    const parts: S3EventBridgeParts & { detailType: D } = {
      detailType: g.detailType,
      bucket: g.bucket,
      key: g.key,
      eventTime: g.eventTime,
      region: g.region,
      account: g.account,
      partition: partitionOfRegion(g.region),
      eventId: s3EventBridgeEventId(random),
      requestId: s3RequestId(random),
      requester: 's3.amazonaws.com',
      sourceIPAddress: 's3.amazonaws.com',
    };
    let deleteMarker = false;
    let byRequest = BY_REQUEST.has(type);
    if (type === 'Object Created') parts.reason = g.createdReason;
    if (type === 'Object Deleted') {
      parts.reason = g.deletedReason;
      parts.deletionType = g.deletionType;
      deleteMarker = g.deletionType === 'Delete Marker Created';
      byRequest = g.deletedReason === 'DeleteObject';
    }
    if (byRequest) {
      parts.requester = g.otherRequester ?? g.account;
      parts.sourceIPAddress = g.sourceIPAddress;
    }
    if (type !== 'Object Deleted') {
      const multipart = type === 'Object Created' ? g.createdReason === 'CompleteMultipartUpload' : g.multipart;
      if (multipart) {
        const low = (g.partCount - 1) * S3_MIN_PART_SIZE;
        const high = g.partCount * S3_MAX_PART_SIZE;
        parts.eTag = `${s3ETag(random)}-${g.partCount}`;
        if (WITH_SIZE.has(type)) parts.size = low + (g.size % (high - low + 1));
      } else {
        parts.eTag = s3ETag(random);
        if (WITH_SIZE.has(type)) parts.size = g.size;
      }
    }
    if (g.versioned || deleteMarker) parts.versionId = s3VersionId(random);
    if (type === 'Object Created' || type === 'Object Deleted') parts.sequencer = s3Sequencer(g.eventTime, random);
    if (keyEncoding !== undefined) parts.keyEncoding = keyEncoding;
    if (type === 'Object Restore Initiated' || type === 'Object Restore Completed') parts.sourceStorageClass = g.storageClass;
    if (type === 'Object Restore Completed') {
      const day = g.eventTime;
      parts.restoreExpiryTime = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + 1 + g.restoreDays));
    }
    if (type === 'Object Storage Class Changed') parts.destinationStorageClass = g.destinationStorageClass;
    if (type === 'Object Access Tier Changed') parts.destinationAccessTier = g.destinationAccessTier;
    return toS3EventBridgeEvent(parts);
  });
}
