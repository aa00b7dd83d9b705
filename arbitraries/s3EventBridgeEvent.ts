import { boolean, constant, constantFrom, integer, nat, oneof, record, type Arbitrary } from 'fast-check';
import { partitionOfRegion } from '../src/_internals/aws.js';
import { createRandom } from '../src/_internals/random.js';
import { s3MultipartETag, s3RestoreExpiry } from '../src/events/s3/defaults.js';
import { S3_ACCESS_TIERS, S3_SERVICE_PRINCIPAL, S3_STORAGE_CLASSES } from '../src/events/s3/eventTypes.js';
import {
  isS3EventBridgeDetailType,
  S3_CREATED_REASONS,
  s3EventBridgeTraits,
  toS3EventBridgeEvent,
} from '../src/events/s3/eventBridge.js';
import { uploadKindOf } from '../src/events/s3/record.js';
import { s3ETag, s3EventBridgeEventId, s3RequestId, s3Sequencer, s3VersionId } from '../src/events/s3/ids.js';
import type { S3KeyEncoding } from '../src/events/s3/keyCodec.js';
import type { S3EventBridgeParts } from '../src/events/s3/parts.js';
import {
  S3_EVENTBRIDGE_DETAIL_TYPES,
  type S3EventBridgeDetailType,
  type S3EventBridgeEventOf,
  type S3ObjectCreatedReason,
} from '../src/events/s3/types.js';
import { awsAccountId } from './awsAccountId.js';
import { fitMultipartSize, s3CallerIp, s3ObjectSize, s3PinnedParts } from './s3Record.js';

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

/**
 * S3 events as Amazon EventBridge delivers them, mapped through the one mapper
 * (`toS3EventBridgeEvent`): each detail type with exactly its `detail` fields.
 * @example s3EventBridgeEvent({ detailTypes: ['Object Created', 'Object Deleted'] })
 */
// @__NO_SIDE_EFFECTS__
export function s3EventBridgeEvent<D extends S3EventBridgeDetailType = S3EventBridgeDetailType>(
  constraints: S3EventBridgeEventConstraints<D> = {},
): Arbitrary<S3EventBridgeEventOf<D>> {
  const api = 's3EventBridgeEvent';
  const detailTypes =
    constraints.detailTypes ?? (S3_EVENTBRIDGE_DETAIL_TYPES as readonly S3EventBridgeDetailType[] as readonly D[]);
  if (!Array.isArray(detailTypes) || detailTypes.length === 0)
    throw new TypeError(`${api}: detailTypes must be a non-empty array of detail types`);
  for (const type of detailTypes) {
    if (!isS3EventBridgeDetailType(type))
      throw new TypeError(
        `${api}: detailTypes holds ${JSON.stringify(type)}, which is not an S3 EventBridge detail type; valid detail types: ${S3_EVENTBRIDGE_DETAIL_TYPES.join(', ')}`,
      );
  }
  const pins = s3PinnedParts(api, constraints);
  const ipv6 = constraints.ipv6 ?? true;
  if (typeof ipv6 !== 'boolean') throw new TypeError(`${api}: ipv6 must be a boolean`);
  if (constraints.versioned !== undefined && typeof constraints.versioned !== 'boolean')
    throw new TypeError(`${api}: versioned must be a boolean`);
  const keyEncoding = constraints.keyEncoding;

  return record({
    detailType: constantFrom(...detailTypes),
    bucket: pins.bucket,
    key: pins.key,
    region: pins.region,
    account: pins.account,
    eventTime: pins.eventTime,
    versioned: constraints.versioned === undefined ? boolean() : constant(constraints.versioned),
    seed: nat(),
    size: s3ObjectSize(),
    multipart: boolean(),
    partCount: oneof(integer({ min: 1, max: 5 }), integer({ min: 1, max: 10_000 })),
    createdReason: constantFrom(...(S3_CREATED_REASONS as readonly S3ObjectCreatedReason[])),
    deletedReason: constantFrom('DeleteObject', 'Lifecycle Expiration') as Arbitrary<
      'DeleteObject' | 'Lifecycle Expiration'
    >,
    deletionType: constantFrom('Permanently Deleted', 'Delete Marker Created') as Arbitrary<
      'Permanently Deleted' | 'Delete Marker Created'
    >,
    sourceIPAddress: s3CallerIp(ipv6),
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
      requester: S3_SERVICE_PRINCIPAL,
      sourceIPAddress: S3_SERVICE_PRINCIPAL,
    };
    let deleteMarker = false;
    if (type === 'Object Created') parts.reason = g.createdReason;
    if (type === 'Object Deleted') {
      parts.reason = g.deletedReason;
      parts.deletionType = g.deletionType;
      deleteMarker = g.deletionType === 'Delete Marker Created';
    }
    const { byRequest, withSize, sequenced } = s3EventBridgeTraits(type, parts.reason);
    if (byRequest) {
      parts.requester = g.otherRequester ?? g.account;
      parts.sourceIPAddress = g.sourceIPAddress;
    }
    if (type !== 'Object Deleted') {
      const multipart = type === 'Object Created' ? uploadKindOf(g.createdReason) === 'multipart' : g.multipart;
      if (multipart) {
        parts.eTag = s3MultipartETag(s3ETag(random), g.partCount);
        if (withSize) parts.size = fitMultipartSize(g.size, g.partCount);
      } else {
        parts.eTag = s3ETag(random);
        if (withSize) parts.size = g.size;
      }
    }
    if (g.versioned || deleteMarker) parts.versionId = s3VersionId(random);
    if (sequenced) parts.sequencer = s3Sequencer(g.eventTime, random);
    if (keyEncoding !== undefined) parts.keyEncoding = keyEncoding;
    if (type === 'Object Restore Initiated' || type === 'Object Restore Completed')
      parts.sourceStorageClass = g.storageClass;
    if (type === 'Object Restore Completed') {
      parts.restoreExpiryTime = s3RestoreExpiry(g.eventTime, g.restoreDays);
    }
    if (type === 'Object Storage Class Changed') parts.destinationStorageClass = g.destinationStorageClass;
    if (type === 'Object Access Tier Changed') parts.destinationAccessTier = g.destinationAccessTier;
    return toS3EventBridgeEvent(parts);
  });
}
