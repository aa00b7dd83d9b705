/**
 * The part of `node:crypto` the kit uses, for the browser: one-shot digests (md5, sha1, sha256,
 * as `hash(algorithm, data, 'hex')`) and RSA PKCS#1 v1.5 signing and verification with
 * SHA-1/SHA-256 (SNS signatures), over BigInt. Outputs are byte-identical to Node's: the
 * playground's events are the ones the kit builds in Node (test/docs/browserBundles.test.ts).
 */
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { Buffer } from 'buffer';

type Data = string | Uint8Array;
const bytes = (data: Data): Uint8Array => (typeof data === 'string' ? new TextEncoder().encode(data) : data);
const DIGESTS: Record<string, (data: Uint8Array) => Uint8Array> = {
  md5,
  sha1,
  sha256,
  'RSA-SHA1': sha1,
  'RSA-SHA256': sha256,
};

function digestOf(algorithm: string): (data: Uint8Array) => Uint8Array {
  const digest = DIGESTS[algorithm.toLowerCase()] ?? DIGESTS[algorithm];
  if (digest === undefined) throw new Error(`Digest method not supported in the browser build: ${algorithm}`);
  return digest;
}

/** `crypto.hash(algorithm, data, outputEncoding)`. */
export function hash(algorithm: string, data: Data, outputEncoding: 'hex' | 'base64' = 'hex'): string {
  return Buffer.from(digestOf(algorithm)(bytes(data))).toString(outputEncoding);
}

// ---- A minimal DER reader: just enough for PKCS#8 private keys and X.509 certificates.

interface Der {
  readonly tag: number;
  readonly body: Uint8Array;
  readonly end: number;
}

function readDer(buf: Uint8Array, at: number): Der {
  const tag = buf[at]!;
  let length = buf[at + 1]!;
  let start = at + 2;
  if (length & 0x80) {
    const n = length & 0x7f;
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + buf[start + i]!;
    start += n;
  }
  if (start + length > buf.length) throw new Error('truncated DER');
  return { tag, body: buf.subarray(start, start + length), end: start + length };
}

function children(body: Uint8Array): Der[] {
  const out: Der[] = [];
  for (let at = 0; at < body.length; ) {
    const d = readDer(body, at);
    out.push(d);
    at = d.end;
  }
  return out;
}

const toBigInt = (b: Uint8Array): bigint => (b.length === 0 ? 0n : BigInt(`0x${Buffer.from(b).toString('hex')}`));

function pemBody(pem: string, label: string): Uint8Array | undefined {
  const match = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`).exec(pem);
  return match === null ? undefined : new Uint8Array(Buffer.from(match[1]!.replace(/\s+/g, ''), 'base64'));
}

/** An RSA key: modulus, and the private or the public exponent. */
export interface KeyObject {
  readonly n: bigint;
  readonly exponent: bigint;
  readonly bytes: number;
}

function rsaKey(n: Uint8Array, exponent: Uint8Array): KeyObject {
  const modulus = toBigInt(n);
  return { n: modulus, exponent: toBigInt(exponent), bytes: Math.ceil(modulus.toString(16).length / 2) };
}

/** `createPrivateKey(pem)`: PKCS#8 (`PRIVATE KEY`) or PKCS#1 (`RSA PRIVATE KEY`). */
export function createPrivateKey(pem: string): KeyObject {
  const pkcs8 = pemBody(pem, 'PRIVATE KEY');
  const pkcs1 = pkcs8 === undefined ? pemBody(pem, 'RSA PRIVATE KEY') : children(readDer(pkcs8, 0).body)[2]!.body;
  if (pkcs1 === undefined) throw new Error('unsupported key format');
  const [, n, , d] = children(readDer(pkcs1, 0).body);
  return rsaKey(n!.body, d!.body);
}

/** `createPublicKey(pem)`: an X.509 `CERTIFICATE` or a SPKI `PUBLIC KEY`. */
export function createPublicKey(pem: string): KeyObject {
  let spki = pemBody(pem, 'PUBLIC KEY');
  const cert = pemBody(pem, 'CERTIFICATE');
  if (spki === undefined && cert !== undefined) {
    const tbs = children(readDer(cert, 0).body)[0]!;
    const fields = children(tbs.body);
    // tbsCertificate: [0] version (explicit, optional), serial, signature, issuer, validity, subject, subjectPublicKeyInfo.
    const offset = fields[0]!.tag === 0xa0 ? 1 : 0;
    const info = fields[offset + 5]!;
    const [, bitString] = children(info.body);
    const [n, e] = children(readDer(bitString!.body.subarray(1), 0).body);
    return rsaKey(n!.body, e!.body);
  }
  if (spki === undefined) throw new Error('unsupported key format');
  const [, bitString] = children(readDer(spki, 0).body);
  const [n, e] = children(readDer(bitString!.body.subarray(1), 0).body);
  return rsaKey(n!.body, e!.body);
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result;
}

// DigestInfo prefixes of EMSA-PKCS1-v1_5 (RFC 8017 §9.2, note 1).
const DIGEST_INFO: Record<string, string> = {
  'RSA-SHA1': '3021300906052b0e03021a05000414',
  'RSA-SHA256': '3031300d060960864801650304020105000420',
};

function encoded(algorithm: string, data: Uint8Array, length: number): bigint {
  const prefix = DIGEST_INFO[algorithm];
  if (prefix === undefined) throw new Error(`Digest method not supported in the browser build: ${algorithm}`);
  const t = `${prefix}${Buffer.from(digestOf(algorithm)(data)).toString('hex')}`;
  const padding = 'ff'.repeat(length - 3 - t.length / 2);
  return BigInt(`0x0001${padding}00${t}`);
}

/** `crypto.sign(algorithm, data, privateKey)`: RSASSA-PKCS1-v1_5. */
export function sign(algorithm: string, data: Uint8Array, key: KeyObject): Buffer {
  const s = modPow(encoded(algorithm, data, key.bytes), key.exponent, key.n);
  return Buffer.from(s.toString(16).padStart(key.bytes * 2, '0'), 'hex');
}

/** `crypto.verify(algorithm, data, publicKey, signature)`. */
export function verify(algorithm: string, data: Uint8Array, key: KeyObject, signature: Uint8Array): boolean {
  if (signature.length !== key.bytes) return false;
  const s = toBigInt(signature);
  if (s >= key.n) return false;
  return modPow(s, key.exponent, key.n) === encoded(algorithm, data, key.bytes);
}
