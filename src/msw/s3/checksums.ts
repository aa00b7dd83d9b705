/**
 * The flexible checksums the SDK sends (`x-amz-checksum-<alg>`, base64 of the big-endian
 * digest) and the legacy `Content-MD5`. The mock verifies what it can compute and answers a
 * mismatch with S3's `BadDigest`.
 */
import { createHash } from 'node:crypto';
import * as zlib from 'node:zlib';
import { S3Error, invalidRequest } from './errors.js';

/** Checksum algorithms the mock can compute, as S3 names them. */
export type ChecksumAlgorithm = 'CRC32' | 'CRC32C' | 'SHA1' | 'SHA256';

/** A checksum as stored on an object: its algorithm and its base64 value. */
export interface StoredChecksum {
  readonly algorithm: ChecksumAlgorithm;
  readonly value: string;
}

const DIGEST_BYTES: Record<ChecksumAlgorithm, number> = { CRC32: 4, CRC32C: 4, SHA1: 20, SHA256: 32 };

function uint32Base64(value: number): string {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value >>> 0, 0);
  return out.toString('base64');
}

// zlib.crc32 arrived in Node 20.15/22.2; the table fallback keeps older 20.x working.
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

function makeTable(polynomial: number): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? polynomial ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

let crc32Table: Uint32Array | undefined;
let crc32cTable: Uint32Array | undefined;

function tableCrc(table: Uint32Array, data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = (table[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** CRC-32 (IEEE) of `data`. */
function crc32(data: Uint8Array): number {
  if (nativeCrc32) return nativeCrc32(data) >>> 0;
  crc32Table ??= makeTable(0xedb88320);
  return tableCrc(crc32Table, data);
}

/** CRC-32C (Castagnoli) of `data`. */
function crc32c(data: Uint8Array): number {
  crc32cTable ??= makeTable(0x82f63b78);
  return tableCrc(crc32cTable, data);
}

/** The base64 checksum of `data` under `algorithm`, as S3 sends it in `x-amz-checksum-*`. */
export function checksumOf(algorithm: ChecksumAlgorithm, data: Uint8Array): string {
  switch (algorithm) {
    case 'CRC32':
      return uint32Base64(crc32(data));
    case 'CRC32C':
      return uint32Base64(crc32c(data));
    case 'SHA1':
      return createHash('sha1').update(data).digest('base64');
    case 'SHA256':
      return createHash('sha256').update(data).digest('base64');
  }
}

/** The `x-amz-checksum-*` header name of an algorithm. */
export function checksumHeader(algorithm: string): string {
  return `x-amz-checksum-${algorithm.toLowerCase()}`;
}

const KNOWN = new Set<string>(['CRC32', 'CRC32C', 'SHA1', 'SHA256']);
// Algorithms S3 accepts that the mock does not compute: accepted, not verified, not stored.
const ACCEPTED_UNVERIFIED = new Set<string>(['CRC64NVME']);

/**
 * Finds the checksum a request declares, from its headers or its aws-chunked trailers, checks
 * the value's shape, and verifies it against `body`. Returns the checksum to store with the
 * object, or undefined when none was sent (or it is one the mock cannot compute).
 */
export function verifyChecksums(
  headers: Headers,
  trailers: ReadonlyMap<string, string>,
  body: Uint8Array,
): StoredChecksum | undefined {
  const contentMd5 = headers.get('content-md5');
  if (contentMd5 !== null) {
    const digest = Buffer.from(contentMd5, 'base64');
    if (digest.length !== 16 || digest.toString('base64') !== contentMd5) {
      throw new S3Error('InvalidDigest', 400, 'The Content-MD5 you specified was invalid.', {
        'Content-MD5': contentMd5,
      });
    }
    const calculated = createHash('md5').update(body).digest('base64');
    if (calculated !== contentMd5) {
      // S3 names the digest it expected in hex and the one it calculated in base64.
      throw new S3Error('BadDigest', 400, 'The Content-MD5 you specified did not match what we received.', {
        ExpectedDigest: digest.toString('hex'),
        CalculatedDigest: calculated,
      });
    }
  }
  let found: StoredChecksum | undefined;
  const consider = (name: string, value: string): void => {
    const algorithm = name.slice('x-amz-checksum-'.length).toUpperCase();
    if (algorithm === 'MODE' || algorithm === 'TYPE' || algorithm === 'ALGORITHM') return;
    if (ACCEPTED_UNVERIFIED.has(algorithm)) return;
    if (!KNOWN.has(algorithm)) throw invalidRequest(`Value for ${name} header is invalid.`);
    const alg = algorithm as ChecksumAlgorithm;
    const bytes = Buffer.from(value, 'base64');
    if (bytes.length !== DIGEST_BYTES[alg] || bytes.toString('base64') !== value)
      throw invalidRequest(`Value for ${name} header is invalid.`);
    if (found !== undefined)
      throw invalidRequest('Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.');
    if (checksumOf(alg, body) !== value) {
      throw new S3Error('BadDigest', 400, `The ${alg} you specified did not match the calculated checksum.`);
    }
    found = { algorithm: alg, value };
  };
  for (const [name, value] of headers) if (name.startsWith('x-amz-checksum-')) consider(name, value);
  for (const [name, value] of trailers) if (name.startsWith('x-amz-checksum-')) consider(name, value);
  return found;
}
