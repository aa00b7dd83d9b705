import type {
  CloudWatchLogsEvent as LambdaCloudWatchLogsEvent,
  CloudWatchLogsDecodedData as LambdaDecoded,
  KinesisStreamEvent as LambdaKinesisEvent,
  KinesisStreamRecord as LambdaKinesisRecord,
  KinesisStreamTumblingWindowEvent,
} from 'aws-lambda';
import type { Arbitrary } from 'fast-check';
import { describe, expectTypeOf, it } from 'vitest';
import {
  decodeCloudWatchLogsEvent,
  makeCloudWatchLogsData,
  makeCloudWatchLogsEvent,
  type CloudWatchLogsDecodedData,
  type CloudWatchLogsEvent,
} from '../../fixtures/cloudwatchLogs.js';
import {
  makeKinesisEvent,
  makeKinesisRecord,
  makeKinesisTumblingWindowEvent,
  type KinesisStreamEvent,
  type KinesisStreamRecord,
  type KinesisTumblingWindowEvent,
} from '../../fixtures/kinesis.js';
import { cloudWatchLogsEvent } from '../../arbitraries/cloudWatchLogsEvent.js';
import { kinesisEvent } from '../../arbitraries/kinesisEvent.js';
import { kinesisRecord } from '../../arbitraries/kinesisRecord.js';

describe('Kinesis types', () => {
  it('factories return the kit types, assignable to @types/aws-lambda', () => {
    expectTypeOf(makeKinesisEvent(['x'])).toEqualTypeOf<KinesisStreamEvent>();
    expectTypeOf(makeKinesisRecord('x')).toEqualTypeOf<KinesisStreamRecord>();
    expectTypeOf(makeKinesisTumblingWindowEvent(['x'])).toEqualTypeOf<KinesisTumblingWindowEvent>();
    expectTypeOf<KinesisStreamEvent>().toExtend<LambdaKinesisEvent>();
    expectTypeOf<KinesisStreamRecord>().toExtend<LambdaKinesisRecord>();
    expectTypeOf<KinesisTumblingWindowEvent>().toExtend<KinesisStreamTumblingWindowEvent>();
    expectTypeOf<KinesisStreamRecord['eventSource']>().toEqualTypeOf<'aws:kinesis'>();
  });

  it('accepts JSON values, strings and bytes as data, and typed overrides', () => {
    makeKinesisEvent([{ a: [1, null] }, 'text', new Uint8Array(1), Buffer.from('x')]);
    makeKinesisRecord('x', { overrides: { kinesis: { sequenceNumber: '1' } } });
    makeKinesisEvent(['x'], { partitionKey: (_data, index) => `k${index}` });
    // @ts-expect-error: functions are not record data
    makeKinesisEvent([() => 1]);
    // @ts-expect-error: overrides follow the event's shape
    makeKinesisRecord('x', { overrides: { kinesis: { sequenceNumber: 1 } } });
    // @ts-expect-error: Records are replaced whole, never merged element by element
    makeKinesisEvent(['x'], { overrides: { Records: [{ eventID: 'x' }] } });
    // @ts-expect-error: encryptionType is NONE or KMS
    makeKinesisEvent(['x'], { encryptionType: 'AES' });
  });

  it('arbitraries produce the event types', () => {
    expectTypeOf(kinesisRecord()).toEqualTypeOf<Arbitrary<KinesisStreamRecord>>();
    expectTypeOf(kinesisEvent()).toEqualTypeOf<Arbitrary<KinesisStreamEvent>>();
    expectTypeOf(kinesisEvent({ tumblingWindow: true })).toEqualTypeOf<Arbitrary<KinesisTumblingWindowEvent>>();
  });
});

describe('CloudWatch Logs types', () => {
  it('factories, codec and arbitrary return the kit types, assignable to @types/aws-lambda', () => {
    expectTypeOf(makeCloudWatchLogsEvent(['x'])).toEqualTypeOf<CloudWatchLogsEvent>();
    expectTypeOf(makeCloudWatchLogsData(['x'])).toEqualTypeOf<CloudWatchLogsDecodedData>();
    expectTypeOf(decodeCloudWatchLogsEvent).returns.toEqualTypeOf<CloudWatchLogsDecodedData>();
    expectTypeOf(cloudWatchLogsEvent()).toEqualTypeOf<Arbitrary<CloudWatchLogsEvent>>();
    expectTypeOf<CloudWatchLogsEvent>().toExtend<LambdaCloudWatchLogsEvent>();
    expectTypeOf<CloudWatchLogsDecodedData>().toExtend<LambdaDecoded>();
    makeCloudWatchLogsEvent(['a', { message: 'b', timestamp: new Date() }], { overrides: { logGroup: '/x' } });
    // @ts-expect-error: a log event needs a message
    makeCloudWatchLogsEvent([{ timestamp: 1 }]);
    // @ts-expect-error: messageType is DATA_MESSAGE or CONTROL_MESSAGE
    makeCloudWatchLogsEvent([], { messageType: 'OTHER' });
  });
});
