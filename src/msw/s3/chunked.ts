/**
 * `Content-Encoding: aws-chunked` bodies: the SDK streams uploads as
 * `<hex size>[;chunk-signature=…]\r\n<bytes>\r\n … 0\r\n<trailer>:<value>\r\n\r\n`, with the
 * checksum in a trailer. S3 stores only the bytes; the framing must never reach the object.
 */
import { S3Error, invalidRequest } from './errors.js';

/** A decoded aws-chunked body: the object's bytes and the trailing headers (lower-case names). */
export interface DecodedBody {
  readonly body: Uint8Array;
  readonly trailers: ReadonlyMap<string, string>;
}

const CR = 0x0d;
const LF = 0x0a;

function lineEnd(data: Uint8Array, from: number): number {
  for (let i = from; i + 1 < data.length; i++) if (data[i] === CR && data[i + 1] === LF) return i;
  return -1;
}

const incomplete = (): S3Error =>
  new S3Error(
    'IncompleteBody',
    400,
    'You did not provide the number of bytes specified by the Content-Length HTTP header',
  );

/** Whether the request body is aws-chunked framed (`content-encoding` may list other codings too). */
export function isAwsChunked(headers: Headers): boolean {
  const encoding = headers.get('content-encoding');
  if (encoding !== null && encoding.split(',').some((part) => part.trim().toLowerCase() === 'aws-chunked')) return true;
  // Signed streaming uploads announce themselves through the payload hash alone.
  return (headers.get('x-amz-content-sha256') ?? '').startsWith('STREAMING-');
}

/**
 * Strips aws-chunked framing, checks it against `x-amz-decoded-content-length`, and collects the
 * trailers. Malformed framing gives S3's `IncompleteBody` / `InvalidRequest`, never a throw of
 * anything but an S3Error.
 */
export function decodeAwsChunked(data: Uint8Array, headers: Headers): DecodedBody {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let at = 0;
  for (;;) {
    const end = lineEnd(data, at);
    if (end < 0) throw incomplete();
    const header = Buffer.from(data.subarray(at, end)).toString('latin1');
    const sizeText = header.split(';', 1)[0]?.trim() ?? '';
    if (!/^[0-9a-fA-F]{1,16}$/.test(sizeText)) throw invalidRequest('Invalid chunk size in aws-chunked encoded body.');
    const size = Number.parseInt(sizeText, 16);
    at = end + 2;
    if (size === 0) break;
    if (at + size + 2 > data.length) throw incomplete();
    chunks.push(data.subarray(at, at + size));
    total += size;
    at += size;
    if (data[at] !== CR || data[at + 1] !== LF)
      throw invalidRequest('Chunk data is not followed by CRLF in aws-chunked encoded body.');
    at += 2;
  }
  const trailers = new Map<string, string>();
  for (;;) {
    const end = lineEnd(data, at);
    if (end < 0) break; // a final CRLF is optional in practice
    const line = Buffer.from(data.subarray(at, end)).toString('latin1');
    at = end + 2;
    if (line === '') break;
    const colon = line.indexOf(':');
    if (colon <= 0) throw invalidRequest('Malformed trailer in aws-chunked encoded body.');
    trailers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const declared = headers.get('x-amz-trailer');
  if (declared !== null) {
    for (const name of declared.split(',')) {
      const wanted = name.trim().toLowerCase();
      if (wanted !== '' && !trailers.has(wanted))
        throw invalidRequest(`The trailer ${wanted} declared in x-amz-trailer was not sent.`);
    }
  }
  const body = chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks, total);
  const decodedLength = headers.get('x-amz-decoded-content-length');
  if (decodedLength !== null && Number(decodedLength) !== body.length) throw incomplete();
  return { body, trailers };
}
