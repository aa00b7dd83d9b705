/**
 * IP literals and CIDR blocks as AWS's engine reads them. A string is an IP literal only if it has
 * the engine's shape (four dotted decimal numbers, or hex digits and colons with at least one
 * colon) and Java's address parser accepts it; an IPv4-mapped IPv6 literal written in hex
 * (`::ffff:a00:1`) reads as the IPv4 address (`10.0.0.1`), as Java's parser returns it.
 *
 * @see https://github.com/aws/event-ruler/blob/main/src/main/software/amazon/event/ruler/CIDR.java
 */
import type { IpRange } from './ast.js';

const IPV4_SHAPE = /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/;
const IPV6_SHAPE = /^[0-9a-fA-F:]*:[0-9a-fA-F:]*$/;

/** AWS's texts for an invalid `cidr` value (the reason of the pattern error). */
export const CIDR_ERRORS = {
  oneSlash: "Malformed CIDR, one '/' required",
  maskInteger: 'Malformed CIDR, mask bits must be an integer',
  maskNegative: 'Malformed CIDR, mask bits must not be negative',
  ipv4Mask: 'IPv4 mask bits must be < 32',
  ipv6Mask: 'IPv6 mask bits must be < 128',
  invalidIp: (ip: string) => `Invalid IP address: ${ip}`,
  nonstandardIp: (ip: string) => `Nonstandard IP address: ${ip}`,
} as const;

/** A `cidr` value AWS rejects; `message` is AWS's reason text. */
export class CidrError extends Error {
  override readonly name = 'CidrError';
}

/** An address as its version and integer value. */
interface Address {
  readonly version: 4 | 6;
  readonly value: bigint;
}

function hasIpShape(text: string): boolean {
  return IPV4_SHAPE.test(text) || IPV6_SHAPE.test(text);
}

/**
 * Dotted-quad IPv4 as Java reads it: four parts, each 0–255, at most 15 characters. A part with a
 * leading zero (`010`) is refused, as current Java releases refuse ambiguous (octal-looking) literals.
 */
function parseIpv4(text: string): bigint | undefined {
  if (text.length > 15) return undefined;
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (part.length === 0 || part.length > 3 || (part.length > 1 && part[0] === '0')) return undefined;
    const n = Number(part);
    if (!(n <= 255)) return undefined;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

/** Hex-and-colon IPv6 as Java's `textToNumericFormatV6` reads it (no embedded IPv4, no zone). */
function parseIpv6(text: string): bigint | undefined {
  if (text.length < 2) return undefined;
  const groups: number[] = [];
  let gapAt = -1;
  let i = 0;
  if (text[0] === ':') {
    if (text[1] !== ':') return undefined;
    i = 1;
  }
  let sawDigit = false;
  let group = 0;
  while (i < text.length) {
    const ch = text[i++]!;
    if (ch !== ':') {
      group = (group << 4) | parseInt(ch, 16);
      // Java checks the group's value, not its digit count: `00001` is one group.
      if (group > 0xffff) return undefined;
      sawDigit = true;
      continue;
    }
    if (!sawDigit) {
      if (gapAt !== -1) return undefined;
      gapAt = groups.length;
      continue;
    }
    if (i === text.length) return undefined;
    if (groups.length >= 8) return undefined;
    groups.push(group);
    sawDigit = false;
    group = 0;
  }
  if (sawDigit) {
    if (groups.length >= 8) return undefined;
    groups.push(group);
  }
  if (gapAt !== -1) {
    if (groups.length === 8) return undefined;
    groups.splice(gapAt, 0, ...new Array<number>(8 - groups.length).fill(0));
  }
  if (groups.length !== 8) return undefined;
  let value = 0n;
  for (const g of groups) value = (value << 16n) | BigInt(g);
  return value;
}

const V4_MAPPED_HIGH = 0xffffn << 32n;

/**
 * Java's address parser for a string of IP shape; `undefined` where Java fails (the engine's
 * "Invalid IP address"). An IPv4-mapped IPv6 address becomes the IPv4 address.
 */
function parseAddress(text: string): Address | undefined {
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return { version: 4, value: v4 };
  if (!text.includes(':')) return undefined;
  const v6 = parseIpv6(text);
  if (v6 === undefined) return undefined;
  if (v6 >> 32n === V4_MAPPED_HIGH >> 32n) return { version: 4, value: v6 & 0xffffffffn };
  return { version: 6, value: v6 };
}

/**
 * Reads a string as one IP address, as AWS does for exact pattern strings and event values:
 * an {@link IpRange} with `low === high`, or `undefined` if the string is not an IP literal.
 */
export function parseIpAddress(text: string): IpRange | undefined {
  if (!hasIpShape(text)) return undefined;
  const address = parseAddress(text);
  return address === undefined ? undefined : { version: address.version, low: address.value, high: address.value };
}

/** Whether `ip` (one address or a range) lies inside `range`; IPv4 and IPv6 never match each other. */
export function ipInRange(ip: IpRange, range: IpRange): boolean {
  return ip.version === range.version && ip.low >= range.low && ip.high <= range.high;
}

/** Java's `String.split("/")`: trailing empty pieces are dropped (`"10.0.0.0/24/"` has two pieces). */
function splitOnSlash(text: string): string[] {
  const pieces = text.split('/');
  while (pieces.length > 0 && pieces[pieces.length - 1] === '') pieces.pop();
  return pieces.length === 0 && text.length === 0 ? [''] : pieces;
}

/** Java's `Integer.parseInt` for ASCII digits: optional sign, 32-bit range. */
function parseJavaInt(text: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(text)) return undefined;
  const n = Number(text);
  return n >= -2147483648 && n <= 2147483647 ? n : undefined;
}

/**
 * Reads a `cidr` pattern value into its address range, with AWS's checks in AWS's order.
 * AWS rejects `/32` (IPv4) and `/128` (IPv6): a single address is written as a plain string.
 * @throws CidrError with AWS's reason text.
 */
export function parseCidr(text: string): IpRange {
  const pieces = splitOnSlash(text);
  if (pieces.length !== 2) throw new CidrError(CIDR_ERRORS.oneSlash);
  const [ip, maskText] = pieces as [string, string];
  const mask = parseJavaInt(maskText);
  if (mask === undefined) throw new CidrError(CIDR_ERRORS.maskInteger);
  if (mask < 0) throw new CidrError(CIDR_ERRORS.maskNegative);
  let address: Address | undefined;
  if (hasIpShape(ip)) {
    address = parseAddress(ip);
    if (address === undefined) throw new CidrError(CIDR_ERRORS.invalidIp(ip));
  }
  if (address === undefined) throw new CidrError(CIDR_ERRORS.nonstandardIp(ip));
  const bits = address.version === 4 ? 32 : 128;
  if (mask > bits - 1) throw new CidrError(address.version === 4 ? CIDR_ERRORS.ipv4Mask : CIDR_ERRORS.ipv6Mask);
  const hostBits = BigInt(bits - mask);
  const hostMask = (1n << hostBits) - 1n;
  return { version: address.version, low: address.value & ~hostMask, high: address.value | hostMask };
}
