import {
  boolean,
  constant,
  constantFrom,
  date,
  integer,
  ipV4,
  ipV6,
  nat,
  oneof,
  record,
  stringMatching,
  uuid,
  type Arbitrary,
} from 'fast-check';
import { assertAccount, assertRegion, partitionOfRegion } from '../src/_internals/aws.js';
import { ONE_MIB } from '../src/_internals/limits.js';
import { createRandom } from '../src/_internals/random.js';
import { s3FixedPrincipalId, s3FixedSourceIp, s3MultipartETag, s3RestoreExpiry } from '../src/events/s3/defaults.js';
import {
  S3_ACCESS_TIERS,
  S3_EVENT_NAMES,
  S3_STORAGE_CLASSES,
  s3EventType,
  hasSequencer,
  hasSize,
  isS3EventName,
  type S3EventName,
} from '../src/events/s3/eventTypes.js';
import {
  s3CanonicalUserId,
  s3ETag,
  s3HostId,
  s3IamPrincipalId,
  s3RequestId,
  s3Sequencer,
  s3VersionId,
} from '../src/events/s3/ids.js';
import type { S3KeyEncoding } from '../src/events/s3/keyCodec.js';
import type { S3RecordParts } from '../src/events/s3/parts.js';
import { toS3Record } from '../src/events/s3/record.js';
import type { S3EventRecordOf } from '../src/events/s3/types.js';
import {
  assertS3BucketName,
  assertS3EventTime,
  assertS3EventVersion,
  assertS3Key,
  s3MultipartSizeRange,
} from '../src/events/s3/validate.js';
import { check, pinned } from './_internals/pin.js';
import { awsAccountId } from './awsAccountId.js';
import { awsRegion } from './awsRegion.js';
import { s3BucketName } from './s3BucketName.js';
import { s3ObjectKey } from './s3ObjectKey.js';

/** Constraints of {@link s3Record} and `s3Event`. Each part can be pinned to a value or an arbitrary. */
export interface S3RecordConstraints<N extends S3EventName = S3EventName> {
  /**
   * The event names to generate.
   * @defaultValue every name of `S3_EVENT_NAMES`
   */
  eventNames?: readonly N[];
  /**
   * The bucket name.
   * @defaultValue `s3BucketName()`
   */
  bucket?: string | Arbitrary<string>;
  /**
   * The decoded object key.
   * @defaultValue `s3ObjectKey()` (hard cases included)
   */
  key?: string | Arbitrary<string>;
  /**
   * The region (the partition follows it).
   * @defaultValue `awsRegion({ partitions: ['aws', 'aws-cn', 'aws-us-gov'] })`
   */
  region?: string | Arbitrary<string>;
  /**
   * The bucket owner's account (used by EventBridge events; kept in the parts).
   * @defaultValue `awsAccountId()`
   */
  account?: string | Arbitrary<string>;
  /**
   * The event time.
   * @defaultValue a date from 2015 to 2035
   */
  eventTime?: Date | Arbitrary<Date>;
  /**
   * Whether the bucket is versioned (events then carry a `versionId`). Delete markers and
   * replication events always carry one.
   * @defaultValue both
   */
  versioned?: boolean;
  /**
   * Whether request-initiated events may come from IPv6 addresses (dual-stack endpoints), which
   * Powertools' `S3Schema` rejects.
   * @defaultValue `true`
   */
  ipv6?: boolean;
  /**
   * `eventVersion`.
   * @defaultValue the version S3 uses for the event name (2.1, 2.2 or 2.3)
   */
  eventVersion?: string | Arbitrary<string>;
  /**
   * How `~` and `*` in keys are encoded.
   * @defaultValue `{ tilde: 'percent', asterisk: 'literal' }`
   */
  keyEncoding?: S3KeyEncoding;
}

/** The parts every S3 arbitrary can pin (see {@link s3PinnedParts}). */
export interface S3PinnedParts {
  bucket: Arbitrary<string>;
  key: Arbitrary<string>;
  region: Arbitrary<string>;
  account: Arbitrary<string>;
  eventTime: Arbitrary<Date>;
}

/**
 * The arbitraries of the parts S3 arbitraries share, pinned values checked up front by the S3
 * validators, so nonsense constraints fail at construction with a TypeError named after `api`.
 */
export function s3PinnedParts(
  api: string,
  constraints: Pick<S3RecordConstraints<S3EventName>, keyof S3PinnedParts>,
): S3PinnedParts {
  return {
    bucket: pinned(api, 'bucket', constraints.bucket, s3BucketName(), check(assertS3BucketName)),
    key: pinned(api, 'key', constraints.key, s3ObjectKey(), check(assertS3Key)),
    region: pinned(
      api,
      'region',
      constraints.region,
      awsRegion({ partitions: ['aws', 'aws-cn', 'aws-us-gov'] }),
      check(assertRegion),
    ),
    account: pinned(api, 'account', constraints.account, awsAccountId(), check(assertAccount)),
    eventTime: pinned(
      api,
      'eventTime',
      constraints.eventTime,
      date({
        min: new Date('2015-01-01T00:00:00.000Z'),
        max: new Date('2035-12-31T23:59:59.999Z'),
        noInvalidDate: true,
      }),
      check(assertS3EventTime),
    ),
  };
}

/** Object sizes: the edges, up to 10 MiB, and anything up to 5 TiB (S3's object limit). */
// @__NO_SIDE_EFFECTS__
export function s3ObjectSize(): Arbitrary<number> {
  return oneof(
    constantFrom(0, 1, 5 * ONE_MIB),
    nat({ max: 10 * ONE_MIB }),
    integer({ min: 0, max: 5 * 1024 * 1024 * ONE_MIB }),
  );
}

/** Callers' addresses: IPv4, and IPv6 (dual-stack endpoints) one time in five unless `ipv6` is false. */
// @__NO_SIDE_EFFECTS__
export function s3CallerIp(ipv6: boolean): Arbitrary<string> {
  return ipv6 ? oneof({ arbitrary: ipV4(), weight: 4 }, { arbitrary: ipV6(), weight: 1 }) : ipV4();
}

/** Folds a drawn `size` into the sizes an object uploaded in `parts` parts can have. */
export function fitMultipartSize(size: number, parts: number): number {
  const { min, max } = s3MultipartSizeRange(parts);
  return min + (size % (max - min + 1));
}

function eventNamesOf<N extends S3EventName>(api: string, names: readonly N[] | undefined): readonly N[] {
  if (names === undefined) return S3_EVENT_NAMES as readonly S3EventName[] as readonly N[];
  if (!Array.isArray(names) || names.length === 0)
    throw new TypeError(`${api}: eventNames must be a non-empty array of S3 event names`);
  for (const name of names)
    if (!isS3EventName(name))
      throw new TypeError(
        `${api}: eventNames holds ${JSON.stringify(name)}, which is not an S3 event name; valid names: ${S3_EVENT_NAMES.join(', ')}`,
      );
  return names;
}

const ROLE_SESSION = /^[A-Za-z0-9=,.@_-]{2,32}$/;

/**
 * Plain-data parts of S3 notification records (the input of `toS3Record`), with every
 * cross-part rule kept: sizes fit multipart eTags, delete markers and replication carry version
 * ids, S3-initiated events come from `s3.amazonaws.com`, restores expire after the event.
 * @example s3RecordParts({ eventNames: ['ObjectCreated:CompleteMultipartUpload'] })
 */
// @__NO_SIDE_EFFECTS__
export function s3RecordParts<N extends S3EventName = S3EventName>(
  constraints: S3RecordConstraints<N> = {},
  api = 's3RecordParts',
): Arbitrary<S3RecordParts & { eventName: N }> {
  const names = eventNamesOf(api, constraints.eventNames);
  const pins = s3PinnedParts(api, constraints as S3RecordConstraints<S3EventName>);
  const eventVersion = pinned<string | undefined>(
    api,
    'eventVersion',
    constraints.eventVersion,
    constant(undefined),
    check(assertS3EventVersion),
  );
  const ipv6 = constraints.ipv6 ?? true;
  if (typeof ipv6 !== 'boolean') throw new TypeError(`${api}: ipv6 must be a boolean`);
  if (constraints.versioned !== undefined && typeof constraints.versioned !== 'boolean')
    throw new TypeError(`${api}: versioned must be a boolean`);
  const keyEncoding = constraints.keyEncoding;

  return record({
    eventName: constantFrom(...names),
    bucket: pins.bucket,
    key: pins.key,
    region: pins.region,
    account: pins.account,
    eventTime: pins.eventTime,
    eventVersion,
    versioned: constraints.versioned === undefined ? boolean() : constant(constraints.versioned),
    seed: nat(),
    size: s3ObjectSize(),
    multipart: boolean(),
    partCount: oneof(integer({ min: 1, max: 5 }), integer({ min: 1, max: 10_000 })),
    principal: constantFrom('user', 'role', 'customer'),
    session: stringMatching(ROLE_SESSION),
    sourceIPAddress: s3CallerIp(ipv6),
    configurationId: oneof(uuid(), stringMatching(/^[A-Za-z0-9 _.:-]{1,64}$/)),
    restoreDays: integer({ min: 1, max: 30 }),
    storageClass: constantFrom('GLACIER', 'DEEP_ARCHIVE'),
    destinationStorageClass: constantFrom(...S3_STORAGE_CLASSES),
    destinationAccessTier: constantFrom(...S3_ACCESS_TIERS),
    replicationDelayMs: integer({ min: 0, max: 3_600_000 }),
    destinationBucket: s3BucketName(),
    ruleId: stringMatching(/^[A-Za-z0-9-]{1,40}$/),
    failureReason: constantFrom(
      'AssumeRoleNotPermitted',
      'DstBucketNotFound',
      'DstKmsKeyNotFound',
      'SrcObjectNotEligible',
      'DstBucketObjectLockConfigMissing',
    ),
  }).map((g) => {
    const info = s3EventType(g.eventName);
    const random = createRandom(g.seed, 's3');
    const shape = info.object;
    const bucketOwnerId = s3CanonicalUserId(random);
    const parts: S3RecordParts & { eventName: N } = {
      eventName: g.eventName,
      bucket: g.bucket,
      key: g.key,
      eventTime: g.eventTime,
      region: g.region,
      account: g.account,
      partition: partitionOfRegion(g.region),
      requestId: s3RequestId(random),
      hostId: s3HostId(random),
      principalId:
        s3FixedPrincipalId(g.eventName, bucketOwnerId) ??
        (g.principal === 'user'
          ? s3IamPrincipalId(random)
          : g.principal === 'role'
            ? `AWS:AROA${s3IamPrincipalId(random).slice(8)}:${g.session}`
            : s3CanonicalUserId(random)),
      sourceIPAddress: s3FixedSourceIp(g.eventName) ?? g.sourceIPAddress,
      configurationId: g.configurationId,
      bucketOwnerId,
    };
    if (hasSize(shape) || shape === 'metadata') {
      // Put, POST and Copy upload in one part; CompleteMultipartUpload always has parts; other events may concern either.
      const created = g.eventName.startsWith('ObjectCreated:');
      const multipart = info.upload === 'multipart' || (!created && g.multipart);
      if (multipart) {
        parts.eTag = s3MultipartETag(s3ETag(random), g.partCount);
        parts.size = fitMultipartSize(g.size, g.partCount);
      } else {
        parts.eTag = s3ETag(random);
        parts.size = g.size;
      }
      if (!hasSize(shape)) delete parts.size;
    }
    const replicated = info.extra === 'replication' || info.extra === 'failedReplication';
    if (g.versioned || shape === 'deleteMarker' || replicated) parts.versionId = s3VersionId(random);
    if (hasSequencer(shape)) parts.sequencer = s3Sequencer(g.eventTime, random);
    if (g.eventVersion !== undefined) parts.eventVersion = g.eventVersion;
    if (keyEncoding !== undefined) parts.keyEncoding = keyEncoding;
    if (info.extra === 'glacier') {
      parts.restoreExpiryTime = s3RestoreExpiry(g.eventTime, g.restoreDays);
      parts.sourceStorageClass = g.storageClass;
    }
    if (info.extra === 'lifecycle') parts.destinationStorageClass = g.destinationStorageClass;
    if (info.extra === 'intelligentTiering') parts.destinationAccessTier = g.destinationAccessTier;
    if (replicated) {
      parts.replication = {
        ruleId: g.ruleId,
        destinationBucket: g.destinationBucket,
        s3Operation: 'OBJECT_PUT',
        requestTime: new Date(Math.max(0, g.eventTime.getTime() - g.replicationDelayMs)),
      };
      if (info.extra === 'failedReplication') parts.replication.failureReason = g.failureReason;
    }
    return parts;
  });
}

/**
 * S3 notification records of the given event names, mapped through the one record mapper
 * (`toS3Record`), so every invariant of a real record holds, shrunk records included.
 * @example s3Record({ eventNames: ['ObjectRemoved:Delete'], bucket: 'photos' })
 */
// @__NO_SIDE_EFFECTS__
export function s3Record<N extends S3EventName = S3EventName>(
  constraints: S3RecordConstraints<N> = {},
): Arbitrary<S3EventRecordOf<N>> {
  return s3RecordParts(constraints, 's3Record').map((parts) => toS3Record(parts));
}
