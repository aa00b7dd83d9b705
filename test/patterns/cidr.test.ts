import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CIDR_ERRORS, CidrError, ipInRange, parseCidr, parseIpAddress } from '../../src/patterns/cidr.js';
import { NUM_RUNS } from '../_helpers/runs.js';

const hex = (r: { low: bigint; high: bigint }, width: number) =>
  [r.low, r.high].map((x) => x.toString(16).toUpperCase().padStart(width, '0'));

// Expected ranges from aws/event-ruler CIDRTest.java (testCIDRs / testRanges).
describe('parseCidr', () => {
  it.each([
    [
      '0011:2233:4455:6677:8899:aabb:ccdd:eeff/24',
      '00112200000000000000000000000000',
      '001122FFFFFFFFFFFFFFFFFFFFFFFFFF',
    ],
    ['2001:db8::ff00:42:8329/24', '20010D00000000000000000000000000', '20010DFFFFFFFFFFFFFFFFFFFFFFFFFF'],
    ['::1/24', '00000000000000000000000000000000', '000000FFFFFFFFFFFFFFFFFFFFFFFFFF'],
    ['10.0.0.0/24', '0A000000', '0A0000FF'],
    ['54.240.196.171/24', '36F0C400', '36F0C4FF'],
    ['13.32.0.0/15', '0D200000', '0D21FFFF'],
    ['27.0.0.0/22', '1B000000', '1B0003FF'],
    ['52.76.128.0/17', '344C8000', '344CFFFF'],
    ['34.192.0.0/12', '22C00000', '22CFFFFF'],
    ['2400:6500:FF00::36FB:1F80/122', '24006500FF0000000000000036FB1F80', '24006500FF0000000000000036FB1FBF'],
    ['2600:9000::/28', '26009000000000000000000000000000', '2600900FFFFFFFFFFFFFFFFFFFFFFFFF'],
    ['2600:1F14::/35', '26001F14000000000000000000000000', '26001F141FFFFFFFFFFFFFFFFFFFFFFF'],
  ])('%s covers %s..%s', (block, low, high) => {
    const range = parseCidr(block);
    expect(hex(range, low.length)).toEqual([low, high]);
    expect(range.version).toBe(low.length === 8 ? 4 : 6);
  });

  it.each([
    ['10.0.0.0', CIDR_ERRORS.oneSlash],
    ['', CIDR_ERRORS.oneSlash],
    ['/', CIDR_ERRORS.oneSlash],
    ['10.0.0.0//24', CIDR_ERRORS.oneSlash],
    ['10.0.0.0/', CIDR_ERRORS.oneSlash],
    ['10.0.0.0/x', CIDR_ERRORS.maskInteger],
    ['10.0.0.0/ 8', CIDR_ERRORS.maskInteger],
    ['10.0.0.0/99999999999', CIDR_ERRORS.maskInteger],
    ['10.0.0.0/-1', CIDR_ERRORS.maskNegative],
    ['10.0.0.1/32', CIDR_ERRORS.ipv4Mask],
    ['::1/128', CIDR_ERRORS.ipv6Mask],
    ['foo/24', 'Nonstandard IP address: foo'],
    ['/24', 'Nonstandard IP address: '],
    ['1.2.3.256/8', 'Invalid IP address: 1.2.3.256'],
    ['010.0.0.0/8', 'Invalid IP address: 010.0.0.0'],
    ['1::2::3/64', 'Invalid IP address: 1::2::3'],
    [':1/64', 'Invalid IP address: :1'],
    ['1:/64', 'Invalid IP address: 1:'],
    ['12345::/64', 'Invalid IP address: 12345::'],
    ['1:2:3:4:5:6:7:8::/64', 'Invalid IP address: 1:2:3:4:5:6:7:8::'],
    ['::ffff:10.0.0.1/120', 'Nonstandard IP address: ::ffff:10.0.0.1'],
  ])('%j fails with %j', (block, message) => {
    expect(() => parseCidr(block)).toThrow(CidrError);
    expect(() => parseCidr(block)).toThrow(message);
  });

  it('accepts the split quirks of Java: a trailing slash, a signed mask, /0', () => {
    expect(parseCidr('10.0.0.0/24/')).toEqual(parseCidr('10.0.0.0/24'));
    expect(parseCidr('10.0.0.0/+8')).toEqual(parseCidr('10.0.0.0/8'));
    expect(parseCidr('0.0.0.0/0')).toEqual({ version: 4, low: 0n, high: 0xffffffffn });
  });

  it('reads an IPv4-mapped IPv6 block as IPv4, as Java does', () => {
    expect(() => parseCidr('::ffff:a00:0/104')).toThrow(CIDR_ERRORS.ipv4Mask);
    expect(parseCidr('::ffff:a00:0/8')).toEqual(parseCidr('10.0.0.0/8'));
  });
});

describe('parseIpAddress', () => {
  it.each([
    ['10.0.0.1', 4, 0x0a000001n],
    ['255.255.255.255', 4, 0xffffffffn],
    ['0.0.0.0', 4, 0n],
    ['::', 6, 0n],
    ['::1', 6, 1n],
    ['2001:db8::1', 6, 0x20010db8000000000000000000000001n],
    ['2001:DB8:0:0:0:0:0:1', 6, 0x20010db8000000000000000000000001n],
    ['00001::', 6, 0x00010000000000000000000000000000n],
    ['::ffff:a00:1', 4, 0x0a000001n],
  ])('%s is IPv%i %s', (text, version, value) => {
    expect(parseIpAddress(text)).toEqual({ version, low: value, high: value });
  });

  it.each([
    'cafe',
    'abc:',
    '1.2.3',
    '1.2.3.4.5',
    '256.0.0.1',
    '01.2.3.4',
    '::ffff:1.2.3.4',
    '1:2:3:4:5:6:7:8:9',
    'fe80::1%eth0',
    '[::1]',
    '',
    ' 1.2.3.4',
  ])('%j is not an IP literal', (text) => {
    expect(parseIpAddress(text)).toBeUndefined();
  });

  it('agrees with a plain dotted-quad reading for every IPv4 address', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        const value = ip.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
        expect(parseIpAddress(ip)).toEqual({ version: 4, low: value, high: value });
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('reads every fast-check IPv6 address without an embedded IPv4 part', () => {
    fc.assert(
      fc.property(
        fc.ipV6().filter((ip) => !ip.includes('.')),
        (ip) => {
          const range = parseIpAddress(ip);
          expect(range).toBeDefined();
          expect(range!.low).toBe(range!.high);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('ipInRange', () => {
  it('matches addresses inside a block of the same version only', () => {
    const block = parseCidr('10.0.0.0/24');
    expect(ipInRange(parseIpAddress('10.0.0.255')!, block)).toBe(true);
    expect(ipInRange(parseIpAddress('10.0.1.0')!, block)).toBe(false);
    expect(ipInRange(parseIpAddress('::a00:1')!, block)).toBe(false);
    expect(ipInRange(parseIpAddress('::ffff:a00:1')!, block)).toBe(true);
  });
});
