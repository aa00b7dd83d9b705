import type { SnsEvent as PowertoolsSnsEvent } from '@aws-lambda-powertools/parser/types';
import type { S3Event, SNSEvent, SNSEventRecord, SNSHandler, SQSEvent } from 'aws-lambda';
import type { Arbitrary } from 'fast-check';
import { expectTypeOf, it } from 'vitest';
import { snsEvent, snsNotificationBody, snsRecord, sqsEventFromSns } from '../../arbitraries/index.js';
import {
  makeEventBridgeEvent,
  makeS3PutEvent,
  makeSnsEvent,
  makeSnsNotificationBody,
  makeSnsRecord,
  makeSqsEventFromEventBridge,
  makeSqsEventFromSns,
  unwrapSnsEvent,
  unwrapSqsEventFromSns,
  type SnsEvent,
  type SnsNotificationBody,
  type SnsRecord,
  type SqsEvent,
} from '../../src/index.js';

it('factories return SNSEvent-compatible types', () => {
  expectTypeOf(makeSnsEvent(['x'])).toEqualTypeOf<SnsEvent>();
  expectTypeOf(makeSnsRecord('x')).toEqualTypeOf<SnsRecord>();
  expectTypeOf(makeSnsEvent(['x'])).toExtend<SNSEvent>();
  expectTypeOf(makeSnsRecord('x')).toExtend<SNSEventRecord>();
  const handler: SNSHandler = async () => {};
  void handler(makeSnsEvent([{ a: 1 }]), {} as never, () => {});
  expectTypeOf(makeSnsEvent(['x'])).toExtend<PowertoolsSnsEvent>();
  expectTypeOf(makeSnsNotificationBody('x')).toEqualTypeOf<string>();
});

it('message forms: strings, JSON, events, publishes; not functions or undefined', () => {
  makeSnsEvent([makeS3PutEvent('photos')]);
  makeSnsEvent([makeEventBridgeEvent('s', 'd', { a: 1 })]);
  makeSnsEvent([{ Message: { a: 1 }, Subject: 'x', MessageAttributes: { n: 1, l: ['a'] } }]);
  // @ts-expect-error: a function is not a message
  makeSnsEvent([() => 1]);
  // @ts-expect-error: not a signature version
  makeSnsEvent(['x'], { signatureVersion: '3' });
  // Overrides are typed by the event.
  makeSnsRecord('x', { overrides: { Sns: { Message: 'y' } } });
  // @ts-expect-error: not a field of the record
  makeSnsRecord('x', { overrides: { Sns: { Nope: 1 } } });
});

it('SQS chains: SqsEvent<"omit"> by default (an SQSEvent), null form on request', () => {
  expectTypeOf(makeSqsEventFromSns(['x'])).toEqualTypeOf<SqsEvent<'omit'>>();
  expectTypeOf(makeSqsEventFromSns(['x'], { emptyMd5OfMessageAttributes: 'null' })).toEqualTypeOf<SqsEvent<'null'>>();
  expectTypeOf(makeSqsEventFromSns(['x'])).toExtend<SQSEvent>();
  expectTypeOf(makeSqsEventFromEventBridge([makeEventBridgeEvent('s', 'd', {})])).toExtend<SQSEvent>();
  expectTypeOf(unwrapSqsEventFromSns<S3Event>(makeSqsEventFromSns([makeS3PutEvent('b')]))).toEqualTypeOf<S3Event[]>();
  expectTypeOf(unwrapSnsEvent(makeSnsEvent(['1']))).toEqualTypeOf<unknown[]>();
  expectTypeOf<SnsNotificationBody['SigningCertURL']>().toEqualTypeOf<string | undefined>();
});

it('arbitraries', () => {
  expectTypeOf(snsEvent()).toEqualTypeOf<Arbitrary<SnsEvent>>();
  expectTypeOf(snsRecord()).toEqualTypeOf<Arbitrary<SnsRecord>>();
  expectTypeOf(snsNotificationBody()).toEqualTypeOf<Arbitrary<string>>();
  expectTypeOf(sqsEventFromSns()).toEqualTypeOf<Arbitrary<SqsEvent>>();
  expectTypeOf(snsEvent()).toExtend<Arbitrary<SNSEvent>>();
});
