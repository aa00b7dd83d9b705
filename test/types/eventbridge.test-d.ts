import type {
  DynamoDBRecord,
  DynamoDBStreamEvent,
  EventBridgeEvent,
  KinesisStreamEvent,
  ScheduledEvent,
  SQSEvent,
  SQSRecord,
} from 'aws-lambda';
import fc from 'fast-check';
import { describe, expectTypeOf, it } from 'vitest';
import { eventBridgeEvent, scheduledEvent } from '../../arbitraries/index.js';
import {
  dynamodbChange,
  makeDynamoDBStreamEvent,
  makeEventBridgeEvent,
  makeKinesisEvent,
  makeScheduledEvent,
  makeSqsEvent,
  toPipesSourceBatch,
  makeS3PutEvent,
  type PipesKinesisRecord,
  type PipesKinesisRecordOf,
} from '../../src/index.js';

describe('EventBridge types', () => {
  it('makeEventBridgeEvent keeps the literal detail-type and the detail type', () => {
    const event = makeEventBridgeEvent('Order Placed', 'com.example.orders', { orderId: 'o-1', qty: 2 });
    expectTypeOf(event).toEqualTypeOf<EventBridgeEvent<'Order Placed', { orderId: string; qty: number }>>();
    expectTypeOf(event.detail.qty).toEqualTypeOf<number>();
  });

  it('overrides are typed against the event', () => {
    makeEventBridgeEvent('x', 'y', { a: 1 }, { overrides: { detail: { a: 2 }, resources: ['r'] } });
    // @ts-expect-error detail.a is a number
    makeEventBridgeEvent('x', 'y', { a: 1 }, { overrides: { detail: { a: 'two' } } });
    // @ts-expect-error resources is replaced whole: an array of strings
    makeEventBridgeEvent('x', 'y', { a: 1 }, { overrides: { resources: 'r' } });
    // @ts-expect-error detail must be an object
    makeEventBridgeEvent('x', 'y', 'text');
  });

  it('makeScheduledEvent returns a ScheduledEvent', () => {
    expectTypeOf(makeScheduledEvent('r')).toEqualTypeOf<ScheduledEvent>();
    // @ts-expect-error rule names are strings
    makeScheduledEvent(1);
  });

  it('the arbitraries carry the pinned types', () => {
    expectTypeOf(
      eventBridgeEvent({ detailType: fc.constant('A' as const), detail: fc.record({ n: fc.integer() }) }),
    ).toEqualTypeOf<fc.Arbitrary<EventBridgeEvent<'A', { n: number }>>>();
    expectTypeOf(scheduledEvent()).toEqualTypeOf<fc.Arbitrary<ScheduledEvent>>();
  });
});

describe('toPipesSourceBatch overloads', () => {
  it('types the batch by source', () => {
    // @types/aws-lambda events give @types/aws-lambda records.
    expectTypeOf(toPipesSourceBatch({} as SQSEvent)).toEqualTypeOf<SQSRecord[]>();
    expectTypeOf(toPipesSourceBatch({} as KinesisStreamEvent)).toEqualTypeOf<PipesKinesisRecord[]>();
    expectTypeOf(toPipesSourceBatch({} as DynamoDBStreamEvent)).toEqualTypeOf<DynamoDBRecord[]>();
    // The kit's own events keep their own (narrower) record types.
    const sqs = makeSqsEvent(['a']);
    expectTypeOf(toPipesSourceBatch(sqs)).toEqualTypeOf<Array<(typeof sqs.Records)[number]>>();
    const kinesis = makeKinesisEvent(['a']);
    expectTypeOf(toPipesSourceBatch(kinesis)).toEqualTypeOf<
      Array<PipesKinesisRecordOf<(typeof kinesis.Records)[number]>>
    >();
    expectTypeOf(toPipesSourceBatch(kinesis)[0]!.eventSource).toEqualTypeOf<'aws:kinesis'>();
    expectTypeOf(toPipesSourceBatch(kinesis)[0]!.partitionKey).toEqualTypeOf<string>();
    const dynamodb = makeDynamoDBStreamEvent([dynamodbChange.insert({ id: 1 })]);
    expectTypeOf(toPipesSourceBatch(dynamodb)).toEqualTypeOf<Array<(typeof dynamodb.Records)[number]>>();
    // @ts-expect-error an S3 event is not a Pipes stream/queue source
    toPipesSourceBatch(makeS3PutEvent('b'));
    // @ts-expect-error an EventBridge event is not a Pipes stream/queue source
    toPipesSourceBatch(makeScheduledEvent());
  });
});
