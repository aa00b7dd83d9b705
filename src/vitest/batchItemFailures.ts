/**
 * `expect(result).toReportBatchItemFailures(ids)`: the handler's response reports exactly these
 * records as failed, read as Lambda reads it under `ReportBatchItemFailures`.
 * @see https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html
 */
import { judgeHandlerResponse } from '../msw/_internals/batchItemFailures.js';
import { misuse, type MatcherContext, type MatcherResult } from './state.js';

const NAME = 'toReportBatchItemFailures';

const list = (ids: readonly string[]): string =>
  ids.length === 0 ? '(none)' : ids.map((id) => JSON.stringify(id)).join(', ');

/**
 * Passes when Lambda would retry exactly the records `ids` (as a set: order and duplicates do not
 * matter). Lambda's reading of the response applies: `undefined`, `null`, `[]`, `{}` and
 * `{ batchItemFailures: [] }` report no failures; a malformed response (an entry without a
 * non-empty string `itemIdentifier`, a `batchItemFailures` that is not a list …) fails the whole
 * batch, and never passes.
 */
export function toReportBatchItemFailures(
  this: MatcherContext,
  received: unknown,
  ids: readonly string[],
): MatcherResult {
  if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) {
    misuse(
      NAME,
      `expects the item identifiers (an array of strings, e.g. messageIds), got ${this.utils.printExpected(ids)}`,
    );
  }
  const expected = [...new Set(ids)];
  const verdict = judgeHandlerResponse(received, true, { has: () => true, describe: 'an item identifier' });
  const hint = this.utils.matcherHint(NAME, 'result', 'ids', { isNot: this.isNot });
  if (verdict.outcome === 'failure') {
    return {
      pass: false,
      message: () =>
        `${hint}\n\nLambda would fail the whole batch, not report items: ${verdict.reason}.\n\nReceived: ${this.utils.printReceived(received)}`,
    };
  }
  const reported = verdict.outcome === 'partial' ? [...verdict.identifiers] : [];
  const reportedSet = new Set(reported);
  const expectedSet = new Set(expected);
  const missing = expected.filter((id) => !reportedSet.has(id));
  const unexpected = reported.filter((id) => !expectedSet.has(id));
  const pass = missing.length === 0 && unexpected.length === 0;
  return {
    pass,
    message: () =>
      pass
        ? `${hint}\n\nExpected the result not to report exactly ${list(expected)}, but it does.`
        : `${hint}\n\nExpected failures: ${list(expected)}\nReported failures: ${list(reported)}\n` +
          (missing.length > 0 ? `Missing (not reported): ${list(missing)}\n` : '') +
          (unexpected.length > 0 ? `Unexpected (reported, not expected): ${list(unexpected)}\n` : '') +
          `\nReceived: ${this.utils.printReceived(received)}`,
    actual: [...reported].sort(),
    expected: [...expected].sort(),
  };
}
