/** Digests and encodings used by several event types. */
import { hash } from 'node:crypto';

// crypto.hash (Node ≥ 20.12) is the one-shot digest: about 2× faster than createHash().update().digest()
// for the small inputs factories hash (message bodies, attribute blobs).

/** Lower-case hex MD5 of a string's UTF-8 bytes or of raw bytes. */
export function md5Hex(data: string | Uint8Array): string {
  return hash('md5', data, 'hex');
}

/** Lower-case hex SHA-256 of a string's UTF-8 bytes or of raw bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return hash('sha256', data, 'hex');
}

/** Standard base64 (with `+/=`) of a string's UTF-8 bytes or of raw bytes. */
export function toBase64(data: string | Uint8Array): string {
  return (
    typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  ).toString('base64');
}

const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Whether `text` is canonical standard base64. */
export function isBase64(text: string): boolean {
  return BASE64_PATTERN.test(text);
}
