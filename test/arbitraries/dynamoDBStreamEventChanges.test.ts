/** dynamoDBStreamEvent({ changes }): labelled batches, one record per change, in order. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dynamoDBStreamEvent } from '../../arbitraries/index.js';
import { dynamodbChange, EventInputError, unmarshall, type DynamoDBChange } from '../../src/index.js';
import { NUM_RUNS } from '../_helpers/runs.js';

/** A change with a label the property can check the handler against. */
const labelled = fc
  .tuple(fc.constantFrom('INSERT', 'MODIFY', 'REMOVE'), fc.boolean(), fc.integer({ min: -1000, max: 1000 }))
  .map(([kind, poison, n]) => ({ kind, poison, n }));

function toChange({ kind, poison, n }: { kind: string; poison: boolean; n: number }, i: number): DynamoDBChange {
  const item = { id: `item-${i}`, n, ...(poison ? { poison: true } : {}) };
  if (kind === 'INSERT') return dynamodbChange.insert(item);
  if (kind === 'MODIFY') return dynamodbChange.modify({ id: `item-${i}`, n: n + 1 }, item);
  return dynamodbChange.remove(item);
}

describe('dynamoDBStreamEvent({ changes })', () => {
  it("gives one record per change, in order, with the change's kind and items; a handler can report exactly the bad ones", () => {
    const batch = fc.array(labelled, { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(
        batch.chain((labels) =>
          fc.tuple(
            fc.constant(labels),
            dynamoDBStreamEvent({ changes: fc.constant(labels.map(toChange)), streamViewType: 'NEW_AND_OLD_IMAGES' }),
          ),
        ),
        ([labels, event]) => {
          expect(event.Records).toHaveLength(labels.length);
          event.Records.forEach((record, i) => {
            const label = labels[i]!;
            expect(record.eventName).toBe(label.kind);
            expect(record.dynamodb?.Keys).toEqual({ id: { S: `item-${i}` } });
            const image = label.kind === 'REMOVE' ? record.dynamodb?.OldImage : record.dynamodb?.NewImage;
            expect(unmarshall(image as never)).toEqual({
              id: `item-${i}`,
              n: label.n,
              ...(label.poison ? { poison: true } : {}),
            });
          });
          // The handler under test: it fails the records whose item is poisoned.
          const failures = event.Records.filter(
            (r) => (r.eventName === 'REMOVE' ? r.dynamodb?.OldImage : r.dynamodb?.NewImage)?.poison !== undefined,
          ).map((r) => r.dynamodb!.SequenceNumber);
          const expected = event.Records.filter((_, i) => labels[i]!.poison).map((r) => r.dynamodb!.SequenceNumber);
          expect(failures).toEqual(expected);
          // Sequence numbers strictly increase, event ids are unique.
          const seq = event.Records.map((r) => BigInt(r.dynamodb!.SequenceNumber!));
          seq.slice(1).forEach((s, i) => expect(s > seq[i]!).toBe(true));
          expect(new Set(event.Records.map((r) => r.eventID)).size).toBe(event.Records.length);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it("takes a fixed array, the table's keys and record overrides, as the factory does", () => {
    const changes = [
      dynamodbChange.insert({ pk: 'a', sk: 1 }),
      dynamodbChange.remove({ pk: 'a', sk: 1 }, { ttl: true, overrides: { awsRegion: 'xx-test-1' } }),
    ];
    const [event] = fc.sample(dynamoDBStreamEvent({ changes, keys: ['pk', 'sk'], table: 'Orders' }), {
      numRuns: 1,
      seed: 3,
    });
    expect(event!.Records.map((r) => r.eventName)).toEqual(['INSERT', 'REMOVE']);
    expect(event!.Records[0]!.dynamodb?.Keys).toEqual({ pk: { S: 'a' }, sk: { N: '1' } });
    expect(event!.Records[1]!.userIdentity).toEqual({ type: 'Service', principalId: 'dynamodb.amazonaws.com' });
    expect(event!.Records[1]!.awsRegion).toBe('xx-test-1');
    expect(event!.Records[0]!.eventSourceARN).toMatch(/:table\/Orders\/stream\//);
  });

  it('refuses what the changes decide, and bad changes, naming them', () => {
    const changes = [dynamodbChange.insert({ id: 'a' })];
    for (const key of ['minRecords', 'maxRecords', 'eventName'] as const) {
      expect(() => dynamoDBStreamEvent({ changes, [key]: key === 'eventName' ? 'INSERT' : 1 })).toThrow(
        `dynamoDBStreamEvent: ${key} cannot be combined with changes`,
      );
    }
    expect(() => dynamoDBStreamEvent({ changes: 'x' as never })).toThrow(
      /^dynamoDBStreamEvent: changes must be an array/,
    );
    expect(() => dynamoDBStreamEvent({ changes: [] })).toThrow(EventInputError);
    expect(() => dynamoDBStreamEvent({ changes: [{ eventName: 'UPSERT' } as never] })).toThrow(
      /changes\[0\]\.eventName/,
    );
    // An item without the table's key is the mapper's error, at generation.
    expect(() =>
      fc.sample(dynamoDBStreamEvent({ changes: fc.constant([dynamodbChange.insert({ name: 'no key' })]) }), {
        numRuns: 1,
      }),
    ).toThrow(EventInputError);
  });
});
