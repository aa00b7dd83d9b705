/**
 * DynamoDB nests lists and maps at most 32 levels
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html, "nested
 * attribute depth"): marshall refuses deeper values, and cycles, with an EventInputError, never a
 * stack overflow. What it accepts at the limit, the AttributeValue validator accepts too.
 */
import { describe, expect, it } from 'vitest';
import { EventInputError } from '../../../src/_internals/errors.js';
import { storeAttributeMap } from '../../../src/events/dynamodb/attributeValue.js';
import { marshall, marshallValue } from '../../../src/events/dynamodb/marshall.js';
import { dynamodbChange, makeDynamoDBKinesisEvent, makeDynamoDBStreamEvent } from '../../../fixtures/dynamodb.js';

/** A value of `levels` nested lists/maps (alternating), holding 1 at the bottom. */
function nested(levels: number, map: (value: unknown) => unknown = (value) => ({ n: value })): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = i % 2 === 0 ? map(value) : [value];
  return value;
}

function thrown(call: () => unknown): EventInputError {
  try {
    call();
  } catch (error) {
    if (error instanceof EventInputError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('marshall: nesting deeper than 32 levels', () => {
  it('32 nested lists and maps under an attribute are accepted, and DynamoDB-valid', () => {
    const item = { a: nested(32) };
    const marshalled = marshall(item as Record<string, unknown>);
    expect(() => storeAttributeMap('test', 'item', marshalled)).not.toThrow();
    expect(() => marshallValue(nested(32))).not.toThrow();
  });

  it('33 levels are refused, as storeAttributeMap refuses their AttributeValue form', () => {
    const error = thrown(() => marshall({ a: nested(33) } as Record<string, unknown>));
    expect(error.api).toBe('marshall');
    expect(error.message).toMatch(/nests lists and maps deeper than DynamoDB's 32 levels/);
    expect(() => marshallValue(nested(33))).toThrow(/deeper than DynamoDB's 32 levels/);
    // Maps (JS Map) count as maps.
    expect(() => marshall({ a: nested(33, (value) => new Map([['m', value]])) } as Record<string, unknown>)).toThrow(
      /deeper than DynamoDB's 32 levels/,
    );
  });

  it('5,000 and 200,000 levels: EventInputError, not a RangeError', () => {
    for (const levels of [5_000, 200_000]) {
      expect(thrown(() => marshall({ a: nested(levels) } as Record<string, unknown>)).message).toMatch(
        /deeper than DynamoDB's 32 levels/,
      );
    }
  });

  it('a cycle is named as one', () => {
    const item: Record<string, unknown> = { id: 'a' };
    item.self = item;
    expect(thrown(() => marshall(item)).message).toMatch(/item\.self is a circular reference/);
    const list: unknown[] = [];
    list.push({ back: list });
    expect(thrown(() => marshall({ l: list })).message).toMatch(/item\.l\[0\]\.back is a circular reference/);
    // A shared (non-cyclic) object is fine.
    const shared = { x: 1 };
    expect(marshall({ a: shared, b: shared })).toEqual({ a: { M: { x: { N: '1' } } }, b: { M: { x: { N: '1' } } } });
  });
});

describe('change helpers and factories with deep or cyclic items', () => {
  const cyclic = (): Record<string, unknown> => {
    const item: Record<string, unknown> = { id: 'a' };
    item.self = { back: item };
    return item;
  };
  it('insert/modify/remove never overflow; the factory refuses with an EventInputError', () => {
    const deep = { id: 'a', d: nested(5_000) } as Record<string, unknown>;
    for (const change of [
      dynamodbChange.insert(deep),
      dynamodbChange.modify({ id: 'a' }, deep),
      dynamodbChange.remove(deep),
      dynamodbChange.insert(cyclic()),
    ]) {
      expect(() => makeDynamoDBStreamEvent([change])).toThrow(EventInputError);
      expect(() => makeDynamoDBKinesisEvent([change])).toThrow(EventInputError);
    }
    expect(() => makeDynamoDBStreamEvent([dynamodbChange.insert(deep)])).toThrow(
      /makeDynamoDBStreamEvent: changes\[0\]\.newItem\.d.* nests lists and maps deeper than DynamoDB's 32 levels/,
    );
  });
});
