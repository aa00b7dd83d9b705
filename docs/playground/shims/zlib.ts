/**
 * The part of `node:zlib` the kit uses (CloudWatch Logs data), for the browser: pako, a port of
 * zlib, at zlib's default level. The header is Node's; the DEFLATE stream can differ from Node's
 * (Node ships Chromium's zlib fork), the data it carries cannot (test/docs/browserBundles.test.ts).
 */
/// <reference path="./pako.d.ts" />
import { gzip, ungzip } from 'pako';
import { Buffer } from 'buffer';

/** `zlib.gzipSync(data)` at zlib's default level. */
export function gzipSync(data: Uint8Array | string): Buffer {
  return Buffer.from(gzip(typeof data === 'string' ? new TextEncoder().encode(data) : data));
}

/** `zlib.gunzipSync(data)`; throws on data that is not gzip, as Node does. */
export function gunzipSync(data: Uint8Array): Buffer {
  return Buffer.from(ungzip(data));
}
