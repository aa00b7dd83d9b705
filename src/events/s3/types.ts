/**
 * Precise types of S3 notification records and S3 EventBridge events.
 *
 * Why not only `@types/aws-lambda`: its `S3EventRecord` makes `object.size`, `eTag` and
 * `sequencer` required for every record, while real ObjectRemoved, lifecycle, tagging and ACL
 * records lack some of them (powertools-lambda-python #1637 and #6150); and its S3 EventBridge
 * details make `version-id` required, which unversioned buckets never send. The types here say
 * which fields each event name carries. Records of `ObjectCreated:*` and the other "full
 * object" names stay assignable to `S3EventRecord`, so handlers typed with `S3Event` accept them.
 */
import type { EventBridgeEvent, S3EventRecordGlacierEventData } from 'aws-lambda';
import type { S3_EVENT_TYPES, S3EventBridgeDetailType, S3EventName } from './eventTypes.js';

export { S3_EVENTBRIDGE_DETAIL_TYPES, type S3EventBridgeDetailType } from './eventTypes.js';

/** The object of `ObjectCreated:*`, `ObjectRestore:*`, `Replication:*` and `ReducedRedundancyLostObject` records. */
export interface S3FullObject {
  key: string;
  size: number;
  eTag: string;
  /** Present only for versioned buckets. */
  versionId?: string;
  sequencer: string;
}
/** The object of `ObjectRemoved:Delete` and `LifecycleExpiration:Delete` records: no size, no eTag. */
export interface S3RemovedObject {
  key: string;
  /** Present only for versioned buckets (the deleted version). */
  versionId?: string;
  sequencer: string;
}
/** The object of `…:DeleteMarkerCreated` records: the marker's eTag (the empty MD5) and version id. */
export interface S3DeleteMarkerObject {
  key: string;
  eTag: string;
  versionId: string;
  sequencer: string;
}
/** The object of `ObjectTagging:*` and `ObjectAcl:Put` records: no size, no sequencer. */
export interface S3MetadataObject {
  key: string;
  eTag: string;
  versionId?: string;
}
/** The object of `LifecycleTransition` and `IntelligentTiering` records: no sequencer. */
export interface S3TransitionObject {
  key: string;
  size: number;
  eTag: string;
  versionId?: string;
}

/**
 * The object entity of each {@link S3ObjectShape}. Checked complete: a shape without an entry
 * here fails to compile rather than typing its records' objects as `never`.
 */
export interface S3ObjectByShape {
  full: S3FullObject;
  removed: S3RemovedObject;
  deleteMarker: S3DeleteMarkerObject;
  metadata: S3MetadataObject;
  transition: S3TransitionObject;
}

/** The object entity a record of event name `N` carries (its row's `object` shape). */
export type S3ObjectOf<N extends S3EventName> = S3ObjectByShape[(typeof S3_EVENT_TYPES)[N]['object']];

/** `replicationEventData` of `Replication:*` records (eventVersion 2.2). */
export interface S3ReplicationEventData {
  replicationRuleId: string;
  /** The destination bucket's ARN. */
  destinationBucket: string;
  /** e.g. `OBJECT_PUT`. */
  s3Operation: string;
  /** ISO-8601 with milliseconds: when the replicated request was made. */
  requestTime: string;
  /** Only on `Replication:OperationFailedReplication`, e.g. `AssumeRoleNotPermitted`. */
  failureReason?: string;
}
/** `lifecycleEventData` of `LifecycleTransition` records. */
export interface S3LifecycleEventData {
  transitionEventData: { destinationStorageClass: string };
}
/** `intelligentTieringEventData` of `IntelligentTiering` records. */
export interface S3IntelligentTieringEventData {
  destinationAccessTier: string;
}

/** The block each {@link S3ExtraBlock} adds beyond `s3`; checked complete like {@link S3ObjectByShape}. */
export interface S3ExtraBlocks {
  none: {};
  glacier: { glacierEventData: S3EventRecordGlacierEventData };
  lifecycle: { lifecycleEventData: S3LifecycleEventData };
  intelligentTiering: { intelligentTieringEventData: S3IntelligentTieringEventData };
  replication: { replicationEventData: S3ReplicationEventData };
  failedReplication: { replicationEventData: S3ReplicationEventData };
}

/** The blocks beyond `s3` that records of event name `N` carry (its row's `extra`). */
export type S3ExtrasOf<N extends S3EventName> = S3ExtraBlocks[(typeof S3_EVENT_TYPES)[N]['extra']];

/** One S3 notification record of event name `N` (a union of record types when `N` is a union). */
export type S3EventRecordOf<N extends S3EventName = S3EventName> = N extends S3EventName
  ? {
      eventVersion: string;
      eventSource: string;
      awsRegion: string;
      eventTime: string;
      eventName: N;
      userIdentity: { principalId: string };
      requestParameters: { sourceIPAddress: string };
      responseElements: { 'x-amz-request-id': string; 'x-amz-id-2': string };
      s3: {
        s3SchemaVersion: string;
        configurationId: string;
        bucket: { name: string; ownerIdentity: { principalId: string }; arn: string };
        object: S3ObjectOf<N>;
      };
    } & S3ExtrasOf<N>
  : never;

/** An S3 notification (`{ Records }`) whose records have event name `N`. */
export interface S3EventOf<N extends S3EventName = S3EventName> {
  Records: S3EventRecordOf<N>[];
}

/** The `s3:TestEvent` S3 sends once to SQS and SNS destinations when a notification configuration is saved. */
export interface S3TestEvent {
  Service: 'Amazon S3';
  Event: 's3:TestEvent';
  /** ISO-8601 with milliseconds. */
  Time: string;
  Bucket: string;
  RequestId: string;
  HostId: string;
}

// ---------------------------------------------------------------- EventBridge

/**
 * The EventBridge counterparts in {@link S3_EVENT_TYPES} of detail type `D`.
 * @internal
 */
type CounterpartOf<D extends S3EventBridgeDetailType> = Extract<
  { [N in S3EventName]: (typeof S3_EVENT_TYPES)[N] extends { eventBridge: infer E } ? E : never }[S3EventName],
  { detailType: D }
>;

/** `reason` of an `Object Created` event (from the `ObjectCreated:*` rows). */
export type S3ObjectCreatedReason = CounterpartOf<'Object Created'>['reason'];
/** `reason` of an `Object Deleted` event (from the `ObjectRemoved:*` and `LifecycleExpiration:*` rows). */
export type S3ObjectDeletedReason = CounterpartOf<'Object Deleted'>['reason'];
/** `deletion-type` of an `Object Deleted` event. */
export type S3DeletionType = CounterpartOf<'Object Deleted'>['deletionType'];

/** The fields every S3 event delivered by EventBridge carries in its `detail`. */
export interface S3EventBridgeDetailBase {
  version: string;
  bucket: { name: string };
  'request-id': string;
  /** A 12-digit account id for requests, `s3.amazonaws.com` for events S3 starts. */
  requester: string;
}
/** `detail.object` of the EventBridge S3 events that carry the object's size and eTag. */
export interface S3EventBridgeObjectWithSize {
  key: string;
  size: number;
  etag: string;
  'version-id'?: string;
}
/** `detail.object` of the EventBridge S3 events without a size (restore expiry, tag and ACL changes). */
export interface S3EventBridgeObjectNoSize {
  key: string;
  etag: string;
  'version-id'?: string;
}

/** `detail` of `Object Created`. */
export interface S3ObjectCreatedDetail extends S3EventBridgeDetailBase {
  object: S3EventBridgeObjectWithSize & { sequencer: string };
  'source-ip-address': string;
  reason: S3ObjectCreatedReason;
}
/**
 * `detail` of `Object Deleted`: a permanent delete has no `etag`; a delete marker has the empty
 * MD5 `etag` and its `version-id`; lifecycle deletes have no `source-ip-address`.
 */
export interface S3ObjectDeletedDetail extends S3EventBridgeDetailBase {
  object: { key: string; etag?: string; 'version-id'?: string; sequencer: string };
  'source-ip-address'?: string;
  reason: S3ObjectDeletedReason;
  'deletion-type': S3DeletionType;
}
/** `detail` of `Object Restore Initiated`. */
export interface S3ObjectRestoreInitiatedDetail extends S3EventBridgeDetailBase {
  object: S3EventBridgeObjectWithSize;
  'source-ip-address': string;
  'source-storage-class': string;
}
/** `detail` of `Object Restore Completed`. */
export interface S3ObjectRestoreCompletedDetail extends S3EventBridgeDetailBase {
  object: S3EventBridgeObjectWithSize;
  /** ISO-8601, whole seconds, `Z`. */
  'restore-expiry-time': string;
  'source-storage-class': string;
}
/** `detail` of `Object Restore Expired`. */
export interface S3ObjectRestoreExpiredDetail extends S3EventBridgeDetailBase {
  object: S3EventBridgeObjectNoSize;
}
/** `detail` of `Object Tags Added`, `Object Tags Deleted` and `Object ACL Updated`. */
export interface S3ObjectMetadataDetail extends S3EventBridgeDetailBase {
  object: S3EventBridgeObjectNoSize;
  'source-ip-address': string;
}
/** `detail` of `Object Storage Class Changed`. */
export interface S3ObjectStorageClassChangedDetail extends S3EventBridgeDetailBase {
  object: S3EventBridgeObjectWithSize;
  'destination-storage-class': string;
}
/** `detail` of `Object Access Tier Changed`. */
export interface S3ObjectAccessTierChangedDetail extends S3EventBridgeDetailBase {
  object: S3EventBridgeObjectWithSize;
  'destination-access-tier': string;
}

/** The `detail` of each detail type; checked complete like {@link S3ObjectByShape}. */
export interface S3EventBridgeDetails {
  'Object Created': S3ObjectCreatedDetail;
  'Object Deleted': S3ObjectDeletedDetail;
  'Object Restore Initiated': S3ObjectRestoreInitiatedDetail;
  'Object Restore Completed': S3ObjectRestoreCompletedDetail;
  'Object Restore Expired': S3ObjectRestoreExpiredDetail;
  'Object Tags Added': S3ObjectMetadataDetail;
  'Object Tags Deleted': S3ObjectMetadataDetail;
  'Object ACL Updated': S3ObjectMetadataDetail;
  'Object Storage Class Changed': S3ObjectStorageClassChangedDetail;
  'Object Access Tier Changed': S3ObjectAccessTierChangedDetail;
}

/** The `detail` of an S3 EventBridge event of detail type `D`. */
export type S3EventBridgeDetailOf<D extends S3EventBridgeDetailType> = S3EventBridgeDetails[D];

/** An S3 event delivered by EventBridge: `EventBridgeEvent<D, detail>` with `source: "aws.s3"`. */
export type S3EventBridgeEventOf<D extends S3EventBridgeDetailType = S3EventBridgeDetailType> =
  D extends S3EventBridgeDetailType ? EventBridgeEvent<D, S3EventBridgeDetailOf<D>> : never;
