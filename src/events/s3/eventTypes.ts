/**
 * The S3 notification event names, their `eventVersion`, and which object fields and extra
 * blocks each one carries (AWS "Event message structure" and "Supported event types" pages).
 * Every other S3 module reads these tables; none repeats them.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-event-types-and-destinations.html
 */

/** What an object entity holds, by event name (see {@link S3_EVENT_TYPES}). */
export type S3ObjectShape = 'full' | 'removed' | 'deleteMarker' | 'metadata' | 'transition';

/** Who starts an event: a request (`request`, with a caller and an IP) or S3 itself (`s3`). */
export type S3Initiator = 'request' | 's3';

/**
 * The block beyond `s3` a record carries: `glacierEventData`, `lifecycleEventData`,
 * `intelligentTieringEventData`, `replicationEventData` (`failedReplication`: with a
 * `failureReason`), or none.
 */
export type S3ExtraBlock =
  | 'none'
  | 'glacier'
  | 'lifecycle'
  | 'intelligentTiering'
  | 'replication'
  | 'failedReplication';

/** Which per-type `detail` fields an S3 EventBridge event carries. */
export interface S3EventBridgeTraits {
  /** Started by a request: carries `source-ip-address`, and its `requester` is the caller's account (else `s3.amazonaws.com`). */
  readonly byRequest: boolean;
  /** Carries `object.size`. */
  readonly withSize: boolean;
  /** Carries `object.sequencer` (created and deleted events; restore, tagging and tiering events do not). */
  readonly sequenced: boolean;
}

const traits = (byRequest: boolean, withSize: boolean, sequenced: boolean): S3EventBridgeTraits =>
  Object.freeze({ byRequest, withSize, sequenced });

/**
 * The S3 EventBridge detail types, in AWS's order, with the `detail` fields each carries. An
 * `Object Deleted` event with reason `Lifecycle Expiration` is started by S3 (see `s3EventBridgeTraits`).
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/ev-events.html
 */
export const S3_EVENTBRIDGE_TYPES = {
  'Object Created': traits(true, true, true),
  'Object Deleted': traits(true, false, true),
  'Object Restore Initiated': traits(true, true, false),
  'Object Restore Completed': traits(false, true, false),
  'Object Restore Expired': traits(false, false, false),
  'Object Tags Added': traits(true, false, false),
  'Object Tags Deleted': traits(true, false, false),
  'Object ACL Updated': traits(true, false, false),
  'Object Storage Class Changed': traits(false, true, false),
  'Object Access Tier Changed': traits(false, true, false),
} as const satisfies Record<string, S3EventBridgeTraits>;

/** One of {@link S3_EVENTBRIDGE_DETAIL_TYPES}. */
export type S3EventBridgeDetailType = keyof typeof S3_EVENTBRIDGE_TYPES;

/** Every `detail-type` of S3 events delivered by EventBridge, in AWS's order (the keys of {@link S3_EVENTBRIDGE_TYPES}). */
export const S3_EVENTBRIDGE_DETAIL_TYPES = Object.freeze(
  Object.keys(S3_EVENTBRIDGE_TYPES),
) as readonly S3EventBridgeDetailType[];

/** The EventBridge counterpart of a notification event name: its detail type, and `reason` / `deletion-type` where it has them. */
export interface S3EventBridgeType {
  readonly detailType: S3EventBridgeDetailType;
  readonly reason?: string;
  readonly deletionType?: string;
}

/** Facts about one event name: one row of {@link S3_EVENT_TYPES}. */
export interface S3EventTypeInfo {
  /** The `eventVersion` S3 sends for it (before the unified 2.4+ versions). */
  readonly eventVersion: '2.1' | '2.2' | '2.3';
  /** Which object fields it carries. */
  readonly object: S3ObjectShape;
  /** Whether a request or S3 itself (lifecycle, replication, tiering) causes it. */
  readonly initiator: S3Initiator;
  /** The block beyond `s3` its records carry. */
  readonly extra: S3ExtraBlock;
  /** Whether its eTag must be single-part (PUT, POST) or multipart; absent: either (a copy, a restore …). */
  readonly upload?: 'single' | 'multipart';
  /** The EventBridge event S3 sends for the same change; absent: EventBridge has none. */
  readonly eventBridge?: S3EventBridgeType;
}

/**
 * THE table of S3 notification event names (without the `s3:` prefix, as S3 sends them), in
 * AWS's order: each name's `eventVersion`, object fields, initiator, extra block, upload kind and
 * EventBridge counterpart. `S3EventName`, the object and record types, the mappers, the
 * factories, the arbitraries and the CLI kinds are all derived from it: adding a name is one row.
 * A row of a kind nothing maps yet (a new shape, block or detail type) fails to compile.
 */
export const S3_EVENT_TYPES = {
  'ObjectCreated:Put': {
    eventVersion: '2.1',
    object: 'full',
    initiator: 'request',
    extra: 'none',
    upload: 'single',
    eventBridge: { detailType: 'Object Created', reason: 'PutObject' },
  },
  'ObjectCreated:Post': {
    eventVersion: '2.1',
    object: 'full',
    initiator: 'request',
    extra: 'none',
    upload: 'single',
    eventBridge: { detailType: 'Object Created', reason: 'POST Object' },
  },
  'ObjectCreated:Copy': {
    eventVersion: '2.1',
    object: 'full',
    initiator: 'request',
    extra: 'none',
    eventBridge: { detailType: 'Object Created', reason: 'CopyObject' },
  },
  'ObjectCreated:CompleteMultipartUpload': {
    eventVersion: '2.1',
    object: 'full',
    initiator: 'request',
    extra: 'none',
    upload: 'multipart',
    eventBridge: { detailType: 'Object Created', reason: 'CompleteMultipartUpload' },
  },
  'ObjectRemoved:Delete': {
    eventVersion: '2.1',
    object: 'removed',
    initiator: 'request',
    extra: 'none',
    eventBridge: { detailType: 'Object Deleted', reason: 'DeleteObject', deletionType: 'Permanently Deleted' },
  },
  'ObjectRemoved:DeleteMarkerCreated': {
    eventVersion: '2.1',
    object: 'deleteMarker',
    initiator: 'request',
    extra: 'none',
    eventBridge: { detailType: 'Object Deleted', reason: 'DeleteObject', deletionType: 'Delete Marker Created' },
  },
  'ObjectRestore:Post': {
    eventVersion: '2.1',
    object: 'full',
    initiator: 'request',
    extra: 'none',
    eventBridge: { detailType: 'Object Restore Initiated' },
  },
  // A restore completes inside S3, but the real capture carries the restorer's customer id and an IP.
  'ObjectRestore:Completed': {
    eventVersion: '2.1',
    object: 'full',
    initiator: 'request',
    extra: 'glacier',
    eventBridge: { detailType: 'Object Restore Completed' },
  },
  'ObjectRestore:Delete': {
    eventVersion: '2.3',
    object: 'full',
    initiator: 's3',
    extra: 'none',
    eventBridge: { detailType: 'Object Restore Expired' },
  },
  ReducedRedundancyLostObject: { eventVersion: '2.1', object: 'full', initiator: 's3', extra: 'none' },
  'Replication:OperationFailedReplication': {
    eventVersion: '2.2',
    object: 'full',
    initiator: 's3',
    extra: 'failedReplication',
  },
  'Replication:OperationMissedThreshold': {
    eventVersion: '2.2',
    object: 'full',
    initiator: 's3',
    extra: 'replication',
  },
  'Replication:OperationReplicatedAfterThreshold': {
    eventVersion: '2.2',
    object: 'full',
    initiator: 's3',
    extra: 'replication',
  },
  'Replication:OperationNotTracked': { eventVersion: '2.2', object: 'full', initiator: 's3', extra: 'replication' },
  'LifecycleExpiration:Delete': {
    eventVersion: '2.3',
    object: 'removed',
    initiator: 's3',
    extra: 'none',
    eventBridge: { detailType: 'Object Deleted', reason: 'Lifecycle Expiration', deletionType: 'Permanently Deleted' },
  },
  'LifecycleExpiration:DeleteMarkerCreated': {
    eventVersion: '2.3',
    object: 'deleteMarker',
    initiator: 's3',
    extra: 'none',
    eventBridge: {
      detailType: 'Object Deleted',
      reason: 'Lifecycle Expiration',
      deletionType: 'Delete Marker Created',
    },
  },
  LifecycleTransition: {
    eventVersion: '2.3',
    object: 'transition',
    initiator: 's3',
    extra: 'lifecycle',
    eventBridge: { detailType: 'Object Storage Class Changed' },
  },
  IntelligentTiering: {
    eventVersion: '2.3',
    object: 'transition',
    initiator: 's3',
    extra: 'intelligentTiering',
    eventBridge: { detailType: 'Object Access Tier Changed' },
  },
  'ObjectTagging:Put': {
    eventVersion: '2.3',
    object: 'metadata',
    initiator: 'request',
    extra: 'none',
    eventBridge: { detailType: 'Object Tags Added' },
  },
  'ObjectTagging:Delete': {
    eventVersion: '2.3',
    object: 'metadata',
    initiator: 'request',
    extra: 'none',
    eventBridge: { detailType: 'Object Tags Deleted' },
  },
  'ObjectAcl:Put': {
    eventVersion: '2.3',
    object: 'metadata',
    initiator: 'request',
    extra: 'none',
    eventBridge: { detailType: 'Object ACL Updated' },
  },
} as const satisfies Record<string, S3EventTypeInfo>;

/**
 * The table's row types, for the derived unions.
 * @internal
 */
type Rows = typeof S3_EVENT_TYPES;

/** An S3 notification `eventName`, e.g. `ObjectCreated:Put`: a key of {@link S3_EVENT_TYPES}. */
export type S3EventName = keyof Rows;

/** Every `eventName` S3 puts in a notification record, in AWS's order (the keys of {@link S3_EVENT_TYPES}). */
export const S3_EVENT_NAMES = Object.freeze(Object.keys(S3_EVENT_TYPES)) as readonly S3EventName[];

/** The event names whose row has `field` set to (a subtype of) `value`. */
export type S3EventNameWhere<K extends keyof S3EventTypeInfo, V> = {
  [N in S3EventName]: Rows[N] extends { readonly [P in K]: V } ? N : never;
}[S3EventName];

/** `ObjectCreated:*` event names. */
export type S3ObjectCreatedEventName = Extract<S3EventName, `ObjectCreated:${string}`>;
/** `Replication:*` event names (their records carry `replicationEventData`). */
export type S3ReplicationEventName = S3EventNameWhere<'extra', 'replication' | 'failedReplication'>;

/**
 * Event names whose object has `key, size, eTag, versionId?, sequencer` (the shape
 * `@types/aws-lambda` assumes for every record).
 */
export type S3FullObjectEventName = S3EventNameWhere<'object', 'full'>;
/** Event names whose object is `key, versionId?, sequencer`: no size, no eTag. */
export type S3RemovedObjectEventName = S3EventNameWhere<'object', 'removed'>;
/** Event names whose object is a delete marker: `key, eTag` (the empty MD5), `versionId`, `sequencer`. */
export type S3DeleteMarkerEventName = S3EventNameWhere<'object', 'deleteMarker'>;
/** Event names whose object is `key, eTag, versionId?`: no size, no sequencer. */
export type S3MetadataEventName = S3EventNameWhere<'object', 'metadata'>;
/** Event names whose object is `key, size, eTag, versionId?`: no sequencer (powertools-lambda-python #6150). */
export type S3TransitionEventName = S3EventNameWhere<'object', 'transition'>;

/** The row of `eventName` in {@link S3_EVENT_TYPES}, typed loosely so optional fields read as such. */
export function s3EventType(eventName: S3EventName): S3EventTypeInfo {
  return S3_EVENT_TYPES[eventName];
}

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
