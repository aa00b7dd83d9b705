/**
 * The plain-data inputs ("parts") of the S3 mappers. Parts hold every value that varies
 * (ids and times included); the mappers derive everything else. Factories fill parts from
 * options and seeded defaults, arbitraries generate them, the msw S3 mock builds them from writes.
 */
import type { AwsPartition } from '../../_internals/aws.js';
import type { S3AccessTier, S3EventName } from './eventTypes.js';
import type { S3KeyEncoding } from './keyCodec.js';
import type { S3DeletionType, S3EventBridgeDetailType, S3ObjectCreatedReason, S3ObjectDeletedReason } from './types.js';

/** What an S3 notification record and an S3 EventBridge event both describe: one change to one object. */
export interface S3ObjectChangeParts {
  /** The bucket name (valid under S3's naming rules). */
  bucket: string;
  /** The object key, decoded (`'my photos/a+b.jpg'`); the mappers encode it. */
  key: string;
  /** Object size in bytes; required by event types that carry it, ignored by the others. */
  size?: number;
  /** Object eTag (`<32 hex>` or `<32 hex>-<parts>`); required by event types that carry it. Delete markers always get the empty MD5. */
  eTag?: string;
  /** Object version id; leave out for unversioned buckets. Required by delete-marker events. */
  versionId?: string;
  /** Sequencer (upper-case hex, see `s3Sequencer`); required by event types that carry it. */
  sequencer?: string;
  /** When S3 finished the request. */
  eventTime: Date;
  /** The bucket's region. */
  region: string;
  /** The bucket owner's account (EventBridge `account`; notification records do not carry it). */
  account: string;
  /** The partition of the bucket ARN. */
  partition: AwsPartition;
  /** `x-amz-request-id` / `request-id` (see `s3RequestId`). */
  requestId: string;
  /** The caller's IPv4 or IPv6 address, or `s3.amazonaws.com` for events S3 starts. */
  sourceIPAddress: string;
  /** How `~` and `*` in the key are encoded. @defaultValue `{ tilde: 'percent', asterisk: 'literal' }` */
  keyEncoding?: S3KeyEncoding;
  /** Restore events: when the restored copy expires. Required by `ObjectRestore:Completed` / `Object Restore Completed`. */
  restoreExpiryTime?: Date;
  /** Restore events: the archive storage class the object is restored from. @defaultValue `'GLACIER'` */
  sourceStorageClass?: string;
  /** `LifecycleTransition` / `Object Storage Class Changed`: the new storage class. @defaultValue `'GLACIER'` */
  destinationStorageClass?: string;
  /** `IntelligentTiering` / `Object Access Tier Changed`: the new access tier. @defaultValue `'ARCHIVE_ACCESS'` */
  destinationAccessTier?: S3AccessTier;
}

/** Replication details of `Replication:*` records. */
export interface S3ReplicationParts {
  /** The replication rule's id. */
  ruleId: string;
  /** The destination bucket's name; the mapper writes its ARN. */
  destinationBucket: string;
  /** @defaultValue `'OBJECT_PUT'` */
  s3Operation?: string;
  /** When the replicated request was made (before `eventTime`). */
  requestTime: Date;
  /** Why replication failed; required by, and only emitted on, `Replication:OperationFailedReplication`. */
  failureReason?: string;
}

/** Parts of one S3 notification record (`toS3Record`). */
export interface S3RecordParts extends S3ObjectChangeParts {
  /** The event name, without the `s3:` prefix. */
  eventName: S3EventName;
  /** `x-amz-id-2` (see `s3HostId`). */
  hostId: string;
  /** `userIdentity.principalId`: `AWS:AIDA…`, `AWS:AROA…:session`, a customer id, or `s3.amazonaws.com`. */
  principalId: string;
  /** `s3.configurationId`: the notification configuration's Id. */
  configurationId: string;
  /** `s3.bucket.ownerIdentity.principalId`: the owner's customer id (see `s3CanonicalUserId`). */
  bucketOwnerId: string;
  /**
   * `eventVersion`; by default the version S3 uses for the event name (2.1, 2.2 or 2.3). Give a
   * unified 2.4+ version (`"2.5"`) to mimic buckets on the newer schema; must match `^2\.\d+$`.
   */
  eventVersion?: string;
  /** Required by `Replication:*`. */
  replication?: S3ReplicationParts;
}

/** Parts of one S3 EventBridge event (`toS3EventBridgeEvent`). */
export interface S3EventBridgeParts extends S3ObjectChangeParts {
  /** The `detail-type`. */
  detailType: S3EventBridgeDetailType;
  /** `Object Created` / `Object Deleted` only: the `reason`. @defaultValue `'PutObject'` / `'DeleteObject'` */
  reason?: S3ObjectCreatedReason | S3ObjectDeletedReason;
  /** `Object Deleted` only. @defaultValue `'Permanently Deleted'` */
  deletionType?: S3DeletionType;
  /** The EventBridge event `id` (see `s3EventBridgeEventId`). */
  eventId: string;
  /** `requester`: the caller's 12-digit account, or `s3.amazonaws.com` for events S3 starts. */
  requester: string;
}
