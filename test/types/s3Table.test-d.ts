/**
 * The S3 event table is the one source of the per-name types: every union, object type, extra
 * block and EventBridge reason is derived from its rows, and a row of a kind nothing maps is a
 * compile error rather than a silent `never`.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type {
  S3_EVENT_TYPES,
  S3EventName,
  S3EventTypeInfo,
  S3ExtraBlock,
  S3ObjectShape,
} from '../../src/events/s3/eventTypes.js';
import type {
  S3DeletionType,
  S3EventBridgeDetailOf,
  S3EventBridgeDetailType,
  S3EventBridgeDetails,
  S3EventRecordOf,
  S3ExtraBlocks,
  S3ExtrasOf,
  S3ObjectByShape,
  S3ObjectCreatedReason,
  S3ObjectDeletedReason,
  S3ObjectOf,
} from '../../src/events/s3/types.js';
import type {
  S3FullObjectEventName,
  S3ReplicationEventName,
  S3TransitionEventName,
} from '../../src/events/s3/eventTypes.js';

/** The names whose `T<N>` is `never`: must itself be `never`. */
type NeverFor<T extends Record<S3EventName, unknown>> = {
  [N in S3EventName]: [T[N]] extends [never] ? N : never;
}[S3EventName];

describe('the S3 event table', () => {
  it('gives every event name an object, an extras block and a record type (none is never)', () => {
    expectTypeOf<NeverFor<{ [N in S3EventName]: S3ObjectOf<N> }>>().toBeNever();
    expectTypeOf<NeverFor<{ [N in S3EventName]: S3ExtrasOf<N> }>>().toBeNever();
    expectTypeOf<NeverFor<{ [N in S3EventName]: S3EventRecordOf<N> }>>().toBeNever();
    expectTypeOf<S3EventName>().toEqualTypeOf<keyof typeof S3_EVENT_TYPES>();
  });

  it('maps every object shape, extra block and detail type exactly (a missing entry does not compile)', () => {
    expectTypeOf<keyof S3ObjectByShape>().toEqualTypeOf<S3ObjectShape>();
    expectTypeOf<keyof S3ExtraBlocks>().toEqualTypeOf<S3ExtraBlock>();
    expectTypeOf<keyof S3EventBridgeDetails>().toEqualTypeOf<S3EventBridgeDetailType>();
    // A shape map missing one shape is rejected, as the table's lookups reject it.
    // @ts-expect-error: 'transition' is missing
    ({ full: 1, removed: 1, deleteMarker: 1, metadata: 1 }) satisfies Record<S3ObjectShape, unknown>;
    // A row with a value outside the table's vocabulary is rejected by the table's `satisfies`.
    // @ts-expect-error: 'archived' is not an object shape
    ({ 'Object:New': { eventVersion: '2.3', object: 'archived', initiator: 's3', extra: 'none' } }) satisfies Record<
      string,
      S3EventTypeInfo
    >;
    expectTypeOf<S3EventBridgeDetailOf<S3EventBridgeDetailType>>().not.toBeNever();
  });

  it('derives the unions from the rows', () => {
    expectTypeOf<S3TransitionEventName>().toEqualTypeOf<'LifecycleTransition' | 'IntelligentTiering'>();
    expectTypeOf<S3ReplicationEventName>().toEqualTypeOf<Extract<S3EventName, `Replication:${string}`>>();
    expectTypeOf<'ObjectRestore:Delete'>().toExtend<S3FullObjectEventName>();
    expectTypeOf<S3ObjectCreatedReason>().toEqualTypeOf<
      'PutObject' | 'POST Object' | 'CopyObject' | 'CompleteMultipartUpload'
    >();
    expectTypeOf<S3ObjectDeletedReason>().toEqualTypeOf<'DeleteObject' | 'Lifecycle Expiration'>();
    expectTypeOf<S3DeletionType>().toEqualTypeOf<'Permanently Deleted' | 'Delete Marker Created'>();
    expectTypeOf<S3ExtrasOf<'Replication:OperationFailedReplication'>>().toHaveProperty('replicationEventData');
    expectTypeOf<S3ObjectOf<'ObjectRemoved:Delete'>>().not.toHaveProperty('size');
  });
});
