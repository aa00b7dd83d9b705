/**
 * Generators of S3's ids, each taking a seeded {@link Random}, so that factories, arbitraries
 * (through fixed seeds) and the msw S3 mock produce ids the same way.
 */
import { hexPiece, idLayout, uint32Hex, type IdLayout, type Random } from '../../_internals/random.js';
import { lastMemo } from '../../_internals/memo.js';

const UPPER_ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const VERSION_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._';
// 48, 57 and 72 bytes: multiples of 3, so their base64 has no padding.
const HOST_ID_BYTES = [48, 57, 72] as const;
const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const UUID_V4 = [
  hexPiece(8),
  '-',
  hexPiece(4),
  '-4',
  hexPiece(3),
  '-',
  { chars: 1, alphabet: '89ab' },
  hexPiece(3),
  '-',
  hexPiece(12),
] as const;

/** `x-amz-request-id` / EventBridge `request-id`: 16 characters of `[0-9A-Z]`, e.g. `YMSSR8BZJ2Y99K6P`. */
export function s3RequestId(random: Random): string {
  return random.chars(16, UPPER_ALNUM);
}

/** `x-amz-id-2` (and the test event's `HostId`): standard base64 of 48, 57 or 72 random bytes (64, 76 or 96 characters). */
export function s3HostId(random: Random): string {
  return random.base64(random.pick(HOST_ID_BYTES));
}

/** An object `versionId`: 32 characters of `[A-Za-z0-9._]`, e.g. `096fKKXTRTtl3on89fVO.nfljtsv6qko`. */
export function s3VersionId(random: Random): string {
  return random.chars(32, VERSION_ID_ALPHABET);
}

/** A single-part object eTag: 32 lower-case hex digits (the MD5 of content the caller does not have). */
export function s3ETag(random: Random): string {
  return random.hex(32);
}

/**
 * A `sequencer` for an event at `eventTime`: `00`, 8 upper-case hex digits of the epoch second,
 * then 8 hex digits of `low`. Pass an increasing `low` (a counter) when later
 * events on one key must compare greater within one second, as S3 guarantees.
 */
export function s3SequencerAt(eventTime: Date, low: number): string {
  const second = Math.floor(eventTime.getTime() / 1000) >>> 0;
  return sequencerPrefix(second) + uint32Hex(low >>> 0, true);
}

// `00<second>` for the last second: factories reuse one event time call after call (a function of the second alone).
const prefixes = lastMemo<[number], string>();
function sequencerPrefix(second: number): string {
  return prefixes.get([second], () => `00${uint32Hex(second, true)}`);
}

/** A `sequencer` for an event at `eventTime` with random low bits. */
export function s3Sequencer(eventTime: Date, random: Random): string {
  return s3SequencerAt(eventTime, random.next());
}

/** An Amazon customer id (bucket `ownerIdentity.principalId`, requester of some events): `A` + 13 of `[0-9A-Z]`, e.g. `A3I5XTEXAMAI3E`. */
export function s3CanonicalUserId(random: Random): string {
  return `A${random.chars(13, UPPER_ALNUM)}`;
}

/** An IAM user's event `principalId`: `AWS:AIDA` + 17 of `[0-9A-Z]`, e.g. `AWS:AIDAINPONIXQXHT3IKHL2`. */
export function s3IamPrincipalId(random: Random): string {
  return `AWS:AIDA${random.chars(17, UPPER_ALNUM)}`;
}

/** A public-looking IPv4 source address (first octet 1–223, never 0, multicast or reserved). */
export function s3SourceIPv4(random: Random): string {
  let first = random.int(1, 223);
  if (first === 10 || first === 127) first += 1;
  return `${first}.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`;
}

/**
 * An EventBridge event `id`: lower-case hex in 8-4-4-4-12 layout with arbitrary version
 * nibbles, as real ids have, e.g. `f5f1e65c-dc3a-93ca-6c1e-b1647eac7963`.
 */
export function s3EventBridgeEventId(random: Random): string {
  const h = s3ETag(random);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** The seeded defaults of one notification record (see {@link s3RecordIds}). */
export interface S3RecordIds {
  /** As {@link s3RequestId}. */
  requestId: string;
  /** As {@link s3CanonicalUserId}. */
  bucketOwnerId: string;
  /** As {@link s3IamPrincipalId}. */
  iamPrincipalId: string;
  /** As {@link s3ETag}. */
  eTag: string;
  /** 8 upper-case hex digits: the random low half of a sequencer (see {@link s3SequencerAt}). */
  sequencerLow: string;
  /** A version-4 UUID, as notification `configurationId` defaults look. */
  configurationId: string;
  /** As {@link s3HostId}. */
  hostId: string;
  /** As {@link s3SourceIPv4}. */
  sourceIPv4: string;
}

// The ids above, end to end, in one layout per host id length; the host id goes last, so every
// other id sits at a fixed offset.
// (Ids of one alphabet side by side: `idLayout` draws each such run in one go.)
const RECORD_ID_PIECES = [
  { chars: 16, alphabet: UPPER_ALNUM },
  'A',
  { chars: 13, alphabet: UPPER_ALNUM },
  'AWS:AIDA',
  { chars: 17, alphabet: UPPER_ALNUM },
  hexPiece(8, true),
  hexPiece(32),
  ...UUID_V4,
] as const;
const RECORD_ID_LAYOUTS = new Map<number, IdLayout>(
  HOST_ID_BYTES.map((bytes) => [
    bytes,
    idLayout(...RECORD_ID_PIECES, { chars: (bytes / 3) * 4, alphabet: BASE64_ALPHABET }),
  ]),
);

/**
 * Every seeded id of a notification record, drawn as one string and cut: one Buffer-to-string
 * conversion instead of seven (each costs as much as drawing the id). Same formats as the
 * single-id generators above.
 */
export function s3RecordIds(random: Random): S3RecordIds {
  const text = random.format(RECORD_ID_LAYOUTS.get(random.pick(HOST_ID_BYTES))!);
  return {
    requestId: text.slice(0, 16),
    bucketOwnerId: text.slice(16, 30),
    iamPrincipalId: text.slice(30, 55),
    sequencerLow: text.slice(55, 63),
    eTag: text.slice(63, 95),
    configurationId: text.slice(95, 131),
    hostId: text.slice(131),
    sourceIPv4: s3SourceIPv4(random),
  };
}

/** A sequencer for an event at `eventTime` whose low half is `lowHex` (8 upper-case hex digits). */
export function s3SequencerWithLow(eventTime: Date, lowHex: string): string {
  return sequencerPrefix(Math.floor(eventTime.getTime() / 1000) >>> 0) + lowHex;
}
