import type { SqsEvent as PowertoolsSqsEvent } from '@aws-lambda-powertools/parser/types';
import type { SQSRecord } from 'aws-lambda';
import { expectTypeOf, test } from 'vitest';
import { makeSqsEvent, makeSqsRecord, type SqsEvent, type SqsRecord } from '../../src/index.js';
import { sqsEvent, sqsRecord } from '../../arbitraries/index.js';
import type { Arbitrary } from 'fast-check';

test('factories return the SQS event types', () => {
  expectTypeOf(makeSqsEvent(['x'])).toEqualTypeOf<SqsEvent>();
  expectTypeOf(makeSqsRecord({ body: { a: 1 } })).toEqualTypeOf<SqsRecord>();
  expectTypeOf(sqsEvent()).toEqualTypeOf<Arbitrary<SqsEvent>>();
  expectTypeOf(sqsRecord()).toEqualTypeOf<Arbitrary<SqsRecord>>();
});

test('events are assignable to Powertools SqsEvent; records to @types/aws-lambda apart from md5OfMessageAttributes', () => {
  expectTypeOf<SqsEvent>().toMatchTypeOf<PowertoolsSqsEvent>();
  // @types/aws-lambda types md5OfMessageAttributes as string | undefined, but Lambda sends null.
  expectTypeOf<Omit<SqsRecord, 'md5OfMessageAttributes'>>().toMatchTypeOf<Omit<SQSRecord, 'md5OfMessageAttributes'>>();
});

test('messages, options and overrides are typed', () => {
  makeSqsEvent(['text', { json: true }, 42, { body: 'x', messageAttributes: { n: 1, b: new Uint8Array(1) }, attributes: { ApproximateReceiveCount: 2 } }]);
  makeSqsEvent(['x'], { queue: 'q.fifo', attributes: { MessageGroupId: 'g' }, overrides: { Records: [] } });
  makeSqsRecord('x', { overrides: { attributes: { ApproximateReceiveCount: '2' } } });
  // @ts-expect-error: options.queue is a string
  makeSqsEvent(['x'], { queue: 1 });
  // @ts-expect-error: Records must be given whole (an array), not merged
  makeSqsEvent(['x'], { overrides: { Records: { 0: { body: 'x' } } } });
  // @ts-expect-error: a message body cannot be undefined
  makeSqsEvent([undefined]);
});
