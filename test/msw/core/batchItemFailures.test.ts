/**
 * The one reader of handler responses (SQS, Kinesis, DynamoDB Streams), branch by branch.
 * Rules: https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html and
 * https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-batchfailurereporting.html; `""` and
 * `[]` as successes were answered so by AWS (issue 9's recorded deliveries).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgeHandlerResponse, type BatchIdentifiers } from '../../../src/msw/_internals/batchItemFailures.js';
import { judgeStreamBatchResponse } from '../../../src/msw/_internals/streamDelivery.js';
import { judgeBatchResponse } from '../../../src/msw/sqs/subscription.js';
import { NUM_RUNS } from '../../_helpers/runs.js';

const batch: BatchIdentifiers = { has: (id) => id === 'a' || id === 'b', describe: 'a record of the batch' };
const cyclic: Record<string, unknown> = {};
cyclic['self'] = cyclic;

describe('judgeHandlerResponse', () => {
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['an empty string', ''],
    ['an empty array', []],
    ['an empty object', {}],
    ['an object with other keys', { processed: 2 }],
    ['a null list', { batchItemFailures: null }],
    ['an empty list', { batchItemFailures: [] }],
    ['an object whose toJSON gives null', { toJSON: () => null }],
  ])('%s is a success', (_, response) => {
    expect(judgeHandlerResponse(response, true, batch)).toEqual({ outcome: 'success' });
  });

  it.each([
    ['a non-empty string', 'a', /the response "a" is not a JSON object/],
    ['a number', 0, /the response 0 is not a JSON object/],
    ['true', true, /the response true is not a JSON object/],
    ['a non-empty array', [{ itemIdentifier: 'a' }], /is not a JSON object/],
    ['a function', () => undefined, /is not JSON \(a function serialises to nothing\)/],
    ['a symbol', Symbol('x'), /is not JSON \(a symbol serialises to nothing\)/],
    [
      'a list that is an object',
      { batchItemFailures: { itemIdentifier: 'a' } },
      /batchItemFailures \{"itemIdentifier":"a"\} is not a list/,
    ],
    ['a list that is a string', { batchItemFailures: 'a' }, /batchItemFailures "a" is not a list/],
    ['a list that is a number', { batchItemFailures: 1 }, /is not a list/],
    ['a null entry', { batchItemFailures: [null] }, /item null is not an object/],
    ['a string entry', { batchItemFailures: ['a'] }, /item "a" is not an object/],
    ['an array entry', { batchItemFailures: [['a']] }, /is not an object/],
    ['an empty identifier', { batchItemFailures: [{ itemIdentifier: '' }] }, /has no non-empty string itemIdentifier/],
    ['a null identifier', { batchItemFailures: [{ itemIdentifier: null }] }, /has no non-empty string itemIdentifier/],
    ['a numeric identifier', { batchItemFailures: [{ itemIdentifier: 1 }] }, /has no non-empty string itemIdentifier/],
    ['a misspelt key', { batchItemFailures: [{ itemIdentifer: 'a' }] }, /has no non-empty string itemIdentifier/],
    [
      'an identifier not in the batch',
      { batchItemFailures: [{ itemIdentifier: 'z' }] },
      /itemIdentifier "z" is not a record of the batch/,
    ],
    [
      'one bad entry after a good one',
      { batchItemFailures: [{ itemIdentifier: 'a' }, { itemIdentifier: '' }] },
      /no non-empty string itemIdentifier/,
    ],
  ])('%s fails the batch, the function having returned normally', (_, response, reason) => {
    const verdict = judgeHandlerResponse(response, true, batch);
    expect(verdict).toMatchObject({ outcome: 'failure', functionError: null });
    expect(verdict.outcome === 'failure' ? verdict.reason : '').toMatch(reason);
  });

  it.each([
    ['a BigInt', { total: 1n }],
    ['a cycle', cyclic],
    [
      'a throwing toJSON',
      {
        toJSON: () => {
          throw new Error('nope');
        },
      },
    ],
  ])(
    '%s cannot be sent by the runtime: an unhandled function error, with or without ReportBatchItemFailures',
    (_, response) => {
      for (const report of [true, false]) {
        const verdict = judgeHandlerResponse(response, report, batch);
        expect(verdict).toMatchObject({ outcome: 'failure', functionError: 'Unhandled' });
        expect(verdict.outcome === 'failure' ? verdict.reason : '').toMatch(/Unable to stringify response body/);
      }
    },
  );

  it('without ReportBatchItemFailures any sendable response is a success', () => {
    for (const response of ['x', 0, [1], () => undefined, { batchItemFailures: [{ itemIdentifier: 'z' }] }]) {
      expect(judgeHandlerResponse(response, false, batch)).toEqual({ outcome: 'success' });
    }
  });

  it('reported identifiers come back once each, in order; extra keys in entries are ignored', () => {
    const response = {
      batchItemFailures: [{ itemIdentifier: 'b', note: 1 }, { itemIdentifier: 'a' }, { itemIdentifier: 'b' }],
    };
    expect(judgeHandlerResponse(response, true, batch)).toEqual({ outcome: 'partial', identifiers: ['b', 'a'] });
  });

  it('the handler sees its own object, Lambda its JSON: toJSON is honoured', () => {
    const response = { toJSON: () => ({ batchItemFailures: [{ itemIdentifier: 'a' }] }) };
    expect(judgeHandlerResponse(response, true, batch)).toEqual({ outcome: 'partial', identifiers: ['a'] });
  });
});

describe('per source', () => {
  it('SQS: the failed message ids', () => {
    const verdict = judgeBatchResponse({ batchItemFailures: [{ itemIdentifier: 'm2' }] }, new Set(['m1', 'm2']));
    expect(verdict.outcome === 'partial' ? [...verdict.failed] : []).toEqual(['m2']);
    expect(judgeBatchResponse({ batchItemFailures: [{ itemIdentifier: 'm3' }] }, new Set(['m1']))).toMatchObject({
      outcome: 'failure',
      reason: 'itemIdentifier "m3" is not the messageId of a record in the batch',
    });
  });

  it('streams: the index of the lowest reported sequence number, whatever the order of the report', () => {
    const sequenceNumbers = ['100', '200', '300'];
    expect(
      judgeStreamBatchResponse(
        { batchItemFailures: [{ itemIdentifier: '300' }, { itemIdentifier: '200' }] },
        sequenceNumbers,
      ),
    ).toEqual({ outcome: 'partial', lowest: 1 });
    expect(judgeStreamBatchResponse({ batchItemFailures: [{ itemIdentifier: '100' }] }, sequenceNumbers)).toEqual({
      outcome: 'partial',
      lowest: 0,
    });
    expect(
      judgeStreamBatchResponse({ batchItemFailures: [{ itemIdentifier: '1000' }] }, sequenceNumbers),
    ).toMatchObject({
      outcome: 'failure',
      reason: 'itemIdentifier "1000" is not the sequence number of a record in the batch',
    });
    expect(judgeStreamBatchResponse([], sequenceNumbers)).toEqual({ outcome: 'success' });
    expect(judgeStreamBatchResponse('x', sequenceNumbers, false)).toEqual({ outcome: 'success' });
  });
});

describe('properties', () => {
  const ids = ['a', 'b'];
  const identifier = fc.oneof(
    fc.constantFrom('a', 'b', '', 'z'),
    fc.string(),
    fc.constant(null),
    fc.integer(),
    fc.constant(undefined),
  );
  const entry = fc.oneof(
    fc.record({ itemIdentifier: identifier }, { requiredKeys: [] }),
    fc.record({ itemIdentifer: identifier }),
    fc.jsonValue(),
  );
  const response = fc.oneof(
    fc.jsonValue(),
    fc.record(
      { batchItemFailures: fc.oneof(fc.array(entry, { maxLength: 4 }), fc.jsonValue(), fc.constant(undefined)) },
      { requiredKeys: [] },
    ),
  );

  it('Lambda judges the JSON: a response and its JSON round trip get the same verdict, and it never throws', () => {
    fc.assert(
      fc.property(response, fc.boolean(), (value, report) => {
        const verdict = judgeHandlerResponse(value, report, batch);
        const json: unknown = JSON.parse(JSON.stringify(value === undefined ? null : value));
        expect(judgeHandlerResponse(json, report, batch)).toEqual(verdict);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('a partial verdict names only records of the batch, each once; a success reports none; a response failure is never "Unhandled"', () => {
    fc.assert(
      fc.property(response, (value) => {
        const verdict = judgeHandlerResponse(value, true, batch);
        if (verdict.outcome === 'partial') {
          expect(verdict.identifiers.length).toBeGreaterThan(0);
          expect(new Set(verdict.identifiers).size).toBe(verdict.identifiers.length);
          expect(verdict.identifiers.every((id) => ids.includes(id))).toBe(true);
        }
        if (verdict.outcome === 'failure') expect(verdict.functionError).toBeNull();
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
