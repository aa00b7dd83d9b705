/**
 * THE mapper of S3 events delivered by Amazon EventBridge: parts → event.
 * It decides which `detail` fields each detail type carries; factories, arbitraries and the
 * msw S3 mock all call it.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/ev-events.html
 */
import { isoSeconds, assertAccount, assertRegion, resolvePartition } from '../../_internals/aws.js';
import { fail, show } from '../../_internals/errors.js';
import {
  EMPTY_ETAG,
  S3_EVENT_NAMES,
  S3_EVENTBRIDGE_TYPES,
  s3EventType,
  type S3EventBridgeTraits,
  type S3EventBridgeType,
  type S3EventName,
} from './eventTypes.js';
import { encodeS3Key } from './keyCodec.js';
import type { S3EventBridgeParts } from './parts.js';
import { s3BucketArn, uploadKindOf } from './record.js';
import {
  S3_EVENTBRIDGE_DETAIL_TYPES,
  type S3DeletionType,
  type S3EventBridgeDetailType,
  type S3EventBridgeEventOf,
  type S3ObjectCreatedReason,
  type S3ObjectDeletedReason,
} from './types.js';
import {
  assertDeleteMarkerETag,
  assertNonEmpty,
  assertS3BucketName,
  assertS3ETag,
  assertS3ETagFitsUpload,
  assertS3EventTime,
  assertS3Key,
  assertS3MultipartSize,
  assertS3Sequencer,
  assertS3Size,
  assertS3VersionId,
  isIPv4,
  s3ETagPartCount,
} from './validate.js';

const detailTypeSet = new Set<string>(S3_EVENTBRIDGE_DETAIL_TYPES);

/** Whether `value` is one of {@link S3_EVENTBRIDGE_DETAIL_TYPES}. */
export function isS3EventBridgeDetailType(value: unknown): value is S3EventBridgeDetailType {
  return typeof value === 'string' && detailTypeSet.has(value);
}

/** Throws unless `value` is an S3 EventBridge detail type; the message lists them. */
export function assertS3EventBridgeDetailType(api: string, argument: string, value: unknown): S3EventBridgeDetailType {
  if (!isS3EventBridgeDetailType(value))
    fail(
      api,
      argument,
      `${show(value)} is not a detail-type of S3 EventBridge events; valid detail types: ${S3_EVENTBRIDGE_DETAIL_TYPES.join(', ')}`,
    );
  return value;
}

/** An EventBridge counterpart with its `reason` and `deletion-type` typed as the table has them. */
export interface S3EventBridgeCounterpart extends S3EventBridgeType {
  readonly reason?: S3ObjectCreatedReason | S3ObjectDeletedReason;
  readonly deletionType?: S3DeletionType;
}

/**
 * The EventBridge detail type (and `reason` / `deletion-type`) S3 sends for the same change as a
 * notification of `eventName`, or undefined for names EventBridge has no event for
 * (`Replication:*`, `ReducedRedundancyLostObject`).
 */
export function s3EventBridgeTypeOf(eventName: S3EventName): S3EventBridgeCounterpart | undefined {
  return s3EventType(eventName).eventBridge as S3EventBridgeCounterpart | undefined;
}

const LIFECYCLE_DELETED: S3EventBridgeTraits = Object.freeze({ byRequest: false, withSize: false, sequenced: true });

/**
 * The per-type rules of S3 EventBridge events: whether a detail type (with
 * its `reason`; `Lifecycle Expiration` deletes are started by S3) is request-initiated, carries a
 * size and carries a sequencer. The mapper, factories and arbitraries all follow these.
 */
export function s3EventBridgeTraits(
  detailType: S3EventBridgeDetailType,
  reason: string | undefined,
): S3EventBridgeTraits {
  return detailType === 'Object Deleted' && reason === 'Lifecycle Expiration'
    ? LIFECYCLE_DELETED
    : S3_EVENTBRIDGE_TYPES[detailType];
}

function need<T>(api: string, detailType: string, field: keyof S3EventBridgeParts, value: T | undefined): T {
  if (value === undefined) fail(api, `parts.${field}`, `is required for "${detailType}" events`);
  return value;
}

/** The distinct values of one field of the counterparts of `detailType`, in the table's order. */
function counterpartValues(detailType: S3EventBridgeDetailType, field: 'reason' | 'deletionType'): readonly string[] {
  const values = new Set<string>();
  for (const eventName of S3_EVENT_NAMES) {
    const counterpart = s3EventType(eventName).eventBridge;
    const value = counterpart?.detailType === detailType ? counterpart[field] : undefined;
    if (value !== undefined) values.add(value);
  }
  return Object.freeze([...values]);
}

/** The `reason`s of `Object Created` events, from the `ObjectCreated:*` rows. */
export const S3_CREATED_REASONS = counterpartValues('Object Created', 'reason');
const CREATED_REASONS = S3_CREATED_REASONS;
const DELETED_REASONS = counterpartValues('Object Deleted', 'reason');
const DELETION_TYPES = counterpartValues('Object Deleted', 'deletionType');

/**
 * Builds one S3 EventBridge event without validating the parts' formats (see {@link toS3EventBridgeEvent}).
 * @internal
 */
export function buildS3EventBridgeEvent<D extends S3EventBridgeDetailType>(
  parts: S3EventBridgeParts & { detailType: D },
  api = 'toS3EventBridgeEvent',
): S3EventBridgeEventOf<D> {
  const { detailType } = parts;
  const object: Record<string, unknown> = { key: encodeS3Key(parts.key, parts.keyEncoding) };
  const detail: Record<string, unknown> = { version: '0', bucket: { name: parts.bucket }, object };
  let reason: string | undefined;
  let deletionType: string | undefined;
  if (detailType === 'Object Created') {
    reason = parts.reason ?? 'PutObject';
    if (!CREATED_REASONS.includes(reason))
      fail(
        api,
        'parts.reason',
        `${show(reason)} is not a reason of "Object Created" events (${CREATED_REASONS.join(', ')})`,
      );
  } else if (detailType === 'Object Deleted') {
    reason = parts.reason ?? 'DeleteObject';
    if (!DELETED_REASONS.includes(reason))
      fail(
        api,
        'parts.reason',
        `${show(reason)} is not a reason of "Object Deleted" events (${DELETED_REASONS.join(', ')})`,
      );
    deletionType = parts.deletionType ?? 'Permanently Deleted';
    if (!DELETION_TYPES.includes(deletionType))
      fail(api, 'parts.deletionType', `${show(deletionType)} is not a deletion-type (${DELETION_TYPES.join(', ')})`);
  } else if (parts.reason !== undefined || parts.deletionType !== undefined) {
    fail(
      api,
      parts.reason !== undefined ? 'parts.reason' : 'parts.deletionType',
      `applies only to "Object Created" and "Object Deleted" events, not "${detailType}"`,
    );
  }
  const deleteMarker = deletionType === 'Delete Marker Created';
  const { byRequest, withSize, sequenced } = s3EventBridgeTraits(detailType, reason);
  // Object fields in S3's order: key, size, etag, version-id, sequencer.
  if (withSize) object.size = need(api, detailType, 'size', parts.size);
  if (deleteMarker) object.etag = EMPTY_ETAG;
  else if (detailType !== 'Object Deleted') object.etag = need(api, detailType, 'eTag', parts.eTag);
  if (deleteMarker) object['version-id'] = need(api, detailType, 'versionId', parts.versionId);
  else if (parts.versionId !== undefined) object['version-id'] = parts.versionId;
  if (sequenced) object.sequencer = need(api, detailType, 'sequencer', parts.sequencer);

  detail['request-id'] = parts.requestId;
  detail.requester = parts.requester;
  if (byRequest) detail['source-ip-address'] = parts.sourceIPAddress;
  if (reason !== undefined) detail.reason = reason;
  if (deletionType !== undefined) detail['deletion-type'] = deletionType;
  switch (detailType) {
    case 'Object Restore Initiated':
      detail['source-storage-class'] = parts.sourceStorageClass ?? 'GLACIER';
      break;
    case 'Object Restore Completed':
      detail['restore-expiry-time'] = isoSeconds(need(api, detailType, 'restoreExpiryTime', parts.restoreExpiryTime));
      detail['source-storage-class'] = parts.sourceStorageClass ?? 'GLACIER';
      break;
    case 'Object Storage Class Changed':
      detail['destination-storage-class'] = parts.destinationStorageClass ?? 'GLACIER';
      break;
    case 'Object Access Tier Changed':
      detail['destination-access-tier'] = parts.destinationAccessTier ?? 'ARCHIVE_ACCESS';
      break;
    default:
  }
  return {
    version: '0',
    id: parts.eventId,
    'detail-type': detailType,
    source: 'aws.s3',
    account: parts.account,
    time: isoSeconds(parts.eventTime),
    region: parts.region,
    resources: [s3BucketArn(parts.partition, parts.bucket)],
    detail,
  } as unknown as S3EventBridgeEventOf<D>;
}

const EVENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Checks every part of an S3 EventBridge event; throws {@link EventInputError} naming `api` and `parts.<field>`. */
function assertS3EventBridgeParts(parts: S3EventBridgeParts, api = 'toS3EventBridgeEvent'): void {
  if (parts === null || typeof parts !== 'object') fail(api, 'parts', 'must be an object of S3 EventBridge parts');
  const detailType = assertS3EventBridgeDetailType(api, 'parts.detailType', parts.detailType);
  assertS3BucketName(api, 'parts.bucket', parts.bucket);
  assertS3Key(api, 'parts.key', parts.key);
  if (parts.size !== undefined) assertS3Size(api, 'parts.size', parts.size);
  if (parts.eTag !== undefined) {
    const eTag = assertS3ETag(api, 'parts.eTag', parts.eTag);
    if (parts.deletionType === 'Delete Marker Created')
      assertDeleteMarkerETag(api, 'parts.eTag', eTag, `"${detailType}" (Delete Marker Created)`);
    const partCount = s3ETagPartCount(eTag);
    if (partCount !== undefined && parts.size !== undefined)
      assertS3MultipartSize(api, 'parts.size', parts.size, partCount);
    const upload = detailType === 'Object Created' ? uploadKindOf(parts.reason ?? 'PutObject') : undefined;
    if (upload !== undefined)
      assertS3ETagFitsUpload(
        api,
        'parts.eTag',
        eTag,
        upload,
        `"Object Created" events with reason ${parts.reason ?? 'PutObject'}`,
      );
  }
  if (parts.versionId !== undefined) assertS3VersionId(api, 'parts.versionId', parts.versionId);
  if (parts.sequencer !== undefined) assertS3Sequencer(api, 'parts.sequencer', parts.sequencer);
  assertS3EventTime(api, 'parts.eventTime', parts.eventTime);
  assertRegion(api, 'parts.region', parts.region);
  assertAccount(api, 'parts.account', parts.account);
  resolvePartition(api, parts.region, parts.partition);
  if (typeof parts.eventId !== 'string' || !EVENT_ID.test(parts.eventId))
    fail(
      api,
      'parts.eventId',
      `${show(parts.eventId)} is not an EventBridge event id: lower-case hex in 8-4-4-4-12 layout`,
    );
  assertNonEmpty(api, 'parts.requestId', parts.requestId);
  assertNonEmpty(api, 'parts.requester', parts.requester);
  if (s3EventBridgeTraits(detailType, parts.reason).byRequest) {
    const ip = parts.sourceIPAddress;
    if (typeof ip !== 'string' || !(isIPv4(ip) || ip.includes(':')))
      fail(
        api,
        'parts.sourceIPAddress',
        `${show(ip)} must be the caller's IPv4 or IPv6 address for "${detailType}" events`,
      );
  }
  if (detailType === 'Object Restore Completed') {
    const expiry = parts.restoreExpiryTime;
    if (!(expiry instanceof Date) || !(expiry.getTime() > parts.eventTime.getTime()))
      fail(api, 'parts.restoreExpiryTime', `must be a Date after eventTime for "${detailType}" events`);
  }
}

/**
 * Maps parts to one S3 event as EventBridge delivers it: the envelope (`version "0"`, `source
 * "aws.s3"`, `time` in whole seconds, `resources: [bucket ARN]`) and a `detail` with exactly the
 * fields of its detail type: no `etag`/`size` on permanent deletes, the empty-MD5 etag on
 * delete markers, `source-ip-address` only on request-initiated events, `sequencer` only on
 * created/deleted events. Keys are form-urlencoded as in notifications.
 */
export function toS3EventBridgeEvent<D extends S3EventBridgeDetailType>(
  parts: S3EventBridgeParts & { detailType: D },
): S3EventBridgeEventOf<D> {
  assertS3EventBridgeParts(parts, 'toS3EventBridgeEvent');
  return buildS3EventBridgeEvent(parts, 'toS3EventBridgeEvent');
}
