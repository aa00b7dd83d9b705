import type { EventBridgeEvent, KinesisStreamEvent } from 'aws-lambda';
import { expect, expectTypeOf, it } from 'vitest';
import '../../src/vitest/index.js';
import type { InvokedEventOf, ReceivedItemOf } from '../../src/vitest/index.js';
import type { SqsEvent } from '../../src/index.js';
import {
  createAwsMocks,
  type SnsPublishedMessage,
  type SnsTopicInfo,
  type SqsQueueInfo,
  type SqsReceivedMessage,
  type SqsSubscription,
  type StreamSubscription,
} from '../../src/msw/index.js';

it('matchers are typed on expect(value) and as asymmetric matchers', () => {
  const mocks = createAwsMocks();
  const queue = mocks.sqs.createQueue('q');
  expect({ batchItemFailures: [] }).toReportBatchItemFailures([]);
  // @ts-expect-error: ids are strings
  expect({}).toReportBatchItemFailures([1]);
  expect({}).toMatchEventPattern({ source: ['x'] });
  expect({}).toMatchEventPattern('{"source":["x"]}');
  expect(queue).toHaveReceived((message) => {
    expectTypeOf(message).toEqualTypeOf<SqsReceivedMessage>();
    return message.body === 'x';
  });
  expect(mocks.eventBridge).toHaveReceived((event) => {
    expectTypeOf(event['detail-type']).toEqualTypeOf<string>();
    return true;
  });
  expect(queue).toHaveReceived({ body: { type: ['order'] } });
  const subscription = mocks.sqs.subscribe('q', async () => {});
  expect(subscription).toHaveBeenInvoked();
  expect(subscription).toHaveBeenInvokedWith(expect.objectContaining({ Records: expect.any(Array) }));
  // @ts-expect-error: an SQS subscription's events are SQS events
  expect(subscription).toHaveBeenInvokedWith({ detail: 1 });
  expect({ a: 1 }).toEqual({ a: expect.toMatchEventPattern({ source: ['x'] }) });
});

it('the type helpers follow the received value', () => {
  expectTypeOf<ReceivedItemOf<SqsQueueInfo>>().toEqualTypeOf<SqsReceivedMessage>();
  expectTypeOf<ReceivedItemOf<SnsTopicInfo>>().toEqualTypeOf<SnsPublishedMessage>();
  expectTypeOf<InvokedEventOf<SqsSubscription>>().toEqualTypeOf<SqsEvent>();
  expectTypeOf<InvokedEventOf<StreamSubscription<KinesisStreamEvent>>>().toEqualTypeOf<KinesisStreamEvent>();
  expectTypeOf<ReceivedItemOf<ReturnType<typeof createAwsMocks>['eventBridge']>>().toExtend<
    EventBridgeEvent<string, unknown>
  >();
  expectTypeOf<InvokedEventOf<{ other: 1 }>>().toEqualTypeOf<unknown>();
});
