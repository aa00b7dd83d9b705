/**
 * THE mapper of S3 notification records: parts → record. Every field's logic lives here
 * (bucket ARN, key encoding, eventVersion per type, which object fields and extra blocks each
 * event name carries). Factories, arbitraries and the msw S3 mock all call it.
 */
import { arn, isoMillis } from '../../_internals/aws.js';
import { fail } from '../../_internals/errors.js';
import {
  EMPTY_ETAG,
  S3_EVENT_NAMES,
  hasETag,
  hasSequencer,
  hasSize,
  s3EventType,
  type S3EventName,
} from './eventTypes.js';
import { encodeS3Key } from './keyCodec.js';
import type { S3RecordParts } from './parts.js';
import type { S3EventOf, S3EventRecordOf } from './types.js';
import {
  assertDeleteMarkerETag,
  assertNonEmpty,
  assertS3BucketName,
  assertS3ETag,
  assertS3EventName,
  assertS3EventTime,
  assertS3ETagFitsUpload,
  assertS3EventVersion,
  assertS3Key,
  assertS3MultipartSize,
  assertS3Sequencer,
  assertS3Size,
  assertS3SourceIp,
  assertS3VersionId,
  s3ETagPartCount,
} from './validate.js';
import { assertAccount, assertRegion, resolvePartition } from '../../_internals/aws.js';

// One-entry memo of eventTime's ISO text: factories reuse one default time call after call.
let memoMs = Number.NaN;
// Stryker disable next-line StringLiteral: the memo's initial text is never read (no time has NaN ms)
let memoIso = '';
function eventTimeIso(time: Date): string {
  const ms = time.getTime();
  // Stryker disable next-line ConditionalExpression: a memo; recomputing gives the same text
  if (ms !== memoMs) {
    memoIso = isoMillis(time);
    memoMs = ms;
  }
  return memoIso;
}

/** Whether an event name's eTag must be multipart (`CompleteMultipartUpload`) or single-part (PUT, POST). */
export function uploadKindOf(eventName: string): 'multipart' | 'single' | undefined {
  return UPLOAD_KINDS.get(eventName);
}

/** Each event name's and each `Object Created` reason's upload kind, from the table's rows. */
const UPLOAD_KINDS = new Map<string, 'multipart' | 'single'>();
for (const eventName of S3_EVENT_NAMES) {
  const { upload, eventBridge } = s3EventType(eventName);
  if (upload === undefined) continue;
  UPLOAD_KINDS.set(eventName, upload);
  if (eventBridge?.detailType === 'Object Created' && eventBridge.reason !== undefined)
    UPLOAD_KINDS.set(eventBridge.reason, upload);
}

/** `arn:<partition>:s3:::<bucket>`: S3 bucket ARNs have no region or account. */
export function s3BucketArn(partition: string, bucket: string): string {
  return arn(partition, 's3', '', '', bucket);
}

/** A table value no branch maps: a compile error at the switch (the value is `never` there). */
function unmapped(value: never): never {
  throw new Error(`S3 event table: no mapping for ${String(value)}`);
}

function required<T>(api: string, parts: S3RecordParts, field: keyof S3RecordParts, value: T | undefined): T {
  if (value === undefined) fail(api, `parts.${field}`, `is required for ${parts.eventName} records`);
  return value;
}

/**
 * Builds one record without validating the parts' formats (callers that validated them, like
 * the factories, use this; everyone else uses {@link toS3Record}). Still throws when a field the
 * event type needs is missing.
 * @internal
 */
export function buildS3Record<N extends S3EventName>(
  parts: S3RecordParts & { eventName: N },
  api = 'toS3Record',
): S3EventRecordOf<N> {
  const { eventName } = parts;
  const info = s3EventType(eventName);
  const shape = info.object;
  // Object fields in the order S3 writes them: key, size, eTag, versionId, sequencer.
  const object: Record<string, unknown> = { key: encodeS3Key(parts.key, parts.keyEncoding) };
  if (hasSize(shape)) object.size = required(api, parts, 'size', parts.size);
  if (shape === 'deleteMarker') object.eTag = EMPTY_ETAG;
  else if (hasETag(shape)) object.eTag = required(api, parts, 'eTag', parts.eTag);
  if (shape === 'deleteMarker') object.versionId = required(api, parts, 'versionId', parts.versionId);
  else if (parts.versionId !== undefined) object.versionId = parts.versionId;
  if (hasSequencer(shape)) object.sequencer = required(api, parts, 'sequencer', parts.sequencer);

  const record: Record<string, unknown> = {
    eventVersion: parts.eventVersion ?? info.eventVersion,
    eventSource: 'aws:s3',
    awsRegion: parts.region,
    eventTime: eventTimeIso(parts.eventTime),
    eventName,
    userIdentity: { principalId: parts.principalId },
    requestParameters: { sourceIPAddress: parts.sourceIPAddress },
    responseElements: { 'x-amz-request-id': parts.requestId, 'x-amz-id-2': parts.hostId },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: parts.configurationId,
      bucket: {
        name: parts.bucket,
        ownerIdentity: { principalId: parts.bucketOwnerId },
        arn: s3BucketArn(parts.partition, parts.bucket),
      },
      object,
    },
  };
  switch (info.extra) {
    case 'glacier':
      record.glacierEventData = {
        restoreEventData: {
          lifecycleRestorationExpiryTime: isoMillis(required(api, parts, 'restoreExpiryTime', parts.restoreExpiryTime)),
          lifecycleRestoreStorageClass: parts.sourceStorageClass ?? 'GLACIER',
        },
      };
      break;
    case 'lifecycle':
      record.lifecycleEventData = {
        transitionEventData: { destinationStorageClass: parts.destinationStorageClass ?? 'GLACIER' },
      };
      break;
    case 'intelligentTiering':
      record.intelligentTieringEventData = { destinationAccessTier: parts.destinationAccessTier ?? 'ARCHIVE_ACCESS' };
      break;
    case 'replication':
    case 'failedReplication': {
      const replication = required(api, parts, 'replication', parts.replication);
      const data: Record<string, unknown> = {
        replicationRuleId: replication.ruleId,
        destinationBucket: s3BucketArn(parts.partition, replication.destinationBucket),
        s3Operation: replication.s3Operation ?? 'OBJECT_PUT',
        requestTime: isoMillis(replication.requestTime),
      };
      if (info.extra === 'failedReplication') {
        if (replication.failureReason === undefined)
          fail(api, 'parts.replication.failureReason', `is required for ${eventName} records`);
        data.failureReason = replication.failureReason;
      }
      record.replicationEventData = data;
      break;
    }
    case 'none':
      break;
    default:
      return unmapped(info.extra);
  }
  return record as S3EventRecordOf<N>;
}

/**
 * Checks every part against S3's rules (bucket name, key length, eTag/versionId/sequencer
 * formats, eventVersion, event-type requirements); throws {@link EventInputError} naming
 * `api` and `parts.<field>`.
 */
export function assertS3RecordParts(parts: S3RecordParts, api = 'toS3Record'): void {
  if (parts === null || typeof parts !== 'object') fail(api, 'parts', 'must be an object of S3 record parts');
  const eventName = assertS3EventName(api, 'parts.eventName', parts.eventName);
  const { object: shape, extra } = s3EventType(eventName);
  assertS3BucketName(api, 'parts.bucket', parts.bucket);
  assertS3Key(api, 'parts.key', parts.key);
  if (hasSize(shape) || parts.size !== undefined) assertS3Size(api, 'parts.size', parts.size);
  if (parts.eTag !== undefined || (hasETag(shape) && shape !== 'deleteMarker')) {
    const eTag = assertS3ETag(api, 'parts.eTag', parts.eTag);
    if (shape === 'deleteMarker') assertDeleteMarkerETag(api, 'parts.eTag', eTag, eventName);
    const partCount = s3ETagPartCount(eTag);
    if (partCount !== undefined && parts.size !== undefined)
      assertS3MultipartSize(api, 'parts.size', parts.size, partCount);
    const upload = uploadKindOf(eventName);
    if (upload !== undefined) assertS3ETagFitsUpload(api, 'parts.eTag', eTag, upload, `${eventName} records`);
  }
  if (parts.versionId !== undefined || shape === 'deleteMarker')
    assertS3VersionId(api, 'parts.versionId', parts.versionId);
  if (hasSequencer(shape) || parts.sequencer !== undefined) assertS3Sequencer(api, 'parts.sequencer', parts.sequencer);
  assertS3EventTime(api, 'parts.eventTime', parts.eventTime);
  assertRegion(api, 'parts.region', parts.region);
  resolvePartition(api, parts.region, parts.partition);
  if (parts.account !== undefined) assertAccount(api, 'parts.account', parts.account);
  assertNonEmpty(api, 'parts.requestId', parts.requestId);
  assertNonEmpty(api, 'parts.hostId', parts.hostId);
  assertNonEmpty(api, 'parts.principalId', parts.principalId);
  assertS3SourceIp(api, 'parts.sourceIPAddress', parts.sourceIPAddress);
  if (typeof parts.configurationId !== 'string')
    fail(api, 'parts.configurationId', 'must be a string (the notification configuration Id)');
  assertNonEmpty(api, 'parts.bucketOwnerId', parts.bucketOwnerId);
  if (parts.eventVersion !== undefined) assertS3EventVersion(api, 'parts.eventVersion', parts.eventVersion);
  if (extra === 'glacier') {
    const expiry = parts.restoreExpiryTime;
    if (!(expiry instanceof Date) || !(expiry.getTime() > parts.eventTime.getTime()))
      fail(api, 'parts.restoreExpiryTime', `must be a Date after eventTime for ${eventName}`);
  }
  if (extra === 'replication' || extra === 'failedReplication') {
    const replication = parts.replication;
    if (replication === undefined) fail(api, 'parts.replication', `is required for ${eventName} records`);
    assertNonEmpty(api, 'parts.replication.ruleId', replication.ruleId);
    assertS3BucketName(api, 'parts.replication.destinationBucket', replication.destinationBucket);
    if (
      !(replication.requestTime instanceof Date) ||
      !(replication.requestTime.getTime() <= parts.eventTime.getTime())
    ) {
      fail(api, 'parts.replication.requestTime', 'must be a Date not after eventTime');
    }
  }
}

/**
 * Maps parts to one S3 notification record, exactly as S3 sends it.
 *
 * - `eventVersion`: 2.1, 2.2 (Replication:*) or 2.3 (lifecycle, tiering, tagging, ACL,
 *   ObjectRestore:Delete) unless `parts.eventVersion` is given;
 * - `s3.object`: only the fields the event name carries (no `size` on deletes, tagging or ACL;
 *   no `sequencer` on tagging, ACL or transitions; the empty MD5 eTag on delete markers);
 * - `s3.object.key`: form-urlencoded (`encodeS3Key`); `s3.bucket.arn` from partition + bucket;
 * - extra blocks: `glacierEventData` on ObjectRestore:Completed only, `lifecycleEventData`,
 *   `intelligentTieringEventData`, `replicationEventData` on their event names.
 *
 * Throws {@link EventInputError} when a part breaks S3's rules or a needed part is missing.
 * @example
 * toS3Record({ eventName: 'ObjectCreated:Put', bucket: 'photos', key: 'a b.jpg', size: 5, eTag: s3ETag(r),
 *   sequencer: s3Sequencer(now, r), eventTime: now, region: 'us-east-1', account: '123456789012', partition: 'aws',
 *   requestId: s3RequestId(r), hostId: s3HostId(r), principalId: 'AWS:AIDAEXAMPLEEXAMPLE1', sourceIPAddress: '203.0.113.9',
 *   configurationId: 'on-upload', bucketOwnerId: s3CanonicalUserId(r) })
 */
export function toS3Record<N extends S3EventName>(parts: S3RecordParts & { eventName: N }): S3EventRecordOf<N> {
  assertS3RecordParts(parts, 'toS3Record');
  // Stryker disable next-line StringLiteral: the api name reaches only build's missing-part errors, which validation above pre-empts
  return buildS3Record(parts, 'toS3Record');
}

/**
 * Maps parts to a whole S3 notification, `{ Records: [record] }`: S3 sends one record per
 * notification. Validates like {@link toS3Record}.
 */
export function toS3Event<N extends S3EventName>(parts: S3RecordParts & { eventName: N }): S3EventOf<N> {
  return { Records: [toS3Record(parts)] };
}
