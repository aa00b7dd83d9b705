/**
 * Generators of S3's ids, each taking a seeded {@link Random}, so that factories, arbitraries
 * (through fixed seeds) and the msw S3 mock produce ids the same way (event-shapes.md §1).
 */
import { uint32Hex, type Random } from '../../_internals/random.js';

const UPPER_ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const VERSION_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._';
const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
// 48, 57 and 72 bytes are multiples of 3, so their base64 has no padding: any string of these
// lengths over the alphabet is the canonical base64 of some bytes (drawn directly: factories must be fast).
const HOST_ID_LENGTHS = [64, 76, 96] as const;

/** `length` characters of a 64-character alphabet, five per random uint32. */
function chars64(random: Random, length: number, alphabet: string): string {
  let out = '';
  while (out.length < length) {
    let bits = random.next();
    for (let i = 0; i < 5 && out.length < length; i++) {
      out += alphabet[bits & 63];
      bits >>>= 6;
    }
  }
  return out;
}


/** `x-amz-request-id` / EventBridge `request-id`: 16 characters of `[0-9A-Z]`, e.g. `YMSSR8BZJ2Y99K6P`. */
export function s3RequestId(random: Random): string {
  return random.chars(16, UPPER_ALNUM);
}

/** `x-amz-id-2` (and the test event's `HostId`): standard base64 of 48, 57 or 72 random bytes (64, 76 or 96 characters). */
export function s3HostId(random: Random): string {
  return chars64(random, random.pick(HOST_ID_LENGTHS), BASE64_ALPHABET);
}

/** An object `versionId`: 32 characters of `[A-Za-z0-9._]`, e.g. `096fKKXTRTtl3on89fVO.nfljtsv6qko`. */
export function s3VersionId(random: Random): string {
  return chars64(random, 32, VERSION_ID_ALPHABET);
}

/** A single-part object eTag: 32 lower-case hex digits (the MD5 of content the caller does not have). */
export function s3ETag(random: Random): string {
  return random.hex(32);
}

/**
 * A `sequencer` for an event at `eventTime`: `00`, 8 upper-case hex digits of the epoch second,
 * then 8 hex digits of `low` (event-shapes.md §1). Pass an increasing `low` (a counter) when later
 * events on one key must compare greater within one second, as S3 guarantees.
 */
export function s3SequencerAt(eventTime: Date, low: number): string {
  const second = Math.floor(eventTime.getTime() / 1000) >>> 0;
  return `00${uint32Hex(second, true)}${uint32Hex(low >>> 0, true)}`;
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
 * nibbles, as real ids have (event-shapes.md §0), e.g. `f5f1e65c-dc3a-93ca-6c1e-b1647eac7963`.
 */
export function s3EventBridgeEventId(random: Random): string {
  const h = s3ETag(random);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** A random RFC 4122 version-4 UUID (notification `configurationId` defaults look like one). */
export function s3ConfigurationId(random: Random): string {
  const h = s3ETag(random);
  const variant = '89ab'[random.next() & 3] as string;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
