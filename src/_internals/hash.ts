/** Digests and encodings used by several event types. */
import { createHash } from 'node:crypto';

/** Lower-case hex MD5 of a string's UTF-8 bytes or of raw bytes. */
export function md5Hex(data: string | Uint8Array): string {
  return createHash('md5').update(data).digest('hex');
}

/** Lower-case hex SHA-256 of a string's UTF-8 bytes or of raw bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Standard base64 (with `+/=`) of a string's UTF-8 bytes or of raw bytes. */
export function toBase64(data: string | Uint8Array): string {
  return (typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength)).toString('base64');
}

const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Whether `text` is canonical standard base64. */
export function isBase64(text: string): boolean {
  return BASE64_PATTERN.test(text);
}
