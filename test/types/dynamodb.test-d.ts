import type {
  DynamoDBStreamEvent as AwsDynamoDBStreamEvent,
  KinesisStreamEvent as AwsKinesisStreamEvent,
} from 'aws-lambda';
import type { Arbitrary } from 'fast-check';
import { expectTypeOf, it } from 'vitest';
import { dynamoDBStreamEvent } from '../../arbitraries/dynamoDBStreamEvent.js';
import { attributeValue } from '../../arbitraries/attributeValue.js';
import {
  dynamodbChange,
  makeDynamoDBKinesisEvent,
  makeDynamoDBStreamEvent,
  makeDynamoDBTumblingWindowEvent,
  marshall,
  type AttributeValue,
  type DynamoDBStreamEvent,
  type DynamoDBTumblingWindowEvent,
} from '../../fixtures/dynamodb.js';

it('factories return events assignable to @types/aws-lambda', () => {
  expectTypeOf(makeDynamoDBStreamEvent([dynamodbChange.insert({ id: 'a' })])).toExtend<AwsDynamoDBStreamEvent>();
  expectTypeOf(
    makeDynamoDBKinesisEvent([dynamodbChange.remove({ id: 'a' }, { ttl: true })]),
  ).toExtend<AwsKinesisStreamEvent>();
  // @types/aws-lambda has no DynamoDB window type: the window event is still a DynamoDBStreamEvent there.
  expectTypeOf(
    makeDynamoDBTumblingWindowEvent([dynamodbChange.insert({ id: 'a' })]),
  ).toEqualTypeOf<DynamoDBTumblingWindowEvent>();
  expectTypeOf<DynamoDBTumblingWindowEvent>().toExtend<AwsDynamoDBStreamEvent>();
  expectTypeOf(dynamoDBStreamEvent()).toEqualTypeOf<Arbitrary<DynamoDBStreamEvent>>();
  expectTypeOf(attributeValue()).toEqualTypeOf<Arbitrary<AttributeValue>>();
});

it('options and overrides are typed', () => {
  // @ts-expect-error unknown view type
  makeDynamoDBStreamEvent([dynamodbChange.insert({ id: 'a' })], { streamViewType: 'ALL' });
  // @ts-expect-error Keys must be AttributeValue maps
  makeDynamoDBStreamEvent([dynamodbChange.insert({ id: 'a' }, { overrides: { dynamodb: { Keys: { id: 'a' } } } })]);
  makeDynamoDBStreamEvent([dynamodbChange.insert({ id: 'a' }, { overrides: { dynamodb: { SizeBytes: 1 } } })]);
  // @ts-expect-error state is a JSON object
  makeDynamoDBTumblingWindowEvent([], { isFinalInvokeForWindow: true, state: 'x' });
  // @ts-expect-error window times are Date, ISO string or epoch ms
  makeDynamoDBTumblingWindowEvent([dynamodbChange.insert({ id: 'a' })], { window: { start: true, end: 1 } });
  expectTypeOf(marshall({ a: 1 })).toEqualTypeOf<Record<string, AttributeValue>>();
});
