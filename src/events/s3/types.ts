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
import type {
  S3DeleteMarkerEventName,
  S3EventName,
  S3FullObjectEventName,
  S3MetadataEventName,
  S3RemovedObjectEventName,
  S3ReplicationEventName,
  S3TransitionEventName,
} from './eventTypes.js';

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

/** The object entity a record of event name `N` carries. */
export type S3ObjectOf<N extends S3EventName> = N extends S3FullObjectEventName
  ? S3FullObject
  : N extends S3RemovedObjectEventName
    ? S3RemovedObject
    : N extends S3DeleteMarkerEventName
      ? S3DeleteMarkerObject
      : N extends S3MetadataEventName
        ? S3MetadataObject
        : N extends S3TransitionEventName
          ? S3TransitionObject
          : never;

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

/** The blocks beyond `s3` that records of event name `N` carry. */
export type S3ExtrasOf<N extends S3EventName> = N extends 'ObjectRestore:Completed'
  ? { glacierEventData: S3EventRecordGlacierEventData }
  : N extends 'LifecycleTransition'
    ? { lifecycleEventData: S3LifecycleEventData }
    : N extends 'IntelligentTiering'
      ? { intelligentTieringEventData: S3IntelligentTieringEventData }
      : N extends S3ReplicationEventName
        ? { replicationEventData: S3ReplicationEventData }
        : {};

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
 * Every `detail-type` of S3 events delivered by EventBridge (AWS "Using EventBridge").
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/ev-events.html
 */
export const S3_EVENTBRIDGE_DETAIL_TYPES = [
  'Object Created',
  'Object Deleted',
  'Object Restore Initiated',
  'Object Restore Completed',
  'Object Restore Expired',
  'Object Tags Added',
  'Object Tags Deleted',
  'Object ACL Updated',
  'Object Storage Class Changed',
  'Object Access Tier Changed',
] as const;
/** One of {@link S3_EVENTBRIDGE_DETAIL_TYPES}. */
export type S3EventBridgeDetailType = (typeof S3_EVENTBRIDGE_DETAIL_TYPES)[number];

/** `reason` of an `Object Created` event. */
export type S3ObjectCreatedReason = 'PutObject' | 'POST Object' | 'CopyObject' | 'CompleteMultipartUpload';
/** `reason` of an `Object Deleted` event. */
export type S3ObjectDeletedReason = 'DeleteObject' | 'Lifecycle Expiration';
/** `deletion-type` of an `Object Deleted` event. */
export type S3DeletionType = 'Permanently Deleted' | 'Delete Marker Created';

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

/** The `detail` of an S3 EventBridge event of detail type `D`. */
export type S3EventBridgeDetailOf<D extends S3EventBridgeDetailType> = D extends 'Object Created'
  ? S3ObjectCreatedDetail
  : D extends 'Object Deleted'
    ? S3ObjectDeletedDetail
    : D extends 'Object Restore Initiated'
      ? S3ObjectRestoreInitiatedDetail
      : D extends 'Object Restore Completed'
        ? S3ObjectRestoreCompletedDetail
        : D extends 'Object Restore Expired'
          ? S3ObjectRestoreExpiredDetail
          : D extends 'Object Tags Added' | 'Object Tags Deleted' | 'Object ACL Updated'
            ? S3ObjectMetadataDetail
            : D extends 'Object Storage Class Changed'
              ? S3ObjectStorageClassChangedDetail
              : D extends 'Object Access Tier Changed'
                ? S3ObjectAccessTierChangedDetail
                : never;

/** An S3 event delivered by EventBridge: `EventBridgeEvent<D, detail>` with `source: "aws.s3"`. */
export type S3EventBridgeEventOf<D extends S3EventBridgeDetailType = S3EventBridgeDetailType> = D extends S3EventBridgeDetailType
  ? EventBridgeEvent<D, S3EventBridgeDetailOf<D>>
  : never;
