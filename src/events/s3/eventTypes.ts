/**
 * The S3 notification event names, their `eventVersion`, and which object fields and extra
 * blocks each one carries (AWS "Event message structure" and "Supported event types" pages).
 * Every other S3 module reads these tables; none repeats them.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-event-types-and-destinations.html
 */

/** Every `eventName` S3 puts in a notification record (without the `s3:` prefix, as S3 sends it). */
export const S3_EVENT_NAMES = [
  'ObjectCreated:Put',
  'ObjectCreated:Post',
  'ObjectCreated:Copy',
  'ObjectCreated:CompleteMultipartUpload',
  'ObjectRemoved:Delete',
  'ObjectRemoved:DeleteMarkerCreated',
  'ObjectRestore:Post',
  'ObjectRestore:Completed',
  'ObjectRestore:Delete',
  'ReducedRedundancyLostObject',
  'Replication:OperationFailedReplication',
  'Replication:OperationMissedThreshold',
  'Replication:OperationReplicatedAfterThreshold',
  'Replication:OperationNotTracked',
  'LifecycleExpiration:Delete',
  'LifecycleExpiration:DeleteMarkerCreated',
  'LifecycleTransition',
  'IntelligentTiering',
  'ObjectTagging:Put',
  'ObjectTagging:Delete',
  'ObjectAcl:Put',
] as const;

/** An S3 notification `eventName`, e.g. `ObjectCreated:Put`. */
export type S3EventName = (typeof S3_EVENT_NAMES)[number];

/** `ObjectCreated:*` event names. */
export type S3ObjectCreatedEventName = Extract<S3EventName, `ObjectCreated:${string}`>;
/** `Replication:*` event names. */
export type S3ReplicationEventName = Extract<S3EventName, `Replication:${string}`>;

/**
 * Event names whose object has `key, size, eTag, versionId?, sequencer` (the shape
 * `@types/aws-lambda` assumes for every record).
 */
export type S3FullObjectEventName =
  | S3ObjectCreatedEventName
  | 'ObjectRestore:Post'
  | 'ObjectRestore:Completed'
  | 'ObjectRestore:Delete'
  | 'ReducedRedundancyLostObject'
  | S3ReplicationEventName;
/** Event names whose object is `key, versionId?, sequencer`: no size, no eTag. */
export type S3RemovedObjectEventName = 'ObjectRemoved:Delete' | 'LifecycleExpiration:Delete';
/** Event names whose object is a delete marker: `key, eTag` (the empty MD5), `versionId`, `sequencer`. */
export type S3DeleteMarkerEventName = 'ObjectRemoved:DeleteMarkerCreated' | 'LifecycleExpiration:DeleteMarkerCreated';
/** Event names whose object is `key, eTag, versionId?`: no size, no sequencer. */
export type S3MetadataEventName = 'ObjectTagging:Put' | 'ObjectTagging:Delete' | 'ObjectAcl:Put';
/** Event names whose object is `key, size, eTag, versionId?`: no sequencer (powertools-lambda-python #6150). */
export type S3TransitionEventName = 'LifecycleTransition' | 'IntelligentTiering';

/** What an object entity holds, by event name: the runtime twin of the `S3…EventName` unions above. */
export type S3ObjectShape = 'full' | 'removed' | 'deleteMarker' | 'metadata' | 'transition';

/** Who starts an event: a request (`request`, with a caller and an IP) or S3 itself (`s3`). */
export type S3Initiator = 'request' | 's3';

/** Facts about one event name. */
export interface S3EventTypeInfo {
  /** The `eventVersion` S3 sends for it (before the unified 2.4+ versions). */
  readonly eventVersion: '2.1' | '2.2' | '2.3';
  /** Which object fields it carries. */
  readonly object: S3ObjectShape;
  /** Whether a request or S3 itself (lifecycle, replication, tiering) causes it. */
  readonly initiator: S3Initiator;
}

const full = (eventVersion: S3EventTypeInfo['eventVersion'], initiator: S3Initiator = 'request'): S3EventTypeInfo => ({ eventVersion, object: 'full', initiator });

/** The per-event-name table: each name's `eventVersion` and the object fields its records carry. */
export const S3_EVENT_TYPES: Readonly<Record<S3EventName, S3EventTypeInfo>> = {
  'ObjectCreated:Put': full('2.1'),
  'ObjectCreated:Post': full('2.1'),
  'ObjectCreated:Copy': full('2.1'),
  'ObjectCreated:CompleteMultipartUpload': full('2.1'),
  'ObjectRemoved:Delete': { eventVersion: '2.1', object: 'removed', initiator: 'request' },
  'ObjectRemoved:DeleteMarkerCreated': { eventVersion: '2.1', object: 'deleteMarker', initiator: 'request' },
  'ObjectRestore:Post': full('2.1'),
  // A restore completes inside S3, but the real capture carries the restorer's customer id and an IP.
  'ObjectRestore:Completed': full('2.1'),
  'ObjectRestore:Delete': full('2.3', 's3'),
  ReducedRedundancyLostObject: full('2.1', 's3'),
  'Replication:OperationFailedReplication': full('2.2', 's3'),
  'Replication:OperationMissedThreshold': full('2.2', 's3'),
  'Replication:OperationReplicatedAfterThreshold': full('2.2', 's3'),
  'Replication:OperationNotTracked': full('2.2', 's3'),
  'LifecycleExpiration:Delete': { eventVersion: '2.3', object: 'removed', initiator: 's3' },
  'LifecycleExpiration:DeleteMarkerCreated': { eventVersion: '2.3', object: 'deleteMarker', initiator: 's3' },
  LifecycleTransition: { eventVersion: '2.3', object: 'transition', initiator: 's3' },
  IntelligentTiering: { eventVersion: '2.3', object: 'transition', initiator: 's3' },
  'ObjectTagging:Put': { eventVersion: '2.3', object: 'metadata', initiator: 'request' },
  'ObjectTagging:Delete': { eventVersion: '2.3', object: 'metadata', initiator: 'request' },
  'ObjectAcl:Put': { eventVersion: '2.3', object: 'metadata', initiator: 'request' },
};

const eventNameSet = new Set<string>(S3_EVENT_NAMES);

/** Whether `value` is one of {@link S3_EVENT_NAMES}. */
export function isS3EventName(value: unknown): value is S3EventName {
  return typeof value === 'string' && eventNameSet.has(value);
}

/** Whether records of this event name carry `s3.object.size`. */
export function hasSize(shape: S3ObjectShape): boolean {
  return shape === 'full' || shape === 'transition';
}
/** Whether records of this event name carry `s3.object.eTag`. */
export function hasETag(shape: S3ObjectShape): boolean {
  return shape !== 'removed';
}
/** Whether records of this event name carry `s3.object.sequencer`. */
export function hasSequencer(shape: S3ObjectShape): boolean {
  return shape === 'full' || shape === 'removed' || shape === 'deleteMarker';
}

/** The eTag of an empty object, which every delete marker carries. */
export const EMPTY_ETAG = 'd41d8cd98f00b204e9800998ecf8427e';

/** The principal id and source address S3 uses for events it starts itself (lifecycle, replication …). */
export const S3_SERVICE_PRINCIPAL = 's3.amazonaws.com';

/** Storage classes an object can be in or move to (`PutObject` `x-amz-storage-class` values). */
export const S3_STORAGE_CLASSES = [
  'STANDARD',
  'REDUCED_REDUNDANCY',
  'STANDARD_IA',
  'ONEZONE_IA',
  'INTELLIGENT_TIERING',
  'GLACIER',
  'DEEP_ARCHIVE',
  'OUTPOSTS',
  'GLACIER_IR',
  'SNOW',
  'EXPRESS_ONEZONE',
] as const;
/** One of {@link S3_STORAGE_CLASSES}. */
export type S3StorageClass = (typeof S3_STORAGE_CLASSES)[number];

/** The archive tiers of S3 Intelligent-Tiering that an `IntelligentTiering` event reports. */
export const S3_ACCESS_TIERS = ['ARCHIVE_ACCESS', 'DEEP_ARCHIVE_ACCESS'] as const;
/** One of {@link S3_ACCESS_TIERS}. */
export type S3AccessTier = (typeof S3_ACCESS_TIERS)[number];
