/** Building S3 responses: request ids on every one, XML bodies with the right content type. */
import type { S3RequestIds } from './errors.js';
import type { S3Route } from './hosts.js';

/** Everything an operation knows about the request it serves. */
export interface S3Call {
  readonly request: Request;
  readonly route: S3Route;
  readonly method: string;
  /** The query string, parsed. */
  readonly query: URLSearchParams;
  /** The ids this response (and any notification it causes) carries. */
  readonly ids: S3RequestIds;
  /** The virtual time of the request. */
  readonly now: Date;
}

/** An S3 response with the request ids, extra headers, and an optional body. */
export function respond(
  call: S3Call,
  status: number,
  body?: Uint8Array | string | null,
  headers?: Record<string, string | undefined>,
): Response {
  const out = new Headers({ 'x-amz-request-id': call.ids.requestId, 'x-amz-id-2': call.ids.hostId });
  if (headers !== undefined)
    for (const [name, value] of Object.entries(headers)) if (value !== undefined) out.set(name, value);
  return new Response(call.method === 'HEAD' ? null : (body ?? null), { status, headers: out });
}

/** A 200 response with an XML document. */
export function respondXml(call: S3Call, xml: string, headers?: Record<string, string | undefined>): Response {
  return respond(call, 200, xml, { 'content-type': 'application/xml', ...headers });
}

/** `Wed, 12 Oct 2009 17:50:00 GMT`: S3's `Last-Modified`. */
export function httpDate(date: Date): string {
  return date.toUTCString();
}

/** `2009-10-12T17:50:30.000Z`: timestamps inside S3 XML documents. */
export function xmlDate(date: Date): string {
  return date.toISOString();
}
