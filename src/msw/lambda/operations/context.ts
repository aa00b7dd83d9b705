/** What every Lambda operation handler gets, and the request and response helpers the groups share. */
import type { JsonObject } from '../../_internals/input.js';
import { lambdaError } from '../errors.js';

/** One parsed request. */
export interface LambdaCall {
  readonly request: Request;
  readonly url: URL;
  readonly method: string;
  /** Path segments after `/2015-03-31/`, decoded. */
  readonly segments: readonly string[];
  readonly region: string;
  readonly requestId: string;
}

/** A JSON response with Lambda's headers. */
export function lambdaJson(
  call: LambdaCall,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-requestid': call.requestId, ...headers },
  });
}

/** The JSON object body of a request (`{}` when empty), or Lambda's serialization error. */
export async function jsonBody(request: Request): Promise<JsonObject> {
  const text = await request.text();
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw lambdaError('SerializationException', 'The request body is not valid JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw lambdaError('SerializationException', 'The request body must be a JSON object');
  return parsed as JsonObject;
}

/** A List operation's `MaxItems` (decimal digits, 1–10,000; `fallback` when absent), or Lambda's ValidationException. */
export function maxItemsOf(query: URLSearchParams, fallback: number): number {
  const text = query.get('MaxItems');
  // Number() alone would read `0x10`, `1e3` or ` 5` as integers.
  const maxItems = text === null ? fallback : /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(maxItems) || maxItems < 1 || maxItems > 10_000)
    throw lambdaError(
      'ValidationException',
      `1 validation error detected: Value '${query.get('MaxItems')}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 10000`,
    );
  return maxItems;
}
