/**
 * Input rules of S3 events. Each assert names the API and the argument it checks and throws
 * {@link EventInputError} with the broken rule. Regexes are built once, at load.
 */
import { fail, show } from '../../_internals/errors.js';
import { utf8Length } from '../../_internals/limits.js';
import { EMPTY_ETAG, S3_EVENT_NAMES, S3_SERVICE_PRINCIPAL, isS3EventName, type S3EventName } from './eventTypes.js';

const BUCKET_CHARS = /^[a-z0-9.-]+$/;
const BUCKET_EDGES = /^[a-z0-9](?:.*[a-z0-9])?$/;
const IPV4_LIKE = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'] as const;
const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'] as const;

/**
 * The rule a bucket name breaks, or undefined when it follows S3's general purpose bucket
 * naming rules (AWS "Bucket naming rules"): 3–63 characters of `a-z 0-9 . -`, starting and
 * ending with a letter or digit, no `..`, not an IPv4 address, none of the reserved prefixes
 * (`xn--`, `sthree-`, `amzn-s3-demo-`) or suffixes (`-s3alias`, `--ol-s3`, `.mrap`, `--x-s3`, `--table-s3`).
 */
export function s3BucketNameProblem(name: string): string | undefined {
  if (typeof name !== 'string') return `must be a string, got ${show(name)}`;
  if (name.length >= 3 && name.length <= 63 && plainBucketChars(name)) return reservedAffixProblem(name);
  if (name.length < 3 || name.length > 63) return `must be 3 to 63 characters long (it has ${name.length})`;
  if (!BUCKET_CHARS.test(name)) return "may hold only lower-case letters, digits, '.' and '-'";
  if (!BUCKET_EDGES.test(name)) return 'must start and end with a lower-case letter or a digit';
  if (name.includes('..')) return 'must not contain two adjacent periods';
  if (IPV4_LIKE.test(name)) return 'must not be formatted as an IP address';
  return reservedAffixProblem(name);
}

// First characters of the reserved prefixes and last characters of the reserved suffixes: most names
// match neither, and skip the eight startsWith/endsWith calls.
const PREFIX_FIRSTS = RESERVED_PREFIXES.map((prefix) => prefix[0]).join('');
const SUFFIX_LASTS = RESERVED_SUFFIXES.map((suffix) => suffix[suffix.length - 1]).join('');

function reservedAffixProblem(name: string): string | undefined {
  if (!PREFIX_FIRSTS.includes(name[0]!) && !SUFFIX_LASTS.includes(name[name.length - 1]!)) return undefined;
  for (const prefix of RESERVED_PREFIXES)
    if (name.startsWith(prefix)) return `must not start with the reserved prefix "${prefix}"`;
  for (const suffix of RESERVED_SUFFIXES)
    if (name.endsWith(suffix)) return `must not end with the reserved suffix "${suffix}"`;
  return undefined;
}

const isLowerAlnum = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/**
 * The common case in one pass, without the four regexes: only `a-z 0-9 . -`, a letter or digit at
 * both ends, no `..`, and a letter or `-` somewhere (so it cannot be an IPv4 address). False sends
 * the name down the rule-by-rule path, which names the broken rule.
 */
function plainBucketChars(name: string): boolean {
  if (!isLowerAlnum(name.charCodeAt(0)) || !isLowerAlnum(name.charCodeAt(name.length - 1))) return false;
  let notAnAddress = false;
  let previous = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 97 && c <= 122) notAnAddress = true;
    else if (c === 45) notAnAddress = true;
    else if (c === 46) {
      if (previous === 46) return false;
    } else if (c < 48 || c > 57) return false;
    previous = c;
  }
  return notAnAddress;
}

/** Throws unless `name` is a valid general purpose bucket name (see {@link s3BucketNameProblem}). */
export function assertS3BucketName(api: string, argument: string, name: unknown): string {
  if (typeof name !== 'string') fail(api, argument, `must be a bucket name string, got ${show(name)}`);
  const problem = s3BucketNameProblem(name);
  if (problem !== undefined) fail(api, argument, `${show(name)} breaks S3's bucket naming rules: it ${problem}`);
  return name;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether `text` holds any UTF-16 surrogate: a char-code loop, ~10× cheaper than the lone-surrogate regex on short keys. */
function hasSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) if ((text.charCodeAt(i) & 0xf800) === 0xd800) return true;
  return false;
}

/** S3's object key limit: 1,024 bytes of UTF-8. */
export const S3_MAX_KEY_BYTES = 1024;

/** Throws unless `key` is a decoded S3 key: 1 to 1,024 UTF-8 bytes of well-formed Unicode. */
export function assertS3Key(api: string, argument: string, key: unknown): string {
  if (typeof key !== 'string') fail(api, argument, `must be a string (the decoded object key), got ${show(key)}`);
  if (key.length === 0) fail(api, argument, 'must not be empty: an S3 object key is 1 to 1,024 bytes of UTF-8');
  // Fast path: 341 UTF-16 units can never exceed 1,024 UTF-8 bytes.
  if (key.length > 341) {
    const bytes = utf8Length(key);
    if (bytes > S3_MAX_KEY_BYTES)
      fail(api, argument, `is ${bytes} bytes of UTF-8, over S3's 1,024-byte object key limit`);
  }
  if (hasSurrogate(key) && LONE_SURROGATE.test(key))
    fail(api, argument, 'must be well-formed Unicode: it holds a lone surrogate, which has no UTF-8 encoding');
  return key;
}

/** Throws unless `size` is a byte count: a non-negative safe integer. */
export function assertS3Size(api: string, argument: string, size: unknown): number {
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
    fail(api, argument, `must be an object size in bytes: a non-negative integer, got ${show(size)}`);
  }
  return size;
}

const ETAG = /^[0-9a-f]{32}(?:-(\d{1,5}))?$/;
/** S3's multipart limits: at most 10,000 parts; every part but the last is 5 MiB to 5 GiB. */
export const S3_MAX_PARTS = 10_000;
export const S3_MIN_PART_SIZE = 5 * 1024 * 1024;
const S3_MAX_PART_SIZE = 5 * 1024 * 1024 * 1024;

/** The part count of a multipart eTag (`<32 hex>-<parts>`), or undefined for a single-part eTag. */
export function s3ETagPartCount(eTag: string): number | undefined {
  const dash = eTag.indexOf('-');
  return dash < 0 ? undefined : Number(eTag.slice(dash + 1));
}

/** Throws unless `eTag` is 32 lower-case hex digits, optionally `-<parts>` with 1 ≤ parts ≤ 10,000. */
export function assertS3ETag(api: string, argument: string, eTag: unknown): string {
  const match = typeof eTag === 'string' ? ETAG.exec(eTag) : null;
  if (match === null)
    fail(
      api,
      argument,
      `${show(eTag)} is not an S3 eTag: 32 lower-case hex digits, or "<32 hex>-<part count>" for a multipart upload, without quotes`,
    );
  const parts = match[1] === undefined ? undefined : Number(match[1]);
  if (parts !== undefined && (parts < 1 || parts > S3_MAX_PARTS))
    fail(api, argument, `${show(eTag)} has ${parts} parts; a multipart upload has 1 to 10,000`);
  return eTag as string;
}

/**
 * Throws unless the eTag fits how the object was created: `CompleteMultipartUpload` always gives
 * `<md5>-<parts>`, a single PUT or POST upload never does. (`what` names the upload kind.)
 */
export function assertS3ETagFitsUpload(
  api: string,
  argument: string,
  eTag: string,
  what: 'multipart' | 'single',
  label: string,
): void {
  const multipart = eTag.includes('-');
  if (what === 'multipart' && !multipart)
    fail(api, argument, `${show(eTag)} must be a multipart eTag "<32 hex>-<part count>" for ${label}`);
  if (what === 'single' && multipart)
    fail(
      api,
      argument,
      `${show(eTag)} must be a single-part eTag (32 hex digits, no part count) for ${label}: one PUT or POST uploads one part`,
    );
}

/** The smallest and largest size of an object uploaded in `parts` parts (every part but the last is 5 MiB to 5 GiB). */
export function s3MultipartSizeRange(parts: number): { min: number; max: number } {
  return { min: (parts - 1) * S3_MIN_PART_SIZE, max: parts * S3_MAX_PART_SIZE };
}

/** Throws unless `size` can be the size of an object uploaded in `parts` parts (see {@link s3MultipartSizeRange}). */
export function assertS3MultipartSize(api: string, argument: string, size: number, parts: number): void {
  const { min, max } = s3MultipartSizeRange(parts);
  if (size < min || size > max) {
    fail(
      api,
      argument,
      `${size} cannot be the size of an object uploaded in ${parts} parts: every part but the last is 5 MiB to 5 GiB, so the size must be ${min} to ${max} bytes`,
    );
  }
}

const VERSION_ID = /^[A-Za-z0-9._]{32}$/;
/** Throws unless `versionId` is 32 characters of `[A-Za-z0-9._]` (never `"null"`: unversioned objects have none). */
export function assertS3VersionId(api: string, argument: string, versionId: unknown): string {
  if (typeof versionId !== 'string' || !VERSION_ID.test(versionId)) {
    fail(
      api,
      argument,
      `${show(versionId)} is not an S3 version id: 32 characters of letters, digits, '.' and '_' (leave it out for an unversioned bucket; S3 sends no "null" version id in events)`,
    );
  }
  return versionId;
}

const SEQUENCER = /^[0-9A-F]{16,32}$/;
/** Throws unless `sequencer` is 16 to 32 upper-case hex digits. */
export function assertS3Sequencer(api: string, argument: string, sequencer: unknown): string {
  if (typeof sequencer !== 'string' || !SEQUENCER.test(sequencer))
    fail(api, argument, `${show(sequencer)} is not an S3 sequencer: 16 to 32 upper-case hex digits (usually 18)`);
  return sequencer;
}

const EVENT_VERSION = /^2\.\d+$/;
/** Throws unless `version` looks like an S3 `eventVersion` (`2.<n>`). */
export function assertS3EventVersion(api: string, argument: string, version: unknown): string {
  if (typeof version !== 'string' || !EVENT_VERSION.test(version))
    fail(api, argument, `${show(version)} is not an S3 eventVersion: "2.<n>", e.g. "2.1", "2.3" or a unified "2.5"`);
  return version;
}

/** Throws unless `name` is one of {@link S3_EVENT_NAMES}; the message lists them. */
export function assertS3EventName(api: string, argument: string, name: unknown): S3EventName {
  if (!isS3EventName(name)) {
    const hint =
      typeof name === 'string' && name.startsWith('s3:') ? ' (S3 sends event names without the "s3:" prefix)' : '';
    fail(api, argument, `${show(name)} is not an S3 event name${hint}; valid names: ${S3_EVENT_NAMES.join(', ')}`);
  }
  return name;
}

/** The empty-object eTag every delete marker carries; throws when a caller gives another. */
export function assertDeleteMarkerETag(api: string, argument: string, eTag: string, eventName: string): void {
  if (eTag !== EMPTY_ETAG)
    fail(
      api,
      argument,
      `must be "${EMPTY_ETAG}" (the MD5 of no bytes) for ${eventName}: a delete marker has no content, got ${show(eTag)}`,
    );
}

// The sequencer embeds the epoch second in 8 hex digits and eventTime has a 4-digit year.
const MIN_TIME = 0;
const MAX_TIME = 0xffffffff * 1000;
/** Throws unless `time` is a valid Date between 1970 and 2106, the range an S3 sequencer can encode. */
export function assertS3EventTime(api: string, argument: string, time: unknown): Date {
  if (!(time instanceof Date) || Number.isNaN(time.getTime())) fail(api, argument, 'must be a valid Date');
  const ms = time.getTime();
  if (!(ms >= MIN_TIME && ms < MAX_TIME))
    fail(
      api,
      argument,
      `${time.toISOString()} is outside 1970-01-01 to 2106-02-07, the range an S3 sequencer's epoch second can encode`,
    );
  return time;
}

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
/** Whether `text` is a dotted-quad IPv4 address. */
export function isIPv4(text: string): boolean {
  return IPV4.test(text);
}
const IPV6 = /^[0-9a-fA-F:.]+$/;
/** Throws unless `address` is an IPv4 address, an IPv6 address or `s3.amazonaws.com`. */
export function assertS3SourceIp(api: string, argument: string, address: unknown): string {
  if (
    typeof address === 'string' &&
    (address === S3_SERVICE_PRINCIPAL || isIPv4(address) || (address.includes(':') && IPV6.test(address)))
  )
    return address;
  return fail(
    api,
    argument,
    `${show(address)} is not a source address S3 reports: an IPv4 or IPv6 address, or "${S3_SERVICE_PRINCIPAL}"`,
  );
}

/** Throws unless `value` is a non-empty string. */
export function assertNonEmpty(api: string, argument: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0)
    fail(api, argument, `must be a non-empty string, got ${show(value)}`);
  return value;
}
