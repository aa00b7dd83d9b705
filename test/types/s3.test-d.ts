import type { EventBridgeEvent, S3Event, S3EventRecord } from 'aws-lambda';
import { describe, expectTypeOf, it } from 'vitest';
import {
  makeS3DeleteEvent,
  makeS3Event,
  makeS3EventBridgeEvent,
  makeS3PutEvent,
  makeS3TestEvent,
  type S3EventBridgeEventOf,
  type S3EventOf,
  type S3EventRecordOf,
  type S3ObjectDeletedDetail,
  type S3TestEvent,
} from '../../fixtures/s3.js';
import { s3Event } from '../../arbitraries/s3Event.js';
import { s3EventBridgeEvent } from '../../arbitraries/s3EventBridgeEvent.js';
import { s3Record } from '../../arbitraries/s3Record.js';
import type { Arbitrary } from 'fast-check';

describe('S3 factory types', () => {
  it('makeS3PutEvent returns @types/aws-lambda S3Event', () => {
    expectTypeOf(makeS3PutEvent('b')).toEqualTypeOf<S3Event>();
  });

  it('delete events say their object has no size or eTag', () => {
    const event = makeS3DeleteEvent('b');
    expectTypeOf(event.Records[0]!.s3.object).toEqualTypeOf<{ key: string; versionId?: string; sequencer: string }>();
    expectTypeOf(event.Records[0]!.s3.object).not.toHaveProperty('size');
    expectTypeOf(event.Records[0]!.eventName).toEqualTypeOf<'ObjectRemoved:Delete'>();
  });

  it('full-object events stay assignable to S3Event; partial ones are not', () => {
    expectTypeOf(makeS3Event('ObjectCreated:CompleteMultipartUpload', 'b')).toMatchTypeOf<S3Event>();
    expectTypeOf(makeS3Event('ObjectRestore:Completed', 'b').Records[0]!).toMatchTypeOf<S3EventRecord>();
    expectTypeOf(makeS3Event('ObjectTagging:Put', 'b')).not.toMatchTypeOf<S3Event>();
    expectTypeOf(
      makeS3Event('LifecycleTransition', 'b').Records[0]!.lifecycleEventData.transitionEventData
        .destinationStorageClass,
    ).toEqualTypeOf<string>();
    expectTypeOf(
      makeS3Event('Replication:OperationFailedReplication', 'b').Records[0]!.replicationEventData.failureReason,
    ).toEqualTypeOf<string | undefined>();
    expectTypeOf(makeS3Event('ObjectAcl:Put', 'b')).toEqualTypeOf<S3EventOf<'ObjectAcl:Put'>>();
  });

  it('EventBridge events are EventBridgeEvent<detail-type, detail>', () => {
    const event = makeS3EventBridgeEvent('Object Deleted', 'b');
    expectTypeOf(event).toMatchTypeOf<EventBridgeEvent<'Object Deleted', S3ObjectDeletedDetail>>();
    expectTypeOf(event.detail['deletion-type']).toEqualTypeOf<'Permanently Deleted' | 'Delete Marker Created'>();
    expectTypeOf(makeS3TestEvent('b')).toEqualTypeOf<S3TestEvent>();
  });

  it('checks options and overrides', () => {
    // @ts-expect-error Records must be given whole, as an array of records
    makeS3PutEvent('b', { overrides: { Records: 'x' } });
    // @ts-expect-error size is a number
    makeS3PutEvent('b', { size: '5' });
    // @ts-expect-error unknown option
    makeS3PutEvent('b', { sise: 5 });
    // @ts-expect-error not an event name
    makeS3Event('ObjectCreated:*', 'b');
    // @ts-expect-error not a detail type
    makeS3EventBridgeEvent('Object Put', 'b');
    // @ts-expect-error reason is a union of the documented values
    makeS3EventBridgeEvent('Object Created', 'b', { reason: 'Upload' });
    // @ts-expect-error detail fields are typed
    makeS3EventBridgeEvent('Object Created', 'b', { overrides: { detail: { object: { size: 'big' } } } });
    makeS3PutEvent('b', { overrides: { Records: [] }, recordOverrides: { s3: { bucket: { name: 'c' } } } });
    // @ts-expect-error recordOverrides are typed by the record
    makeS3PutEvent('b', { recordOverrides: { s3: { bucket: { name: 1 } } } });
  });
});

describe('S3 arbitrary types', () => {
  it('are typed by their constraints', () => {
    expectTypeOf(s3Event({ eventNames: ['ObjectRemoved:Delete'] })).toEqualTypeOf<
      Arbitrary<S3EventOf<'ObjectRemoved:Delete'>>
    >();
    expectTypeOf(s3Record()).toEqualTypeOf<Arbitrary<S3EventRecordOf>>();
    expectTypeOf(s3Record({ eventNames: ['ObjectRemoved:Delete'] })).toEqualTypeOf<
      Arbitrary<S3EventRecordOf<'ObjectRemoved:Delete'>>
    >();
    expectTypeOf(s3Record({ eventNames: ['ObjectRemoved:Delete'] })).not.toEqualTypeOf<Arbitrary<S3EventRecordOf>>();
    expectTypeOf(s3EventBridgeEvent({ detailTypes: ['Object Created'] })).toMatchTypeOf<
      Arbitrary<EventBridgeEvent<'Object Created', unknown>>
    >();
    expectTypeOf(s3EventBridgeEvent({ detailTypes: ['Object Created'] })).toEqualTypeOf<
      Arbitrary<S3EventBridgeEventOf<'Object Created'>>
    >();
    // @ts-expect-error not an event name
    s3Event({ eventNames: ['ObjectCreated:*'] });
  });
});
