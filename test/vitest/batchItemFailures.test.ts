import { describe, expect, it } from 'vitest';
import '../../src/vitest/index.js';

/** The message of the assertion error `assertion` throws. */
function failure(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the assertion to fail');
}

const response = (...ids: string[]) => ({ batchItemFailures: ids.map((itemIdentifier) => ({ itemIdentifier })) });

describe('toReportBatchItemFailures', () => {
  it('passes on exactly the reported set, in any order, duplicates folded as Lambda does', () => {
    expect(response('b', 'c')).toReportBatchItemFailures(['c', 'b']);
    expect(response('b', 'b')).toReportBatchItemFailures(['b']);
    expect(response('b')).not.toReportBatchItemFailures(['b', 'c']);
  });

  it.each([[undefined], [null], [[]], [{}], [{ batchItemFailures: [] }], [{ batchItemFailures: null }], ['']])(
    'reads %j as no failures, as AWS does',
    (value) => {
      expect(value).toReportBatchItemFailures([]);
      expect(value).not.toReportBatchItemFailures(['a']);
    },
  );

  it('lists missing and unexpected ids', () => {
    const message = failure(() => expect(response('a', 'd')).toReportBatchItemFailures(['a', 'c']));
    expect(message).toContain('Expected failures: "a", "c"');
    expect(message).toContain('Reported failures: "a", "d"');
    expect(message).toContain('Missing (not reported): "c"');
    expect(message).toContain('Unexpected (reported, not expected): "d"');
  });

  it('says when nothing was reported', () => {
    const message = failure(() => expect(undefined).toReportBatchItemFailures(['x']));
    expect(message).toContain('Reported failures: (none)');
    expect(message).toContain('Missing (not reported): "x"');
    expect(message).not.toContain('Unexpected');
  });

  it('explains the negated failure', () => {
    expect(failure(() => expect(response('a')).not.toReportBatchItemFailures(['a']))).toContain(
      'Expected the result not to report exactly "a", but it does.',
    );
  });

  it.each([
    [{ batchItemFailures: [{ itemIdentifier: '' }] }, 'no non-empty string itemIdentifier'],
    [{ batchItemFailures: [{ itemidentifier: 'a' }] }, 'no non-empty string itemIdentifier'],
    [{ batchItemFailures: 'a' }, 'is not a list'],
    [{ batchItemFailures: ['a'] }, 'is not an object'],
    ['a', 'is not a JSON object'],
  ])('never passes a response Lambda reads as a failure of the whole batch: %j', (value, reason) => {
    const message = failure(() => expect(value).toReportBatchItemFailures(['a']));
    expect(message).toContain('Lambda would fail the whole batch');
    expect(message).toContain(reason);
    expect(value).not.toReportBatchItemFailures(['a']);
    expect(value).not.toReportBatchItemFailures([]);
  });

  it('rejects ids that are not strings, naming the matcher', () => {
    expect(() => expect(response('a')).toReportBatchItemFailures([1] as never)).toThrow(
      /^toReportBatchItemFailures: expects the item identifiers/,
    );
    expect(() => expect(response('a')).toReportBatchItemFailures('a' as never)).toThrow(TypeError);
  });
});
