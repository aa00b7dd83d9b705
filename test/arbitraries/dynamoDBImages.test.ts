/**
 * Every image of a generated DynamoDB Streams record (NewImage and OldImage, MODIFY included)
 * comes from the `item` arbitrary, keys kept: a MODIFY once came back with `name: { NS: [...] }`
 * for an item whose `name` is a string.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dynamoDBStreamEvent } from '../../arbitraries/dynamoDBStreamEvent.js';
import { dynamoDBStreamRecord } from '../../arbitraries/dynamoDBStreamRecord.js';
import type { AttributeMap, DynamoDBStreamRecord } from '../../src/events/dynamodb/types.js';
import { NUM_RUNS } from '../_helpers/runs.js';
import { canonicalJson, expectValidStreamEvent } from '../events/dynamodb/_invariants.js';

/** Items of a small order table: `id` (S key), `name` (S), `count` (N), `tags` (SS, optional). */
const orderItem = (keys: readonly string[]): fc.Arbitrary<AttributeMap> => {
  expect(keys).toEqual(['id']);
  return fc
    .record({
      id: fc.stringMatching(/^[a-z0-9]{1,12}$/),
      name: fc.string({ minLength: 1, maxLength: 20 }),
      count: fc.integer({ min: 0, max: 1_000_000 }),
      tags: fc.option(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 3 }), {
        nil: undefined,
      }),
    })
    .map(({ id, name, count, tags }) => ({
      id: { S: id },
      name: { S: name },
      count: { N: String(count) },
      ...(tags ? { tags: { SS: tags } } : {}),
    }));
};

/** The type of each attribute the item arbitrary gives. */
const TYPES: Record<string, string> = { id: 'S', name: 'S', count: 'N', tags: 'SS' };

/** Whether an image has the item arbitrary's shape: only its attributes, each of its type (`version` only as the documented last resort). */
function expectItemShape(image: AttributeMap | undefined, keys: AttributeMap): void {
  if (image === undefined) return;
  for (const [name, value] of Object.entries(image)) {
    if (name === 'version') continue;
    expect(Object.keys(TYPES), name).toContain(name);
    expect(Object.keys(value), name).toEqual([TYPES[name]]);
  }
  expect(Object.keys(image)).toEqual(expect.arrayContaining(['id', 'name', 'count']));
  expect(canonicalJson({ id: image.id })).toBe(canonicalJson(keys));
}

function checkRecords(records: readonly DynamoDBStreamRecord[]): number {
  let versions = 0;
  for (const record of records) {
    expectItemShape(record.dynamodb.NewImage, record.dynamodb.Keys);
    expectItemShape(record.dynamodb.OldImage, record.dynamodb.Keys);
    if (record.dynamodb.NewImage?.version !== undefined && record.dynamodb.OldImage?.version === undefined) versions++;
  }
  return versions;
}

describe('dynamoDBStreamEvent({ item }): every image comes from the item arbitrary, keys kept', () => {
  it('NEW_AND_OLD_IMAGES batches, MODIFY included', () => {
    let modifies = 0;
    let versions = 0;
    fc.assert(
      fc.property(
        dynamoDBStreamEvent({ keys: ['id'], item: orderItem, streamViewType: 'NEW_AND_OLD_IMAGES', maxRecords: 20 }),
        (event) => {
          expectValidStreamEvent(event);
          versions += checkRecords(event.Records);
          modifies += event.Records.filter((record) => record.eventName === 'MODIFY').length;
        },
      ),
      { numRuns: NUM_RUNS },
    );
    expect(modifies).toBeGreaterThan(NUM_RUNS);
    // The `version` fallback is for item arbitraries that cannot vary an item; this one can.
    expect(versions).toBeLessThan(modifies / 20);
  });

  it('pinned MODIFY records of any view type, and after shrinking', () => {
    fc.assert(
      fc.property(dynamoDBStreamRecord({ keys: ['id'], item: orderItem, eventName: 'MODIFY' }), (record) => {
        checkRecords([record]);
      }),
      { numRuns: NUM_RUNS },
    );
    const out = fc.check(
      fc.property(
        dynamoDBStreamEvent({
          keys: ['id'],
          item: orderItem,
          eventName: 'MODIFY',
          streamViewType: 'NEW_AND_OLD_IMAGES',
        }),
        (event) => event.Records.length < 2,
      ),
      { numRuns: NUM_RUNS },
    );
    expect(out.failed).toBe(true);
    const shrunk = out.counterexample![0];
    expectValidStreamEvent(shrunk);
    checkRecords(shrunk.Records);
  });

  it('an item arbitrary that cannot vary the item still gives real changes (the documented version attribute)', () => {
    const constant = (): fc.Arbitrary<AttributeMap> => fc.constant({ id: { S: 'a' }, name: { S: 'n' } });
    fc.assert(
      fc.property(
        dynamoDBStreamRecord({
          keys: ['id'],
          item: constant,
          eventName: 'MODIFY',
          streamViewType: 'NEW_AND_OLD_IMAGES',
        }),
        (record) => {
          const { NewImage, OldImage } = record.dynamodb;
          expect(canonicalJson(NewImage)).not.toBe(canonicalJson(OldImage));
          expect(NewImage?.name).toEqual({ S: 'n' });
          expect(NewImage?.version).toBeDefined();
        },
      ),
      { numRuns: Math.min(NUM_RUNS, 50) },
    );
  });
});
