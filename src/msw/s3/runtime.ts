/** What every S3 operation shares: the store, id generators, the clock and the notifier. */
import type { AwsPartition } from '../../_internals/aws.js';
import type { S3ObjectChangeParts } from '../../events/s3/parts.js';
import type { MockContext } from '../context.js';
import type { S3RequestIds } from './errors.js';
import type { Bucket, S3Store } from './store.js';
import type { S3ConfiguredNotifier } from './notificationConfiguration.js';

/** The write events the mock emits (S3 notification event names). */
export type S3ChangeEventName =
  | 'ObjectCreated:Put'
  | 'ObjectCreated:Copy'
  | 'ObjectCreated:CompleteMultipartUpload'
  | 'ObjectRemoved:Delete'
  | 'ObjectRemoved:DeleteMarkerCreated'
  | 'ObjectTagging:Put'
  | 'ObjectTagging:Delete';

/**
 * The object-change parts of the events `change` produces (notification and EventBridge event
 * alike): what the mapper needs from the store, the request and the mocks' context.
 */
export function changeParts(
  bucket: { readonly name: string; readonly region: string },
  change: S3Change,
  ids: S3RequestIds,
  now: Date,
  context: MockContext,
): Omit<S3ObjectChangeParts, 'sourceIPAddress'> {
  return {
    bucket: bucket.name,
    key: change.key,
    ...(change.size === undefined ? {} : { size: change.size }),
    ...(change.eTag === undefined ? {} : { eTag: change.eTag }),
    ...(change.versionId === undefined ? {} : { versionId: change.versionId }),
    ...(change.sequencer === undefined ? {} : { sequencer: change.sequencer }),
    eventTime: now,
    region: bucket.region,
    account: context.account,
    partition: context.partition as AwsPartition,
    requestId: ids.requestId,
  };
}

/** One change to a bucket that notifications report. */
export interface S3Change {
  readonly eventName: S3ChangeEventName;
  readonly key: string;
  /** Created objects only. */
  readonly size?: number;
  /** Created objects and delete markers. */
  readonly eTag?: string;
  /** Versioned buckets only (`null` versions are never reported). */
  readonly versionId?: string;
  /** Writes and deletes only: tag changes carry none, as S3's tagging records have none. */
  readonly sequencer?: string;
  /** Who made the request: `AWS:AIDA…` for SDK callers. */
  readonly principalId?: string;
}

/** The state and services an operation works with. */
export interface S3Runtime {
  readonly store: S3Store;
  readonly context: MockContext;
  /** A fresh version id for a versioning-enabled bucket. */
  versionId(): string;
  /** A fresh multipart upload id. */
  uploadId(): string;
  /** The next sequencer: increasing across the instance, so increasing per key. */
  sequencer(now: Date): string;
  /** Ids for one response. */
  requestIds(): S3RequestIds;
  /** Queues the notifications one change causes. */
  notify(bucket: Bucket, change: S3Change, ids: S3RequestIds, now: Date): void;
  /** The buckets' notification configurations (absent in hand-made runtimes). */
  readonly configured?: S3ConfiguredNotifier;
  /** A fresh notification configuration id, for configurations saved without `Id`. */
  notificationId(): string;
  /** Whether EventBridge events have somewhere to go (createS3Service's `eventBridge` option). */
  readonly hasEventBridge: boolean;
  /** Forgets the notification subscriptions of a deleted bucket. */
  forgetBucket(bucket: string): void;
}
