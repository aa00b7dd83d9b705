/**
 * Reads a Lambda handler's response under `ReportBatchItemFailures`, the part SQS and stream
 * sources (Kinesis, DynamoDB Streams) share: Lambda sees the handler's JSON, not the object; a
 * null/empty response or list means success; a response that is not a JSON object, a
 * `batchItemFailures` that is not a list, or an item without a non-empty string
 * `itemIdentifier` fails the whole batch. What an identifier must name differs per source.
 */
import { show } from '../../_internals/errors.js';
import { isPlainObject } from '../../_internals/objects.js';

/** The reported identifiers, in order, or why the response fails the batch. */
export type BatchItemFailuresReading = { ok: true; identifiers: string[] } | { ok: false; reason: string };

/** The `itemIdentifier`s a handler reported (empty: nothing failed). */
export function readBatchItemFailures(response: unknown): BatchItemFailuresReading {
  if (response === undefined || response === null) return { ok: true, identifiers: [] };
  let json: string | undefined;
  try {
    json = JSON.stringify(response);
  } catch (error) {
    return { ok: false, reason: `the response is not serialisable to JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (json === undefined) return { ok: true, identifiers: [] };
  const parsed: unknown = JSON.parse(json);
  if (!isPlainObject(parsed)) return { ok: false, reason: `the response ${show(parsed)} is not a JSON object` };
  const list = parsed['batchItemFailures'];
  if (list === undefined || list === null) return { ok: true, identifiers: [] };
  if (!Array.isArray(list)) return { ok: false, reason: `batchItemFailures ${show(list)} is not a list` };
  const identifiers: string[] = [];
  for (const item of list) {
    if (!isPlainObject(item)) return { ok: false, reason: `batchItemFailures item ${show(item)} is not an object` };
    const id = item['itemIdentifier'];
    if (typeof id !== 'string' || id === '') return { ok: false, reason: `batchItemFailures item ${show(item)} has no non-empty itemIdentifier` };
    identifiers.push(id);
  }
  return { ok: true, identifiers };
}
