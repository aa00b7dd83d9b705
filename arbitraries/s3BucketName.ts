import { array, constantFrom, oneof, stringMatching, tuple, type Arbitrary } from 'fast-check';

/** Constraints of {@link s3BucketName}. */
export interface S3BucketNameConstraints {
  /**
   * Whether names may contain dots (`my.bucket.name`); buckets used with Transfer Acceleration or
   * virtual-hosted HTTPS cannot.
   * @defaultValue `true`
   */
  dots?: boolean;
  /**
   * Whether to mix in the edge cases on purpose: 3- and 63-character names, digit-only names,
   * names that almost look like IP addresses or carry almost-reserved prefixes and suffixes.
   * @defaultValue `true`
   */
  hardCases?: boolean;
}

// Labels start and end with a letter or digit; separators join them.
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,14}[a-z0-9])?$/;
const IPV4_LIKE = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
// Each reserved affix is defused by changing one character, which keeps the name's look.
const PREFIX_FIXES: readonly (readonly [string, string])[] = [
  ['xn--', 'xo--'],
  ['sthree-', 'sthreee-'],
  ['amzn-s3-demo-', 'amzn-s3-demo0-'],
];
const SUFFIX_FIXES: readonly (readonly [string, string])[] = [
  ['-s3alias', '-s3aliaz'],
  ['--ol-s3', '--ol-s4'],
  ['.mrap', '.mraq'],
  ['--x-s3', '--x-s4'],
  ['--table-s3', '--table-s4'],
];

function repairOnce(raw: string): string {
  let name = raw.length > 63 ? raw.slice(0, 63) : raw;
  name = name.replace(/[.-]+$/, '');
  while (name.length < 3) name += '0';
  for (const [prefix, fix] of PREFIX_FIXES) if (name.startsWith(prefix)) name = fix + name.slice(prefix.length);
  for (const [suffix, fix] of SUFFIX_FIXES)
    if (name.endsWith(suffix)) name = name.slice(0, name.length - suffix.length) + fix;
  if (IPV4_LIKE.test(name)) name = `${name.slice(0, name.length - 1)}a`;
  return name;
}

/** Turns any joined labels into a valid name (so shrinking never leaves the valid set): repairs until stable. */
function repair(raw: string): string {
  let name = raw;
  for (let i = 0; i < 4; i++) {
    const next = repairOnce(name);
    if (next === name) break;
    name = next;
  }
  return name;
}

const HARD_NAMES = [
  'abc',
  '123',
  'a-b',
  'a.b',
  '0.0.0.0a',
  '192.168.5.4a',
  'a'.repeat(63),
  `${'a1.'.repeat(20)}a12`,
  'xo--bucket',
  'sthreee-bucket',
  'my.bucket-s3aliaz',
  'bucket--x-s4',
  'logs.example.com',
  'x--ol-s4',
  'amzn-s3-demo0-bucket',
  '9-9',
];

/**
 * Valid S3 general purpose bucket names (3–63 characters of `a-z 0-9 . -`, letter or digit at
 * both ends, no `..`, not an IP address, no reserved prefix or suffix), hard cases included.
 * Built by construction and repair, never filtered, so shrunk names stay valid.
 * @example s3BucketName({ dots: false })
 */
// @__NO_SIDE_EFFECTS__
export function s3BucketName(constraints: S3BucketNameConstraints = {}): Arbitrary<string> {
  const dots = constraints.dots ?? true;
  const hardCases = constraints.hardCases ?? true;
  if (typeof dots !== 'boolean')
    throw new TypeError(`s3BucketName: dots must be a boolean, got ${JSON.stringify(dots)}`);
  if (typeof hardCases !== 'boolean')
    throw new TypeError(`s3BucketName: hardCases must be a boolean, got ${JSON.stringify(hardCases)}`);
  const separator = dots ? constantFrom('-', '.', '--') : constantFrom('-', '--');
  const built = tuple(stringMatching(LABEL), array(tuple(separator, stringMatching(LABEL)), { maxLength: 5 })).map(
    ([first, rest]) => repair(first + rest.map(([sep, label]) => sep + label).join('')),
  );
  if (!hardCases) return built;
  const hard = constantFrom(...HARD_NAMES.filter((name) => dots || !name.includes('.')));
  return oneof({ arbitrary: built, weight: 4 }, { arbitrary: hard, weight: 1 });
}
