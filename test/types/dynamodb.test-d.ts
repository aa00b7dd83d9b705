import type { DynamoDBStreamEvent as AwsDynamoDBStreamEvent, KinesisStreamEvent as AwsKinesisStreamEvent } from 'aws-lambda';
import type { Arbitrary } from 'fast-check';
import { expectTypeOf, it } from 'vitest';
import { dynamoDBStreamEvent } from '../../arbitraries/dynamoDBStreamEvent.js';
import { attributeValue } from '../../arbitraries/attributeValue.js';
import { dynamodbChange, makeDynamoDBKinesisEvent, makeDynamoDBStreamEvent, marshall, type AttributeValue, type DynamoDBStreamEvent } from '../../fixtures/dynamodb.js';

it('factories return events assignable to @types/aws-lambda', () => {
  expectTypeOf(makeDynamoDBStreamEvent([dynamodbChange.insert({ id: 'a' })])).toExtend<AwsDynamoDBStreamEvent>();
  expectTypeOf(makeDynamoDBKinesisEvent([dynamodbChange.remove({ id: 'a' }, { ttl: true })])).toExtend<AwsKinesisStreamEvent>();
  expectTypeOf(dynamoDBStreamEvent()).toEqualTypeOf<Arbitrary<DynamoDBStreamEvent>>();
  expectTypeOf(attributeValue()).toEqualTypeOf<Arbitrary<AttributeValue>>();
});

it('options and overrides are typed', () => {
  // @ts-expect-error unknown view type
  makeDynamoDBStreamEvent([dynamodbChange.insert({ id: 'a' })], { streamViewType: 'ALL' });
  // @ts-expect-error Keys must be AttributeValue maps
  makeDynamoDBStreamEvent([dynamodbChange.insert({ id: 'a' }, { overrides: { dynamodb: { Keys: { id: 'a' } } } })]);
  makeDynamoDBStreamEvent([dynamodbChange.insert({ id: 'a' }, { overrides: { dynamodb: { SizeBytes: 1 } } })]);
  expectTypeOf(marshall({ a: 1 })).toEqualTypeOf<Record<string, AttributeValue>>();
});
