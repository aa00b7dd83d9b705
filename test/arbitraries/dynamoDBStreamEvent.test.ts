import { DynamoDBStreamSchema } from '@aws-lambda-powertools/parser/schemas';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attributeValue } from '../../arbitraries/attributeValue.js';
import { dynamoDBItem } from '../../arbitraries/dynamoDBItem.js';
import { dynamoDBStreamEvent } from '../../arbitraries/dynamoDBStreamEvent.js';
import { dynamoDBStreamRecord } from '../../arbitraries/dynamoDBStreamRecord.js';
import { NUM_RUNS } from '../_helpers/runs.js';
import {
  canonicalJson,
  expectValidMap,
  expectValidStreamEvent,
  expectValidStreamRecord,
  expectValidValue,
  hasImpreciseNonInteger,
  mapSize,
} from '../events/dynamodb/_invariants.js';

/** Powertools accepts every record except those holding a non-integer N beyond ±2^53 (its unmarshaller tries BigInt), which we keep generating. */
function expectPowertools(event: { Records: unknown[] }): void {
  const parsed = DynamoDBStreamSchema.safeParse(event);
  expect(parsed.success).toBe(!hasImpreciseNonInteger(event));
}

describe('attributeValue', () => {
  it('generates only valid AttributeValues, also after shrinking', () => {
    fc.assert(
      fc.property(attributeValue(), (value) => expectValidValue(value)),
      { numRuns: NUM_RUNS },
    );
    // Shrinking stays valid: a property that fails on purpose (long values) makes fast-check shrink,
    // and every value it tries, on the shrink path too, is checked. Violations are collected, not
    // thrown: a throw would only count as one more failure and the shrink would go on.
    const violations: unknown[] = [];
    let visited = 0;
    const out = fc.check(
      fc.property(attributeValue(), (value) => {
        visited++;
        try {
          expectValidValue(value);
        } catch (error) {
          violations.push(error);
        }
        return JSON.stringify(value).length < 40;
      }),
      { numRuns: NUM_RUNS, seed: 42 },
    );
    expect(out.failed).toBe(true);
    expect(out.numShrinks).toBeGreaterThan(0);
    expect(visited).toBeGreaterThan(out.numRuns);
    expect(violations).toEqual([]);
    expectValidValue(out.counterexample?.[0] as never);
  });

  it('respects types and rejects nonsense constraints', () => {
    fc.assert(
      fc.property(attributeValue({ types: ['NS'] }), (value) => {
        expect(Object.keys(value)).toEqual(['NS']);
      }),
      { numRuns: NUM_RUNS },
    );
    expect(() => attributeValue({ types: [] })).toThrow(TypeError);
    expect(() => attributeValue({ types: ['L'] })).toThrow(
      'attributeValue: types must include at least one non-container type',
    );
  });
});

describe('dynamoDBItem', () => {
  it('holds its key attributes as S/N/B, valid values, within 400 KB', () => {
    fc.assert(
      fc.property(dynamoDBItem({ keys: ['pk', 'sk'], keyTypes: ['S', 'N'] }), (item) => {
        expectValidMap(item);
        expect(Object.keys(item.pk ?? {})).toEqual(['S']);
        expect(Object.keys(item.sk ?? {})).toEqual(['N']);
        expect(mapSize(item)).toBeLessThanOrEqual(400 * 1024);
      }),
      { numRuns: NUM_RUNS },
    );
    expect(() => dynamoDBItem({ keys: [] })).toThrow(TypeError);
  });
});

type StreamRecord = Parameters<typeof expectValidStreamRecord>[0];

/**
 * Found with seed -614580070: a non-integer N beyond ±2^53 under a `__proto__` key of a nested M.
 * Only an image's top-level `__proto__` attribute escapes Powertools (zod's record drops it);
 * a nested one reaches the unmarshaller, which fails. JSON.parse keeps `__proto__` an own key.
 */
const NESTED_PROTO_IMPRECISE: StreamRecord = JSON.parse(
  '{"eventID":"00000000000000000000000000000000","eventName":"INSERT","eventVersion":"1.1","eventSource":"aws:dynamodb","awsRegion":"ap-southeast-1","dynamodb":{"ApproximateCreationDateTime":1675253364,"Keys":{"id":{"S":"PRODUCT#j46h7"}},"NewImage":{"id":{"S":"PRODUCT#j46h7"},"name":{"S":"Ergonomic Concrete Ball"},"price":{"N":"304.49"}," ":{"L":[{"M":{"__proto__":{"NS":["9007199254740991.5","0"]}}}]}},"SequenceNumber":"100000000000000000000","SizeBytes":95,"StreamViewType":"NEW_AND_OLD_IMAGES"},"eventSourceARN":"arn:aws:dynamodb:ap-southeast-1:308314051249:table/.ZPYLQgbby/stream/2022-04-01T11:57:23.116"}',
);

describe('dynamoDBStreamRecord', () => {
  it('holds every record invariant and passes Powertools', () => {
    fc.assert(
      fc.property(dynamoDBStreamRecord(), (record) => {
        expectValidStreamRecord(record);
        expectPowertools({ Records: [record] });
      }),
      { numRuns: NUM_RUNS, examples: [[NESTED_PROTO_IMPRECISE as never]] },
    );
  });

  it('Powertools skips only a top-level __proto__ attribute, not a nested __proto__ map key (seed -614580070)', () => {
    const nested = NESTED_PROTO_IMPRECISE;
    expectValidStreamRecord(nested);
    expect(hasImpreciseNonInteger({ Records: [nested] })).toBe(true);
    expect(DynamoDBStreamSchema.safeParse({ Records: [nested] }).success).toBe(false);
    // The same NS as a top-level attribute named __proto__: zod drops it, Powertools passes.
    const topLevel: StreamRecord = JSON.parse(
      JSON.stringify(nested)
        .replace(
          '" ":{"L":[{"M":{"__proto__":{"NS":["9007199254740991.5","0"]}}}]}',
          '"__proto__":{"NS":["9007199254740991.5","0"]}',
        )
        .replace('"SizeBytes":95', '"SizeBytes":86'),
    );
    expect(Object.hasOwn(topLevel.dynamodb.NewImage ?? {}, '__proto__')).toBe(true);
    expectValidStreamRecord(topLevel);
    expect(hasImpreciseNonInteger({ Records: [topLevel] })).toBe(false);
    expect(DynamoDBStreamSchema.safeParse({ Records: [topLevel] }).success).toBe(true);
  });

  it('pins parts', () => {
    fc.assert(
      fc.property(
        dynamoDBStreamRecord({
          eventName: 'MODIFY',
          streamViewType: 'NEW_AND_OLD_IMAGES',
          keys: ['pk', 'sk'],
          region: 'eu-west-1',
        }),
        (record) => {
          expect(record.eventName).toBe('MODIFY');
          expect(Object.keys(record.dynamodb.Keys)).toEqual(['pk', 'sk']);
          expect(canonicalJson(record.dynamodb.NewImage)).not.toBe(canonicalJson(record.dynamodb.OldImage));
          expect(record.awsRegion).toBe('eu-west-1');
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('dynamoDBStreamEvent', () => {
  it('holds every batch invariant and passes Powertools', () => {
    fc.assert(
      fc.property(dynamoDBStreamEvent(), (event) => {
        expectValidStreamEvent(event);
        expectPowertools(event);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('replays a consistent history: a MODIFY or REMOVE of an item the batch wrote starts from what the batch left', () => {
    fc.assert(
      fc.property(dynamoDBStreamEvent({ streamViewType: 'NEW_AND_OLD_IMAGES', maxRecords: 20 }), (event) => {
        const latest = new Map<string, string>();
        for (const record of event.Records) {
          const key = canonicalJson(record.dynamodb.Keys);
          const before = latest.get(key);
          if (record.dynamodb.OldImage && before !== undefined)
            expect(canonicalJson(record.dynamodb.OldImage)).toBe(before);
          if (record.eventName === 'INSERT') expect(before).toBeUndefined();
          if (record.eventName === 'REMOVE') latest.delete(key);
          else latest.set(key, canonicalJson(record.dynamodb.NewImage));
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('shrinks to valid events', () => {
    const out = fc.check(
      fc.property(dynamoDBStreamEvent(), (event) => event.Records.length < 3),
      { numRuns: NUM_RUNS },
    );
    expect(out.failed).toBe(true);
    const shrunk = out.counterexample?.[0] as Parameters<typeof expectValidStreamEvent>[0];
    expectValidStreamEvent(shrunk);
    expect(shrunk.Records).toHaveLength(3);
  });

  it('is deterministic for a seed and rejects nonsense constraints', () => {
    expect(fc.sample(dynamoDBStreamEvent(), { seed: 42, numRuns: 3 })).toEqual(
      fc.sample(dynamoDBStreamEvent(), { seed: 42, numRuns: 3 }),
    );
    expect(() => dynamoDBStreamEvent({ minRecords: 0 })).toThrow('dynamoDBStreamEvent: minRecords');
    expect(() => dynamoDBStreamEvent({ maxRecords: 10_001 })).toThrow('dynamoDBStreamEvent: maxRecords');
  });
});
