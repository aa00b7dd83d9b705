/** Reading request bodies: aws-chunked framing stripped, checksums verified. */
import { type StoredChecksum, verifyChecksums } from './checksums.js';
import { decodeAwsChunked, isAwsChunked } from './chunked.js';

/** A request body as S3 stores it. */
export interface ReadBody {
  readonly body: Uint8Array;
  /** The verified checksum the request carried, if any. */
  readonly checksum: StoredChecksum | undefined;
}

const NO_TRAILERS: ReadonlyMap<string, string> = new Map();

/** Reads, de-frames and verifies the body of `request`. Throws S3Errors only. */
export async function readBody(request: Request): Promise<ReadBody> {
  const raw = new Uint8Array(await request.arrayBuffer());
  const { body, trailers } = isAwsChunked(request.headers)
    ? decodeAwsChunked(raw, request.headers)
    : { body: raw, trailers: NO_TRAILERS };
  return { body, checksum: verifyChecksums(request.headers, trailers, body) };
}

/** Reads a small XML request document as text (after the same framing and checksum checks). */
export async function readXml(request: Request): Promise<{ xml: string; checksum: StoredChecksum | undefined }> {
  const { body, checksum } = await readBody(request);
  return { xml: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'), checksum };
}
