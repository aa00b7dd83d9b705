/**
 * The one reader of a Lambda handler's response for every polled source (SQS, Kinesis, DynamoDB
 * Streams). What Lambda sees is the JSON the runtime sent, not the object the handler returned.
 *
 * The Node.js runtime sends `JSON.stringify(response ?? null)`: `undefined` arrives as `null`;
 * a function or symbol stringifies to nothing, so no JSON reaches Lambda and the batch fails as
 * for invalid JSON (what bytes the runtime then sends is not recorded); a BigInt or a cycle makes
 * the runtime fail (`Unable to stringify response body`), which is an unhandled function error
 * whatever the mapping's response types.
 *
 * Under `ReportBatchItemFailures` Lambda then reads the JSON as `{ batchItemFailures: [...] }`.
 * Complete success: `null`, `""`, `[]`, an object without (or with a null or empty)
 * `batchItemFailures` (AWS's answers to `""` and `[]` were recorded as successes; they are what a
 * lenient JSON binder reads as "no response"). Complete failure, as for a function error but with
 * the function having returned normally (`functionError` null): JSON that is not an object (or
 * not JSON), a `batchItemFailures` that is not a list, or an entry that is not an object, has no
 * non-empty string `itemIdentifier` (missing, null, empty, another type, or a misspelt key), or
 * names no record of the batch.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html
 * @see https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-batchfailurereporting.html
 * @see https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-batchfailurereporting.html
 */
import { show } from '../../_internals/errors.js';
import { isPlainObject } from '../../_internals/objects.js';

/**
 * How Lambda judged one invocation's response. A failure carries what Lambda would write as
 * `functionError`: `"Unhandled"` when the function (or its runtime) failed, `null` when the
 * function returned normally but its response failed the batch.
 */
export type ResponseVerdict =
  | { readonly outcome: 'success' }
  | { readonly outcome: 'failure'; readonly reason: string; readonly functionError: 'Unhandled' | null }
  | { readonly outcome: 'partial'; readonly identifiers: readonly string[] };

/** The records of a batch as the response may name them. */
export interface BatchIdentifiers {
  has(identifier: string): boolean;
  /** What an identifier must be, e.g. `the messageId of a record in the batch`. */
  readonly describe: string;
}

/**
 * Judges a handler's response. `report` is whether the mapping has `ReportBatchItemFailures`
 * (without it Lambda ignores the response, once the runtime could send it).
 */
export function judgeHandlerResponse(response: unknown, report: boolean, batch: BatchIdentifiers): ResponseVerdict {
  let json: string | undefined;
  try {
    json = JSON.stringify(response === undefined ? null : response);
  } catch (error) {
    return {
      outcome: 'failure',
      functionError: 'Unhandled',
      reason: `the runtime could not send the response: Unable to stringify response body (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  if (!report) return { outcome: 'success' };
  if (json === undefined)
    return {
      outcome: 'failure',
      functionError: null,
      reason: `the response ${show(response)} is not JSON (a ${typeof response} serialises to nothing)`,
    };
  const parsed: unknown = JSON.parse(json);
  if (parsed === null || parsed === '' || (Array.isArray(parsed) && parsed.length === 0)) return { outcome: 'success' };
  if (!isPlainObject(parsed))
    return { outcome: 'failure', functionError: null, reason: `the response ${show(parsed)} is not a JSON object` };
  const list = parsed['batchItemFailures'];
  if (list === undefined || list === null) return { outcome: 'success' };
  if (!Array.isArray(list))
    return { outcome: 'failure', functionError: null, reason: `batchItemFailures ${show(list)} is not a list` };
  const identifiers = new Set<string>();
  for (const item of list) {
    if (!isPlainObject(item))
      return {
        outcome: 'failure',
        functionError: null,
        reason: `batchItemFailures item ${show(item)} is not an object`,
      };
    const id = item['itemIdentifier'];
    if (typeof id !== 'string' || id === '')
      return {
        outcome: 'failure',
        functionError: null,
        reason: `batchItemFailures item ${show(item)} has no non-empty string itemIdentifier`,
      };
    if (!batch.has(id))
      return { outcome: 'failure', functionError: null, reason: `itemIdentifier ${show(id)} is not ${batch.describe}` };
    identifiers.add(id);
  }
  return identifiers.size === 0 ? { outcome: 'success' } : { outcome: 'partial', identifiers: [...identifiers] };
}
