import type { DynamoDBStreamEvent as AwsDynamoDBStreamEvent, KinesisStreamEvent as AwsKinesisStreamEvent } from 'aws-lambda';
import type { Arbitrary } from 'fast-check';
import { expectTypeOf, test } from 'vitest';
import { dynamoDBStreamEvent } from '../../arbitraries/dynamoDBStreamEvent.js';
import { attributeValue } from '../../arbitraries/attributeValue.js';
import { insert, makeDynamoDBKinesisEvent, makeDynamoDBStreamEvent, marshall, remove, type AttributeValue, type DynamoDBStreamEvent } from '../../fixtures/dynamodb.js';

test('factories return events assignable to @types/aws-lambda', () => {
  expectTypeOf(makeDynamoDBStreamEvent([insert({ id: 'a' })])).toExtend<AwsDynamoDBStreamEvent>();
  expectTypeOf(makeDynamoDBKinesisEvent([remove({ id: 'a' }, { ttl: true })])).toExtend<AwsKinesisStreamEvent>();
  expectTypeOf(dynamoDBStreamEvent()).toEqualTypeOf<Arbitrary<DynamoDBStreamEvent>>();
  expectTypeOf(attributeValue()).toEqualTypeOf<Arbitrary<AttributeValue>>();
});

test('options and overrides are typed', () => {
  // @ts-expect-error unknown view type
  makeDynamoDBStreamEvent([insert({ id: 'a' })], { streamViewType: 'ALL' });
  // @ts-expect-error Keys must be AttributeValue maps
  makeDynamoDBStreamEvent([insert({ id: 'a' }, { overrides: { dynamodb: { Keys: { id: 'a' } } } })]);
  makeDynamoDBStreamEvent([insert({ id: 'a' }, { overrides: { dynamodb: { SizeBytes: 1 } } })]);
  expectTypeOf(marshall({ a: 1 })).toEqualTypeOf<Record<string, AttributeValue>>();
});
