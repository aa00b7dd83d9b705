import type { SqsEvent as PowertoolsSqsEvent } from '@aws-lambda-powertools/parser/types';
import type { SQSEvent, SQSHandler, SQSRecord } from 'aws-lambda';
import { expectTypeOf, it } from 'vitest';
import {
  makeSqsEvent,
  makeSqsRecord,
  type SqsEmptyMd5OfMessageAttributes,
  type SqsEvent,
  type SqsEventOptions,
  type SqsRecord,
} from '../../src/index.js';
import { sqsEvent, sqsRecord } from '../../arbitraries/index.js';
import type { Arbitrary } from 'fast-check';

it('factories return the SQS event types, keyed on emptyMd5OfMessageAttributes', () => {
  expectTypeOf(makeSqsEvent(['x'])).toEqualTypeOf<SqsEvent<'omit'>>();
  expectTypeOf(makeSqsRecord({ body: { a: 1 } })).toEqualTypeOf<SqsRecord<'omit'>>();
  expectTypeOf(makeSqsEvent(['x'], { emptyMd5OfMessageAttributes: 'omit' })).toEqualTypeOf<SqsEvent<'omit'>>();
  expectTypeOf(makeSqsEvent(['x'], { emptyMd5OfMessageAttributes: 'null' })).toEqualTypeOf<SqsEvent<'null'>>();
  expectTypeOf(makeSqsRecord('x', { emptyMd5OfMessageAttributes: 'null' })).toEqualTypeOf<SqsRecord<'null'>>();
  // A form only known at run time gives the wider type.
  const form = 'omit' as SqsEmptyMd5OfMessageAttributes;
  expectTypeOf(makeSqsEvent(['x'], { emptyMd5OfMessageAttributes: form })).toEqualTypeOf<SqsEvent>();
  expectTypeOf(makeSqsEvent(['x'], {} as SqsEventOptions)).toEqualTypeOf<SqsEvent<'omit'>>();
  expectTypeOf<SqsRecord<'omit'>['md5OfMessageAttributes']>().toEqualTypeOf<string | undefined>();
  // Either form: typed as @types/aws-lambda types it (see SqsEmptyMd5OfMessageAttributes).
  expectTypeOf<SqsRecord['md5OfMessageAttributes']>().toEqualTypeOf<string | undefined>();
  expectTypeOf<SqsRecord<'null'>['md5OfMessageAttributes']>().toEqualTypeOf<string | null | undefined>();
});

it('arbitraries: both forms by default, the narrow type when pinned to omit', () => {
  expectTypeOf(sqsEvent()).toEqualTypeOf<Arbitrary<SqsEvent>>();
  expectTypeOf(sqsRecord()).toEqualTypeOf<Arbitrary<SqsRecord>>();
  expectTypeOf(sqsEvent({ emptyMd5OfMessageAttributes: 'either' })).toEqualTypeOf<Arbitrary<SqsEvent>>();
  expectTypeOf(sqsEvent({ emptyMd5OfMessageAttributes: 'null', fifo: true })).toEqualTypeOf<
    Arbitrary<SqsEvent<'null'>>
  >();
  expectTypeOf(sqsEvent({ emptyMd5OfMessageAttributes: 'omit', fifo: true })).toEqualTypeOf<
    Arbitrary<SqsEvent<'omit'>>
  >();
  expectTypeOf(sqsRecord({ emptyMd5OfMessageAttributes: 'omit' })).toEqualTypeOf<Arbitrary<SqsRecord<'omit'>>>();
  // @ts-expect-error: not a form
  sqsRecord({ emptyMd5OfMessageAttributes: 'absent' });
});

it('default factory output is @types/aws-lambda SQSEvent / SQSRecord; the explicit null form is not', () => {
  expectTypeOf(makeSqsEvent(['hello'])).toExtend<SQSEvent>();
  expectTypeOf(makeSqsRecord('hello')).toExtend<SQSRecord>();
  expectTypeOf<SqsEvent<'omit'>>().toExtend<SQSEvent>();
  const event: SQSEvent = makeSqsEvent(['hello']);
  const record: SQSRecord = makeSqsRecord('hello', { queue: 'q.fifo', overrides: { body: 'bye' } });
  const handler: SQSHandler = async () => {};
  void handler(makeSqsEvent(['hello']), {} as Parameters<SQSHandler>[1], () => {});
  expectTypeOf(makeSqsEvent(['x'], { emptyMd5OfMessageAttributes: 'null' })).not.toExtend<SQSEvent>();
  expectTypeOf<SqsRecord>().toExtend<SQSRecord>();
  expectTypeOf<SqsRecord<'null'>>().not.toExtend<SQSRecord>();
  // @ts-expect-error: with 'null', md5OfMessageAttributes may be null, which SQSEvent does not allow
  const nulled: SQSEvent = makeSqsEvent(['hello'], { emptyMd5OfMessageAttributes: 'null' });
  // null is the explicit null form's: an override that puts it in says so.
  // @ts-expect-error: the default form is typed as @types/aws-lambda types it
  makeSqsRecord('x', { overrides: { md5OfMessageAttributes: null } });
  expectTypeOf(
    makeSqsRecord('x', { emptyMd5OfMessageAttributes: 'null', overrides: { md5OfMessageAttributes: null } }),
  ).toEqualTypeOf<SqsRecord<'null'>>();
  expectTypeOf(
    makeSqsRecord('x', { emptyMd5OfMessageAttributes: 'null', overrides: { md5OfMessageAttributes: null } }),
  ).not.toExtend<SQSRecord>();
  expectTypeOf(makeSqsRecord('x', { overrides: { md5OfMessageAttributes: 'abc' } })).toEqualTypeOf<SqsRecord<'omit'>>();
  // @ts-expect-error: a record of the explicit null form is not an SQSRecord
  const overridden: SQSRecord = makeSqsRecord('x', { emptyMd5OfMessageAttributes: 'null' });
  void handler(
    // @ts-expect-error: an SQSHandler does not take the null form
    makeSqsEvent(['hello'], { emptyMd5OfMessageAttributes: 'null' }),
    {} as Parameters<SQSHandler>[1],
    () => {},
  );
  void [event, record, nulled, overridden];
});

it('both forms are assignable to Powertools SqsEvent; apart from md5OfMessageAttributes, the wide record is an SQSRecord', () => {
  expectTypeOf<SqsEvent>().toExtend<PowertoolsSqsEvent>();
  expectTypeOf<SqsEvent<'omit'>>().toExtend<PowertoolsSqsEvent>();
  // @types/aws-lambda types md5OfMessageAttributes as string | undefined; the 'null' form sends null.
  expectTypeOf<Omit<SqsRecord, 'md5OfMessageAttributes'>>().toExtend<Omit<SQSRecord, 'md5OfMessageAttributes'>>();
});

it('messages, options and overrides are typed', () => {
  makeSqsEvent([
    'text',
    { json: true },
    42,
    { body: 'x', messageAttributes: { n: 1, b: new Uint8Array(1) }, attributes: { ApproximateReceiveCount: 2 } },
  ]);
  makeSqsEvent(['x'], { queue: 'q.fifo', attributes: { MessageGroupId: 'g' }, overrides: { Records: [] } });
  makeSqsRecord('x', { overrides: { attributes: { ApproximateReceiveCount: '2' } } });
  // @ts-expect-error: options.queue is a string
  makeSqsEvent(['x'], { queue: 1 });
  // @ts-expect-error: Records must be given whole (an array), not merged
  makeSqsEvent(['x'], { overrides: { Records: { 0: { body: 'x' } } } });
  // @ts-expect-error: a message body cannot be undefined
  makeSqsEvent([undefined]);
  // @ts-expect-error: the form is 'omit' or 'null', not a boolean (the former omitNullMd5OfMessageAttributes)
  makeSqsEvent(['x'], { emptyMd5OfMessageAttributes: true });
  // @ts-expect-error: omitNullMd5OfMessageAttributes was replaced by emptyMd5OfMessageAttributes
  makeSqsEvent(['x'], { omitNullMd5OfMessageAttributes: true });
});
